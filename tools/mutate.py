#!/usr/bin/env python3
"""Mutation testing of the core, one module at a time, with the tests that matter for it.

    .venv/bin/python tools/mutate.py                 # every module below, one after another
    .venv/bin/python tools/mutate.py records         # one module (names: see MODULES)
    .venv/bin/python tools/mutate.py --survivors records   # list what survived, with diffs

mutmut makes small wrong changes ("mutants") to one module and runs the module's tests
against each; a mutant no test fails on ("survived") is a change of behaviour nothing
checks. Each module runs in its own copy of the checkout under ``.mutmut/NAME/`` with
its own narrowed test selection (mutmut then runs, for each mutant, only the selected
tests that call the mutated function), one mutant at a time: the machine is shared.
Selected tests that fail before any mutation are named and left out of the run.
Results stay there, so ``cd .mutmut/NAME && ../../.venv/bin/mutmut show MUTANT`` works.

The kill rate printed is killed / all mutants, and killed / (all - equivalent), where
the equivalent ones are the mutant names listed in ``docs/mutation.md`` (mutants that
change no behaviour, with why). Exit status 1 when a module is below ``--target``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
# What the tests read besides the package and tests/ (mutmut copies those itself).
ALSO_COPY = ("resources", "sample_corpus", "docs", "README.md")


@dataclass(frozen=True)
class Module:
    path: str  # the file mutated
    tests: tuple[str, ...]  # the narrowed test selection (pytest arguments)
    functions: tuple[str, ...] = ()  # only these functions' mutants (mutmut name globs)


# The offset checks and the adding and changing of spans (store/spans.py).
_STORE_FUNCTIONS = tuple(
    f"annotator.core.store.spans.{name}__mutmut_*"
    for name in (
        "xǁSpansǁadd",
        "xǁSpansǁcheck_offsets",
        "xǁSpansǁupdate",
        "x_whole_offsets",
        "x__check_label",
    )
)

# Undo and redo (history.py): the journal that records each write, and the replay.
_HISTORY_FUNCTIONS = tuple(
    f"annotator.core.history.{name}__mutmut_*"
    for name in (
        "xǁJournalǁrecord",
        "xǁJournalǁinsert",
        "xǁJournalǁupdate",
        "xǁJournalǁdelete",
        "xǁJournalǁchanges",
        "xǁHistoryǁlabel",
        "xǁHistoryǁ_step_head",
        "xǁHistoryǁ_step",
        "xǁHistoryǁreplay",
        "xǁHistoryǁ_mark",
        "xǁHistoryǁ_apply",
    )
)

_STORE_TESTS = (
    "tests/test_store.py",
    "tests/test_store_safety.py",
    "tests/test_store_mutants.py",
    "-m",
    "not slow",
)

# Five seconds of generated corpora per mutant, and what it checks the round-trip tests check.
_NO_PROPERTY_TEST = (
    "--deselect",
    "tests/test_export.py::test_property_import_export_import_export_is_exact",
)

MODULES: dict[str, Module] = {
    "records": Module(
        "annotator/core/records.py",
        (
            "tests/test_import.py",
            "tests/test_export.py",
            # Prodigy answers, analysts' layers and suggestions read back from a record;
            # dates and encodings of the files records come from.
            "tests/test_import_merge.py",
            "tests/test_import_formats.py",
            "tests/test_import_layers.py",
            "tests/test_teams_layers.py",
            "tests/test_teams_merge.py",
            "tests/test_suggest.py",
            "-m",
            "not slow",
            *_NO_PROPERTY_TEST,
        ),
    ),
    "exporting": Module(
        "annotator/core/exporting.py",
        (
            "tests/test_export.py",
            "tests/test_reliability_export.py",
            # Suggestions and analysts' layers in an export.
            "tests/test_suggest.py",
            "tests/test_teams_layers.py",
            "tests/test_teams_merge.py",
            "-m",
            "not slow",
            *_NO_PROPERTY_TEST,
        ),
    ),
    "textio": Module(
        "annotator/core/textio.py",
        ("tests/test_textio.py", "tests/test_import.py", "tests/test_import_formats.py"),
    ),
    "offsets": Module("annotator/gui/offsets.py", ("tests/test_gui_offsets.py",)),
    "store": Module("annotator/core/store/spans.py", _STORE_TESTS, _STORE_FUNCTIONS),
    "history": Module("annotator/core/history.py", _STORE_TESTS, _HISTORY_FUNCTIONS),
}

_RESULT = re.compile(r"^\s+(\S+__mutmut_\d+): (.+)$")
_MUTANT_NAME = re.compile(r"`(annotator\.[^`\s]+__mutmut_\d+)`")
_KILLED = {"killed", "timeout", "caught by type check"}


def equivalent_mutants() -> set[str]:
    """Mutant names docs/mutation.md lists as equivalent."""
    doc = ROOT / "docs" / "mutation.md"
    return set(_MUTANT_NAME.findall(doc.read_text(encoding="utf-8"))) if doc.exists() else set()


def prepare(name: str, module: Module) -> Path:
    """A fresh copy of the checkout for this module, with its mutmut configuration."""
    work = ROOT / ".mutmut" / name
    for sub in ("annotator", "tests", *ALSO_COPY):
        target = work / sub
        if target.is_dir():
            shutil.rmtree(target)
        source = ROOT / sub
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    failing = failing_tests(work, module)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = project["tool"]["pytest"]["ini_options"]
    config = {
        "source_paths": ["annotator"],
        "only_mutate": [module.path],
        "also_copy": list(ALSO_COPY),
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "no:randomly"],
        "pytest_add_cli_args_test_selection": [*module.tests, *_deselect(failing)],
        # A fresh copy every run: mutmut's own change tracking would only see the copy.
        "use_git_change_detection": False,
    }
    lines = ["[tool.pytest.ini_options]"]
    lines += [f"{key} = {_toml(value)}" for key, value in pytest_options.items()]
    lines += ["", "[tool.mutmut]"]
    lines += [f"{key} = {_toml(value)}" for key, value in config.items()]
    (work / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Results of an earlier run describe an earlier source: start from nothing.
    shutil.rmtree(work / "mutants", ignore_errors=True)
    return work


def failing_tests(work: Path, module: Module) -> list[str]:
    """The selected tests that already fail on the unmutated source (named, then left out).

    mutmut needs a selection that passes before it mutates anything; a test that
    fails anyway (e.g. while someone updates it) says nothing about a mutant.
    """
    run = subprocess.run(
        [
            *(str(VENV_BIN / "python"), "-m", "pytest", "-q", "--tb=no", "-rfE"),
            *("-p", "no:cacheprovider", "-p", "no:randomly", *module.tests),
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    failing = []
    for line in run.stdout.splitlines():
        for prefix in ("FAILED ", "ERROR "):
            if line.startswith(prefix):
                failing.append(line.removeprefix(prefix).split(" - ", 1)[0].strip())
    for test in failing:
        print(f"   left out, fails without any mutant: {test}", flush=True)
    return failing


def _deselect(tests: list[str]) -> list[str]:
    return [arg for test in tests for arg in ("--deselect", test)]


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(value)


def results(work: Path, module: Module) -> dict[str, str]:
    """Status of each mutant of the module, from ``mutmut results --all``."""
    out = subprocess.run(
        [str(VENV_BIN / "mutmut"), "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    dotted = module.path.removesuffix(".py").replace("/", ".")
    statuses = {}
    for line in out.splitlines():
        match = _RESULT.match(line)
        if match and match.group(1).startswith(dotted + "."):
            statuses[match.group(1)] = match.group(2).strip()
    if module.functions:
        from fnmatch import fnmatch

        statuses = {
            k: v for k, v in statuses.items() if any(fnmatch(k, f) for f in module.functions)
        }
    return statuses


def report(name: str, statuses: dict[str, str], equivalent: set[str]) -> float:
    total = len(statuses)
    killed = sum(1 for s in statuses.values() if s in _KILLED)
    left = {k: s for k, s in statuses.items() if s not in _KILLED}
    equiv = sorted(k for k in left if k in equivalent)
    real = total - len(equiv)
    rate = killed / real if real else 1.0
    kinds: dict[str, int] = {}
    for s in left.values():
        kinds[s] = kinds.get(s, 0) + 1
    print(
        f"{name:<10} {killed:4d}/{total:<4d} killed ({killed / total if total else 1:.1%}); "
        f"{len(equiv)} equivalent; {rate:.1%} of the rest; not killed: "
        + (", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none")
    )
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(MODULES))
    parser.add_argument("--survivors", action="store_true", help="only list the last results")
    parser.add_argument("--target", type=float, default=0.95, help="kill rate to reach")
    args = parser.parse_args()
    names = args.modules or list(MODULES)
    unknown = [n for n in names if n not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)} (use {', '.join(MODULES)})")
    equivalent = equivalent_mutants()
    rates = {}
    for name in names:
        module = MODULES[name]
        work = ROOT / ".mutmut" / name
        if not args.survivors:
            work = prepare(name, module)
            began = time.perf_counter()
            print(f"== {name}: {module.path}, tests {' '.join(module.tests)}", flush=True)
            run = subprocess.run(
                [str(VENV_BIN / "mutmut"), "run", "--max-children", "1", *module.functions],
                cwd=work,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            (work / "run.log").write_text(run.stdout, encoding="utf-8")
            if run.returncode != 0:
                print(run.stdout[-3000:])
                print(f"{name}: mutmut failed (exit {run.returncode}); see {work / 'run.log'}")
                return 2
            print(f"   ({time.perf_counter() - began:.0f} s)")
        statuses = results(work, module)
        rates[name] = report(name, statuses, equivalent)
        if args.survivors:
            for key, status in sorted(statuses.items()):
                if status not in _KILLED and key not in equivalent:
                    print(f"  {status:<10} {key}")
    low = [n for n, r in rates.items() if r < args.target]
    if low:
        print(f"below {args.target:.0%}: {', '.join(low)}")
    return 1 if low else 0


if __name__ == "__main__":
    raise SystemExit(main())

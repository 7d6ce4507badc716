"""The command line, run as users run it: in a subprocess, with --db or ANNOTATOR_DB."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from annotator.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120


def run(
    *args: str | Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    exe: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    command = [*(exe or [sys.executable, "-m", "annotator"]), *map(str, args)]
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PYTHONWARNINGS", None)
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=cwd,
        timeout=TIMEOUT,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Ministry warns against bloc politics\n\n"
        '[March 02, 2024]  CANBERRA (Newswire) - A spokesperson said "no bloc" 😀.\n',
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "NATO office\n\nBRUSSELS, May 14 (Newswire) - Text.\n", encoding="utf-8"
    )
    (folder / "c.jsonl").write_text(
        json.dumps(
            {
                "text": "Lin Qiao said the Pacific is not a backyard.",
                "title": "Backyard",
                "status": "done",
                "spans": [
                    {"start": 0, "end": 8, "label": "speaker"},
                    {"start": 14, "end": 43, "label": "claim"},
                    {"start": 9, "end": 13, "label": "cue", "status": "rejected"},
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def db(tmp_path: Path, articles: Path) -> Path:
    """A database filled through the command line."""
    path = tmp_path / "cli.db"
    result = run("--db", path, "import", articles)
    assert result.returncode == 0, result.stderr
    return path


# --- import ------------------------------------------------------------------------------


def test_import_with_db_option(tmp_path: Path, articles: Path) -> None:
    path = tmp_path / "sub" / "folder" / "new.db"  # missing folders are made
    result = run("--db", path, "import", articles)
    no_traceback(result)
    assert result.returncode == 0
    assert result.stdout.strip() == "3 articles added, 0 skipped as duplicates, 0 failed"
    assert result.stderr.strip() == f"annotator: created new database {path}"
    with Store(path) as s:
        assert s.article_count() == 3

    again = run("--db", path, "import", articles / "a.txt")
    assert again.returncode == 0
    assert again.stdout.strip() == "0 articles added, 1 skipped as duplicates, 0 failed"
    assert again.stderr == ""  # nothing was created this time


def test_import_with_environment_variable(tmp_path: Path, articles: Path) -> None:
    path = tmp_path / "from-env.db"
    result = run("import", articles / "a.txt", env={"ANNOTATOR_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 article added")
    with Store(path) as s:
        assert s.article_count() == 1


def test_db_option_wins_over_environment(tmp_path: Path, articles: Path) -> None:
    env_db, opt_db = tmp_path / "env.db", tmp_path / "opt.db"
    result = run("--db", opt_db, "import", articles, env={"ANNOTATOR_DB": str(env_db)})
    assert result.returncode == 0
    assert opt_db.exists() and not env_db.exists()


def test_import_failures_exit_1_one_line_each_good_ones_kept(
    tmp_path: Path, articles: Path
) -> None:
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (articles / "bad.jsonl").write_text('{"text": "fine line"}\n{oops\n[1]\n', encoding="utf-8")
    (articles / "latin1.txt").write_bytes("Caf\u00e9\n".encode("latin-1"))
    path = tmp_path / "x.db"

    result = run("--db", path, "import", articles, tmp_path / "missing.txt")

    no_traceback(result)
    assert result.returncode == 1
    created, *errors = result.stderr.strip().splitlines()
    assert created == f"annotator: created new database {path}"
    assert len(errors) == 6
    expected_starts = [
        str(tmp_path / "missing.txt"),
        f"{articles / 'bad.jsonl'}:2",
        f"{articles / 'bad.jsonl'}:3",
        str(articles / "binary.txt"),
        str(articles / "empty.txt"),
        f"{articles / 'latin1.txt'}:1",
    ]
    assert sorted(e.split(": ", 1)[0] for e in errors) == sorted(expected_starts)
    assert result.stdout.strip() == "4 articles added, 0 skipped as duplicates, 6 failed"
    with Store(path) as s:
        assert s.article_count() == 4


def test_unusable_database_is_one_line_exit_1(tmp_path: Path, articles: Path) -> None:
    foreign = tmp_path / "other.sqlite"
    foreign.write_bytes(b"SQLite format 3\x00" + os.urandom(2000))
    before = foreign.read_bytes()
    result = run("--db", foreign, "stats")
    no_traceback(result)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"annotator: {foreign}")
    assert foreign.read_bytes() == before

    result = run("--db", tmp_path, "stats")  # a folder
    no_traceback(result)
    assert result.returncode == 1 and "folder" in result.stderr


# --- export ------------------------------------------------------------------------------


def test_export_to_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("--db", db, "export", "-o", out)
    no_traceback(result)
    assert result.returncode == 0
    assert result.stdout.strip() == f"3 articles written to {out}"
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    for rec in records:
        assert rec["schema_version"] == 2
        for span in rec["spans"]:
            assert rec["text"][span["start"] : span["end"]] == span["text"]
    backyard = next(r for r in records if r["title"] == "Backyard")
    assert [s["label"] for s in backyard["spans"]] == ["speaker", "claim"]  # rejected left out


def test_export_to_stdout(db: Path) -> None:
    for args in (("export",), ("export", "-o", "-")):
        result = run("--db", db, *args)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert len(lines) == 3
        assert {json.loads(line)["title"] for line in lines} == {
            "Ministry warns against bloc politics",
            "NATO office",
            "Backyard",
        }
        assert "😀" in result.stdout  # UTF-8, not \\u escapes, whatever the locale


def test_export_stdout_is_utf8_even_with_a_c_locale(db: Path) -> None:
    result = run("--db", db, "export", env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""})
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    assert len(result.stdout.splitlines()) == 3


def test_export_csv(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("--db", db, "export", "--format", "csv", "-o", out)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [(r["label"], r["text"]) for r in rows] == [
        ("speaker", "Lin Qiao"),
        ("claim", "the Pacific is not a backyard"),
    ]


def test_export_w3c(db: Path) -> None:
    result = run("--db", db, "export", "--format", "w3c", "--include-rejected")
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    assert page["type"] == "AnnotationPage" and len(page["items"]) == 3
    kinds = {sel["type"] for item in page["items"] for sel in item["target"]["selector"]}
    assert kinds == {"TextPositionSelector", "TextQuoteSelector"}


def test_export_filters(db: Path) -> None:
    result = run("--db", db, "export", "--status", "done")
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == ["Backyard"]
    result = run("--db", db, "export", "--status", "done", "--status", "todo")
    assert len(result.stdout.splitlines()) == 3

    result = run("--db", db, "export", "--label", "claim")
    (rec,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert [s["text"] for s in rec["spans"]] == ["the Pacific is not a backyard"]

    result = run("--db", db, "export", "--label", "cue")
    assert result.returncode == 0 and result.stdout == ""  # the only cue is rejected
    result = run("--db", db, "export", "--label", "cue", "--include-rejected")
    (rec,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(s["text"], s["status"]) for s in rec["spans"]] == [("said", "rejected")]


def test_export_to_missing_folder_is_one_line(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "nope" / "out.jsonl"
    result = run("--db", db, "export", "-o", target)
    no_traceback(result)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert str(target) in line


# --- stats, usage, help --------------------------------------------------------------------


def test_stats(db: Path) -> None:
    result = run("--db", db, "stats")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"database: {db}" in out
    assert "articles: 3" in out
    assert "  todo: 2" in out and "  done: 1" in out
    assert "spans: 3" in out
    # Each breakdown of the spans sits under its own heading, indented below it.
    lines = out.splitlines()
    start = lines.index("spans: 3")
    assert lines[start + 1 : start + 9] == [
        "  by label:",
        "    claim: 1",
        "    cue: 1",
        "    speaker: 1",
        "  by status:",
        "    accepted: 2",
        "    rejected: 1",
        "speakers: 0",
    ]


def test_stats_counts_the_statuses_of_the_analyst_who_asks(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, annotator="alice") as store:
        first = store.add_article("One text.")
        store.add_article("Another text.")
        store.set_article_status(first, "done")
        store.annotator = "bob"
        store.set_article_status(first, "in_progress")
    bob = run("--db", db, "--annotator", "bob", "stats").stdout.splitlines()
    assert bob[2:6] == ["  todo: 1", "  in_progress: 1", "  done: 0", "  reviewed: 0"]
    assert bob[6] == "  done by analyst: alice 1"
    alice = run("--db", db, "--annotator", "alice", "stats").stdout.splitlines()
    assert alice[2:6] == ["  todo: 1", "  in_progress: 0", "  done: 1", "  reviewed: 0"]
    assert alice[6] == "spans: 0"  # only her own statuses: nothing more to say


def test_stats_on_a_missing_database_refuses(tmp_path: Path) -> None:
    result = run("stats", env={"ANNOTATOR_DB": str(tmp_path / "fresh.db")})
    assert result.returncode == 1
    assert result.stderr.strip() == f"annotator: no database at {tmp_path / 'fresh.db'}"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "xml"),
        ("export", "--status", "finished"),
        ("import",),
        ("frobnicate",),
        ("--no-such-option", "stats"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run("--db", tmp_path / "u.db", *args)
    no_traceback(result)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert not (tmp_path / "u.db").exists()


def test_help(tmp_path: Path) -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("import", "export", "stats", "--db"):
        assert word in result.stdout
    result = run("export", "--help")
    assert result.returncode == 0
    for word in ("--format", "--status", "--label", "--include-rejected", "-o"):
        assert word in result.stdout


def test_default_database_is_in_the_user_data_folder(session_home: Path) -> None:
    """Without --db or ANNOTATOR_DB the help names platformdirs' user data folder."""
    env = {k: v for k, v in os.environ.items() if k != "ANNOTATOR_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0
    expected = session_home / "data" / "annotator" / "annotations.db"
    assert Path(env["XDG_DATA_HOME"]) == session_home / "data"
    # argparse may wrap (and even break) the long path: compare without whitespace.
    assert "".join(str(expected).split()) in "".join(result.stdout.split())


# --- the installed wheel -------------------------------------------------------------------


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    """Build the wheel offline, install it in a fresh venv, and use it from elsewhere."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "annotator", src / "annotator", ignore=ignore)
    shutil.copytree(ROOT / "resources", src / "resources", ignore=ignore)

    dist = tmp_path / "dist"
    # --no-isolation: no download; the venv's setuptools (the `test` extra) builds it.
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = dist.glob("annotator-*.whl")

    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=TIMEOUT
    )
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # Dependencies (PySide6, sqlite-utils, platformdirs) come from this venv, after
    # the new one's own site-packages; nothing from the checkout is importable.
    new_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.strip()
    deps_site = sysconfig.get_paths()["purelib"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        "PYTHONPATH": os.pathsep.join([new_site, deps_site]),
        "ANNOTATOR_DB": str(elsewhere / "wheel.db"),
    }

    result = run("--help", exe=[str(bindir / "annotator")], env=env, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "import" in result.stdout

    article = elsewhere / "one.txt"
    article.write_text(
        "Installed title\n\nOSLO (Agency - 06th June, 2024) Body 😀.\n", encoding="utf-8"
    )
    result = run("import", article, exe=[str(bindir / "annotator")], env=env, cwd=elsewhere)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 article added")

    probe = (
        "import annotator, json\n"
        "from annotator.resources import label_schema, resource_dir\n"
        "print(json.dumps({'module': annotator.__file__, 'dir': str(resource_dir()),\n"
        "                  'labels': [l['name'] for l in label_schema()]}))\n"
    )
    result = run("-c", probe, exe=[str(python)], env=env, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert Path(found["module"]).resolve().is_relative_to(venv.resolve())
    assert Path(found["dir"]).resolve().is_relative_to(venv.resolve())
    assert found["labels"] == ["speaker", "claim", "cue", "target"]


# --- read-only commands never create or change a database ---------------------------------


@pytest.mark.parametrize(
    "args", [("export", "-o", "OUT"), ("stats",), ("search", "bloc"), ("export",)]
)
def test_read_only_commands_refuse_a_missing_database(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text('{"good": "earlier export"}\n', encoding="utf-8")
    mistyped = tmp_path / "typo" / "aa.db"
    result = run("--db", mistyped, *(str(out) if a == "OUT" else a for a in args))
    no_traceback(result)
    assert result.returncode == 1
    assert result.stderr.strip() == f"annotator: no database at {mistyped}"
    assert result.stdout == ""
    assert not mistyped.parent.exists()
    assert out.read_text(encoding="utf-8") == '{"good": "earlier export"}\n'


def test_suggest_refuses_a_missing_database(tmp_path: Path) -> None:
    result = run("--db", tmp_path / "aa.db", "suggest")
    assert result.returncode == 1
    assert "no database at" in result.stderr
    assert not (tmp_path / "aa.db").exists()


def test_reading_commands_leave_the_file_as_it_was(db: Path, tmp_path: Path) -> None:
    before, mtime = db.read_bytes(), db.stat().st_mtime_ns
    for args in (("stats",), ("export", "-o", tmp_path / "o.jsonl"), ("search", "Pacific")):
        assert run("--db", db, *args).returncode == 0
    assert db.read_bytes() == before and db.stat().st_mtime_ns == mtime


def _read_only_folder(folder: Path, command: str) -> list[str] | None:
    """A shell command running ``command`` with ``folder`` read-only, or None."""
    if os.geteuid() != 0:
        return [
            "sh",
            "-c",
            f"chmod a-w {folder}/* {folder} && {command}; s=$?; chmod u+w {folder}; exit $s",
        ]
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    return ["unshare", "-m", "sh", "-c", f"mount --bind -o ro {folder} {folder} && {command}"]


def test_database_on_a_read_only_mount_can_be_exported_and_counted(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "cli.db"
    shutil.copy2(db, target)
    out = tmp_path / "out.jsonl"
    exe = f"{sys.executable} -m annotator --db {target}"
    command = _read_only_folder(folder, f"{exe} stats && {exe} export -o {out}")
    if command is None:
        pytest.skip("no way to make a read-only folder here")
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "articles: 3" in result.stdout
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


# --- -o: devices, FIFOs, folders, standard output --------------------------------------------


def test_export_into_a_fifo_writes_into_it(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        result = run("--db", db, "export", "-o", fifo)
        replaced = not fifo.is_fifo()
        if replaced:  # nobody will ever write into what the reader waits on
            reader.kill()
        got, _ = reader.communicate(timeout=TIMEOUT)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    assert not replaced  # still the FIFO, not a regular file in its place
    assert result.returncode == 0, result.stderr
    assert len(got.decode("utf-8").splitlines()) == 3


# The devices are made in the test's folder, never the system's /dev/full or
# /dev/stdout: code with the bug this checks for would replace them for everyone.


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    """A private copy of /dev/full (a character device: every write fails, disk full)."""
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        with open(node, "w") as handle:
            handle.write("x")
            handle.flush()
    except PermissionError:
        pytest.skip("cannot make or open a device node here (not root, or a nodev mount)")
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            pytest.skip(f"no full device here ({exc})")
    return node


def test_export_to_a_full_device_stays_a_device(db: Path, full_device: Path) -> None:
    result = run("--db", db, "export", "-o", full_device)
    no_traceback(result)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"annotator: {full_device}: cannot write")
    assert full_device.is_char_device()


@pytest.mark.parametrize("name", ["/dev/fd/1", "/proc/self/fd/1", "link"])
def test_export_to_standard_output_by_name_writes_into_it(
    db: Path, tmp_path: Path, name: str
) -> None:
    if name == "link":  # a link to the process's stdout, as /dev/stdout is
        (tmp_path / "out").symlink_to("/proc/self/fd/1")
        name = str(tmp_path / "out")
    result = run("--db", db, "export", "-o", name)
    assert result.returncode == 0, result.stderr
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 3
    assert "3 articles written" in result.stderr


def test_export_to_a_folder_is_refused(db: Path, tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    result = run("--db", db, "export", "-o", tmp_path / "folder")
    no_traceback(result)
    assert result.returncode == 1
    assert "is a folder" in result.stderr
    assert list((tmp_path / "folder").iterdir()) == []


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_to_stdout_is_utf8_whatever_the_locale(db: Path, fmt: str) -> None:
    result = run("--db", db, "export", "--format", fmt, env={"PYTHONIOENCODING": "cp1252"})
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "😀" in result.stdout if fmt == "jsonl" else "Lin Qiao" in result.stdout


def test_stats_into_a_full_device_blames_the_output_not_the_database(
    db: Path, full_device: Path
) -> None:
    with open(full_device, "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "annotator", "--db", str(db), "stats"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=TIMEOUT,
        )
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line == "annotator: standard output: cannot write (No space left on device)"


# --- messages, usage ------------------------------------------------------------------------


def test_file_names_with_newlines_and_escape_codes_stay_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "two\nlines\x1b[31m.txt").write_bytes(b"")
    result = run("--db", tmp_path / "x.db", "import", folder)
    no_traceback(result)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if "created new database" not in line]
    assert len(problems) == 1
    assert "\x1b" not in result.stderr
    assert "two\\nlines\\x1b[31m.txt" in problems[0]


def test_suggest_unknown_article_is_a_usage_error(db: Path) -> None:
    result = run("--db", db, "suggest", "--article", "nope")
    no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.strip() == "annotator: suggest: no article with id 'nope'"


# --- search -----------------------------------------------------------------------------------


def test_search_lists_one_matching_article_per_line(db: Path) -> None:
    result = run("--db", db, "search", "pacific")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    article_id, hits, title = line.split("\t")
    assert (hits, title) == ("1", "Backyard")
    with Store(db) as s:
        assert s.article(article_id)["title"] == "Backyard"

    result = run("--db", db, "search", "bloc", "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == ["Ministry warns against bloc politics"]
    (rec,) = records
    with Store(db) as s:
        text = s.article_text(rec["id"])
    assert [text[a:b].lower() for a, b in rec["hits"]] == ["bloc", "bloc"]


def test_search_filters_and_limit(db: Path) -> None:
    assert run("--db", db, "search", "pacific", "--label", "claim").stdout.count("\n") == 1
    assert run("--db", db, "search", "pacific", "--label", "speaker").stdout == ""
    spoken = run("--db", db, "search", "backyard", "--speaker", "nobody")
    assert spoken.returncode == 0 and spoken.stdout == ""
    many = run("--db", db, "search", "newswire", "--limit", "1")
    assert many.returncode == 0 and many.stdout.count("\n") == 1
    assert run("--db", db, "search", "newswire").stdout.count("\n") == 2


def test_search_with_no_match_exits_0(db: Path) -> None:
    result = run("--db", db, "search", "nothingofthekind")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("args", [("search",), ("search", "x", "--limit", "0"), ("search", "--")])
def test_search_usage_errors_exit_2(db: Path, args: tuple[str, ...]) -> None:
    result = run("--db", db, *args)
    no_traceback(result)
    assert result.returncode == 2


def test_the_window_says_when_it_created_a_new_database(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from annotator.gui.app import application, build_window

    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    path = tmp_path / "new.db"
    for expected in (f"Created new database {path}", ""):
        window = build_window(path, annotator="t", seed=False, settings=settings)
        qtbot.addWidget(window)
        assert window.statusBar().currentMessage() == expected
        window.close()
        window.store.close()

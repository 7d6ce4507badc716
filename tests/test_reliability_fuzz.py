"""Bad input never breaks an import: random bytes and random JSON into every importer.

Whatever a file holds, ``import_paths`` returns a report (never an exception), a
file that fails leaves the database exactly as it was (the export before and
after is identical) and a file that imports only adds records. A file over the
size limit is refused with a clear message before it is read.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator.core.errors import IntegrityError
from annotator.core.exporting import ExportFilter, iter_records
from annotator.core.importing import ImportReport, import_paths
from annotator.core.store import Store
from annotator.core.textio import MAX_TEXT_BYTES

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".txt", ".md", ".jsonl", ".csv")
EVERYTHING = ExportFilter(include_rejected=True, include_suggestions=True)
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BASE_TEXT = (
    "Ministry warns against bloc politics\n\n"
    'CANBERRA (Newswire) - A spokesperson said that "no region needs a new bloc".\n'
)
_names = itertools.count()


def base_store() -> Store:
    """A small database with one annotated article, so 'unchanged' means something."""
    store = Store(memory=True, annotator="fuzz")
    aid = store.add_article(BASE_TEXT, title="Base")
    start = BASE_TEXT.index("no region")
    claim = store.tag(aid, start, start + 26, "claim")["claim"]
    store.attribute_claim(claim["id"], speaker_name="A spokesperson")
    speaker = store.claim(claim["id"])["speaker_id"]
    store.add_position(
        aid, speaker_id=speaker, target="blocs", stance="against", evidence=[claim["id"]]
    )
    return store


def export_all(store: Store) -> list[str]:
    return [
        json.dumps(r, ensure_ascii=False, sort_keys=True) for r in iter_records(store, EVERYTHING)
    ]


def check_import(folder: Path, suffix: str, data: bytes) -> ImportReport:
    """Import one file into a fresh base store and check the report and the database."""
    path = folder / f"input-{next(_names)}{suffix}"
    path.write_bytes(data)
    with base_store() as store:
        before = export_all(store)
        report = import_paths(store, [path])  # an exception here fails the test
        after = export_all(store)
        assert bool(report.errors) == bool(report.failed), report
        for line in report.errors:
            assert "\n" not in line and str(path) in line, line
        if report.added == 0:
            assert after == before, "a failed import changed the database"
        else:
            assert after[: len(before)] == before, "an import changed existing records"
            assert len(after) == len(before) + report.added
            for record in map(json.loads, after[len(before) :]):
                for span in record["spans"]:
                    assert record["text"][span["start"] : span["end"]] == span["text"]
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not store.db.execute("PRAGMA foreign_key_check").fetchall()
    path.unlink()
    return report


# -- strategies ---------------------------------------------------------------------

any_char = st.characters() | st.characters(categories=["Cs"])  # lone surrogates too
strings = st.text(any_char, max_size=30) | st.sampled_from(
    [
        "",
        " ",
        "claim",
        "speaker",
        "accepted",
        "rejected",
        "favor",
        "todo",
        "done",
        "s1",
        "c1",
        "2024-03-02",
        "<b>x</b>",
        "\u202e",
        "\ufeff",
        "\r\n",
    ]
)
numbers = (
    st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([0, 1, -1, 2**63, -(2**63) - 1, 10**300, 1e308, 1e-320])
)
scalars = st.none() | st.booleans() | numbers | strings
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(strings, inner, max_size=4),
    max_leaves=25,
)
offsets = st.integers(min_value=-3, max_value=120) | json_values
span_like = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["s1", "s2", "c1"]) | json_values,
        "start": offsets,
        "end": offsets,
        "label": st.sampled_from(["claim", "speaker", "Cue", ""]) | json_values,
        "text": json_values,
        "status": st.sampled_from(["accepted", "suggested", "nope"]),
        "note": json_values,
        "created": json_values,
        "annotator": json_values,
    },
)
record_like = st.fixed_dictionaries(
    {},
    optional={
        "text": st.sampled_from([BASE_TEXT, "Short text.\n", "x"]) | strings | json_values,
        "title": json_values,
        "source": json_values,
        "published": json_values,
        "date": json_values,
        "id": json_values,
        "url": json_values,
        "status": json_values,
        "meta": json_values,
        "spans": st.lists(span_like, max_size=3) | json_values,
        "label": st.lists(st.lists(offsets | st.sampled_from(["CLAIM"]), max_size=4), max_size=3)
        | json_values,
        "entities": st.lists(
            st.fixed_dictionaries(
                {}, optional={"start_offset": offsets, "end_offset": offsets, "label": json_values}
            ),
            max_size=2,
        ),
        "speakers": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "id": st.sampled_from(["p1", "p2"]) | json_values,
                    "name": json_values,
                    "kind": json_values,
                    "aliases": json_values,
                    "mentions": json_values,
                },
            ),
            max_size=2,
        )
        | json_values,
        "claims": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "id": st.sampled_from(["c1", "c2"]) | json_values,
                    "spans": json_values,
                    "speaker": json_values,
                    "kind": json_values,
                    "cue": json_values,
                },
            ),
            max_size=2,
        )
        | json_values,
        "positions": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "id": json_values,
                    "target": json_values,
                    "stance": json_values,
                    "evidence": json_values,
                    "speaker": json_values,
                },
            ),
            max_size=2,
        )
        | json_values,
        "schema_version": st.just(1) | json_values,
    },
)


def jsonl(values: list) -> bytes:
    return "".join(json.dumps(v) + "\n" for v in values).encode("utf-8")


# -- properties ---------------------------------------------------------------------


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=3000))
@example(suffix=".txt", data=b"\xff\xfe\x00\xd8")  # UTF-16 with a lone surrogate
@example(suffix=".csv", data=b'text\n"unclosed')
@example(suffix=".jsonl", data=b'\xef\xbb\xbf{"text": "bom"}\r\n')
def test_random_bytes_never_break_an_import(tmp_path: Path, suffix: str, data: bytes) -> None:
    check_import(tmp_path, suffix, data)


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), text=st.text(max_size=2000))
def test_random_text_never_breaks_an_import(tmp_path: Path, suffix: str, text: str) -> None:
    check_import(tmp_path, suffix, text.encode("utf-8"))


@FUZZ
@given(value=json_values)
def test_random_json_never_breaks_a_jsonl_import(tmp_path: Path, value) -> None:
    report = check_import(tmp_path, ".jsonl", jsonl([value]))
    if not isinstance(value, dict):
        assert report.failed == 1


@FUZZ
@given(records=st.lists(record_like, min_size=1, max_size=3))
def test_random_records_never_break_a_jsonl_import(tmp_path: Path, records: list) -> None:
    report = check_import(tmp_path, ".jsonl", jsonl(records))
    assert report.added + report.duplicates + report.failed == len(records)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(
            ["text", "Title", "status", "published", "id", "url", "body", "x", "", "TEXT"]
        )
        | strings,
        max_size=5,
    ),
    rows=st.lists(st.lists(strings | st.just(BASE_TEXT), max_size=6), max_size=4),
)
def test_random_csv_never_breaks_an_import(tmp_path: Path, header: list, rows: list) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    check_import(tmp_path, ".csv", out.getvalue().encode("utf-8", errors="surrogatepass"))


# -- cases found by fuzzing, kept as plain regressions ------------------------------------

DEPTH = 600  # deep, but within what json.loads accepts


@pytest.mark.parametrize(
    "line",
    [
        '{"text": "big number", "n": ' + "1" * 5000 + "}",  # ValueError: over 4300 digits
        "[" * 100_000 + "]" * 100_000,  # RecursionError
        '{"text": "deep meta", "meta": ' + '{"a": ' * DEPTH + "1" + "}" * DEPTH + "}",
        '{"text": "deep list", "x": ' + "[" * DEPTH + "]" * DEPTH + "}",
        '{"text": "t1", "title": "\\ud800"}',  # lone surrogates outside "text"
        '{"text": "t2", "meta": {"\\udc00": 1}}',
        '{"text": "t3", "speakers": [{"id": "s", "name": "\\ud800x"}]}',
        '{"text": "t4", "spans": [{"start": 0, "end": 2, "label": "claim", "note": "\\udfff"}]}',
        '{"text": "t5", "speakers": [{"id": "s", "name": "x", "mentions": 5}]}',
        '{"text": "t6", "meta": {"a": NaN, "b": Infinity, "c": -Infinity}}',
        '{"text": "t7", "published": NaN, "title": 1e400, "id": -0.0}',
        '{"text": "t8", "spans": [{"start": 0, "end": 1e999, "label": "x"}]}',
        '{"text": "t9", "label": [[0, 2, {"a": 1}]], "entities": "nope"}',
        '{"text": "t10", "positions": [{"id": "p", "target": "x", "stance": "favor", "evidence": 3}]}',
        '{"text": "t11", "claims": [{"id": "c", "spans": [[]]}]}',
    ],
)
def test_known_nasty_json_lines(tmp_path: Path, line: str) -> None:
    check_import(tmp_path, ".jsonl", line.encode("utf-8"))


def test_a_nul_in_the_text_is_refused_at_the_door(tmp_path: Path) -> None:
    """SQLite's length() and substr() stop at a NUL: a text with one could not be tagged."""
    text = "Intro\x00 then the minister said no."
    report = check_import(tmp_path, ".jsonl", jsonl([{"text": text}]))
    assert report.failed == 1 and "NUL" in report.errors[0], report.errors
    with base_store() as store, pytest.raises(IntegrityError, match="NUL"):
        store.add_article(text)
    with base_store() as store:  # the same text without it: tagging after "Intro" works
        aid = store.add_article(text.replace("\x00", " "))
        assert store.tag(aid, 16, 24, "cue")["span"]["text"] == "minister"


# -- size limit ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_file_over_the_size_limit_is_refused_with_its_size(tmp_path: Path, suffix: str) -> None:
    big = tmp_path / f"huge{suffix}"
    with open(big, "wb") as handle:  # sparse: instant, takes no disk
        handle.truncate(MAX_TEXT_BYTES + 1)
    with base_store() as store:
        before = export_all(store)
        report = import_paths(store, [big])
        assert report.added == 0 and report.failed == 1
        (line,) = report.errors
        assert str(big) in line and "too large" in line
        assert f"limit is {MAX_TEXT_BYTES // (1024 * 1024)} MB" in line, line
        assert export_all(store) == before


def test_command_line_refuses_a_huge_file_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(tmp_path / "x.db"), "import", str(big)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"annotator: created new database {tmp_path / 'x.db'}",
        f"{big}: file too large (51 MB; the limit is 50 MB)",
    ], result.stderr

"""Import formats people actually have: spreadsheet CSV and JSONL of any size and encoding."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from annotator.core import importing
from annotator.core.exporting import iter_records
from annotator.core.importing import import_paths
from annotator.core.metadata import parse_date
from annotator.core.store import Store


def by_title(store: Store) -> dict[str, dict]:
    return {r["title"]: r for r in iter_records(store)}


# --- CSV from spreadsheets ---------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_csv_delimiter_is_told_by_the_header(store: Store, tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["Title", "Text", "Source"],
        ["One", "Prices rose, she said; nobody was surprised.", "Wire"],
        ["Two", "A second text, with a comma", ""],
    ]
    content = "\r\n".join(
        delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in rows
    )
    path = tmp_path / "sheet.csv"
    path.write_bytes(content.encode("utf-8-sig"))
    report = import_paths(store, [path])
    assert (report.added, report.errors) == (2, [])
    got = by_title(store)
    assert got["One"]["text"] == "Prices rose, she said; nobody was surprised."
    assert got["One"]["source"] == "Wire"


def test_csv_in_utf16_with_tabs_as_excel_saves_unicode_text(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes(
        codecs.BOM_UTF16_LE + "title\ttext\nÉté\tLe ministre a dit non.\n".encode("utf-16-le")
    )
    report = import_paths(store, [path])
    assert (report.added, report.errors) == (1, [])
    assert by_title(store)["Été"]["text"] == "Le ministre a dit non."


def test_unreadable_dates_are_kept_in_meta_and_reported_once(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(
        "title;text;date\n"
        "A;First text.;03/05/2024\n"
        "B;Second text.;5 March 2024 10:00\n"
        "C;Third text.;sometime in May\n",
        "utf-8",
    )
    report = import_paths(store, [path])
    assert (report.added, report.failed, report.errors) == (3, 0, [])
    got = by_title(store)
    assert (got["A"]["published"], got["A"]["meta"]) == (None, {"date": "03/05/2024"})
    assert (got["B"]["published"], got["B"]["meta"]) == ("2024-03-05", {})
    assert got["C"]["meta"] == {"date": "sometime in May"}
    assert report.warnings == [
        f"{path}: 2 dates could not be read (e.g. '03/05/2024'): kept as written in the "
        "article's metadata, no publication date set"
    ]


def test_a_status_column_of_another_meaning_is_metadata(store: Store, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.csv"
    theirs.write_text("title,text,status\nA,First text.,published\nB,Second.,done\n", "utf-8")
    ours = tmp_path / "ours.csv"
    ours.write_text("title,text,status\nC,Third text.,done\nD,Fourth.,\n", "utf-8")
    report = import_paths(store, [theirs, ours])
    assert (report.added, report.failed, report.errors) == (4, 0, [])
    got = by_title(store)
    assert (got["A"]["status"], got["A"]["meta"]) == ("todo", {"status": "published"})
    assert (got["B"]["status"], got["B"]["meta"]) == ("todo", {"status": "done"})
    assert (got["C"]["status"], got["C"]["meta"]) == ("done", {})
    assert got["D"]["status"] == "todo"


def test_dates_with_a_time_are_read() -> None:
    assert parse_date("5 March 2024 10:00") == "2024-03-05"
    assert parse_date("March 5, 2024, 3:30 pm GMT") == "2024-03-05"
    assert parse_date("03/05/2024") is None  # day and month cannot be told apart


# --- JSONL of any size and encoding --------------------------------------------------------


def records(n: int) -> list[dict]:
    return [
        {"text": f"Text number {k}: the minister said «non» 😀.", "title": f"T{k}"}
        for k in range(n)
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_jsonl_over_the_limit_is_read_line_by_line(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str
) -> None:
    """A file larger than the limit is read a line at a time, in UTF-16 as in UTF-8."""
    monkeypatch.setattr(importing, "MAX_TEXT_BYTES", 400)
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    lines = [json.dumps(r, ensure_ascii=False) for r in records(30)]
    lines[3] = json.dumps({"text": "x" * 300, "title": "too long"})  # 600 bytes in UTF-16
    path = tmp_path / "wide.jsonl"
    path.write_bytes(bom + "\r\n".join(lines).encode(codec))
    assert path.stat().st_size > 400 * 10

    report = import_paths(store, [path])

    assert (report.added, report.failed) == (29, 1)
    assert report.errors == [f"{path}:4: record too large (1 MB; the limit is 0 MB)"]
    assert by_title(store)["T7"]["text"] == "Text number 7: the minister said «non» 😀."


def test_small_jsonl_is_streamed_too(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "small.jsonl"
    path.write_bytes(
        codecs.BOM_UTF16_LE + "\n".join(json.dumps(r) for r in records(3)).encode("utf-16-le")
    )
    report = import_paths(store, [path])
    assert (report.added, report.errors) == (3, [])


def test_invalid_utf16_fails_its_line_only(store: Store, tmp_path: Path) -> None:
    lines = [json.dumps(r).encode("utf-16-le") for r in records(3)]
    lines[1] = lines[1][:10] + b"\x00\xdc" + lines[1][10:]  # a lone surrogate
    path = tmp_path / "broken.jsonl"
    newline = "\n".encode("utf-16-le")
    path.write_bytes(codecs.BOM_UTF16_LE + newline.join(lines) + newline + b"\x00")
    report = import_paths(store, [path])
    assert report.added == 2 and report.failed == 2
    assert report.errors[0].startswith(f"{path}:2: not valid UTF-16 (a lone surrogate at column 6)")
    assert report.errors[1].startswith(f"{path}:4: not valid UTF-16")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ("\n".join(json.dumps(r) for r in records(3)).encode("utf-16-be"), None),
        ("\n".join(json.dumps(r) for r in records(3)).encode("utf-16-le"), None),
        (b'{"text": "One."}\n{"text": "Two\x00."}\n', "1: binary file, not text"),
        (
            '{"text": "One."}'.encode("utf-32"),
            "1: UTF-32 text is not supported; save the file as UTF-8",
        ),
    ],
    ids=["utf-16-be without BOM", "utf-16-le without BOM", "a NUL", "utf-32"],
)
def test_a_jsonl_file_that_is_not_text_is_one_error_naming_the_file(
    store: Store, tmp_path: Path, data: bytes, error: str | None
) -> None:
    path = tmp_path / "inbox" / "wire.jsonl"
    path.parent.mkdir()
    path.write_bytes(data)
    report = import_paths(store, [path])
    error = error or "1: looks like UTF-16 without a byte order mark; save the file as UTF-8"
    assert (report.added, report.failed, report.errors) == (0, 1, [f"{path}:{error}"])
    assert store.article_count() == 0


def test_bad_lines_of_a_jsonl_file_name_the_file_and_line_and_the_rest_is_imported(
    store: Store, tmp_path: Path
) -> None:
    good = [json.dumps(r, ensure_ascii=False).encode() for r in records(4)]
    path = tmp_path / "wire.jsonl"
    path.write_bytes(
        b"\r\n".join([good[0], b'{"text": "caf\xe9"}', good[1], b"", good[2]]) + b"\r\n"
    )
    report = import_paths(store, [path])
    assert (report.added, report.failed) == (3, 1)
    assert report.errors == [
        f"{path}:2: not valid UTF-8 (byte 0xe9 at byte 14); save the file as UTF-8"
    ]
    assert sorted(by_title(store)) == ["T0", "T1", "T2"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_jsonl_file_cut_short_keeps_its_whole_lines(
    store: Store, tmp_path: Path, codec: str
) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in records(3))
    path = tmp_path / "cut.jsonl"
    path.write_bytes(bom + text.encode(codec)[:-1])  # cut in the middle of the last "}"
    report = import_paths(store, [path])
    assert (report.added, report.failed) == (2, 1)
    assert report.errors == [f"{path}:3: not valid UTF-16 (truncated data); save the file as UTF-8"]

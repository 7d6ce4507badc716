"""Import: text files and folders, JSONL (ours and other tools'), CSV, and bad input.

Every bad file or line is one error naming the file (and line); the rest of the
batch goes in and nothing already stored changes.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.exporting import iter_records
from annotator.core.importing import import_paths
from annotator.core.store import Store

DESIGN_ARTICLE = (
    "Ministry warns against 'bloc politics' in the Pacific\n"
    "\n"
    "Share this article\n"
    "\n"
    "[March 02, 2024]  CANBERRA (Newswire) - A foreign ministry spokesperson said on\n"
    'Tuesday that "no region needs a new bloc", warning ...\n'
    "\n"
    "(Reporting by ...; Editing by ...)\n"
    "Copyright 2024 Newswire. All rights reserved.\n"
)
OSLO_ARTICLE = (
    "Norway pledges more for climate fund\n"
    "\n"
    "OSLO (Agency / Partner - 06th June, 2024) Norway's minister said on Thursday ...\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def jsonl(path: Path, *records: Any) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return write(path, "\n".join(lines) + "\n")


def only(store: Store) -> dict[str, Any]:
    (record,) = list(iter_records(store))
    return record


def records_by_text(store: Store) -> dict[str, dict[str, Any]]:
    return {r["text"]: r for r in iter_records(store)}


# --- text files and folders -------------------------------------------------------------


def test_sample_corpus_text_files_import_exactly(store: Store, sample_dir: Path) -> None:
    files = sorted(sample_dir.glob("*.txt"))
    assert files, "the sample corpus has .txt articles"
    report = import_paths(store, files)
    assert (report.added, report.duplicates, report.failed, report.errors) == (len(files), 0, 0, [])
    stored = records_by_text(store)
    for path in files:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        assert text in stored, path.name
        assert stored[text]["title"] == text.split("\n", 1)[0].strip()


def test_folder_import_walks_subfolders_and_skips_other_files(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder / "a.txt", "Article A\n\nBody A.\n")
    write(folder / "sub" / "b.md", "# Article B\n\nBody B.\n")
    write(folder / "sub" / "deeper" / "c.TXT", "Article C\n\nBody C.\n")
    write(folder / ".hidden.txt", "Hidden\n\nNot an article.\n")
    write(folder / "notes.xlsx", b"PK\x03\x04 a spreadsheet, not imported from a folder")
    write(folder / "README", "no extension, skipped\n")

    report = import_paths(store, [folder])

    assert (report.added, report.failed, report.errors) == (3, 0, [])
    assert sorted(r["title"] for r in iter_records(store)) == [
        "Article A",
        "Article B",
        "Article C",
    ]
    assert len(report.article_ids) == 3


def test_duplicates_are_skipped_and_counted(store: Store, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", DESIGN_ARTICLE)
    b = write(tmp_path / "copy-of-a.txt", DESIGN_ARTICLE)
    c = write(tmp_path / "crlf-copy-of-a.txt", DESIGN_ARTICLE.replace("\n", "\r\n"))

    report = import_paths(store, [a, b, c])
    assert (report.added, report.duplicates, report.failed) == (1, 2, 0)
    again = import_paths(store, [a])
    assert (again.added, again.duplicates) == (0, 1)
    assert store.article_count() == 1
    assert report.summary() == "1 article added, 2 skipped as duplicates, 0 failed"


def test_line_endings_normalised_bom_dropped_text_otherwise_exact(
    store: Store, tmp_path: Path
) -> None:
    body = (
        "Title line\r\n\r\n\tIndented  body with  double spaces   \r\n"
        "old Mac line\rnext line\r\n"
        "caf\u00e9 and cafe\u0301 differ; \u05e9\u05dc\u05d5\u05dd RTL; 🇺🇦👍🏽\r\n\r\n\r\n"
    )
    write(tmp_path / "a.txt", codecs.BOM_UTF8 + body.encode("utf-8"))

    report = import_paths(store, [tmp_path / "a.txt"])

    assert report.errors == []
    expected = body.replace("\r\n", "\n").replace("\r", "\n")
    assert only(store)["text"] == expected
    assert "\r" not in expected and "\ufeff" not in expected


def test_utf16_with_bom_is_read(store: Store, tmp_path: Path) -> None:
    write(
        tmp_path / "wide.txt",
        codecs.BOM_UTF16_LE + "Wide title\r\n\r\nBody 😀.\r\n".encode("utf-16-le"),
    )
    assert import_paths(store, [tmp_path / "wide.txt"]).errors == []
    assert only(store)["text"] == "Wide title\n\nBody 😀.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            DESIGN_ARTICLE,
            {
                "title": "Ministry warns against 'bloc politics' in the Pacific",
                "source": "Newswire",
                "place": "CANBERRA",
                "published": "2024-03-02",
            },
        ),
        (
            OSLO_ARTICLE,
            {
                "title": "Norway pledges more for climate fund",
                "source": "Agency / Partner",
                "place": "OSLO",
                "published": "2024-06-06",
            },
        ),
        (
            "Just a title\n\nNo dateline in this body at all.\n",
            {"title": "Just a title", "source": None, "place": None, "published": None},
        ),
    ],
)
def test_metadata_from_datelines(
    store: Store, tmp_path: Path, text: str, expected: dict[str, str | None]
) -> None:
    import_paths(store, [write(tmp_path / "a.txt", text)])
    record = only(store)
    assert {k: record[k] for k in expected} == expected
    assert record["text"] == text  # metadata is read, never cut out of the body


# --- JSONL -----------------------------------------------------------------------------

EXPORT_TEXT = 'The Chinese foreign ministry said "no region needs a new bloc" 😀 today.'


def export_shaped() -> dict[str, Any]:
    t = EXPORT_TEXT
    s = t.index("no region")
    return {
        "id": "art-1",
        "title": "Bloc",
        "source": "Newswire",
        "place": "CANBERRA",
        "published": "2024-03-02",
        "url": "https://example.org/bloc",
        "status": "done",
        "text": t,
        "spans": [
            {
                "id": "sp-m",
                "label": "speaker",
                "start": 4,
                "end": 28,
                "text": "Chinese foreign ministry",
                "annotator": "ana",
                "status": "accepted",
                "note": None,
                "created": "2026-01-01T00:00:00.000Z",
                "updated": "2026-01-02T00:00:00.000Z",
            },
            {
                "id": "sp-c",
                "label": "cue",
                "start": 29,
                "end": 33,
                "text": "said",
                "annotator": "ana",
                "status": "accepted",
            },
            {
                "id": "sp-q",
                "label": "claim",
                "start": s,
                "end": s + 25,
                "text": "no region needs a new bloc"[:25],
                "annotator": "bob",
                "status": "accepted",
                "note": "core claim",
            },
        ],
        "speakers": [
            {
                "id": "spk-1",
                "name": "Chinese foreign ministry",
                "kind": "organisation",
                "role": None,
                "affiliation": "PRC",
                "aliases": ["MFA"],
                "mentions": ["sp-m"],
            }
        ],
        "claims": [
            {
                "id": "cl-1",
                "spans": ["sp-q"],
                "speaker": "spk-1",
                "mention": "sp-m",
                "cue": "sp-c",
                "kind": "direct",
            }
        ],
        "positions": [
            {
                "id": "pos-1",
                "speaker": "spk-1",
                "target": "Pacific security pacts",
                "stance": "against",
                "evidence": ["cl-1"],
                "note": None,
            }
        ],
        "schema_version": 1,
    }


def test_jsonl_in_export_shape_keeps_everything(store: Store, tmp_path: Path) -> None:
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", export_shaped())])
    assert report.errors == [] and report.added == 1
    rec = only(store)
    assert (rec["id"], rec["title"], rec["status"], rec["url"]) == (
        "art-1",
        "Bloc",
        "done",
        "https://example.org/bloc",
    )
    spans = {s["id"]: s for s in rec["spans"]}
    assert set(spans) == {"sp-m", "sp-c", "sp-q"}
    assert spans["sp-q"]["annotator"] == "bob" and spans["sp-q"]["note"] == "core claim"
    assert spans["sp-m"]["created"] == "2026-01-01T00:00:00.000Z"
    assert spans["sp-m"]["updated"] == "2026-01-02T00:00:00.000Z"
    for s in rec["spans"]:
        assert rec["text"][s["start"] : s["end"]] == s["text"]
    assert rec["speakers"] == [
        {
            "id": "spk-1",
            "name": "Chinese foreign ministry",
            "kind": "organisation",
            "role": None,
            "affiliation": "PRC",
            "aliases": ["MFA"],
            "mentions": ["sp-m"],
        }
    ]
    (claim,) = rec["claims"]
    assert (claim["id"], claim["spans"], claim["speaker"], claim["mention"], claim["cue"]) == (
        "cl-1",
        ["sp-q"],
        "spk-1",
        "sp-m",
        "sp-c",
    )
    (pos,) = rec["positions"]
    assert (pos["id"], pos["speaker"], pos["target"], pos["stance"], pos["evidence"]) == (
        "pos-1",
        "spk-1",
        "Pacific security pacts",
        "against",
        ["cl-1"],
    )
    assert store.targets() == ["Pacific security pacts"]


def test_jsonl_ids_already_taken_get_new_ids_and_existing_rows_stay(
    store: Store, tmp_path: Path
) -> None:
    store.add_article("Something else entirely.", id="art-1")
    import_paths(store, [jsonl(tmp_path / "in.jsonl", export_shaped())])
    assert store.article_text("art-1") == "Something else entirely."
    imported = records_by_text(store)[EXPORT_TEXT]
    assert imported["id"] != "art-1"
    assert {s["id"] for s in imported["spans"]} == {"sp-m", "sp-c", "sp-q"}


def test_jsonl_speaker_known_by_name_is_reused(store: Store, tmp_path: Path) -> None:
    known = store.add_speaker("chinese FOREIGN ministry", kind="organisation")["id"]
    import_paths(store, [jsonl(tmp_path / "in.jsonl", export_shaped())])
    rec = only(store)
    assert [s["id"] for s in rec["speakers"]] == [known]
    assert rec["claims"][0]["speaker"] == known
    assert store.stats()["speakers"] == 1


def test_minimal_jsonl_lines(store: Store, tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "min.jsonl",
        {"text": "Body only, no title line to speak of.", "title": "Given title"},
        {"text": OSLO_ARTICLE},
        "",
        "   ",
        {"text": "Third.", "title": "Three", "published": "June 6, 2024", "url": "u"},
    )
    report = import_paths(store, [path])
    assert (report.added, report.failed, report.errors) == (3, 0, [])
    by_text = records_by_text(store)
    assert by_text["Body only, no title line to speak of."]["title"] == "Given title"
    assert by_text[OSLO_ARTICLE]["place"] == "OSLO"  # read from the dateline
    assert by_text["Third."]["published"] == "2024-06-06"
    assert all(r["spans"] == [] and r["status"] == "todo" for r in by_text.values())


def test_doccano_and_prodigy_pre_annotations(store: Store, tmp_path: Path) -> None:
    text = "Lin Qiao said the Pacific is not a backyard."
    path = jsonl(
        tmp_path / "tools.jsonl",
        {"text": text, "label": [[0, 8, "SPEAKER"], [9, 13, "Cue"]]},
        {
            "text": text + " (2)",
            "entities": [{"id": 7, "start_offset": 14, "end_offset": 43, "label": "claim"}],
        },
        {
            "text": text + " (3)",
            "spans": [
                {"start": 0, "end": 8, "label": "speaker", "token_start": 0, "token_end": 1},
                {"start": 18, "end": 25, "label": "PLACE"},
            ],
        },
    )
    report = import_paths(store, [path])
    assert report.errors == [] and report.added == 3
    got = {
        r["text"]: [(s["start"], s["end"], s["label"], s["text"]) for s in r["spans"]]
        for r in iter_records(store)
    }
    assert got == {
        text: [(0, 8, "speaker", "Lin Qiao"), (9, 13, "cue", "said")],
        text + " (2)": [(14, 43, "claim", "the Pacific is not a backyard")],
        # Labels outside our schema are kept as they are.
        text + " (3)": [(0, 8, "speaker", "Lin Qiao"), (18, 25, "PLACE", "Pacific")],
    }


def test_jsonl_offsets_in_crlf_text_are_remapped(store: Store, tmp_path: Path) -> None:
    raw = '\ufeffTitle\r\n\r\nShe said\r\n"no bloc" 😀 and\rmore.'
    raw_start = raw.index("no bloc")
    quote_raw_start = raw.index('"no')
    raw_end_multi = raw.index("and") + 3
    path = jsonl(
        tmp_path / "crlf.jsonl",
        {
            "text": raw,
            "spans": [
                {"start": raw_start, "end": raw_start + 7, "label": "claim", "text": "no bloc"},
                # A span over a CRLF: its own text may carry the CRLF too.
                {
                    "start": raw.index("said"),
                    "end": quote_raw_start + 1,
                    "label": "cue",
                    "text": 'said\r\n"',
                },
                {"start": quote_raw_start, "end": raw_end_multi, "label": "target"},
            ],
        },
    )

    report = import_paths(store, [path])

    assert report.errors == []
    rec = only(store)
    text = rec["text"]
    assert text == 'Title\n\nShe said\n"no bloc" 😀 and\nmore.'
    got = [(text[s["start"] : s["end"]], s["text"]) for s in rec["spans"]]
    assert got == [
        ('said\n"', 'said\n"'),
        ('"no bloc" 😀 and', '"no bloc" 😀 and'),
        ("no bloc", "no bloc"),
    ]


def test_span_starting_with_a_zero_width_no_break_space(store: Store, tmp_path: Path) -> None:
    """U+FEFF inside a text is a character (only a leading one is a BOM)."""
    text = "Joined\ufeffword and more"
    start = text.index("\ufeff")
    path = jsonl(
        tmp_path / "feff.jsonl",
        {
            "text": text,
            "spans": [
                {
                    "start": start,
                    "end": start + 5,
                    "label": "claim",
                    "text": text[start : start + 5],
                }
            ],
        },
    )
    report = import_paths(store, [path])
    assert report.errors == []
    assert only(store)["spans"][0]["text"] == "\ufeffword"


# --- CSV -------------------------------------------------------------------------------


def test_csv_with_text_column_and_multiline_cells(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "articles.csv",
        "Title,Text,Source,section\r\n"
        '"First, with comma","Line one\r\nLine two with ""quotes""",Wire,world\r\n'
        "Second,Single line body,,\r\n",
    )
    report = import_paths(store, [path])
    assert (report.added, report.errors) == (2, [])
    by_text = records_by_text(store)
    first = by_text['Line one\nLine two with "quotes"']
    assert (first["title"], first["source"], first["meta"]) == (
        "First, with comma",
        "Wire",
        {"section": "world"},
    )
    assert by_text["Single line body"]["title"] == "Second"


def test_csv_body_column_is_accepted(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "headline,body\nH,The body text.\n")
    assert import_paths(store, [path]).added == 1


def test_csv_without_text_column_is_one_error(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "nocol.csv", "title,words\nA,some words\nB,more words\n")
    report = import_paths(store, [path])
    assert report.added == 0 and report.failed == 1
    (error,) = report.errors
    assert error.startswith(f"{path}:1: no text column")


def test_csv_bad_row_names_the_line_where_the_row_starts(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", 'title,text\nA,"multi\nline\ncell"\nB,\nC,fine\n')
    report = import_paths(store, [path])
    assert report.added == 2
    assert report.errors == [f'{path}:5: "text" is empty']


# --- bad input -------------------------------------------------------------------------

BAD_CASES: dict[str, tuple[str, bytes, str]] = {
    # name: (file name, content, expected reason fragment); line is checked separately
    "empty file": ("empty.txt", b"", "empty file"),
    "only whitespace": ("blank.md", b" \n\t\r\n", "empty file"),
    "binary file": ("image.txt", bytes(range(256)) * 8, "binary file"),
    "invalid utf-8": ("latin1.txt", "Caf\u00e9 au lait\n".encode("latin-1"), "not valid UTF-8"),
    "utf-16 without bom": ("wide.txt", "Hello there world\n".encode("utf-16-le"), "UTF-16"),
    "empty jsonl": ("empty.jsonl", b"\n\n", "empty file"),
    "unsupported suffix": ("sheet.xlsx", b"PK\x03\x04", "cannot import .xlsx"),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_file_is_one_error_and_the_rest_is_imported(
    store: Store, tmp_path: Path, case: str
) -> None:
    name, content, reason = BAD_CASES[case]
    good1 = write(tmp_path / "good1.txt", "Good one\n\nBody.\n")
    bad = write(tmp_path / name, content)
    good2 = write(tmp_path / "good2.txt", "Good two\n\nBody.\n")

    report = import_paths(store, [good1, bad, good2])

    assert report.added == 2 and report.failed == 1
    (error,) = report.errors
    assert error.startswith(str(bad)), error
    assert reason in error
    assert "\n" not in error and "Traceback" not in error


def test_invalid_utf8_error_names_the_line(store: Store, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.txt", b"Title\n\nfine line\nbad \xff byte\n")
    (error,) = import_paths(store, [bad]).errors
    assert error.startswith(f"{bad}:4: not valid UTF-8")


def test_missing_path_and_empty_folder(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    report = import_paths(store, [tmp_path / "nope.txt", tmp_path / "empty"])
    assert report.failed == 2
    assert report.errors == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{tmp_path / 'empty'}: no .txt, .md, .jsonl, .csv, .html, .docx, .odt, .pdf or .zip files in this folder",
    ]


def test_bad_jsonl_lines_each_one_error_with_file_and_line(store: Store, tmp_path: Path) -> None:
    text = "Lin Qiao said no."
    path = jsonl(
        tmp_path / "mixed.jsonl",
        {"text": "Good first line."},  # 1
        '{"text": "unterminated',  # 2
        "[1, 2, 3]",  # 3
        '"just a string"',  # 4
        {"title": "no text here"},  # 5
        {"text": text, "spans": [{"start": 0, "end": 99, "label": "claim"}]},  # 6
        {
            "text": text,
            "spans": [{"start": 0, "end": 8, "label": "speaker", "text": "Lin Qiaox"}],
        },  # 7
        {"text": text, "spans": [{"start": -1, "end": 3, "label": "claim"}]},  # 8
        {"text": text, "label": [[0, 8]]},  # 9
        {"text": text, "spans": [{"start": "0", "end": 8, "label": "x"}]},  # 10
        {"text": 42},  # 11
        {"text": "   \n  "},  # 12
        {"text": text, "claims": [{"id": "c", "spans": ["missing"]}]},  # 13
        {"text": text, "status": "finished"},  # 14
        {"text": "Good last line."},  # 15
    )

    report = import_paths(store, [path])

    assert report.added == 2 and report.failed == 13
    assert len(report.errors) == 13
    lines = [int(e.split(":", 2)[1]) for e in report.errors]
    assert lines == list(range(2, 15))
    assert all(e.startswith(f"{path}:") and "\n" not in e for e in report.errors)
    reasons = dict(zip(lines, report.errors, strict=True))
    assert "not valid JSON" in reasons[2]
    assert "expected a JSON object, got list" in reasons[3]
    assert "expected a JSON object, got str" in reasons[4]
    assert 'missing "text"' in reasons[5]
    assert "outside the text" in reasons[6] and "0-99" in reasons[6]
    assert "does not match" in reasons[7] and "Lin Qiaox" in reasons[7]
    assert "outside the text" in reasons[8]
    assert "[start, end" in reasons[9]
    assert "whole number" in reasons[10]
    assert '"text" must be a string' in reasons[11]
    assert '"text" is empty' in reasons[12]
    assert "unknown id 'missing'" in reasons[13]
    assert "unknown article status" in reasons[14]
    assert sorted(r["text"] for r in iter_records(store)) == ["Good first line.", "Good last line."]


def test_a_bad_annotation_refuses_its_whole_record(store: Store, tmp_path: Path) -> None:
    """Half an article's annotations would be worse than none: the record is left out."""
    text = "Lin Qiao said no."
    path = jsonl(
        tmp_path / "a.jsonl",
        {
            "text": text,
            "spans": [
                {"start": 0, "end": 8, "label": "speaker"},
                {"start": 0, "end": 80, "label": "claim"},
            ],
        },
    )
    report = import_paths(store, [path])
    assert (report.added, report.failed) == (0, 1)
    assert store.article_count() == 0
    assert store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_bad_input_never_changes_existing_data(store: Store, tmp_path: Path) -> None:
    good = jsonl(tmp_path / "existing.jsonl", export_shaped())
    import_paths(store, [good])
    aid = store.add_article("Added by hand.\n\nBody.\n", title="Manual")
    store.add_span(aid, 0, 5, "target", note="by hand")
    store.set_article_status(aid, "in_progress")
    before = list(iter_records(store))
    stats = store.stats()

    batch = [
        write(tmp_path / "b" / "empty.txt", b""),
        write(tmp_path / "b" / "bin.txt", bytes(range(256)) * 4),
        jsonl(
            tmp_path / "b" / "bad.jsonl",
            "{oops",
            {"text": EXPORT_TEXT, "title": "dup"},
            {"id": "art-1", "text": "Other text, same id as an existing article."},
        ),
        good,  # the same file again: duplicates only
        write(tmp_path / "b" / "nocol.csv", "a,b\n1,2\n"),
    ]
    report = import_paths(store, batch)

    assert report.added == 1 and report.duplicates == 2 and report.failed == 4
    assert len(report.errors) == 4
    after = list(iter_records(store))
    assert after[: len(before)] == before
    assert store.article_text("art-1") == EXPORT_TEXT
    assert store.stats()["spans"] == stats["spans"]


def test_cancel_stops_between_files(store: Store, tmp_path: Path) -> None:
    files = [write(tmp_path / f"{i}.txt", f"Article {i}\n\nBody {i}.\n") for i in range(3)]
    seen: list[tuple[int, int]] = []
    report = import_paths(
        store, files, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: len(seen) >= 1
    )
    assert report.cancelled and report.added == 1
    assert seen == [(1, 3)]
    assert store.article_count() == 1
    assert report.summary().endswith("(cancelled)")


def test_progress_reports_every_file(store: Store, tmp_path: Path) -> None:
    files = [write(tmp_path / f"{i}.txt", f"Article {i}\n\nBody {i}.\n") for i in range(3)]
    seen: list[tuple[int, int]] = []
    import_paths(store, files, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


# --- what a wrong change to reading records would get past (mutation testing found these) ---


def test_imported_statuses_and_notes_of_claims_and_positions_are_kept(
    store: Store, tmp_path: Path
) -> None:
    from annotator.core.exporting import ExportFilter

    record = export_shaped()
    record["claims"][0].update(status="rejected", note="not what she said")
    record["positions"][0].update(status="suggested", note="only implied")
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", record)])
    assert report.errors == [] and report.added == 1
    everything = ExportFilter(include_rejected=True, include_suggestions=True)
    (rec,) = list(iter_records(store, everything))
    (claim,) = rec["claims"]
    assert (claim["status"], claim["note"]) == ("rejected", "not what she said")
    (position,) = rec["positions"]
    assert (position["status"], position["note"]) == ("suggested", "only implied")
    # A rejected claim stays out of the default export, as one rejected by hand would.
    assert only(store)["claims"] == []


def test_a_speaker_without_a_kind_is_a_person(store: Store, tmp_path: Path) -> None:
    record = export_shaped()
    del record["speakers"][0]["kind"]
    import_paths(store, [jsonl(tmp_path / "in.jsonl", record)])
    (speaker,) = only(store)["speakers"]
    assert (speaker["name"], speaker["kind"]) == ("Chinese foreign ministry", "person")


def _broken(change) -> dict[str, Any]:
    record = export_shaped()
    change(record)
    return record


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda r: r["spans"].append({**r["spans"][1], "start": 4, "end": 11, "text": None}),
            "span id sp-c appears twice",
        ),
        (lambda r: r["speakers"][0].pop("name"), "speaker 1 needs a name"),
        (lambda r: r["speakers"][0].update(name="  "), "speaker 1 needs a name"),
        # Without its id, the claim that names the speaker by that id points at nobody.
        (
            lambda r: r["speakers"][0].pop("id"),
            "claim cl-1 speaker refers to unknown id 'spk-1'",
        ),
        (lambda r: r["claims"][0].update(spans=[]), "claim cl-1 needs a list of span ids"),
        (lambda r: r["claims"][0].pop("spans"), "claim cl-1 needs a list of span ids"),
        (lambda r: r["claims"][0].pop("id"), "claim 1 needs an id"),
        (lambda r: r["positions"][0].pop("target"), "position 1 needs an id and a target"),
        (lambda r: r["positions"][0].pop("id"), "position 1 needs an id and a target"),
    ],
    ids=[
        "duplicate span id",
        "speaker without name",
        "speaker with blank name",
        "claim naming a speaker without id",
        "claim with no spans",
        "claim without spans",
        "claim without id",
        "position without target",
        "position without id",
    ],
)
def test_a_record_missing_what_an_annotation_needs_is_refused(
    store: Store, tmp_path: Path, change, reason: str
) -> None:
    path = jsonl(tmp_path / "in.jsonl", _broken(change), {"text": "A good line after it."})
    report = import_paths(store, [path])
    assert (report.added, report.failed) == (1, 1)
    assert report.errors == [f"{path}:1: {reason}"]
    assert [r["text"] for r in iter_records(store)] == ["A good line after it."]
    assert store.stats()["spans"] == 0


def _without_speaker_ids() -> dict[str, Any]:
    """The export-shaped record with its speaker known by name alone (as other tools write)."""
    record = export_shaped()
    del record["speakers"][0]["id"]
    del record["claims"][0]["speaker"]
    del record["positions"][0]["speaker"]
    return record


def test_a_speaker_without_an_id_is_imported_with_its_mentions(
    store: Store, tmp_path: Path
) -> None:
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", _without_speaker_ids())])
    assert (report.added, report.failed, report.errors) == (1, 0, [])
    rec = only(store)
    (speaker,) = rec["speakers"]
    assert speaker["id"] and speaker["name"] == "Chinese foreign ministry"
    assert speaker["kind"] == "organisation" and speaker["aliases"] == ["MFA"]
    assert speaker["mentions"] == ["sp-m"]
    assert store.span("sp-m")["speaker_id"] == speaker["id"]


@pytest.mark.parametrize(
    ("name", "aliases"),
    [("chinese foreign Ministry", []), ("PRC foreign ministry", ["Chinese foreign ministry"])],
    ids=["by name", "by alias"],
)
def test_a_speaker_without_an_id_is_matched_by_name_or_alias(
    store: Store, tmp_path: Path, name: str, aliases: list[str]
) -> None:
    known = store.add_speaker(name, aliases=aliases)["id"]
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", _without_speaker_ids())])
    assert (report.added, report.errors) == (1, [])
    assert store.stats()["speakers"] == 1  # the stored speaker, not a second one
    assert store.span("sp-m")["speaker_id"] == known
    (speaker,) = only(store)["speakers"]
    assert (speaker["id"], speaker["name"], speaker["mentions"]) == (known, name, ["sp-m"])


def _reason(store: Store, tmp_path: Path, record: Any) -> str:
    """The one error line an import of this single record gives, less its "file:1: "."""
    # ASCII JSON: lone surrogates travel as \ud800 escapes, as other tools write them.
    path = jsonl(tmp_path / "one.jsonl", json.dumps(record))
    report = import_paths(store, [path])
    assert (report.added, len(report.errors)) == (0, 1), report.errors
    assert report.errors[0].startswith(f"{path}:1: ")
    assert store.article_count() == 0
    return report.errors[0].removeprefix(f"{path}:1: ")


T = "Ana Ruiz said no."
SPAN = {"id": "s1", "start": 0, "end": 8, "label": "speaker"}
SPEAKER = {"id": "p1", "name": "Ana", "mentions": ["s1"]}
CLAIM = {"id": "c1", "spans": ["s1"]}
POSITION = {"id": "q1", "target": "Ports", "stance": "favor"}
LONG = "An unusually long quoted passage that runs on past forty characters"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2], "expected a JSON object, got list"),
        ({"title": "t"}, 'missing "text" field'),
        ({"text": 42}, '"text" must be a string'),
        ({"text": "a\ud800b"}, '"text" holds an invalid character (a lone UTF-16 surrogate)'),
        (
            {"text": T, "title": "\udc00"},
            '"title" holds an invalid character (a lone UTF-16 surrogate)',
        ),
        (
            {"text": T, "meta": {"bad key": ["ok", "\ud800"]}},
            '"meta."bad key"[1]" holds an invalid character (a lone UTF-16 surrogate)',
        ),
        (
            {"text": T, "meta": {"ok": {"\ud800": 1}}},
            '"meta.ok" holds an invalid character (a lone UTF-16 surrogate)',
        ),
        ({"text": T, "\ud800": 1}, '"record" holds an invalid character (a lone UTF-16 surrogate)'),
        ({"text": "a\x00b"}, '"text" holds a NUL character (U+0000), as binary data does'),
        ({"text": T, "title": ["t"]}, '"title" must be a string'),
        ({"text": T, "spans": {"start": 0}}, '"spans" must be a list'),
        ({"text": T, "spans": [SPAN, 5]}, "span 2 must be an object"),
        (
            {"text": T, "label": [[0, 3, "X"], [0, 3]]},
            'doccano "label" item 2 must be [start, end, "LABEL"]',
        ),
        (
            {"text": T, "entities": [{"start_offset": 0, "end_offset": 3, "label": "X"}, 3]},
            "entity 2 must be an object",
        ),
        (
            {"text": T, "spans": [SPAN, {**SPAN, "id": "s2", "start": "0"}]},
            "span 2 start must be a whole number, not '0'",
        ),
        (
            {"text": T, "spans": [{**SPAN, "end": True}]},
            "span 1 end must be a whole number, not True",
        ),
        ({"text": T, "spans": [{**SPAN, "label": 5}]}, "span 1 has no label"),
        ({"text": T, "spans": [{**SPAN, "label": " "}]}, "span 1 has no label"),
        (
            {"text": T, "spans": [{**SPAN, "start": 5, "end": 5}]},
            "span 1 offsets 5-5 are outside the text (0-17)",
        ),
        ({"text": T, "spans": [{**SPAN, "text": 5}]}, "span 1 text must be a string"),
        (
            {"text": LONG, "spans": [{**SPAN, "end": 50, "text": LONG[1:51]}]},
            f"span 1 text {LONG[1:41]!r} does not match the article at 0-50 ({LONG[:40]!r})",
        ),
        ({"text": T, "spans": [{**SPAN, "status": "maybe"}]}, "span 1 has unknown status 'maybe'"),
        (
            {"text": T, "spans": [SPAN], "speakers": {"id": "p1"}},
            '"speakers" must be a list of objects',
        ),
        (
            {"text": T, "spans": [SPAN], "speakers": [SPEAKER, "Ana"]},
            '"speakers" must be a list of objects',
        ),
        (
            {"text": T, "spans": [SPAN], "speakers": [{**SPEAKER, "kind": "robot"}]},
            "speaker 'Ana' has unknown kind 'robot'",
        ),
        (
            {"text": T, "spans": [SPAN], "speakers": [{**SPEAKER, "aliases": "MFA"}]},
            "speaker 'Ana': aliases must be a list of strings",
        ),
        (
            {"text": T, "spans": [SPAN], "speakers": [{**SPEAKER, "aliases": [1]}]},
            "speaker 'Ana': aliases must be a list of strings",
        ),
        (
            {"text": T, "spans": [SPAN], "speakers": [{**SPEAKER, "mentions": "s1"}]},
            "speaker 'Ana': mentions must be a list of span ids",
        ),
        (
            {"text": T, "spans": [SPAN], "speakers": [{**SPEAKER, "mentions": ["zz"]}]},
            "speaker 'Ana' mention refers to unknown id 'zz'",
        ),
        ({"text": T, "spans": [SPAN], "claims": "c1"}, '"claims" must be a list of objects'),
        (
            {"text": T, "spans": [SPAN], "claims": [{**CLAIM, "kind": "weird"}]},
            "claim c1 has unknown kind 'weird'",
        ),
        (
            {"text": T, "spans": [SPAN], "claims": [{**CLAIM, "status": "sure"}]},
            "claim c1 has unknown status 'sure'",
        ),
        (
            {"text": T, "spans": [SPAN], "claims": [{**CLAIM, "spans": ["zz"]}]},
            "claim c1 span refers to unknown id 'zz'",
        ),
        (
            {"text": T, "spans": [SPAN], "claims": [{**CLAIM, "speaker": "zz"}]},
            "claim c1 speaker refers to unknown id 'zz'",
        ),
        (
            {"text": T, "spans": [SPAN], "claims": [{**CLAIM, "mention": "zz"}]},
            "claim c1 mention refers to unknown id 'zz'",
        ),
        (
            {"text": T, "spans": [SPAN], "claims": [{**CLAIM, "cue": "zz"}]},
            "claim c1 cue refers to unknown id 'zz'",
        ),
        ({"text": T, "positions": [POSITION, 1]}, '"positions" must be a list of objects'),
        (
            {"text": T, "positions": [{**POSITION, "stance": "love"}]},
            "position q1 has unknown stance 'love'",
        ),
        (
            {"text": T, "positions": [{**POSITION, "status": "sure"}]},
            "position q1 has unknown status 'sure'",
        ),
        (
            {"text": T, "positions": [{**POSITION, "evidence": "c1"}]},
            "position q1: evidence must be a list of claim ids",
        ),
        (
            {"text": T, "positions": [{**POSITION, "evidence": ["zz"]}]},
            "position q1 evidence refers to unknown id 'zz'",
        ),
        (
            {"text": T, "positions": [{**POSITION, "speaker": "zz"}]},
            "position q1 speaker refers to unknown id 'zz'",
        ),
    ],
)
def test_each_malformed_record_is_refused_with_its_own_reason(
    store: Store, tmp_path: Path, record: Any, reason: str
) -> None:
    assert _reason(store, tmp_path, record) == reason


def test_fields_of_the_wrong_type_are_left_out_not_stored(store: Store, tmp_path: Path) -> None:
    record = export_shaped()
    record["meta"] = "not an object"
    record["spans"][2]["note"] = 5
    record["claims"][0]["note"] = ["a", "list"]
    record["positions"][0]["note"] = {"an": "object"}
    import_paths(store, [jsonl(tmp_path / "in.jsonl", record)])
    rec = only(store)
    assert rec["meta"] == {}
    assert {s["id"]: s["note"] for s in rec["spans"]}["sp-q"] is None
    assert rec["claims"][0]["note"] is None and rec["positions"][0]["note"] is None


def test_minimal_records_fill_in_what_they_leave_out(tmp_path: Path) -> None:
    store = Store(memory=True, annotator="ana")
    path = jsonl(
        tmp_path / "min.jsonl",
        # A null title in another tool's record: read from the text, as a missing one is.
        {"text": DESIGN_ARTICLE, "title": None, "spans": [{"start": 0, "end": 8, "label": "x"}]},
        {"text": "Second story.\n\nBody.\n", "date": "2024-05-06"},
    )
    assert import_paths(store, [path]).errors == []
    first, second = iter_records(store)
    assert first["title"] == "Ministry warns against 'bloc politics' in the Pacific"
    # Spans without an annotator are the importing analyst's.
    assert first["spans"][0]["annotator"] == "ana"
    assert second["published"] == "2024-05-06"


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_offsets_right_after_the_start_map_onto_the_normalised_text(
    store: Store, tmp_path: Path, bom: str
) -> None:
    raw = bom + "Hi there\r\nNext line"
    first, start = raw.index("Hi"), raw.index("there")
    path = jsonl(
        tmp_path / "crlf.jsonl",
        {
            "text": raw,
            "spans": [
                {"start": first, "end": first + 2, "label": "x", "text": "Hi"},
                {"start": start, "end": start + 5, "label": "x", "text": "there"},
            ],
        },
    )
    assert import_paths(store, [path]).errors == []
    spans = [(s["start"], s["end"], s["text"]) for s in only(store)["spans"]]
    assert spans == [(0, 2, "Hi"), (3, 8, "there")]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_a_span_starting_with_u_feff_over_a_line_end_keeps_both(
    store: Store, tmp_path: Path, ending: str
) -> None:
    raw = f"Title \ufeffone{ending}two"
    start = raw.index("\ufeff")
    path = jsonl(
        tmp_path / "feff.jsonl",
        {
            "text": raw,
            "spans": [{"start": start, "end": len(raw), "label": "x", "text": raw[start:]}],
        },
    )
    assert import_paths(store, [path]).errors == []
    (span,) = only(store)["spans"]
    assert span["text"] == "\ufeffone\ntwo"

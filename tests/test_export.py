"""Export: the JSONL record of docs/format.md, CSV, W3C JSON-LD, atomic writes, round trips."""

from __future__ import annotations

import csv
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store import TEXT, World, at, build_world

from annotator.core.errors import AnnotatorError
from annotator.core.exporting import (
    CSV_COLUMNS,
    ExportCancelled,
    ExportFilter,
    export,
    iter_records,
)
from annotator.core.importing import import_paths
from annotator.core.store import Store
from annotator.core.textio import normalise_text

EVERYTHING = ExportFilter(include_rejected=True, include_suggestions=True)

# The contract of docs/format.md ...
DESIGN_RECORD_KEYS = {
    "id",
    "title",
    "source",
    "place",
    "published",
    "url",
    "status",
    "text",
    "text_sha256",
    "spans",
    "speakers",
    "claims",
    "positions",
    "schema_version",
}
DESIGN_SPAN_KEYS = {
    "id",
    "label",
    "start",
    "end",
    "text",
    "annotator",
    "status",
    "note",
    "created",
    "updated",
}
DESIGN_SPEAKER_KEYS = {"id", "name", "kind", "role", "affiliation", "aliases", "mentions"}
DESIGN_CLAIM_KEYS = {"id", "spans", "speaker", "mention", "cue", "kind"}
DESIGN_POSITION_KEYS = {"id", "speaker", "target", "stance", "evidence", "note"}
# ... and what the export adds to it (review fields, statuses, free metadata).
EXTRA_RECORD_KEYS = {"meta", "statuses"}
EXTRA_SPAN_KEYS = {"reviewer", "reviewed_at"}
EXTRA_CLAIM_KEYS = {"status", "note", "annotator"}
EXTRA_POSITION_KEYS = {"status", "annotator"}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def export_jsonl(store: Store, path: Path, flt: ExportFilter | None = None) -> list[dict]:
    export(store, path, flt=flt or ExportFilter())
    return read_jsonl(path)


def no_leftovers(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.fixture
def world(store: Store) -> World:
    return build_world(store)


@pytest.fixture
def reviewed(store: Store, world: World) -> dict[str, str]:
    """The world plus a suggestion, a rejected highlight, a rejected claim and position."""
    s = store
    suggested = s.add_span(world.article, *at(TEXT, "Lin Qiao"), "speaker", status="suggested")
    rejected = s.add_span(world.article, *at(TEXT, "reporters"), "target", status="rejected")
    rejected_q = s.add_span(world.article, *at(TEXT, "high vigilance"), "claim", status="rejected")
    claim3 = s.add_claim(world.article, [rejected_q["id"]], speaker_id=world.lin)
    pos2 = s.add_position(
        world.article, speaker_id=world.lin, target="Vigilance", stance="favor", status="rejected"
    )
    return {
        "suggested": suggested["id"],
        "rejected": rejected["id"],
        "rejected_quote": rejected_q["id"],
        "claim3": claim3["id"],
        "pos2": pos2["id"],
    }


# --- JSONL shape --------------------------------------------------------------------------


def test_jsonl_record_shape(store: Store, world: World, tmp_path: Path) -> None:
    records = export_jsonl(store, tmp_path / "out.jsonl")
    assert len(records) == 2
    rec = next(r for r in records if r["id"] == world.article)
    assert set(rec) == DESIGN_RECORD_KEYS | EXTRA_RECORD_KEYS
    assert rec["schema_version"] == 2
    assert (rec["title"], rec["source"], rec["place"], rec["status"]) == (
        "China warns NATO over Tokyo office 🇨🇳",
        "Newswire",
        "BEIJING",
        "todo",
    )
    assert rec["text"] == TEXT
    assert len(rec["spans"]) == 5 and len(rec["claims"]) == 2 and len(rec["positions"]) == 1
    for span in rec["spans"]:
        assert set(span) == DESIGN_SPAN_KEYS | EXTRA_SPAN_KEYS
        assert isinstance(span["start"], int) and isinstance(span["end"], int)
    for speaker in rec["speakers"]:
        assert set(speaker) == DESIGN_SPEAKER_KEYS
    for claim in rec["claims"]:
        assert set(claim) == DESIGN_CLAIM_KEYS | EXTRA_CLAIM_KEYS
    for position in rec["positions"]:
        assert set(position) == DESIGN_POSITION_KEYS | EXTRA_POSITION_KEYS
    # The other article has no annotations but is exported all the same.
    other = next(r for r in records if r["id"] == world.other_article)
    assert other["spans"] == other["claims"] == other["positions"] == other["speakers"] == []


def test_jsonl_links_are_ids_of_exported_things(store: Store, world: World, tmp_path: Path) -> None:
    (rec, _) = export_jsonl(store, tmp_path / "out.jsonl")
    span_ids = {s["id"] for s in rec["spans"]}
    speaker_ids = {s["id"] for s in rec["speakers"]}
    claim_ids = {c["id"] for c in rec["claims"]}
    assert speaker_ids == {world.jane, world.lin}
    jane = next(s for s in rec["speakers"] if s["id"] == world.jane)
    assert jane["mentions"] == [world.mention]
    assert jane["aliases"] == ["the Chinese foreign ministry", "MFA"]
    for claim in rec["claims"]:
        assert set(claim["spans"]) <= span_ids
        assert claim["speaker"] in speaker_ids
        assert claim["mention"] in span_ids | {None} and claim["cue"] in span_ids | {None}
    claim1 = next(c for c in rec["claims"] if c["id"] == world.claim1)
    assert (claim1["mention"], claim1["cue"], claim1["kind"]) == (
        world.mention,
        world.cue,
        "direct",
    )
    (pos,) = rec["positions"]
    assert pos["target"] == "NATO office in Tokyo" and pos["stance"] == "against"
    assert set(pos["evidence"]) == claim_ids


def test_every_span_text_is_the_slice_of_the_text(store: Store, tmp_path: Path) -> None:
    text = '🇺🇦 e\u0301 \u05e9\u05dc\u05d5\u05dd 𝐀𝐁 "quote 😀 here"\nnext 👍🏽 line\n'
    aid = store.add_article(text)
    for i in range(0, len(text) - 2, 2):
        store.add_span(aid, i, i + 3, "claim")
    (rec,) = export_jsonl(store, tmp_path / "out.jsonl")
    assert len(rec["spans"]) == len(range(0, len(text) - 2, 2))
    for span in rec["spans"]:
        assert rec["text"][span["start"] : span["end"]] == span["text"]
    # Also in the bytes written: a reader decoding the file gets the same strings.
    raw = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert json.loads(raw)["text"] == text


def test_rejected_and_suggested_left_out_unless_asked(
    store: Store, world: World, reviewed: dict[str, str], tmp_path: Path
) -> None:
    (rec, _) = export_jsonl(store, tmp_path / "a.jsonl")
    ids = {s["id"] for s in rec["spans"]}
    assert reviewed["suggested"] not in ids and reviewed["rejected"] not in ids
    assert reviewed["rejected_quote"] not in ids
    # A claim whose content was rejected goes too; so does a rejected position.
    assert reviewed["claim3"] not in {c["id"] for c in rec["claims"]}
    assert [p["id"] for p in rec["positions"]] == [world.position]

    (rec, _) = export_jsonl(store, tmp_path / "b.jsonl", ExportFilter(include_suggestions=True))
    ids = {s["id"] for s in rec["spans"]}
    assert reviewed["suggested"] in ids and reviewed["rejected"] not in ids

    (rec, _) = export_jsonl(store, tmp_path / "c.jsonl", EVERYTHING)
    ids = {s["id"] for s in rec["spans"]}
    assert {reviewed["suggested"], reviewed["rejected"], reviewed["rejected_quote"]} <= ids
    assert reviewed["claim3"] in {c["id"] for c in rec["claims"]}
    assert {p["id"] for p in rec["positions"]} == {world.position, reviewed["pos2"]}
    statuses = {s["id"]: s["status"] for s in rec["spans"]}
    assert statuses[reviewed["rejected"]] == "rejected"


def test_label_filter(store: Store, world: World, tmp_path: Path) -> None:
    (rec,) = export_jsonl(store, tmp_path / "a.jsonl", ExportFilter(labels=("claim",)))
    # Only claim highlights; the article without any is left out.
    assert rec["id"] == world.article
    assert {s["label"] for s in rec["spans"]} == {"claim"}
    assert {c["id"] for c in rec["claims"]} == {world.claim1, world.claim2}
    claim1 = next(c for c in rec["claims"] if c["id"] == world.claim1)
    # Links to highlights that were filtered out are not left dangling.
    assert claim1["mention"] is None and claim1["cue"] is None
    span_ids = {s["id"] for s in rec["spans"]}
    for speaker in rec["speakers"]:
        assert set(speaker["mentions"]) <= span_ids

    (rec,) = export_jsonl(store, tmp_path / "b.jsonl", ExportFilter(labels=("speaker", "cue")))
    assert {s["label"] for s in rec["spans"]} == {"speaker", "cue"}
    assert rec["claims"] == []
    assert rec["positions"][0]["evidence"] == []

    assert export_jsonl(store, tmp_path / "c.jsonl", ExportFilter(labels=("nothing",))) == []


def test_status_filter(store: Store, world: World, tmp_path: Path) -> None:
    store.set_article_status(world.other_article, "done")
    done = export_jsonl(store, tmp_path / "a.jsonl", ExportFilter(statuses=("done",)))
    assert [r["id"] for r in done] == [world.other_article]
    both = export_jsonl(store, tmp_path / "b.jsonl", ExportFilter(statuses=("done", "todo")))
    assert [r["id"] for r in both] == [world.article, world.other_article]
    assert export_jsonl(store, tmp_path / "c.jsonl", ExportFilter(statuses=("reviewed",))) == []


def test_export_returns_the_count_and_iter_records_agrees(
    store: Store, world: World, tmp_path: Path
) -> None:
    assert export(store, tmp_path / "a.jsonl") == 2
    assert [r["id"] for r in iter_records(store)] == [world.article, world.other_article]
    assert export(store, tmp_path / "b.jsonl", flt=ExportFilter(labels=("cue",))) == 1


def test_unknown_format_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="unknown export format"):
        export(store, tmp_path / "a.xml", fmt="xml")
    assert not (tmp_path / "a.xml").exists()


def test_export_into_missing_folder_is_one_clear_error(
    store: Store, world: World, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.jsonl"
    with pytest.raises(AnnotatorError) as err:
        export(store, target)
    assert str(target) in str(err.value) and "\n" not in str(err.value)


# --- CSV and W3C ---------------------------------------------------------------------------


def test_csv_one_row_per_span_with_header(
    store: Store, world: World, reviewed: dict[str, str], tmp_path: Path
) -> None:
    multi = store.add_span(world.article, *at(TEXT, 'Tuesday that "'), "cue")
    assert "\n" not in multi["text"]
    aid = store.add_article('Line one, "quoted"\nline two.', title="Two lines")
    store.add_span(aid, 0, len('Line one, "quoted"\nline'), "claim", note="note, with comma")

    export(store, tmp_path / "out.csv", fmt="csv")

    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]
    expected = sum(len(r["spans"]) for r in iter_records(store))
    assert len(body) == expected == 7  # accepted spans only, by default
    assert len({r["span_id"] for r in body}) == len(body)
    for row in body:
        article_text = store.article_text(row["article_id"])
        assert article_text[int(row["start"]) : int(row["end"])] == row["text"]
    two = next(r for r in body if r["article_title"] == "Two lines")
    assert two["text"] == 'Line one, "quoted"\nline' and two["note"] == "note, with comma"
    mention = next(r for r in body if r["span_id"] == world.mention)
    assert (mention["speaker_id"], mention["speaker"]) == (world.jane, "Chinese foreign ministry")
    quote2 = next(r for r in body if r["span_id"] == world.quote2)
    assert (quote2["claim_id"], quote2["claim_kind"], quote2["speaker"]) == (
        world.claim2,
        "mixed",
        "Lin Qiao",
    )


def test_w3c_json_ld(store: Store, world: World, tmp_path: Path) -> None:
    export(store, tmp_path / "out.jsonld", fmt="w3c")
    page = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert page["type"] == "AnnotationPage"
    items = page["items"]
    assert len(items) == 5
    spans = {s["id"]: s for s in store.spans(world.article)}
    for item in items:
        assert item["type"] == "Annotation"
        span = spans[item["id"].rsplit(":", 1)[1]]
        assert item["target"]["source"].endswith(world.article)
        assert {"type": "TextualBody", "purpose": "tagging", "value": span["label"]} in item["body"]
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        pos, quote = selectors["TextPositionSelector"], selectors["TextQuoteSelector"]
        assert (pos["start"], pos["end"]) == (span["start"], span["end"])
        assert quote["exact"] == TEXT[pos["start"] : pos["end"]]
        assert TEXT[: pos["start"]].endswith(quote["prefix"])
        assert TEXT[pos["end"] :].startswith(quote["suffix"])
        # Enough context to find the quote again if offsets drift.
        assert quote["prefix"] or pos["start"] == 0
        assert quote["suffix"] or pos["end"] == len(TEXT)
        assert (quote["prefix"] + quote["exact"] + quote["suffix"]) in TEXT


def test_w3c_creator_is_a_person_not_an_iri(store: Store, world: World, tmp_path: Path) -> None:
    export(store, tmp_path / "out.jsonld", fmt="w3c")
    items = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))["items"]
    annotators = {s["id"]: s["annotator"] for s in store.spans(world.article)}
    for item in items:
        span_id = item["id"].rsplit(":", 1)[1]
        assert item["creator"] == {"type": "Person", "name": annotators[span_id]}


FORMULAS = ["=1+2", "+SUM(A1)", "-3 said", "@cmd", "\tTabbed"]
# A carriage return starts a formula too; it lives in a note (article text is normalised).
NOTES = ["=1+2", "+SUM(A1)", "-3 said", "@cmd", "\rReturn"]


def test_csv_keeps_exact_data_unless_made_safe_for_spreadsheets(tmp_path: Path) -> None:
    store = Store(memory=True)
    text = " ".join(FORMULAS) + " fine"
    aid = store.add_article(text, title='=HYPERLINK("http://x")')
    for word, note in zip(FORMULAS, NOTES, strict=True):
        start = text.index(word)
        store.add_span(aid, start, start + len(word), "claim", note=note)

    def rows(**options: Any) -> list[dict[str, str]]:
        target = tmp_path / "out.csv"
        export(store, target, fmt="csv", **options)
        with target.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    exact = rows()
    assert [r["text"] for r in exact] == FORMULAS
    assert [r["note"] for r in exact] == NOTES
    assert exact[0]["article_title"] == '=HYPERLINK("http://x")'

    safe = rows(safe_for_spreadsheets=True)
    assert [r["text"] for r in safe] == ["'" + f for f in FORMULAS]
    assert [r["note"] for r in safe] == ["'" + f for f in NOTES]
    assert safe[0]["article_title"] == '\'=HYPERLINK("http://x")'
    # Offsets and ids stay as they are: only cells a spreadsheet would run change.
    assert [(r["start"], r["span_id"]) for r in safe] == [(r["start"], r["span_id"]) for r in exact]


def test_w3c_empty_store_is_still_valid_json(store: Store, tmp_path: Path) -> None:
    export(store, tmp_path / "out.jsonld", fmt="w3c")
    assert json.loads((tmp_path / "out.jsonld").read_text())["items"] == []


# --- atomic writes ------------------------------------------------------------------------


@pytest.fixture
def big_store(store: Store) -> Store:
    for i in range(250):
        aid = store.add_article(f"Article {i}\n\nSomeone said something {i}.\n")
        store.add_span(aid, 0, 7, "target")
    return store


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "w3c"])
def test_failed_export_leaves_the_old_file_intact(
    big_store: Store, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    target.write_text("the previous, good export\n", encoding="utf-8")
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        raise RuntimeError("disk trouble half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        export(big_store, target, fmt=fmt, progress=progress)

    assert calls == [100]  # it did fail mid-way, with records already written
    assert target.read_text(encoding="utf-8") == "the previous, good export\n"
    assert no_leftovers(tmp_path)


def test_cancelled_export_leaves_the_old_file_intact(big_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    seen = 0

    def cancelled() -> bool:
        nonlocal seen
        seen += 1
        return seen > 10

    with pytest.raises(ExportCancelled):
        export(big_store, target, cancelled=cancelled)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert no_leftovers(tmp_path)


def test_failed_first_export_leaves_no_file(big_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportCancelled):
        export(big_store, tmp_path / "new.jsonl", cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_total(big_store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    assert export(big_store, tmp_path / "a.jsonl", progress=lambda d, t: seen.append((d, t))) == 250
    assert seen == [(100, 250), (200, 250), (250, 250)]
    assert len(read_jsonl(tmp_path / "a.jsonl")) == 250


def test_export_is_one_snapshot_while_another_connection_edits(tmp_path: Path) -> None:
    """The GUI exports from a worker thread while the analyst keeps working."""
    path = tmp_path / "shared.db"
    with Store(path) as ui, Store(path) as worker:
        ids = []
        for i in range(250):
            aid = ui.add_article(f"Article {i}\n\nSomeone said something {i}.\n")
            ui.add_span(aid, 0, 7, "target")
            ids.append(aid)

        def progress(done: int, total: int) -> None:
            if done == 100:  # half-way, the analyst deletes and relabels later articles
                ui.delete_article(ids[-1])
                ui.update_span(ui.spans(ids[-2])[0]["id"], label="claim")

        assert export(worker, tmp_path / "out.jsonl", progress=progress) == 250
        records = read_jsonl(tmp_path / "out.jsonl")
        assert [r["id"] for r in records] == ids
        assert records[-2]["spans"][0]["label"] == "target"
        # The next export sees the edits.
        assert [r["id"] for r in export_jsonl(worker, tmp_path / "next.jsonl")] == ids[:-1]


# --- round trips ----------------------------------------------------------------------------


def round_trip(store: Store, folder: Path, flt: ExportFilter = EVERYTHING) -> tuple[str, str]:
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    export(store, first, flt=flt)
    with Store(memory=True, annotator="someone else") as fresh:
        report = import_paths(fresh, [first])
        assert report.errors == [] and report.failed == 0
        export(fresh, second, flt=flt)
    return first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")


def test_round_trip_gives_identical_records(
    store: Store, world: World, reviewed: dict[str, str], tmp_path: Path
) -> None:
    s = store
    # Things that tempt an importer to "improve" data: a null title on a text that
    # has a title line, two different people with the same name, review fields.
    bare = s.add_article("Looks like a title\n\nOSLO (Agency - 06th June, 2024) Body.\n")
    wang1 = s.add_speaker("Wang Wei", role="diplomat")
    wang2 = s.add_speaker("Wang Wei", role="economist")
    m1 = s.add_span(bare, *at(s.article_text(bare), "Looks"), "speaker", speaker_id=wang1["id"])
    m2 = s.add_span(world.other_article, 0, 7, "speaker", speaker_id=wang2["id"])
    s.update_span(
        m1["id"], status="accepted", reviewer="rev", reviewed_at="2026-01-01T00:00:00.000Z"
    )
    s.update_span(m2["id"], note="second Wang")
    s.set_article_status(world.article, "reviewed")

    for flt in (EVERYTHING, ExportFilter(), ExportFilter(labels=("claim", "speaker"))):
        first, second = round_trip(store, tmp_path, flt)
        assert first == second
    records = [json.loads(line) for line in first.splitlines()]
    assert records[2]["title"] is None  # stays null, not re-guessed from the text
    speakers = {s["id"] for r in records for s in r["speakers"]}
    assert {wang1["id"], wang2["id"]} <= speakers


def test_round_trip_keeps_claim_order_when_highlights_are_left_out(
    store: Store, tmp_path: Path
) -> None:
    """Claims come in text order of what is exported, not of left-out suggestions."""
    aid = store.add_article("alpha beta gamma delta")
    early = store.add_span(aid, 0, 5, "claim", status="suggested")["id"]
    beta = store.add_span(aid, 6, 10, "claim")["id"]
    gamma = store.add_span(aid, 11, 16, "claim")["id"]
    late = store.add_claim(aid, [gamma, early])["id"]  # starts at 0 only with the suggestion
    first = store.add_claim(aid, [beta])["id"]
    (rec,) = export_jsonl(store, tmp_path / "a.jsonl")
    assert [c["id"] for c in rec["claims"]] == [first, late]
    a, b = round_trip(store, tmp_path, ExportFilter())
    assert a == b


def test_reimporting_an_export_into_the_same_store_changes_nothing(
    store: Store, world: World, tmp_path: Path
) -> None:
    before = export_jsonl(store, tmp_path / "a.jsonl", EVERYTHING)
    report = import_paths(store, [tmp_path / "a.jsonl"])
    assert (report.added, report.duplicates) == (0, 2)
    assert export_jsonl(store, tmp_path / "b.jsonl", EVERYTHING) == before


# --- property: any text, any valid spans survive import and export exactly -------------------

PIECES = [
    "a",
    "Z",
    "word ",
    " ",
    "  ",
    "\t",
    ".",
    ",",
    '"',
    "«",
    "»",
    "’",
    "\n",
    "\r\n",
    "\r",
    "😀",
    "🇺🇦",
    "👍🏽",
    "𝐀",
    "\U0010fffd",
    "e\u0301",
    "\u0301",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u200f",
    "\u202e",
    "中文",
    "\ufeff",
    "\u00a0",
    "\u2028",
]
LABELS = ["speaker", "claim", "cue", "target", "Quote", "ORG"]
NAMES = ["Wang Wei", "wang wei", "Élodie Marchand", "NATO", "Lin Qiao"]


def raw_positions(raw: str) -> list[int]:
    """Index in ``raw`` of each character of normalise_text(raw), plus its length."""
    out, i = [], 1 if raw.startswith("\ufeff") else 0
    while i < len(raw):
        out.append(i)
        i += 2 if raw.startswith("\r\n", i) else 1
    out.append(len(raw))
    return out


@st.composite
def articles(draw: st.DrawFn) -> list[dict[str, Any]]:
    texts = draw(
        st.lists(
            st.lists(st.sampled_from(PIECES), min_size=1, max_size=40)
            .map(lambda parts: "w" + "".join(parts))
            .filter(lambda t: bool(normalise_text(t).strip())),
            min_size=1,
            max_size=3,
            unique_by=normalise_text,
        )
    )
    exported = draw(st.booleans())  # our own export shape, or a plain tool's
    records = []
    for a, raw in enumerate(texts):
        norm = normalise_text(raw)
        pos = raw_positions(raw)
        assert len(pos) == len(norm) + 1
        spans, expected = [], []
        for k in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(norm) - 1))
            end = draw(st.integers(start + 1, len(norm)))
            span = {
                "id": f"s{a}-{k}",
                "start": pos[start],
                "end": pos[end],
                "label": draw(st.sampled_from(LABELS)),
                "status": draw(st.sampled_from(["accepted", "suggested", "rejected"])),
            }
            if draw(st.booleans()):
                span["text"] = raw[pos[start] : pos[end]]
            spans.append(span)
            expected.append(norm[start:end])
        speakers = [
            {
                "id": f"p{a}-{k}",
                "name": draw(st.sampled_from(NAMES)),
                "kind": draw(st.sampled_from(["person", "organisation"])),
                "aliases": draw(st.lists(st.sampled_from(NAMES), max_size=2)),
                "mentions": draw(
                    st.lists(st.sampled_from([s["id"] for s in spans]), max_size=2, unique=True)
                )
                if spans
                else [],
            }
            for k in range(draw(st.integers(0, 2)))
        ]
        span_ids = [s["id"] for s in spans]
        speaker_ids = [s["id"] for s in speakers]
        maybe_span = st.sampled_from([None, *span_ids])
        maybe_speaker = st.sampled_from([None, *speaker_ids])
        claims = [
            {
                "id": f"c{a}-{k}",
                "spans": draw(
                    st.lists(st.sampled_from(span_ids), min_size=1, max_size=3, unique=True)
                ),
                "speaker": draw(maybe_speaker),
                "mention": draw(maybe_span),
                "cue": draw(maybe_span),
                "kind": draw(st.sampled_from(["direct", "indirect", "mixed"])),
                "status": draw(st.sampled_from(["accepted", "suggested", "rejected"])),
            }
            for k in range(draw(st.integers(0, 3) if spans else st.just(0)))
        ]
        claim_ids = [c["id"] for c in claims]
        positions = [
            {
                "id": f"x{a}-{k}",
                "speaker": draw(maybe_speaker),
                "target": draw(st.sampled_from(["NATO office", "nato OFFICE", "Bloc politics 😀"])),
                "stance": draw(st.sampled_from(["favor", "against", "neutral", "mixed"])),
                "evidence": draw(st.lists(st.sampled_from(claim_ids), max_size=2, unique=True))
                if claim_ids
                else [],
                "status": draw(st.sampled_from(["accepted", "rejected"])),
            }
            for k in range(draw(st.integers(0, 2)))
        ]
        record: dict[str, Any] = {
            "id": f"art{a}",
            "text": raw,
            "spans": spans,
            "speakers": speakers,
            "claims": claims,
            "positions": positions,
        }
        if exported:
            record["schema_version"] = 1
            record["title"] = draw(st.sampled_from([None, "A title", "Ünïcode 😀 title"]))
        records.append({"record": record, "expected": expected, "text": norm})
    return records


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=articles(), ascii_json=st.booleans())
def test_property_import_export_import_export_is_exact(
    data: list[dict[str, Any]], ascii_json: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        source.write_text(
            "".join(json.dumps(d["record"], ensure_ascii=ascii_json) + "\n" for d in data),
            encoding="utf-8",
        )
        with Store(memory=True) as s1:
            report = import_paths(s1, [source])
            assert report.errors == []
            assert report.added == len(data)
            first = list(iter_records(s1, EVERYTHING))
            # Offsets were remapped onto the normalised text and select what was meant.
            for d, rec in zip(data, first, strict=True):
                assert rec["text"] == d["text"]
                assert sorted(s["text"] for s in rec["spans"]) == sorted(d["expected"])
                for span in rec["spans"]:
                    assert rec["text"][span["start"] : span["end"]] == span["text"]
            for flt in (EVERYTHING, ExportFilter()):
                a, b = round_trip(s1, folder, flt)
                assert a == b


def test_an_export_clears_parts_left_by_exports_killed_long_ago(tmp_path: Path) -> None:
    from annotator.core import exporting

    store = Store(memory=True)
    store.add_article("One article.")
    target = tmp_path / "out.jsonl"
    old = tmp_path / ".out.jsonl.abc123.part"
    young = tmp_path / ".out.jsonl.def456.part"
    other = tmp_path / ".other.jsonl.abc123.part"
    for part in (old, young, other):
        part.write_text("half an export")
    stale = time.time() - exporting.STALE_PART_SECONDS - 60
    os.utime(old, (stale, stale))
    os.utime(other, (stale, stale))
    export(store, target)
    assert not old.exists()  # killed long ago: removed
    assert young.exists()  # may be another export still running
    assert other.exists()  # another target's
    assert target.read_text().count("\n") == 1


def test_csv_lists_every_claim_a_span_belongs_to(tmp_path: Path) -> None:
    store = Store(memory=True)
    aid = store.add_article('She said "we will not move" and repeated it.')
    span = store.add_span(aid, 10, 26, "claim")
    first = store.add_claim(aid, [span["id"]], kind="direct")
    second = store.add_claim(aid, [span["id"]], kind="mixed")
    out = tmp_path / "spans.csv"
    export(store, out, fmt="csv")
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["claim_id"].split(";") == [first["id"], second["id"]]
    assert row["claim_kind"] == "direct;mixed"


# --- the window's CSV: safe to open in spreadsheets ----------------------------------------


def _formula_store(path: Path) -> Store:
    store = Store(path, annotator="=cmd|' /C calc'!A0")
    text = "Title\n\n=1+2 said the minister.\n"
    aid = store.add_article(text, title="@SUM(A1)")
    span = store.tag(aid, text.index("=1+2"), text.index("=1+2") + 4, "claim")["span"]
    store.update_span(span["id"], note="-2")
    return store


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_window_csv_export_is_safe_for_spreadsheets_by_default_and_says_so(
    qtbot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from annotator.gui.app import application, build_window

    application()
    _formula_store(tmp_path / "f.db").close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(tmp_path / "f.db", annotator="t", seed=False, settings=settings)
    qtbot.addWidget(window)
    assert window.safe_csv_action.isChecked()
    assert "spreadsheets" in window.safe_csv_action.text()

    out = tmp_path / "safe.csv"
    task = window.files.export_to(str(out), "csv", show_dialog=False)
    qtbot.waitUntil(lambda: task not in window.tasks, timeout=10000)
    (row,) = _csv_rows(out)
    assert (row["text"], row["note"], row["article_title"]) == ("'=1+2", "'-2", "'@SUM(A1)")
    assert row["annotator"] == "'=cmd|' /C calc'!A0"
    assert "apostrophe" in window.statusBar().currentMessage()

    # The corpus views export with the same choice (every layer shown: the formula
    # highlight is another analyst's).
    window.layers_action.setChecked(True)
    views = window.views
    views.show_view("claims")
    with qtbot.waitSignal(views.message, timeout=10000) as said:
        views.export_current(tmp_path / "view.csv", "csv", show_dialog=False)
    qtbot.waitUntil(lambda: (tmp_path / "view.csv").exists(), timeout=10000)
    assert _csv_rows(tmp_path / "view.csv")[0]["text"] == "'=1+2"
    assert "apostrophe" in said.args[0]

    # Switched off (remembered): the exact data, as the command line writes it.
    window.safe_csv_action.setChecked(False)
    assert settings.value("safe_csv", type=bool) is False
    task = window.files.export_to(str(tmp_path / "exact.csv"), "csv", show_dialog=False)
    qtbot.waitUntil(lambda: task not in window.tasks, timeout=10000)
    (row,) = _csv_rows(tmp_path / "exact.csv")
    assert (row["text"], row["note"], row["article_title"]) == ("=1+2", "-2", "@SUM(A1)")
    window.close()
    window.store.close()


# --- what a wrong change to the export would lose (mutation testing found these) ------------


def test_a_speaker_of_an_earlier_article_is_in_every_later_record(tmp_path: Path) -> None:
    store = Store(memory=True)
    minister = store.add_speaker("Ana Ruiz", role="minister", aliases=["the minister"])["id"]
    texts = ["Ana Ruiz said no.", "Later, Ana Ruiz said yes.", "Ana Ruiz said maybe."]
    mentions = []
    for text in texts:
        aid = store.add_article(text)
        mention = store.add_span(aid, *at(text, "Ana Ruiz"), "speaker", speaker_id=minister)
        quote = store.add_span(aid, text.index("said") + 5, len(text) - 1, "claim")
        store.add_claim(aid, [quote["id"]], speaker_id=minister, mention_span_id=mention["id"])
        mentions.append(mention["id"])
    records = export_jsonl(store, tmp_path / "out.jsonl")
    assert [r["text"] for r in records] == texts
    for record, mention in zip(records, mentions, strict=True):
        (speaker,) = record["speakers"]
        assert (speaker["id"], speaker["name"], speaker["role"]) == (
            minister,
            "Ana Ruiz",
            "minister",
        )
        assert speaker["aliases"] == ["the minister"] and speaker["mentions"] == [mention]
        assert record["claims"][0]["speaker"] == minister


def test_a_claim_left_out_does_not_take_the_later_claims_with_it(tmp_path: Path) -> None:
    store = Store(memory=True)
    text = '"First," she said. "Second," she said. "Third," she said.'
    aid = store.add_article(text)
    kept = []
    for n, word in enumerate(("First", "Second", "Third")):
        status = "rejected" if n == 0 else "accepted"
        span = store.add_span(aid, *at(text, word), "claim", status=status)
        claim = store.add_claim(aid, [span["id"]])
        if n:
            kept.append(claim["id"])
    (record,) = export_jsonl(store, tmp_path / "out.jsonl")
    # The first claim's only content is rejected, so the claim is left out; not the rest.
    assert [c["id"] for c in record["claims"]] == kept
    (record,) = export_jsonl(store, tmp_path / "all.jsonl", EVERYTHING)
    assert len(record["claims"]) == 3


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "w3c"])
def test_an_export_of_nothing_reports_nothing_written(tmp_path: Path, fmt: str) -> None:
    store = Store(memory=True)
    assert export(store, tmp_path / f"empty.{fmt}", fmt=fmt) == 0
    store.add_article("An article without highlights.")
    only_claims = ExportFilter(labels=("claim",))
    assert export(store, tmp_path / f"none.{fmt}", fmt=fmt, flt=only_claims) == 0
    assert export(store, tmp_path / f"one.{fmt}", fmt=fmt) == 1


def test_w3c_annotation_fields_and_exact_context(tmp_path: Path) -> None:
    text = "Oslo: " + "word " * 10 + "the minister said no." + " more" * 10
    spans = [
        (0, 4, "target", None),
        (6, 10, "cue", "first word"),
        (*at(text, "minister"), "speaker", "who"),
        (len(text) - 4, len(text), "target", None),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(
            {
                "text": text,
                "spans": [
                    {
                        "id": f"s{n}",
                        "start": start,
                        "end": end,
                        "label": label,
                        "note": note,
                        "annotator": f"analyst {n}",
                        "created": f"2024-0{n + 1}-01T10:00:00.000Z",
                        "updated": f"2025-0{n + 1}-02T11:00:00.000Z",
                    }
                    for n, (start, end, label, note) in enumerate(spans)
                ],
            }
        ),
        encoding="utf-8",
    )
    store = Store(memory=True)
    assert import_paths(store, [source]).added == 1
    (aid,) = [r["id"] for r in iter_records(store)]
    export(store, tmp_path / "out.jsonld", fmt="w3c")
    page = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    assert len(page["items"]) == 4
    for n, (item, (start, end, label, note)) in enumerate(zip(page["items"], spans, strict=True)):
        assert item["id"] == f"urn:annotator:span:s{n}"
        assert (item["type"], item["motivation"], item["creator"]) == (
            "Annotation",
            "tagging",
            {"type": "Person", "name": f"analyst {n}"},
        )
        assert item["created"] == f"2024-0{n + 1}-01T10:00:00.000Z"
        assert item["modified"] == f"2025-0{n + 1}-02T11:00:00.000Z"
        tag = {"type": "TextualBody", "purpose": "tagging", "value": label}
        comment = {"type": "TextualBody", "purpose": "commenting", "value": note}
        assert item["body"] == ([tag, comment] if note else [tag])
        assert item["target"]["source"] == f"urn:annotator:article:{aid}"
        assert item["target"]["selector"] == [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {
                "type": "TextQuoteSelector",
                "exact": text[start:end],
                "prefix": text[max(0, start - 32) : start],
                "suffix": text[end : end + 32],
            },
        ]
    # At and near the start the prefix is all the text before the span; far from both
    # ends, 32 characters each side; at the end no suffix.
    quotes = [item["target"]["selector"][1] for item in page["items"]]
    assert [q["prefix"] for q in quotes[:2]] == ["", "Oslo: "]
    assert len(quotes[2]["prefix"]) == len(quotes[2]["suffix"]) == 32
    assert quotes[3]["suffix"] == ""


def test_an_export_of_chosen_articles_writes_only_those(tmp_path: Path) -> None:
    store = Store(memory=True)
    ids = [store.add_article(f"Article number {n}.") for n in range(4)]
    store.set_article_status(ids[2], "done")
    chosen = ExportFilter(article_ids=(ids[3], ids[2], ids[0]))
    assert [r["id"] for r in export_jsonl(store, tmp_path / "a.jsonl", chosen)] == [
        ids[0],
        ids[2],
        ids[3],
    ]
    both = ExportFilter(article_ids=(ids[3], ids[2]), statuses=("done",))
    assert [r["id"] for r in export_jsonl(store, tmp_path / "b.jsonl", both)] == [ids[2]]
    assert export_jsonl(store, tmp_path / "c.jsonl", ExportFilter(article_ids=())) == []


def test_a_rejected_claim_on_accepted_highlights_is_left_out(tmp_path: Path) -> None:
    store = Store(memory=True)
    aid = store.add_article('She said "no" and "yes".')
    no = store.add_span(aid, *at('She said "no" and "yes".', "no"), "claim")
    yes = store.add_span(aid, *at('She said "no" and "yes".', "yes"), "claim")
    store.add_claim(aid, [no["id"]], status="rejected")
    kept = store.add_claim(aid, [yes["id"]])
    (record,) = export_jsonl(store, tmp_path / "out.jsonl")
    assert [c["id"] for c in record["claims"]] == [kept["id"]]
    assert {s["id"] for s in record["spans"]} == {no["id"], yes["id"]}


def test_iter_records_lists_speakers_and_applies_the_filter(store: Store, world: World) -> None:
    (record, _other) = iter_records(store)
    assert {s["id"] for s in record["speakers"]} == {world.jane, world.lin}
    (only_cues,) = iter_records(store, ExportFilter(labels=("cue",)))
    assert [s["label"] for s in only_cues["spans"]] == ["cue"]


@pytest.mark.parametrize("fmt", ["jsonl", "w3c"])
def test_json_exports_write_characters_as_utf8_not_escapes(tmp_path: Path, fmt: str) -> None:
    store = Store(memory=True)
    text = "Zürich: «Ça va», said Łódź's mayor 😀."
    aid = store.add_article(text)
    store.add_span(aid, 0, len(text) - 1, "claim")
    out = tmp_path / f"out.{fmt}"
    export(store, out, fmt=fmt)
    raw = out.read_bytes()
    assert text[:-1].encode("utf-8") in raw and b"\\u" not in raw


def test_export_messages_say_what_happened(tmp_path: Path) -> None:
    store = Store(memory=True)
    store.add_article("One article.")
    with pytest.raises(AnnotatorError) as unknown:
        export(store, tmp_path / "a.xml", fmt="xml")
    assert str(unknown.value) == "unknown export format 'xml' (use jsonl, csv, w3c)"
    with pytest.raises(ExportCancelled) as cancelled:
        export(store, tmp_path / "b.jsonl", cancelled=lambda: True)
    assert str(cancelled.value) == "export cancelled; the earlier file was left in place"
    missing = tmp_path / "no folder" / "c.jsonl"
    with pytest.raises(AnnotatorError) as failed:
        export(store, missing)
    assert str(failed.value) == f"{missing}: cannot write the export (No such file or directory)"


def test_a_part_file_that_vanishes_meanwhile_does_not_stop_an_export(tmp_path: Path) -> None:
    store = Store(memory=True)
    store.add_article("One article.")
    # A part file whose target is gone: looking at its age fails, as for one just removed.
    (tmp_path / ".out.jsonl.gone.part").symlink_to(tmp_path / "nothing here")
    assert export(store, tmp_path / "out.jsonl") == 1
    assert (tmp_path / "out.jsonl").read_text().count("\n") == 1


def test_an_export_of_one_analysts_layer_leaves_the_others_positions_out(tmp_path: Path) -> None:
    from annotator.core.exporting import article_record

    db = tmp_path / "team.db"
    text = "Lin Qiao said on Tuesday that no region needs a new bloc."
    with Store(db, annotator="ana") as ana:
        aid = ana.add_article(text, title="Blocs")
        ana.add_position(aid, speaker_id=None, target="Blocs", stance="against")
    with Store(db, annotator="bob") as bob:
        bob.add_position(aid, speaker_id=None, target="Trade", stance="favor")
    with Store(db, annotator="lead") as lead:
        mine = article_record(lead, aid, ExportFilter(annotators=("ana",)))
        every = article_record(lead, aid, ExportFilter())
    assert [(p["target"], p["annotator"]) for p in mine["positions"]] == [("Blocs", "ana")]
    assert sorted(p["annotator"] for p in every["positions"]) == ["ana", "bob"]


def test_standard_output_that_cannot_be_written_is_named_as_such(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import sys

    class FullOutput:  # a text stream on a full disk
        def write(self, _text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

    store.add_article("Lin Qiao said no region needs a new bloc.", title="Blocs")
    monkeypatch.setattr(sys, "stdout", FullOutput())
    with pytest.raises(AnnotatorError) as err:
        export(store, "-")
    assert str(err.value) == ("standard output: cannot write the export (No space left on device)")

"""Corpus-wide views (annotator.core.store.queries): speakers, claims, positions, timeline,
full-text search, and exporting what a view shows.

Every query runs on a real SQLite database (in memory or in a file). The full-text
index is checked against its tables with FTS5's own integrity check after each kind
of write: import (executemany), edits, deletes, undo/redo and merges.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.core.exporting import ExportFilter
from annotator.core.importing import import_paths
from annotator.core.store import Store
from annotator.core.store import queries as q
from annotator.core.store.queries import Phrase, ViewFilter

EMOJI_TEXT = (
    "Tokyo office row deepens 🇯🇵🇨🇳\n\n"
    "TOKYO (Newswire) - 😀 The ministry said that “the Asia-Pacific is not part of the "
    "North Atlantic” 🙂, and Élodie Marchand said Paris saw no need for a permanent "
    "office. “Blocs divide regions,” Lin Qiao told reporters.\n"
)
PLAIN_TEXT = (
    "EU defends carbon border tax\n\n"
    "BRUSSELS (Newswire) - The trade chief said the levy was about climate, not "
    "protectionism. India's commerce secretary called the tax unfair; the North "
    "Atlantic allies were not mentioned.\n"
)
THIRD_TEXT = (
    "Grain corridor talks resume\n\n"
    "ISTANBUL (Newswire) - Officials said the corridor must stay open. Lin Qiao said "
    "the corridor was a matter for the parties.\n"
)


@dataclass
class Corpus:
    a1: str
    a2: str
    a3: str
    lin: str
    elodie: str
    ministry: str
    c_lin_blocs: str
    c_ministry: str
    c_elodie: str
    c_lin_corridor: str
    c_rejected: str
    span_blocs: str
    span_ministry: str


def quote(
    store: Store,
    aid: str,
    piece: str,
    speaker: str | None,
    *,
    kind: str = "direct",
    status: str = "accepted",
    annotator: str | None = None,
    also: str | None = None,
) -> tuple[str, str]:
    """A claim over ``piece`` (and ``also``, a second content span); (claim id, span id)."""
    text = store.article_text(aid)
    spans = []
    for part in (piece, also):
        if part is None:
            continue
        start = text.index(part)
        spans.append(
            store.add_span(
                aid, start, start + len(part), "claim", status=status, annotator=annotator
            )["id"]
        )
    claim = store.add_claim(aid, spans, speaker_id=speaker, kind=kind, status=status)
    return claim["id"], spans[0]


def mention(store: Store, aid: str, piece: str, speaker: str) -> str:
    text = store.article_text(aid)
    start = text.index(piece)
    return store.add_span(aid, start, start + len(piece), "speaker", speaker_id=speaker)["id"]


def build(store: Store) -> Corpus:
    a1 = store.add_article(EMOJI_TEXT, title="Tokyo office row deepens", published="2024-03-02")
    a2 = store.add_article(PLAIN_TEXT, title="EU defends carbon border tax", published="2024-04-11")
    a3 = store.add_article(THIRD_TEXT, title="Grain corridor talks resume")  # no date
    assert a1 and a2 and a3
    lin = store.add_speaker(
        "Lin Qiao", role="spokesperson", affiliation="Chinese Foreign Ministry", aliases=["Lin"]
    )["id"]
    elodie = store.add_speaker("Élodie Marchand", role="Foreign Minister")["id"]
    ministry = store.add_speaker("Chinese foreign ministry", kind="organisation")["id"]
    mention(store, a1, "Lin Qiao", lin)
    mention(store, a1, "Élodie Marchand", elodie)
    mention(store, a3, "Lin Qiao", lin)
    c_lin_blocs, span_blocs = quote(store, a1, "Blocs divide regions", lin, annotator="ana")
    c_ministry, span_ministry = quote(
        store, a1, "the Asia-Pacific is not part of the North Atlantic", ministry, annotator="ben"
    )
    c_elodie, _ = quote(
        store,
        a1,
        "Paris saw no need for a permanent office",
        elodie,
        kind="indirect",
        annotator="ana",
        also="no need",
    )
    c_lin_corridor, _ = quote(
        store,
        a3,
        "the corridor was a matter for the parties",
        lin,
        kind="indirect",
        annotator="ana",
    )
    c_rejected, _ = quote(
        store, a2, "the levy was about climate, not protectionism", None, status="rejected"
    )
    store.add_position(
        a1, speaker_id=lin, target="NATO office in Tokyo", stance="against", evidence=[c_lin_blocs]
    )
    store.add_position(
        a1,
        speaker_id=ministry,
        target="NATO office in Tokyo",
        stance="against",
        evidence=[c_ministry],
    )
    store.add_position(
        a1, speaker_id=elodie, target="NATO office in Tokyo", stance="against", evidence=[c_elodie]
    )
    store.add_position(
        a3,
        speaker_id=lin,
        target="Black Sea grain corridor",
        stance="neutral",
        evidence=[c_lin_corridor],
    )
    store.add_position(a3, speaker_id=lin, target="NATO office in Tokyo", stance="favor")
    store.add_position(a2, speaker_id=None, target="carbon border tax", stance="favor")
    return Corpus(
        a1,
        a2,
        a3,
        lin,
        elodie,
        ministry,
        c_lin_blocs,
        c_ministry,
        c_elodie,
        c_lin_corridor,
        c_rejected,
        span_blocs,
        span_ministry,
    )


@pytest.fixture
def corpus(store: Store) -> Corpus:
    return build(store)


def index_ok(store: Store) -> None:
    q.check_search_index(store)  # raises sqlite3.DatabaseError on any disagreement


# -- speakers --------------------------------------------------------------------------


def test_speakers_page_counts_claims_and_articles(store: Store, corpus: Corpus) -> None:
    rows = {r["name"]: r for r in q.speakers_page(store)}
    assert set(rows) == {"Lin Qiao", "Élodie Marchand", "Chinese foreign ministry"}
    lin = rows["Lin Qiao"]
    assert (lin["claims"], lin["articles"]) == (2, 2)
    assert lin["aliases"] == ["Lin"] and lin["role"] == "spokesperson"
    assert (
        rows["Chinese foreign ministry"]["claims"],
        rows["Chinese foreign ministry"]["articles"],
    ) == (1, 1)
    assert q.speakers_count(store) == 3


def test_speakers_filter_sort_and_page(store: Store, corpus: Corpus) -> None:
    assert [r["name"] for r in q.speakers_page(store, ViewFilter(text="ministry"))] == [
        "Chinese foreign ministry",
        "Lin Qiao",
    ]  # Lin by affiliation
    assert q.speakers_count(store, ViewFilter(text="ministry")) == 2
    assert [r["name"] for r in q.speakers_page(store, ViewFilter(text="Lin"))] == ["Lin Qiao"]
    by_claims = q.speakers_page(store, order_by="claims", descending=True)
    assert by_claims[0]["name"] == "Lin Qiao"
    by_name_desc = [r["name"] for r in q.speakers_page(store, order_by="name", descending=True)]
    assert by_name_desc == sorted(by_name_desc, key=str.casefold, reverse=True)
    first = q.speakers_page(store, limit=2)
    rest = q.speakers_page(store, limit=2, offset=2)
    assert len(first) == 2 and len(rest) == 1
    assert {r["id"] for r in first} | {r["id"] for r in rest} == {
        corpus.lin,
        corpus.elodie,
        corpus.ministry,
    }
    with pytest.raises(ValueError):
        q.speakers_page(store, order_by="rowid; DROP TABLE speakers")


def test_speaker_counts_follow_writes(store: Store, corpus: Corpus) -> None:
    assert q.speakers_page(store, order_by="articles", descending=True)[0]["name"] == "Lin Qiao"
    store.update_claim(corpus.c_ministry, speaker_id=corpus.elodie)
    rows = {r["name"]: r for r in q.speakers_page(store, order_by="claims", descending=True)}
    assert rows["Élodie Marchand"]["claims"] == 2  # the cached counts were dropped
    assert rows["Chinese foreign ministry"]["claims"] == 0


def test_speaker_first_span(store: Store, corpus: Corpus) -> None:
    article, span = q.speaker_first_span(store, corpus.lin)
    assert article == corpus.a1 and store.span(span)["text"] == "Lin Qiao"
    assert q.speaker_first_span(store, corpus.ministry) == (corpus.a1, corpus.span_ministry)
    lonely = store.add_speaker("Nobody Yet")["id"]
    assert q.speaker_first_span(store, lonely) is None


# -- claims ----------------------------------------------------------------------------


def test_claims_page_rows(store: Store, corpus: Corpus) -> None:
    rows = {r["id"]: r for r in q.claims_page(store)}
    assert corpus.c_rejected not in rows  # rejected ones only when asked for
    elodie = rows[corpus.c_elodie]
    assert elodie["text"] == "Paris saw no need for a permanent office … no need"
    assert elodie["speaker"] == "Élodie Marchand" and elodie["kind"] == "indirect"
    assert elodie["article_id"] == corpus.a1 and elodie["date"] == "2024-03-02"
    assert rows[corpus.c_lin_blocs]["span_id"] == corpus.span_blocs
    # No published date: no date (never the day it was imported).
    assert rows[corpus.c_lin_corridor]["date"] is None
    assert rows[corpus.c_lin_corridor]["published"] is None
    assert q.claims_count(store) == 4


def test_claims_filters(store: Store, corpus: Corpus) -> None:
    def ids(**kw) -> set[str]:
        flt = ViewFilter(**kw)
        found = {r["id"] for r in q.claims_page(store, flt)}
        assert q.claims_count(store, flt) == len(found)
        return found

    assert ids(speaker_id=corpus.lin) == {corpus.c_lin_blocs, corpus.c_lin_corridor}
    assert ids(speaker_text="marchand") == {corpus.c_elodie}
    assert ids(speaker_text="Lin") == {corpus.c_lin_blocs, corpus.c_lin_corridor}  # alias
    assert ids(text="north atlantic") == {corpus.c_ministry}
    assert ids(text="Bloc") == {corpus.c_lin_blocs}  # the last word may be a word start
    assert ids(text="perman") == {corpus.c_elodie}
    assert ids(text="atlantic north") == set()  # words in order
    assert ids(status="rejected") == {corpus.c_rejected}
    assert ids(kind="indirect") == {corpus.c_elodie, corpus.c_lin_corridor}
    assert ids(annotator="ben") == {corpus.c_ministry}
    assert ids(label="claim") == ids()
    assert ids(label="cue") == set()
    assert ids(date_from="2024-03-01", date_to="2024-03-31") == {
        corpus.c_lin_blocs,
        corpus.c_ministry,
        corpus.c_elodie,
    }
    assert ids(date_to="2024-03") == {corpus.c_lin_blocs, corpus.c_ministry, corpus.c_elodie}
    # Undated: no date to filter on (the day it was imported is not its date).
    assert ids(date_from="2024-04") == set()
    assert ids(target="nato office in tokyo") == {
        corpus.c_lin_blocs,
        corpus.c_ministry,
        corpus.c_elodie,
    }
    assert ids(target="NATO office in Tokyo", stance="favor") == set()
    assert ids(stance="neutral") == {corpus.c_lin_corridor}
    assert ids(target="no such target") == set()


def test_claims_sort_and_paging(store: Store, corpus: Corpus) -> None:
    by_speaker = [r["speaker"] for r in q.claims_page(store, order_by="speaker")]
    assert by_speaker == sorted(by_speaker, key=str.casefold)
    for descending in (True, False):
        by_date = [r["date"] for r in q.claims_page(store, order_by="date", descending=descending)]
        dated = [d for d in by_date if d is not None]
        # Undated articles (no date shown) come last either way.
        assert by_date == sorted(dated, reverse=descending) + [None] * (len(by_date) - len(dated))
        assert len(dated) < len(by_date)
    for key in q.CLAIM_SORT:
        pages = [q.claims_page(store, order_by=key, limit=3, offset=o) for o in (0, 3)]
        got = [r["id"] for page in pages for r in page]
        assert sorted(got) == sorted(r["id"] for r in q.claims_page(store)), key


def test_many_claims_page_without_gaps(store: Store) -> None:
    body = " ".join(f"word{i} said thing{i}." for i in range(300))
    aid = store.add_article(body, published="2023-01-01")
    text = store.article_text(aid)
    for i in range(300):
        start = text.index(f"thing{i}.")
        span = store.add_span(aid, start, start + len(f"thing{i}"), "claim")
        store.add_claim(aid, [span["id"]])
    seen: list[str] = []
    offset = 0
    while True:
        page = q.claims_page(store, order_by="date", limit=128, offset=offset)
        if not page:
            break
        seen += [r["id"] for r in page]
        offset += len(page)
    assert len(seen) == len(set(seen)) == q.claims_count(store) == 300


# -- positions -------------------------------------------------------------------------


def test_positions_page_and_filters(store: Store, corpus: Corpus) -> None:
    rows = q.positions_page(store, order_by="date")
    assert len(rows) == q.positions_count(store) == 6
    lin_against = next(
        r for r in rows if r["speaker_id"] == corpus.lin and r["stance"] == "against"
    )
    assert lin_against["target"] == "NATO office in Tokyo"
    assert lin_against["evidence"] == 1 and lin_against["claim_id"] == corpus.c_lin_blocs
    assert lin_against["span_id"] == corpus.span_blocs and lin_against["date"] == "2024-03-02"
    no_evidence = next(r for r in rows if r["stance"] == "favor" and r["speaker_id"] == corpus.lin)
    assert no_evidence["claim_id"] is None and no_evidence["span_id"] is None
    assert {r["speaker"] for r in q.positions_page(store, ViewFilter(stance="against"))} == {
        "Lin Qiao",
        "Chinese foreign ministry",
        "Élodie Marchand",
    }
    assert q.positions_count(store, ViewFilter(text="grain")) == 1
    assert q.positions_count(store, ViewFilter(text="marchand")) == 1
    assert q.positions_count(store, ViewFilter(speaker_id=corpus.lin)) == 3
    assert q.positions_count(store, ViewFilter(kind="indirect")) == 2
    assert q.positions_count(store, ViewFilter(date_to="2024-12-31")) == 4
    by_target = [r["target"] for r in q.positions_page(store, order_by="target")]
    assert by_target == sorted(by_target, key=str.casefold)
    assert q.position_first_span(store, lin_against["id"]) == (corpus.a1, corpus.span_blocs)
    assert q.position_first_span(store, no_evidence["id"]) == (corpus.a3, None)


def test_position_grid_and_cell_evidence(store: Store, corpus: Corpus) -> None:
    grid = q.position_grid(store)
    assert grid.positions == 6
    targets = {t.name: t for t in grid.targets}
    nato = targets["NATO office in Tokyo"]
    assert nato.total == 4 and grid.targets[0].name == "NATO office in Tokyo"
    assert grid.cell(corpus.lin, nato.id) == {"against": 1, "favor": 1}
    assert grid.cell("", targets["carbon border tax"].id) == {"favor": 1}
    assert grid.speakers[0].name == "Lin Qiao"
    assert q.NO_SPEAKER in [s.name for s in grid.speakers]
    assert grid.max_count() == 2
    rows = q.cell_evidence(store, corpus.lin, nato.id)
    assert {r["stance"] for r in rows} == {"against", "favor"}
    with_claim = next(r for r in rows if r["claim_id"])
    assert (
        with_claim["text"] == "Blocs divide regions" and with_claim["span_id"] == corpus.span_blocs
    )
    assert next(r for r in rows if not r["claim_id"])["span_id"] is None
    assert q.cell_evidence(store, "", targets["carbon border tax"].id)[0]["stance"] == "favor"
    small = q.position_grid(store, max_speakers=1, max_targets=1)
    assert len(small.speakers) == len(small.targets) == 1 and small.speaker_total == 4
    assert q.position_grid(store, ViewFilter(stance="neutral")).positions == 1


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, None),
        ({"favor": 3}, "favor"),
        ({"favor": 3, "against": 1}, "favor"),
        ({"favor": 2, "against": 2}, "mixed"),
        ({"favor": 3, "against": 2}, "mixed"),  # neither has two thirds
        ({"neutral": 2, "against": 1}, "neutral"),
        ({"mixed": 1}, "mixed"),
    ],
)
def test_dominant_stance(counts: dict[str, int], expected: str | None) -> None:
    assert q.dominant_stance(counts) == expected


# -- timeline --------------------------------------------------------------------------


def test_timeline_by_speaker_and_by_target(store: Store, corpus: Corpus) -> None:
    points = q.timeline(store, speaker_id=corpus.lin)
    assert [p["target"] for p in points] == [
        "NATO office in Tokyo",
        "Black Sea grain corridor",
        "NATO office in Tokyo",
    ]
    assert [p["dated"] for p in points] == [1, 0, 0]
    assert points[0]["date"] == "2024-03-02" and points[0]["stance"] == "against"
    assert points[1]["date"] is None  # the import day is not the article's date
    by_target = q.timeline(store, target="nato office in tokyo")
    assert len(by_target) == 4 and {p["speaker"] for p in by_target} == {
        "Lin Qiao",
        "Chinese foreign ministry",
        "Élodie Marchand",
    }
    assert q.timeline(store) == []
    assert (
        q.timeline(store, speaker_id=corpus.lin, flt=ViewFilter(stance="favor"))[0]["stance"]
        == "favor"
    )
    subjects = q.timeline_subjects(store, "speaker")
    assert subjects[0] == {"id": corpus.lin, "name": "Lin Qiao", "positions": 3}
    assert q.timeline_subjects(store, "target")[0]["name"] == "NATO office in Tokyo"


# -- search ----------------------------------------------------------------------------


def test_search_hits_are_code_points_after_emoji(store: Store, corpus: Corpus) -> None:
    text = store.article_text(corpus.a1)
    rows = q.search(store, "north atlantic")
    assert {r["article_id"] for r in rows} == {corpus.a1, corpus.a2}
    row = next(r for r in rows if r["article_id"] == corpus.a1)
    assert len(row["hits"]) == 1
    start, end = row["hits"][0]
    assert text[start:end] == "North Atlantic"
    assert start == text.index("North Atlantic")  # not shifted by the emoji before it
    s, e = row["snippet_hit"]
    assert row["snippet"][s:e] == "North Atlantic"
    assert "\n" not in row["snippet"]
    assert q.search_count(store, "north atlantic") == 2


def test_search_folds_case_accents_and_punctuation(store: Store, corpus: Corpus) -> None:
    text = store.article_text(corpus.a1)
    (hit,) = q.search(store, "ELODIE marchand")[0]["hits"]
    assert text[hit[0] : hit[1]] == "Élodie Marchand"
    (hit,) = q.search(store, "regions lin")[0]["hits"]  # across ",” " punctuation
    assert text[hit[0] : hit[1]] == "regions,” Lin"
    assert q.search(store, "bloc") == []  # whole words...
    rows = q.search(store, "bloc*")  # ...unless it ends with *
    assert [text[s:e] for s, e in rows[0]["hits"]] == ["Blocs"]
    assert q.search(store, "  ") == [] and q.search_count(store, "!!") == 0
    assert Phrase.parse("“Blocs”, divide!").fts() == '"blocs divide"'


def test_search_with_highlight_filters_looks_inside_highlights(
    store: Store, corpus: Corpus
) -> None:
    def found(query: str, **kw) -> dict[str, list[tuple[int, int]]]:
        flt = ViewFilter(**kw)
        rows = q.search(store, query, flt)
        assert q.search_count(store, query, flt) == len(rows)
        return {r["article_id"]: r["hits"] for r in rows}

    # "North Atlantic" is claimed in a1 only; in a2 it is outside any highlight.
    assert set(found("north atlantic", label="claim")) == {corpus.a1}
    assert set(found("north atlantic", speaker_id=corpus.ministry)) == {corpus.a1}
    assert found("north atlantic", speaker_id=corpus.lin) == {}
    assert set(found("lin qiao", label="speaker")) == {corpus.a1, corpus.a3}
    assert set(found("corridor", speaker_text="Lin")) == {corpus.a3}
    hits = found("corridor", speaker_text="Lin")[corpus.a3]
    text = store.article_text(corpus.a3)
    assert [text[s:e] for s, e in hits] == ["corridor"]  # only the one inside the claim
    assert set(found("regions", target="NATO office in Tokyo", stance="against")) == {corpus.a1}
    assert found("regions", stance="favor") == {}
    assert set(found("levy", status="rejected")) == {corpus.a2}
    assert found("levy", label="claim") == {}  # rejected highlights are left out by default
    assert set(found("permanent", annotator="ana")) == {corpus.a1}
    assert found("permanent", annotator="ben") == {}
    assert set(found("permanent", kind="indirect")) == {corpus.a1}
    row = q.search(store, "blocs", ViewFilter(label="claim"))[0]
    assert row["span_ids"] == [corpus.span_blocs]


def test_search_dates_order_and_paging(store: Store, corpus: Corpus) -> None:
    assert [r["article_id"] for r in q.search(store, "newswire", order="corpus")] == [
        corpus.a1,
        corpus.a2,
        corpus.a3,
    ]
    # Newest first, the undated article (a3) last: its import day is not its date.
    assert [r["article_id"] for r in q.search(store, "newswire", order="date")] == [
        corpus.a2,
        corpus.a1,
        corpus.a3,
    ]
    assert {
        r["article_id"] for r in q.search(store, "newswire", ViewFilter(date_to="2024-03"))
    } == {corpus.a1}
    assert (
        q.search_count(store, "newswire", ViewFilter(date_from="2024-04", date_to="2024-04-30"))
        == 1
    )
    store.set_article_status(corpus.a2, "done")
    assert q.search_count(store, "newswire", ViewFilter(article_status="done")) == 1
    assert q.search_count(store, "newswire", ViewFilter(article_status="todo")) == 2
    page1 = q.search(store, "newswire", limit=2)
    page2 = q.search(store, "newswire", limit=2, offset=2)
    assert len(page1) == 2 and len(page2) == 1
    assert {r["article_id"] for r in page1 + page2} == {corpus.a1, corpus.a2, corpus.a3}
    with pytest.raises(ValueError):
        q.search(store, "x", order="random")


# -- the full-text index stays right -----------------------------------------------------


def test_index_after_import_of_text_and_gold(store: Store, sample_dir: Path) -> None:
    report = import_paths(store, [sample_dir])
    assert report.added >= 15
    index_ok(store)
    assert q.search_count(store, "no region needs a new bloc") >= 1
    # The gold file has the same texts (duplicates): a fresh store takes them in.
    with Store(memory=True) as gold:
        import_paths(gold, [sample_dir.parent / "tests" / "data" / "gold.jsonl"])
        index_ok(gold)
        rows = q.search(gold, "no region needs a new bloc", ViewFilter(label="claim"))
        (row,) = rows
        text = gold.article_text(row["article_id"])
        assert [text[s:e] for s, e in row["hits"]] == ["no region needs a new bloc"]
        assert q.position_grid(gold).positions > 50
        assert q.claims_count(gold) > 100


def test_index_follows_edits_deletes_undo_redo(store: Store, corpus: Corpus) -> None:
    index_ok(store)
    text = store.article_text(corpus.a2)
    start = text.index("unfair")
    span = store.add_span(corpus.a2, start, start + len("unfair"), "claim")
    assert set(r["article_id"] for r in q.search(store, "unfair", ViewFilter(label="claim"))) == {
        corpus.a2
    }
    # Moving a highlight changes its indexed text.
    start2 = text.index("protectionism")
    store.update_span(span["id"], start=start2, end=start2 + len("protectionism"))
    index_ok(store)
    assert q.search(store, "unfair", ViewFilter(label="claim")) == []
    assert q.search_count(store, "protectionism", ViewFilter(label="claim")) == 1
    store.undo()
    index_ok(store)
    assert q.search_count(store, "unfair", ViewFilter(label="claim")) == 1
    store.redo()
    index_ok(store)
    assert q.search_count(store, "unfair", ViewFilter(label="claim")) == 0
    store.delete_span(span["id"])
    index_ok(store)
    assert q.search_count(store, "protectionism", ViewFilter(label="claim")) == 0
    # Deleting an article takes its text out of the index; undo puts it back.
    store.delete_article(corpus.a1)
    index_ok(store)
    assert q.search_count(store, "Élodie") == 0
    assert q.search_count(store, "blocs", ViewFilter(label="claim")) == 0
    store.undo()
    index_ok(store)
    assert [r["article_id"] for r in q.search(store, "Élodie")] == [corpus.a1]
    assert q.search_count(store, "blocs", ViewFilter(label="claim")) == 1
    store.redo()
    index_ok(store)
    assert q.search_count(store, "Élodie") == 0


def test_merge_moves_everything_and_undo_restores(store: Store, corpus: Corpus) -> None:
    store.merge_speakers(corpus.lin, corpus.ministry)
    index_ok(store)
    assert q.speakers_count(store) == 2
    lin = next(r for r in q.speakers_page(store) if r["id"] == corpus.lin)
    assert lin["claims"] == 3 and "Chinese foreign ministry" in lin["aliases"]
    assert q.claims_count(store, ViewFilter(speaker_id=corpus.lin)) == 3
    assert q.search_count(store, "north atlantic", ViewFilter(speaker_id=corpus.lin)) == 1
    grid = q.position_grid(store)
    nato = next(t for t in grid.targets if t.name == "NATO office in Tokyo")
    assert grid.cell(corpus.lin, nato.id) == {"against": 2, "favor": 1}
    store.undo()
    index_ok(store)
    assert q.speakers_count(store) == 3
    assert q.claims_count(store, ViewFilter(speaker_id=corpus.ministry)) == 1
    assert q.search_count(store, "north atlantic", ViewFilter(speaker_id=corpus.lin)) == 0


def test_file_store_keeps_the_index_across_reopening(file_store: Store, tmp_path: Path) -> None:
    corpus = build(file_store)
    file_store.delete_claim(corpus.c_elodie)
    path = file_store.path
    file_store.close()
    with Store(path, annotator=file_store.annotator) as again:
        index_ok(again)
        assert q.search_count(again, "permanent", ViewFilter(label="claim")) == 0
        assert q.search_count(again, "permanent") == 1
        again.undo()  # the undo history survives too
        index_ok(again)
        assert q.search_count(again, "permanent", ViewFilter(label="claim")) == 1
        assert q.claims_count(again) == 4


def test_rebuild_repairs_a_broken_index(store: Store, corpus: Corpus) -> None:
    # Break it behind the triggers' back, as a VACUUM renumbering rows could.
    store.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    with pytest.raises(sqlite3.DatabaseError):
        index_ok(store)
    q.rebuild_search_index(store)
    index_ok(store)
    assert q.search_count(store, "north atlantic") == 2


# -- exporting what a view shows -----------------------------------------------------------


def test_view_article_ids(store: Store, corpus: Corpus) -> None:
    assert q.view_article_ids(store, "claims", ViewFilter(speaker_id=corpus.lin)) == [
        corpus.a1,
        corpus.a3,
    ]
    assert q.view_article_ids(store, "claims", ViewFilter(status="rejected")) == [corpus.a2]
    assert q.view_article_ids(store, "speakers", ViewFilter(text="Marchand")) == [corpus.a1]
    assert q.view_article_ids(store, "positions", ViewFilter(stance="favor")) == [
        corpus.a2,
        corpus.a3,
    ]
    assert q.view_article_ids(store, "timeline", ViewFilter(target="Black Sea grain corridor")) == [
        corpus.a3
    ]
    assert q.view_article_ids(store, "timeline") == []
    assert q.view_article_ids(store, "search", query="north atlantic") == [corpus.a1, corpus.a2]
    assert q.view_article_ids(
        store, "search", ViewFilter(label="claim"), query="north atlantic"
    ) == [corpus.a1]
    with pytest.raises(ValueError):
        q.view_article_ids(store, "nothing")


def test_export_view_writes_only_the_filtered_articles(
    store: Store, corpus: Corpus, tmp_path: Path
) -> None:
    flt = q.view_export_filter(store, "claims", ViewFilter(speaker_id=corpus.lin, label="claim"))
    assert isinstance(flt, ExportFilter)
    assert flt.article_ids == (corpus.a1, corpus.a3) and flt.labels == ("claim",)
    out = tmp_path / "lin.jsonl"
    assert (
        q.export_view(store, out, "claims", ViewFilter(speaker_id=corpus.lin, label="claim")) == 2
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [corpus.a1, corpus.a3]
    assert {s["label"] for r in records for s in r["spans"]} == {"claim"}
    out2 = tmp_path / "rejected.jsonl"
    q.export_view(store, out2, "claims", ViewFilter(status="rejected"))
    (record,) = [json.loads(line) for line in out2.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == corpus.a2
    assert {s["status"] for s in record["spans"]} == {"rejected"}
    out3 = tmp_path / "search.csv"
    assert q.export_view(store, out3, "search", query="corridor", fmt="csv") == 1
    assert corpus.a3 in out3.read_text(encoding="utf-8")


# -- every script ------------------------------------------------------------------------------

# Our own sentences; the word searched for, exactly as it appears in the text.
SCRIPTS = {
    "greek": ("Η υπουργός μίλησε στην Αθήνα για το νέο σχέδιο.", ["Αθήνα", "υπουργός"]),
    "cyrillic": ("Министр сказал, что Ёлка стоит на площади.", ["Ёлка", "площади"]),
    "korean": ("장관은 서울에서 회담을 열었다고 밝혔다.", ["서울", "회담을", "밝혔다"]),
    "chinese": ("外交部长在北京举行会议并发表讲话。", ["北京", "举行会议", "讲话"]),
    "japanese": ("大臣は東京で会議を開いたと述べた。", ["東京", "会議を開いた", "述べた"]),
    "thai": ("รัฐมนตรีกล่าวที่กรุงเทพมหานครวันนี้", ["กรุงเทพ", "กล่าว"]),
    "arabic": ("كَتَبَ الوزير رسالة إلى المدينة.", ["كَتَبَ", "الوزير", "المدينة"]),
    "latin": ("La ministre a visité Besançon et Malmö hier.", ["Besançon", "Malmö", "visité"]),
}


@pytest.fixture
def scripts_store() -> tuple[Store, dict[str, str]]:
    store = Store(memory=True)
    ids = {}
    for name, (text, words) in SCRIPTS.items():
        ids[name] = aid = store.add_article(text, title=name)
        start = text.index(words[0])
        store.add_span(aid, start, start + len(words[0]), "target")
    return store, ids


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_a_word_as_it_appears_finds_its_article_in_every_script(
    scripts_store: tuple[Store, dict[str, str]], script: str
) -> None:
    store, ids = scripts_store
    text, words = SCRIPTS[script]
    for word in words:
        rows = q.search(store, word)
        assert [r["article_id"] for r in rows] == [ids[script]], word
        assert q.search_count(store, word) == 1
        (hit, *_more) = rows[0]["hits"]
        assert text[hit[0] : hit[1]] == word
        assert q.view_article_ids(store, "search", query=word) == [ids[script]]
    # Inside highlights too (the spans' index), and by date order.
    first = words[0]
    found = q.search(store, first, ViewFilter(label="target"), order="date")
    assert [r["article_id"] for r in found] == [ids[script]]
    assert found[0]["span_ids"]
    assert q.search(store, first, ViewFilter(label="claim")) == []


def test_case_and_latin_accents_are_ignored_other_accents_kept(
    scripts_store: tuple[Store, dict[str, str]],
) -> None:
    store, ids = scripts_store
    assert [r["article_id"] for r in q.search(store, "besancon ET malmo")] == [ids["latin"]]
    assert [r["article_id"] for r in q.search(store, "αθήνα")] == [ids["greek"]]
    assert [r["article_id"] for r in q.search(store, "ёлка")] == [ids["cyrillic"]]
    assert [r["article_id"] for r in q.search(store, "ЁЛ")] == [ids["cyrillic"]]


def test_index_of_every_script_survives_edits_and_undo(
    scripts_store: tuple[Store, dict[str, str]],
) -> None:
    store, ids = scripts_store
    store.delete_article(ids["chinese"])
    index_ok(store)
    assert q.search(store, "举行会议") == []
    store.undo()
    index_ok(store)
    assert [r["article_id"] for r in q.search(store, "举行会议")] == [ids["chinese"]]


def test_every_word_of_the_sample_corpus_finds_its_article() -> None:
    """Words as they appear (every one outside ASCII, and a sample of the others)."""
    store = Store(memory=True)
    corpus = Path(__file__).resolve().parent.parent / "sample_corpus"
    import_paths(store, sorted(corpus.glob("*.txt")))
    missed = []
    for (aid,) in store.db.execute("SELECT id FROM articles").fetchall():
        words = dict.fromkeys(re.findall(r"[^\W_]+", store.article_text(aid)))
        chosen = [w for i, w in enumerate(words) if not w.isascii() or i % 15 == 0]
        for word in chosen:
            if aid not in q.view_article_ids(store, "search", query=word):
                missed.append(word)
    assert missed == []


def test_a_date_sort_of_a_large_corpus_puts_undated_rows_last_as_a_small_one_does(
    monkeypatch,
) -> None:
    # Above WALK_DATES_ABOVE rows a date sort walks the articles' date index; it must
    # give the same order, undated articles last both ways, on every page.
    store = Store(memory=True, annotator="ana")
    for i in range(12):
        published = None if i % 3 == 0 else f"2024-{1 + i % 6:02d}-{10 + i:02d}"
        aid = store.add_article(f"Article {i}: the plan works, she said.", published=published)
        speaker = store.add_speaker(f"Speaker {i}")["id"]
        span = store.add_span(aid, 12, 26, "claim")
        store.add_claim(aid, [span["id"]], speaker_id=speaker)
        store.add_position(aid, speaker_id=speaker, target="the plan", stance="favor")
    for page in (q.claims_page, q.positions_page):
        for descending in (False, True):
            small = [r["date"] for r in page(store, order_by="date", descending=descending)]
            assert small[-4:] == [None] * 4 and None not in small[:-4]
            assert small[:-4] == sorted(small[:-4], reverse=descending)
            monkeypatch.setattr("annotator.core.store.queries.common.WALK_DATES_ABOVE", 0)
            paged = [
                r
                for offset in range(0, 12, 5)
                for r in page(store, order_by="date", descending=descending, limit=5, offset=offset)
            ]
            monkeypatch.undo()
            assert [r["date"] for r in paged] == small
            assert len({r["id"] for r in paged}) == 12


def test_the_corpus_list_sorts_undated_articles_last_both_ways() -> None:
    store = Store(memory=True, annotator="ana")
    store.add_article("Undated one.")
    store.add_article("Dated in March.", published="2024-03-01")
    store.add_article("Dated in May.", published="2024-05-01")
    for descending in (False, True):
        rows = store.article_rows(order_by="published", descending=descending)
        assert [r["published"] for r in rows][-1] is None
    rows = store.article_rows(order_by="published")
    assert [r["published"] for r in rows] == ["2024-03-01", "2024-05-01", None]

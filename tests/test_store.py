"""The store: articles, highlights, speakers, claims, positions, undo that survives restarts.

Everything runs on real SQLite databases (in memory or in a tmp file); integrity is
checked with SQL, never by trusting the store's own answers.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import IntegrityError, OffsetError, StoreError
from annotator.core.schema import SCHEMA_VERSION
from annotator.core.store import Store

TITLE = "China warns NATO over Tokyo office 🇨🇳"
TEXT = (
    f"{TITLE}\n\n"
    "BEIJING (Newswire) - The Chinese foreign ministry said on Tuesday that "
    '"the Asia-Pacific is not part of the North Atlantic" 😀. '
    '"Any move will be met with high vigilance," spokesperson Lin Qiao told reporters.\n'
)
TABLES = (
    "articles",
    "spans",
    "speakers",
    "targets",
    "claims",
    "claim_spans",
    "positions",
    "position_evidence",
)


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every row of every annotation table (not the history), in a stable order."""
    return {
        t: [dict(r) for r in store.db.query(f"SELECT * FROM {t} ORDER BY 1, 2")] for t in TABLES
    }


def dangling(store: Store) -> list[str]:
    """References to rows that do not exist, and claims left without content."""
    checks = {
        "claim_spans.claim_id": "SELECT count(*) FROM claim_spans WHERE claim_id NOT IN (SELECT id FROM claims)",
        "claim_spans.span_id": "SELECT count(*) FROM claim_spans WHERE span_id NOT IN (SELECT id FROM spans)",
        "position_evidence.position_id": "SELECT count(*) FROM position_evidence WHERE position_id NOT IN (SELECT id FROM positions)",
        "position_evidence.claim_id": "SELECT count(*) FROM position_evidence WHERE claim_id NOT IN (SELECT id FROM claims)",
        "claims.mention_span_id": "SELECT count(*) FROM claims WHERE mention_span_id IS NOT NULL AND mention_span_id NOT IN (SELECT id FROM spans)",
        "claims.cue_span_id": "SELECT count(*) FROM claims WHERE cue_span_id IS NOT NULL AND cue_span_id NOT IN (SELECT id FROM spans)",
        "claims.speaker_id": "SELECT count(*) FROM claims WHERE speaker_id IS NOT NULL AND speaker_id NOT IN (SELECT id FROM speakers)",
        "claims without content": "SELECT count(*) FROM claims WHERE id NOT IN (SELECT claim_id FROM claim_spans)",
        "spans.article_id": "SELECT count(*) FROM spans WHERE article_id NOT IN (SELECT id FROM articles)",
        "spans.speaker_id": "SELECT count(*) FROM spans WHERE speaker_id IS NOT NULL AND speaker_id NOT IN (SELECT id FROM speakers)",
        "positions.speaker_id": "SELECT count(*) FROM positions WHERE speaker_id IS NOT NULL AND speaker_id NOT IN (SELECT id FROM speakers)",
        "positions.target_id": "SELECT count(*) FROM positions WHERE target_id NOT IN (SELECT id FROM targets)",
    }
    problems = [name for name, sql in checks.items() if store.db.execute(sql).fetchone()[0]]
    problems += [
        f"foreign_key_check: {row}" for row in store.db.execute("PRAGMA foreign_key_check")
    ]
    return problems


def history_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM history").fetchone()[0]


@dataclass
class World:
    """One annotated article: two speakers, four kinds of highlight, two claims, a position."""

    article: str
    other_article: str
    jane: str
    lin: str
    mention: str
    cue: str
    quote1: str
    quote2: str
    target_span: str
    claim1: str
    claim2: str
    position: str


def build_world(store: Store) -> World:
    aid = store.add_article(TEXT, title=TITLE, source="Newswire", place="BEIJING")
    other = store.add_article("Another story.\n\nNATO said nothing.\n", title="Another story")
    assert aid and other
    jane = store.add_speaker(
        "Chinese foreign ministry",
        kind="organisation",
        aliases=["the Chinese foreign ministry", "MFA"],
    )["id"]
    lin = store.add_speaker("Lin Qiao", role="spokesperson", affiliation="MFA")["id"]
    mention = store.add_span(aid, *at(TEXT, "Chinese foreign ministry"), "speaker")["id"]
    cue = store.add_span(aid, *at(TEXT, "said"), "cue")["id"]
    q1 = store.add_span(
        aid, *at(TEXT, "the Asia-Pacific is not part of the North Atlantic"), "claim"
    )["id"]
    q2 = store.add_span(aid, *at(TEXT, "Any move will be met with high vigilance"), "claim")["id"]
    target = store.add_span(aid, *at(TEXT, "NATO"), "target")["id"]
    claim1 = store.add_claim(aid, [q1], speaker_id=jane, mention_span_id=mention, cue_span_id=cue)[
        "id"
    ]
    claim2 = store.add_claim(aid, [q1, q2], speaker_id=lin, kind="mixed")["id"]
    position = store.add_position(
        aid,
        speaker_id=jane,
        target="NATO office in Tokyo",
        stance="against",
        evidence=[claim1, claim2],
    )["id"]
    return World(aid, other, jane, lin, mention, cue, q1, q2, target, claim1, claim2, position)


@pytest.fixture
def world(store: Store) -> World:
    return build_world(store)


# --- opening -----------------------------------------------------------------------


def test_new_file_store_uses_wal_and_current_schema(file_store: Store) -> None:
    assert file_store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert file_store.schema_version() == SCHEMA_VERSION
    assert file_store.article_count() == 0


def test_every_action_is_committed_at_once(file_store: Store, make_article) -> None:
    """Another connection (or the next start after a crash) sees each action immediately."""
    aid = make_article(into=file_store)
    span = file_store.add_span(aid, 0, 8, "claim")
    other = sqlite3.connect(file_store.path)
    try:
        row = other.execute("SELECT text FROM spans WHERE id = ?", [span["id"]]).fetchone()
    finally:
        other.close()
    assert row == (file_store.article_text(aid)[0:8],)


def test_store_needs_a_path_or_memory() -> None:
    with pytest.raises(ValueError):
        Store()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    with Store(path) as s:
        s.add_article("Made by a future version.")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before, files = path.read_bytes(), _siblings(path)

    with pytest.raises(StoreError) as err:
        Store(path)

    assert "99" in str(err.value) and "newer version" in str(err.value)
    assert str(path) in str(err.value)
    assert path.read_bytes() == before
    assert _siblings(path) == files  # no -wal, -shm or backup left behind


def test_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "zotero.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO items (title) VALUES ('a paper')")
    conn.commit()
    conn.close()
    before, files = path.read_bytes(), _siblings(path)

    with pytest.raises(StoreError, match=r"not an Annotator database.*items"):
        Store(path)

    assert path.read_bytes() == before
    assert _siblings(path) == files


def test_random_bytes_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photo.db"
    path.write_bytes(os.urandom(8192))
    before, files = path.read_bytes(), _siblings(path)

    with pytest.raises(StoreError, match="not an Annotator database"):
        Store(path)

    assert path.read_bytes() == before
    assert _siblings(path) == files


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as s:
        build_world(s)
        saved = snapshot(s)
    with Store(path) as s:
        assert snapshot(s) == saved


# --- articles ----------------------------------------------------------------------


def test_add_and_get_article_keeps_text_and_metadata_exactly(store: Store) -> None:
    text = "Title 🙂\n\n  indented body with trailing spaces   \n\n\n"
    aid = store.add_article(
        text,
        title="Title 🙂",
        source="Wire",
        place="OSLO",
        published="2024-06-06",
        url="https://example.org/a",
        meta={"section": "world"},
    )
    art = store.article(aid)
    assert art["text"] == text
    assert store.article_text(aid) == text
    assert (art["title"], art["source"], art["place"], art["published"], art["url"]) == (
        "Title 🙂",
        "Wire",
        "OSLO",
        "2024-06-06",
        "https://example.org/a",
    )
    assert art["status"] == "todo"
    assert art["meta"] == {"section": "world"}
    assert len(art["text_sha256"]) == 64


def test_duplicate_text_returns_none_and_adds_nothing(store: Store) -> None:
    first = store.add_article("Same words.", title="one")
    assert store.add_article("Same words.", title="two") is None
    assert store.article_count() == 1
    assert store.article(first)["title"] == "one"
    # A text differing in one character is another article.
    assert store.add_article("Same words!") is not None


def test_unknown_article_raises(store: Store) -> None:
    with pytest.raises(IntegrityError, match="no article"):
        store.article("nope")
    with pytest.raises(IntegrityError, match="no article"):
        store.article_text("nope")


def test_article_given_id_is_kept(store: Store) -> None:
    assert store.add_article("With an id.", id="a-given-id") == "a-given-id"
    assert store.article("a-given-id")["text"] == "With an id."


def test_set_article_status_and_counts(store: Store, make_article) -> None:
    ids = [make_article() for _ in range(3)]
    changes = store.set_article_status(ids[1], "done")
    assert changes.articles == {ids[1]}
    assert store.article(ids[1])["status"] == "done"
    assert store.article_count() == 3
    assert store.article_count(status="todo") == 2
    assert store.article_count(status="done") == 1
    with pytest.raises(IntegrityError, match="unknown status"):
        store.set_article_status(ids[0], "finished")
    with pytest.raises(IntegrityError):
        store.set_article_status("nope", "done")


def test_article_rows_filter_sort_and_page(store: Store) -> None:
    a = store.add_article("Text a", title="beta 100%", source="Wire")
    b = store.add_article("Text b", title="Alpha", source="Agency")
    c = store.add_article("Text c", title="gamma_x", place="OSLO")
    store.add_span(a, 0, 4, "claim")
    store.add_span(a, 0, 4, "cue", status="rejected")

    rows = store.article_rows()
    assert [r["id"] for r in rows] == [a, b, c]  # corpus (import) order
    assert rows[0]["annotations"] == 1  # rejected highlights are not counted
    assert [r["id"] for r in store.article_rows(order_by="title")] == [b, a, c]
    assert [r["id"] for r in store.article_rows(order_by="title", descending=True)] == [c, a, b]
    # % and _ are literal characters, not wildcards.
    assert [r["id"] for r in store.article_rows(filter_text="100%")] == [a]
    assert [r["id"] for r in store.article_rows(filter_text="a_x")] == [c]
    assert [r["id"] for r in store.article_rows(filter_text="oslo")] == [c]
    assert store.article_row_count(filter_text="a") == 3
    assert [r["id"] for r in store.article_rows(limit=1, offset=1)] == [b]
    store.set_article_status(b, "done")
    assert [r["id"] for r in store.article_rows(status="done")] == [b]
    assert store.article_row_count(status="todo") == 2
    with pytest.raises(ValueError):
        store.article_rows(order_by="text; DROP TABLE articles")


def test_neighbour_article(store: Store, make_article) -> None:
    a, b, c = make_article(), make_article(), make_article()
    assert store.neighbour_article(a, step=1) == b
    assert store.neighbour_article(b, step=-1) == a
    assert store.neighbour_article(c, step=1) is None
    store.set_article_status(b, "done")
    # "Next to do" skips done articles and wraps around to earlier ones.
    assert store.neighbour_article(a, step=1, status="todo") == c
    assert store.neighbour_article(c, step=1, status="todo") == a
    assert store.neighbour_article("nope", step=1) is None


def test_delete_article_removes_everything_on_it_and_is_undoable(
    store: Store, world: World
) -> None:
    before = snapshot(store)
    changes = store.delete_article(world.article)

    assert changes.articles == {world.article}
    assert store.article_count() == 1
    for table in ("spans", "claims", "claim_spans", "positions", "position_evidence"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    # Corpus-wide records stay: other articles may use them.
    assert store.speaker(world.jane) is not None
    assert store.targets() == ["NATO office in Tokyo"]
    assert dangling(store) == []

    store.undo()
    assert snapshot(store) == before


# --- spans and the offset invariant ------------------------------------------------


def test_add_span_stores_the_selected_text(store: Store, make_article) -> None:
    aid = make_article(TEXT)
    start, end = at(TEXT, "Lin Qiao")
    span = store.add_span(aid, start, end, "speaker", note="the spokesperson")
    got = store.span(span["id"])
    assert got is not None
    assert (got["start"], got["end"], got["text"], got["label"]) == (
        start,
        end,
        "Lin Qiao",
        "speaker",
    )
    assert got["annotator"] == "tester" and got["status"] == "accepted"
    assert got["note"] == "the spokesperson"
    assert store.spans(aid) == [got]


def test_offsets_are_code_points_after_astral_characters(store: Store) -> None:
    text = '🇨🇳😀𝐀 e\u0301 "quoted words" 👍🏽 end'
    aid = store.add_article(text)
    start, end = at(text, "quoted words")
    assert store.add_span(aid, start, end, "claim", text="quoted words")["text"] == "quoted words"
    # A span over astral characters holds exactly those code points.
    flag = store.add_span(aid, 0, 2, "target")
    assert flag["text"] == "🇨🇳"
    thumbs = store.add_span(aid, *at(text, "👍🏽"), "target")
    assert thumbs["text"] == "👍🏽"
    # The same highlight in UTF-16 units (what Qt counts) is off by the astral characters.
    astral_before = sum(1 for ch in text[:start] if ord(ch) > 0xFFFF)
    with pytest.raises(OffsetError):
        store.add_span(
            aid, start + astral_before, end + astral_before, "claim", text="quoted words"
        )
    # SQLite agrees with Python on every stored span.
    rows = store.db.execute(
        'SELECT s.text, substr(a.text, s.start + 1, s."end" - s.start) '
        "FROM spans s JOIN articles a ON a.id = s.article_id"
    ).fetchall()
    assert rows and all(stored == sliced for stored, sliced in rows)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 3, "outside the article text"),
        (5, 5, "outside the article text"),
        (6, 5, "outside the article text"),
        (0, 1000, "outside the article text (0-"),
    ],
)
def test_out_of_range_offsets_raise_offset_error(
    store: Store, start: int, end: int, message: str
) -> None:
    aid = store.add_article("Short text here.")
    with pytest.raises(OffsetError) as err:
        store.add_span(aid, start, end, "claim")
    assert message in str(err.value)
    assert f"{start}-{end}" in str(err.value)
    assert store.spans(aid) == [] and history_count(store) == 0


def test_a_span_may_end_at_the_last_character_of_the_text(store: Store) -> None:
    # No trailing newline: the last word is the last character of the text.
    text = "The minister said no 😀"
    aid = store.add_article(text)
    whole = store.add_span(aid, 0, len(text), "claim")
    assert whole["text"] == text
    last = store.add_span(aid, *at(text, "no 😀"), "claim", text="no 😀")
    assert store.span(last["id"])["text"] == "no 😀"
    moved = store.add_span(aid, 0, 3, "target")
    store.update_span(moved["id"], start=len(text) - 1, end=len(text))
    assert store.span(moved["id"])["text"] == "😀"
    assert len(store.spans(aid)) == 3


def test_wrong_text_raises_offset_error_naming_both_texts(store: Store) -> None:
    aid = store.add_article("The minister said no.")
    with pytest.raises(OffsetError) as err:
        store.add_span(aid, 4, 12, "speaker", text="ministers")
    assert "'minister'" in str(err.value) and "'ministers'" in str(err.value)
    assert "4-12" in str(err.value)
    assert store.spans(aid) == []


def test_span_on_unknown_article_or_without_label(store: Store) -> None:
    with pytest.raises(IntegrityError, match="no article"):
        store.add_span("nope", 0, 1, "claim")
    aid = store.add_article("Some text.")
    with pytest.raises(IntegrityError, match="label"):
        store.add_span(aid, 0, 4, "  ")


def test_overlapping_and_identical_spans_are_allowed(store: Store) -> None:
    aid = store.add_article("Overlapping highlights are fine.")
    store.add_span(aid, 0, 11, "claim")
    store.add_span(aid, 5, 22, "target")
    store.add_span(aid, 0, 11, "cue")
    assert [(s["start"], s["end"]) for s in store.spans(aid)] == [(0, 11), (0, 11), (5, 22)]


def test_spans_filtered_by_status(store: Store) -> None:
    aid = store.add_article("One two three four.")
    keep = store.add_span(aid, 0, 3, "claim")["id"]
    store.add_span(aid, 4, 7, "claim", status="suggested")
    store.add_span(aid, 8, 13, "claim", status="rejected")
    assert [s["id"] for s in store.spans(aid, statuses=["accepted"])] == [keep]
    assert len(store.spans(aid, statuses=["accepted", "suggested"])) == 2
    assert len(store.spans(aid)) == 3


def test_update_span_rechecks_range_and_keeps_text_in_step(store: Store) -> None:
    text = "😀 The minister said no."
    aid = store.add_article(text)
    span = store.add_span(aid, *at(text, "minister"), "speaker")
    store.update_span(span["id"], start=text.index("The"))
    assert store.span(span["id"])["text"] == "The minister"
    store.update_span(span["id"], label="claim", note="why", status="suggested")
    got = store.span(span["id"])
    assert (got["label"], got["note"], got["status"]) == ("claim", "why", "suggested")
    assert got["updated"] >= got["created"]
    with pytest.raises(OffsetError):
        store.update_span(span["id"], end=len(text) + 1)
    with pytest.raises(IntegrityError, match="unknown status"):
        store.update_span(span["id"], status="maybe")
    with pytest.raises(ValueError, match="text"):
        store.update_span(span["id"], text="other")
    with pytest.raises(IntegrityError, match="no span"):
        store.update_span("nope", label="claim")
    assert store.span(span["id"])["text"] == "The minister"


def test_delete_span_that_is_a_claims_only_content_removes_the_claim(
    store: Store, world: World
) -> None:
    store.delete_span(world.quote2)
    # claim2 still has quote1; claim1 untouched.
    assert store.claim(world.claim2)["spans"] == [world.quote1]
    store.delete_span(world.quote1)

    assert store.span(world.quote1) is None
    assert store.claim(world.claim1) is None
    assert store.claim(world.claim2) is None
    pos = store.positions(world.article)[0]
    assert pos["id"] == world.position and pos["evidence"] == []
    assert dangling(store) == []


def test_delete_mention_and_cue_spans_clears_the_claims_links(store: Store, world: World) -> None:
    store.delete_span(world.mention)
    store.delete_span(world.cue)
    claim = store.claim(world.claim1)
    assert claim is not None
    assert claim["mention_span_id"] is None and claim["cue_span_id"] is None
    assert claim["spans"] == [world.quote1] and claim["speaker_id"] == world.jane
    assert dangling(store) == []


def test_delete_span_undo_restores_claims_and_evidence(store: Store, world: World) -> None:
    before = snapshot(store)
    store.delete_span(world.quote1)
    store.delete_span(world.quote2)
    store.delete_span(world.mention)
    assert dangling(store) == []
    store.undo()
    store.undo()
    store.undo()
    assert snapshot(store) == before
    assert dangling(store) == []


# --- speakers ----------------------------------------------------------------------


def test_speakers_add_get_find_and_update(store: Store) -> None:
    spk = store.add_speaker(
        "  Oana   Lungescu ",
        role="spokesperson",
        affiliation="NATO",
        aliases=["NATO spokesperson Oana Lungescu", "Lungescu"],
    )
    assert spk["name"] == "Oana Lungescu"  # whitespace tidied
    got = store.speaker(spk["id"])
    assert got["aliases"] == ["NATO spokesperson Oana Lungescu", "Lungescu"]
    assert got["kind"] == "person"
    org = store.add_speaker("NATO", kind="organisation")

    assert store.find_speaker("oana lungescu")["id"] == spk["id"]
    assert store.find_speaker("LUNGESCU")["id"] == spk["id"]
    assert store.find_speaker(" NATO  spokesperson Oana Lungescu ")["id"] == spk["id"]
    assert store.find_speaker("nato")["id"] == org["id"]
    assert store.find_speaker("Oana") is None  # part of a name is not a match
    assert store.find_speaker("Jens") is None

    assert [s["name"] for s in store.speakers()] == ["NATO", "Oana Lungescu"]
    assert [s["name"] for s in store.speakers(prefix="lunge")] == ["Oana Lungescu"]

    store.update_speaker(spk["id"], role="former spokesperson", aliases=["Lungescu"])
    got = store.speaker(spk["id"])
    assert got["role"] == "former spokesperson" and got["aliases"] == ["Lungescu"]
    assert store.find_speaker("NATO spokesperson Oana Lungescu") is None

    with pytest.raises(IntegrityError, match="name"):
        store.add_speaker("   ")
    with pytest.raises(IntegrityError, match="kind"):
        store.add_speaker("X", kind="robot")
    with pytest.raises(ValueError):
        store.update_speaker(spk["id"], id="other")
    assert store.speaker("nope") is None


def test_speaker_for_span_and_mentions(store: Store, world: World) -> None:
    # Adding a claim with a mention and a speaker links the mention to the speaker.
    assert store.speaker_for_span(world.mention) == world.jane
    assert store.speaker_for_span(world.quote1) is None
    assert store.speaker_for_span("nope") is None


def test_merge_speakers_moves_everything_and_is_undoable(store: Store, world: World) -> None:
    # Lin Qiao gets a mention and a position of her own, then is merged into the ministry.
    lin_mention = store.add_span(
        world.article, *at(TEXT, "Lin Qiao"), "speaker", speaker_id=world.lin
    )["id"]
    lin_position = store.add_position(
        world.article,
        speaker_id=world.lin,
        target="NATO office in Tokyo",
        stance="against",
        evidence=[world.claim2],
    )["id"]
    before = snapshot(store)

    store.merge_speakers(world.jane, world.lin)

    assert store.speaker(world.lin) is None
    kept = store.speaker(world.jane)
    assert "Lin Qiao" in kept["aliases"]
    assert kept["aliases"][:2] == ["the Chinese foreign ministry", "MFA"]
    assert store.span(lin_mention)["speaker_id"] == world.jane
    assert store.claim(world.claim2)["speaker_id"] == world.jane
    assert {p["id"]: p["speaker_id"] for p in store.positions(world.article)}[
        lin_position
    ] == world.jane
    assert store.find_speaker("lin qiao")["id"] == world.jane
    for table in ("spans", "claims", "positions"):
        n = store.db.execute(f"SELECT count(*) FROM {table} WHERE speaker_id = ?", [world.lin])
        assert n.fetchone()[0] == 0, table
    assert dangling(store) == []

    assert store.undo_label().startswith("Merge speaker Lin Qiao")
    store.undo()
    assert snapshot(store) == before
    with pytest.raises(IntegrityError):
        store.merge_speakers(world.jane, world.jane)
    with pytest.raises(IntegrityError):
        store.merge_speakers(world.jane, "nope")


# --- claims ------------------------------------------------------------------------


def test_claims_in_text_order_with_spans_in_given_order(store: Store, world: World) -> None:
    claims = store.claims(world.article)
    assert [c["id"] for c in claims] == [world.claim1, world.claim2]
    assert claims[1]["spans"] == [world.quote1, world.quote2]
    assert claims[1]["kind"] == "mixed"
    c1 = store.claim(world.claim1)
    assert (c1["speaker_id"], c1["mention_span_id"], c1["cue_span_id"]) == (
        world.jane,
        world.mention,
        world.cue,
    )
    assert store.claim_for_span(world.quote2) == world.claim2
    assert store.claim_for_span(world.target_span) is None
    assert store.claim("nope") is None


def test_claims_filtered_by_status(store: Store, world: World) -> None:
    store.update_claim(world.claim2, status="rejected")
    assert [c["id"] for c in store.claims(world.article, statuses=["accepted"])] == [world.claim1]


def test_bad_claims_are_refused_and_leave_nothing(store: Store, world: World) -> None:
    before, history = snapshot(store), history_count(store)
    other_span = store.add_span(world.other_article, 0, 7, "claim")["id"]
    before, history = snapshot(store), history_count(store)
    with pytest.raises(IntegrityError, match="at least one"):
        store.add_claim(world.article, [])
    with pytest.raises(IntegrityError, match="not a highlight of this article"):
        store.add_claim(world.article, [world.quote1, other_span])
    with pytest.raises(IntegrityError, match="not a highlight of this article"):
        store.add_claim(world.article, [world.quote1], cue_span_id="nope")
    with pytest.raises(IntegrityError, match="no speaker"):
        store.add_claim(world.article, [world.quote1], speaker_id="nope")
    with pytest.raises(IntegrityError, match="kind"):
        store.add_claim(world.article, [world.quote1], kind="shouted")
    assert snapshot(store) == before
    assert history_count(store) == history


def test_update_claim(store: Store, world: World) -> None:
    store.update_claim(
        world.claim2, kind="indirect", note="paraphrase", mention_span_id=world.mention
    )
    claim = store.claim(world.claim2)
    assert (claim["kind"], claim["note"], claim["mention_span_id"]) == (
        "indirect",
        "paraphrase",
        world.mention,
    )
    # The mention now names the claim's speaker.
    assert store.speaker_for_span(world.mention) == world.lin
    with pytest.raises(IntegrityError, match="kind"):
        store.update_claim(world.claim2, kind="yelled")
    with pytest.raises(ValueError):
        store.update_claim(world.claim2, article_id=world.other_article)


def test_delete_claim_removes_its_own_spans_and_evidence(store: Store, world: World) -> None:
    store.delete_claim(world.claim2)
    # quote2 belonged only to claim2; quote1 is still claim1's content.
    assert store.span(world.quote2) is None
    assert store.span(world.quote1) is not None
    assert store.positions(world.article)[0]["evidence"] == [world.claim1]
    store.delete_claim(world.claim1)
    assert store.span(world.quote1) is None
    # The mention and cue are highlights in their own right and stay.
    assert store.span(world.mention) is not None and store.span(world.cue) is not None
    assert store.positions(world.article)[0]["evidence"] == []
    assert dangling(store) == []


# --- positions and targets ------------------------------------------------------------


def test_positions_share_corpus_wide_targets(store: Store, world: World) -> None:
    claim = store.add_claim(
        world.other_article, [store.add_span(world.other_article, 0, 7, "claim")["id"]]
    )["id"]
    store.add_position(
        world.other_article,
        speaker_id=world.lin,
        target="  nato OFFICE   in tokyo ",
        stance="favor",
        evidence=[claim],
        note="reads as support",
    )
    store.add_position(
        world.other_article, speaker_id=None, target="Bloc politics", stance="neutral"
    )

    assert store.targets() == ["Bloc politics", "NATO office in Tokyo"]
    assert store.targets(prefix="tokyo") == ["NATO office in Tokyo"]
    assert store.db.execute("SELECT count(*) FROM targets").fetchone()[0] == 2
    mine = store.positions(world.other_article)
    assert [(p["target"], p["stance"], p["evidence"]) for p in mine] == [
        ("NATO office in Tokyo", "favor", [claim]),
        ("Bloc politics", "neutral", []),
    ]
    assert mine[0]["note"] == "reads as support"
    assert store.positions(world.article)[0]["evidence"] == sorted([world.claim1, world.claim2])


def test_bad_positions_are_refused(store: Store, world: World) -> None:
    before = snapshot(store)
    with pytest.raises(IntegrityError, match="stance"):
        store.add_position(world.article, speaker_id=world.jane, target="x", stance="pro")
    with pytest.raises(IntegrityError, match="target"):
        store.add_position(world.article, speaker_id=world.jane, target="  ", stance="favor")
    with pytest.raises(IntegrityError, match="not a claim of this article"):
        store.add_position(
            world.other_article,
            speaker_id=world.jane,
            target="x",
            stance="favor",
            evidence=[world.claim1],
        )
    with pytest.raises(IntegrityError, match="no speaker"):
        store.add_position(world.article, speaker_id="nope", target="x", stance="favor")
    assert snapshot(store) == before


def test_update_and_delete_position(store: Store, world: World) -> None:
    store.update_position(
        world.position,
        stance="mixed",
        target="Bloc politics",
        evidence=[world.claim2],
        note="hedged",
    )
    pos = store.positions(world.article)[0]
    assert (pos["stance"], pos["target"], pos["evidence"], pos["note"]) == (
        "mixed",
        "Bloc politics",
        [world.claim2],
        "hedged",
    )
    with pytest.raises(IntegrityError, match="stance"):
        store.update_position(world.position, stance="pro")
    with pytest.raises(ValueError):
        store.update_position(world.position, article_id="x")
    store.delete_position(world.position)
    assert store.positions(world.article) == []
    assert dangling(store) == []


def test_positions_filtered_by_status(store: Store, world: World) -> None:
    store.update_position(world.position, status="rejected")
    assert store.positions(world.article, statuses=["accepted"]) == []
    assert len(store.positions(world.article)) == 1


# --- undo and redo -------------------------------------------------------------------

ACTIONS: dict[str, Callable[[Store, World], Any]] = {
    "set status": lambda s, w: s.set_article_status(w.article, "done"),
    "delete article": lambda s, w: s.delete_article(w.article),
    "add span": lambda s, w: s.add_span(w.article, 0, 5, "target"),
    "edit span": lambda s, w: s.update_span(
        w.quote1, label="target", note="n", start=w_start(s, w)
    ),
    "reject span": lambda s, w: s.update_span(w.quote2, status="rejected"),
    "delete span": lambda s, w: s.delete_span(w.quote1),
    "add speaker": lambda s, w: s.add_speaker("Mao Ning", aliases=["Ms Mao"]),
    "edit speaker": lambda s, w: s.update_speaker(w.lin, name="Lin Q.", aliases=["Lin"]),
    "merge speakers": lambda s, w: s.merge_speakers(w.jane, w.lin),
    "add claim": lambda s, w: s.add_claim(
        w.article, [w.quote2], speaker_id=w.jane, mention_span_id=w.mention
    ),
    "edit claim": lambda s, w: s.update_claim(w.claim1, kind="indirect", cue_span_id=None),
    "delete claim": lambda s, w: s.delete_claim(w.claim2),
    "add position": lambda s, w: s.add_position(
        w.article, speaker_id=w.lin, target="A new target", stance="favor", evidence=[w.claim2]
    ),
    "edit position": lambda s, w: s.update_position(
        w.position, target="Other target", evidence=[w.claim1]
    ),
    "delete position": lambda s, w: s.delete_position(w.position),
}


def w_start(store: Store, world: World) -> int:
    return store.span(world.quote1)["start"] - 1


@pytest.mark.parametrize("action", list(ACTIONS))
def test_undo_and_redo_each_action_across_restarts(tmp_path: Path, action: str) -> None:
    path = tmp_path / "undo.db"
    with Store(path, annotator="tester") as s:
        w = build_world(s)
        before = snapshot(s)
        ACTIONS[action](s, w)
        after = snapshot(s)
        label = s.undo_label()
        assert after != before
        assert dangling(s) == []

    with Store(path, annotator="tester") as s:  # history survives closing the program
        assert s.undo_label() == label
        assert s.redo_label() is None
        changes = s.undo()
        assert changes is not None and changes.action == f"Undo {label}"
        assert snapshot(s) == before
        assert dangling(s) == []
        assert s.redo_label() == label

    with Store(path, annotator="tester") as s:
        assert s.redo_label() == label
        s.redo()
        assert snapshot(s) == after
        assert dangling(s) == []
        assert s.redo_label() is None


def test_undo_walks_back_through_many_actions_and_redo_forward(store: Store) -> None:
    aid = store.add_article("one two three four five")
    states = [snapshot(store)]
    for start in (0, 4, 8, 14):
        store.add_span(aid, start, start + 3, "claim")
        states.append(snapshot(store))
    for expected in reversed(states[:-1]):
        store.undo()
        assert snapshot(store) == expected
    assert store.undo() is None and store.undo_label() is None
    for expected in states[1:]:
        store.redo()
        assert snapshot(store) == expected
    assert store.redo() is None


def test_new_action_clears_redo(store: Store, world: World) -> None:
    store.set_article_status(world.article, "done")
    store.undo()
    assert store.redo_label() == "Mark article done"
    store.add_span(world.article, 0, 5, "target")
    assert store.redo_label() is None
    assert store.redo() is None
    assert store.article(world.article)["status"] == "todo"
    # The undone action is gone for good; undo now reverts the new span, then older actions.
    assert store.undo_label() == "Tag target"


def test_failed_action_leaves_no_history(store: Store, world: World) -> None:
    n = history_count(store)
    with pytest.raises(OffsetError):
        store.add_span(world.article, 0, 10**6, "claim")
    with pytest.raises(IntegrityError):
        store.merge_speakers(world.jane, "nope")
    assert history_count(store) == n


def test_undo_reports_what_it_touched(store: Store, world: World) -> None:
    store.delete_span(world.quote1)
    changes = store.undo()
    assert changes.articles == {world.article}
    assert changes.touches("spans") and changes.touches("claims")
    assert not changes.touches("speakers")


def test_history_rows_are_json_with_before_and_after_images(store: Store, world: World) -> None:
    store.update_span(world.quote1, note="check")
    row = store.db.execute(
        "SELECT action, changes FROM history ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row[0] == "Edit note"
    (entry,) = json.loads(row[1])
    assert entry["t"] == "spans" and entry["k"] == {"id": world.quote1}
    assert entry["b"]["note"] is None and entry["a"]["note"] == "check"


# --- transactions and stats ----------------------------------------------------------


def test_transaction_rolls_back_everything_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article("first in the transaction")
        with store.transaction():  # nested: joins the outer one
            store.add_article("second in the transaction")
        raise RuntimeError("boom")
    assert store.article_count() == 0


def test_stats(store: Store, world: World) -> None:
    store.add_span(world.other_article, 0, 7, "claim", status="suggested")
    store.set_article_status(world.other_article, "done")
    stats = store.stats()
    assert stats == {
        "articles": 2,
        "by_status": {"todo": 1, "in_progress": 0, "done": 1, "reviewed": 0},
        "done_by": {"tester": 1},
        "spans": 6,
        "by_label": {"claim": 3, "cue": 1, "speaker": 1, "target": 1},
        "by_span_status": {"accepted": 5, "suggested": 1},
        "speakers": 2,
        "claims": 2,
        "positions": 1,
        "targets": 1,
    }


def test_find_speaker_folds_case_beyond_ascii(store: Store) -> None:
    elodie = store.add_speaker("Élodie Marchand", aliases=["ÖSTERREICHS Außenministerin"])
    assert store.find_speaker("élodie marchand")["id"] == elodie["id"]
    assert store.find_speaker("ÉLODIE  MARCHAND")["id"] == elodie["id"]
    assert store.find_speaker("österreichs außenministerin")["id"] == elodie["id"]


def test_find_speaker_among_many_similar_names(store: Store) -> None:
    for i in range(80):
        store.add_speaker(f"Alina Lina {i:02d}", aliases=[f"Lina {i:02d}"])
    lina = store.add_speaker("Lina")
    assert store.find_speaker("lina")["id"] == lina["id"]
    assert store.find_speaker("Lina 79")["name"] == "Alina Lina 79"


def test_every_write_reports_the_rows_it_changed(store: Store) -> None:
    aid = store.add_article(TEXT, title=TITLE)
    assert store.last_changes.articles == {aid}
    assert store.add_article(TEXT) is None
    assert store.last_changes.articles == frozenset()

    result = store.tag(aid, *at(TEXT, "the Asia-Pacific"), "claim")
    tagged = store.last_changes
    assert tagged.action == "Tag claim"
    assert tagged.spans == {result["span"]["id"]}
    assert tagged.claims == {result["claim"]["id"]}
    assert tagged.articles == {aid} and tagged.statuses  # todo became in progress

    speaker = store.add_speaker("Lin Qiao")
    assert store.last_changes.speakers == {speaker["id"]}
    position = store.add_position(aid, speaker_id=speaker["id"], target="NATO", stance="against")
    assert store.last_changes.positions == {position["id"]}

    decided = store.decide(claims=[result["claim"]["id"]], accept=False)
    assert decided.statuses and decided.claims == {result["claim"]["id"]}
    assert result["span"]["id"] in decided.spans

    undone = store.undo()
    assert undone is not None and undone == store.last_changes
    assert undone.claims == {result["claim"]["id"]}


def test_suggestions_are_stored_from_the_engines_typed_claims(store: Store) -> None:
    from annotator.core.suggest import SpanRef, SuggestedClaim, SuggestedSpeaker

    aid = store.add_article(TEXT, title=TITLE)
    assert aid is not None

    def ref(phrase: str) -> SpanRef:
        start, end = at(TEXT, phrase)
        return SpanRef(start, end, phrase)

    claim = SuggestedClaim(
        content=(ref("Any move will be met with high vigilance,"),),
        cue=ref("told"),
        mention=ref("Lin Qiao"),
        speaker=SuggestedSpeaker("Lin Qiao", "person", role="spokesperson"),
        kind="direct",
    )
    assert store.add_suggestions(aid, [claim]) == 1
    assert store.add_suggestions(aid, [claim]) == 0  # the same run twice adds nothing
    (stored,) = store.claims(aid)
    assert stored["status"] == "suggested" and stored["speaker_id"] is None
    assert {s["label"] for s in store.spans(aid)} == {"claim", "cue", "speaker"}

    store.decide(claims=[stored["id"]], accept=True)
    accepted = store.claim(stored["id"])
    assert accepted is not None and accepted["status"] == "accepted"
    speaker = store.speaker(accepted["speaker_id"])
    assert speaker is not None and speaker["name"] == "Lin Qiao"
    assert speaker["role"] == "spokesperson"


# --- what a wrong change to spans and undo would get past (mutation testing found these) ----


def test_add_span_returns_the_stored_span_with_the_given_annotator_and_id(store: Store) -> None:
    aid = store.add_article("The minister said no.")
    span = store.add_span(aid, 4, 12, "speaker", annotator="bob", id="span-1", note="n")
    assert span == store.span("span-1")
    assert (span["annotator"], span["id"], span["article_id"]) == ("bob", "span-1", aid)
    tagged = store.tag(aid, 13, 17, "cue")["span"]
    assert tagged == store.span(tagged["id"])
    assert (tagged["status"], tagged["annotator"]) == ("accepted", "tester")


def test_span_review_fields_and_speaker_can_be_changed(store: Store) -> None:
    aid = store.add_article("The minister said no.")
    speaker = store.add_speaker("The minister")["id"]
    span = store.add_span(aid, 0, 12, "speaker")
    changes = store.update_span(
        span["id"], speaker_id=speaker, reviewer="rev", reviewed_at="2026-01-01T00:00:00.000Z"
    )
    assert changes.touches("spans") and changes.articles == {aid} and changes.action
    got = store.span(span["id"])
    assert (got["speaker_id"], got["reviewer"], got["reviewed_at"]) == (
        speaker,
        "rev",
        "2026-01-01T00:00:00.000Z",
    )
    with pytest.raises(ValueError) as err:
        store.update_span(span["id"], text="x", article_id="y")
    assert str(err.value) == "cannot change article_id, text of a span"


def test_refusals_name_what_is_missing(store: Store) -> None:
    aid = store.add_article("Some text.")
    with pytest.raises(IntegrityError) as err:
        store.add_span(aid, 0, 4, " ")
    assert str(err.value) == "a span needs a label (a non-empty name such as claim)"
    with pytest.raises(IntegrityError) as err:
        store.update_claim("nope", note="x")
    assert str(err.value) == "no claim with id nope"


def test_undo_and_redo_say_what_they_did(store: Store) -> None:
    aid = store.add_article("The minister said no.")
    store.tag(aid, 4, 12, "speaker")
    assert store.undo().action == "Undo Tag speaker"
    assert store.redo().action == "Redo Tag speaker"
    assert store.undo_label() == "Tag speaker" and store.redo_label() is None


def test_a_status_change_does_not_copy_the_text_into_the_history(store: Store) -> None:
    text = "A long article. " * 2000
    aid = store.add_article(text)
    store.set_article_status(aid, "done")
    (changes,) = store.db.execute("SELECT changes FROM history ORDER BY id DESC LIMIT 1").fetchone()
    assert len(changes) < 1000 and "A long article" not in changes
    store.undo()
    assert store.article(aid)["status"] == "todo" and store.article_text(aid) == text
    store.redo()
    assert store.article(aid)["status"] == "done"


def test_the_same_tag_twice_by_one_annotator_is_refused_with_the_existing_span(store):
    from annotator.core.errors import DuplicateSpan

    aid = store.add_article("Ana said yes.", title="t")
    first = store.tag(aid, 0, 3, "speaker")["span"]
    with pytest.raises(DuplicateSpan) as refused:
        store.tag(aid, 0, 3, "speaker")
    assert refused.value.existing["id"] == first["id"]
    assert [s["id"] for s in store.spans(aid)] == [first["id"]]
    store.tag(aid, 0, 3, "target")  # another label on the same range is fine
    store.update_span(first["id"], status="rejected")
    store.tag(aid, 0, 3, "speaker")  # a rejected one does not count
    assert len(store.spans(aid)) == 3


def test_linking_a_mention_adds_its_words_as_an_alias_only_when_asked(store):
    aid = store.add_article("Lin Qiao spoke. Lin said no. Lin added more.", title="t")
    full = store.tag(aid, 0, 8, "speaker")["span"]
    store.link_mention(full["id"], speaker_name="Lin Qiao")
    bare = store.tag(aid, 16, 19, "speaker")["span"]
    store.link_mention(bare["id"], speaker_name="Lin Qiao")
    lin = store.find_speaker("Lin Qiao")
    assert lin["aliases"] == [] and store.span(bare["id"])["speaker_id"] == lin["id"]
    again = store.tag(aid, 28, 31, "speaker")["span"]
    store.link_mention(again["id"], speaker_name="Lin Qiao", alias="Lin")
    assert store.speaker(lin["id"])["aliases"] == ["Lin"]
    store.undo()  # one step: the link and the alias
    assert store.speaker(lin["id"])["aliases"] == []
    assert store.span(again["id"])["speaker_id"] is None


def test_attributing_a_claim_with_a_confirmed_alias_is_one_undo_step(store: Store) -> None:
    aid = store.add_article('Lin Qiao spoke. Lin said "no bloc is needed" today.', title="t")
    full = store.tag(aid, 0, 8, "speaker")["span"]
    store.link_mention(full["id"], speaker_name="Lin Qiao")
    bare = store.tag(aid, 16, 19, "speaker")["span"]
    claim = store.tag(aid, 26, 43, "claim")["claim"]
    store.attribute_claim(
        claim["id"], speaker_name="Lin Qiao", mention_span_id=bare["id"], alias="Lin"
    )
    lin = store.find_speaker("Lin Qiao")
    assert store.speaker(lin["id"])["aliases"] == ["Lin"]
    assert store.span(bare["id"])["speaker_id"] == lin["id"]
    store.undo()  # one step: the speaker, the mention and the alias
    assert store.speaker(lin["id"])["aliases"] == []
    assert store.claim(claim["id"])["speaker_id"] is None
    assert store.span(bare["id"])["speaker_id"] is None


def test_move_span_keeps_its_claim_and_refuses_a_range_outside_the_text(store: Store) -> None:
    aid = store.add_article("Ana said the plan will work soon.", title="Title")
    result = store.tag(aid, 13, 27, "claim")
    span, claim = result["span"], result["claim"]
    changes = store.move_span(span["id"], 9, 32)
    assert span["id"] in changes.spans
    assert store.span(span["id"])["text"] == "the plan will work soon"
    assert store.claim(claim["id"])["spans"] == [span["id"]]
    assert store.undo_label() == "Adjust highlight"
    with pytest.raises(OffsetError):
        store.move_span(span["id"], 9, 400)
    assert store.span(span["id"])["text"] == "the plan will work soon"
    store.undo()
    assert store.span(span["id"])["text"] == "plan will work"


def test_update_article_edits_properties_as_one_undoable_action(store: Store) -> None:
    aid = store.add_article("WELLINGTON, 4 March - Ana said yes.", title="Old")
    changes = store.update_article(
        aid, title="New title", published="March 4, 2024", place="Wellington", url=""
    )
    assert aid in changes.articles
    row = store.article(aid)
    assert (row["title"], row["published"], row["place"], row["url"]) == (
        "New title",
        "2024-03-04",
        "Wellington",
        None,
    )
    assert store.undo_label() == "Edit article properties"
    with pytest.raises(IntegrityError, match="not a date with a year"):
        store.update_article(aid, published="4 March")
    assert store.article(aid)["published"] == "2024-03-04"
    with pytest.raises(ValueError):
        store.update_article(aid, text="other")
    store.undo()
    assert (store.article(aid)["title"], store.article(aid)["published"]) == ("Old", None)


def test_join_and_split_claims_keep_text_order_evidence_and_undo(store: Store) -> None:
    text = '"We stay," Ana told reporters, "and we build."'
    aid = store.add_article(text, title="T")
    tagged = store.tag(aid, text.index("and"), text.index("build") + 5, "claim")
    second, second_span = tagged["claim"], tagged["span"]["id"]
    tagged = store.tag(aid, 1, text.index(","), "claim")
    first, first_span = tagged["claim"], tagged["span"]["id"]
    speaker = store.add_speaker("Ana Li")
    store.attribute_claim(first["id"], speaker_name="Ana Li")
    position = store.add_position(
        aid, speaker_id=speaker["id"], target="the plan", stance="favor", evidence=[second["id"]]
    )
    store.join_claims(first["id"], second["id"])
    joined = store.claim(first["id"])
    assert [store.span(s)["text"] for s in joined["spans"]] == ["We stay", "and we build."[:-1]]
    assert store.claim(second["id"]) is None
    assert store.positions(aid)[0]["evidence"] == [first["id"]]
    assert store.undo_label() == "Join claims"
    store.split_claim(first["id"], joined["spans"][1])
    assert [store.span(s)["text"] for s in store.claim(first["id"])["spans"]] == ["We stay"]
    split_off = [c for c in store.claims(aid) if c["id"] != first["id"]]
    assert len(split_off) == 1 and split_off[0]["speaker_id"] == joined["speaker_id"]
    with pytest.raises(IntegrityError):
        store.split_claim(first["id"], joined["spans"][0])  # its only part
    store.undo()
    store.undo()
    assert store.claim(second["id"])["spans"] == [second_span]
    assert store.claim(first["id"])["spans"] == [first_span]
    assert position["id"] and store.positions(aid)[0]["evidence"] == [second["id"]]

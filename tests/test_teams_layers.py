"""Layers: every claim, position and article status carries its analyst."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.core import schema
from annotator.core.exporting import ExportFilter, export
from annotator.core.importing import import_paths
from annotator.core.store import Store

TEXT = (
    "Budget row deepens\n\n"
    'Finance Minister Ada Rook said "the deficit will halve by spring", while '
    'opposition leader Tom Vail replied that "nobody believes the figures".\n'
)


def code(store: Store, article_id: str, quote: str, speaker: str, stance: str) -> None:
    """Tag a quote, attribute it and take a position on the budget, as an analyst does."""
    start = TEXT.index(quote)
    claim = store.tag(article_id, start, start + len(quote), "claim")["claim"]
    store.attribute_claim(claim["id"], speaker_name=speaker)
    spk = store.find_speaker(speaker)["id"]
    store.add_position(
        article_id, speaker_id=spk, target="budget", stance=stance, evidence=[claim["id"]]
    )


def test_new_claims_and_positions_are_in_the_writers_layer() -> None:
    with Store(memory=True, annotator="alice") as store:
        aid = store.add_article(TEXT)
        code(store, aid, "the deficit will halve by spring", "Ada Rook", "favor")
        assert [c["annotator"] for c in store.claims(aid)] == ["alice"]
        assert [p["annotator"] for p in store.positions(aid)] == ["alice"]
        assert store.claims(aid, annotators=["bob"]) == []
        assert store.positions(aid, annotators=["bob"]) == []
        assert len(store.spans(aid, annotators=["alice"])) == 1


def test_article_status_is_per_analyst(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    with Store(path, annotator="alice") as alice:
        aid = alice.add_article(TEXT)
        alice.set_article_status(aid, "done")
    with Store(path, annotator="bob") as bob:
        assert bob.articles.status_of(aid) == "todo"
        code(bob, aid, "nobody believes the figures", "Tom Vail", "against")
        assert bob.articles.status_of(aid) == "in_progress"
        assert bob.articles.statuses(aid) == {"alice": "done", "bob": "in_progress"}
        bob.undo()  # the position
        bob.undo()  # the attribution
        bob.undo()  # the tag, which had marked it in progress
        assert bob.articles.statuses(aid) == {"alice": "done"}


def test_export_carries_layers_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    with Store(path, annotator="alice") as alice:
        aid = alice.add_article(TEXT)
        code(alice, aid, "the deficit will halve by spring", "Ada Rook", "favor")
        alice.set_article_status(aid, "done")
    with Store(path, annotator="bob") as bob:
        code(bob, aid, "nobody believes the figures", "Tom Vail", "against")
        first = tmp_path / "all.jsonl"
        export(bob, first)
        export(bob, tmp_path / "bob.jsonl", flt=ExportFilter(annotators=("bob",)))
    (record,) = [json.loads(line) for line in first.read_text().splitlines()]
    assert record["schema_version"] == 2
    assert record["statuses"] == {"alice": "done", "bob": "in_progress"}
    assert sorted(c["annotator"] for c in record["claims"]) == ["alice", "bob"]
    assert sorted(p["annotator"] for p in record["positions"]) == ["alice", "bob"]
    (only_bob,) = [json.loads(line) for line in (tmp_path / "bob.jsonl").read_text().splitlines()]
    assert {c["annotator"] for c in only_bob["claims"]} == {"bob"}
    assert {s["annotator"] for s in only_bob["spans"]} == {"bob"}
    assert only_bob["statuses"] == {"bob": "in_progress"}

    with Store(tmp_path / "copy.db", annotator="carol") as copy:
        import_paths(copy, [first])
        again = tmp_path / "again.jsonl"
        export(copy, again)
    assert again.read_text() == first.read_text()


def _v4_database(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A schema-4 file with a claim by alice, a suggested claim and an orphan position."""
    with monkeypatch.context() as m:
        m.setattr(schema, "SCHEMA_VERSION", 4)
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:4])
        with Store(path, annotator="alice") as store:
            aid = store.add_article(TEXT)
            store.add_span(aid, 0, 6, "claim", annotator="alice")
            store.add_span(aid, 7, 10, "claim", annotator="suggest", status="suggested")
            assert store.schema_version() == 4
    conn = sqlite3.connect(path)
    with conn:
        spans = dict(conn.execute("SELECT annotator, id FROM spans"))
        conn.execute("UPDATE articles SET status = 'done'")
        for cid, annotator in (("c1", "alice"), ("c2", "suggest")):
            conn.execute(
                "INSERT INTO claims (id, article_id, status, created, updated) "
                "VALUES (?, ?, 'accepted', 'now', 'now')",
                [cid, aid],
            )
            conn.execute(
                "INSERT INTO claim_spans (claim_id, span_id, ord) VALUES (?, ?, 0)",
                [cid, spans[annotator]],
            )
        conn.execute("INSERT INTO targets (id, name) VALUES ('t', 'budget')")
        for pid in ("p1", "p2"):
            conn.execute(
                "INSERT INTO positions (id, article_id, target_id, stance, created, updated) "
                "VALUES (?, ?, 't', 'favor', 'now', 'now')",
                [pid, aid],
            )
        conn.execute("INSERT INTO position_evidence VALUES ('p1', 'c2')")
    conn.close()
    return aid


def test_migration_gives_existing_rows_their_annotator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    aid = _v4_database(path, monkeypatch)
    with Store(path, annotator="zed") as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        claims = {c["id"]: c["annotator"] for c in store.claims(aid)}
        assert claims == {"c1": "alice", "c2": "suggest"}
        positions = {p["id"]: p["annotator"] for p in store.positions(aid)}
        # p1 follows its evidence; p2 has none: the database's last known name.
        assert positions == {"p1": "suggest", "p2": "alice"}
        assert store.articles.statuses(aid) == {"alice": "done"}
    assert (tmp_path / "old.db.schema4.bak").exists()


def test_an_accepted_suggestion_moves_into_the_reviewers_layer() -> None:
    with Store(memory=True, annotator="alice") as store:
        aid = store.add_article(TEXT)
        kept = store.add_span(aid, 0, 6, "claim", annotator="suggest", status="suggested")
        dropped = store.add_span(aid, 7, 10, "claim", annotator="suggest", status="suggested")
        store.decide(spans=[kept["id"]], accept=True)
        store.decide(spans=[dropped["id"]], accept=False)
        assert store.span(kept["id"])["annotator"] == "alice"
        assert store.span(dropped["id"])["annotator"] == "suggest"
        store.undo()
        store.undo()
        assert store.span(kept["id"])["annotator"] == "suggest"

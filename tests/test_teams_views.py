"""Corpus views, the corpus list, export --status and suggest --todo follow layers
and per-analyst status: two analysts coding one file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.store import Store
from annotator.core.store import queries as q
from annotator.core.store.queries import ViewFilter

TEXTS = [
    (
        "Budget row deepens\n\n"
        'Finance Minister Ada Rook said "the deficit will halve by spring", while '
        'opposition leader Tom Vail replied that "nobody believes the figures".\n'
    ),
    'Harbour plans\n\nThe port authority said "the new quay opens in May".\n',
    'Rail strike\n\nUnion leader Kim Oduya said "the trains stop on Monday".\n',
]

ALICE = ("alice", "suggest")
BOB = ("bob", "suggest")


def code(store: Store, article_id: str, quote: str, speaker: str, target: str, stance: str):
    """Tag a quote, attribute it and take a position, as an analyst does."""
    start = store.article_text(article_id).index(quote)
    claim = store.tag(article_id, start, start + len(quote), "claim")["claim"]
    store.attribute_claim(claim["id"], speaker_name=speaker)
    spk = store.find_speaker(speaker)["id"]
    store.add_position(
        article_id, speaker_id=spk, target=target, stance=stance, evidence=[claim["id"]]
    )


@pytest.fixture
def team_db(tmp_path: Path) -> tuple[Path, list[str]]:
    """Alice codes Ada Rook on article 0 (favor) and finishes it; Bob codes Tom Vail
    on article 0 (against) and Ada Rook on article 1, and finishes article 1."""
    path = tmp_path / "team.db"
    with Store(path, annotator="alice") as alice:
        ids = [alice.add_article(text) for text in TEXTS]
        code(alice, ids[0], "the deficit will halve by spring", "Ada Rook", "budget", "favor")
        alice.set_article_status(ids[0], "done")
    with Store(path, annotator="bob") as bob:
        code(bob, ids[0], "nobody believes the figures", "Tom Vail", "budget", "against")
        code(bob, ids[1], "the new quay opens in May", "Ada Rook", "quay", "favor")
        bob.set_article_status(ids[1], "done")
    return path, ids


def test_claims_and_positions_views_show_only_the_layers_asked_for(team_db) -> None:
    path, _ids = team_db
    with Store(path, annotator="alice", readonly=True) as store:
        mine = ViewFilter(layers=ALICE)
        assert [c["speaker"] for c in q.claims_page(store, mine)] == ["Ada Rook"]
        assert q.claims_count(store, mine) == 1
        assert q.claims_count(store, ViewFilter(layers=BOB)) == 2
        assert q.claims_count(store) == 3  # no layers given: every layer
        assert [p["target"] for p in q.positions_page(store, mine)] == ["budget"]
        assert q.positions_count(store, ViewFilter(layers=BOB)) == 2
        grid = q.position_grid(store, mine)
        assert [s.name for s in grid.speakers] == ["Ada Rook"] and grid.positions == 1
        both = q.position_grid(store, ViewFilter(layers=("alice", "bob")))
        assert both.positions == 3
        budget = next(t.id for t in grid.targets)
        cell = q.cell_evidence(store, grid.speakers[0].id, budget, ViewFilter(layers=BOB))
        assert cell == []  # Bob has no position of Ada Rook on the budget


def test_speakers_counts_and_where_to_open_follow_the_layers(team_db) -> None:
    path, ids = team_db
    with Store(path, annotator="alice", readonly=True) as store:
        rows = {r["name"]: r for r in q.speakers_page(store, ViewFilter(layers=ALICE))}
        # Every speaker is listed (speakers are corpus-wide), counted in Alice's layer.
        assert (rows["Ada Rook"]["claims"], rows["Ada Rook"]["articles"]) == (1, 1)
        assert (rows["Tom Vail"]["claims"], rows["Tom Vail"]["articles"]) == (0, 0)
        everyone = {r["name"]: r for r in q.speakers_page(store)}
        assert (everyone["Ada Rook"]["claims"], everyone["Ada Rook"]["articles"]) == (2, 2)
        by_claims = q.speakers_page(
            store, ViewFilter(layers=BOB), order_by="claims", descending=True
        )
        assert [r["claims"] for r in by_claims[:2]] == [1, 1]
        assert q.speaker_stats(store, ALICE)[everyone["Tom Vail"]["id"]] == (0, 0)
        ada = everyone["Ada Rook"]["id"]
        assert q.speaker_first_span(store, ada, ("bob",))[0] == ids[1]
        assert q.speaker_first_span(store, ada, ALICE)[0] == ids[0]
        assert q.view_article_ids(store, "speakers", ViewFilter(layers=ALICE)) == [ids[0]]


def test_timeline_and_search_follow_the_layers(team_db) -> None:
    path, _ids = team_db
    with Store(path, annotator="alice", readonly=True) as store:
        subjects = q.timeline_subjects(store, "speaker", layers=ALICE)
        assert [(s["name"], s["positions"]) for s in subjects] == [("Ada Rook", 1)]
        assert len(q.timeline_subjects(store, "target", layers=BOB)) == 2
        ada = subjects[0]["id"]
        assert len(q.timeline(store, flt=ViewFilter(speaker_id=ada, layers=ALICE))) == 1
        assert len(q.timeline(store, flt=ViewFilter(speaker_id=ada))) == 2
        # Inside claim highlights (a label filter): only the layers' highlights count.
        inside = ViewFilter(label="claim", layers=ALICE)
        assert q.search(store, "figures", inside) == []
        assert q.search_count(store, "figures", inside.with_(layers=BOB)) == 1
        # A plain search reads the shared article texts, whatever the layers.
        assert q.search_count(store, "figures", ViewFilter(layers=ALICE)) == 1


def test_article_status_filters_are_the_current_analysts(team_db) -> None:
    path, ids = team_db
    done = ViewFilter(article_status="done")
    with Store(path, annotator="alice", readonly=True) as alice:
        assert q.view_article_ids(alice, "claims", done) == [ids[0]]
        assert q.search_count(alice, "said", done) == 1
    with Store(path, annotator="bob", readonly=True) as bob:
        assert q.view_article_ids(bob, "claims", done) == [ids[1]]
        assert [p["article_id"] for p in q.positions_page(bob, done)] == [ids[1]]
        todo = ViewFilter(article_status="todo")
        assert [r["article_id"] for r in q.search(bob, "said", todo)] == [ids[2]]


def test_corpus_list_counts_the_layers_shown_and_my_statuses(team_db) -> None:
    path, ids = team_db
    with Store(path, annotator="alice", readonly=True) as alice:
        rows = {r["id"]: r for r in alice.article_rows(layers=ALICE)}
        assert rows[ids[0]]["annotations"] == 1 and rows[ids[1]]["annotations"] == 0
        assert rows[ids[0]]["status"] == "done" and rows[ids[1]]["status"] == "todo"
        assert rows[ids[1]]["coders_done"] == 1  # Bob finished it
        every = {r["id"]: r["annotations"] for r in alice.article_rows()}
        assert every[ids[0]] == 2
        assert alice.articles.status_counts() == {
            "todo": 2, "in_progress": 0, "done": 1, "reviewed": 0
        }  # fmt: skip
        assert alice.articles.status_counts("bob") == {
            "todo": 1, "in_progress": 1, "done": 1, "reviewed": 0
        }  # fmt: skip


def exported(tmp_path: Path, db: Path, *args: str) -> list[str]:
    out = tmp_path / "out.jsonl"
    assert main(["--db", str(db), "export", "-o", str(out), *args]) == 0
    return [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_export_status_reads_the_exported_analysts_status(team_db, tmp_path, capsys) -> None:
    path, ids = team_db
    assert exported(tmp_path, path, "--status", "done", "--annotator", "alice") == [ids[0]]
    assert exported(tmp_path, path, "--status", "done", "--annotator", "bob") == [ids[1]]
    # Every layer: an article anyone finished.
    assert exported(tmp_path, path, "--status", "done") == [ids[0], ids[1]]
    # Todo for Alice: the articles she never marked, though Bob finished one.
    assert exported(tmp_path, path, "--status", "todo", "--annotator", "alice") == ids[1:]
    assert exported(tmp_path, path, "--status", "todo") == [ids[2]]  # nobody marked it


def test_suggest_todo_takes_the_analysts_own_todo_articles(team_db, capsys) -> None:
    path, _ids = team_db
    assert main(["--db", str(path), "--annotator", "alice", "suggest", "--todo"]) == 0
    # Alice finished article 0; articles 1 and 2 are still hers to do (Bob finished 1).
    assert "in 2 articles" in capsys.readouterr().out
    assert main(["--db", str(path), "--annotator", "bob", "suggest", "--todo"]) == 0
    assert "in 1 article" in capsys.readouterr().out


def test_network_status_filter_reads_the_chosen_layers_status(team_db) -> None:
    path, _ids = team_db
    with Store(path, annotator="lead", readonly=True) as store:

        def targets(**flt) -> list[str]:
            statements, _actors = q.network_statements(store, q.NetworkFilter(**flt))
            return sorted(s.target for s in statements)

        # Alice finished article 0 only; Bob finished article 1 only.
        assert targets(annotators=("alice",), article_statuses=("done",)) == ["budget"]
        assert targets(annotators=("bob",), article_statuses=("done",)) == ["quay"]
        assert targets(annotators=("bob",), article_statuses=("in_progress",)) == ["budget"]
        assert targets(article_statuses=("done",)) == ["budget", "budget", "quay"]

"""Assign, code in separate files, merge back: layers side by side, nothing lost."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import schema
from annotator.core.assigning import plan, write_coder_files
from annotator.core.errors import InputError
from annotator.core.exporting import ExportFilter, export
from annotator.core.importing import import_paths
from annotator.core.merging import merge_file
from annotator.core.store import Store
from annotator.core.store import queries as q

TEXTS = [
    (
        f"Story {n}\n\n"
        f'Finance Minister Ada Rook said "the deficit will halve by spring {n}", while '
        f'opposition leader Tom Vail replied that "nobody believes the figures {n}".\n'
    )
    for n in range(6)
]


def code(store: Store, article_id: str, quote: str, speaker: str, stance: str) -> None:
    """Tag a quote, attribute it and take a position on the budget."""
    text = store.article_text(article_id)
    start = text.index(quote)
    claim = store.tag(article_id, start, start + len(quote), "claim")["claim"]
    store.attribute_claim(claim["id"], speaker_name=speaker)
    spk = store.find_speaker(speaker)["id"]
    store.add_position(
        article_id, speaker_id=spk, target="Budget", stance=stance, evidence=[claim["id"]]
    )


@pytest.fixture
def team(tmp_path: Path) -> dict[str, Path]:
    """A main database assigned to alice and bob (all in the sample), each coding
    article 0 differently and marking it done or not."""
    main = tmp_path / "main.db"
    with Store(main, annotator="lead") as store:
        for text in TEXTS:
            store.add_article(text)
        chosen = plan(store.articles.ids(), ["alice", "bob"], overlap=0.5, seed=3)
        paths = write_coder_files(store, chosen, tmp_path / "coders")
        shared = chosen.sample[0]
    with Store(paths["alice"], annotator="alice") as alice:
        code(alice, shared, "the deficit will halve by spring", "Ada Rook", "favor")
        alice.set_article_status(shared, "done")
    with Store(paths["bob"], annotator="bob") as bob:
        code(bob, shared, "nobody believes the figures", "Tom Vail", "against")
        code(bob, shared, "the deficit will halve by spring", "ada  rook", "neutral")
    return {"main": main, **paths, "tmp": tmp_path, "shared": shared}  # type: ignore[dict-item]


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_assign_gives_the_sample_to_everyone_and_splits_the_rest(tmp_path: Path) -> None:
    ids = [f"a{i}" for i in range(100)]
    first = plan(ids, ["ann", "ben", "cy"], overlap=0.2, seed=7)
    assert plan(ids, ["ann", "ben", "cy"], overlap=0.2, seed=7) == first
    assert len(first.sample) == 20
    owns = [set(first.own[c]) for c in first.coders]
    assert sorted(len(o) for o in owns) == [26, 27, 27]
    assert set().union(*owns) | set(first.sample) == set(ids)
    assert not (owns[0] & owns[1]) and not (set(first.sample) & owns[0])
    limited = plan(ids, ["ann", "ben"], overlap=0.1, per_coder=30, seed=7)
    assert limited.counts() == {"ann": 30, "ben": 30}
    with pytest.raises(InputError):
        plan(ids, ["ann", "ben"], per_coder=80)


def test_coder_files_hold_their_articles_and_the_sample_is_recorded(team) -> None:
    with Store(team["main"], annotator="lead") as main:
        sample = main.articles.reliability_sample()
        assert len(sample) == 3
    with Store(team["alice"], annotator="alice") as alice:
        ids = alice.articles.ids()
        assert set(sample) <= set(ids)
        assert alice.articles.status_of(ids[-1]) == "todo"
        assert alice.articles.statuses(ids[-1]) == {"alice": "todo"}


def test_coder_files_copy_articles_and_speakers_and_are_searchable(tmp_path: Path) -> None:
    main = tmp_path / "main.db"
    with Store(main, annotator="lead") as store:
        ids = [
            store.add_article(
                text, title=f"Story {n}", published=f"2024-03-0{n + 1}", meta={"n": n}
            )
            for n, text in enumerate(TEXTS)
        ]
        store.add_speaker("Ada Rook", role="minister", aliases=["A. Rook"])
        chosen = plan(ids, ["alice", "bob"], overlap=0.5, seed=3)
        paths = write_coder_files(store, chosen, tmp_path / "coders", status="in_progress")
        originals = {a: store.article(a) for a in ids}
    assert sorted(p.name for p in (tmp_path / "coders").iterdir()) == ["alice.db", "bob.db"]
    for coder in ("alice", "bob"):
        with Store(paths[coder], annotator=coder) as mine:
            assert mine.articles.ids() == chosen.articles_of(coder)  # the sample first
            for aid in mine.articles.ids():
                got, want = mine.article(aid), originals[aid]
                for key in ("title", "published", "text", "text_sha256", "meta"):
                    assert got[key] == want[key]
                assert mine.articles.statuses(aid) == {coder: "in_progress"}
            (ada,) = mine.speakers_called("Ada Rook")
            assert (ada["role"], ada["aliases"]) == ("minister", ["A. Rook"])
            q.check_search_index(mine)  # the indexes agree with the texts
            found = {r["article_id"] for r in q.search(mine, "nobody believes", limit=50)}
            assert found == set(chosen.articles_of(coder))
            # The index still follows later writes (the triggers are back).
            new = mine.add_article("Late story\n\nA quayside ceremony.")
            assert [r["article_id"] for r in q.search(mine, "quayside")] == [new]


def test_merge_both_ways_keeps_layers_and_round_trips(team) -> None:
    tmp = team["tmp"]
    outputs = []
    for order in (("alice", "bob"), ("bob", "alice")):
        target = tmp / f"merged-{'-'.join(order)}.db"
        with Store(target, annotator="lead") as store:
            for coder in order:
                merge_file(store, team[coder])
            out = tmp / f"{'-'.join(order)}.jsonl"
            export(store, out)
            shared = store.claims(team["shared"])
            assert sorted(c["annotator"] for c in shared) == ["alice", "bob", "bob"]
            assert store.articles.statuses(team["shared"]) == {
                "alice": "done",
                "bob": "in_progress",
            }
            # One corpus-wide Ada Rook for both analysts (names.py's rule).
            assert len(store.speakers_called("Ada Rook")) == 1
            export(store, tmp / "bob-only.jsonl", flt=ExportFilter(annotators=("bob",)))
        outputs.append({r["text_sha256"]: r for r in records(out)})
    first, second = outputs
    assert first.keys() == second.keys()

    def layer_view(rec: dict) -> list:
        return sorted((c["annotator"], c["status"], c["kind"]) for c in rec["claims"]) + sorted(
            (p["annotator"], p["target"], p["stance"]) for p in rec["positions"]
        )

    for digest in first:
        assert layer_view(first[digest]) == layer_view(second[digest])
        assert first[digest]["statuses"] == second[digest]["statuses"]
    bob_only = records(tmp / "bob-only.jsonl")
    assert {c["annotator"] for r in bob_only for c in r["claims"]} == {"bob"}

    # Exported all layers, imported into an empty database, exported again: the same.
    with Store(tmp / "again.db", annotator="carol") as again:
        import_paths(again, [tmp / "alice-bob.jsonl"])
        export(again, tmp / "again.jsonl")
    assert (tmp / "again.jsonl").read_text() == (tmp / "alice-bob.jsonl").read_text()


def test_merging_the_same_file_twice_adds_nothing_and_undo_is_one_step(team) -> None:
    with Store(team["main"], annotator="lead") as store:
        first = merge_file(store, team["bob"])
        with Store(team["bob"], annotator="bob") as bob:
            coded = len(bob.articles.ids())
        # bob (6 annotations) coded articles assigned from this database: all matched.
        assert (first.matched, first.new, first.annotations) == (coded, 0, 6)
        before = store.stats()
        again = merge_file(store, team["bob"])
        assert (again.new, again.annotations) == (0, 0)
        assert store.stats() == before
        merge_file(store, team["alice"])
        assert store.undo_label() == "Merge alice.db"
        store.undo()
        assert store.stats() == before


def test_a_jsonl_export_merges_like_the_database(team) -> None:
    out = team["tmp"] / "bob.jsonl"
    with Store(team["bob"], annotator="bob") as bob:
        export(bob, out)
    with Store(team["main"], annotator="lead") as store:
        report = merge_file(store, out)
        assert report.line().startswith("Merge bob.jsonl: ")
        assert {c["annotator"] for c in store.claims(team["shared"])} == {"bob"}
        assert merge_file(store, team["bob"]).annotations == 0


def test_a_speaker_matching_two_of_ours_is_kept_apart_and_reported(team) -> None:
    with Store(team["main"], annotator="lead") as store:
        store.add_speaker("Ada Rook", role="minister")
        store.add_speaker("Ada Rook", role="poet")
        report = merge_file(store, team["alice"])
        assert report.speakers_to_review == ["Ada Rook"]
        assert "1 speaker to review" in report.line()
        assert len(store.speakers_called("Ada Rook")) == 3


def _unchanged(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump()).encode()


def test_bad_files_are_one_line_each_and_change_nothing(team) -> None:
    tmp = team["tmp"]
    newer = tmp / "newer.db"
    with sqlite3.connect(newer) as conn:
        conn.execute("CREATE TABLE articles (id)")
        conn.execute("CREATE TABLE spans (id)")
        conn.execute("CREATE TABLE history (id)")
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    foreign = tmp / "photos.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE albums (id)")
    other_text = tmp / "other.db"
    with Store(team["bob"], annotator="bob") as bob:
        article_id = bob.articles.ids()[0]
    with Store(other_text, annotator="dan") as dan:
        dan.add_article("A different story altogether.", id=article_id)
    truncated = tmp / "cut.jsonl"
    export_path = tmp / "full.jsonl"
    with Store(team["bob"], annotator="bob") as bob:
        export(bob, export_path)
    truncated.write_text(export_path.read_text()[:-40])

    before = _unchanged(team["main"])
    cases = {
        newer: "newer version",
        foreign: "not an Annotator database",
        other_text: "different text",
        truncated: "not valid JSON",
    }
    for path, reason in cases.items():
        result = subprocess.run(
            [sys.executable, "-m", "annotator", "--db", str(team["main"]), "merge", str(path)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and reason in lines[0] and str(path.name) in lines[0], lines
        assert "Traceback" not in result.stderr
        assert _unchanged(team["main"]) == before


def test_cli_assign_merge_and_export_by_layer(team) -> None:
    tmp = team["tmp"]

    def run(*args: object) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "annotator", "--db", str(team["main"]), *map(str, args)],
            capture_output=True,
            text=True,
        )

    merged = run("merge", team["alice"], team["bob"])
    assert merged.returncode == 0, merged.stderr
    lines = merged.stdout.splitlines()
    assert lines[0].startswith("Merge alice.db: ") and " matched, 0 new, 3 annotations" in lines[0]
    assert lines[1].startswith("Merge bob.db: ")
    out = tmp / "alice.jsonl"
    assert run("export", "--annotator", "alice", "-o", out).returncode == 0
    assert {c["annotator"] for r in records(out) for c in r["claims"]} == {"alice"}
    again = run("assign", "x", "y", "--overlap", "0.5", "--seed", "1", "-o", tmp / "round2")
    assert again.returncode == 0, again.stderr
    assert (tmp / "round2" / "x.db").exists()

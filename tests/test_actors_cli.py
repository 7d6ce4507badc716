"""``annotator speakers suggest-merges`` and ``annotator speakers merge``, run as users
run them: in a subprocess, on a database file of invented articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from actor_corpus import Corpus, said

from annotator.core.store import Store


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "speakers", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "actors.db"
    with Store(path, annotator="tester") as store:
        corpus = Corpus(store)
        corpus.article(said("Dana Whitlock"), said("Whitlock", "again"), said("12 percent"))
        corpus.article(said("Dana Whitlock"), said("Mayor Dana Whitlock", "too"))
        corpus.article(said("Helen Okafor"), said("Okafor", "first"), said("he"))
        corpus.article(said("Samuel Okafor"), said("Okafor", "second"))
        store.add_speaker("Okafor")  # a second speaker by that name
    return path


def test_suggest_merges_json_has_the_documented_shape(db: Path) -> None:
    result = run(db, "suggest-merges", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"clusters", "not_actors"}
    first = data["clusters"][0]
    assert {"keep", "names", "rule", "confidence", "ambiguous", "mentions"} <= set(first)
    assert first["keep"] == "Dana Whitlock"
    assert sorted(first["names"]) == ["Dana Whitlock", "Mayor Dana Whitlock", "Whitlock"]
    assert first["ambiguous"] is False and 0 < first["confidence"] <= 1
    assert first["mentions"] == 4
    assert len(first["examples"]) == 2
    ambiguous = [c for c in data["clusters"] if c["ambiguous"]]
    # Both speakers called "Okafor" (one has no mentions) wait in the ambiguous cluster.
    assert [c["names"] for c in ambiguous] == [["Okafor", "Okafor"]]
    assert sorted(c["name"] for c in ambiguous[0]["candidates"]) == [
        "Helen Okafor",
        "Samuel Okafor",
    ]
    assert [(n["name"], n["mentions"]) for n in data["not_actors"]] == [
        ("12 percent", 1),
        ("he", 1),
    ]


def test_suggest_merges_table_and_min_mentions(db: Path) -> None:
    result = run(db, "suggest-merges")
    assert result.returncode == 0, result.stderr
    assert "Dana Whitlock (2)  ←  " in result.stdout
    assert "Helen Okafor or Samuel Okafor" in result.stdout
    assert "12 percent  (percentage)" in result.stdout
    fewer = run(db, "suggest-merges", "--min-mentions", "3", "--format", "json")
    clusters = json.loads(fewer.stdout)["clusters"]
    assert [c["keep"] for c in clusters] == ["Dana Whitlock"]


def test_merge_by_name_and_id(db: Path) -> None:
    with Store(db) as store:
        mayor = store.speakers_called("Mayor Dana Whitlock")[0]["id"]
    result = run(db, "merge", "dana whitlock", mayor, "Whitlock")
    assert result.returncode == 0, result.stderr
    assert "into Dana Whitlock" in result.stdout
    with Store(db) as store:
        (kept,) = store.speakers_called("Whitlock")
        assert kept["name"] == "Dana Whitlock"
        assert sorted(kept["aliases"]) == ["Mayor Dana Whitlock", "Whitlock"]
        assert store.undo_label().startswith("Merge 2 speakers")
        store.undo()
        assert len(store.speakers(prefix="Whitlock")) == 3


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["Helen Okafor", "Okafor"], "'Okafor' names 2 speakers"),
        (["Helen Okafor", "Nobody Here"], "no speaker is named or has the id 'Nobody Here'"),
        (["Helen Okafor", "helen okafor"], "nothing to merge"),
    ],
)
def test_merge_refuses_with_one_line_and_changes_nothing(db: Path, args, says) -> None:
    result = run(db, "merge", *args)
    assert result.returncode == 1
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    with Store(db) as store:
        assert len(store.speakers()) == 9
        assert not (store.undo_label() or "").startswith("Merge")


def test_merge_needs_two_names(db: Path) -> None:
    result = run(db, "merge", "Helen Okafor")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr

"""Importing another program's records into analysts' layers: whose each claim and
position is when the record does not say, and each analyst's own article status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.importing import import_paths
from annotator.core.store import Store

TEXT = "Vote delayed\n\nAda Rook said the vote was rigged. Tom Vail said it was fair.\n"


def span(key: str, words: str, label: str, annotator: str | None) -> dict:
    start = TEXT.index(words)
    found = {"id": key, "start": start, "end": start + len(words), "label": label}
    return found | ({"annotator": annotator} if annotator else {})


def write(tmp_path: Path, *records: dict) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_claims_and_positions_without_an_annotator_take_their_spans_and_evidence(
    tmp_path: Path,
) -> None:
    record = {
        "text": TEXT,
        "spans": [
            span("s1", "the vote was rigged", "claim", "alice"),
            span("s2", "it was fair", "claim", "bob"),
            span("s3", "Vote delayed", "claim", None),  # the importing analyst's
        ],
        "claims": [
            {"id": "c1", "spans": ["s1"]},
            {"id": "c2", "spans": ["s2"], "annotator": "dana"},  # named: kept
            {"id": "c3", "spans": ["s3"]},
        ],
        "positions": [
            {"id": "p1", "target": "the vote", "stance": "against", "evidence": ["c1"]},
            {"id": "p2", "target": "the vote", "stance": "favor", "evidence": ["c2"]},
            {"id": "p3", "target": "the count", "stance": "neutral", "evidence": []},
        ],
    }
    store = Store(memory=True, annotator="ana")
    report = import_paths(store, [write(tmp_path, record)])
    assert (report.added, report.errors) == (1, [])
    (aid,) = store.articles.ids()
    claims = {c["id"]: c["annotator"] for c in store.claims(aid)}
    assert claims == {"c1": "alice", "c2": "dana", "c3": "ana"}
    positions = {p["id"]: p["annotator"] for p in store.positions(aid)}
    assert positions == {"p1": "alice", "p2": "dana", "p3": "ana"}


def test_each_analysts_status_is_kept_and_a_bare_status_is_the_importing_analysts(
    tmp_path: Path,
) -> None:
    store = Store(memory=True, annotator="ana")
    first = {"text": TEXT, "statuses": {"alice": "done", "bob": "in_progress"}}
    second = {"text": TEXT + "More.\n", "status": "reviewed"}  # the importing analyst's
    third = {"text": TEXT + "Still more.\n", "status": "todo"}
    report = import_paths(store, [write(tmp_path, first, second, third)])
    assert (report.added, report.errors) == (3, [])
    a, b, c = store.articles.ids()
    assert [store.articles.status_of(a, n) for n in ("alice", "bob", "ana")] == [
        "done",
        "in_progress",
        "todo",
    ]
    assert store.articles.status_of(b, "ana") == "reviewed"
    assert store.articles.status_of(b, "alice") == "todo"
    assert store.stats()["done_by"] == {"alice": 1}
    assert store.articles.status_of(c, "ana") == "todo"
    assert store.articles.status_counts("ana") == {
        "todo": 2,
        "in_progress": 0,
        "done": 0,
        "reviewed": 1,
    }


@pytest.mark.parametrize(
    ("statuses", "reason"),
    [
        (["alice", "done"], '"statuses" must be an object of annotator names and statuses'),
        ({" ": "done"}, "unknown article status 'done' for annotator ' '"),
        ({"alice": "finished"}, "unknown article status 'finished' for annotator 'alice'"),
    ],
)
def test_bad_statuses_are_one_line_naming_the_file_and_line(
    tmp_path: Path, statuses, reason: str
) -> None:
    store = Store(memory=True, annotator="ana")
    path = write(tmp_path, {"text": "A good one.\n"}, {"text": TEXT, "statuses": statuses})
    report = import_paths(store, [path])
    assert (report.added, report.failed) == (1, 1)
    assert report.errors == [f"{path}:2: {reason}"]

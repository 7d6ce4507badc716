"""A crash loses nothing that was acknowledged.

A child process performs the actions the window performs (``Store.tag``,
``attribute_claim``, ``add_position``, ``set_article_status``, ``undo``) and prints
each action's history id the moment the method has returned. The parent kills it
with SIGKILL once it has acknowledged a number of actions drawn from a seeded random
generator (the kill lands somewhere in the next action), and then checks, every time,
that each acknowledged action is in the database, that ``PRAGMA integrity_check`` is ok and that
``Store()`` opens the file as usual. ``bench/reliability.py`` runs the same with
more kills and prints the figures.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.core import schema
from annotator.core.store import Store

ROOT = Path(__file__).resolve().parent.parent

# The child: the GUI's store methods in a fixed cycle, one acknowledgement per
# action, printed (and flushed) right after the method returns.
CHILD = r"""
import sys
from annotator.core.store import Store

db, run = sys.argv[1], sys.argv[2]
# One annotator per run: runs repeat the same ranges, and the same tag twice by one
# annotator is refused as a duplicate.
print("open", flush=True)
store = Store(db, annotator=f"crash-test-{run}")
articles = [row["id"] for row in store.article_rows(limit=1000)]
STATUSES = ("in_progress", "done", "reviewed")


def ack(*parts):
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def last_history_id():
    return store.db.execute("SELECT max(id) FROM history").fetchone()[0]


k = 0
while True:
    aid = articles[k % len(articles)]
    text = store.article_text(aid)
    start = (k * 37) % (len(text) - 40)
    end = start + 5 + k % 30
    tagged = store.tag(aid, start, end, "claim")
    span_id, claim_id = tagged["span"]["id"], tagged["claim"]["id"]
    ack("tag", last_history_id(), span_id, claim_id, aid)
    name = f"Speaker {run}.{k}"
    store.attribute_claim(claim_id, speaker_name=name)
    ack("attr", last_history_id(), claim_id, name)
    speaker_id = store.claim(claim_id)["speaker_id"]
    position = store.add_position(aid, speaker_id=speaker_id, target=f"target {run}.{k}",
                                  stance="against", evidence=[claim_id])
    ack("pos", last_history_id(), position["id"], claim_id, aid)
    # This analyst's own status (the tag made it in progress if it was to do).
    status = STATUSES[(STATUSES.index(store.articles.status_of(aid)) + 1) % 3]
    store.set_article_status(aid, status)
    ack("status", last_history_id(), aid, status, store.annotator)
    cue = store.tag(aid, start, end, "cue")
    ack("cue", last_history_id(), cue["span"]["id"], aid)
    undone_id = last_history_id()
    store.undo()
    ack("undo", undone_id, cue["span"]["id"])
    k += 1
"""

# What follows each acknowledged operation in the child's cycle.
NEXT_OP = {
    None: "tag",
    "tag": "attr",
    "attr": "pos",
    "pos": "status",
    "status": "cue",
    "cue": "undo",
    "undo": "tag",
}
STATUSES = ("in_progress", "done", "reviewed")


def article_text(n: int) -> str:
    return (
        f"Ministry warns against bloc politics, part {n}\n\n"
        "[March 02, 2024]  CANBERRA (Newswire) - A foreign ministry spokesperson said on "
        f'Tuesday that "no region needs a new bloc number {n}", warning partners. '
        '"We will not choose sides," Foreign Minister Claire Whitfield told reporters. '
        "The ministry said it would keep talking to every side, 🙂 as before.\n"
    )


def make_database(path: Path, articles: int = 4) -> None:
    with Store(path, annotator="setup") as store:
        for n in range(articles):
            store.add_article(article_text(n), title=f"Article {n}", status="in_progress")


@dataclass
class Ledger:
    """Everything the child acknowledged, across runs, and what the parent checked."""

    acks: list[list[str]] = field(default_factory=list)
    undone: set[str] = field(default_factory=set)  # cue spans whose undo was acknowledged
    # (article, analyst) -> their last acknowledged status of it, and the one that may
    # also have landed when the kill came
    status: dict[tuple[str, str], str] = field(default_factory=dict)
    in_flight_status: dict[tuple[str, str], str] = field(default_factory=dict)
    maybe_undone: str | None = None  # cue span whose undo may have landed unacknowledged
    kills: int = 0
    runs: list[int] = field(default_factory=list)  # acknowledgements per run

    @property
    def acknowledged(self) -> int:
        return len(self.acks)


def run_child(
    db: Path, run: int, rng: random.Random, *, most: int = 14, early: float = 0.2
) -> list[list[str]]:
    """Start the child and SIGKILL it once it has acknowledged a random number of actions.

    The number is drawn from ``rng`` (sometimes none: the kill then comes while the
    child opens the file or does its first action), so what is acknowledged does not
    depend on how fast the machine is; where in the next action the kill lands does.
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    wanted = 0 if rng.random() < early else rng.randint(1, most)
    lines: list[str] = []
    reached = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            lines.append(raw.decode())
            if len(lines) > wanted:  # the first line says the child is opening the file
                reached.set()
        reached.set()  # the child ended on its own: nothing more to wait for

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    started = reached.wait(120)
    # Spreads the kill over the child's next action; no check depends on where it lands.
    time.sleep(rng.uniform(0, 0.02))
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    reader.join(30)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    assert started, f"the child acknowledged {len(lines) - 1} of {wanted} within 120 s:\n{err}"
    assert proc.returncode == -signal.SIGKILL, f"the child died on its own:\n{err}"
    # A line without its newline was being printed when the kill came: not acknowledged.
    acks = [line.split() for line in lines[1:] if line.endswith("\n")]
    assert len(acks) >= wanted
    return acks


def check_database(db: Path, ledger: Ledger) -> tuple[int, list[str]]:
    """(found, problems): every acknowledged action checked against the file."""
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    problems = []
    if integrity != [("ok",)]:
        problems.append(f"integrity_check: {integrity[:5]}")
    if foreign:
        problems.append(f"foreign_key_check: {foreign[:5]}")
    with Store(db, annotator="check") as store:  # opens normally, or the test fails here
        if store.schema_version() != schema.SCHEMA_VERSION:
            problems.append(f"schema version {store.schema_version()}")
        found = 0
        for ack in ledger.acks:
            problem = _check_ack(store, ledger, ack)
            if problem:
                problems.append(f"{' '.join(ack)}: {problem}")
            else:
                found += 1
    return found, problems


def _history(store: Store, history_id: str) -> tuple[dict | None, list[dict]]:
    row = store.db.execute(
        "SELECT undone, changes FROM history WHERE id = ?", [int(history_id)]
    ).fetchone()
    if row is None:
        return None, []
    return {"undone": row[0]}, json.loads(row[1])


def _entry(entries: list[dict], table: str, key: str) -> dict | None:
    return next((e for e in entries if e["t"] == table and e["k"].get("id") == key), None)


def _check_ack(store: Store, ledger: Ledger, ack: list[str]) -> str | None:
    op, hid, *rest = ack
    if op == "undo":
        span_id = rest[0]
        return "the undone highlight is back" if store.span(span_id) else None
    if op == "cue" and (rest[0] in ledger.undone or rest[0] == ledger.maybe_undone):
        return None  # its undo was acknowledged (checked there) or may have landed
    row, entries = _history(store, hid)
    if row is None or row["undone"]:
        return f"history row {hid} missing or undone"
    if op == "cue":
        if _entry(entries, "spans", rest[0]) is None:
            return f"history row {hid} is not this action"
        if store.span(rest[0]) is None:
            return "highlight missing"
    elif op == "tag":
        span_id, claim_id, _aid = rest
        if _entry(entries, "spans", span_id) is None:
            return f"history row {hid} is not this action"
        if store.span(span_id) is None:
            return "highlight missing"
        if store.claim(claim_id) is None:
            return "claim missing"
    elif op == "attr":
        claim_id, name = rest[0], " ".join(rest[1:])
        entry = _entry(entries, "claims", claim_id)
        if entry is None:
            return f"history row {hid} is not this action"
        claim = store.claim(claim_id)
        speaker = store.speaker(claim["speaker_id"]) if claim and claim["speaker_id"] else None
        if speaker is None or speaker["name"] != name:
            return f"claim speaker is {speaker and speaker['name']!r}"
    elif op == "pos":
        pos_id, claim_id, aid = rest
        if _entry(entries, "positions", pos_id) is None:
            return f"history row {hid} is not this action"
        found = [p for p in store.positions(aid) if p["id"] == pos_id]
        if not found or found[0]["evidence"] != [claim_id]:
            return "position missing or without its evidence"
    elif op == "status":
        aid, status, annotator = rest
        entry = _entry(entries, "articles", aid)
        if entry is None or entry["a"]["status"] != status:
            return f"history row {hid} is not this action"
        # Each analyst has their own status of an article (the article's own is the
        # latest anyone set, so another run's tag moves it on).
        key = (aid, annotator)
        if ledger.status.get(key) == status:  # their latest acknowledged one
            actual = store.articles.status_of(aid, annotator)
            if actual not in (status, ledger.in_flight_status.get(key)):
                return f"status of {annotator} is {actual!r}"
    return None


def record_run(ledger: Ledger, acks: list[list[str]], db: Path, *, annotator: str) -> None:
    """Add one run's acknowledgements (the child's analyst: ``annotator``); note what
    the killed action may have done."""
    ledger.kills += 1
    ledger.runs.append(len(acks))
    ledger.in_flight_status.clear()
    ledger.maybe_undone = None
    for ack in acks:
        ledger.acks.append(ack)
        if ack[0] == "undo":
            ledger.undone.add(ack[2])
        elif ack[0] == "status":
            ledger.status[ack[2], ack[4]] = ack[3]
    last = acks[-1] if acks else None
    following = NEXT_OP[last[0] if last else None]
    if following == "status" and last is not None:
        key = (last[4], annotator)
        current = ledger.status.get(key, "in_progress")  # a first tag's status
        ledger.in_flight_status[key] = STATUSES[(STATUSES.index(current) + 1) % 3]
    elif following == "undo" and last is not None:
        ledger.maybe_undone = last[2]


def after_check(ledger: Ledger, db: Path) -> None:
    """The killed action may have committed: take the file's word for its status."""
    with Store(db, annotator="check") as store:
        for aid, annotator in list(ledger.in_flight_status):
            ledger.status[aid, annotator] = store.articles.status_of(aid, annotator)
        if ledger.maybe_undone and store.span(ledger.maybe_undone) is None:
            ledger.undone.add(ledger.maybe_undone)
    ledger.in_flight_status.clear()
    ledger.maybe_undone = None


def crash_trials(
    db: Path, kills: int, *, seed: int, most: int = 14, on_kill=None
) -> tuple[Ledger, int, list[str]]:
    """Run ``kills`` children against ``db``; returns (ledger, found, problems)."""
    rng = random.Random(seed)
    ledger = Ledger()
    found, problems = 0, []
    for run in range(kills):
        acks = run_child(db, run, rng, most=most)
        record_run(ledger, acks, db, annotator=f"crash-test-{run}")
        found, problems = check_database(db, ledger)
        if on_kill:
            on_kill(run, ledger, found, problems)
        if problems:
            break
        after_check(ledger, db)
    return ledger, found, problems


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_action(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    make_database(db)
    ledger, found, problems = crash_trials(db, 10, seed=20240307)
    assert not problems, "\n".join(problems[:20])
    assert ledger.kills == 10
    assert found == ledger.acknowledged
    # Kills landed all over the cycle (the seed's counts: 0, 7, 4, 7, 4, 13, 11, 0, 1, 4).
    assert ledger.acknowledged >= 51, ledger.runs
    kinds = {ack[0] for ack in ledger.acks}
    assert {"tag", "attr", "pos", "status", "cue", "undo"} <= kinds, kinds


def test_the_check_notices_a_lost_action(tmp_path: Path) -> None:
    """The checker is not vacuous: an acknowledged action that is gone is reported."""
    db = tmp_path / "crash.db"
    make_database(db, articles=1)
    with Store(db, annotator="t") as store:
        aid = store.article_rows()[0]["id"]
        tagged = store.tag(aid, 3, 9, "claim")
        hid = store.db.execute("SELECT max(id) FROM history").fetchone()[0]
        store.set_article_status(aid, "done")
        status_hid = store.db.execute("SELECT max(id) FROM history").fetchone()[0]
    ledger = Ledger()
    record_run(
        ledger,
        [
            ["tag", str(hid), tagged["span"]["id"], tagged["claim"]["id"], aid],
            ["status", str(status_hid), aid, "done", "t"],
        ],
        db,
        annotator="t",
    )
    found, problems = check_database(db, ledger)
    assert found == 2 and not problems
    # Lose the status change behind the checker's back (as a crash would).
    conn = sqlite3.connect(db)
    conn.execute("UPDATE article_status SET status = 'reviewed'")
    conn.execute("DELETE FROM history WHERE id = ?", [hid])
    conn.commit()
    conn.close()
    ledger.in_flight_status.clear()
    found, problems = check_database(db, ledger)
    assert found == 0 and len(problems) == 2, problems

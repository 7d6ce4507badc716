"""An export never destroys the earlier one: killed at any moment, the file under the
target name is the earlier good export or the complete new one, never a part.

A child process exports a large database over an earlier export and is killed
with SIGKILL at chosen points: before it starts, while a record is being built
(the new file half written), just before the rename and after it finished. The
child stops at the point and says so; the kill waits for that, never for a
duration, so a loaded machine cannot move it. ``bench/reliability.py`` runs more.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.exporting import FORMATS, ExportCancelled, export
from annotator.core.importing import import_paths
from annotator.core.store import Store

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import os
import sys

from annotator.core import exporting
from annotator.core.store import Store

db, target, fmt, point = sys.argv[1:5]
real_record, real_replace = exporting.article_record, os.replace
built = 0


def stop(where):
    # Say where, then wait for the parent's SIGKILL (or a line to go on).
    sys.stdout.write(f"stopped {where}\n")
    sys.stdout.flush()
    sys.stdin.readline()


def record(*args, **kwargs):
    global built
    built += 1
    if point == f"record {built}":
        stop(point)
    return real_record(*args, **kwargs)


def replace(src, dst):
    if point == "rename" and os.fspath(dst) == target:
        stop(point)
    real_replace(src, dst)


exporting.article_record = record
os.replace = replace
store = Store(db, annotator="exporter")
sys.stdout.write("go\n")
sys.stdout.flush()
if point == "start":
    stop(point)
exporting.export(store, target, fmt=fmt)
sys.stdout.write("done\n")
sys.stdout.flush()
"""

# Where the runs of kill_exports stop the child, in turn: mostly mid-write.
KILL_POINTS = ("record", "start", "record", "rename", "record", "done")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_corpus(db: Path, articles: int) -> None:
    """A database of ``articles`` articles with eight claims each (imported in bulk)."""
    lines = []
    for n in range(articles):
        text = f"Article {n}\n\n" + " ".join(
            f'The minister {n} said "no region needs bloc {i}" on day {i}.' for i in range(40)
        )
        spans, pos = [], 0
        for _ in range(8):
            start = text.index("no region", pos)
            spans.append({"start": start, "end": start + 9, "label": "claim"})
            pos = start + 1
        lines.append(json.dumps({"text": text, "title": f"Article {n}", "spans": spans}))
    source = db.with_suffix(".jsonl")
    source.write_text("\n".join(lines), encoding="utf-8")
    with Store(db, annotator="setup") as store:
        report = import_paths(store, [source])
        assert report.added == articles, report.errors[:3]
    source.unlink()


@dataclass
class ExportTrials:
    kills: int = 0
    intact: int = 0  # the earlier export, byte for byte
    replaced: int = 0  # the complete new export, byte for byte
    broken: list[str] = field(default_factory=list)
    mid_write: int = 0  # kills that came while the new file was being written
    leftovers: int = 0  # hidden .part files a killed export leaves in the folder


def kill_exports(
    db: Path, folder: Path, kills: int, *, seed: int, fmt: str = "jsonl", on_kill=None
) -> ExportTrials:
    """Export ``db`` over an earlier export in ``folder``, SIGKILL it, check each time.

    Run ``n`` stops the child at ``KILL_POINTS[n % 6]``; a ``record`` point is a
    random article (from ``seed``) past the first twentieth, when the part file
    already holds data.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"annotations.{fmt}"
    reference = folder.parent / f"reference-new.{fmt}"
    with Store(db, annotator="setup") as store:
        # The earlier good export, then a change, so the new export differs from it.
        export(store, target, fmt=fmt)
        for row in store.article_rows(limit=20):  # seen in every format: a new highlight
            store.tag(row["id"], 0, 7, "cue")
        export(store, reference, fmt=fmt)
        articles = store.article_count()
    old_bytes, old, new = target.read_bytes(), sha(target), sha(reference)
    assert old != new
    rng = random.Random(seed)
    trials = ExportTrials()
    for run in range(kills):
        point = KILL_POINTS[run % len(KILL_POINTS)]
        if point == "record":
            point = f"record {rng.randint(max(2, articles // 20), articles)}"
        earlier_parts = {p.name for p in folder.iterdir() if p.name.endswith(".part")}
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), str(target), fmt, point],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.stdout is not None
        said = [proc.stdout.readline(), proc.stdout.readline()]
        expected = [b"go\n", b"done\n" if point == "done" else f"stopped {point}\n".encode()]
        if said != expected:
            proc.kill()
            raise AssertionError(f"run {run}: child said {said}: {proc.communicate()[1]!r}")
        parts = [
            p for p in folder.iterdir() if p.name.endswith(".part") and p.name not in earlier_parts
        ]
        writing = any(p.stat().st_size > 0 for p in parts)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream:
                stream.close()
        trials.kills += 1
        trials.mid_write += writing and proc.returncode == -signal.SIGKILL
        now = sha(target)
        if now == old:
            trials.intact += 1
        elif now == new:
            trials.replaced += 1
        else:
            trials.broken.append(f"run {run}: {target.stat().st_size} bytes, neither export")
        visible = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        if visible != [target.name]:
            trials.broken.append(f"run {run}: files under other visible names: {visible}")
        if on_kill:
            on_kill(run, trials)
        # Put the earlier export back (atomically), so every kill tests the same thing.
        if now != old:
            spare = folder / ".restore.tmp"
            spare.write_bytes(old_bytes)
            os.replace(spare, target)
    trials.leftovers = sum(1 for p in folder.iterdir() if p.name.endswith(".part"))
    return trials


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("export") / "corpus.db"
    build_corpus(db, 1500)
    return db


@pytest.mark.slow
def test_sigkill_during_export_never_leaves_a_partial_file(corpus: Path, tmp_path: Path) -> None:
    trials = kill_exports(corpus, tmp_path / "out", 6, seed=11)
    assert not trials.broken, trials.broken
    # Killed before the rename (at the start, mid-write, at the rename): the earlier
    # file; killed after the export finished: the new one.
    assert (trials.kills, trials.intact, trials.replaced) == (6, 5, 1)
    # Mid-write: the three kills while records were being written, and the one at the
    # rename (the new file complete but not yet in place).
    assert trials.mid_write == 4


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failing_or_cancelled_export_leaves_the_earlier_file(
    fmt: str, tmp_path: Path, monkeypatch
) -> None:
    from annotator.core import exporting

    store = Store(memory=True, annotator="t")
    for n in range(250):
        aid = store.add_article(f"Article {n}: the minister said no region needs a new bloc.")
        store.tag(aid, 16, 24, "speaker")
    target = tmp_path / f"earlier.{fmt}"
    target.write_text("the earlier good export\n", encoding="utf-8")
    before = sha(target)

    with pytest.raises(ExportCancelled):
        export(store, target, fmt=fmt, cancelled=lambda: True)
    assert sha(target) == before

    real, calls = exporting.article_record, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) > 120:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(exporting, "article_record", failing)
    with pytest.raises(AnnotatorError) as info:
        export(store, target, fmt=fmt)
    assert "\n" not in str(info.value) and str(target) in str(info.value)
    assert sha(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name], "a part file was left"
    monkeypatch.setattr(exporting, "article_record", real)
    assert export(store, target, fmt=fmt) == 250
    assert sha(target) != before
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    store.close()


def test_an_export_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    store = Store(memory=True)
    store.add_article("The minister said no.")
    with pytest.raises(AnnotatorError) as info:
        export(store, tmp_path / "no such folder" / "out.jsonl")
    assert "\n" not in str(info.value) and "no such folder" in str(info.value)
    store.close()

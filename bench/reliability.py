"""Reliability figures: the slow, full versions of tests/test_reliability_*.py.

    python bench/reliability.py [--kills 50] [--export-kills 20] [--writers-seconds 5]

1. Crash: a child process tags, attributes, adds positions, changes statuses and
   undoes through the Store methods the window uses, acknowledging each action on
   stdout; it is SIGKILLed at random moments. After every kill the database must
   pass ``PRAGMA integrity_check``, open with Store, and hold every acknowledged
   action. Prints acknowledged, found and lost (lost must be 0).
2. Two writer processes on one file for a few seconds: acknowledged vs stored, and
   the longest wait for the other's lock; then a window-like writer (a tag every
   50 ms) while another process imports thousands of articles.
3. Export over an earlier export, SIGKILLed at random: intact / replaced / broken.
4. Memory: tracemalloc peak while importing a 40 MB text file.

Exits non-zero if anything was lost or broken.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import test_reliability_concurrency as concurrency  # noqa: E402
import test_reliability_crash as crash  # noqa: E402
import test_reliability_export as exports  # noqa: E402

from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.store import Store  # noqa: E402

MB = 1024 * 1024


def bench_crash(folder: Path, kills: int, seed: int) -> bool:
    print(f"== crash: {kills} SIGKILLs at random moments ==")
    db = folder / "crash.db"
    crash.make_database(db)
    began = time.perf_counter()

    def progress(run: int, ledger, found: int, problems: list[str]) -> None:
        if (run + 1) % 10 == 0 or problems:
            print(
                f"  after kill {run + 1:3d}: acknowledged {ledger.acknowledged:6d}, "
                f"found {found:6d}",
                flush=True,
            )

    ledger, found, problems = crash.crash_trials(db, kills, seed=seed, on_kill=progress)
    lost = ledger.acknowledged - found
    with Store(db) as store:
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
    print(f"kills:          {ledger.kills}")
    print(f"acknowledged:   {ledger.acknowledged}")
    print(f"found:          {found}")
    print(f"lost:           {lost}")
    print(f"integrity:      {integrity}")
    print(f"time:           {time.perf_counter() - began:.1f} s")
    for line in problems[:20]:
        print("  PROBLEM", line)
    return lost == 0 and not problems and ledger.kills == kills


def bench_writers(folder: Path, seconds: float) -> bool:
    ok = True
    for pause, what in ((0.0, "back to back"), (0.001, "1 ms apart")):
        print(f"\n== two writer processes on one file, {seconds:g} s, tags {what} ==")
        db = folder / f"shared-{pause}.db"
        with Store(db, annotator="setup") as store:
            aids = [store.add_article(concurrency._text(n), status="in_progress") for n in (1, 2)]
        results = concurrency.run_writers(db, aids, seconds, pause)
        acked = [[span_id for span_id, _wait in acks] for _rc, acks, _err in results]
        errors = [err.strip() for _rc, _acks, err in results if err.strip()]
        with Store(db) as store:
            stored = [{s["id"] for s in store.spans(aid)} for aid in aids]
        lost = sum(len(set(a) - s) for a, s in zip(acked, stored, strict=True))
        worst = [max((w for _id, w in acks), default=0.0) for _rc, acks, _err in results]
        print(f"acknowledged:   {' + '.join(str(len(a)) for a in acked)} = {sum(map(len, acked))}")
        print(f"stored:         {sum(map(len, stored))}")
        print(f"lost:           {lost}")
        print(f"longest wait:   {', '.join(f'{w:.3f} s' for w in worst)} (busy timeout 5 s)")
        print(f"errors:         {len(errors)}")
        for err in errors:
            print("  ERROR", err.splitlines()[-1])
        ok = ok and lost == 0 and not errors and all(rc == 0 for rc, _a, _e in results)
    return ok


TAGGER = r"""
import sys, time
from annotator.core.store import Store
db, aid, stop_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
store = Store(db, annotator="window")
k, worst = 0, 0.0
while time.time() < stop_at:
    began = time.perf_counter()
    store.tag(aid, k % 40, k % 40 + 3, "cue")
    worst = max(worst, time.perf_counter() - began)
    k += 1
    time.sleep(0.05)
print(k, worst)
"""


def bench_import_while_tagging(folder: Path, articles: int = 12000) -> bool:
    print(f"\n== a window tags every 50 ms while another process imports {articles} articles ==")
    db = folder / "busy.db"
    with Store(db, annotator="setup") as store:
        aid = store.add_article(concurrency._text(0))
    source = folder / "many.jsonl"
    with open(source, "w", encoding="utf-8") as handle:
        for n in range(articles):
            text = f"Article {n}\n\n" + f"The minister {n} said no. " * 150
            handle.write(json.dumps({"text": text, "title": f"Article {n}"}) + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    importer = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    time.sleep(0.5)
    tagger = subprocess.Popen(
        [sys.executable, "-c", TAGGER, str(db), aid, repr(time.time() + 8)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    imp_out, imp_err = importer.communicate(timeout=600)
    tag_out, tag_err = tagger.communicate(timeout=600)
    print(f"import:         {imp_out.strip() or imp_err.strip()}")
    if tagger.returncode == 0:
        count, worst = tag_out.split()
        print(f"window tags:    {count}, longest wait {float(worst):.3f} s, errors 0")
    else:
        print(f"window:         FAILED {tag_err.strip().splitlines()[-1]}")
    return tagger.returncode == 0 and importer.returncode == 0


def bench_export(folder: Path, kills: int, seed: int) -> bool:
    print(f"\n== export over an earlier export, {kills} SIGKILLs ==")
    db = folder / "corpus.db"
    began = time.perf_counter()
    exports.build_corpus(db, 5000)
    size = db.stat().st_size
    print(
        f"database:       5000 articles, {size / MB:.1f} MB (built in "
        f"{time.perf_counter() - began:.1f} s)"
    )
    ok = True
    for i, fmt in enumerate(("jsonl", "csv", "w3c")):
        n = kills if fmt == "jsonl" else max(1, kills // 4)
        trials = exports.kill_exports(db, folder / f"out-{fmt}", n, seed=seed + i, fmt=fmt)
        print(
            f"{fmt:6s} kills {trials.kills:3d}: earlier file intact {trials.intact}, "
            f"replaced by the complete new one {trials.replaced}, broken "
            f"{len(trials.broken)} (killed mid-write: {trials.mid_write}; hidden .part "
            f"files left behind: {trials.leftovers})"
        )
        for line in trials.broken:
            print("  BROKEN", line)
        ok = ok and not trials.broken
    return ok


def bench_memory(folder: Path, megabytes: int = 40) -> bool:
    print(f"\n== memory: importing a {megabytes} MB text file ==")
    source = folder / "big.txt"
    paragraph = (
        "CANBERRA (Newswire) - A foreign ministry spokesperson said on Tuesday that "
        '"no region needs a new bloc", warning partners against choosing sides. '
    )
    with open(source, "w", encoding="utf-8") as handle:
        handle.write("A very long article\n\n")
        n = 0
        while handle.tell() < megabytes * MB:
            handle.write(f"{n} {paragraph}\n")
            n += 1
    size = source.stat().st_size
    with Store(folder / "memory.db") as store:
        tracemalloc.start()
        began = time.perf_counter()
        report = import_paths(store, [source])
        elapsed = time.perf_counter() - began
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"file:           {size / MB:.1f} MB")
    print(f"import:         {report.summary()} in {elapsed:.1f} s (under tracemalloc)")
    print(f"peak memory:    {peak / MB:.0f} MB (tracemalloc), {peak / size:.1f}x the file")
    return report.added == 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--export-kills", type=int, default=20)
    parser.add_argument("--writers-seconds", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="annotator-reliability-") as tmp:
        folder = Path(tmp)
        results = [
            bench_crash(folder, args.kills, args.seed),
            bench_writers(folder, args.writers_seconds),
            bench_import_while_tagging(folder),
            bench_export(folder, args.export_kills, args.seed),
            bench_memory(folder),
        ]
    print("\nall good" if all(results) else "\nSOMETHING WAS LOST OR BROKEN")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

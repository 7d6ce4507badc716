"""Reliability figures: the slow, full versions of tests/test_reliability_*.py.

    python bench/reliability.py [--kills 50] [--export-kills 20] [--writers-seconds 5]

1. Crash: a child process tags, attributes, adds positions, changes statuses and
   undoes through the Store methods the window uses, acknowledging each action on
   stdout; it is SIGKILLed at random moments. After every kill the database must
   pass ``PRAGMA integrity_check``, open with Store, and hold every acknowledged
   action. Prints acknowledged, found and lost (lost must be 0).
2. Two writer processes on one file for a few seconds: acknowledged vs stored.
3. Export over an earlier export, SIGKILLed at random: intact / replaced / broken.
4. Memory: tracemalloc peak while importing a 40 MB text file.

Exits non-zero if anything was lost or broken.
"""

from __future__ import annotations

import argparse
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
            print(f"  after kill {run + 1:3d}: acknowledged {ledger.acknowledged:6d}, "
                  f"found {found:6d}", flush=True)

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
    print(f"\n== two writer processes on one file, {seconds:g} s ==")
    db = folder / "shared.db"
    with Store(db, annotator="setup") as store:
        aids = [store.add_article(concurrency._text(n), status="in_progress") for n in (1, 2)]
    start_at = time.time() + 1.5
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", concurrency.WRITER, str(db), aid, repr(start_at),
             repr(start_at + seconds)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for aid in aids
    ]
    outputs = [p.communicate(timeout=seconds + 120) for p in procs]
    acked = [out.split() for out, _err in outputs]
    errors = [err.strip() for _out, err in outputs if err.strip()]
    with Store(db) as store:
        stored = [{s["id"] for s in store.spans(aid)} for aid in aids]
    lost = sum(len(set(a) - s) for a, s in zip(acked, stored))
    print(f"acknowledged:   {' + '.join(str(len(a)) for a in acked)} = {sum(map(len, acked))}")
    print(f"stored:         {sum(map(len, stored))}")
    print(f"lost:           {lost}")
    print(f"errors:         {len(errors)}")
    for err in errors:
        print("  ERROR", err.splitlines()[-1])
    return lost == 0 and not errors and all(p.returncode == 0 for p in procs)


def bench_export(folder: Path, kills: int, seed: int) -> bool:
    print(f"\n== export over an earlier export, {kills} SIGKILLs ==")
    db = folder / "corpus.db"
    began = time.perf_counter()
    exports.build_corpus(db, 5000)
    size = db.stat().st_size
    print(f"database:       5000 articles, {size / MB:.1f} MB (built in "
          f"{time.perf_counter() - began:.1f} s)")
    ok = True
    for i, fmt in enumerate(("jsonl", "csv", "w3c")):
        n = kills if fmt == "jsonl" else max(1, kills // 4)
        trials = exports.kill_exports(db, folder / f"out-{fmt}", n, seed=seed + i, fmt=fmt)
        print(f"{fmt:6s} kills {trials.kills:3d}: earlier file intact {trials.intact}, "
              f"replaced by the complete new one {trials.replaced}, broken "
              f"{len(trials.broken)} (killed mid-write: {trials.mid_write}; hidden .part "
              f"files left behind: {trials.leftovers})")
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
            bench_export(folder, args.export_kills, args.seed),
            bench_memory(folder),
        ]
    print("\nall good" if all(results) else "\nSOMETHING WAS LOST OR BROKEN")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

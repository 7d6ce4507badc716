#!/usr/bin/env python3
"""How long an automatic backup of a large database takes, and how long it holds up
the window (prints, asserts nothing).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/backup.py [--db PATH] [--rebuild]
                                    [--articles 100000] [--spans-per-article 10]

Builds (once; reused while the counts match) the database of bench/views.py: 100,000
articles and 1,000,000 highlights. Then:

1. the raw baselines, measured in the same run: a file copy (``shutil.copyfile``) and
   a one-step ``sqlite3`` backup (``src.backup(dest)``);
2. the window's automatic backup (``AutoBackup``, a worker thread with its own
   connections, in steps, checked and rotated) while the UI thread runs its event
   loop with a 1 ms timer and writes an article every 250 ms as an analyst would:
   total time, its ratio to the raw backup, and the longest pause of the UI thread
   (the largest gap between two timer ticks; target under 16 ms, one frame), next to
   the longest gap of the same loop with no backup running.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from views import build  # noqa: E402

from annotator.core import backup  # noqa: E402
from annotator.core.store import Store  # noqa: E402


def counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            conn.execute("SELECT count(*) FROM spans").fetchone()[0],
        )
    except sqlite3.Error:
        return (-1, -1)
    finally:
        conn.close()


def ui_loop_gaps(app, seconds: float | None, until=None, write=None) -> tuple[list[float], float]:
    """Run the event loop with a 1 ms timer; return (the gaps between ticks in ms, the
    longest write in ms). A write's own time is not a gap: it is the store's cost."""
    from annotator.gui.qt import QTimer

    last = [time.perf_counter()]
    gaps: list[float] = []
    worst_write = [0.0]
    next_write = [time.perf_counter() + 0.25]
    start = time.perf_counter()

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        if write is not None and now >= next_write[0]:
            t = time.perf_counter()
            write()
            worst_write[0] = max(worst_write[0], time.perf_counter() - t)
            next_write[0] = time.perf_counter() + 0.25
        last[0] = time.perf_counter()
        done = until() if until is not None else now - start >= (seconds or 0)
        if done:
            timer.stop()
            app.quit()

    timer = QTimer(interval=1)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    return gaps, worst_write[0] * 1000


def describe_gaps(gaps: list[float]) -> str:
    ordered = sorted(gaps)
    p99 = ordered[int(len(ordered) * 0.99)]
    over = sum(g > 16 for g in gaps)
    return f"longest {ordered[-1]:5.1f} ms, 99th percentile {p99:4.1f} ms, {over} of {len(gaps):,} over 16 ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "annotator-backup-bench.db"
    )
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--spans-per-article", type=int, default=10)
    args = ap.parse_args()

    want = (args.articles, args.articles * args.spans_per_article)
    have = counts(args.db) if args.db.exists() else None
    # Each run adds a few articles (the UI writes): they do not call for a rebuild.
    if args.rebuild or have is None or not 0 <= have[0] - want[0] < 10_000:
        print(f"building {args.articles:,} articles in {args.db} …", flush=True)
        t = time.perf_counter()
        build(args.db, args.articles, args.spans_per_article)
        print(f"  built in {time.perf_counter() - t:.0f} s", flush=True)
    n_articles, n_spans = counts(args.db)
    size = args.db.stat().st_size / 1_048_576
    print(f"database: {n_articles:,} articles, {n_spans:,} spans, {size:.0f} MB")

    work = Path(tempfile.mkdtemp(prefix="annotator-backup-bench-"))
    try:
        t = time.perf_counter()
        shutil.copyfile(args.db, work / "copy.db")
        copy_s = time.perf_counter() - t
        src, dest = sqlite3.connect(args.db), sqlite3.connect(work / "raw.db")
        t = time.perf_counter()
        src.backup(dest)
        raw_s = time.perf_counter() - t
        src.close()
        dest.close()
        print(f"raw file copy:             {copy_s:6.2f} s")
        print(f"raw sqlite3 backup:        {raw_s:6.2f} s")

        from annotator.gui.app import application
        from annotator.gui.backups import AutoBackup
        from annotator.gui.qt import QSettings
        from annotator.gui.session import Session

        app = application()
        idle_gaps, _ = ui_loop_gaps(app, 10.0)
        store = Store(args.db, annotator="bench")
        session = Session(store)
        settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        auto = AutoBackup(session, settings, root=work / "backups")
        auto.stop()  # no timers: the bench starts the one backup itself
        written = [0]

        def write() -> None:
            written[0] += 1
            session.run(lambda s: s.add_article(f"Written during the backup bench {time.time()}"))

        t = time.perf_counter()
        auto.start()
        gaps, worst_write = ui_loop_gaps(app, None, until=lambda: not auto.running, write=write)
        total_s = time.perf_counter() - t
        store.close()
        made = backup.list_backups(args.db, root=work / "backups")
        print(
            f"automatic backup:          {total_s:6.2f} s  ({total_s / raw_s:.2f}x the raw backup; "
            f"stepped, checked with quick_check, rotated)"
        )
        print(f"UI-thread pauses, backup running: {describe_gaps(gaps)}  (target 16 ms)")
        print(f"UI-thread pauses, no backup:      {describe_gaps(idle_gaps)}")
        print(
            f"UI writes meanwhile:       {written[0]} articles added, slowest {worst_write:.1f} ms; "
            f"the backup holds {made[0].articles:,} articles (one snapshot)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How fast a team's files merge and a corpus is assigned (prints, asserts nothing).

    .venv/bin/python bench/teams.py [--coders 5] [--articles 2000] [--spans 40000]
        [--assign-articles 100000] [--assign-coders 10] [--only merge|assign]

1. Merge: each of ``--coders`` analysts' export files (``--articles`` articles, all
   shared, ``--spans`` spans each, a claim on every other span) merged one after the
   other into one database (``annotator merge``), against the raw baseline of a plain
   import of the same records into an empty database in the same run. Target: merge
   time per file <= 2x import. The peak memory after each file is printed: it stays
   flat in the number of files.
2. Assign: ``--assign-articles`` articles to ``--assign-coders`` coders with a 20%
   reliability sample (``annotator assign``), one database per coder. Target: < 30 s.
   The raw baseline: the same article rows written by plain ``executemany`` into one
   bare table per coder (no indexes, no search index), in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.assigning import plan, write_coder_files  # noqa: E402
from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.merging import merge_file  # noqa: E402
from annotator.core.store import Store  # noqa: E402

WORDS = [
    "minister",
    "said",
    "budget",
    "talks",
    "would",
    "resume",
    "next",
    "week",
    "despite",
    "strong",
    "opposition",
]


def text_of(n: int) -> str:
    rng = random.Random(n)
    return f"Story {n}\n\n" + " ".join(rng.choice(WORDS) for _ in range(120)) + ".\n"


def coder_file(path: Path, coder: str, articles: int, spans: int) -> None:
    """An export .jsonl of one coder: every article, spans spread evenly."""
    per = max(1, spans // articles)
    rng = random.Random(coder)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            text = text_of(n)
            record_spans, claims = [], []
            for k in range(per):
                start = rng.randrange(0, len(text) - 20)
                end = start + rng.randrange(3, 18)
                sid = f"{coder}-{n}-{k}"
                label = "claim" if k % 2 == 0 else "cue"
                record_spans.append(
                    {"id": sid, "start": start, "end": end, "label": label,
                     "text": text[start:end], "annotator": coder, "status": "accepted"}
                )  # fmt: skip
                if label == "claim":
                    claims.append({"id": f"c-{sid}", "spans": [sid], "annotator": coder})
            record = {
                "id": f"art{n}", "text": text, "title": f"Story {n}", "status": "done",
                "statuses": {coder: "done"}, "spans": record_spans, "claims": claims,
                "positions": [], "speakers": [], "schema_version": 2,
            }  # fmt: skip
            out.write(json.dumps(record) + "\n")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_merge(coders: int, articles: int, spans: int, folder: Path) -> None:
    files = []
    for i in range(coders):
        path = folder / f"coder{i}.jsonl"
        coder_file(path, f"coder{i}", articles, spans)
        files.append(path)
    print(f"merge: {coders} coders x {articles:,} articles x {spans:,} spans")
    for i, path in enumerate(files):
        with Store(folder / f"plain{i}.db", annotator="lead") as plain:
            start = time.perf_counter()
            import_paths(plain, [path])
            baseline = time.perf_counter() - start
        with Store(folder / "merged.db", annotator="lead") as merged:
            start = time.perf_counter()
            report = merge_file(merged, path)
            took = time.perf_counter() - start
        print(
            f"  file {i + 1}: merge {took:6.2f} s, plain import {baseline:6.2f} s, "
            f"ratio {took / baseline:4.2f}x (target <= 2x); peak memory {peak_mb():,.0f} MB"
        )
        print(f"    {report.line()}")


def bench_assign(articles: int, coders: int, folder: Path) -> None:
    main = folder / "corpus.db"
    with Store(main, annotator="lead") as store:
        records = folder / "corpus.jsonl"
        with records.open("w", encoding="utf-8") as out:
            for n in range(articles):
                out.write(json.dumps({"id": f"a{n}", "text": f"Article {n}: " + text_of(n % 97)}))
                out.write("\n")
        import_paths(store, [records])
        names = [f"coder{i}" for i in range(coders)]
        start = time.perf_counter()
        chosen = plan(store.articles.ids(), names, overlap=0.2, seed=1)
        write_coder_files(store, chosen, folder / "assigned")
        took = time.perf_counter() - start
        baseline = raw_coder_tables(store, chosen, folder / "raw")
    print(
        f"assign: {articles:,} articles to {coders} coders (20% sample): {took:.1f} s "
        f"(target < 30 s); {sum(chosen.counts().values()):,} articles written; raw rows "
        f"{baseline:.1f} s, ratio {took / baseline:.1f}x"
    )


def raw_coder_tables(store: Store, chosen, folder: Path) -> float:
    """Seconds to write each coder's article rows into a bare table of a new file."""
    folder.mkdir()
    rows = {
        row[0]: row
        for row in store.db.execute(
            "SELECT id, title, text, text_sha256, imported_at, meta FROM articles"
        )
    }
    start = time.perf_counter()
    for coder in chosen.coders:
        conn = sqlite3.connect(folder / f"{coder}.db")
        conn.execute("CREATE TABLE articles (id, title, text, text_sha256, imported_at, meta)")
        with conn:
            conn.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                (rows[a] for a in chosen.articles_of(coder)),
            )
        conn.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coders", type=int, default=5)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--spans", type=int, default=40000)
    parser.add_argument("--assign-articles", type=int, default=100000)
    parser.add_argument("--assign-coders", type=int, default=10)
    parser.add_argument("--only", choices=("merge", "assign"), help="run one part only")
    args = parser.parse_args()
    if args.only != "assign":
        with tempfile.TemporaryDirectory(prefix="annotator-bench-teams-") as tmp:
            bench_merge(args.coders, args.articles, args.spans, Path(tmp))
    if args.only != "merge":
        with tempfile.TemporaryDirectory(prefix="annotator-bench-teams-") as tmp:
            bench_assign(args.assign_articles, args.assign_coders, Path(tmp))


if __name__ == "__main__":
    main()

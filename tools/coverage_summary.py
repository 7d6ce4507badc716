#!/usr/bin/env python3
"""Line and branch coverage per part of the package, from ``coverage json``.

    .venv/bin/coverage json -q -o coverage.json && .venv/bin/python tools/coverage_summary.py

Prints the core, the GUI, the command line, the rest of the package and the whole, then the GUI and
command-line modules below ``--below`` branch coverage, least covered first.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

PARTS = {"core": "annotator/core/", "gui": "annotator/gui/"}
# The command line: its modules sit at the top of the package.
CLI = ("annotator/cli", "annotator/__main__.py")


def part_of(path: str) -> str:
    for name, prefix in PARTS.items():
        if path.startswith(prefix):
            return name
    return "cli" if path.startswith(CLI) else "other"


def rate(hit: int, total: int) -> str:
    return f"{hit / total:6.1%}" if total else "   n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default="coverage.json", type=Path)
    parser.add_argument("--below", type=float, default=0.85, help="list modules under this")
    args = parser.parse_args()
    files = json.loads(args.report.read_text(encoding="utf-8"))["files"]
    sums: dict[str, list[int]] = {}
    rows = []
    for path, data in files.items():
        s = data["summary"]
        counts = [
            s["covered_lines"],
            s["num_statements"],
            s.get("covered_branches", 0),
            s.get("num_branches", 0),
        ]
        for key in (part_of(path), "all"):
            total = sums.setdefault(key, [0, 0, 0, 0])
            for i, n in enumerate(counts):
                total[i] += n
        if counts[3] and counts[2] / counts[3] < args.below and part_of(path) != "core":
            rows.append((counts[2] / counts[3], path, counts))
    print(f"{'part':<8}{'lines':>8}{'branches':>10}")
    for key in ("core", "gui", "cli", "other", "all"):
        if key in sums:
            lines, statements, branches, total = sums[key]
            print(f"{key:<8}{rate(lines, statements):>8}{rate(branches, total):>10}")
    if rows:
        print(f"\nbranch coverage below {args.below:.0%} outside the core:")
        for share, path, (_, _, branches, total) in sorted(rows):
            print(f"  {share:6.1%}  {path} ({branches}/{total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

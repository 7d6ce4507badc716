#!/usr/bin/env python3
"""Speed of the text scanners on their worst inputs, against a raw baseline.

    .venv/bin/python bench/worst_case.py [--repeat 3]

The test suite checks what metadata extraction and quote suggestion return on these
inputs; how long they take is measured here, never asserted in a test (a loaded
machine would make such a test fail at random). For each input the time of the
scanner is divided by the time of a raw baseline measured in the same run: one
linear regular-expression pass (``re.findall(r"\\w+|\\W")``) over the text the scanner
reads (the whole text for suggestions, the first ``HEAD_CHARS`` for metadata). A
ratio that grows with the input's size is a quadratic regression; the targets are
loose on purpose (measured: metadata 0.2x, suggestions 3x to 35x).

1. ``extract_metadata`` over 10,000 articles with a dateline, a bare title and a
   head full of brackets (target: within 1x the baseline).
2. ``suggest_article`` on runs of apostrophes, unclosed quotes, bare quote marks and
   thousands of short quotes (target: within 100x the baseline each).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_metadata import DESIGN_EXAMPLE  # noqa: E402
from test_suggest import PATHOLOGICAL  # noqa: E402

from annotator.core.metadata import HEAD_CHARS, extract_metadata  # noqa: E402
from annotator.core.suggest import suggest_article  # noqa: E402

_WORDS = re.compile(r"\w+|\W")


def metadata_corpus() -> list[str]:
    body = ('The spokesperson said "no" (again) - and then — more. ' * 50 + "\n\n") * 40
    return [DESIGN_EXAMPLE + body, "Title\n\n" + body, ("ABC (DEF) " * 400) + body] * 3334


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return min(times)


def row(name: str, took: float, raw: float, target: float) -> bool:
    ratio = took / raw if raw else float("inf")
    ok = ratio <= target
    print(
        f"{name:<36}{took * 1000:>10.1f}{raw * 1000:>10.1f}{ratio:>8.1f}x"
        f"   <= {target:g}x {'ok' if ok else 'SLOW'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    print(f"{'input':<36}{'ms':>10}{'raw ms':>10}{'ratio':>9}   target")
    ok = True

    articles = metadata_corpus()
    took = best_of(args.repeat, lambda: [extract_metadata(t) for t in articles])
    raw = best_of(args.repeat, lambda: [_WORDS.findall(t[:HEAD_CHARS]) for t in articles])
    ok &= row("metadata, 10,002 articles", took, raw, 1)

    for name, text in PATHOLOGICAL.items():
        took = best_of(args.repeat, lambda text=text: suggest_article(text))
        raw = best_of(args.repeat, lambda text=text: _WORDS.findall(text))
        ok &= row(f"suggest, {name}", took, raw, 100)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

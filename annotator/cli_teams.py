"""``annotator assign`` and ``annotator merge``: splitting a corpus among coders and
bringing their work back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .core.assigning import plan, write_coder_files
from .core.errors import AnnotatorError
from .core.merging import merge_file
from .core.schema import ARTICLE_STATUSES
from .core.store import Store


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError("give a fraction from 0 to 1 (0.2 is 20%)")
    return number


def add_parsers(sub: Any) -> None:
    """Add ``assign`` and ``merge`` to the command parser."""
    asg = sub.add_parser(
        "assign",
        help="write one database per coder, with a reliability sample everyone codes",
        description="Split the corpus among coders: DIR/NAME.db for each, holding their "
        "articles and the corpus speakers. A random share (--overlap) goes to every coder "
        "(the reliability sample, recorded in this database); the rest is split evenly.",
    )
    asg.add_argument("coders", nargs="+", metavar="NAME")
    share = asg.add_mutually_exclusive_group()
    share.add_argument("--per-coder", type=int, metavar="N", help="N articles for each coder")
    share.add_argument("--all", action="store_true", help="give out every article (default)")
    asg.add_argument(
        "--overlap", type=_fraction, default=0.0, metavar="FRACTION", help="share everyone codes"
    )
    asg.add_argument("--seed", type=int, metavar="S", help="random seed (same seed, same split)")
    asg.add_argument("--status", choices=ARTICLE_STATUSES, default="todo")
    asg.add_argument("-o", "--output", required=True, type=Path, metavar="DIR")

    mrg = sub.add_parser(
        "merge",
        help="merge other analysts' databases or export .jsonl files into this one",
        description="Each analyst's annotations stay their own layer; nothing of ours is "
        "overwritten and merging a file twice adds nothing. Each file is all or nothing "
        "and one undo step.",
    )
    mrg.add_argument("files", nargs="+", type=Path, metavar="FILE")


def run_assign(store: Store, args: argparse.Namespace) -> int:
    chosen = plan(
        store.articles.ids(),
        args.coders,
        overlap=args.overlap,
        per_coder=args.per_coder,
        seed=args.seed,
    )
    paths = write_coder_files(store, chosen, args.output, status=args.status)
    counts = chosen.counts()
    for coder, path in paths.items():
        print(f"{path}: {counts[coder]:,} articles")
    print(f"reliability sample: {len(chosen.sample):,} articles, given to every coder")
    return 0


def run_merge(store: Store, args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            report = merge_file(store, path)
        except AnnotatorError as exc:
            print(f"annotator: {exc}", file=sys.stderr)
            failed = True
            continue
        print(report.line())
    return 1 if failed else 0

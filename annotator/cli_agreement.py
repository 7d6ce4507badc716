"""``annotator agreement``: intercoder agreement from the command line (read-only)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .core.agreement import compute
from .core.agreement_report import RENDERERS
from .core.exporting import atomic_output
from .core.schema import DEFAULT_LABELS
from .core.store import Store


def _names(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give annotator names separated by commas")
    return names


def add_parser(sub: Any) -> None:
    """Add ``agreement`` to the command parser."""
    from .core.store.queries import ARTICLE_CHOICES

    agr = sub.add_parser(
        "agreement",
        help="intercoder agreement (Krippendorff's alpha, span F1) between annotators' layers",
        description="Agreement on spans (tokens, F1), attribution and stance between the "
        "annotators' layers. Articles: the reliability sample if there is one, else every "
        "article at least two of the annotators coded.",
    )
    agr.add_argument(
        "--annotators",
        type=_names,
        metavar="A,B",
        help="the annotators compared (default: all with a layer; name `curated` to "
        "compare with the adjudicated layer)",
    )
    agr.add_argument(
        "--label", action="append", metavar="LABEL", help="only this label (repeatable)"
    )
    agr.add_argument("--articles", choices=ARTICLE_CHOICES, help="which articles to count")
    agr.add_argument("--format", choices=tuple(RENDERERS), default="table")
    agr.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="file to write (default: stdout)"
    )


def labels_of(articles: list, wanted: list[str] | None) -> list[str]:
    """The labels measured: those asked for, else the ones the layers use (schema order)."""
    if wanted:
        return list(dict.fromkeys(wanted))
    used = {label for a in articles for layer in a.layers.values() for label, _, _ in layer.spans}
    return [label for label in DEFAULT_LABELS if label in used] + sorted(used - set(DEFAULT_LABELS))


def run(store: Store, args: argparse.Namespace) -> int:
    from .core.store.queries import agreement_input

    articles, coders, _ = agreement_input(store, args.annotators, args.articles)
    result = compute(articles, coders, labels_of(articles, args.label))
    with atomic_output(args.output) as out:
        out.write(RENDERERS[args.format](result))
    if args.output != "-":
        print(
            f"agreement of {len(coders)} annotators on {len(articles)} articles written "
            f"to {args.output}",
            file=sys.stderr,
        )
    return 0

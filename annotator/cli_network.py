"""``annotator network``: discourse networks written for network analysis tools."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import Any

from .core.network import FORMATS, KINDS, build, time_slices
from .core.network_files import nodes_path, save
from .core.schema import ARTICLE_STATUSES, STANCES
from .core.store import Store
from .core.store.queries import NetworkFilter, network_layers, network_statements


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _count(value: str, least: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"give {least} or more")
    return number


def _stances(value: str) -> tuple[str, ...]:
    chosen = tuple(s.strip() for s in value.split(",") if s.strip())
    unknown = [s for s in chosen if s not in STANCES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown stance {', '.join(unknown) or value!r}: choose from {','.join(STANCES)}"
        )
    return chosen


def add_parser(sub: Any) -> None:
    """The ``network`` command and its options (docs/format.md has the definitions)."""
    net = sub.add_parser(
        "network",
        help="write a discourse network (actors, targets, agreement, conflict)",
        description="Build a discourse network from the accepted positions and write it "
        "as GraphML, GEXF or CSV (edges, and the nodes in FILE-nodes.csv).",
    )
    net.add_argument("--kind", choices=KINDS, default="actor-target")
    net.add_argument("--format", choices=FORMATS, default="graphml")
    net.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="file to write, or - for standard output (default; not for csv)",
    )
    net.add_argument(
        "--annotator",
        dest="layers",
        action="append",
        metavar="NAME",
        help="only this annotator's layer (repeatable; default: all layers)",
    )
    net.add_argument(
        "--status",
        action="append",
        choices=ARTICLE_STATUSES,
        help="only articles with this status (repeatable)",
    )
    net.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    net.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    net.add_argument(
        "--window",
        type=lambda v: _count(v, 1),
        metavar="DAYS",
        help="one network per time slice of DAYS days (GraphML or CSV)",
    )
    net.add_argument(
        "--min-weight", type=lambda v: _count(v, 1), default=1, metavar="N", help="(default 1)"
    )
    net.add_argument(
        "--stance",
        type=_stances,
        default=STANCES,
        metavar="LIST",
        help=f"the stances that count, comma-separated (default {','.join(STANCES)})",
    )


def run(store: Store, args: argparse.Namespace) -> int:
    """Build the network the options ask for and write it; 2 on a usage error."""
    if args.format == "csv" and args.output == "-":
        print(
            "annotator: network: csv is two files (edges and nodes); give -o FILE.csv",
            file=sys.stderr,
        )
        return 2
    if args.format == "gexf" and args.window:
        print(
            "annotator: network: --window writes one network per slice: use graphml or csv",
            file=sys.stderr,
        )
        return 2
    if args.date_from and args.date_to and args.date_from > args.date_to:
        print("annotator: network: --from is after --to", file=sys.stderr)
        return 2
    flt = NetworkFilter(
        article_statuses=tuple(args.status or ()),
        date_from=args.date_from,
        date_to=args.date_to,
        annotators=tuple(args.layers or ()),
    )
    statements, actors = network_statements(store, flt)
    options = {"stances": args.stance, "min_weight": args.min_weight}
    if args.window:
        networks = [
            build(args.kind, chosen, actors, slice_label=label, **options)
            for label, chosen in time_slices(
                statements, args.window, start=args.date_from, end=args.date_to
            )
        ]
    else:
        networks = [build(args.kind, statements, actors, **options)]
    save(networks, args.format, args.output)
    if not statements:
        print("annotator: network: no accepted positions in the chosen articles", file=sys.stderr)
    _name_empty_layers(store, args.layers or ())
    if args.output != "-":
        nodes = sum(len(n.nodes) for n in networks)
        edges = sum(len(n.edges) for n in networks)
        where = f"{args.output} and {nodes_path(args.output)}" if args.format == "csv" else ""
        slices = f" in {len(networks)} slices" if args.window else ""
        print(f"{nodes} nodes, {edges} edges{slices} written to {where or args.output}")
    return 0


def _name_empty_layers(store: Store, layers: Sequence[str]) -> None:
    """A note for each ``--annotator`` with no accepted position (a typo, most often)."""
    known = network_layers(store)
    for name in dict.fromkeys(layers):
        if name not in known:
            print(
                f"annotator: network: --annotator {name}: no accepted positions in that layer"
                f" (layers with some: {', '.join(known) or 'none'})",
                file=sys.stderr,
            )

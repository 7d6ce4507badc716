"""The command line: the GUI (default), import, export, stats, suggest and speakers.

Exit status: 0 on success, 1 when some inputs failed (the good ones are kept),
2 on usage errors. Errors are one line each; never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import cli_speakers
from .core.errors import AnnotatorError
from .core.exporting import FORMATS, ExportFilter, export
from .core.importing import import_paths
from .core.schema import ARTICLE_STATUSES
from .core.store import Store
from .paths import default_db_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Highlight quotes in news articles; tag speakers, claims and positions.",
        epilog="Without a command, the annotation window opens.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        help=f"the database file (default: $ANNOTATOR_DB or {default_db_path()})",
    )
    parser.add_argument("--annotator", metavar="NAME", help="your name on new annotations")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the annotation window (the default)")

    imp = sub.add_parser("import", help="import .txt/.md/.jsonl/.csv files or folders")
    imp.add_argument("paths", nargs="+", metavar="PATH")

    exp = sub.add_parser("export", help="export articles and annotations")
    exp.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="file to write, or - for standard output (default)",
    )
    exp.add_argument("--format", choices=FORMATS, default="jsonl")
    exp.add_argument(
        "--status",
        action="append",
        choices=ARTICLE_STATUSES,
        help="only articles with this status (repeatable)",
    )
    exp.add_argument(
        "--label", action="append", metavar="LABEL", help="only spans with this label (repeatable)"
    )
    exp.add_argument(
        "--include-rejected",
        action="store_true",
        help="also export annotations a reviewer rejected",
    )
    exp.add_argument(
        "--include-suggestions",
        action="store_true",
        help="also export suggestions nobody has accepted yet",
    )

    sub.add_parser("stats", help="counts per status and label")

    sug = sub.add_parser("suggest", help="pre-annotate quotes, cues and speakers")
    sug.add_argument("--article", action="append", metavar="ID", help="only this article")
    sug.add_argument("--todo", action="store_true", help="only articles with status todo")

    cli_speakers.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    db_path = args.db or default_db_path()
    if command == "gui":
        from .gui.app import run_gui

        return run_gui(db_path, annotator=args.annotator, explicit=args.db is not None)
    try:
        if db_path.parent and not db_path.parent.exists():
            db_path.parent.mkdir(parents=True, exist_ok=True)
        with Store(db_path, annotator=args.annotator) as store:
            return _COMMANDS[command](store, args)
    except AnnotatorError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `annotator export | head`: the reader has what it wanted; stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"annotator: {exc.filename or db_path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130


def _import(store: Store, args: argparse.Namespace) -> int:
    report = import_paths(store, args.paths)
    for line in report.errors:
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def _export(store: Store, args: argparse.Namespace) -> int:
    flt = ExportFilter(
        statuses=tuple(args.status) if args.status else None,
        labels=tuple(args.label) if args.label else None,
        include_rejected=args.include_rejected,
        include_suggestions=args.include_suggestions,
    )
    count = export(store, args.output, fmt=args.format, flt=flt)
    if args.output != "-":
        print(f"{count} article{'s' if count != 1 else ''} written to {args.output}")
    return 0


def _stats(store: Store, args: argparse.Namespace) -> int:
    stats = store.stats()
    print(f"database: {store.path}")
    print(f"articles: {stats['articles']}")
    for status in ARTICLE_STATUSES:
        print(f"  {status}: {stats['by_status'].get(status, 0)}")
    print(f"spans: {stats['spans']}")
    for label, count in stats["by_label"].items():
        print(f"  {label}: {count}")
    for status, count in stats["by_span_status"].items():
        print(f"  ({status}: {count})")
    for key in ("speakers", "claims", "positions", "targets"):
        print(f"{key}: {stats[key]}")
    return 0


def _suggest(store: Store, args: argparse.Namespace) -> int:
    from .core.suggest.runner import suggest_corpus

    report = suggest_corpus(store, article_ids=args.article, only_todo=args.todo)
    print(report.summary())
    return 0


_COMMANDS = {
    "import": _import,
    "export": _export,
    "stats": _stats,
    "suggest": _suggest,
    "speakers": cli_speakers.run,
}


if __name__ == "__main__":
    sys.exit(main())

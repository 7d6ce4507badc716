"""The command line: the GUI (default), import, export, stats, suggest, backup, restore.

Exit status: 0 on success, 1 when some inputs failed (the good ones are kept),
2 on usage errors. Errors are one line each; never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import cli_backup
from .core import formats
from .core.errors import AnnotatorError, StoreError
from .core.exporting import FORMATS, ExportFilter, export
from .core.importing import import_paths
from .core.schema import ARTICLE_STATUSES
from .core.store import Store
from .errorlog import build_report, write_report
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
    parser.add_argument("--debug", action="store_true", help="print tracebacks of errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the annotation window (the default)")
    # For the desktop build's smoke test: open the window, then quit with status 0.
    gui.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)

    imp = sub.add_parser(
        "import",
        help="import articles from files, folders or zips (text, news exports, web, Word, PDF)",
        description="Import articles. What is read from each kind of file:\n\n"
        + formats.DESCRIPTION
        + "\n\nArticles already in the database (same text) are skipped.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    cli_backup.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    db_path = args.db or default_db_path()
    if command == "gui":
        from .gui.app import run_gui

        return run_gui(
            db_path,
            annotator=args.annotator,
            explicit=args.db is not None,
            quit_after=getattr(args, "quit_after", None),
        )
    try:
        if command in _FILE_COMMANDS:
            return _FILE_COMMANDS[command](db_path, args)
        if db_path.parent and not db_path.parent.exists():
            db_path.parent.mkdir(parents=True, exist_ok=True)
        with Store(db_path, annotator=args.annotator) as store:
            return _COMMANDS[command](store, args)
    except AnnotatorError as exc:
        _print_traceback(args)
        print(f"annotator: {exc}", file=sys.stderr)
        hint = cli_backup.damaged_hint(db_path) if isinstance(exc, StoreError) else None
        if hint:
            print(f"annotator: {hint}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `annotator export | head`: the reader has what it wanted; stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        _print_traceback(args)
        print(f"annotator: {exc.filename or db_path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line here, the whole report in the log
        _print_traceback(args)
        log = write_report(build_report(type(exc), exc, exc.__traceback__, context=command))
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(f"annotator: unexpected error ({reason}); details in {log}", file=sys.stderr)
        return 1


def _print_traceback(args: argparse.Namespace) -> None:
    if args.debug:
        traceback.print_exc()


def _import(store: Store, args: argparse.Namespace) -> int:
    report = import_paths(store, args.paths)
    for line in [*report.errors, *report.warnings]:
        print(line, file=sys.stderr)
    for line in report.file_lines():
        print(line)
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


_COMMANDS = {"import": _import, "export": _export, "stats": _stats, "suggest": _suggest}
# Commands on whole files: they never open the database as a Store.
_FILE_COMMANDS = {"backup": cli_backup.run_backup, "restore": cli_backup.run_restore}


if __name__ == "__main__":
    sys.exit(main())

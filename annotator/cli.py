"""The command line: the GUI (default), import, export, stats, search, network,
agreement, suggest, backup, restore, speakers, assign and merge.

Exit status: 0 on success, 1 when some inputs failed (the good ones are kept),
2 on usage errors. Errors are one line each; never a traceback for bad input.
Commands that only read (export, stats, search, network, agreement) open the database
read-only and refuse a path where there is none; import and the window create it and
say so.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import cli_agreement, cli_backup, cli_network, cli_speakers, cli_teams
from .core import formats
from .core.errors import AnnotatorError, StoreError
from .core.exporting import FORMATS, ExportFilter, atomic_output, export
from .core.importing import import_paths
from .core.schema import ARTICLE_STATUSES
from .core.store import NeedsUpgrade, Store
from .core.textio import squash_spaces
from .errorlog import build_report, write_report
from .paths import default_db_path

# Commands that never change the database: opened read-only, never created.
READ_ONLY_COMMANDS = ("export", "stats", "search", "network", "agreement")
# Commands that may create a new database (the window too).
CREATING_COMMANDS = ("import", "merge")

# Control characters (newline, ESC of terminal escape codes) and the bidirectional
# overrides: printed raw they split one problem over lines or rewrite the terminal.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object) -> str:
    """``text`` on one line with control characters shown as escapes (\\n, \\x1b)."""

    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")

    return _UNPRINTABLE.sub(escape, str(text))


def _say(text: object) -> None:
    print(printable(text))


def _complain(text: object) -> None:
    print(printable(text), file=sys.stderr)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("give 1 or more")
    return number


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
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        default=os.environ.get("ANNOTATOR_NAME") or None,
        help="your name on new annotations (default: $ANNOTATOR_NAME, else your login name)",
    )
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

    _add_export_parser(sub)

    sub.add_parser("stats", help="counts per status and label")

    find = sub.add_parser(
        "search",
        help="articles where a phrase occurs (like the window's Search tab)",
        description="One matching article per line: id, hits, title (table), or a JSON "
        "object per line (jsonl). Exit status 0 also when nothing matches.",
    )
    find.add_argument("query", metavar="QUERY", help="words to find; end with * for a prefix")
    find.add_argument("--label", metavar="LABEL", help="only inside highlights with this label")
    find.add_argument(
        "--speaker",
        metavar="NAME",
        help="only in what speakers whose name or alias contains NAME said or are named in",
    )
    find.add_argument("--limit", type=_positive, default=50, metavar="N", help="at most N (50)")
    find.add_argument("--format", choices=("table", "jsonl"), default="table")

    cli_network.add_parser(sub)

    sug = sub.add_parser("suggest", help="pre-annotate quotes, cues and speakers")
    sug.add_argument("--article", action="append", metavar="ID", help="only this article")
    sug.add_argument(
        "--todo", action="store_true", help="only articles still todo for you (--annotator)"
    )
    cli_backup.add_parsers(sub)
    cli_speakers.add_parser(sub)
    cli_agreement.add_parser(sub)
    cli_teams.add_parsers(sub)
    return parser


def _add_export_parser(sub: argparse._SubParsersAction) -> None:
    """The ``export`` command and its filters."""
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
        help="only articles with this status, as the analysts of the exported layers set it "
        "(default: anyone; repeatable)",
    )
    exp.add_argument(
        "--label", action="append", metavar="LABEL", help="only spans with this label (repeatable)"
    )
    exp.add_argument(
        "--annotator",
        dest="layers",
        action="append",
        metavar="NAME",
        help="only this analyst's layer (repeatable; default: every layer)",
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Messages for people: a character the console cannot show must not end the command.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    command = args.command or "gui"
    db_path = args.db or default_db_path()
    if command == "gui":
        from .gui.app import run_gui

        if args.db is not None and not db_path.exists():
            _complain(f"annotator: created new database {db_path}")
        return run_gui(
            db_path,
            annotator=args.annotator,
            explicit=args.db is not None,
            quit_after=getattr(args, "quit_after", None),
        )
    try:
        if command in _FILE_COMMANDS:
            return _FILE_COMMANDS[command](db_path, args)
        with _open(db_path, command, args.annotator) as store:
            status = _COMMANDS[command](store, args)
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
            return status
    except AnnotatorError as exc:
        _print_traceback(args)
        _complain(f"annotator: {exc}")
        hint = cli_backup.damaged_hint(db_path) if isinstance(exc, StoreError) else None
        if hint:
            _complain(f"annotator: {hint}")
        return 1
    except BrokenPipeError:
        # `annotator export | head`: the reader has what it wanted; stop quietly.
        _silence_stdout()
        return 0
    except OSError as exc:
        _print_traceback(args)
        if exc.filename is None:
            # Nothing but the output is written outside the database (sqlite errors
            # are StoreErrors): the output could not be written, not the database.
            _silence_stdout()
            _complain(f"annotator: standard output: cannot write ({exc.strerror or exc})")
        else:
            _complain(f"annotator: {exc.filename}: {exc.strerror or exc}")
        return 1
    except KeyboardInterrupt:
        _complain("annotator: interrupted")
        return 130
    except Exception as exc:  # a bug: one line here, the whole report in the log
        _print_traceback(args)
        log = write_report(build_report(type(exc), exc, exc.__traceback__, context=command))
        reason = squash_spaces(f"{type(exc).__name__}: {exc}")
        print(f"annotator: unexpected error ({reason}); details in {log}", file=sys.stderr)
        return 1


def _print_traceback(args: argparse.Namespace) -> None:
    if args.debug:
        traceback.print_exc()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's flush at exit cannot fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _open(db_path: Path, command: str, annotator: str | None) -> Store:
    """The database for ``command``: read-only for the commands that only read, created
    only by import. Raises StoreError ("no database at PATH") when it is missing."""
    exists = db_path.exists()
    if not exists and command not in CREATING_COMMANDS:
        raise StoreError(f"no database at {db_path}")
    if command in READ_ONLY_COMMANDS:
        try:
            return Store(db_path, annotator=annotator, readonly=True)
        except NeedsUpgrade:
            pass  # an older file: upgraded (after a backup copy) like any open
    if not exists and db_path.parent and not db_path.parent.exists():
        db_path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(db_path, annotator=annotator)
    if not exists:
        _complain(f"annotator: created new database {db_path}")
    return store


def _import(store: Store, args: argparse.Namespace) -> int:
    report = import_paths(store, args.paths)
    for line in [*report.errors, *report.warnings]:
        _complain(line)
    for line in report.file_lines():
        _say(line)
    _say(report.summary())
    return 1 if report.failed else 0


def _export(store: Store, args: argparse.Namespace) -> int:
    flt = ExportFilter(
        statuses=tuple(args.status) if args.status else None,
        labels=tuple(args.label) if args.label else None,
        include_rejected=args.include_rejected,
        include_suggestions=args.include_suggestions,
        annotators=tuple(args.layers) if args.layers else None,
    )
    # Exact data, also in CSV: research scripts read it (the window offers a
    # spreadsheet-safe CSV instead).
    count = export(store, args.output, fmt=args.format, flt=flt)
    if args.output != "-":
        # Told on stderr when the export itself went to stdout (/dev/stdout).
        stream = sys.stderr if _is_stdout(args.output) else sys.stdout
        print(
            printable(f"{count} article{'s' if count != 1 else ''} written to {args.output}"),
            file=stream,
        )
    return 0


def _is_stdout(path: str) -> bool:
    """Whether ``path`` names the file standard output writes to (/dev/stdout, a link)."""
    try:
        out, named = os.fstat(sys.stdout.fileno()), os.stat(path)
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (named.st_dev, named.st_ino)


def _stats(store: Store, args: argparse.Namespace) -> int:
    stats = store.stats()
    _say(f"database: {store.path}")
    _say(f"articles: {stats['articles']}")
    for status in ARTICLE_STATUSES:
        _say(f"  {status}: {stats['by_status'].get(status, 0)}")
    if set(stats["done_by"]) - {store.annotator}:
        # A team's file: the statuses above are this analyst's; say what the others finished.
        done = ", ".join(f"{name} {n}" for name, n in stats["done_by"].items())
        _say(f"  done by analyst: {done}")
    _say(f"spans: {stats['spans']}")
    # Two breakdowns of the same spans, each under its own heading.
    _say("  by label:")
    for label, count in stats["by_label"].items():
        _say(f"    {label}: {count}")
    _say("  by status:")
    for status, count in stats["by_span_status"].items():
        _say(f"    {status}: {count}")
    for key in ("speakers", "claims", "positions", "targets"):
        _say(f"{key}: {stats[key]}")
    return 0


def _search(store: Store, args: argparse.Namespace) -> int:
    from .core.store import queries

    if not queries.Phrase.parse(args.query):
        _complain(f"annotator: search: no letters or digits to look for in {args.query!r}")
        return 2
    flt = queries.ViewFilter(label=args.label, speaker_text=args.speaker or "")
    rows = queries.search(store, args.query, flt, limit=args.limit)
    if args.format == "jsonl":
        with atomic_output("-") as out:  # UTF-8 whatever the locale
            for row in rows:
                record = {
                    "id": row["article_id"],
                    "title": row["title"],
                    "date": row["date"],
                    "hits": [list(hit) for hit in row["hits"]],
                    "snippet": row["snippet"],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    for row in rows:
        print(f"{row['article_id']}\t{len(row['hits'])}\t{printable(row['title'] or '')}")
    return 0


def _suggest(store: Store, args: argparse.Namespace) -> int:
    from .core.suggest.runner import suggest_corpus

    for article_id in args.article or ():
        try:
            store.article(article_id)
        except AnnotatorError:
            _complain(f"annotator: suggest: no article with id {article_id!r}")
            return 2
    report = suggest_corpus(store, article_ids=args.article, only_todo=args.todo)
    _say(report.summary())
    return 0


_COMMANDS = {
    "import": _import,
    "export": _export,
    "stats": _stats,
    "search": _search,
    "network": cli_network.run,
    "suggest": _suggest,
    "speakers": cli_speakers.run,
    "agreement": cli_agreement.run,
    "assign": cli_teams.run_assign,
    "merge": cli_teams.run_merge,
}
# Commands on whole files: they never open the database as a Store.
_FILE_COMMANDS = {"backup": cli_backup.run_backup, "restore": cli_backup.run_restore}


if __name__ == "__main__":
    sys.exit(main())

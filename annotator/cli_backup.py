"""The command line's backup and restore commands, and the hint for a damaged database.

They work on whole files and never open the database as a Store: ``backup`` reads
it through SQLite's backup API, ``restore`` writes a new file only.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from .core import backup
from .core.errors import StoreError


def add_parsers(sub: argparse._SubParsersAction) -> None:
    bak = sub.add_parser(
        "backup",
        help="copy the database into its backup folder (rotated), or into FILE",
        description="A consistent copy of the database, safe while the window is open. "
        f"Without -o it goes into {backup.backup_root()}/<database>/ and old backups are "
        "rotated (the last 10 and one a day for 30 days are kept).",
    )
    bak.add_argument("-o", "--output", metavar="FILE", type=Path, help="a new file to write")
    bak.add_argument("--list", action="store_true", help="list the database's backups instead")

    res = sub.add_parser(
        "restore",
        help="restore a backup into a NEW file",
        description="Check BACKUP and copy it into FILE, which must not exist: restore "
        "never overwrites a database.",
    )
    res.add_argument("backup", metavar="BACKUP", type=Path)
    res.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)


def run_backup(db_path: Path, args: argparse.Namespace) -> int:
    if args.list:
        found = backup.list_backups(db_path)
        for info in found:
            print(backup.describe(info))
        if not found:
            print(f"no backups of {db_path} in {backup.backup_dir(db_path)}")
        return 0
    info = backup.make_backup(db_path, output=args.output)
    print(
        f"{info.articles} articles, {info.annotations} annotations, {info.annotators} "
        f"annotators backed up to {info.path}"
    )
    return 0


def run_restore(db_path: Path, args: argparse.Namespace) -> int:
    info = backup.restore(args.backup, args.output)
    print(
        f"restored {info.articles} articles, {info.annotations} annotations into "
        f"{args.output}; open it with: annotator --db {args.output}"
    )
    return 0


def damaged_hint(db_path: Path) -> str | None:
    """For a database that cannot be read: its newest good backup, and how to restore it.

    None when the file is readable or has no good backup (the error line says enough).
    """
    try:
        if not backup.is_damaged(db_path):
            return None
        best = backup.newest_good_backup(db_path)
    except (OSError, StoreError):
        return None
    if best is None:
        return None
    new = db_path.with_name(f"{db_path.stem}-restored{db_path.suffix}")
    return (
        f"{db_path}: the file is damaged; newest good backup: {best.path} "
        f"({best.created.astimezone():%Y-%m-%d %H:%M}, {best.articles} articles); restore "
        f"it with: annotator restore {shlex.quote(str(best.path))} -o {shlex.quote(str(new))}"
    )

"""Backups: consistent copies of a database, kept in rotation, restored into a new file.

Storage code, like ``store.py``: it works on whole database files through SQLite's
online backup API, and reads the few counts a backup list shows. A backup is taken
from one read snapshot of the source (WAL lets the window keep writing meanwhile),
copied in steps so it can be cancelled, checked, and renamed into place complete; a
backup file is a plain SQLite file (journal mode DELETE) with a small ``.json``
summary beside it, so listing forty backups never opens forty databases.

Backups live in ``<user data>/backups/<database name>-<8 hex>/``: the hex digits come
from the database's full path, so two files called ``annotations.db`` in different
folders never rotate each other's backups away.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import platformdirs

from .errors import StoreError
from .store import files

APP_NAME = "annotator"
_STAMP = "%Y%m%dT%H%M%SZ"
# Pages per backup step (4 KiB pages: 1,024 pages = 4 MiB between cancel checks).
STEP_PAGES = 1024

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups to keep: the newest ``keep_last``, plus the newest backup of
    each of the last ``keep_days`` days. ``interval`` is the least time between two
    automatic backups of a window."""

    keep_last: int = 10
    keep_days: int = 30
    interval: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds (counts are None when unknown)."""

    path: Path
    created: datetime
    articles: int | None = None
    annotations: int | None = None
    annotators: int | None = None

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


class BackupCancelled(Exception):
    """Raised from the progress callback to stop a backup; nothing is left behind."""


def backup_root() -> Path:
    """The folder holding every database's backups (under the user data folder)."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "backups"


def backup_dir(db_path: str | Path, root: Path | None = None) -> Path:
    """The folder of one database's backups."""
    resolved = Path(db_path).expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return (root or backup_root()) / f"{resolved.name}-{digest}"


def _summary_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def signature(db_path: str | Path) -> str | None:
    """The content signature of a database file, or None if it cannot be read."""
    try:
        conn = files.open_query_only(db_path)
        with closing(conn):
            return files.signature(conn)
    except sqlite3.Error:
        return None


def copy_database(
    source: str | Path,
    target: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    pages: int = STEP_PAGES,
    check: bool = True,
) -> dict[str, Any]:
    """Copy the database ``source`` into the new file ``target``; return its counts.

    The copy is one consistent snapshot even while other connections write: the
    source connection holds a read transaction across all steps, so the backup never
    restarts. It is written beside ``target`` and renamed into place when complete
    and checked. ``progress(done_pages, total_pages)`` is called after each step;
    ``cancelled()`` returning True stops it (raises BackupCancelled). ``check``
    runs ``PRAGMA quick_check`` on the copy (about half the time on a large file), so
    that a damaged source never becomes a backup that rotates good ones away.

    Raises:
        StoreError: ``target`` exists, the source cannot be read, or the copy fails
            its integrity check.
        BackupCancelled: ``cancelled()`` said so.
    """
    source, target = Path(source), Path(target)
    if target.exists():
        raise StoreError(f"{target}: already exists; a backup or restore never overwrites a file")
    if not source.is_file():
        raise StoreError(f"{source}: no such database file")
    if not target.parent.is_dir():
        raise StoreError(f"{target.parent}: no such folder")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        src = files.open_query_only(source, busy_ms=10000)
        with closing(src):
            dest = sqlite3.connect(str(partial))
            with closing(dest):

                def step(_status: int, remaining: int, total: int) -> None:
                    if cancelled is not None and cancelled():
                        raise BackupCancelled
                    if progress is not None:
                        progress(total - remaining, total)

                counts, result = files.copy_snapshot(src, dest, pages=pages, step=step, check=check)
                if result != "ok":
                    raise StoreError(f"{source}: the copy failed its integrity check ({result})")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise StoreError(f"{source}: cannot copy the database ({exc})") from None
    finally:
        partial.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return counts


def make_backup(
    db_path: str | Path,
    *,
    root: Path | None = None,
    output: str | Path | None = None,
    clock: Clock = utc_now,
    policy: BackupPolicy | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    pages: int = STEP_PAGES,
    only_if_changed: bool = False,
) -> BackupInfo | None:
    """Back up ``db_path`` into its backup folder (then rotate it), or into ``output``.

    With ``only_if_changed``, nothing is made (None is returned) when the content is
    the same as in the newest backup.

    Raises:
        StoreError: the database cannot be read, or ``output`` exists.
        BackupCancelled: ``cancelled()`` said so; no file is left.
    """
    created = clock().astimezone(UTC).replace(microsecond=0)
    if only_if_changed and output is None:
        newest = _newest_summary(db_path, root)
        if newest.get("signature") is not None and newest["signature"] == signature(db_path):
            return None
    if output is not None:
        target = Path(output)
    else:
        folder = backup_dir(db_path, root)
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_name(folder, created)
    counts = copy_database(db_path, target, progress=progress, cancelled=cancelled, pages=pages)
    sig = counts.pop("signature")
    info = BackupInfo(target, created, **counts)
    if output is None:
        summary = {
            "created": created.strftime(_STAMP),
            "source": str(db_path),
            "signature": sig,
            **counts,
        }
        with suppress(OSError):
            _summary_path(target).write_text(json.dumps(summary), encoding="utf-8")
        prune(target.parent, now=created, policy=policy or BackupPolicy())
    return info


def _newest_summary(db_path: str | Path, root: Path | None) -> dict[str, Any]:
    for info in list_backups(db_path, root=root):
        with suppress(OSError, ValueError):
            return json.loads(_summary_path(info.path).read_text(encoding="utf-8"))
        break
    return {}


def _free_name(folder: Path, created: datetime) -> Path:
    stamp = created.strftime(_STAMP)
    target = folder / f"{stamp}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{n}.db"
    return target


def _created(path: Path) -> datetime | None:
    stamp = path.stem.split("-")[0]
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _order(backup: BackupInfo) -> tuple[datetime, int]:
    """Oldest first; two backups of one second are told apart by their -N suffix."""
    _, _, n = backup.path.stem.partition("-")
    return backup.created, int(n) if n.isdigit() else 1


def list_backups(db_path: str | Path, *, root: Path | None = None) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first, with their counts when known."""
    folder = backup_dir(db_path, root)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        created = _created(path)
        if created is None:
            continue
        counts: dict[str, int | None] = {}
        with suppress(OSError, ValueError, TypeError):
            data = json.loads(_summary_path(path).read_text(encoding="utf-8"))
            counts = {k: int(data[k]) for k in ("articles", "annotations", "annotators")}
        found.append(BackupInfo(path, created, **counts))
    return sorted(found, key=_order, reverse=True)


def kept(backups: Iterable[BackupInfo], *, now: datetime, policy: BackupPolicy) -> set[Path]:
    """Which backups the rotation keeps: the newest ``keep_last``, and the newest of
    each day (UTC) among the last ``keep_days`` days."""
    ordered = sorted(backups, key=_order, reverse=True)
    keep = {b.path for b in ordered[: policy.keep_last]}
    first_day = (now.astimezone(UTC) - timedelta(days=policy.keep_days - 1)).date()
    days_seen = set()
    for backup in ordered:
        day = backup.created.date()
        if day >= first_day and day not in days_seen:
            days_seen.add(day)
            keep.add(backup.path)
    return keep


def prune(folder: Path, *, now: datetime, policy: BackupPolicy) -> list[Path]:
    """Delete the backups in ``folder`` the rotation does not keep; return them."""
    backups = [
        BackupInfo(p, created) for p in folder.glob("*.db") if (created := _created(p)) is not None
    ]
    keep = kept(backups, now=now, policy=policy)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with suppress(OSError):
                backup.path.unlink()
                _summary_path(backup.path).unlink(missing_ok=True)
                removed.append(backup.path)
    return removed


def inspect_backup(path: str | Path) -> BackupInfo:
    """Check a backup file and read its counts.

    Raises:
        StoreError: the file is missing, damaged or not an Annotator database.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such backup file")
    try:
        conn = files.open_readonly(path)
        with closing(conn):
            check = files.quick_check(conn)
            if check != "ok":
                raise StoreError(f"{path}: the backup is damaged ({check})")
            if not files.holds_annotations(conn):
                raise StoreError(f"{path}: not an Annotator database")
            counts = files.counts(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: the backup is damaged or not a database ({exc})") from None
    return BackupInfo(path, _created(path) or _mtime(path), **counts)


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def is_damaged(db_path: str | Path) -> bool:
    """True when the file exists but SQLite cannot read it whole (checks every page)."""
    path = Path(db_path)
    if not path.is_file():
        return False
    try:
        conn = files.open_readonly(path)
        with closing(conn):
            return files.quick_check(conn) != "ok"
    except sqlite3.Error:
        return True


def newest_good_backup(db_path: str | Path, *, root: Path | None = None) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes its check, or None."""
    for backup in list_backups(db_path, root=root):
        try:
            return inspect_backup(backup.path)
        except StoreError:
            continue
    return None


def restore(
    backup: str | Path,
    target: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> BackupInfo:
    """Restore ``backup`` into the NEW file ``target`` (never overwritten).

    The backup is checked first; a damaged one is refused and no file is made.

    Raises:
        StoreError: ``target`` exists, or the backup is missing, damaged or foreign.
    """
    target = Path(target)
    if target.exists():
        raise StoreError(f"{target}: already exists; restore never overwrites a file")
    info = inspect_backup(backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    # inspect_backup has just checked every page: the copy needs no second check.
    copy_database(backup, target, progress=progress, check=False)
    return BackupInfo(target, info.created, info.articles, info.annotations, info.annotators)


def describe(info: BackupInfo) -> str:
    """One line for a person: local date and time, and the counts."""
    when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
    if info.articles is None:
        return f"{when}  {info.path}"
    return (
        f"{when}  {info.articles} articles, {info.annotations} annotations, "
        f"{info.annotators} annotator{'s' if info.annotators != 1 else ''}  {info.path}"
    )

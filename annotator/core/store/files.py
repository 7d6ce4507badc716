"""Reading and copying database files other than an open Store (backups, restores).

Plain sqlite3 connections: a backup must be readable even when its schema is older
than this version's, and a copy must never migrate or configure the source.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path


def open_query_only(path: str | Path, *, busy_ms: int | None = None) -> sqlite3.Connection:
    """A read-write connection that may only read (``PRAGMA query_only``).

    Read-write but query-only: a read-only connection could not tidy away the
    -wal/-shm files it makes beside a database nobody else has open.
    """
    conn = sqlite3.connect(str(path), timeout=10.0)
    conn.execute("PRAGMA query_only=1")
    if busy_ms is not None:
        conn.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    return conn


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path`` (``mode=ro``)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def signature(conn: sqlite3.Connection) -> str:
    """What changes whenever the database's content does: every action adds a history
    row or flips one (undo, redo), and imports change the counts."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM spans), "
        "(SELECT count(*) FROM claims), (SELECT count(*) FROM positions), "
        "(SELECT count(*) FROM speakers), (SELECT max(id) FROM history), "
        "(SELECT total(undone) FROM history)"
    ).fetchone()
    return " ".join(map(str, row))


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many articles, annotations (highlights) and annotators the file holds."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM spans), "
        "(SELECT count(DISTINCT annotator) FROM spans WHERE annotator IS NOT NULL)"
    ).fetchone()
    return {"articles": row[0], "annotations": row[1], "annotators": row[2]}


def quick_check(conn: sqlite3.Connection) -> str:
    """SQLite's ``quick_check`` of every page: "ok", or what is wrong."""
    return conn.execute("PRAGMA quick_check").fetchone()[0]


def holds_annotations(conn: sqlite3.Connection) -> bool:
    """True when the file has the tables of an Annotator database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    return {"articles", "spans", "history"} <= tables


def copy_snapshot(
    src: sqlite3.Connection,
    dest: sqlite3.Connection,
    *,
    pages: int,
    step: Callable[[int, int, int], object],
    check: bool,
) -> tuple[dict[str, int | str], str]:
    """Copy ``src`` into ``dest`` from one read snapshot; its counts (with
    ``signature``) and the copy's ``quick_check`` result ("ok" when not ``check``)."""
    # One read snapshot for the whole copy (and the counts that go with it).
    src.execute("BEGIN")
    found: dict[str, int | str] = dict(counts(src))
    found["signature"] = signature(src)
    src.backup(dest, pages=pages, progress=step, sleep=0)
    src.execute("COMMIT")
    # A backup is one plain file: no -wal beside it when it is copied around.
    dest.execute("PRAGMA journal_mode=DELETE")
    return found, quick_check(dest) if check else "ok"

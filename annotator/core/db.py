"""Opening an Annotator database: connect, configure, migrate, transactions, queries.

A :class:`Database` is one sqlite connection (through sqlite-utils) that belongs to
the thread that made it. It refuses files it does not know, upgrades older schemas
(after a backup copy beside the file) and runs write transactions:
nested ``transaction()`` calls join the outer one, so one user action is one commit.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import sqlite_utils

from . import schema
from .errors import StoreError
from .textio import squash_spaces


class NeedsUpgrade(StoreError):
    """A file with an older schema, opened read-only: it must be upgraded first."""


def describe_sqlite_error(exc: sqlite3.Error, path: str) -> str:
    """One line for the user naming the file and what went wrong with it."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"{path}: the database is locked by another program; try again in a moment"
    if "readonly" in text or "read-only" in text:
        return f"{path}: the database is read-only; nothing was saved"
    if "disk is full" in text or "full" in text:
        return f"{path}: the disk is full; nothing was saved"
    if "not a database" in text or "malformed" in text:
        return f"{path}: not an Annotator database, or the file is damaged ({text})"
    if "unable to open" in text:
        return f"{path}: cannot open the database file (check the folder exists and is writable)"
    return f"{path}: {text}"


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that reads ``path`` and never writes in its folder.

    ``mode=ro`` still needs the WAL index beside the file; on a read-only mount
    (where nobody can write either) it is opened as immutable instead.
    """
    if not path.is_file():
        raise StoreError(f"no database at {path}")
    uri = "file:" + urllib.parse.quote(str(path.absolute())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
            raise
    conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, timeout=5.0)
    return conn


class Database:
    """One open database file (or ``:memory:``), configured and at the current schema.

    Parameters:
        path: the file; None with ``memory=True``.
        memory: a throwaway database in memory.
        readonly: read an existing file without changing anything in or beside it.
        backup_before_migrate: copy an older file to ``<name>.schema<N>.bak`` first.

    Raises:
        StoreError: the file is a folder, foreign, newer, damaged, locked or missing
            (readonly), with one line naming it.
        NeedsUpgrade: ``readonly`` and the file has an older schema.
    """

    def __init__(
        self,
        path: Path | None,
        *,
        memory: bool = False,
        readonly: bool = False,
        backup_before_migrate: bool = True,
    ) -> None:
        self.path = None if memory else path
        self.readonly = readonly and not memory
        self.where = ":memory:" if self.path is None else str(self.path)
        self._depth = 0
        try:
            if self.path is not None and self.path.is_dir():
                raise StoreError(f"{self.where}: is a folder, not a database file")
            if self.readonly:
                conn = _connect_readonly(self.path)  # type: ignore[arg-type]
            else:
                conn = sqlite3.connect(self.where, isolation_level=None, timeout=5.0)
            try:
                self.db = sqlite_utils.Database(conn)
                # Refuse a newer or foreign file before anything (even the journal
                # mode) is changed in it, and leave no connection behind.
                self._refuse_unknown()
                if self.readonly:
                    self._configure_readonly()
                else:
                    self._configure()
                    self._check_and_migrate(backup_before_migrate)
            except BaseException:
                conn.close()
                raise
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(exc, self.where)) from None

    # -- opening -----------------------------------------------------------

    def _configure(self) -> None:
        if self.path is not None:
            mode = self.db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode.lower() != "wal":
                self.db.execute("PRAGMA journal_mode=DELETE")
        # FULL: a commit survives a power cut, not only a crash of the program.
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=5000")

    def _configure_readonly(self) -> None:
        if self.schema_version() == 0:
            raise StoreError(f"no database at {self.path} (the file is empty)")
        if self.schema_version() < schema.SCHEMA_VERSION:
            raise NeedsUpgrade(
                f"{self.path}: schema {self.schema_version()} is older than this version's "
                f"({schema.SCHEMA_VERSION}); open it once in the window or with import to upgrade"
            )
        self.db.execute("PRAGMA query_only=ON")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=5000")

    def _refuse_unknown(self) -> None:
        version = self.schema_version()
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"{self.where}: made by a newer version of Annotator (schema {version}; this "
                f"version knows up to {schema.SCHEMA_VERSION}); please upgrade Annotator"
            )
        tables = self.db.table_names()
        shown = ", ".join(tables[:5])
        if version == 0 and tables:
            raise StoreError(f"{self.where}: not an Annotator database (it holds tables {shown})")
        # Other programs set user_version too: a version alone does not make it ours.
        if version > 0 and not {"articles", "spans", "history"} <= set(tables):
            raise StoreError(
                f"{self.where}: not an Annotator database (schema {version}, but it holds "
                f"tables {shown or 'none'})"
            )

    def _check_and_migrate(self, backup: bool) -> None:
        version = self.schema_version()
        if version == schema.SCHEMA_VERSION:
            return
        if version > 0 and backup and self.path is not None:
            self.backup_copy(version)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for step in range(version, schema.SCHEMA_VERSION):
                schema.MIGRATIONS[step](self.db)
            self.db.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
            self.db.execute("COMMIT")
        except BaseException as exc:
            self.db.execute("ROLLBACK")
            if isinstance(exc, Exception) and not isinstance(exc, (sqlite3.Error, StoreError)):
                # A bug in a migration is still one line for the user, never a traceback.
                reason = squash_spaces(f"{type(exc).__name__}: {exc}")
                raise StoreError(
                    f"{self.path}: could not upgrade the database from schema {version} to "
                    f"{schema.SCHEMA_VERSION} ({reason}); the file was left as it was"
                ) from exc
            raise

    def backup_copy(self, version: int) -> Path:
        """Copy the file, as it is, to ``<name>.schema<version>.bak``; returns that path."""
        assert self.path is not None
        target = self.path.with_name(f"{self.path.name}.schema{version}.bak")
        dest = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()
        return target

    def schema_version(self) -> int:
        """The schema version stored in the file (0 for a new, empty one)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """Changes whenever another connection commits to the file (to reload on focus)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        """Close the connection (a second close does nothing)."""
        with suppress(sqlite3.Error):
            self.db.conn.close()

    # -- transactions ------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one.

        Raises:
            StoreError: the file is locked, read-only or full (rolled back, one line).
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(exc, self.where)) from None
        self._depth = 1
        try:
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(describe_sqlite_error(exc, self.where)) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every read inside sees one state of the database, even
        while another connection writes (inside a transaction already, that one)."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")  # reads only: ends the snapshot

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")

    # -- queries -------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[dict[str, Any]]:
        """Every row of ``sql`` as a dict of column name to value."""
        return list(self.db.query(sql, params))

    def one(self, sql: str, params: Sequence[Any] | dict = ()) -> dict[str, Any] | None:
        """The first row of ``sql`` as a dict, or None."""
        return next(iter(self.db.query(sql, params)), None)

    def value(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        """The first column of the first row of ``sql`` (None when there is no row)."""
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

    def get(self, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
        """The row of ``table`` with this primary key, or None."""
        where = " AND ".join(f'"{c}" = ?' for c in key)
        return self.one(f"SELECT * FROM {table} WHERE {where}", list(key.values()))

    def insert(self, table: str, row: dict[str, Any]) -> None:
        """Insert one row by named columns."""
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))

    def set_columns(self, table: str, key: dict, values: dict) -> None:
        """Set some columns of the row with this primary key (nothing for no values)."""
        if not values:
            return
        sets = ", ".join(f'"{c}" = ?' for c in values)
        where = " AND ".join(f'"{c}" = ?' for c in key)
        self.db.execute(
            f"UPDATE {table} SET {sets} WHERE {where}", [*values.values(), *key.values()]
        )

    def delete(self, table: str, key: dict[str, Any]) -> None:
        """Delete the row with this primary key (if any)."""
        where = " AND ".join(f'"{c}" = ?' for c in key)
        self.db.execute(f"DELETE FROM {table} WHERE {where}", list(key.values()))

    def put_image(self, table: str, key: dict, image: dict | None) -> None:
        """Make the row with this key be ``image`` (inserted or overwritten), or gone (None)."""
        if image is None:
            self.delete(table, key)
            return
        cols = ", ".join(f'"{c}"' for c in image)
        marks = ", ".join("?" for _ in image)
        pk = ", ".join(f'"{c}"' for c in key)
        others = [c for c in image if c not in key]
        update = ", ".join(f'"{c}" = excluded."{c}"' for c in others) or None
        conflict = f"DO UPDATE SET {update}" if update else "DO NOTHING"
        self.db.execute(
            f"INSERT INTO {table} ({cols}) VALUES ({marks}) ON CONFLICT ({pk}) {conflict}",
            list(image.values()),
        )

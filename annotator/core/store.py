"""The one place that talks SQL: articles, spans, speakers, claims, positions, undo.

Every user action is one committed transaction (WAL, synchronous=FULL) and one row
in ``history`` holding the before and after image of every row it touched, so undo
and redo survive a restart and a crash loses nothing that was acknowledged.
"""

from __future__ import annotations

import json
import operator
import os
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from . import schema
from .clock import new_id, now
from .errors import IntegrityError, OffsetError, StoreError, UndoConflict
from .names import NameMatcher, normalise_name
from .textio import normalise_text, sha256_text

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "speakers": ("id",),
    "targets": ("id",),
    "spans": ("id",),
    "claims": ("id",),
    "claim_spans": ("claim_id", "span_id"),
    "positions": ("id",),
    "position_evidence": ("position_id", "claim_id"),
    "speaker_distinct": ("speaker_a", "speaker_b"),
}

# Every reference between the tables: (child table, column, parent table, may be NULL).
_REFERENCES: tuple[tuple[str, str, str, bool], ...] = (
    ("spans", "article_id", "articles", False),
    ("spans", "speaker_id", "speakers", True),
    ("claims", "article_id", "articles", False),
    ("claims", "speaker_id", "speakers", True),
    ("claims", "mention_span_id", "spans", True),
    ("claims", "cue_span_id", "spans", True),
    ("claim_spans", "claim_id", "claims", False),
    ("claim_spans", "span_id", "spans", False),
    ("positions", "article_id", "articles", False),
    ("positions", "speaker_id", "speakers", True),
    ("positions", "target_id", "targets", False),
    ("position_evidence", "position_id", "positions", False),
    ("position_evidence", "claim_id", "claims", False),
)
_PARENTS = frozenset(parent for _c, _col, parent, _n in _REFERENCES)
# Corpus-wide rows: others' work may name them, so an undo keeps one still in use.
_SHARED = frozenset({"speakers", "targets"})
# The columns that point at an article or a target (see Store._same_content_elsewhere).
_REMAPPED = frozenset({"article_id", "target_id"})
_NOUNS = {
    "articles": "article",
    "spans": "highlight",
    "claims": "claim",
    "positions": "position",
    "speakers": "speaker",
    "targets": "target",
}


def normalise_target(name: str) -> str:
    """The form two target names are compared in: same result, same target.

    Runs of whitespace become one space, the ends are trimmed and case is folded
    the Unicode way ("Énergie" and " énergie " are one target). The store, import
    and export all match targets with this function.
    """
    return " ".join(name.split()).casefold()


@dataclass
class ActionGroup:
    """Actions written in several transactions that undo and redo as one step."""

    name: str
    id: int | None = None


def _footprint(entries: list[dict]) -> tuple[dict[tuple, bool], set[tuple]]:
    """The rows history entries touch (True: the row was added or removed) and the
    rows their images refer to."""
    touched: dict[tuple, bool] = {}
    refers: set[tuple] = set()
    for entry in entries:
        table = entry["t"]
        key = (table, *(entry["k"][c] for c in PRIMARY_KEYS[table]))
        touched[key] = touched.get(key, False) or not entry.get("u")
        for child, column, parent, _nullable in _REFERENCES:
            if child != table:
                continue
            for image in (entry["a"], entry["b"]):
                if image and image.get(column) is not None:
                    refers.add((parent, image[column]))
    return touched, refers


def _overlaps(mine: tuple[dict, set], theirs: tuple[dict, set]) -> bool:
    """True when ``theirs`` depends on ``mine`` or the other way round: both touch one
    row and one of them adds or removes it, or one refers to a row the other adds or
    removes. ``theirs`` naming a speaker or target ``mine`` added is no dependency:
    the step keeps that row (see ``_shared_in_use``)."""
    touched, refers = mine
    other_touched, other_refers = theirs
    for key, existence in touched.items():
        if key in other_touched and (existence or other_touched[key]):
            return True
    added = {k for k, e in touched.items() if e and k[0] not in _SHARED}
    other_added = {k for k, e in other_touched.items() if e}
    return bool(other_refers & added or refers & other_added)


def _shared_in_use(mine: tuple[dict, set], theirs: tuple[dict, set]) -> set[str]:
    """Ids of the speakers and targets ``mine`` adds or removes that ``theirs`` names."""
    touched, _refers = mine
    _other_touched, other_refers = theirs
    return {k[1] for k, e in touched.items() if e and k[0] in _SHARED and k in other_refers}


@dataclass(frozen=True)
class Changes:
    """What an action touched, so views refresh only what they show."""

    action: str
    articles: frozenset[str] = frozenset()
    tables: frozenset[str] = frozenset()

    def touches(self, table: str) -> bool:
        return table in self.tables


@dataclass
class _Journal:
    action: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)

    def record(self, table: str, before: dict | None, after: dict | None) -> None:
        """An insert (before None), a delete (after None) or an update of one row.

        Updates keep only the columns that changed: marking a long article done must
        not copy its whole text into the history twice.
        """
        row = after if after is not None else before
        assert row is not None
        key = {col: row[col] for col in PRIMARY_KEYS[table]}
        article = row["id"] if table == "articles" else row.get("article_id")
        entry: dict[str, Any] = {"t": table, "k": key, "b": before, "a": after, "art": article}
        if before is not None and after is not None:
            changed = [c for c in after if after[c] != before.get(c)]
            entry.update(
                u=1, b={c: before.get(c) for c in changed}, a={c: after[c] for c in changed}
            )
        self.entries.append(entry)
        if article:
            self.articles.add(article)

    def changes(self) -> Changes:
        return Changes(
            self.action, frozenset(self.articles), frozenset(e["t"] for e in self.entries)
        )


def _describe_sqlite_error(exc: sqlite3.Error, path: str) -> str:
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


class NeedsUpgrade(StoreError):
    """A file with an older schema, opened read-only: it must be upgraded first."""


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


class Store:
    """An Annotator database: open it, read and change annotations, undo.

    ``Store(path)`` opens (and creates or migrates) a database file;
    ``Store(memory=True)`` makes a throwaway one. A Store belongs to the thread
    that made it, like the sqlite connection inside it.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        memory: bool = False,
        annotator: str | None = None,
        backup_before_migrate: bool = True,
        readonly: bool = False,
    ) -> None:
        """``readonly``: open an existing file for reading only (export, stats, search):
        nothing in it or beside it is created or changed, so a file on a read-only mount
        can be read. Raises StoreError when the file does not exist, and NeedsUpgrade
        when it has an older schema (reading only, it cannot be migrated)."""
        if path is None and not memory:
            raise ValueError("give a path or memory=True")
        self.path = None if memory else Path(path)  # type: ignore[arg-type]
        self.annotator = annotator or _default_annotator()
        self.readonly = readonly and not memory
        where = ":memory:" if memory else str(self.path)
        try:
            if self.path is not None and self.path.is_dir():
                raise StoreError(f"{where}: is a folder, not a database file")
            if self.readonly:
                conn = _connect_readonly(self.path)  # type: ignore[arg-type]
            else:
                conn = sqlite3.connect(where, isolation_level=None, timeout=5.0)
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
            raise StoreError(_describe_sqlite_error(exc, where)) from None
        self._depth = 0

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

    def data_version(self) -> int:
        """Changes whenever another connection commits to the file (to reload on focus)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _refuse_unknown(self) -> None:
        version = self.schema_version()
        where = str(self.path) if self.path else ":memory:"
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"{where}: made by a newer version of Annotator (schema {version}; this "
                f"version knows up to {schema.SCHEMA_VERSION}); please upgrade Annotator"
            )
        tables = self.db.table_names()
        shown = ", ".join(tables[:5])
        if version == 0 and tables:
            raise StoreError(f"{where}: not an Annotator database (it holds tables {shown})")
        # Other programs set user_version too: a version alone does not make it ours.
        if version > 0 and not {"articles", "spans", "history"} <= set(tables):
            raise StoreError(
                f"{where}: not an Annotator database (schema {version}, but it holds "
                f"tables {shown or 'none'})"
            )

    def _check_and_migrate(self, backup: bool) -> None:
        version = self.schema_version()
        if version == schema.SCHEMA_VERSION:
            return
        if version > 0 and backup and self.path is not None:
            self._backup_copy(version)
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
                reason = " ".join(f"{type(exc).__name__}: {exc}".split())
                raise StoreError(
                    f"{self.path}: could not upgrade the database from schema {version} to "
                    f"{schema.SCHEMA_VERSION} ({reason}); the file was left as it was"
                ) from exc
            raise

    def _backup_copy(self, version: int) -> Path:
        assert self.path is not None
        target = self.path.with_name(f"{self.path.name}.schema{version}.bak")
        dest = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()
        return target

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        where = str(self.path) if self.path else ":memory:"
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(_describe_sqlite_error(exc, where)) from None
        self._depth = 1
        try:
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(_describe_sqlite_error(exc, where)) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")

    @contextmanager
    def _action(self, name: str, group: ActionGroup | None = None) -> Iterator[_Journal]:
        journal = _Journal(name)
        with self.transaction():
            yield journal
            if journal.entries:
                # A new action makes this annotator's undone ones unreachable, as in
                # any editor; the redo of others stays theirs.
                self.db.execute(
                    "DELETE FROM history WHERE undone = 1 AND annotator = ?", [self.annotator]
                )
                cursor = self.db.execute(
                    "INSERT INTO history (action, created, changes, annotator, grp) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        group.name if group else name,
                        now(),
                        json.dumps(journal.entries, ensure_ascii=False),
                        self.annotator,
                        group.id if group else None,
                    ),
                )
                if group is not None and group.id is None:
                    group.id = cursor.lastrowid
                    self.db.execute("UPDATE history SET grp = id WHERE id = ?", [group.id])

    # -- row helpers that feed the journal -----------------------------------

    def _query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] | dict = ()) -> dict[str, Any] | None:
        rows = self._query(sql, params)
        return rows[0] if rows else None

    def _get(self, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
        where = " AND ".join(f'"{c}" = ?' for c in key)
        return self._one(f"SELECT * FROM {table} WHERE {where}", list(key.values()))

    def _insert(self, j: _Journal, table: str, row: dict[str, Any]) -> None:
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))
        j.record(table, None, dict(row))

    def _update(self, j: _Journal, table: str, key: dict[str, Any], changes: dict) -> dict:
        before = self._get(table, key)
        if before is None:
            raise IntegrityError(f"no {table[:-1]} with id {next(iter(key.values()))}")
        after = {**before, **changes}
        if after == before:
            return after
        sets = ", ".join(f'"{c}" = ?' for c in changes)
        where = " AND ".join(f'"{c}" = ?' for c in key)
        self.db.execute(
            f"UPDATE {table} SET {sets} WHERE {where}",
            [*changes.values(), *key.values()],
        )
        j.record(table, before, after)
        return after

    def _delete(self, j: _Journal, table: str, key: dict[str, Any]) -> None:
        before = self._get(table, key)
        if before is None:
            return
        where = " AND ".join(f'"{c}" = ?' for c in key)
        self.db.execute(f"DELETE FROM {table} WHERE {where}", list(key.values()))
        j.record(table, before, None)

    def _put_image(self, table: str, key: dict, image: dict | None) -> None:
        where = " AND ".join(f'"{c}" = ?' for c in key)
        if image is None:
            self.db.execute(f"DELETE FROM {table} WHERE {where}", list(key.values()))
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

    # -- undo and redo -----------------------------------------------------
    #
    # Undo is per annotator: each Store undoes and redoes the steps of its own
    # ``annotator``. A step is one history row, or every row of a group (a suggestion
    # run). A step is refused, with one sentence, when a later action (anyone's)
    # depends on it; rows outside the history (imports) that depend on what a step
    # removes are detached or removed with it, and the opposite step puts them back.

    def undo_label(self) -> str | None:
        """The name of the action ``undo()`` would undo next, or None."""
        head = self._step_head(undo=True)
        return head["action"] if head else None

    def redo_label(self) -> str | None:
        """The name of the action ``redo()`` would redo next, or None."""
        head = self._step_head(undo=False)
        return head["action"] if head else None

    def undo(self) -> Changes | None:
        """Undo this annotator's latest action still done; None when there is none.

        Raises:
            UndoConflict: a later action (of anyone) depends on it, or the database
                changed since so that it cannot be reversed; nothing was changed.
        """
        return self._replay(undo=True)

    def redo(self) -> Changes | None:
        """Redo this annotator's earliest undone action; None when there is none.

        Raises:
            UndoConflict: the database changed since so that it cannot be redone;
                nothing was changed.
        """
        return self._replay(undo=False)

    def action_group(self, name: str) -> ActionGroup:
        """A group of actions (each its own transaction) undone and redone as one step."""
        return ActionGroup(name)

    def _step_head(self, *, undo: bool) -> dict[str, Any] | None:
        """The history row naming the next step. A group stands where it started: an
        action made while a suggestion run went on is undone before the run."""
        if not undo:
            return self._one(
                "SELECT id, grp, action FROM history WHERE annotator = ? AND undone = 1 "
                "ORDER BY id ASC LIMIT 1",
                [self.annotator],
            )
        head = self._one(
            "SELECT id, grp, action FROM history WHERE annotator = ? AND undone = 0 "
            "ORDER BY id DESC LIMIT 1",
            [self.annotator],
        )
        if head is not None and head["grp"] is not None:
            inside = self._one(
                "SELECT id, grp, action FROM history WHERE annotator = ? AND undone = 0 "
                "AND id > ? AND id < ? AND (grp IS NULL OR grp != ?) ORDER BY id DESC LIMIT 1",
                [self.annotator, head["grp"], head["id"], head["grp"]],
            )
            head = inside or head
        return head

    def _step(self, *, undo: bool) -> list[dict[str, Any]]:
        """The history rows of the next undo (or redo) step, in the order they were done."""
        head = self._step_head(undo=undo)
        if head is None:
            return []
        if head["grp"] is None:
            return self._query("SELECT * FROM history WHERE id = ?", [head["id"]])
        return self._query("SELECT * FROM history WHERE grp = ? ORDER BY id", [head["grp"]])

    def _replay(self, *, undo: bool) -> Changes | None:
        verb = "undo" if undo else "redo"
        with self.transaction():
            rows = self._step(undo=undo)
            if not rows:
                return None
            label = rows[0]["action"]
            done_order = [e for r in rows for e in json.loads(r["changes"])]
            keep = self._refuse_if_others_depend(rows, done_order, undo=undo, label=label)
            # Rows come back in an order foreign keys may dislike until the end.
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            entries = list(reversed(done_order)) if undo else done_order
            remap = self._same_content_elsewhere(entries, undo=undo)
            self._rename_in_history(remap)
            put_back: list[tuple[str, dict]] = []
            gone: list[tuple[str, dict, dict]] = []
            detached = _Journal(label)
            try:
                for entry in entries:
                    self._apply(entry, undo=undo, remap=remap, put_back=put_back, gone=gone)
                # What the opposite step detached from rows outside the history comes back.
                previous = json.loads(rows[0]["detached"] or "[]")
                for entry in reversed(previous):
                    self._apply(entry, undo=True, remap=remap, put_back=put_back, gone=gone)
                self._detach_dependents(detached, gone, keep)
            except sqlite3.IntegrityError as exc:
                raise UndoConflict(
                    f"Cannot {verb} “{label}”: the database has changed since in a way that "
                    f"conflicts with it ({exc}); nothing was changed."
                ) from None
            self._refuse_dangling(put_back, verb=verb, label=label)
            # A group is found by its grp (a run may have more rows than SQL parameters).
            first, group = rows[0]["id"], rows[0]["grp"]
            self.db.execute(
                "UPDATE history SET undone = ? WHERE id = ? OR grp = ?",
                [1 if undo else 0, first, group],
            )
            self.db.execute(
                "UPDATE history SET detached = ? WHERE id = ?",
                [
                    json.dumps(detached.entries, ensure_ascii=False) if detached.entries else None,
                    first,
                ],
            )
        touched = [*done_order, *previous, *detached.entries]
        return Changes(
            ("Undo " if undo else "Redo ") + label,
            frozenset(remap.get(e["art"], e["art"]) for e in touched if e.get("art")),
            frozenset(e["t"] for e in touched),
        )

    def _refuse_if_others_depend(
        self, rows: list[dict[str, Any]], entries: list[dict], *, undo: bool, label: str
    ) -> set[str]:
        """Raise UndoConflict when a later action outside this step builds on it.

        For a redo, an earlier action someone else undid since counts too. Returns
        the ids of the speakers and targets of this step that those actions name:
        the step keeps them, so undoing those actions finds them.
        """
        first, group = rows[0]["id"], rows[0]["grp"]
        sql = (
            "SELECT id, action, annotator, changes FROM history "
            "WHERE id > ? AND undone = 0 AND (grp IS NULL OR grp IS NOT ?)"
        )
        params: list[Any] = [first, group]
        if not undo:
            sql += " UNION ALL SELECT id, action, annotator, changes FROM history "
            sql += "WHERE id < ? AND undone = 1 AND annotator IS NOT ?"
            params += [first, self.annotator]
        others = self._query(sql + " ORDER BY id", params)
        keep: set[str] = set()
        if not others:
            return keep
        mine = _footprint(entries)
        for other in others:
            theirs = _footprint(json.loads(other["changes"]))
            keep |= _shared_in_use(mine, theirs)
            if _overlaps(mine, theirs):
                who = "you" if other["annotator"] == self.annotator else other["annotator"]
                if undo:
                    reason = f"the later action “{other['action']}” by {who} depends on it"
                else:
                    reason = f"it conflicts with “{other['action']}” by {who}"
                raise UndoConflict(
                    f"Cannot {'undo' if undo else 'redo'} “{label}”: {reason}; nothing was changed."
                )
        return keep

    def _same_content_elsewhere(self, entries: list[dict], *, undo: bool) -> dict[str, str]:
        """Rows this step puts back whose text (article) or name (target) is now stored
        under another id, e.g. an article imported again after it was deleted: the
        step's rows attach to that one instead of making a second copy."""
        remap: dict[str, str] = {}
        for entry in entries:
            image = entry["b"] if undo else entry["a"]
            if entry.get("u") or image is None:
                continue
            if entry["t"] == "articles":
                found = self.db.execute(
                    "SELECT id FROM articles WHERE text_sha256 = ? AND id != ?",
                    [image["text_sha256"], image["id"]],
                ).fetchone()
                if found:
                    remap[image["id"]] = found[0]
            elif entry["t"] == "targets":
                target_id = self.find_target(image["name"])
                if target_id and target_id != image["id"]:
                    remap[image["id"]] = target_id
        return remap

    def _rename_in_history(self, remap: dict[str, str]) -> None:
        """Make every history row name the row now holding that text or name, so the
        actions around it undo and redo onto it. Ids are random hex, so the quoted id
        cannot occur inside anything else."""
        for old, new in remap.items():
            quoted_old, quoted_new = json.dumps(old), json.dumps(new)
            self.db.execute(
                "UPDATE history SET changes = replace(changes, ?, ?), "
                "detached = replace(detached, ?, ?) "
                "WHERE instr(changes, ?) OR instr(coalesce(detached, ''), ?)",
                [quoted_old, quoted_new, quoted_old, quoted_new, quoted_old, quoted_old],
            )

    def _apply(
        self,
        entry: dict,
        *,
        undo: bool,
        remap: dict[str, str],
        put_back: list[tuple[str, dict]],
        gone: list[tuple[str, dict, dict]],
    ) -> None:
        """Put one history entry's before (undo) or after (redo) image in place."""
        table, key = entry["t"], entry["k"]
        image, other = (entry["b"], entry["a"]) if undo else (entry["a"], entry["b"])
        if entry.get("u"):
            current = self._get(table, key)
            if current is None:
                return
            # A column someone changed since keeps its newer value.
            values = {
                c: remap.get(v, v) if c in _REMAPPED else v
                for c, v in image.items()
                if current.get(c) == other.get(c)
            }
            self._set_columns(table, key, values)
            put_back.append((table, key))
            return
        if image is None:
            self._put_image(table, key, None)
            gone.append((table, key, other))
            return
        if key.get("id") in remap:
            return  # the same article or target is there under another id
        image = {c: remap.get(v, v) if c in _REMAPPED else v for c, v in image.items()}
        self._put_image(table, key, image)
        put_back.append((table, key))

    def _detach_dependents(
        self, j: _Journal, gone: list[tuple[str, dict, dict]], keep: set[str]
    ) -> None:
        """Rows outside this step that use a row it removed: detached or removed (in ``j``).

        A speaker or target still in use (or in ``keep``) is kept instead: it is
        corpus-wide, and the work of others names it.
        """
        by_table: dict[str, dict[str, dict]] = {}
        for table, key, image in gone:
            if table in _PARENTS:
                by_table.setdefault(table, {})[key["id"]] = image
        for table, images in by_table.items():
            used = self._still_used(table, list(images))
            if table in _SHARED:
                used |= keep & set(images)
            for row_id in used:
                if table in _SHARED:
                    self._put_image(table, {"id": row_id}, images[row_id])
                elif table == "spans":
                    self._delete_span(j, row_id)
                elif table == "claims":
                    self._delete_claim(j, row_id, with_spans=False)
                elif table == "positions":
                    self._delete_position(j, row_id)
                elif table == "articles":
                    self._delete_article_rows(j, row_id)

    def _still_used(self, table: str, ids: list[str]) -> set[str]:
        """Those of ``ids`` that some row still refers to."""
        used: set[str] = set()
        wanted = json.dumps(ids)
        for child, column, parent, _nullable in _REFERENCES:
            if parent == table:
                used.update(
                    r[0]
                    for r in self.db.execute(
                        f'SELECT DISTINCT "{column}" FROM {child} '
                        f'WHERE "{column}" IN (SELECT value FROM json_each(?))',
                        [wanted],
                    )
                )
        return used

    def _refuse_dangling(self, put_back: list[tuple[str, dict]], *, verb: str, label: str) -> None:
        """Raise UndoConflict when a row put back refers to a row that is no longer there."""
        seen: dict[tuple[str, str], bool] = {}
        for table, key in put_back:
            row = self._get(table, key)
            if row is None:
                continue
            for child, column, parent, _nullable in _REFERENCES:
                if child != table or row.get(column) is None:
                    continue
                there = seen.get((parent, row[column]))
                if there is None:
                    there = seen[parent, row[column]] = bool(
                        self.db.execute(
                            f"SELECT 1 FROM {parent} WHERE id = ?", [row[column]]
                        ).fetchone()
                    )
                if not there:
                    raise UndoConflict(
                        f"Cannot {verb} “{label}”: the {_NOUNS[parent]} it needs was deleted "
                        "since; nothing was changed."
                    )

    def _set_columns(self, table: str, key: dict, values: dict) -> None:
        if not values:
            return
        sets = ", ".join(f'"{c}" = ?' for c in values)
        where = " AND ".join(f'"{c}" = ?' for c in key)
        self.db.execute(
            f"UPDATE {table} SET {sets} WHERE {where}", [*values.values(), *key.values()]
        )

    # -- articles ----------------------------------------------------------

    def add_article(
        self,
        text: str,
        *,
        title: str | None = None,
        source: str | None = None,
        place: str | None = None,
        published: str | None = None,
        url: str | None = None,
        status: str = "todo",
        meta: dict | None = None,
        id: str | None = None,
    ) -> str | None:
        """Add one article; returns its id, or None if that text is already in.

        The text is normalised exactly as import does (``textio.normalise_text``): a
        leading BOM is dropped and ``\r\n`` / ``\r`` become ``\n``, so the stored
        text, the one the window shows and every offset agree. Nothing else changes.

        Raises:
            IntegrityError: the text is empty (or only whitespace) or holds a NUL.
        """
        if not isinstance(text, str):
            raise IntegrityError(f"an article text must be a string, not {type(text).__name__}")
        text = normalise_text(text)
        if not text.strip():
            raise IntegrityError("an article needs a text; this one is empty")
        if "\x00" in text:
            # SQLite's length() and substr() stop at a NUL: nothing after it could be tagged.
            raise IntegrityError("an article text cannot hold a NUL character (U+0000)")
        digest = sha256_text(text)
        if self.db.execute("SELECT 1 FROM articles WHERE text_sha256 = ?", [digest]).fetchone():
            return None
        article_id = id or new_id()
        with self.transaction():
            self.db.execute(
                "INSERT INTO articles (id, title, source, place, published, url, text, "
                "text_sha256, status, imported_at, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    article_id,
                    title,
                    source,
                    place,
                    published,
                    url,
                    text,
                    digest,
                    status,
                    now(),
                    json.dumps(meta or {}, ensure_ascii=False),
                ],
            )
        return article_id

    def article(self, article_id: str) -> dict[str, Any]:
        """The article with its text and metadata; raises IntegrityError if unknown."""
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise IntegrityError(f"no article with id {article_id}")
        row["meta"] = json.loads(row["meta"] or "{}")
        return row

    def article_text(self, article_id: str) -> str:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise IntegrityError(f"no article with id {article_id}")
        return row[0]

    def article_count(self, *, status: str | None = None) -> int:
        if status:
            sql, params = "SELECT count(*) FROM articles WHERE status = ?", [status]
        else:
            sql, params = "SELECT count(*) FROM articles", []
        return self.db.execute(sql, params).fetchone()[0]

    def article_rows(
        self,
        *,
        filter_text: str = "",
        status: str | None = None,
        order_by: str = "rowid",
        descending: bool = False,
        limit: int = 200,
        offset: int = 0,
        ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """One page of the corpus list: id, title, source, published, status, annotations.

        ``ids`` keeps only those articles (to refresh a few rows after a change).
        """
        where, params = self._article_filter(filter_text, status)
        if ids is not None:
            ids = list(ids)
            clause = f"a.id IN ({','.join('?' for _ in ids)})"
            where = f"{where} AND {clause}" if where else f"WHERE {clause}"
            params = [*params, *ids]
        columns = {"rowid", "title", "source", "published", "status", "annotations"}
        if order_by not in columns:
            raise ValueError(f"cannot sort by {order_by}")
        direction = "DESC" if descending else "ASC"
        order = (
            f"{order_by} {direction}, a.rowid" if order_by != "rowid" else f"a.rowid {direction}"
        )
        if order_by == "title":
            order = f"a.title COLLATE NOCASE {direction}, a.rowid"
        sql = (
            "SELECT a.id, a.title, a.source, a.published, a.status, "
            "(SELECT count(*) FROM spans s WHERE s.article_id = a.id "
            " AND s.status != 'rejected') AS annotations "
            f"FROM articles a {where} ORDER BY {order} LIMIT ? OFFSET ?"
        )
        return self._query(sql, [*params, limit, offset])

    def article_row_count(self, *, filter_text: str = "", status: str | None = None) -> int:
        where, params = self._article_filter(filter_text, status)
        return self.db.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]

    @staticmethod
    def _article_filter(filter_text: str, status: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if filter_text:
            like = (
                "%"
                + filter_text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            clauses.append(
                "(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\' "
                "OR a.place LIKE ? ESCAPE '\\')"
            )
            params += [like, like, like]
        if status:
            clauses.append("a.status = ?")
            params.append(status)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def neighbour_article(
        self, article_id: str, *, step: int, status: str | None = None
    ) -> str | None:
        """The next (step=1) or previous (step=-1) article in corpus order, optionally by status."""
        row = self.db.execute("SELECT rowid FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return None
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        extra, params = ("AND status = ?", [status]) if status else ("", [])
        found = self.db.execute(
            f"SELECT id FROM articles WHERE rowid {op} ? {extra} ORDER BY rowid {order} LIMIT 1",
            [row[0], *params],
        ).fetchone()
        if found is None and status:
            # Wrap around so "next to do" finds earlier articles too.
            found = self.db.execute(
                f"SELECT id FROM articles WHERE status = ? AND id != ? ORDER BY rowid {order} LIMIT 1",
                [status, article_id],
            ).fetchone()
        return found[0] if found else None

    def set_article_status(self, article_id: str, status: str) -> Changes:
        if status not in schema.ARTICLE_STATUSES:
            raise IntegrityError(f"unknown status {status!r}")
        with self._action(f"Mark article {status.replace('_', ' ')}") as j:
            self._update(j, "articles", {"id": article_id}, {"status": status})
        return j.changes()

    def delete_article(self, article_id: str) -> Changes:
        """Delete an article with everything annotated on it, as one undoable action."""
        with self._action("Delete article") as j:
            self._delete_article_rows(j, article_id)
        return j.changes()

    def _delete_article_rows(self, j: _Journal, article_id: str) -> None:
        for pos in self._query("SELECT id FROM positions WHERE article_id = ?", [article_id]):
            self._delete_position(j, pos["id"])
        for claim in self._query("SELECT id FROM claims WHERE article_id = ?", [article_id]):
            self._delete_claim(j, claim["id"], with_spans=False)
        for span in self._query("SELECT id FROM spans WHERE article_id = ?", [article_id]):
            self._delete(j, "spans", {"id": span["id"]})
        self._delete(j, "articles", {"id": article_id})

    # -- spans -------------------------------------------------------------

    @staticmethod
    def _whole_offsets(start: Any, end: Any) -> tuple[int, int]:
        """The offsets as ints; floats, bools and strings are refused (OffsetError)."""
        out = []
        for name, value in (("start", start), ("end", end)):
            try:
                if isinstance(value, bool):
                    raise TypeError
                out.append(operator.index(value))
            except TypeError:
                raise OffsetError(
                    f"span {name} must be a whole number of code points, not {value!r}"
                ) from None
        return out[0], out[1]

    def _check_offsets(self, article_id: str, start: int, end: int, text: str | None) -> str:
        row = self.db.execute(
            "SELECT length(text), substr(text, ? + 1, ? - ?) FROM articles WHERE id = ?",
            [start, end, start, article_id],
        ).fetchone()
        if row is None:
            raise IntegrityError(f"no article with id {article_id}")
        length, actual = row
        if not (0 <= start < end <= length):
            raise OffsetError(f"span {start}-{end} is outside the article text (0-{length})")
        if text is not None and actual != text:
            raise OffsetError(f"span {start}-{end} selects {actual!r} in the article, not {text!r}")
        return actual

    def add_span(
        self,
        article_id: str,
        start: int,
        end: int,
        label: str,
        *,
        text: str | None = None,
        status: str = "accepted",
        note: str | None = None,
        speaker_id: str | None = None,
        annotator: str | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        """Highlight text[start:end] (code points) with a label; returns the stored span."""
        with self._action(f"Tag {label}") as j:
            span = self._add_span(
                j,
                article_id,
                start,
                end,
                label,
                text=text,
                status=status,
                note=note,
                speaker_id=speaker_id,
                annotator=annotator,
                id=id,
            )
        return span

    def _add_span(
        self,
        j: _Journal,
        article_id: str,
        start: int,
        end: int,
        label: str,
        *,
        text: str | None = None,
        status: str = "accepted",
        note: str | None = None,
        speaker_id: str | None = None,
        annotator: str | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        _check_label(label)
        start, end = self._whole_offsets(start, end)
        actual = self._check_offsets(article_id, start, end, text)
        stamp = now()
        row = {
            "id": id or new_id(),
            "article_id": article_id,
            "start": start,
            "end": end,
            "text": actual,
            "label": label,
            "annotator": annotator or self.annotator,
            "status": status,
            "note": note,
            "speaker_id": speaker_id,
            "reviewer": None,
            "reviewed_at": None,
            "created": stamp,
            "updated": stamp,
        }
        self._insert(j, "spans", row)
        return row

    def span(self, span_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM spans WHERE id = ?", [span_id])

    def spans(
        self, article_id: str, *, statuses: Iterable[str] | None = None
    ) -> list[dict[str, Any]]:
        """The article's spans in text order, optionally only those with given statuses."""
        where, params = _status_filter("status", statuses)
        return self._query(
            f'SELECT * FROM spans WHERE article_id = ?{where} ORDER BY start, "end" DESC, created, rowid',
            [article_id, *params],
        )

    def span_marks(self, article_id: str, *, before: int | None = None) -> list[tuple]:
        """(start, end, label, status) of the shown (not rejected) highlights, in text
        order, optionally only those starting before an offset: what painting needs."""
        sql = (
            'SELECT start, "end", label, status FROM spans WHERE article_id = ? '
            "AND status != 'rejected'"
        )
        params: list[Any] = [article_id]
        if before is not None:
            sql += " AND start < ?"
            params.append(before)
        return self.db.execute(sql + " ORDER BY start", params).fetchall()

    def update_span(self, span_id: str, **changes: Any) -> Changes:
        """Change a span's label, note, status, speaker or range (range is re-checked)."""
        allowed = {
            "label",
            "note",
            "status",
            "speaker_id",
            "start",
            "end",
            "reviewer",
            "reviewed_at",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a span")
        with self._action(_span_action_name(changes)) as j:
            self._update_span(j, span_id, changes)
        return j.changes()

    def _update_span(self, j: _Journal, span_id: str, changes: dict[str, Any]) -> None:
        span = self.span(span_id)
        if span is None:
            raise IntegrityError(f"no span with id {span_id}")
        changes = dict(changes)
        if "label" in changes:
            _check_label(changes["label"])
        if "start" in changes or "end" in changes:
            start, end = self._whole_offsets(
                changes.get("start", span["start"]), changes.get("end", span["end"])
            )
            changes.update(start=start, end=end)
            changes["text"] = self._check_offsets(span["article_id"], start, end, None)
        if "status" in changes and changes["status"] not in schema.SPAN_STATUSES:
            raise IntegrityError(f"unknown status {changes['status']!r}")
        changes["updated"] = now()
        self._update(j, "spans", {"id": span_id}, changes)

    def delete_span(self, span_id: str) -> Changes:
        """Delete a highlight; a claim left without content goes with it, links are cleared."""
        with self._action("Delete highlight") as j:
            self._delete_span(j, span_id)
        return j.changes()

    def delete_many(
        self,
        *,
        spans: Sequence[str] = (),
        claims: Sequence[str] = (),
        positions: Sequence[str] = (),
    ) -> Changes:
        """Delete several highlights, claims and positions as one undoable action."""
        count = len(spans) + len(claims) + len(positions)
        with self._action(f"Delete {count} item{'s' if count != 1 else ''}") as j:
            for position_id in positions:
                self._delete_position(j, position_id)
            for claim_id in claims:
                if self._get("claims", {"id": claim_id}):
                    self._delete_claim(j, claim_id, with_spans=True)
            for span_id in spans:
                if self._get("spans", {"id": span_id}):
                    self._delete_span(j, span_id)
        return j.changes()

    def _delete_span(self, j: _Journal, span_id: str) -> None:
        for claim in self._query(
            "SELECT id, mention_span_id, cue_span_id FROM claims "
            "WHERE mention_span_id = ? OR cue_span_id = ?",
            [span_id, span_id],
        ):
            cleared = {
                col: None for col in ("mention_span_id", "cue_span_id") if claim[col] == span_id
            }
            self._update(j, "claims", {"id": claim["id"]}, cleared)
        for link in self._query("SELECT claim_id FROM claim_spans WHERE span_id = ?", [span_id]):
            self._delete(j, "claim_spans", {"claim_id": link["claim_id"], "span_id": span_id})
            left = self.db.execute(
                "SELECT count(*) FROM claim_spans WHERE claim_id = ?", [link["claim_id"]]
            ).fetchone()[0]
            if not left:
                self._delete_claim(j, link["claim_id"], with_spans=False)
        self._delete(j, "spans", {"id": span_id})

    def tag(
        self,
        article_id: str,
        start: int,
        end: int,
        label: str,
        *,
        speaker_id: str | None = None,
        claim_kind: str | None = None,
        cue_span_id: str | None = None,
        mention_span_id: str | None = None,
    ) -> dict[str, Any]:
        """What a highlight with the mouse does, as one undoable action.

        Adds the span; a ``claim`` label also makes a claim (with the guessed
        speaker, cue and kind); an article still to do becomes in progress.
        Returns {"span": ..., "claim": ... or None}.
        """
        with self._action(f"Tag {label}") as j:
            span = self._add_span(
                j,
                article_id,
                start,
                end,
                label,
                speaker_id=speaker_id if label == "speaker" else None,
            )
            claim = None
            if label == "claim":
                claim = self._add_claim(
                    j,
                    article_id,
                    [span["id"]],
                    speaker_id=speaker_id,
                    mention_span_id=mention_span_id,
                    cue_span_id=cue_span_id,
                    kind=claim_kind or "direct",
                )
            status = self.db.execute(
                "SELECT status FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if status and status[0] == "todo":
                self._update(j, "articles", {"id": article_id}, {"status": "in_progress"})
        return {"span": span, "claim": claim}

    def _speaker_named(
        self, j: _Journal, name: str, *, kind: str = "person", role: str | None = None
    ) -> str | None:
        if not name.strip():
            return None
        found = self.find_speaker(name)
        if found:
            return found["id"]
        return self._add_speaker(j, name, kind=kind, role=role)["id"]

    def link_mention(
        self, span_id: str, *, speaker_name: str, kind: str = "person", role: str | None = None
    ) -> Changes:
        """Say which corpus-wide speaker a speaker highlight names (found by name or alias, or new)."""
        with self._action("Set speaker") as j:
            speaker_id = self._speaker_named(j, speaker_name, kind=kind, role=role)
            self._update_span(j, span_id, {"speaker_id": speaker_id})
        return j.changes()

    def attribute_claim(
        self,
        claim_id: str,
        *,
        speaker_name: str,
        kind: str | None = None,
        cue_span_id: str | None = None,
        mention_span_id: str | None = None,
    ) -> Changes:
        """Set who said a claim (by name or alias, or a new speaker), its kind and cue."""
        with self._action("Attribute claim") as j:
            claim = self._get("claims", {"id": claim_id})
            if claim is None:
                raise IntegrityError(f"no claim with id {claim_id}")
            self._check_spans_of(claim["article_id"], [cue_span_id, mention_span_id])
            speaker_id = self._speaker_named(j, speaker_name)
            changes: dict[str, Any] = {
                "speaker_id": speaker_id,
                "cue_span_id": cue_span_id,
                "updated": now(),
            }
            if kind:
                changes["kind"] = kind
            if mention_span_id is not None:
                changes["mention_span_id"] = mention_span_id
            after = self._update(j, "claims", {"id": claim_id}, changes)
            if after["mention_span_id"] and speaker_id:
                self._update(
                    j, "spans", {"id": after["mention_span_id"]}, {"speaker_id": speaker_id}
                )
        return j.changes()

    # -- speakers ----------------------------------------------------------

    def add_speaker(
        self,
        name: str,
        *,
        kind: str = "person",
        role: str | None = None,
        affiliation: str | None = None,
        aliases: Sequence[str] = (),
        id: str | None = None,
    ) -> dict[str, Any]:
        """Add a corpus-wide speaker."""
        with self._action("Add speaker") as j:
            row = self._add_speaker(
                j, name, kind=kind, role=role, affiliation=affiliation, aliases=aliases, id=id
            )
        return row

    def _add_speaker(
        self,
        j: _Journal,
        name: str,
        *,
        kind: str = "person",
        role: str | None = None,
        affiliation: str | None = None,
        aliases: Sequence[str] = (),
        id: str | None = None,
    ) -> dict[str, Any]:
        name = " ".join(name.split())
        if not name:
            raise IntegrityError("a speaker needs a name")
        if kind not in schema.SPEAKER_KINDS:
            raise IntegrityError(f"unknown speaker kind {kind!r}")
        stamp = now()
        row = {
            "id": id or new_id(),
            "name": name,
            "kind": kind,
            "role": role,
            "affiliation": affiliation,
            "aliases": json.dumps(list(aliases), ensure_ascii=False),
            "created": stamp,
            "updated": stamp,
        }
        self._insert(j, "speakers", row)
        return row

    def speaker(self, speaker_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT * FROM speakers WHERE id = ?", [speaker_id])
        if row:
            row["aliases"] = json.loads(row["aliases"])
        return row

    def speakers(self, *, prefix: str = "", limit: int = 1000) -> list[dict[str, Any]]:
        """Corpus-wide speakers whose name or an alias contains ``prefix``, by name."""
        like = f"%{prefix}%"
        rows = self._query(
            "SELECT * FROM speakers WHERE name LIKE ? OR aliases LIKE ? "
            "ORDER BY name COLLATE NOCASE LIMIT ?",
            [like, like, limit],
        )
        for row in rows:
            row["aliases"] = json.loads(row["aliases"])
        return rows

    def find_speaker(self, name: str) -> dict[str, Any] | None:
        """The speaker with this name or alias (matched by `names.normalise_name`, the
        rule import and merge use), if any."""
        wanted = normalise_name(name)
        if not wanted:
            return None
        # Compared in Python: SQLite's LIKE folds only ASCII case ("Élodie" vs
        # "élodie"), and a LIMIT could cut off the one exact match among many.
        rows = self._query("SELECT * FROM speakers ORDER BY name COLLATE NOCASE, rowid")
        for row in rows:
            row["aliases"] = json.loads(row["aliases"])
        for row in rows:
            if normalise_name(row["name"]) == wanted:
                return row
        for row in rows:
            if any(normalise_name(a) == wanted for a in row["aliases"]):
                return row
        return None

    def update_speaker(self, speaker_id: str, **changes: Any) -> Changes:
        allowed = {"name", "kind", "role", "affiliation", "aliases"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a speaker")
        if "aliases" in changes:
            changes["aliases"] = json.dumps(list(changes["aliases"]), ensure_ascii=False)
        changes["updated"] = now()
        with self._action("Edit speaker") as j:
            self._update(j, "speakers", {"id": speaker_id}, changes)
        return j.changes()

    def speaker_for_span(self, span_id: str) -> str | None:
        row = self.db.execute("SELECT speaker_id FROM spans WHERE id = ?", [span_id]).fetchone()
        return row[0] if row else None

    def merge_speakers(self, keep_id: str, drop_id: str) -> Changes:
        """Move every mention, claim and position of ``drop_id`` to ``keep_id``, then drop it."""
        keep, drop = self.speaker(keep_id), self.speaker(drop_id)
        if keep is None or drop is None or keep_id == drop_id:
            raise IntegrityError("pick two different existing speakers to merge")
        with self._action(f"Merge speaker {drop['name']} into {keep['name']}") as j:
            self._merge_speaker(j, keep_id, drop_id)
        return j.changes()

    def merge_speaker_groups(self, groups: Sequence[tuple[str, Sequence[str]]]) -> Changes:
        """Merge many groups of speakers in one undoable action.

        ``groups``: (keep id, [other ids]) pairs; each other speaker is merged into its
        keep speaker as :meth:`merge_speakers` does (its names become aliases).

        Raises:
            IntegrityError: an id is unknown, a speaker is both kept and merged, or
                appears in two groups; nothing is changed then.
        """
        seen: set[str] = set()
        for keep_id, others in groups:
            for sid in (keep_id, *others):
                if sid in seen:
                    raise IntegrityError(f"speaker {sid} is in two merge groups")
                if self.speaker(sid) is None:
                    raise IntegrityError(f"no speaker with id {sid}")
                seen.add(sid)
        merged = sum(len(others) for _keep, others in groups)
        name = f"Merge {merged} speaker{'s' if merged != 1 else ''}"
        if len(groups) == 1:
            keep = self.speaker(groups[0][0])
            name += f" into {keep['name']}" if keep else ""
        with self._action(name) as j:
            for keep_id, others in groups:
                for drop_id in others:
                    self._merge_speaker(j, keep_id, drop_id)
        return j.changes()

    def _merge_speaker(self, j: _Journal, keep_id: str, drop_id: str) -> None:
        keep, drop = self.speaker(keep_id), self.speaker(drop_id)
        assert keep is not None and drop is not None
        for table in ("spans", "claims", "positions"):
            for row in self._query(f"SELECT id FROM {table} WHERE speaker_id = ?", [drop_id]):
                self._update(j, table, {"id": row["id"]}, {"speaker_id": keep_id})
        aliases = list(keep["aliases"])
        for alias in [drop["name"], *drop["aliases"]]:
            if alias.casefold() != keep["name"].casefold() and alias not in aliases:
                aliases.append(alias)
        self._update(
            j,
            "speakers",
            {"id": keep_id},
            {"aliases": json.dumps(aliases, ensure_ascii=False), "updated": now()},
        )
        # A rejected merge names the dropped speaker: it now speaks for the kept one.
        for row in self._query(
            "SELECT * FROM speaker_distinct WHERE speaker_a = ? OR speaker_b = ?",
            [drop_id, drop_id],
        ):
            self._delete(j, "speaker_distinct", {k: row[k] for k in ("speaker_a", "speaker_b")})
            other = row["speaker_b"] if row["speaker_a"] == drop_id else row["speaker_a"]
            if other != keep_id:
                self._mark_distinct(j, keep_id, other, row["reviewer"])
        self._delete(j, "speakers", {"id": drop_id})

    def reject_speaker_groups(self, groups: Sequence[Sequence[str]]) -> Changes:
        """Remember that the speakers of each group are different actors (one undoable
        action), so merge suggestions never propose them as one again."""
        with self._action("Keep speakers apart") as j:
            for group in groups:
                ids = sorted(set(group))
                for i, a in enumerate(ids):
                    for b in ids[i + 1 :]:
                        self._mark_distinct(j, a, b, self.annotator)
        return j.changes()

    def _mark_distinct(self, j: _Journal, a: str, b: str, reviewer: str | None) -> None:
        a, b = sorted((a, b))
        if self._get("speaker_distinct", {"speaker_a": a, "speaker_b": b}) is None:
            self._insert(
                j,
                "speaker_distinct",
                {"speaker_a": a, "speaker_b": b, "reviewer": reviewer, "decided": now()},
            )

    def distinct_speaker_pairs(self) -> set[frozenset[str]]:
        """Pairs of speakers an analyst said are two actors (rejected merges)."""
        return {
            frozenset(row)
            for row in self.db.execute("SELECT speaker_a, speaker_b FROM speaker_distinct")
        }

    def set_speaker_kinds(self, speaker_ids: Sequence[str], kind: str) -> Changes:
        """Give many speakers one kind (e.g. ``other`` for sources that are not actors),
        in one undoable action.

        Raises:
            IntegrityError: an unknown kind or speaker id; nothing is changed then.
        """
        if kind not in schema.SPEAKER_KINDS:
            raise IntegrityError(f"unknown speaker kind {kind!r}")
        stamp = now()
        count = len(speaker_ids)
        with self._action(f"Mark {count} speaker{'s' if count != 1 else ''} as {kind}") as j:
            for sid in speaker_ids:
                self._update(j, "speakers", {"id": sid}, {"kind": kind, "updated": stamp})
        return j.changes()

    def speakers_called(self, name: str) -> list[dict[str, Any]]:
        """Every speaker whose name or an alias is ``name`` (any case, any spacing)."""
        wanted = " ".join(name.split()).casefold()
        found = []
        for row in self._query("SELECT * FROM speakers ORDER BY name COLLATE NOCASE, rowid"):
            row["aliases"] = json.loads(row["aliases"])
            names = [row["name"], *row["aliases"]]
            if any(" ".join(n.split()).casefold() == wanted for n in names):
                found.append(row)
        return found

    # -- claims ------------------------------------------------------------

    def add_claim(
        self,
        article_id: str,
        span_ids: Sequence[str],
        *,
        speaker_id: str | None = None,
        mention_span_id: str | None = None,
        cue_span_id: str | None = None,
        kind: str = "direct",
        status: str = "accepted",
        id: str | None = None,
    ) -> dict[str, Any]:
        """A claim made of content spans, said by a speaker, optionally with mention and cue."""
        with self._action("Add claim") as j:
            row = self._add_claim(
                j,
                article_id,
                span_ids,
                speaker_id=speaker_id,
                mention_span_id=mention_span_id,
                cue_span_id=cue_span_id,
                kind=kind,
                status=status,
                id=id,
            )
        return row

    def _add_claim(
        self,
        j: _Journal,
        article_id: str,
        span_ids: Sequence[str],
        *,
        speaker_id: str | None = None,
        mention_span_id: str | None = None,
        cue_span_id: str | None = None,
        kind: str = "direct",
        status: str = "accepted",
        id: str | None = None,
    ) -> dict[str, Any]:
        if not span_ids:
            raise IntegrityError("a claim needs at least one highlighted span")
        if kind not in schema.CLAIM_KINDS:
            raise IntegrityError(f"unknown claim kind {kind!r}")
        self._check_spans_of(article_id, [*span_ids, mention_span_id, cue_span_id])
        if speaker_id is not None and self.speaker(speaker_id) is None:
            raise IntegrityError(f"no speaker with id {speaker_id}")
        stamp = now()
        row = {
            "id": id or new_id(),
            "article_id": article_id,
            "speaker_id": speaker_id,
            "mention_span_id": mention_span_id,
            "cue_span_id": cue_span_id,
            "kind": kind,
            "status": status,
            "note": None,
            "proposal": None,
            "created": stamp,
            "updated": stamp,
        }
        self._insert(j, "claims", row)
        for ord_, sid in enumerate(span_ids):
            self._insert(j, "claim_spans", {"claim_id": row["id"], "span_id": sid, "ord": ord_})
        if mention_span_id and speaker_id:
            self._update(j, "spans", {"id": mention_span_id}, {"speaker_id": speaker_id})
        return row

    def _check_spans_of(self, article_id: str, span_ids: Iterable[str | None]) -> None:
        """Raise IntegrityError unless every span (None aside) is a highlight of the article."""
        for sid in span_ids:
            if sid is None:
                continue
            span = self.span(sid)
            if span is None or span["article_id"] != article_id:
                raise IntegrityError(f"span {sid} is not a highlight of this article")

    def _check_claims_of(self, article_id: str, claim_ids: Iterable[str]) -> None:
        """Raise IntegrityError unless every claim is a claim of the article."""
        for claim_id in claim_ids:
            claim = self._get("claims", {"id": claim_id})
            if claim is None or claim["article_id"] != article_id:
                raise IntegrityError(f"claim {claim_id} is not a claim of this article")

    def claims(
        self, article_id: str, *, statuses: Iterable[str] | None = None
    ) -> list[dict[str, Any]]:
        """The article's claims with ``spans`` (ids in order), in text order."""
        sql = (
            "SELECT c.*, (SELECT json_group_array(span_id) FROM "
            "(SELECT span_id FROM claim_spans WHERE claim_id = c.id ORDER BY ord)) AS spans, "
            "(SELECT min(s.start) FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
            " WHERE cs.claim_id = c.id) AS first_start "
            "FROM claims c WHERE c.article_id = ?"
        )
        where, params = _status_filter("c.status", statuses)
        rows = self._query(
            sql + where + " ORDER BY first_start, c.created, c.rowid", [article_id, *params]
        )
        for row in rows:
            row["spans"] = json.loads(row["spans"])
            del row["first_start"]
        return rows

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT * FROM claims WHERE id = ?", [claim_id])
        if row:
            row["spans"] = [
                r["span_id"]
                for r in self._query(
                    "SELECT span_id FROM claim_spans WHERE claim_id = ? ORDER BY ord", [claim_id]
                )
            ]
        return row

    def claim_for_span(self, span_id: str) -> str | None:
        row = self.db.execute(
            "SELECT claim_id FROM claim_spans WHERE span_id = ? LIMIT 1", [span_id]
        ).fetchone()
        return row[0] if row else None

    def update_claim(self, claim_id: str, **changes: Any) -> Changes:
        """Change a claim's speaker, kind, mention, cue, note or status."""
        allowed = {"speaker_id", "kind", "mention_span_id", "cue_span_id", "note", "status"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a claim")
        if "kind" in changes and changes["kind"] not in schema.CLAIM_KINDS:
            raise IntegrityError(f"unknown claim kind {changes['kind']!r}")
        changes["updated"] = now()
        with self._action("Edit claim") as j:
            claim = self._get("claims", {"id": claim_id})
            if claim is None:
                raise IntegrityError(f"no claim with id {claim_id}")
            self._check_spans_of(
                claim["article_id"],
                [changes.get("mention_span_id"), changes.get("cue_span_id")],
            )
            after = self._update(j, "claims", {"id": claim_id}, changes)
            if after.get("mention_span_id") and after.get("speaker_id"):
                self._update(
                    j,
                    "spans",
                    {"id": after["mention_span_id"]},
                    {"speaker_id": after["speaker_id"]},
                )
        return j.changes()

    def delete_claim(self, claim_id: str) -> Changes:
        """Delete a claim and its content highlights; positions lose it as evidence."""
        with self._action("Delete claim") as j:
            self._delete_claim(j, claim_id, with_spans=True)
        return j.changes()

    def _delete_claim(self, j: _Journal, claim_id: str, *, with_spans: bool) -> None:
        for ev in self._query(
            "SELECT position_id FROM position_evidence WHERE claim_id = ?", [claim_id]
        ):
            self._delete(
                j, "position_evidence", {"position_id": ev["position_id"], "claim_id": claim_id}
            )
        links = self._query("SELECT span_id FROM claim_spans WHERE claim_id = ?", [claim_id])
        for link in links:
            self._delete(j, "claim_spans", {"claim_id": claim_id, "span_id": link["span_id"]})
        self._delete(j, "claims", {"id": claim_id})
        if with_spans:
            for link in links:
                in_use = self.db.execute(
                    "SELECT 1 FROM claim_spans WHERE span_id = ?", [link["span_id"]]
                ).fetchone()
                if not in_use:
                    self._delete_span(j, link["span_id"])

    # -- suggestions and review decisions ------------------------------------------

    def add_suggestions(
        self,
        article_id: str,
        claims: Sequence[dict[str, Any]],
        *,
        group: ActionGroup | None = None,
    ) -> int:
        """Store suggested claims of one article; returns how many were added.

        Each item: {"content": [(start, end)], "cue": (start, end) | None,
        "mention": (start, end) | None, "kind": ..., "speaker_id": known id | None,
        "proposal": {"name", "kind", "role", "affiliation"} | None}. A claim whose
        content overlaps any claim highlight already there (accepted, suggested or
        rejected) is skipped, so running suggestions twice adds nothing and never
        duplicates or overrides an analyst's decision; a cue or mention an analyst
        already tagged at the same range is used as it is. An undoable action
        ("Suggest quotes"); pass the ``group`` of a run over many articles
        (``action_group``) to make the whole run one undo step.
        """
        existing = self._query(
            'SELECT id, start, "end", label, status FROM spans WHERE article_id = ?', [article_id]
        )
        claim_ranges = [(s["start"], s["end"]) for s in existing if s["label"] == "claim"]
        by_range = {(s["start"], s["end"], s["label"]): s for s in existing}
        text = self.article_text(article_id)
        stamp = now()
        added = 0

        def span_for(
            rng: tuple[int, int] | None, label: str, speaker_id: str | None = None
        ) -> str | None:
            if rng is None:
                return None
            found = by_range.get((rng[0], rng[1], label))
            if found is not None:
                return None if found["status"] == "rejected" else found["id"]
            row = {
                "id": new_id(),
                "article_id": article_id,
                "start": rng[0],
                "end": rng[1],
                "text": text[rng[0] : rng[1]],
                "label": label,
                "annotator": "suggest",
                "status": "suggested",
                "note": None,
                "speaker_id": speaker_id,
                "reviewer": None,
                "reviewed_at": None,
                "created": stamp,
                "updated": stamp,
            }
            self._insert(journal, "spans", row)
            by_range[(rng[0], rng[1], label)] = row
            return row["id"]

        with self._action("Suggest quotes", group) as journal:
            for item in claims:
                content = [tuple(r) for r in item["content"]]
                if any(s < e2 and s2 < e for s, e in content for s2, e2 in claim_ranges):
                    continue
                span_ids = [span_for(r, "claim") for r in content]
                if None in span_ids:
                    continue
                claim_ranges.extend(content)
                row = {
                    "id": new_id(),
                    "article_id": article_id,
                    "speaker_id": item.get("speaker_id"),
                    "mention_span_id": span_for(
                        item.get("mention"), "speaker", item.get("speaker_id")
                    ),
                    "cue_span_id": span_for(item.get("cue"), "cue"),
                    "kind": item.get("kind", "direct"),
                    "status": "suggested",
                    "note": None,
                    "proposal": json.dumps(item["proposal"], ensure_ascii=False)
                    if item.get("proposal")
                    else None,
                    "created": stamp,
                    "updated": stamp,
                }
                self._insert(journal, "claims", row)
                for ord_, sid in enumerate(span_ids):
                    self._insert(
                        journal, "claim_spans", {"claim_id": row["id"], "span_id": sid, "ord": ord_}
                    )
                added += 1
        return added

    def decide(
        self,
        *,
        spans: Sequence[str] = (),
        claims: Sequence[str] = (),
        positions: Sequence[str] = (),
        accept: bool,
        reviewer: str | None = None,
    ) -> Changes:
        """Accept or reject annotations (one undoable action), with reviewer and time.

        Accepting a claim accepts its highlights and creates or reuses the
        corpus-wide speaker it proposes; rejecting a claim rejects the highlights
        only it uses. Rejected rows stay in the database.
        """
        status = "accepted" if accept else "rejected"
        who, stamp = reviewer or self.annotator, now()
        verb = "Accept" if accept else "Reject"
        count = len(spans) + len(claims) + len(positions)
        with self._action(f"{verb} {count} annotation{'s' if count != 1 else ''}") as j:
            stamped = {"status": status, "reviewer": who, "reviewed_at": stamp, "updated": stamp}
            done: set[str] = set()

            def decide_span(span_id: str | None) -> None:
                if span_id and span_id not in done and self._get("spans", {"id": span_id}):
                    done.add(span_id)
                    self._update(j, "spans", {"id": span_id}, stamped)

            for claim_id in claims:
                claim = self.claim(claim_id)
                if claim is None:
                    continue
                changes: dict[str, Any] = {"status": status, "updated": stamp}
                if accept and not claim["speaker_id"] and claim["proposal"]:
                    proposal = json.loads(claim["proposal"])
                    known = self.find_speaker(proposal["name"])
                    changes["speaker_id"] = (
                        known["id"]
                        if known
                        else self._add_speaker(
                            j,
                            proposal["name"],
                            kind=proposal.get("kind") or "person",
                            role=proposal.get("role"),
                            affiliation=proposal.get("affiliation"),
                        )["id"]
                    )
                after = self._update(j, "claims", {"id": claim_id}, changes)
                suggestion = claim["status"] == "suggested"
                linked = [*claim["spans"], claim["mention_span_id"], claim["cue_span_id"]]
                for span_id in linked:
                    span = self.span(span_id) if span_id else None
                    if span is None:
                        continue
                    if suggestion and span["status"] != "suggested":
                        # A suggestion may reuse a cue or mention an analyst tagged (or
                        # accepted) at the same range: deciding it leaves that one alone.
                        continue
                    if (
                        not accept
                        and span_id not in claim["spans"]
                        and self._used_elsewhere(span_id, claim_id)
                    ):
                        continue
                    decide_span(span_id)
                mention = self.span(after["mention_span_id"]) if after["mention_span_id"] else None
                if (
                    accept
                    and mention is not None
                    and after["speaker_id"]
                    and (mention["id"] in done or mention["speaker_id"] is None)
                ):
                    self._update(
                        j, "spans", {"id": mention["id"]}, {"speaker_id": after["speaker_id"]}
                    )
            for span_id in spans:
                decide_span(span_id)
                if not accept:
                    # A claim whose every content highlight is rejected is rejected too.
                    for link in self._query(
                        "SELECT claim_id FROM claim_spans WHERE span_id = ?", [span_id]
                    ):
                        left = self.db.execute(
                            "SELECT count(*) FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
                            "WHERE cs.claim_id = ? AND s.status != 'rejected'",
                            [link["claim_id"]],
                        ).fetchone()[0]
                        if not left:
                            self._update(
                                j,
                                "claims",
                                {"id": link["claim_id"]},
                                {"status": "rejected", "updated": stamp},
                            )
            for position_id in positions:
                self._update(
                    j, "positions", {"id": position_id}, {"status": status, "updated": stamp}
                )
        return j.changes()

    def _used_elsewhere(self, span_id: str, claim_id: str) -> bool:
        return bool(
            self.db.execute(
                "SELECT 1 FROM claims WHERE id != ? AND status != 'rejected' AND "
                "(mention_span_id = ? OR cue_span_id = ?) UNION "
                "SELECT 1 FROM claim_spans cs JOIN claims c ON c.id = cs.claim_id "
                "WHERE cs.span_id = ? AND c.id != ? AND c.status != 'rejected'",
                [claim_id, span_id, span_id, span_id, claim_id],
            ).fetchone()
        )

    # -- targets and positions ---------------------------------------------

    def targets(self, *, prefix: str = "", limit: int = 1000) -> list[str]:
        rows = self.db.execute(
            "SELECT name FROM targets WHERE name LIKE ? ORDER BY name COLLATE NOCASE LIMIT ?",
            [f"%{prefix}%", limit],
        ).fetchall()
        return [r[0] for r in rows]

    def find_target(self, name: str) -> str | None:
        """The id of the target ``normalise_target`` matches with ``name``, if any."""
        wanted = normalise_target(name)
        # The NOCASE column finds the usual spellings at once; SQLite folds only ASCII
        # case, so "Énergie" for "énergie" needs the comparison in Python.
        for target_id, stored in self.db.execute(
            "SELECT id, name FROM targets WHERE name = ? ORDER BY rowid", [" ".join(name.split())]
        ):
            if normalise_target(stored) == wanted:
                return target_id
        for target_id, stored in self.db.execute("SELECT id, name FROM targets ORDER BY rowid"):
            if normalise_target(stored) == wanted:
                return target_id
        return None

    def _target_id(self, j: _Journal, name: str) -> str:
        if not isinstance(name, str) or not name.strip():
            raise IntegrityError("a position needs a target")
        name = " ".join(name.split())
        found = self.find_target(name)
        if found:
            return found
        target_id = new_id()
        self._insert(j, "targets", {"id": target_id, "name": name})
        return target_id

    def add_position(
        self,
        article_id: str,
        *,
        speaker_id: str | None,
        target: str,
        stance: str,
        evidence: Sequence[str] = (),
        note: str | None = None,
        status: str = "accepted",
        id: str | None = None,
    ) -> dict[str, Any]:
        """A speaker's stance toward a (corpus-wide) target, backed by claims of this article."""
        with self._action("Add position") as j:
            row = self._add_position(
                j,
                article_id,
                speaker_id=speaker_id,
                target=target,
                stance=stance,
                evidence=evidence,
                note=note,
                status=status,
                id=id,
            )
        return row

    def _add_position(
        self,
        j: _Journal,
        article_id: str,
        *,
        speaker_id: str | None,
        target: str,
        stance: str,
        evidence: Sequence[str] = (),
        note: str | None = None,
        status: str = "accepted",
        id: str | None = None,
    ) -> dict[str, Any]:
        if stance not in schema.STANCES:
            raise IntegrityError(
                f"unknown stance {stance!r}; use one of {', '.join(schema.STANCES)}"
            )
        if speaker_id is not None and self.speaker(speaker_id) is None:
            raise IntegrityError(f"no speaker with id {speaker_id}")
        self._check_claims_of(article_id, evidence)
        stamp = now()
        row = {
            "id": id or new_id(),
            "article_id": article_id,
            "speaker_id": speaker_id,
            "target_id": self._target_id(j, target),
            "stance": stance,
            "status": status,
            "note": note,
            "created": stamp,
            "updated": stamp,
        }
        self._insert(j, "positions", row)
        for claim_id in dict.fromkeys(evidence):
            self._insert(j, "position_evidence", {"position_id": row["id"], "claim_id": claim_id})
        return row

    def positions(
        self, article_id: str, *, statuses: Iterable[str] | None = None
    ) -> list[dict[str, Any]]:
        """The article's positions with ``target`` (name) and ``evidence`` (claim ids)."""
        sql = (
            "SELECT p.*, t.name AS target, (SELECT json_group_array(claim_id) FROM "
            "position_evidence WHERE position_id = p.id) AS evidence "
            "FROM positions p JOIN targets t ON t.id = p.target_id WHERE p.article_id = ?"
        )
        where, params = _status_filter("p.status", statuses)
        rows = self._query(sql + where + " ORDER BY p.created, p.rowid", [article_id, *params])
        for row in rows:
            row["evidence"] = sorted(json.loads(row["evidence"]))
        return rows

    def update_position(self, position_id: str, **changes: Any) -> Changes:
        """Change stance, target (by name), speaker, note, status or evidence (claim ids)."""
        allowed = {"stance", "target", "speaker_id", "note", "status", "evidence"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a position")
        if "stance" in changes and changes["stance"] not in schema.STANCES:
            raise IntegrityError(f"unknown stance {changes['stance']!r}")
        with self._action("Edit position") as j:
            evidence = changes.pop("evidence", None)
            position = self._get("positions", {"id": position_id})
            if position is None:
                raise IntegrityError(f"no position with id {position_id}")
            if evidence is not None:
                self._check_claims_of(position["article_id"], evidence)
            if "target" in changes:
                changes["target_id"] = self._target_id(j, changes.pop("target"))
            changes["updated"] = now()
            self._update(j, "positions", {"id": position_id}, changes)
            if evidence is not None:
                for ev in self._query(
                    "SELECT claim_id FROM position_evidence WHERE position_id = ?", [position_id]
                ):
                    self._delete(
                        j,
                        "position_evidence",
                        {"position_id": position_id, "claim_id": ev["claim_id"]},
                    )
                for claim_id in dict.fromkeys(evidence):
                    self._insert(
                        j, "position_evidence", {"position_id": position_id, "claim_id": claim_id}
                    )
        return j.changes()

    def delete_position(self, position_id: str) -> Changes:
        with self._action("Delete position") as j:
            self._delete_position(j, position_id)
        return j.changes()

    def _delete_position(self, j: _Journal, position_id: str) -> None:
        for ev in self._query(
            "SELECT claim_id FROM position_evidence WHERE position_id = ?", [position_id]
        ):
            self._delete(
                j, "position_evidence", {"position_id": position_id, "claim_id": ev["claim_id"]}
            )
        self._delete(j, "positions", {"id": position_id})

    # -- corpus-wide figures ------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts per article status, per span label and status, and of the other records."""

        def pairs(sql: str) -> dict[str, int]:
            return {row[0]: row[1] for row in self.db.execute(sql).fetchall()}

        return {
            "articles": self.article_count(),
            "by_status": pairs(
                "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status"
            ),
            "spans": self.db.execute("SELECT count(*) FROM spans").fetchone()[0],
            "by_label": pairs("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label"),
            "by_span_status": pairs(
                "SELECT status, count(*) FROM spans GROUP BY status ORDER BY status"
            ),
            "speakers": self.db.execute("SELECT count(*) FROM speakers").fetchone()[0],
            "claims": self.db.execute("SELECT count(*) FROM claims").fetchone()[0],
            "positions": self.db.execute("SELECT count(*) FROM positions").fetchone()[0],
            "targets": self.db.execute("SELECT count(*) FROM targets").fetchone()[0],
        }


def _span_action_name(changes: dict[str, Any]) -> str:
    if set(changes) <= {"status", "reviewer", "reviewed_at"} and "status" in changes:
        return {"accepted": "Accept", "rejected": "Reject"}.get(
            changes["status"], "Edit"
        ) + " highlight"
    if "label" in changes:
        return f"Relabel highlight as {changes['label']}"
    if "note" in changes:
        return "Edit note"
    return "Edit highlight"


def _check_label(label: Any) -> None:
    if not isinstance(label, str) or not label.strip():
        raise IntegrityError("a span needs a label (a non-empty name such as claim)")


def _status_filter(column: str, statuses: Iterable[str] | None) -> tuple[str, list[str]]:
    """An ``AND column IN (...)`` clause and its parameters; nothing for None (all)."""
    if statuses is None:
        return "", []
    statuses = list(statuses)
    return f" AND {column} IN ({','.join('?' for _ in statuses)})", statuses


def _default_annotator() -> str:
    return schema.default_annotator()


# Another import may hold the write lock for longer than the busy timeout on a
# loaded machine; a batch is retried whole (its transaction rolled back) this often.
_LOCK_ATTEMPTS = 12


def _locked(exc: StoreError) -> bool:
    cause = exc.__context__
    return isinstance(cause, sqlite3.OperationalError) and (
        getattr(cause, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        or "locked" in str(cause)
    )


@dataclass
class RecordOutcome:
    """What one imported record did.

    ``added``: a new article was stored. Otherwise ``article_id`` is the stored
    article with the same text (None when there is none), and ``spans``, ``claims``
    and ``positions`` count the annotations the record added to it.
    """

    article_id: str | None
    added: bool
    spans: int = 0
    claims: int = 0
    positions: int = 0

    @property
    def annotations(self) -> int:
        return self.spans + self.claims + self.positions


@dataclass
class _Source:
    """What the writer learned about the speakers of one file."""

    # Ids are trusted until one of them turns up with two different names: a file
    # whose converter numbered speakers per article says nothing by its ids.
    trusted: bool = True
    chosen: dict[tuple[str | None, str], str] = field(default_factory=dict)
    conflicting_ids: set[str] = field(default_factory=set)
    ambiguous: dict[str, None] = field(default_factory=dict)


class _BulkWriter:
    """Writes prepared records (see records.prepare_record) in large batches.

    Imports are not undoable actions: they write straight to the tables with
    executemany, which keeps a 10,000-article import close to raw SQLite speed.
    Everything a batch depends on (which texts, ids, speakers and targets are
    stored) is read inside its write transaction, so another program importing into
    the same file at the same time never makes a batch fail.

    Speakers (see ``names.py`` for when two names agree): an incoming speaker whose id
    is stored with an agreeing name is that speaker. An id stored for someone else is
    not trusted: the speaker is matched by name or alias, else stored under a new id.
    A new id (or none) is matched by name or alias among the speakers not imported
    from the same file (and, once that file has shown an id with two names, among all
    of them), else stored with its id. A name that matches several speakers is kept
    apart. Each (id, name) pair of a file gets one speaker.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.matcher = NameMatcher()
        self._seen: tuple[int, int] | None = None
        self._created_from: dict[str, object] = {}
        self._sources: dict[object, _Source] = {}

    # -- reading what is stored, inside the transaction ----------------------------

    def _refresh_speakers(self) -> None:
        """Reload the known speakers when anyone (another program or this store) wrote."""
        db = self.store.db
        seen = (db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)
        if seen == self._seen:
            return
        self.matcher = NameMatcher()
        for sid, name, aliases in db.execute("SELECT id, name, aliases FROM speakers"):
            try:
                alias_list = [a for a in json.loads(aliases or "[]") if isinstance(a, str)]
            except ValueError:
                alias_list = []
            self.matcher.add(sid, name, alias_list, group=self._created_from.get(sid))

    def _stored(self, table: str, column: str, values: Iterable[str]) -> dict[str, str]:
        """``column`` value -> id for the rows of ``table`` holding one of ``values``."""
        wanted = json.dumps(sorted(set(values)), ensure_ascii=False)
        return dict(
            self.store.db.execute(
                f"SELECT {column}, id FROM {table} WHERE {column} IN "
                "(SELECT value FROM json_each(?))",
                [wanted],
            )
        )

    # -- writing -------------------------------------------------------------------

    def write(self, records: Sequence[dict[str, Any]]) -> list[str | None]:
        """Insert the records in one transaction; per record its new article id, or None
        when its text was already stored (its new annotations are added to that article)."""
        return [o.article_id if o.added else None for o in self.write_records(records)]

    def write_records(
        self, records: Sequence[dict[str, Any]], *, source: object = None
    ) -> list[RecordOutcome]:
        """Store the records in one transaction; what each did.

        ``source`` names the file they come from (speaker ids are judged per file).
        Raises StoreError when the batch cannot be written (nothing of it is kept).
        """
        for attempt in range(_LOCK_ATTEMPTS):
            # Only this file's state changes in a batch: keep it to restore on failure.
            kept = _copy_source(self._sources.setdefault(source, _Source()))
            created = len(self._created_from)
            try:
                with self.store.transaction():
                    outcome = self._write(records, source)
                    self._seen = (
                        self.store.db.execute("PRAGMA data_version").fetchone()[0],
                        self.store.db.conn.total_changes,
                    )
                return outcome
            except BaseException as exc:
                self._sources[source] = kept
                # Forget the speakers this attempt created (dicts keep insertion order).
                for sid in list(self._created_from)[created:]:
                    del self._created_from[sid]
                self._seen = None
                if not (isinstance(exc, StoreError) and _locked(exc)):
                    raise
                if attempt == _LOCK_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def source_notes(self, source: object) -> list[str]:
        """Report lines (without the file name) about the speakers of one file."""
        state = self._sources.get(source)
        if state is None:
            return []
        notes = []
        if state.conflicting_ids:
            n = len(state.conflicting_ids)
            notes.append(
                f"{n} speaker id{'s' if n != 1 else ''} already used for other people: "
                "imported as new speakers (or matched by name)"
            )
        if state.ambiguous:
            n = len(state.ambiguous)
            shown = ", ".join(repr(name) for name in list(state.ambiguous)[:3])
            notes.append(
                f"{n} speaker name{'s' if n != 1 else ''} match several stored speakers, "
                f"imported as new speakers: {shown}{', ...' if n > 3 else ''}"
            )
        return notes

    def _write(self, records: Sequence[dict[str, Any]], source: object) -> list[RecordOutcome]:
        self._refresh_speakers()
        state = self._sources.setdefault(source, _Source())
        digests = [sha256_text(rec["article"]["text"]) for rec in records]
        stored = self._stored("articles", "text_sha256", digests)
        taken = {
            "articles": set(
                self._stored("articles", "id", (r["article"]["id"] or "" for r in records))
            ),
            "spans": set(
                self._stored(
                    "spans", "id", (s["id"] for r in records for s in r["spans"] if s["id"])
                )
            ),
            "claims": set(
                self._stored(
                    "claims", "id", (c["id"] for r in records for c in r["claims"] if c["id"])
                )
            ),
            "positions": set(
                self._stored("positions", "id", (p["id"] for r in records for p in r["positions"]))
            ),
        }
        # Targets match by the store's normalisation, which folds all of Unicode's
        # case; the table's NOCASE collation folds only ASCII, so compare in Python.
        # The targets list is short (hundreds), read whole once a batch.
        targets: dict[str, str] = {}
        if any(r["positions"] for r in records):
            for name, tid in self.store.db.execute("SELECT name, id FROM targets ORDER BY rowid"):
                targets.setdefault(normalise_target(name), tid)
        batch = _Batch(taken=taken, targets=targets, stamp=now(), source=source, state=state)
        outcome: list[RecordOutcome] = []
        for rec, digest in zip(records, digests, strict=True):
            aid = stored.get(digest)
            if aid is None:
                art = rec["article"]
                aid = stored[digest] = batch.free("articles", art["id"])
                batch.rows["articles"].append(
                    (
                        aid,
                        art["title"],
                        art["source"],
                        art["place"],
                        art["published"],
                        art["url"],
                        art["text"],
                        digest,
                        art["status"],
                        batch.stamp,
                        json.dumps(art["meta"], ensure_ascii=False),
                    )
                )
                found = RecordOutcome(aid, True)
                self._children(rec, aid, batch, found, _Existing())
            else:
                # Its annotations are compared with what is stored: write the batch so far.
                self._insert(batch)
                found = RecordOutcome(aid, False)
                self._children(rec, aid, batch, found, self._existing(aid))
            outcome.append(found)
        self._insert(batch)
        return outcome

    def _insert(self, batch: _Batch) -> None:
        conn = self.store.db.conn
        for table, rows in batch.rows.items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
                rows.clear()
        if batch.mentions:
            conn.executemany(
                "UPDATE spans SET speaker_id = ? WHERE id = ? AND speaker_id IS NULL",
                batch.mentions,
            )
            batch.mentions.clear()

    def _existing(self, aid: str) -> _Existing:
        """The annotations stored on an article, keyed as incoming ones are compared."""
        db = self.store.db
        found = _Existing(stored=True)
        for sid, start, end, label, annotator in db.execute(
            'SELECT id, start, "end", label, annotator FROM spans WHERE article_id = ?', [aid]
        ):
            found.by_id[sid] = (start, end, label, annotator)
            found.spans.setdefault((start, end, label, annotator), sid)
        content: dict[str, set[str]] = {}
        for cid, sid in db.execute(
            "SELECT cs.claim_id, cs.span_id FROM claim_spans cs JOIN claims c "
            "ON c.id = cs.claim_id WHERE c.article_id = ?",
            [aid],
        ):
            content.setdefault(cid, set()).add(sid)
        for cid, sids in content.items():
            found.claims.setdefault(frozenset(sids), cid)
        for pid, speaker, target, stance, evidence in db.execute(
            "SELECT p.id, p.speaker_id, p.target_id, p.stance, (SELECT json_group_array(claim_id) "
            "FROM position_evidence WHERE position_id = p.id) FROM positions p "
            "WHERE p.article_id = ?",
            [aid],
        ):
            key = (speaker, target, stance, frozenset(json.loads(evidence)))
            found.positions.setdefault(key, pid)
        return found

    def _speaker(self, spk: dict[str, Any], batch: _Batch) -> str:
        """The stored speaker an incoming one is (created when there is none)."""
        state, name, wanted = batch.state, spk["name"], spk["id"]
        pair = (wanted, normalise_name(name))
        if pair in state.chosen:
            return state.chosen[pair]
        chosen: str | None
        if wanted and wanted in self.matcher:
            if self.matcher.agrees(wanted, name):
                chosen = wanted
            else:
                state.conflicting_ids.add(wanted)
                state.trusted = False
                chosen = self._by_name(name, state, skip=None)
                wanted = None
        else:
            chosen = self._by_name(name, state, skip=batch.source if state.trusted else None)
        if chosen is None:
            chosen = wanted or new_id()
            batch.rows["speakers"].append(
                (
                    chosen,
                    " ".join(name.split()),
                    spk["kind"],
                    spk["role"],
                    spk["affiliation"],
                    json.dumps(spk["aliases"], ensure_ascii=False),
                    batch.stamp,
                    batch.stamp,
                )
            )
            self.matcher.add(chosen, name, spk["aliases"], group=batch.source)
            self._created_from[chosen] = batch.source
        state.chosen[pair] = chosen
        return chosen

    def _by_name(self, name: str, state: _Source, *, skip: object) -> str | None:
        found = self.matcher.find(name, skip_group=skip)
        if len(found) > 1:
            state.ambiguous[" ".join(name.split())] = None
            return None
        return found[0] if found else None

    def _children(
        self, rec: dict, aid: str, batch: _Batch, outcome: RecordOutcome, existing: _Existing
    ) -> None:
        rows, stamp = batch.rows, batch.stamp
        speaker_map: dict[str, str] = {}
        mention_of: dict[Any, str] = {}
        for spk in rec["speakers"]:
            sid = self._speaker(spk, batch)
            if spk["id"]:
                speaker_map[spk["id"]] = sid
            for m in spk["mentions"]:
                mention_of[m] = sid
        span_map: dict[Any, str] = {}
        for span in rec["spans"]:
            key = span["key"]
            same = (span["start"], span["end"], span["label"], span["annotator"])
            if span["id"] and existing.by_id.get(span["id"]) == same:
                span_map[key] = span["id"]
            elif same in existing.spans and (existing.stored or not span["id"]):
                # The same highlight twice is kept once.
                span_map[key] = existing.spans[same]
            if key in span_map:
                if key in mention_of:
                    batch.mentions.append((mention_of[key], span_map[key]))
                continue
            sid = span_map[key] = batch.free("spans", span["id"])
            existing.spans.setdefault(same, sid)
            outcome.spans += 0 if outcome.added else 1
            rows["spans"].append(
                (
                    sid,
                    aid,
                    span["start"],
                    span["end"],
                    span["text"],
                    span["label"],
                    span["annotator"],
                    span["status"],
                    span["note"],
                    mention_of.get(key),
                    span["reviewer"],
                    span["reviewed_at"],
                    span["created"] or stamp,
                    span["updated"] or span["created"] or stamp,
                )
            )
        claim_map: dict[str, str] = {}
        for claim in rec["claims"]:
            content = [span_map[k] for k in dict.fromkeys(claim["spans"])]
            same_claim = existing.claims.get(frozenset(content)) if existing.stored else None
            if same_claim is not None:
                if claim["id"]:
                    claim_map[claim["id"]] = same_claim
                continue
            cid = batch.free("claims", claim["id"])
            if claim["id"]:
                claim_map[claim["id"]] = cid
            existing.claims.setdefault(frozenset(content), cid)
            outcome.claims += 0 if outcome.added else 1
            rows["claims"].append(
                (
                    cid,
                    aid,
                    speaker_map.get(claim["speaker"]) if claim["speaker"] else None,
                    span_map.get(claim["mention"]),
                    span_map.get(claim["cue"]),
                    claim["kind"],
                    claim["status"],
                    claim["note"],
                    json.dumps(claim["proposed_speaker"], ensure_ascii=False)
                    if claim.get("proposed_speaker")
                    else None,
                    stamp,
                    stamp,
                )
            )
            for ord_, span_id in enumerate(content):
                rows["claim_spans"].append((cid, span_id, ord_))
        for pos in rec["positions"]:
            name = " ".join(pos["target"].split())
            tid = batch.targets.get(normalise_target(name))
            if tid is None:
                tid = batch.targets[normalise_target(name)] = new_id()
                rows["targets"].append((tid, name))
            speaker = speaker_map.get(pos["speaker"]) if pos["speaker"] else None
            evidence = [claim_map[c] for c in dict.fromkeys(pos["evidence"])]
            same = (speaker, tid, pos["stance"], frozenset(evidence))
            if existing.stored and same in existing.positions:
                continue
            pid = batch.free("positions", pos["id"])
            existing.positions.setdefault(same, pid)
            outcome.positions += 0 if outcome.added else 1
            rows["positions"].append(
                (pid, aid, speaker, tid, pos["stance"], pos["status"], pos["note"], stamp, stamp)
            )
            for claim_id in evidence:
                rows["position_evidence"].append((pid, claim_id))


@dataclass
class _Existing:
    """Annotations of one article, to add an incoming record's without doubles."""

    # An article stored before this record: its annotations are matched by content.
    stored: bool = False
    by_id: dict[str, tuple] = field(default_factory=dict)
    spans: dict[tuple, str] = field(default_factory=dict)
    claims: dict[frozenset, str] = field(default_factory=dict)
    positions: dict[tuple, str] = field(default_factory=dict)


@dataclass
class _Batch:
    """The rows one transaction inserts, and the ids it has taken."""

    taken: dict[str, set[str]]
    targets: dict[str, str]
    stamp: str
    source: object
    state: _Source
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in PRIMARY_KEYS})
    mentions: list[tuple[str, str]] = field(default_factory=list)

    def free(self, table: str, wanted: str | None) -> str:
        """``wanted`` if no row of ``table`` has that id yet, else a new id."""
        taken = self.taken[table]
        chosen = new_id() if not wanted or wanted in taken else wanted
        taken.add(chosen)
        return chosen


def _copy_source(state: _Source) -> _Source:
    return _Source(
        state.trusted, dict(state.chosen), set(state.conflicting_ids), dict(state.ambiguous)
    )


def bulk_writer(store: Store) -> _BulkWriter:
    """A writer for many prepared records at once (imports)."""
    return _BulkWriter(store)

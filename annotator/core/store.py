"""The one place that talks SQL: articles, spans, speakers, claims, positions, undo.

Every user action is one committed transaction (WAL, synchronous=FULL) and one row
in ``history`` holding the before and after image of every row it touched, so undo
and redo survive a restart and a crash loses nothing that was acknowledged.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from . import schema
from .clock import new_id, now
from .errors import IntegrityError, OffsetError, StoreError
from .textio import sha256_text

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "speakers": ("id",),
    "targets": ("id",),
    "spans": ("id",),
    "claims": ("id",),
    "claim_spans": ("claim_id", "span_id"),
    "positions": ("id",),
    "position_evidence": ("position_id", "claim_id"),
}


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
    ) -> None:
        if path is None and not memory:
            raise ValueError("give a path or memory=True")
        self.path = None if memory else Path(path)  # type: ignore[arg-type]
        self.annotator = annotator or _default_annotator()
        where = ":memory:" if memory else str(self.path)
        try:
            if self.path is not None and self.path.is_dir():
                raise StoreError(f"{where}: is a folder, not a database file")
            conn = sqlite3.connect(where, isolation_level=None, timeout=5.0)
            try:
                self.db = sqlite_utils.Database(conn)
                # Refuse a newer or foreign file before anything (even the journal
                # mode) is changed in it, and leave no connection behind.
                self._refuse_unknown()
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
    def _action(self, name: str) -> Iterator[_Journal]:
        journal = _Journal(name)
        with self.transaction():
            yield journal
            if journal.entries:
                # A new action makes the undone ones unreachable, as in any editor.
                self.db.execute("DELETE FROM history WHERE undone = 1")
                self.db.execute(
                    "INSERT INTO history (action, created, changes) VALUES (?, ?, ?)",
                    (name, now(), json.dumps(journal.entries, ensure_ascii=False)),
                )

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

    def undo_label(self) -> str | None:
        row = self._one("SELECT action FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1")
        return row["action"] if row else None

    def redo_label(self) -> str | None:
        row = self._one("SELECT action FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1")
        return row["action"] if row else None

    def undo(self) -> Changes | None:
        """Undo the latest action still done; None when there is nothing to undo."""
        return self._replay(undo=True)

    def redo(self) -> Changes | None:
        """Redo the earliest undone action; None when there is nothing to redo."""
        return self._replay(undo=False)

    def _replay(self, *, undo: bool) -> Changes | None:
        with self.transaction():
            if undo:
                sql = "SELECT * FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1"
            else:
                sql = "SELECT * FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1"
            row = self._one(sql)
            if row is None:
                return None
            # Rows come back in an order foreign keys may dislike until the end.
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            entries = json.loads(row["changes"])
            for entry in reversed(entries) if undo else entries:
                image = entry["b"] if undo else entry["a"]
                if entry.get("u"):
                    self._set_columns(entry["t"], entry["k"], image)
                else:
                    self._put_image(entry["t"], entry["k"], image)
            self.db.execute(
                "UPDATE history SET undone = ? WHERE id = ?", (1 if undo else 0, row["id"])
            )
        return Changes(
            ("Undo " if undo else "Redo ") + row["action"],
            frozenset(e["art"] for e in entries if e.get("art")),
            frozenset(e["t"] for e in entries),
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
        """Add one article with its text exactly as given; None if that text is already in."""
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
            for pos in self._query("SELECT id FROM positions WHERE article_id = ?", [article_id]):
                self._delete_position(j, pos["id"])
            for claim in self._query("SELECT id FROM claims WHERE article_id = ?", [article_id]):
                self._delete_claim(j, claim["id"], with_spans=False)
            for span in self._query("SELECT id FROM spans WHERE article_id = ?", [article_id]):
                self._delete(j, "spans", {"id": span["id"]})
            self._delete(j, "articles", {"id": article_id})
        return j.changes()

    # -- spans -------------------------------------------------------------

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
        if not label or not label.strip():
            raise IntegrityError("a span needs a label")
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
        if "start" in changes or "end" in changes:
            start = changes.get("start", span["start"])
            end = changes.get("end", span["end"])
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
        """The speaker with this name or alias (case-insensitive), if any."""
        wanted = " ".join(name.split()).casefold()
        if not wanted:
            return None
        # Compared in Python: SQLite's LIKE folds only ASCII case ("Élodie" vs
        # "élodie"), and a LIMIT could cut off the one exact match among many.
        rows = self._query("SELECT * FROM speakers ORDER BY name COLLATE NOCASE, rowid")
        for row in rows:
            row["aliases"] = json.loads(row["aliases"])
        for row in rows:
            if " ".join(row["name"].split()).casefold() == wanted:
                return row
        for row in rows:
            if any(" ".join(a.split()).casefold() == wanted for a in row["aliases"]):
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
            self._delete(j, "speakers", {"id": drop_id})
        return j.changes()

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
        for sid in [*span_ids, mention_span_id, cue_span_id]:
            if sid is None:
                continue
            span = self.span(sid)
            if span is None or span["article_id"] != article_id:
                raise IntegrityError(f"span {sid} is not a highlight of this article")
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

    def add_suggestions(self, article_id: str, claims: Sequence[dict[str, Any]]) -> int:
        """Store suggested claims of one article; returns how many were added.

        Each item: {"content": [(start, end)], "cue": (start, end) | None,
        "mention": (start, end) | None, "kind": ..., "speaker_id": known id | None,
        "proposal": {"name", "kind", "role", "affiliation"} | None}. A claim whose
        content overlaps any claim highlight already there (accepted, suggested or
        rejected) is skipped, so running suggestions twice adds nothing and never
        duplicates or overrides an analyst's decision. Not an undoable action: it is
        machine work, undone by rejecting.
        """
        existing = self._query(
            'SELECT id, start, "end", label, status FROM spans WHERE article_id = ?', [article_id]
        )
        claim_ranges = [(s["start"], s["end"]) for s in existing if s["label"] == "claim"]
        by_range = {(s["start"], s["end"], s["label"]): s for s in existing}
        text = self.article_text(article_id)
        stamp = now()
        added = 0
        journal = _Journal("Suggest")  # collects rows; never written to history

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

        with self.transaction():
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
                linked = [*claim["spans"], claim["mention_span_id"], claim["cue_span_id"]]
                for span_id in linked:
                    if span_id is None:
                        continue
                    if (
                        not accept
                        and span_id not in claim["spans"]
                        and self._used_elsewhere(span_id, claim_id)
                    ):
                        continue
                    decide_span(span_id)
                if accept and after["mention_span_id"] and after["speaker_id"]:
                    self._update(
                        j,
                        "spans",
                        {"id": after["mention_span_id"]},
                        {"speaker_id": after["speaker_id"]},
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

    def _target_id(self, j: _Journal, name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise IntegrityError("a position needs a target")
        row = self.db.execute("SELECT id FROM targets WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
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
        for claim_id in evidence:
            claim = self.claim(claim_id)
            if claim is None or claim["article_id"] != article_id:
                raise IntegrityError(f"claim {claim_id} is not a claim of this article")
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


def _status_filter(column: str, statuses: Iterable[str] | None) -> tuple[str, list[str]]:
    """An ``AND column IN (...)`` clause and its parameters; nothing for None (all)."""
    if statuses is None:
        return "", []
    statuses = list(statuses)
    return f" AND {column} IN ({','.join('?' for _ in statuses)})", statuses


def _default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "annotator"


class _BulkWriter:
    """Writes prepared records (see records.prepare_record) in large batches.

    Imports are not undoable actions: they write straight to the tables with
    executemany, which keeps a 10,000-article import close to raw SQLite speed.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        db = store.db
        self.hashes = {r[0] for r in db.execute("SELECT text_sha256 FROM articles")}
        self.article_ids = {r[0] for r in db.execute("SELECT id FROM articles")}
        self.speakers = {r[0] for r in db.execute("SELECT id FROM speakers")}
        self.speaker_names = {
            r[1].casefold(): r[0] for r in db.execute("SELECT id, name FROM speakers")
        }
        self.targets = {r[1].casefold(): r[0] for r in db.execute("SELECT id, name FROM targets")}
        self.used: dict[str, set[str]] = {"articles": self.article_ids}
        self.nonempty: dict[str, bool] = {"articles": False}

    def _free(self, table: str, wanted: str | None) -> str:
        """``wanted`` if no row of ``table`` has that id yet, else a new id."""
        used = self.used.setdefault(table, set())
        if table not in self.nonempty:
            self.nonempty[table] = bool(
                self.store.db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
            )
        taken = (
            not wanted
            or wanted in used
            or (
                self.nonempty[table]
                and self.store.db.execute(
                    f"SELECT 1 FROM {table} WHERE id = ?", [wanted]
                ).fetchone()
            )
        )
        chosen = new_id() if taken else wanted
        used.add(chosen)
        return chosen

    def write(self, records: Sequence[dict[str, Any]]) -> list[str | None]:
        """Insert the records in one transaction; per record its article id, or None if a duplicate."""
        rows: dict[str, list[tuple]] = {t: [] for t in PRIMARY_KEYS}
        outcome: list[str | None] = []
        stamp = now()
        for rec in records:
            art = rec["article"]
            digest = sha256_text(art["text"])
            if digest in self.hashes:
                outcome.append(None)
                continue
            self.hashes.add(digest)
            aid = self._free("articles", art["id"])
            outcome.append(aid)
            rows["articles"].append(
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
                    stamp,
                    json.dumps(art["meta"], ensure_ascii=False),
                )
            )
            self._children(rec, aid, stamp, rows)
        store = self.store
        with store.transaction():
            for table, batch in rows.items():
                if batch:
                    marks = ",".join("?" * len(batch[0]))
                    store.db.conn.executemany(f"INSERT INTO {table} VALUES ({marks})", batch)
        return outcome

    def _children(self, rec: dict, aid: str, stamp: str, rows: dict[str, list[tuple]]) -> None:
        span_map = {s["id"]: self._free("spans", s["id"]) for s in rec["spans"] if s["id"]}
        speaker_map: dict[str, str] = {}
        mention_of: dict[str, str] = {}
        for spk in rec["speakers"]:
            sid = spk["id"]
            if sid not in self.speakers:
                sid = self.speaker_names.get(spk["name"].casefold(), sid)
            if sid not in self.speakers:
                # Only speakers stored before this import are matched by name: two
                # ids in one file are two people, even when they share a name.
                self.speakers.add(sid)
                rows["speakers"].append(
                    (
                        sid,
                        spk["name"],
                        spk["kind"],
                        spk["role"],
                        spk["affiliation"],
                        json.dumps(spk["aliases"], ensure_ascii=False),
                        stamp,
                        stamp,
                    )
                )
            speaker_map[spk["id"]] = sid
            for m in spk["mentions"]:
                mention_of[m] = sid
        for span in rec["spans"]:
            key = span["id"]
            sid = span_map[key] if key else new_id()
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
                    mention_of.get(key) if key else None,
                    span["reviewer"],
                    span["reviewed_at"],
                    span["created"] or stamp,
                    span["updated"] or span["created"] or stamp,
                )
            )
        claim_map: dict[str, str] = {}
        for claim in rec["claims"]:
            cid = claim_map[claim["id"]] = self._free("claims", claim["id"])
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
            for ord_, span_id in enumerate(dict.fromkeys(claim["spans"])):
                rows["claim_spans"].append((cid, span_map[span_id], ord_))
        for pos in rec["positions"]:
            pid = self._free("positions", pos["id"])
            tid = self.targets.get(pos["target"].casefold())
            if tid is None:
                tid = self.targets[pos["target"].casefold()] = new_id()
                rows["targets"].append((tid, pos["target"]))
            rows["positions"].append(
                (
                    pid,
                    aid,
                    speaker_map.get(pos["speaker"]) if pos["speaker"] else None,
                    tid,
                    pos["stance"],
                    pos["status"],
                    pos["note"],
                    stamp,
                    stamp,
                )
            )
            for claim_id in dict.fromkeys(pos["evidence"]):
                rows["position_evidence"].append((pid, claim_map[claim_id]))


def bulk_writer(store: Store) -> _BulkWriter:
    """A writer for many prepared records at once (imports)."""
    return _BulkWriter(store)

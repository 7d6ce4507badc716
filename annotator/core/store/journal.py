"""The SQL of the ``history`` table and of the checks undo and redo make.

``core/history.py`` decides what to undo and how; this module only reads and
writes rows for it, so every SQL text stays in the storage package.
"""

from __future__ import annotations

import json
from typing import Any

from ..clock import now
from ..db import Database


class HistoryRows:
    """The rows of ``history`` (one per action) of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, action: str, changes: str, annotator: str, group_id: int | None) -> int:
        """Store one action (``changes``: its entries as JSON); returns the row id.

        A new action makes this annotator's undone ones unreachable, as in any
        editor; the redo of others stays theirs.
        """
        db = self.db.db
        db.execute("DELETE FROM history WHERE undone = 1 AND annotator = ?", [annotator])
        cursor = db.execute(
            "INSERT INTO history (action, created, changes, annotator, grp) VALUES (?, ?, ?, ?, ?)",
            (action, now(), changes, annotator, group_id),
        )
        return cursor.lastrowid  # type: ignore[return-value]

    def start_group(self, row_id: int) -> None:
        """Make the row the first of its group (the group is named by that row's id)."""
        self.db.db.execute("UPDATE history SET grp = id WHERE id = ?", [row_id])

    def latest(self, annotator: str, *, undone: bool) -> dict[str, Any] | None:
        """(id, grp, action) of the annotator's latest done action, or earliest undone one."""
        order = "ASC" if undone else "DESC"
        return self.db.one(
            f"SELECT id, grp, action FROM history WHERE annotator = ? AND undone = ? "
            f"ORDER BY id {order} LIMIT 1",
            [annotator, 1 if undone else 0],
        )

    def latest_inside(self, annotator: str, head: dict[str, Any]) -> dict[str, Any] | None:
        """The annotator's latest done action made while the group of ``head`` went on."""
        return self.db.one(
            "SELECT id, grp, action FROM history WHERE annotator = ? AND undone = 0 "
            "AND id > ? AND id < ? AND (grp IS NULL OR grp != ?) ORDER BY id DESC LIMIT 1",
            [annotator, head["grp"], head["id"], head["grp"]],
        )

    def step(self, head: dict[str, Any]) -> list[dict[str, Any]]:
        """The rows of the step ``head`` names (its group, in order), whole."""
        if head["grp"] is None:
            return self.db.query("SELECT * FROM history WHERE id = ?", [head["id"]])
        return self.db.query("SELECT * FROM history WHERE grp = ? ORDER BY id", [head["grp"]])

    def others(
        self, first: int, group: int | None, *, redo: bool, annotator: str
    ) -> list[dict[str, Any]]:
        """Actions a step may conflict with: later done ones outside its group and, for
        a redo, earlier ones someone else undid since."""
        sql = (
            "SELECT id, action, annotator, changes FROM history "
            "WHERE id > ? AND undone = 0 AND (grp IS NULL OR grp IS NOT ?)"
        )
        params: list[Any] = [first, group]
        if redo:
            sql += " UNION ALL SELECT id, action, annotator, changes FROM history "
            sql += "WHERE id < ? AND undone = 1 AND annotator IS NOT ?"
            params += [first, annotator]
        return self.db.query(sql + " ORDER BY id", params)

    def mark(self, first: int, group: int | None, *, undone: bool, detached: str | None) -> None:
        """Mark a step undone (or done) and keep what it detached from other rows."""
        # A group is found by its grp (a run may have more rows than SQL parameters).
        self.db.db.execute(
            "UPDATE history SET undone = ? WHERE id = ? OR grp = ?",
            [1 if undone else 0, first, group],
        )
        self.db.db.execute("UPDATE history SET detached = ? WHERE id = ?", [detached, first])

    def rename(self, old: str, new: str) -> None:
        """Make every history row name id ``new`` where it named ``old``. Ids are random
        hex, so the quoted id cannot occur inside anything else."""
        quoted_old, quoted_new = json.dumps(old), json.dumps(new)
        self.db.db.execute(
            "UPDATE history SET changes = replace(changes, ?, ?), "
            "detached = replace(detached, ?, ?) "
            "WHERE instr(changes, ?) OR instr(coalesce(detached, ''), ?)",
            [quoted_old, quoted_new, quoted_old, quoted_new, quoted_old, quoted_old],
        )

    def defer_foreign_keys(self) -> None:
        """Check foreign keys at commit only (rows come back in any order)."""
        self.db.db.execute("PRAGMA defer_foreign_keys = ON")

    def article_with_text(self, text_sha256: str, other_than: str) -> str | None:
        """The id of another article with this text, if any."""
        return self.db.value(
            "SELECT id FROM articles WHERE text_sha256 = ? AND id != ?", [text_sha256, other_than]
        )

    def referring(self, child: str, column: str, ids: list[str]) -> set[str]:
        """Those of ``ids`` that some row of ``child`` names in ``column``."""
        return {
            r[0]
            for r in self.db.db.execute(
                f'SELECT DISTINCT "{column}" FROM {child} '
                f'WHERE "{column}" IN (SELECT value FROM json_each(?))',
                [json.dumps(ids)],
            )
        }

    def exists(self, table: str, row_id: str) -> bool:
        """True when ``table`` has a row with this id."""
        return self.db.value(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]) is not None

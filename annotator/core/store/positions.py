"""Positions: a speaker's stance toward a corpus-wide target, and the targets."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from .. import schema
from ..clock import new_id, now
from ..errors import IntegrityError
from ..history import Changes, Journal
from ..textio import squash_spaces
from .common import Manager, layer_filter, status_filter


def normalise_target(name: str) -> str:
    """The form two target names are compared in: same result, same target.

    Runs of whitespace become one space, the ends are trimmed and case is folded
    the Unicode way ("Énergie" and " énergie " are one target). The store, import
    and export all match targets with this function.
    """
    return squash_spaces(name).casefold()


def position_row(
    *,
    article_id: str,
    speaker_id: str | None,
    target_id: str,
    stance: str,
    created: str,
    annotator: str,
    id: str | None = None,
    status: str = "accepted",
    note: str | None = None,
) -> dict[str, Any]:
    """The row of one position, as stored (``annotator``: whose layer it is in)."""
    return {
        "id": id or new_id(),
        "article_id": article_id,
        "speaker_id": speaker_id,
        "target_id": target_id,
        "stance": stance,
        "status": status,
        "note": note,
        "created": created,
        "updated": created,
        "annotator": annotator,
    }


class Positions(Manager):
    """``store.positions``: targets, and add, read, change and delete positions.

    Calling it (``store.positions(article_id)``) lists an article's positions.
    """

    def __call__(
        self,
        article_id: str,
        *,
        statuses: Iterable[str] | None = None,
        annotators: Iterable[str] | None = None,
    ) -> list[dict[str, Any]]:
        """The article's positions with ``target`` (name) and ``evidence`` (claim ids).

        Parameters:
            statuses: only positions with one of these statuses (None: all).
            annotators: only these analysts' layers (None: every layer).
        """
        sql = (
            "SELECT p.*, t.name AS target, (SELECT json_group_array(claim_id) FROM "
            "position_evidence WHERE position_id = p.id) AS evidence "
            "FROM positions p JOIN targets t ON t.id = p.target_id WHERE p.article_id = ?"
        )
        where, params = status_filter("p.status", statuses)
        layer, names = layer_filter("p.annotator", annotators)
        rows = self.db.query(
            sql + where + layer + " ORDER BY p.created, p.rowid", [article_id, *params, *names]
        )
        for row in rows:
            row["evidence"] = sorted(json.loads(row["evidence"]))
        return rows

    def targets(self, *, prefix: str = "", limit: int = 1000) -> list[str]:
        """Target names containing ``prefix``, by name."""
        rows = self.db.db.execute(
            "SELECT name FROM targets WHERE name LIKE ? ORDER BY name COLLATE NOCASE LIMIT ?",
            [f"%{prefix}%", limit],
        ).fetchall()
        return [r[0] for r in rows]

    def find_target(self, name: str) -> str | None:
        """The id of the target ``normalise_target`` matches with ``name``, if any."""
        wanted = normalise_target(name)
        # The NOCASE column finds the usual spellings at once; SQLite folds only ASCII
        # case, so "Énergie" for "énergie" needs the comparison in Python.
        for target_id, stored in self.db.db.execute(
            "SELECT id, name FROM targets WHERE name = ? ORDER BY rowid", [squash_spaces(name)]
        ):
            if normalise_target(stored) == wanted:
                return target_id
        for target_id, stored in self.db.db.execute("SELECT id, name FROM targets ORDER BY rowid"):
            if normalise_target(stored) == wanted:
                return target_id
        return None

    def _target_id(self, j: Journal, name: str) -> str:
        if not isinstance(name, str) or not name.strip():
            raise IntegrityError("a position needs a target")
        name = squash_spaces(name)
        found = self.find_target(name)
        if found:
            return found
        target_id = new_id()
        j.insert("targets", {"id": target_id, "name": name})
        return target_id

    def add(
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
        journal: Journal | None = None,
    ) -> dict[str, Any]:
        """A speaker's stance toward a (corpus-wide) target, backed by claims of this article.

        The position is in this Store's annotator's layer. Returns the stored position row.

        Raises:
            IntegrityError: an unknown stance or speaker, no target, or evidence that
                is not a claim of this article.
        """
        with self.history.action("Add position", journal=journal) as j:
            if stance not in schema.STANCES:
                raise IntegrityError(
                    f"unknown stance {stance!r}; use one of {', '.join(schema.STANCES)}"
                )
            if speaker_id is not None and self.store.speakers.get(speaker_id) is None:
                raise IntegrityError(f"no speaker with id {speaker_id}")
            self.store.claims.check_claims_of(article_id, evidence)
            row = position_row(
                id=id,
                article_id=article_id,
                speaker_id=speaker_id,
                target_id=self._target_id(j, target),
                stance=stance,
                status=status,
                note=note,
                created=now(),
                annotator=self.annotator,
            )
            j.insert("positions", row)
            for claim_id in dict.fromkeys(evidence):
                j.insert("position_evidence", {"position_id": row["id"], "claim_id": claim_id})
        return row

    def update(self, position_id: str, **changes: Any) -> Changes:
        """Change stance, target (by name), speaker, note, status or evidence (claim ids).

        Raises:
            ValueError: a column that cannot be changed.
            IntegrityError: no such position, an unknown stance, or evidence of another
                article.
        """
        allowed = {"stance", "target", "speaker_id", "note", "status", "evidence"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a position")
        if "stance" in changes and changes["stance"] not in schema.STANCES:
            raise IntegrityError(f"unknown stance {changes['stance']!r}")
        with self.history.action("Edit position") as j:
            evidence = changes.pop("evidence", None)
            position = self.db.get("positions", {"id": position_id})
            if position is None:
                raise IntegrityError(f"no position with id {position_id}")
            if evidence is not None:
                self.store.claims.check_claims_of(position["article_id"], evidence)
            if "target" in changes:
                changes["target_id"] = self._target_id(j, changes.pop("target"))
            changes["updated"] = now()
            j.update("positions", {"id": position_id}, changes)
            if evidence is not None:
                self._drop_evidence(j, position_id)
                for claim_id in dict.fromkeys(evidence):
                    j.insert(
                        "position_evidence", {"position_id": position_id, "claim_id": claim_id}
                    )
        return j.changes()

    def _drop_evidence(self, j: Journal, position_id: str) -> None:
        for ev in self.db.query(
            "SELECT claim_id FROM position_evidence WHERE position_id = ?", [position_id]
        ):
            j.delete("position_evidence", {"position_id": position_id, "claim_id": ev["claim_id"]})

    def delete(self, position_id: str, *, journal: Journal | None = None) -> Changes:
        """Delete a position (one undoable action unless ``journal`` is given)."""
        with self.history.action("Delete position", journal=journal) as j:
            self._drop_evidence(j, position_id)
            j.delete("positions", {"id": position_id})
        return j.changes()

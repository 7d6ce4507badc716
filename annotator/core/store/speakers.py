"""Speakers: corpus-wide people and bodies that claims and mentions name."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import schema
from ..clock import new_id, now
from ..errors import IntegrityError
from ..history import Changes, Journal
from ..names import normalise_name
from ..textio import squash_spaces
from .common import Manager, plural


def speaker_row(
    *,
    name: str,
    created: str,
    id: str | None = None,
    kind: str = "person",
    role: str | None = None,
    affiliation: str | None = None,
    aliases: Sequence[str] = (),
) -> dict[str, Any]:
    """The row of one speaker, as stored (name with its spaces squashed, aliases as JSON)."""
    return {
        "id": id or new_id(),
        "name": squash_spaces(name),
        "kind": kind,
        "role": role,
        "affiliation": affiliation,
        "aliases": json.dumps(list(aliases), ensure_ascii=False),
        "created": created,
        "updated": created,
    }


def _with_aliases(row: dict[str, Any]) -> dict[str, Any]:
    row["aliases"] = json.loads(row["aliases"])
    return row


class Speakers(Manager):
    """``store.speakers``: add, find, edit, merge and keep apart speakers.

    Calling it (``store.speakers(prefix=...)``) lists speakers by name.
    """

    def __call__(self, *, prefix: str = "", limit: int = 1000) -> list[dict[str, Any]]:
        """Corpus-wide speakers whose name or an alias contains ``prefix``, by name."""
        like = f"%{prefix}%"
        rows = self.db.query(
            "SELECT * FROM speakers WHERE name LIKE ? OR aliases LIKE ? "
            "ORDER BY name COLLATE NOCASE LIMIT ?",
            [like, like, limit],
        )
        return [_with_aliases(row) for row in rows]

    def add(
        self,
        name: str,
        *,
        kind: str = "person",
        role: str | None = None,
        affiliation: str | None = None,
        aliases: Sequence[str] = (),
        id: str | None = None,
        journal: Journal | None = None,
    ) -> dict[str, Any]:
        """Add a corpus-wide speaker; returns the stored row.

        Raises:
            IntegrityError: an empty name or unknown kind.
        """
        with self.history.action("Add speaker", journal=journal) as j:
            if not squash_spaces(name):
                raise IntegrityError("a speaker needs a name")
            if kind not in schema.SPEAKER_KINDS:
                raise IntegrityError(f"unknown speaker kind {kind!r}")
            row = speaker_row(
                id=id,
                name=name,
                kind=kind,
                role=role,
                affiliation=affiliation,
                aliases=aliases,
                created=now(),
            )
            j.insert("speakers", row)
        return row

    def get(self, speaker_id: str) -> dict[str, Any] | None:
        """The speaker (``aliases`` as a list), or None."""
        row = self.db.one("SELECT * FROM speakers WHERE id = ?", [speaker_id])
        return _with_aliases(row) if row else None

    def find(self, name: str) -> dict[str, Any] | None:
        """The speaker with this name or alias (matched by `names.normalise_name`, the
        rule import and merge use), if any."""
        wanted = normalise_name(name)
        if not wanted:
            return None
        # Compared in Python: SQLite's LIKE folds only ASCII case ("Élodie" vs
        # "élodie"), and a LIMIT could cut off the one exact match among many.
        rows = self._all()
        for row in rows:
            if normalise_name(row["name"]) == wanted:
                return row
        for row in rows:
            if any(normalise_name(a) == wanted for a in row["aliases"]):
                return row
        return None

    def everyone(self) -> list[dict[str, Any]]:
        """Every speaker of the corpus (``aliases`` as a list), by name."""
        return self._all()

    def _all(self) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT * FROM speakers ORDER BY name COLLATE NOCASE, rowid")
        return [_with_aliases(row) for row in rows]

    def called(self, name: str) -> list[dict[str, Any]]:
        """Every speaker whose name or an alias is ``name`` (any case, any spacing)."""
        wanted = squash_spaces(name).casefold()
        return [
            row
            for row in self._all()
            if any(squash_spaces(n).casefold() == wanted for n in [row["name"], *row["aliases"]])
        ]

    def named(
        self, name: str, *, kind: str = "person", role: str | None = None, journal: Journal
    ) -> str | None:
        """The id of the speaker found by ``name`` (or a new one); None for a blank name."""
        if not name.strip():
            return None
        found = self.find(name)
        if found:
            return found["id"]
        return self.add(name, kind=kind, role=role, journal=journal)["id"]

    def update(self, speaker_id: str, **changes: Any) -> Changes:
        """Change a speaker's name, kind, role, affiliation or aliases (one undoable action).

        Raises:
            ValueError: a column that cannot be changed.
            IntegrityError: no such speaker.
        """
        allowed = {"name", "kind", "role", "affiliation", "aliases"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a speaker")
        if "aliases" in changes:
            changes["aliases"] = json.dumps(list(changes["aliases"]), ensure_ascii=False)
        changes["updated"] = now()
        with self.history.action("Edit speaker") as j:
            j.update("speakers", {"id": speaker_id}, changes)
        return j.changes()

    def link_mention(
        self,
        span_id: str,
        *,
        speaker_name: str,
        kind: str = "person",
        role: str | None = None,
        alias: str | None = None,
    ) -> Changes:
        """Say which corpus-wide speaker a speaker highlight names (found by name or alias, or new).

        Parameters:
            alias: another name the speaker goes by (the mention's words, confirmed by
                the analyst), added in the same undoable action unless already known.
        """
        with self.history.action("Set speaker") as j:
            speaker_id = self.named(speaker_name, kind=kind, role=role, journal=j)
            self.store.spans.update(span_id, speaker_id=speaker_id, journal=j)
            self.add_alias(speaker_id, alias, journal=j)
        return j.changes()

    def add_alias(self, speaker_id: str | None, alias: str | None, *, journal: Journal) -> None:
        """Add ``alias`` to a speaker's other names within an action under way, unless it
        is empty or already one of its names (case, accents and punctuation aside)."""
        row = self.get(speaker_id) if speaker_id and alias and alias.strip() else None
        if row is None:
            return
        known = {normalise_name(n) for n in [row["name"], *row["aliases"]]}
        if normalise_name(alias) not in known:
            aliases = json.dumps([*row["aliases"], alias.strip()], ensure_ascii=False)
            journal.update("speakers", {"id": speaker_id}, {"aliases": aliases, "updated": now()})

    def merge(self, keep_id: str, drop_id: str) -> Changes:
        """Move every mention, claim and position of ``drop_id`` to ``keep_id``, then drop it.

        Raises:
            IntegrityError: the two ids are the same, or one is unknown.
        """
        keep, drop = self.get(keep_id), self.get(drop_id)
        if keep is None or drop is None or keep_id == drop_id:
            raise IntegrityError("pick two different existing speakers to merge")
        with self.history.action(f"Merge speaker {drop['name']} into {keep['name']}") as j:
            self._merge(j, keep_id, drop_id)
        return j.changes()

    def merge_groups(self, groups: Sequence[tuple[str, Sequence[str]]]) -> Changes:
        """Merge many groups of speakers in one undoable action.

        ``groups``: (keep id, [other ids]) pairs; each other speaker is merged into its
        keep speaker as :meth:`merge` does (its names become aliases).

        Raises:
            IntegrityError: an id is unknown, a speaker is both kept and merged, or
                appears in two groups; nothing is changed then.
        """
        seen: set[str] = set()
        for keep_id, others in groups:
            for sid in (keep_id, *others):
                if sid in seen:
                    raise IntegrityError(f"speaker {sid} is in two merge groups")
                if self.get(sid) is None:
                    raise IntegrityError(f"no speaker with id {sid}")
                seen.add(sid)
        name = "Merge " + plural(sum(len(others) for _keep, others in groups), "speaker")
        if len(groups) == 1:
            keep = self.get(groups[0][0])
            name += f" into {keep['name']}" if keep else ""
        with self.history.action(name) as j:
            for keep_id, others in groups:
                for drop_id in others:
                    self._merge(j, keep_id, drop_id)
        return j.changes()

    def _merge(self, j: Journal, keep_id: str, drop_id: str) -> None:
        keep, drop = self.get(keep_id), self.get(drop_id)
        assert keep is not None and drop is not None
        for table in ("spans", "claims", "positions"):
            for row in self.db.query(f"SELECT id FROM {table} WHERE speaker_id = ?", [drop_id]):
                j.update(table, {"id": row["id"]}, {"speaker_id": keep_id})
        aliases = list(keep["aliases"])
        for alias in [drop["name"], *drop["aliases"]]:
            if alias.casefold() != keep["name"].casefold() and alias not in aliases:
                aliases.append(alias)
        j.update(
            "speakers",
            {"id": keep_id},
            {"aliases": json.dumps(aliases, ensure_ascii=False), "updated": now()},
        )
        # A rejected merge names the dropped speaker: it now speaks for the kept one.
        for row in self.db.query(
            "SELECT * FROM speaker_distinct WHERE speaker_a = ? OR speaker_b = ?",
            [drop_id, drop_id],
        ):
            j.delete("speaker_distinct", {k: row[k] for k in ("speaker_a", "speaker_b")})
            other = row["speaker_b"] if row["speaker_a"] == drop_id else row["speaker_a"]
            if other != keep_id:
                self._mark_distinct(j, keep_id, other, row["reviewer"])
        j.delete("speakers", {"id": drop_id})

    def reject_groups(self, groups: Sequence[Sequence[str]]) -> Changes:
        """Remember that the speakers of each group are different actors (one undoable
        action), so merge suggestions never propose them as one again."""
        with self.history.action("Keep speakers apart") as j:
            for group in groups:
                ids = sorted(set(group))
                for i, a in enumerate(ids):
                    for b in ids[i + 1 :]:
                        self._mark_distinct(j, a, b, self.annotator)
        return j.changes()

    def _mark_distinct(self, j: Journal, a: str, b: str, reviewer: str | None) -> None:
        a, b = sorted((a, b))
        if self.db.get("speaker_distinct", {"speaker_a": a, "speaker_b": b}) is None:
            j.insert(
                "speaker_distinct",
                {"speaker_a": a, "speaker_b": b, "reviewer": reviewer, "decided": now()},
            )

    def distinct_pairs(self) -> set[frozenset[str]]:
        """Pairs of speakers an analyst said are two actors (rejected merges)."""
        return {
            frozenset(row)
            for row in self.db.db.execute("SELECT speaker_a, speaker_b FROM speaker_distinct")
        }

    def set_kinds(self, speaker_ids: Sequence[str], kind: str) -> Changes:
        """Give many speakers one kind (e.g. ``other`` for sources that are not actors),
        in one undoable action.

        Raises:
            IntegrityError: an unknown kind or speaker id; nothing is changed then.
        """
        if kind not in schema.SPEAKER_KINDS:
            raise IntegrityError(f"unknown speaker kind {kind!r}")
        stamp = now()
        with self.history.action(f"Mark {plural(len(speaker_ids), 'speaker')} as {kind}") as j:
            for sid in speaker_ids:
                j.update("speakers", {"id": sid}, {"kind": kind, "updated": stamp})
        return j.changes()

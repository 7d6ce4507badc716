"""The journal of every user action, undo and redo, and the ``Changes`` they report.

Every user action is one committed transaction and one row in ``history`` holding
the before and after image of every row it touched, so undo and redo survive a
restart and a crash loses nothing that was acknowledged.

Writes go through a :class:`Journal`: it writes the row and records it, and the
:class:`Changes` of an action are built here only, from what the journal recorded
(never guessed by a caller). In memory an entry is an :class:`Entry` with readable
names; the stored JSON keeps its short keys (``t k b a u art``), mapped in
:meth:`Entry.from_stored` and :meth:`Entry.stored` only, so old files need no migration.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .db import Database
from .errors import IntegrityError, UndoConflict

if TYPE_CHECKING:
    from .store import Store
    from .store.journal import HistoryRows

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
    "article_status": ("article_id", "annotator"),
    "reliability_sample": ("article_id",),
}

# Every reference between the tables: (child table, column, parent table, may be NULL).
REFERENCES: tuple[tuple[str, str, str, bool], ...] = (
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
    ("article_status", "article_id", "articles", False),
    ("reliability_sample", "article_id", "articles", False),
)
_PARENTS = frozenset(parent for _c, _col, parent, _n in REFERENCES)
# Corpus-wide rows: others' work may name them, so an undo keeps one still in use.
_SHARED = frozenset({"speakers", "targets"})
# The columns that point at an article or a target (see History._same_content_elsewhere).
_REMAPPED = frozenset({"article_id", "target_id"})
_NOUNS = {
    "articles": "article",
    "spans": "highlight",
    "claims": "claim",
    "positions": "position",
    "speakers": "speaker",
    "targets": "target",
}


@dataclass(frozen=True)
class Changes:
    """What an action touched, so views refresh only what they show.

    ``action``: its name as the Edit menu shows it. ``articles``: ids of the articles
    whose rows it touched; ``tables``: the tables it wrote. ``spans``, ``claims``,
    ``speakers``, ``positions``: ids of those rows it added, changed or removed;
    ``statuses``: True when it changed the status of any row (review views refresh).
    """

    action: str
    articles: frozenset[str] = frozenset()
    tables: frozenset[str] = frozenset()
    spans: frozenset[str] = frozenset()
    claims: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    positions: frozenset[str] = frozenset()
    statuses: bool = False

    def touches(self, table: str) -> bool:
        """True when the action wrote ``table``."""
        return table in self.tables

    @classmethod
    def nothing(cls, action: str = "") -> Changes:
        """An action that wrote nothing (an undo with nothing left to undo)."""
        return cls(action)

    @classmethod
    def unknown(cls, action: str = "") -> Changes:
        """Writes this Store did not journal (another connection, a background task):
        every table may differ, so every view re-reads."""
        return cls(action, tables=frozenset(PRIMARY_KEYS))

    @classmethod
    def of(cls, action: str, entries: list[Entry], remap: dict[str, str] | None = None) -> Changes:
        """The changes the journal ``entries`` describe (``remap``: article ids moved)."""
        remap = remap or {}
        ids: dict[str, set[str]] = {t: set() for t in ("spans", "claims", "speakers", "positions")}
        articles: set[str] = set()
        statuses = False
        for e in entries:
            if e.article:
                articles.add(remap.get(e.article, e.article))
            if e.table in ids and "id" in e.key:
                ids[e.table].add(e.key["id"])
            statuses = statuses or (e.updated and "status" in (e.after or {}))
        return cls(
            action,
            frozenset(articles),
            frozenset(e.table for e in entries),
            *(frozenset(ids[t]) for t in ("spans", "claims", "speakers", "positions")),
            statuses,
        )


@dataclass
class ActionGroup:
    """Actions written in several transactions that undo and redo as one step."""

    name: str
    id: int | None = None


@dataclass
class Entry:
    """One row an action wrote: an insert (``before`` None), a delete (``after`` None)
    or an update (``updated``: the images hold only the columns that changed)."""

    table: str
    key: dict[str, Any]
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    article: str | None
    updated: bool = False

    @classmethod
    def from_stored(cls, raw: dict[str, Any]) -> Entry:
        """An entry from its stored JSON form (short keys)."""
        return cls(raw["t"], raw["k"], raw["b"], raw["a"], raw.get("art"), bool(raw.get("u")))

    def stored(self) -> dict[str, Any]:
        """The stored JSON form (short keys) of this entry."""
        raw: dict[str, Any] = {
            "t": self.table,
            "k": self.key,
            "b": self.before,
            "a": self.after,
            "art": self.article,
        }
        if self.updated:
            raw["u"] = 1
        return raw


def load_entries(text: str | None) -> list[Entry]:
    """The entries of a stored ``changes`` (or ``detached``) column."""
    return [Entry.from_stored(raw) for raw in json.loads(text or "[]")]


def dump_entries(entries: list[Entry]) -> str:
    """The stored form of ``entries``."""
    return json.dumps([e.stored() for e in entries], ensure_ascii=False)


@dataclass
class Journal:
    """The rows one action writes: each write goes to the database and into ``entries``."""

    db: Database
    action: str
    entries: list[Entry] = field(default_factory=list)

    def record(self, table: str, before: dict | None, after: dict | None) -> None:
        """An insert (before None), a delete (after None) or an update of one row.

        Updates keep only the columns that changed: marking a long article done must
        not copy its whole text into the history twice.
        """
        row = after if after is not None else before
        assert row is not None
        key = {col: row[col] for col in PRIMARY_KEYS[table]}
        article = row["id"] if table == "articles" else row.get("article_id")
        if before is not None and after is not None:
            changed = [c for c in after if after[c] != before.get(c)]
            before = {c: before.get(c) for c in changed}
            after = {c: after[c] for c in changed}
            self.entries.append(Entry(table, key, before, after, article, updated=True))
        else:
            self.entries.append(Entry(table, key, before, after, article))

    def insert(self, table: str, row: dict[str, Any]) -> None:
        """Insert ``row`` into ``table`` (by named columns) and record it."""
        self.db.insert(table, row)
        self.record(table, None, dict(row))

    def update(self, table: str, key: dict[str, Any], changes: dict) -> dict:
        """Change some columns of one row and record it; returns the row after.

        Raises:
            IntegrityError: there is no row with that key.
        """
        before = self.db.get(table, key)
        if before is None:
            raise IntegrityError(f"no {table[:-1]} with id {next(iter(key.values()))}")
        after = {**before, **changes}
        if after == before:
            return after
        self.db.set_columns(table, key, changes)
        self.record(table, before, after)
        return after

    def delete(self, table: str, key: dict[str, Any]) -> None:
        """Delete one row (if it is there) and record it."""
        before = self.db.get(table, key)
        if before is None:
            return
        self.db.delete(table, key)
        self.record(table, before, None)

    def changes(self) -> Changes:
        """What this action wrote."""
        return Changes.of(self.action, self.entries)


def _footprint(entries: list[Entry]) -> tuple[dict[tuple, bool], set[tuple]]:
    """The rows history entries touch (True: the row was added or removed) and the
    rows their images refer to."""
    touched: dict[tuple, bool] = {}
    refers: set[tuple] = set()
    for entry in entries:
        table = entry.table
        key = (table, *(entry.key[c] for c in PRIMARY_KEYS[table]))
        touched[key] = touched.get(key, False) or not entry.updated
        for child, column, parent, _nullable in REFERENCES:
            if child != table:
                continue
            for image in (entry.after, entry.before):
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


@dataclass
class _Replay:
    """What one undo or redo step did so far."""

    remap: dict[str, str]
    put_back: list[tuple[str, dict]] = field(default_factory=list)
    gone: list[tuple[str, dict, dict]] = field(default_factory=list)


class History:
    """Actions, undo and redo of one annotator over one database.

    Undo is per annotator: each Store undoes and redoes the steps of its own
    ``annotator``. A step is one history row, or every row of a group (a suggestion
    run). A step is refused, with one sentence, when a later action (anyone's)
    depends on it; rows outside the history (imports) that depend on what a step
    removes are detached or removed with it, and the opposite step puts them back.
    """

    def __init__(self, store: Store, rows: HistoryRows) -> None:
        self.store = store
        self.db: Database = store.database
        self.rows = rows
        #: The changes of the latest write of this store (see ``Store.last_changes``).
        self.last: Changes = Changes("")

    @property
    def annotator(self) -> str:
        return self.store.annotator

    @contextmanager
    def action(
        self, name: str, group: ActionGroup | None = None, *, journal: Journal | None = None
    ) -> Iterator[Journal]:
        """One undoable action: a journal whose rows are committed with one history row.

        Given the ``journal`` of an action already under way, its rows join that one.
        """
        if journal is not None:
            yield journal
            return
        journal = Journal(self.db, name)
        with self.db.transaction():
            yield journal
            if journal.entries:
                self._save(journal, group)
        self.last = journal.changes()

    @contextmanager
    def unrecorded(self, name: str) -> Iterator[Journal]:
        """Rows written in one transaction but kept out of the undo history (new articles)."""
        journal = Journal(self.db, name)
        with self.db.transaction():
            yield journal
        self.last = journal.changes()

    def nothing(self, name: str) -> None:
        """Record that the write ``name`` changed nothing (e.g. a text already stored)."""
        self.last = Changes(name)

    def _save(self, journal: Journal, group: ActionGroup | None) -> None:
        row_id = self.rows.save(
            group.name if group else journal.action,
            dump_entries(journal.entries),
            self.annotator,
            group.id if group else None,
        )
        if group is not None and group.id is None:
            group.id = row_id
            self.rows.start_group(row_id)

    # -- undo and redo -----------------------------------------------------

    def label(self, *, undo: bool) -> str | None:
        """The name of the action ``undo()`` (or ``redo()``) would replay next, or None."""
        head = self._step_head(undo=undo)
        return head["action"] if head else None

    def _step_head(self, *, undo: bool) -> dict[str, Any] | None:
        """The history row naming the next step. A group stands where it started: an
        action made while a suggestion run went on is undone before the run."""
        head = self.rows.latest(self.annotator, undone=not undo)
        if undo and head is not None and head["grp"] is not None:
            head = self.rows.latest_inside(self.annotator, head) or head
        return head

    def _step(self, *, undo: bool) -> list[dict[str, Any]]:
        """The history rows of the next undo (or redo) step, in the order they were done."""
        head = self._step_head(undo=undo)
        return [] if head is None else self.rows.step(head)

    def replay(self, *, undo: bool) -> Changes | None:
        """Undo (or redo) this annotator's next step; None when there is none.

        Raises:
            UndoConflict: another action depends on it, or the database changed since
                so that it cannot be replayed; nothing was changed.
        """
        verb = "undo" if undo else "redo"
        with self.db.transaction():
            rows = self._step(undo=undo)
            if not rows:
                return None
            label = rows[0]["action"]
            done_order = [e for r in rows for e in load_entries(r["changes"])]
            keep = self._refuse_if_others_depend(rows, done_order, undo=undo, label=label)
            # Rows come back in an order foreign keys may dislike until the end.
            self.rows.defer_foreign_keys()
            entries = list(reversed(done_order)) if undo else done_order
            state = _Replay(self._same_content_elsewhere(entries, undo=undo))
            self._rename_in_history(state.remap)
            detached = Journal(self.db, label)
            previous = load_entries(rows[0]["detached"])
            try:
                for entry in entries:
                    self._apply(entry, undo=undo, state=state)
                # What the opposite step detached from rows outside the history comes back.
                for entry in reversed(previous):
                    self._apply(entry, undo=True, state=state)
                self._detach_dependents(detached, state.gone, keep)
            except sqlite3.IntegrityError as exc:
                raise UndoConflict(
                    f"Cannot {verb} “{label}”: the database has changed since in a way that "
                    f"conflicts with it ({exc}); nothing was changed."
                ) from None
            self._refuse_dangling(state.put_back, verb=verb, label=label)
            self._mark(rows, undo=undo, detached=detached)
        touched = [*done_order, *previous, *detached.entries]
        self.last = Changes.of(("Undo " if undo else "Redo ") + label, touched, state.remap)
        return self.last

    def _mark(self, rows: list[dict[str, Any]], *, undo: bool, detached: Journal) -> None:
        self.rows.mark(
            rows[0]["id"],
            rows[0]["grp"],
            undone=undo,
            detached=dump_entries(detached.entries) if detached.entries else None,
        )

    def _refuse_if_others_depend(
        self, rows: list[dict[str, Any]], entries: list[Entry], *, undo: bool, label: str
    ) -> set[str]:
        """Raise UndoConflict when a later action outside this step builds on it.

        For a redo, an earlier action someone else undid since counts too. Returns
        the ids of the speakers and targets of this step that those actions name:
        the step keeps them, so undoing those actions finds them.
        """
        others = self.rows.others(
            rows[0]["id"], rows[0]["grp"], redo=not undo, annotator=self.annotator
        )
        keep: set[str] = set()
        if not others:
            return keep
        mine = _footprint(entries)
        for other in others:
            theirs = _footprint(load_entries(other["changes"]))
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

    def _same_content_elsewhere(self, entries: list[Entry], *, undo: bool) -> dict[str, str]:
        """Rows this step puts back whose text (article) or name (target) is now stored
        under another id, e.g. an article imported again after it was deleted: the
        step's rows attach to that one instead of making a second copy."""
        remap: dict[str, str] = {}
        for entry in entries:
            image = entry.before if undo else entry.after
            if entry.updated or image is None:
                continue
            if entry.table == "articles":
                found = self.rows.article_with_text(image["text_sha256"], image["id"])
                if found:
                    remap[image["id"]] = found
            elif entry.table == "targets":
                target_id = self.store.positions.find_target(image["name"])
                if target_id and target_id != image["id"]:
                    remap[image["id"]] = target_id
        return remap

    def _rename_in_history(self, remap: dict[str, str]) -> None:
        """Make every history row name the row now holding that text or name, so the
        actions around it undo and redo onto it. Ids are random hex, so the quoted id
        cannot occur inside anything else."""
        for old, new in remap.items():
            self.rows.rename(old, new)

    def _apply(self, entry: Entry, *, undo: bool, state: _Replay) -> None:
        """Put one history entry's before (undo) or after (redo) image in place."""
        table, key, remap = entry.table, entry.key, state.remap
        image, other = (entry.before, entry.after) if undo else (entry.after, entry.before)
        if entry.updated:
            assert image is not None and other is not None
            current = self.db.get(table, key)
            if current is None:
                return
            # A column someone changed since keeps its newer value.
            values = {
                c: remap.get(v, v) if c in _REMAPPED else v
                for c, v in image.items()
                if current.get(c) == other.get(c)
            }
            self.db.set_columns(table, key, values)
            state.put_back.append((table, key))
            return
        if image is None:
            self.db.put_image(table, key, None)
            state.gone.append((table, key, other))  # type: ignore[arg-type]
            return
        if key.get("id") in remap:
            return  # the same article or target is there under another id
        image = {c: remap.get(v, v) if c in _REMAPPED else v for c, v in image.items()}
        self.db.put_image(table, key, image)
        state.put_back.append((table, key))

    def _detach_dependents(
        self, j: Journal, gone: list[tuple[str, dict, dict]], keep: set[str]
    ) -> None:
        """Rows outside this step that use a row it removed: detached or removed (in ``j``).

        A speaker or target still in use (or in ``keep``) is kept instead: it is
        corpus-wide, and the work of others names it.
        """
        by_table: dict[str, dict[str, dict]] = {}
        for table, key, image in gone:
            if table in _PARENTS:
                by_table.setdefault(table, {})[key["id"]] = image
        remove: dict[str, Callable[[Journal, str], None]] = {
            "spans": lambda j, i: self.store.spans.delete(i, journal=j),
            "claims": lambda j, i: self.store.claims.delete(i, with_spans=False, journal=j),
            "positions": lambda j, i: self.store.positions.delete(i, journal=j),
            "articles": lambda j, i: self.store.articles.delete(i, journal=j),
        }
        for table, images in by_table.items():
            used = self._still_used(table, list(images))
            if table in _SHARED:
                used |= keep & set(images)
            for row_id in used:
                if table in _SHARED:
                    self.db.put_image(table, {"id": row_id}, images[row_id])
                elif table in remove:
                    remove[table](j, row_id)

    def _still_used(self, table: str, ids: list[str]) -> set[str]:
        """Those of ``ids`` that some row still refers to."""
        used: set[str] = set()
        for child, column, parent, _nullable in REFERENCES:
            if parent == table:
                used |= self.rows.referring(child, column, ids)
        return used

    def _refuse_dangling(self, put_back: list[tuple[str, dict]], *, verb: str, label: str) -> None:
        """Raise UndoConflict when a row put back refers to a row that is no longer there."""
        seen: dict[tuple[str, str], bool] = {}
        for table, key in put_back:
            row = self.db.get(table, key)
            if row is None:
                continue
            for child, column, parent, _nullable in REFERENCES:
                if child != table or row.get(column) is None:
                    continue
                there = seen.get((parent, row[column]))
                if there is None:
                    there = seen[parent, row[column]] = self.rows.exists(parent, row[column])
                if not there:
                    raise UndoConflict(
                        f"Cannot {verb} “{label}”: the {_NOUNS[parent]} it needs was deleted "
                        "since; nothing was changed."
                    )

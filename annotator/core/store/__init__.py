"""The Store: an Annotator database, read and changed through per-entity managers.

``Store(path)`` opens (creating or migrating) a file, ``Store(memory=True)`` makes a
throwaway one. Its managers hold the work: ``store.articles``, ``store.spans``,
``store.speakers``, ``store.claims``, ``store.positions`` (with targets) and
``store.review`` (suggestions and decisions), ``store.curation`` (the adjudicated
``curated`` layer); ``store.history`` undoes and redoes.
All SQL lives in this package, ``core/db.py`` and ``core/schema.py``.

What a write changed: every write is journaled (``core/history.py``) and its
:class:`Changes` come from that journal, never from the caller. Writes that
change or remove rows return their ``Changes``; writes that add a row keep the
return value the README documents (the new row, or an article's id) and leave their
changes in ``store.last_changes`` (the changes of this Store's latest write, undo
and redo included). The documented methods (``add_span``, ``tag``, ``undo`` ...) are
the managers' own methods, reached from the Store: one implementation each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import schema
from ..db import Database, NeedsUpgrade
from ..history import ActionGroup, Changes, History
from .articles import Articles
from .bulk import BulkWriter, RecordOutcome, bulk_writer
from .claims import Claims
from .common import plural
from .curation import Curation
from .journal import HistoryRows
from .positions import Positions, normalise_target
from .review import Review
from .spans import Spans
from .speakers import Speakers

__all__ = [
    "ActionGroup",
    "BulkWriter",
    "Changes",
    "NeedsUpgrade",
    "RecordOutcome",
    "Store",
    "bulk_writer",
    "normalise_target",
]


def _delegate(manager: str, method: str) -> Any:
    """A Store method that is ``store.<manager>.<method>`` (same signature and docs)."""

    def get(store: Store) -> Callable[..., Any]:
        return getattr(getattr(store, manager), method)

    get.__doc__ = f"The same as ``store.{manager}.{method}``."
    return property(get)


class Store:
    """An Annotator database: open it, read and change annotations, undo.

    ``Store(path)`` opens (and creates or migrates) a database file;
    ``Store(memory=True)`` makes a throwaway one. A Store belongs to the thread
    that made it, like the sqlite connection inside it.

    Parameters:
        path: the database file.
        memory: a throwaway database in memory instead.
        annotator: who this Store writes and undoes as (default: the user's name).
        backup_before_migrate: copy an older file aside before upgrading it.
        readonly: open an existing file for reading only (export, stats, search):
            nothing in it or beside it is created or changed, so a file on a
            read-only mount can be read.

    Raises:
        ValueError: neither a path nor ``memory=True``.
        StoreError: the file cannot be opened (one line naming it and why).
        NeedsUpgrade: ``readonly`` and the file has an older schema.
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
        if path is None and not memory:
            raise ValueError("give a path or memory=True")
        self.path = None if memory else Path(path)  # type: ignore[arg-type]
        self.annotator = annotator or schema.default_annotator()
        self.database = Database(
            self.path,
            memory=memory,
            readonly=readonly,
            backup_before_migrate=backup_before_migrate,
        )
        self.readonly = self.database.readonly
        #: The sqlite-utils Database (for reads the managers do not offer).
        self.db = self.database.db
        self.history = History(self, HistoryRows(self.database))
        self.articles = Articles(self)
        self.spans = Spans(self)
        self.speakers = Speakers(self)
        self.claims = Claims(self)
        self.positions = Positions(self)
        self.review = Review(self)
        self.curation = Curation(self)

    # -- the file ------------------------------------------------------------

    def close(self) -> None:
        """Close the database (a second close does nothing)."""
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> Any:
        """One write transaction (a context manager); nested calls join the outer one."""
        return self.database.transaction()

    def data_version(self) -> int:
        """Changes whenever another connection commits to the file (to reload on focus)."""
        return self.database.data_version()

    def schema_version(self) -> int:
        """The schema version of the file."""
        return self.database.schema_version()

    # -- what changed, undo and redo ----------------------------------------

    @property
    def last_changes(self) -> Changes:
        """The changes of this Store's latest write (an empty ``Changes`` before any)."""
        return self.history.last

    def undo(self) -> Changes | None:
        """Undo this annotator's latest action still done; None when there is none.

        Raises:
            UndoConflict: a later action (of anyone) depends on it, or the database
                changed since so that it cannot be reversed; nothing was changed.
        """
        return self.history.replay(undo=True)

    def redo(self) -> Changes | None:
        """Redo this annotator's earliest undone action; None when there is none.

        Raises:
            UndoConflict: the database changed since so that it cannot be redone;
                nothing was changed.
        """
        return self.history.replay(undo=False)

    def undo_label(self) -> str | None:
        """The name of the action ``undo()`` would undo next, or None."""
        return self.history.label(undo=True)

    def redo_label(self) -> str | None:
        """The name of the action ``redo()`` would redo next, or None."""
        return self.history.label(undo=False)

    def action_group(self, name: str) -> ActionGroup:
        """A group of actions (each its own transaction) undone and redone as one step."""
        return ActionGroup(name)

    def delete_many(
        self,
        *,
        spans: Sequence[str] = (),
        claims: Sequence[str] = (),
        positions: Sequence[str] = (),
    ) -> Changes:
        """Delete several highlights, claims and positions as one undoable action."""
        count = len(spans) + len(claims) + len(positions)
        with self.history.action(f"Delete {plural(count, 'item')}") as j:
            for position_id in positions:
                self.positions.delete(position_id, journal=j)
            for claim_id in claims:
                if self.claims.get(claim_id):
                    self.claims.delete(claim_id, with_spans=True, journal=j)
            for span_id in spans:
                if self.spans.get(span_id):
                    self.spans.delete(span_id, journal=j)
        return j.changes()

    # -- the documented API, one implementation each in the managers ---------

    add_article = _delegate("articles", "add")
    article = _delegate("articles", "get")
    article_text = _delegate("articles", "text")
    article_count = _delegate("articles", "count")
    article_rows = _delegate("articles", "rows")
    article_row_count = _delegate("articles", "row_count")
    neighbour_article = _delegate("articles", "neighbour")
    set_article_status = _delegate("articles", "set_status")
    update_article = _delegate("articles", "update")
    delete_article = _delegate("articles", "delete")
    stats = _delegate("articles", "stats")

    add_span = _delegate("spans", "add")
    span = _delegate("spans", "get")
    span_marks = _delegate("spans", "marks")
    update_span = _delegate("spans", "update")
    move_span = _delegate("spans", "move")
    delete_span = _delegate("spans", "delete")
    speaker_for_span = _delegate("spans", "speaker_of")
    tag = _delegate("spans", "tag")

    add_speaker = _delegate("speakers", "add")
    speaker = _delegate("speakers", "get")
    find_speaker = _delegate("speakers", "find")
    speakers_called = _delegate("speakers", "called")
    update_speaker = _delegate("speakers", "update")
    link_mention = _delegate("speakers", "link_mention")
    merge_speakers = _delegate("speakers", "merge")
    merge_speaker_groups = _delegate("speakers", "merge_groups")
    reject_speaker_groups = _delegate("speakers", "reject_groups")
    distinct_speaker_pairs = _delegate("speakers", "distinct_pairs")
    set_speaker_kinds = _delegate("speakers", "set_kinds")

    add_claim = _delegate("claims", "add")
    claim = _delegate("claims", "get")
    claim_for_span = _delegate("claims", "for_span")
    update_claim = _delegate("claims", "update")
    attribute_claim = _delegate("claims", "attribute")
    delete_claim = _delegate("claims", "delete")
    join_claims = _delegate("claims", "join")
    split_claim = _delegate("claims", "split")

    targets = _delegate("positions", "targets")
    find_target = _delegate("positions", "find_target")
    add_position = _delegate("positions", "add")
    update_position = _delegate("positions", "update")
    delete_position = _delegate("positions", "delete")

    add_suggestions = _delegate("review", "add_suggestions")
    decide = _delegate("review", "decide")

"""What the per-entity managers of a :class:`~annotator.core.store.Store` share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..db import Database
    from ..history import History
    from . import Store


class Manager:
    """One kind of record of a Store: its reads and its (journaled) writes.

    A write takes ``journal=``: given the journal of an action under way, its rows
    join that action; without it, the write is an undoable action of its own.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db: Database = store.database
        self.history: History = store.history

    @property
    def annotator(self) -> str:
        """Who this Store writes as."""
        return self.store.annotator


def status_filter(column: str, statuses: Iterable[str] | None) -> tuple[str, list[str]]:
    """An ``AND column IN (...)`` clause and its parameters; nothing for None (all)."""
    if statuses is None:
        return "", []
    statuses = list(statuses)
    return f" AND {column} IN ({','.join('?' for _ in statuses)})", statuses


def layer_filter(column: str, annotators: Iterable[str] | None) -> tuple[str, list[str]]:
    """An ``AND column IN (...)`` clause keeping these analysts' layers; nothing for None."""
    return status_filter(column, annotators)


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an s unless the count is one ("1 item", "2 items")."""
    return f"{count} {noun}{'s' if count != 1 else ''}"

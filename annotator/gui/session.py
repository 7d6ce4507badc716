"""The GUI's one door to the store: runs actions, reports what changed or what failed.

Widgets never touch the Store directly for writes: they call ``run`` with a small
operation, and refresh when ``changed`` tells them what was touched (as Anki's
operations do). Errors become one message for the user, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..core.errors import AnnotatorError
from ..core.store import Changes, Store
from .qt import QObject, Signal

T = TypeVar("T")


class Session(QObject):
    """An open database in the GUI thread."""

    changed = Signal(object)  # Changes
    failed = Signal(str)
    database_changed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    @property
    def path(self) -> Path | None:
        return self.store.path

    def replace_store(self, store: Store) -> None:
        old, self.store = self.store, store
        old.close()
        self.database_changed.emit()

    def run(self, operation: Callable[[Store], T], *, action: str = "") -> T | None:
        """Run one write; emit ``changed`` on success, ``failed`` with the reason otherwise."""
        try:
            result = operation(self.store)
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
            return None
        changes = result if isinstance(result, Changes) else _changes_of(result, action)
        self.changed.emit(changes)
        return result

    def undo(self) -> Changes | None:
        return self.run(lambda s: s.undo() or Changes("Nothing to undo"))

    def redo(self) -> Changes | None:
        return self.run(lambda s: s.redo() or Changes("Nothing to redo"))


def _changes_of(result: Any, action: str) -> Changes:
    if isinstance(result, dict):
        article = result.get("article_id")
        table = (
            "spans" if "label" in result else
            "claims" if "mention_span_id" in result else
            "positions" if "stance" in result else
            "speakers" if "aliases" in result else "articles"
        )
        return Changes(action, frozenset([article]) if article else frozenset(), frozenset([table]))
    return Changes(action, frozenset(), frozenset({"spans", "claims", "positions", "speakers"}))

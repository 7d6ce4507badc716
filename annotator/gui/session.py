"""The GUI's one door to the store: runs actions, reports what changed or what failed.

Widgets never touch the Store directly for writes: they call ``run`` with a small
operation, and refresh when ``changed`` tells them what was touched (as Anki's
operations do). Errors become one message for the user, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..core.errors import AnnotatorError, UndoConflict
from ..core.store import Changes, Store
from .qt import QObject, Signal

T = TypeVar("T")


class Session(QObject):
    """An open database in the GUI thread."""

    changed = Signal(object)  # Changes
    failed = Signal(str)
    refused = Signal(str)  # an undo or redo that cannot be done now (a status message)
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

    def run(self, operation: Callable[[Store], T], *, changes: Changes | None = None) -> T | None:
        """Run one write; emit ``changed`` on success, ``failed`` with the reason otherwise.

        An operation returning Changes describes itself; otherwise pass ``changes``.
        """
        try:
            result = operation(self.store)
        except UndoConflict as exc:
            self.refused.emit(str(exc))
            return None
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
            return None
        if isinstance(result, Changes):
            changes = result
        self.changed.emit(changes or Changes("", frozenset(), _ALL))
        return result


_ALL = frozenset({"articles", "spans", "claims", "positions", "speakers"})

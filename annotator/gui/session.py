"""The GUI's one door to the store: runs actions, reports what changed or what failed.

Widgets never touch the Store directly for writes: they run an operation (see
``operations.py``) and refresh when ``changed`` tells them what was touched and who
started it (as Anki's operations do: the initiator skips refreshing itself). Errors
become one message for the user, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..core.errors import AnnotatorError, UndoConflict
from ..core.store import Changes, Store
from .operations import Operation
from .qt import QObject, QWidget, Signal
from .workers import BackgroundTask, Job, RunningTasks

T = TypeVar("T")


class Session(QObject):
    """An open database in the GUI thread."""

    changed = Signal(object, object)  # Changes, initiator (the object that ran it, or None)
    failed = Signal(str)
    refused = Signal(str)  # an undo or redo that cannot be done now (a status message)
    database_changed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.tasks = RunningTasks()
        # Blind coding by default: my layer and the suggestions; a reviewer shows all,
        # or chooses other analysts' layers to show besides mine.
        self.all_layers = False
        self.chosen_layers: tuple[str, ...] = ()

    @property
    def path(self) -> Path | None:
        return self.store.path

    def replace_store(self, store: Store) -> None:
        old, self.store = self.store, store
        old.close()
        self.database_changed.emit()

    def layers(self) -> tuple[str, ...] | None:
        """The layers the window shows, the article and the corpus views alike: mine,
        the suggestions and the chosen ones, or every layer (None)."""
        if self.all_layers:
            return None
        return (self.store.annotator, "suggest", *self.chosen_layers)

    def set_annotator(self, name: str) -> None:
        """Whose name goes on new annotations (and whose actions undo takes back)."""
        self.store.annotator = name

    def run(
        self,
        operation: Callable[[Store], T],
        *,
        changes: Changes | None = None,
        initiator: object | None = None,
    ) -> T | None:
        """Run one write; emit ``changed`` on success, ``failed`` with the reason otherwise.

        Args:
            operation: the store call; one returning Changes describes itself.
            changes: what it touched, for a store call that neither returns Changes
                nor leaves them in ``store.last_changes``.
            initiator: the object that started the write, passed on with ``changed`` so
                that it alone can skip its own refresh.

        Returns:
            The operation's result, or None when it failed or was refused.
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
        elif changes is None:
            # Writes that return their new row leave their changes here.
            changes = self.store.last_changes
        self.changed.emit(changes, initiator)
        return result

    def perform(self, op: Operation[T], *, initiator: object | None = None) -> T | None:
        """Run one user action (see ``operations.py``); as ``run``."""
        return self.run(op.call, initiator=initiator)

    def background(
        self, parent: QWidget, title: str, job: Job, *, show_dialog: bool = True
    ) -> BackgroundTask:
        """Start ``job`` in a thread on its own connection to this database and track it."""
        task = BackgroundTask(
            parent, title, self.path, self.store.annotator, job, show_dialog=show_dialog
        )
        return self.tasks.start(task)

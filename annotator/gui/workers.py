"""Long work (import, export, suggestions) off the UI thread, with progress and cancel.

The worker opens its own Store on the same file: a sqlite connection belongs to the
thread that made it. WAL lets the window keep reading while the worker writes.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.errors import AnnotatorError
from ..core.store import Store
from .qt import QObject, QProgressDialog, Qt, QThread, QWidget, Signal

Job = Callable[[Store, Callable[[int, int], None], Callable[[], bool]], Any]


class Worker(QObject):
    """Runs one job on a QThread with its own Store; ``progress``, then ``finished``
    with the job's result or ``failed`` with one line for the user. ``cancel_event``
    is what the job's ``cancelled()`` reads."""

    progress = Signal(int, int)
    finished = Signal(object)  # result
    failed = Signal(str)

    def __init__(self, db_path: Path, annotator: str, job: Job) -> None:
        super().__init__()
        self.db_path = db_path
        self.annotator = annotator
        self.job = job
        self.cancel_event = threading.Event()

    def run(self) -> None:
        try:
            with Store(self.db_path, annotator=self.annotator) as store:
                result = self.job(store, self.progress.emit, self.cancel_event.is_set)
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(f"{exc.filename or self.db_path}: {exc.strerror or exc}")
        except Exception:  # a bug: say so plainly, keep the details for a report
            self.failed.emit("Unexpected error:\n" + traceback.format_exc(limit=3))
        else:
            self.finished.emit(result)


class BackgroundTask(QObject):
    """Runs one job in a thread and shows a cancellable progress dialog."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        db_path: Path,
        annotator: str,
        job: Job,
        *,
        show_dialog: bool = True,
    ) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.worker = Worker(db_path, annotator, job)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self.cancel)
            self.worker.progress.connect(self._progress)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel_event.set()

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, total))

    def _stop(self) -> None:
        self.thread.quit()
        self.thread.wait()
        if self.dialog is not None:
            # Closing a progress dialog emits `canceled`: the job ended, nobody cancelled it.
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.close()

    def _finished(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    def _failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)

    def wait(self, timeout_ms: int = 60000) -> bool:
        return self.thread.wait(timeout_ms)


class RunningTasks:
    """The background tasks still running: started, forgotten when they end, cancelled on close.

    The one place that keeps this list, so a window closing can stop every task
    before the store they read is closed.
    """

    def __init__(self) -> None:
        self._tasks: list[BackgroundTask] = []

    def start(self, task: BackgroundTask) -> BackgroundTask:
        """Start ``task`` and keep it here until it finishes or fails."""
        self._tasks.append(task)
        task.done.connect(lambda _r, t=task: self._forget(t))
        task.failed.connect(lambda _m, t=task: self._forget(t))
        task.start()
        return task

    def cancel_all(self, timeout_ms: int = 10000) -> None:
        """Ask every task to stop and wait for each (up to ``timeout_ms``)."""
        for task in list(self._tasks):
            task.cancel()
            task.wait(timeout_ms)

    def _forget(self, task: BackgroundTask) -> None:
        if task in self._tasks:
            self._tasks.remove(task)

    def __iter__(self):
        return iter(list(self._tasks))

    def __contains__(self, task: object) -> bool:
        return task in self._tasks

    def __len__(self) -> int:
        return len(self._tasks)

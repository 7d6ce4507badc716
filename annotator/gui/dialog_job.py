"""A dialog's computation off the window's thread, one run at a time.

Review › Agreement and Review › Adjudicate read many rows and compute on them. They
hand that work to a `DialogJob`, which runs it as a background task (workers.py: its
own connection to the database, a progress dialog with Cancel) and reports the
result or the reason it failed. Starting again cancels the run still going, and only
the latest run reports. The run stops when its dialog closes (Escape, Close, the
title bar's button), so that no thread outlives it. A database in memory has no
second connection: the job then runs at once on the window's store.
"""

from __future__ import annotations

from ..core.errors import AnnotatorError
from .qt import QCoreApplication, QDialog, QEvent, QObject, Signal
from .session import Session
from .workers import BackgroundTask, Job


class Cancelled(AnnotatorError):
    """A job stops with this when its ``cancelled()`` says so."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class DialogJob(QObject):
    """Runs a dialog's jobs in the background; ``finished``, ``failed`` or ``cancelled``
    for the latest."""

    finished = Signal(object)  # the job's result
    failed = Signal(str)  # one line for the user
    cancelled = Signal()  # the user pressed Cancel and the run stopped

    def __init__(self, dialog: QDialog, session: Session, title: str) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.session = session
        self.title = title
        self.task: BackgroundTask | None = None
        # Escape, Close and the title bar's button all end in QDialog.done.
        dialog.finished.connect(lambda _result: self.stop())

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, job: Job, *, show_dialog: bool = True) -> None:
        """Run ``job`` (cancelling the run still going); ``show_dialog``: with the
        progress dialog, which appears when the run takes more than a moment."""
        self.stop()
        if self.session.path is None:
            self._inline(job)
            return
        task = self.session.background(self.dialog, self.title, job, show_dialog=show_dialog)
        self.task = task
        task.done.connect(lambda result, t=task: self._done(t, result))
        task.failed.connect(lambda message, t=task: self._failed(t, message))

    def stop(self, timeout_ms: int = 10000) -> None:
        """Cancel the run still going and wait for its thread to end."""
        task, self.task = self.task, None
        if task is not None:
            task.cancel()
            task.wait(timeout_ms)
            # Its last word (done or failed) is queued: deliver it now, so the session
            # forgets the task before the dialog that owns it is deleted.
            QCoreApplication.sendPostedEvents(task, QEvent.Type.MetaCall)

    def _inline(self, job: Job) -> None:
        try:
            result = job(self.session.store, lambda _done, _total: None, lambda: False)
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
        else:
            self.finished.emit(result)

    def _done(self, task: BackgroundTask, result: object) -> None:
        if task is self.task:  # a run started before the latest says nothing
            self.task = None
            if task.worker.cancel_event.is_set():  # Cancel came as it finished
                self.cancelled.emit()
            else:
                self.finished.emit(result)

    def _failed(self, task: BackgroundTask, message: str) -> None:
        if task is self.task:
            self.task = None
            if task.worker.cancel_event.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(message)

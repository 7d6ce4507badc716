"""The network layout's thread: `force_layout` on plain Python data (no database in
the thread), cancelled when the canvas hands over the next network or closes.

`start_job` runs any such job (``run()``, a ``finished`` signal, a ``cancel`` event)
in a thread of its own: the Network tab's build job too."""

from __future__ import annotations

import atexit
import threading

from ...core.layout import LayoutCancelled, force_layout
from ..qt import QCoreApplication, QObject, QThread, Signal


class LayoutJob(QObject):
    """One layout run; ``finished`` carries None when it was cancelled."""

    progress = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, positions (None: cancelled)

    def __init__(self, generation: int, nodes: list[str], edges: list, initial: dict) -> None:
        super().__init__()
        self.generation = generation
        self.nodes = nodes
        self.edges = edges
        self.initial = initial
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            positions = force_layout(
                self.nodes,
                self.edges,
                seed=0,
                initial=self.initial or None,
                progress=lambda done, total: self.progress.emit(self.generation, done, total),
                cancelled=self.cancel.is_set,
            )
        except LayoutCancelled:
            positions = None
        self.finished.emit(self.generation, positions)


# Running layout threads live here, not under a widget, so that closing the view
# while a layout runs cancels it instead of destroying a running QThread.
_RUNNING: set[tuple[QThread, QObject]] = set()


def stop_layouts() -> None:
    """Cancel every running layout and wait for its thread (before the program ends)."""
    for thread, job in list(_RUNNING):
        job.cancel.set()
        thread.quit()
        thread.wait()
    _RUNNING.clear()


# A script that ends without the event loop's aboutToQuit must not leave a running
# QThread behind either (Qt aborts on destroying one).
atexit.register(stop_layouts)


def start_job(job: QObject) -> None:
    """Run ``job`` (a `LayoutJob` or alike) in a thread of its own, stopped before the
    program quits."""
    app = QCoreApplication.instance()
    if app is not None and not app.property("network_layouts_stopped_on_quit"):
        app.setProperty("network_layouts_stopped_on_quit", True)
        app.aboutToQuit.connect(stop_layouts)
    thread = QThread()
    job.moveToThread(thread)
    entry = (thread, job)
    _RUNNING.add(entry)
    thread.started.connect(job.run)
    job.finished.connect(thread.quit)
    thread.finished.connect(lambda: _RUNNING.discard(entry))
    thread.start()


class JobSlot:
    """The job (a layout, or the Network tab's build) a widget waits for."""

    def __init__(self) -> None:
        self.job: QObject | None = None

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel.set()  # type: ignore[attr-defined]
            self.job = None

"""Shared fixtures: throwaway stores, the sample corpus, and a sandboxed home.

No test may touch the real user database or settings: at import time, and again
around every test, HOME, the XDG folders and ANNOTATOR_DB point into a folder
made for this test session. Qt runs without a display.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "sample_corpus"

# One sandbox per test session, set before anything asks platformdirs or Qt
# where the user's files are (some modules compute paths at import).
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="annotator-tests-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)


def _sandbox_env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "ANNOTATOR_DB": str(home / "data" / "annotator" / "annotations.db"),
    }


os.environ.update(_sandbox_env(_SESSION_HOME))


@pytest.fixture(scope="session")
def session_home() -> Path:
    """The session's sandboxed home folder (HOME, XDG folders, ANNOTATOR_DB live here)."""
    return _SESSION_HOME


@pytest.fixture(autouse=True)
def _sandboxed_user_dirs(monkeypatch: pytest.MonkeyPatch, session_home: Path) -> None:
    # Again per test, so a test that changed one of them cannot leak the change.
    for key, value in _sandbox_env(session_home).items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory store."""
    with Store(memory=True, annotator="tester") as s:
        yield s


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator[Store]:
    """An empty store in a file (WAL mode, history survives reopening)."""
    with Store(tmp_path / "annotations.db", annotator="tester") as s:
        yield s


@pytest.fixture
def sample_dir() -> Path:
    """The sample corpus shipped in the checkout (.txt news articles)."""
    assert SAMPLE_DIR.is_dir(), SAMPLE_DIR
    return SAMPLE_DIR


def news_text(n: int) -> str:
    """A small made-up wire story, different for every n."""
    return (
        f"Ministry warns against bloc politics, part {n}\n"
        "\n"
        f"[March 02, 2024]  CANBERRA (Newswire) - A foreign ministry spokesperson said on "
        f'Tuesday that "no region needs a new bloc number {n}", warning partners.\n'
        "\n"
        '"We will not choose sides," Foreign Minister Claire Whitfield told reporters.\n'
    )


@pytest.fixture
def make_article(store: Store) -> Callable[..., str]:
    """``make_article(text=None, *, into=store, **fields) -> article id``.

    Without a text, a fresh news story (never a duplicate) is used; ``into``
    picks another store than the ``store`` fixture.
    """
    counter = itertools.count(1)

    def make(text: str | None = None, *, into: Store | None = None, **fields: object) -> str:
        target = into if into is not None else store
        article_id = target.add_article(
            news_text(next(counter)) if text is None else text, **fields
        )
        assert article_id is not None, "make_article: that text is already in the store"
        return article_id

    return make


def close_window(window) -> None:
    """Close a main window as quitting does: the window (and its timers) go before its
    database, so a refresh it had queued can never read a closed connection."""
    import shiboken6

    from annotator.gui.qt import QApplication, QEvent

    store = window.store
    if shiboken6.isValid(window):  # pytest-qt may have deleted it already
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    store.close()


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., object]]:
    """Open main windows on a database (``tmp_path / "a.db"`` by default), shown and
    exposed, with settings in ``tmp_path``; at the end their jobs are cancelled and they
    close as quitting closes them."""
    from annotator.gui.app import application, build_window
    from annotator.gui.qt import QSettings

    application()  # the app's stylesheet, so pixel positions are the real ones
    opened: list = []

    def make(db: Path | None = None, *, annotator: str = "tester", seed: bool = True):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        win = build_window(
            db or tmp_path / "a.db", annotator=annotator, seed=seed, settings=settings
        )
        qtbot.addWidget(win)
        opened.append(win)
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    for win in opened:
        if win.tagging.popup is not None:
            win.tagging.popup.close()
        for task in list(win.tasks):
            task.cancel()
            task.wait(10000)
        close_window(win)


def pytest_configure(config: pytest.Config) -> None:
    """Under ``make coverage``, measure the jobs the window runs in its own QThreads.

    coverage.py follows threads started by ``threading`` only (coveragepy issue 686),
    and PySide runs each call into a QThread with a fresh thread state, so a tracer
    set by another call there is gone: the job's own entry point installs it. The
    import, export, merge and layout jobs would otherwise count as never run.
    Without coverage nothing changes.
    """
    hook = threading.gettrace()
    if "coverage" not in sys.modules or hook is None:
        return
    import functools

    from annotator.gui import workers
    from annotator.gui.views import network_layout_job

    def traced(run):
        @functools.wraps(run)
        def run_traced(self) -> None:
            sys.settrace(hook)
            try:
                run(self)
            finally:
                sys.settrace(None)

        return run_traced

    # The QObjects whose run() is started by a QThread (moveToThread in the package).
    for cls in (workers.Worker, network_layout_job.LayoutJob):
        cls.run = traced(cls.run)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warning, critical and information boxes the window shows,
    answered with OK at once (a modal box would hold the test)."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return seen

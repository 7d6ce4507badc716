"""Long work off the window's thread: results, progress, cancel, and each kind of failure
as one message (never a traceback for a user's mistake)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.store import Store
from annotator.gui.qt import QPushButton, QWidget
from annotator.gui.workers import BackgroundTask


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    with Store(path) as store:
        store.add_article("The minister said no.")
    return path


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def run(qtbot, task: BackgroundTask, signal: str) -> list:
    with qtbot.waitSignal(getattr(task, signal), timeout=20000) as blocker:
        task.start()
    assert task.wait(10000)
    return blocker.args


def test_a_job_runs_on_its_own_connection_and_returns_its_result(qtbot, parent, db) -> None:
    seen = {}

    def job(store, progress, cancelled):
        seen["thread"] = threading.current_thread()
        seen["annotator"] = store.annotator
        store.add_article("Written by the worker.")
        return store.article_count()

    task = BackgroundTask(parent, "Counting", db, "ana", job, show_dialog=False)
    assert task.dialog is None
    assert run(qtbot, task, "done") == [2]
    assert seen["thread"] is not threading.main_thread() and seen["annotator"] == "ana"
    with Store(db) as store:
        assert store.article_count() == 2


def test_progress_moves_the_dialog_and_cancel_reaches_the_job(qtbot, parent, db) -> None:
    asked = threading.Event()
    go_on = threading.Event()

    def job(store, progress, cancelled):
        progress(3, 10)
        asked.set()
        go_on.wait(20)
        return "cancelled" if cancelled() else "finished"

    task = BackgroundTask(parent, "Exporting", db, "ana", job)
    assert task.dialog is not None and task.dialog.windowTitle() == "Exporting"
    task.start()
    assert asked.wait(20)
    qtbot.waitUntil(lambda: task.dialog.value() == 3, timeout=10000)
    assert task.dialog.maximum() == 10
    with qtbot.waitSignal(task.done, timeout=20000) as blocker:
        task.dialog.findChild(QPushButton).click()  # the user's Cancel button
        go_on.set()
    assert blocker.args == ["cancelled"]
    assert task.wait(10000)
    assert not task.dialog.isVisible()


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (InputError("not valid UTF-8", path="news/a.txt", line=3), "news/a.txt:3: not valid UTF-8"),
        (
            PermissionError(13, "Permission denied", "/exports/out.jsonl"),
            "/exports/out.jsonl: Permission denied",
        ),
    ],
    ids=["input error", "os error"],
)
def test_a_failing_job_is_one_line_naming_the_file(qtbot, parent, db, error, message) -> None:
    def job(store, progress, cancelled):
        raise error

    task = BackgroundTask(parent, "Importing", db, "ana", job)
    assert run(qtbot, task, "failed") == [message]
    assert not task.dialog.isVisible()


def test_an_os_error_without_a_file_names_the_database(qtbot, parent, db) -> None:
    def job(store, progress, cancelled):
        raise OSError(28, "No space left on device")

    task = BackgroundTask(parent, "Importing", db, "ana", job, show_dialog=False)
    assert run(qtbot, task, "failed") == [f"{db}: No space left on device"]


def test_a_bug_in_a_job_is_reported_as_unexpected_with_the_details(qtbot, parent, db) -> None:
    def job(store, progress, cancelled):
        return {}["missing"]

    task = BackgroundTask(parent, "Suggesting", db, "ana", job, show_dialog=False)
    (message,) = run(qtbot, task, "failed")
    assert message.startswith("Unexpected error:\n") and "KeyError: 'missing'" in message

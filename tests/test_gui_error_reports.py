"""Unexpected errors outside the main thread and from Qt itself: logged, shown once.

The window installs one reporter; these tests install their own, with its log in a
temporary folder, and wait on the dialog or the log rather than on time.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qCritical, qWarning

from annotator.gui.app import application
from annotator.gui.errors import ErrorReporter


@pytest.fixture
def reporter(qtbot, tmp_path: Path) -> Iterator[ErrorReporter]:
    application()
    reporter = ErrorReporter(tmp_path / "logs")
    reporter.install()
    try:
        yield reporter
    finally:
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.close()


def log_of(tmp_path: Path) -> str:
    path = tmp_path / "logs" / "annotator.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def run_thread(target) -> None:
    thread = threading.Thread(target=target)
    thread.start()
    thread.join(60)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_another_thread_is_shown_by_the_window(
    reporter: ErrorReporter, qtbot, tmp_path: Path
) -> None:
    def work() -> None:
        raise LookupError("injected in a thread")

    run_thread(work)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "LookupError: injected in a thread" in reporter.dialog.report
    assert "LookupError: injected in a thread" in log_of(tmp_path)


@pytest.mark.qt_no_exception_capture
def test_a_thread_that_exits_is_not_an_error(reporter: ErrorReporter, tmp_path: Path) -> None:
    run_thread(lambda: sys.exit(3))
    assert reporter.reports == [] and reporter.dialog is None
    assert log_of(tmp_path) == ""


@pytest.mark.qt_no_exception_capture
def test_a_second_error_is_logged_without_a_second_dialog(
    reporter: ErrorReporter, tmp_path: Path
) -> None:
    for n in (1, 2):
        try:
            raise ValueError(f"injected error {n}")
        except ValueError:
            reporter.handle(*sys.exc_info())
        if n == 1:
            first = reporter.dialog
            assert first is not None and first.isVisible()
    assert reporter.dialog is first and "injected error 1" in first.report
    assert len(reporter.reports) == 2
    assert "injected error 1" in log_of(tmp_path) and "injected error 2" in log_of(tmp_path)


def test_qt_critical_messages_go_to_the_log_and_warnings_do_not(
    reporter: ErrorReporter, tmp_path: Path
) -> None:
    qWarning("a warning Qt prints")
    assert log_of(tmp_path) == ""
    qCritical("a critical message from Qt")
    assert "Qt QtCriticalMsg" in log_of(tmp_path)
    assert "a critical message from Qt" in log_of(tmp_path)

"""Dragging over the window: files are welcome, anything else is left alone."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import close_window
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication

from annotator.gui.app import application, build_window
from annotator.gui.main_window import MainWindow

COPY = Qt.DropAction.CopyAction
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(tmp_path / "a.db", annotator="ana", seed=False, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    close_window(win)


def test_a_file_dragged_across_the_window_is_welcome_text_is_not(window: MainWindow) -> None:
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile("/tmp/story.txt")])
    words = QMimeData()
    words.setText("just words")
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/story.html")])
    for mime, welcome in ((files, True), (words, False), (web, False)):
        enter = QDragEnterEvent(QPoint(40, 40), COPY, mime, LEFT, NONE)
        QApplication.sendEvent(window, enter)
        assert enter.isAccepted() is welcome
        move = QDragMoveEvent(QPoint(40, 40), COPY, mime, LEFT, NONE)
        move.setAccepted(False)
        QApplication.sendEvent(window, move)
        assert move.isAccepted() is welcome

"""The first-run welcome: shown once per settings file, again from Help, and it
says where the database is, as written."""

from __future__ import annotations

import pytest

from annotator.gui.qt import QLabel, QSettings
from annotator.gui.theme import DARK
from annotator.gui.welcome import WelcomeDialog, maybe_show_welcome, show_welcome


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def texts(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_shown_on_first_start_only(settings, qtbot, tmp_path):
    first = maybe_show_welcome(None, settings, tmp_path / "annotations.db")
    assert first is not None
    qtbot.addWidget(first)
    assert first.isVisible()
    first.accept()
    assert maybe_show_welcome(None, settings, tmp_path / "annotations.db") is None
    # The next start reads the same file.
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert maybe_show_welcome(None, again, tmp_path / "annotations.db") is None


def test_help_welcome_shows_it_any_time(settings, qtbot, tmp_path):
    settings.setValue("welcome/shown", True)
    dialog = show_welcome(None, tmp_path / "annotations.db", DARK)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()


def test_it_explains_panes_keys_database_and_import(qtbot):
    path = "/home/dana/<b>notes</b>/annotations.db"
    dialog = WelcomeDialog(path)
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    for words in ("On the left", "In the middle", "On the right", "Import articles", "F1"):
        assert words in shown
    for key in ("1", "2", "3", "4", "P"):
        assert any(label.text() == key for label in dialog.findChildren(QLabel))
    assert dialog.database.text() == path  # shown as written, not as HTML
    assert "Speaker" in shown and "Position" in shown

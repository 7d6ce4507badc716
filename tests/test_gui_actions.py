"""The window's actions: what the selection allows, and the one export dialog."""

from __future__ import annotations

from pathlib import Path

from annotator.core.store import Store
from annotator.gui.actions import MENUS, SPECS, A, Selection, enabled_state
from annotator.gui.app import application
from annotator.gui.export_choice import EXPORT_FILTERS, export_format
from annotator.gui.main_window import MainWindow
from annotator.gui.qt import QSettings
from annotator.gui.session import Session


def test_article_actions_need_an_open_article_and_undo_needs_something_to_undo() -> None:
    none = enabled_state(Selection(has_article=False, undo_label=None, redo_label=None))
    assert not none[A.DONE_AND_NEXT] and not none[A.START_REVIEW] and not none[A.POSITION]
    assert not none[A.UNDO] and not none[A.REDO]
    assert none[A.IMPORT] and none[A.OPEN_DATABASE]  # work without an article
    some = enabled_state(Selection(has_article=True, undo_label="Tag cue", redo_label=None))
    assert some[A.DONE_AND_NEXT] and some[A.START_REVIEW] and some[A.UNDO]
    assert not some[A.REDO]


def test_every_action_is_in_a_menu() -> None:
    placed = {item for _title, items in MENUS for item in items}
    assert set(SPECS) - placed == {A.DONE_BUTTON}  # the toolbar's copy of Done & next


def test_an_empty_database_greys_out_the_article_actions(qtbot, tmp_path: Path) -> None:
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Session(Store(tmp_path / "empty.db")), settings)
    qtbot.addWidget(window)
    by_text = {a.text(): a for a in window.actions()}
    assert not by_text["Mark &done and open next to do"].isEnabled()
    assert not by_text["&Start review of this article"].isEnabled()
    assert by_text["&Import articles…"].isEnabled()
    window.close()
    window.session.store.close()


def test_w3c_export_is_jsonld_in_every_export_dialog() -> None:
    assert EXPORT_FILTERS["w3c"].endswith("(*.jsonld)")
    assert export_format("/tmp/x.jsonld", "") == "w3c"
    assert export_format("/tmp/x.csv", "") == "csv"
    assert export_format("/tmp/x.anything", EXPORT_FILTERS["w3c"]) == "w3c"
    assert export_format("/tmp/x", "") == "jsonl"

"""Claims in parts, editing from the panels and menus, and opening an article from a view.

Chosen as a user chooses them (menu entries, right-click menus recorded instead of run,
a view's double-click); every test checks what the database then holds or what the
window says.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import close_window
from PySide6.QtCore import QPoint, QSettings

from annotator.gui.app import application, build_window
from annotator.gui.main_window import MainWindow

QUOTE = "no region needs a new bloc"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(tmp_path / "a.db", annotator="ana", seed=True, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.tagging.popup is not None:
        win.tagging.popup.close()
    close_window(win)


@pytest.fixture
def menus(monkeypatch: pytest.MonkeyPatch) -> list:
    """Menus the window opens, recorded instead of run (their event loop would block)."""
    from PySide6.QtWidgets import QMenu

    from annotator.gui import tagging as tagging_module

    shown: list[QMenu] = []

    class RecordingMenu(QMenu):
        def exec(self, *args):
            shown.append(self)

    monkeypatch.setattr(tagging_module, "QMenu", RecordingMenu)
    return shown


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> list:
    """Note dialogs the window opens (recorded, not shown)."""
    from annotator.gui import tagging as tagging_module

    opened: list = []
    real = tagging_module.NoteDialog

    class RecordingNote(real):
        def open(self) -> None:
            opened.append(self)

    monkeypatch.setattr(tagging_module, "NoteDialog", RecordingNote)
    return opened


def entries(menu) -> dict[str, object]:
    return {a.text(): a for a in menu.actions() if a.text()}


def choose(win: MainWindow, text: str) -> None:
    found = [a for a in win.actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, [a.text() for a in win.actions()]
    found[0].trigger()


def claim_at(win: MainWindow, phrase: str, occurrence: int = 0) -> tuple[str, str]:
    """A claim highlighting ``phrase``: (claim id, span id)."""
    store, aid = win.store, win.article["id"]
    text = store.article_text(aid)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    span = store.add_span(aid, start, start + len(phrase), "claim")
    claim = store.add_claim(aid, [span["id"]])
    return claim["id"], span["id"]


def message(win: MainWindow) -> str:
    return win.statusBar().currentMessage()


# --- joining and splitting claims from the Edit menu -------------------------------------


def test_join_and_split_say_what_is_missing(window: MainWindow) -> None:
    store, aid = window.store, window.article["id"]
    choose(window, "Add to the claim before")
    assert message(window) == "Click a claim's highlight first"
    _first, first_span = claim_at(window, QUOTE)
    window.refresh_annotations()
    window.span_clicked(first_span)
    choose(window, "Add to the claim before")
    assert message(window) == "No claim before this one to add it to"
    choose(window, "Split from its claim")
    assert message(window) == "This claim has one part: nothing to split"
    assert [c["spans"] for c in store.claims(aid)] == [[first_span]]


def test_a_claim_joins_the_one_before_and_splits_off_again(window: MainWindow) -> None:
    store, aid = window.store, window.article["id"]
    text = store.article_text(aid)
    later = text.split()[-3]  # a word near the end, after the quote
    first, first_span = claim_at(window, QUOTE)
    _second, second_span = claim_at(window, later, text.count(later) - 1)
    window.refresh_annotations()
    window.span_clicked(second_span)
    choose(window, "Add to the claim before")
    assert [c["spans"] for c in store.claims(aid)] == [[first_span, second_span]]
    window.span_clicked(second_span)
    choose(window, "Split from its claim")
    assert sorted(len(c["spans"]) for c in store.claims(aid)) == [1, 1]
    assert store.claim(first)["spans"] == [first_span]


def test_a_claims_right_click_menu_adds_it_to_a_nearby_claim_and_splits_it(
    window: MainWindow, menus: list
) -> None:
    store, aid = window.store, window.article["id"]
    first, first_span = claim_at(window, QUOTE)
    _second, second_span = claim_at(window, "bloc politics")
    window.refresh_annotations()
    window.tagging.text_context_menu(QPoint(10, 10), [second_span])
    (sub,) = [a.menu() for a in menus[-1].actions() if a.menu()]
    join_menu = entries(sub)["Add to claim"].menu()
    entries(join_menu)[f"“{QUOTE}”"].trigger()
    assert store.claim(first)["spans"] in ([first_span, second_span], [second_span, first_span])
    window.tagging.text_context_menu(QPoint(10, 10), [second_span])
    (sub,) = [a.menu() for a in menus[-1].actions() if a.menu()]
    entries(sub)["Split from claim"].trigger()
    assert store.claim(first)["spans"] == [first_span]
    assert len(store.claims(aid)) == 2


# --- editing an item from the panel's right-click menu ------------------------------------


def test_editing_a_highlight_from_the_panel_asks_what_fits_its_label(
    window: MainWindow, menus: list, notes: list
) -> None:
    from annotator.gui.popups import ClaimPopup, MentionPopup

    store, aid = window.store, window.article["id"]
    _claim, claim_span = claim_at(window, QUOTE)
    mention = store.add_span(aid, 0, 8, "speaker")
    cue = store.add_span(aid, 10, 14, "cue")
    window.refresh_annotations()

    window.tagging.item_context_menu("span", claim_span, QPoint(5, 5))
    assert "Who said it…" in entries(menus[-1])
    window.tagging.edit_item("span", claim_span)
    assert isinstance(window.tagging.popup, ClaimPopup) and window.tagging.popup.isVisible()
    window.tagging.popup.close()
    window.tagging.edit_item("span", mention["id"])
    assert isinstance(window.tagging.popup, MentionPopup) and window.tagging.popup.isVisible()
    window.tagging.popup.close()
    window.tagging.edit_item("span", cue["id"])
    (dialog,) = notes
    dialog.saved.emit("checked against the wire copy")
    assert store.span(cue["id"])["note"] == "checked against the wire copy"


def test_a_note_needs_a_highlight(window: MainWindow) -> None:
    choose(window, "Edit note…")
    assert message(window) == "Click a highlight first"


# --- opening an article from a corpus view -------------------------------------------------


def test_a_views_double_click_opens_the_article_at_the_highlight(window: MainWindow) -> None:
    store = window.store
    rows = store.article_rows()
    other = next(r["id"] for r in rows if r["id"] != window.article["id"])
    text = store.article_text(other)
    span = store.add_span(other, 0, 5, "claim")
    window.centre_tabs.setCurrentIndex(1)
    window.views.open_span.emit(other, span["id"])
    assert window.centre_tabs.currentIndex() == 0
    assert window.article["id"] == other
    assert window.text.current_span_id == span["id"]
    assert window.text.text == text


def test_a_search_hit_opens_the_article_with_the_words_selected(window: MainWindow) -> None:
    store = window.store
    other = next(r["id"] for r in store.article_rows() if r["id"] != window.article["id"])
    text = store.article_text(other)
    start = text.index(text.split()[3])
    end = start + len(text.split()[3])
    window.centre_tabs.setCurrentIndex(1)
    window.views.open_search_hit.emit(other, start, end)
    assert window.centre_tabs.currentIndex() == 0
    assert window.article["id"] == other
    assert window.text.selected_range() == (start, end)


def test_a_views_row_without_a_highlight_opens_the_article_already_open(
    window: MainWindow,
) -> None:
    here = window.article["id"]
    window.centre_tabs.setCurrentIndex(1)
    window.views.open_span.emit(here, "")
    assert window.centre_tabs.currentIndex() == 0
    assert window.article["id"] == here and window.text.current_span_id is None


def test_next_article_to_do_stays_when_none_is_left(window: MainWindow) -> None:
    store = window.store
    for row in store.article_rows(limit=1000):
        store.set_article_status(row["id"], "done")
    window.reload_all()
    here = window.article["id"]
    choose(window, "Next article to do")
    assert window.article["id"] == here

"""The annotation window, driven as a user drives it: keys, clicks, popups, menus.

Every test checks the database, not only the widgets: what the window shows must be
what is stored. Dialogs that would block (QMessageBox, QInputDialog, QMenu.exec,
modal dialogs) are replaced by recorders.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QTreeWidget

from annotator.core.store import Store
from annotator.gui import main_window as main_window_module
from annotator.gui import tagging as tagging_module
from annotator.gui.highlighter import SpanHighlighter
from annotator.gui.labels import default_labels
from annotator.gui.main_window import MainWindow
from annotator.gui.popups import ClaimPopup, MentionPopup, PositionPopup
from annotator.gui.segments import Mark, SegmentIndex, flatten
from annotator.gui.shortcuts_dialog import ShortcutsDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

QUOTE = "no region needs a new bloc"
QUOTE2 = "Pacific island countries are not anyone's backyard"
SPEAKER = "Lin Qiao"


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No real home, settings or database (tests/conftest.py does the same, per session)."""
    home = tmp_path / "home"
    home.mkdir()
    for key, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(key, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "default.db"))


@pytest.fixture
def warnings(message_boxes: list[str]) -> list[str]:
    """The texts of the message boxes the window showed (conftest's ``message_boxes``)."""
    return message_boxes


@pytest.fixture
def make_window(open_window, qtbot, tmp_path: Path, warnings) -> Callable[..., MainWindow]:
    def make(db: Path | None = None, *, seed: bool = True) -> MainWindow:
        win = open_window(db or tmp_path / "annotations.db", seed=seed)
        activate(win, qtbot)
        return win

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    win = make_window()
    assert win.article is not None
    assert win.article["title"] == "Ministry warns against 'bloc politics' in the Pacific"
    return win


# --- helpers ------------------------------------------------------------------------------


def activate(win: MainWindow, qtbot, focus=None) -> None:
    """Bring the window to the front and focus the text, as a click on it would.

    The offscreen platform does not give activation back to the window when an
    inline popup closes, as a window manager does.
    """
    if not win.isActiveWindow():
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    (focus or win.text).setFocus()


def press(
    win: MainWindow, qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier, widget=None
) -> None:
    activate(win, qtbot, widget)
    QTest.keyClick(widget or win.text, key, modifiers)


def select(win: MainWindow, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    text = win.text.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    win.text.select_range(start, start + len(phrase))
    return start, start + len(phrase)


def spans(win: MainWindow, label: str | None = None) -> list[dict[str, Any]]:
    rows = win.store.spans(win.article["id"])
    return [s for s in rows if label is None or s["label"] == label]


def claims(win: MainWindow) -> list[dict[str, Any]]:
    return win.store.claims(win.article["id"])


def close_popup(win: MainWindow, qtbot) -> None:
    if win.tagging.popup is not None and win.tagging.popup.isVisible():
        QTest.keyClick(win.tagging.popup, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not win.tagging.popup.isVisible(), timeout=2000)


def confirm(popup, qtbot, widget=None) -> None:
    """Enter in the popup, as the user confirms it."""
    QTest.keyClick(widget or popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)


def tag_claim(win: MainWindow, qtbot, phrase: str, speaker: str | None) -> dict[str, Any]:
    start, end = select(win, phrase)
    press(win, qtbot, Qt.Key.Key_2)
    popup = win.tagging.popup
    assert isinstance(popup, ClaimPopup) and popup.isVisible()
    if speaker is None:
        close_popup(win, qtbot)
    else:
        popup.chooser.edit.selectAll()
        qtbot.keyClicks(popup.chooser.edit, speaker)
        confirm(popup, qtbot, popup.chooser.edit)
    (claim,) = [
        c
        for c in claims(win)
        if any(
            s["start"] == start and s["end"] == end
            for s in spans(win, "claim")
            if s["id"] in c["spans"]
        )
    ]
    return claim


def panel_ids(tree: QTreeWidget) -> list[str]:
    return [
        tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
        for i in range(tree.topLevelItemCount())
    ]


def wait_panel(win: MainWindow, qtbot, tree: QTreeWidget, ids: set[str]) -> None:
    qtbot.waitUntil(lambda: set(panel_ids(tree)) == ids, timeout=3000)


def double_click(qtbot, tree: QTreeWidget, item_id: str) -> None:
    """A user's double-click: QTest's mouseDClick alone sends no first press, and an
    item view only reacts to a double-click on the item it saw pressed."""
    point = item_point(tree, item_id)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)


def item_point(tree: QTreeWidget, item_id: str) -> QPoint:
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == item_id:
            tree.scrollToItem(item)
            return tree.visualItemRect(item).center()
    raise AssertionError(f"{item_id} not in the list")


def text_point(win: MainWindow, offset: int) -> QPoint:
    """Viewport pixel in the middle of the character at ``offset``."""

    def gap(cp: int) -> QPoint:
        cursor = QTextCursor(win.text.document())
        cursor.setPosition(win.text.map.to_qt(cp))
        return win.text.cursorRect(cursor).center()

    a, b = gap(offset), gap(offset + 1)
    return QPoint((a.x() + b.x()) // 2, a.y())


def history_count(win: MainWindow) -> int:
    return win.store.db.execute("SELECT count(*) FROM history WHERE undone = 0").fetchone()[0]


# --- opening --------------------------------------------------------------------------------


def test_opens_on_a_new_database_seeded_with_the_sample_corpus(window: MainWindow) -> None:
    assert window.store.article_count() == 15
    assert len(window.corpus.model.rows) == 15
    assert window.corpus.current_id() == window.article["id"]
    assert window.header.title.text() == window.article["title"]
    assert window.text.toPlainText() == window.store.article_text(window.article["id"])
    assert window.windowTitle().startswith("annotations.db")
    assert "todo 15" in window.status_counts.text()


def test_seed_false_opens_empty(make_window, tmp_path: Path) -> None:
    win = make_window(tmp_path / "empty.db", seed=False)
    assert win.store.article_count() == 0
    assert win.article is None
    assert win.header.title.text() == "No article"
    win.tagging.tag("claim")  # nothing to tag: no error, nothing stored
    assert win.store.stats()["spans"] == 0


# --- tagging -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "label", "phrase", "popup"),
    ids=["speaker", "claim", "cue", "target"],
    argvalues=[
        (Qt.Key.Key_1, "speaker", SPEAKER, MentionPopup),
        (Qt.Key.Key_2, "claim", QUOTE, ClaimPopup),
        (Qt.Key.Key_3, "cue", "told reporters", None),
        (Qt.Key.Key_4, "target", "South Pacific", None),
    ],
)
def test_keys_1_to_4_tag_the_selection(
    window: MainWindow, qtbot, key, label, phrase, popup
) -> None:
    start, end = select(window, phrase)
    press(window, qtbot, key)
    (span,) = spans(window)
    assert (span["label"], span["start"], span["end"], span["text"]) == (label, start, end, phrase)
    assert span["annotator"] == "tester"
    assert span["text"] == window.store.article_text(window.article["id"])[start:end]
    # One undoable action, and the article is now in progress.
    assert window.store.undo_label() == f"Tag {label}"
    assert window.store.article(window.article["id"])["status"] == "in_progress"
    if popup is None:
        assert window.tagging.popup is None or not window.tagging.popup.isVisible()
    else:
        assert isinstance(window.tagging.popup, popup) and window.tagging.popup.isVisible()
    # The selection is gone and the new highlight is the current one, painted.
    assert not window.text.textCursor().hasSelection()
    assert window.text.current_span_id == span["id"]
    assert [s["id"] for s in window.text.spans] == [span["id"]]
    wait_panel(window, qtbot, window.panel.highlights, {span["id"]})
    if label == "claim":
        (claim,) = claims(window)
        assert claim["spans"] == [span["id"]]
        assert claim["kind"] == "direct"  # it sits in quotation marks


def test_key_without_selection_only_says_what_to_do(window: MainWindow, qtbot) -> None:
    press(window, qtbot, Qt.Key.Key_3)
    assert spans(window) == []
    assert "Select some text" in window.statusBar().currentMessage()


def test_selection_is_snapped_to_whole_words_and_trimmed(window: MainWindow, qtbot) -> None:
    start = window.text.text.index("told reporters")
    window.text.select_range(start + 2, start + len("told reporte"))  # "ld reporte"
    press(window, qtbot, Qt.Key.Key_3)
    (span,) = spans(window)
    assert span["text"] == "told reporters"
    window.snap_action.setChecked(False)
    start = window.text.text.index(" South Pacific,")
    window.text.select_range(start, start + len(" South Pacific,"))
    press(window, qtbot, Qt.Key.Key_4)
    assert spans(window, "target")[0]["text"] == "South Pacific"


def test_toolbar_button_tags(window: MainWindow, qtbot) -> None:
    (action,) = [a for a in window.toolbar.actions() if a.text().endswith("cue")]
    button = window.toolbar.widgetForAction(action)
    assert button is not None and button.isVisible()
    select(window, "told reporters")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (span,) = spans(window)
    assert (span["label"], span["text"]) == ("cue", "told reporters")


def test_tag_menu_action_tags(window: MainWindow) -> None:
    tag_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tag")
    (action,) = [a for a in tag_menu.actions() if a.text().endswith("target")]
    select(window, "South Pacific")
    action.trigger()
    assert [s["text"] for s in spans(window, "target")] == ["South Pacific"]


def test_context_menu_tags_the_selection(window: MainWindow, qtbot, monkeypatch) -> None:
    shown: list[QMenu] = []

    class RecordingMenu(QMenu):
        """Records the menu instead of running its (blocking) event loop."""

        def exec(self, *args):
            shown.append(self)

    monkeypatch.setattr(tagging_module, "QMenu", RecordingMenu)
    start, _end = select(window, "told reporters")
    point = text_point(window, start + 3)
    qtbot.mouseClick(window.text.viewport(), Qt.MouseButton.RightButton, pos=point)
    if not shown:  # platforms that open context menus on release only
        from PySide6.QtGui import QContextMenuEvent

        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, window.text.viewport().mapToGlobal(point)
        )
        QApplication.sendEvent(window.text.viewport(), event)
    assert shown, "no context menu"
    menu = shown[-1]
    texts = [a.text() for a in menu.actions()]
    assert any(t.startswith("Tag as cue") for t in texts), texts
    next(a for a in menu.actions() if a.text().startswith("Tag as cue")).trigger()
    (span,) = spans(window)
    assert (span["label"], span["text"]) == ("cue", "told reporters")

    # On a highlight, the menu offers that highlight's actions: relabel it.
    shown.clear()
    window.text.clear_selection()
    event_point = text_point(window, start + 3)
    from PySide6.QtGui import QContextMenuEvent

    QApplication.sendEvent(
        window.text.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse,
            event_point,
            window.text.viewport().mapToGlobal(event_point),
        ),
    )
    (menu,) = shown
    (sub,) = [a.menu() for a in menu.actions() if a.menu() and a.text().startswith("cue:")]
    relabel = next(a.menu() for a in sub.actions() if a.text() == "Change label")
    next(a for a in relabel.actions() if a.text() == "target").trigger()
    assert [s["label"] for s in spans(window)] == ["target"]


# --- popups: claims, speakers, positions -----------------------------------------------------------


def test_claim_popup_attributes_a_new_then_the_same_speaker(window: MainWindow, qtbot) -> None:
    before = window.store.stats()["speakers"]
    first = tag_claim(window, qtbot, QUOTE, SPEAKER)
    assert first["speaker_id"] is not None
    speaker = window.store.speaker(first["speaker_id"])
    assert speaker["name"] == SPEAKER
    assert window.store.stats()["speakers"] == before + 1

    second = tag_claim(window, qtbot, QUOTE2, SPEAKER.lower())  # case does not matter
    assert second["speaker_id"] == first["speaker_id"]
    assert window.store.stats()["speakers"] == before + 1
    wait_panel(window, qtbot, window.panel.claims, {first["id"], second["id"]})
    qtbot.waitUntil(
        lambda: {window.panel.claims.topLevelItem(i).text(0) for i in range(2)} == {SPEAKER},
        timeout=3000,
    )


def test_claim_popup_escape_keeps_the_claim_without_speaker(window: MainWindow, qtbot) -> None:
    claim = tag_claim(window, qtbot, QUOTE, None)
    assert claim["speaker_id"] is None
    assert window.store.stats()["speakers"] == 0


def test_claim_popup_picks_up_nearby_cue(window: MainWindow, qtbot) -> None:
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    (cue,) = spans(window, "cue")
    claim = tag_claim(window, qtbot, QUOTE, "China's foreign ministry")
    assert claim["cue_span_id"] == cue["id"]
    assert claim["kind"] == "direct"


def test_speaker_key_opens_mention_popup_and_links_speaker(window: MainWindow, qtbot) -> None:
    select(window, SPEAKER)
    press(window, qtbot, Qt.Key.Key_1)
    popup = window.tagging.popup
    assert isinstance(popup, MentionPopup) and popup.isVisible()
    assert popup.chooser.name() == SPEAKER  # the highlighted words by default
    popup.role.setText("spokesperson")
    popup.kind.setCurrentText("person")
    confirm(popup, qtbot, popup.chooser.edit)
    (span,) = spans(window, "speaker")
    speaker = window.store.speaker(span["speaker_id"])
    assert (speaker["name"], speaker["role"]) == (SPEAKER, "spokesperson")

    # A claim tagged next to the mention is attributed to that speaker at once.
    popup_claim = tag_claim(window, qtbot, QUOTE2, None)
    assert popup_claim["speaker_id"] == speaker["id"]
    assert popup_claim["mention_span_id"] == span["id"]


def _position_popup(window: MainWindow, qtbot) -> tuple[dict, PositionPopup]:
    claim = tag_claim(window, qtbot, QUOTE2, SPEAKER)
    activate(window, qtbot)
    window.tagging.add_position()
    popup = window.tagging.popup
    assert isinstance(popup, PositionPopup) and popup.isVisible()
    return claim, popup


def test_position_popup_stores_target_stance_and_evidence(window: MainWindow, qtbot) -> None:
    claim, popup = _position_popup(window, qtbot)
    assert popup.speaker.currentData() == claim["speaker_id"]
    qtbot.keyClicks(popup.target, "military blocs in the Pacific")
    against = next(
        b for b in popup.stance_group.buttons() if b.text().replace("&", "") == "against"
    )
    qtbot.mouseClick(against, Qt.MouseButton.LeftButton)
    assert against.isChecked()
    checked = [
        popup.evidence.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(popup.evidence.count())
        if popup.evidence.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert checked == [claim["id"]]
    confirm(popup, qtbot, popup.target)
    (position,) = window.store.positions(window.article["id"])
    assert position["speaker_id"] == claim["speaker_id"]
    assert (position["target"], position["stance"]) == ("military blocs in the Pacific", "against")
    assert position["evidence"] == [claim["id"]]
    wait_panel(window, qtbot, window.panel.positions, {position["id"]})


def test_position_popup_without_stance_is_refused(window: MainWindow, qtbot, warnings) -> None:
    _claim, popup = _position_popup(window, qtbot)
    qtbot.keyClicks(popup.target, "bloc politics")
    QTest.keyClick(popup.target, Qt.Key.Key_Return)
    assert popup.isVisible() and "stance" in popup.problem.text()
    assert window.store.positions(window.article["id"]) == []
    assert warnings == []


def test_position_key_without_speakers_explains(window: MainWindow, qtbot) -> None:
    press(window, qtbot, Qt.Key.Key_P)
    assert window.tagging.popup is None
    assert "speaker" in window.statusBar().currentMessage()


# --- editing, deleting -----------------------------------------------------------------------------


def test_double_click_on_a_claim_opens_its_popup_and_edits(window: MainWindow, qtbot) -> None:
    claim = tag_claim(window, qtbot, QUOTE, SPEAKER)
    tree = window.panel.claims
    window.panel.tabs.setCurrentWidget(tree)
    wait_panel(window, qtbot, tree, {claim["id"]})
    activate(window, qtbot, tree)
    double_click(qtbot, tree, claim["id"])
    popup = window.tagging.popup
    assert isinstance(popup, ClaimPopup) and popup.isVisible()
    assert popup.chooser.name() == SPEAKER
    popup.chooser.edit.selectAll()
    qtbot.keyClicks(popup.chooser.edit, "Chinese foreign ministry")
    indirect = next(b for b in popup.kind_group.buttons() if b.text() == "indirect")
    indirect.setChecked(True)
    confirm(popup, qtbot, popup.chooser.edit)
    (after,) = claims(window)
    assert window.store.speaker(after["speaker_id"])["name"] == "Chinese foreign ministry"
    assert after["kind"] == "indirect"


def test_double_click_on_a_position_edits_it(window: MainWindow, qtbot) -> None:
    claim, popup = _position_popup(window, qtbot)
    qtbot.keyClicks(popup.target, "bloc politics")
    popup.stance_group.button(1).setChecked(True)  # against
    confirm(popup, qtbot, popup.target)
    (position,) = window.store.positions(window.article["id"])
    tree = window.panel.positions
    window.panel.tabs.setCurrentWidget(tree)
    wait_panel(window, qtbot, tree, {position["id"]})
    activate(window, qtbot, tree)
    double_click(qtbot, tree, position["id"])
    popup = window.tagging.popup
    assert isinstance(popup, PositionPopup) and popup.isVisible()
    assert popup.target.text() == "bloc politics"
    popup.stance_group.button(2).setChecked(True)  # neutral
    confirm(popup, qtbot, popup.target)
    (after,) = window.store.positions(window.article["id"])
    assert (after["id"], after["stance"], after["evidence"]) == (
        position["id"],
        "neutral",
        [claim["id"]],
    )


def test_delete_key_in_the_panel_removes_from_the_database(window: MainWindow, qtbot) -> None:
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    (cue,) = spans(window, "cue")
    claim = tag_claim(window, qtbot, QUOTE, SPEAKER)
    assert claim["cue_span_id"] == cue["id"]
    (content,) = spans(window, "claim")
    tree = window.panel.highlights
    window.panel.tabs.setCurrentWidget(tree)
    wait_panel(window, qtbot, tree, {cue["id"], content["id"]})

    # Delete the cue: the claim stays and loses its cue.
    activate(window, qtbot, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=item_point(tree, cue["id"]))
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == cue["id"]
    press(window, qtbot, Qt.Key.Key_Delete, widget=tree)
    assert window.store.span(cue["id"]) is None
    (after,) = claims(window)
    assert after["cue_span_id"] is None
    wait_panel(window, qtbot, tree, {content["id"]})

    # Delete the claim's only content highlight: the claim goes with it.
    activate(window, qtbot, tree)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=item_point(tree, content["id"])
    )
    press(window, qtbot, Qt.Key.Key_Delete, widget=tree)
    assert spans(window) == []
    assert claims(window) == []
    wait_panel(window, qtbot, tree, set())
    assert window.text.spans == []

    # Both deletions are undoable.
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert [c["id"] for c in claims(window)] == [claim["id"]]
    assert window.store.span(content["id"]) is not None


def test_delete_a_claim_from_the_claims_list_drops_it_from_positions(
    window: MainWindow, qtbot
) -> None:
    claim, popup = _position_popup(window, qtbot)
    qtbot.keyClicks(popup.target, "bloc politics")
    popup.stance_group.button(1).setChecked(True)
    confirm(popup, qtbot, popup.target)
    tree = window.panel.claims
    window.panel.tabs.setCurrentWidget(tree)
    wait_panel(window, qtbot, tree, {claim["id"]})
    activate(window, qtbot, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=item_point(tree, claim["id"]))
    press(window, qtbot, Qt.Key.Key_Backspace, widget=tree)
    assert claims(window) == []
    assert spans(window, "claim") == []
    (position,) = window.store.positions(window.article["id"])
    assert position["evidence"] == []


def test_delete_key_on_the_text_deletes_the_current_highlight(window: MainWindow, qtbot) -> None:
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    (span,) = spans(window)
    assert window.text.current_span_id == span["id"]
    press(window, qtbot, Qt.Key.Key_Delete)
    assert spans(window) == []


# --- undo and redo -----------------------------------------------------------------------------------


def test_undo_redo_keys_step_through_the_database(window: MainWindow, qtbot) -> None:
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    claim = tag_claim(window, qtbot, QUOTE, SPEAKER)
    states = [
        (sorted(s["label"] for s in spans(window)), [c["speaker_id"] for c in claims(window)])
    ]
    assert states[0] == (["claim", "cue"], [claim["speaker_id"]])
    assert window.undo_action.text() == "&Undo Attribute claim"

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert [c["speaker_id"] for c in claims(window)] == [None]
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert [s["label"] for s in spans(window)] == ["cue"] and claims(window) == []
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert spans(window) == []
    assert window.store.article(window.article["id"])["status"] == "todo"
    assert not window.undo_action.isEnabled()
    press(window, qtbot, Qt.Key.Key_Z, CTRL)  # nothing left: harmless
    assert spans(window) == []
    qtbot.waitUntil(lambda: window.text.spans == [], timeout=2000)

    press(window, qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [s["label"] for s in spans(window)] == ["cue"]
    press(window, qtbot, Qt.Key.Key_Y, CTRL)  # the other redo key
    assert sorted(s["label"] for s in spans(window)) == ["claim", "cue"]
    press(window, qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [c["speaker_id"] for c in claims(window)] == [claim["speaker_id"]]
    assert not window.redo_action.isEnabled()
    assert len(window.text.spans) == 2


def test_undo_after_closing_and_reopening_the_window(make_window, tmp_path: Path, qtbot) -> None:
    db = tmp_path / "annotations.db"
    win = make_window(db)
    aid = win.article["id"]
    select(win, "told reporters")
    press(win, qtbot, Qt.Key.Key_3)
    select(win, "South Pacific")
    press(win, qtbot, Qt.Key.Key_4)
    win.close()
    win.store.close()

    again = make_window(db)
    assert again.article["id"] == aid  # the last article is remembered
    assert sorted(s["label"] for s in spans(again)) == ["cue", "target"]
    assert again.undo_action.isEnabled() and again.undo_action.text() == "&Undo Tag target"
    press(again, qtbot, Qt.Key.Key_Z, CTRL)
    assert [s["label"] for s in spans(again)] == ["cue"]
    again.close()
    again.store.close()

    third = make_window(db)
    assert third.redo_action.text() == "&Redo Tag target"
    press(third, qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert sorted(s["label"] for s in spans(third)) == ["cue", "target"]
    qtbot.waitUntil(lambda: len(third.text.spans) == 2, timeout=2000)


def test_undo_in_another_article_shows_that_article(window: MainWindow, qtbot) -> None:
    first = window.article["id"]
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    press(window, qtbot, Qt.Key.Key_Down, ALT)
    assert window.article["id"] != first
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert window.article["id"] == first
    assert window.store.spans(first) == []


def test_undo_is_per_annotator_and_a_refusal_shows_in_the_status_bar(
    window: MainWindow, qtbot, warnings: list[str]
) -> None:
    aid = window.article["id"]
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    (cue,) = spans(window)
    # Someone else, in another program on the same file, builds on that cue.
    with Store(window.store.path, annotator="bob") as bob:
        text = bob.article_text(aid)
        start = text.index(QUOTE)
        bob.tag(aid, start, start + len(QUOTE), "claim", cue_span_id=cue["id"])
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    message = window.statusBar().currentMessage()
    assert "Cannot undo “Tag cue”" in message and "bob" in message
    assert warnings == []  # a sentence in the status bar, not a dialog
    assert len(spans(window)) == 2
    # Blind coding: Bob's work is in his layer, shown when the layers are switched on.
    assert {s["label"] for s in window.spans} == {"cue"}
    window.layers_action.setChecked(True)
    assert {s["label"] for s in window.spans} == {"cue", "claim"}
    assert window.undo_action.text() == "&Undo Tag cue"
    # Bob's tag is not in this annotator's history.
    window.store.annotator = "bob"
    assert window.store.undo_label() == "Tag claim"


def test_text_given_to_the_api_with_crlf_and_a_bom_is_shown_and_tagged_as_stored(
    make_window, tmp_path: Path, qtbot
) -> None:
    db = tmp_path / "crlf.db"
    with Store(db, annotator="tester") as store:
        aid = store.add_article(
            '\ufeffTalks\r\n\r\nThe minister said: "no bloc".\r\nOfficials agreed.\r\n'
        )
    win = make_window(db, seed=False)
    win.open_article(aid)
    assert win.text.text == win.store.article_text(aid)
    select(win, "Officials agreed")  # after two line breaks: no shift
    press(win, qtbot, Qt.Key.Key_4)
    (span,) = spans(win)
    assert span["text"] == "Officials agreed"


def test_the_import_action_says_an_import_cannot_be_undone(window: MainWindow) -> None:
    (action,) = [a for a in window.actions() if a.text() == "&Import articles…"]
    assert "cannot be undone" in action.toolTip()
    assert "cannot be undone" in action.statusTip()


# --- status and navigation -------------------------------------------------------------------------


def test_ctrl_enter_marks_done_and_opens_the_next_to_do(window: MainWindow, qtbot) -> None:
    rows = window.corpus.model.rows
    first, second = rows[0]["id"], rows[1]["id"]
    window.store.set_article_status(second, "done")  # skipped: not to do
    window.corpus.reload()
    press(window, qtbot, Qt.Key.Key_Return, CTRL)
    assert window.store.article(first)["status"] == "done"
    assert window.article["id"] == rows[2]["id"]
    assert window.corpus.current_id() == rows[2]["id"]
    assert window.corpus.model.rows[0]["status"] == "done"
    assert "done 2" in window.status_counts.text()
    press(window, qtbot, Qt.Key.Key_Enter, CTRL)  # the keypad Enter too
    assert window.store.article(rows[2]["id"])["status"] == "done"
    assert window.article["id"] == rows[3]["id"]


def test_closing_right_after_opening_an_article_reads_nothing_from_the_closed_store(
    window: MainWindow, qtbot
) -> None:
    # The next article's panel is filled a moment later; closing the window before then
    # (and the store with it, as quitting does) must not leave that refresh pending.
    press(window, qtbot, Qt.Key.Key_Return, CTRL)
    window.close()
    window.store.close()
    qtbot.wait(200)  # an error in a pending refresh would be caught in the event loop


def test_ctrl_enter_finds_the_next_to_do_hidden_by_the_filter(window: MainWindow, qtbot) -> None:
    ids = [r["id"] for r in window.corpus.model.rows]
    qtbot.keyClicks(window.corpus.filter, "Tokyo")
    qtbot.waitUntil(lambda: len(window.corpus.model.rows) == 2, timeout=3000)
    assert window.corpus.model.rows[0]["id"] == ids[1]
    window.corpus.select(ids[1])
    assert window.article["id"] == ids[1]
    press(window, qtbot, Qt.Key.Key_Return, CTRL)
    assert window.store.article(ids[1])["status"] == "done"
    assert window.article["id"] == ids[2]  # not in the filtered list: the filter is cleared
    assert window.corpus.filter.text() == ""
    assert window.corpus.current_id() == ids[2]


def test_next_and_previous_article_keys(window: MainWindow, qtbot) -> None:
    ids = [r["id"] for r in window.corpus.model.rows]
    press(window, qtbot, Qt.Key.Key_Down, ALT)
    assert window.article["id"] == ids[1]
    press(window, qtbot, Qt.Key.Key_PageDown, CTRL)
    assert window.article["id"] == ids[2]
    press(window, qtbot, Qt.Key.Key_Up, ALT)
    assert window.article["id"] == ids[1]
    press(window, qtbot, Qt.Key.Key_PageUp, CTRL)
    press(window, qtbot, Qt.Key.Key_PageUp, CTRL)  # already the first
    assert window.article["id"] == ids[0]
    assert window.corpus.current_id() == ids[0]
    assert window.text.toPlainText() == window.store.article_text(ids[0])


def test_filter_box_filters_rows(window: MainWindow, qtbot) -> None:
    activate(window, qtbot)
    press(window, qtbot, Qt.Key.Key_L, CTRL)
    assert window.corpus.filter.hasFocus()
    qtbot.keyClicks(window.corpus.filter, "nato")
    qtbot.waitUntil(lambda: len(window.corpus.model.rows) == 2, timeout=3000)
    assert all("NATO" in r["title"] for r in window.corpus.model.rows)
    window.corpus.filter.clear()
    qtbot.waitUntil(lambda: len(window.corpus.model.rows) == 15, timeout=3000)
    status = window.corpus.status
    status.setCurrentIndex(status.findData("done"))
    assert window.corpus.model.rows == []


def test_clicking_a_column_header_sorts(window: MainWindow, qtbot) -> None:
    table = window.corpus.table
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    titles = [r["title"] for r in window.corpus.model.rows]
    assert titles == sorted(titles, key=str.casefold) or titles == sorted(
        titles, key=str.casefold, reverse=True
    )
    first_order = titles
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert [r["title"] for r in window.corpus.model.rows] == list(reversed(first_order))
    # The open article stays selected in the list.
    assert window.corpus.current_id() == window.article["id"]


def test_corpus_order_stays_put_when_tagging(window: MainWindow, qtbot) -> None:
    """Unsorted means corpus (import) order: a tagged article does not move in the list."""
    ids = [r["id"] for r in window.corpus.model.rows]
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    window.corpus.reload()
    assert [r["id"] for r in window.corpus.model.rows] == ids
    assert window.corpus.model.order_by == "rowid"
    press(window, qtbot, Qt.Key.Key_Down, ALT)
    assert window.article["id"] == ids[1]


def _corpus_db(path: Path, n: int) -> list[str]:
    """A database of ``n`` short articles, written with the store's bulk path."""
    from annotator.core.records import prepare_record
    from annotator.core.store import Store, bulk_writer

    with Store(path, annotator="tester") as store:
        records = [
            prepare_record({"text": f"Envoy {i} urges calm\n\nGENEVA - Talks number {i}.\n"})
            for i in range(n)
        ]
        return bulk_writer(store).write(records)


def _remember(tmp_path: Path, article_id: str) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("last_article", article_id)
    settings.sync()


def test_start_with_a_remembered_article_of_another_database(make_window, tmp_path) -> None:
    """It is not looked for page by page through the whole list (that took 15 s on 100k)."""
    ids = _corpus_db(tmp_path / "big.db", 1200)
    _remember(tmp_path, "0123456789abcdef")
    win = make_window(tmp_path / "big.db", seed=False)
    assert win.article["id"] == ids[0]
    assert len(win.corpus.model.rows) == 200  # the first page only


def test_start_with_the_remembered_article_far_down_the_list(make_window, tmp_path) -> None:
    ids = _corpus_db(tmp_path / "big.db", 1200)
    _remember(tmp_path, ids[-1])
    win = make_window(tmp_path / "big.db", seed=False)
    assert win.article["id"] == ids[-1]
    assert win.corpus.current_id() == ids[-1]
    win.navigation.step(-1)
    assert win.article["id"] == ids[-2]


def test_filter_does_not_page_through_everything_for_the_open_article(
    make_window, tmp_path
) -> None:
    ids = _corpus_db(tmp_path / "big.db", 5000)
    win = make_window(tmp_path / "big.db", seed=False)
    assert win.article["id"] == ids[0]  # "Envoy 0", which has no 1 in it
    win.corpus.filter.setText("1")
    win.corpus.apply_filter()
    assert win.corpus.model.total > 2000
    assert len(win.corpus.model.rows) < win.corpus.model.total  # not all of them
    assert win.corpus.current_id() is None
    assert win.article["id"] == ids[0]  # still open


def test_sorting_by_tags_count(window: MainWindow, qtbot) -> None:
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    window.corpus.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert window.corpus.model.rows[0]["id"] == window.article["id"]
    assert window.corpus.model.rows[0]["annotations"] == 1


def test_switching_articles_shows_their_text_and_highlights(window: MainWindow, qtbot) -> None:
    first = window.article["id"]
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    second = window.corpus.model.rows[1]["id"]
    table = window.corpus.table
    rect = table.visualRect(window.corpus.model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article["id"] == second
    assert window.text.toPlainText() == window.store.article_text(second)
    assert window.text.spans == []
    assert window.panel.highlights.topLevelItemCount() == 0
    window.corpus.select(first)
    # The highlight on screen is painted with the text; the lists follow right after.
    at = window.text.text.index("told reporters")
    block = window.text.document().findBlock(window.text.map.to_qt(at))
    assert block.layout().formats()
    qtbot.waitUntil(lambda: [s["text"] for s in window.text.spans] == ["told reporters"])
    # The lists fill right after the text and its highlights are painted.
    qtbot.waitUntil(lambda: window.panel.highlights.topLevelItemCount() == 1)


def test_clicking_a_highlight_selects_it_in_the_panel(window: MainWindow, qtbot) -> None:
    start, _ = select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    (cue,) = spans(window)
    claim = tag_claim(window, qtbot, QUOTE, SPEAKER)
    activate(window, qtbot)
    window.text.mark_span(None, scroll=False)
    window.panel.tabs.setCurrentIndex(3)

    qtbot.mouseClick(
        window.text.viewport(), Qt.MouseButton.LeftButton, pos=text_point(window, start + 2)
    )
    assert window.text.current_span_id == cue["id"]
    assert window.panel.tabs.currentWidget() is window.panel.highlights
    assert window.panel.current() == ("span", cue["id"])

    qtbot.wait(QApplication.doubleClickInterval() + 50)
    quote_start = window.text.text.index(QUOTE)
    qtbot.mouseClick(
        window.text.viewport(), Qt.MouseButton.LeftButton, pos=text_point(window, quote_start + 4)
    )
    assert window.panel.tabs.currentWidget() is window.panel.claims
    assert window.panel.current() == ("claim", claim["id"])


def test_choosing_in_the_panel_marks_the_text(window: MainWindow, qtbot) -> None:
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    select(window, "South Pacific")
    press(window, qtbot, Qt.Key.Key_4)
    target = spans(window, "target")[0]
    cue = spans(window, "cue")[0]
    tree = window.panel.highlights
    wait_panel(window, qtbot, tree, {target["id"], cue["id"]})
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=item_point(tree, cue["id"]))
    assert window.text.current_span_id == cue["id"]
    extra = window.text.extraSelections()
    assert len(extra) == 1
    assert extra[0].cursor.selectedText() == "told reporters"


# --- databases, import, export -------------------------------------------------------------------------


def test_switch_to_a_second_database_and_back(window: MainWindow, tmp_path: Path, qtbot) -> None:
    first_path = window.session.path
    select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    second = tmp_path / "second.db"
    assert window.files.switch_database(second)
    assert window.session.path == second
    assert window.store.article_count() == 0
    assert window.corpus.model.rows == []
    assert window.article is None
    assert window.windowTitle().startswith("second.db")
    assert window.settings.value("database") == str(second)
    assert str(first_path) in window.settings.value("recent")
    assert not window.undo_action.isEnabled()

    assert window.files.switch_database(first_path)
    assert window.store.article_count() == 15
    assert window.article is not None
    assert len(window.store.spans(window.article["id"])) == 1
    assert window.undo_action.isEnabled()


def test_unopenable_file_shows_an_error_and_keeps_the_database(
    window: MainWindow, tmp_path: Path, warnings
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(4096))
    before = window.session.path
    article = window.article["id"]
    assert not window.files.switch_database(junk)
    assert len(warnings) == 1
    assert "junk.db" in warnings[0] and "stays open" in warnings[0]
    assert window.session.path == before
    assert window.article["id"] == article
    assert window.store.article_count() == 15  # still open and usable
    window.text.select_range(0, 8)
    window.tagging.tag("cue")
    assert len(window.store.spans(article)) == 1
    # A folder is not a database either.
    assert not window.files.switch_database(tmp_path)
    assert len(warnings) == 2
    assert window.session.path == before


def test_dropping_files_and_folders_imports_them(
    window: MainWindow, tmp_path: Path, qtbot, warnings
) -> None:
    from fixtures.news_exports import FERRY, HARBOUR, lexisnexis_txt
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    export = tmp_path / "ledger.TXT"
    export.write_text(lexisnexis_txt([HARBOUR, FERRY]), encoding="utf-8")
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "note.md").write_text("Dropped note\n\nA note dropped on the window.\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 damaged")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(export)), QUrl.fromLocalFile(str(folder))])
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), action, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    before = window.store.article_count()
    drop = QDropEvent(QPointF(50, 50), action, mime, buttons, mods)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: not window.tasks, timeout=20000)
    assert window.store.article_count() == before + 3
    assert "3 articles added" in window.statusBar().currentMessage()
    assert f"{export}: 2 articles" in window.statusBar().currentMessage()
    assert warnings and "scan.pdf: not a readable PDF" in warnings[-1]
    # Text dragged from another program is not a file: nothing is imported.
    text = QMimeData()
    text.setText("just words")
    enter = QDragEnterEvent(QPoint(50, 50), action, text, buttons, mods)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_import_in_the_background(window: MainWindow, tmp_path: Path, qtbot, warnings) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(
        "Envoy urges calm over river dispute\n\nGENEVA (Wire) - An envoy said talks would go on.\n",
        encoding="utf-8",
    )
    (inbox / "b.md").write_text("Second imported piece\n\nBody 🙂 with emoji.\n", encoding="utf-8")
    (inbox / "bad.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    task = window.files.import_paths([str(inbox)], show_dialog=False)
    assert task.dialog is None
    with qtbot.waitSignal(task.done, timeout=20000) as blocker:
        pass
    report = blocker.args[0]
    assert report.added == 2 and report.failed == 1
    qtbot.waitUntil(lambda: not window.tasks, timeout=5000)
    assert window.store.article_count() == 17
    titles = [r["title"] for r in window.corpus.model.rows]
    if len(titles) < 17:
        window.corpus.model.fetchMore(window.corpus.model.index(0, 0).parent())
        titles = [r["title"] for r in window.corpus.model.rows]
    assert "Envoy urges calm over river dispute" in titles
    assert warnings and "bad.txt" in warnings[-1]
    assert "todo 17" in window.status_counts.text()
    # Importing the same files again adds nothing.
    task = window.files.import_paths([str(inbox / "a.txt")], show_dialog=False)
    with qtbot.waitSignal(task.done, timeout=20000) as blocker:
        pass
    assert blocker.args[0].duplicates == 1
    assert window.store.article_count() == 17


def test_export_in_the_background(window: MainWindow, tmp_path: Path, qtbot) -> None:
    start, end = select(window, "told reporters")
    press(window, qtbot, Qt.Key.Key_3)
    tag_claim(window, qtbot, QUOTE, SPEAKER)
    out = tmp_path / "out" / "export.jsonl"
    out.parent.mkdir()
    task = window.files.export_to(str(out), show_dialog=False)
    with qtbot.waitSignal(task.done, timeout=20000) as blocker:
        pass
    assert blocker.args[0] == 15
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 15
    (record,) = [r for r in records if r["id"] == window.article["id"]]
    assert record["text"] == window.store.article_text(window.article["id"])
    by_label = {s["label"]: s for s in record["spans"]}
    assert (by_label["cue"]["start"], by_label["cue"]["end"]) == (start, end)
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
    (claim,) = record["claims"]
    (speaker,) = record["speakers"]
    assert speaker["name"] == SPEAKER and claim["speaker"] == speaker["id"]
    assert str(out) in window.statusBar().currentMessage()

    csv_out = tmp_path / "out" / "export.csv"
    task = window.files.export_to(str(csv_out), "csv", show_dialog=False)
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert "told reporters" in csv_out.read_text(encoding="utf-8")


def test_export_to_an_unwritable_place_reports_the_error(
    window: MainWindow, tmp_path: Path, qtbot, warnings
) -> None:
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    task = window.files.export_to(str(blocker_file / "export.jsonl"), show_dialog=False)
    with qtbot.waitSignal(task.failed, timeout=20000):
        pass
    qtbot.waitUntil(lambda: bool(warnings), timeout=2000)
    assert "not-a-folder" in warnings[-1]


# --- help, and text that looks like HTML ----------------------------------------------------------------


def test_keyboard_shortcuts_dialog_lists_the_tag_actions(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    dialog = ShortcutsDialog(window.actions(), window)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(i, 0).text(): dialog.table.item(i, 1).text()
        for i in range(dialog.table.rowCount())
    }
    for label in window.labels:
        assert rows[f"{label.key}  {label.name}"] == label.key
    assert rows["P  position"] == "P"
    assert "Ctrl+Z" in rows["Undo"]
    assert "Ctrl+Shift+Z" in rows["Redo"]
    assert any(
        name.startswith("Mark done") and "Ctrl+Return" in keys for name, keys in rows.items()
    )
    assert "Select text" in rows  # the mouse gestures too

    # Help > Keyboard shortcuts (F1) opens it.
    opened: list[ShortcutsDialog] = []
    monkeypatch.setattr(
        main_window_module.ShortcutsDialog, "exec", lambda self: opened.append(self) or 0
    )
    press(window, qtbot, Qt.Key.Key_F1)
    assert len(opened) == 1
    assert opened[0].table.rowCount() == dialog.table.rowCount()


HTML = "<b>bold</b> <script>x</script> <img src=http://x>"


def test_html_in_an_article_is_shown_literally(window: MainWindow, qtbot) -> None:
    text = f"{HTML}\n\nThe body quotes {HTML} and &amp; entities &lt;i&gt; too.\n"
    aid = window.store.add_article(text, title=HTML, source="<i>Wire</i>")
    window.corpus.reload()
    assert window.corpus.select(aid)
    assert window.article["id"] == aid
    assert window.text.toPlainText() == text
    assert HTML in window.text.toPlainText()
    assert window.header.title.text() == HTML
    assert window.header.title.textFormat() == Qt.TextFormat.PlainText
    assert "<i>Wire</i>" in window.header.meta.text()
    assert window.header.meta.textFormat() == Qt.TextFormat.PlainText
    # Nothing was parsed as markup: no image in the document, the tags are characters.
    assert "<img" not in window.text.document().toHtml()
    row = window.corpus.model.row_of(aid)
    index = window.corpus.model.index(row, 0)
    assert window.corpus.model.data(index) == HTML

    start, end = select(window, "<script>x</script>", occurrence=1)
    press(window, qtbot, Qt.Key.Key_4)
    (span,) = spans(window)
    assert span["text"] == "<script>x</script>" == text[start:end]
    wait_panel(window, qtbot, window.panel.highlights, {span["id"]})
    tree = window.panel.highlights
    item = tree.topLevelItem(0)
    assert item.text(1) == "<script>x</script>"
    # Its tooltip shows the characters, not markup.
    tip = item.toolTip(1)
    assert "<script>" not in tip and "&lt;script&gt;x&lt;/script&gt;" in tip


def test_html_is_not_rendered_in_tooltips(window: MainWindow) -> None:
    aid = window.store.add_article(f"{HTML}\n\nBody.\n", title=HTML)
    window.corpus.reload()
    row = window.corpus.model.row_of(aid)
    tip = window.corpus.model.data(window.corpus.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    # A tooltip that looks like rich text is rendered as HTML by Qt: it must be escaped.
    assert "<img" not in tip and "<b>" not in tip
    from PySide6 import QtGui

    assert "&lt;img" in tip or not QtGui.Qt.mightBeRichText(tip)


# --- painting: what one tag repaints equals a full refresh ----------------------------------------


def _formats(win: MainWindow) -> list[tuple[int, int, int, str]]:
    """Every painted stretch of the document: block, start, length, background."""
    found = []
    block = win.text.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            found.append(
                (block.blockNumber(), r.start, r.length, r.format.background().color().name())
            )
        block = block.next()
    return sorted(found)


def test_incremental_tag_matches_a_full_refresh(window: MainWindow, qtbot) -> None:
    """A tag paints and lists its highlight in place; a full re-read shows the same."""
    for phrase, key in (
        ("told reporters", Qt.Key.Key_3),
        ("South Pacific", Qt.Key.Key_4),
        ("South Pacific", Qt.Key.Key_3),
        ("Pacific", Qt.Key.Key_4),
    ):
        select(window, phrase)
        press(window, qtbot, key)
    tag_claim(window, qtbot, QUOTE, None)  # a claim, popup left with Esc
    select(window, "no region")  # nested in the claim
    press(window, qtbot, Qt.Key.Key_3)
    incremental = (
        _formats(window),
        [s["id"] for s in window.text.spans],
        panel_ids(window.panel.highlights),
        panel_ids(window.panel.claims),
        window.panel.tabs.tabText(0),
    )
    assert len(incremental[1]) == 6 and len(incremental[3]) == 1
    window.refresh_annotations()
    full = (
        _formats(window),
        [s["id"] for s in window.text.spans],
        panel_ids(window.panel.highlights),
        panel_ids(window.panel.claims),
        window.panel.tabs.tabText(0),
    )
    assert sorted(incremental[1]) == sorted(full[1])
    assert incremental[0] == full[0]
    assert incremental[2:] == full[2:]
    # And reopening the article (a fresh highlighter) paints the same too.
    aid = window.article["id"]
    window.open_article(window.corpus.model.rows[1]["id"])
    window.open_article(aid)
    assert _formats(window) == full[0]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_patched_segments_equal_a_full_flatten(data: st.DataObject) -> None:
    def marks(n: int) -> list[Mark]:
        found = []
        for _ in range(n):
            start = data.draw(st.integers(0, 60))
            found.append(
                Mark(
                    start,
                    start + data.draw(st.integers(0, 15)),
                    data.draw(st.sampled_from("abc")),
                    data.draw(st.booleans()),
                )
            )
        return found

    before = marks(data.draw(st.integers(0, 25)))
    after = list(before)
    changed = []
    for _ in range(data.draw(st.integers(1, 3))):
        if after and data.draw(st.booleans()):
            changed.append(after.pop(data.draw(st.integers(0, len(after) - 1))))
        else:
            (mark,) = marks(1)
            after.append(mark)
            changed.append(mark)
    lo, hi = min(m.start for m in changed), max(m.end for m in changed)
    patched = SegmentIndex(flatten(before)).patched(after, lo, hi)
    assert patched.segments == flatten(after)
    for start in range(0, 80, 7):
        assert patched.overlapping(start, start + 7) == [
            s for s in flatten(after) if s.start < start + 7 and s.end > start
        ]


def test_highlighter_counts_duplicate_marks(qapp) -> None:
    """Two identical highlights paint deeper than one, however they arrive."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setPlainText("one two three four")
    highlighter = SpanHighlighter(document, default_labels())
    first = Mark(0, 3, "cue")
    highlighter.set_marks([first])
    highlighter.add_mark(first, [first, first])
    assert [s.depth for s in highlighter.segments] == [2]
    highlighter.set_marks([first])
    assert [s.depth for s in highlighter.segments] == [1]
    other = Mark(4, 7, "claim")
    highlighter.add_mark(other, [first, other])
    assert [(s.start, s.end, s.depth) for s in highlighter.segments] == [
        (0, 3, 1),
        (4, 7, 1),
    ]

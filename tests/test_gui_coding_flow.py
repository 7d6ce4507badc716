"""The coding flow over a day's work: popups that keep what was typed, a review that
counts right, guarded single keys, speakers that resolve. Driven by real key and
mouse events; every test checks the database as well as the widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from annotator.gui.app import application, build_window
from annotator.gui.main_window import MainWindow
from annotator.gui.popups import ClaimPopup, MentionPopup, PositionPopup

ALT = Qt.KeyboardModifier.AltModifier
QUOTE = "no region needs a new bloc"
QUOTE2 = "Pacific island countries are not anyone's backyard"
SPEAKER = "Lin Qiao"


@pytest.fixture
def warnings(message_boxes: list[str]) -> list[str]:
    return message_boxes  # tests/conftest.py


@pytest.fixture
def window(qtbot, tmp_path: Path, warnings) -> Iterator[MainWindow]:
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(tmp_path / "a.db", annotator="tester", seed=True, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    activate(win, qtbot)
    yield win
    if win.tagging.popup is not None:
        win.tagging.popup.close()
    win.close()
    win.store.close()


def activate(win: MainWindow, qtbot, focus=None) -> None:
    if not win.isActiveWindow():
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    (focus or win.text).setFocus()


def press(win: MainWindow, qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    activate(win, qtbot)
    QTest.keyClick(win.text, key, modifiers)


def select(win: MainWindow, phrase: str) -> tuple[int, int]:
    start = win.text.text.index(phrase)
    win.text.select_range(start, start + len(phrase))
    return start, start + len(phrase)


def spans(win: MainWindow, label: str) -> list[dict[str, Any]]:
    return [s for s in win.store.spans(win.article["id"]) if s["label"] == label]


def claims(win: MainWindow) -> list[dict[str, Any]]:
    return win.store.claims(win.article["id"])


def tag_claim(win: MainWindow, qtbot, phrase: str, speaker: str) -> dict[str, Any]:
    select(win, phrase)
    press(win, qtbot, Qt.Key.Key_2)
    popup = win.tagging.popup
    assert isinstance(popup, ClaimPopup) and popup.isVisible()
    popup.chooser.edit.selectAll()
    qtbot.keyClicks(popup.chooser.edit, speaker)
    QTest.keyClick(popup.chooser.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    return next(c for c in claims(win) if c["speaker_id"])


def position_popup(win: MainWindow, qtbot) -> tuple[dict, PositionPopup]:
    claim = tag_claim(win, qtbot, QUOTE2, SPEAKER)
    activate(win, qtbot)
    press(win, qtbot, Qt.Key.Key_P)
    popup = win.tagging.popup
    assert isinstance(popup, PositionPopup) and popup.isVisible()
    return claim, popup


# --- 1: the Position popup never loses input -------------------------------------------------


def test_enter_without_a_stance_keeps_the_popup_and_marks_the_stance(window, qtbot, warnings):
    claim, popup = position_popup(window, qtbot)
    qtbot.keyClicks(popup.target, "military blocs")
    QTest.keyClick(popup.target, Qt.Key.Key_Return)
    assert popup.isVisible() and popup.target.text() == "military blocs"
    assert popup.stances.property("invalid") is True
    assert "stance" in popup.problem.text() and popup.problem.isVisible()
    assert window.store.positions(window.article["id"]) == [] and warnings == []
    # The stance by Alt+letter keeps the focus in the target box; Enter then saves.
    popup.target.setFocus()
    QTest.keyClick(popup.target, Qt.Key.Key_A, ALT)
    assert popup.stance_group.checkedButton().text() == "against"
    assert popup.focusWidget() is popup.target
    QTest.keyClick(popup.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    (position,) = window.store.positions(window.article["id"])
    assert (position["target"], position["stance"]) == ("military blocs", "against")
    assert position["evidence"] == [claim["id"]]


def test_enter_on_a_target_suggestion_only_picks_it(window, qtbot):
    someone = window.store.add_speaker("Someone Else")
    window.store.add_position(
        window.article["id"],
        speaker_id=someone["id"],
        target="regional security pact",
        stance="against",
    )
    _claim, popup = position_popup(window, qtbot)
    qtbot.keyClicks(popup.target, "security")
    completer = popup.target.completer()
    qtbot.waitUntil(completer.popup().isVisible, timeout=2000)
    QTest.keyClick(completer.popup(), Qt.Key.Key_Down)
    QTest.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert popup.isVisible()
    assert popup.target.text() == "regional security pact"
    assert len(window.store.positions(window.article["id"])) == 1


def test_position_popup_offers_tagged_targets_first_and_this_speakers_claims(window, qtbot):
    someone = window.store.add_speaker("Someone Else")
    window.store.add_position(  # a corpus target that sorts before the tagged one
        window.article["id"], speaker_id=someone["id"], target="military aid", stance="favor"
    )
    select(window, "military cooperation")
    press(window, qtbot, Qt.Key.Key_4)
    other = tag_claim(window, qtbot, QUOTE, "Chinese foreign ministry")
    tag_claim(window, qtbot, QUOTE2, SPEAKER)
    lin = window.store.find_speaker(SPEAKER)
    (claim,) = [c for c in claims(window) if c["speaker_id"] == lin["id"]]
    press(window, qtbot, Qt.Key.Key_P)  # the new claim is selected: its speaker's position
    popup = window.tagging.popup
    assert isinstance(popup, PositionPopup) and popup.isVisible()
    qtbot.keyClicks(popup.target, "milit")
    completer = popup.target.completer()
    qtbot.waitUntil(completer.popup().isVisible, timeout=2000)
    offered = [completer.popup().model().index(i, 0).data() for i in range(2)]
    assert offered == ["military cooperation", "military aid"]
    QTest.keyClick(completer.popup(), Qt.Key.Key_Escape)

    def listed() -> list[str]:
        ids = popup.evidence
        return [ids.item(i).data(Qt.ItemDataRole.UserRole) for i in range(ids.count())]

    assert listed() == [claim["id"]]  # this speaker's claims only
    qtbot.mouseClick(popup.show_all, Qt.MouseButton.LeftButton)
    assert set(listed()) == {claim["id"], other["id"]}
    # Sized to its rows: no scrollbar across, none down for two claims.
    evidence = popup.evidence
    assert evidence.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not evidence.verticalScrollBar().isVisible()


# --- 5: tab order is the visual order; Space never skips --------------------------------------


def tab_path(popup, start, count: int) -> list:
    start.setFocus()
    seen = []
    for _ in range(count):
        QTest.keyClick(popup.focusWidget(), Qt.Key.Key_Tab)
        seen.append(popup.focusWidget())
    return seen


def test_speaker_popup_tabs_through_fields_then_save_then_skip(window, qtbot):
    for phrase in (SPEAKER, "Claire Whitfield"):
        select(window, phrase)
        press(window, qtbot, Qt.Key.Key_1)
        popup = window.tagging.popup
        assert isinstance(popup, MentionPopup) and popup.isVisible()
        path = tab_path(popup, popup.chooser.edit, 4)
        # The same with and without the article's speaker list (the second time it has one).
        assert path == [popup.kind, popup.role, popup.ok, popup.skip]
        qtbot.keyClicks(popup.skip, "neral ")  # typing on, as an analyst does
        assert popup.isVisible()
        popup.chooser.edit.setFocus()
        QTest.keyClick(popup.chooser.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda p=popup: not p.isVisible(), timeout=2000)
    names = sorted(window.store.speaker(s["speaker_id"])["name"] for s in spans(window, "speaker"))
    assert names == ["Claire Whitfield", SPEAKER]


# --- 14: popups stay inside the window and off the sentence -------------------------------------


def test_claim_popup_stays_in_the_window_and_off_the_quote(window, qtbot):
    start, end = select(window, QUOTE)
    press(window, qtbot, Qt.Key.Key_2)
    popup = window.tagging.popup
    assert isinstance(popup, ClaimPopup) and popup.isVisible()
    inside = window.frameGeometry().adjusted(-2, -2, 2, 2)
    assert inside.contains(popup.frameGeometry())
    view = window.text
    cursor = view.textCursor()
    for offset in (start, end):
        cursor.setPosition(view.map.to_qt(offset))
        rect = view.cursorRect(cursor)
        point = view.viewport().mapToGlobal(rect.center())
        assert not popup.frameGeometry().contains(point)


def test_claim_popup_leaves_the_whole_sentence_in_view(window, qtbot):
    sentence = "Lin said that Beijing's own agreements in the region were focused on trade"
    start = window.text.text.index(sentence)
    words = "own agreements in the region"
    select_at(window, words, sentence)
    press(window, qtbot, Qt.Key.Key_2)
    popup = window.tagging.popup
    assert isinstance(popup, ClaimPopup) and popup.isVisible()
    view = window.text
    end = view.text.index("third party.", start) + len("third party.")
    cursor = view.textCursor()
    lines = set()
    for offset in range(start, end, 3):  # the sentence runs over more than one line
        cursor.setPosition(view.map.to_qt(offset))
        rect = view.cursorRect(cursor)
        lines.add(rect.top())
        assert not popup.frameGeometry().contains(view.viewport().mapToGlobal(rect.center()))
    assert len(lines) > 1


# --- 6: an identical duplicate tag is refused and the existing one selected -------------------


def test_tagging_the_same_range_twice_selects_the_existing_highlight(window, qtbot):
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    (cue,) = spans(window, "cue")
    window.text.current_span_id = None
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    assert [s["id"] for s in spans(window, "cue")] == [cue["id"]]
    assert window.text.current_span_id == cue["id"]
    assert "Already tagged" in window.statusBar().currentMessage()
    # Another label on the same words is a different annotation, and is kept.
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_4)
    assert len(spans(window, "target")) == 1


# --- 2: review counts are of this pass and the header follows each change ----------------------

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def header(win: MainWindow) -> str:
    return win.review_bar.where.text() + " " + win.review_bar.what.text()


def test_review_counts_stay_of_the_pass_and_the_header_follows_changes(window, qtbot):
    press(window, qtbot, Qt.Key.Key_S, CTRL | SHIFT)  # suggestions: claims with cues, mentions
    press(window, qtbot, Qt.Key.Key_R, CTRL)
    total = len(window.reviewing.review)
    assert header(window).startswith(f"Review 1 of {total}  ·  0 decided")
    finish = window.review_bar.finish_button
    assert not finish.isEnabled() and f"{total} annotations" in finish.toolTip()

    press(window, qtbot, Qt.Key.Key_Backspace)  # reject the first suggested claim
    # Its cue and mention do not become new stops: still the same pass.
    assert header(window).startswith(f"Review 2 of {total}  ·  1 decided")

    # Edit (E) the current claim's speaker: the header re-reads it at once.
    assert "(proposed)" in header(window)
    press(window, qtbot, Qt.Key.Key_E)
    popup = window.tagging.popup
    assert isinstance(popup, ClaimPopup)
    popup.chooser.edit.selectAll()
    qtbot.keyClicks(popup.chooser.edit, "Someone New")
    QTest.keyClick(popup.chooser.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    assert "by Someone New" in header(window) and "(proposed)" not in header(window)

    # Accept all (Ctrl+Shift+A): nothing is "suggested" any more, and every stop is decided.
    press(window, qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert "suggested" not in header(window)
    assert f"of {total}  ·  {total} decided" in header(window)
    assert finish.isEnabled() and "Ctrl+Shift+R" in finish.toolTip()


def test_a_disabled_action_says_why_in_its_tooltip(window, qtbot):
    undo = window.undo_action
    assert not undo.isEnabled() and undo.toolTip() == "Nothing to undo"
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    assert undo.isEnabled() and undo.toolTip() != "Nothing to undo"


# --- 7: the shortcuts list names actions; the merge dialog names both speakers ------------------


def test_shortcuts_list_action_names_not_what_undo_would_undo(window, qtbot):
    from annotator.gui.shortcuts_dialog import ShortcutsDialog

    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    assert window.undo_action.text() != "&Undo"  # it names the tag it would undo
    dialog = ShortcutsDialog(window.actions(), window)
    names = [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())]
    assert "Undo" in names and not any(n.startswith("Undo ") for n in names)


def test_merge_dialog_names_the_speaker_and_picks_nothing_by_default(window, qtbot):
    from annotator.gui.views.speakers import SpeakerPicker

    store = window.store
    lin = store.add_speaker("Lin Qiao")
    store.add_speaker("Lin")
    picker = SpeakerPicker(
        window.session, exclude=lin["id"], parent=window, title="Merge", merging="Lin Qiao"
    )
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.list.currentItem() is None and not picker.ok.isEnabled()
    assert "Lin Qiao" in picker.into.text()
    item = picker.list.item(0)
    rect = picker.list.visualItemRect(item)
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picker.ok.isEnabled()
    assert picker.into.text() == "“Lin Qiao” will be merged into “Lin”."


# --- 8: speakers that resolve -------------------------------------------------------------------


def select_at(win: MainWindow, phrase: str, context: str) -> None:
    start = win.text.text.index(context) + context.index(phrase)
    win.text.select_range(start, start + len(phrase))


def tag_mention(win, qtbot, phrase: str, context: str) -> MentionPopup:
    select_at(win, phrase, context)
    press(win, qtbot, Qt.Key.Key_1)
    popup = win.tagging.popup
    assert isinstance(popup, MentionPopup) and popup.isVisible()
    return popup


def enter(popup, qtbot, widget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)


def test_a_surname_or_pronoun_proposes_the_known_speaker(window, qtbot):
    store = window.store
    store.add_speaker("Mei Lin", role="economist")  # elsewhere in the corpus
    popup = tag_mention(window, qtbot, SPEAKER, "spokesperson Lin Qiao")
    popup.chooser.edit.selectAll()
    qtbot.keyClicks(popup.chooser.edit, SPEAKER)
    enter(popup, qtbot, popup.chooser.edit)
    before = store.stats()["speakers"]
    lin = store.find_speaker(SPEAKER)

    # "Lin": the article's Lin Qiao (not the corpus's Mei Lin), listed first, with role.
    popup = tag_mention(window, qtbot, "Lin", "Lin said that")
    assert popup.chooser.name() == SPEAKER and "a name for Lin Qiao" in popup.chooser.hint.text()
    assert popup.chooser.list.item(0).text() == SPEAKER
    assert "Mei Lin — economist" in [
        popup.chooser.list.item(i).text() for i in range(popup.chooser.list.count())
    ]
    assert not popup.chooser.alias.isChecked()
    enter(popup, qtbot, popup.chooser.edit)
    assert store.stats()["speakers"] == before
    assert store.speaker(lin["id"])["aliases"] == []  # not confirmed: no alias
    (bare,) = [s for s in spans(window, "speaker") if s["text"] == "Lin"]
    assert bare["speaker_id"] == lin["id"]

    # "she" after Lin Qiao: proposed too; never offered as an alias.
    popup = tag_mention(window, qtbot, "she", "she added")
    assert popup.chooser.name() == SPEAKER and popup.chooser.alias.isHidden()
    enter(popup, qtbot, popup.chooser.edit)
    assert store.stats()["speakers"] == before


def test_a_confirmed_surname_becomes_an_alias_in_one_step(window, qtbot):
    store = window.store
    popup = tag_mention(window, qtbot, SPEAKER, "spokesperson Lin Qiao")
    enter(popup, qtbot, popup.chooser.edit)
    lin = store.find_speaker(SPEAKER)
    popup = tag_mention(window, qtbot, "Lin", "Lin said that")
    qtbot.mouseClick(popup.chooser.alias, Qt.MouseButton.LeftButton)
    assert popup.chooser.alias.isChecked()
    popup.chooser.edit.setFocus()
    enter(popup, qtbot, popup.chooser.edit)
    assert store.speaker(lin["id"])["aliases"] == ["Lin"]


def test_claim_popup_proposes_the_speaker_of_a_nearby_surname(window, qtbot, tmp_path):
    popup = tag_mention(window, qtbot, SPEAKER, "spokesperson Lin Qiao")
    enter(popup, qtbot, popup.chooser.edit)
    popup = tag_mention(window, qtbot, "Lin", "Lin said that")
    QTest.keyClick(popup.chooser.edit, Qt.Key.Key_Escape)  # left untold
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    select_at(window, "own agreements in the region", "own agreements in the region")
    press(window, qtbot, Qt.Key.Key_2)
    popup = window.tagging.popup
    assert isinstance(popup, ClaimPopup) and popup.isVisible()
    assert popup.chooser.name() == SPEAKER
    assert "“Lin” is a name for Lin Qiao" in popup.chooser.hint.text()
    if os.environ.get("ANNOTATOR_SCREENSHOTS"):
        popup.grab().save(os.environ["ANNOTATOR_SCREENSHOTS"] + "/claim-popup.png")
    enter(popup, qtbot, popup.chooser.edit)
    claim = next(c for c in claims(window) if c["speaker_id"])
    lin = window.store.find_speaker(SPEAKER)
    assert claim["speaker_id"] == lin["id"]
    (bare,) = [s for s in spans(window, "speaker") if s["text"] == "Lin"]
    assert claim["mention_span_id"] == bare["id"] and bare["speaker_id"] == lin["id"]


def test_a_ticked_alias_in_the_claim_popup_is_one_undo_step(window, qtbot):
    popup = tag_mention(window, qtbot, SPEAKER, "spokesperson Lin Qiao")
    enter(popup, qtbot, popup.chooser.edit)
    popup = tag_mention(window, qtbot, "Lin", "Lin said that")
    QTest.keyClick(popup.chooser.edit, Qt.Key.Key_Escape)  # left untold
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    select_at(window, "own agreements in the region", "own agreements in the region")
    press(window, qtbot, Qt.Key.Key_2)
    popup = window.tagging.popup
    assert isinstance(popup, ClaimPopup) and popup.chooser.name() == SPEAKER
    qtbot.mouseClick(popup.chooser.alias, Qt.MouseButton.LeftButton)  # the tick
    popup.chooser.edit.setFocus()
    enter(popup, qtbot, popup.chooser.edit)
    lin = window.store.find_speaker(SPEAKER)
    claim = next(c for c in claims(window) if c["speaker_id"])
    (bare,) = [s for s in spans(window, "speaker") if s["text"] == "Lin"]
    assert window.store.speaker(lin["id"])["aliases"] == ["Lin"]
    assert claim["mention_span_id"] == bare["id"] and bare["speaker_id"] == lin["id"]

    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step back
    after = window.store.claim(claim["id"])
    assert after["speaker_id"] is None and after["mention_span_id"] is None
    assert window.store.speaker(lin["id"])["aliases"] == []
    assert window.store.span(bare["id"])["speaker_id"] is None
    assert window.store.undo_label() == "Tag claim"


# --- 4: outside review, Backspace on a claim asks what to reject --------------------------------


def answer_reject_box(qtbot, button_text: str | None) -> None:
    """Click a button of the question box once it is up (or Esc for None)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "rejectScope":
            QTimer.singleShot(20, click)
            return
        if button_text is None:
            QTest.keyClick(box, Qt.Key.Key_Escape)
            return
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_backspace_on_a_claim_outside_review_asks_what_to_reject(window, qtbot):
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    tag_claim(window, qtbot, QUOTE, "Chinese foreign ministry")
    (claim,) = claims(window)
    assert claim["cue_span_id"]
    content = window.store.span(claim["spans"][0])
    activate(window, qtbot)
    window.span_clicked(content["id"])

    answer_reject_box(qtbot, None)  # Esc: nothing changes
    press(window, qtbot, Qt.Key.Key_Backspace)
    assert claims(window)[0]["status"] == "accepted"

    answer_reject_box(qtbot, "Claim only")
    press(window, qtbot, Qt.Key.Key_Backspace)
    (after,) = claims(window)
    assert after["status"] == "rejected"
    assert window.store.span(after["cue_span_id"])["status"] == "accepted"  # the cue stays


def click_menu_item(window, qtbot, menu_title: str, text: str) -> None:
    """Open a menu of the menu bar and click one of its items with the mouse."""
    from PySide6.QtWidgets import QMenu

    (menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == menu_title]
    (action,) = [a for a in menu.actions() if a.text() == text]
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


def struck_ranges(window) -> list[tuple[int, int]]:
    """The stretches of the text painted struck through (Qt positions)."""
    return [
        (sel.cursor.selectionStart(), sel.cursor.selectionEnd())
        for sel in window.text.extraSelections()
        if sel.format.fontStrikeOut()
    ]


def listed(tree, item_id: str):
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return next((i for i in items if i.data(0, Qt.ItemDataRole.UserRole) == item_id), None)


def test_a_rejected_claim_stays_struck_through_until_the_view_menu_hides_it(
    window, qtbot, tmp_path
):
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    tag_claim(window, qtbot, QUOTE, "Chinese foreign ministry")
    (claim,) = claims(window)
    content = window.store.span(claim["spans"][0])
    window.span_clicked(content["id"])
    answer_reject_box(qtbot, "Claim only")
    press(window, qtbot, Qt.Key.Key_Backspace)
    assert claims(window)[0]["status"] == "rejected"
    bar = window.tagging.undo_bar
    assert bar.isVisible() and bar.message.text() == f"Rejected claim “{QUOTE}”"

    # Still in the text, struck through and clickable; still in the lists, struck through.
    qt_range = (window.text.map.to_qt(content["start"]), window.text.map.to_qt(content["end"]))
    assert qt_range in struck_ranges(window)
    assert content["id"] in {s["id"] for s in window.text.spans_at(content["start"] + 1)}
    qtbot.waitUntil(lambda: listed(window.panel.claims, claim["id"]).font(1).strikeOut())
    assert listed(window.panel.highlights, content["id"]).font(1).strikeOut()
    cue_row = listed(window.panel.highlights, claim["cue_span_id"])
    assert not cue_row.font(1).strikeOut()  # the cue stayed accepted

    click_menu_item(window, qtbot, "&View", "Show &rejected")
    assert struck_ranges(window) == []
    assert content["id"] not in {s["id"] for s in window.text.spans}
    assert listed(window.panel.claims, claim["id"]) is None
    assert listed(window.panel.highlights, content["id"]) is None
    assert listed(window.panel.highlights, claim["cue_span_id"]) is not None

    # Remembered: the next window starts with them hidden.
    window.settings.sync()
    settings = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert settings.value("show_rejected", True, type=bool) is False


def test_delete_on_a_highlight_offers_undo_in_an_inline_bar(window, qtbot):
    select(window, "said on Tuesday")
    press(window, qtbot, Qt.Key.Key_3)
    (cue,) = spans(window, "cue")
    window.span_clicked(cue["id"])
    press(window, qtbot, Qt.Key.Key_Delete)
    assert spans(window, "cue") == []
    bar = window.tagging.undo_bar
    assert bar.isVisible() and bar.message.text() == "Deleted cue “said on Tuesday”"
    # At the foot of the text, inside it.
    assert window.text.rect().contains(bar.geometry())
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert [s["id"] for s in spans(window, "cue")] == [cue["id"]]
    assert not bar.isVisible()


# --- 9: the speakers view edits role, affiliation and kind in place -------------------------------


def test_speakers_view_edits_role_affiliation_and_kind_in_place(window, qtbot):
    from PySide6.QtWidgets import QApplication

    lin = window.store.add_speaker(SPEAKER)
    window.show_view("speakers")
    tab = window.views.speakers
    tab.refresh()
    assert tab.select(lin["id"])
    table = tab.table
    row = table.currentIndex().row()
    column = {c.key: i for i, c in enumerate(tab.COLUMNS)}

    def edit(key: str, typed: str) -> None:
        index = tab.model.index(row, column[key])
        table.setCurrentIndex(index)
        table.setFocus()
        QTest.keyClick(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert editor is not table, key
        if key == "kind":
            QTest.keyClick(editor, Qt.Key.Key_Down)
        else:
            editor.selectAll()
            qtbot.keyClicks(editor, typed)
        QTest.keyClick(editor, Qt.Key.Key_Return)

    edit("role", "spokesperson")
    edit("affiliation", "Foreign Ministry")
    edit("kind", "")
    qtbot.waitUntil(lambda: window.store.speaker(lin["id"])["kind"] != "person", timeout=3000)
    after = window.store.speaker(lin["id"])
    assert (after["role"], after["affiliation"], after["kind"]) == (
        "spokesperson",
        "Foreign Ministry",
        "organisation",
    )
    window.store.undo()  # each edit is its own undo step
    assert window.store.speaker(lin["id"])["kind"] == "person"

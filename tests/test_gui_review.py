"""The review pass and one-key suggestions, driven by keys as an analyst would."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import close_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from annotator.core.exporting import ExportFilter, iter_records
from annotator.gui.app import application, build_window
from annotator.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def make_window(qtbot, tmp_path: Path, monkeypatch) -> Iterator[Callable[[], MainWindow]]:
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    application()
    opened: list[MainWindow] = []

    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        win = build_window(tmp_path / "a.db", annotator="reviewer1", seed=True, settings=settings)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        opened.append(win)
        return win

    yield make
    for win in opened:
        close_window(win)


def key(win: MainWindow, qtbot, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    if not win.isActiveWindow():
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    win.text.setFocus()
    QTest.keyClick(win.text, k, modifiers)


def claim_statuses(win: MainWindow) -> list[str]:
    return [c["status"] for c in win.store.claims(win.article["id"])]


def test_suggestions_are_drawn_apart_and_accepted_or_rejected_with_one_key(make_window, qtbot):
    win = make_window()
    aid = win.article["id"]
    key(win, qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    statuses = claim_statuses(win)
    assert len(statuses) >= 5 and set(statuses) == {"suggested"}
    # Suggestions paint with their own format (dashed underline), not as accepted ones.
    segments = win.text.highlighter.segments
    assert segments and all(s.suggested_only for s in segments)

    first, second = win.store.claims(aid)[:2]
    key(win, qtbot, Qt.Key.Key_Return)  # accepts the first suggestion, moves on
    key(win, qtbot, Qt.Key.Key_Backspace)  # rejects the second
    claims = {c["id"]: c for c in win.store.claims(aid)}
    assert claims[first["id"]]["status"] == "accepted"
    assert claims[second["id"]]["status"] == "rejected"
    # Accepting made (or reused) the corpus-wide speaker the suggestion proposed.
    proposed = json.loads(first["proposal"])["name"]
    speaker = win.store.speaker(claims[first["id"]]["speaker_id"])
    assert win.store.find_speaker(proposed)["id"] == speaker["id"]
    content = win.store.span(claims[first["id"]]["spans"][0])
    assert content["status"] == "accepted" and content["reviewer"] == "reviewer1"

    # Running suggestions again adds nothing and keeps both decisions.
    key(win, qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    again = {c["id"]: c["status"] for c in win.store.claims(aid)}
    assert len(again) == len(claims)
    assert again[first["id"]] == "accepted" and again[second["id"]] == "rejected"

    # Ctrl+Shift+A accepts all that are left; one undo brings them back.
    key(win, qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert "suggested" not in claim_statuses(win)
    key(win, qtbot, Qt.Key.Key_Z, CTRL)
    assert "suggested" in claim_statuses(win)


def test_export_leaves_out_rejected_and_suggested_unless_asked(make_window, qtbot):
    win = make_window()
    aid = win.article["id"]
    key(win, qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    key(win, qtbot, Qt.Key.Key_Return)
    key(win, qtbot, Qt.Key.Key_Backspace)
    (record,) = [r for r in iter_records(win.store) if r["id"] == aid]
    assert [c["status"] for c in record["claims"]] == ["accepted"]
    everything = ExportFilter(include_rejected=True, include_suggestions=True)
    (full,) = [r for r in iter_records(win.store, everything) if r["id"] == aid]
    assert {c["status"] for c in full["claims"]} == {"accepted", "rejected", "suggested"}


def test_review_pass_steps_in_text_order_and_marks_the_article_reviewed(make_window, qtbot):
    win = make_window()
    aid = win.article["id"]
    text = win.text.text
    for phrase, label in (
        ("no region needs a new bloc", "claim"),
        ("Claire Whitfield", "speaker"),
        ("Lin Qiao", "speaker"),
    ):
        start = text.index(phrase)
        win.text.select_range(start, start + len(phrase))
        win.tagging.tag(label)
        if win.tagging.popup is not None:
            win.tagging.popup.close()
    key(win, qtbot, Qt.Key.Key_R, CTRL)
    assert win.reviewing.review is not None and win.review_bar.isVisible()
    assert [s["span"]["text"] for s in win.reviewing.review] == [
        "no region needs a new bloc",
        "Claire Whitfield",
        "Lin Qiao",
    ]
    assert win.text.current_span_id == win.reviewing.review[0]["span"]["id"]
    assert not win.review_bar.finish_button.isEnabled()

    key(win, qtbot, Qt.Key.Key_J)  # next, then back with K
    assert win.reviewing.review_index == 1
    key(win, qtbot, Qt.Key.Key_K)
    assert win.reviewing.review_index == 0

    key(win, qtbot, Qt.Key.Key_Return)  # accept the claim
    key(win, qtbot, Qt.Key.Key_Backspace)  # reject "Claire Whitfield"
    key(win, qtbot, Qt.Key.Key_Return)  # accept "Lin Qiao"
    spans = {s["text"]: s for s in win.store.spans(aid)}
    assert spans["no region needs a new bloc"]["reviewer"] == "reviewer1"
    assert spans["no region needs a new bloc"]["reviewed_at"]
    assert spans["Claire Whitfield"]["status"] == "rejected"  # kept in the database
    assert spans["Lin Qiao"]["status"] == "accepted"
    assert win.review_bar.finish_button.isEnabled()

    win.review_bar.finish_button.click()
    assert win.store.article(aid)["status"] == "reviewed"
    assert not win.review_bar.isVisible()

    # One undo at a time walks the decisions back.
    key(win, qtbot, Qt.Key.Key_Z, CTRL)  # the status
    key(win, qtbot, Qt.Key.Key_Z, CTRL)  # accepting Lin Qiao
    key(win, qtbot, Qt.Key.Key_Z, CTRL)  # rejecting Claire Whitfield
    assert win.store.article(aid)["status"] == "in_progress"
    assert {s["text"]: s["status"] for s in win.store.spans(aid)}["Claire Whitfield"] == "accepted"

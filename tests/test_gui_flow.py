"""The coding flow in the window, driven by real keys and clicks: adjusting a highlight,
notes, finding in the article, moving between panes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from annotator.core.boundaries import moved_boundary
from annotator.gui.app import application, build_window
from annotator.gui.main_window import MainWindow
from annotator.gui.note_dialog import NoteDialog
from annotator.gui.popups import ClaimPopup

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
QUOTE = "no region needs a new bloc"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
        )


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(
        tmp_path / "annotations.db", annotator="tester", seed=True, settings=settings
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    activate(win, qtbot)
    yield win
    if win.tagging.popup is not None:
        win.tagging.popup.close()
    for task in list(win.tasks):
        task.cancel()
        task.wait(10000)
    win.close()
    win.store.close()


def activate(win: MainWindow, qtbot, focus=None) -> None:
    if not win.isActiveWindow():
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    (focus or win.text).setFocus()


def press(win: MainWindow, qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier, widget=None):
    activate(win, qtbot, widget)
    QTest.keyClick(widget or win.text, key, modifiers)


def select(win: MainWindow, phrase: str) -> tuple[int, int]:
    start = win.text.text.index(phrase)
    win.text.select_range(start, start + len(phrase))
    return start, start + len(phrase)


def text_point(win: MainWindow, offset: int) -> QPoint:
    def gap(cp: int) -> QPoint:
        cursor = QTextCursor(win.text.document())
        cursor.setPosition(win.text.map.to_qt(cp))
        return win.text.cursorRect(cursor).center()

    a, b = gap(offset), gap(offset + 1)
    return QPoint((a.x() + b.x()) // 2, a.y())


def tag_claim(win: MainWindow, qtbot, phrase: str, speaker: str) -> dict:
    start, end = select(win, phrase)
    press(win, qtbot, Qt.Key.Key_2)
    popup = win.tagging.popup
    assert isinstance(popup, ClaimPopup)
    popup.chooser.edit.selectAll()
    qtbot.keyClicks(popup.chooser.edit, speaker)
    QTest.keyClick(popup.chooser.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    (span,) = [
        s for s in win.store.spans(win.article["id"]) if (s["start"], s["end"]) == (start, end)
    ]
    return span


def click_span(win: MainWindow, qtbot, span: dict) -> None:
    qtbot.waitUntil(lambda: span["id"] in {s["id"] for s in win.text.spans}, timeout=3000)
    point = text_point(win, span["start"] + 1)
    QTest.mouseClick(win.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: win.text.current_span_id == span["id"], timeout=2000)


# --- adjusting a highlight (issue 18, item 12) ----------------------------------------------


def test_word_boundaries_move_by_a_word_and_never_empty_the_range() -> None:
    text = "Alpha beta gamma delta"
    assert moved_boundary(text, 6, 10, "end", 1) == (6, 16)
    assert moved_boundary(text, 6, 16, "end", -1) == (6, 10)
    assert moved_boundary(text, 6, 10, "end", -1) == (6, 10)
    assert moved_boundary(text, 6, 10, "start", -1) == (0, 10)
    assert moved_boundary(text, 6, 16, "start", 1) == (11, 16)
    assert moved_boundary(text, 6, 10, "start", 1) == (6, 10)
    assert moved_boundary(text, 17, 22, "end", 1) == (17, 22)


def test_shift_arrows_move_a_selected_claims_boundaries_in_one_undo_step(
    window: MainWindow, qtbot
) -> None:
    span = tag_claim(window, qtbot, "needs a new", "Lin Qiao")
    (claim,) = window.store.claims(window.article["id"])
    click_span(window, qtbot, span)
    press(window, qtbot, Qt.Key.Key_Right, SHIFT)  # end: + "bloc"
    press(window, qtbot, Qt.Key.Key_Left, SHIFT | ALT)  # start: + "region"
    moved = window.store.span(span["id"])
    assert moved["text"] == "region needs a new bloc"
    after = window.store.claim(claim["id"])
    assert after["spans"] == [span["id"]]
    assert after["speaker_id"] == claim["speaker_id"]
    assert window.text.current_span_id == span["id"]
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert window.store.span(span["id"])["text"] == "needs a new bloc"
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert window.store.span(span["id"])["text"] == "needs a new"
    assert window.store.claim(claim["id"])["speaker_id"] == claim["speaker_id"]


def test_shift_arrows_with_text_selected_still_extend_the_selection(
    window: MainWindow, qtbot
) -> None:
    span = tag_claim(window, qtbot, "needs a new", "Lin Qiao")
    click_span(window, qtbot, span)
    select(window, "region")
    press(window, qtbot, Qt.Key.Key_Right, SHIFT)
    assert window.store.span(span["id"])["text"] == "needs a new"
    assert window.text.textCursor().selectedText() == "region "


def drag(win: MainWindow, qtbot, start: QPoint, stop: QPoint) -> None:
    """Press at ``start``, move to ``stop`` and release there, as a mouse drag."""
    viewport = win.text.viewport()
    activate(win, qtbot)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, (start + stop) / 2)
    QTest.mouseMove(viewport, stop)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, stop)


def test_dragging_the_handles_moves_a_claims_boundaries_in_one_undo_step_each(
    window: MainWindow, qtbot
) -> None:
    span = tag_claim(window, qtbot, "needs a new", "Lin Qiao")
    (claim,) = window.store.claims(window.article["id"])
    click_span(window, qtbot, span)
    text = window.text.text
    # The end handle into the middle of "bloc": the whole word comes in, the '"' stays out.
    drag(
        window,
        qtbot,
        window.text.handle_rect("end").center(),
        text_point(window, text.index("bloc", span["start"]) + 2),
    )
    qtbot.waitUntil(
        lambda: window.store.span(span["id"])["text"] == "needs a new bloc", timeout=3000
    )
    # The start handle onto "region" (its second letter): the start snaps to the word.
    handle = window.text.handle_rect("start")
    assert handle is not None and window.text.current_span_id == span["id"]
    drag(
        window,
        qtbot,
        handle.center(),
        text_point(window, text.rindex("region", 0, span["start"]) + 1),
    )
    qtbot.waitUntil(
        lambda: window.store.span(span["id"])["text"] == "region needs a new bloc", timeout=3000
    )
    after = window.store.claim(claim["id"])
    assert after["spans"] == [span["id"]] and after["speaker_id"] == claim["speaker_id"]
    assert window.text.textCursor().hasSelection() is False  # a drag, not a selection
    # Dragging the end over the start would empty it: the highlight stays as it is.
    drag(window, qtbot, window.text.handle_rect("end").center(), text_point(window, 2))
    assert window.store.span(span["id"])["text"] == "region needs a new bloc"
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert window.store.span(span["id"])["text"] == "needs a new bloc"
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert window.store.span(span["id"])["text"] == "needs a new"
    assert window.store.claim(claim["id"])["speaker_id"] == claim["speaker_id"]


def test_dragging_a_handle_after_an_emoji_lands_on_the_right_word(
    window: MainWindow, qtbot
) -> None:
    # Each emoji is two Qt units and one stored character: the drag must not drift.
    aid = window.store.add_article(
        "🎉🎉🎉 The mayor 🚢 said the harbour plan is reckless and slow, officials said.",
        title="Emoji",
    )
    window.reload_all()
    assert window.corpus.select(aid)
    qtbot.waitUntil(lambda: window.article is not None and window.article["id"] == aid)
    span = tag_claim(window, qtbot, "the harbour plan", "The mayor")
    click_span(window, qtbot, span)
    text = window.text.text
    drag(
        window,
        qtbot,
        window.text.handle_rect("end").center(),
        text_point(window, text.index("reckless") + 3),
    )
    qtbot.waitUntil(
        lambda: window.store.span(span["id"])["text"] == "the harbour plan is reckless",
        timeout=3000,
    )


def test_word_boundaries_leave_quotes_and_punctuation_outside() -> None:
    text = 'She said "we don\'t need a bloc," and left.'
    start = text.index("we")
    end = text.index("a bloc") + 1
    assert moved_boundary(text, start, end, "end", 1) == (start, text.index("bloc") + 4)
    bloc_end = text.index("bloc") + 4
    assert moved_boundary(text, start, bloc_end, "end", 1) == (start, text.index("and") + 3)
    assert moved_boundary(text, text.index("need"), end, "start", -1) == (
        text.index("don't"),
        end,
    )


# --- notes (issue 18, item 20) ---------------------------------------------------------------


def badge_pixel(win: MainWindow, span: dict):
    image = win.text.viewport().grab().toImage()
    return image.pixelColor(win.text.note_badge_rect(span).center())


def test_note_box_saves_with_ctrl_enter_and_leaves_a_badge(window: MainWindow, qtbot) -> None:
    span = tag_claim(window, qtbot, "needs a new", "Lin Qiao")
    click_span(window, qtbot, span)
    before = badge_pixel(window, span)
    press(window, qtbot, Qt.Key.Key_N)
    dialog = window.findChild(NoteDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=2000)
    qtbot.keyClicks(dialog.edit, "check the date")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter is a new line
    qtbot.keyClicks(dialog.edit, "second line")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert window.store.span(span["id"])["note"] == "check the date\nsecond line"
    qtbot.waitUntil(lambda: badge_pixel(window, span) != before, timeout=3000)
    badge = badge_pixel(window, span)
    assert (badge.red(), badge.green(), badge.blue()) == (0xD8, 0x43, 0x15)
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: badge_pixel(window, span) == before, timeout=3000)


def test_escape_in_the_note_box_keeps_the_old_note(window: MainWindow, qtbot) -> None:
    span = tag_claim(window, qtbot, "needs a new", "Lin Qiao")
    click_span(window, qtbot, span)
    press(window, qtbot, Qt.Key.Key_N)
    dialog = window.findChild(NoteDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=2000)
    qtbot.keyClicks(dialog.edit, "draft")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert window.store.span(span["id"])["note"] is None


# --- finding and moving between panes (issue 18, item 15) -----------------------------------


def test_ctrl_f_opens_an_inline_find_bar_with_a_count_next_and_previous(
    window: MainWindow, qtbot
) -> None:
    press(window, qtbot, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    assert window.focusWidget() is bar.edit
    qtbot.keyClicks(bar.edit, "pacific")
    text = window.text.text.casefold()
    total = text.count("pacific")
    assert total >= 2
    assert bar.count.text() == f"1 of {total} matches"
    first = text.index("pacific")
    assert window.text.selected_range(snap_to_words=False) == (first, first + 7)
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    second = text.index("pacific", first + 1)
    assert bar.count.text() == f"2 of {total} matches"
    assert window.text.selected_range(snap_to_words=False) == (second, second + 7)
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, SHIFT)
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, SHIFT)  # wraps around to the last
    assert bar.count.text() == f"{total} of {total} matches"
    qtbot.keyClicks(bar.edit, "zzz")
    assert bar.count.text() == "no matches"
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.text.hasFocus()


def test_f6_cycles_the_focus_through_the_three_panes(window: MainWindow, qtbot) -> None:
    activate(window, qtbot)
    seen = []
    for _ in range(3):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_F6)
        seen.append(window.focusWidget())
    assert seen[0] is window.panel.tabs.currentWidget()
    assert seen[1] is window.corpus.table
    assert seen[2] is window.text
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F6, SHIFT)
    assert window.focusWidget() is window.corpus.table


# --- article properties (issue 18, item 19) -------------------------------------------------


def open_properties(window: MainWindow, qtbot):
    from annotator.gui.article_properties import ArticleProperties

    press(window, qtbot, Qt.Key.Key_P, CTRL | ALT)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(ArticleProperties)), timeout=2000
    )
    dialog = next(d for d in window.findChildren(ArticleProperties) if d.isVisible())
    # The offscreen platform does not make a new dialog the active window, as a window
    # manager does; without it, keys would still go to the main window's shortcuts.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    return dialog


def test_article_properties_edits_title_and_date_in_one_undo_step(
    window: MainWindow, qtbot
) -> None:
    aid = window.article["id"]
    dialog = open_properties(window, qtbot)
    title = dialog.edits["title"]
    title.selectAll()
    qtbot.keyClicks(title, "Pacific bloc row")
    date = dialog.edits["published"]
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "4 March")  # a dateline without a year
    QTest.keyClick(date, Qt.Key.Key_Return)
    assert dialog.isVisible()  # refused in place, nothing typed is lost
    assert "not a date with a year" in dialog.error.text()
    assert title.text() == "Pacific bloc row"
    assert window.store.article(aid)["title"] != "Pacific bloc row"
    date.selectAll()
    qtbot.keyClicks(date, "4 March 2024")
    QTest.keyClick(date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    row = window.store.article(aid)
    assert (row["title"], row["published"]) == ("Pacific bloc row", "2024-03-04")
    assert window.header.title.text() == "Pacific bloc row"
    assert "2024-03-04" in window.header.meta.text()
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert window.store.article(aid)["title"] != "Pacific bloc row"
    qtbot.waitUntil(lambda: window.header.title.text() != "Pacific bloc row", timeout=2000)


# --- undated articles (issue 18, item 3) ----------------------------------------------------


def test_undated_article_shows_undated_in_the_claims_view_and_sorts_last(
    window: MainWindow, qtbot
) -> None:
    aid = window.article["id"]
    window.store.update_article(aid, published="")
    window.reload_all()
    tag_claim(window, qtbot, "needs a new", "Lin Qiao")
    other = next(
        r["id"]
        for r in window.store.article_rows(limit=100)
        if window.store.article(r["id"])["published"]
    )
    text = window.store.article_text(other)
    window.store.tag(other, 0, text.index(" "), "claim")
    press(window, qtbot, Qt.Key.Key_2, CTRL | SHIFT)
    tab = window.views.claims
    qtbot.waitUntil(lambda: len(tab.model.rows) == 2, timeout=3000)
    header = tab.table.horizontalHeader()
    date_column = [c.key for c in tab.COLUMNS].index("date")
    for _ in range(2):  # ascending, then descending: undated last both times
        x = header.sectionViewportPosition(date_column) + header.sectionSize(date_column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        qtbot.waitUntil(lambda: tab.model.order_by == "date", timeout=2000)
        rows = tab.model.rows
        assert rows[-1]["article_id"] == aid and rows[-1]["date"] is None
        assert rows[0]["date"] is not None
        last = tab.model.index(len(rows) - 1, date_column)
        assert tab.model.data(last) == "undated"


# --- suggestions in the corpus list (issue 18, item 16) -------------------------------------


def status_cell(window: MainWindow, article_id: str) -> str:
    model = window.corpus.model
    row = model.row_of(article_id)
    column = [key for key, _ in corpus_columns()].index("status")
    return model.data(model.index(row, column))


def corpus_columns():
    from annotator.gui.corpus_list import COLUMNS

    return COLUMNS


def test_corpus_list_counts_suggestions_still_to_review(window: MainWindow, qtbot) -> None:
    aid = window.article["id"]
    assert "to review" not in status_cell(window, aid)
    press(window, qtbot, Qt.Key.Key_S, CTRL | SHIFT)  # suggest quotes in this article
    waiting = [s for s in window.store.spans(aid) if s["status"] == "suggested"]
    assert waiting
    qtbot.waitUntil(lambda: f"{len(waiting)} to review" in status_cell(window, aid), timeout=3000)
    press(window, qtbot, Qt.Key.Key_A, CTRL | SHIFT)  # accept them all
    qtbot.waitUntil(lambda: "to review" not in status_cell(window, aid), timeout=3000)


def test_suggest_in_all_articles_says_how_many_before_it_runs(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.gui.actions import A

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda _p, _t, text, *a: asked.append(text) or answer[0]),
    )
    todo = window.store.article_count(status="todo")
    window.action_by_id[A.SUGGEST_TODO].trigger()
    assert asked and f"{todo} articles" in asked[-1]
    # Answered No: nothing was suggested anywhere.
    assert not any(
        s["status"] == "suggested"
        for aid in window.store.articles.ids()
        for s in window.store.spans(aid)
    )


# --- the positions grid (issue 18, item 17) -------------------------------------------------


def dark_pixels(image, rect) -> int:
    return sum(
        1
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
        if image.pixelColor(x, y).lightness() < 110
    )


def test_positions_grid_keys_move_the_cell_and_labels_stay_in_view(
    window: MainWindow, qtbot
) -> None:
    from PySide6.QtCore import QRect

    aid = window.article["id"]
    store = window.store
    for i in range(40):
        speaker = store.add_speaker(f"Speaker number {i:02d}")
        store.add_position(aid, speaker_id=speaker["id"], target=f"Target {i:02d}", stance="favor")
    press(window, qtbot, Qt.Key.Key_3, CTRL | SHIFT)
    tab = window.views.positions
    grid = tab.grid
    qtbot.waitUntil(lambda: len(grid.grid.speakers) >= 40, timeout=10000)
    first = grid.cell_rect(0, 0).center().toPoint()
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, pos=first)
    assert grid.selected == (0, 0)
    # A cell far from the corner: the grid shows the targets with most positions (a
    # limited number, ties in any order), so take one of those it shows.
    col = len(grid.grid.targets) - 3
    wanted = grid.grid.targets[col].name.replace("Target", "Speaker number")
    row = [s.name for s in grid.grid.speakers].index(wanted)
    for _ in range(col):
        QTest.keyClick(grid, Qt.Key.Key_Right)
    for _ in range(row):
        QTest.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected == (row, col)
    speaker_id = grid.grid.speakers[row].id
    assert tab.cell == (speaker_id, grid.grid.targets[col].id)
    assert [r["position_id"] for r in tab.evidence_model.rows]
    # Scrolled both ways, the speaker and target labels are still drawn in view.
    offset = grid.scrolled()
    assert offset.x() > 0 and offset.y() > 0
    image = grid.grab().toImage()
    label_strip = QRect(
        offset.x() + 8, grid.top + row * grid.CELL_H + 4, grid.left - 30, grid.CELL_H - 8
    )
    assert dark_pixels(image, label_strip) > 10
    target_strip = QRect(
        grid.left + col * grid.CELL_W, offset.y() + 10, grid.CELL_W * 2, grid.top - 20
    )
    assert dark_pixels(image, target_strip) > 10
    # Enter opens the cell's claims: the list below takes the focus.
    QTest.keyClick(grid, Qt.Key.Key_Return)
    assert tab.evidence.hasFocus() or window.focusWidget() is tab.evidence


# --- exporting what a table shows (issue 18, item 18) ---------------------------------------


def choose_export(window: MainWindow, qtbot, tab, position: int) -> None:
    from PySide6.QtWidgets import QMenu

    QTest.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m.isVisible() for m in tab.findChildren(QMenu)), timeout=2000)
    menu = next(m for m in tab.findChildren(QMenu) if m.isVisible())
    for _ in range(position + 1):
        QTest.keyClick(menu, Qt.Key.Key_Down)
    QTest.keyClick(menu, Qt.Key.Key_Return)


def test_export_these_offers_the_rows_shown_as_csv_and_names_the_file_by_format(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog

    tag_claim(window, qtbot, "needs a new", "Lin Qiao")
    asked: list[tuple] = []
    out = [tmp_path / "claims-shown.csv"]

    def save_as(_parent, _title, start, filters, selected="", *a):
        asked.append((Path(start).name, filters, selected))
        return str(out[0]), selected or filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    press(window, qtbot, Qt.Key.Key_2, CTRL | SHIFT)
    tab = window.views.claims
    qtbot.keyClicks(tab.speaker, "qiao")
    qtbot.waitUntil(
        lambda: tab.model.rows and all("Qiao" in (r["speaker"] or "") for r in tab.model.rows),
        timeout=3000,
    )
    shown = list(tab.model.rows)
    choose_export(window, qtbot, tab, 0)  # the rows shown, as CSV
    qtbot.waitUntil(lambda: out[0].exists(), timeout=3000)
    assert asked[-1][0] == "claims.csv" and "rows of this table" in asked[-1][1]
    with out[0].open(encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == [c.title for c in tab.COLUMNS]
    assert [row[1] for row in table[1:]] == [r["text"] for r in shown]
    out[0] = tmp_path / "claims.jsonl"
    choose_export(window, qtbot, tab, 1)  # their articles, as JSON Lines
    qtbot.waitUntil(lambda: out[0].exists(), timeout=5000)
    assert asked[-1][0] == "claims.jsonl" and asked[-1][2].startswith("JSON Lines")


# --- a cue tagged after its claim (issue 18, item 10) ---------------------------------------


def test_a_cue_tagged_after_its_claim_is_linked_to_it_in_one_undo_step(
    window: MainWindow, qtbot
) -> None:
    text = window.text.text
    quote = "Pacific island countries are not anyone's backyard"
    assert quote in text
    span = tag_claim(window, qtbot, quote, "Lin Qiao")
    (claim,) = [c for c in window.store.claims(window.article["id"]) if span["id"] in c["spans"]]
    assert claim["cue_span_id"] is None
    said = text.index("Lin Qiao said") + len("Lin Qiao ")
    window.text.select_range(said, said + 4)  # "…Lin Qiao said: "Pacific…" — one sentence
    press(window, qtbot, Qt.Key.Key_3)
    (cue,) = [s for s in window.store.spans(window.article["id"]) if s["label"] == "cue"]
    assert window.store.claim(claim["id"])["cue_span_id"] == cue["id"]
    qtbot.waitUntil(lambda: any(c["cue_span_id"] == cue["id"] for c in window.claims), timeout=3000)
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert window.store.claim(claim["id"])["cue_span_id"] is None
    assert not [s for s in window.store.spans(window.article["id"]) if s["label"] == "cue"]


def test_a_cue_in_another_sentence_is_not_linked() -> None:
    from annotator.core.tagging import same_sentence

    text = '"Islands are not anyone\'s backyard," Lin said. Next, she left.'
    quote = (1, text.index(","))
    said = (text.index("said"), text.index("said") + 4)
    left = (text.index("left"), text.index("left") + 4)
    assert same_sentence(text, quote, said)
    assert same_sentence(text, said, quote)
    assert not same_sentence(text, quote, left)


# --- two-part claims (issue 18, item 11) ----------------------------------------------------


def test_alt_j_joins_a_quote_interrupted_by_its_cue_and_alt_shift_j_splits_it(
    window: MainWindow, qtbot
) -> None:
    aid = window.article["id"]
    first = tag_claim(
        window, qtbot, "We are not asking any country to choose sides", "Claire Whitfield"
    )
    second = tag_claim(
        window, qtbot, "Security is built by neighbours who turn up", "Claire Whitfield"
    )
    assert len(window.store.claims(aid)) == 2
    click_span(window, qtbot, second)
    press(window, qtbot, Qt.Key.Key_J, ALT)
    (joined,) = window.store.claims(aid)
    assert joined["spans"] == [first["id"], second["id"]]
    qtbot.waitUntil(lambda: len(window.claims) == 1, timeout=3000)
    click_span(window, qtbot, second)
    press(window, qtbot, Qt.Key.Key_J, ALT | SHIFT)
    claims = window.store.claims(aid)
    assert sorted(len(c["spans"]) for c in claims) == [1, 1]
    assert {c["speaker_id"] for c in claims} == {joined["speaker_id"]}
    press(window, qtbot, Qt.Key.Key_Z, CTRL)  # undo the split: one claim again
    assert [c["spans"] for c in window.store.claims(aid)] == [[first["id"], second["id"]]]


def test_the_claim_popup_lists_a_cue_with_its_words_in_context(window: MainWindow, qtbot) -> None:
    text = window.text.text
    told = text.index("Whitfield told reporters") + len("Whitfield ")
    window.text.select_range(told, told + 4)
    press(window, qtbot, Qt.Key.Key_3)
    select(window, "Security is built by neighbours who turn up")
    press(window, qtbot, Qt.Key.Key_2)
    popup = window.tagging.popup
    assert isinstance(popup, ClaimPopup)
    labels = [popup.cue.itemText(i) for i in range(popup.cue.count())]
    assert any(
        label.startswith("told — …") and "Whitfield told reporters" in label for label in labels
    ), labels
    assert not any("(at " in label for label in labels)

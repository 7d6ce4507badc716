"""Review › Agreement and Review › Adjudicate, driven as a lead analyst would."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from annotator.cli import main
from annotator.gui import adjudication, agreement_window
from annotator.gui.actions import A
from annotator.gui.adjudication import AGREED, LANE_COLOURS, AdjudicationDialog
from annotator.gui.agreement_window import AgreementDialog
from annotator.gui.app import application, build_window

DATA = Path(__file__).parent / "data"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    path = tmp_path / "team.db"
    assert (
        main(["--db", str(path), "import", str(DATA / "gold.jsonl"), str(DATA / "gold-b.jsonl")])
        == 0
    )
    application()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = build_window(path, annotator="judge", seed=False, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def shown(win, kind) -> list:
    return [w for w in win.findChildren(kind) if w.isVisible()]


def dialog_of(win, kind):
    found = shown(win, kind)
    assert len(found) == 1
    return found[0]


def test_agreement_tables_match_the_command_and_a_disagreement_opens_its_article(window, qtbot):
    window.action_by_id[A.AGREEMENT].trigger()
    dialog = dialog_of(window, AgreementDialog)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    result = dialog.result
    assert result["annotators"] == ["coder-b", "gold"] and result["articles"] == 15
    cells = {
        dialog.measures.item(r, 0).text(): dialog.measures.item(r, 1).text()
        for r in range(dialog.measures.rowCount())
    }
    assert cells["claim (tokens, spans)"] == f"{result['tokens']['claim']['alpha']:.3f}"
    assert cells["attribution"] == f"{result['attribution']['alpha']:.3f}"
    assert dialog.pairs.rowCount() == 1 and dialog.articles.rowCount() == 15
    assert dialog.places.count() > 0
    place = dialog.places.item(0)
    article_id, _start, _end = place.data(Qt.ItemDataRole.UserRole)
    dialog.places.itemActivated.emit(place)
    assert window.article["id"] == article_id
    cursor = window.text.textCursor()
    assert cursor.hasSelection()


def test_adjudication_keys_fill_the_curated_layer_and_undo_takes_it_back(window, qtbot):
    first = window.store.articles.ids()[0]
    window.open_article(first)
    window.action_by_id[A.ADJUDICATE].trigger()
    dialog = dialog_of(window, AdjudicationDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20000)
    assert dialog.coders == ["coder-b", "gold"]
    assert dialog.differ, "the two layers differ somewhere in the first article"
    first_place = dialog.current
    QTest.keyClick(dialog, Qt.Key.Key_J)
    assert dialog.current != first_place
    QTest.keyClick(dialog, Qt.Key.Key_K)
    assert dialog.current == first_place
    QTest.keyClick(dialog, Qt.Key.Key_B)  # take gold's version
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20000)
    item = dialog.items[first_place]
    assert item.decided
    assert item.curated.ranges == item.takes["gold"].ranges
    spans = window.store.spans(first)
    curated = [s for s in spans if s["annotator"] == "curated"]
    assert curated and {s["reviewer"] for s in curated} == {"judge"}
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20000)
    assert not [s for s in window.store.spans(first) if s["annotator"] == "curated"]
    assert not dialog.items[first_place].decided


def held_until(go_on: threading.Event, started: threading.Event, real, seen: dict):
    """``real`` (compute or lay_out), waiting first until ``go_on`` is set (or the run
    is cancelled): the computation is caught in the middle, whatever the machine's speed."""

    def held(*args, **kwargs):
        seen["thread"] = threading.current_thread()
        started.set()
        cancelled = kwargs.get("cancelled")
        while not go_on.wait(0.01):
            if cancelled is not None and cancelled():
                break
        return real(*args, **kwargs)

    return held


def progress_of(dialog, qtbot) -> QProgressDialog:
    qtbot.waitUntil(
        lambda: any(p.isVisible() for p in dialog.findChildren(QProgressDialog)), timeout=20000
    )
    return next(p for p in dialog.findChildren(QProgressDialog) if p.isVisible())


def test_agreement_computes_off_the_window_thread_with_progress_and_cancel(
    window, qtbot, monkeypatch
):
    started, go_on, seen = threading.Event(), threading.Event(), {}
    monkeypatch.setattr(
        agreement_window, "compute", held_until(go_on, started, agreement_window.compute, seen)
    )
    window.action_by_id[A.AGREEMENT].trigger()
    dialog = dialog_of(window, AgreementDialog)
    assert started.wait(20)
    assert seen["thread"] is not threading.main_thread()
    assert dialog.computing and dialog.summary.text() == "Computing…"
    # The coders are listed, checked, before the first figures come.
    assert dialog.chosen_coders() == ["coder-b", "gold"]
    # The dialog answers while the figures are computed: a click changes the tab.
    bar = dialog.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert dialog.tabs.currentIndex() == 2
    progress = progress_of(dialog, qtbot)
    QTest.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.computing, timeout=20000)
    assert dialog.result is None and dialog.measures.rowCount() == 0
    assert dialog.summary.text().startswith("Cancelled")
    # Compute again (the button): the figures come.
    go_on.set()
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Compute")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result["articles"] == 15 and dialog.measures.rowCount() > 0
    assert not window.session.tasks


@pytest.mark.parametrize("how", ["escape", "close"])
def test_closing_the_agreement_dialog_stops_its_computation(window, qtbot, monkeypatch, how):
    started, go_on, seen = threading.Event(), threading.Event(), {}
    monkeypatch.setattr(
        agreement_window, "compute", held_until(go_on, started, agreement_window.compute, seen)
    )
    window.action_by_id[A.AGREEMENT].trigger()
    dialog = dialog_of(window, AgreementDialog)
    assert started.wait(20)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    if how == "escape":
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    else:  # the title bar's close button
        dialog.close()
    qtbot.waitUntil(lambda: not shown(window, AgreementDialog))
    assert not window.session.tasks, "no computation outlives its dialog"
    go_on.set()


def test_adjudication_reads_off_the_window_thread_and_cancel_closes_it(window, qtbot, monkeypatch):
    started, go_on, seen = threading.Event(), threading.Event(), {}
    monkeypatch.setattr(
        adjudication, "lay_out", held_until(go_on, started, adjudication.lay_out, seen)
    )
    first = window.store.articles.ids()[0]
    window.open_article(first)
    window.action_by_id[A.ADJUDICATE].trigger()
    dialog = dialog_of(window, AdjudicationDialog)
    assert started.wait(20)
    assert seen["thread"] is not threading.main_thread()
    assert dialog.text.toPlainText(), "the text shows while the layers are read"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(dialog, Qt.Key.Key_B)  # nothing to decide yet: nothing is written
    assert not [s for s in window.store.spans(first) if s["annotator"] == "curated"]
    progress = progress_of(dialog, qtbot)
    QTest.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: not shown(window, AdjudicationDialog), timeout=20000)
    assert not window.session.tasks


def test_adjudication_draws_agreements_grey_and_each_coders_version_in_its_style(window, qtbot):
    window.open_article(window.store.articles.ids()[0])
    window.action_by_id[A.ADJUDICATE].trigger()
    dialog = dialog_of(window, AdjudicationDialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20000)
    document = dialog.text.document()

    def looks_at(position: int) -> list[tuple[str | None, str | None]]:
        """What is painted over a Qt position: (background, underline colour) of
        each format there."""
        block = document.findBlock(position)
        offset = position - block.position()
        return [
            (
                r.format.background().color().name()
                if r.format.background().style() != Qt.BrushStyle.NoBrush
                else None,
                r.format.underlineColor().name() if r.format.fontUnderline() else None,
            )
            for r in block.layout().formats()
            if r.start <= offset < r.start + r.length
        ]

    agreed = next(i for i, item in enumerate(dialog.items) if i not in dialog.differ)
    item = dialog.items[agreed]
    assert looks_at(dialog.offsets.span_to_qt(item.start, item.end)[0]) == [(AGREED.lower(), None)]
    b_only = next(
        dialog.items[i]
        for i in dialog.differ
        if set(dialog.items[i].takes) == {"gold"}  # only the second coder marked it
    )
    start = b_only.takes["gold"].ranges[0][0]
    assert looks_at(dialog.offsets.span_to_qt(start, start + 1)[0]) == [
        (None, LANE_COLOURS[1].lower())
    ]


def test_the_adjudication_view_follows_an_undo_in_the_window(window, qtbot):
    first = window.store.articles.ids()[0]
    window.open_article(first)
    window.action_by_id[A.ADJUDICATE].trigger()
    dialog = dialog_of(window, AdjudicationDialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20000)
    place = dialog.current
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(dialog, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.items[place].decided, timeout=20000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [s for s in window.store.spans(first) if s["annotator"] == "curated"]
    qtbot.waitUntil(lambda: not dialog.loading and not dialog.items[place].decided, timeout=20000)


def test_a_database_in_memory_is_read_at_once(qtbot):
    """No second connection to a database in memory: the dialogs compute on the spot."""
    from annotator.core.store import Store
    from annotator.gui.session import Session

    store = Store(memory=True, annotator="judge")
    article = store.add_article("Ana Ruiz said the tax is unfair.", title="Tax")
    for who, end in (("alice", 31), ("bob", 27)):
        store.add_span(article, 14, end, "claim", annotator=who)
    session = Session(store)
    adjudicate = AdjudicationDialog(session, article)
    qtbot.addWidget(adjudicate)
    assert not adjudicate.loading and adjudicate.coders == ["alice", "bob"]
    assert adjudicate.differ == [0]
    agreement = AgreementDialog(session)
    qtbot.addWidget(agreement)
    assert not agreement.computing and agreement.result["annotators"] == ["alice", "bob"]

"""Review › Agreement and Review › Adjudicate, driven as a lead analyst would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.cli import main
from annotator.gui.actions import A
from annotator.gui.adjudication import AdjudicationDialog
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


def dialog_of(win, kind):
    found = [w for w in win.findChildren(kind) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_agreement_tables_match_the_command_and_a_disagreement_opens_its_article(window, qtbot):
    window.action_by_id[A.AGREEMENT].trigger()
    dialog = dialog_of(window, AgreementDialog)
    result = dialog.result
    assert result["annotators"] == ["coder-b", "gold"] and result["articles"] == 15
    cells = {
        dialog.measures.item(r, 0).text(): dialog.measures.item(r, 1).text()
        for r in range(dialog.measures.rowCount())
    }
    assert cells["claim: tokens and spans"] == f"{result['tokens']['claim']['alpha']:.3f}"
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
    assert dialog.coders == ["coder-b", "gold"]
    assert dialog.differ, "the two layers differ somewhere in the first article"
    first_place = dialog.current
    QTest.keyClick(dialog, Qt.Key.Key_J)
    assert dialog.current != first_place
    QTest.keyClick(dialog, Qt.Key.Key_K)
    assert dialog.current == first_place
    QTest.keyClick(dialog, Qt.Key.Key_B)  # take gold's version
    item = dialog.items[first_place]
    assert item.decided
    assert item.curated.ranges == item.takes["gold"].ranges
    spans = window.store.spans(first)
    curated = [s for s in spans if s["annotator"] == "curated"]
    assert curated and {s["reviewer"] for s in curated} == {"judge"}
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [s for s in window.store.spans(first) if s["annotator"] == "curated"]
    assert not dialog.items[first_place].decided

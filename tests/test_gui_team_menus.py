"""File › Merge analysts' files and File › Assign to coders, chosen from the menu, and
the Article menu on a database with no article yet.

File dialogs answer with a path (or are cancelled); every test checks what the database
or the folder then holds.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from annotator.core.store import Store
from annotator.gui.assign_dialog import AssignDialog
from annotator.gui.main_window import MainWindow

TEXT = "Tom Vail said on Tuesday that no region needs a new bloc."


@pytest.fixture
def shown(message_boxes: list[str]) -> list[str]:
    return message_boxes  # tests/conftest.py


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list:
    """What the next file dialogs answer, in turn (a list of paths; [] for Cancel)."""
    queue: list = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (queue.pop(0), ""))
    )
    return queue


@pytest.fixture
def make_window(open_window, shown) -> Callable[..., MainWindow]:
    def make(db: Path, annotator: str = "lead") -> MainWindow:
        return open_window(db, annotator=annotator, seed=False)

    return make


def choose(win: MainWindow, text: str) -> None:
    found = [a for a in win.actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, [a.text() for a in win.actions()]
    found[0].trigger()


def test_merging_an_analysts_file_from_the_menu(
    make_window, qtbot, tmp_path: Path, answers: list, shown: list
) -> None:
    db = tmp_path / "corpus.db"
    with Store(db, annotator="lead") as store:
        aid = store.add_article(TEXT)
    carol = tmp_path / "carol.db"
    with Store(carol, annotator="carol") as store:
        theirs = store.add_article(TEXT)
        store.tag(theirs, 0, 8, "speaker")
    win = make_window(db)
    answers.append([])  # Cancel: nothing happens
    choose(win, "Merge analysts' files…")
    assert not win.tasks and win.store.undo_label() is None
    answers.append([str(carol), str(tmp_path / "missing.db")])
    choose(win, "Merge analysts' files…")
    qtbot.waitUntil(lambda: not win.tasks, timeout=60000)
    assert [s["annotator"] for s in win.store.spans(aid, annotators=["carol"])] == ["carol"]
    (report,) = shown
    first, second = report.split("\n")
    assert first.startswith("Merge carol.db: 1 article matched, 0 new, 1 ")
    assert "missing.db" in second
    assert win.statusBar().currentMessage() == second


def test_assigning_from_the_menu_writes_the_coders_files(
    make_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "corpus.db"
    with Store(db, annotator="lead") as store:
        for n in range(10):
            store.add_article(f"Story {n}: the minister spoke.")
    win = make_window(db)
    answer = {"result": QDialog.DialogCode.Rejected}

    def run_dialog(dialog: AssignDialog) -> QDialog.DialogCode:
        dialog.names.setText("ann, ben")
        dialog.overlap.setValue(20)
        dialog.target.setText(str(tmp_path / "coders"))
        return answer["result"]

    monkeypatch.setattr(AssignDialog, "exec", run_dialog)
    choose(win, "Assign to coders…")  # cancelled
    assert not win.tasks and not (tmp_path / "coders").exists()
    answer["result"] = QDialog.DialogCode.Accepted
    choose(win, "Assign to coders…")
    qtbot.waitUntil(lambda: not win.tasks, timeout=60000)
    assert sorted(p.name for p in (tmp_path / "coders").iterdir()) == ["ann.db", "ben.db"]
    assert len(win.store.articles.reliability_sample()) == 2
    assert win.statusBar().currentMessage().startswith("Wrote 2 coders' files to ")


def test_the_article_menu_on_an_empty_database_does_nothing(
    make_window, tmp_path: Path, shown: list
) -> None:
    win = make_window(tmp_path / "empty.db")
    for entry in ("Mark in progress", "Mark to do", "Next article to do", "Find in article…"):
        choose(win, entry)
    assert win.article is None and shown == []
    assert not win.find_bar.isVisible()
    assert win.store.undo_label() is None

"""Speakers view › Find duplicates…: accept (many in one undo step), edit, reject, and
mark sources that are not actors, on an invented corpus."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from actor_corpus import Corpus, said
from PySide6.QtCore import Qt

from annotator.core.store import Store
from annotator.gui.app import application
from annotator.gui.session import Session
from annotator.gui.views.container import CorpusViews
from annotator.gui.views.duplicates import FindDuplicatesDialog


@pytest.fixture(scope="module", autouse=True)
def _app() -> None:
    application()


@pytest.fixture
def corpus(store: Store) -> Corpus:
    c = Corpus(store)
    c.article(said("Dana Whitlock"), said("Whitlock", "again"), said("12 percent"))
    c.article(said("Dana Whitlock"), said("Mayor Dana Whitlock", "too"), said("he"))
    c.article(said("Helen Okafor"), said("Okafor, Helen", "also"))
    c.article(said("Samuel Okafor"), said("Okafor", "first"), said("Helen Okafor", "x"))
    return c


@pytest.fixture
def views(qtbot, corpus: Corpus) -> Iterator[CorpusViews]:
    widget = CorpusViews(Session(corpus.store))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


@pytest.fixture
def dialog(qtbot, views: CorpusViews) -> FindDuplicatesDialog:
    found = views.speakers.duplicates_dialog()
    qtbot.addWidget(found)
    return found


def top(dialog: FindDuplicatesDialog, startswith: str):
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        if item.text(0).startswith(startswith):
            return item
    raise AssertionError(f"no cluster {startswith!r}")


def child(item, name: str):
    for k in range(item.childCount()):
        if item.child(k).text(0) == name:
            return item.child(k)
    raise AssertionError(f"no {name!r} in {item.text(0)!r}")


def test_the_speakers_view_has_the_button(views: CorpusViews) -> None:
    assert views.speakers.duplicates_button.text() == "Find duplicates…"
    assert views.speakers.duplicates_button.isEnabled()


def test_lists_clusters_by_size_ambiguous_apart(dialog: FindDuplicatesDialog) -> None:
    titles = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert titles[0] == "Dana Whitlock  (+2)"
    assert titles[1] == "Helen Okafor  (+1)"
    assert titles[2] == "Okafor: ambiguous, Helen Okafor or Samuel Okafor"
    ambiguous = top(dialog, "Okafor:")
    # No box to check: an ambiguous cluster cannot be accepted.
    assert ambiguous.data(0, Qt.ItemDataRole.CheckStateRole) is None
    assert not ambiguous.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.others.topLevelItemCount() == 2
    dialog.tree.setCurrentItem(top(dialog, "Dana Whitlock"))
    assert "Dana Whitlock said the harbour plan is too costly." in dialog.evidence.toPlainText()


def test_accept_many_with_an_edit_is_one_undo_step(dialog, corpus: Corpus) -> None:
    store, ids = corpus.store, corpus.ids
    before = {sid: store.speaker(sid) for sid in ids.values()}
    whitlock = top(dialog, "Dana Whitlock")
    okafor = top(dialog, "Helen Okafor")
    whitlock.setCheckState(0, Qt.CheckState.Checked)
    okafor.setCheckState(0, Qt.CheckState.Checked)
    # Edit: keep "Mayor Dana Whitlock" as the name, and leave "Whitlock" out.
    dialog.keep_name(child(whitlock, "Mayor Dana Whitlock"))
    child(whitlock, "Whitlock").setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.merge_checked()
    assert store.speaker(ids["Dana Whitlock"]) is None
    assert store.speaker(ids["Mayor Dana Whitlock"])["aliases"] == ["Dana Whitlock"]
    assert store.speaker(ids["Whitlock"]) is not None
    assert store.speaker(ids["Okafor, Helen"]) is None
    assert store.undo_label() == "Merge 2 speakers"
    store.undo()
    assert {sid: store.speaker(sid) for sid in ids.values()} == before


def test_reject_is_remembered(dialog, corpus: Corpus) -> None:
    dialog.tree.clearSelection()
    top(dialog, "Helen Okafor").setSelected(True)
    assert dialog.reject_selected()
    titles = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert not any(t.startswith("Helen Okafor") for t in titles)
    again = FindDuplicatesDialog(Session(corpus.store))
    assert not any(
        again.tree.topLevelItem(i).text(0).startswith("Helen Okafor")
        for i in range(again.tree.topLevelItemCount())
    )
    again.deleteLater()


def test_mark_not_actors_as_other(dialog, corpus: Corpus) -> None:
    dialog.others.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
    kept = dialog.others.topLevelItem(1).text(0)
    marked = dialog.others.topLevelItem(0).text(0)
    assert dialog.mark_checked_other()
    assert corpus.store.speaker(corpus.ids[marked])["kind"] == "other"
    assert corpus.store.speaker(corpus.ids[kept])["kind"] == "person"
    assert dialog.others.topLevelItemCount() == 1


def test_nothing_ticked_means_nothing_merged_or_marked(dialog, corpus: Corpus) -> None:
    store = corpus.store
    before = {sid: store.speaker(sid) for sid in corpus.ids.values()}
    last_step = store.undo_label()
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(0, Qt.CheckState.Unchecked)
    for i in range(dialog.others.topLevelItemCount()):
        dialog.others.topLevelItem(i).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.tree.clearSelection()
    dialog.accept_button.click()
    dialog.other_button.click()
    assert not dialog.reject_selected()
    assert {sid: store.speaker(sid) for sid in corpus.ids.values()} == before
    assert store.undo_label() == last_step


def test_double_clicking_a_cluster_title_or_an_ambiguous_name_keeps_the_proposal(
    dialog,
) -> None:
    whitlock = top(dialog, "Dana Whitlock")
    dialog.tree.itemDoubleClicked.emit(whitlock, 0)
    assert whitlock.text(0) == "Dana Whitlock  (+2)"
    ambiguous = top(dialog, "Okafor:")
    dialog.tree.setCurrentItem(ambiguous.child(0))
    assert not dialog.keep_button.isEnabled()
    dialog.tree.itemDoubleClicked.emit(ambiguous.child(0), 0)
    assert ambiguous.text(0) == "Okafor: ambiguous, Helen Okafor or Samuel Okafor"

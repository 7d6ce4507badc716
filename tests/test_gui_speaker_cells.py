"""Editing a speaker in the Speakers table, cell by cell, as one undoable step each."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from annotator.core.store import Store
from annotator.gui.app import application
from annotator.gui.session import Session
from annotator.gui.views.container import CorpusViews

TEXT = "Lin Qiao said on Tuesday that no region needs a new bloc."


@pytest.fixture
def views(qtbot, store: Store) -> Iterator[CorpusViews]:
    application()
    aid = store.add_article(TEXT, title="Blocs")
    span = store.add_span(aid, 30, 56, "claim")
    speaker = store.add_speaker("Lin Qiao")
    store.add_claim(aid, [span["id"]], speaker_id=speaker["id"])
    widget = CorpusViews(Session(store))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: len(widget.speakers.model.rows) == 1, timeout=20000)
    yield widget


def edit(views: CorpusViews, key: str, value: str) -> bool:
    model = views.speakers.model
    column = next(i for i, c in enumerate(model.columns) if c.key == key)
    index = model.index(0, column)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    return model.setData(index, value, Qt.ItemDataRole.EditRole)


def test_a_speakers_cells_are_edited_one_undo_step_each(views: CorpusViews, store: Store) -> None:
    said: list[str] = []
    views.speakers.message.connect(said.append)
    (speaker,) = store.speakers()
    assert not edit(views, "name", "   ")  # a speaker keeps a name
    assert not edit(views, "name", "Lin Qiao")  # unchanged: no step
    assert store.undo_label() == "Add claim" and said == []
    assert edit(views, "role", " spokesperson\n")
    assert store.speaker(speaker["id"])["role"] == "spokesperson"
    assert said == ["Lin Qiao: role is now spokesperson"]
    assert edit(views, "role", "")
    assert store.speaker(speaker["id"])["role"] is None
    store.undo()
    assert store.speaker(speaker["id"])["role"] == "spokesperson"


def test_only_a_speakers_own_fields_can_be_edited(views: CorpusViews) -> None:
    model = views.speakers.model
    claims = next(i for i, c in enumerate(model.columns) if c.key == "claims")
    assert not model.flags(model.index(0, claims)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, claims), "7", Qt.ItemDataRole.EditRole)
    name = next(i for i, c in enumerate(model.columns) if c.key == "name")
    assert not model.setData(model.index(0, name), "Other", Qt.ItemDataRole.DisplayRole)
    assert model.data(model.index(0, name), Qt.ItemDataRole.EditRole) == "Lin Qiao"

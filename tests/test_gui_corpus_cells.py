"""What the corpus list's cells say: status with suggestions waiting, untitled articles,
tooltips, alignment, and the colour of each status."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex, Qt

from annotator.core.store import Store
from annotator.gui.app import application
from annotator.gui.corpus_list import COLUMNS, CorpusModel
from annotator.gui.session import Session
from annotator.gui.theme import LIGHT

TEXT = "Lin Qiao said on Tuesday that no region needs a new bloc."
DISPLAY, TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def cell(model: CorpusModel, row: int, key: str, role=DISPLAY):
    column = [k for k, _title in COLUMNS].index(key)
    return model.data(model.index(row, column), role)


def test_the_corpus_cells_say_what_waits_and_what_has_no_title(store: Store) -> None:
    application()
    plain = store.add_article(TEXT, title=None)
    waiting = store.add_article(TEXT + " Again.", title="Bloc <b>talks</b>")
    for start, end in ((0, 8), (30, 56)):
        span = store.add_span(waiting, start, end, "claim", status="suggested")
        store.add_claim(waiting, [span["id"]], status="suggested")
    model = CorpusModel(Session(store))
    model.reload()
    rows = {row["id"]: i for i, row in enumerate(model.rows)}
    p, w = rows[plain], rows[waiting]

    assert cell(model, p, "title") == "(untitled)"
    assert cell(model, p, "title", TIP) is None
    assert "&lt;b&gt;" in cell(model, w, "title", TIP)  # shown as written, not as HTML
    assert cell(model, p, "status") == "todo"
    assert cell(model, p, "status", TIP) == "todo"  # the whole text, when the column cuts it
    assert cell(model, w, "status") == "todo · 2 to review"
    assert cell(model, w, "status", TIP) == (
        "todo · 2 to review\n2 suggestions still to review (Review › Start)"
    )
    colour = cell(model, p, "status", Qt.ItemDataRole.ForegroundRole)
    assert colour.name() == LIGHT.words["todo"]  # the theme in force
    assert cell(model, p, "annotations", Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert cell(model, w, "title", Qt.ItemDataRole.UserRole) == waiting
    assert model.data(QModelIndex()) is None
    assert cell(model, p, "source", Qt.ItemDataRole.DecorationRole) is None

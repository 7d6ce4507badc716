"""Renders View › Show other analysts' layers on a sample article coded by three
analysts to docs/team-layers.png (QT_QPA_PLATFORM=offscreen python docs/layers_picture.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from annotator.core.store import Store
from annotator.gui.app import application, build_window
from annotator.gui.qt import QSettings

DOCS = Path(__file__).resolve().parent

# Who tags what in the sample article: analyst, words, label.
CODING = [
    ("ana", "We are not asking any country to choose sides.", "claim"),
    ("ana", "Whitfield", "speaker"),
    ("ben", "We are not asking any country to choose sides.", "claim"),
    ("ben", "told reporters", "cue"),
    ("carla", "Pacific island countries are not anyone's backyard.", "claim"),
    ("carla", "not asking any country", "claim"),
    ("ben", "Pacific island countries are not anyone's backyard.", "claim"),
]


def main() -> None:
    app = application()
    folder = Path(tempfile.mkdtemp())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("welcome/shown", True)
    db = folder / "team.db"
    window = build_window(db, annotator="ana", seed=True, settings=settings)
    store = window.store
    aid = next(
        row["id"]
        for row in store.article_rows(limit=50)
        if all(words in store.article_text(row["id"]) for _, words, _ in CODING)
    )
    text = store.article_text(aid)
    for analyst, words, label in CODING:
        with Store(db, annotator=analyst) as theirs:
            start = text.index(words)
            theirs.add_span(aid, start, start + len(words), label)
    window.corpus.select(aid)
    window.open_article(aid)
    window.layers_action.setChecked(True)
    window.resize(1480, 900)
    window.show()
    for _ in range(30):
        app.processEvents()
    first = min(window.spans, key=lambda s: s["start"])
    window.text.mark_span(first["id"])
    window.text.verticalScrollBar().setValue(0)
    for _ in range(30):
        app.processEvents()
    window.statusBar().clearMessage()
    window.grab().save(str(DOCS / "team-layers.png"))
    window.close()
    store.close()


if __name__ == "__main__":
    sys.exit(main())

"""Renders Review › Adjudicate on the sample corpus coded twice (tests/data/gold.jsonl
and gold-b.jsonl) to docs/adjudication.png
(QT_QPA_PLATFORM=offscreen python docs/adjudication_picture.py)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from annotator.core.importing import import_paths
from annotator.core.store import Store
from annotator.gui.adjudication import AdjudicationDialog
from annotator.gui.qt import QApplication, QEventLoop
from annotator.gui.session import Session

ROOT = Path(__file__).resolve().parent.parent


def wait_until_drawn(dialog: AdjudicationDialog) -> None:
    """The layers are read on a worker thread: wait until they are drawn."""
    if dialog.loading:
        loop = QEventLoop()
        dialog.loaded.connect(loop.quit)
        loop.exec()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "team.db", annotator="lead")
        import_paths(store, [ROOT / "tests/data/gold.jsonl", ROOT / "tests/data/gold-b.jsonl"])
        dialog = AdjudicationDialog(Session(store), store.articles.ids()[0])
        dialog.resize(1200, 640)
        dialog.show()
        wait_until_drawn(dialog)
        dialog.take("b")  # one place decided: gold's version taken
        wait_until_drawn(dialog)
        dialog.step(1)
        app.processEvents()
        dialog.grab().save(str(ROOT / "docs/adjudication.png"))
        dialog.close()
        store.close()


if __name__ == "__main__":
    main()

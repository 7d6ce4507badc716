"""Long articles: highlights on screen are painted at once, the rest while idle."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.core.store import Store
from annotator.gui.app import application, build_window


def _formatted(win, paragraph: int) -> bool:
    block = win.text.document().findBlockByNumber(paragraph * 2)
    return bool(block.layout().formats())


def test_long_article_is_painted_on_screen_first_and_everywhere_soon(qtbot, tmp_path: Path):
    paragraphs = 3000
    text = "\n\n".join(f"Paragraph {i}: the minister said no." for i in range(paragraphs))
    db = tmp_path / "long.db"
    with Store(db) as store:
        aid = store.add_article(text, title="Long")
        for i in (0, 1500, paragraphs - 1):
            start = text.index(f"Paragraph {i}:")
            store.add_span(aid, start, start + len(f"Paragraph {i}"), "speaker")
    application()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = build_window(db, seed=False, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_article(aid)

    assert _formatted(win, 0)  # on screen: painted with the text
    assert not _formatted(win, 1500)  # not read yet: the rest follows while idle
    qtbot.waitUntil(win.text.highlighter._idle.isActive, timeout=5000)
    # Jumping to the end before the idle pass gets there still shows the highlight.
    bar = win.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert _formatted(win, paragraphs - 1)
    qtbot.waitUntil(lambda: not win.text.highlighter._idle.isActive(), timeout=10000)
    assert _formatted(win, 1500)
    assert not _formatted(win, 1499)  # nothing painted where there is no highlight
    win.close()
    win.store.close()

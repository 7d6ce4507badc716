"""Renders the light and dark themes' highlights to docs/theme-light.png and
docs/theme-dark.png (QT_QPA_PLATFORM=offscreen python docs/theme_samples.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.gui.highlighter import SpanHighlighter
from annotator.gui.labels import badge_pixmap, default_labels
from annotator.gui.qt import (
    QApplication,
    QColor,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextCursor,
    QTextEdit,
    QTextFormat,
    QVBoxLayout,
    QWidget,
)
from annotator.gui.segments import Mark
from annotator.gui.theme import DARK, LIGHT, palette, stylesheet

TEXT = (
    "Harbour Master Ines Calloway said the old ferry pier would close in March, "
    "warning that “the pilings will not survive another winter.”\n\n"
    "According to the Coastal Fisheries Authority, the closure is temporary. "
    "Councillor Ro Benning opposed the plan, arguing the pier is the town’s lifeline."
)


def marks(text: str) -> list[Mark]:
    def at(words: str, label: str, suggested: bool = False) -> Mark:
        start = text.index(words)
        return Mark(start, start + len(words), label, suggested)

    return [
        at("Harbour Master Ines Calloway", "speaker"),
        at("said", "cue"),
        at("the old ferry pier would close in March", "claim"),
        at("warning", "cue", True),
        at("“the pilings will not survive another winter.”", "claim"),
        at("the Coastal Fisheries Authority", "speaker"),
        at("the closure is temporary", "claim"),
        at("Councillor Ro Benning", "speaker"),
        at("the plan", "target"),
    ]


def sample(theme) -> QWidget:
    app = QApplication.instance()
    app.setPalette(palette(theme))
    app.setStyleSheet(stylesheet(theme))
    pane = QWidget()
    pane.setObjectName("articlePane")
    layout = QVBoxLayout(pane)
    legend = QHBoxLayout()
    for label in default_labels():
        look = theme.highlight(label.name)
        badge = QLabel()
        badge.setPixmap(badge_pixmap(label.name, QColor(look.background), QColor(look.ink)))
        legend.addWidget(badge)
        legend.addWidget(QLabel(f"{label.key} {label.name}"))
    legend.addStretch(1)
    layout.addLayout(legend)
    edit = QPlainTextEdit(TEXT)
    edit.setObjectName("articleText")
    edit.setReadOnly(True)
    font = edit.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    edit.setFont(font)
    layout.addWidget(edit)
    highlighter = SpanHighlighter(edit.document(), default_labels(), theme)
    highlighter.set_marks(marks(TEXT))
    edit._highlighter = highlighter
    # The selected span (the third speaker) and a text selection (the last words).
    start = TEXT.index("Councillor Ro Benning")
    current = QTextEdit.ExtraSelection()
    look = theme.current_span("speaker")
    current.format.setBackground(QColor(look.background))
    current.format.setForeground(QColor(look.ink))
    current.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
    current.cursor = QTextCursor(edit.document())
    current.cursor.setPosition(start)
    current.cursor.setPosition(start + 21, QTextCursor.MoveMode.KeepAnchor)
    edit.setExtraSelections([current])
    cursor = edit.textCursor()
    cursor.setPosition(TEXT.index("the town’s lifeline"))
    cursor.setPosition(len(TEXT) - 1, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.setFocus()
    pane.resize(760, 330)
    return pane


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(__file__).resolve().parent
    for theme in (LIGHT, DARK):
        pane = sample(theme)
        pane.show()
        app.processEvents()
        pane.grab().save(str(out / f"theme-{theme.name}.png"))
        pane.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

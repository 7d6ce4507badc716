"""Find in the open article: an inline bar above the text with a match count,
next and previous; it never covers the text or blocks the window."""

from __future__ import annotations

import re

from .article_view import ArticleText
from .qt import QEvent, QHBoxLayout, QLabel, QLineEdit, QObject, Qt, QToolButton, QWidget
from .wording import plural


class FindBar(QWidget):
    """Type to find (any case); Enter or ▼ goes to the next match, Shift+Enter or ▲ to
    the previous one, Esc closes the bar and gives the focus back to the text."""

    def __init__(self, text: ArticleText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.text = text
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 4, 24, 4)
        row.setSpacing(6)
        row.addWidget(QLabel("Find:"))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("words in this article")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        row.addWidget(self.edit, 1)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        row.addWidget(self.count)
        for arrow, tip, step in (
            ("▲", "Previous match (Shift+Enter)", -1),
            ("▼", "Next (Enter)", 1),
        ):
            button = QToolButton()
            button.setText(arrow)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _=False, s=step: self.go(s))
            row.addWidget(button)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close find")
        close.clicked.connect(self.close_bar)
        row.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the selected words (if any) and focus it."""
        selected = self.text.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self._search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.hits, self.current = [], -1
        self.text.show_search_hits([])
        self.text.setFocus()

    def refresh(self) -> None:
        """Find again in a newly opened article."""
        if self.isVisible():
            self._search(self.edit.text())

    def go(self, step: int) -> None:
        """Select the next (step 1) or previous (-1) match, wrapping around."""
        if not self.hits:
            return
        self.current = (self.current + step) % len(self.hits)
        self._show_current()

    def _search(self, phrase: str) -> None:
        source = self.text.text
        self.hits = (
            [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), source, re.IGNORECASE)]
            if phrase
            else []
        )
        self.text.show_search_hits(self.hits)
        self.current = 0 if self.hits else -1
        if self.hits:
            self._show_current()
        else:
            self.count.setText("no matches" if phrase else "")

    def _show_current(self) -> None:
        self.text.select_range(*self.hits[self.current])
        self.text.centerCursor()
        self.count.setText(f"{self.current + 1} of {plural(len(self.hits), 'match', 'matches')}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.go(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

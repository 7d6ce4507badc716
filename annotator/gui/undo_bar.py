"""The inline "Deleted · Undo" bar: after a single key removed something outside review,
a small bar at the foot of the text says what went and offers to take it back."""

from __future__ import annotations

from collections.abc import Callable

from .qt import QEvent, QFrame, QHBoxLayout, QLabel, QPushButton, Qt, QTimer, QWidget

SHOWN_MS = 10_000  # long enough to notice and reach for the button


class UndoBar(QFrame):
    """A bar floating over the bottom of ``host`` (the article text); never takes the focus,
    so the keys the analyst types next still go to the text."""

    def __init__(self, host: QWidget, undo: Callable[[], None]) -> None:
        super().__init__(host)
        self.setObjectName("undoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        # Set apart from the page it floats over: the theme's colours inverted, in light
        # and dark alike.
        self.setStyleSheet(
            "QFrame#undoBar { background: palette(window-text); border-radius: 5px; }"
            " QFrame#undoBar QLabel { color: palette(window); }"
            " QFrame#undoBar QPushButton { color: palette(window); background: transparent;"
            " border: 1px solid palette(window); border-radius: 4px; padding: 3px 10px;"
            " font-weight: bold; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 6, 4)
        row.setSpacing(10)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.message, 1)
        self.button = QPushButton("Undo (Ctrl+Z)")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(lambda: (self.hide(), undo()))
        row.addWidget(self.button)
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        host.installEventFilter(self)  # follows the text's size
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` ("Rejected claim “…”") with the Undo button, for a few seconds."""
        self.message.setText(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _place(self) -> None:
        host = self.parentWidget()
        self.adjustSize()
        width = min(max(self.sizeHint().width(), 320), host.width() - 24)
        self.resize(width, self.sizeHint().height())
        self.move((host.width() - width) // 2, host.height() - self.height() - 12)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

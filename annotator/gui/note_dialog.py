"""The note box of a highlight: several lines, saved with Ctrl+Enter (or the Save button)."""

from __future__ import annotations

from .qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QLabel,
    QObject,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class NoteDialog(QDialog):
    """Edit a note; ``saved`` carries the text (stripped, "" for no note) when saved.

    Enter starts a new line, as in any text box; Ctrl+Enter saves, Esc cancels.
    """

    saved = Signal(str)

    def __init__(self, about: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note")
        layout = QVBoxLayout(self)
        label = QLabel(f"Note on “{about[:60]}”:")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QPlainTextEdit(note)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumSize(360, 120)
        layout.addWidget(self.edit)
        hint = QLabel("Ctrl+Enter saves · Esc cancels")
        hint.setObjectName("hint")
        hint.setEnabled(False)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Caught on the text box itself: a shortcut would wait for the dialog to be the
        # active window, and the box would take Ctrl+Enter as a new line.
        self.edit.installEventFilter(self)
        self.edit.setFocus()
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        self.saved.emit(self.edit.toPlainText().strip())
        super().accept()

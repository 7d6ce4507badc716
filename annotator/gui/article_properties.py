"""Article › Properties…: edit an article's title, source, place, date and URL."""

from __future__ import annotations

from typing import Any

from ..core.metadata import parse_date
from .qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

FIELDS = (
    ("title", "&Title"),
    ("source", "&Source"),
    ("place", "&Place"),
    ("published", "&Date"),
    ("url", "&URL"),
)


class ArticleProperties(QDialog):
    """The fields of one article; ``saved`` carries the changed ones (empty = cleared).

    A date the app cannot read (or one without a year) is marked in place and the
    dialog stays open with everything typed.
    """

    saved = Signal(dict)

    def __init__(self, article: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article properties")
        self.setMinimumWidth(460)
        self.article = article
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in FIELDS:
            edit = QLineEdit(article.get(key) or "")
            edit.setAccessibleName(label.replace("&", ""))
            edit.returnPressed.connect(self.accept)  # Enter saves from any field
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["published"].setPlaceholderText("undated · e.g. 2024-03-02 or March 2, 2024")
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edits["title"].setFocus()

    def accept(self) -> None:
        if not self.isVisible():  # Enter reaches both the field and the default button
            return
        date = self.edits["published"].text().strip()
        if date and parse_date(date) is None:
            self.error.setText(f"“{date}” is not a date with a year: write e.g. 2024-03-02.")
            self.error.show()
            self.edits["published"].setStyleSheet("border: 1px solid #b3261e;")
            self.edits["published"].setFocus()
            return
        changed = {
            key: edit.text().strip()
            for key, edit in self.edits.items()
            if edit.text().strip() != (self.article.get(key) or "")
        }
        if changed:
            self.saved.emit(changed)
        super().accept()

"""Help › Keyboard shortcuts: every action that has a key, read from the actions themselves."""

from __future__ import annotations

from .qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequence,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

EXTRA = [
    ("Select text", "drag with the mouse; double-click a word; Shift+click to extend"),
    ("Select a highlight", "click it (click again to cycle through overlapping ones)"),
    ("Delete the selected item in a list", "Delete or Backspace"),
    ("Edit the selected item in a list", "Enter or double-click"),
    ("Confirm a popup / leave it", "Enter / Esc"),
]


class ShortcutsDialog(QDialog):
    def __init__(self, actions, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                rows.append(
                    (
                        (action.property("actionName") or action.text())
                        .replace("&&", "\0")
                        .replace("&", "")
                        .replace("\0", "&")
                        .strip(),
                        ", ".join(keys),
                    )
                )
        rows.sort(key=lambda r: r[0].casefold())
        rows += EXTRA
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, (name, keys) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(name))
            table.setItem(i, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(620, 560)

"""File › Assign to coders…: the coders, the reliability sample and a preview of the counts."""

from __future__ import annotations

from pathlib import Path

from ..core.assigning import Plan, plan
from ..core.errors import InputError
from .qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)


class AssignDialog(QDialog):
    """Asks for the coders, the overlap, the seed and the folder; previews the split.

    ``chosen()`` is the plan (None until the input makes one); ``folder()`` the target.
    """

    def __init__(self, parent: QWidget | None, article_ids: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Assign to coders")
        self.article_ids = article_ids
        self.names = QLineEdit()
        self.names.setPlaceholderText("alice, bob, carol")
        self.names.setAccessibleName("Coders' names")
        self.overlap = QSpinBox(suffix=" %", maximum=100, value=20)
        self.overlap.setAccessibleName("Reliability sample")
        self.per_coder = QSpinBox(maximum=10_000_000, specialValueText="all articles")
        self.per_coder.setAccessibleName("Articles per coder")
        self.seed = QSpinBox(maximum=1_000_000, value=1)
        self.seed.setAccessibleName("Random seed")
        self.target = QLineEdit()
        self.target.setAccessibleName("Folder for the coders' files")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Write coders' files")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Coders (comma-separated):", self.names)
        form.addRow("Everyone codes (reliability sample):", self.overlap)
        form.addRow("Articles per coder:", self.per_coder)
        form.addRow("Random seed:", self.seed)
        form.addRow("Folder:", row)
        form.addRow(self.preview)
        form.addRow(self.buttons)
        for signal in (
            self.names.textChanged,
            self.overlap.valueChanged,
            self.per_coder.valueChanged,
            self.seed.valueChanged,
            self.target.textChanged,
        ):
            signal.connect(self.update_preview)
        self.update_preview()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder for the coders' files")
        if folder:
            self.target.setText(folder)

    def coders(self) -> list[str]:
        return [n.strip() for n in self.names.text().split(",") if n.strip()]

    def folder(self) -> Path | None:
        text = self.target.text().strip()
        return Path(text) if text else None

    def chosen(self) -> Plan | None:
        """The split the dialog shows, or None (the preview says why)."""
        try:
            return plan(
                self.article_ids,
                self.coders(),
                overlap=self.overlap.value() / 100,
                per_coder=self.per_coder.value() or None,
                seed=self.seed.value(),
            )
        except InputError as exc:
            self._why = exc.reason
            return None

    def update_preview(self) -> None:
        self._why = ""
        chosen = self.chosen()
        ok = chosen is not None and self.folder() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if chosen is None:
            self.preview.setText(self._why or "Type the coders' names.")
            return
        counts = ", ".join(f"{c} {n:,}" for c, n in chosen.counts().items())
        self.preview.setText(
            f"{len(self.article_ids):,} articles. Everyone codes {len(chosen.sample):,} "
            f"(the reliability sample). Articles per coder: {counts}."
            + ("" if self.folder() else " Choose a folder.")
        )

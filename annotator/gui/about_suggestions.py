"""Help › About suggestions: how good the suggestions are, the README's figures as text.

The figures live in ``resources/suggest/figures.md`` (the README shows the same
tables); Markdown tables are set as aligned columns, everything else as it is.
"""

from __future__ import annotations

from ..resources import resource_path
from .qt import QDialog, QDialogButtonBox, QFont, QFontDatabase, QPlainTextEdit, QVBoxLayout


def figures_text() -> str:
    """The figures file as plain text, its tables aligned in columns."""
    lines = resource_path("suggest/figures.md").read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    table: list[list[str]] = []
    for line in [*lines, ""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
            continue
        if table:
            out.extend(_aligned(table))
            table = []
        out.append(line)
    return "\n".join(out).rstrip() + "\n"


def _aligned(rows: list[list[str]]) -> list[str]:
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(n)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    rule = "  ".join("-" * w for w in widths)
    return [lines[0], rule, *lines[1:]]


class AboutSuggestionsDialog(QDialog):
    """The suggester's measured quality, read-only, in a fixed-width font."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About suggestions")
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.view.setFont(font)
        self.view.setPlainText(figures_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(1040, 520)

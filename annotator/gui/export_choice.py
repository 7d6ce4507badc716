"""The one save dialog for exports (File › Export and a view's "Export these…")."""

from __future__ import annotations

from pathlib import Path

from .qt import QFileDialog, QWidget

EXPORT_FILTERS = {
    "jsonl": "JSON Lines, one article a line (*.jsonl)",
    "csv": "CSV, one row per highlight (*.csv)",
    "w3c": "W3C Web Annotation JSON-LD (*.jsonld)",
}
_BY_SUFFIX = {".csv": "csv", ".jsonld": "w3c", ".json": "w3c"}


def export_format(path: str, chosen_filter: str) -> str:
    """The export format for ``path``: the chosen filter's, else by suffix, else JSONL."""
    chosen = next((f for f, text in EXPORT_FILTERS.items() if text == chosen_filter), None)
    return chosen or _BY_SUFFIX.get(Path(path).suffix.lower(), "jsonl")


def ask_export_path(parent: QWidget, title: str, start: Path) -> tuple[str, str] | None:
    """Ask where to export and in which format; None when the user cancels."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, str(start), ";;".join(EXPORT_FILTERS.values())
    )
    return (path, export_format(path, chosen)) if path else None

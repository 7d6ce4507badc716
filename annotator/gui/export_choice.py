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
SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "w3c": ".jsonld", "table": ".csv"}
# A Claims or Positions view's "Export these…" also writes the table itself.
TABLE_FILTER = "CSV, the rows of this table (*.csv)"
VIEW_EXPORT_CHOICES = (
    ("table", "The rows shown, as a CSV table…"),
    ("jsonl", "Their articles, as JSON Lines…"),
    ("csv", "Their articles, as CSV (one row per highlight)…"),
    ("w3c", "Their articles, as W3C Web Annotation…"),
)


def export_format(path: str, chosen_filter: str) -> str:
    """The export format for ``path``: the chosen filter's, else by suffix, else JSONL."""
    chosen = next((f for f, text in EXPORT_FILTERS.items() if text == chosen_filter), None)
    return chosen or _BY_SUFFIX.get(Path(path).suffix.lower(), "jsonl")


def ask_export_path(
    parent: QWidget, title: str, start: Path, *, fmt: str | None = None
) -> tuple[str, str] | None:
    """Ask where to export and in which format; None when the user cancels.

    ``fmt`` chosen beforehand ("table", "jsonl", "csv", "w3c"): the file name
    offered ends as that format does and its filter is the one selected.
    """
    if fmt == "table":
        path, _chosen = QFileDialog.getSaveFileName(
            parent, title, str(start.with_suffix(".csv")), TABLE_FILTER
        )
        return (path, "table") if path else None
    if fmt is not None:
        start = start.with_suffix(SUFFIXES[fmt])
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        title,
        str(start),
        ";;".join(EXPORT_FILTERS.values()),
        EXPORT_FILTERS.get(fmt or "", ""),
    )
    return (path, export_format(path, chosen)) if path else None

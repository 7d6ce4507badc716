"""Labels as the GUI shows them: colour, key and description, from the schema."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from ..resources import label_schema
from .qt import QColor, QIcon, QPainter, QPixmap, Qt

# Distinct, light colours for labels beyond the default schema.
_EXTRA = ("#b5a3f0", "#f0a38f", "#8fd6d0", "#d6cf7a", "#c2c2c2", "#f2a7e0", "#a3d39c", "#9ec7e8")


@dataclass(frozen=True)
class Label:
    name: str
    key: str
    color: QColor
    description: str


def default_labels() -> list[Label]:
    return [
        Label(entry["name"], entry["key"], QColor(entry["color"]), entry.get("description", ""))
        for entry in label_schema()
    ]


def color_for(label: str, labels: list[Label]) -> QColor:
    for known in labels:
        if known.name == label:
            return known.color
    return QColor(_EXTRA[zlib.crc32(label.encode()) % len(_EXTRA)])


def blend(colors: list[QColor]) -> QColor:
    """The average colour, so overlapping highlights show both labels."""
    n = len(colors)
    return QColor(
        sum(c.red() for c in colors) // n,
        sum(c.green() for c in colors) // n,
        sum(c.blue() for c in colors) // n,
    )


def swatch(color: QColor, size: int = 14) -> QIcon:
    """A small rounded square of a label's colour, for menus and the toolbar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(color.darker(140))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)

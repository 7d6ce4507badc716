"""Labels as the GUI shows them: colour, key and description, from the schema."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from ..resources import label_schema
from .qt import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QRectF, Qt

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


# One letter per default label, for badges beside colour: "V" for the cue's
# reporting verb, as C is the claim's.
BADGES = {"speaker": "S", "claim": "C", "cue": "V", "target": "T"}


def badge_for(label: str) -> str:
    """The letter shown on a label's badge, so colour is never the only cue."""
    return BADGES.get(label) or (label[:1].upper() or "?")


def badge_pixmap(label: str, background: QColor, ink: QColor, size: int = 18, ratio: float = 1.0):
    """A rounded square in the label's colour with its letter, crisp at ``ratio``
    (the screen's device pixel ratio)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(ink), 1))
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 4, 4)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(8, round(size * 0.62)))
    painter.setFont(font)
    painter.setPen(QColor(ink))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, badge_for(label))
    painter.end()
    return pixmap


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

"""Labels as the GUI shows them: colour, key and description, from the schema."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from ..resources import label_schema
from .qt import QColor, QFont, QIcon, QIconEngine, QPainter, QPen, QPixmap, QRect, QRectF, QSize, Qt

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


def _draw_badge(painter: QPainter, size: float, label: str, background, ink) -> None:
    # A rounded square of ``size`` logical pixels at the painter's origin.
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


def badge_pixmap(label: str, background: QColor, ink: QColor, size: int = 18, ratio: float = 1.0):
    """A rounded square in the label's colour with its letter, crisp at ``ratio``
    (the screen's device pixel ratio)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    _draw_badge(painter, size, label, background, ink)
    painter.end()
    return pixmap


class _BadgeEngine(QIconEngine):
    # Draws the badge at the very size and screen scale it is shown at: a QIcon of
    # one pixmap would be scaled up, and blurred, on a 150% or 200% screen.
    def __init__(self, label: str, background: QColor, ink: QColor) -> None:
        super().__init__()
        self._args = (label, QColor(background), QColor(ink))

    def paint(self, painter: QPainter, rect: QRect, mode, state) -> None:
        side = min(rect.width(), rect.height())
        painter.save()
        painter.translate(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2
        )
        _draw_badge(painter, side, *self._args)
        painter.restore()

    def pixmap(self, size: QSize, mode, state) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode, state, scale: float) -> QPixmap:
        side = min(size.width(), size.height())
        return badge_pixmap(self._args[0], self._args[1], self._args[2], side, scale)

    def clone(self) -> QIconEngine:
        return _BadgeEngine(*self._args)


def badge_icon(label: str, background: QColor, ink: QColor) -> QIcon:
    """The label's badge as an icon, sharp at any size and screen scale."""
    return QIcon(_BadgeEngine(label, background, ink))


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

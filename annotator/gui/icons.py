"""Toolbar icons from the SVG files in ``resources/icons``, coloured for the theme and
drawn at every size and screen scale they are shown at, so they stay crisp at 150%
and 200%."""

from __future__ import annotations

import re

from ..resources import resource_path
from .qt import QByteArray, QIcon, QIconEngine, QPainter, QPixmap, QRect, QSize, QSvgRenderer, Qt
from .theme import Theme

# The action each icon belongs to, by file name (without .svg).
ICONS = ("position", "undo", "redo", "done")


def svg_text(name: str, theme: Theme) -> str:
    """``resources/icons/NAME.svg`` with its ``@name`` colour tokens from the theme.

    Raises:
        FileNotFoundError: when there is no such icon.
    """
    template = resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")
    return re.sub(r"@([a-z_]+)", lambda m: theme.ui[m.group(1)], template)


class _SvgEngine(QIconEngine):
    # Renders the vector drawing at the exact device-pixel size asked for; a QIcon
    # made from a fixed pixmap would be scaled up and blurred on a 200% screen.
    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data
        self._renderer = QSvgRenderer(QByteArray(data))

    def paint(self, painter: QPainter, rect: QRect, mode, state) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.38)
        self._renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode, state) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(self, size: QSize, mode, state, scale: float) -> QPixmap:
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._data)


def svg_icon(name: str, theme: Theme) -> QIcon:
    """The icon ``name`` in ``theme``'s colours, sharp at any size and scale."""
    return QIcon(_SvgEngine(svg_text(name, theme).encode("utf-8")))

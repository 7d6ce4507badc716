"""How other analysts' layers are told apart in the article, and the legend naming them.

Each other analyst's highlights get a line under the text and a letter badge at
their start, in the layer's own style: a colour from the Okabe-Ito palette (four
per theme that stay apart under deuteranopia, protanopia and tritanopia and stand
out from the page: tests/test_gui_layers.py checks them with ColorAide), a dash
pattern and a letter. Colour is never the only cue: the first four layers differ
in dash pattern as well, and no two layers share both colour and pattern.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .qt import (
    QColor,
    QFont,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPainter,
    QPen,
    QRect,
    Qt,
    QWidget,
    Signal,
)

# Okabe & Ito (2008): blue, vermillion, bluish green, reddish purple on a light page;
# sky blue, vermillion, yellow, reddish purple on a dark one.
LIGHT_HUES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
DARK_HUES = ("#56B4E9", "#D55E00", "#F0E442", "#CC79A7")
DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
)
LINE_WIDTH = 3


@dataclass(frozen=True)
class LayerStyle:
    """How one analyst's layer is drawn: its colour, dash pattern and letter."""

    name: str
    letter: str
    color: str
    dash: Qt.PenStyle

    def pen(self, width: float = LINE_WIDTH) -> QPen:
        pen = QPen(QColor(self.color), width)
        pen.setStyle(self.dash)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def letter_ink(self) -> str:
        """Black or white, whichever reads better on the layer's colour."""
        return "#000000" if QColor(self.color).lightnessF() > 0.5 else "#ffffff"


def layer_styles(names: Sequence[str], *, dark: bool = False) -> dict[str, LayerStyle]:
    """A distinct style per layer, in the order given (the same names, the same
    styles). Layer n takes hue n mod 4 and a dash pattern that differs from the
    other layers of its hue; its letter is the first letter of its name not yet
    taken (else the first free one from A)."""
    hues = DARK_HUES if dark else LIGHT_HUES
    taken: set[str] = set()
    styles = {}
    for n, name in enumerate(names):
        letter = _letter(name, taken)
        taken.add(letter)
        hue = n % len(hues)
        dash = DASHES[(n // len(hues) + hue) % len(DASHES)]
        styles[name] = LayerStyle(name, letter, hues[hue], dash)
    return styles


def _letter(name: str, taken: set[str]) -> str:
    for char in [*name.upper(), *"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"]:
        if char.isalnum() and char not in taken:
            return char
    return "?"


def paint_badge(painter: QPainter, rect: QRect, style: LayerStyle) -> None:
    """The layer's letter in a rounded square of its colour."""
    painter.setPen(QPen(QColor(style.letter_ink()), 1))
    painter.setBrush(QColor(style.color))
    painter.drawRoundedRect(rect, 3, 3)
    font = QFont(painter.font())
    font.setPixelSize(max(8, rect.height() - 3))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, style.letter)


class LayerMenu(QMenu):
    """View › Show the layer of: one checkable entry per other analyst (read when the
    menu opens), to show some layers besides mine rather than all."""

    chosen = Signal(tuple)  # the names checked

    def __init__(self, names: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__("Show the layer &of", parent)
        self._names = names
        self.checked: tuple[str, ...] = ()
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        """One entry per other analyst's layer; none: a disabled note."""
        self.clear()
        names = self._names()
        if not names:
            self.addAction("(no other analyst's layer)").setEnabled(False)
        for name in names:
            action = self.addAction(name.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(name in self.checked)
            action.toggled.connect(lambda on, n=name: self.choose(n, on))

    def choose(self, name: str, on: bool) -> None:
        """Show (or stop showing) one analyst's layer."""
        kept = [n for n in self.checked if n != name]
        self.checked = tuple([*kept, name] if on else kept)
        self.chosen.emit(self.checked)


class LayerSample(QWidget):
    """One legend entry's picture: the layer's badge and its line."""

    def __init__(self, style: LayerStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.style_ = style
        self.setFixedSize(46, 18)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_badge(painter, QRect(0, 2, 14, 14), self.style_)
        painter.setPen(self.style_.pen())
        painter.drawLine(18, 13, 46, 13)
        painter.end()


class LayerLegend(QWidget):
    """A row naming each layer shown besides mine, with its badge and line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerLegend")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(24, 2, 24, 6)
        self.row.setSpacing(6)
        self.styles: dict[str, LayerStyle] = {}
        self.hide()

    def show_layers(self, me: str, styles: dict[str, LayerStyle]) -> None:
        """Name these layers (none: the legend hides); ``me`` is drawn as usual."""
        self.styles = styles
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not styles:
            self.hide()
            return
        title = QLabel(f"Other analysts' layers shown with yours ({me}):")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setObjectName("layerLegendTitle")
        self.row.addWidget(title)
        for style in styles.values():
            self.row.addWidget(LayerSample(style))
            name = QLabel(style.name)
            name.setTextFormat(Qt.TextFormat.PlainText)
            self.row.addWidget(name)
            self.row.addSpacing(8)
        self.row.addStretch(1)
        self.show()

    def entries(self) -> list[tuple[str, str]]:
        """(letter, name) of each layer named, in order."""
        return [(s.letter, s.name) for s in self.styles.values()]

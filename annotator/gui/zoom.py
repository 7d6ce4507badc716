"""Text size: Ctrl+= / Ctrl+- / Ctrl+0 (and Ctrl+wheel) scale the article text and
the panels with it, from the system's default size, remembered across starts; and
a cap on line length so text stays readable on wide screens."""

from __future__ import annotations

from .qt import (
    QAction,
    QApplication,
    QEvent,
    QKeySequence,
    QObject,
    QPlainTextEdit,
    QSettings,
    Qt,
    QWidget,
    Signal,
)

SETTING = "view/zoom_percent"
# The levels a step moves through, in percent of the system's default size.
LEVELS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)


class TextZoom(QObject):
    """Scales the fonts of the given widgets together and remembers the level.

    Each widget's size is its font's size when added (the system default unless
    set otherwise) times the level, so the default follows the system's font size.

    Parameters:
        settings: where the level is kept (``view/zoom_percent``).
        widgets: the widgets to scale; more with ``add``.
    """

    changed = Signal(int)  # the new level, in percent

    def __init__(self, settings: QSettings, widgets=(), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._base: dict[QWidget, float] = {}
        stored = settings.value(SETTING, 100, type=int)
        self._percent = min(LEVELS, key=lambda level: abs(level - stored))
        for widget in widgets:
            self.add(widget)

    @property
    def percent(self) -> int:
        return self._percent

    def add(self, widget: QWidget) -> None:
        """Scale ``widget`` and its children with the others."""
        # Under a style sheet Qt does not pass a font on to the children, so each
        # child is scaled from its own size (the panel's lists, tabs and headers).
        for each in (widget, *widget.findChildren(QWidget)):
            size = each.font().pointSizeF()
            if size <= 0:
                size = QApplication.font().pointSizeF()
            self._base[each] = size
            each.destroyed.connect(lambda *_args, w=each: self._base.pop(w, None))
            self._apply_to(each)
        target = getattr(widget, "viewport", None)
        (target() if callable(target) else widget).installEventFilter(self)

    def zoom_in(self) -> None:
        self.set_percent(next((lv for lv in LEVELS if lv > self._percent), LEVELS[-1]))

    def zoom_out(self) -> None:
        self.set_percent(next((lv for lv in reversed(LEVELS) if lv < self._percent), LEVELS[0]))

    def reset(self) -> None:
        self.set_percent(100)

    def set_percent(self, percent: int) -> None:
        """Go to the nearest level to ``percent`` and remember it."""
        percent = min(LEVELS, key=lambda level: abs(level - percent))
        self._settings.setValue(SETTING, percent)
        if percent == self._percent:
            return
        self._percent = percent
        for widget in list(self._base):
            self._apply_to(widget)
        self.changed.emit(percent)

    def actions(self, parent: QObject) -> list[QAction]:
        """Zoom in, Zoom out and Actual size, with their keys, for a View menu."""
        made = []
        for text, keys, slot in (
            ("Zoom &in", [QKeySequence("Ctrl+="), QKeySequence.StandardKey.ZoomIn], self.zoom_in),
            ("Zoom &out", [QKeySequence.StandardKey.ZoomOut], self.zoom_out),
            ("&Actual size", [QKeySequence("Ctrl+0")], self.reset),
        ):
            action = QAction(text, parent)
            unique: dict[str, QKeySequence] = {}
            for key in keys:
                for sequence in (
                    QKeySequence.keyBindings(key)
                    if isinstance(key, QKeySequence.StandardKey)
                    else [key]
                ):
                    unique.setdefault(sequence.toString(), sequence)
            action.setShortcuts(list(unique.values()))
            action.triggered.connect(slot)
            made.append(action)
        return made

    def eventFilter(self, watched, event) -> bool:
        # Ctrl+wheel goes through the controller, so every widget follows and the
        # level is remembered (a read-only QPlainTextEdit would zoom only itself).
        if (
            event.type() == QEvent.Type.Wheel
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            steps = event.angleDelta().y()
            if steps > 0:
                self.zoom_in()
            elif steps < 0:
                self.zoom_out()
            return True
        return False

    def _apply_to(self, widget: QWidget) -> None:
        font = widget.font()
        font.setPointSizeF(self._base[widget] * self._percent / 100)
        widget.setFont(font)


class LineLengthCap(QObject):
    """Keeps a QPlainTextEdit's lines at most ``characters`` wide by widening its
    side margins on wide windows, following resizes and font (zoom) changes."""

    def __init__(self, edit: QPlainTextEdit, characters: int = 80, minimum_margin: int = 12):
        super().__init__(edit)
        self._edit = edit
        self.characters = characters
        self.minimum_margin = minimum_margin
        edit.installEventFilter(self)
        self.update_margins()

    def text_width(self) -> int:
        """The widest line allowed, in pixels, for the edit's current font."""
        return self._edit.fontMetrics().averageCharWidth() * self.characters

    def update_margins(self) -> None:
        edit = self._edit
        spare = edit.width() - edit.verticalScrollBar().sizeHint().width() - self.text_width()
        side = max(self.minimum_margin, spare // 2)
        edit.setViewportMargins(side, 0, side, 0)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.update_margins()
        return False


def cap_line_length(edit: QPlainTextEdit, characters: int = 80) -> LineLengthCap:
    """Cap ``edit``'s line length at about ``characters`` characters (see LineLengthCap)."""
    return LineLengthCap(edit, characters)

"""Light and dark themes: the window's palette and stylesheet, and the highlight
colours of the labels, following the system colour scheme unless overridden.

The label colours were chosen so that (checked by tests/test_gui_theme.py):
text over every highlight has a WCAG contrast of at least 4.5 on both themes; the
four labels stay apart (CIEDE2000 >= 10) for normal vision and under deuteranopia,
protanopia and tritanopia (Machado et al. 2009); and the text selection, a speaker
highlight and the selected speaker differ in lightness as well as hue. Colour is
never the only cue: each label also has an underline style and a letter badge
(``label_marks``, ``labels.badge_for``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..resources import resource_path
from .qt import (
    QAction,
    QActionGroup,
    QColor,
    QGuiApplication,
    QObject,
    QPalette,
    QSettings,
    Qt,
    QTextCharFormat,
    Signal,
)

SETTING = "view/theme"
MODES = ("system", "light", "dark")


@dataclass(frozen=True)
class Highlight:
    """A highlight's background and the text colour over it."""

    background: str
    ink: str


@dataclass(frozen=True)
class Theme:
    """Everything a theme colours, as ``#rrggbb`` strings.

    ``ui`` fills the ``@name`` tokens of ``resources/style.qss``; ``labels`` holds
    each label's highlight, ``current`` its look when it is the selected span.
    """

    name: str
    ui: dict[str, str]
    labels: dict[str, Highlight]
    current: dict[str, Highlight]
    selection: Highlight
    search_hit: Highlight
    dark: bool = field(default=False)
    # The colour of a status or stance word in a list ("done", "accepted", "against"):
    # contrast >= 4.5 on the list's rows, alternate rows and selected row.
    words: dict[str, str] = field(default_factory=dict)

    @property
    def ink(self) -> str:
        return self.ui["ink"]

    @property
    def page(self) -> str:
        return self.ui["text_base"]

    def highlight(self, label: str, fallback: QColor | None = None) -> Highlight:
        """The highlight of ``label``; a label outside the default schema gets its
        ``fallback`` colour moved in lightness until the theme's text reads on it."""
        known = self.labels.get(label)
        if known is not None:
            return known
        return Highlight(readable_background(fallback or QColor("#c2c2c2"), self.ink), self.ink)

    def current_span(self, label: str, fallback: QColor | None = None) -> Highlight:
        """The selected span's look: the label's hue, far lighter or darker than its
        highlight, with a text colour that reads on it."""
        known = self.current.get(label)
        if known is not None:
            return known
        base = QColor(self.highlight(label, fallback).background)
        ink = "#1d1d1f" if self.dark else "#ffffff"
        return Highlight(readable_background(base, ink), ink)

    def suggestion_underline(self, label: str, fallback: QColor | None = None) -> str:
        """The dashed underline of a suggestion: the label's strong colour, which
        stands out from the page (contrast >= 3, as for any UI mark)."""
        return self.current_span(label, fallback).background


LIGHT = Theme(
    name="light",
    ui={
        "page": "#fbfaf7",
        "text_base": "#fffefb",
        "ink": "#1d1d1f",
        "muted": "#6b6b70",
        "rule": "#e7e3da",
        "panel": "#f4f2ed",
        "base": "#ffffff",
        "alt_base": "#f8f7f3",
        "border": "#e2ded5",
        "item_selection": "#d7e4fa",
        "header": "#efece5",
        "header_ink": "#4a4a50",
        "input_border": "#d6d1c6",
        "accent": "#2f6fd6",
        "hover": "#e7e3da",
        "tab_ink": "#5a5a60",
        "popup_border": "#c9c3b6",
        "review_band": "#eef3fb",
        "review_rule": "#c9d6ee",
        "selection": "#d9ccff",
        "selection_ink": "#1d1d1f",
    },
    labels={
        "speaker": Highlight("#6bacfa", "#1d1d1f"),
        "claim": Highlight("#e8c9af", "#1d1d1f"),
        "cue": Highlight("#7fae5c", "#1d1d1f"),
        "target": Highlight("#de7e99", "#1d1d1f"),
    },
    current={
        "speaker": Highlight("#00637a", "#ffffff"),
        "claim": Highlight("#7d4e1d", "#ffffff"),
        "cue": Highlight("#366416", "#ffffff"),
        "target": Highlight("#933a57", "#ffffff"),
    },
    selection=Highlight("#d9ccff", "#1d1d1f"),
    search_hit=Highlight("#fff176", "#1d1d1f"),
    words={
        "todo": "#5c5c61",
        "in_progress": "#855500",
        "done": "#24683a",
        "reviewed": "#2a5fa8",
        "accepted": "#24683a",
        "suggested": "#855500",
        "rejected": "#a8362c",
        "favor": "#24683a",
        "against": "#a8362c",
        "neutral": "#5c5c61",
        "mixed": "#855500",
    },
)

DARK = Theme(
    name="dark",
    ui={
        "page": "#1f2023",
        "text_base": "#1b1c1f",
        "ink": "#e4e2dd",
        "muted": "#a09fa6",
        "rule": "#34353a",
        "panel": "#26272b",
        "base": "#1b1c1f",
        "alt_base": "#222327",
        "border": "#3a3b40",
        "item_selection": "#2c3e5c",
        "header": "#2b2c30",
        "header_ink": "#c8c6c0",
        "input_border": "#4a4b52",
        "accent": "#6f9ff0",
        "hover": "#34353a",
        "tab_ink": "#a8a7ad",
        "popup_border": "#4a4b52",
        "review_band": "#22304a",
        "review_rule": "#34466a",
        "selection": "#e6d0ff",
        "selection_ink": "#1d1d1f",
    },
    labels={
        "speaker": Highlight("#0b6380", "#e4e2dd"),
        "claim": Highlight("#7a5701", "#e4e2dd"),
        "cue": Highlight("#334f31", "#e4e2dd"),
        "target": Highlight("#7c0d56", "#e4e2dd"),
    },
    current={
        "speaker": Highlight("#71a5e8", "#1d1d1f"),
        "claim": Highlight("#c99e4e", "#1d1d1f"),
        "cue": Highlight("#7eb27a", "#1d1d1f"),
        "target": Highlight("#ef80be", "#1d1d1f"),
    },
    selection=Highlight("#e6d0ff", "#1d1d1f"),
    search_hit=Highlight("#6b5800", "#e4e2dd"),
    dark=True,
    words={
        "todo": "#b4b4b9",
        "in_progress": "#e8b04a",
        "done": "#74c886",
        "reviewed": "#8cb2ee",
        "accepted": "#74c886",
        "suggested": "#e8b04a",
        "rejected": "#f4958c",
        "favor": "#74c886",
        "against": "#f4958c",
        "neutral": "#b4b4b9",
        "mixed": "#e8b04a",
    },
)

THEMES = {"light": LIGHT, "dark": DARK}


# -- contrast -----------------------------------------------------------------


def relative_luminance(color: QColor | str) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    color = QColor(color)

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast_ratio(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def readable_background(color: QColor, ink: QColor | str, minimum: float = 4.5) -> str:
    """``color`` made lighter (dark ink) or darker (light ink), keeping its hue, until
    ``ink`` over it has at least ``minimum`` contrast."""
    color = QColor(color)
    lighten = relative_luminance(ink) < 0.18
    hue, saturation, lightness, _ = color.getHslF()
    hue = max(hue, 0.0)
    while contrast_ratio(color, ink) < minimum and 0.0 < lightness < 1.0:
        lightness = min(1.0, lightness + 0.02) if lighten else max(0.0, lightness - 0.02)
        color = QColor.fromHslF(hue, saturation, lightness)
    return color.name()


# -- labels: marks besides colour ---------------------------------------------

_Underline = QTextCharFormat.UnderlineStyle

# Claims are long passages and keep a plain tint; the short labels inside them get
# an underline of their own, so a speaker in a claim still reads as a speaker.
LABEL_UNDERLINES = {
    "speaker": _Underline.SingleUnderline,
    "cue": _Underline.DotLine,
    "target": _Underline.WaveUnderline,
    "claim": _Underline.NoUnderline,
}
# Which label's underline shows where several overlap.
_UNDERLINE_ORDER = ("speaker", "cue", "target")


def label_underline(labels: tuple[str, ...] | list[str]):
    """The underline style for a stretch covered by ``labels`` (QTextCharFormat's
    UnderlineStyle): the one of the first of speaker, cue, target among them."""
    for name in _UNDERLINE_ORDER:
        if name in labels:
            return LABEL_UNDERLINES[name]
    return _Underline.NoUnderline


# -- the system scheme, the override and applying a theme ---------------------


def system_is_dark() -> bool:
    """Whether the system asks for a dark colour scheme (Qt 6.5+); False when unknown."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def stylesheet(theme: Theme) -> str:
    """``resources/style.qss`` with its ``@name`` tokens filled from the theme, and
    ``@icons/`` made the folder of the icon files."""
    template = resource_path("style.qss").read_text(encoding="utf-8")
    template = template.replace("@icons/", resource_path("icons").as_posix() + "/")
    return re.sub(r"@([a-z_]+)", lambda m: theme.ui[m.group(1)], template)


def palette(theme: Theme) -> QPalette:
    """A QPalette of the theme, for the widgets the stylesheet does not reach."""
    ui = theme.ui
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: ui["page"],
        QPalette.ColorRole.WindowText: ui["ink"],
        QPalette.ColorRole.Base: ui["base"],
        QPalette.ColorRole.AlternateBase: ui["alt_base"],
        QPalette.ColorRole.Text: ui["ink"],
        QPalette.ColorRole.Button: ui["panel"],
        QPalette.ColorRole.ButtonText: ui["ink"],
        QPalette.ColorRole.ToolTipBase: ui["base"],
        QPalette.ColorRole.ToolTipText: ui["ink"],
        QPalette.ColorRole.PlaceholderText: ui["muted"],
        QPalette.ColorRole.Highlight: ui["selection"],
        QPalette.ColorRole.HighlightedText: ui["selection_ink"],
        QPalette.ColorRole.Link: ui["accent"],
        QPalette.ColorRole.Mid: ui["border"],
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    muted = QColor(ui["muted"])
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return pal


# The outline of an unchecked check box or radio button. Fusion draws it as the
# palette's window colour made 40% darker; the page colour gives an outline too
# faint on a light page and invisible on a dark one.
INDICATOR_OUTLINE = "#7a7a80"  # contrast >= 3 on both themes' rows and pages
INDICATOR_CLASSES = ("QCheckBox", "QRadioButton")


def indicator_palette(theme: Theme) -> QPalette:
    """The palette for check boxes and radio buttons: the theme's, with a window
    colour from which Fusion's outline comes out as ``INDICATOR_OUTLINE``."""
    pal = palette(theme)
    pal.setColor(QPalette.ColorRole.Window, QColor(INDICATOR_OUTLINE).lighter(140))
    return pal


class ThemeController(QObject):
    """Keeps the application in the theme the analyst chose: ``system`` (follows the
    system's colour scheme as it changes), ``light`` or ``dark``, stored in QSettings.

    ``changed`` is emitted with the new Theme whenever the one in force changes, so
    highlighters can repaint (``SpanHighlighter.set_theme``).
    """

    changed = Signal(object)

    def __init__(self, app, settings: QSettings) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        mode = str(settings.value(SETTING, "system"))
        self._mode = mode if mode in MODES else "system"
        self._theme: Theme | None = None
        self._system_dark = system_is_dark()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_changed)

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def theme(self) -> Theme:
        """The theme in force for the current mode and system scheme."""
        if self._mode == "system":
            return DARK if self._system_dark else LIGHT
        return THEMES[self._mode]

    def set_mode(self, mode: str) -> None:
        """Switch to ``system``, ``light`` or ``dark`` and remember it.

        Raises:
            ValueError: for any other mode.
        """
        if mode not in MODES:
            raise ValueError(f"unknown theme {mode!r}; use one of {', '.join(MODES)}")
        self._mode = mode
        self._settings.setValue(SETTING, mode)
        self.apply()

    def apply(self) -> Theme:
        """Give the application the palette and stylesheet of the theme in force."""
        theme = self.theme
        self._app.setPalette(palette(theme))
        for name in INDICATOR_CLASSES:
            self._app.setPalette(indicator_palette(theme), name)
        self._app.setStyleSheet(stylesheet(theme))
        if theme is not self._theme:
            self._theme = theme
            self.changed.emit(theme)
        return theme

    def menu_actions(self, parent):
        """Three checkable actions (Follow system, Light, Dark) in one exclusive
        group, for a View › Theme menu."""
        group = QActionGroup(parent)
        group.setExclusive(True)
        for mode, text in (("system", "Follow &system"), ("light", "&Light"), ("dark", "&Dark")):
            action = QAction(text, parent, checkable=True)
            action.setChecked(mode == self._mode)
            action.triggered.connect(lambda _=False, m=mode: self.set_mode(m))
            group.addAction(action)
        return group

    def _system_changed(self, scheme) -> None:
        self._system_dark = scheme == Qt.ColorScheme.Dark
        if self._mode == "system":
            self.apply()

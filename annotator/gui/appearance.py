"""The window's look over a long day: the theme (View › Theme), the text size (View ›
Zoom), the line-length cap, fallback fonts for emoji and other scripts, the label
badges on the toolbar, and accessible names for what a screen reader announces."""

from __future__ import annotations

from typing import Any

from .accessibility import name_toolbar_buttons
from .actions import A
from .fonts import apply_fallbacks
from .icons import svg_icon
from .labels import badge_icon
from .qt import QAbstractItemView, QApplication, QColor, QMenu, QObject, QSize, Qt
from .theme import Theme, ThemeController
from .views import common as view_colors
from .views import network_style
from .zoom import TextZoom, cap_line_length

# What a screen reader says for the window's main controls (object name → name).
ACCESSIBLE_NAMES = {
    "corpusFilter": "Filter the corpus list",
    "corpusStatus": "Show articles with status",
    "corpusTable": "Articles",
    "articleText": "Article text",
    "centreTabs": "Article and corpus views",
}
PANEL_BADGE = 16  # the panel's letter badges at 100%, in pixels
PANEL_NAMES = {
    "highlights": "Highlights in this article",
    "claims": "Claims in this article",
    "speakers": "Speakers in this article",
    "positions": "Positions in this article",
}


class Appearance(QObject):
    """Wires theme, zoom, fonts and accessible names into ``window`` (a MainWindow).

    The theme controller is the application's (made by ``app.application``); a window
    built without one (as in tests) gets its own, applied only when a theme is chosen.
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        controller = app.findChild(ThemeController)
        self._applied = controller is not None
        if controller is None:
            controller = ThemeController(app, window.settings)
            controller.setParent(self)  # dies with the window, not the application
        self.themes = controller
        controller.changed.connect(self.use_theme)
        self.zoom = TextZoom(window.settings, [window.text, window.panel], parent=self)
        self.zoom.changed.connect(self._panel_badges)
        self.line_cap = cap_line_length(window.text)
        apply_fallbacks(window.text)
        self.theme_menu = QMenu("&Theme", window)
        self._theme_group = controller.menu_actions(self.theme_menu)
        self.theme_menu.addActions(self._theme_group.actions())
        self.zoom_actions = self.zoom.actions(window)

    def finish(self) -> None:
        """After the window's widgets and toolbar exist: names, badges, the theme."""
        window = self.window
        window.corpus.filter.setObjectName("corpusFilter")
        window.corpus.status.setObjectName("corpusStatus")
        window.corpus.table.setObjectName("corpusTable")
        for name, text in ACCESSIBLE_NAMES.items():
            for widget in window.findChildren(QObject, name):
                widget.setAccessibleName(text)
        for attribute, text in PANEL_NAMES.items():
            getattr(window.panel, attribute).setAccessibleName(text)
        name_toolbar_buttons(window)
        # Badges and SVG icons are drawn at this size on every screen scale, so the
        # toolbar looks the same at 100%, 150% and 200% (the style's 24 made them
        # larger than the text beside them once scaled).
        window.toolbar.setIconSize(QSize(18, 18))
        # Tab moves between the panes: it does not move between cells or type a tab.
        for view in window.findChildren(QAbstractItemView):
            view.setTabKeyNavigation(False)
        window.text.setTabChangesFocus(True)
        # The one toolbar button without a menu entry of its own is reached by Tab.
        done = window.toolbar.widgetForAction(window.action_by_id[A.DONE_BUTTON])
        done.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panel_badges(self.zoom.percent)
        if self._applied:
            self.use_theme(self.themes.theme)
        else:
            self._badges(None)
            self._icons(self.themes.theme)

    def _panel_badges(self, percent: int) -> None:
        # The letter badges beside the panel's labels grow with its text.
        side = round(PANEL_BADGE * percent / 100)
        self.window.panel.highlights.setIconSize(QSize(side, side))

    @property
    def theme(self) -> Theme:
        return self.themes.theme

    def use_theme(self, theme: Theme) -> None:
        """Repaint what the stylesheet does not reach in ``theme``'s colours."""
        window = self.window
        window.text.set_theme(theme)
        self.line_cap.update_margins()  # the new stylesheet may have reset them
        view_colors.use_theme(theme)
        network_style.use_theme(theme)
        window.corpus.model.use_theme(theme)
        self._badges(theme)
        self._icons(theme)
        window.views.update()
        for child in window.views.findChildren(QObject):
            if hasattr(child, "viewport"):
                child.viewport().update()
            elif hasattr(child, "update"):
                child.update()

    def _icons(self, theme: Theme) -> None:
        # SVG icons, drawn at the screen's scale (crisp at 150% and 200%).
        ids = {"position": A.POSITION, "undo": A.UNDO, "redo": A.REDO, "done": A.DONE_BUTTON}
        for name, aid in ids.items():
            self.window.action_by_id[aid].setIcon(svg_icon(name, theme))

    def _badges(self, theme: Theme | None) -> None:
        # Colour is never the only cue: each tag button shows its label's letter.
        badges = {}
        for label, action in zip(self.window.labels, self.window.label_actions, strict=True):
            if theme is None:
                background, ink = QColor(label.color), QColor("#1d1d1f")
            else:
                look = theme.highlight(label.name, label.color)
                background, ink = QColor(look.background), QColor(look.ink)
            badges[label.name] = badge_icon(label.name, background, ink)
            action.setIcon(badges[label.name])
        self.window.panel.set_badges(badges)

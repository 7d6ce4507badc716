"""A long day at the window: zoom kept across starts, the corpus views over the whole
window and back with one key, remembered sizes, Tab through the panes, names for
screen readers, the title and the place in the list, and the theme switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.store import Store
from annotator.gui.accessibility import audit, spoken_name
from annotator.gui.actions import A
from annotator.gui.app import application, build_window
from annotator.gui.main_window import first_start_size
from annotator.gui.qt import QApplication, QSettings, QSize, Qt
from annotator.gui.theme import DARK, ThemeController

TEXT = "The minister said the plan would work. Critics said it would not."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "day.db"
    with Store(path, annotator="ana") as store:
        for i in range(5):
            store.add_article(f"Article {i}. {TEXT}", title=f"Article {i}")
    return path


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def open_window(qtbot, db: Path, settings_path: Path):
    windows = []

    def make(size: tuple[int, int] | None = (1400, 860)):
        application()
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = build_window(db, annotator="ana", seed=False, settings=settings)
        qtbot.addWidget(window)
        if size:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.store.close()


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def test_zoom_keys_scale_the_text_and_panel_and_the_size_is_kept(qtbot, open_window):
    window = open_window()
    text_size = window.text.font().pointSizeF()
    panel_size = window.panel.font().pointSizeF()
    window.text.setFocus()
    _press(qtbot, window.text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, window.text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    zoomed = window.text.font().pointSizeF()
    assert zoomed > text_size * 1.15
    assert window.panel.font().pointSizeF() > panel_size * 1.15
    # What is read in the panel grows too, under the application's style sheet,
    # and the letter badges with it.
    assert window.panel.highlights.font().pointSizeF() > panel_size * 1.15
    assert window.panel.highlights.iconSize().height() >= 16 * 1.2
    window.close()

    again = open_window()
    assert again.text.font().pointSizeF() == pytest.approx(zoomed)
    again.text.setFocus()
    _press(qtbot, again.text, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.text.font().pointSizeF() == pytest.approx(text_size)


def test_corpus_views_take_the_whole_window_and_ctrl_1_brings_the_article_back(qtbot, open_window):
    window = open_window()
    window.text.setFocus()
    _press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.corpus.isVisible())
    assert not window.panel.isVisible()
    assert window.views.isVisible()
    qtbot.waitUntil(lambda: window.views.width() > window.width() * 0.9)

    _press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.corpus.isVisible)
    assert window.panel.isVisible() and window.text.isVisible()
    assert window.centre_tabs.currentIndex() == 0  # the article, not the views


def _drag_side_panes(window, left: int, right: int) -> None:
    """Drag the splitter's handles as the analyst would: the corpus list to ``left``
    pixels, the panel to ``right``."""
    splitter = window.splitter
    splitter.moveSplitter(left, 1)
    splitter.moveSplitter(splitter.width() - right - splitter.handleWidth(), 2)


def test_splitter_and_column_widths_are_remembered(qtbot, open_window):
    window = open_window()
    _drag_side_panes(window, 300, 330)
    sizes = window.splitter.sizes()
    window.corpus.table.horizontalHeader().resizeSection(1, 150)
    window.close()

    again = open_window()
    qtbot.waitUntil(lambda: again.splitter.sizes() == sizes)
    assert again.corpus.table.horizontalHeader().sectionSize(1) == 150


def test_zooming_back_gives_the_panes_their_widths_again(qtbot, open_window):
    window = open_window()
    _drag_side_panes(window, 300, 330)
    sizes = window.splitter.sizes()
    window.appearance.zoom.set_percent(250)
    # The panel's four tabs need more room at this size: the article gives it.
    qtbot.waitUntil(lambda: window.splitter.sizes()[2] > 330)
    window.appearance.zoom.reset()
    qtbot.waitUntil(lambda: window.splitter.sizes() == sizes)

    # Zoomed in the corpus views over the whole window, and back to the article.
    window.layout_switch.views_full()
    window.appearance.zoom.set_percent(250)
    window.appearance.zoom.reset()
    window.layout_switch.annotate()
    qtbot.waitUntil(lambda: window.splitter.sizes() == sizes)

    # Closed while zoomed: the next start keeps the chosen widths, not the squeezed ones.
    window.appearance.zoom.set_percent(250)
    qtbot.waitUntil(lambda: window.splitter.sizes()[2] > 330)
    window.close()
    again = open_window()
    again.appearance.zoom.reset()
    qtbot.waitUntil(lambda: again.splitter.sizes() == sizes)


def test_the_window_fits_a_laptop_screen_whatever_view_is_open(qtbot, open_window):
    window = open_window()
    for view in ("speakers", "claims", "positions", "timeline", "search", "network"):
        window.show_view(view)
        # A view wider than its pane scrolls there; the window never outgrows the screen.
        assert window.minimumSizeHint().width() <= 1280, view


def test_tab_goes_through_the_three_panes_and_reaches_done_and_next(qtbot, open_window):
    window = open_window()
    window.corpus.filter.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.corpus.filter)
    visited = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        visited.append(focused)
        _press(qtbot, focused, Qt.Key.Key_Tab)
    done = window.toolbar.widgetForAction(window.action_by_id[A.DONE_BUTTON])
    for widget in (window.corpus.table, window.text, window.panel.highlights, done):
        assert widget in visited, spoken_name(widget)
    # In reading order: the list, then the article, then its annotations.
    assert visited.index(window.corpus.table) < visited.index(window.text)
    assert visited.index(window.text) < visited.index(window.panel.highlights)


def test_every_control_has_a_name_and_is_reachable(qtbot, open_window):
    window = open_window()
    assert [str(p) for p in audit(window)] == []
    assert spoken_name(window.corpus.filter) == "Filter the corpus list"
    assert spoken_name(window.text) == "Article text"
    assert spoken_name(window.corpus.table) == "Articles"
    buttons = [window.toolbar.widgetForAction(a) for a in window.label_actions]
    assert [spoken_name(b) for b in buttons] == ["1  speaker", "2  claim", "3  cue", "4  target"]


def test_title_names_database_and_annotator_and_status_shows_the_place(qtbot, open_window):
    window = open_window()
    assert window.windowTitle() == "day.db — ana — Annotator"
    qtbot.waitUntil(lambda: window.status_position.text() == "1 of 5 articles")
    window.text.setFocus()
    _press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.status_position.text() == "2 of 5 articles")
    window.corpus.status.setCurrentIndex(window.corpus.status.findData("todo"))
    qtbot.waitUntil(lambda: window.status_position.text() == "2 of 5 to do")


@pytest.fixture
def dark_then_back(qapp):
    yield
    # The application's theme outlives the window: give the next tests their light one.
    for controller in qapp.findChildren(ThemeController):
        controller.set_mode("system")


def test_view_theme_dark_recolours_highlights_and_views(qtbot, open_window, dark_then_back):
    window = open_window()
    menu = window.appearance.theme_menu
    dark = next(a for a in menu.actions() if a.text() == "&Dark")
    dark.trigger()
    assert window.text.theme is DARK
    assert window.corpus.model.status_colors["todo"] != "#9e9e9e"
    from annotator.gui.views import common

    assert common.PAGE_FILL.name() == DARK.ui["base"]


def test_toolbar_icons_are_drawn_sharp_at_double_scale(qtbot, open_window):
    window = open_window()
    for action in (window.action_by_id[aid] for aid in (A.POSITION, A.UNDO, A.REDO)):
        pixmap = action.icon().pixmap(QSize(24, 24), 2.0)
        assert pixmap.deviceIndependentSize().toSize() == QSize(24, 24)
        # Drawn at 48 device pixels, not a 24-pixel image scaled up: a thin stroke
        # leaves pixels that are fully opaque next to fully clear ones.
        image = pixmap.toImage()
        assert image.width() == 48
        alphas = {image.pixelColor(x, y).alpha() for x in range(48) for y in range(48)}
        assert 0 in alphas and 255 in alphas
    # The label badges too, and at the size the toolbar shows them on any scale.
    size = window.toolbar.iconSize()
    for action in window.label_actions:
        for scale in (1.5, 2.0):
            image = action.icon().pixmap(size, scale).toImage()
            assert image.width() == round(size.width() * scale)


def test_corpus_views_are_dark_in_the_dark_theme(qtbot, open_window, dark_then_back):
    window = open_window()
    window.appearance.themes.set_mode("dark")
    window.layout_switch.views_full()
    window.show_view("positions")
    scroll = window.views.positions.scroll
    qtbot.waitUntil(scroll.isVisible)
    image = scroll.grab().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.lightnessF() < 0.3, middle.name()  # no white page left behind


def test_positions_grid_labels_and_legend_are_dark_in_the_dark_theme(
    qtbot, open_window, db, dark_then_back
):
    with Store(db, annotator="ana") as store:
        aid = store.article_rows(limit=1)[0]["id"]
        minister = store.add_speaker("The minister")
        store.add_position(aid, speaker_id=minister["id"], target="the plan", stance="favor")
    window = open_window()
    window.appearance.themes.set_mode("dark")
    window.layout_switch.views_full()
    window.show_view("positions")
    grid = window.views.positions.scroll.widget()
    qtbot.waitUntil(grid.isVisible)
    image = grid.grab().toImage()
    # The corner with the legend and the band behind the speakers' names.
    for x, y in ((4, 4), (4, image.height() - 4)):
        pixel = image.pixelColor(x, y)
        assert pixel.lightnessF() < 0.3, (x, y, pixel.name())


def test_the_network_is_drawn_on_a_dark_page_in_the_dark_theme(
    qtbot, open_window, db, dark_then_back
):
    with Store(db, annotator="ana") as store:
        aid = store.article_rows(limit=1)[0]["id"]
        minister = store.add_speaker("The minister")
        store.add_position(aid, speaker_id=minister["id"], target="the plan", stance="favor")
    window = open_window()
    window.appearance.themes.set_mode("dark")
    window.layout_switch.views_full()
    window.show_view("network")
    tab = window.views.network
    qtbot.waitUntil(lambda: tab.ready, timeout=20000)
    image = tab.drawing.canvas.grab().toImage()
    # The page's corner and the legend's box in the bottom-left corner.
    for x, y in ((4, 4), (30, image.height() - 12)):
        pixel = image.pixelColor(x, y)
        assert pixel.lightnessF() < 0.3, (x, y, pixel.name())


def test_every_corpus_view_has_its_view_menu_entry_and_key(qtbot, open_window):
    window = open_window()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    entries = [a.text() for a in view_menu.actions()]
    names = [tab.view for tab in window.views.all_tabs()]
    assert "network" in names
    for name in names:
        assert f"{name.capitalize()} view" in entries, (name, entries)
    window.text.setFocus()
    _press(qtbot, window.text, Qt.Key.Key_5, CTRL_SHIFT)
    assert window.views.current_view() == "network"


def test_the_first_start_window_fits_its_screen():
    # A 1920 x 1080 laptop screen at 150%, 200% on 2560 x 1440, and a large screen.
    for room in (QSize(1280, 690), QSize(1280, 720), QSize(2560, 1400)):
        size = first_start_size(room)
        assert size.width() <= room.width() and size.height() <= room.height()
    assert first_start_size(QSize(2560, 1400)) == QSize(1480, 900)


def test_on_a_laptop_screen_the_article_keeps_most_of_the_window(qtbot, open_window):
    window = open_window(size=(1280, 700))  # a 1920 x 1080 screen at 150%
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] >= 0.4 * window.splitter.width())

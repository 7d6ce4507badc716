"""Light and dark themes: readable highlights, labels that colour-blind analysts can
tell apart, a remembered override, and following the system's colour scheme.

Contrast, lightness and colour-blindness simulation are computed with ColorAide,
an implementation independent of the theme's own contrast function.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from coloraide import Color

from annotator.gui.highlighter import SpanHighlighter
from annotator.gui.labels import BADGES, badge_for, badge_pixmap, blend, default_labels
from annotator.gui.qt import (
    QApplication,
    QColor,
    QGuiApplication,
    QPalette,
    QPlainTextEdit,
    QSettings,
    Qt,
    QTextCharFormat,
)
from annotator.gui.segments import Mark
from annotator.gui.theme import (
    DARK,
    LIGHT,
    ThemeController,
    contrast_ratio,
    label_underline,
    stylesheet,
)

THEMES = [LIGHT, DARK]
LABELS = ["speaker", "claim", "cue", "target"]
AA = 4.5


def lightness(color: str) -> float:
    return Color(color).convert("lab")["lightness"]


def hue(color: str) -> float:
    return Color(color).convert("lch")["hue"]


def hue_apart(a: str, b: str) -> float:
    d = abs(hue(a) - hue(b)) % 360
    return min(d, 360 - d)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_over_every_highlight_meets_wcag_aa(theme):
    looks = {f"label {n}": theme.labels[n] for n in LABELS}
    looks |= {f"selected {n}": theme.current[n] for n in LABELS}
    looks |= {"selection": theme.selection, "search hit": theme.search_hit}
    for what, look in looks.items():
        ratio = Color(look.background).contrast(look.ink)
        assert ratio >= AA, f"{theme.name} {what}: {ratio:.2f}"
        # The theme's own function (used for labels outside the schema) agrees.
        assert contrast_ratio(look.background, look.ink) == pytest.approx(ratio, abs=0.02)
    # The article text itself, and the page-level ink of the theme.
    assert Color(theme.page).contrast(theme.ink) >= 7


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_status_and_stance_words_read_on_every_row(theme):
    # "done", "accepted", "against"… in the corpus list and the corpus views: on a
    # row, an alternate row and the selected row.
    rows = {n: theme.ui[n] for n in ("base", "alt_base", "item_selection")}
    for word, color in theme.words.items():
        for row, background in rows.items():
            ratio = Color(color).contrast(background)
            assert ratio >= AA, f"{theme.name} {word} on {row}: {ratio:.2f}"
    # The words stay apart from each other where they mean different things.
    for a, b in (("todo", "in_progress"), ("in_progress", "done"), ("done", "reviewed")):
        assert Color(theme.words[a]).delta_e(theme.words[b], method="2000") >= 10


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_every_label_colour_of_the_window_reads_on_its_background(theme):
    ui = theme.ui
    pairs = {
        "muted text on a row": (ui["muted"], ui["base"]),
        "muted text on an alternate row": (ui["muted"], ui["alt_base"]),
        "muted text on the page": (ui["muted"], ui["text_base"]),
        "column headers": (ui["header_ink"], ui["header"]),
        "tabs": (ui["tab_ink"], ui["page"]),
        "status bar": (ui["header_ink"], ui["panel"]),
        "panel text": (ui["ink"], ui["panel"]),
        "selected row": (ui["ink"], ui["item_selection"]),
    }
    for what, (ink, background) in pairs.items():
        ratio = Color(ink).contrast(background)
        assert ratio >= AA, f"{theme.name} {what}: {ratio:.2f}"


def test_corpus_list_and_views_colour_their_words_from_the_theme(qapp):
    from annotator.core.store import Store
    from annotator.gui.corpus_list import CorpusModel
    from annotator.gui.session import Session
    from annotator.gui.views import common

    with Store(memory=True) as store:
        store.add_article("Text.", title="One")
        model = CorpusModel(Session(store))
        model.reload()
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            for c in range(model.columnCount())
        ]
        status = model.index(0, headers.index("Status"))
        try:
            for theme in (DARK, LIGHT):
                model.use_theme(theme)
                common.use_theme(theme)
                shown = model.data(status, Qt.ItemDataRole.ForegroundRole)
                assert shown.name() == theme.words["todo"]
                assert common.WORDS["against"].name() == theme.words["against"]
        finally:
            common.use_theme(LIGHT)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_overlapping_highlights_stay_readable(theme):
    for n in range(2, 5):
        for combo in itertools.combinations(LABELS, n):
            mixed = blend([QColor(theme.labels[label].background) for label in combo]).name()
            ratio = Color(mixed).contrast(theme.labels[combo[0]].ink)
            assert ratio >= AA, f"{theme.name} {combo}: {ratio:.2f}"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_labels_outside_the_schema_are_made_readable(theme):
    for fallback in ("#f0a38f", "#ffff00", "#000080", "#c2c2c2"):
        look = theme.highlight("quote", QColor(fallback))
        assert Color(look.background).contrast(look.ink) >= AA
        current = theme.current_span("quote", QColor(fallback))
        assert Color(current.background).contrast(current.ink) >= AA


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("vision", [None, "deutan", "protan", "tritan"])
@pytest.mark.parametrize("method", ["machado", "brettel"])
def test_labels_stay_apart_under_colour_blindness(theme, vision, method):
    colors = [Color(theme.labels[n].background) for n in LABELS]
    if vision is not None:
        colors = [c.filter(vision, method=method) for c in colors]
    for (a, ca), (b, cb) in itertools.combinations(zip(LABELS, colors, strict=True), 2):
        distance = ca.delta_e(cb, method="2000")
        assert distance >= 10, f"{theme.name} {vision} {a}/{b}: {distance:.1f}"
    # And every highlight stands out from the page.
    page = Color(theme.page)
    if vision is not None:
        page = page.filter(vision, method=method)
    assert min(c.delta_e(page, method="2000") for c in colors) >= 10


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_selection_speaker_and_selected_speaker_differ_in_lightness_and_hue(theme):
    three = {
        "selection": theme.selection.background,
        "speaker": theme.labels["speaker"].background,
        "selected speaker": theme.current["speaker"].background,
    }
    for (a, ca), (b, cb) in itertools.combinations(three.items(), 2):
        assert abs(lightness(ca) - lightness(cb)) >= 15, f"{theme.name} {a}/{b} lightness"
        assert hue_apart(ca, cb) >= 20, f"{theme.name} {a}/{b} hue"
        for vision in ("deutan", "protan", "tritan"):
            sa = Color(ca).filter(vision, method="machado")
            sb = Color(cb).filter(vision, method="machado")
            assert sa.delta_e(sb, method="2000") >= 10, f"{theme.name} {vision} {a}/{b}"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_suggestion_underline_stands_out_from_the_page(theme):
    for label in LABELS:
        assert Color(theme.suggestion_underline(label)).contrast(theme.page) >= 3


def test_colour_is_never_the_only_cue():
    letters = [badge_for(label.name) for label in default_labels()]
    assert len(set(letters)) == len(letters) == len(BADGES)
    assert badge_for("quote") == "Q"
    styles = {label: label_underline((label,)) for label in LABELS}
    assert len(set(styles.values())) == len(LABELS)
    # A speaker inside a claim keeps the speaker's underline.
    assert label_underline(("claim", "speaker")) == styles["speaker"]


def test_badge_is_crisp_at_high_dpi(qapp):
    pixmap = badge_pixmap("speaker", QColor("#6bacfa"), QColor("#1d1d1f"), size=18, ratio=2.0)
    assert (pixmap.width(), pixmap.height()) == (36, 36)
    assert pixmap.devicePixelRatio() == 2.0
    image = pixmap.toImage()
    # The label's colour fills it, the letter is drawn in the ink.
    assert image.pixelColor(6, 6).name() == "#6bacfa"
    inked = {image.pixelColor(x, y).name() for x in range(10, 26) for y in range(10, 26)}
    assert "#1d1d1f" in inked


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_stylesheet_is_filled_from_the_theme(theme):
    sheet = stylesheet(theme)
    assert "@" not in sheet
    assert theme.ink in sheet and theme.ui["selection"] in sheet
    # The images it names are there (the combo boxes' chevron).
    images = re.findall(r"url\(([^)]+)\)", sheet)
    assert images and all(Path(image).is_file() for image in images)


def _formats(edit):
    ranges = edit.document().begin().layout().formats()
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in ranges]


def test_highlighter_paints_the_theme_and_repaints_on_switch(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("Mayor Dana said the port will close.")
    highlighter = SpanHighlighter(edit.document(), default_labels(), LIGHT)
    highlighter.set_marks([Mark(0, 10, "speaker"), Mark(11, 15, "cue"), Mark(16, 36, "claim")])
    painted = {(s, n): f for s, n, f in _formats(edit)}
    speaker, cue, claim = painted[(0, 10)], painted[(11, 4)], painted[(16, 20)]
    assert speaker.background().color().name() == LIGHT.labels["speaker"].background
    assert speaker.foreground().color().name() == LIGHT.labels["speaker"].ink
    assert speaker.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert cue.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert claim.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline

    highlighter.set_theme(DARK)
    painted = {(s, n): f for s, n, f in _formats(edit)}
    assert painted[(0, 10)].background().color().name() == DARK.labels["speaker"].background
    assert painted[(0, 10)].foreground().color().name() == DARK.labels["speaker"].ink


def test_highlighter_marks_overlaps_and_suggestions(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("Mayor Dana said the port will close.")
    highlighter = SpanHighlighter(edit.document(), default_labels(), DARK)
    highlighter.set_marks([Mark(0, 36, "claim"), Mark(0, 10, "speaker"), Mark(16, 20, "cue", True)])
    painted = {(s, n): f for s, n, f in _formats(edit)}
    overlap = painted[(0, 10)]
    assert overlap.fontOverline()
    assert overlap.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    # A suggestion alone is dashed (the cue suggestion lies inside the claim here,
    # so the claim's own tint wins; a suggestion on bare text is dashed).
    highlighter.set_marks([Mark(16, 20, "cue", True)])
    (start, length, fmt), *_ = _formats(edit)
    assert (start, length) == (16, 4)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert fmt.underlineColor().name() == DARK.suggestion_underline("cue")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _drop_controllers(app, qtbot) -> None:
    # The window's own controller (made by application() in other tests) would
    # answer the system's signal too.
    for controller in app.findChildren(ThemeController):
        controller.deleteLater()
    qtbot.waitUntil(lambda: not app.findChildren(ThemeController))


@pytest.fixture
def restore_app(qapp, qtbot):
    _drop_controllers(qapp, qtbot)
    yield qapp
    _drop_controllers(qapp, qtbot)
    qapp.setStyleSheet("")
    qapp.setPalette(QPalette())
    for name in ("QCheckBox", "QRadioButton"):
        qapp.setPalette(QPalette(), name)


def test_override_is_remembered_and_applied(restore_app, settings):
    app = restore_app
    controller = ThemeController(app, settings)
    assert controller.mode == "system"
    seen = []
    controller.changed.connect(seen.append)
    controller.set_mode("dark")
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.ui["page"]
    assert DARK.ui["text_base"] in app.styleSheet()
    assert seen == [DARK]

    again = ThemeController(QApplication.instance(), settings)
    assert again.mode == "dark" and again.theme is DARK
    with pytest.raises(ValueError, match="unknown theme"):
        again.set_mode("sepia")
    assert again.mode == "dark"


def test_menu_actions_switch_the_theme(restore_app, settings):
    controller = ThemeController(restore_app, settings)
    group = controller.menu_actions(None)
    texts = [a.text().replace("&", "") for a in group.actions()]
    assert texts == ["Follow system", "Light", "Dark"]
    assert group.actions()[0].isChecked()
    group.actions()[1].trigger()
    assert controller.mode == "light"
    assert settings.value("view/theme") == "light"


def test_system_mode_follows_the_system_scheme(restore_app, settings):
    hints = QGuiApplication.styleHints()
    if not hasattr(hints, "colorSchemeChanged"):
        pytest.skip("Qt before 6.5 does not tell the colour scheme")
    app = restore_app
    controller = ThemeController(app, settings)
    controller.apply()
    # What the platform sends when the system switches (the offscreen one never does).
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert controller.theme is DARK
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.ui["page"]
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert app.palette().color(QPalette.ColorRole.Window).name() == LIGHT.ui["page"]
    # An override holds whatever the system does.
    controller.set_mode("light")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert app.palette().color(QPalette.ColorRole.Window).name() == LIGHT.ui["page"]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_unchecked_boxes_and_radio_buttons_are_visible(restore_app, settings, qtbot, mode):
    from annotator.gui.qt import QCheckBox, QRadioButton, QVBoxLayout, QWidget

    ThemeController(restore_app, settings).set_mode(mode)
    for kind in (QCheckBox, QRadioButton):
        page = QWidget()  # on a pane of the window, as in the popups and views
        box = kind("stance", page)
        QVBoxLayout(page).addWidget(box)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        image = page.grab(box.geometry()).toImage()
        page = image.pixelColor(image.width() - 1, image.height() - 1).name()
        # The indicator sits at the left: its outline must stand out (WCAG 3:1 for
        # the parts of a control).
        side = image.height()
        outline = max(
            Color(image.pixelColor(x, y).name()).contrast(page)
            for x in range(min(side, image.width()))
            for y in range(side)
        )
        assert outline >= 3, f"{mode} {kind.__name__}: {outline:.2f}"

"""Text zoom: the article and the panel grow and shrink together, the level is
remembered for the next start, and lines stay a readable length on wide windows."""

from __future__ import annotations

import pytest

from annotator.gui.qt import (
    QApplication,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QPoint,
    QPointF,
    QSettings,
    Qt,
)
from annotator.gui.zoom import LEVELS, TextZoom, cap_line_length


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def widgets(qtbot):
    text, panel = QPlainTextEdit(), QLabel("Speakers")
    for widget in (text, panel):
        qtbot.addWidget(widget)
    return text, panel


def default_size() -> float:
    return QApplication.font().pointSizeF()


def test_zoom_scales_every_widget_from_the_system_size(settings, widgets):
    text, panel = widgets
    zoom = TextZoom(settings, widgets)
    assert text.font().pointSizeF() == pytest.approx(default_size())
    zoom.zoom_in()
    zoom.zoom_in()
    assert zoom.percent == 125
    for widget in widgets:
        assert widget.font().pointSizeF() == pytest.approx(default_size() * 1.25)
    zoom.zoom_out()
    assert panel.font().pointSizeF() == pytest.approx(default_size() * 1.1)
    zoom.reset()
    assert text.font().pointSizeF() == pytest.approx(default_size())


def test_zoom_stops_at_the_ends(settings, widgets):
    zoom = TextZoom(settings, widgets)
    for _ in range(len(LEVELS) + 2):
        zoom.zoom_out()
    assert zoom.percent == LEVELS[0]
    for _ in range(len(LEVELS) + 2):
        zoom.zoom_in()
    assert zoom.percent == LEVELS[-1]


def test_level_is_remembered_by_a_new_controller(settings, widgets, qtbot):
    zoom = TextZoom(settings, widgets)
    zoom.zoom_in()
    zoom.zoom_in()
    settings.sync()
    # The next start: new widgets, new controller, the same settings file.
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    text = QPlainTextEdit()
    qtbot.addWidget(text)
    restored = TextZoom(again, [text])
    assert restored.percent == 125
    assert text.font().pointSizeF() == pytest.approx(default_size() * 1.25)


def test_keys_are_the_usual_ones(settings, widgets):
    zoom = TextZoom(settings, widgets)
    zoom_in, zoom_out, actual = zoom.actions(widgets[0])
    assert QKeySequence("Ctrl+=") in zoom_in.shortcuts()
    assert QKeySequence("Ctrl+-") in zoom_out.shortcuts()
    assert actual.shortcuts() == [QKeySequence("Ctrl+0")]
    zoom_in.trigger()
    assert zoom.percent == 110
    actual.trigger()
    assert zoom.percent == 100


def test_ctrl_wheel_on_the_text_goes_through_the_controller(settings, widgets, qtbot):
    from PySide6.QtGui import QWheelEvent

    from annotator.gui.qt import QEvent

    text, panel = widgets
    zoom = TextZoom(settings, widgets)
    text.show()
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(text.viewport().mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    assert event.type() == QEvent.Type.Wheel
    QApplication.sendEvent(text.viewport(), event)
    assert zoom.percent == 110
    # The panel followed, and the level is remembered.
    assert panel.font().pointSizeF() == pytest.approx(default_size() * 1.1)
    assert settings.value("view/zoom_percent", type=int) == 110


def test_line_length_is_capped_on_wide_windows(settings, qtbot):
    text = QPlainTextEdit()
    qtbot.addWidget(text)
    text.setPlainText("word " * 400)
    text.resize(1800, 500)
    text.show()
    cap = cap_line_length(text, characters=70)
    # About the capped width: what the frame and scroll bar take is left to Qt.
    qtbot.waitUntil(lambda: cap.text_width() <= text.viewport().width() <= cap.text_width() + 24)
    margins = text.viewportMargins()
    assert margins.left() == margins.right() > 200
    # A narrow window keeps only a small margin.
    text.resize(400, 500)
    qtbot.waitUntil(lambda: text.viewportMargins().left() == cap.minimum_margin)
    # Zooming in widens the allowed line, so the margins shrink.
    text.resize(1800, 500)
    qtbot.waitUntil(lambda: text.viewportMargins().left() > 200)
    before = text.viewportMargins().left()
    TextZoom(settings, [text]).set_percent(150)
    qtbot.waitUntil(lambda: text.viewportMargins().left() < before)

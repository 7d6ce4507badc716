"""The timeline chart: markers where the positions are, in their stance's colour, over
any span of dates; hover tells what a marker holds, a click opens it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from annotator.core.store import Store
from annotator.core.store import queries as q
from annotator.gui.app import application
from annotator.gui.views.common import STANCE_COLORS
from annotator.gui.views.timeline import TimelineChart


@pytest.fixture(scope="module", autouse=True)
def _app() -> None:
    application()


def positions_of_one_speaker(
    store: Store, dated: list[tuple[str | None, str, str]]
) -> tuple[str, list[dict]]:
    """(published date or None, target, stance) per article: the speaker's timeline rows."""
    speaker = store.add_speaker("Ana Ruiz")["id"]
    for n, (published, target, stance) in enumerate(dated):
        aid = store.add_article(f"Story {n}: Ana Ruiz spoke about {target}.", published=published)
        store.add_position(aid, speaker_id=speaker, target=target, stance=stance)
    return speaker, q.timeline(store, speaker_id=speaker)


def chart_of(qtbot, points: list[dict], **kwargs) -> TimelineChart:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_points(points, "target", **kwargs)
    chart.resize(900, chart.sizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def colour_at(chart: TimelineChart, point: QPointF) -> QColor:
    return chart.grab().toImage().pixelColor(point.toPoint())


@pytest.mark.parametrize("days", [10, 100, 500, 1000, 3000])
def test_each_marker_is_drawn_in_its_stance_colour_over_any_span(
    qtbot, store: Store, days: int
) -> None:
    first = date(2020, 3, 5)
    stances = ["favor", "against", "neutral", "mixed"]
    rows = [
        ((first + timedelta(days=days * i // 3)).isoformat(), f"Target {i}", stances[i])
        for i in range(4)
    ]
    _speaker, points = positions_of_one_speaker(store, rows)
    chart = chart_of(qtbot, points)
    assert len(chart.buckets) == 4
    for center, items in chart.buckets:
        (item,) = items
        assert colour_at(chart, center) == STANCE_COLORS[item["stance"]]
    # Later dates are further right, in the row of their target.
    xs = [center.x() for center, _ in sorted(chart.buckets, key=lambda b: b[1][0]["date"])]
    assert xs == sorted(xs) and xs[0] < xs[-1]


def test_nothing_to_show_says_so_and_undated_positions_are_left_out(qtbot, store: Store) -> None:
    empty = chart_of(qtbot, [])
    assert empty.rows == [] and empty.buckets == []
    # The message is written across the middle; the rest is blank.
    image = empty.grab().toImage()
    middle = image.height() // 2
    inked = {
        image.pixelColor(x, y).name()
        for x in range(300, 600)
        for y in range(middle - 8, middle + 8)
    }
    assert len(inked) > 1 and image.pixelColor(5, 5) == QColor("#ffffff")
    _speaker, points = positions_of_one_speaker(
        store, [(None, "Ports", "against"), ("2024-05-01", "Tariffs", "favor")]
    )
    # The import day is never a date: the undated article has none, and sorts last.
    assert [p["date"] for p in points] == ["2024-05-01", None]
    chart = chart_of(qtbot, points)
    ((_center, items),) = chart.buckets  # only the dated one is on the time axis
    assert [p["target"] for p in items] == ["Tariffs"]
    assert [name for name, _ in chart.rows] == ["Tariffs"]
    assert chart.undated == 1 and "1 position in undated articles not shown" in chart.note


def test_hover_lists_the_positions_of_a_marker_and_a_click_opens_the_first(
    qtbot, store: Store
) -> None:
    rows = [("2024-05-01", "Ports", "against")] * 10 + [("2024-09-01", "Ports", "favor")]
    _speaker, points = positions_of_one_speaker(store, rows)
    chart = chart_of(qtbot, points)
    busy, single = sorted(chart.buckets, key=lambda b: -len(b[1]))
    assert len(busy[1]) == 10 and len(single[1]) == 1
    QTest.mouseMove(chart, busy[0].toPoint())
    qtbot.waitUntil(lambda: chart.hover is not None, timeout=5000)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    tip = QToolTip.text().replace("\xa0", " ")
    assert tip.count("2024-05-01") == 8 and "… and 2 more" in tip
    assert "Click to open the first" in tip
    with qtbot.waitSignal(chart.point_clicked) as clicked:
        QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=busy[0].toPoint())
    assert clicked.args == [busy[1][0]["position_id"]]
    # Away from every marker: no tooltip, and a click opens nothing.
    QTest.mouseMove(chart, QPoint(5, 5))
    qtbot.waitUntil(lambda: chart.hover is None, timeout=5000)
    with qtbot.assertNotEmitted(chart.point_clicked):
        QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QTest.mouseMove(chart, single[0].toPoint())
    qtbot.waitUntil(lambda: chart.hover is not None, timeout=5000)
    chart.leaveEvent(None)
    assert chart.hover is None


def test_only_the_busiest_rows_are_drawn_with_a_note_for_the_rest(qtbot, store: Store) -> None:
    rows = [(f"2024-01-0{i + 1}", "Ports", "favor") for i in range(3)]
    rows += [("2024-02-01", "Rail", "against"), ("2024-02-02", "Rail", "against")]
    rows += [("2024-03-01", "Wind", "neutral")]
    _speaker, points = positions_of_one_speaker(store, rows)
    chart = chart_of(qtbot, points, max_rows=2)
    assert [name for name, _ in chart.rows] == ["Ports", "Rail"]
    assert len(chart.points) == 5
    assert chart.note == "1 more targets with fewer positions are not shown"


def test_a_speaker_without_positions_can_be_chosen(qtbot, store: Store) -> None:
    from annotator.gui.session import Session
    from annotator.gui.views.container import CorpusViews

    speaker, _points = positions_of_one_speaker(store, [("2024-01-02", "Ports", "favor")])
    quiet = store.add_speaker("Quiet Person")["id"]
    views = CorpusViews(Session(store))
    qtbot.addWidget(views)
    views.show()
    views.show_view("timeline")
    assert views.timeline.subject_key() == speaker
    views.timeline.choose("speaker", quiet)
    assert views.timeline.subject_key() == quiet
    assert views.timeline.subject.currentText() == "Quiet Person  (0)"
    assert views.timeline.chart.points == [] and views.timeline.count_label.text() == "0 positions"
    assert views.timeline.view_filter().speaker_id == quiet
    views.timeline.choose("target", "Ports")
    assert views.timeline.view_filter().target == "Ports"
    assert len(views.timeline.chart.points) == 1

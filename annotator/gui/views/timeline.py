"""The Timeline view: the stances of a speaker, or toward a target, over time."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ...core.schema import STANCES
from ...core.store import queries as q
from ...core.store.queries import ViewFilter, dominant_stance
from ..qt import (
    QColor,
    QComboBox,
    QCompleter,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPen,
    QPointF,
    QRectF,
    QScrollArea,
    QSize,
    Qt,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
)
from ..session import Session
from ..wording import one_line, plural
from .common import (
    BAND,
    INK,
    MUTED,
    PAGE_FILL,
    RULE,
    STANCE_COLORS,
    STANCE_MARKS,
    ViewTab,
    make_combo,
)

# -- timeline -----------------------------------------------------------------------------


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Tick dates and labels between first and last, at a readable spacing."""
    days = (last - first).days
    ticks: list[tuple[date, str]] = []
    if days > 365 * 4:
        for year in range(first.year + (first.month > 1 or first.day > 1), last.year + 1):
            ticks.append((date(year, 1, 1), str(year)))
        return ticks
    step = 1 if days <= 240 else 3 if days <= 365 * 2 else 6
    if days <= 45:
        d = first + timedelta(days=(7 - first.weekday()) % 7)
        while d <= last:
            ticks.append((d, d.strftime("%d %b").lstrip("0")))
            d += timedelta(days=7)
        return ticks
    y, m = first.year, first.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if (m - 1) % step:
            continue
        d = date(y, m, 1)
        if d > last:
            break
        ticks.append(
            (d, d.strftime("%b %Y") if m == 1 or step >= 3 or not ticks else d.strftime("%b"))
        )
    return ticks


class TimelineChart(QWidget):
    """Positions over time: one row per target (or speaker), a marker per position,
    coloured by stance; markers on the same day and row merge, with their count."""

    point_clicked = Signal(str)  # position id

    ROW_H, TOP, BOTTOM, RADIUS = 28, 50, 46, 6.5
    SLOT = 24  # pixels: one marker per row and slot

    def __init__(self) -> None:
        super().__init__()
        self.points: list[dict[str, Any]] = []
        self.days: list[int] = []  # each point's date, as an ordinal
        self.rows: list[tuple[str, int]] = []
        self.by = "target"
        self.first = self.last = date.today()
        self._buckets: list[tuple[QPointF, list[dict[str, Any]]]] = []
        self._placed_for: tuple[int, int] | None = None  # (width, left) they were placed at
        self.hover: int | None = None
        self.setMouseTracking(True)
        self.small_font = QFont(self.font())
        self.small_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        self.bold_small = QFont(self.small_font)
        self.bold_small.setBold(True)
        self.left = 200
        self.note = ""
        self.undated = 0  # positions left out: their articles have no publication date

    def set_points(self, points: list[dict[str, Any]], by: str, *, max_rows: int = 300) -> None:
        """``by``: what the rows are ("target" or "speaker")."""
        self.by = by
        # An article without a publication date has no place on a time axis (its
        # import day is not its date): left out, and counted in the note.
        dated = [(p, day) for p in points if (day := _date(p["date"])) is not None]
        self.undated = len(points) - len(dated)
        counts: dict[str, int] = {}
        for p, _day in dated:
            counts[p[by]] = counts.get(p[by], 0) + 1
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        self.rows = ordered[:max_rows]
        keep = {name for name, _ in self.rows}
        self.points = [p for p, _day in dated if p[by] in keep]
        self.days = [day.toordinal() for p, day in dated if p[by] in keep]
        hidden = len(ordered) - len(self.rows)
        notes = [f"{hidden:,} more {by}s with fewer positions are not shown"] if hidden else []
        if self.undated:
            notes.append(f"{plural(self.undated, 'position')} in undated articles not shown")
        self.note = " · ".join(notes)
        if self.days:
            self.first = date.fromordinal(min(self.days))
            self.last = date.fromordinal(max(self.days))
        else:
            self.first = self.last = date.today()
        pad = max(7, (self.last - self.first).days // 25)
        self.first -= timedelta(days=pad)
        self.last += timedelta(days=pad)
        fm = QFontMetrics(self.font())
        self.left = min(max([fm.horizontalAdvance(n) for n, _ in self.rows] + [120]) + 66, 320)
        self.hover = None
        self.setMinimumHeight(self.TOP + max(len(self.rows), 1) * self.ROW_H + self.BOTTOM)
        self.updateGeometry()
        self._placed_for = None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, self.TOP + max(len(self.rows), 1) * self.ROW_H + self.BOTTOM)

    def _x(self, d: date) -> float:
        return self._x_day(d.toordinal())

    def _x_day(self, day: int) -> float:
        span = max((self.last - self.first).days, 1)
        width = max(self.width() - self.left - 24, 50)
        return self.left + width * (day - self.first.toordinal()) / span

    @property
    def buckets(self) -> list[tuple[QPointF, list[dict[str, Any]]]]:
        """The markers: (centre, positions), placed for the current width."""
        if self._placed_for != (self.width(), self.left):
            self._place()
            self._placed_for = (self.width(), self.left)
        return self._buckets

    def _place(self) -> None:
        """Group the points into markers: per row, in slots a marker wide (a few days
        or weeks, by the span shown), so markers never overlap; the tooltip tells each
        position's own date."""
        index = {name: i for i, (name, _) in enumerate(self.rows)}
        step = self.SLOT
        groups: dict[tuple[int, int], tuple[list[dict[str, Any]], list[float]]] = {}
        for p, day in zip(self.points, self.days, strict=True):
            x = self._x_day(day)
            items, xs = groups.setdefault(
                (index[p[self.by]], int((x - self.left) // step)), ([], [])
            )
            items.append(p)
            xs.append(x)
        self._buckets = []
        for (row, slot), (items, _xs) in groups.items():
            x = self.left + (slot + 0.5) * step
            center = QPointF(x, self.TOP + row * self.ROW_H + self.ROW_H / 2)
            self._buckets.append((center, items))

    def bucket_at(self, pos: QPointF) -> int | None:
        best, where = None, (self.RADIUS + 4) ** 2
        for i, (center, items) in enumerate(self.buckets):
            r = self.RADIUS + (3 if len(items) > 1 else 0) + 2
            d = (center.x() - pos.x()) ** 2 + (center.y() - pos.y()) ** 2
            if d <= max(where, r * r) and (best is None or d < where):
                best, where = i, d
        return best

    def mouseMoveEvent(self, event) -> None:
        found = self.bucket_at(event.position())
        if found != self.hover:
            self.hover = found
            self.update()
        if found is None:
            QToolTip.hideText()
            return
        items = self.buckets[found][1]
        other = "speaker" if self.by == "target" else "target"
        lines = [
            f"{p['date']}  {STANCE_MARKS[p['stance']]}  {p[other]}\n    {one_line(p['title'])[:90]}"
            for p in items[:8]
        ]
        if len(items) > 8:
            lines.append(f"… and {len(items) - 8} more")
        lines.append("Click to open" + (" the first" if len(items) > 1 else ""))
        QToolTip.showText(event.globalPosition().toPoint(), plain_tooltip("\n".join(lines)), self)

    def mousePressEvent(self, event) -> None:
        found = self.bucket_at(event.position())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.point_clicked.emit(self.buckets[found][1][0]["position_id"])

    def leaveEvent(self, _event) -> None:
        self.hover = None
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), PAGE_FILL)
        if not self.rows:
            painter.setPen(MUTED)
            message = "No positions to show for this choice."
            if self.undated:
                message = (
                    f"{plural(self.undated, 'position')}, all in undated articles: "
                    "give them a date with Article › Properties…"
                )
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, message)
            painter.end()
            return
        bottom = self.TOP + len(self.rows) * self.ROW_H
        self._paint_rows(painter)
        self._paint_axis(painter, bottom)
        self._paint_markers(painter)
        self._paint_legend(painter)
        painter.end()

    def _paint_rows(self, painter: QPainter) -> None:
        """Row bands, each subject's name and count."""
        fm = QFontMetrics(self.font())
        for i, (name, n) in enumerate(self.rows):
            y = self.TOP + i * self.ROW_H
            if i % 2:
                painter.fillRect(QRectF(0, y, self.width(), self.ROW_H), BAND)
            painter.setPen(INK)
            painter.setFont(self.font())
            label = fm.elidedText(name, Qt.TextElideMode.ElideRight, self.left - 58)
            painter.drawText(
                QRectF(8, y, self.left - 58, self.ROW_H),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            painter.setPen(MUTED)
            painter.setFont(self.small_font)
            painter.drawText(
                QRectF(self.left - 46, y, 30, self.ROW_H),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{n:,}",
            )

    def _paint_axis(self, painter: QPainter, bottom: float) -> None:
        """The time axis: gridlines, ticks and labels."""
        right = self.width() - 24
        painter.setFont(self.small_font)
        sfm = QFontMetrics(self.small_font)
        last_end = -1e9
        for d, text in _ticks(self.first, self.last):
            x = self._x(d)
            painter.setPen(QPen(RULE, 1))
            painter.drawLine(QPointF(x, self.TOP), QPointF(x, bottom))
            painter.setPen(QPen(MUTED, 1))
            painter.drawLine(QPointF(x, bottom), QPointF(x, bottom + 5))
            w = sfm.horizontalAdvance(text)
            if x - w / 2 > last_end + 8 and x + w / 2 < self.width() - 2:
                painter.drawText(QPointF(x - w / 2, bottom + 8 + sfm.ascent()), text)
                if len(self.rows) > 12:  # a long chart: the dates on top too
                    painter.drawText(QPointF(x - w / 2, self.TOP - 6), text)
                last_end = x + w / 2
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(QPointF(self.left - 6, bottom), QPointF(right, bottom))
        painter.drawText(
            QRectF(self.left, bottom + 24, right - self.left, sfm.height() + 2),
            Qt.AlignmentFlag.AlignHCenter,
            "the article's publication date",
        )

    def _paint_markers(self, painter: QPainter) -> None:
        """One marker per bucket, coloured by its dominant stance, with its count."""
        for i, (center, items) in enumerate(self.buckets):
            counts: dict[str, int] = {}
            for p in items:
                counts[p["stance"]] = counts.get(p["stance"], 0) + 1
            stance = dominant_stance(counts) or "neutral"
            radius = (
                self.RADIUS
                + (3 if len(items) > 1 else 0)
                + (1.5 if len(items) > 99 else 0)
                + (1.5 if i == self.hover else 0)
            )
            painter.setPen(QPen(PAGE_FILL, 1.6))
            painter.setBrush(STANCE_COLORS[stance])
            painter.drawEllipse(center, radius, radius)
            if len(items) > 1:
                painter.setFont(self.bold_small)
                painter.setPen(QColor("#ffffff"))
                text = str(len(items)) if len(items) < 100 else "99+"
                if QFontMetrics(self.bold_small).horizontalAdvance(text) > 2 * radius - 3:
                    tiny = QFont(self.bold_small)
                    tiny.setPointSizeF(self.bold_small.pointSizeF() * 0.8)
                    painter.setFont(tiny)
                painter.drawText(
                    QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius),
                    Qt.AlignmentFlag.AlignCenter,
                    text,
                )

    def _paint_legend(self, painter: QPainter) -> None:
        painter.setFont(self.small_font)
        fm = QFontMetrics(self.small_font)
        x, y = float(self.left), 16.0
        for stance in STANCES:
            painter.setPen(QPen(PAGE_FILL, 1.2))
            painter.setBrush(STANCE_COLORS[stance])
            painter.drawEllipse(QPointF(x + 6, y), 6, 6)
            painter.setPen(INK)
            painter.drawText(QPointF(x + 16, y + fm.ascent() / 2 - 1), stance)
            x += 28 + fm.horizontalAdvance(stance)
        painter.setPen(MUTED)
        text = f"{len(self.points):,} positions"
        if self.note:
            text += f" · {self.note}"
        painter.drawText(QPointF(x + 12, y + fm.ascent() / 2 - 1), text)


class TimelineTab(ViewTab):
    view = "timeline"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.mode = make_combo([("Speaker", "speaker"), ("Target", "target")])
        self.subject = QComboBox()
        self.subject.setEditable(True)
        self.subject.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.subject.setMinimumWidth(320)
        self.subject.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.subject.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.chart = TimelineChart()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.chart)
        self.scroll.setWidgetResizable(True)
        self.scroll.setObjectName("gridScroll")  # coloured by the theme (style.qss)
        top = QHBoxLayout()
        top.addWidget(QLabel("Positions of"))
        top.addWidget(self.mode)
        top.addWidget(self.subject, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        self._wanted: tuple[str, str] | None = None
        self.mode.currentIndexChanged.connect(lambda _i: self._fill_subjects())
        self.subject.activated.connect(lambda _i: self._draw())
        self.chart.point_clicked.connect(self._open_position)

    def by(self) -> str:
        return self.mode.currentData()

    def subject_key(self) -> str | None:
        """The chosen speaker id, or target name."""
        data = self.subject.currentData()
        return data if data and self.subject.currentIndex() >= 0 else None

    def view_filter(self) -> ViewFilter:
        key = self.subject_key()
        shown = ViewFilter(layers=self.layers())
        if key is None:
            return shown
        return shown.with_(speaker_id=key) if self.by() == "speaker" else shown.with_(target=key)

    def choose(self, by: str, key: str) -> None:
        """Show the timeline of a speaker (by id) or target (by name)."""
        self._wanted = (by, key)
        self.stale = True
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(0, self.mode.findData(by)))
        self.mode.blockSignals(False)
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self._fill_subjects()

    def _fill_subjects(self) -> None:
        by = self.by()
        keep = self._wanted[1] if self._wanted and self._wanted[0] == by else self.subject_key()
        self._wanted = None
        rows = q.timeline_subjects(self.store, by, layers=self.layers())
        self.subject.blockSignals(True)
        self.subject.clear()
        for row in rows:
            self.subject.addItem(
                f"{row['name']}  ({row['positions']})",
                row["id"] if by == "speaker" else row["name"],
            )
        found = self.subject.findData(keep) if keep else -1
        if found < 0 and keep and by == "speaker":
            speaker = self.store.speaker(keep)
            if speaker is not None:
                self.subject.addItem(f"{speaker['name']}  (0)", keep)
                found = self.subject.count() - 1
        self.subject.setCurrentIndex(found if found >= 0 else (0 if rows else -1))
        self.subject.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        key = self.subject_key()
        by = self.by()
        points = [] if key is None else q.timeline(self.store, flt=self.view_filter())
        self.chart.set_points(points, "target" if by == "speaker" else "speaker")
        count = plural(len(points), "position")
        if self.chart.undated:
            count += f" ({self.chart.undated:,} undated, not on the time axis)"
        self.count_label.setText(count)

    def _open_position(self, position_id: str) -> None:
        found = q.position_first_span(self.store, position_id)
        if found:
            self.open_span.emit(found[0], found[1] or "")

"""The Positions view: a speaker × target grid coloured by stance, and a list."""

from __future__ import annotations

import math
from typing import Any

from ...core.schema import STANCES
from ...core.store import queries as q
from ...core.store.queries import PositionGrid, ViewFilter, dominant_stance
from ..qt import (
    QButtonGroup,
    QColor,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPen,
    QPoint,
    QPointF,
    QRectF,
    QScrollArea,
    QSize,
    QSplitter,
    QStackedWidget,
    Qt,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
)
from ..session import Session
from ..wording import plural
from .common import (
    ACCENT,
    FILL,
    HOVER,
    INK,
    MUTED,
    PAGE_FILL,
    STANCE_COLORS,
    STANCE_MARKS,
    STATUS_CHOICES,
    Column,
    PagedModel,
    ViewTab,
    blend_toward,
    list_fetch,
    make_combo,
    make_table,
    readable_on,
    search_box,
)

# -- positions: the grid ------------------------------------------------------------------


class PositionGridWidget(QWidget):
    """Speakers (rows) × targets (columns); each cell coloured by its dominant stance,
    darker with more positions, with the count and, when stances differ, a bar of
    their shares. Click a cell to list its evidence."""

    cell_clicked = Signal(str, str)  # speaker id ("" for none), target id
    cell_activated = Signal(str, str)  # Enter on the selected cell
    cell_shown = Signal(QRectF)  # the selected cell, to scroll into view

    CELL_W, CELL_H, GAP = 46, 30, 3
    LABEL_ANGLE = 45

    def __init__(self) -> None:
        super().__init__()
        self.grid = PositionGrid([], [], {})
        self.selected: tuple[int, int] | None = None
        self.hover: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys move the selection
        font = QFont(self.font())
        self.label_font = font
        self.small_font = QFont(font)
        self.small_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        self.bold_font = QFont(font)
        self.bold_font.setBold(True)
        self._layout()

    def set_grid(self, grid: PositionGrid) -> None:
        self.grid = grid
        self.selected = None
        self.hover = None
        self._layout()
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def _layout(self) -> None:
        fm = QFontMetrics(self.label_font)
        names = [s.name for s in self.grid.speakers]
        self.left = min(max([fm.horizontalAdvance(n) for n in names] + [150]) + 24, 260)
        self.label_len = min(
            max([fm.horizontalAdvance(t.name) for t in self.grid.targets] + [60]), 230
        )
        rad = math.radians(self.LABEL_ANGLE)
        self.top = max(int(self.label_len * math.sin(rad)) + 26, 132)
        self.right = int(self.label_len * math.cos(rad)) + 16

    def sizeHint(self) -> QSize:
        cols, rows = len(self.grid.targets), len(self.grid.speakers)
        if not rows:
            return QSize(520, 200)
        return QSize(
            self.left + cols * self.CELL_W + self.right, self.top + rows * self.CELL_H + 16
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell_rect(self, row: int, col: int) -> QRectF:
        return QRectF(
            self.left + col * self.CELL_W + self.GAP / 2,
            self.top + row * self.CELL_H + self.GAP / 2,
            self.CELL_W - self.GAP,
            self.CELL_H - self.GAP,
        )

    def scrolled(self) -> QPoint:
        """How far the scroll area has scrolled the grid: the labels stay in view there."""
        visible = self.visibleRegion().boundingRect()
        return QPoint(max(0, visible.left()), max(0, visible.top()))

    def cell_at(self, pos: QPoint | QPointF) -> tuple[int, int] | None:
        offset = self.scrolled()
        if pos.x() < offset.x() + self.left or pos.y() < offset.y() + self.top:
            return None  # on the row or column labels kept in view
        x, y = pos.x() - self.left, pos.y() - self.top
        col, row = int(x // self.CELL_W), int(y // self.CELL_H)
        if row < len(self.grid.speakers) and col < len(self.grid.targets):
            return row, col
        return None

    def select_cell(self, row: int, col: int) -> None:
        if not (0 <= row < len(self.grid.speakers) and 0 <= col < len(self.grid.targets)):
            return
        self.selected = (row, col)
        self.update()
        self.cell_shown.emit(self.cell_rect(row, col))
        self.cell_clicked.emit(self.grid.speakers[row].id, self.grid.targets[col].id)

    def keyPressEvent(self, event) -> None:
        moves = {
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
        }
        rows, cols = len(self.grid.speakers), len(self.grid.targets)
        if event.key() in moves and rows and cols:
            if self.selected is None:
                self.select_cell(0, 0)
            else:
                dr, dc = moves[event.key()]
                row = min(max(self.selected[0] + dr, 0), rows - 1)
                col = min(max(self.selected[1] + dc, 0), cols - 1)
                if (row, col) != self.selected:
                    self.select_cell(row, col)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            row, col = self.selected
            self.cell_activated.emit(self.grid.speakers[row].id, self.grid.targets[col].id)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select_cell(*cell)

    def mouseMoveEvent(self, event) -> None:
        cell = self.cell_at(event.position())
        if cell != self.hover:
            self.hover = cell
            self.update()
        if cell is None:
            QToolTip.hideText()
            return
        speaker, target = self.grid.speakers[cell[0]], self.grid.targets[cell[1]]
        counts = self.grid.cell(speaker.id, target.id)
        lines = [f"{speaker.name} on {target.name}"]
        if counts:
            lines += [f"{STANCE_MARKS[s]}: {counts[s]}" for s in STANCES if counts.get(s)]
            lines.append("Click to list the evidence")
        else:
            lines.append("no positions")
        QToolTip.showText(event.globalPosition().toPoint(), plain_tooltip("\n".join(lines)), self)

    def leaveEvent(self, _event) -> None:
        self.hover = None
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), PAGE_FILL)
        if not self.grid.speakers:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect().adjusted(20, 20, -20, -20),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                "No positions to show.\nTag positions in articles (P) and they "
                "appear here: who stands where, on what.",
            )
            painter.end()
            return
        rows, cols = len(self.grid.speakers), len(self.grid.targets)
        width, height = cols * self.CELL_W, rows * self.CELL_H
        offset = self.scrolled()
        dx, dy = offset.x(), offset.y()
        # Bands for the hovered row and column.
        if self.hover is not None:
            band = HOVER
            painter.fillRect(
                QRectF(0, self.top + self.hover[0] * self.CELL_H, self.left + width, self.CELL_H),
                band,
            )
            painter.fillRect(
                QRectF(
                    self.left + self.hover[1] * self.CELL_W, self.top - 6, self.CELL_W, height + 6
                ),
                band,
            )
        # Cells, then the labels over them where the grid is scrolled, so that the
        # speakers (left) and targets (top) stay in view.
        biggest = max(self.grid.max_count(), 1)
        for r, speaker in enumerate(self.grid.speakers):
            for c, target in enumerate(self.grid.targets):
                self._paint_cell(painter, r, c, self.grid.cell(speaker.id, target.id), biggest)
        # The labels' band hides the cells scrolled under it, in the theme's page colour.
        if dx:
            painter.fillRect(QRectF(dx, 0, self.left, self.height()), PAGE_FILL)
        fm = QFontMetrics(self.label_font)
        for r, speaker in enumerate(self.grid.speakers):
            rect = QRectF(dx + 8, self.top + r * self.CELL_H, self.left - 18, self.CELL_H)
            hot = (self.hover is not None and self.hover[0] == r) or (
                self.selected is not None and self.selected[0] == r
            )
            painter.setFont(self.bold_font if hot else self.label_font)
            painter.setPen(INK if speaker.id else MUTED)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(speaker.name, Qt.TextElideMode.ElideRight, int(rect.width())),
            )
        if dy:
            painter.fillRect(QRectF(0, dy, self.width(), self.top), PAGE_FILL)
        painter.save()
        painter.setClipRect(QRectF(dx + self.left, dy, self.width(), self.top))
        for c, target in enumerate(self.grid.targets):
            hot = (self.hover is not None and self.hover[1] == c) or (
                self.selected is not None and self.selected[1] == c
            )
            painter.save()
            painter.translate(self.left + c * self.CELL_W + self.CELL_W / 2 + 2, dy + self.top - 8)
            painter.rotate(-self.LABEL_ANGLE)
            painter.setFont(self.bold_font if hot else self.label_font)
            painter.setPen(INK)
            text = fm.elidedText(target.name, Qt.TextElideMode.ElideRight, self.label_len)
            painter.drawText(QPointF(0, fm.ascent() / 2 - 1), text)
            painter.restore()
        painter.restore()
        painter.fillRect(QRectF(dx, dy, self.left, self.top), PAGE_FILL)
        painter.translate(dx, dy)
        self._paint_legend(painter)
        painter.end()

    def _paint_cell(
        self, painter: QPainter, r: int, c: int, counts: dict[str, int], biggest: int
    ) -> None:
        rect = self.cell_rect(r, c)
        total = sum(counts.values())
        if not total:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FILL)
            painter.drawRoundedRect(rect.adjusted(6, 6, -6, -6), 3, 3)
        else:
            stance = dominant_stance(counts) or "neutral"
            # Log scale: one cell with 1,000 positions leaves the others readable.
            strength = 0.38 + 0.62 * math.log1p(total) / math.log1p(biggest)
            fill = blend_toward(STANCE_COLORS[stance], strength)
            painter.setPen(QPen(STANCE_COLORS[stance].darker(118), 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 4, 4)
            present = [s for s in STANCES if counts.get(s)]
            text_rect = QRectF(rect)
            if len(present) > 1:
                # A bar of the stances' shares along the bottom of the cell.
                bar = QRectF(rect.left() + 4, rect.bottom() - 6, rect.width() - 8, 3.5)
                painter.setPen(QPen(QColor("#ffffff"), 0.8))
                x = bar.left()
                for s in present:
                    w = bar.width() * counts[s] / total
                    painter.setBrush(STANCE_COLORS[s])
                    painter.drawRect(QRectF(x, bar.top(), w, bar.height()))
                    x += w
                text_rect.adjust(0, -3, 0, -3)
            painter.setFont(self.bold_font)
            painter.setPen(readable_on(fill))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, str(total))
        if self.selected == (r, c):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(ACCENT, 2.2))
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 5, 5)
        elif self.hover == (r, c):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(INK, 1.2))
            painter.drawRoundedRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5), 4.5, 4.5)

    def _paint_legend(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.small_font)
        painter.setFont(self.small_font)
        x, y = 12, 14
        painter.setPen(MUTED)
        painter.drawText(QPointF(x, y + fm.ascent()), "Dominant stance")
        y += fm.height() + 6
        for stance in STANCES:
            painter.setPen(QPen(STANCE_COLORS[stance].darker(118), 1))
            painter.setBrush(blend_toward(STANCE_COLORS[stance], 0.8))
            painter.drawRoundedRect(QRectF(x, y, 14, 12), 3, 3)
            painter.setPen(INK)
            painter.drawText(QPointF(x + 20, y + 10), stance)
            y += 17
        painter.setPen(MUTED)
        y += 2
        painter.drawText(
            QRectF(x, y, self.left - 30, 2 * fm.height() + 4),
            Qt.TextFlag.TextWordWrap,
            "Darker: more positions. Bar: mix of stances.",
        )


class PositionsTab(ViewTab):
    view = "positions"
    TABLE_EXPORT = True
    LIST_COLUMNS = (
        Column("speaker", "Speaker", "speaker", 190),
        Column("target", "Target", "target", None),
        Column("stance", "Stance", "stance", 92),
        Column("title", "Article", "title", 250),
        Column("date", "Date", "date", 92),
        Column("evidence", "Evidence", "evidence", 84, numeric=True),
        Column("status", "Status", "status", 86),
    )
    EVIDENCE_COLUMNS = (
        Column("stance", "Stance", "stance", 92),
        Column("text", "Evidence claim", "text", None),
        Column("speaker", "Said by", "speaker", 170),
        Column("title", "Article", "title", 250),
        Column("date", "Date", "date", 92),
    )

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.text = search_box("Filter by speaker or target…")
        self.stance = make_combo([("Any stance", None), *((s, s) for s in STANCES)])
        self.status = make_combo(list(STATUS_CHOICES))
        self.grid_button = QToolButton()
        self.grid_button.setText("Grid")
        self.list_button = QToolButton()
        self.list_button.setText("List")
        self.mode = QButtonGroup(self)
        for i, button in enumerate((self.grid_button, self.list_button)):
            button.setCheckable(True)
            self.mode.addButton(button, i)
        self.grid_button.setChecked(True)
        for button in (self.grid_button, self.list_button):
            button.setObjectName("modeButton")  # coloured by the theme (style.qss)
        top = QHBoxLayout()
        top.addWidget(self.text, 2)
        top.addWidget(self.stance)
        top.addWidget(self.status)
        top.addWidget(self.grid_button)
        top.addWidget(self.list_button)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        split = self._build_grid_page()
        # The list page.
        self.model = self.filtered_model(
            self.LIST_COLUMNS, q.positions_page, q.positions_count, "corpus"
        )
        self.table = make_table(self.model)
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._timer = self._debounced(self.apply_filter)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.stance.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.mode.idClicked.connect(lambda i: self.show_list(i == 1))
        self.grid.cell_clicked.connect(self.show_cell)
        self.grid.cell_shown.connect(
            lambda r: self.scroll.ensureVisible(int(r.center().x()), int(r.center().y()), 60, 40)
        )
        self.grid.cell_activated.connect(self._open_cell)
        for bar in (self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar()):
            bar.valueChanged.connect(lambda _v: self.grid.update())  # labels follow
        self.evidence.activated.connect(lambda i: self._open_row(self.evidence_model.row(i.row())))
        self.model.loaded.connect(self._count_changed)
        self.table.doubleClicked.connect(lambda i: self._open_row(self.model.row(i.row())))
        self.evidence.doubleClicked.connect(
            lambda i: self._open_row(self.evidence_model.row(i.row()))
        )

    def _build_grid_page(self) -> QSplitter:
        """The grid page: the grid above, the selected cell's evidence below."""
        self.grid = PositionGridWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.grid)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll.setObjectName("gridScroll")
        self.grid_note = QLabel()
        self.grid_note.setObjectName("viewCount")
        self.cell: tuple[str, str] | None = None
        self.cell_title = QLabel("Click a cell to see the claims behind it.")
        self.cell_title.setTextFormat(Qt.TextFormat.PlainText)  # names as written
        self.cell_title.setObjectName("cellTitle")
        fetch, count = list_fetch(self._cell_rows)
        self.evidence_model = PagedModel(self.EVIDENCE_COLUMNS, fetch, count, "")
        self.evidence = make_table(self.evidence_model)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.cell_title)
        lower_layout.addWidget(self.evidence)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.scroll, 1)
        upper_layout.addWidget(self.grid_note)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.evidence.setMinimumHeight(120)
        return split

    def view_filter(self) -> ViewFilter:
        return ViewFilter(
            text=self.text.text().strip(),
            stance=self.stance.currentData(),
            status=self.status.currentData(),
            layers=self.layers(),
        )

    def listing(self) -> bool:
        return self.stack.currentIndex() == 1

    def show_list(self, on: bool) -> None:
        (self.list_button if on else self.grid_button).setChecked(True)
        self.stack.setCurrentIndex(1 if on else 0)
        self.refresh()

    def apply_filter(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        if self.listing():
            self.model.reload()
            return
        grid = q.position_grid(self.store, self.view_filter())
        self.grid.set_grid(grid)
        self.count_label.setText(
            f"{plural(grid.positions, 'position')} · {grid.speaker_total:,} speakers × "
            f"{grid.target_total:,} targets"
        )
        shown = []
        if grid.speaker_total > len(grid.speakers):
            shown.append(
                f"the {len(grid.speakers)} speakers with most positions (of {grid.speaker_total:,})"
            )
        if grid.target_total > len(grid.targets):
            shown.append(
                f"the {len(grid.targets)} targets with most positions (of {grid.target_total:,})"
            )
        self.grid_note.setText(
            ("Showing " + " and ".join(shown) + "; filter to see others.") if shown else ""
        )
        self.grid_note.setVisible(bool(shown))
        # Keep the cell that was open, if it is still on the grid.
        if self.cell is not None:
            for r, s in enumerate(grid.speakers):
                for c, t in enumerate(grid.targets):
                    if (s.id, t.id) == self.cell:
                        self.grid.selected = (r, c)
        self._reload_cell()

    def _count_changed(self, n: int) -> None:
        if self.listing():
            self.count_label.setText(plural(n, "position"))

    def show_cell(self, speaker_id: str, target_id: str) -> None:
        self.cell = (speaker_id, target_id)
        self._reload_cell()

    def _open_cell(self, speaker_id: str, target_id: str) -> None:
        """Enter on a cell: its claims, in the list below, with the first one selected
        (Enter there opens it in the article)."""
        if self.cell != (speaker_id, target_id):
            self.show_cell(speaker_id, target_id)
        if self.evidence_model.rowCount():
            self.evidence.setFocus()
            self.evidence.setCurrentIndex(self.evidence_model.index(0, 1))

    def _cell_rows(self) -> list[dict[str, Any]]:
        if self.cell is None:
            return []
        return q.cell_evidence(self.store, self.cell[0], self.cell[1], self.view_filter())

    def _reload_cell(self) -> None:
        self.evidence_model.reload()
        if self.cell is None:
            self.cell_title.setText("Click a cell to see the claims behind it.")
            return
        speaker = next((s.name for s in self.grid.grid.speakers if s.id == self.cell[0]), "?")
        target = next((t.name for t in self.grid.grid.targets if t.id == self.cell[1]), "?")
        positions = len({r["position_id"] for r in self.evidence_model.rows})
        self.cell_title.setText(
            f"{speaker} on “{target}”: {plural(positions, 'position')}, "
            f"{sum(1 for r in self.evidence_model.rows if r['claim_id'])} evidence claims "
            "(double-click or Enter to open)"
        )

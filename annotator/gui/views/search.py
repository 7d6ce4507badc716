"""The Search view: full-text search over articles and highlights."""

from __future__ import annotations

from typing import Any

from ...core.schema import DEFAULT_LABELS, STANCES
from ...core.store import queries as q
from ...core.store.queries import ViewFilter
from ..qt import (
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPainter,
    QPointF,
    QPushButton,
    QRectF,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QVBoxLayout,
)
from ..session import Session
from ..wording import plural
from .common import (
    HIT,
    INK,
    MUTED,
    Column,
    PagedModel,
    SpeakerBox,
    ViewTab,
    make_combo,
    make_table,
    search_box,
)

# -- search -------------------------------------------------------------------------------


class SnippetDelegate(QStyledItemDelegate):
    """Draws a search snippet with its hit in bold on a soft highlight, kept in view."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if not row:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text, (s, e) = row["snippet"], row["snippet_hit"]
        before, hit, after = text[:s], text[s:e], text[e:]
        rect = option.rect.adjusted(6, 0, -6, 0)
        font = QFont(option.font)
        bold = QFont(font)
        bold.setBold(True)
        fm, bfm = QFontMetrics(font), QFontMetrics(bold)
        budget = rect.width() * 0.35
        if fm.horizontalAdvance(before) > budget:
            kept = fm.elidedText(before, Qt.TextElideMode.ElideLeft, int(budget))[1:]
            space = kept.find(" ")
            before = "…" + (kept[space + 1 :] if 0 <= space < len(kept) - 1 else kept)
        painter.save()
        painter.setClipRect(option.rect)
        x = rect.left()
        baseline = rect.top() + (rect.height() + fm.ascent() - fm.descent()) / 2
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(QPointF(x, baseline), before)
        x += fm.horizontalAdvance(before)
        if hit:
            w = bfm.horizontalAdvance(hit)
            painter.fillRect(QRectF(x - 1, rect.top() + 4, w + 2, rect.height() - 8), HIT)
            painter.setFont(bold)
            painter.setPen(INK)
            painter.drawText(QPointF(x, baseline), hit)
            x += w
        painter.setFont(font)
        painter.setPen(MUTED)
        rest = fm.elidedText(after, Qt.TextElideMode.ElideRight, max(0, int(rect.right() - x)))
        painter.drawText(QPointF(x, baseline), rest)
        painter.restore()


class SearchTab(ViewTab):
    view = "search"
    COLUMNS = (
        Column("title", "Article", None, 260),
        Column("date", "Date", None, 92),
        Column("hit_count", "Hits", None, 52, numeric=True),
        Column("snippet", "Where", None, None),
    )
    ORDERS = (("Best match", "relevance"), ("Newest first", "date"), ("Corpus order", "corpus"))

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.box = search_box(
            "Search article texts for a phrase (any case; end with * for a word start)…"
        )
        self.order = make_combo(list(self.ORDERS))
        self.go = QPushButton("Search")
        self.label = make_combo(
            [
                ("Anywhere in the text", None),
                *((f"in {lbl} highlights", lbl) for lbl in DEFAULT_LABELS),
            ]
        )
        self.speaker = SpeakerBox(self.session, "Said by…")
        self.target = search_box("On target…")
        self.stance = make_combo([("Any stance", None), *((s, s) for s in STANCES)])
        self.status = make_combo(
            [
                ("Any status", None),
                ("Accepted", "accepted"),
                ("Suggested", "suggested"),
                ("Rejected", "rejected"),
            ]
        )
        self.annotator = search_box("Annotator")
        self.date_from = search_box("from YYYY-MM-DD")
        self.date_to = search_box("to YYYY-MM-DD")
        # Each filter box at least as wide as what it asks for: in the middle pane the
        # row used to squeeze them to "Sai…", "On …", "fr…".
        for box in (self.speaker, self.target, self.annotator, self.date_from, self.date_to):
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance(box.placeholderText()) + 40)
        self.model = PagedModel(
            self.COLUMNS,
            lambda limit, offset, _order, _desc: self._fetch(limit, offset),
            lambda: q.search_count(self.store, self.query(), self.view_filter()),
            "",
        )
        self.table = make_table(self.model, sortable=False)
        self.table.setItemDelegateForColumn(3, SnippetDelegate(self.table))
        row1 = QHBoxLayout()
        row1.addWidget(self.box, 1)
        row1.addWidget(self.order)
        row1.addWidget(self.go)
        row1.addWidget(self.count_label)
        row1.addWidget(self.export_button)
        # The highlight filters in two rows, so that they fit beside the article too.
        row2 = QHBoxLayout()
        for widget in (self.label, self.speaker, self.target, self.stance):
            row2.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        row3 = QHBoxLayout()
        for widget in (self.status, self.annotator, self.date_from, self.date_to):
            row3.addWidget(widget)
        row3.addStretch(1)
        self.hint = QLabel(
            "A highlight filter (label, speaker, target, stance, status, "
            "annotator) searches inside those highlights only."
        )
        self.hint.setObjectName("viewHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self._timer = self._debounced(self.run, 350)
        self.box.returnPressed.connect(self.run)
        self.go.clicked.connect(self.run)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.order, self.label, self.stance, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.run())
        for box in (self.speaker, self.target, self.annotator, self.date_from, self.date_to):
            box.textChanged.connect(lambda _t: self._timer.start())
        self.model.loaded.connect(self._loaded)
        self.table.doubleClicked.connect(self._double_clicked)

    def query(self) -> str:
        return self.box.text().strip()

    def view_filter(self) -> ViewFilter:
        return ViewFilter(
            label=self.label.currentData(),
            stance=self.stance.currentData(),
            status=self.status.currentData(),
            target_text=self.target.text().strip(),
            annotator=self.annotator.text().strip() or None,
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            layers=self.layers(),
            **self.speaker.speaker_filter(),
        )

    def _fetch(self, limit: int, offset: int) -> list[dict[str, Any]]:
        rows = q.search(
            self.store,
            self.query(),
            self.view_filter(),
            order=self.order.currentData(),
            limit=limit,
            offset=offset,
        )
        for row in rows:
            row["hit_count"] = len(row["hits"])
        return rows

    def run_search(self, text: str) -> None:
        self.box.blockSignals(True)
        self.box.setText(text)
        self.box.blockSignals(False)
        self.run()

    def run(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.model.reload()

    def _loaded(self, n: int) -> None:
        if not self.query():
            self.count_label.setText("")
        else:
            self.count_label.setText(plural(n, "article"))

    def _double_clicked(self, index: QModelIndex) -> None:
        self.open_result(index.row())

    def open_result(self, row_index: int, hit: int = 0) -> None:
        row = self.model.row(row_index)
        if row["hits"]:
            start, end = row["hits"][min(hit, len(row["hits"]) - 1)]
            self.open_search_hit.emit(row["article_id"], start, end)
        else:
            self.open_span.emit(row["article_id"], "")

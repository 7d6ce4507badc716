"""The corpus list on the left: a lazily paged table model, a filter box, status filter.

Rows are fetched a page at a time as the view scrolls (canFetchMore/fetchMore), so
100,000 articles open as fast as 100.
"""

from __future__ import annotations

from typing import Any

from ..core.errors import AnnotatorError
from ..core.schema import ARTICLE_STATUSES
from .qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QModelIndex,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
)
from .session import Session
from .theme import LIGHT
from .wording import plural

PAGE = 200
# After a filter, sort or reload, the open article is looked for this far down the list.
RESTORE_WITHIN = 5 * PAGE
COLUMNS = (
    ("title", "Title"),
    ("source", "Source"),
    ("published", "Date"),
    ("status", "Status"),
    ("annotations", "Tags"),
)


class CorpusModel(QAbstractTableModel):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self.filter_text = ""
        self.status: str | None = None
        self.order_by = "rowid"
        self.descending = False
        self.status_colors = LIGHT.words

    def use_theme(self, theme) -> None:
        """Colour the status column for ``theme`` (a ``theme.Theme``)."""
        self.status_colors = theme.words
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )

    def reload(self) -> None:
        self.beginResetModel()
        store = self.session.store
        self.total = store.article_row_count(filter_text=self.filter_text, status=self.status)
        self.rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int, limit: int = PAGE) -> list[dict[str, Any]]:
        return self.session.store.article_rows(
            filter_text=self.filter_text,
            status=self.status,
            order_by=self.order_by,
            descending=self.descending,
            limit=limit,
            offset=offset,
            layers=self.session.layers(),
        )

    def refresh_rows(self, article_ids: frozenset[str]) -> None:
        """Re-read the loaded rows of these articles (status, counts) in place."""
        wanted = {i for i, row in enumerate(self.rows) if row["id"] in article_ids}
        if not wanted:
            return
        fresh = {r["id"]: r for r in self._page_for(frozenset(self.rows[i]["id"] for i in wanted))}
        for i in wanted:
            if self.rows[i]["id"] in fresh:
                self.rows[i] = fresh[self.rows[i]["id"]]
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def _page_for(self, article_ids: frozenset[str]) -> list[dict[str, Any]]:
        # One query; counting by loading every span took 50 ms for a 10,000-span article.
        return self.session.store.article_rows(
            ids=sorted(article_ids), limit=len(article_ids), layers=self.session.layers()
        )

    # -- Qt model API -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex, count: int = PAGE) -> None:
        more = self._page(len(self.rows), count)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[key]
            if key == "status":
                status = value.replace("_", " ")
                waiting = row.get("suggested") or 0
                shown = f"{status} · {waiting} to review" if waiting else status
                # For a lead: how many coders finished it, when others than me did.
                done = row.get("coders_done") or 0
                mine = 1 if value in ("done", "reviewed") else 0
                return shown + (f" ({plural(done, 'coder')} done)" if done > mine else "")
            if key == "title":
                return value or "(untitled)"
            return "" if value is None else value
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QColor(self.status_colors.get(row["status"], "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "status":
            # The whole status, which a narrow column cuts short.
            shown = self.data(index)
            if row.get("suggested"):
                shown += (
                    "\n"
                    + plural(row["suggested"], "suggestion")
                    + " still to review (Review › Start)"
                )
            return shown
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            # Escaped: Qt renders a tooltip that looks like HTML as HTML.
            return plain_tooltip(row["title"]) if row["title"] else None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "annotations":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # Column -1 (no sort indicator) is corpus order, not COLUMNS[-1].
        self.order_by = COLUMNS[column][0] if 0 <= column < len(COLUMNS) else "rowid"
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def row_of(self, article_id: str, start: int = 0) -> int | None:
        for i in range(start, len(self.rows)):
            if self.rows[i]["id"] == article_id:
                return i
        return None

    def exists(self, article_id: str) -> bool:
        try:
            self.session.store.article(article_id)
        except AnnotatorError:
            return False
        return True


class CorpusPanel(QWidget):
    """Filter box, status filter and the article table."""

    article_selected = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corpusPanel")
        self.model = CorpusModel(session)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by title, source, place…")
        self.filter.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem("All", None)
        for status in ARTICLE_STATUSES:
            self.status.addItem(status.replace("_", " ").capitalize(), status)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.status)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in zip(range(1, len(COLUMNS)), (92, 80, 76, 40), strict=True):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setHighlightSections(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # Sorting resets the model: select the same article again afterwards.
        self._last_id: str | None = None
        header.sortIndicatorChanged.connect(
            lambda *_: (
                self._last_id and self.select(self._last_id, emit=False, within=RESTORE_WITHIN)
            )
        )

    def apply_filter(self) -> None:
        current = self.current_id()
        self.model.filter_text = self.filter.text().strip()
        self.model.status = self.status.currentData()
        self.model.reload()
        if current:
            self.select(current, emit=False, within=RESTORE_WITHIN)

    def reload(self) -> None:
        current = self.current_id()
        self.model.reload()
        if current:
            self.select(current, emit=False, within=RESTORE_WITHIN)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._last_id = self.model.rows[current.row()]["id"]
        if current.isValid() and not self._quiet:
            self.article_selected.emit(self.model.rows[current.row()]["id"])

    _quiet = False

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()]["id"]
            if index.isValid() and index.row() < len(self.model.rows)
            else None
        )

    def select(self, article_id: str, *, emit: bool = True, within: int | None = None) -> bool:
        """Select an article's row, fetching pages until it is found (or ``within`` rows
        are loaded). An id not in the database (say, remembered from another one) is
        not looked for: that used to load all 100,000 rows of a large corpus."""
        model = self.model
        row = model.row_of(article_id)
        if row is None and model.canFetchMore(QModelIndex()) and model.exists(article_id):
            batch = PAGE
            while (
                row is None
                and model.canFetchMore(QModelIndex())
                and (within is None or len(model.rows) < within)
            ):
                seen = len(model.rows)
                # Pages that double: each query skips the rows before it (OFFSET), so
                # 500 pages of 200 to reach row 100,000 took 4 s; 10 queries take 0.3 s.
                model.fetchMore(QModelIndex(), batch)
                batch = min(2 * batch, 50_000)
                row = model.row_of(article_id, start=seen)  # only the new rows
        if row is None:
            return False
        self._quiet = not emit
        try:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._quiet = False
        return True

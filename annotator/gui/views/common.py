"""Shared parts of the corpus views: colours, a lazily paged table model, the tab base."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ...core.store import Store
from ...core.store.queries import ViewFilter
from ..export_choice import VIEW_EXPORT_CHOICES
from ..qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QPushButton,
    QStringListModel,
    Qt,
    QTableView,
    QTimer,
    QWidget,
    Signal,
    plain_tooltip,
)
from ..session import Session
from ..theme import LIGHT
from ..wording import one_line

PAGE = 200
STANCE_COLORS = {
    "favor": QColor("#3d9a52"),
    "against": QColor("#d0453b"),
    "neutral": QColor("#8f8f94"),
    "mixed": QColor("#e0a030"),
}
STANCE_MARKS = {
    "favor": "▲ favor",
    "against": "▼ against",
    "neutral": "● neutral",
    "mixed": "◆ mixed",
}
# Status and stance words in the tables, recoloured by ``use_theme`` (theme.words).
WORDS = {
    word: QColor(LIGHT.words[word])
    for word in ("accepted", "suggested", "rejected", "favor", "against", "neutral", "mixed")
}
INK = QColor("#1d1d1f")
MUTED = QColor("#6b6b70")
RULE = QColor("#e2ded5")
BAND = QColor("#f8f7f3")
ACCENT = QColor("#2f6fd6")
# The drawn views' page, hover band, neutral fill and search-hit marker.
PAGE_FILL = QColor("#ffffff")
HOVER = QColor("#eef3fb")
FILL = QColor("#f3f1ec")
HIT = QColor("#ffe49a")


def use_theme(theme) -> None:
    """Recolour the drawn views for ``theme`` (a ``theme.Theme``): the colours above
    are shared objects, changed in place so every view that imported them follows."""
    ui = theme.ui
    for color, value in (
        (INK, ui["ink"]),
        (MUTED, ui["muted"]),
        (RULE, ui["border"]),
        (BAND, ui["alt_base"]),
        (ACCENT, ui["accent"]),
        (PAGE_FILL, ui["base"]),
        (HOVER, ui["review_band"]),
        (FILL, ui["panel"]),
        (HIT, theme.search_hit.background),
        *((WORDS[word], theme.words[word]) for word in WORDS),
    ):
        color.setRgba(QColor(value).rgba())


STATUS_CHOICES = (
    ("Not rejected", None),
    ("Accepted", "accepted"),
    ("Suggested", "suggested"),
    ("Rejected", "rejected"),
)


def blend_toward(color: QColor, t: float) -> QColor:
    """``color`` at strength t (0: white, 1: itself)."""
    return QColor(
        round(255 + (color.red() - 255) * t),
        round(255 + (color.green() - 255) * t),
        round(255 + (color.blue() - 255) * t),
    )


def readable_on(fill: QColor) -> QColor:
    luma = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
    return QColor("#ffffff") if luma < 150 else INK


# -- a lazily paged table model -----------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort: str | None = None  # the query's order_by; None: not sortable
    width: int | None = None  # None: stretches
    numeric: bool = False


Fetch = Callable[[int, int, str, bool], list[dict[str, Any]]]


class PagedModel(QAbstractTableModel):
    """Rows from ``fetch(limit, offset, order_by, descending)``, a page at a time."""

    loaded = Signal(int)  # total rows

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Fetch,
        count: Callable[[], int],
        order_by: str,
        descending: bool = False,
    ) -> None:
        super().__init__()
        self.columns = columns
        self.fetch = fetch
        self.count = count
        self.order_by = order_by
        self.descending = descending
        self.rows: list[dict[str, Any]] = []
        self.total = 0

    def reload(self) -> None:
        self.beginResetModel()
        self.total = self.count()
        self.rows = self.fetch(PAGE, 0, self.order_by, self.descending) if self.total else []
        self.endResetModel()
        self.loaded.emit(self.total)

    def row(self, index: int) -> dict[str, Any]:
        return self.rows[index]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex) -> None:
        more = self.fetch(PAGE, len(self.rows), self.order_by, self.descending)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort
        if key is None:
            return
        self.order_by = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def display(self, row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        if key == "stance" and value:
            return STANCE_MARKS.get(value, value)
        if key == "aliases":
            return ", ".join(value or [])
        if key == "title":
            return one_line(value) or "(untitled)"
        if key == "date" and value is None:
            return "undated"  # greyed like every date; never the day it was imported
        if value is None:
            return ""
        if isinstance(value, int):
            return f"{value:,}"
        return one_line(str(value))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        key = column.key
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            value = row.get(key)
            if isinstance(value, str) and len(value) > 30:
                return plain_tooltip(value)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("stance", "status") and row.get(key) in WORDS:
                return WORDS[row[key]]
            if key in ("date", "kind") or column.numeric:
                return MUTED
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def list_fetch(rows: Callable[[], list[dict[str, Any]]]) -> tuple[Fetch, Callable[[], int]]:
    """fetch/count over a small list computed once per reload, sorted in Python."""
    cache: list[list[dict[str, Any]]] = [[]]

    def count() -> int:
        cache[0] = rows()
        return len(cache[0])

    def fetch(limit: int, offset: int, order_by: str, descending: bool) -> list[dict[str, Any]]:
        items = cache[0]
        if order_by:
            items = sorted(
                items,
                key=lambda r: (r.get(order_by) is None, str(r.get(order_by) or "").casefold()),
                reverse=descending,
            )
        return items[offset : offset + limit]

    return fetch, count


def make_table(model: PagedModel, *, sortable: bool = True) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    for i, column in enumerate(model.columns):
        if column.width is None:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(i, column.width)
    if sortable:
        current = next((i for i, c in enumerate(model.columns) if c.sort == model.order_by), -1)
        header.setSortIndicator(
            current,
            Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder,
        )
        table.setSortingEnabled(True)

        def keep_sortable(section: int, _order: Qt.SortOrder) -> None:
            if section >= 0 and model.columns[section].sort is None:
                # Not a sortable column: put the arrow back where the order is.
                back = next(
                    (i for i, c in enumerate(model.columns) if c.sort == model.order_by), -1
                )
                header.blockSignals(True)
                header.setSortIndicator(
                    back,
                    Qt.SortOrder.DescendingOrder
                    if model.descending
                    else Qt.SortOrder.AscendingOrder,
                )
                header.blockSignals(False)

        header.sortIndicatorChanged.connect(keep_sortable)
    return table


def make_combo(choices: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for text, data in choices:
        combo.addItem(text, data)
    return combo


def search_box(placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    return box


def count_label() -> QLabel:
    label = QLabel()
    label.setObjectName("viewCount")  # coloured by the theme (style.qss)
    return label


class SpeakerBox(QLineEdit):
    """A speaker name box with completion; ``speaker_filter()`` gives the filter fields:
    the speaker's id when a suggestion was taken, else a "name contains" text."""

    def __init__(self, session: Session, placeholder: str = "Speaker…") -> None:
        super().__init__()
        self.session = session
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.ids: dict[str, str] = {}
        self.names = QStringListModel()
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)

    def _suggest(self, text: str) -> None:
        rows = self.session.store.speakers(prefix=text.strip(), limit=40) if text.strip() else []
        self.ids.update({r["name"]: r["id"] for r in rows})
        self.names.setStringList([r["name"] for r in rows])

    def set_speaker(self, speaker_id: str | None, name: str) -> None:
        if speaker_id:
            self.ids[name] = speaker_id
        self.setText(name)

    def speaker_filter(self) -> dict[str, Any]:
        text = one_line(self.text())
        if not text:
            return {"speaker_id": None, "speaker_text": ""}
        if text in self.ids:
            return {"speaker_id": self.ids[text], "speaker_text": ""}
        return {"speaker_id": None, "speaker_text": text}


# -- the tabs -----------------------------------------------------------------------------


class ViewTab(QWidget):
    """One corpus view. It reports through its own signals; the container wires them."""

    view = ""
    open_span = Signal(str, str)  # article id, span id or ""
    open_search_hit = Signal(str, int, int)  # article id, start, end (code points)
    message = Signal(str)  # a short note for the status bar
    data_changed = Signal()  # this tab changed the data: every view re-reads
    export_requested = Signal(str)  # "Export these…": a format, or "" to ask
    # Claims and Positions offer their rows as a table as well as their articles.
    TABLE_EXPORT = False

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.stale = True
        self.count_label = count_label()
        self.export_button = QPushButton("Export these…")
        self.export_button.setToolTip("Write the articles this view shows to a file")
        self.export_button.clicked.connect(self._export_clicked)

    def _export_clicked(self) -> None:
        if not self.TABLE_EXPORT:
            self.export_requested.emit("")
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for fmt, text in VIEW_EXPORT_CHOICES:
            menu.addAction(text, lambda f=fmt: self.export_requested.emit(f))
        # Not exec(): a menu that waits in a loop of its own blocks the window's timers.
        menu.popup(self.export_button.mapToGlobal(self.export_button.rect().bottomLeft()))

    def table_columns(self) -> list[tuple[str, str]]:
        """The (key, heading) of the columns the table shows, for a CSV of its rows."""
        return [(c.key, c.title) for c in self.model.columns]

    @property
    def store(self) -> Store:
        return self.session.store

    def layers(self) -> tuple[str, ...] | None:
        """The layers the window shows (every view follows them)."""
        return self.session.layers()

    def view_filter(self) -> ViewFilter:
        return ViewFilter(layers=self.layers())

    def query(self) -> str:
        return ""

    def refresh(self) -> None:
        self.stale = False

    def filtered_model(
        self,
        columns: Sequence[Column],
        page: Callable[..., list],
        count: Callable[..., int],
        default_order: str,
        model_class: type[PagedModel] = PagedModel,
    ) -> PagedModel:
        """A paged model over a query of ``annotator.core.store.queries`` under this tab's filter."""
        return model_class(
            columns,
            lambda limit, offset, order, desc: page(
                self.store,
                self.view_filter(),
                order_by=order,
                descending=desc,
                limit=limit,
                offset=offset,
            ),
            lambda: count(self.store, self.view_filter()),
            default_order,
        )

    def _debounced(self, slot: Callable[[], None], ms: int = 250) -> QTimer:
        timer = QTimer(self, singleShot=True, interval=ms)
        timer.timeout.connect(slot)
        return timer

    def _open_row(self, row: dict[str, Any]) -> None:
        self.open_span.emit(row["article_id"], row.get("span_id") or "")

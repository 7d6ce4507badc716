"""Corpus-wide views: who is quoted, what they said, where they stand, when, and search.

``CorpusViews`` is a tab widget over a Session: Speakers, Claims, Positions (a
speaker × target grid painted with QPainter, or a list), Timeline (a QPainter
chart) and Search. Every table is a lazily paged model over
``annotator.core.queries`` (no SQL here), so a corpus of 1,000,000 highlights
opens as fast as a small one. Double-clicking a row emits ``open_span`` (article
id, span id or "") or, for search results, ``open_search_hit`` (article id, start,
end in code points of the stored text). "Export these…" writes the articles the
current view shows (``export_current``). The window calls ``refresh()`` when the
store changes; hidden tabs re-query when they are next shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..core import queries as q
from ..core.errors import AnnotatorError
from ..core.queries import PositionGrid, ViewFilter, dominant_stance
from ..core.schema import CLAIM_KINDS, DEFAULT_LABELS, STANCES
from ..core.store import Store
from .qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QButtonGroup,
    QColor,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QModelIndex,
    QPainter,
    QPen,
    QPoint,
    QPointF,
    QPushButton,
    QRectF,
    QScrollArea,
    QSize,
    QSplitter,
    QStackedWidget,
    QStringListModel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QTabWidget,
    QTimer,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
)
from .session import Session
from .workers import BackgroundTask

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
STATUS_COLORS = {"accepted": "#2f7d43", "suggested": "#a8740c", "rejected": "#b03a30"}
INK = QColor("#1d1d1f")
MUTED = QColor("#6b6b70")
RULE = QColor("#e2ded5")
BAND = QColor("#f8f7f3")
ACCENT = QColor("#2f6fd6")
STATUS_CHOICES = (
    ("Not rejected", None),
    ("Accepted", "accepted"),
    ("Suggested", "suggested"),
    ("Rejected", "rejected"),
)
EXPORT_FILTERS = {
    "jsonl": "JSON Lines, one article a line (*.jsonl)",
    "csv": "CSV, one row per highlight (*.csv)",
    "w3c": "W3C Web Annotation JSON-LD (*.json)",
}


def _blend(color: QColor, t: float) -> QColor:
    """``color`` at strength t (0: white, 1: itself)."""
    return QColor(
        round(255 + (color.red() - 255) * t),
        round(255 + (color.green() - 255) * t),
        round(255 + (color.blue() - 255) * t),
    )


def _readable_on(fill: QColor) -> QColor:
    luma = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
    return QColor("#ffffff") if luma < 150 else INK


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


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
            return _one_line(value) or "(untitled)"
        if value is None:
            return ""
        if isinstance(value, int):
            return f"{value:,}"
        return _one_line(str(value))

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
            if key == "stance" and row.get("stance") in STANCE_COLORS:
                return STANCE_COLORS[row["stance"]].darker(115)
            if key == "status" and row.get("status") in STATUS_COLORS:
                return QColor(STATUS_COLORS[row["status"]])
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


def _combo(choices: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for text, data in choices:
        combo.addItem(text, data)
    return combo


def _search_box(placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    return box


def _count_label() -> QLabel:
    label = QLabel()
    label.setObjectName("viewCount")
    label.setStyleSheet("color: #6b6b70;")
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
        text = " ".join(self.text().split())
        if not text:
            return {"speaker_id": None, "speaker_text": ""}
        if text in self.ids:
            return {"speaker_id": self.ids[text], "speaker_text": ""}
        return {"speaker_id": None, "speaker_text": text}


# -- the tabs -----------------------------------------------------------------------------


class _Tab(QWidget):
    view = ""

    def __init__(self, views: CorpusViews) -> None:
        super().__init__()
        self.views = views
        self.session = views.session
        self.stale = True
        self.count_label = _count_label()
        self.export_button = QPushButton("Export these…")
        self.export_button.setToolTip("Write the articles this view shows to a file")
        self.export_button.clicked.connect(views.export_dialog)

    @property
    def store(self) -> Store:
        return self.session.store

    def view_filter(self) -> ViewFilter:
        return ViewFilter()

    def query(self) -> str:
        return ""

    def refresh(self) -> None:
        self.stale = False

    def _debounced(self, slot: Callable[[], None], ms: int = 250) -> QTimer:
        timer = QTimer(self, singleShot=True, interval=ms)
        timer.timeout.connect(slot)
        return timer

    def _open_row(self, row: dict[str, Any]) -> None:
        self.views.open_span.emit(row["article_id"], row.get("span_id") or "")


class SpeakersTab(_Tab):
    view = "speakers"
    COLUMNS = (
        Column("name", "Speaker", "name", 250),
        Column("aliases", "Also called", None, None),
        Column("kind", "Kind", "kind", 96),
        Column("role", "Role", "role", 190),
        Column("affiliation", "Affiliation", "affiliation", 190),
        Column("claims", "Claims", "claims", 68, numeric=True),
        Column("articles", "Articles", "articles", 68, numeric=True),
    )

    def __init__(self, views: CorpusViews) -> None:
        super().__init__(views)
        self.filter = _search_box("Filter by name, alias, role or affiliation…")
        self.model = PagedModel(
            self.COLUMNS,
            lambda limit, offset, order, desc: q.speakers_page(
                self.store,
                self.view_filter(),
                order_by=order,
                descending=desc,
                limit=limit,
                offset=offset,
            ),
            lambda: q.speakers_count(self.store, self.view_filter()),
            "name",
        )
        self.table = make_table(self.model)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.rename_button = QPushButton("Rename…")
        self.alias_button = QPushButton("Add alias…")
        self.merge_button = QPushButton("Merge into…")
        self.claims_button = QPushButton("Show claims")
        for button, tip in (
            (self.rename_button, "Change the speaker's name"),
            (self.alias_button, "Another name the speaker goes by"),
            (
                self.merge_button,
                "Move every mention, claim and position to another speaker (undo with Edit ▸ Undo)",
            ),
            (self.claims_button, "List this speaker's claims"),
        ):
            button.setToolTip(tip)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        for button in (
            self.rename_button,
            self.alias_button,
            self.merge_button,
            self.claims_button,
            self.export_button,
        ):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._timer = self._debounced(self.apply_filter)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.model.loaded.connect(lambda n: self.count_label.setText(_plural(n, "speaker")))
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.rename_button.clicked.connect(self.rename_dialog)
        self.alias_button.clicked.connect(self.alias_dialog)
        self.merge_button.clicked.connect(self.merge_dialog)
        self.claims_button.clicked.connect(self.show_claims)
        self._enable()

    def view_filter(self) -> ViewFilter:
        return ViewFilter(text=self.filter.text().strip())

    def apply_filter(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        keep = self.selected()
        self.model.reload()
        if keep:
            self.select(keep["id"])
        self._enable()

    def _enable(self) -> None:
        has = self.selected() is not None
        for button in (
            self.rename_button,
            self.alias_button,
            self.merge_button,
            self.claims_button,
        ):
            button.setEnabled(has)

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.row(index.row())

    def select(self, speaker_id: str) -> bool:
        for i, row in enumerate(self.model.rows):
            if row["id"] == speaker_id:
                self.table.selectRow(i)
                self.table.setCurrentIndex(self.model.index(i, 0))
                return True
        return False

    def _double_clicked(self, index: QModelIndex) -> None:
        found = q.speaker_first_span(self.store, self.model.row(index.row())["id"])
        if found:
            self.views.open_span.emit(found[0], found[1] or "")

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("Rename…", self.rename_dialog)
        menu.addAction("Add alias…", self.alias_dialog)
        menu.addAction("Merge into…", self.merge_dialog)
        menu.addSeparator()
        menu.addAction("Show claims", self.show_claims)
        menu.addAction("Show on timeline", self.show_timeline)
        menu.addAction("Open first mention", lambda: self._double_clicked(index))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # The actions; the *_dialog methods ask, the others can be called directly.

    def rename_selected(self, name: str) -> bool:
        row = self.selected()
        name = " ".join(name.split())
        if row is None or not name:
            return False
        ok = self.session.run(lambda s: s.update_speaker(row["id"], name=name)) is not None
        self._after(ok, f"Renamed {row['name']} to {name}")
        return ok

    def add_alias_selected(self, alias: str) -> bool:
        row = self.selected()
        alias = " ".join(alias.split())
        if row is None or not alias:
            return False
        aliases = list(row["aliases"])
        if alias.casefold() in {a.casefold() for a in aliases} | {row["name"].casefold()}:
            return False
        aliases.append(alias)
        ok = self.session.run(lambda s: s.update_speaker(row["id"], aliases=aliases)) is not None
        self._after(ok, f"{row['name']} is also called {alias}")
        return ok

    def merge_selected_into(self, keep_id: str) -> bool:
        """Merge the selected speaker into ``keep_id`` (one undoable action)."""
        row = self.selected()
        if row is None or keep_id == row["id"]:
            return False
        ok = self.session.run(lambda s: s.merge_speakers(keep_id, row["id"])) is not None
        keep = self.store.speaker(keep_id)
        self._after(
            ok,
            f"Merged {row['name']} into {keep['name'] if keep else keep_id}"
            " (Edit ▸ Undo takes it back)",
        )
        if ok:
            self.select(keep_id)
        return ok

    def _after(self, ok: bool, message: str) -> None:
        if ok:
            self.views.message.emit(message)
            self.views.refresh()

    def rename_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, ok = QInputDialog.getText(self, "Rename speaker", "Name:", text=row["name"])
        if ok:
            self.rename_selected(name)

    def alias_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        alias, ok = QInputDialog.getText(self, "Add alias", f"Another name for {row['name']}:")
        if ok:
            self.add_alias_selected(alias)

    def merge_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        picker = SpeakerPicker(
            self.session, exclude=row["id"], parent=self, title=f"Merge {row['name']} into…"
        )
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.merge_selected_into(picker.chosen)

    def show_claims(self) -> None:
        row = self.selected()
        if row is not None:
            self.views.claims.set_filter(speaker_id=row["id"], speaker_name=row["name"])
            self.views.show_view("claims")

    def show_timeline(self) -> None:
        row = self.selected()
        if row is not None:
            self.views.timeline.choose("speaker", row["id"])
            self.views.show_view("timeline")


class SpeakerPicker(QDialog):
    """Pick another speaker: type to filter, double-click or OK."""

    def __init__(
        self, session: Session, *, exclude: str | None, parent: QWidget | None, title: str
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.exclude = exclude
        self.chosen: str | None = None
        self.setWindowTitle(title)
        self.resize(460, 420)
        self.filter = _search_box("Type a name…")
        self.list = QListWidget()
        note = QLabel(
            "Their mentions, claims and positions move to the speaker you pick; "
            "their name becomes an alias. Edit ▸ Undo takes it back."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b6b70;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._fill)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept())
        self._fill("")

    def _fill(self, text: str) -> None:
        self.list.clear()
        rows = q.speakers_page(self.session.store, ViewFilter(text=text.strip()), limit=200)
        for row in rows:
            if row["id"] == self.exclude:
                continue
            extra = ", ".join(x for x in (row["role"], row["affiliation"]) if x)
            item = QListWidgetItem(
                f"{row['name']}"
                + (f"  —  {extra}" if extra else "")
                + f"   ({row['claims']} claims)"
            )
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()


class ClaimsTab(_Tab):
    view = "claims"
    COLUMNS = (
        Column("speaker", "Speaker", "speaker", 190),
        Column("text", "Claim", "text", None),
        Column("title", "Article", "title", 250),
        Column("date", "Date", "date", 92),
        Column("kind", "Kind", "kind", 78),
        Column("status", "Status", "status", 86),
    )

    def __init__(self, views: CorpusViews) -> None:
        super().__init__(views)
        self.text = _search_box("Words in the claim…")
        self.speaker = SpeakerBox(self.session)
        self.status = _combo(list(STATUS_CHOICES))
        self.kind = _combo([("Any kind", None), *((k, k) for k in CLAIM_KINDS)])
        self.model = PagedModel(
            self.COLUMNS,
            lambda limit, offset, order, desc: q.claims_page(
                self.store,
                self.view_filter(),
                order_by=order,
                descending=desc,
                limit=limit,
                offset=offset,
            ),
            lambda: q.claims_count(self.store, self.view_filter()),
            "corpus",
        )
        self.table = make_table(self.model)
        top = QHBoxLayout()
        top.addWidget(self.text, 3)
        top.addWidget(self.speaker, 2)
        top.addWidget(self.status)
        top.addWidget(self.kind)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._timer = self._debounced(self.apply_filter)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.speaker.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.loaded.connect(lambda n: self.count_label.setText(_plural(n, "claim")))
        self.table.doubleClicked.connect(lambda i: self._open_row(self.model.row(i.row())))

    def view_filter(self) -> ViewFilter:
        return ViewFilter(
            text=self.text.text().strip(),
            status=self.status.currentData(),
            kind=self.kind.currentData(),
            **self.speaker.speaker_filter(),
        )

    def set_filter(
        self,
        *,
        text: str | None = None,
        speaker_name: str | None = None,
        speaker_id: str | None = None,
        status: str | bool | None = False,
        kind: str | bool | None = False,
    ) -> None:
        """Set filter fields (those given) and re-query at once."""
        for box in (self.text, self.speaker, self.status, self.kind):
            box.blockSignals(True)
        try:
            if text is not None:
                self.text.setText(text)
            if speaker_name is not None:
                self.speaker.set_speaker(speaker_id, speaker_name)
            if status is not False:
                self.status.setCurrentIndex(max(0, self.status.findData(status)))
            if kind is not False:
                self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        finally:
            for box in (self.text, self.speaker, self.status, self.kind):
                box.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.model.reload()


# -- positions: the grid ------------------------------------------------------------------


class PositionGridWidget(QWidget):
    """Speakers (rows) × targets (columns); each cell coloured by its dominant stance,
    darker with more positions, with the count and, when stances differ, a bar of
    their shares. Click a cell to list its evidence."""

    cell_clicked = Signal(str, str)  # speaker id ("" for none), target id

    CELL_W, CELL_H, GAP = 46, 30, 3
    LABEL_ANGLE = 45

    def __init__(self) -> None:
        super().__init__()
        self.grid = PositionGrid([], [], {})
        self.selected: tuple[int, int] | None = None
        self.hover: tuple[int, int] | None = None
        self.setMouseTracking(True)
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

    def cell_at(self, pos: QPoint | QPointF) -> tuple[int, int] | None:
        x, y = pos.x() - self.left, pos.y() - self.top
        if x < 0 or y < 0:
            return None
        col, row = int(x // self.CELL_W), int(y // self.CELL_H)
        if row < len(self.grid.speakers) and col < len(self.grid.targets):
            return row, col
        return None

    def select_cell(self, row: int, col: int) -> None:
        if not (0 <= row < len(self.grid.speakers) and 0 <= col < len(self.grid.targets)):
            return
        self.selected = (row, col)
        self.update()
        self.cell_clicked.emit(self.grid.speakers[row].id, self.grid.targets[col].id)

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
        painter.fillRect(self.rect(), QColor("#ffffff"))
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
        self._paint_legend(painter)
        # Bands for the hovered row and column, then light rules every five rows.
        if self.hover is not None:
            band = QColor("#eef3fb")
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
        # Row labels.
        fm = QFontMetrics(self.label_font)
        for r, speaker in enumerate(self.grid.speakers):
            rect = QRectF(8, self.top + r * self.CELL_H, self.left - 18, self.CELL_H)
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
        # Column labels, rotated to read upwards to the right.
        for c, target in enumerate(self.grid.targets):
            hot = (self.hover is not None and self.hover[1] == c) or (
                self.selected is not None and self.selected[1] == c
            )
            painter.save()
            painter.translate(self.left + c * self.CELL_W + self.CELL_W / 2 + 2, self.top - 8)
            painter.rotate(-self.LABEL_ANGLE)
            painter.setFont(self.bold_font if hot else self.label_font)
            painter.setPen(INK)
            text = fm.elidedText(target.name, Qt.TextElideMode.ElideRight, self.label_len)
            painter.drawText(QPointF(0, fm.ascent() / 2 - 1), text)
            painter.restore()
        # Cells.
        biggest = max(self.grid.max_count(), 1)
        for r, speaker in enumerate(self.grid.speakers):
            for c, target in enumerate(self.grid.targets):
                self._paint_cell(painter, r, c, self.grid.cell(speaker.id, target.id), biggest)
        painter.end()

    def _paint_cell(
        self, painter: QPainter, r: int, c: int, counts: dict[str, int], biggest: int
    ) -> None:
        rect = self.cell_rect(r, c)
        total = sum(counts.values())
        if not total:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f3f1ec"))
            painter.drawRoundedRect(rect.adjusted(6, 6, -6, -6), 3, 3)
        else:
            stance = dominant_stance(counts) or "neutral"
            # Log scale: one cell with 1,000 positions leaves the others readable.
            strength = 0.38 + 0.62 * math.log1p(total) / math.log1p(biggest)
            fill = _blend(STANCE_COLORS[stance], strength)
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
            painter.setPen(_readable_on(fill))
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
            painter.setBrush(_blend(STANCE_COLORS[stance], 0.8))
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


class PositionsTab(_Tab):
    view = "positions"
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

    def __init__(self, views: CorpusViews) -> None:
        super().__init__(views)
        self.text = _search_box("Filter by speaker or target…")
        self.stance = _combo([("Any stance", None), *((s, s) for s in STANCES)])
        self.status = _combo(list(STATUS_CHOICES))
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
            button.setStyleSheet(
                "QToolButton { border: 1px solid #d6d1c6; padding: 3px 12px; background: #ffffff; }"
                "QToolButton:checked { background: #d7e4fa; border-color: #2f6fd6; }"
            )
        top = QHBoxLayout()
        top.addWidget(self.text, 2)
        top.addWidget(self.stance)
        top.addWidget(self.status)
        top.addWidget(self.grid_button)
        top.addWidget(self.list_button)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        # The grid page: the grid above, the selected cell's evidence below.
        self.grid = PositionGridWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.grid)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll.setStyleSheet("QScrollArea { background: #ffffff; border: 1px solid #e2ded5; }")
        self.grid_note = QLabel()
        self.grid_note.setStyleSheet("color: #6b6b70;")
        self.cell: tuple[str, str] | None = None
        self.cell_title = QLabel("Click a cell to see the claims behind it.")
        self.cell_title.setStyleSheet("font-weight: 600; color: #1d1d1f;")
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
        # The list page.
        self.model = PagedModel(
            self.LIST_COLUMNS,
            lambda limit, offset, order, desc: q.positions_page(
                self.store,
                self.view_filter(),
                order_by=order,
                descending=desc,
                limit=limit,
                offset=offset,
            ),
            lambda: q.positions_count(self.store, self.view_filter()),
            "corpus",
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
        self.model.loaded.connect(self._count_changed)
        self.table.doubleClicked.connect(lambda i: self._open_row(self.model.row(i.row())))
        self.evidence.doubleClicked.connect(
            lambda i: self._open_row(self.evidence_model.row(i.row()))
        )

    def view_filter(self) -> ViewFilter:
        return ViewFilter(
            text=self.text.text().strip(),
            stance=self.stance.currentData(),
            status=self.status.currentData(),
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
            f"{_plural(grid.positions, 'position')} · {grid.speaker_total:,} speakers × "
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
            self.count_label.setText(_plural(n, "position"))

    def show_cell(self, speaker_id: str, target_id: str) -> None:
        self.cell = (speaker_id, target_id)
        self._reload_cell()

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
            f"{speaker} on “{target}”: {positions} position{'s' if positions != 1 else ''}, "
            f"{sum(1 for r in self.evidence_model.rows if r['claim_id'])} evidence claims "
            "(double-click to open)"
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

    def set_points(self, points: list[dict[str, Any]], by: str, *, max_rows: int = 300) -> None:
        """``by``: what the rows are ("target" or "speaker")."""
        self.by = by
        counts: dict[str, int] = {}
        for p in points:
            counts[p[by]] = counts.get(p[by], 0) + 1
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        self.rows = ordered[:max_rows]
        keep = {name for name, _ in self.rows}
        dated = [(p, _date(p["date"])) for p in points if p[by] in keep]
        self.points = [p for p, d in dated if d is not None]
        self.days = [d.toordinal() for _p, d in dated if d is not None]
        hidden = len(ordered) - len(self.rows)
        self.note = f"{hidden:,} more {by}s with fewer positions are not shown" if hidden else ""
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
            f"{p['date']}  {STANCE_MARKS[p['stance']]}  {p[other]}\n    {_one_line(p['title'])[:90]}"
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
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.rows:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "No positions to show for this choice."
            )
            painter.end()
            return
        fm = QFontMetrics(self.font())
        right = self.width() - 24
        bottom = self.TOP + len(self.rows) * self.ROW_H
        # Row bands and labels.
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
        # The time axis: gridlines, ticks and labels.
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
            "article date (published, or imported when unknown)",
        )
        # Markers.
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
            dated = any(p.get("dated", 1) for p in items)
            if dated:
                painter.setPen(QPen(QColor("#ffffff"), 1.6))
                painter.setBrush(STANCE_COLORS[stance])
            else:  # only the import day is known: a ring, not a dot
                painter.setPen(QPen(STANCE_COLORS[stance], 2.4))
                painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(center, radius - (0 if dated else 1), radius - (0 if dated else 1))
            if len(items) > 1:
                painter.setFont(self.bold_small)
                painter.setPen(QColor("#ffffff") if dated else STANCE_COLORS[stance].darker(130))
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
        self._paint_legend(painter)
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        painter.setFont(self.small_font)
        fm = QFontMetrics(self.small_font)
        x, y = float(self.left), 16.0
        for stance in STANCES:
            painter.setPen(QPen(QColor("#ffffff"), 1.2))
            painter.setBrush(STANCE_COLORS[stance])
            painter.drawEllipse(QPointF(x + 6, y), 6, 6)
            painter.setPen(INK)
            painter.drawText(QPointF(x + 16, y + fm.ascent() / 2 - 1), stance)
            x += 28 + fm.horizontalAdvance(stance)
        if any(not p.get("dated", 1) for p in self.points):
            painter.setPen(QPen(MUTED, 2))
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(QPointF(x + 6, y), 5, 5)
            painter.setPen(INK)
            label = "no published date (import day)"
            painter.drawText(QPointF(x + 16, y + fm.ascent() / 2 - 1), label)
            x += 28 + fm.horizontalAdvance(label)
        painter.setPen(MUTED)
        text = f"{len(self.points):,} positions"
        if self.note:
            text += f" · {self.note}"
        painter.drawText(QPointF(x + 12, y + fm.ascent() / 2 - 1), text)


class TimelineTab(_Tab):
    view = "timeline"

    def __init__(self, views: CorpusViews) -> None:
        super().__init__(views)
        self.mode = _combo([("Speaker", "speaker"), ("Target", "target")])
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
        self.scroll.setStyleSheet("QScrollArea { background: #ffffff; border: 1px solid #e2ded5; }")
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
        if key is None:
            return ViewFilter()
        return ViewFilter(speaker_id=key) if self.by() == "speaker" else ViewFilter(target=key)

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
        rows = q.timeline_subjects(self.store, by)
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
        if key is None:
            points = []
        elif by == "speaker":
            points = q.timeline(self.store, speaker_id=key)
        else:
            points = q.timeline(self.store, target=key)
        self.chart.set_points(points, "target" if by == "speaker" else "speaker")
        self.count_label.setText(_plural(len(points), "position"))

    def _open_position(self, position_id: str) -> None:
        found = q.position_first_span(self.store, position_id)
        if found:
            self.views.open_span.emit(found[0], found[1] or "")


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
            painter.fillRect(
                QRectF(x - 1, rect.top() + 4, w + 2, rect.height() - 8), QColor("#ffe49a")
            )
            painter.setFont(bold)
            painter.setPen(INK)
            painter.drawText(QPointF(x, baseline), hit)
            x += w
        painter.setFont(font)
        painter.setPen(MUTED)
        rest = fm.elidedText(after, Qt.TextElideMode.ElideRight, max(0, int(rect.right() - x)))
        painter.drawText(QPointF(x, baseline), rest)
        painter.restore()


class SearchTab(_Tab):
    view = "search"
    COLUMNS = (
        Column("title", "Article", None, 260),
        Column("date", "Date", None, 92),
        Column("hit_count", "Hits", None, 52, numeric=True),
        Column("snippet", "Where", None, None),
    )
    ORDERS = (("Best match", "relevance"), ("Newest first", "date"), ("Corpus order", "corpus"))

    def __init__(self, views: CorpusViews) -> None:
        super().__init__(views)
        self.box = _search_box(
            "Search article texts for a phrase (any case; end with * for a word start)…"
        )
        self.order = _combo(list(self.ORDERS))
        self.go = QPushButton("Search")
        self.label = _combo(
            [
                ("Anywhere in the text", None),
                *((f"in {lbl} highlights", lbl) for lbl in DEFAULT_LABELS),
            ]
        )
        self.speaker = SpeakerBox(self.session, "Said by…")
        self.target = _search_box("On target…")
        self.stance = _combo([("Any stance", None), *((s, s) for s in STANCES)])
        self.status = _combo(
            [
                ("Any status", None),
                ("Accepted", "accepted"),
                ("Suggested", "suggested"),
                ("Rejected", "rejected"),
            ]
        )
        self.annotator = _search_box("Annotator")
        self.date_from = _search_box("from YYYY-MM-DD")
        self.date_to = _search_box("to YYYY-MM-DD")
        for box, width in ((self.annotator, 110), (self.date_from, 128), (self.date_to, 118)):
            box.setMaximumWidth(width)
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
        row2 = QHBoxLayout()
        for widget in (
            self.label,
            self.speaker,
            self.target,
            self.stance,
            self.status,
            self.annotator,
            self.date_from,
            self.date_to,
        ):
            row2.addWidget(widget)
        self.hint = QLabel(
            "A highlight filter (label, speaker, target, stance, status, "
            "annotator) searches inside those highlights only."
        )
        self.hint.setStyleSheet("color: #6b6b70;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(row1)
        layout.addLayout(row2)
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
            self.count_label.setText(_plural(n, "article"))

    def _double_clicked(self, index: QModelIndex) -> None:
        self.open_result(index.row())

    def open_result(self, row_index: int, hit: int = 0) -> None:
        row = self.model.row(row_index)
        if row["hits"]:
            start, end = row["hits"][min(hit, len(row["hits"]) - 1)]
            self.views.open_search_hit.emit(row["article_id"], start, end)
        else:
            self.views.open_span.emit(row["article_id"], "")


# -- the whole ----------------------------------------------------------------------------


class CorpusViews(QWidget):
    """Tabs of corpus-wide views over a Session (see the module docstring)."""

    open_span = Signal(str, str)  # article id, span id or ""
    open_search_hit = Signal(str, int, int)  # article id, start, end (code points)
    message = Signal(str)  # a short note for the status bar
    exported = Signal(int, str)  # articles written, path
    export_failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corpusViews")
        self.session = session
        self.tasks: list[BackgroundTask] = []
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.speakers = SpeakersTab(self)
        self.claims = ClaimsTab(self)
        self.positions = PositionsTab(self)
        self.timeline = TimelineTab(self)
        self.search = SearchTab(self)
        for tab, title in (
            (self.speakers, "Speakers"),
            (self.claims, "Claims"),
            (self.positions, "Positions"),
            (self.timeline, "Timeline"),
            (self.search, "Search"),
        ):
            self.tabs.addTab(tab, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._shown)
        self.current_tab().refresh()

    def all_tabs(self) -> list[_Tab]:
        return [self.speakers, self.claims, self.positions, self.timeline, self.search]

    def current_tab(self) -> _Tab:
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def current_view(self) -> str:
        return self.current_tab().view

    def show_view(self, name: str) -> None:
        for i, tab in enumerate(self.all_tabs()):
            if tab.view == name:
                self.tabs.setCurrentIndex(i)
                if tab.stale:
                    tab.refresh()
                return
        raise ValueError(f"no view {name!r}")

    def _shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, _Tab) and tab.stale:
            tab.refresh()

    def refresh(self) -> None:
        """Re-query: the visible tab now, the others when next shown."""
        for tab in self.all_tabs():
            tab.stale = True
        self.current_tab().refresh()

    # -- exporting what the current view shows ------------------------------------------

    def export_dialog(self) -> None:
        tab = self.current_tab()
        start = Path.home() / f"{tab.view}.jsonl"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the articles this view shows",
            str(start),
            ";;".join(EXPORT_FILTERS.values()),
        )
        if not path:
            return
        fmt = next((f for f, text in EXPORT_FILTERS.items() if text == chosen), None)
        if fmt is None:
            fmt = {".csv": "csv", ".json": "w3c"}.get(Path(path).suffix.lower(), "jsonl")
        self.export_current(path, fmt)

    def export_current(
        self, path: str | Path, fmt: str = "jsonl", *, show_dialog: bool = True
    ) -> BackgroundTask | None:
        """Export the articles the current view shows (its filter, label and status).

        With a database file, runs off the UI thread (progress, cancel) and returns the
        task; ``exported`` or ``export_failed`` tells the end. An in-memory store is
        exported at once (returns None).
        """
        tab = self.current_tab()
        view, flt, query = tab.view, tab.view_filter(), tab.query()
        target = str(path)

        def job(
            store: Store,
            progress: Callable[[int, int], None] | None,
            cancelled: Callable[[], bool] | None,
        ) -> int:
            return q.export_view(
                store,
                target,
                view,
                flt,
                query=query,
                fmt=fmt,
                progress=progress,
                cancelled=cancelled,
            )

        if self.session.path is None:
            try:
                written = job(self.session.store, None, None)
            except AnnotatorError as exc:
                self.export_failed.emit(str(exc))
            else:
                self._exported(written, target)
            return None
        task = BackgroundTask(
            self,
            "Exporting…",
            self.session.path,
            self.session.store.annotator,
            job,
            show_dialog=show_dialog,
        )
        task.done.connect(lambda n: self._exported(n, target))
        task.failed.connect(self.export_failed.emit)
        task.done.connect(lambda _n: self._forget(task))
        task.failed.connect(lambda _m: self._forget(task))
        self.tasks.append(task)
        task.start()
        return task

    def _exported(self, written: int, target: str) -> None:
        self.message.emit(f"{written:,} article{'s' if written != 1 else ''} exported to {target}")
        self.exported.emit(written, target)

    def _forget(self, task: BackgroundTask) -> None:
        if task in self.tasks:
            self.tasks.remove(task)

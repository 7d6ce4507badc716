"""Review › Adjudicate: one article's layers side by side, decided into `curated`.

The text is drawn once. Where every coder marked the same, the place is shaded
grey once; where they differ, each coder's spans carry that coder's style (A a
blue tint, B an orange underline, a third a green wave: colour is never the only
cue, and the three stay apart under colour blindness). The list beside the text
holds the places where coders differ; keys: J / K next and previous, A take A's,
B take B's, H take both, E edit in the article, Ctrl+Z undo. Decisions go to the
`curated` layer through ``store.curation`` (operations.adjudicate).
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.adjudication import Item, Places, lay_out, next_index
from ..core.store import Changes, Store
from ..core.store.queries.agreement import speaker_names
from . import operations as ops
from .block_formats import paint_ranges
from .dialog_job import Cancelled, DialogJob
from .offsets import OffsetMap
from .qt import (
    QAbstractListModel,
    QAction,
    QColor,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListView,
    QModelIndex,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QVBoxLayout,
    Signal,
)
from .session import Session

# Okabe-Ito blue, orange, bluish green: apart for normal and colour-blind vision.
LANE_COLOURS = ("#0072B2", "#E69F00", "#009E73")
AGREED = "#9E9E9E"
KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor


def lane_format(index: int) -> QTextCharFormat:
    """The style of the index-th coder's spans: a tint, an underline, a wave."""
    fmt = QTextCharFormat()
    colour = QColor(LANE_COLOURS[index % len(LANE_COLOURS)])
    if index % 3 == 0:
        tint = QColor(colour)
        tint.setAlpha(70)
        fmt.setBackground(tint)
    else:
        style = (
            QTextCharFormat.UnderlineStyle.SingleUnderline
            if index % 3 == 1
            else QTextCharFormat.UnderlineStyle.WaveUnderline
        )
        fmt.setUnderlineStyle(style)
        fmt.setUnderlineColor(colour)
        fmt.setFontUnderline(True)
    return fmt


def agreed_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    grey = QColor(AGREED)
    grey.setAlpha(60)
    fmt.setBackground(grey)
    return fmt


def read_places(article_id: str, coders: list[str] | None) -> Callable:
    """The background job reading one article's layers and lining them up."""

    def job(store: Store, progress, cancelled) -> Places:
        spans, claims = store.curation.layers(article_id)
        progress(1, 2)
        if cancelled():
            raise Cancelled()
        places = lay_out(spans, claims, lambda ids: speaker_names(store, ids), coders)
        progress(2, 2)
        if cancelled():
            raise Cancelled()
        return places

    return job


class PlacesModel(QAbstractListModel):
    """The places where coders differ, each described only when the list shows it."""

    def __init__(self, describe: Callable[[int], str]) -> None:
        super().__init__()
        self.rows: list[int] = []  # item indexes
        self._describe = describe

    def set_rows(self, rows: list[int]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(self.rows[index.row()])
        return None


class AdjudicationDialog(QDialog):
    """The coders' layers of one article, and the curator's decisions."""

    open_at = Signal(str, int, int)  # article id, start, end: "edit" opens it there
    loaded = Signal()  # the layers are read and drawn

    def __init__(self, session: Session, article_id: str, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id = article_id
        article = session.store.article(article_id)
        self.text_value: str = article["text"]
        self.offsets = OffsetMap(self.text_value)
        self.setWindowTitle(f"Adjudicate — {(article['title'] or article_id)[:60]}")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Article text with every coder's layer")
        self.text.setPlainText(self.text_value)
        self.model = PlacesModel(lambda index: self.describe(self.items[index]))
        self.places = QListView()
        self.places.setModel(self.model)
        self.places.setAccessibleName("Places where coders differ")
        self.places.setAlternatingRowColors(True)
        # One line per coder and one for the place: every entry is as tall.
        self.places.setUniformItemSizes(True)
        self.places.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.places.selectionModel().currentRowChanged.connect(self._row_changed)
        self.a_box, self.b_box = QComboBox(), QComboBox()
        self.a_box.setAccessibleName("Coder A")
        self.b_box.setAccessibleName("Coder B")
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        for text, run in (
            ("Take &A's", lambda: self.take("a")),
            ("Take &B's", lambda: self.take("b")),
            ("Take bot&h", lambda: self.take("both")),
            ("&Edit in the article", self.edit),
            ("&Undo", self.undo),
        ):
            button = QPushButton(text)
            button.clicked.connect(run)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("A:"))
        choose.addWidget(self.a_box)
        choose.addWidget(QLabel("B:"))
        choose.addWidget(self.b_box)
        choose.addWidget(self.legend, 1)
        split = QSplitter()
        split.addWidget(self.text)
        split.addWidget(self.places)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        for keys, run in (
            ("J", lambda: self.step(1)),
            ("K", lambda: self.step(-1)),
            ("A", lambda: self.take("a")),
            ("B", lambda: self.take("b")),
            ("H", lambda: self.take("both")),
            ("E", self.edit),
            (QKeySequence.StandardKey.Undo, self.undo),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(run)
            self.addAction(action)
        self.items: list[Item] = []
        self.coders: list[str] = []
        self.differ: list[int] = []
        self.speaker_names: dict[str, str] = {}
        self.current: int | None = None
        self._syncing = False  # moving the list's current row from here
        self._decided_at: int | None = None  # the place just decided, until drawn again
        self.job = DialogJob(self, session, "Reading the coders' layers…")
        self.job.finished.connect(self._apply)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        session.changed.connect(self._changed)
        self.resize(1100, 680)
        self.load()
        self.a_box.currentIndexChanged.connect(self._coders_changed)
        self.b_box.currentIndexChanged.connect(self._coders_changed)

    # -- reading and drawing -------------------------------------------------------

    @property
    def loading(self) -> bool:
        """The layers are being read (decisions wait until they are drawn)."""
        return self.job.running

    def load(self, *, show_dialog: bool = True) -> None:
        """Read the layers and line them up in the background; draw them when done."""
        self.status.setText("Reading the coders' layers…")
        self.job.start(read_places(self.article_id, self.coders or None), show_dialog=show_dialog)

    def _apply(self, places: Places) -> None:
        if not self.coders:
            for box, pick in ((self.a_box, 0), (self.b_box, 1)):
                box.blockSignals(True)
                box.addItems(places.coders)
                box.setCurrentIndex(min(pick, max(len(places.coders) - 1, 0)))
                box.blockSignals(False)
        self.coders = places.coders
        self.items = places.items
        self.differ = places.differ
        self.speaker_names = places.speaker_names
        self._draw()
        self._fill_list()
        here, self._decided_at = self._decided_at, None
        if here is not None:  # after a decision: on to the next place still to decide
            nxt = next_index([i for i in self.differ if not self.items[i].decided], here, 1)
            if nxt is not None:
                self.show_place(nxt)
        self.loaded.emit()

    def _changed(self, changes: Changes, initiator: object) -> None:
        """Someone changed the article elsewhere (edited in the window, undid there):
        read the layers again, so that no decision is taken on what is gone."""
        if initiator is self:
            return
        if self.article_id in changes.articles or (
            not changes.articles and changes.tables & {"spans", "claims", "positions"}
        ):
            self.load(show_dialog=False)

    def _failed(self, message: str) -> None:
        self._decided_at = None
        self.status.setText(f"Could not read the layers: {message}")

    def _cancelled(self) -> None:
        self._decided_at = None
        if not self.items:  # nothing was shown yet: nothing to adjudicate
            self.close()
        else:
            self.status.setText("Reading cancelled: the places shown may be out of date.")

    def _draw(self) -> None:
        agreed = agreed_format()
        lanes = [lane_format(i) for i in range(len(self.coders))]
        differ = set(self.differ)
        qt = self.offsets.span_to_qt
        ranges = []
        for index, item in enumerate(self.items):
            if index not in differ:
                ranges.append((*qt(item.start, item.end), agreed))
                continue
            for lane, coder in enumerate(self.coders):
                take = item.takes.get(coder)
                for start, end in take.ranges if take else ():
                    ranges.append((*qt(start, end), lanes[lane]))
        paint_ranges(self.text.document(), ranges)
        legend = [
            f"{c}: {('blue tint', 'orange underline', 'green wave')[i % 3]}"
            for i, c in enumerate(self.coders)
        ]
        self.legend.setText(
            "  ·  ".join(legend) + "  ·  all agree: grey, drawn once" if legend else "No layers"
        )

    def describe(self, item: Item) -> str:
        """A place: label, where and whether decided; then each coder's take, a line each."""
        state = "✓ decided" if item.decided else "to decide"
        parts = [f"{item.label} at {item.start}–{item.end} · {state}"]
        for coder in self.coders:
            take = item.takes.get(coder)
            if take is None:
                parts.append(f"{coder}: —")
                continue
            words = " | ".join(self.text_value[s:e][:40] for s, e in take.ranges)
            who = {self.speaker_names.get(s or "", "no speaker") for s in take.speakers}
            parts.append(f"{coder}: “{words}”" + (f" ({', '.join(sorted(who))})" if who else ""))
        return "\n    ".join(parts)

    def _fill_list(self) -> None:
        keep = self.current
        self.model.set_rows(self.differ)
        left = sum(1 for i in self.differ if not self.items[i].decided)
        self.status.setText(
            f"{len(self.items)} places; coders differ at {len(self.differ)}, "
            f"{left} still to decide. Keys: J/K next/previous, A/B take A's/B's, "
            "H take both, E edit, Ctrl+Z undo."
        )
        if keep in self.differ:
            self.show_place(keep)
        elif self.differ:
            self.show_place(self.differ[0])

    # -- moving and deciding -------------------------------------------------------

    def show_place(self, index: int) -> None:
        self.current = index
        item = self.items[index]
        row = self.differ.index(index) if index in self.differ else -1
        if row >= 0 and self.places.currentIndex().row() != row:
            self._syncing = True
            self.places.setCurrentIndex(self.model.index(row))
            self._syncing = False
        cursor = QTextCursor(self.text.document())
        qs, qe = self.offsets.span_to_qt(item.start, item.end)
        cursor.setPosition(qs)
        cursor.setPosition(qe, KEEP_ANCHOR)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        if not self._syncing and 0 <= row < len(self.differ):
            self.show_place(self.differ[row])

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) place where coders differ."""
        index = next_index(self.differ, self.current, direction)
        if index is not None:
            self.show_place(index)

    def _coders_changed(self) -> None:
        self._fill_list()

    def pair(self) -> tuple[str | None, str | None]:
        a, b = self.a_box.currentText() or None, self.b_box.currentText() or None
        return a, b

    def take(self, which: str) -> None:
        """Take A's, B's or both versions of the current place into `curated`."""
        if self.current is None or self.loading:
            return
        item = self.items[self.current]
        a, b = self.pair()
        chosen = {"a": [a], "b": [b], "both": [a, b]}[which]
        span_ids = [s for c in chosen if c in item.takes for s in item.takes[c].span_ids]
        replacing = item.curated.span_ids if item.curated else []
        if not span_ids and not replacing:
            self.status.setText("Nothing to take here: that coder marked nothing at this place.")
            return
        self.session.perform(ops.adjudicate(self.article_id, span_ids, replacing), initiator=self)
        self._decided_at = self.current
        self.load(show_dialog=False)

    def edit(self) -> None:
        """Open the article in the window at the current place, to edit by hand."""
        if self.current is not None:
            item = self.items[self.current]
            self.open_at.emit(self.article_id, item.start, item.end)

    def undo(self) -> None:
        if self.loading:
            return
        self.session.perform(ops.undo(), initiator=self)
        self.load(show_dialog=False)

"""The panel on the right: this article's highlights, claims, speakers and positions."""

from __future__ import annotations

import json
from bisect import bisect_right
from typing import Any

from .qt import (
    QAbstractItemView,
    QFont,
    QHeaderView,
    QKeySequence,
    QShortcut,
    Qt,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
)
from .wording import one_line

STANCE_MARKS = {
    "favor": "▲ favor",
    "against": "▼ against",
    "neutral": "● neutral",
    "mixed": "◆ mixed",
}


def _short(text: str, limit: int = 90) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


REJECTED = Qt.ItemDataRole.UserRole + 1  # a row of a rejected annotation: struck through


class _Item(QTreeWidgetItem):
    """A list row whose tooltip (the text column, never rendered as HTML) is made
    only when asked for: setting 10,000 tooltips up front took 40 ms."""

    def data(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return plain_tooltip(self.text(1))
        if role == Qt.ItemDataRole.FontRole and super().data(0, REJECTED):
            font = QFont(self.treeWidget().font() if self.treeWidget() else QFont())
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            badge = getattr(self.treeWidget(), "badges", {}).get(self.text(0))
            if badge is not None:
                return badge
        return super().data(column, role)


class _List(QTreeWidget):
    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.setHeaderLabels(headers)
        self.badges: dict[str, Any] = {}  # a label's letter badge (QIcon), by label name
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.header()
        header.setStretchLastSection(False)
        for col in range(len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Fit the columns to the rows in view: measuring 1,000 rows (Qt's default) on
        # every change made each repaint after a tag 40 ms slower in a long article.
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 130)


class AnnotationPanel(QWidget):
    """Lists with one item per annotation; items carry (kind, id)."""

    span_chosen = Signal(str)  # span id to mark in the text
    delete_requested = Signal(str, list)  # kind, ids
    edit_requested = Signal(str, str)  # kind, id
    context_requested = Signal(str, str, object)  # kind, id, global pos

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self.tabs = QTabWidget()
        self.highlights = _List(["Label", "Text", "Status"])
        self.claims = _List(["Speaker", "Claim", "Cue", "Kind"])
        self.speakers = _List(["Speaker", "Role", "Mentions"])
        self.positions = _List(["Speaker", "Target", "Stance"])
        self._lists = {
            "span": self.highlights,
            "claim": self.claims,
            "speaker": self.speakers,
            "position": self.positions,
        }
        # Four tabs must fit the panel's width: no scroll arrows, evenly spread.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setExpanding(True)
        self.tabs.addTab(self.highlights, "Tags")
        self.tabs.addTab(self.claims, "Claims")
        self.tabs.addTab(self.speakers, "Speakers")
        self.tabs.addTab(self.positions, "Positions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addWidget(self.tabs)
        self.show_rejected = True  # rejected annotations listed, struck through
        self._span_of: dict[tuple[str, str], str | None] = {}
        self._cue_text: dict[str, str] = {}  # cue highlight id -> its words
        self._order: dict[str, list[Any]] = {}
        for kind, widget in self._lists.items():
            widget.currentItemChanged.connect(lambda item, _prev, k=kind: self._chosen(k, item))
            widget.itemClicked.connect(lambda item, _col, k=kind: self._chosen(k, item))
            widget.itemDoubleClicked.connect(lambda item, _col, k=kind: self._edit(k, item))
            widget.customContextMenuRequested.connect(
                lambda pos, k=kind, w=widget: self._context(k, w, pos)
            )
            # Delete is the window's action (it asks the panel); Backspace is the list's own.
            for key in (QKeySequence(Qt.Key.Key_Backspace),):
                shortcut = QShortcut(key, widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda k=kind, w=widget: self._delete(k, w))
            enter = QShortcut(QKeySequence(Qt.Key.Key_Return), widget)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(
                lambda k=kind, w=widget: w.currentItem() and self._edit(k, w.currentItem())
            )

    def set_badges(self, badges: dict[str, Any]) -> None:
        """Show each highlight's label with its letter badge (QIcon by label name), so
        colour is not the only cue."""
        self.highlights.badges = badges
        self.highlights.viewport().update()

    # -- filling --------------------------------------------------------------

    def show_annotations(
        self,
        spans: list[dict[str, Any]],
        claims: list[dict[str, Any]],
        positions: list[dict[str, Any]],
        speaker_names: dict[str, str],
        speaker_rows: dict[str, dict[str, Any]],
        me: str | None = None,
    ) -> None:
        """List an article's annotations. With other analysts' layers shown, an item of
        someone other than ``me`` names its analyst in its last column ("accepted ·
        bob"), so that the lists say whose work a row is, as the text's badges do."""

        def whose(item: dict[str, Any], text: str) -> str:
            owner = item.get("annotator")
            return f"{text} · {owner}" if me is not None and owner and owner != me else text

        by_id = {s["id"]: s for s in spans}
        self._cue_text = {s["id"]: s["text"] for s in spans if s["label"] == "cue"}
        self._span_of.clear()
        if not self.show_rejected:
            spans = [s for s in spans if s["status"] != "rejected"]
            claims = [c for c in claims if c["status"] != "rejected"]
            positions = [p for p in positions if p["status"] != "rejected"]
        self._fill(
            self.highlights,
            "span",
            [
                (s["id"], [s["label"], _short(s["text"]), whose(s, s["status"])], s["id"])
                for s in spans
            ],
            rejected={s["id"] for s in spans if s["status"] == "rejected"},
        )
        # Where each listed item sits in text order, to insert a new one (add_span).
        self._order = {
            "span": [(s["start"], -s["end"]) for s in spans],
            "claim": [
                min((by_id[sid]["start"] for sid in c["spans"] if sid in by_id), default=-1)
                for c in claims
            ],
        }
        rows = _claim_rows(claims, by_id, speaker_names)  # with the cue's words
        for (_id, columns, _first), claim in zip(rows, claims, strict=True):
            columns[-1] = whose(claim, columns[-1])
        self._fill(
            self.claims,
            "claim",
            rows,
            rejected={c["id"] for c in claims if c["status"] == "rejected"},
        )
        mentions = self._fill_speakers(spans, claims, speaker_names, speaker_rows)
        claim_first = {r[0]: r[2] for r in rows}
        self._fill(
            self.positions,
            "position",
            [
                (
                    p["id"],
                    [
                        speaker_names.get(p["speaker_id"] or "", "?"),
                        p["target"],
                        whose(p, STANCE_MARKS.get(p["stance"], p["stance"])),
                    ],
                    claim_first.get(p["evidence"][0]) if p["evidence"] else None,
                )
                for p in positions
            ],
            rejected={p["id"] for p in positions if p["status"] == "rejected"},
        )
        self.tabs.setTabText(0, f"Tags {self.highlights.topLevelItemCount()}")
        self.tabs.setTabText(1, f"Claims {len(claims)}")
        self.tabs.setTabText(2, f"Speakers {len(mentions)}")
        self.tabs.setTabText(3, f"Positions {len(positions)}")

    def _fill_speakers(
        self,
        spans: list[dict[str, Any]],
        claims: list[dict[str, Any]],
        speaker_names: dict[str, str],
        speaker_rows: dict[str, dict[str, Any]],
    ) -> dict[str, list[str]]:
        """List the article's speakers with their mention counts; returns their mentions."""
        mentions: dict[str, list[str]] = {}
        for s in spans:
            if s["label"] == "speaker" and s.get("speaker_id"):
                mentions.setdefault(s["speaker_id"], []).append(s["id"])
        for c in claims:
            if c["speaker_id"]:
                mentions.setdefault(c["speaker_id"], [])
        self._fill(
            self.speakers,
            "speaker",
            [
                (
                    sid,
                    [
                        speaker_names.get(sid, "?"),
                        (speaker_rows.get(sid) or {}).get("role") or "",
                        str(len(ids)),
                    ],
                    ids[0] if ids else None,
                )
                for sid, ids in sorted(
                    mentions.items(), key=lambda kv: speaker_names.get(kv[0], "")
                )
            ],
        )
        return mentions

    def add_span(
        self, span: dict[str, Any], claim: dict[str, Any] | None, speaker_names: dict[str, str]
    ) -> None:
        """List one new highlight (and the claim it makes) in place: rebuilding the lists
        of an article with 10,000 highlights takes 200 ms."""
        if span["label"] == "cue":
            self._cue_text[span["id"]] = span["text"]
        if span["status"] != "rejected":
            self._insert(
                self.highlights,
                "span",
                span["id"],
                [span["label"], _short(span["text"]), span["status"]],
                span["id"],
                (span["start"], -span["end"]),
            )
        if claim is not None:
            status = "" if claim["status"] == "accepted" else f" ({claim['status']})"
            who = speaker_names.get(claim["speaker_id"] or "") or "— who? —"
            cue = self._cue_text.get(claim["cue_span_id"] or "", "—")
            self._insert(
                self.claims,
                "claim",
                claim["id"],
                [who, _short(span["text"], 60), _short(cue, 24), claim["kind"] + status],
                span["id"],
                span["start"],
            )
        self.tabs.setTabText(0, f"Tags {self.highlights.topLevelItemCount()}")
        self.tabs.setTabText(1, f"Claims {self.claims.topLevelItemCount()}")

    def _insert(
        self,
        widget: QTreeWidget,
        kind: str,
        item_id: str,
        columns: list[str],
        span_id: str | None,
        key: Any,
    ) -> None:
        order = self._order.setdefault(kind, [])
        i = bisect_right(order, key)
        order.insert(i, key)
        item = _Item(columns)
        item.setData(0, Qt.ItemDataRole.UserRole, item_id)
        widget.insertTopLevelItem(i, item)
        self._span_of[(kind, item_id)] = span_id

    def _fill(
        self,
        widget: QTreeWidget,
        kind: str,
        rows: list[tuple[str, list[str], str | None]],
        *,
        rejected: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        current = (
            widget.currentItem().data(0, Qt.ItemDataRole.UserRole) if widget.currentItem() else None
        )
        widget.blockSignals(True)
        widget.clear()
        items = []
        chosen = None
        for item_id, columns, span_id in rows:
            item = _Item(columns)
            item.setData(0, Qt.ItemDataRole.UserRole, item_id)
            if item_id in rejected:
                item.setData(0, REJECTED, True)
            items.append(item)
            self._span_of[(kind, item_id)] = span_id
            if item_id == current:
                chosen = item
        widget.addTopLevelItems(items)  # at once: item by item is slow for 10,000
        if chosen is not None:
            widget.setCurrentItem(chosen)
        widget.blockSignals(False)

    # -- selection from the text -----------------------------------------------------

    def select_span(self, span_id: str, claim_id: str | None) -> None:
        """Select the item for a span clicked in the text (its claim if it has one)."""
        kind, item_id = ("claim", claim_id) if claim_id else ("span", span_id)
        widget = self._lists[kind]
        for i in range(widget.topLevelItemCount()):
            item = widget.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == item_id:
                self.tabs.setCurrentWidget(widget)
                widget.blockSignals(True)
                widget.setCurrentItem(item)
                widget.blockSignals(False)
                return

    def current(self) -> tuple[str, str] | None:
        widget = self.tabs.currentWidget()
        kind = next(k for k, w in self._lists.items() if w is widget)
        item = widget.currentItem()
        return (kind, item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def selected_ids(self, kind: str) -> list[str]:
        return [i.data(0, Qt.ItemDataRole.UserRole) for i in self._lists[kind].selectedItems()]

    # -- item actions --------------------------------------------------------------

    def _chosen(self, kind: str, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        span_id = self._span_of.get((kind, item.data(0, Qt.ItemDataRole.UserRole)))
        if span_id:
            self.span_chosen.emit(span_id)

    def _edit(self, kind: str, item: QTreeWidgetItem) -> None:
        self.edit_requested.emit(kind, item.data(0, Qt.ItemDataRole.UserRole))

    def _delete(self, kind: str, widget: QTreeWidget) -> None:
        ids = [i.data(0, Qt.ItemDataRole.UserRole) for i in widget.selectedItems()]
        if ids:
            self.delete_requested.emit(kind, ids)

    def _context(self, kind: str, widget: QTreeWidget, pos) -> None:
        item = widget.itemAt(pos)
        if item is not None:
            self.context_requested.emit(
                kind, item.data(0, Qt.ItemDataRole.UserRole), widget.viewport().mapToGlobal(pos)
            )


def _claim_rows(
    claims: list[dict[str, Any]], by_id: dict[str, dict[str, Any]], speaker_names: dict[str, str]
) -> list[tuple[str, list[str], str | None]]:
    """One row per claim: who (or a proposed name with "?"), its text, its cue's words
    ("—" without one), kind and status."""
    rows = []
    for c in claims:
        first = by_id.get(c["spans"][0]) if c["spans"] else None
        text = " … ".join(_short(by_id[sid]["text"], 60) for sid in c["spans"] if sid in by_id)
        status = "" if c["status"] == "accepted" else f" ({c['status']})"
        who = speaker_names.get(c["speaker_id"] or "")
        if who is None and c.get("proposal"):
            who = json.loads(c["proposal"])["name"] + "?"
        rows.append(
            (
                c["id"],
                [who or "— who? —", text, _cue_words(c, by_id), c["kind"] + status],
                first["id"] if first else None,
            )
        )
    return rows


def _cue_words(claim: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> str:
    cue = by_id.get(claim["cue_span_id"] or "")
    return _short(cue["text"], 24) if cue else "—"

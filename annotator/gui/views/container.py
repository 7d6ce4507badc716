"""Corpus-wide views: who is quoted, what they said, where they stand, when, and search.

``CorpusViews`` is a tab widget over a Session: Speakers, Claims, Positions (a
speaker × target grid painted with QPainter, or a list), Timeline (a QPainter
chart), Search and Network (the discourse network, ``network_tab.py``). Every table is a lazily paged model over
``annotator.core.store.queries`` (no SQL here), so a corpus of 1,000,000 highlights
opens as fast as a small one. Double-clicking a row emits ``open_span`` (article
id, span id or "") or, for search results, ``open_search_hit`` (article id, start,
end in code points of the stored text). "Export these…" writes the articles the
current view shows (``export_current``). The window calls ``refresh()`` when the
store changes; hidden tabs re-query when they are next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...core.errors import AnnotatorError
from ...core.store import Store
from ...core.store import queries as q
from ..export_choice import ask_export_path
from ..qt import QFrame, QScrollArea, Qt, QTabWidget, QVBoxLayout, QWidget, Signal
from ..session import Session
from ..wording import SAFE_CSV_NOTE, plural
from ..workers import BackgroundTask
from .claims import ClaimsTab
from .common import ViewTab
from .network_tab import NetworkTab
from .positions import PositionsTab
from .search import SearchTab
from .speakers import SpeakersTab
from .timeline import TimelineTab


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
        # CSV for people: cells a spreadsheet would run as formulas get an apostrophe.
        self.safe_for_spreadsheets = True
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.speakers = SpeakersTab(session)
        self.claims = ClaimsTab(session)
        self.positions = PositionsTab(session)
        self.timeline = TimelineTab(session)
        self.search = SearchTab(session)
        self.network = NetworkTab(session)
        for tab in self.all_tabs():
            tab.open_span.connect(self.open_span)
            tab.open_search_hit.connect(self.open_search_hit)
            tab.message.connect(self.message)
            tab.data_changed.connect(self.refresh)
            tab.export_requested.connect(self.export_dialog)
        self.speakers.show_claims_of.connect(self._show_claims_of)
        self.speakers.show_timeline_of.connect(self._show_timeline_of)
        for tab, title in (
            (self.speakers, "Speakers"),
            (self.claims, "Claims"),
            (self.positions, "Positions"),
            (self.timeline, "Timeline"),
            (self.search, "Search"),
            (self.network, "Network"),
        ):
            self.tabs.addTab(_scrolling(tab), title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._shown)
        self.current_tab().refresh()

    def all_tabs(self) -> list[ViewTab]:
        return [
            self.speakers,
            self.claims,
            self.positions,
            self.timeline,
            self.search,
            self.network,
        ]

    def current_tab(self) -> ViewTab:
        return self.all_tabs()[self.tabs.currentIndex()]

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

    def _show_claims_of(self, speaker_id: str, name: str) -> None:
        self.claims.set_filter(speaker_id=speaker_id, speaker_name=name)
        self.show_view("claims")

    def _show_timeline_of(self, speaker_id: str) -> None:
        self.timeline.choose("speaker", speaker_id)
        self.show_view("timeline")

    def _shown(self, index: int) -> None:
        tab = self.all_tabs()[index] if index >= 0 else None
        if isinstance(tab, ViewTab) and tab.stale:
            tab.refresh()

    def refresh(self) -> None:
        """Re-query: the visible tab now, the others when next shown."""
        for tab in self.all_tabs():
            tab.stale = True
        self.current_tab().refresh()

    # -- exporting what the current view shows ------------------------------------------

    def export_dialog(self, fmt: str = "") -> None:
        """Ask where to write what the current view shows; ``fmt`` chosen beforehand
        ("table": the rows of a Claims or Positions table, as CSV)."""
        tab = self.current_tab()
        title = (
            "Export the rows this table shows"
            if fmt == "table"
            else "Export the articles this view shows"
        )
        chosen = ask_export_path(self, title, Path.home() / f"{tab.view}.jsonl", fmt=fmt or None)
        if not chosen:
            return
        if chosen[1] == "table":
            self.export_table(chosen[0])
        else:
            self.export_current(*chosen)

    def export_table(self, path: str | Path) -> None:
        """Write the current table's rows (its filter and sort) as CSV; says how many."""
        tab = self.current_tab()
        safe = self.safe_for_spreadsheets
        try:
            written = q.export_rows(
                self.session.store,
                path,
                tab.view,
                tab.table_columns(),
                tab.view_filter(),
                order_by=tab.model.order_by,
                descending=tab.model.descending,
                safe_for_spreadsheets=safe,
            )
        except OSError as exc:
            self.export_failed.emit(f"Cannot write {path}: {exc.strerror or exc}")
            return
        self.message.emit(
            f"{plural(written, 'row')} exported to {path}" + (f"; {SAFE_CSV_NOTE}" if safe else "")
        )

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
        safe = fmt == "csv" and self.safe_for_spreadsheets

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
                safe_for_spreadsheets=safe,
            )

        if self.session.path is None:
            try:
                written = job(self.session.store, None, None)
            except AnnotatorError as exc:
                self.export_failed.emit(str(exc))
            else:
                self._exported(written, target, safe)
            return None
        task = self.session.background(self, "Exporting…", job, show_dialog=show_dialog)
        task.done.connect(lambda n: self._exported(n, target, safe))
        task.failed.connect(self.export_failed.emit)
        return task

    def _exported(self, written: int, target: str, safe: bool = False) -> None:
        self.message.emit(
            f"{plural(written, 'article')} exported to {target}"
            + (f"; {SAFE_CSV_NOTE}" if safe else "")
        )
        self.exported.emit(written, target)


def _scrolling(tab: QWidget) -> QScrollArea:
    """``tab`` in a frameless scroll area: a view wider than its pane (the network's
    row of controls) scrolls there instead of widening the whole window past the
    screen, since a tab widget is as wide as its widest page."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the view's controls
    area.setWidget(tab)
    return area

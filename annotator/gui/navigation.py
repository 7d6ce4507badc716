"""Moving between articles and within one: next, previous, next to do, done, find.

The NavigationController is composed into the main window; ``NavigationHost`` lists
what it uses of the window.
"""

from __future__ import annotations

from typing import Any, Protocol

from . import operations as ops
from .annotation_panel import AnnotationPanel
from .article_properties import ArticleProperties
from .article_view import ArticleText
from .corpus_list import CorpusPanel
from .find_bar import FindBar
from .qt import QApplication, Qt, QTabWidget
from .session import Session


class NavigationHost(Protocol):
    """What the navigation controller uses of the window."""

    session: Session
    article: dict[str, Any] | None
    corpus: CorpusPanel
    text: ArticleText
    centre_tabs: QTabWidget
    find_bar: FindBar
    panel: AnnotationPanel

    def open_article(self, article_id: str) -> None: ...
    def span_clicked(self, span_id: str) -> None: ...
    def show_message(self, text: str, timeout_ms: int) -> None: ...


class NavigationController:
    """Article › next, previous, next to do, status; Edit › Find; opening from a view."""

    def __init__(self, window: NavigationHost) -> None:
        self.w = window

    def open_span(self, article_id: str, span_id: str) -> None:
        """Open an article from a corpus view, at the span if one is given."""
        self.w.centre_tabs.setCurrentIndex(0)
        if self.w.article is None or self.w.article["id"] != article_id:
            self.go_to(article_id)
        if span_id:
            self.w.span_clicked(span_id)
            self.w.text.mark_span(span_id)

    def open_search_hit(self, article_id: str, start: int, end: int) -> None:
        self.w.centre_tabs.setCurrentIndex(0)
        if self.w.article is None or self.w.article["id"] != article_id:
            self.go_to(article_id)
        self.w.text.show_search_hits([(start, end)])
        self.w.text.select_range(start, end)
        self.w.text.centerCursor()

    def set_status(self, status: str) -> None:
        if self.w.article is not None:
            aid = self.w.article["id"]
            self.w.session.perform(ops.set_status(aid, status))

    def done_and_next(self) -> None:
        if self.w.article is None:
            return
        aid = self.w.article["id"]
        self.set_status("done")
        nxt = self.w.session.store.neighbour_article(
            aid, step=1, status="todo"
        ) or self.w.session.store.neighbour_article(aid, step=1, status="in_progress")
        if nxt and self.go_to(nxt):
            return
        self.w.show_message("Marked done. No article left to do.", 6000)

    def next_todo(self) -> None:
        if self.w.article is not None:
            nxt = self.w.session.store.neighbour_article(
                self.w.article["id"], step=1, status="todo"
            )
            if nxt:
                self.go_to(nxt)

    def go_to(self, article_id: str) -> bool:
        if not self.w.corpus.select(article_id):
            # Hidden by the filter: clear it so the article can be shown in the list.
            self.w.corpus.filter.clear()
            self.w.corpus.status.setCurrentIndex(0)
            self.w.corpus.apply_filter()
            if not self.w.corpus.select(article_id):
                self.w.open_article(article_id)
        return True

    def step(self, direction: int) -> None:
        index = self.w.corpus.table.currentIndex()
        row = (index.row() if index.isValid() else -1) + direction
        model = self.w.corpus.model
        if row >= len(model.rows) and model.canFetchMore(index.parent()):
            model.fetchMore(index.parent())
        if 0 <= row < len(model.rows):
            self.w.corpus.select(model.rows[row]["id"])

    def edit_properties(self) -> None:
        """Article › Properties…: title, source, place, date and URL (one undo step)."""
        if self.w.article is None:
            return
        aid = self.w.article["id"]
        dialog = ArticleProperties(self.w.article, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda fields: self.w.session.perform(ops.update_article(aid, **fields))
        )
        dialog.open()

    def find_in_article(self) -> None:
        """Open the find bar above the text (the Article tab comes to the front)."""
        if self.w.article is None:
            return
        self.w.centre_tabs.setCurrentIndex(0)
        self.w.find_bar.open_bar()

    def cycle_panes(self, step: int = 1) -> None:
        """Move the focus to the next pane: corpus list, text (or views), annotations."""
        centre = self.w.centre_tabs.currentWidget()
        centre_focus = self.w.text if self.w.centre_tabs.currentIndex() == 0 else centre
        panes = [
            (self.w.corpus, self.w.corpus.table),
            (centre, centre_focus),
            (self.w.panel, self.w.panel.tabs.currentWidget()),
        ]
        focused = QApplication.focusWidget()
        here = next(
            (i for i, (pane, _) in enumerate(panes) if focused and pane.isAncestorOf(focused)),
            -1 if step > 0 else 0,
        )
        _pane, target = panes[(here + step) % len(panes)]
        target.setFocus(Qt.FocusReason.TabFocusReason)

"""Two layouts of the window: annotating (corpus list, article, annotation panel) and
the corpus views over the whole window; and remembering the side panes' widths and
the corpus views' column widths across starts."""

from __future__ import annotations

from typing import Any

from .qt import QEvent, QObject, QSettings, QTableView, QTimer

SIDES = "panes/"  # + "left", "right": the side panes' widths the analyst chose
COLUMNS = "columns/"  # + a table's object name
SIDES_AT_FIRST_START = (460, 380)  # the corpus list and the panel; the article the rest
SIDES_SHARE = 0.55  # at most this share of a small window for them at first start


class LayoutSwitch(QObject):
    """Switches ``window`` (a MainWindow) between its layouts and keeps its sizes.

    ``views_full`` hides the corpus list and the annotation panel so the corpus
    views get the whole width; ``annotate`` (Ctrl+1) brings them back with the
    article; opening an article from a view does the same.
    """

    def __init__(self, window: Any, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.full = False
        # The widths the analyst gave the corpus list and the panel (by dragging, or
        # at the last start). A larger text size widens the panel past them for a
        # while; back at a smaller size, or back from the corpus views, they return.
        self.sides = SIDES_AT_FIRST_START
        window.splitter.splitterMoved.connect(self._dragged)
        # Their room is known once the window is shown at its size.
        window.installEventFilter(self)
        window.centre_tabs.currentChanged.connect(self._tab_changed)

    def _dragged(self, _pos: int, handle: int) -> None:
        sizes = self.window.splitter.sizes()
        left, right = self.sides
        # Only the pane beside the dragged handle was chosen; the other may be
        # squeezed to its minimum just now.
        self.sides = (sizes[0], right) if handle == 1 else (left, sizes[-1])

    def keep_sides(self) -> None:
        """Give the side panes their chosen widths again (as far as their minimum
        widths allow); the article takes the rest. After a zoom and a layout switch."""
        if self.full:
            return
        splitter = self.window.splitter
        left, right = self.sides
        total = sum(splitter.sizes())
        if self.sides == SIDES_AT_FIRST_START and left + right > total * SIDES_SHARE:
            # Nothing chosen yet and a small window (a laptop at 150%): the article
            # keeps most of it.
            scale = total * SIDES_SHARE / (left + right)
            left, right = round(left * scale), round(right * scale)
        splitter.setSizes([left, max(0, total - left - right), right])

    def keep_sides_soon(self) -> None:
        """``keep_sides`` once the new fonts have been laid out (after a zoom step)."""
        QTimer.singleShot(0, self, self.keep_sides)

    def views_full(self) -> None:
        """The corpus views over the whole window."""
        self.full = True
        self.window.corpus.hide()
        self.window.panel.hide()
        self.window.centre_tabs.tabBar().hide()
        self.window.centre_tabs.setCurrentWidget(self.window.views)

    def views_in_middle(self) -> None:
        """The corpus views in the middle pane, beside the corpus list and the panel."""
        self._panes_back()
        self.window.centre_tabs.setCurrentWidget(self.window.views)

    def annotate(self) -> None:
        """The annotation layout: corpus list, article and panel."""
        self._panes_back()
        self.window.centre_tabs.setCurrentIndex(0)
        self.window.text.setFocus()

    def _panes_back(self) -> None:
        was_full, self.full = self.full, False
        self.window.corpus.show()
        self.window.panel.show()
        self.window.centre_tabs.tabBar().show()
        if was_full:
            self.keep_sides()

    def _tab_changed(self, index: int) -> None:
        # A span or search hit opened from a full-window view needs the article panes.
        if index == 0 and self.full:
            self._panes_back()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            self.keep_sides_soon()
        return False

    def tables(self) -> list[QTableView]:
        """The corpus views' tables, named by their view (for their column widths)."""
        tables = []
        for tab in self.window.views.all_tabs():
            for i, table in enumerate(tab.findChildren(QTableView)):
                if not table.objectName():
                    table.setObjectName(f"{type(tab).__name__}Table{i}")
                tables.append(table)
        return tables

    def restore(self) -> None:
        """The side panes and the column widths of the last session (it starts
        annotating)."""
        left = self.settings.value(SIDES + "left", type=int)
        right = self.settings.value(SIDES + "right", type=int)
        if left and right:
            self.sides = (left, right)
        for table in [self.window.corpus.table, *self.tables()]:
            columns = self.settings.value(COLUMNS + table.objectName())
            if columns is not None:
                table.horizontalHeader().restoreState(columns)

    def save(self) -> None:
        """Remember the side panes' chosen widths and every table's column widths."""
        self.settings.setValue(SIDES + "left", self.sides[0])
        self.settings.setValue(SIDES + "right", self.sides[1])
        for table in [self.window.corpus.table, *self.tables()]:
            self.settings.setValue(
                COLUMNS + table.objectName(), table.horizontalHeader().saveState()
            )

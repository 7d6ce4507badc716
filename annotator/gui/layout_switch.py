"""Two layouts of the window: annotating (corpus list, article, annotation panel) and
the corpus views over the whole window; and remembering the splitter and the
corpus views' column widths across starts."""

from __future__ import annotations

from typing import Any

from .qt import QObject, QSettings, QTableView

SPLITTER = "splitter"
COLUMNS = "columns/"  # + a table's object name


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
        self._sizes: list[int] = []
        window.centre_tabs.currentChanged.connect(self._tab_changed)

    def views_full(self) -> None:
        """The corpus views over the whole window."""
        if not self.full:
            self._sizes = self.window.splitter.sizes()  # given back by _panes_back
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
        if was_full and self._sizes:
            self.window.splitter.setSizes(self._sizes)

    def _tab_changed(self, index: int) -> None:
        # A span or search hit opened from a full-window view needs the article panes.
        if index == 0 and self.full:
            self._panes_back()

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
        """The splitter and the column widths of the last session (it starts annotating)."""
        state = self.settings.value(SPLITTER)
        if state is not None:
            self.window.splitter.restoreState(state)
        for table in [self.window.corpus.table, *self.tables()]:
            columns = self.settings.value(COLUMNS + table.objectName())
            if columns is not None:
                table.horizontalHeader().restoreState(columns)

    def save(self) -> None:
        """Remember the splitter and every table's column widths."""
        self.settings.setValue(SPLITTER, self.window.splitter.saveState())
        for table in [self.window.corpus.table, *self.tables()]:
            self.settings.setValue(
                COLUMNS + table.objectName(), table.horizontalHeader().saveState()
            )

"""The main window: corpus list, article view and annotation panel, wired together.

The window lays out the widgets, shows the open article and wires the controllers
that do the work: ``tagging`` (tag keys, popups, edit, delete), ``reviewing`` (the
Review menu), ``navigation`` (next, previous, done, find) and ``files`` (databases,
import, export). Its actions are data in
``actions.py``.
"""

from __future__ import annotations

from typing import Any

from ..core.errors import AnnotatorError
from ..core.schema import ARTICLE_STATUSES
from ..core.store import Changes, Store
from ..core.store import queries as q
from . import actions as act
from . import operations as ops
from .about_suggestions import AboutSuggestionsDialog
from .actions import A
from .annotation_panel import AnnotationPanel
from .appearance import Appearance
from .article_view import ArticleHeader, ArticlePane, ArticleText
from .backups import DataSafety
from .corpus_list import CorpusPanel
from .files import FileController, local_paths
from .find_bar import FindBar
from .labels import Label, default_labels
from .layers import LayerLegend, LayerMenu
from .layout_switch import LayoutSwitch
from .navigation import NavigationController
from .qt import (
    QAction,
    QApplication,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSettings,
    QSize,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QToolBar,
    literal,
)
from .review import ReviewBar
from .review_controller import ReviewController
from .session import Session
from .shortcuts_dialog import ShortcutsDialog
from .tagging import TaggingController
from .views.container import CorpusViews
from .welcome import show_welcome
from .wording import plural
from .workers import RunningTasks

FIRST_SIZE = QSize(1480, 900)  # the window at first start, where the screen has room


def first_start_size(room: QSize | None) -> QSize:
    """The window's size at first start: ``FIRST_SIZE``, or less to fit ``room``
    (the screen's available area; a 1920 x 1080 laptop screen at 150% has 1280 x
    720, less a title bar)."""
    if room is None:
        return QSize(FIRST_SIZE)
    return QSize(
        min(FIRST_SIZE.width(), round(room.width() * 0.96)),
        min(FIRST_SIZE.height(), round(room.height() * 0.9)),
    )


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: QSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.labels: list[Label] = default_labels()
        self.article: dict[str, Any] | None = None
        self._pending_load = False
        self._spans: list[dict[str, Any]] = []
        self._claims: list[dict[str, Any]] = []
        self._positions: list[dict[str, Any]] = []
        self._speaker_rows: dict[str, dict[str, Any]] = {}
        self.setAcceptDrops(True)  # files and folders dropped on it are imported
        self._data_version = None
        self._views_stale = False
        self._undo_labels: tuple[str | None, str | None] = (None, None)
        self.setObjectName("mainWindow")
        self._build_layout()
        self._panel_timer = QTimer(self, singleShot=True, interval=30)
        self._panel_timer.timeout.connect(self._refresh_panel)
        # After a tag, the new highlight is painted at once and the rest re-read here.
        self._annotations_timer = QTimer(self, singleShot=True, interval=30)
        self._annotations_timer.timeout.connect(self.refresh_annotations)

        self.tagging = TaggingController(self)
        self.reviewing = ReviewController(self)
        self.navigation = NavigationController(self)
        self.appearance = Appearance(self)
        self.layout_switch = LayoutSwitch(self, settings)
        self._build_actions()
        self.appearance.finish()
        self.files = FileController(self, self.recent_menu)
        self.files.rebuild_recent()
        self._connect()
        self.safety = DataSafety(self)
        self.corpus.model.reload()
        self.update_title()
        self.update_counts()
        self.update_coder()
        self.update_undo()
        self._restore_layout()
        first = self.settings.value("last_article")
        if not (first and self.corpus.select(str(first))):
            if self.corpus.model.rows:
                self.corpus.select(self.corpus.model.rows[0]["id"])
            else:
                self.show_article(None)

    # -- layout, actions, wiring ------------------------------------------------------

    def _build_layout(self) -> None:
        self.corpus = CorpusPanel(self.session)
        self.header = ArticleHeader()
        self.text = ArticleText(self.labels)
        self.panel = AnnotationPanel()
        self.review_bar = ReviewBar()
        self.review_bar.hide()
        self.find_bar = FindBar(self.text)
        self.layer_legend = LayerLegend()
        self.text.layer_styles_changed.connect(
            lambda styles: self.layer_legend.show_layers(self.store.annotator, styles)
        )
        centre = ArticlePane(
            self.header,
            self.text,
            self.review_bar,
            find_bar=self.find_bar,
            legend=self.layer_legend,
        )
        self.views = CorpusViews(self.session)
        self.centre_tabs = QTabWidget()
        self.centre_tabs.setObjectName("centreTabs")
        self.centre_tabs.setDocumentMode(True)
        self.centre_tabs.addTab(centre, "Article")
        self.centre_tabs.addTab(self.views, "Corpus views")
        self.splitter = QSplitter()
        self.splitter.addWidget(self.corpus)
        self.splitter.addWidget(self.centre_tabs)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([460, 780, 380])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status_position = QLabel()
        self.status_position.setObjectName("statusPosition")
        self.statusBar().addPermanentWidget(self.status_position)
        self.status_counts = QLabel()
        self.statusBar().addPermanentWidget(self.status_counts)
        self.status_coder = QLabel()
        self.status_coder.setObjectName("statusCoder")
        self.statusBar().addPermanentWidget(self.status_coder)

    def _build_actions(self) -> None:
        self.action_by_id = {aid: act.make_action(self, spec) for aid, spec in act.SPECS.items()}
        self.undo_action = self.action_by_id[A.UNDO]
        self.redo_action = self.action_by_id[A.REDO]
        self.safe_csv_action = self._setting_action(
            "CSV: &safe to open in spreadsheets", "safe_csv", self._set_safe_csv
        )
        self.safe_csv_action.setStatusTip(
            "Cells beginning with = + - @ tab or CR get an apostrophe in front, so a "
            "spreadsheet shows them instead of running them as formulas. Off: exact data."
        )
        self._set_safe_csv(self.safe_csv_action.isChecked())
        self.snap_action = self._setting_action(
            "Snap selection to whole words",
            "snap_to_words",
            lambda on: self.settings.setValue("snap_to_words", on),
        )
        # Blind coding: only my layer (and the suggestions) unless a reviewer asks.
        self.layers_action = QAction("Show other analysts' &layers", self, checkable=True)
        self.layers_action.setStatusTip(
            "Off: you see only your own annotations (and suggestions), as in blind coding."
        )
        self.layers_action.toggled.connect(self._show_layers)
        self.layer_menu = LayerMenu(self._other_layers, self)
        self.layer_menu.chosen.connect(self._choose_layers)
        self.rejected_action = self._setting_action(
            "Show &rejected", "show_rejected", self._set_show_rejected
        )
        self.rejected_action.setStatusTip(
            "On: rejected annotations stay in the text and lists, struck through. Off: hidden."
        )
        self._set_show_rejected(self.rejected_action.isChecked())
        recent: list = []
        self.label_actions = act.label_actions(self)
        extras = {
            "actions": self.action_by_id,
            act.LABELS: self.label_actions,
            act.THEME: self.appearance.theme_menu,
            act.ZOOM: self.appearance.zoom_actions,
            act.RECENT: recent,
            act.SAFE_CSV: self.safe_csv_action,
            act.SNAP: self.snap_action,
            act.LAYERS: [self.layers_action, self.layer_menu.menuAction()],
            act.REJECTED: self.rejected_action,
        }
        for title, items in act.MENUS:
            menu = self.menuBar().addMenu(title)
            menu.setToolTipsVisible(title == "&File")
            act.fill(menu, items, extras)
        self.recent_menu = recent[0]
        self.toolbar = QToolBar("Labels")
        self.toolbar.setObjectName("labelsToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        act.fill(self.toolbar, act.TOOLBAR, extras)

    def _setting_action(self, text: str, key: str, on_toggle) -> QAction:
        """A checkable action that remembers its state in the settings (on by default)."""
        action = QAction(text, self, checkable=True)
        action.setChecked(self.settings.value(key, True, type=bool))
        action.toggled.connect(on_toggle)
        return action

    def update_undo(self) -> None:
        """Undo and redo say what they would do (read from the store's history)."""
        self._undo_labels = (self.store.undo_label(), self.store.redo_label())
        self._update_enabled()

    def _update_enabled(self) -> None:
        """Enable the actions the selection allows (no store reads: after every open)."""
        undo, redo = self._undo_labels
        selection = act.Selection(
            has_article=self.article is not None, undo_label=undo, redo_label=redo
        )
        for aid, enabled in act.enabled_state(selection).items():
            action = self.action_by_id[aid]
            action.setEnabled(enabled)
            spec = act.SPECS.get(aid)
            action.setToolTip(
                (spec.tip if spec else "") or action.text().replace("&", "")
                if enabled
                else act.disabled_reason(aid, selection)
            )
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")

    def _connect(self) -> None:
        self.centre_tabs.currentChanged.connect(self._centre_tab_changed)
        self.appearance.zoom.changed.connect(self.layout_switch.keep_sides_soon)
        self.views.open_span.connect(self.navigation.open_span)
        self.views.open_search_hit.connect(self.navigation.open_search_hit)
        self.views.message.connect(lambda text: self.show_message(text, 6000))
        self.views.exported.connect(
            lambda n, path: self.show_message(f"{plural(n, 'article')} exported to {path}", 8000)
        )
        self.views.export_failed.connect(self.show_error)
        self.review_bar.step.connect(self.reviewing.review_step)
        self.review_bar.decide.connect(self.reviewing.decide_current)
        self.review_bar.finish.connect(self.reviewing.finish_review)
        self.review_bar.close_requested.connect(self.reviewing.stop_review)
        self.corpus.article_selected.connect(self.open_article)
        self.corpus.model.modelReset.connect(self.update_position)
        self.corpus.table.selectionModel().currentRowChanged.connect(self.update_position)
        self.text.span_clicked.connect(self.span_clicked)
        self.text.context_requested.connect(self.tagging.text_context_menu)
        self.text.boundary_move_requested.connect(self.tagging.move_span)
        self.panel.span_chosen.connect(lambda sid: self.text.mark_span(sid))
        self.panel.delete_requested.connect(self.tagging.delete_items)
        self.panel.edit_requested.connect(self.tagging.edit_item)
        self.panel.context_requested.connect(self.tagging.item_context_menu)
        self.session.changed.connect(self.on_changed)
        self.session.failed.connect(self.show_error)
        self.session.refused.connect(self._undo_refused)
        self.session.database_changed.connect(self.files.on_database_changed)
        self.session.database_changed.connect(self._update_layer_marks)

    # Files and folders dropped onto the window are imported like File › Import.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.files.import_paths(paths)

    @property
    def tasks(self) -> RunningTasks:
        """The background tasks (import, export, suggestions) still running."""
        return self.session.tasks

    def show_message(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def snap_to_words(self) -> bool:
        return self.snap_action.isChecked()

    def safe_csv(self) -> bool:
        return self.safe_csv_action.isChecked()

    def ensure_loaded(self) -> None:
        """Read the open article's annotations now if they are still to be read."""
        if self._pending_load:
            self.refresh_annotations()

    def refresh_annotations_soon(self) -> None:
        """Re-read the open article's annotations after the current event."""
        self._annotations_timer.start()

    # -- article display ---------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self.session.store

    def open_article(self, article_id: str) -> None:
        try:
            article = self._read_article(article_id)
        except AnnotatorError as exc:
            self.show_error(str(exc))
            return
        self.show_article(article)
        self.settings.setValue("last_article", article_id)

    def _read_article(self, article_id: str) -> dict[str, Any]:
        """The article with my status of it (not the latest anyone set)."""
        return {
            **self.store.article(article_id),
            "status": self.store.articles.status_of(article_id),
        }

    def show_article(self, article: dict[str, Any] | None) -> None:
        self.article = article
        self._update_enabled()  # the article's actions follow whether one is open
        self.header.show_article(article)
        self.update_position()
        self.text.show_text(article["text"] if article else "")
        self.find_bar.refresh()
        # Emptied now, so that nothing of the previous article can be clicked.
        self.panel.show_annotations([], [], [], {}, {})
        if article is None:
            self.refresh_annotations()
            return
        # The text with the highlights on screen first; every highlight and the lists
        # right after the paint, or as soon as anything asks for them.
        self._spans, self._claims, self._positions, self._speaker_rows = [], [], [], {}
        self._pending_load = True
        self.text.show_first_marks(self.store, article["id"])
        self._annotations_timer.start()

    # The open article's annotations; the first use after an article opens loads them.
    @property
    def spans(self) -> list[dict[str, Any]]:
        self.ensure_loaded()
        return self._spans

    @property
    def claims(self) -> list[dict[str, Any]]:
        self.ensure_loaded()
        return self._claims

    @property
    def positions(self) -> list[dict[str, Any]]:
        self.ensure_loaded()
        return self._positions

    @property
    def speaker_rows(self) -> dict[str, dict[str, Any]]:
        self.ensure_loaded()
        return self._speaker_rows

    def refresh_annotations(self, *, panel_now: bool = True) -> None:
        self._annotations_timer.stop()
        self._pending_load = False
        if self.article is None:
            self._spans, self._claims, self._positions = [], [], []
        else:
            aid = self.article["id"]
            layers = self.visible_layers()
            self._spans = self.store.spans(aid, annotators=layers)
            self._claims = self.store.claims(aid, annotators=layers)
            self._positions = self.store.positions(aid, annotators=layers)
            if (
                layers is None
                and not {s["annotator"] for s in self._spans if s["annotator"]}
                <= self._drawn_layers()
            ):
                self._update_layer_marks()  # a layer new since the layers were listed
        ids = {s["speaker_id"] for s in self.spans if s["speaker_id"]}
        ids |= {c["speaker_id"] for c in self.claims if c["speaker_id"]}
        ids |= {p["speaker_id"] for p in self.positions if p["speaker_id"]}
        self._speaker_rows = {sid: row for sid in ids if (row := self.store.speaker(sid))}
        names = {sid: row["name"] for sid, row in self.speaker_rows.items()}
        speaker_of_claim = {}
        for claim in self.claims:
            for sid in claim["spans"]:
                speaker_of_claim[sid] = claim["speaker_id"]
        for span in self.spans:
            span["speaker_of"] = span["speaker_id"] or speaker_of_claim.get(span["id"])
        self.text.show_spans(self.spans, speaker_names=names)
        if panel_now:
            self._refresh_panel()
        else:
            self._panel_timer.start()

    def _refresh_panel(self) -> None:
        names = {sid: row["name"] for sid, row in self.speaker_rows.items()}
        self.panel.show_annotations(
            self.spans, self.claims, self.positions, names, self.speaker_rows, self.store.annotator
        )

    def on_changed(self, changes: Changes, initiator: object = None) -> None:
        if self.article is not None and (
            self.article["id"] in changes.articles or changes.touches("speakers")
        ):
            if changes.touches("articles") and self.article["id"] in changes.articles:
                self.article = self._read_article(self.article["id"])
                self.header.show_article(self.article)
            if initiator is not self.tagging:  # a tag shows its new highlight itself
                self.refresh_annotations(panel_now=False)
            self.reviewing.refresh()
        self.corpus.model.refresh_rows(changes.articles)
        self.refresh_views()
        if changes.touches("articles"):  # the counts are of article statuses
            self.update_counts()
            self.update_position()
        self.update_undo()
        if changes.action:
            self.show_message(changes.action, 4000)

    def refresh_views(self) -> None:
        # Hidden views are re-read when shown, not after every key press.
        self._views_stale = True
        if self.centre_tabs.currentWidget() is self.views:
            self._views_stale = False
            self.views.refresh()

    def _centre_tab_changed(self, _index: int) -> None:
        if self.centre_tabs.currentWidget() is self.views and self._views_stale:
            self._views_stale = False
            self.views.refresh()

    def show_view(self, name: str) -> None:
        if not self.layout_switch.full:
            self.centre_tabs.setCurrentIndex(1)
        self.views.show_view(name)

    # -- selecting, editing and deleting ---------------------------------------------------

    def span_clicked(self, span_id: str) -> None:
        self.text.mark_span(span_id, scroll=False)
        # A change still waiting to be listed is listed first, or a new item is not found.
        if self._annotations_timer.isActive():
            self.refresh_annotations()
        elif self._panel_timer.isActive():
            self._panel_timer.stop()
            self._refresh_panel()
        self.panel.select_span(span_id, self.store.claim_for_span(span_id))

    def current_span(self) -> dict[str, Any] | None:
        return next((s for s in self.spans if s["id"] == self.text.current_span_id), None)

    def reload_all(self) -> None:
        self.corpus.reload()
        self.refresh_views()
        if self.article is not None:
            self.refresh_annotations()
        self.update_counts()
        self.update_undo()

    def changeEvent(self, event) -> None:
        # Another window or process may have written to the same file meanwhile.
        if event.type() == event.Type.ActivationChange and self.isActiveWindow():
            version = self.store.data_version()
            if self._data_version is not None and version != self._data_version:
                self.reload_all()
            self._data_version = version
        super().changeEvent(event)

    # -- undo, status, navigation ---------------------------------------------------------------

    def undo(self) -> None:
        self._undo_redo(ops.undo())

    def redo(self) -> None:
        self._undo_redo(ops.redo())

    def _undo_redo(self, op: ops.Operation) -> None:
        changes = self.session.perform(op)
        if (
            changes
            and changes.articles
            and self.article
            and self.article["id"] not in changes.articles
        ):
            # Show the user what was undone: it happened in another article.
            target = next(iter(changes.articles))
            if self.corpus.select(target):
                self.open_article(target)

    def _undo_refused(self, message: str) -> None:
        # Refused because of someone else's work: show it, and show what they did.
        self.show_message(message, 10000)
        self.reload_all()

    # -- misc -------------------------------------------------------------------------------------

    def _set_show_rejected(self, on: bool) -> None:
        self.settings.setValue("show_rejected", on)
        self.text.show_rejected = self.panel.show_rejected = on
        if self.article is not None:
            self.refresh_annotations()

    def _set_safe_csv(self, on: bool) -> None:
        self.settings.setValue("safe_csv", on)
        self.views.safe_for_spreadsheets = on

    def visible_layers(self) -> tuple[str, ...] | None:
        """The layers shown: mine and the suggestions, or all (None)."""
        return self.session.layers()

    def _show_layers(self, on: bool) -> None:
        """Show every layer, or mine only: in the article, the corpus list and the views."""
        self.session.all_layers = on
        self._update_layer_marks()
        self.reload_all()

    def _choose_layers(self, names: tuple[str, ...]) -> None:
        """Show these other analysts' layers besides mine (View › Show the layer of)."""
        self.session.chosen_layers = names
        self._update_layer_marks()
        self.reload_all()

    def _other_layers(self) -> list[str]:
        mine = {self.store.annotator, "suggest"}
        return [name for name in q.all_layers(self.store) if name not in mine]

    def _drawn_layers(self) -> set[str]:
        return {*self.text.layer_styles, self.store.annotator, "suggest"}

    def _update_layer_marks(self) -> None:
        """Each other analyst's layer shown is drawn in its own style and named in the
        legend."""
        shown = None if self.session.all_layers else list(self.session.chosen_layers)
        self.text.set_layers(self._other_layers() if shown != [] else [], shown)

    def set_annotator_name(self, *, first_start: bool = False) -> None:
        """Ask for the analyst's name (prefilled with the current one: at first start,
        the login name) and code as them from now on."""
        prompt = "Your name on new annotations:"
        if first_start:
            prompt = "Welcome! Who is coding? Your name goes on every annotation you make:"
        name, ok = QInputDialog.getText(self, "Annotator", prompt, text=self.store.annotator)
        if ok and name.strip():
            self.session.set_annotator(name.strip())
            self.update_undo()  # undo is per annotator
            self.update_title()
            self._update_layer_marks()
            self.reload_all()  # statuses and the blind view are per analyst
        if ok or first_start:
            self.settings.setValue("annotator", self.store.annotator)
        self.update_coder()

    def update_coder(self) -> None:
        """The status bar's "Coding as NAME"."""
        self.status_coder.setText(f"   Coding as {self.store.annotator}")

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Annotator", literal(message))

    def show_welcome(self) -> None:
        """Help › Welcome: the first-run page again."""
        show_welcome(self, self.session.path or "in memory", self.appearance.theme)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions(), self).exec()

    def show_agreement(self) -> None:
        from .agreement_window import AgreementDialog

        dialog = AgreementDialog(self.session, self)
        dialog.open_at.connect(self._open_at)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_adjudication(self) -> None:
        from .adjudication import AdjudicationDialog

        if self.article is None:
            return
        dialog = AdjudicationDialog(self.session, self.article["id"], self)
        dialog.open_at.connect(self._open_at)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _open_at(self, article_id: str, start: int, end: int) -> None:
        if start < 0:
            self.navigation.open_span(article_id, "")
        else:
            self.navigation.open_search_hit(article_id, start, end)

    def show_about_suggestions(self) -> None:
        AboutSuggestionsDialog(self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Annotator",
            literal(
                "Annotator: highlight quotes in news articles, tag speakers, claims and "
                f"positions.\n\nDatabase: {self.session.path}"
            ),
        )

    def update_title(self) -> None:
        """The title names the database and who annotates: "news.db — Ana — Annotator"."""
        name = self.session.path.name if self.session.path else "in memory"
        who = self.store.annotator
        self.setWindowTitle(f"{name} — {who} — Annotator" if who else f"{name} — Annotator")

    def update_position(self) -> None:
        """The status bar's "12 of 340 to do": the open article's place in the list."""
        model = self.corpus.model
        row = self.corpus.table.currentIndex().row()
        status = (
            model.status.replace("todo", "to do").replace("_", " ") if model.status else "articles"
        )
        if model.filter_text:
            status += " matching the filter"
        if self.article is None or row < 0:
            self.status_position.setText(f"{model.total} {status}")
        else:
            self.status_position.setText(f"{row + 1} of {model.total} {status}")

    def update_counts(self) -> None:
        """The status bar's count of articles per status: mine."""
        stats = self.store.articles.status_counts()
        parts = [
            f"{status.replace('_', ' ')} {stats.get(status, 0)}" for status in ARTICLE_STATUSES
        ]
        self.status_counts.setText("   ".join(parts))

    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # moved onto the screen if it no longer fits
        else:
            # The offscreen platform (tests, the README's pictures) has no analyst's
            # screen to fit: there the window keeps its full size.
            offscreen = QApplication.platformName() == "offscreen"
            room = None if offscreen else self.screen().availableGeometry().size()
            self.resize(first_start_size(room))
        self.layout_switch.restore()

    def closeEvent(self, event) -> None:
        # They read the store, which may be closed next.
        self._annotations_timer.stop()
        self._panel_timer.stop()
        self.safety.stop()
        self.tasks.cancel_all()
        self.settings.setValue("geometry", self.saveGeometry())
        self.layout_switch.save()
        self.settings.sync()
        super().closeEvent(event)

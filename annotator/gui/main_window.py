"""The main window: corpus list, article view and annotation panel, wired together."""

from __future__ import annotations

import re
from typing import Any

from ..core.errors import AnnotatorError
from ..core.schema import ARTICLE_STATUSES
from ..core.store import Changes, Store
from .about_suggestions import AboutSuggestionsDialog
from .annotation_panel import AnnotationPanel
from .article_view import ArticleHeader, ArticlePane, ArticleText
from .backups import DataSafety
from .corpus_list import CorpusPanel
from .corpus_views import CorpusViews
from .labels import Label, color_for, default_labels
from .popups import ClaimPopup, MentionPopup, PositionPopup
from .qt import (
    QAction,
    QColor,
    QIcon,
    QInputDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPainter,
    QPixmap,
    QSettings,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QToolBar,
    QWidget,
    literal,
)
from .review import ReviewBar
from .session import Session
from .shortcuts_dialog import ShortcutsDialog
from .window_files import IMPORT_NOT_UNDOABLE, FileActions
from .window_review import ReviewActions
from .workers import BackgroundTask

QUOTE_MARKS = "\"“”„«»‘’'‹›"


def swatch(color: QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(color.darker(140))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class MainWindow(ReviewActions, FileActions, QMainWindow):
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
        self.tasks: list[BackgroundTask] = []
        self.setAcceptDrops(True)  # files and folders dropped on it are imported
        self.popup = None
        self.review: list[dict[str, Any]] | None = None
        self.review_index = 0
        self._data_version = None
        self.setObjectName("mainWindow")

        self.corpus = CorpusPanel(session)
        self.header = ArticleHeader()
        self.text = ArticleText(self.labels)
        self.panel = AnnotationPanel()
        self.review_bar = ReviewBar()
        self.review_bar.hide()
        centre = ArticlePane(self.header, self.text, self.review_bar)
        self.views = CorpusViews(session)
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

        self.status_counts = QLabel()
        self.statusBar().addPermanentWidget(self.status_counts)
        self._panel_timer = QTimer(self, singleShot=True, interval=30)
        self._panel_timer.timeout.connect(self._refresh_panel)
        # After a tag, the new highlight is painted at once and the rest re-read here.
        self._annotations_timer = QTimer(self, singleShot=True, interval=30)
        self._annotations_timer.timeout.connect(self.refresh_annotations)
        self._tagging = False

        self._build_actions()
        self._connect()
        self.safety = DataSafety(self)
        self.corpus.model.reload()
        self._update_title()
        self._update_counts()
        self._update_undo()
        self._restore_layout()
        first = self.settings.value("last_article")
        if not (first and self.corpus.select(str(first))):
            if self.corpus.model.rows:
                self.corpus.select(self.corpus.model.rows[0]["id"])
            else:
                self.show_article(None)

    # -- actions and menus ---------------------------------------------------------

    def _action(
        self, text: str, slot, shortcut=None, *, menu: QMenu | None = None, tip: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action("&New database…", self.new_database, QKeySequence.StandardKey.New, menu=file)
        self._action(
            "&Open database…", self.open_database, QKeySequence.StandardKey.Open, menu=file
        )
        self.recent_menu = file.addMenu("Open &recent")
        file.addSeparator()
        file.setToolTipsVisible(True)
        self._action(
            "&Import articles…",
            self.import_dialog,
            "Ctrl+I",
            menu=file,
            tip=IMPORT_NOT_UNDOABLE,
        )
        self._action("&Export…", self.export_dialog, "Ctrl+E", menu=file)
        self.safe_csv_action = QAction("CSV: &safe to open in spreadsheets", self, checkable=True)
        self.safe_csv_action.setStatusTip(
            "Cells beginning with = + - @ tab or CR get an apostrophe in front, so a "
            "spreadsheet shows them instead of running them as formulas. Off: exact data."
        )
        self.safe_csv_action.setChecked(self.settings.value("safe_csv", True, type=bool))
        self.safe_csv_action.toggled.connect(self._set_safe_csv)
        self._set_safe_csv(self.safe_csv_action.isChecked())
        file.addAction(self.safe_csv_action)
        file.addSeparator()
        self._action("Restore from &backup…", lambda: self.safety.restore_dialog(), menu=file)
        file.addSeparator()
        self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, menu=file)

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(
            "&Undo", self.undo, QKeySequence.StandardKey.Undo, menu=edit
        )
        self.redo_action = self._action("&Redo", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], menu=edit)
        edit.addSeparator()
        self._action(
            "&Delete highlight", self.delete_current, QKeySequence.StandardKey.Delete, menu=edit
        )
        self._action("Edit &note…", self.edit_note, "N", menu=edit)
        self._action(
            "&Find in article…", self.find_in_article, QKeySequence.StandardKey.Find, menu=edit
        )
        self._action(
            "Filter the corpus list", lambda: self.corpus.filter.setFocus(), "Ctrl+L", menu=edit
        )

        tag = bar.addMenu("&Tag")
        self.toolbar = QToolBar("Labels")
        self.toolbar.setObjectName("labelsToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        for label in self.labels:
            action = self._action(
                f"{label.key}  {label.name}",
                lambda name=label.name: self.tag(name),
                label.key,
                menu=tag,
                tip=f"{label.description} (key {label.key})",
            )
            action.setIcon(swatch(label.color))
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        position = self._action(
            "P  position",
            self.add_position,
            "P",
            menu=tag,
            tip="A stance of the speaker toward a target (key P)",
        )
        self.toolbar.addAction(position)
        tag.addSeparator()
        self.snap_action = QAction("Snap selection to whole words", self, checkable=True)
        self.snap_action.setChecked(self.settings.value("snap_to_words", True, type=bool))
        self.snap_action.toggled.connect(lambda on: self.settings.setValue("snap_to_words", on))
        tag.addAction(self.snap_action)
        tag.addAction(self._action("Set my annotator name…", self.set_annotator_name))

        article = bar.addMenu("&Article")
        self._action(
            "Mark &in progress",
            lambda: self.set_status("in_progress"),
            "Ctrl+Shift+I",
            menu=article,
        )
        self._action(
            "Mark &done and open next to do",
            self.done_and_next,
            ["Ctrl+Return", "Ctrl+Enter"],
            menu=article,
        )
        self._action("Mark &to do", lambda: self.set_status("todo"), None, menu=article)
        article.addSeparator()
        self._action(
            "&Next article", lambda: self.step(1), ["Alt+Down", "Ctrl+PgDown"], menu=article
        )
        self._action(
            "&Previous article", lambda: self.step(-1), ["Alt+Up", "Ctrl+PgUp"], menu=article
        )
        self._action("Next article to &do", self.next_todo, "Ctrl+J", menu=article)

        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        self.toolbar.addWidget(spacer)
        done = self._action(
            "✓ Done && next",
            self.done_and_next,
            tip="Mark this article done and open the next to do (Ctrl+Enter)",
        )
        self.toolbar.addAction(done)

        view = bar.addMenu("&View")
        self._action("&Article", lambda: self.centre_tabs.setCurrentIndex(0), "Ctrl+1", menu=view)
        self._action(
            "&Corpus views", lambda: self.centre_tabs.setCurrentIndex(1), "Ctrl+2", menu=view
        )
        for name, key in (
            ("speakers", "Ctrl+Shift+1"),
            ("claims", "Ctrl+Shift+2"),
            ("positions", "Ctrl+Shift+3"),
            ("timeline", "Ctrl+Shift+4"),
            ("search", "Ctrl+Shift+F"),
        ):
            self._action(
                f"{name.capitalize()} view", lambda n=name: self.show_view(n), key, menu=view
            )

        review = bar.addMenu("&Review")
        self._action("&Start review of this article", self.start_review, "Ctrl+R", menu=review)
        review.addSeparator()
        self._text_action("&Next annotation", lambda: self.review_step(1), ["J", "]"], review)
        self._text_action("&Previous annotation", lambda: self.review_step(-1), ["K", "["], review)
        self._text_action("&Accept", lambda: self.decide_current(True), ["Return", "Enter"], review)
        self._text_action("&Reject", lambda: self.decide_current(False), ["Backspace"], review)
        self._text_action("&Edit", self.edit_current, ["E"], review)
        self._action(
            "Mark article &reviewed",
            lambda: self.set_status("reviewed"),
            "Ctrl+Shift+R",
            menu=review,
        )
        review.addSeparator()
        self._action(
            "Suggest quotes in this article", self.suggest_here, "Ctrl+Shift+S", menu=review
        )
        self._action("Suggest quotes in all articles to do…", self.suggest_todo, menu=review)
        self._action(
            "Accept all suggestions in this article",
            lambda: self.decide_all_suggestions(True),
            "Ctrl+Shift+A",
            menu=review,
        )
        self._action(
            "Reject all suggestions in this article",
            lambda: self.decide_all_suggestions(False),
            menu=review,
        )

        help_menu = bar.addMenu("&Help")
        self._action("&Keyboard shortcuts", self.show_shortcuts, "F1", menu=help_menu)
        self._action("About &suggestions", self.show_about_suggestions, menu=help_menu)
        self._action("&About Annotator", self.about, menu=help_menu)
        self._rebuild_recent()

    def _text_action(self, text: str, slot, keys: list[str], menu: QMenu) -> QAction:
        """An action whose keys work while the article text has focus (Enter, letters)."""
        action = QAction(text, self.text)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.text.addAction(action)
        menu.addAction(action)
        return action

    def _connect(self) -> None:
        self._views_stale = False
        self.centre_tabs.currentChanged.connect(self._centre_tab_changed)
        self.views.open_span.connect(self.open_span)
        self.views.open_search_hit.connect(self.open_search_hit)
        self.views.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.views.exported.connect(
            lambda n, path: self.statusBar().showMessage(f"{n} articles exported to {path}", 8000)
        )
        self.views.export_failed.connect(self.show_error)
        self.review_bar.step.connect(self.review_step)
        self.review_bar.decide.connect(self.decide_current)
        self.review_bar.finish.connect(self.finish_review)
        self.review_bar.close_requested.connect(self.stop_review)
        self.corpus.article_selected.connect(self.open_article)
        self.text.span_clicked.connect(self.span_clicked)
        self.text.context_requested.connect(self.text_context_menu)
        self.panel.span_chosen.connect(lambda sid: self.text.mark_span(sid))
        self.panel.delete_requested.connect(self.delete_items)
        self.panel.edit_requested.connect(self.edit_item)
        self.panel.context_requested.connect(self.item_context_menu)
        self.session.changed.connect(self.on_changed)
        self.session.failed.connect(self.show_error)
        self.session.refused.connect(self._undo_refused)
        self.session.database_changed.connect(self.on_database_changed)

    # -- article display ---------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self.session.store

    def open_article(self, article_id: str) -> None:
        try:
            article = self.store.article(article_id)
        except AnnotatorError as exc:
            self.show_error(str(exc))
            return
        self.show_article(article)
        self.settings.setValue("last_article", article_id)

    def show_article(self, article: dict[str, Any] | None) -> None:
        self.article = article
        self.header.show_article(article)
        self.text.show_text(article["text"] if article else "")
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
        self._ensure_loaded()
        return self._spans

    @property
    def claims(self) -> list[dict[str, Any]]:
        self._ensure_loaded()
        return self._claims

    @property
    def positions(self) -> list[dict[str, Any]]:
        self._ensure_loaded()
        return self._positions

    @property
    def speaker_rows(self) -> dict[str, dict[str, Any]]:
        self._ensure_loaded()
        return self._speaker_rows

    def _ensure_loaded(self) -> None:
        if self._pending_load:
            self.refresh_annotations()

    def refresh_annotations(self, *, panel_now: bool = True) -> None:
        self._annotations_timer.stop()
        self._pending_load = False
        if self.article is None:
            self._spans, self._claims, self._positions = [], [], []
        else:
            aid = self.article["id"]
            self._spans = self.store.spans(aid)
            self._claims = self.store.claims(aid)
            self._positions = self.store.positions(aid)
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
            self.spans, self.claims, self.positions, names, self.speaker_rows
        )

    def on_changed(self, changes: Changes) -> None:
        if self.article is not None and (
            self.article["id"] in changes.articles or changes.touches("speakers")
        ):
            if changes.touches("articles") and self.article["id"] in changes.articles:
                self.article = self.store.article(self.article["id"])
                self.header.show_article(self.article)
            if not self._tagging:
                # (tag() shows its new highlight itself: re-reading 10,000 spans, repainting
                # and listing them again would take 300 ms after every key press.)
                self.refresh_annotations(panel_now=False)
        self.corpus.model.refresh_rows(changes.articles)
        self._refresh_views()
        if changes.touches("articles"):  # the counts are of article statuses
            self._update_counts()
        self._update_undo()
        if changes.action:
            self.statusBar().showMessage(changes.action, 4000)

    def _refresh_views(self) -> None:
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
        self.centre_tabs.setCurrentIndex(1)
        self.views.show_view(name)

    def open_span(self, article_id: str, span_id: str) -> None:
        """Open an article from a corpus view, at the span if one is given."""
        self.centre_tabs.setCurrentIndex(0)
        if self.article is None or self.article["id"] != article_id:
            self._go_to(article_id)
        if span_id:
            self.span_clicked(span_id)
            self.text.mark_span(span_id)

    def open_search_hit(self, article_id: str, start: int, end: int) -> None:
        self.centre_tabs.setCurrentIndex(0)
        if self.article is None or self.article["id"] != article_id:
            self._go_to(article_id)
        self.text.show_search_hits([(start, end)])
        self.text.select_range(start, end)
        self.text.centerCursor()

    # -- tagging ------------------------------------------------------------------------

    def tag(self, label: str) -> None:
        if self.article is None:
            return
        # Loaded before the write: the new highlight is then added to them, not read twice.
        self._ensure_loaded()
        rng = self.text.selected_range(snap_to_words=self.snap_action.isChecked())
        if rng is None:
            self.statusBar().showMessage(
                "Select some text with the mouse first, then press the label's key", 5000
            )
            return
        start, end = rng
        aid = self.article["id"]
        guess: dict[str, Any] = {}
        if label == "claim":
            guess = self._guess_claim(start, end)
        elif label == "speaker":
            found = self.store.find_speaker(self.text.text[start:end])
            guess = {"speaker_id": found["id"] if found else None}
        # The article row changes only when a first tag marks it in progress.
        tables = {"spans", "claims"} | ({"articles"} if self.article["status"] == "todo" else set())
        changes = Changes(f"Tagged {label}", frozenset([aid]), frozenset(tables))
        self._tagging = True
        try:
            result = self.session.run(
                lambda s: s.tag(aid, start, end, label, **guess), changes=changes
            )
        finally:
            self._tagging = False
        if result is None:
            return
        self.text.clear_selection()
        span = dict(result["span"])
        claim = result["claim"]
        span["speaker_of"] = span["speaker_id"] or (claim["speaker_id"] if claim else None)
        self.spans.append(span)
        if claim is not None:
            self.claims.append({**claim, "spans": [span["id"]]})
        self.text.add_span(span)
        if span["speaker_id"]:
            self._annotations_timer.start()  # a known speaker's mention: its counts change
        else:
            names = {sid: row["name"] for sid, row in self.speaker_rows.items()}
            self.panel.add_span(span, self.claims[-1] if claim is not None else None, names)
        self.text.mark_span(span["id"], scroll=False)
        if label == "claim" and result["claim"]:
            self.ask_claim_speaker(result["claim"]["id"])
        elif label == "speaker":
            self.ask_mention_speaker(span["id"])

    def _near(self, label: str, start: int, end: int, reach: int = 250) -> list[dict[str, Any]]:
        """Spans with this label within ``reach`` characters, nearest first."""

        def distance(s: dict[str, Any]) -> int:
            return max(0, s["start"] - end, start - s["end"])

        found = [
            s
            for s in self.spans
            if s["label"] == label and distance(s) <= reach and s["status"] != "rejected"
        ]
        return sorted(found, key=distance)

    def _guess_claim(self, start: int, end: int) -> dict[str, Any]:
        text = self.text.text
        before = text[max(0, start - 2) : start].strip()
        after = text[end : end + 2].strip()
        quoted = bool(before and before[-1] in QUOTE_MARKS) or bool(
            after and after[0] in QUOTE_MARKS
        )
        cues = self._near("cue", start, end)
        mentions = [s for s in self._near("speaker", start, end) if s["speaker_id"]]
        return {
            "claim_kind": "direct" if quoted else "indirect",
            "cue_span_id": cues[0]["id"] if cues else None,
            "speaker_id": mentions[0]["speaker_id"] if mentions else None,
            "mention_span_id": mentions[0]["id"] if mentions else None,
        }

    def _article_speakers(self) -> list[dict[str, Any]]:
        return sorted(self.speaker_rows.values(), key=lambda r: r["name"].casefold())

    def _corpus_names(self) -> list[str]:
        names = []
        for row in self.store.speakers(limit=5000):
            names.append(row["name"])
            names.extend(row["aliases"])
        return sorted(set(names), key=str.casefold)

    def _show_popup(self, popup, point) -> None:
        if self.popup is not None:
            self.popup.close()
        self.popup = popup
        popup.show_at(point)

    def ask_claim_speaker(self, claim_id: str) -> None:
        claim = self.store.claim(claim_id)
        if claim is None:
            return
        content = [s for s in self.spans if s["id"] in claim["spans"]]
        if not content:
            return
        first = content[0]
        speaker = self.store.speaker(claim["speaker_id"]) if claim["speaker_id"] else None
        cues = [
            (s["id"], f"{s['text']}  (at {s['start']})")
            for s in self._near("cue", first["start"], content[-1]["end"], reach=600)
        ]
        popup = ClaimPopup(
            " … ".join(s["text"] for s in content),
            self._article_speakers(),
            self._corpus_names(),
            speaker["name"] if speaker else "",
            claim["kind"],
            cues,
            claim["cue_span_id"],
            self,
        )

        def save(values: dict[str, Any]) -> None:
            mention = claim["mention_span_id"]
            if values["name"]:
                matches = [
                    s
                    for s in self._near("speaker", first["start"], content[-1]["end"], reach=600)
                    if s["speaker_id"]
                    and (self.speaker_rows.get(s["speaker_id"]) or {}).get("name", "").casefold()
                    == values["name"].casefold()
                ]
                mention = matches[0]["id"] if matches else mention
            self.session.run(
                lambda s: s.attribute_claim(
                    claim_id,
                    speaker_name=values["name"],
                    kind=values["kind"],
                    cue_span_id=values["cue"],
                    mention_span_id=mention,
                )
            )

        popup.accepted.connect(save)
        self._show_popup(popup, self.text.span_rect_point(first))

    def ask_mention_speaker(self, span_id: str) -> None:
        span = self.store.span(span_id)
        if span is None:
            return
        current = self.store.speaker(span["speaker_id"]) if span["speaker_id"] else None
        popup = MentionPopup(
            span["text"],
            self._article_speakers(),
            self._corpus_names(),
            current["name"] if current else span["text"],
            self,
        )
        popup.accepted.connect(
            lambda v: (
                v["name"]
                and self.session.run(
                    lambda s: s.link_mention(
                        span_id, speaker_name=v["name"], kind=v["kind"], role=v["role"]
                    )
                )
            )
        )
        self._show_popup(popup, self.text.span_rect_point(span))

    def add_position(self, position_id: str | None = None) -> None:
        if self.article is None:
            return
        kind_id = self.panel.current()
        evidence: list[str] = []
        speaker_id = None
        position = next((p for p in self.positions if p["id"] == position_id), None)
        if position:
            evidence, speaker_id = position["evidence"], position["speaker_id"]
        elif kind_id and kind_id[0] == "claim":
            evidence = self.panel.selected_ids("claim") or [kind_id[1]]
        elif self.text.current_span_id:
            claim_id = self.store.claim_for_span(self.text.current_span_id)
            evidence = [claim_id] if claim_id else []
        if not speaker_id and evidence:
            claim = next((c for c in self.claims if c["id"] == evidence[0]), None)
            speaker_id = claim["speaker_id"] if claim else None
        speakers = self._article_speakers()
        if not speakers:
            self.statusBar().showMessage(
                "Tag a speaker or attribute a claim first: a position belongs to a speaker", 6000
            )
            return
        texts = {s["id"]: s["text"] for s in self.spans}
        claims = [
            (
                c["id"],
                f"{(self.speaker_rows.get(c['speaker_id']) or {}).get('name', '?')}: "
                + " … ".join(texts.get(sid, "")[:70] for sid in c["spans"]),
            )
            for c in self.claims
        ]
        popup = PositionPopup(
            speakers, speaker_id, self.store.targets(limit=5000), claims, evidence, position, self
        )
        aid = self.article["id"]

        def save(values: dict[str, Any]) -> None:
            if not values["target"] or not values["stance"]:
                self.show_error(
                    "A position needs a target and a stance (favor, against, neutral or mixed)."
                )
                return
            if position:
                self.session.run(lambda s: s.update_position(position["id"], **values))
            else:
                self.session.run(
                    lambda s: s.add_position(aid, **values),
                    changes=Changes("Added position", frozenset([aid]), frozenset({"positions"})),
                )

        popup.accepted.connect(save)
        point = self.text.viewport().mapToGlobal(self.text.viewport().rect().center())
        self._show_popup(popup, point)

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

    def delete_current(self) -> None:
        current = (
            self.panel.current()
            if self.panel.hasFocus() or self.panel.isAncestorOf(self.focusWidget())
            else None
        )
        if current:
            self.delete_items(current[0], self.panel.selected_ids(current[0]) or [current[1]])
        elif self.text.current_span_id:
            self.delete_items("span", [self.text.current_span_id])

    def delete_items(self, kind: str, ids: list[str]) -> None:
        if kind == "speaker":
            if (
                QMessageBox.question(
                    self,
                    "Delete mentions",
                    "Delete this speaker's highlights in this article? "
                    "(The speaker stays in the corpus.)",
                )
                != QMessageBox.StandardButton.Yes
            ):
                return
            kind, ids = "span", [s["id"] for s in self.spans if s["speaker_id"] in ids]
        groups = {"span": "spans", "claim": "claims", "position": "positions"}
        self.session.run(lambda s: s.delete_many(**{groups[kind]: ids}))
        self.text.current_span_id = None

    def edit_item(self, kind: str, item_id: str) -> None:
        if kind == "claim":
            self.ask_claim_speaker(item_id)
        elif kind == "position":
            self.add_position(item_id)
        elif kind == "speaker":
            self.rename_speaker(item_id)
        elif kind == "span":
            span = next((s for s in self.spans if s["id"] == item_id), None)
            if span and span["label"] == "speaker":
                self.ask_mention_speaker(item_id)
            elif span and span["label"] == "claim" and self.store.claim_for_span(item_id):
                self.ask_claim_speaker(self.store.claim_for_span(item_id))
            else:
                self.edit_note(item_id)

    def rename_speaker(self, speaker_id: str) -> None:
        row = self.store.speaker(speaker_id)
        if row is None:
            return
        name, ok = QInputDialog.getText(self, "Speaker", "Name (corpus-wide):", text=row["name"])
        if ok and name.strip():
            self.session.run(lambda s: s.update_speaker(speaker_id, name=name.strip()))

    def edit_note(self, span_id: str | None = None) -> None:
        span_id = span_id or self.text.current_span_id
        span = next((s for s in self.spans if s["id"] == span_id), None)
        if span is None:
            self.statusBar().showMessage("Click a highlight first", 4000)
            return
        note, ok = QInputDialog.getMultiLineText(
            self, "Note", literal(f"Note on “{span['text'][:60]}”:"), span["note"] or ""
        )
        if ok:
            self.session.run(lambda s: s.update_span(span_id, note=note.strip() or None))

    def relabel(self, span_id: str, label: str) -> None:
        self.session.run(lambda s: s.update_span(span_id, label=label))

    def text_context_menu(self, pos, span_ids: list[str]) -> None:
        menu = QMenu(self)
        if self.text.textCursor().hasSelection():
            for label in self.labels:
                menu.addAction(
                    swatch(label.color),
                    f"Tag as {label.name}\t{label.key}",
                    lambda n=label.name: self.tag(n),
                )
            menu.addSeparator()
        for span_id in span_ids[:3]:
            span = next(s for s in self.spans if s["id"] == span_id)
            sub = menu.addMenu(
                swatch(color_for(span["label"], self.labels)),
                f"{span['label']}: {span['text'][:40]}",
            )
            self._span_menu(sub, span)
        if not menu.isEmpty():
            menu.exec(pos)

    def _span_menu(self, menu: QMenu, span: dict[str, Any]) -> None:
        sid = span["id"]
        menu.addAction("Select", lambda: self.span_clicked(sid))
        relabel = menu.addMenu("Change label")
        for label in self.labels:
            if label.name != span["label"]:
                relabel.addAction(
                    swatch(label.color), label.name, lambda n=label.name: self.relabel(sid, n)
                )
        if span["label"] == "speaker":
            menu.addAction("Which speaker…", lambda: self.ask_mention_speaker(sid))
        claim_id = self.store.claim_for_span(sid)
        if claim_id:
            menu.addAction("Who said it…", lambda: self.ask_claim_speaker(claim_id))
            menu.addAction(
                "Add position…",
                lambda: (self.panel.select_span(sid, claim_id), self.add_position()),
            )
        if span["status"] == "suggested":
            menu.addAction(
                "Accept suggestion",
                lambda: self.session.run(lambda s: s.update_span(sid, status="accepted")),
            )
        menu.addAction("Note…", lambda: self.edit_note(sid))
        menu.addSeparator()
        menu.addAction("Delete", lambda: self.delete_items("span", [sid]))

    def item_context_menu(self, kind: str, item_id: str, pos) -> None:
        menu = QMenu(self)
        if kind == "span":
            span = next((s for s in self.spans if s["id"] == item_id), None)
            if span:
                self._span_menu(menu, span)
        else:
            menu.addAction("Edit…", lambda: self.edit_item(kind, item_id))
            if kind == "claim":
                menu.addAction("Add position…", self.add_position)
            if kind != "speaker":
                menu.addAction("Delete", lambda: self.delete_items(kind, [item_id]))
        menu.exec(pos)

    def _reload_all(self) -> None:
        self.corpus.reload()
        self._refresh_views()
        if self.article is not None:
            self.refresh_annotations()
        self._update_counts()
        self._update_undo()

    def changeEvent(self, event) -> None:
        # Another window or process may have written to the same file meanwhile.
        if event.type() == event.Type.ActivationChange and self.isActiveWindow():
            version = self.store.data_version()
            if self._data_version is not None and version != self._data_version:
                self._reload_all()
            self._data_version = version
        super().changeEvent(event)

    # -- undo, status, navigation ---------------------------------------------------------------

    def undo(self) -> None:
        self._undo_redo(self.store.undo)

    def redo(self) -> None:
        self._undo_redo(self.store.redo)

    def _undo_redo(self, fn) -> None:
        changes = self.session.run(lambda _s: fn() or Changes("Nothing to do"))
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
        self.statusBar().showMessage(message, 10000)
        self._reload_all()

    def _update_undo(self) -> None:
        undo, redo = self.store.undo_label(), self.store.redo_label()
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")
        self.redo_action.setEnabled(redo is not None)

    def set_status(self, status: str) -> None:
        if self.article is not None:
            aid = self.article["id"]
            self.session.run(lambda s: s.set_article_status(aid, status))

    def done_and_next(self) -> None:
        if self.article is None:
            return
        aid = self.article["id"]
        self.set_status("done")
        nxt = self.store.neighbour_article(
            aid, step=1, status="todo"
        ) or self.store.neighbour_article(aid, step=1, status="in_progress")
        if nxt and self._go_to(nxt):
            return
        self.statusBar().showMessage("Marked done. No article left to do.", 6000)

    def next_todo(self) -> None:
        if self.article is not None:
            nxt = self.store.neighbour_article(self.article["id"], step=1, status="todo")
            if nxt:
                self._go_to(nxt)

    def _go_to(self, article_id: str) -> bool:
        if not self.corpus.select(article_id):
            # Hidden by the filter: clear it so the article can be shown in the list.
            self.corpus.filter.clear()
            self.corpus.status.setCurrentIndex(0)
            self.corpus._apply_filter()
            if not self.corpus.select(article_id):
                self.open_article(article_id)
        return True

    def step(self, direction: int) -> None:
        index = self.corpus.table.currentIndex()
        row = (index.row() if index.isValid() else -1) + direction
        model = self.corpus.model
        if row >= len(model.rows) and model.canFetchMore(index.parent()):
            model.fetchMore(index.parent())
        if 0 <= row < len(model.rows):
            self.corpus.select(model.rows[row]["id"])

    def find_in_article(self) -> None:
        if self.article is None:
            return
        phrase, ok = QInputDialog.getText(self, "Find in article", "Find:")
        if not ok:
            return
        hits = (
            [
                (m.start(), m.end())
                for m in re.finditer(re.escape(phrase), self.text.text, re.IGNORECASE)
            ]
            if phrase
            else []
        )
        self.text.show_search_hits(hits)
        if hits:
            self.text.select_range(*hits[0])
            self.text.centerCursor()
        self.statusBar().showMessage(
            f"{len(hits)} match{'es' if len(hits) != 1 else ''} for “{phrase}”", 5000
        )

    # -- misc -------------------------------------------------------------------------------------

    def _set_safe_csv(self, on: bool) -> None:
        self.settings.setValue("safe_csv", on)
        self.views.safe_for_spreadsheets = on

    def set_annotator_name(self) -> None:
        name, ok = QInputDialog.getText(
            self, "Annotator", "Your name on new annotations:", text=self.store.annotator
        )
        if ok and name.strip():
            self.store.annotator = name.strip()
            self.settings.setValue("annotator", name.strip())
            self._update_undo()  # undo is per annotator

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Annotator", literal(message))

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions(), self).exec()

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

    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else "in memory"
        self.setWindowTitle(f"{name} — Annotator")

    def _update_counts(self) -> None:
        stats = self.store.stats()["by_status"]
        parts = [
            f"{status.replace('_', ' ')} {stats.get(status, 0)}" for status in ARTICLE_STATUSES
        ]
        self.status_counts.setText("   ".join(parts))

    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1480, 900)
        state = self.settings.value("splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        # They read the store, which may be closed next.
        self._annotations_timer.stop()
        self._panel_timer.stop()
        self.safety.stop()
        for task in list(self.tasks):
            task.cancel()
            task.wait(10000)
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

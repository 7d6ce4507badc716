"""Review › Agreement: the agreement figures in tables, and the places coders differ.

The figures are `core.agreement.compute`'s (the same as ``annotator agreement``),
worked out on a worker thread with its own connection (progress and Cancel, see
dialog_job.py); this module only lays them out. Double-clicking a disagreement (or an article)
asks the window to open the article there: the dialog says it with ``open_at``
and drives nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.agreement import CodedArticle, compute, disagreements
from ..core.agreement_report import GUIDE, fmt, measure_rows
from ..core.errors import AnnotatorError
from ..core.schema import DEFAULT_LABELS
from ..core.store import Store
from ..core.store.queries.agreement import (
    agreement_input,
    known_annotators,
    layer_annotators,
    speaker_names,
)
from .dialog_job import DialogJob
from .qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    Signal,
)
from .session import Session

ARTICLE_RULES = [
    ("The reliability sample, else every article two coders did", None),
    ("The reliability sample", "reliability-sample"),
    ("Every article two coders did", "all-double-coded"),
]


def fill_table(table: QTableWidget, head: list[str], rows: list[list[str]]) -> None:
    """Plain-text cells (never rich text), figures right-aligned."""
    table.clear()
    table.setColumnCount(len(head))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(head)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c > 0 and _is_figure(value):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _is_figure(value: str) -> bool:
    return value.replace(".", "", 1).lstrip("-").isdigit()


def _table() -> QTableWidget:
    table = QTableWidget()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def describe(d: Any, article: Any, names: dict[str, str]) -> str:
    """A disagreement in two lines: the article, what and the words there; then each
    coder's value (ranges, a speaker's name, a stance; — where the coder has none)."""

    def value(v: str | None) -> str:
        if v is None:
            return "—"
        return names.get(v, v) or "(no speaker)"

    title = (article.title or article.id).replace("\n", " ")[:50]
    words = ""
    if d.start is not None:
        words = " “" + " ".join(article.text[d.start : d.end].split())[:70] + "”"
    values = ",  ".join(f"{c}: {value(v)}" for c, v in d.values.items())
    return f"{title} · {d.measure}{words}\n      {values}"


def labels_used(articles: list[CodedArticle]) -> list[str]:
    """The span labels any coder used: the default ones in their usual order, then
    the others alphabetically."""
    used = {label for a in articles for lay in a.layers.values() for label, _, _ in lay.spans}
    return [label for label in DEFAULT_LABELS if label in used] + sorted(used - set(DEFAULT_LABELS))


@dataclass
class AgreementRun:
    """What one computation found, for the dialog to lay out."""

    names: list[str]  # every annotator with a layer (machine suggestions aside)
    default: list[str]  # those compared unless unchecked
    result: dict[str, Any] | None = None  # compute's figures; None: see ``error``
    coders: list[str] = field(default_factory=list)
    rule: str = ""
    labels: list[str] = field(default_factory=list)
    places: list[tuple[str, tuple[str, int | None, int | None]]] = field(default_factory=list)
    error: str | None = None  # why there are no figures (one line for the user)


def agreement_job(chosen: list[str] | None, articles: str | None):
    """The background job: read the layers, compute every figure, describe every
    disagreement (the window's thread only lays them out)."""

    def job(store: Store, progress, cancelled) -> AgreementRun:
        run = AgreementRun(sorted(known_annotators(store) - {"suggest"}), layer_annotators(store))
        try:
            coded, coders, rule = agreement_input(store, chosen, articles)
        except AnnotatorError as exc:
            run.error = str(exc)
            return run
        labels = labels_used(coded)
        run.result = compute(coded, coders, labels, progress=progress, cancelled=cancelled)
        run.coders, run.rule, run.labels = coders, rule, labels
        found = disagreements(coded, coders, labels)
        by_id = {a.id: a for a in coded}
        names = speaker_names(store, _speakers(coded))
        run.places = [
            (describe(d, by_id[d.article_id], names), (d.article_id, d.start, d.end)) for d in found
        ]
        return run

    return job


def _speakers(articles: list[CodedArticle]) -> set[str | None]:
    """Every speaker a coder gave a claim or a position to."""
    return {c.speaker for a in articles for lay in a.layers.values() for c in lay.claims} | {
        p.speaker for a in articles for lay in a.layers.values() for p in lay.positions
    }


class AgreementDialog(QDialog):
    """The agreement figures of the database's layers, per measure, pair and article."""

    open_at = Signal(str, int, int)  # article id, start, end (-1, -1: the article)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Agreement")
        self.rule = QComboBox()
        for text, _ in ARTICLE_RULES:
            self.rule.addItem(text)
        self.coders = QListWidget()
        self.coders.setMaximumHeight(self.fontMetrics().height() * 3)
        self.coders.setFlow(QListWidget.Flow.LeftToRight)
        self.coders.setWrapping(True)
        self.coders.setAccessibleName("Annotators compared")
        refresh = QPushButton("&Compute")
        refresh.clicked.connect(self.compute)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        guide = QLabel(GUIDE)
        guide.setTextFormat(Qt.TextFormat.PlainText)
        guide.setWordWrap(True)
        self.measures, self.pairs, self.articles = _table(), _table(), _table()
        self.measures.setAccessibleName("Agreement per measure")
        self.pairs.setAccessibleName("Agreement per pair of coders")
        self.articles.setAccessibleName("Agreement per article")
        self.places = QListWidget()
        self.places.setAccessibleName("Disagreements")
        self.places.setAlternatingRowColors(True)
        self.places.itemActivated.connect(self._open_place)
        self.articles.cellDoubleClicked.connect(self._open_article_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.measures, "Measures")
        self.tabs.addTab(self.pairs, "Per pair")
        self.tabs.addTab(self.articles, "Per article")
        self.tabs.addTab(self.places, "Disagreements")
        top = QHBoxLayout()
        top.addWidget(QLabel("Articles:"))
        top.addWidget(self.rule, 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Annotators (uncheck to leave out):"))
        layout.addWidget(self.coders)
        layout.addWidget(self.summary)
        layout.addWidget(guide)
        layout.addWidget(self.tabs, 1)
        self.article_ids: list[str] = []
        self.result: dict[str, Any] | None = None
        self.job = DialogJob(self, session, "Computing agreement…")
        self.job.finished.connect(self._show)
        self.job.failed.connect(self._show_failure)
        self.job.cancelled.connect(lambda: self._show_failure("Cancelled: nothing computed."))
        self.resize(980, 620)
        # The names are one quick read: shown (and uncheckable) while the figures compute.
        store = session.store
        self._fill_coders(sorted(known_annotators(store) - {"suggest"}), layer_annotators(store))
        self.compute()

    @property
    def computing(self) -> bool:
        """A computation is running (its figures replace the tables when done)."""
        return self.job.running

    def _fill_coders(self, names: list[str], default: list[str]) -> None:
        self.coders.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in default else Qt.CheckState.Unchecked
            )
            self.coders.addItem(item)

    def chosen_coders(self) -> list[str]:
        return [
            self.coders.item(i).text()
            for i in range(self.coders.count())
            if self.coders.item(i).checkState() == Qt.CheckState.Checked
        ]

    def compute(self) -> None:
        """Compute the figures in the background (progress and Cancel); the tables
        are filled when they are done. Computing again cancels a run still going."""
        self.summary.setText("Computing…")
        self.job.start(
            agreement_job(self.chosen_coders() or None, ARTICLE_RULES[self.rule.currentIndex()][1])
        )

    def _show(self, run: AgreementRun) -> None:
        if not self.coders.count():
            self._fill_coders(run.names, run.default)
        if run.result is None:
            self._show_failure(run.error or "")
            return
        result = self.result = run.result
        rule_text = (
            "the reliability sample"
            if run.rule == "reliability-sample"
            else ("the articles two or more of them coded")
        )
        self.summary.setText(
            f"{', '.join(run.coders)} on {result['articles']} articles ({rule_text})."
        )
        fill_table(
            self.measures,
            ["measure", "alpha", "F1 exact", "F1 overlap", "units", "reading"],
            measure_rows(result),
        )
        self._fill_pairs(result, run.labels)
        self._fill_articles(result, run.labels)
        self._fill_places(run.places)

    def _show_failure(self, message: str) -> None:
        self.result = None
        self.summary.setText(message)
        for table in (self.measures, self.pairs, self.articles):
            table.clear()
            table.setRowCount(0)
        self.places.clear()

    def _fill_pairs(self, result: dict[str, Any], labels: list[str]) -> None:
        head = ["pair", "articles", *(f"{lab} α" for lab in labels)]
        head += [*(f"{lab} F1" for lab in labels), "attribution α", "stance α"]
        fill_table(
            self.pairs,
            head,
            [
                [
                    " / ".join(p["annotators"]),
                    str(p["articles"]),
                    *(fmt(p["tokens"][lab]) for lab in labels),
                    *(fmt(p["spans"][lab]) for lab in labels),
                    fmt(p["attribution"]),
                    fmt(p["stance"]),
                ]
                for p in result["pairs"]
            ],
        )

    def _fill_articles(self, result: dict[str, Any], labels: list[str]) -> None:
        self.article_ids = [a["id"] for a in result["per_article"]]
        fill_table(
            self.articles,
            ["article", "coders", *(f"{lab} α" for lab in labels), "attribution α", "stance α"],
            [
                [
                    (a["title"] or a["id"]).replace("\n", " "),
                    ", ".join(a["annotators"]),
                    *(fmt(a["tokens"][lab]) for lab in labels),
                    fmt(a["attribution"]),
                    fmt(a["stance"]),
                ]
                for a in result["per_article"]
            ],
        )

    def _fill_places(self, places: list[tuple[str, tuple]]) -> None:
        self.places.clear()
        for text, where in places:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, where)
            self.places.addItem(item)
        self.tabs.setTabText(3, f"Disagreements ({self.places.count()})")

    def _open_place(self, item: QListWidgetItem) -> None:
        article_id, start, end = item.data(Qt.ItemDataRole.UserRole)
        self.open_at.emit(article_id, -1 if start is None else start, -1 if end is None else end)

    def _open_article_row(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.article_ids):
            self.open_at.emit(self.article_ids[row], -1, -1)

"""Review › Agreement: the agreement figures in tables, and the places coders differ.

The figures are `core.agreement.compute`'s (the same as ``annotator agreement``);
this module only lays them out. Double-clicking a disagreement (or an article)
asks the window to open the article there: the dialog says it with ``open_at``
and drives nothing else.
"""

from __future__ import annotations

from typing import Any

from ..core.agreement import CodedArticle, compute, disagreements
from ..core.agreement_report import GUIDE, fmt, verdict
from ..core.errors import AnnotatorError
from ..core.schema import DEFAULT_LABELS
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


def measure_rows(result: dict[str, Any]) -> list[list[str]]:
    """One row per measure: alpha, F1 exact and overlap, units, Krippendorff's reading."""
    rows = []
    for label, tok in result["tokens"].items():
        span = result["spans"].get(label, {})
        rows.append(
            [
                f"{label}: tokens and spans",
                fmt(tok["alpha"]),
                fmt(span.get("f1_exact")),
                fmt(span.get("f1_overlap")),
                str(tok["n"]),
                verdict(tok["alpha"]),
            ]
        )
    for key in ("attribution", "stance"):
        fig = result[key]
        rows.append([key, fmt(fig["alpha"]), "", "", str(fig["units"]), verdict(fig["alpha"])])
    return rows


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
        self.resize(980, 620)
        self._fill_coders()
        self.compute()

    def _fill_coders(self) -> None:
        from ..core.store.queries.agreement import known_annotators, layer_annotators

        store = self.session.store
        default = set(layer_annotators(store))
        for name in sorted(known_annotators(store) - {"suggest"}):
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
        """Read the layers and fill every table (on the window's thread: its store)."""
        from ..core.store.queries import agreement_input

        store = self.session.store
        try:
            articles, coders, rule = agreement_input(
                store, self.chosen_coders() or None, ARTICLE_RULES[self.rule.currentIndex()][1]
            )
        except AnnotatorError as exc:
            self._show_failure(str(exc))
            return
        labels = labels_used(articles)
        result = compute(articles, coders, labels)
        self.result = result
        rule_text = (
            "the reliability sample"
            if rule == "reliability-sample"
            else ("the articles two or more of them coded")
        )
        self.summary.setText(f"{', '.join(coders)} on {len(articles)} articles ({rule_text}).")
        fill_table(
            self.measures,
            ["measure", "alpha", "F1 exact", "F1 overlap", "units", "reading"],
            measure_rows(result),
        )
        self._fill_pairs(result, labels)
        self._fill_articles(result, labels)
        self._fill_places(articles, coders, labels)

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

    def _fill_places(
        self, articles: list[CodedArticle], coders: list[str], labels: list[str]
    ) -> None:
        by_id = {a.id: a for a in articles}
        names = self._speaker_names(articles)
        self.places.clear()
        for d in disagreements(articles, coders, labels):
            item = QListWidgetItem(describe(d, by_id[d.article_id], names))
            item.setData(Qt.ItemDataRole.UserRole, (d.article_id, d.start, d.end))
            self.places.addItem(item)
        self.tabs.setTabText(3, f"Disagreements ({self.places.count()})")

    def _speaker_names(self, articles: list[CodedArticle]) -> dict[str, str]:
        """The name of every speaker a coder gave a claim or a position to."""
        speaker_ids = {
            c.speaker for a in articles for lay in a.layers.values() for c in lay.claims
        } | {p.speaker for a in articles for lay in a.layers.values() for p in lay.positions}
        names = {}
        for sid in speaker_ids:
            row = self.session.store.speaker(sid) if sid else None
            if row:
                names[sid] = row["name"]
        return names

    def _open_place(self, item: QListWidgetItem) -> None:
        article_id, start, end = item.data(Qt.ItemDataRole.UserRole)
        self.open_at.emit(article_id, -1 if start is None else start, -1 if end is None else end)

    def _open_article_row(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.article_ids):
            self.open_at.emit(self.article_ids[row], -1, -1)

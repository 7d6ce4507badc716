"""The first-run welcome: one page on the three panes, the keys, where the
database lives and how to bring articles in. Shown once; Help › Welcome again."""

from __future__ import annotations

from pathlib import Path

from .labels import badge_pixmap, default_labels
from .qt import (
    QColor,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QSettings,
    Qt,
    QVBoxLayout,
    QWidget,
)
from .theme import LIGHT, Theme

SETTING = "welcome/shown"

PANES = (
    ("On the left", "the corpus list: every article, with a filter, its status and sorting."),
    ("In the middle", "the article: select words with the mouse, then press a key below."),
    (
        "On the right",
        "this article's highlights, claims, speakers and positions; "
        "select one to see it in the text, Enter edits it, Delete removes it.",
    ),
)
IMPORTING = (
    "File › Import articles… (Ctrl+I), or drop files and folders on the window: "
    "text, Word, PDF, web pages, JSONL, CSV and news database exports. "
    "From a terminal: annotator import FILES."
)


def _text(text: str, *, name: str = "", bold: bool = False, size: float = 0) -> QLabel:
    # Plain text always: a database path may hold characters Qt would read as HTML.
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if bold or size:
        font = label.font()
        font.setBold(bold)
        if size:
            font.setPointSizeF(font.pointSizeF() * size)
        label.setFont(font)
    return label


class WelcomeDialog(QDialog):
    """The welcome page for the database at ``db_path``, coloured by ``theme``."""

    def __init__(
        self, db_path: Path | str, theme: Theme | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        theme = theme or LIGHT
        self.setObjectName("welcome")
        self.setWindowTitle("Welcome to Annotator")
        self.setAccessibleName("Welcome to Annotator")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(_text("Welcome to Annotator", bold=True, size=1.6))
        layout.addWidget(
            _text(
                "Read news articles, highlight who said what, and tag speakers, claims "
                "and positions. Everything is saved the moment you do it.",
            )
        )
        layout.addSpacing(8)
        layout.addWidget(_text("The window", bold=True, size=1.15))
        layout.addLayout(_panes_grid())
        layout.addSpacing(8)
        layout.addWidget(_text("The keys", bold=True, size=1.15))
        layout.addLayout(_keys_grid(theme, self.devicePixelRatioF()))
        layout.addSpacing(8)
        layout.addWidget(_text("Your database", bold=True, size=1.15))
        self.database = _text(str(db_path), name="welcomePath")
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.database)
        layout.addWidget(_text("File › Open database… opens another; backups are made for you."))
        layout.addSpacing(8)
        layout.addWidget(_text("Bringing in articles", bold=True, size=1.15))
        layout.addWidget(_text(IMPORTING))
        self._add_footer(layout)
        self.resize(640, layout.totalHeightForWidth(640))

    def _add_footer(self, layout: QVBoxLayout) -> None:
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(rule)
        layout.addWidget(
            _text("Help › Welcome shows this page again; F1 lists every key.", name="welcomeNote")
        )
        buttons = QDialogButtonBox()
        start = buttons.addButton("Start annotating", QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def _panes_grid() -> QGridLayout:
    """Where each pane is and what it is for."""
    panes = QGridLayout()
    panes.setHorizontalSpacing(12)
    for row, (where, what) in enumerate(PANES):
        panes.addWidget(_text(where, bold=True), row, 0, Qt.AlignmentFlag.AlignTop)
        panes.addWidget(_text(what), row, 1)
    panes.setColumnStretch(1, 1)
    return panes


def _keys_grid(theme: Theme, ratio: float) -> QGridLayout:
    """One row per tagging key: the key, the label's badge in ``theme``'s colours
    (drawn for a screen of device pixel ``ratio``), its name and what it marks."""
    keys = QGridLayout()
    keys.setHorizontalSpacing(10)
    rows = [
        (
            label.key,
            label.name,
            label.description,
            badge_pixmap(
                label.name,
                QColor(theme.highlight(label.name, label.color).background),
                QColor(theme.highlight(label.name, label.color).ink),
                ratio=ratio,
            ),
        )
        for label in default_labels()
    ]
    rows.append(("P", "position", "A speaker's stance toward a target, with its claims", None))
    for row, (key, name, description, badge) in enumerate(rows):
        key_label = _text(key, bold=True)
        key_label.setAccessibleName(f"Key {key}")
        keys.addWidget(key_label, row, 0)
        mark = QLabel()
        if badge is not None:
            mark.setPixmap(badge)
        keys.addWidget(mark, row, 1)
        keys.addWidget(_text(name.capitalize(), bold=True), row, 2)
        keys.addWidget(_text(description), row, 3)
    keys.setColumnStretch(3, 1)
    return keys


def show_welcome(
    parent: QWidget | None, db_path: Path | str, theme: Theme | None = None
) -> WelcomeDialog:
    """Open the welcome page (Help › Welcome) without blocking; returns the dialog."""
    dialog = WelcomeDialog(db_path, theme, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def maybe_show_welcome(
    parent: QWidget | None, settings: QSettings, db_path: Path | str, theme: Theme | None = None
) -> WelcomeDialog | None:
    """Open the welcome page if it was never shown with these settings, and note that
    it was; returns the dialog, or None when it had been shown before."""
    if settings.value(SETTING, False, type=bool):
        return None
    settings.setValue(SETTING, True)
    return show_welcome(parent, db_path, theme)

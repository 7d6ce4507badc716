"""The window's actions as data: an id each, one factory, menus and toolbar as lists of ids.

``SPECS`` says what each action is called, which keys start it and what it runs;
``MENUS`` and ``TOOLBAR`` place them; ``enabled_state`` is the one place that says
which actions the current selection allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any, Protocol

from .labels import Label, swatch
from .qt import QAction, QKeySequence, QMenu, Qt, QToolBar, QWidget


class ActionsHost(Protocol):
    """What the factories use of the window (the slots reach its controllers)."""

    text: QWidget
    labels: list[Label]

    def addAction(self, action: QAction) -> None: ...


Keys = tuple[Any, ...]  # key strings or QKeySequence.StandardKey values


class A(Enum):
    """Every action of the window, by id."""

    NEW_DATABASE = auto()
    OPEN_DATABASE = auto()
    IMPORT = auto()
    MERGE = auto()
    ASSIGN = auto()
    EXPORT = auto()
    RESTORE = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    DELETE = auto()
    EDIT_NOTE = auto()
    FIND = auto()
    FILTER_CORPUS = auto()
    ARTICLE_PROPERTIES = auto()
    JOIN_CLAIM = auto()
    SPLIT_CLAIM = auto()
    NEXT_PANE = auto()
    PREVIOUS_PANE = auto()
    POSITION = auto()
    SET_ANNOTATOR = auto()
    MARK_IN_PROGRESS = auto()
    DONE_AND_NEXT = auto()
    MARK_TODO = auto()
    NEXT_ARTICLE = auto()
    PREVIOUS_ARTICLE = auto()
    NEXT_TODO = auto()
    DONE_BUTTON = auto()
    SHOW_ARTICLE = auto()
    SHOW_VIEWS = auto()
    VIEWS_FULL = auto()
    VIEW_SPEAKERS = auto()
    VIEW_CLAIMS = auto()
    VIEW_POSITIONS = auto()
    VIEW_TIMELINE = auto()
    VIEW_SEARCH = auto()
    VIEW_NETWORK = auto()
    START_REVIEW = auto()
    REVIEW_NEXT = auto()
    REVIEW_PREVIOUS = auto()
    ACCEPT = auto()
    REJECT = auto()
    EDIT_CURRENT = auto()
    MARK_REVIEWED = auto()
    SUGGEST_HERE = auto()
    SUGGEST_TODO = auto()
    ACCEPT_ALL = auto()
    REJECT_ALL = auto()
    AGREEMENT = auto()
    ADJUDICATE = auto()
    SHORTCUTS = auto()
    WELCOME = auto()
    ABOUT_SUGGESTIONS = auto()
    ABOUT = auto()


# Places in a menu or toolbar that are not actions of SPECS.
SEPARATOR = "separator"
LABELS = "labels"  # one action per label: the tag keys
RECENT = "recent"  # File › Open recent
SAFE_CSV = "safe_csv"  # a checkable setting
SNAP = "snap"  # a checkable setting
LAYERS = "layers"  # View › Show other analysts' layers (off: blind coding), Show the layer of
REJECTED = "rejected"  # View › Show rejected (struck through; off: hidden)
SPACER = "spacer"  # pushes what follows to the toolbar's right end
THEME = "theme"  # View › Theme (Follow system, Light, Dark)
ZOOM = "zoom"  # View: zoom in, zoom out, actual size

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class Spec:
    """One action: its text, what it runs, its keys and tip.

    ``in_text``: its keys work only while the article text has focus, because they are
    plain letters or Enter (the review keys).
    ``needs_article``: it does nothing without an open article, so it is disabled then.
    """

    text: str
    run: Callable[[Any], object]  # given the main window
    keys: Keys = ()
    tip: str | None = None
    in_text: bool = False
    needs_article: bool = False


def _view(name: str) -> Callable[[Any], object]:
    return lambda w: w.show_view(name)


SPECS: dict[A, Spec] = {
    A.NEW_DATABASE: Spec("&New database…", lambda w: w.files.new_database(), (Std.New,)),
    A.OPEN_DATABASE: Spec("&Open database…", lambda w: w.files.open_database(), (Std.Open,)),
    A.ASSIGN: Spec(
        "&Assign to coders…",
        lambda w: w.files.assign_dialog(),
        tip="Write one database per coder, with a reliability sample everyone codes.",
    ),
    A.MERGE: Spec(
        "&Merge analysts' files…",
        lambda w: w.files.merge_dialog(),
        tip=(
            "Bring in other analysts' databases or export .jsonl files: their work "
            "stays their layer; each file is one undo step."
        ),
    ),
    A.IMPORT: Spec(
        "&Import articles…",
        lambda w: w.files.import_dialog(),
        ("Ctrl+I",),
        tip=(
            "Import .txt, .md, .jsonl and .csv files. An import cannot be undone: "
            "delete the imported articles to take it back."
        ),
    ),
    A.EXPORT: Spec("&Export…", lambda w: w.files.export_dialog(), ("Ctrl+E",)),
    A.RESTORE: Spec("Restore from &backup…", lambda w: w.safety.restore_dialog()),
    A.QUIT: Spec("&Quit", lambda w: w.close(), (Std.Quit,)),
    A.UNDO: Spec("&Undo", lambda w: w.undo(), (Std.Undo,)),
    A.REDO: Spec("&Redo", lambda w: w.redo(), ("Ctrl+Shift+Z", "Ctrl+Y")),
    A.DELETE: Spec("&Delete highlight", lambda w: w.tagging.delete_current(), (Std.Delete,)),
    A.EDIT_NOTE: Spec("Edit &note…", lambda w: w.tagging.edit_note(), ("N",)),
    A.FIND: Spec("&Find in article…", lambda w: w.navigation.find_in_article(), (Std.Find,)),
    A.JOIN_CLAIM: Spec(
        "Add to the claim &before",
        lambda w: w.tagging.join_to_previous_claim(),
        ("Alt+J",),
        tip="The selected claim becomes a further part of the claim before it",
        needs_article=True,
    ),
    A.SPLIT_CLAIM: Spec(
        "&Split from its claim",
        lambda w: w.tagging.split_current_claim(),
        ("Alt+Shift+J",),
        needs_article=True,
    ),
    A.ARTICLE_PROPERTIES: Spec(
        "&Properties…",
        lambda w: w.navigation.edit_properties(),
        ("Ctrl+Alt+P",),
        needs_article=True,
    ),
    A.NEXT_PANE: Spec("Next pane", lambda w: w.navigation.cycle_panes(1), ("F6",)),
    A.PREVIOUS_PANE: Spec("Previous pane", lambda w: w.navigation.cycle_panes(-1), ("Shift+F6",)),
    A.FILTER_CORPUS: Spec(
        "Filter the corpus list", lambda w: w.corpus.filter.setFocus(), ("Ctrl+L",)
    ),
    A.POSITION: Spec(
        "P  position",
        lambda w: w.tagging.add_position(),
        ("P",),
        tip="A stance of the speaker toward a target (key P)",
    ),
    A.SET_ANNOTATOR: Spec("Set my annotator name…", lambda w: w.set_annotator_name()),
    A.MARK_IN_PROGRESS: Spec(
        "Mark &in progress", lambda w: w.navigation.set_status("in_progress"), ("Ctrl+Shift+I",)
    ),
    A.DONE_AND_NEXT: Spec(
        "Mark &done and open next to do",
        lambda w: w.navigation.done_and_next(),
        ("Ctrl+Return", "Ctrl+Enter"),
    ),
    A.MARK_TODO: Spec("Mark &to do", lambda w: w.navigation.set_status("todo")),
    A.NEXT_ARTICLE: Spec(
        "&Next article", lambda w: w.navigation.step(1), ("Alt+Down", "Ctrl+PgDown")
    ),
    A.PREVIOUS_ARTICLE: Spec(
        "&Previous article", lambda w: w.navigation.step(-1), ("Alt+Up", "Ctrl+PgUp")
    ),
    A.NEXT_TODO: Spec("Next article to &do", lambda w: w.navigation.next_todo(), ("Ctrl+J",)),
    A.DONE_BUTTON: Spec(
        "Done && next",
        lambda w: w.navigation.done_and_next(),
        tip="Mark this article done and open the next to do (Ctrl+Enter)",
    ),
    A.SHOW_ARTICLE: Spec(
        "&Article (annotation layout)",
        lambda w: w.layout_switch.annotate(),
        ("Ctrl+1",),
        tip="The corpus list, the article and its annotations (Ctrl+1)",
    ),
    A.SHOW_VIEWS: Spec("&Corpus views", lambda w: w.layout_switch.views_in_middle(), ("Ctrl+2",)),
    A.VIEWS_FULL: Spec(
        "Corpus views, &whole window",
        lambda w: w.layout_switch.views_full(),
        ("Ctrl+3",),
        tip="The corpus views take the whole window; Ctrl+1 brings the article back",
    ),
    A.VIEW_SPEAKERS: Spec("Speakers view", _view("speakers"), ("Ctrl+Shift+1",)),
    A.VIEW_CLAIMS: Spec("Claims view", _view("claims"), ("Ctrl+Shift+2",)),
    A.VIEW_POSITIONS: Spec("Positions view", _view("positions"), ("Ctrl+Shift+3",)),
    A.VIEW_TIMELINE: Spec("Timeline view", _view("timeline"), ("Ctrl+Shift+4",)),
    A.VIEW_SEARCH: Spec("Search view", _view("search"), ("Ctrl+Shift+F",)),
    A.VIEW_NETWORK: Spec("Network view", _view("network"), ("Ctrl+Shift+5",)),
    A.START_REVIEW: Spec(
        "&Start review of this article", lambda w: w.reviewing.start_review(), ("Ctrl+R",)
    ),
    A.REVIEW_NEXT: Spec(
        "&Next annotation", lambda w: w.reviewing.review_step(1), ("J", "]"), in_text=True
    ),
    A.REVIEW_PREVIOUS: Spec(
        "&Previous annotation", lambda w: w.reviewing.review_step(-1), ("K", "["), in_text=True
    ),
    A.ACCEPT: Spec(
        "&Accept", lambda w: w.reviewing.decide_current(True), ("Return", "Enter"), in_text=True
    ),
    A.REJECT: Spec(
        "&Reject", lambda w: w.reviewing.decide_current(False), ("Backspace",), in_text=True
    ),
    A.EDIT_CURRENT: Spec("&Edit", lambda w: w.reviewing.edit_current(), ("E",), in_text=True),
    A.MARK_REVIEWED: Spec(
        "Mark article &reviewed", lambda w: w.navigation.set_status("reviewed"), ("Ctrl+Shift+R",)
    ),
    A.SUGGEST_HERE: Spec(
        "Suggest quotes in this article", lambda w: w.reviewing.suggest_here(), ("Ctrl+Shift+S",)
    ),
    A.SUGGEST_TODO: Spec(
        "Suggest quotes in all articles to do…", lambda w: w.reviewing.suggest_todo()
    ),
    A.ACCEPT_ALL: Spec(
        "Accept all suggestions in this article",
        lambda w: w.reviewing.decide_all_suggestions(True),
        ("Ctrl+Shift+A",),
    ),
    A.REJECT_ALL: Spec(
        "Reject all suggestions in this article",
        lambda w: w.reviewing.decide_all_suggestions(False),
    ),
    A.AGREEMENT: Spec(
        "A&greement between annotators…",
        lambda w: w.show_agreement(),
        tip="Krippendorff's alpha and span F1 between the annotators' layers",
    ),
    A.ADJUDICATE: Spec(
        "A&djudicate this article…",
        lambda w: w.show_adjudication(),
        ("Ctrl+Shift+J",),
        tip="The coders' layers side by side; decisions go to the curated layer",
    ),
    A.SHORTCUTS: Spec("&Keyboard shortcuts", lambda w: w.show_shortcuts(), ("F1",)),
    A.WELCOME: Spec("&Welcome", lambda w: w.show_welcome()),
    A.ABOUT_SUGGESTIONS: Spec("About &suggestions", lambda w: w.show_about_suggestions()),
    A.ABOUT: Spec("&About Annotator", lambda w: w.about()),
}

MENUS: list[tuple[str, list[A | str]]] = [
    (
        "&File",
        [
            A.NEW_DATABASE,
            A.OPEN_DATABASE,
            RECENT,
            SEPARATOR,
            A.IMPORT,
            A.ASSIGN,
            A.MERGE,
            A.EXPORT,
            SAFE_CSV,
            SEPARATOR,
            A.RESTORE,
            SEPARATOR,
            A.QUIT,
        ],
    ),
    ("&Edit", [A.UNDO, A.REDO, SEPARATOR, A.DELETE, A.EDIT_NOTE, A.FIND, A.FILTER_CORPUS]),
    (
        "&Tag",
        [
            LABELS,
            A.POSITION,
            SEPARATOR,
            A.JOIN_CLAIM,
            A.SPLIT_CLAIM,
            SEPARATOR,
            SNAP,
            A.SET_ANNOTATOR,
        ],
    ),
    (
        "&Article",
        [
            A.MARK_IN_PROGRESS,
            A.DONE_AND_NEXT,
            A.MARK_TODO,
            SEPARATOR,
            A.NEXT_ARTICLE,
            A.PREVIOUS_ARTICLE,
            A.NEXT_TODO,
            SEPARATOR,
            A.ARTICLE_PROPERTIES,
        ],
    ),
    (
        "&View",
        [
            A.SHOW_ARTICLE,
            LAYERS,
            REJECTED,
            SEPARATOR,
            A.SHOW_VIEWS,
            A.VIEWS_FULL,
            SEPARATOR,
            A.VIEW_SPEAKERS,
            A.VIEW_CLAIMS,
            A.VIEW_POSITIONS,
            A.VIEW_TIMELINE,
            A.VIEW_SEARCH,
            A.VIEW_NETWORK,
            SEPARATOR,
            ZOOM,
            THEME,
            A.NEXT_PANE,
            A.PREVIOUS_PANE,
        ],
    ),
    (
        "&Review",
        [
            A.START_REVIEW,
            SEPARATOR,
            A.REVIEW_NEXT,
            A.REVIEW_PREVIOUS,
            A.ACCEPT,
            A.REJECT,
            A.EDIT_CURRENT,
            A.MARK_REVIEWED,
            SEPARATOR,
            A.SUGGEST_HERE,
            A.SUGGEST_TODO,
            A.ACCEPT_ALL,
            A.REJECT_ALL,
            SEPARATOR,
            A.AGREEMENT,
            A.ADJUDICATE,
        ],
    ),
    ("&Help", [A.WELCOME, A.SHORTCUTS, A.ABOUT_SUGGESTIONS, A.ABOUT]),
]

TOOLBAR: list[A | str] = [
    LABELS,
    SEPARATOR,
    A.POSITION,
    SEPARATOR,
    A.UNDO,
    A.REDO,
    SPACER,
    A.DONE_BUTTON,
]

# Actions that act on the open article; the rest work on the database or the window.
_ARTICLE_ACTIONS = frozenset(
    {A.POSITION, A.MARK_IN_PROGRESS, A.DONE_AND_NEXT, A.MARK_TODO, A.NEXT_TODO, A.DONE_BUTTON}
    | {A.START_REVIEW, A.MARK_REVIEWED, A.SUGGEST_HERE, A.ADJUDICATE}
)


@dataclass(frozen=True)
class Selection:
    """What the user has in hand: an open article, and what undo and redo would do."""

    has_article: bool
    undo_label: str | None
    redo_label: str | None


def enabled_state(selection: Selection) -> dict[A, bool]:
    """Which actions the selection allows (the others are greyed out)."""
    state = {aid: True for aid in A}
    for aid in _ARTICLE_ACTIONS:
        state[aid] = selection.has_article
    state[A.UNDO] = selection.undo_label is not None
    state[A.REDO] = selection.redo_label is not None
    return state


def disabled_reason(aid: A, selection: Selection) -> str:
    """Why ``aid`` is greyed out for this selection (its tooltip while disabled)."""
    if aid in _ARTICLE_ACTIONS and not selection.has_article:
        return "Open an article first (double-click one in the list)"
    if aid is A.UNDO:
        return "Nothing to undo"
    if aid is A.REDO:
        return "Nothing to redo"
    return ""


def make_action(window: ActionsHost, spec: Spec) -> QAction:
    """The QAction for ``spec``, its keys active where the spec says."""
    owner: Any = window.text if spec.in_text else window
    action = QAction(spec.text, owner)
    # The action's own name, for lists of keys: Undo's text changes with what it undoes.
    action.setProperty("actionName", spec.text)
    keys = [QKeySequence(k) for k in spec.keys]
    if len(keys) == 1:
        action.setShortcut(keys[0])
    elif keys:
        action.setShortcuts(keys)
    if spec.in_text:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    action.triggered.connect(lambda _checked=False: spec.run(window))
    owner.addAction(action)
    return action


def label_actions(window: ActionsHost) -> list[QAction]:
    """One tag action per label, on its number key."""
    actions = []
    for label in window.labels:
        spec = Spec(
            f"{label.key}  {label.name}",
            lambda w, name=label.name: w.tagging.tag(name),
            (label.key,),
            tip=f"{label.description} (key {label.key})",
        )
        action = make_action(window, spec)
        action.setIcon(swatch(label.color))
        actions.append(action)
    return actions


def fill(target: QMenu | QToolBar, items: list[A | str], extras: dict[str, Any]) -> None:
    """Place ``items`` in a menu or toolbar: actions by id, the rest from ``extras``."""
    for item in items:
        if item == SEPARATOR:
            target.addSeparator()
        elif isinstance(item, A):
            target.addAction(extras["actions"][item])
        elif item == LABELS:
            for action in extras[LABELS]:
                target.addAction(action)
        elif item == RECENT:
            extras[RECENT].append(target.addMenu("Open &recent"))
        elif item == SPACER:
            spacer = QWidget()
            spacer.setSizePolicy(
                spacer.sizePolicy().horizontalPolicy().Expanding,
                spacer.sizePolicy().verticalPolicy(),
            )
            target.addWidget(spacer)
        elif isinstance(extras[item], QMenu):
            target.addMenu(extras[item])
        elif isinstance(extras[item], list):
            for action in extras[item]:
                target.addAction(action)
        else:
            target.addAction(extras[item])

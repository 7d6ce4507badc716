"""Keyboard and screen-reader checks: which controls a screen reader would
announce without a name, which the Tab key never reaches, and accessible names
for toolbar buttons taken from their actions."""

from __future__ import annotations

from dataclasses import dataclass

from .qt import (
    QAbstractButton,
    QAbstractItemView,
    QAccessible,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    Qt,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

# Widgets a user operates, and so must be named and reachable.
CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


@dataclass(frozen=True)
class Problem:
    """One control that fails a check: ``what`` is ``no name`` or ``no keyboard``."""

    widget: QWidget
    what: str

    def __str__(self) -> str:
        kind = type(self.widget).__name__
        name = self.widget.objectName() or spoken_name(self.widget) or "(unnamed)"
        return f"{kind} {name}: {self.what}"


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget``: Qt's accessible name,
    which falls back to a button's text or a field's buddy label."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName()
    return interface.text(QAccessible.Text.Name).strip()


def _by_shortcut(widget: QWidget) -> bool:
    # A toolbar button is reached from the keyboard by its action's key or menu.
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        action = widget.defaultAction()
        return not action.shortcut().isEmpty() or any(
            isinstance(obj, QMenu) for obj in action.associatedObjects()
        )
    return False


def tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside ``root``'s window, in order, from ``root``."""
    chain = []
    widget = root.nextInFocusChain()
    seen = {root}
    while widget not in seen:
        seen.add(widget)
        if (
            (widget is root or root.isAncestorOf(widget))
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isEnabled()
            and widget.isVisibleTo(root.window())
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def audit(root: QWidget) -> list[Problem]:
    """Every visible control under ``root`` a screen reader would announce without
    a name, or that neither Tab nor a shortcut reaches (toolbar buttons count as
    reached through their action's key or menu)."""
    reachable = set(tab_chain(root))
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root.window()):
            continue
        if _internal(widget):
            continue
        if not spoken_name(widget):
            problems.append(Problem(widget, "no name"))
        if widget not in reachable and not _by_shortcut(widget):
            problems.append(Problem(widget, "no keyboard"))
    return problems


def _internal(widget: QWidget) -> bool:
    """Parts of other controls (a table's headers, a toolbar's extension arrow, a
    tab bar's scroll buttons, a combo box's line edit), reached through their owner."""
    parent = widget.parentWidget()
    if widget.objectName().startswith("qt_"):
        return True
    return (
        isinstance(widget, QHeaderView)
        or isinstance(parent, (QTabBar, QComboBox))
        or (
            isinstance(widget, QToolButton)
            and isinstance(parent, QToolBar)
            and widget.defaultAction() is None
        )
    )


def name_toolbar_buttons(root: QWidget) -> int:
    """Give every toolbar button under ``root`` its action's text (without the
    ``&`` and the trailing dots) as accessible name, and its tooltip or status tip
    with the shortcut as description; returns how many were named."""
    named = 0
    for toolbar in root.findChildren(QToolBar):
        for button in toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if action is None:
                continue
            name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            # Dots and a leading symbol ("✓ Done & next") are not read out usefully.
            name = name.rstrip(".…").strip()
            while name and not name[0].isalnum():
                name = name[1:].lstrip()
            if not name:
                continue
            button.setAccessibleName(name)
            description = action.toolTip() if action.toolTip().rstrip(".…").strip() != name else ""
            description = description or action.statusTip()
            if not action.shortcut().isEmpty():
                key = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
                description = f"{description} ({key})".strip()
            button.setAccessibleDescription(description)
            named += 1
    return named

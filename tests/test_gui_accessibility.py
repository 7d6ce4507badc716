"""The accessibility walker: nameless and keyboard-unreachable controls are found,
and toolbar buttons get their actions' names."""

from __future__ import annotations

from annotator.gui.accessibility import audit, name_toolbar_buttons, spoken_name, tab_chain
from annotator.gui.qt import (
    QAction,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QStyle,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def window(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    central = QWidget()
    layout = QVBoxLayout(central)
    main.setCentralWidget(central)
    return main, layout


def test_finds_a_nameless_button_and_passes_named_ones(qtbot):
    main, layout = window(qtbot)
    named = QPushButton("Export")
    icon_only = QPushButton()
    icon_only.setIcon(main.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
    field = QLineEdit()
    buddy = QLabel("&Filter")
    buddy.setBuddy(field)
    for widget in (named, icon_only, buddy, field):
        layout.addWidget(widget)
    main.show()
    problems = audit(main)
    assert [(p.widget, p.what) for p in problems] == [(icon_only, "no name")]
    assert spoken_name(field) == "Filter"  # a screen reader reads the buddy label
    icon_only.setAccessibleName("Delete")
    assert audit(main) == []


def test_finds_a_control_tab_never_reaches(qtbot):
    main, layout = window(qtbot)
    first, skipped, last = QPushButton("First"), QPushButton("Skipped"), QLineEdit()
    last.setAccessibleName("Search")
    skipped.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for widget in (first, skipped, last):
        layout.addWidget(widget)
    main.show()
    assert tab_chain(main) == [first, last]
    assert [(p.widget, p.what) for p in audit(main)] == [(skipped, "no keyboard")]


def test_toolbar_buttons_are_named_from_their_actions(qtbot):
    main, _layout = window(qtbot)
    toolbar = main.addToolBar("Tags")
    undo = QAction("&Undo…", main)
    undo.setShortcut("Ctrl+Z")
    undo.setStatusTip("Take back your last action")
    in_menu = QAction("✓ Mark &done", main)
    QMenu("Article", main).addAction(in_menu)
    orphan = QAction("Mystery", main)
    for action in (undo, in_menu, orphan):
        toolbar.addAction(action)
    main.show()
    buttons = {b.defaultAction(): b for b in toolbar.findChildren(QToolButton) if b.defaultAction()}
    # Reached by key or menu, except the one with neither.
    assert [(p.widget, p.what) for p in audit(main)] == [(buttons[orphan], "no keyboard")]
    assert name_toolbar_buttons(main) == 3
    assert buttons[undo].accessibleName() == "Undo"
    assert "Ctrl+Z" in buttons[undo].accessibleDescription()
    assert "Take back" in buttons[undo].accessibleDescription()
    assert spoken_name(buttons[in_menu]) == "Mark done"

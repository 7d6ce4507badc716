"""The window codes blind by default: my layer only, my status, my name in the status bar."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from coloraide import Color
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor

from annotator.core.store import Store
from annotator.gui.app import application, build_window
from annotator.gui.layers import DARK_HUES, LIGHT_HUES, layer_styles
from annotator.gui.main_window import MainWindow
from annotator.gui.theme import DARK, LIGHT

TEXT = (
    "Budget row\n\n"
    'Ada Rook said "the deficit will halve by spring", and Tom Vail said "nobody '
    'believes the figures".\n'
)


@pytest.fixture
def shared_db(tmp_path: Path) -> tuple[Path, str]:
    """One article coded by alice (done) and by bob (a different quote)."""
    path = tmp_path / "team.db"
    for name, quote in (("alice", "the deficit will halve"), ("bob", "nobody believes")):
        with Store(path, annotator=name) as store:
            aid = store.add_article(TEXT) or store.articles.ids()[0]
            start = TEXT.index(quote)
            store.tag(aid, start, start + len(quote), "claim")
            if name == "alice":
                store.set_article_status(aid, "done")
    return path, aid


def open_as(qtbot, tmp_path: Path, db: Path, name: str) -> MainWindow:
    application()
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    win = build_window(db, annotator=name, seed=False, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_blind_view_by_default_and_layers_on_request(qtbot, tmp_path, shared_db) -> None:
    db, aid = shared_db
    win = open_as(qtbot, tmp_path, db, "bob")
    try:
        win.corpus.select(aid)
        qtbot.waitUntil(lambda: win.article is not None)
        assert [s["text"] for s in win.spans] == ["nobody believes"]
        assert "Coding as bob" in win.status_coder.text()
        row = win.corpus.model.rows[0]
        # bob's own status (tagging made it in progress), and that one coder finished.
        assert row["status"] == "in_progress" and row["coders_done"] == 1
        win.layers_action.setChecked(True)
        assert sorted(s["annotator"] for s in win.spans) == ["alice", "bob"]
        win.grab().save(str(tmp_path / "layers.png"))
    finally:
        win.close()


def test_merge_from_the_window_runs_in_the_background_as_one_undo_step(
    qtbot, tmp_path, shared_db, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    db, ours = shared_db
    carol = tmp_path / "carol.db"
    with Store(carol, annotator="carol") as store:
        aid = store.add_article(TEXT)
        start = TEXT.index("Tom Vail")
        store.tag(aid, start, start + len("Tom Vail"), "speaker")
    win = open_as(qtbot, tmp_path, db, "lead")
    try:
        task = win.files.merge_files([str(carol)], show_dialog=False)
        with qtbot.waitSignal(task.done, timeout=20000):
            pass
        assert shown and shown[0].startswith("Merge carol.db: 1 article matched, 0 new, 1 ")
        assert win.store.undo_label() == "Merge carol.db"
        assert [s["annotator"] for s in win.store.spans(ours, annotators=["carol"])] == ["carol"]
    finally:
        win.close()


def test_assign_dialog_previews_the_counts_and_writes_the_files(qtbot, tmp_path) -> None:
    db = tmp_path / "corpus.db"
    with Store(db, annotator="lead") as store:
        for n in range(10):
            store.add_article(f"Story {n}: the minister spoke.")
    win = open_as(qtbot, tmp_path, db, "lead")
    try:
        from annotator.gui.assign_dialog import AssignDialog

        dialog = AssignDialog(win, win.store.articles.ids())
        qtbot.addWidget(dialog)
        dialog.names.setText("ann, ben")
        dialog.overlap.setValue(20)
        dialog.target.setText(str(tmp_path / "coders"))
        assert "Everyone codes 2 " in dialog.preview.text()
        assert "ann 6, ben 6" in dialog.preview.text()
        dialog.show()
        dialog.grab().save(str(tmp_path / "assign.png"))
        task = win.files.assign(dialog.chosen(), dialog.folder(), show_dialog=False)
        with qtbot.waitSignal(task.done, timeout=20000):
            pass
        assert (tmp_path / "coders" / "ann.db").exists()
        assert len(win.store.articles.reliability_sample()) == 2
    finally:
        win.close()


def test_corpus_views_list_and_counts_follow_the_layers_shown(qtbot, tmp_path, shared_db) -> None:
    db, _aid = shared_db
    win = open_as(qtbot, tmp_path, db, "bob")
    try:
        views = win.views
        win.show_view("claims")
        assert [r["text"] for r in views.claims.model.rows] == ["nobody believes"]
        assert win.corpus.model.rows[0]["annotations"] == 1
        # bob's own counts in the status bar: the one article is in progress for him.
        assert "in progress 1" in win.status_counts.text()
        assert "done 0" in win.status_counts.text()
        win.layers_action.setChecked(True)
        assert sorted(r["text"] for r in views.claims.model.rows) == [
            "nobody believes",
            "the deficit will halve",
        ]
        assert win.corpus.model.rows[0]["annotations"] == 2
        win.show_view("search")
        assert views.search.view_filter().layers is None
        win.layers_action.setChecked(False)
        assert views.search.view_filter().layers == ("bob", "suggest")
    finally:
        win.close()


# -- each other analyst's layer in its own style ---------------------------------------


@pytest.mark.parametrize(("hues", "theme"), [(LIGHT_HUES, LIGHT), (DARK_HUES, DARK)])
def test_layer_colours_stay_apart_under_colour_blindness(hues, theme) -> None:
    for vision in (None, "deutan", "protan", "tritan"):
        for method in ("machado", "brettel"):
            colours = [Color(h) if vision is None else Color(h).filter(vision, method=method)
                       for h in hues]  # fmt: skip
            for a, b in itertools.combinations(colours, 2):
                assert a.delta_e(b, method="2000") >= 10, (theme.name, vision, method)
    for hue in hues:  # a line on the page is seen (WCAG non-text contrast)
        assert Color(hue).contrast(theme.page) >= 3, (theme.name, hue)


def test_every_layer_has_its_own_pattern_and_letter_not_colour_alone() -> None:
    names = ["alice", "ann", "bob", "carol", "dan", "eve", "fay", "gus", "hal", "ivy"]
    styles = layer_styles(names)
    assert len({(s.color, s.dash) for s in styles.values()}) == len(names)
    assert len({s.letter for s in styles.values()}) == len(names)
    assert styles["alice"].letter == "A" and styles["ann"].letter == "N"
    # The first four differ in dash pattern too: told apart without any colour.
    assert len({styles[n].dash for n in names[:4]}) == 4
    assert layer_styles(names) == styles  # the same names, the same styles


def colour_pixels(image, colour: str) -> int:
    wanted = QColor(colour).rgb()
    return sum(
        image.pixel(x, y) == wanted for y in range(image.height()) for x in range(image.width())
    )


def test_shown_layers_are_drawn_in_their_style_with_a_legend(qtbot, tmp_path, shared_db) -> None:
    db, aid = shared_db
    win = open_as(qtbot, tmp_path, db, "bob")
    try:
        win.corpus.select(aid)
        qtbot.waitUntil(lambda: win.article is not None)
        assert "in progress" in win.header.meta.text()  # bob's status, not alice's done
        assert not win.layer_legend.isVisible()
        blue = LIGHT_HUES[0]
        assert colour_pixels(win.text.viewport().grab().toImage(), blue) == 0
        win.layers_action.setChecked(True)
        assert win.layer_legend.isVisible()
        assert win.layer_legend.entries() == [("A", "alice")]
        qtbot.waitUntil(lambda: colour_pixels(win.text.viewport().grab().toImage(), blue) > 40)
        win.grab().save(str(tmp_path / "layers.png"))
        win.layers_action.setChecked(False)
        assert not win.layer_legend.isVisible() and win.text.layer_styles == {}
    finally:
        win.close()


def test_the_article_header_shows_my_status(qtbot, tmp_path, shared_db) -> None:
    db, aid = shared_db  # alice marked it done; bob's tag since made it in progress for him
    win = open_as(qtbot, tmp_path, db, "alice")
    try:
        win.corpus.select(aid)
        qtbot.waitUntil(lambda: win.article is not None)
        assert "done" in win.header.meta.text()
    finally:
        win.close()


def test_view_menu_shows_one_chosen_analysts_layer(qtbot, tmp_path, shared_db) -> None:
    db, aid = shared_db
    with Store(db, annotator="carol") as carol:
        start = TEXT.index("Ada Rook said")
        carol.tag(aid, start, start + len("Ada Rook said"), "claim")
    win = open_as(qtbot, tmp_path, db, "bob")
    try:
        win.corpus.select(aid)
        qtbot.waitUntil(lambda: win.article is not None)
        win.layer_menu.fill()  # as when the menu opens
        assert [a.text() for a in win.layer_menu.actions()] == ["alice", "carol"]
        next(a for a in win.layer_menu.actions() if a.text() == "carol").setChecked(True)
        assert sorted(s["annotator"] for s in win.spans) == ["bob", "carol"]
        # carol keeps the style she has when every layer is shown (her place: second).
        assert win.layer_legend.entries() == [("C", "carol")]
        assert win.text.layer_styles["carol"].color == LIGHT_HUES[1]
        win.show_view("claims")
        assert sorted(r["text"] for r in win.views.claims.model.rows) == [
            "Ada Rook said",
            "nobody believes",
        ]
        win.layer_menu.choose("carol", False)
        assert [s["annotator"] for s in win.spans] == ["bob"]
        assert not win.layer_legend.isVisible()
    finally:
        win.close()


def test_the_panel_names_the_analyst_of_each_other_layers_row(qtbot, tmp_path, shared_db) -> None:
    db, aid = shared_db
    win = open_as(qtbot, tmp_path, db, "bob")
    try:
        win.corpus.select(aid)
        qtbot.waitUntil(lambda: win.article is not None)
        win.layers_action.setChecked(True)

        def rows(widget) -> list[tuple[str, str]]:
            count = widget.topLevelItemCount()
            items = [widget.topLevelItem(i) for i in range(count)]
            return [(i.text(1), i.text(widget.columnCount() - 1)) for i in items]

        qtbot.waitUntil(lambda: len(rows(win.panel.highlights)) == 2)
        assert rows(win.panel.highlights) == [
            ("the deficit will halve", "accepted · alice"),  # hers, named
            ("nobody believes", "accepted"),  # mine
        ]
        claims = rows(win.panel.claims)
        assert [kind.endswith("· alice") for _text, kind in claims] == [True, False]
    finally:
        win.close()

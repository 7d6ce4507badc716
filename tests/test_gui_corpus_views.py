"""The corpus views widget (annotator.gui.views.container), driven offscreen with pytest-qt.

Each test checks what the widget shows or emits against the database: the ids a
double-click opens, the offsets a search hit carries (in code points of the stored
text, after emoji), what a merge does and what undo restores, what an export writes.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from annotator.core.store import Store
from annotator.core.store import queries as q
from annotator.gui.app import application
from annotator.gui.export_choice import EXPORT_FILTERS
from annotator.gui.session import Session
from annotator.gui.views.common import PAGE
from annotator.gui.views.container import CorpusViews
from annotator.gui.views.speakers import SpeakerPicker

EMOJI_TEXT = (
    "Tokyo office row deepens 🇯🇵🇨🇳\n\n"
    "TOKYO (Newswire) - 😀 The ministry said that “the Asia-Pacific is not part of the "
    "North Atlantic” 🙂, and Élodie Marchand said Paris saw no need for a permanent "
    "office. “Blocs divide regions,” Lin Qiao told reporters.\n"
)
PLAIN_TEXT = (
    "EU defends carbon border tax\n\n"
    "BRUSSELS (Newswire) - The trade chief said the levy was about climate, not "
    "protectionism, and that North Atlantic allies agreed.\n"
)
THIRD_TEXT = (
    "Grain corridor talks resume\n\n"
    "ISTANBUL (Newswire) - Lin Qiao said the corridor was a matter for the parties.\n"
)


@dataclass
class World:
    store: Store
    a1: str
    a2: str
    a3: str
    lin: str
    elodie: str
    ministry: str
    c_lin: str
    c_ministry: str
    c_corridor: str
    s_lin: str
    s_ministry: str
    s_corridor: str


def _claim(store: Store, aid: str, piece: str, speaker: str | None, **kw) -> tuple[str, str]:
    start = store.article_text(aid).index(piece)
    span = store.add_span(
        aid, start, start + len(piece), "claim", status=kw.pop("span_status", "accepted")
    )
    return store.add_claim(aid, [span["id"]], speaker_id=speaker, **kw)["id"], span["id"]


def fill(store: Store) -> World:
    a1 = store.add_article(EMOJI_TEXT, title="Tokyo office row deepens", published="2024-03-02")
    a2 = store.add_article(PLAIN_TEXT, title="EU defends carbon border tax", published="2024-04-11")
    a3 = store.add_article(THIRD_TEXT, title="Grain corridor talks resume", published="2024-06-01")
    lin = store.add_speaker("Lin Qiao", role="spokesperson")["id"]
    elodie = store.add_speaker("Élodie Marchand", role="Foreign Minister")["id"]
    ministry = store.add_speaker("Chinese foreign ministry", kind="organisation")["id"]
    start = EMOJI_TEXT.index("Lin Qiao")
    store.add_span(a1, start, start + 8, "speaker", speaker_id=lin)
    c_lin, s_lin = _claim(store, a1, "Blocs divide regions", lin)
    c_ministry, s_ministry = _claim(
        store, a1, "the Asia-Pacific is not part of the North Atlantic", ministry
    )
    _claim(store, a1, "Paris saw no need for a permanent office", elodie, kind="indirect")
    c_corridor, s_corridor = _claim(
        store, a3, "the corridor was a matter for the parties", lin, kind="indirect"
    )
    _claim(store, a2, "the levy was about climate", None, status="rejected", span_status="rejected")
    store.add_position(
        a1, speaker_id=lin, target="NATO office in Tokyo", stance="against", evidence=[c_lin]
    )
    store.add_position(
        a1,
        speaker_id=ministry,
        target="NATO office in Tokyo",
        stance="against",
        evidence=[c_ministry],
    )
    store.add_position(
        a3,
        speaker_id=lin,
        target="Black Sea grain corridor",
        stance="neutral",
        evidence=[c_corridor],
    )
    store.add_position(a3, speaker_id=lin, target="NATO office in Tokyo", stance="favor")
    return World(
        store,
        a1,
        a2,
        a3,
        lin,
        elodie,
        ministry,
        c_lin,
        c_ministry,
        c_corridor,
        s_lin,
        s_ministry,
        s_corridor,
    )


@pytest.fixture(scope="module", autouse=True)
def _app() -> None:
    application()  # with the stylesheet, as the user sees it


@pytest.fixture
def world(store: Store) -> World:
    return fill(store)


@pytest.fixture
def views(qtbot, world: World) -> Iterator[CorpusViews]:
    widget = CorpusViews(Session(world.store))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def double_click_row(table, row: int, column: int = 0) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    point = table.visualRect(index).center()
    # A user's double-click: a press first (mouseDClick alone sends none, and an item
    # view only reacts to a double-click on the item it saw pressed).
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    QTest.mouseDClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )


def row_of(model, **match) -> int:
    for i, row in enumerate(model.rows):
        if all(row.get(k) == v for k, v in match.items()):
            return i
    raise AssertionError(f"no row with {match}")


# -- every view fills ---------------------------------------------------------------------


def test_each_view_fills_from_the_store(views: CorpusViews, world: World) -> None:
    assert views.current_view() == "speakers"
    assert {r["name"] for r in views.speakers.model.rows} == {
        "Lin Qiao",
        "Élodie Marchand",
        "Chinese foreign ministry",
    }
    assert views.speakers.count_label.text() == "3 speakers"
    views.show_view("claims")
    assert views.claims.model.rowCount() == 4  # the rejected one is left out
    assert views.claims.count_label.text() == "4 claims"
    views.show_view("positions")
    grid = views.positions.grid.grid
    assert grid.targets[0].name == "NATO office in Tokyo"
    assert grid.speakers[0].name == "Lin Qiao"
    views.positions.show_list(True)
    assert views.positions.model.rowCount() == 4
    views.show_view("timeline")
    assert views.timeline.subject.currentData() == world.lin
    assert len(views.timeline.chart.points) == 3
    assert {name for name, _n in views.timeline.chart.rows} == {
        "NATO office in Tokyo",
        "Black Sea grain corridor",
    }
    views.show_view("search")
    views.search.run_search("north atlantic")
    assert {r["article_id"] for r in views.search.model.rows} == {world.a1, world.a2}
    assert views.search.count_label.text() == "2 articles"


def test_hidden_tabs_refresh_when_shown(views: CorpusViews, world: World) -> None:
    views.show_view("claims")
    views.show_view("speakers")
    world.store.add_speaker("Newly Added")
    views.refresh()
    assert "Newly Added" in {r["name"] for r in views.speakers.model.rows}
    assert views.claims.stale
    start = THIRD_TEXT.index("Lin Qiao")
    span = world.store.add_span(world.a3, start, start + 8, "claim")
    world.store.add_claim(world.a3, [span["id"]], speaker_id=world.lin)
    views.refresh()
    views.show_view("claims")
    assert views.claims.model.rowCount() == 5 and not views.claims.stale


# -- filters and sorting ------------------------------------------------------------------


def test_speakers_filter(qtbot, views: CorpusViews) -> None:
    qtbot.keyClicks(views.speakers.filter, "minist")
    qtbot.waitUntil(lambda: len(views.speakers.model.rows) == 2, timeout=2000)
    assert {r["name"] for r in views.speakers.model.rows} == {
        "Chinese foreign ministry",
        "Élodie Marchand",
    }


def test_claims_filters_and_sort(qtbot, views: CorpusViews, world: World) -> None:
    tab = views.claims
    views.show_view("claims")
    tab.set_filter(status="rejected")
    assert [r["status"] for r in tab.model.rows] == ["rejected"]
    tab.set_filter(status=None, kind="indirect")
    assert {r["speaker"] for r in tab.model.rows} == {"Élodie Marchand", "Lin Qiao"}
    tab.set_filter(kind=None)
    qtbot.keyClicks(tab.text, "north atl")  # the last word may be a word start
    qtbot.waitUntil(lambda: len(tab.model.rows) == 1, timeout=2000)
    assert tab.model.rows[0]["id"] == world.c_ministry
    tab.set_filter(text="")
    qtbot.keyClicks(tab.speaker, "qiao")  # typed, not picked: "name contains"
    qtbot.waitUntil(lambda: len(tab.model.rows) == 2, timeout=2000)
    assert {r["id"] for r in tab.model.rows} == {world.c_lin, world.c_corridor}
    tab.set_filter(speaker_name="Chinese foreign ministry", speaker_id=world.ministry)
    assert [r["id"] for r in tab.model.rows] == [world.c_ministry]
    tab.set_filter(speaker_name="")
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # Speaker
    names = [r["speaker"] or "" for r in tab.model.rows]
    assert tab.model.order_by == "speaker" and names == sorted(
        names, key=str.casefold, reverse=True
    )
    tab.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # Date
    dates = [r["date"] for r in tab.model.rows]
    assert tab.model.order_by == "date" and dates == sorted(dates)


def test_positions_filter_and_list(qtbot, views: CorpusViews) -> None:
    views.show_view("positions")
    tab = views.positions
    tab.stance.setCurrentIndex(tab.stance.findData("favor"))
    assert tab.grid.grid.positions == 1
    tab.stance.setCurrentIndex(0)
    qtbot.keyClicks(tab.text, "grain")
    qtbot.waitUntil(lambda: tab.grid.grid.positions == 1, timeout=2000)
    tab.show_list(True)
    assert [r["target"] for r in tab.model.rows] == ["Black Sea grain corridor"]
    assert tab.count_label.text() == "1 position"


def test_paging_is_lazy(qtbot, store: Store) -> None:
    body = " ".join(f"w{i} said thing{i}." for i in range(450))
    aid = store.add_article(body)
    for i in range(450):
        start = body.index(f"thing{i}.")
        span = store.add_span(aid, start, start + len(f"thing{i}"), "claim")
        store.add_claim(aid, [span["id"]])
    widget = CorpusViews(Session(store))
    qtbot.addWidget(widget)
    widget.show_view("claims")
    model = widget.claims.model
    assert model.total == 450 and model.rowCount() == PAGE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and len({r["id"] for r in model.rows}) == 450


# -- double-clicks open the right place ---------------------------------------------------------


def test_double_click_claim_emits_article_and_span(qtbot, views: CorpusViews, world: World) -> None:
    views.show_view("claims")
    row = row_of(views.claims.model, id=world.c_ministry)
    with qtbot.waitSignal(views.open_span) as blocker:
        double_click_row(views.claims.table, row, 1)
    assert blocker.args == [world.a1, world.s_ministry]


def test_double_click_speaker_opens_first_mention(qtbot, views: CorpusViews, world: World) -> None:
    row = row_of(views.speakers.model, id=world.lin)
    with qtbot.waitSignal(views.open_span) as blocker:
        double_click_row(views.speakers.table, row)
    article, span = blocker.args
    assert article == world.a1 and world.store.span(span)["speaker_id"] == world.lin


def test_grid_cell_click_lists_evidence_that_opens(qtbot, views: CorpusViews, world: World) -> None:
    views.show_view("positions")
    tab = views.positions
    grid = tab.grid
    r = next(i for i, s in enumerate(grid.grid.speakers) if s.id == world.ministry)
    c = next(i for i, t in enumerate(grid.grid.targets) if t.name == "NATO office in Tokyo")
    tab.scroll.ensureVisible(
        int(grid.cell_rect(r, c).center().x()), int(grid.cell_rect(r, c).center().y())
    )
    QTest.mouseClick(
        grid,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        grid.cell_rect(r, c).center().toPoint(),
    )
    assert tab.cell == (world.ministry, grid.grid.targets[c].id)
    assert [row["claim_id"] for row in tab.evidence_model.rows] == [world.c_ministry]
    assert "Chinese foreign ministry" in tab.cell_title.text()
    with qtbot.waitSignal(views.open_span) as blocker:
        double_click_row(tab.evidence, 0, 1)
    assert blocker.args == [world.a1, world.s_ministry]


def test_positions_list_double_click(qtbot, views: CorpusViews, world: World) -> None:
    views.show_view("positions")
    views.positions.show_list(True)
    model = views.positions.model
    with qtbot.waitSignal(views.open_span) as blocker:
        double_click_row(views.positions.table, row_of(model, stance="neutral"))
    assert blocker.args == [world.a3, world.s_corridor]
    with qtbot.waitSignal(views.open_span) as blocker:
        double_click_row(views.positions.table, row_of(model, stance="favor"))
    assert blocker.args == [world.a3, ""]  # no evidence: the article itself


def test_timeline_marker_click_opens_evidence(qtbot, views: CorpusViews, world: World) -> None:
    views.show_view("timeline")
    chart = views.timeline.chart
    center, _items = next((c, i) for c, i in chart.buckets if i[0]["stance"] == "against")
    with qtbot.waitSignal(views.open_span) as blocker:
        QTest.mouseClick(
            chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center.toPoint()
        )
    assert blocker.args == [world.a1, world.s_lin]
    views.timeline.choose("target", "NATO office in Tokyo")
    assert views.timeline.by() == "target"
    assert {p["speaker"] for p in chart.points} == {"Lin Qiao", "Chinese foreign ministry"}


# -- search -------------------------------------------------------------------------------


def test_search_hit_offsets_match_the_stored_text(qtbot, views: CorpusViews, world: World) -> None:
    views.show_view("search")
    qtbot.keyClicks(views.search.box, "north ATLANTIC")
    qtbot.keyClick(views.search.box, Qt.Key.Key_Return)
    row = row_of(views.search.model, article_id=world.a1)
    with qtbot.waitSignal(views.open_search_hit) as blocker:
        double_click_row(views.search.table, row, 3)
    article, start, end = blocker.args
    text = world.store.article_text(article)
    assert article == world.a1
    assert text[start:end] == "North Atlantic"  # code points, after 🇯🇵🇨🇳 and 😀
    assert start == EMOJI_TEXT.index("North Atlantic")
    assert text[:start].count("😀") == 1  # there really were astral characters before it


def test_search_filters_inside_highlights(qtbot, views: CorpusViews, world: World) -> None:
    views.show_view("search")
    tab = views.search
    tab.run_search("north atlantic")
    assert len(tab.model.rows) == 2
    tab.label.setCurrentIndex(tab.label.findData("claim"))
    assert [r["article_id"] for r in tab.model.rows] == [world.a1]
    tab.label.setCurrentIndex(0)
    tab.stance.setCurrentIndex(tab.stance.findData("favor"))
    assert tab.model.rows == []
    tab.stance.setCurrentIndex(0)
    tab.date_from.setText("2024-04")
    tab.run()
    assert [r["article_id"] for r in tab.model.rows] == [world.a2]


# -- speaker actions, undoable -----------------------------------------------------------------


def test_merge_via_the_view_is_undoable(
    qtbot, views: CorpusViews, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = world.store
    tab = views.speakers
    assert tab.select(world.ministry)

    def pick_lin(self) -> int:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == world.lin:
                self.list.setCurrentRow(i)
        self._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SpeakerPicker, "exec", pick_lin)
    tab.merge_dialog()
    assert store.speaker(world.ministry) is None
    assert "Chinese foreign ministry" in store.speaker(world.lin)["aliases"]
    assert store.claim(world.c_ministry)["speaker_id"] == world.lin
    assert {r["name"] for r in tab.model.rows} == {"Lin Qiao", "Élodie Marchand"}
    lin_row = next(r for r in tab.model.rows if r["id"] == world.lin)
    assert lin_row["claims"] == 3
    assert store.undo_label().startswith("Merge speaker")
    store.undo()
    assert store.speaker(world.ministry)["name"] == "Chinese foreign ministry"
    assert store.claim(world.c_ministry)["speaker_id"] == world.ministry
    assert "Chinese foreign ministry" not in store.speaker(world.lin)["aliases"]
    views.refresh()
    assert len(tab.model.rows) == 3


def test_rename_and_alias(
    qtbot, views: CorpusViews, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = views.speakers
    assert tab.select(world.elodie)
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Élodie  Marchand-Roy", True))
    )
    tab.rename_dialog()
    assert world.store.speaker(world.elodie)["name"] == "Élodie Marchand-Roy"
    assert tab.select(world.elodie)
    assert tab.add_alias_selected("Marchand")
    assert not tab.add_alias_selected("marchand")  # already there
    assert world.store.speaker(world.elodie)["aliases"] == ["Marchand"]
    world.store.undo()
    world.store.undo()
    assert world.store.speaker(world.elodie)["name"] == "Élodie Marchand"


def test_show_claims_of_a_speaker(views: CorpusViews, world: World) -> None:
    views.speakers.select(world.lin)
    views.speakers.show_claims()
    assert views.current_view() == "claims"
    assert {r["id"] for r in views.claims.model.rows} == {world.c_lin, world.c_corridor}


# -- export what you see -----------------------------------------------------------------------


def test_export_of_a_filter_writes_only_the_filtered_articles(
    qtbot, file_store: Store, tmp_path: Path
) -> None:
    world = fill(file_store)
    views = CorpusViews(Session(file_store))
    qtbot.addWidget(views)
    views.show_view("claims")
    views.claims.set_filter(speaker_name="Lin Qiao", speaker_id=world.lin)
    out = tmp_path / "lin.jsonl"
    with qtbot.waitSignal(views.exported, timeout=10000) as blocker:
        task = views.export_current(out, show_dialog=False)
        assert task is not None  # a file database: off the UI thread
    assert blocker.args == [2, str(out)]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [world.a1, world.a3]
    # The search view exports its hits' articles (here: the emoji one only).
    views.show_view("search")
    views.search.run_search("blocs divide")
    out2 = tmp_path / "search.csv"
    with qtbot.waitSignal(views.exported, timeout=10000):
        views.export_current(out2, "csv", show_dialog=False)
    assert world.a1 in out2.read_text(encoding="utf-8")
    assert world.a3 not in out2.read_text(encoding="utf-8")


def test_export_from_memory_store_runs_at_once(
    qtbot, views: CorpusViews, world: World, tmp_path: Path
) -> None:
    views.show_view("positions")
    views.positions.stance.setCurrentIndex(views.positions.stance.findData("neutral"))
    out = tmp_path / "neutral.jsonl"
    with qtbot.waitSignal(views.exported) as blocker:
        assert views.export_current(out) is None
    assert blocker.args[0] == 1
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == world.a3
    assert q.view_article_ids(world.store, "positions", views.positions.view_filter()) == [world.a3]


def test_export_dialog_uses_the_chosen_file(
    qtbot, views: CorpusViews, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "speakers.csv"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(out), EXPORT_FILTERS["csv"])),
    )
    with qtbot.waitSignal(views.exported):
        views.speakers.export_button.click()
    assert out.read_text(encoding="utf-8").startswith("article_id,")


def test_export_failure_is_reported(qtbot, views: CorpusViews, tmp_path: Path) -> None:
    with qtbot.waitSignal(views.export_failed) as blocker:
        views.export_current(tmp_path / "no such folder" / "x.jsonl")
    assert "no such folder" in blocker.args[0]


def test_grid_tooltip_and_hover_do_not_fail(qtbot, views: CorpusViews) -> None:
    views.show_view("positions")
    grid = views.positions.grid
    QTest.mouseMove(grid, grid.cell_rect(0, 0).center().toPoint())
    QTest.mouseMove(grid, QPoint(2, 2))
    assert grid.hover is None
    assert not grid.grab().isNull()


# -- the speakers' context menu and what it refuses -----------------------------------------


def _choose_in_menu(monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    """The speakers' menu picks the entry with this text; returns the entries it offered."""
    from PySide6.QtWidgets import QMenu

    from annotator.gui.views import speakers

    offered: list[str] = []

    class ChoosingMenu(QMenu):
        def exec(self, *_args):
            offered.extend(a.text() for a in self.actions() if a.text())
            chosen = next((a for a in self.actions() if a.text() == text), None)
            if chosen is not None:
                chosen.trigger()
            return chosen

    monkeypatch.setattr(speakers, "QMenu", ChoosingMenu)
    return offered


def _right_click_speaker(qtbot, views: CorpusViews, speaker_id: str) -> None:
    tab = views.speakers
    row = next(i for i, r in enumerate(tab.model.rows) if r["id"] == speaker_id)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    tab.table.customContextMenuRequested.emit(rect.center())  # a right click on the row


def test_speaker_context_menu_renames_adds_an_alias_and_shows_the_timeline(
    qtbot, views: CorpusViews, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    views.show()
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Ms Marchand", True))
    )
    offered = _choose_in_menu(monkeypatch, "Add alias…")
    _right_click_speaker(qtbot, views, world.elodie)
    assert offered == [
        "Rename…",
        "Add alias…",
        "Merge into…",
        "Show claims",
        "Show on timeline",
        "Open first mention",
        "Find duplicates…",
    ]
    assert world.store.speaker(world.elodie)["aliases"] == ["Ms Marchand"]
    _choose_in_menu(monkeypatch, "Show on timeline")
    _right_click_speaker(qtbot, views, world.lin)
    assert views.current_view() == "timeline"
    assert views.timeline.subject_key() == world.lin
    views.show_view("speakers")
    _choose_in_menu(monkeypatch, "Open first mention")
    with qtbot.waitSignal(views.open_span) as opened:
        _right_click_speaker(qtbot, views, world.lin)
    assert opened.args[0] == world.a1
    # Outside any row: no menu at all.
    offered = _choose_in_menu(monkeypatch, "Rename…")
    views.speakers.table.customContextMenuRequested.emit(QPoint(-5, -5))
    assert offered == []


def test_speaker_edits_that_would_change_nothing_are_refused(
    views: CorpusViews, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = views.speakers
    tab.table.clearSelection()
    assert not tab.rename_selected("Anyone") and not tab.add_alias_selected("Anyone")
    assert not tab.merge_selected_into(world.lin)
    tab.rename_dialog()
    tab.alias_dialog()
    tab.merge_dialog()  # nothing selected: no dialog
    assert tab.select(world.lin)
    assert not tab.rename_selected("   ")
    assert not tab.add_alias_selected("lin qiao")  # its own name
    assert not tab.merge_selected_into(world.lin)  # into itself
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("x", False)))
    tab.rename_dialog()  # cancelled
    assert world.store.speaker(world.lin)["name"] == "Lin Qiao"
    assert world.store.speaker(world.lin)["aliases"] == []
    assert not tab.select("no such speaker")


def test_grid_hover_tells_the_cell_and_clicks_outside_open_nothing(
    qtbot, views: CorpusViews, world: World
) -> None:
    from PySide6.QtWidgets import QToolTip

    views.show()
    views.show_view("positions")
    tab, grid = views.positions, views.positions.grid
    r = next(i for i, s in enumerate(grid.grid.speakers) if s.id == world.lin)
    c = next(i for i, t in enumerate(grid.grid.targets) if t.name == "NATO office in Tokyo")
    QTest.mouseMove(grid, grid.cell_rect(r, c).center().toPoint())
    qtbot.waitUntil(lambda: grid.hover == (r, c), timeout=5000)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    tip = QToolTip.text().replace("\xa0", " ")
    assert "Lin Qiao on NATO office in Tokyo" in tip and "Click to list the evidence" in tip
    assert not grid.grab().isNull()  # painted with the hovered row and column banded
    empty = next(
        (i, j)
        for i, s in enumerate(grid.grid.speakers)
        for j, t in enumerate(grid.grid.targets)
        if not grid.grid.cell(s.id, t.id)
    )
    QTest.mouseMove(grid, grid.cell_rect(*empty).center().toPoint())
    qtbot.waitUntil(lambda: grid.hover == empty, timeout=5000)
    qtbot.waitUntil(lambda: "no positions" in QToolTip.text().replace("\xa0", " "), timeout=5000)
    # Beyond the last column or row, and off the grid: no cell.
    below = grid.cell_rect(len(grid.grid.speakers) - 1, 0).center() + QPoint(0, 200)
    assert grid.cell_at(below) is None and grid.cell_at(QPoint(1, 1)) is None
    with qtbot.assertNotEmitted(grid.cell_clicked):
        QTest.mouseClick(grid, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))
        grid.select_cell(99, 0)
    assert tab.cell is None

"""Corpus views › Network: built from the store, clicked, sliced through time, exported.

The store is a file, as in the program: the tab reads it in its build thread, on a
connection of its own. The controls are worked by key presses and clicks.
"""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer

from annotator.core.store import Store, queries
from annotator.gui.app import application
from annotator.gui.session import Session
from annotator.gui.views import network_tab
from annotator.gui.views.container import CorpusViews

FIRST = (
    "Tax row\n\nAna Ruiz said “the tax keeps schools open”. Ben Okafor said “the tax is "
    "fair”. Cy Lam said “the tax kills jobs”.\n"
)
SECOND = "Port plan\n\nBen Okafor said “the port must wait”. Ana Ruiz said “build the port now”.\n"


@dataclass
class World:
    store: Store
    a1: str
    a2: str
    spans: dict[str, str]


def _position(store, aid, speaker, quote, target, stance, spans, key):
    start = store.article_text(aid).index(quote)
    span = store.add_span(aid, start, start + len(quote), "claim")
    claim = store.add_claim(aid, [span["id"]], speaker_id=speaker)
    store.add_position(
        aid, speaker_id=speaker, target=target, stance=stance, evidence=[claim["id"]]
    )
    spans[key] = span["id"]


@pytest.fixture(scope="module", autouse=True)
def _app() -> None:
    application()


@pytest.fixture
def world(file_store: Store) -> World:
    store = file_store
    a1 = store.add_article(FIRST, title="Tax row", published="2024-03-01")
    a2 = store.add_article(SECOND, title="Port plan", published="2024-05-20")
    ana = store.add_speaker("Ana Ruiz", affiliation="Labour Party", id="ana")["id"]
    ben = store.add_speaker("Ben Okafor", id="ben")["id"]
    cy = store.add_speaker("Cy Lam", id="cy")["id"]
    spans: dict[str, str] = {}
    _position(store, a1, ana, "the tax keeps schools open", "tax", "favor", spans, "ana-tax")
    _position(store, a1, ben, "the tax is fair", "tax", "favor", spans, "ben-tax")
    _position(store, a1, cy, "the tax kills jobs", "tax", "against", spans, "cy-tax")
    _position(store, a2, ben, "the port must wait", "port", "against", spans, "ben-port")
    _position(store, a2, ana, "build the port now", "port", "favor", spans, "ana-port")
    return World(store, a1, a2, spans)


@pytest.fixture
def tab(qtbot, world: World) -> Iterator:
    views = CorpusViews(Session(world.store))
    qtbot.addWidget(views)
    views.resize(1300, 800)
    views.show()
    qtbot.waitExposed(views)
    views.show_view("network")
    net = views.network
    settle(qtbot, net)
    yield net


def settle(qtbot, tab) -> None:
    """Wait until the chosen network is built and laid out."""
    qtbot.waitUntil(lambda: tab.ready, timeout=20000)


def choose(qtbot, tab, combo, data) -> None:
    """Pick ``data`` in a combo box with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != data:
        index = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != index, f"{data!r} is not offered"
    settle(qtbot, tab)


def choose_kind(qtbot, tab, kind: str) -> None:
    choose(qtbot, tab, tab.drawing.controls.kind, kind)


def type_into(qtbot, tab, widget, text: str) -> None:
    """Replace a field's text by typing, then press Enter."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    settle(qtbot, tab)


def click(qtbot, tab, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)


def listed(tab) -> list[str]:
    return [tab.details.item(i).text() for i in range(tab.details.count())]


def point(tab, node: str) -> QPoint:
    p = tab.drawing.canvas.node_position(node)
    return QPoint(round(p.x()), round(p.y()))


def test_the_tab_draws_the_actor_target_network_of_the_store(tab):
    net = tab.network
    assert net.kind == "actor-target"
    assert {n: a["label"] for n, a in net.nodes.items() if a["type"] == "actor"} == {
        "ana": "Ana Ruiz",
        "ben": "Ben Okafor",
        "cy": "Cy Lam",
    }
    assert tab.count_label.text() == "5 nodes, 5 edges"


def test_clicking_a_node_lists_its_positions_and_claims(qtbot, tab, world):
    qtbot.mouseClick(tab.drawing.canvas, Qt.MouseButton.LeftButton, pos=point(tab, "ana"))
    rows = [tab.details.item(i).text() for i in range(tab.details.count())]
    assert "Ana Ruiz favor tax (2024-03-01: Tax row)" in rows
    assert "Ana Ruiz favor port (2024-05-20: Port plan)" in rows
    assert "“the tax keeps schools open” (2024-03-01)" in rows
    # A listed row opens its article at the quote.
    item = tab.details.item(rows.index("Ana Ruiz favor port (2024-05-20: Port plan)"))
    with qtbot.waitSignal(tab.open_span, timeout=2000) as opened:
        tab.details.itemActivated.emit(item)
    assert opened.args == [world.a2, world.spans["ana-port"]]


def test_double_clicking_a_conflict_edge_shows_its_statements_and_opens_the_quote(
    qtbot, tab, world
):
    choose_kind(qtbot, tab, "conflict")
    # Ana (port favor) against Ben (port against); Ben and Ana share tax favor.
    assert {(e.source, e.target): e.weight for e in tab.network.edges} == {
        ("ana", "ben"): 1,
        ("ana", "cy"): 1,
        ("ben", "cy"): 1,
    }
    a, b = point(tab, "ana"), point(tab, "ben")
    middle = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    assert tab.drawing.canvas.edge_at(middle) == ("ana", "ben")
    with qtbot.waitSignal(tab.open_span, timeout=2000) as opened:
        qtbot.mouseDClick(tab.drawing.canvas, Qt.MouseButton.LeftButton, pos=middle)
    rows = [tab.details.item(i).text() for i in range(tab.details.count())]
    assert "Ana Ruiz favor port (2024-05-20: Port plan)" in rows
    assert "Ben Okafor against port (2024-05-20: Port plan)" in rows
    assert opened.args[0] in (world.a1, world.a2)
    assert opened.args[1] in world.spans.values()


def test_the_window_slider_steps_through_time(qtbot, tab):
    type_into(qtbot, tab, tab.window_days, "30")
    controls = tab.drawing.controls
    assert controls.labels[0] == "2024-03-01/2024-03-30"
    assert len(controls.labels) == 3
    assert {n for n, a in tab.network.nodes.items() if a["type"] == "target"} == {
        t for t in tab.network.nodes if tab.network.nodes[t]["label"] == "tax"
    }
    controls.slider.setFocus()
    qtbot.keyClick(controls.slider, Qt.Key.Key_End)
    settle(qtbot, tab)
    labels = {a["label"] for a in tab.network.nodes.values() if a["type"] == "target"}
    assert labels == {"port"}
    qtbot.keyClick(controls.slider, Qt.Key.Key_Left)  # April: nothing said
    settle(qtbot, tab)
    assert tab.network.nodes == {}


def test_dates_and_stances_filter_the_network(qtbot, tab):
    type_into(qtbot, tab, tab.date_from, "2024-05-01")
    assert {a["label"] for a in tab.network.nodes.values() if a["type"] == "target"} == {"port"}
    click(qtbot, tab, tab.drawing.controls.stance_boxes["favor"])
    assert [(e.source, e.attrs["stance"]) for e in tab.network.edges] == [("ben", "against")]


def test_the_network_and_its_picture_are_exported(qtbot, tab, tmp_path):
    choose_kind(qtbot, tab, "congruence")
    tab.export_to(tmp_path / "n.graphml", "graphml")
    graph = nx.read_graphml(tmp_path / "n.graphml")
    assert {tuple(sorted(e)) for e in graph.edges} == {("ana", "ben")}
    tab.export_to(tmp_path / "n.gexf", "gexf")
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_edges() == 1
    type_into(qtbot, tab, tab.window_days, "30")
    tab.export_to(tmp_path / "n.csv", "csv")
    assert (tmp_path / "n-nodes.csv").read_text(encoding="utf-8").startswith("slice,id,label")
    tab.drawing.export_png(tmp_path / "n.png")
    tab.drawing.export_svg(tmp_path / "n.svg")
    assert (tmp_path / "n.png").stat().st_size > 1000
    assert "<svg" in (tmp_path / "n.svg").read_text(encoding="utf-8")


def test_blind_coding_keeps_other_analysts_positions_out_of_the_network(qtbot, tab, world):
    me = world.store.annotator
    world.store.annotator = "lee"
    world.store.add_position(world.a1, speaker_id="cy", target="tax", stance="favor")
    world.store.annotator = me
    tab.refresh()
    settle(qtbot, tab)
    layers = [tab.layer.itemText(i) for i in range(tab.layer.count())]
    assert layers == ["Layers shown", me]  # lee's layer is not even named
    assert ("cy", "favor") not in [(e.source, e.attrs["stance"]) for e in tab.network.edges]
    assert tab.count_label.text() == "5 nodes, 5 edges"


def test_the_layer_chooser_builds_from_one_analysts_positions(qtbot, tab, world):
    tab.session.all_layers = True  # a reviewer shows every layer (View › Show layers)
    world.store.annotator = "lee"
    aid = world.a1
    world.store.add_position(aid, speaker_id="cy", target="tax", stance="favor")
    tab.refresh()
    settle(qtbot, tab)
    layers = [tab.layer.itemText(i) for i in range(tab.layer.count())]
    assert layers[0] == "All layers"
    assert "lee" in layers
    assert tab.count_label.text() == "5 nodes, 5 edges"  # Cy's two stances: one edge
    choose(qtbot, tab, tab.layer, "lee")
    assert [(e.source, e.attrs["stance"]) for e in tab.network.edges] == [("cy", "favor")]
    assert tab.layer.currentText() == "lee"  # kept across the refresh it triggers


def test_the_network_is_read_and_built_while_the_window_keeps_working(qtbot, tab, monkeypatch):
    # The read waits for a timer of the window's thread: were it read there, the
    # timer could not fire and the read would give up waiting.
    window_ran = threading.Event()
    seen = {}
    real = queries.network_statements

    def read_waiting_for_the_window(store, flt):
        seen["on the window's thread"] = threading.current_thread() is threading.main_thread()
        seen["the window ran meanwhile"] = window_ran.wait(10)
        return real(store, flt)

    monkeypatch.setattr(queries, "network_statements", read_waiting_for_the_window)
    QTimer.singleShot(0, window_ran.set)
    tab.refresh()
    assert not tab.ready
    assert tab.progress.isVisible()
    assert tab.stage.text() == "Reading positions…"
    settle(qtbot, tab)
    assert seen == {"on the window's thread": False, "the window ran meanwhile": True}
    assert not tab.progress.isVisible()
    assert tab.count_label.text() == "5 nodes, 5 edges"


def test_the_lists_behind_nodes_and_edges_follow_layer_stances_and_time_window(qtbot, tab, world):
    tab.session.all_layers = True  # a reviewer shows every layer (View › Show layers)
    world.store.annotator = "lee"
    world.store.add_position(world.a1, speaker_id="cy", target="tax", stance="favor")
    tab.refresh()
    settle(qtbot, tab)
    canvas = tab.drawing.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point(tab, "cy"))
    assert listed(tab) == [
        "Cy Lam against tax (2024-03-01: Tax row)",
        "Cy Lam favor tax (2024-03-01: Tax row)",
        "“the tax kills jobs” (2024-03-01)",
    ]
    # One analyst's layer: their position only, and no claim (the tester coded it).
    choose(qtbot, tab, tab.layer, "lee")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point(tab, "cy"))
    assert listed(tab) == ["Cy Lam favor tax (2024-03-01: Tax row)"]
    tax = next(n for n, a in tab.network.nodes.items() if a["label"] == "tax")
    a, b = point(tab, "cy"), point(tab, tax)
    middle = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=middle)
    assert listed(tab) == ["Cy Lam favor tax (2024-03-01: Tax row)"]
    # All layers, against left out.
    choose(qtbot, tab, tab.layer, None)
    click(qtbot, tab, tab.drawing.controls.stance_boxes["against"])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point(tab, "cy"))
    assert listed(tab) == [
        "Cy Lam favor tax (2024-03-01: Tax row)",
        "“the tax kills jobs” (2024-03-01)",
    ]
    # The May window: Ana's port position and claim, not March's.
    click(qtbot, tab, tab.drawing.controls.stance_boxes["against"])
    type_into(qtbot, tab, tab.window_days, "30")
    tab.drawing.controls.slider.setFocus()
    qtbot.keyClick(tab.drawing.controls.slider, Qt.Key.Key_End)
    settle(qtbot, tab)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point(tab, "ana"))
    assert listed(tab) == [
        "Ana Ruiz favor port (2024-05-20: Port plan)",
        "“build the port now” (2024-05-20)",
    ]
    # Congruence in March: the edge of Ana and Ben lists their shared tax favor.
    qtbot.keyClick(tab.drawing.controls.slider, Qt.Key.Key_Home)
    settle(qtbot, tab)
    choose_kind(qtbot, tab, "congruence")
    a, b = point(tab, "ana"), point(tab, "ben")
    middle = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    assert canvas.edge_at(middle) == ("ana", "ben")
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=middle)
    assert listed(tab) == [
        "Ana Ruiz favor tax (2024-03-01: Tax row)",
        "Ben Okafor favor tax (2024-03-01: Tax row)",
    ]


def test_a_database_in_memory_is_drawn_too(qtbot, store):
    aid = store.add_article(FIRST, title="Tax row", published="2024-03-01")
    ana = store.add_speaker("Ana Ruiz", id="ana")["id"]
    store.add_position(aid, speaker_id=ana, target="tax", stance="favor")
    views = CorpusViews(Session(store))
    qtbot.addWidget(views)
    views.show()
    views.show_view("network")
    settle(qtbot, views.network)
    assert views.network.count_label.text() == "2 nodes, 1 edge"


def test_a_position_in_an_undated_article_is_listed_as_undated(qtbot, tab, world):
    aid = world.store.add_article("Undated\n\nCy Lam said “the port is fine”.\n", title="Undated")
    world.store.add_position(aid, speaker_id="cy", target="port", stance="favor")
    tab.refresh()
    settle(qtbot, tab)
    qtbot.mouseClick(tab.drawing.canvas, Qt.MouseButton.LeftButton, pos=point(tab, "cy"))
    assert "Cy Lam favor port (undated: Undated)" in listed(tab)


def test_export_network_writes_every_time_window_in_the_background(
    qtbot, tab, tmp_path, monkeypatch
):
    target = tmp_path / "windows.graphml"

    class SaveDialog:
        @staticmethod
        def getSaveFileName(*_args, **_kwargs):
            return str(target), "GraphML (*.graphml)"

    monkeypatch.setattr(network_tab, "QFileDialog", SaveDialog)
    choose_kind(qtbot, tab, "conflict")
    type_into(qtbot, tab, tab.window_days, "30")
    with qtbot.waitSignal(
        tab.message, timeout=20000, check_params_cb=lambda text: "written" in text
    ):
        qtbot.mouseClick(tab.export_network, Qt.MouseButton.LeftButton)
    graphs = list(nx.readwrite.graphml.GraphMLReader()(path=str(target)))
    # March: Cy against the tax Ana and Ben favour; April: nothing; May: the port.
    assert [sorted(tuple(sorted(e)) for e in g.edges) for g in graphs] == [
        [("ana", "cy"), ("ben", "cy")],
        [],
        [("ana", "ben")],
    ]

"""Corpus views › Network: built from the store, clicked, sliced through time, exported."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx
import pytest
from PySide6.QtCore import QPoint, Qt

from annotator.core.store import Store
from annotator.gui.app import application
from annotator.gui.session import Session
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
def world(store: Store) -> World:
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
    qtbot.waitUntil(lambda: net.drawing.layout_ready, timeout=20000)
    yield net


def choose_kind(qtbot, tab, kind: str) -> None:
    combo = tab.drawing.controls.kind
    combo.setCurrentIndex(combo.findData(kind))
    qtbot.waitUntil(lambda: tab.drawing.layout_ready, timeout=20000)


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
    tab.window_days.setValue(30)
    controls = tab.drawing.controls
    assert controls.labels[0] == "2024-03-01/2024-03-30"
    assert len(controls.labels) == 3
    assert {n for n, a in tab.network.nodes.items() if a["type"] == "target"} == {
        t for t in tab.network.nodes if tab.network.nodes[t]["label"] == "tax"
    }
    controls.slider.setValue(2)
    qtbot.waitUntil(lambda: tab.drawing.layout_ready, timeout=20000)
    labels = {a["label"] for a in tab.network.nodes.values() if a["type"] == "target"}
    assert labels == {"port"}
    controls.slider.setValue(1)  # April: nothing said
    assert tab.network.nodes == {}


def test_dates_and_stances_filter_the_network(qtbot, tab):
    tab.date_from.setText("2024-05-01")
    tab.date_from.editingFinished.emit()
    assert {a["label"] for a in tab.network.nodes.values() if a["type"] == "target"} == {"port"}
    tab.drawing.controls.stance_boxes["favor"].setChecked(False)
    assert [(e.source, e.attrs["stance"]) for e in tab.network.edges] == [("ben", "against")]


def test_the_network_and_its_picture_are_exported(qtbot, tab, tmp_path):
    choose_kind(qtbot, tab, "congruence")
    tab.export_to(tmp_path / "n.graphml", "graphml")
    graph = nx.read_graphml(tmp_path / "n.graphml")
    assert {tuple(sorted(e)) for e in graph.edges} == {("ana", "ben")}
    tab.export_to(tmp_path / "n.gexf", "gexf")
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_edges() == 1
    tab.window_days.setValue(30)
    tab.export_to(tmp_path / "n.csv", "csv")
    assert (tmp_path / "n-nodes.csv").read_text(encoding="utf-8").startswith("slice,id,label")
    tab.drawing.export_png(tmp_path / "n.png")
    tab.drawing.export_svg(tmp_path / "n.svg")
    assert (tmp_path / "n.png").stat().st_size > 1000
    assert "<svg" in (tmp_path / "n.svg").read_text(encoding="utf-8")


def test_the_layer_chooser_builds_from_one_analysts_positions(qtbot, tab, world):
    world.store.annotator = "lee"
    aid = world.a1
    world.store.add_position(aid, speaker_id="cy", target="tax", stance="favor")
    tab.refresh()
    layers = [tab.layer.itemText(i) for i in range(tab.layer.count())]
    assert layers[0] == "All layers"
    assert "lee" in layers
    assert tab.count_label.text() == "5 nodes, 5 edges"  # Cy's two stances: one edge
    tab.layer.setCurrentIndex(layers.index("lee"))
    qtbot.waitUntil(lambda: tab.drawing.layout_ready, timeout=20000)
    assert [(e.source, e.attrs["stance"]) for e in tab.network.edges] == [("cy", "favor")]
    assert tab.layer.currentText() == "lee"  # kept across the refresh it triggers

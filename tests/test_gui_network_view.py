"""The network view: draws big networks, clicks and double-clicks, exports, colours."""

import math
import random
import xml.etree.ElementTree as ET

import pytest

from annotator.core.network import Actor, Edge, Network, Statement, build
from annotator.gui.qt import QApplication, QColor, QImage, QPoint, QPointF, Qt
from annotator.gui.views.network import EDGE_COLORS, NODE_COLORS, NetworkView, edge_style

SVG = "{http://www.w3.org/2000/svg}"


def synthetic(n=300, m=2000, seed=3):
    rng = random.Random(seed)
    ids = [f"n{i}" for i in range(n)]
    nodes = {
        node: {"label": f"Actor {i}", "type": "actor", "kind": "person", "claims": (i * 7) % n + 1}
        for i, node in enumerate(ids)
    }
    pairs = set()
    while len(pairs) < m:
        a, b = sorted(rng.sample(range(n), 2))
        pairs.add((ids[a], ids[b]))
    return Network("congruence", nodes, [Edge(a, b, rng.randint(1, 4)) for a, b in sorted(pairs)])


def small():
    """A star: one target, three actors (one an organisation), different stances."""
    actors = {
        "ana": Actor("ana", "Ana <b>Ruiz</b> & Co", claims=6),
        "ben": Actor("ben", "Ben Okafor", claims=2),
        "union": Actor("union", "Farmers' Union", kind="organisation", claims=1),
    }
    statements = [
        Statement("ana", "tax", "the tax", "favor"),
        Statement("ben", "tax", "the tax", "against"),
        Statement("union", "tax", "the tax", "neutral"),
    ]
    return build("actor-target", statements, actors)


@pytest.fixture
def view(qtbot):
    w = NetworkView()
    qtbot.addWidget(w)
    w.resize(900, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def show(qtbot, view, network):
    view.set_network(network)
    qtbot.waitUntil(lambda: view.layout_ready, timeout=20000)
    view.repaint()


def canvas_point(view, node_id):
    p = view.canvas.node_position(node_id)
    return QPoint(round(p.x()), round(p.y()))


def test_300_nodes_and_2000_edges_are_drawn_in_their_colour_and_shape(qtbot, view):
    net = synthetic()
    show(qtbot, view, net)
    image = view.canvas.grab().toImage()
    actor = NODE_COLORS["actor"]
    on_node = 0
    for node in list(net.nodes)[::10]:
        p = canvas_point(view, node)
        c = image.pixelColor(p)
        on_node += abs(c.red() - actor.red()) + abs(c.blue() - actor.blue()) < 40
    # Nearly every sampled centre shows an actor's fill (a few sit under a label).
    assert on_node >= 25


def test_clicking_a_node_emits_its_id(qtbot, view):
    show(qtbot, view, small())
    for node in ("ana", "ben", "union", "tax"):
        with qtbot.waitSignal(view.node_clicked, timeout=2000) as signal:
            qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=canvas_point(view, node))
        assert signal.args == [node]


def test_double_clicking_an_edge_emits_its_ends(qtbot, view):
    net = small()
    show(qtbot, view, net)
    edge = next(e for e in net.edges if e.source == "ben")
    a = view.canvas.node_position(edge.source)
    b = view.canvas.node_position(edge.target)
    middle = QPoint(round((a.x() + b.x()) / 2), round((a.y() + b.y()) / 2))
    with qtbot.waitSignal(view.edge_activated, timeout=2000) as signal:
        qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=middle)
    assert signal.args == ["ben", "tax"]


def test_dragging_pans_without_clicking(qtbot, view):
    show(qtbot, view, small())
    start = canvas_point(view, "ana")
    clicks = []
    view.node_clicked.connect(clicks.append)
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.canvas, start + QPoint(30, 0))
    qtbot.mouseMove(view.canvas, start + QPoint(60, 20))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 20))
    moved = view.canvas.node_position("ana")
    assert (round(moved.x()), round(moved.y())) == (start.x() + 60, start.y() + 20)
    assert clicks == []


def wheel(widget, pos, steps):
    from PySide6.QtGui import QWheelEvent

    event = QWheelEvent(
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_zooms_around_the_pointer(qtbot, view):
    show(qtbot, view, small())
    under = canvas_point(view, "ben")
    other_before = view.canvas.node_position("ana")
    wheel(view.canvas, under, 3)
    after = view.canvas.node_position("ben")
    assert math.dist((after.x(), after.y()), (under.x(), under.y())) < 1.5
    other_after = view.canvas.node_position("ana")
    before_gap = math.dist((other_before.x(), other_before.y()), (under.x(), under.y()))
    after_gap = math.dist((other_after.x(), other_after.y()), (under.x(), under.y()))
    assert after_gap > 1.8 * before_gap


def test_png_and_svg_exports_are_written_and_names_stay_text(qtbot, view, tmp_path):
    show(qtbot, view, small())
    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    view.export_png(png)
    view.export_svg(svg)
    image = QImage(str(png))
    assert image.width() >= 1200 and image.height() >= 900
    root = ET.parse(svg).getroot()
    assert root.tag == SVG + "svg"
    texts = {"".join(t.itertext()).strip() for t in root.iter(SVG + "text")}
    assert "Ana <b>Ruiz</b> & Co" in texts
    assert "the tax" in texts


def test_an_export_into_a_missing_folder_says_so(qtbot, view, tmp_path):
    show(qtbot, view, small())
    with pytest.raises(OSError, match="could not write"):
        view.export_png(tmp_path / "nowhere" / "net.png")


def test_a_new_network_replaces_one_still_being_laid_out(qtbot, view):
    view.set_network(synthetic())
    show(qtbot, view, small())
    assert set(view.canvas.positions) == set(small().nodes)


def test_an_empty_network_is_drawn_with_a_note(qtbot, view):
    show(qtbot, view, Network("congruence", {}, []))
    assert view.layout_ready


def test_the_control_bar_emits_kind_stances_and_time_window(qtbot, view):
    view.set_slices(["2024-01-01/2024-01-07", "2024-01-08/2024-01-14", "2024-01-15/2024-01-21"])
    with qtbot.waitSignal(view.slice_changed) as signal:
        view.controls.slider.setValue(2)
    assert signal.args == [2]
    assert "2024-01-15" in view.controls.slice_label.text()
    with qtbot.waitSignal(view.stances_changed) as signal:
        view.controls.stance_boxes["neutral"].setChecked(False)
    assert signal.args == [["favor", "against", "mixed"]]
    with qtbot.waitSignal(view.kind_changed) as signal:
        view.controls.kind.setCurrentIndex(2)
    assert signal.args == ["conflict"]


def test_setting_a_network_shows_its_kind_without_asking_for_another(qtbot, view):
    kinds = []
    view.kind_changed.connect(kinds.append)
    show(qtbot, view, small())
    assert view.controls.kind.currentData() == "actor-target"
    assert kinds == []


# -- colours under colour-vision deficiencies ---------------------------------------
# Machado, Oliveira & Fernandes (2009), severity 1, applied to linear RGB.
SIMULATIONS = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
    "typical": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}


def linear(color):
    def one(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return [one(color.red()), one(color.green()), one(color.blue())]


def lab_seen(color, matrix):
    r, g, b = (
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear(color), strict=True))))
        for row in matrix
    )
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_agreement_and_conflict_stay_far_apart_in_every_vision(vision):
    matrix = SIMULATIONS[vision]
    agree, _ = edge_style("congruence", {})
    disagree, dashed = edge_style("conflict", {})
    # ΔE*ab 40 is two clearly different colours; red and green fall to about 10 here.
    assert math.dist(lab_seen(agree, matrix), lab_seen(disagree, matrix)) > 40
    stances = [EDGE_COLORS[s] for s in ("favor", "against", "neutral", "mixed")]
    for i, a in enumerate(stances):
        for b in stances[i + 1 :]:
            assert math.dist(lab_seen(a, matrix), lab_seen(b, matrix)) > 20
    assert dashed and not edge_style("congruence", {})[1]


def test_the_simulation_tells_plain_red_and_green_apart_only_for_typical_vision():
    # The check above would mean nothing if the simulation saw every pair as different.
    red, green = QColor("#d0453b"), QColor("#3d9a52")
    deut = SIMULATIONS["deuteranopia"]
    typical = SIMULATIONS["typical"]
    assert math.dist(lab_seen(red, typical), lab_seen(green, typical)) > 60
    assert math.dist(lab_seen(red, deut), lab_seen(green, deut)) < 20


def test_at_200_nodes_the_biggest_are_labelled_and_labels_do_not_pile_up(qtbot, view, tmp_path):
    net = synthetic(200, 1200)
    show(qtbot, view, net)
    view.export_svg(tmp_path / "net.svg")
    root = ET.parse(tmp_path / "net.svg").getroot()
    texts = [
        (float(t.get("x", 0)), float(t.get("y", 0)), "".join(t.itertext()).strip())
        for t in root.iter(SVG + "text")
    ]
    labels = {text for _, _, text in texts}
    biggest = sorted(net.nodes.values(), key=lambda a: -a["claims"])[:5]
    assert {a["label"] for a in biggest} <= labels
    actor_labels = [t for t in texts if t[2].startswith("Actor ")]
    assert 20 < len(actor_labels) < 200
    # No two labels start on one line within a label's width of each other.
    for i, (x, y, _) in enumerate(actor_labels):
        for x2, y2, _ in actor_labels[i + 1 :]:
            assert not (abs(y - y2) < 8 and abs(x - x2) < 40)


def test_no_label_hides_under_the_legend(qtbot, view, tmp_path):
    net = synthetic(30, 30)
    show(qtbot, view, net)
    canvas = view.canvas
    smallest = min(net.nodes, key=lambda n: net.nodes[n]["claims"])
    label = net.nodes[smallest]["label"]
    # Panned so that a small node sits in the bottom-left corner, under the legend.
    canvas.positions = {n: (0.5, 0.1) for n in net.nodes}
    canvas.positions[smallest] = (0.0, 0.97)
    origin = canvas.node_position(smallest)
    canvas.pan = QPointF(40 - origin.x(), 0)
    canvas.export_svg(tmp_path / "net.svg")
    root = ET.parse(tmp_path / "net.svg").getroot()
    texts = {
        "".join(t.itertext()).strip(): (float(t.get("x", 0)), float(t.get("y", 0)))
        for t in root.iter(SVG + "text")
    }
    legend_top = texts["actor"][1] - 20
    legend_right = texts["agree"][0] + 80
    assert texts.get(label, (legend_right + 1, 0))[0] > legend_right or (
        texts[label][1] < legend_top
    )

"""The Network view: a discourse network drawn with a force-directed layout.

`NetworkView` is a small control bar (kind, stances, time window) above a
`NetworkCanvas`. The view only draws what it is given: whoever owns it builds the
`Network` (annotator.core.network) for the chosen kind, stances and slice, and
hands it to `set_network`. The layout runs in a QThread on plain Python data (no
database in the thread) and can be cancelled by handing over the next network.

Reading the drawing: actors are circles, targets rounded squares, organisations
diamonds; a node's area follows its claims (targets and organisations: the
positions on them); an edge's width follows its weight. Agreement is bluish green,
conflict vermillion and dashed, so the two differ without colour too (the hues
stay apart under protanopia, deuteranopia and tritanopia: tests check it).
All names are drawn as plain text.
"""

from __future__ import annotations

import atexit
import math
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...core.layout import LayoutCancelled, force_layout
from ...core.network import KINDS, STANCE_ORDER, Network
from ..qt import (
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
    QFileDialog,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QImage,
    QLabel,
    QLineF,
    QMessageBox,
    QObject,
    QPainter,
    QPen,
    QPointF,
    QPolygonF,
    QRectF,
    QSize,
    QSlider,
    QSvgGenerator,
    Qt,
    QThread,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
)

# Okabe-Ito-like hues chosen to stay apart under colour-vision deficiencies.
AGREE = QColor("#238b7e")
DISAGREE = QColor("#d55e00")
EDGE_COLORS = {
    "favor": AGREE,
    "against": DISAGREE,
    "neutral": QColor("#c8c8cc"),
    "mixed": QColor("#6a4c93"),
    "congruence": AGREE,
    "conflict": DISAGREE,
    "affiliation": QColor("#8c8c92"),
}
NODE_COLORS = {
    "actor": QColor("#2f5d8c"),
    "target": QColor("#e9a23b"),
    "organisation": QColor("#7d6b91"),
}
KIND_TITLES = {
    "actor-target": "Actors → targets",
    "congruence": "Congruence (who agrees)",
    "conflict": "Conflict (who disagrees)",
    "affiliation": "Affiliation",
}
BACKGROUND = QColor("#fbfaf7")
INK = QColor("#1d1d1f")
MUTED = QColor("#6b6b70")

MIN_RADIUS, MAX_RADIUS = 4.0, 20.0
LABEL_MAX_PX = 190
ZOOM_MIN, ZOOM_MAX = 0.3, 25.0


def node_shape(attrs: dict[str, Any]) -> str:
    """``circle`` (actors), ``square`` (targets) or ``diamond`` (organisations)."""
    if attrs.get("type") == "target":
        return "square"
    if attrs.get("type") == "organisation" or attrs.get("kind") == "organisation":
        return "diamond"
    return "circle"


def edge_style(kind: str, attrs: dict[str, Any]) -> tuple[QColor, bool]:
    """The colour of an edge of a ``kind`` network, and whether it is dashed."""
    if kind == "actor-target":
        stance = attrs.get("stance", "neutral")
        return EDGE_COLORS.get(stance, EDGE_COLORS["neutral"]), stance == "against"
    return EDGE_COLORS.get(kind, EDGE_COLORS["affiliation"]), kind == "conflict"


# -- the layout thread ----------------------------------------------------------------


class _LayoutJob(QObject):
    progress = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, positions (None: cancelled)

    def __init__(self, generation: int, nodes: list[str], edges: list, initial: dict) -> None:
        super().__init__()
        self.generation = generation
        self.nodes = nodes
        self.edges = edges
        self.initial = initial
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            positions = force_layout(
                self.nodes,
                self.edges,
                seed=0,
                initial=self.initial or None,
                progress=lambda done, total: self.progress.emit(self.generation, done, total),
                cancelled=self.cancel.is_set,
            )
        except LayoutCancelled:
            positions = None
        self.finished.emit(self.generation, positions)


# Running layout threads live here, not under a widget, so that closing the view
# while a layout runs cancels it instead of destroying a running QThread.
_RUNNING: set[tuple[QThread, _LayoutJob]] = set()


def stop_layouts() -> None:
    """Cancel every running layout and wait for its thread (before the program ends)."""
    for thread, job in list(_RUNNING):
        job.cancel.set()
        thread.quit()
        thread.wait()
    _RUNNING.clear()


# A script that ends without the event loop's aboutToQuit must not leave a running
# QThread behind either (Qt aborts on destroying one).
atexit.register(stop_layouts)


def _start_layout(job: _LayoutJob) -> None:
    app = QCoreApplication.instance()
    if app is not None and not app.property("network_layouts_stopped_on_quit"):
        app.setProperty("network_layouts_stopped_on_quit", True)
        app.aboutToQuit.connect(stop_layouts)
    thread = QThread()
    job.moveToThread(thread)
    entry = (thread, job)
    _RUNNING.add(entry)
    thread.started.connect(job.run)
    job.finished.connect(thread.quit)
    thread.finished.connect(lambda: _RUNNING.discard(entry))
    thread.start()


class _JobSlot:
    """The layout job a canvas waits for."""

    def __init__(self) -> None:
        self.job: _LayoutJob | None = None

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel.set()
            self.job = None


# -- the drawing ----------------------------------------------------------------------


class NetworkCanvas(QWidget):
    """The network drawn with zoom (wheel), pan (drag), hover labels and clicks."""

    node_clicked = Signal(str)
    edge_activated = Signal(str, str)
    layout_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.network: Network | None = None
        self.positions: dict[str, tuple[float, float]] = {}
        self.radius: dict[str, float] = {}
        self.widths: list[float] = []
        self.neighbours: dict[str, set[str]] = {}
        self.always_labelled: set[str] = set()  # bold, placed first
        self.never_hidden: set[str] = set()  # labelled even when crowded
        self.paint_order: list[str] = []
        self.zoom = 1.0
        self.pan = QPointF(0, 0)
        self.hover: str | None = None
        self.progress = (0, 0)
        self._generation = 0
        self._job: _LayoutJob | None = None
        self._press: QPointF | None = None
        self._dragged = False
        self.label_font = QFont(self.font())
        self.label_font.setPointSizeF(max(8.0, self.label_font.pointSizeF() * 0.95))
        self.big_font = QFont(self.label_font)
        self.big_font.setBold(True)
        # Closing the view cancels its layout. The slot outlives the canvas, so the
        # handler needs nothing of the (by then deleted) widget.
        slot = self._slot = _JobSlot()
        self.destroyed.connect(lambda *_: slot.cancel())

    # -- data ---------------------------------------------------------------------------

    @property
    def layout_ready(self) -> bool:
        """True once the current network has its positions."""
        return self.network is not None and self._job is None

    def set_network(self, network: Network | None) -> None:
        """Draw ``network``: its layout starts in a thread; a running one is cancelled.

        Nodes already drawn keep their place as a starting point, so that stepping
        through time windows moves the picture little.
        """
        self._slot.cancel()
        self._job = None
        self._generation += 1
        previous = self.positions
        self.network = network
        self.positions = {}
        self.hover = None
        if network is None:
            self.update()
            return
        self._measure(network)
        nodes = list(network.nodes)
        shared = sum(1 for n in nodes if n in previous)
        initial = (
            {n: previous[n] for n in nodes if n in previous} if shared * 2 >= len(nodes) else {}
        )
        edges = [(e.source, e.target, float(e.weight)) for e in network.edges]
        self._job = _LayoutJob(self._generation, nodes, edges, initial)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_layout)
        self.progress = (0, 0)
        self._slot.job = self._job
        _start_layout(self._job)
        self.update()

    def _measure(self, network: Network) -> None:
        # Node sizes: claims for actors; for targets and organisations the weight of
        # their edges (the positions taken on them).
        strength: dict[str, float] = dict.fromkeys(network.nodes, 0.0)
        self.neighbours = {n: set() for n in network.nodes}
        for e in network.edges:
            strength[e.source] += e.weight
            strength[e.target] += e.weight
            self.neighbours[e.source].add(e.target)
            self.neighbours[e.target].add(e.source)
        size = {
            n: float(a["claims"]) if a.get("type") == "actor" and a.get("claims") else strength[n]
            for n, a in network.nodes.items()
        }
        top = max(size.values(), default=0.0) or 1.0
        # Big networks get smaller nodes, so that two hundred still leave room.
        biggest = max(MIN_RADIUS + 5, MAX_RADIUS * min(1.0, math.sqrt(80 / max(1, len(size)))))
        self.radius = {
            n: MIN_RADIUS + (biggest - MIN_RADIUS) * math.sqrt(max(s, 0.0) / top)
            for n, s in size.items()
        }
        heaviest = max((e.weight for e in network.edges), default=1) or 1
        widest = 4.2 if len(network.edges) < 400 else 2.6  # dense: thinner, or all ink
        self.widths = [0.7 + widest * math.sqrt(e.weight / heaviest) for e in network.edges]
        ranked = sorted(network.nodes, key=lambda n: (-size[n], network.nodes[n]["label"]))
        self.always_labelled = set(ranked[: max(6, min(20, len(ranked) // 10))])
        self.never_hidden = set(ranked[:5])
        self.paint_order = ranked[::-1]  # small first: big nodes on top

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress = (done, total)
            self.update()

    def _on_layout(self, generation: int, positions: dict | None) -> None:
        if generation != self._generation or positions is None:
            return
        self.positions = positions
        self._job = self._slot.job = None
        self.update()
        self.layout_finished.emit()

    # -- geometry ----------------------------------------------------------------------

    def _frame(self, size: QSize) -> tuple[float, float, float]:
        side = max(10.0, min(size.width(), size.height()) - 16.0)
        return (size.width() - side) / 2, (size.height() - side) / 2, side

    def _mapper(self, size: QSize, zoom: float, pan: QPointF):
        ox, oy, side = self._frame(size)
        s = side * zoom

        def to_screen(p: tuple[float, float]) -> QPointF:
            return QPointF(ox + p[0] * s + pan.x(), oy + p[1] * s + pan.y())

        return to_screen

    def node_position(self, node_id: str) -> QPointF | None:
        """Where a node is drawn, in this widget's coordinates (None before the layout)."""
        p = self.positions.get(node_id)
        if p is None:
            return None
        return self._mapper(self.size(), self.zoom, self.pan)(p)

    def _node_radius(self, node_id: str) -> float:
        return self.radius[node_id] * min(2.0, math.sqrt(self.zoom))

    def node_at(self, point: QPointF) -> str | None:
        """The node under ``point`` (widget coordinates), the topmost if several."""
        to_screen = self._mapper(self.size(), self.zoom, self.pan)
        for n in reversed(self.paint_order):
            if n not in self.positions:
                continue
            c = to_screen(self.positions[n])
            if math.hypot(c.x() - point.x(), c.y() - point.y()) <= self._node_radius(n) + 2:
                return n
        return None

    def edge_at(self, point: QPointF) -> tuple[str, str] | None:
        """The edge nearest to ``point`` within a few pixels, as (source, target)."""
        if self.network is None or not self.positions:
            return None
        to_screen = self._mapper(self.size(), self.zoom, self.pan)
        best, best_d = None, 6.0
        for e, width in zip(self.network.edges, self.widths, strict=True):
            a, b = to_screen(self.positions[e.source]), to_screen(self.positions[e.target])
            d = _distance_to_segment(point, a, b)
            if d <= max(best_d, width / 2 + 2) and (best is None or d < best_d):
                best, best_d = (e.source, e.target), d
        return best

    def reset_view(self) -> None:
        """Back to the whole network, unzoomed."""
        self.zoom = 1.0
        self.pan = QPointF(0, 0)
        self.update()

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        self.paint_into(painter, self.size(), self.zoom, self.pan, self.hover)
        painter.end()

    def paint_into(
        self,
        painter: QPainter,
        size: QSize,
        zoom: float = 1.0,
        pan: QPointF | None = None,
        hover: str | None = None,
    ) -> None:
        """Draw the network onto any painter (the widget, an image, an SVG file)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), BACKGROUND)
        net = self.network
        if net is None or not net.nodes:
            self._message(painter, size, "No positions in this selection")
            return
        if not self.positions:
            done, total = self.progress
            share = f" {round(100 * done / total)}%" if total else ""
            self._message(painter, size, f"Laying out {len(net.nodes)} nodes…{share}")
            return
        to_screen = self._mapper(size, zoom, pan or QPointF(0, 0))
        centre = {n: to_screen(p) for n, p in self.positions.items()}
        near = self.neighbours.get(hover, set()) if hover else set()
        self._paint_edges(painter, net, centre, hover)
        self._paint_nodes(painter, net, centre, zoom, hover, near)
        self._paint_labels(painter, net, centre, size, zoom, hover, near)
        self._paint_legend(painter, net, size)

    def _message(self, painter: QPainter, size: QSize, text: str) -> None:
        painter.setPen(MUTED)
        painter.setFont(self.label_font)
        painter.drawText(
            QRectF(0, 0, size.width(), size.height()), Qt.AlignmentFlag.AlignCenter, text
        )

    def _paint_edges(self, painter, net: Network, centre, hover) -> None:
        # One pen per (colour, width step, dash, faded): Qt draws a batch of lines
        # far faster than one call per edge.
        groups: dict[tuple[str, float, bool, bool], list[QLineF]] = {}
        for e, width in zip(net.edges, self.widths, strict=True):
            color, dashed = edge_style(net.kind, e.attrs)
            faded = hover is not None and hover not in (e.source, e.target)
            key = (color.name(), round(width * 2) / 2, dashed, faded)
            groups.setdefault(key, []).append(QLineF(centre[e.source], centre[e.target]))
        lines_total = len(net.edges)
        alpha = 200 if lines_total < 150 else 150 if lines_total < 600 else 110
        for (name, width, dashed, faded), lines in sorted(groups.items(), key=lambda g: g[0][3]):
            color = QColor(name)
            color.setAlpha(30 if faded else alpha)
            pen = QPen(color, width)
            # Flat caps: Qt's raster engine draws round-capped wide lines ~40x slower.
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if dashed:
                pen.setDashPattern([3.0, 2.0])
            painter.setPen(pen)
            painter.drawLines(lines)

    def _paint_nodes(self, painter, net: Network, centre, zoom, hover, near) -> None:
        outline = QPen(QColor("#ffffff"), 1.4)
        for n in self.paint_order:
            attrs = net.nodes[n]
            color = QColor(NODE_COLORS.get(attrs.get("type", "actor"), NODE_COLORS["actor"]))
            if hover is not None and n != hover and n not in near:
                color.setAlpha(70)
            painter.setPen(QPen(INK, 2.2) if n == hover else outline)
            painter.setBrush(color)
            r = self.radius[n] * min(2.0, math.sqrt(zoom))
            c = centre[n]
            shape = node_shape(attrs)
            if shape == "circle":
                painter.drawEllipse(c, r, r)
            elif shape == "square":
                side = r * 1.75
                painter.drawRoundedRect(
                    QRectF(c.x() - side / 2, c.y() - side / 2, side, side), side / 4, side / 4
                )
            else:
                d = r * 1.3
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(c.x(), c.y() - d),
                            QPointF(c.x() + d, c.y()),
                            QPointF(c.x(), c.y() + d),
                            QPointF(c.x() - d, c.y()),
                        ]
                    )
                )

    def _paint_labels(self, painter, net: Network, centre, size, zoom, hover, near) -> None:
        # Biggest first; the biggest are always labelled, the others when their label
        # fits beside the node without covering another node or label (so zooming in
        # shows more), and the hovered node and its neighbours always.
        taken = _Occupancy()
        scale = min(2.0, math.sqrt(zoom))
        for n in self.paint_order:
            r = self.radius[n] * scale
            c = centre[n]
            taken.add(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), n)
        bounds = QRectF(0, 0, size.width(), size.height())
        halo = QColor(BACKGROUND)
        halo.setAlpha(215)
        for n in reversed(self.paint_order):
            c = centre[n]
            if not bounds.contains(c):
                continue
            forced = n == hover or n in near or n in self.always_labelled
            if hover is not None and not forced:
                continue
            font = self.big_font if n in self.always_labelled or n == hover else self.label_font
            metrics = QFontMetrics(font)
            text = metrics.elidedText(
                str(net.nodes[n]["label"]), Qt.TextElideMode.ElideRight, LABEL_MAX_PX
            )
            r = self.radius[n] * scale
            w, h = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
            candidates = [
                QRectF(c.x() + r + 2, c.y() - h / 2, w, h),
                QRectF(c.x() - r - 2 - w, c.y() - h / 2, w, h),
                QRectF(c.x() - w / 2, c.y() - r - 1 - h, w, h),
                QRectF(c.x() - w / 2, c.y() + r + 1, w, h),
            ]
            inside = [rect for rect in candidates if bounds.contains(rect)] or candidates
            rect = next((rect for rect in inside if not taken.hits(rect, n)), None)
            if rect is None:
                if not (n == hover or n in near or n in self.never_hidden):
                    continue
                rect = inside[0]
            taken.add(rect, n)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(INK)
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_legend(self, painter, net: Network, size: QSize) -> None:
        entries: list[tuple[str, str, QColor | None, bool]] = []
        types = {a.get("type") for a in net.nodes.values()}
        has_org_actors = any(node_shape(a) == "diamond" for a in net.nodes.values())
        if "actor" in types:
            entries.append(("circle", "actor", NODE_COLORS["actor"], False))
        if "target" in types:
            entries.append(("square", "target", NODE_COLORS["target"], False))
        if has_org_actors:
            color = NODE_COLORS["organisation" if "organisation" in types else "actor"]
            entries.append(("diamond", "organisation", color, False))
        if net.kind == "actor-target":
            for stance in STANCE_ORDER:
                color, dashed = edge_style(net.kind, {"stance": stance})
                entries.append(("line", stance, color, dashed))
        elif net.kind in ("congruence", "conflict"):
            color, dashed = edge_style(net.kind, {})
            entries.append(
                ("line", "agree" if net.kind == "congruence" else "disagree", color, dashed)
            )
        metrics = QFontMetrics(self.label_font)
        row = metrics.height() + 4
        width = max(metrics.horizontalAdvance(e[1]) for e in entries) + 40
        box = QRectF(8, size.height() - 8 - row * len(entries) - 8, width, row * len(entries) + 8)
        back = QColor("#ffffff")
        back.setAlpha(225)
        painter.setPen(QPen(QColor("#dedad2"), 1))
        painter.setBrush(back)
        painter.drawRoundedRect(box, 4, 4)
        painter.setFont(self.label_font)
        for i, (shape, text, color, dashed) in enumerate(entries):
            y = box.top() + 4 + row * i + row / 2
            x = box.left() + 14
            if shape == "line":
                pen = QPen(color, 2.5)
                if dashed:
                    pen.setDashPattern([3.0, 2.0])
                painter.setPen(pen)
                painter.drawLine(QPointF(x - 8, y), QPointF(x + 8, y))
            else:
                painter.setPen(QPen(QColor("#ffffff"), 1))
                painter.setBrush(color)
                if shape == "circle":
                    painter.drawEllipse(QPointF(x, y), 5.5, 5.5)
                elif shape == "square":
                    painter.drawRoundedRect(QRectF(x - 5.5, y - 5.5, 11, 11), 3, 3)
                else:
                    painter.drawPolygon(
                        QPolygonF(
                            [
                                QPointF(x, y - 7),
                                QPointF(x + 7, y),
                                QPointF(x, y + 7),
                                QPointF(x - 7, y),
                            ]
                        )
                    )
            painter.setPen(INK)
            painter.drawText(
                QRectF(x + 14, y - row / 2, width, row), Qt.AlignmentFlag.AlignVCenter, text
            )

    # -- export -------------------------------------------------------------------------

    def _export_size(self) -> QSize:
        size = self.size()
        if size.width() < 600 or size.height() < 450:
            return QSize(1200, 900)
        return size

    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        """Save the drawing as it is on screen (zoom and pan kept) as a PNG.

        Raises:
            OSError: the file could not be written.
        """
        size = self._export_size()
        image = QImage(
            round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32
        )
        image.fill(BACKGROUND)
        painter = QPainter(image)
        painter.scale(scale, scale)
        self.paint_into(painter, size, self.zoom, self.pan)
        painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"{path}: could not write the picture")

    def export_svg(self, path: str | Path) -> None:
        """Save the drawing as SVG (vector: scales for print and slides).

        Raises:
            OSError: the file could not be written.
        """
        size = self._export_size()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle("Discourse network")
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"{path}: could not write the picture")
        self.paint_into(painter, size, self.zoom, self.pan)
        painter.end()
        if not Path(path).is_file():
            raise OSError(f"{path}: could not write the picture")

    # -- mouse --------------------------------------------------------------------------

    def wheelEvent(self, event: Any) -> None:
        steps = event.angleDelta().y() / 120
        if not steps:
            return
        factor = 1.25**steps
        new_zoom = min(ZOOM_MAX, max(ZOOM_MIN, self.zoom * factor))
        p = event.position()
        ox, oy, side = self._frame(self.size())
        # Keep the point under the cursor where it is.
        ux = (p.x() - ox - self.pan.x()) / (side * self.zoom)
        uy = (p.y() - oy - self.pan.y()) / (side * self.zoom)
        self.zoom = new_zoom
        self.pan = QPointF(p.x() - ox - ux * side * new_zoom, p.y() - oy - uy * side * new_zoom)
        self.update()
        event.accept()

    def mousePressEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
            self._pan_start = QPointF(self.pan)

    def mouseMoveEvent(self, event: Any) -> None:
        p = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = p - self._press
            if self._dragged or abs(moved.x()) + abs(moved.y()) > 4:
                self._dragged = True
                self.pan = self._pan_start + moved
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
            return
        node = self.node_at(p)
        if node != self.hover:
            self.hover = node
            self.update()
            if node is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(
                    event.globalPosition().toPoint(), plain_tooltip(self._describe(node)), self
                )

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        self.unsetCursor()
        dragged, self._press = self._dragged, None
        if not dragged:
            node = self.node_at(event.position())
            if node is not None:
                self.node_clicked.emit(node)

    def mouseDoubleClickEvent(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.node_at(event.position()) is not None:
            return
        edge = self.edge_at(event.position())
        if edge is not None:
            self.edge_activated.emit(*edge)

    def leaveEvent(self, _event: object) -> None:
        if self.hover is not None:
            self.hover = None
            self.update()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.reset_view()
        else:
            super().keyPressEvent(event)

    def _describe(self, node: str) -> str:
        assert self.network is not None
        attrs = self.network.nodes[node]
        lines = [str(attrs["label"]), str(attrs.get("type", ""))]
        for key in ("role", "affiliation"):
            if attrs.get(key):
                lines.append(f"{key}: {attrs[key]}")
        if attrs.get("type") == "actor":
            lines.append(f"claims: {attrs.get('claims', 0)}")
        lines.append(f"links: {len(self.neighbours.get(node, ()))}")
        return "\n".join(lines)


class _Occupancy:
    """Rectangles already drawn, bucketed on a coarse grid so that asking whether a
    label would cover one stays cheap with hundreds of nodes."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[QRectF, str]]] = {}

    def _keys(self, rect: QRectF):
        c = self.CELL
        for x in range(int(rect.left() // c), int(rect.right() // c) + 1):
            for y in range(int(rect.top() // c), int(rect.bottom() // c) + 1):
                yield x, y

    def add(self, rect: QRectF, owner: str) -> None:
        for key in self._keys(rect):
            self.cells.setdefault(key, []).append((rect, owner))

    def hits(self, rect: QRectF, owner: str) -> bool:
        """Whether ``rect`` overlaps something that is not ``owner``'s own node."""
        for key in self._keys(rect):
            for other, who in self.cells.get(key, ()):
                if who != owner and rect.intersects(other):
                    return True
        return False


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p.x() - a.x(), p.y() - a.y())
    t = max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    return math.hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy)


# -- the control bar ------------------------------------------------------------------


class NetworkControls(QWidget):
    """Kind, stances that count, and a slider over the time windows."""

    kind_changed = Signal(str)
    stances_changed = Signal(list)
    slice_changed = Signal(int)
    save_picture = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(KIND_TITLES[kind], kind)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.kind_changed.emit(self.kind.currentData())
        )
        row.addWidget(self.kind)
        self.stance_boxes: dict[str, QCheckBox] = {}
        for stance in STANCE_ORDER:
            box = QCheckBox(stance)
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.stances_changed.emit(self.stances()))
            self.stance_boxes[stance] = box
            row.addWidget(box)
        row.addSpacing(12)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(140)
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self._slice_moved)
        row.addWidget(self.slider, 1)
        self.slice_label = QLabel()
        self.slice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.slice_label.setMinimumWidth(170)
        row.addWidget(self.slice_label)
        self.save = QToolButton()
        self.save.setText("Save picture…")
        self.save.clicked.connect(self.save_picture)
        row.addWidget(self.save)
        self.labels: list[str] = []
        self.set_slices([])

    def stances(self) -> list[str]:
        """The stances checked, in the usual order."""
        return [s for s, box in self.stance_boxes.items() if box.isChecked()]

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))

    def set_slices(self, labels: Sequence[str], index: int = 0) -> None:
        """The time windows to step through (``FROM/TO`` labels); none: all dates."""
        self.labels = list(labels)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(self.labels) - 1))
        self.slider.setValue(min(index, max(0, len(self.labels) - 1)))
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(self.labels) > 1)
        self._show_slice()

    def _slice_moved(self, index: int) -> None:
        self._show_slice()
        self.slice_changed.emit(index)

    def _show_slice(self) -> None:
        if not self.labels:
            self.slice_label.setText("all dates")
        else:
            i = self.slider.value()
            self.slice_label.setText(
                f"{self.labels[i].replace('/', ' – ')}  ({i + 1}/{len(self.labels)})"
            )


class NetworkView(QWidget):
    """The control bar above the drawing; the owner builds networks on its signals.

    Signals: ``node_clicked(node_id)``, ``edge_activated(source_id, target_id)``,
    ``kind_changed(kind)``, ``stances_changed(stances)``, ``slice_changed(index)``.
    """

    node_clicked = Signal(str)
    edge_activated = Signal(str, str)
    kind_changed = Signal(str)
    stances_changed = Signal(list)
    slice_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.controls = NetworkControls()
        self.canvas = NetworkCanvas()
        box.addWidget(self.controls)
        box.addWidget(self.canvas, 1)
        self.canvas.node_clicked.connect(self.node_clicked)
        self.canvas.edge_activated.connect(self.edge_activated)
        self.controls.kind_changed.connect(self.kind_changed)
        self.controls.stances_changed.connect(self.stances_changed)
        self.controls.slice_changed.connect(self.slice_changed)
        self.controls.save_picture.connect(self._ask_save_picture)

    @property
    def layout_ready(self) -> bool:
        return self.canvas.layout_ready

    def set_network(self, network: Network | None) -> None:
        """Draw ``network`` (its kind is shown in the bar without emitting a change)."""
        if network is not None:
            self.controls.kind.blockSignals(True)
            self.controls.set_kind(network.kind)
            self.controls.kind.blockSignals(False)
        self.canvas.set_network(network)

    def set_slices(self, labels: Sequence[str], index: int = 0) -> None:
        self.controls.set_slices(labels, index)

    def node_position(self, node_id: str) -> QPointF | None:
        """Where a node is drawn, in this widget's coordinates."""
        p = self.canvas.node_position(node_id)
        return None if p is None else self.canvas.mapTo(self, p)

    def export_png(self, path: str | Path) -> None:
        self.canvas.export_png(path)

    def export_svg(self, path: str | Path) -> None:
        self.canvas.export_svg(path)

    def _ask_save_picture(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save the network picture", "network.png", "PNG image (*.png);;SVG (*.svg)"
        )
        if not path:
            return
        try:
            if path.lower().endswith(".svg") or (chosen.startswith("SVG") and "." not in path):
                self.export_svg(path)
            else:
                self.export_png(path)
        except OSError as exc:
            QMessageBox.warning(self, "Save picture", str(exc))

"""The network drawn: force-directed layout, zoom (wheel), pan (drag), hover labels,
clicks, and export as PNG or SVG.

Reading the drawing: actors are circles, targets rounded squares, organisations
diamonds; a node's area follows its claims (targets and organisations: the
positions on them); an edge's width follows its weight. All names are drawn as
plain text.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from ...core.network import Network
from ..qt import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QLineF,
    QPainter,
    QPen,
    QPointF,
    QPolygonF,
    QRectF,
    QSize,
    QSvgGenerator,
    Qt,
    QToolTip,
    QWidget,
    Signal,
    plain_tooltip,
)
from .network_layout_job import JobSlot, LayoutJob, start_job
from .network_legend import legend_rect, paint_legend
from .network_style import (
    BACKGROUND,
    INK,
    LABEL_MAX_PX,
    MAX_RADIUS,
    MIN_RADIUS,
    MUTED,
    NODE_COLORS,
    ZOOM_MAX,
    ZOOM_MIN,
    edge_style,
    node_shape,
)


class NetworkCanvas(QWidget):
    """The network drawn with zoom (wheel), pan (drag), hover labels and clicks."""

    node_clicked = Signal(str)
    edge_activated = Signal(str, str)
    layout_finished = Signal()
    layout_progress = Signal(int, int)  # steps done, of total

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
        self._job: LayoutJob | None = None
        self._press: QPointF | None = None
        self._dragged = False
        self.label_font = QFont(self.font())
        self.label_font.setPointSizeF(max(8.0, self.label_font.pointSizeF() * 0.95))
        self.big_font = QFont(self.label_font)
        self.big_font.setBold(True)
        # Closing the view cancels its layout. The slot outlives the canvas, so the
        # handler needs nothing of the (by then deleted) widget.
        slot = self._slot = JobSlot()
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
        self._job = LayoutJob(self._generation, nodes, edges, initial)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_layout)
        self.progress = (0, 0)
        self._slot.job = self._job
        start_job(self._job)
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
            self.layout_progress.emit(done, total)

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
        paint_legend(painter, net, size, self.label_font)

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
        outline = QPen(BACKGROUND, 1.4)
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
        taken.add(legend_rect(net, size, self.label_font), "")  # drawn over the labels
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
                # Then beside the node a line up or down, clear of a neighbour's label.
                QRectF(c.x() + r, c.y() - r / 2 - h, w, h),
                QRectF(c.x() + r, c.y() + r / 2, w, h),
                QRectF(c.x() - r - w, c.y() - r / 2 - h, w, h),
                QRectF(c.x() - r - w, c.y() + r / 2, w, h),
            ]
            inside = [rect for rect in candidates if bounds.contains(rect)] or candidates
            rect = next((rect for rect in inside if not taken.hits(rect, n)), None)
            if rect is None:
                if not (n == hover or n in near or n in self.never_hidden):
                    continue
                # It must be shown: where it covers the least.
                rect = min(inside, key=lambda place: taken.overlap(place, n))
            taken.add(rect, n)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(INK)
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

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

    def overlap(self, rect: QRectF, owner: str) -> float:
        """How much of what is drawn (not ``owner``'s own node) ``rect`` covers."""
        seen: set[int] = set()
        area = 0.0
        for key in self._keys(rect):
            for other, who in self.cells.get(key, ()):
                if who != owner and id(other) not in seen and rect.intersects(other):
                    seen.add(id(other))
                    common = rect.intersected(other)
                    area += common.width() * common.height()
        return area

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

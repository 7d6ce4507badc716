"""The network drawing's legend: which shape is which node type, which line which
stance or relation."""

from __future__ import annotations

from ...core.network import STANCE_ORDER, Network
from ..qt import QColor, QFont, QFontMetrics, QPainter, QPen, QPointF, QPolygonF, QRectF, QSize, Qt
from .network_style import BACKGROUND, INK, NODE_COLORS, PANEL, RULE, edge_style, node_shape

Entry = tuple[str, str, QColor | None, bool]  # shape, text, colour, dashed


def legend_rect(net: Network, size: QSize, font: QFont) -> QRectF:
    """Where `paint_legend` draws the key (labels keep out of it)."""
    return _box(_entries(net), size, font)


def _box(entries: list[Entry], size: QSize, font: QFont) -> QRectF:
    metrics = QFontMetrics(font)
    row = metrics.height() + 4
    width = max(metrics.horizontalAdvance(e[1]) for e in entries) + 40
    return QRectF(8, size.height() - 8 - row * len(entries) - 8, width, row * len(entries) + 8)


def _entries(net: Network) -> list[Entry]:
    entries: list[Entry] = []
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
        entries.append(("line", "agree" if net.kind == "congruence" else "disagree", color, dashed))
    return entries


def paint_legend(painter: QPainter, net: Network, size: QSize, font: QFont) -> None:
    """The key to the shapes and line styles ``net`` uses, in the bottom-left corner."""
    entries = _entries(net)
    box = _box(entries, size, font)
    row = QFontMetrics(font).height() + 4
    width = box.width()
    back = QColor(PANEL)
    back.setAlpha(225)
    painter.setPen(QPen(RULE, 1))
    painter.setBrush(back)
    painter.drawRoundedRect(box, 4, 4)
    painter.setFont(font)
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
            painter.setPen(QPen(BACKGROUND, 1))
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

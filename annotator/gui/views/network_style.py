"""How the network view draws: the colours, shapes and sizes of nodes and edges.

Agreement is bluish green, conflict vermillion and dashed, so the two differ
without colour too (the hues stay apart under protanopia, deuteranopia and
tritanopia: tests check it).
"""

from __future__ import annotations

from typing import Any

from ..qt import QColor

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
# The page, text and panel colours, and the actor fill: shared objects recoloured in
# place by ``use_theme`` (the canvas and legend read them at each paint).
BACKGROUND = QColor("#fbfaf7")
INK = QColor("#1d1d1f")
MUTED = QColor("#6b6b70")
PANEL = QColor("#ffffff")
RULE = QColor("#dedad2")
# On the dark page the light theme's deep blue falls under 3:1; this lighter blue
# keeps the actor fill apart from the page and from the orange targets.
_ACTOR = {False: "#2f5d8c", True: "#6a9fd8"}


def use_theme(theme) -> None:
    """Recolour the network view for ``theme`` (a ``theme.Theme``)."""
    ui = theme.ui
    for color, value in (
        (BACKGROUND, ui["page"]),
        (INK, ui["ink"]),
        (MUTED, ui["muted"]),
        (PANEL, ui["base"]),
        (RULE, ui["border"]),
        (NODE_COLORS["actor"], _ACTOR[theme.dark]),
    ):
        color.setRgba(QColor(value).rgba())


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

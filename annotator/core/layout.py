"""Force-directed layout of a network, in pure Python, for the network view.

Fruchterman-Reingold (1991) with their grid variant for repulsion: nodes only push
away the nodes in neighbouring grid cells (within 2k), so one step costs about
O(nodes + edges) instead of O(nodes²). A weak pull toward the centre keeps
unconnected parts on the page. Positions come back in the unit square.

Deterministic: the same nodes, edges and seed give the same positions.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence

Position = tuple[float, float]
# Edges as (source, target, weight).
WeightedEdge = tuple[Hashable, Hashable, float]


class LayoutCancelled(Exception):
    """The caller's ``cancelled`` callback said stop; no positions were returned."""


def iterations_for(n: int) -> int:
    """Steps enough for ``n`` nodes to settle: fewer for big networks, which are
    dense anyway and would otherwise take seconds."""
    if n <= 100:
        return 150
    if n <= 300:
        return 60
    return max(25, int(60 * math.sqrt(300 / n)))


def force_layout(
    nodes: Sequence[Hashable],
    edges: Iterable[WeightedEdge],
    *,
    seed: int = 0,
    iterations: int | None = None,
    initial: Mapping[Hashable, Position] | None = None,
    margin: float = 0.04,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[Hashable, Position]:
    """Positions for ``nodes`` in the unit square, linked nodes near each other.

    Parameters:
        nodes: the node ids, in a fixed order (the order is part of the seed).
        edges: (source, target, weight); heavier edges pull harder (by 1 + ln weight).
            Edges naming unknown nodes and loops are ignored.
        seed: the random start; the same inputs and seed give the same result.
        iterations: steps of the simulation (default: `iterations_for`).
        initial: earlier positions (unit square) to start from, so that a network
            that changed a little (the next time window) keeps its shape.
        margin: empty border kept inside the square on each side.
        progress: called as ``progress(done, total)`` after each step.
        cancelled: asked before each step; when it returns True the layout stops.

    Raises:
        LayoutCancelled: ``cancelled()`` returned True.
    """
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    steps = iterations if iterations is not None else iterations_for(n)
    rng = random.Random(seed)

    # The simulation runs in a square of side `side`, where each node has about
    # k² of room; it is scaled into the unit square at the end.
    side = math.sqrt(n)
    k = side / math.sqrt(n)  # = 1: room per node
    xs, ys, warm = _start_positions(index, side, rng, initial)
    src, dst, pull = _springs(edges, index, n)

    temperature = side * (0.03 if warm else 0.1)
    cooling = temperature / (steps + 1)
    for step in range(steps):
        if cancelled is not None and cancelled():
            raise LayoutCancelled("layout cancelled")
        dx = [0.0] * n
        dy = [0.0] * n
        _repel(xs, ys, dx, dy, k, rng)
        _attract(xs, ys, dx, dy, src, dst, pull, k)
        _move(xs, ys, dx, dy, side / 2, k, temperature)
        temperature = max(temperature - cooling, side * 0.002)
        if progress is not None:
            progress(step + 1, steps)

    return _into_unit_square(nodes, xs, ys, margin)


def _start_positions(
    index: Mapping[Hashable, int],
    side: float,
    rng: random.Random,
    initial: Mapping[Hashable, Position] | None,
) -> tuple[list[float], list[float], bool]:
    """Random places in the ``side`` square, or the ``initial`` ones (scaled up and
    jiggled) where given; ``warm`` says whether any initial position was used."""
    n = len(index)
    # All random places are drawn first and then replaced where ``initial`` has one:
    # the order of the draws is part of what a seed gives, so it must not change.
    xs = [rng.uniform(0, side) for _ in range(n)]
    ys = [rng.uniform(0, side) for _ in range(n)]
    warm = False
    if initial:
        for node, (x, y) in initial.items():
            i = index.get(node)
            if i is not None:
                xs[i] = x * side + rng.uniform(-0.01, 0.01)
                ys[i] = y * side + rng.uniform(-0.01, 0.01)
                warm = True
    return xs, ys, warm


def _springs(
    edges: Iterable[WeightedEdge], index: Mapping[Hashable, int], n: int
) -> tuple[list[int], list[int], list[float]]:
    """The edges as parallel lists of node indices and pull strengths."""
    src: list[int] = []
    dst: list[int] = []
    pull: list[float] = []
    for a, b, w in edges:
        i, j = index.get(a), index.get(b)
        if i is None or j is None or i == j:
            continue
        src.append(i)
        dst.append(j)
        pull.append(1.0 + math.log(w) if w > 1 else 1.0)
    # Dense networks would pull into a ball far smaller than the room each node
    # needs, and the grid would then compare every pair: weaken the pull by the
    # mean degree so that the drawing keeps about k between neighbours.
    mean_degree = 2 * len(src) / n
    if mean_degree > 2:
        pull = [p / math.sqrt(mean_degree) for p in pull]
    return src, dst, pull


# Grid neighbours visited from each cell so that every pair is seen once.
_FORWARD = ((1, 0), (-1, 1), (0, 1), (1, 1))


def _repel(
    xs: list[float],
    ys: list[float],
    dx: list[float],
    dy: list[float],
    k: float,
    rng: random.Random,
) -> None:
    """Add to ``dx``/``dy`` the push (k²/d) between nodes closer than 2k, found by
    bucketing nodes into a grid of 2k cells (the grid variant of the algorithm)."""
    k2 = k * k
    reach = 2.0 * k
    reach2 = reach * reach
    grid: dict[tuple[int, int], list[int]] = {}
    for i in range(len(xs)):
        grid.setdefault((int(xs[i] // reach), int(ys[i] // reach)), []).append(i)
    for (cx, cy), members in grid.items():
        others_lists = [members]
        for ox, oy in _FORWARD:
            other = grid.get((cx + ox, cy + oy))
            if other:
                others_lists.append(other)
        for pos, i in enumerate(members):
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for li, others in enumerate(others_lists):
                for j in others[pos + 1 :] if li == 0 else others:
                    ddx = xi - xs[j]
                    ddy = yi - ys[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 >= reach2:
                        continue
                    if d2 < 1e-12:
                        # Two nodes on one spot: push apart in a seeded direction.
                        angle = rng.uniform(0, 2 * math.pi)
                        ddx, ddy, d2 = math.cos(angle) * 1e-3, math.sin(angle) * 1e-3, 1e-6
                    f = k2 / d2  # k²/d along the unit vector (ddx/d, ddy/d)
                    fx += ddx * f
                    fy += ddy * f
                    dx[j] -= ddx * f
                    dy[j] -= ddy * f
            dx[i] += fx
            dy[i] += fy


def _attract(
    xs: list[float],
    ys: list[float],
    dx: list[float],
    dy: list[float],
    src: list[int],
    dst: list[int],
    pull: list[float],
    k: float,
) -> None:
    """Add to ``dx``/``dy`` the pull (d²/k, times the edge's strength) along each edge."""
    for e in range(len(src)):
        i, j = src[e], dst[e]
        ddx = xs[i] - xs[j]
        ddy = ys[i] - ys[j]
        d = math.sqrt(ddx * ddx + ddy * ddy)
        f = d / k * pull[e]  # d²/k along the unit vector
        dx[i] -= ddx * f
        dy[i] -= ddy * f
        dx[j] += ddx * f
        dy[j] += ddy * f


_GRAVITY = 0.01


def _move(
    xs: list[float],
    ys: list[float],
    dx: list[float],
    dy: list[float],
    centre: float,
    k: float,
    temperature: float,
) -> None:
    """Move each node by its force plus a weak pull toward the centre, by at most
    ``temperature`` (the cooling schedule that lets the layout settle)."""
    for i in range(len(xs)):
        gx = centre - xs[i]
        gy = centre - ys[i]
        ddx = dx[i] + gx * _GRAVITY * k
        ddy = dy[i] + gy * _GRAVITY * k
        length = math.sqrt(ddx * ddx + ddy * ddy)
        if length > temperature:
            scale = temperature / length
            ddx *= scale
            ddy *= scale
        xs[i] += ddx
        ys[i] += ddy


def _into_unit_square(
    nodes: Sequence[Hashable], xs: list[float], ys: list[float], margin: float
) -> dict[Hashable, Position]:
    # One scale for both axes, so that the drawing keeps its proportions.
    lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
    span = max(hi_x - lo_x, hi_y - lo_y) or 1.0
    usable = 1.0 - 2 * margin
    scale = usable / span
    off_x = margin + (usable - (hi_x - lo_x) * scale) / 2
    off_y = margin + (usable - (hi_y - lo_y) * scale) / 2
    return {
        node: ((xs[i] - lo_x) * scale + off_x, (ys[i] - lo_y) * scale + off_y)
        for i, node in enumerate(nodes)
    }

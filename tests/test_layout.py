"""The force-directed layout of the network view: stable, inside the square, cancellable."""

import math
import random

import pytest

from annotator.core.layout import LayoutCancelled, force_layout


def random_graph(n=300, m=2000, seed=1):
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(n)]
    edges = set()
    while len(edges) < m:
        a, b = rng.sample(range(n), 2)
        edges.add((nodes[min(a, b)], nodes[max(a, b)], rng.randint(1, 4)))
    return nodes, sorted(edges)


def min_distance(positions):
    pts = list(positions.values())
    return min(math.dist(p, q) for i, p in enumerate(pts) for q in pts[i + 1 :])


def test_same_input_and_seed_give_the_same_positions_and_another_seed_others():
    nodes, edges = random_graph(120, 500)
    first = force_layout(nodes, edges, seed=4)
    assert force_layout(nodes, edges, seed=4) == first
    assert force_layout(nodes, edges, seed=5) != first


def test_300_nodes_and_2000_edges_land_inside_the_unit_square_apart():
    nodes, edges = random_graph()
    positions = force_layout(nodes, edges)
    assert set(positions) == set(nodes)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in positions.values())
    assert min_distance(positions) > 1e-3


def test_nodes_started_on_one_spot_are_pushed_apart():
    nodes = [f"n{i}" for i in range(12)]
    positions = force_layout(nodes, [], initial=dict.fromkeys(nodes, (0.5, 0.5)))
    assert min_distance(positions) > 0.01


def test_linked_nodes_end_nearer_each_other_than_unlinked_ones():
    # Two groups, each fully linked inside, no link between them.
    left = [f"l{i}" for i in range(8)]
    right = [f"r{i}" for i in range(8)]
    edges = [(a, b, 1) for group in (left, right) for a in group for b in group if a < b]
    positions = force_layout(left + right, edges, seed=2)

    def mean_distance(xs, ys):
        pairs = [(a, b) for a in xs for b in ys if a != b]
        return sum(math.dist(positions[a], positions[b]) for a, b in pairs) / len(pairs)

    inside = (mean_distance(left, left) + mean_distance(right, right)) / 2
    assert inside < 0.6 * mean_distance(left, right)


def test_cancel_stops_the_layout_and_progress_counts_the_steps():
    nodes, edges = random_graph(100, 300)
    seen = []
    with pytest.raises(LayoutCancelled):
        force_layout(
            nodes,
            edges,
            iterations=50,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 3,
        )
    assert seen == [(1, 50), (2, 50), (3, 50)]


def test_progress_reaches_the_total():
    nodes, edges = random_graph(30, 60)
    seen = []
    force_layout(nodes, edges, iterations=20, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (20, 20)
    assert len(seen) == 20


def test_a_warm_start_keeps_the_shape():
    nodes, edges = random_graph(80, 200)
    before = force_layout(nodes, edges)
    changed = [*edges, ("n1", "n2", 1)]

    def moved(after):
        return sum(math.dist(before[n], after[n]) for n in nodes) / len(nodes)

    # Another seed alone would scatter the nodes; the earlier positions hold them.
    assert moved(force_layout(nodes, changed, seed=9)) > 0.2
    assert moved(force_layout(nodes, changed, seed=9, initial=before)) < 0.1


def test_no_nodes_one_node_and_edges_to_unknown_nodes():
    assert force_layout([], []) == {}
    assert force_layout(["a"], [("a", "ghost", 1), ("a", "a", 3)]) == {"a": (0.5, 0.5)}

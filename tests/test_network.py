"""Discourse networks: weights on hand-computed examples, time slices, readable files."""

import datetime as dt
import io
import random
from itertools import combinations

import networkx as nx
import pytest

from annotator.core.network import (
    STANCE_ORDER as STANCES,
)
from annotator.core.network import (
    Actor,
    Network,
    Statement,
    build,
    time_slices,
)
from annotator.core.network_files import write_csv, write_gexf, write_graphml

ACTORS = {
    "ana": Actor("ana", "Ana Ruiz", role="minister", affiliation="Labour Party", claims=4),
    "ben": Actor("ben", "Ben Okafor", affiliation="Farmers' Union", claims=2),
    "cy": Actor("cy", "Cy Lam", kind="organisation", claims=1),
    "dee": Actor("dee", "Dee Park", affiliation="Labour Party"),
}


def s(speaker, target, stance, date=None):
    return Statement(speaker, "t-" + target, target, stance, date)


# Worked by hand:
#   ana: tax favor (twice: a repeated statement), tax against, port favor
#   ben: tax favor, port against
#   cy:  tax against, port neutral
#   dee: port mixed
STATEMENTS = [
    s("ana", "tax", "favor", "2024-01-01"),
    s("ana", "tax", "favor", "2024-01-03"),
    s("ana", "tax", "against", "2024-01-09"),
    s("ana", "port", "favor", "2024-01-10"),
    s("ben", "tax", "favor", "2024-01-02"),
    s("ben", "port", "against", "2024-01-12"),
    s("cy", "tax", "against", None),
    s("cy", "port", "neutral", "2024-01-04"),
    s("dee", "port", "mixed", "2024-01-05"),
]


def weights(net):
    labels = {k: v["label"] for k, v in net.nodes.items()}
    return {
        tuple(sorted((labels[e.source], labels[e.target])))
        if not net.directed
        else (
            labels[e.source],
            labels[e.target],
        ): e.weight
        for e in net.edges
    }


def test_actor_target_counts_every_position_and_picks_the_dominant_stance():
    net = build("actor-target", STATEMENTS, ACTORS)
    assert weights(net) == {
        ("Ana Ruiz", "tax"): 3,
        ("Ana Ruiz", "port"): 1,
        ("Ben Okafor", "tax"): 1,
        ("Ben Okafor", "port"): 1,
        ("Cy Lam", "tax"): 1,
        ("Cy Lam", "port"): 1,
        ("Dee Park", "port"): 1,
    }
    ana_tax = next(e for e in net.edges if e.source == "ana" and e.target == "t-tax")
    assert ana_tax.attrs == {"favor": 2, "against": 1, "neutral": 0, "mixed": 0, "stance": "favor"}
    assert net.nodes["ana"]["type"] == "actor"
    assert net.nodes["t-tax"]["type"] == "target"
    assert net.nodes["ana"]["claims"] == 4


def test_a_tie_between_stances_is_mixed():
    net = build("actor-target", [s("ana", "tax", "favor"), s("ana", "tax", "against")], ACTORS)
    assert net.edges[0].attrs["stance"] == "mixed"


def test_congruence_counts_shared_target_and_side_pairs():
    net = build("congruence", STATEMENTS, ACTORS)
    # tax: ana {favor, against}, ben {favor}, cy {against}
    #   ana-ben 1 (favor), ana-cy 1 (against), ben-cy 0
    # port: ana {favor}, ben {against}, cy {neutral}, dee {mixed}: nothing shared.
    assert weights(net) == {("Ana Ruiz", "Ben Okafor"): 1, ("Ana Ruiz", "Cy Lam"): 1}
    assert not net.directed


def test_conflict_counts_targets_with_opposite_sides():
    net = build("conflict", STATEMENTS, ACTORS)
    # tax: ana (favor and against) vs ben (favor): 1; ana vs cy (against): 1; ben vs cy: 1
    # port: ana favor vs ben against: 1 more for ana-ben.
    assert weights(net) == {
        ("Ana Ruiz", "Ben Okafor"): 2,
        ("Ana Ruiz", "Cy Lam"): 1,
        ("Ben Okafor", "Cy Lam"): 1,
    }


def test_stance_filter_and_minimum_weight():
    net = build("actor-target", STATEMENTS, ACTORS, stances=("favor",), min_weight=2)
    assert weights(net) == {("Ana Ruiz", "tax"): 2}


def test_affiliation_links_each_speaker_to_their_organisation_once():
    net = build("affiliation", STATEMENTS, ACTORS)
    assert weights(net) == {
        ("Ana Ruiz", "Labour Party"): 1,
        ("Ben Okafor", "Farmers' Union"): 1,
        ("Dee Park", "Labour Party"): 1,
    }
    org = [n for n in net.nodes.values() if n["type"] == "organisation"]
    assert sorted(n["label"] for n in org) == ["Farmers' Union", "Labour Party"]


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown network kind"):
        build("friendship", STATEMENTS, ACTORS)


def test_time_slices_are_even_windows_of_dated_statements():
    slices = time_slices(STATEMENTS, 7)
    assert [label for label, _ in slices] == ["2024-01-01/2024-01-07", "2024-01-08/2024-01-12"]
    assert [len(chosen) for _, chosen in slices] == [5, 3]  # cy's undated one is in none
    with pytest.raises(ValueError):
        time_slices(STATEMENTS, 0)


def test_networkx_reads_every_graph_of_a_sliced_graphml_file():
    nets = [
        build("actor-target", chosen, ACTORS, slice_label=label)
        for label, chosen in time_slices(STATEMENTS, 7)
    ]
    out = io.StringIO()
    write_graphml(nets, out)
    graphs = list(nx.readwrite.graphml.GraphMLReader()(string=out.getvalue().encode()))
    assert len(graphs) == 2
    first = graphs[0]
    assert first.is_directed()
    assert first.edges["ana", "t-tax"]["weight"] == 2.0
    assert first.nodes["ana"]["label"] == "Ana Ruiz"
    assert first.nodes["ana"]["claims"] == 4


@pytest.mark.parametrize("kind", ["actor-target", "congruence", "conflict", "affiliation"])
def test_networkx_reads_graphml_and_gexf_of_every_kind(kind):
    net = build(kind, STATEMENTS, ACTORS)
    out = io.StringIO()
    write_graphml([net], out)
    graph = nx.read_graphml(io.BytesIO(out.getvalue().encode()))
    assert graph.number_of_edges() == len(net.edges)
    assert sum(d["weight"] for *_, d in graph.edges(data=True)) == sum(e.weight for e in net.edges)
    gexf = io.StringIO()
    write_gexf(net, gexf)
    graph = nx.read_gexf(io.BytesIO(gexf.getvalue().encode()))
    assert graph.number_of_nodes() == len(net.nodes)
    assert graph.number_of_edges() == len(net.edges)


def test_hostile_labels_stay_text_in_graphml():
    actors = {"x": Actor("x", '<b>Big</b> & "Co"')}
    net = build("actor-target", [Statement("x", "t", "</graph>", "favor")], actors)
    out = io.StringIO()
    write_graphml([net], out)
    graph = nx.read_graphml(io.BytesIO(out.getvalue().encode()))
    assert graph.nodes["x"]["label"] == '<b>Big</b> & "Co"'
    assert graph.nodes["t"]["label"] == "</graph>"


def test_csv_is_an_edge_list_by_label_with_a_node_table_and_slices():
    nets = [
        build("conflict", chosen, ACTORS, slice_label=label)
        for label, chosen in time_slices(STATEMENTS, 7)
    ]
    edges, nodes = io.StringIO(), io.StringIO()
    write_csv(nets, edges, nodes)
    # Only the second week has a conflict: port, Ana in favour and Ben against.
    assert edges.getvalue().splitlines() == [
        "slice,source,target,weight,favor,against,neutral,mixed,stance",
        "2024-01-08/2024-01-12,Ana Ruiz,Ben Okafor,1,,,,,",
    ]
    assert nodes.getvalue().splitlines()[0] == "slice,id,label,type,kind,role,affiliation,claims"


def test_labels_with_quotes_newlines_and_markup_survive_graphml_and_gexf():
    name = 'Ann "The Axe"\n<Smith> & Sons\t'
    actors = {"x": Actor("x", name, affiliation="A & B <C>")}
    net = build("actor-target", [Statement("x", "t", "a 'target' & \"more\"", "favor")], actors)
    out = io.StringIO()
    write_graphml([net], out)
    graph = nx.read_graphml(io.BytesIO(out.getvalue().encode()))
    assert graph.nodes["x"]["label"] == name
    assert graph.nodes["x"]["affiliation"] == "A & B <C>"
    gexf = io.StringIO()
    write_gexf(net, gexf)
    graph = nx.read_gexf(io.BytesIO(gexf.getvalue().encode()))
    assert graph.nodes["x"]["label"] == name
    assert graph.nodes["t"]["label"] == "a 'target' & \"more\""


@pytest.mark.parametrize("seed", range(5))
def test_one_mode_weights_follow_the_definitions_on_random_positions(seed):
    rng = random.Random(seed)
    people = [f"p{i}" for i in range(9)]
    actors = {p: Actor(p, p.upper()) for p in people}
    statements = [
        Statement(rng.choice(people), f"t{rng.randrange(4)}", "t", rng.choice(STANCES))
        for _ in range(60)
    ]
    held = {}
    for s in statements:
        held.setdefault(s.speaker_id, {}).setdefault(s.target_id, set()).add(s.stance)
    sides = {"favor", "against"}
    for kind in ("congruence", "conflict"):
        expected = {}
        for a, b in combinations(sorted(held), 2):
            w = 0
            for t in set(held[a]) & set(held[b]):
                ha, hb = held[a][t], held[b][t]
                if kind == "congruence":
                    w += len(ha & hb & sides)
                else:
                    w += ("favor" in ha and "against" in hb) or ("against" in ha and "favor" in hb)
            if w:
                expected[a, b] = w
        got = {(e.source, e.target): e.weight for e in build(kind, statements, actors).edges}
        assert got == expected, kind


HOSTILE = ['Ann "The Axe", 100%', "Bo\nLine", "<Cy> & Co", "%d %s", "", "Dee, Jr."]


@pytest.mark.parametrize("kind", ["congruence", "conflict"])
def test_large_one_mode_networks_are_written_as_each_edge_one_by_one(kind):
    # Thousands of edges come as columns and are written a chunk at a time; the
    # files must be the very ones the edge-by-edge writer makes, labels and all.
    rng = random.Random(11)
    people = [f"p{i:03d}" for i in range(120)]
    actors = {p: Actor(p, f"{rng.choice(HOSTILE)} {p}", affiliation="A, B") for p in people}
    statements = [
        Statement(rng.choice(people), f"t{rng.randrange(9)}", "t", rng.choice(STANCES))
        for _ in range(900)
    ]
    slices = [build(kind, statements, actors, slice_label=f"week {i}, 50%") for i in (1, 2)]
    assert len(slices[0].edges) > 2000
    one_by_one = [Network(n.kind, n.nodes, list(n.edges), n.slice) for n in slices]
    for nets in (slices[:1], slices):
        fast, slow = io.StringIO(), io.StringIO()
        write_graphml(nets, fast)
        write_graphml(one_by_one[: len(nets)], slow)
        assert fast.getvalue() == slow.getvalue()
        fast_edges, fast_nodes, slow_edges, slow_nodes = (io.StringIO() for _ in range(4))
        write_csv(nets, fast_edges, fast_nodes)
        write_csv(one_by_one[: len(nets)], slow_edges, slow_nodes)
        assert fast_edges.getvalue() == slow_edges.getvalue()
    fast, slow = io.StringIO(), io.StringIO()
    write_gexf(slices[0], fast)
    write_gexf(one_by_one[0], slow)
    assert fast.getvalue() == slow.getvalue()
    graph = nx.read_graphml(io.BytesIO(fast_graphml(slices[0]).encode()))
    assert graph.number_of_edges() == len(slices[0].edges)


def fast_graphml(net):
    out = io.StringIO()
    write_graphml([net], out)
    return out.getvalue()


def test_minimum_weight_and_the_heaviest_edges_of_a_one_mode_network():
    net = build("conflict", STATEMENTS, ACTORS, min_weight=2)
    assert weights(net) == {("Ana Ruiz", "Ben Okafor"): 2}
    net = build("conflict", STATEMENTS, ACTORS)
    assert [(e.source, e.target, e.weight) for e in net.heaviest_edges(2)] == [
        ("ana", "ben", 2),
        ("ana", "cy", 1),
    ]
    assert net.edges[-1] == ("ben", "cy", 1, {})
    assert [e.weight for e in net.edges[1:]] == [1, 1]


def test_an_undated_article_counts_without_dates_and_in_no_date_range_or_window():
    from annotator.core.store import Store
    from annotator.core.store import queries as q

    store = Store(memory=True, annotator="ana")
    dated = store.add_article("The tax is fair, Ana said.", published="2024-03-01")
    undated = store.add_article("The port must wait, Ana said.")
    ana = store.add_speaker("Ana Ruiz")["id"]
    store.add_position(dated, speaker_id=ana, target="tax", stance="favor")
    store.add_position(undated, speaker_id=ana, target="port", stance="against")
    everything, _ = q.network_statements(store)
    assert [(s.target, s.date) for s in everything] == [
        ("tax", "2024-03-01"),
        ("port", None),  # its import day is not a date: last, and in no window
    ]
    assert [label for label, _ in time_slices(everything, 30)] == ["2024-03-01/2024-03-01"]
    today = dt.date.today().isoformat()
    ranged, _ = q.network_statements(store, q.NetworkFilter(date_from="2024-01-01", date_to=today))
    assert [s.target for s in ranged] == ["tax"]

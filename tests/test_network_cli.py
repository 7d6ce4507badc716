"""`annotator network`: the files it writes, read back by networkx, and its filters."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from annotator.cli import main
from annotator.core.store import Store

# Hand-worked (accepted positions only):
#   a1 2024-01-01 done: ana tax favor, ben tax favor, cy tax against
#   a2 2024-01-10 todo: ana port favor, ben port against
#   a3 2024-01-20 done: cy port favor; dee tax favor (a suggestion: left out);
#                       "a poll" tax against (a source that is no actor: left out)
KINDS = ("actor-target", "congruence", "conflict", "affiliation")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "net.db"
    store = Store(path)
    ana = store.add_speaker("Ana Ruiz", role="minister", affiliation="Labour Party", id="ana")
    ben = store.add_speaker("Ben Okafor", affiliation="Farmers' Union", id="ben")
    cy = store.add_speaker("Cy Lam", kind="organisation", id="cy")
    dee = store.add_speaker("Dee Park", id="dee")
    poll = store.add_speaker("a poll", kind="other", id="poll")
    a1 = store.add_article("Tax. " * 10, published="2024-01-01", status="done")
    a2 = store.add_article("Port. " * 10, published="2024-01-10")
    a3 = store.add_article("Both. " * 10, published="2024-01-20", status="done")
    span = store.add_span(a1, 0, 4, "claim")
    store.add_claim(a1, [span["id"]], speaker_id=ana["id"])
    for article, speaker, target, stance, status in (
        (a1, ana, "tax", "favor", "accepted"),
        (a1, ben, "tax", "favor", "accepted"),
        (a1, cy, "tax", "against", "accepted"),
        (a2, ana, "port", "favor", "accepted"),
        (a2, ben, "port", "against", "accepted"),
        (a3, cy, "port", "favor", "accepted"),
        (a3, dee, "tax", "favor", "suggested"),
        (a3, poll, "tax", "against", "accepted"),
    ):
        store.add_position(
            article, speaker_id=speaker["id"], target=target, stance=stance, status=status
        )
    store.close()
    return path


def network(db: Path, out: Path, *args: str) -> Path:
    assert main(["--db", str(db), "network", "-o", str(out), *args]) == 0
    return out


def labelled(graph: nx.Graph) -> dict[tuple[str, ...], float]:
    label = nx.get_node_attributes(graph, "label")

    def key(a: str, b: str) -> tuple[str, ...]:
        pair = (label[a], label[b])
        return pair if graph.is_directed() else tuple(sorted(pair))

    return {key(a, b): d["weight"] for a, b, d in graph.edges(data=True)}


EXPECTED = {
    "actor-target": {
        ("Ana Ruiz", "tax"): 1,
        ("Ben Okafor", "tax"): 1,
        ("Cy Lam", "tax"): 1,
        ("Ana Ruiz", "port"): 1,
        ("Ben Okafor", "port"): 1,
        ("Cy Lam", "port"): 1,
    },
    "congruence": {("Ana Ruiz", "Ben Okafor"): 1, ("Ana Ruiz", "Cy Lam"): 1},
    "conflict": {
        ("Ana Ruiz", "Ben Okafor"): 1,
        ("Ana Ruiz", "Cy Lam"): 1,
        ("Ben Okafor", "Cy Lam"): 2,
    },
    "affiliation": {("Ana Ruiz", "Labour Party"): 1, ("Ben Okafor", "Farmers' Union"): 1},
}


@pytest.mark.parametrize("kind", KINDS)
def test_networkx_reads_the_graphml_and_gexf_of_every_kind(db, tmp_path, kind):
    graph = nx.read_graphml(network(db, tmp_path / "n.graphml", "--kind", kind))
    assert labelled(graph) == EXPECTED[kind]
    gexf = nx.read_gexf(network(db, tmp_path / "n.gexf", "--kind", kind, "--format", "gexf"))
    assert labelled(gexf) == EXPECTED[kind]
    if kind != "affiliation":
        # Speaker ids are the node ids; the suggestion and the non-actor are left out.
        assert {"ana", "ben", "cy"} <= set(graph.nodes)
        assert not {"dee", "poll"} & set(graph.nodes)
        assert graph.nodes["ana"]["claims"] == 1
        assert graph.nodes["ana"]["role"] == "minister"


@pytest.mark.parametrize("kind", KINDS)
def test_csv_is_an_edge_list_by_label_with_its_nodes_beside_it(db, tmp_path, kind, capsys):
    out = network(db, tmp_path / "edges.csv", "--kind", kind, "--format", "csv")
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    graph = nx.DiGraph() if kind in ("actor-target", "affiliation") else nx.Graph()
    for row in rows:
        graph.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    found = {
        (a, b) if graph.is_directed() else tuple(sorted((a, b))): d["weight"]
        for a, b, d in graph.edges(data=True)
    }
    assert found == EXPECTED[kind]
    with (tmp_path / "edges-nodes.csv").open(encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    assert {n["label"] for n in nodes} == set(graph.nodes)
    assert "edges-nodes.csv" in capsys.readouterr().out


def test_article_status_and_dates_choose_the_positions(db, tmp_path):
    done = nx.read_graphml(
        network(db, tmp_path / "a.graphml", "--kind", "conflict", "--status", "done")
    )
    assert labelled(done) == {("Ana Ruiz", "Cy Lam"): 1, ("Ben Okafor", "Cy Lam"): 1}
    later = nx.read_graphml(
        network(db, tmp_path / "b.graphml", "--kind", "conflict", "--from", "2024-01-05")
    )
    assert labelled(later) == {("Ana Ruiz", "Ben Okafor"): 1, ("Ben Okafor", "Cy Lam"): 1}
    early = nx.read_graphml(
        network(db, tmp_path / "c.graphml", "--kind", "conflict", "--to", "2024-01-09")
    )
    assert labelled(early) == {("Ana Ruiz", "Cy Lam"): 1, ("Ben Okafor", "Cy Lam"): 1}


def test_stance_and_minimum_weight(db, tmp_path):
    favor = nx.read_graphml(network(db, tmp_path / "f.graphml", "--stance", "favor"))
    assert labelled(favor) == {
        ("Ana Ruiz", "tax"): 1,
        ("Ben Okafor", "tax"): 1,
        ("Ana Ruiz", "port"): 1,
        ("Cy Lam", "port"): 1,
    }
    heavy = nx.read_graphml(
        network(db, tmp_path / "h.graphml", "--kind", "conflict", "--min-weight", "2")
    )
    assert labelled(heavy) == {("Ben Okafor", "Cy Lam"): 2}


def test_window_writes_one_graph_per_time_slice(db, tmp_path):
    out = network(db, tmp_path / "w.graphml", "--kind", "conflict", "--window", "10")
    graphs = list(nx.readwrite.graphml.GraphMLReader()(path=str(out)))
    # 2024-01-01..10 holds a1 and a2; 2024-01-11..20 only a3 (Cy alone: no conflict).
    assert [labelled(g) for g in graphs] == [
        {("Ana Ruiz", "Ben Okafor"): 1, ("Ana Ruiz", "Cy Lam"): 1, ("Ben Okafor", "Cy Lam"): 1},
        {},
    ]
    sliced = network(
        db, tmp_path / "w.csv", "--kind", "conflict", "--window", "10", "--format", "csv"
    )
    with sliced.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["slice"] for r in rows} == {"2024-01-01/2024-01-10"}
    assert len(rows) == 3


def test_a_missing_database_is_refused_and_nothing_is_written(tmp_path, capsys):
    missing = tmp_path / "none.db"
    out = tmp_path / "n.graphml"
    assert main(["--db", str(missing), "network", "-o", str(out)]) == 1
    assert f"no database at {missing}" in capsys.readouterr().err
    assert not missing.exists() and not out.exists()


def test_graphml_to_standard_output(db, capsysbinary):
    assert main(["--db", str(db), "network", "--kind", "congruence"]) == 0
    graph = nx.parse_graphml(capsysbinary.readouterr().out.decode("utf-8"))
    assert labelled(graph) == EXPECTED["congruence"]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--format", "csv"], "give -o FILE.csv"),
        (["--format", "gexf", "--window", "7", "-o", "x.gexf"], "use graphml or csv"),
        (["--from", "2024-02-01", "--to", "2024-01-01"], "--from is after --to"),
    ],
)
def test_impossible_choices_are_one_line_and_exit_2(db, capsys, args, reason):
    assert main(["--db", str(db), "network", *args]) == 2
    assert reason in capsys.readouterr().err


def test_bad_option_values_are_usage_errors(db):
    for args in (["--stance", "maybe"], ["--from", "last week"], ["--window", "0"]):
        with pytest.raises(SystemExit) as exc:
            main(["--db", str(db), "network", *args])
        assert exc.value.code == 2


def test_annotator_chooses_layers(tmp_path, capsys):
    path = tmp_path / "layers.db"
    first = Store(path, annotator="kim")
    ana = first.add_speaker("Ana Ruiz", id="ana")["id"]
    ben = first.add_speaker("Ben Okafor", id="ben")["id"]
    aid = first.add_article("Tax. " * 10, published="2024-01-01")
    span = first.add_span(aid, 0, 4, "claim")
    first.add_claim(aid, [span["id"]], speaker_id=ana)
    first.add_position(aid, speaker_id=ana, target="tax", stance="favor")
    first.add_position(aid, speaker_id=ben, target="tax", stance="favor")
    first.close()
    second = Store(path, annotator="lee")
    second.add_position(aid, speaker_id=ana, target="tax", stance="against")
    second.add_position(aid, speaker_id=ben, target="tax", stance="against")
    second.close()

    def congruence(*layers: str) -> nx.Graph:
        args = [a for name in layers for a in ("--annotator", name)]
        out = tmp_path / f"{'-'.join(layers) or 'all'}.graphml"
        return nx.read_graphml(network(path, out, "--kind", "congruence", *args))

    # Each layer agrees once on its own; together Ana and Ben share favor and against.
    assert labelled(congruence("kim")) == {("Ana Ruiz", "Ben Okafor"): 1}
    assert labelled(congruence("lee")) == {("Ana Ruiz", "Ben Okafor"): 1}
    both = congruence("kim", "lee")
    assert labelled(both) == {("Ana Ruiz", "Ben Okafor"): 2}
    assert labelled(congruence()) == labelled(both)
    # Claims count in the chosen layers only.
    assert both.nodes["ana"]["claims"] == 1
    assert congruence("lee").nodes["ana"]["claims"] == 0
    assert labelled(congruence("nobody")) == {}
    # A layer without positions (a typo) is named, with the layers there are.
    err = capsys.readouterr().err
    assert (
        "--annotator nobody: no accepted positions in that layer (layers with some: kim, lee)"
        in err
    )
    assert "--annotator kim" not in err

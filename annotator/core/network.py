"""Discourse networks built from positions, and their GraphML, GEXF and CSV files.

A position is the statement network analysts code: an actor (speaker) takes a stance
on a target. From the chosen positions this module builds the networks of the
Discourse Network Analyzer tradition, with the exact definitions of ``docs/format.md``:

- ``actor-target`` (two-mode): speaker -> target, ``weight`` = positions, a count per
  stance, and ``stance`` = the most frequent (ties: ``mixed``);
- ``congruence`` (one-mode): weight(a, b) = the (target, stance) pairs, stance favor or
  against, that both hold;
- ``conflict`` (one-mode): weight(a, b) = the targets on which one holds favor and the
  other against;
- ``affiliation`` (two-mode): speaker -> organisation, weight 1.

Nothing here reads the database: the store hands over `Statement` and `Actor` rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import IO, Any

from .textio import squash_spaces

KINDS = ("actor-target", "congruence", "conflict", "affiliation")
STANCE_ORDER = ("favor", "against", "neutral", "mixed")
_SIDES = {"favor", "against"}


@dataclass(frozen=True)
class Actor:
    """A speaker as a node: ``claims`` counts their claims in the chosen layers."""

    id: str
    name: str
    kind: str = "person"
    role: str | None = None
    affiliation: str | None = None
    claims: int = 0


@dataclass(frozen=True)
class Statement:
    """One accepted position: who, on what (target id and text), which stance, when."""

    speaker_id: str
    target_id: str
    target: str
    stance: str
    date: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: int
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Network:
    """Nodes (id -> attributes) and edges of one network, for one time slice."""

    kind: str
    nodes: dict[str, dict[str, Any]]
    edges: list[Edge]
    slice: str = "all"

    @property
    def directed(self) -> bool:
        return self.kind in ("actor-target", "affiliation")


def build(
    kind: str,
    statements: Iterable[Statement],
    actors: dict[str, Actor],
    *,
    stances: Sequence[str] = STANCE_ORDER,
    min_weight: int = 1,
    slice_label: str = "all",
) -> Network:
    """Build one network of ``kind`` from ``statements``.

    Parameters:
        kind: one of `KINDS`.
        statements: the positions that count (already filtered by layer, status, date).
        actors: every speaker the statements name, by id.
        stances: the stances that count; statements with others are left out.
        min_weight: edges lighter than this are left out.
        slice_label: the name of the time slice, written into the files.

    Raises:
        ValueError: an unknown kind.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown network kind {kind!r}: choose one of {', '.join(KINDS)}")
    kept = [s for s in statements if s.stance in stances]
    if kind == "affiliation":
        nodes, edges = _affiliation(kept, actors)
    else:
        held: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        targets: dict[str, str] = {}
        for s in kept:
            held[s.speaker_id][s.target_id][s.stance] += 1
            targets[s.target_id] = s.target
        nodes = {a: _actor_node(actors[a]) for a in held}
        if kind == "actor-target":
            nodes.update({t: _target_node(name) for t, name in targets.items()})
            edges = _actor_target(held)
        else:
            edges = _one_mode(held, conflict=kind == "conflict")
    edges = [e for e in edges if e.weight >= min_weight and e.weight > 0]
    return Network(kind, nodes, edges, slice_label)


def _actor_node(actor: Actor) -> dict[str, Any]:
    return {
        "label": actor.name,
        "type": "actor",
        "kind": actor.kind,
        "role": actor.role or "",
        "affiliation": actor.affiliation or "",
        "claims": actor.claims,
    }


def _target_node(name: str) -> dict[str, Any]:
    return {"label": name, "type": "target", "kind": "target"}


def _actor_target(held: dict[str, dict[str, Counter[str]]]) -> list[Edge]:
    edges = []
    for speaker, per_target in held.items():
        for target, counts in per_target.items():
            attrs: dict[str, Any] = {s: counts.get(s, 0) for s in STANCE_ORDER}
            top = max(counts.values())
            winners = [s for s in STANCE_ORDER if counts.get(s, 0) == top]
            attrs["stance"] = winners[0] if len(winners) == 1 else "mixed"
            edges.append(Edge(speaker, target, sum(counts.values()), attrs))
    return edges


def _one_mode(held: dict[str, dict[str, Counter[str]]], *, conflict: bool) -> list[Edge]:
    # Only pairs that share a target can have an edge: index speakers by target.
    by_target: dict[str, list[str]] = defaultdict(list)
    for speaker, per_target in held.items():
        for target in per_target:
            by_target[target].append(speaker)
    weights: Counter[tuple[str, str]] = Counter()
    for target, speakers in by_target.items():
        for a, b in combinations(sorted(speakers), 2):
            sa = set(held[a][target]) & _SIDES
            sb = set(held[b][target]) & _SIDES
            if conflict:
                opposed = ("favor" in sa and "against" in sb) or ("against" in sa and "favor" in sb)
                weights[a, b] += int(opposed)
            else:
                weights[a, b] += len(sa & sb)
    return [Edge(a, b, w) for (a, b), w in sorted(weights.items())]


def _affiliation(
    statements: list[Statement], actors: dict[str, Actor]
) -> tuple[dict[str, dict[str, Any]], list[Edge]]:
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for speaker_id in dict.fromkeys(s.speaker_id for s in statements):
        actor = actors[speaker_id]
        if not actor.affiliation:
            continue
        org = organisation_id(actor.affiliation)
        nodes[speaker_id] = _actor_node(actor)
        nodes[org] = {"label": actor.affiliation, "type": "organisation", "kind": "organisation"}
        edges.append(Edge(speaker_id, org, 1))
    return nodes, edges


def organisation_id(name: str) -> str:
    """A stable node id for an organisation known only by its name."""
    return "organisation:" + squash_spaces(name.casefold())


def time_slices(
    statements: Sequence[Statement], days: int, *, start: str | None = None, end: str | None = None
) -> list[tuple[str, list[Statement]]]:
    """Split dated statements into consecutive windows of ``days`` days.

    The first window starts at ``start`` (default: the earliest date). Undated
    statements belong to no window. Each slice is named ``FROM/TO`` (ISO dates, both
    inclusive); windows with no statement are kept, so that slices stay evenly spaced.

    Raises:
        ValueError: ``days`` below 1.
    """
    if days < 1:
        raise ValueError("a time window is at least 1 day")
    dated = [(dt.date.fromisoformat(s.date[:10]), s) for s in statements if s.date]
    if not dated:
        return []
    first = dt.date.fromisoformat(start) if start else min(d for d, _ in dated)
    last = dt.date.fromisoformat(end) if end else max(d for d, _ in dated)
    step = dt.timedelta(days=days)
    slices = []
    lo = first
    while lo <= last:
        hi = min(lo + step - dt.timedelta(days=1), last)
        chosen = [s for d, s in dated if lo <= d <= hi]
        slices.append((f"{lo.isoformat()}/{hi.isoformat()}", chosen))
        lo += step
    return slices


# -- files -------------------------------------------------------------------------

_NODE_KEYS = (
    ("label", "string"),
    ("type", "string"),
    ("kind", "string"),
    ("role", "string"),
    ("affiliation", "string"),
    ("claims", "int"),
)
_EDGE_KEYS = (("weight", "double"), *((s, "int") for s in STANCE_ORDER), ("stance", "string"))


def write_graphml(networks: Sequence[Network], out: IO[bytes]) -> None:
    """Write the networks as GraphML, one ``<graph>`` per time slice.

    The keys are declared once with their types, so that networkx, Gephi and visone
    read ``weight`` as a number and ``claims`` as an integer.
    """
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for name, kind in _NODE_KEYS:
        ET.SubElement(
            root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind}
        )
    for name, kind in _EDGE_KEYS:
        key = "e_" + name
        ET.SubElement(root, "key", {"id": key, "for": "edge", "attr.name": name, "attr.type": kind})
    for net in networks:
        graph = ET.SubElement(
            root,
            "graph",
            {
                "id": f"{net.kind} {net.slice}",
                "edgedefault": "directed" if net.directed else "undirected",
            },
        )
        for node_id, attrs in net.nodes.items():
            node = ET.SubElement(graph, "node", {"id": node_id})
            for key, _ in _NODE_KEYS:
                if key in attrs:
                    ET.SubElement(node, "data", {"key": key}).text = str(attrs[key])
        for i, edge in enumerate(net.edges):
            el = ET.SubElement(
                graph, "edge", {"id": f"e{i}", "source": edge.source, "target": edge.target}
            )
            ET.SubElement(el, "data", {"key": "e_weight"}).text = str(edge.weight)
            for key, value in edge.attrs.items():
                ET.SubElement(el, "data", {"key": "e_" + key}).text = str(value)
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)


def write_gexf(network: Network, out: IO[bytes]) -> None:
    """Write one network as GEXF 1.2 (Gephi's own format; networkx reads it too)."""
    root = ET.Element("gexf", {"xmlns": "http://www.gexf.net/1.2draft", "version": "1.2"})
    graph = ET.SubElement(
        root,
        "graph",
        {"defaultedgetype": "directed" if network.directed else "undirected", "mode": "static"},
    )
    node_attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    for i, (name, kind) in enumerate(_NODE_KEYS[1:]):
        gexf_type = "integer" if kind == "int" else kind
        ET.SubElement(node_attrs, "attribute", {"id": str(i), "title": name, "type": gexf_type})
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge"})
    for i, (name, kind) in enumerate(_EDGE_KEYS[1:]):
        gexf_type = "integer" if kind == "int" else kind
        ET.SubElement(edge_attrs, "attribute", {"id": str(i), "title": name, "type": gexf_type})
    nodes = ET.SubElement(graph, "nodes")
    for node_id, attrs in network.nodes.items():
        node = ET.SubElement(nodes, "node", {"id": node_id, "label": str(attrs["label"])})
        values = ET.SubElement(node, "attvalues")
        for i, (name, _) in enumerate(_NODE_KEYS[1:]):
            if name in attrs:
                ET.SubElement(values, "attvalue", {"for": str(i), "value": str(attrs[name])})
    edges = ET.SubElement(graph, "edges")
    for n, edge in enumerate(network.edges):
        el = ET.SubElement(
            edges,
            "edge",
            {
                "id": str(n),
                "source": edge.source,
                "target": edge.target,
                "weight": str(edge.weight),
            },
        )
        if edge.attrs:
            values = ET.SubElement(el, "attvalues")
            for i, (name, _) in enumerate(_EDGE_KEYS[1:]):
                if name in edge.attrs:
                    ET.SubElement(
                        values, "attvalue", {"for": str(i), "value": str(edge.attrs[name])}
                    )
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)


def write_csv(networks: Sequence[Network], edges_out: IO[str], nodes_out: IO[str]) -> None:
    """Write an edge list (labels as source and target) and the node table beside it.

    With several time slices both tables get a ``slice`` column.
    """
    sliced = len(networks) > 1
    edge_cols = ["source", "target", "weight", *(s for s in STANCE_ORDER), "stance"]
    node_cols = ["id", *(k for k, _ in _NODE_KEYS)]
    if sliced:
        edge_cols.insert(0, "slice")
        node_cols.insert(0, "slice")
    edges = csv.DictWriter(edges_out, edge_cols, extrasaction="ignore", lineterminator="\n")
    nodes = csv.DictWriter(nodes_out, node_cols, extrasaction="ignore", lineterminator="\n")
    edges.writeheader()
    nodes.writeheader()
    for net in networks:
        for node_id, attrs in net.nodes.items():
            nodes.writerow({"slice": net.slice, "id": node_id, **attrs})
        for edge in net.edges:
            edges.writerow(
                {
                    "slice": net.slice,
                    "source": net.nodes[edge.source]["label"],
                    "target": net.nodes[edge.target]["label"],
                    "weight": edge.weight,
                    **edge.attrs,
                }
            )

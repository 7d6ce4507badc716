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
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, repeat
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, NamedTuple

from .exporting import atomic_output
from .textio import squash_spaces

KINDS = ("actor-target", "congruence", "conflict", "affiliation")
FORMATS = ("graphml", "gexf", "csv")
STANCE_ORDER = ("favor", "against", "neutral", "mixed")
_NO_ATTRS: Mapping[str, Any] = MappingProxyType({})


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


class Edge(NamedTuple):
    """One edge; a tuple, as one-mode networks of a large corpus have millions."""

    source: str
    target: str
    weight: int
    attrs: Mapping[str, Any] = _NO_ATTRS


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
        # Counted in C first: far fewer (speaker, target, stance) triples than positions.
        triples = Counter(map(attrgetter("speaker_id", "target_id", "stance"), kept))
        targets = dict(map(attrgetter("target_id", "target"), kept))
        held: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        for (speaker, target, stance), n in triples.items():
            held[speaker][target][stance] = n
        nodes = {a: _actor_node(actors[a]) for a in held}
        if kind == "actor-target":
            nodes.update({t: _target_node(name) for t, name in targets.items()})
            edges = _actor_target(held)
        else:
            edges = _one_mode(held, conflict=kind == "conflict", min_weight=min_weight)
    if min_weight > 1 and kind in ("actor-target", "affiliation"):
        edges = [e for e in edges if e.weight >= min_weight]
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


def _one_mode(
    held: dict[str, dict[str, Counter[str]]], *, conflict: bool, min_weight: int
) -> list[Edge]:
    # Pairs are counted by Counter over itertools' pair generators (loops in C): for
    # each target the speakers holding favor (F) and against (A), as integers.
    ids = sorted(held)
    favor: dict[str, list[int]] = defaultdict(list)
    against: dict[str, list[int]] = defaultdict(list)
    for i, speaker in enumerate(ids):
        for target, counts in held[speaker].items():
            if counts.get("favor"):
                favor[target].append(i)
            if counts.get("against"):
                against[target].append(i)
    weights: Counter[tuple[int, int]] = Counter()
    if not conflict:
        # Each shared (target, side) adds 1 to the pair.
        for group in (*favor.values(), *against.values()):
            weights.update(combinations(group, 2))
    else:
        # On one target the opposed pairs are, without overlap: favor-only x
        # against-only, both-sides x either-only, and pairs within both-sides.
        for target, f in favor.items():
            a = against.get(target)
            if not a:
                continue
            f_set, a_set = set(f), set(a)
            both = sorted(f_set & a_set)
            only_f, only_a = sorted(f_set - a_set), sorted(a_set - f_set)
            _count_across(weights, only_f, only_a)
            _count_across(weights, both, sorted(only_f + only_a))
            weights.update(combinations(both, 2))
    # Millions of edges: tuple.__new__ skips the NamedTuple's Python-level __new__.
    new, least = tuple.__new__, max(1, min_weight)
    return [
        new(Edge, (ids[a], ids[b], w, _NO_ATTRS)) for (a, b), w in weights.items() if w >= least
    ]


def _count_across(weights: Counter[tuple[int, int]], xs: list[int], ys: list[int]) -> None:
    """Add 1 to every pair (x, y) of two disjoint sorted lists, keyed (smaller, larger)."""
    if not xs or not ys:
        return
    for x in xs:
        cut = bisect_left(ys, x)
        weights.update(zip(ys[:cut], repeat(x)))
        weights.update(zip(repeat(x), ys[cut:]))


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
# Written as strings, a chunk of lines at a time: one-mode networks of a large corpus
# have millions of edges, too many for an element tree in memory.

_NODE_KEYS = (
    ("label", "string"),
    ("type", "string"),
    ("kind", "string"),
    ("role", "string"),
    ("affiliation", "string"),
    ("claims", "int"),
)
_EDGE_KEYS = (("weight", "double"), *((s, "int") for s in STANCE_ORDER), ("stance", "string"))
_CHUNK = 20_000


def _write_lines(out: IO[str], lines: Iterable[str]) -> None:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= _CHUNK:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))


# What xml.sax.saxutils.escape and quoteattr do, written out: importing xml.sax pulls
# in urllib.request, socket and ssl, and Annotator loads no network library.
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


def _text(value: Any) -> str:
    return str(value).translate(_TEXT)


def _attr(value: Any) -> str:
    return '"' + str(value).translate(_ATTR) + '"'


def write_graphml(networks: Sequence[Network], out: IO[str]) -> None:
    """Write the networks as GraphML (UTF-8 text), one ``<graph>`` per time slice.

    The keys are declared once with their types, so that networkx, Gephi and visone
    read ``weight`` as a number and ``claims`` as an integer.
    """
    _write_lines(out, _graphml_lines(networks))


def _graphml_lines(networks: Sequence[Network]) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    for name, kind in _NODE_KEYS:
        yield f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}" />\n'
    for name, kind in _EDGE_KEYS:
        yield f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}" />\n'
    for net in networks:
        default = "directed" if net.directed else "undirected"
        yield f'  <graph id={_attr(f"{net.kind} {net.slice}")} edgedefault="{default}">\n'
        ids = {node_id: _attr(node_id) for node_id in net.nodes}
        for node_id, attrs in net.nodes.items():
            data = "".join(
                f'<data key="{key}">{_text(attrs[key])}</data>'
                for key, _ in _NODE_KEYS
                if key in attrs
            )
            yield f"    <node id={ids[node_id]}>{data}</node>\n"
        for i, (source, target, weight, attrs) in enumerate(net.edges):
            # Edge attributes are counts and stance names: nothing to escape.
            extra = "".join(f'<data key="e_{key}">{value}</data>' for key, value in attrs.items())
            yield (
                f'    <edge id="e{i}" source={ids[source]} target={ids[target]}>'
                f'<data key="e_weight">{weight}</data>{extra}</edge>\n'
            )
        yield "  </graph>\n"
    yield "</graphml>\n"


def write_gexf(network: Network, out: IO[str]) -> None:
    """Write one network as GEXF 1.2 (Gephi's own format; networkx reads it too)."""
    _write_lines(out, _gexf_lines(network))


def _gexf_lines(network: Network) -> Iterator[str]:
    default = "directed" if network.directed else "undirected"
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
    yield f'  <graph defaultedgetype="{default}" mode="static">\n'
    for cls, keys in (("node", _NODE_KEYS[1:]), ("edge", _EDGE_KEYS[1:])):
        yield f'    <attributes class="{cls}">\n'
        for i, (name, kind) in enumerate(keys):
            gexf_type = "integer" if kind == "int" else kind
            yield f'      <attribute id="{i}" title="{name}" type="{gexf_type}" />\n'
        yield "    </attributes>\n"
    yield "    <nodes>\n"
    ids = {node_id: _attr(node_id) for node_id in network.nodes}
    for node_id, attrs in network.nodes.items():
        values = "".join(
            f'<attvalue for="{i}" value={_attr(attrs[name])} />'
            for i, (name, _) in enumerate(_NODE_KEYS[1:])
            if name in attrs
        )
        yield (
            f"      <node id={ids[node_id]} label={_attr(attrs['label'])}>"
            f"<attvalues>{values}</attvalues></node>\n"
        )
    yield "    </nodes>\n    <edges>\n"
    edge_index = {name: i for i, (name, _) in enumerate(_EDGE_KEYS[1:])}
    for n, (source, target, weight, attrs) in enumerate(network.edges):
        head = f'      <edge id="{n}" source={ids[source]} target={ids[target]} weight="{weight}"'
        if attrs:
            values = "".join(
                f'<attvalue for="{edge_index[k]}" value="{v}" />' for k, v in attrs.items()
            )
            yield f"{head}><attvalues>{values}</attvalues></edge>\n"
        else:
            yield f"{head} />\n"
    yield "    </edges>\n  </graph>\n</gexf>\n"


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
    edges = csv.writer(edges_out, lineterminator="\n")
    nodes = csv.writer(nodes_out, lineterminator="\n")
    edges.writerow(edge_cols)
    nodes.writerow(node_cols)
    lead = edge_cols[: 3 + sliced]
    for net in networks:
        first = [net.slice] if sliced else []
        nodes.writerows(
            [*first, node_id, *(attrs.get(k, "") for k, _ in _NODE_KEYS)]
            for node_id, attrs in net.nodes.items()
        )
        labels = {node_id: attrs["label"] for node_id, attrs in net.nodes.items()}
        stance_cols = edge_cols[len(lead) :]
        blank = [""] * len(stance_cols)
        edges.writerows(
            [
                *first,
                labels[source],
                labels[target],
                weight,
                *([attrs.get(k, "") for k in stance_cols] if attrs else blank),
            ]
            for source, target, weight, attrs in net.edges
        )


def nodes_path(edges_path: str | Path) -> Path:
    """Where the node table of a CSV edge list goes: ``net.csv`` -> ``net-nodes.csv``."""
    path = Path(edges_path)
    return path.with_name(f"{path.stem}-nodes{path.suffix or '.csv'}")


def save(networks: Sequence[Network], fmt: str, output: str | Path) -> None:
    """Write ``networks`` (time slices, or one) as ``fmt`` to ``output`` ("-": stdout).

    Each file replaces an existing one only once complete. GEXF holds the first
    network only; CSV writes the node table to `nodes_path` beside the edges.

    Raises:
        ValueError: an unknown format.
        AnnotatorError: the output is a folder or cannot be written.
    """
    if fmt == "csv":
        with atomic_output(output) as edges, atomic_output(nodes_path(output)) as nodes:
            write_csv(networks, edges, nodes)
    elif fmt == "gexf":
        with atomic_output(output) as out:
            write_gexf(networks[0], out)
    elif fmt == "graphml":
        with atomic_output(output) as out:
            write_graphml(networks, out)
    else:
        raise ValueError(f"unknown network format {fmt!r}: choose one of {', '.join(FORMATS)}")

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
The files are written by `network_files`; the one-mode weights are computed by
`network_weights` (sparse matrix products).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from types import MappingProxyType
from typing import Any, NamedTuple, overload

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


class EdgeTable(Sequence[Edge]):
    """Edges without attributes kept as columns: ``ids`` (node ids) indexed by the
    numpy arrays ``source`` and ``target``, and ``weight``.

    A one-mode network of a large corpus has millions of edges: a tuple each would
    cost more than computing them. Read as a sequence it gives `Edge` tuples.
    """

    __slots__ = ("ids", "source", "target", "weight")

    def __init__(self, ids: Sequence[str], source: Any, target: Any, weight: Any) -> None:
        self.ids = ids
        self.source = source
        self.target = target
        self.weight = weight

    def __len__(self) -> int:
        return len(self.weight)

    @overload
    def __getitem__(self, index: int) -> Edge: ...
    @overload
    def __getitem__(self, index: slice) -> list[Edge]: ...
    def __getitem__(self, index: int | slice) -> Edge | list[Edge]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        source, target = self.ids[self.source[index]], self.ids[self.target[index]]
        return Edge(source, target, int(self.weight[index]))

    def __iter__(self) -> Iterator[Edge]:
        ids, new = self.ids, tuple.__new__
        columns = (self.source.tolist(), self.target.tolist(), self.weight.tolist())
        for s, t, w in zip(*columns, strict=True):
            yield new(Edge, (ids[s], ids[t], w, _NO_ATTRS))

    def heaviest(self, n: int) -> list[Edge]:
        """The ``n`` heaviest edges, heaviest first (ties in table order)."""
        import numpy as np

        order = np.argsort(-self.weight, kind="stable")[:n]
        return [self[int(i)] for i in order]


@dataclass
class Network:
    """Nodes (id -> attributes) and edges of one network, for one time slice."""

    kind: str
    nodes: dict[str, dict[str, Any]]
    edges: Sequence[Edge]
    slice: str = "all"

    @property
    def directed(self) -> bool:
        return self.kind in ("actor-target", "affiliation")

    def heaviest_edges(self, n: int) -> list[Edge]:
        """The ``n`` heaviest edges, heaviest first (ties in the network's order)."""
        if isinstance(self.edges, EdgeTable):
            return self.edges.heaviest(n)
        return heapq.nsmallest(n, self.edges, key=lambda e: -e.weight)


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
        speakers = dict.fromkeys(speaker for speaker, _, _ in triples)
        nodes = {a: _actor_node(actors[a]) for a in speakers}
        if kind == "actor-target":
            targets = dict(map(attrgetter("target_id", "target"), kept))
            nodes.update({t: _target_node(name) for t, name in targets.items()})
            edges = _actor_target(triples)
        else:
            edges = _one_mode(triples, conflict=kind == "conflict", min_weight=min_weight)
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


def _actor_target(triples: Counter[tuple[str, str, str]]) -> list[Edge]:
    held: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for (speaker, target, stance), n in triples.items():
        held[speaker, target][stance] = n
    edges = []
    for (speaker, target), counts in held.items():
        attrs: dict[str, Any] = {s: counts.get(s, 0) for s in STANCE_ORDER}
        top = max(counts.values())
        winners = [s for s in STANCE_ORDER if counts.get(s, 0) == top]
        attrs["stance"] = winners[0] if len(winners) == 1 else "mixed"
        edges.append(Edge(speaker, target, sum(counts.values()), attrs))
    return edges


def _one_mode(
    triples: Iterable[tuple[str, str, str]], *, conflict: bool, min_weight: int
) -> EdgeTable:
    # Imported here: numpy and scipy load only when a one-mode network is built.
    from .network_weights import AGAINST, FAVOR, one_mode_weights

    code = {"favor": FAVOR, "against": AGAINST}
    held = [(sp, t, code[stance]) for sp, t, stance in triples if stance in code]
    ids = sorted({sp for sp, _, _ in held})
    index = {sp: i for i, sp in enumerate(ids)}
    target_index: dict[str, int] = {}
    source, target, weight = one_mode_weights(
        [index[sp] for sp, _, _ in held],
        [target_index.setdefault(t, len(target_index)) for _, t, _ in held],
        [side for _, _, side in held],
        len(ids),
        conflict=conflict,
        min_weight=min_weight,
    )
    return EdgeTable(ids, source, target, weight)


def edge_evidence(
    kind: str, statements: Iterable[Statement], a: str, b: str
) -> set[tuple[str, str]]:
    """The (target id, stance) pairs behind the one-mode edge of speakers ``a`` and
    ``b``: congruence, the sides both hold; conflict, favor and against on each
    target where one holds favor and the other against. Both speakers' positions
    with these pairs are the statements behind the edge."""
    held: dict[str, dict[str, set[str]]] = {a: defaultdict(set), b: defaultdict(set)}
    for s in statements:
        if s.speaker_id in held and s.stance in ("favor", "against"):
            held[s.speaker_id][s.target_id].add(s.stance)
    pairs: set[tuple[str, str]] = set()
    for target in held[a].keys() & held[b].keys():
        mine, theirs = held[a][target], held[b][target]
        if kind == "congruence":
            pairs.update((target, stance) for stance in mine & theirs)
        elif ("favor" in mine and "against" in theirs) or ("against" in mine and "favor" in theirs):
            pairs.update({(target, "favor"), (target, "against")})
    return pairs


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

"""Discourse networks written as GraphML, GEXF and CSV (annotator.core.network).

Written as strings, a chunk of lines at a time: one-mode networks of a large corpus
have millions of edges, too many for an element tree in memory. Those come as an
`EdgeTable` (columns), and their lines are formatted a chunk at a time by
``str %`` in C, a few Python calls per thousand edges.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .exporting import atomic_output
from .network import FORMATS, STANCE_ORDER, EdgeTable, Network

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


def _table_lines(
    table: EdgeTable, node_text: dict[str, str], line: str, *, numbered: bool
) -> Iterator[str]:
    """``line % (number, source, target, weight)`` for every edge of ``table``, a
    chunk at a time; ``node_text`` gives each node id as written (quoted, escaped).
    Without ``numbered`` the line takes (source, target, weight)."""
    import numpy as np

    texts = np.array([node_text[node_id] for node_id in table.ids], dtype=object)
    first = 1 if numbered else 0
    for lo in range(0, len(table), _CHUNK):
        hi = min(lo + _CHUNK, len(table))
        # One row of format arguments per edge, flattened: one `%` call per chunk.
        args = np.empty((hi - lo, first + 3), dtype=object)
        if numbered:
            args[:, 0] = range(lo, hi)
        args[:, first] = texts[table.source[lo:hi]]
        args[:, first + 1] = texts[table.target[lo:hi]]
        args[:, first + 2] = table.weight[lo:hi]
        yield (line * (hi - lo)) % tuple(args.ravel().tolist())


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
        if isinstance(net.edges, EdgeTable):
            line = '    <edge id="e%d" source=%s target=%s><data key="e_weight">%d</data></edge>\n'
            yield from _table_lines(net.edges, ids, line, numbered=True)
        for i, (source, target, weight, attrs) in enumerate(_listed(net)):
            # Edge attributes are counts and stance names: nothing to escape.
            extra = "".join(f'<data key="e_{key}">{value}</data>' for key, value in attrs.items())
            yield (
                f'    <edge id="e{i}" source={ids[source]} target={ids[target]}>'
                f'<data key="e_weight">{weight}</data>{extra}</edge>\n'
            )
        yield "  </graph>\n"
    yield "</graphml>\n"


def _listed(net: Network) -> Sequence:
    """The edges to write one by one: none when they come as a table."""
    return () if isinstance(net.edges, EdgeTable) else net.edges


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
    if isinstance(network.edges, EdgeTable):
        line = '      <edge id="%d" source=%s target=%s weight="%d" />\n'
        yield from _table_lines(network.edges, ids, line, numbered=True)
    edge_index = {name: i for i, (name, _) in enumerate(_EDGE_KEYS[1:])}
    for n, (source, target, weight, attrs) in enumerate(_listed(network)):
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
    stance_cols = edge_cols[len(lead) :]
    blank = [""] * len(stance_cols)
    for net in networks:
        first = [net.slice] if sliced else []
        nodes.writerows(
            [*first, node_id, *(attrs.get(k, "") for k, _ in _NODE_KEYS)]
            for node_id, attrs in net.nodes.items()
        )
        labels = {node_id: attrs["label"] for node_id, attrs in net.nodes.items()}
        if isinstance(net.edges, EdgeTable):
            # The row csv would write, with the ends and the weight left open.
            head = _csv_field(net.slice).replace("%", "%%") + "," if sliced else ""
            line = head + "%s,%s,%d" + "," * len(stance_cols) + "\n"
            fields = {node_id: _csv_field(label) for node_id, label in labels.items()}
            _write_lines(edges_out, _table_lines(net.edges, fields, line, numbered=False))
            continue
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


def _csv_field(value: Any) -> str:
    """``value`` as the csv module writes it in a row (quoted when it must be)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([value, ""])
    return out.getvalue()[: -len(",\n")]


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

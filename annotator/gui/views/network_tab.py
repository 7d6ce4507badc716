"""The Network tab of the corpus views: the discourse network of the chosen positions.

The tab reads the statements once per refresh (``queries.network_statements``, in
the UI thread: one grouped read), and rebuilds the network in memory when the kind,
stances, layer, dates or time window change. Clicking a node lists its positions
and claims; double-clicking an edge lists the positions behind it and opens the
article at the first one's quote; double-clicking a listed row opens that one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ...core.errors import AnnotatorError
from ...core.network import (
    STANCE_ORDER,
    Actor,
    Network,
    Statement,
    build,
    time_slices,
)
from ...core.network_files import save
from ...core.store import queries as q
from ..qt import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..session import Session
from ..wording import plural
from .common import ViewTab
from .network import NetworkView

# More edges than this are not drawn (the heaviest are); the export writes them all.
MAX_DRAWN_EDGES = 3000
ALL_LAYERS = "All layers"
NETWORK_FILTERS = {
    "graphml": "GraphML (*.graphml)",
    "gexf": "GEXF (*.gexf)",
    "csv": "CSV edge list and nodes (*.csv)",
}


class NetworkTab(ViewTab):
    """Corpus views › Network (see the module docstring)."""

    view = "network"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.statements: list[Statement] = []
        self.actors: dict[str, Actor] = {}
        self.slices: list[tuple[str, list[Statement]]] = []
        self.network: Network | None = None
        self.kind = "actor-target"
        self.stances: list[str] = list(STANCE_ORDER)

        self.layer = QComboBox()
        self.layer.setToolTip("Whose annotations the network is built from")
        self.layer.addItem(ALL_LAYERS, None)
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("from YYYY-MM-DD")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("to YYYY-MM-DD")
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(130)
            edit.editingFinished.connect(self.refresh)
        self.window_days = QSpinBox()
        self.window_days.setRange(0, 3650)
        self.window_days.setSpecialValueText("no time windows")
        self.window_days.setSuffix(" days")
        self.window_days.setToolTip("Step through the network in windows of this many days")
        self.window_days.valueChanged.connect(self._slice_again)
        self.export_network = QPushButton("Export network…")
        self.export_network.setToolTip("Write the network as GraphML, GEXF or CSV")
        self.export_network.clicked.connect(self._ask_export)
        self.layer.currentIndexChanged.connect(lambda _i: self.refresh())

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        bar.addWidget(QLabel("Layer"))
        bar.addWidget(self.layer)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(QLabel("Window"))
        bar.addWidget(self.window_days)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_network)

        self.drawing = NetworkView()
        self.drawing.kind_changed.connect(self._kind_chosen)
        self.drawing.stances_changed.connect(self._stances_chosen)
        self.drawing.slice_changed.connect(lambda _i: self._rebuild())
        self.drawing.node_clicked.connect(self.show_node)
        self.drawing.edge_activated.connect(self.show_edge)

        self.details_title = QLabel(
            "Click a node for its positions and claims; "
            "double-click an edge for the statements behind it."
        )
        self.details_title.setWordWrap(True)
        self.details_title.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QListWidget()
        self.details.setWordWrap(True)
        self.details.itemActivated.connect(self._open_item)
        self.details.setSpacing(3)
        panel = QWidget()
        panel.setMinimumWidth(300)
        column = QVBoxLayout(panel)
        column.setContentsMargins(6, 4, 4, 4)
        column.addWidget(self.details_title)
        column.addWidget(self.details, 1)
        holder = QSplitter(Qt.Orientation.Horizontal)
        holder.addWidget(self.drawing)
        holder.addWidget(panel)
        holder.setStretchFactor(0, 3)
        holder.setStretchFactor(1, 1)
        holder.setSizes([900, 360])

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(holder, 1)

    # -- reading and building ------------------------------------------------------------

    def network_filter(self) -> q.NetworkFilter:
        layer = self.layer.currentData()
        return q.NetworkFilter(
            annotators=(layer,) if layer else (),
            date_from=_date(self.date_from.text()),
            date_to=_date(self.date_to.text()),
        )

    def view_filter(self) -> q.ViewFilter:
        flt = self.network_filter()
        return q.ViewFilter(status="accepted", date_from=flt.date_from, date_to=flt.date_to)

    def refresh(self) -> None:
        """Read the statements again and redraw."""
        super().refresh()
        self._fill_layers()
        self.statements, self.actors = q.network_statements(self.store, self.network_filter())
        self._slice_again()

    def _fill_layers(self) -> None:
        chosen = self.layer.currentData()
        layers = q.network_layers(self.store)
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.addItem(ALL_LAYERS, None)
        for name in layers:
            self.layer.addItem(name, name)
        index = self.layer.findData(chosen) if chosen else 0
        self.layer.setCurrentIndex(max(0, index))
        self.layer.blockSignals(False)

    def _slice_again(self) -> None:
        days = self.window_days.value()
        flt = self.network_filter()
        self.slices = (
            time_slices(self.statements, days, start=flt.date_from, end=flt.date_to) if days else []
        )
        self.drawing.set_slices([label for label, _ in self.slices])
        self._rebuild()

    def current_statements(self) -> list[Statement]:
        if not self.slices:
            return self.statements
        return self.slices[self.drawing.controls.slider.value()][1]

    def _kind_chosen(self, kind: str) -> None:
        self.kind = kind
        self._rebuild()

    def _stances_chosen(self, stances: list[str]) -> None:
        self.stances = stances
        self._rebuild()

    def _rebuild(self) -> None:
        net = build(self.kind, self.current_statements(), self.actors, stances=self.stances)
        self.network = net
        shown = net
        if len(net.edges) > MAX_DRAWN_EDGES:
            heaviest = sorted(net.edges, key=lambda e: -e.weight)[:MAX_DRAWN_EDGES]
            used = {e.source for e in heaviest} | {e.target for e in heaviest}
            nodes = {n: a for n, a in net.nodes.items() if n in used}
            shown = Network(net.kind, nodes, heaviest, net.slice)
        self.count_label.setText(
            f"{plural(len(net.nodes), 'node')}, {plural(len(net.edges), 'edge')}"
            + (f" (the {MAX_DRAWN_EDGES:,} heaviest drawn)" if shown is not net else "")
        )
        self.drawing.set_network(shown)

    # -- what a click shows -------------------------------------------------------------

    def show_node(self, node_id: str) -> None:
        """List the positions and claims of an actor, or the positions on a target."""
        if self.network is None or node_id not in self.network.nodes:
            return
        attrs = self.network.nodes[node_id]
        flt = self.view_filter()
        self.details.clear()
        if attrs["type"] == "actor":
            self.details_title.setText(f"{attrs['label']}: positions and claims")
            rows = q.positions_page(self.store, flt.with_(speaker_id=node_id), limit=500)
            self._add_positions(rows)
            for claim in q.claims_page(self.store, flt.with_(speaker_id=node_id), limit=500):
                self._add_row(f"“{claim['text']}” ({claim['date']})", claim)
        elif attrs["type"] == "target":
            self.details_title.setText(f"Positions on {attrs['label']}")
            rows = q.positions_page(self.store, flt.with_(target=attrs["label"]), limit=500)
            self._add_positions(rows)
        else:
            self.details_title.setText(f"{attrs['label']}: its members in this network")
            for e in self.network.edges:
                if e.target == node_id:
                    self.details.addItem(str(self.network.nodes[e.source]["label"]))

    def show_edge(self, source: str, target: str) -> None:
        """List the positions behind an edge and open the first at its quote."""
        if self.network is None:
            return
        nodes = self.network.nodes
        flt = self.view_filter()
        self.details.clear()
        self.details_title.setText(f"{nodes[source]['label']} – {nodes[target]['label']}")
        rows: list[dict[str, Any]] = []
        if self.kind == "actor-target":
            rows = q.positions_page(
                self.store, flt.with_(speaker_id=source, target=nodes[target]["label"]), limit=500
            )
        elif self.kind in ("congruence", "conflict"):
            shared = _shared_targets(self.current_statements(), source, target, self.stances)
            for speaker in (source, target):
                for name in shared:
                    rows += q.positions_page(
                        self.store, flt.with_(speaker_id=speaker, target=name), limit=200
                    )
            rows.sort(key=lambda r: (r["target"], r["date"] or ""))
        else:
            rows = q.positions_page(self.store, flt.with_(speaker_id=source), limit=500)
        rows = [r for r in rows if r["stance"] in self.stances]
        self._add_positions(rows)
        first = next((r for r in rows if r.get("span_id")), rows[0] if rows else None)
        if first is not None:
            self.open_span.emit(first["article_id"], first.get("span_id") or "")

    def _add_positions(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            text = (
                f"{row['speaker'] or '?'} {row['stance']} {row['target']} "
                f"({row['date']}: {row['title'] or 'untitled'})"
            )
            self._add_row(text, row)

    def _add_row(self, text: str, row: dict[str, Any]) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, (row["article_id"], row.get("span_id") or ""))
        item.setToolTip("Double-click to open the article at the quote")
        self.details.addItem(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_span.emit(*data)

    # -- export -----------------------------------------------------------------------

    def networks_to_export(self) -> list[Network]:
        """Every time slice when there are windows, else the network shown."""
        if not self.slices:
            return [build(self.kind, self.statements, self.actors, stances=self.stances)]
        return [
            build(self.kind, chosen, self.actors, stances=self.stances, slice_label=label)
            for label, chosen in self.slices
        ]

    def export_to(self, path: str | Path, fmt: str) -> None:
        """Write the network (all its time slices; GEXF: the one shown) as ``fmt``.

        Raises:
            AnnotatorError: the file cannot be written.
        """
        networks = self.networks_to_export()
        if fmt == "gexf" and self.slices and self.network is not None:
            networks = [self.network]
        save(networks, fmt, path)
        self.message.emit(f"Network written to {path}")

    def _ask_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the network",
            str(Path.home() / f"{self.kind}.graphml"),
            ";;".join(NETWORK_FILTERS.values()),
        )
        if not path:
            return
        fmt = next((f for f, label in NETWORK_FILTERS.items() if label == chosen), "graphml")
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in NETWORK_FILTERS:
            fmt = suffix
        try:
            self.export_to(path, fmt)
        except (AnnotatorError, OSError) as exc:
            QMessageBox.warning(self, "Export the network", str(exc))


def _date(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _shared_targets(statements: list[Statement], a: str, b: str, stances: list[str]) -> list[str]:
    held: dict[str, set[str]] = {a: set(), b: set()}
    names: dict[str, str] = {}
    for s in statements:
        if s.speaker_id in held and s.stance in stances and s.stance in ("favor", "against"):
            held[s.speaker_id].add(s.target_id)
            names[s.target_id] = s.target
    return sorted(names[t] for t in held[a] & held[b])

"""The Network tab of the corpus views: the discourse network of the chosen positions.

Reading the positions and building the network run in a thread of their own
(``network_build_job``, on its own database connection), the layout in another
(``network_layout_job``): the window stays responsive, and a progress bar in the
tab's bar says what is being done. The positions are read again when the layer or
dates change; a new kind, stances or time window only rebuilds from those read.
Clicking a node lists its positions and claims, double-clicking an edge the
positions behind it (opening the article at the first one's quote): both under the
layer, dates, time window and stances the drawing was built with. Double-clicking
a listed row opens that one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ...core.network import STANCE_ORDER, Actor, Network, Statement, edge_evidence
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
    QProgressBar,
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
from .network_build_job import (
    MAX_DRAWN_EDGES,
    BuildJob,
    BuildRequest,
    BuildResult,
    ExportJob,
    networks_to_export,
)
from .network_layout_job import JobSlot, start_job

ALL_LAYERS = "All layers"
LAYERS_SHOWN = "Layers shown"  # View › Show layers limits what "all" means
NETWORK_FILTERS = {
    "graphml": "GraphML (*.graphml)",
    "gexf": "GEXF (*.gexf)",
    "csv": "CSV edge list and nodes (*.csv)",
}
SIDES = ("favor", "against")


class NetworkTab(ViewTab):
    """Corpus views › Network (see the module docstring)."""

    view = "network"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.result: BuildResult | None = None
        self.kind = "actor-target"
        self.stances: list[str] = list(STANCE_ORDER)
        self._generation = 0
        self._build: BuildJob | None = None
        # Closing the tab cancels its build; the slot outlives the widget.
        slot = self._slot = JobSlot()
        self.destroyed.connect(lambda *_: slot.cancel())

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
        # What the build and layout threads are doing, shown only while they work.
        self.stage = QLabel()
        self.stage.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(140)
        for widget in (self.stage, self.progress):
            widget.setVisible(False)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        bar.addWidget(QLabel("Layer"))
        bar.addWidget(self.layer)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(QLabel("Window"))
        bar.addWidget(self.window_days)
        bar.addStretch(1)
        bar.addWidget(self.stage)
        bar.addWidget(self.progress)
        bar.addSpacing(8)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_network)

        self.drawing = NetworkView()
        self.drawing.kind_changed.connect(self._kind_chosen)
        self.drawing.stances_changed.connect(self._stances_chosen)
        self.drawing.slice_changed.connect(lambda _i: self._rebuild())
        self.drawing.node_clicked.connect(self.show_node)
        self.drawing.edge_activated.connect(self.show_edge)
        self.drawing.canvas.layout_progress.connect(self._laying_out)
        self.drawing.canvas.layout_finished.connect(self._drawn)

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

    # -- what is shown ------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once the chosen network is built and laid out."""
        return self._build is None and self.result is not None and self.drawing.layout_ready

    @property
    def network(self) -> Network | None:
        """The network built (all its edges; the drawing may show the heaviest)."""
        return None if self.result is None else self.result.network

    @property
    def statements(self) -> list[Statement]:
        return [] if self.result is None else self.result.statements

    @property
    def actors(self) -> dict[str, Actor]:
        return {} if self.result is None else self.result.actors

    @property
    def slices(self) -> list[tuple[str, list[Statement]]]:
        return [] if self.result is None else self.result.slices

    def current_statements(self) -> list[Statement]:
        """The statements of the time window shown (all without windows)."""
        return [] if self.result is None else self.result.chosen

    # -- reading and building ------------------------------------------------------------

    def network_filter(self) -> q.NetworkFilter:
        layer = self.layer.currentData()
        shown = self.layers()
        # Blind coding: "all" is every layer the window shows, never more.
        everyone = () if shown is None else tuple(shown)
        return q.NetworkFilter(
            annotators=(layer,) if layer else everyone,
            date_from=_date(self.date_from.text()),
            date_to=_date(self.date_to.text()),
        )

    def view_filter(self) -> q.ViewFilter:
        flt = self.network_filter()
        return q.ViewFilter(status="accepted", date_from=flt.date_from, date_to=flt.date_to)

    def refresh(self) -> None:
        """Read the positions again and redraw (in the build thread)."""
        super().refresh()
        self._start(read=True)

    def _fill_layers(self, layers: list[str]) -> None:
        chosen = self.layer.currentData()
        shown = self.layers()
        if shown is not None:
            layers = [name for name in layers if name in shown]
        if chosen and chosen not in layers:
            # Kept (the network drawn is of this layer), even with no positions left.
            layers = [*layers, chosen]
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.addItem(ALL_LAYERS if shown is None else LAYERS_SHOWN, None)
        for name in layers:
            self.layer.addItem(name, name)
        index = self.layer.findData(chosen) if chosen else 0
        self.layer.setCurrentIndex(max(0, index))
        self.layer.blockSignals(False)

    def _slice_again(self) -> None:
        self._start(read=False, slice_index=0)

    def _kind_chosen(self, kind: str) -> None:
        self.kind = kind
        self._rebuild()

    def _stances_chosen(self, stances: list[str]) -> None:
        self.stances = stances
        self._rebuild()

    def _rebuild(self) -> None:
        self._start(read=False)

    def _start(self, *, read: bool, slice_index: int | None = None) -> None:
        """Build the chosen network in the build thread; a build under way is dropped."""
        self._slot.cancel()
        self._generation += 1
        flt = self.network_filter()
        statements = actors = layers = None
        if not read and self.result is not None and self.result.request.flt == flt:
            statements, actors = self.result.statements, self.result.actors
            layers = self.result.layers
        elif self.session.path is None:
            # A database in memory can be read by this thread only.
            statements, actors = q.network_statements(self.store, flt)
            layers = q.network_layers(self.store)
        request = BuildRequest(
            self.kind,
            tuple(self.stances),
            flt,
            self.window_days.value(),
            self.drawing.controls.slider.value() if slice_index is None else slice_index,
            statements,
            actors,
            layers,
        )
        job = self._build = self._slot.job = BuildJob(self._generation, request, self.session.path)
        job.stage.connect(self._stage)
        job.failed.connect(self._failed)
        job.finished.connect(self._built)
        self._show_progress("Reading positions…" if statements is None else "Building…", 0, 0)
        start_job(job)

    def _stage(self, generation: int, text: str) -> None:
        if generation == self._generation:
            self._show_progress(text, 0, 0)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._hide_progress()
            self.message.emit(f"The network could not be built: {message}")

    def _built(self, generation: int, result: BuildResult | None) -> None:
        if generation != self._generation:
            return
        self._build = self._slot.job = None
        if result is None:
            return
        self.result = result
        self._fill_layers(result.layers)
        labels = [label for label, _ in result.slices]
        if labels != self.drawing.controls.labels:
            self.drawing.set_slices(labels, result.request.slice_index)
        net, drawn = result.network, result.drawn
        self.count_label.setText(
            f"{plural(len(net.nodes), 'node')}, {plural(len(net.edges), 'edge')}"
            + (f" (the {MAX_DRAWN_EDGES:,} heaviest drawn)" if drawn is not net else "")
        )
        self._show_progress(f"Laying out {plural(len(drawn.nodes), 'node')}…", 0, 0)
        self.drawing.set_network(drawn)
        if not drawn.nodes:
            self._hide_progress()

    def _laying_out(self, done: int, total: int) -> None:
        if self._build is None and self.result is not None:
            nodes = plural(len(self.result.drawn.nodes), "node")
            self._show_progress(f"Laying out {nodes}…", done, total)

    def _drawn(self) -> None:
        if self._build is None:
            self._hide_progress()

    def _show_progress(self, text: str, done: int, total: int) -> None:
        """``text`` beside a bar: ``done`` of ``total``, or busy when total is 0."""
        self.stage.setText(text)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setTextVisible(total > 0)
        self.stage.setVisible(True)
        self.progress.setVisible(True)

    def _hide_progress(self) -> None:
        self.stage.setVisible(False)
        self.progress.setVisible(False)

    # -- what a click shows -------------------------------------------------------------

    def details_filter(self) -> q.NetworkFilter:
        """The filter the drawn network was built under, narrowed to its time window."""
        assert self.result is not None
        flt = self.result.request.flt
        if self.result.slices:
            first, last = self.result.slices[self.result.request.slice_index][0].split("/")
            flt = flt.within(first, last)
        return flt

    def show_node(self, node_id: str) -> None:
        """List the positions and claims of an actor, or the positions on a target."""
        net = self.network
        if self.result is None or net is None or node_id not in net.nodes:
            return
        attrs = net.nodes[node_id]
        flt, stances = self.details_filter(), self.result.request.stances
        self.details.clear()
        if attrs["type"] == "actor":
            self.details_title.setText(f"{attrs['label']}: positions and claims")
            self._add_positions(
                q.network_positions(self.store, flt, speakers=[node_id], stances=stances)
            )
            for claim in q.network_claims(self.store, flt, node_id):
                self._add_row(f"“{claim['text']}” ({claim['date'] or 'undated'})", claim)
        elif attrs["type"] == "target":
            self.details_title.setText(f"Positions on {attrs['label']}")
            self._add_positions(
                q.network_positions(self.store, flt, targets=[node_id], stances=stances)
            )
        else:
            self.details_title.setText(f"{attrs['label']}: its members in this network")
            for e in net.edges:
                if e.target == node_id:
                    self.details.addItem(str(net.nodes[e.source]["label"]))

    def show_edge(self, source: str, target: str) -> None:
        """List the positions behind an edge and open the first at its quote."""
        net = self.network
        if self.result is None or net is None:
            return
        request, nodes = self.result.request, net.nodes
        flt, stances = self.details_filter(), request.stances
        self.details.clear()
        self.details_title.setText(f"{nodes[source]['label']} – {nodes[target]['label']}")
        if request.kind == "actor-target":
            rows = q.network_positions(
                self.store, flt, speakers=[source], targets=[target], stances=stances
            )
        elif request.kind in ("congruence", "conflict"):
            counted = [s for s in self.result.chosen if s.stance in stances]
            behind = edge_evidence(request.kind, counted, source, target)
            rows = q.network_positions(
                self.store,
                flt,
                speakers=[source, target],
                targets=sorted({t for t, _ in behind}),
                stances=[s for s in SIDES if s in stances],
            )
            rows = [r for r in rows if (r["target_id"], r["stance"]) in behind]
            rows.sort(key=lambda r: (r["target"], r["date"] or ""))
        else:
            rows = q.network_positions(self.store, flt, speakers=[source], stances=stances)
        self._add_positions(rows)
        first = next((r for r in rows if r.get("span_id")), rows[0] if rows else None)
        if first is not None:
            self.open_span.emit(first["article_id"], first.get("span_id") or "")

    def _add_positions(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            text = (
                f"{row['speaker'] or '?'} {row['stance']} {row['target']} "
                f"({row['date'] or 'undated'}: {row['title'] or 'untitled'})"
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

    def networks_to_export(self, fmt: str = "graphml") -> list[Network]:
        """Every time window when there are windows (GEXF: the one shown), else the
        network shown."""
        return [] if self.result is None else networks_to_export(self.result, fmt)

    def export_to(self, path: str | Path, fmt: str) -> None:
        """Write the network (all its time slices; GEXF: the one shown) as ``fmt``,
        here and now (`export_in_background` does it in a thread).

        Raises:
            AnnotatorError: the file cannot be written.
        """
        networks = self.networks_to_export(fmt)
        if not networks:
            return
        save(networks, fmt, path)
        self.message.emit(f"Network written to {path}")

    def export_in_background(self, path: str | Path, fmt: str) -> None:
        """Write the network as `export_to` does, in a thread: a network of millions
        of edges takes seconds. ``message`` tells the end; a failure is shown."""
        if self.result is None:
            return
        job = ExportJob(self.result, fmt, path)
        job.finished.connect(self._exported)
        self.message.emit(f"Writing the network to {path}…")
        start_job(job)

    def _exported(self, _generation: int, outcome: tuple[str, str | None]) -> None:
        path, error = outcome
        if error is None:
            self.message.emit(f"Network written to {path}")
        else:
            QMessageBox.warning(self, "Export the network", error)

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
        self.export_in_background(path, fmt)


def _date(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None

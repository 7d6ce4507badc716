"""The Network view: a discourse network drawn with a force-directed layout.

`NetworkView` is a small control bar (kind, stances, time window) above a
`NetworkCanvas`. The view only draws what it is given: whoever owns it builds the
`Network` (annotator.core.network) for the chosen kind, stances and slice, and
hands it to `set_network`. The layout runs in a QThread on plain Python data (no
database in the thread) and can be cancelled by handing over the next network.

The parts: `network_canvas` (the painted, zoomable drawing and its export),
`network_controls` (the bar), `network_style` (colours, shapes, sizes),
`network_legend` (the key drawn in the corner) and `network_layout_job` (the
layout's thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...core.network import Network
from ..qt import QFileDialog, QMessageBox, QPointF, QVBoxLayout, QWidget, Signal

# The drawing's parts live in their own modules; their public names stay importable
# from here, where callers and tests have always found them.
from .network_canvas import NetworkCanvas
from .network_controls import NetworkControls
from .network_layout_job import stop_layouts
from .network_style import (
    AGREE,
    BACKGROUND,
    DISAGREE,
    EDGE_COLORS,
    INK,
    KIND_TITLES,
    MUTED,
    NODE_COLORS,
    edge_style,
    node_shape,
)

__all__ = [
    "AGREE",
    "BACKGROUND",
    "DISAGREE",
    "EDGE_COLORS",
    "INK",
    "KIND_TITLES",
    "MUTED",
    "NODE_COLORS",
    "NetworkCanvas",
    "NetworkControls",
    "NetworkView",
    "edge_style",
    "node_shape",
    "stop_layouts",
]


class NetworkView(QWidget):
    """The control bar above the drawing; the owner builds networks on its signals.

    Signals: ``node_clicked(node_id)``, ``edge_activated(source_id, target_id)``,
    ``kind_changed(kind)``, ``stances_changed(stances)``, ``slice_changed(index)``.
    """

    node_clicked = Signal(str)
    edge_activated = Signal(str, str)
    kind_changed = Signal(str)
    stances_changed = Signal(list)
    slice_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.controls = NetworkControls()
        self.canvas = NetworkCanvas()
        box.addWidget(self.controls)
        box.addWidget(self.canvas, 1)
        self.canvas.node_clicked.connect(self.node_clicked)
        self.canvas.edge_activated.connect(self.edge_activated)
        self.controls.kind_changed.connect(self.kind_changed)
        self.controls.stances_changed.connect(self.stances_changed)
        self.controls.slice_changed.connect(self.slice_changed)
        self.controls.save_picture.connect(self._ask_save_picture)

    @property
    def layout_ready(self) -> bool:
        return self.canvas.layout_ready

    def set_network(self, network: Network | None) -> None:
        """Draw ``network`` (its kind is shown in the bar without emitting a change)."""
        if network is not None:
            self.controls.kind.blockSignals(True)
            self.controls.set_kind(network.kind)
            self.controls.kind.blockSignals(False)
        self.canvas.set_network(network)

    def set_slices(self, labels: Sequence[str], index: int = 0) -> None:
        self.controls.set_slices(labels, index)

    def node_position(self, node_id: str) -> QPointF | None:
        """Where a node is drawn, in this widget's coordinates."""
        p = self.canvas.node_position(node_id)
        return None if p is None else self.canvas.mapTo(self, p)

    def export_png(self, path: str | Path) -> None:
        self.canvas.export_png(path)

    def export_svg(self, path: str | Path) -> None:
        self.canvas.export_svg(path)

    def _ask_save_picture(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save the network picture", "network.png", "PNG image (*.png);;SVG (*.svg)"
        )
        if not path:
            return
        try:
            if path.lower().endswith(".svg") or (chosen.startswith("SVG") and "." not in path):
                self.export_svg(path)
            else:
                self.export_png(path)
        except OSError as exc:
            QMessageBox.warning(self, "Save picture", str(exc))

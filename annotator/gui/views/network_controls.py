"""The network view's control bar: kind, stances that count, a slider over time windows."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.network import KINDS, STANCE_ORDER
from ..qt import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    Qt,
    QToolButton,
    QWidget,
    Signal,
)
from .network_style import KIND_TITLES


class NetworkControls(QWidget):
    """Kind, stances that count, and a slider over the time windows."""

    kind_changed = Signal(str)
    stances_changed = Signal(list)
    slice_changed = Signal(int)
    save_picture = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(KIND_TITLES[kind], kind)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.kind_changed.emit(self.kind.currentData())
        )
        row.addWidget(self.kind)
        self.stance_boxes: dict[str, QCheckBox] = {}
        for stance in STANCE_ORDER:
            box = QCheckBox(stance)
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.stances_changed.emit(self.stances()))
            self.stance_boxes[stance] = box
            row.addWidget(box)
        row.addSpacing(12)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(140)
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self._slice_moved)
        row.addWidget(self.slider, 1)
        self.slice_label = QLabel()
        self.slice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.slice_label.setMinimumWidth(170)
        row.addWidget(self.slice_label)
        self.save = QToolButton()
        self.save.setText("Save picture…")
        self.save.clicked.connect(self.save_picture)
        row.addWidget(self.save)
        self.labels: list[str] = []
        self.set_slices([])

    def stances(self) -> list[str]:
        """The stances checked, in the usual order."""
        return [s for s, box in self.stance_boxes.items() if box.isChecked()]

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))

    def set_slices(self, labels: Sequence[str], index: int = 0) -> None:
        """The time windows to step through (``FROM/TO`` labels); none: all dates."""
        self.labels = list(labels)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(self.labels) - 1))
        self.slider.setValue(min(index, max(0, len(self.labels) - 1)))
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(self.labels) > 1)
        self._show_slice()

    def _slice_moved(self, index: int) -> None:
        self._show_slice()
        self.slice_changed.emit(index)

    def _show_slice(self) -> None:
        if not self.labels:
            self.slice_label.setText("all dates")
        else:
            i = self.slider.value()
            self.slice_label.setText(
                f"{self.labels[i].replace('/', ' – ')}  ({i + 1}/{len(self.labels)})"
            )

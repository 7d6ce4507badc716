"""The review pass: step through an article's annotations in text order and decide.

Keys (with the text focused): J / ] next, K / [ previous, Enter accept,
Backspace reject, E edit, N note. A bar above the text says where you are.
"""

from __future__ import annotations

from typing import Any

from .qt import QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from .wording import plural


def claim_index(claims: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Span id -> the claim it belongs to: as content, or as the claim's mention or cue."""
    owner: dict[str, dict[str, Any]] = {}
    for claim in claims:
        for sid in (claim["mention_span_id"], claim["cue_span_id"]):
            if sid and claim["status"] != "rejected":
                owner.setdefault(sid, claim)
    for claim in claims:
        for sid in claim["spans"]:
            owner[sid] = claim
    return owner


def review_order(spans: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One stop per annotation in text order: a claim (with its content, mention and
    cue, shown at its first content span) or a span that belongs to no claim."""
    owner = claim_index(claims)
    by_id = {s["id"]: s for s in spans}
    stops: list[dict[str, Any]] = []
    for claim in claims:
        content = [by_id[sid] for sid in claim["spans"] if sid in by_id]
        if content:
            first = min(content, key=lambda s: s["start"])
            stops.append(
                {
                    "kind": "claim",
                    "id": claim["id"],
                    "span": first,
                    "status": claim["status"],
                    "decided": _decided(first) or claim["status"] == "rejected",
                }
            )
    for span in spans:
        if span["id"] not in owner:
            stops.append(
                {
                    "kind": "span",
                    "id": span["id"],
                    "span": span,
                    "status": span["status"],
                    "decided": _decided(span),
                }
            )
    stops.sort(key=lambda stop: (stop["span"]["start"], -stop["span"]["end"]))
    return stops


def _decided(span: dict[str, Any]) -> bool:
    return span["status"] == "rejected" or bool(span.get("reviewed_at"))


class ReviewBar(QWidget):
    """Shows the current stop and its buttons; the window does the work."""

    step = Signal(int)
    decide = Signal(bool)
    finish = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 6, 14, 6)
        column.setSpacing(4)
        top = QHBoxLayout()
        row = QHBoxLayout()
        column.addLayout(top)
        column.addLayout(row)
        self.where = QLabel()
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.what = QLabel()
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setObjectName("reviewWhat")
        self.what.setWordWrap(True)
        top.addWidget(self.where)
        top.addWidget(self.what, 1)
        buttons = [
            ("‹ Prev (K)", lambda: self.step.emit(-1)),
            ("Next (J) ›", lambda: self.step.emit(1)),
            ("✓ Accept (Enter)", lambda: self.decide.emit(True)),
            ("✗ Reject (⌫)", lambda: self.decide.emit(False)),
        ]
        for text, slot in buttons:
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.finish_button = QPushButton("Mark reviewed")
        self.finish_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.finish_button.clicked.connect(self.finish.emit)
        row.addWidget(self.finish_button)
        row.addStretch(1)
        close = QPushButton("Close review")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.close_requested.emit)
        row.addWidget(close)

    def show_stop(self, index: int, stops: list[dict[str, Any]], description: str) -> None:
        decided = sum(1 for s in stops if s["decided"])
        self.where.setText(f"Review {index + 1} of {len(stops)}  ·  {decided} decided  ·")
        self.what.setText(description)
        left = len(stops) - decided
        self.finish_button.setEnabled(left == 0)
        # A disabled button says why, and what makes it work.
        self.finish_button.setToolTip(
            "Mark this article reviewed (Ctrl+Shift+R)"
            if left == 0
            else f"{plural(left, 'annotation')} of this pass not decided yet: "
            "Enter accepts, Backspace rejects"
        )

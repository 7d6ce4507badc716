"""The position popup's evidence list: the speaker's own claims, what was ticked kept."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from annotator.gui.app import application
from annotator.gui.popups import PositionPopup

SPEAKERS = [{"id": "s-lin", "name": "Lin Qiao"}, {"id": "s-ana", "name": "Ana Ruiz"}]
CLAIMS = [
    ("c-1", "no region needs a new bloc", "s-lin", True),
    ("c-2", "we will not choose sides", "s-ana", True),
    ("c-3", "talks go on with every side", "s-lin", False),  # not yet accepted
]


@pytest.fixture
def popup(qtbot) -> PositionPopup:
    application()
    widget = PositionPopup(SPEAKERS, "s-lin", ["Blocs", "Trade"], CLAIMS, evidence=[])
    qtbot.addWidget(widget)
    return widget


def listed(popup: PositionPopup) -> dict[str, bool]:
    items = [popup.evidence.item(i) for i in range(popup.evidence.count())]
    return {
        item.data(Qt.ItemDataRole.UserRole): item.checkState() == Qt.CheckState.Checked
        for item in items
    }


def test_the_evidence_lists_the_speakers_accepted_claims(popup: PositionPopup) -> None:
    assert listed(popup) == {"c-1": False}
    popup.show_all.setChecked(True)
    assert listed(popup) == {"c-1": False, "c-2": False, "c-3": False}


def test_a_ticked_claim_stays_when_the_speaker_changes(popup: PositionPopup) -> None:
    popup.evidence.item(0).setCheckState(Qt.CheckState.Checked)
    popup.speaker.setCurrentIndex(1)  # Ana Ruiz
    assert listed(popup) == {"c-1": True, "c-2": False}
    popup.evidence.item(0).setCheckState(Qt.CheckState.Unchecked)
    popup.speaker.setCurrentIndex(0)  # back to Lin Qiao: c-1 is listed as hers, unticked
    assert listed(popup) == {"c-1": False}
    popup.speaker.setCurrentIndex(1)
    assert listed(popup) == {"c-2": False}  # unticked, so no longer carried along


def test_a_position_needs_a_target_and_a_stance(popup: PositionPopup) -> None:
    assert [reason for _widget, reason in popup.problems()] == [
        "Type a target.",
        "Choose a stance (Alt+F, A, N or M).",
    ]
    popup.target.setText("  Blocs ")
    popup.stance_group.button(1).setChecked(True)
    popup.evidence.item(0).setCheckState(Qt.CheckState.Checked)
    assert popup.problems() == []
    assert popup.values() == {
        "speaker_id": "s-lin",
        "target": "Blocs",
        "stance": "against",
        "evidence": ["c-1"],
        "note": None,
    }

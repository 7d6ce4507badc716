"""Small inline popups next to the selection: who said a claim, which speaker a
mention is, and a position's target and stance. Enter confirms, Esc leaves as is."""

from __future__ import annotations

from typing import Any

from ..core.schema import CLAIM_KINDS, STANCES
from .qt import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .wording import one_line

NEW_SPEAKER = "__new__"


class InlinePopup(QFrame):
    """A frameless popup that closes on Esc or a click outside; Enter accepts."""

    accepted = Signal(dict)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("inlinePopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(12, 10, 12, 10)
        self.outer.setSpacing(8)
        heading = QLabel(title)
        heading.setObjectName("popupTitle")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.outer.addWidget(heading)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.outer.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.skip = QPushButton("Skip (Esc)")
        self.ok = QPushButton("Save (Enter)")
        self.ok.setDefault(True)
        buttons.addWidget(self.skip)
        buttons.addWidget(self.ok)
        self.outer.addLayout(buttons)
        self.skip.clicked.connect(self.close)
        self.ok.clicked.connect(self._accept)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self, activated=self._accept)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def _accept(self) -> None:
        values = self.values()
        self.close()
        self.accepted.emit(values)

    def show_at(self, point) -> None:
        self.adjustSize()
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = point.x(), point.y() + 6
        if screen is not None:
            x = min(x, screen.right() - self.width())
            if y + self.height() > screen.bottom():
                y = point.y() - self.height() - 30
        self.move(max(0, x), max(0, y))
        self.show()
        self.raise_()
        self.activateWindow()


class SpeakerChooser(QWidget):
    """Type-ahead over corpus speakers, with this article's speakers listed first."""

    def __init__(
        self, article_speakers: list[dict], corpus_names: list[str], default_text: str = ""
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(default_text)
        self.edit.setPlaceholderText("Type a name, or pick below")
        completer = QCompleter(corpus_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.list = QListWidget()
        self.list.setMaximumHeight(84)
        for spk in article_speakers:
            item = QListWidgetItem(spk["name"] + (f" — {spk['role']}" if spk.get("role") else ""))
            item.setData(Qt.ItemDataRole.UserRole, spk["name"])
            self.list.addItem(item)
        self.list.itemClicked.connect(
            lambda item: self.edit.setText(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.edit)
        if article_speakers:
            layout.addWidget(self.list)
        self.edit.selectAll()

    def name(self) -> str:
        return one_line(self.edit.text())


class MentionPopup(InlinePopup):
    """Which corpus-wide speaker a speaker highlight refers to."""

    def __init__(
        self,
        mention: str,
        article_speakers: list[dict],
        corpus_names: list[str],
        default: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Speaker: “{mention[:60]}”", parent)
        self.chooser = SpeakerChooser(article_speakers, corpus_names, default)
        self.kind = QComboBox()
        self.kind.addItems(["person", "organisation"])
        self.role = QLineEdit()
        self.role.setPlaceholderText("spokesperson, minister… (for a new speaker)")
        self.form.addRow("Who", self.chooser)
        self.form.addRow("Kind", self.kind)
        self.form.addRow("Role", self.role)
        self.chooser.edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.chooser.name(),
            "kind": self.kind.currentText(),
            "role": self.role.text().strip() or None,
        }


class ClaimPopup(InlinePopup):
    """Who said this claim, how (direct or reported), and with which cue."""

    def __init__(
        self,
        quote: str,
        article_speakers: list[dict],
        corpus_names: list[str],
        default_speaker: str,
        kind: str,
        cues: list[tuple[str, str]],
        default_cue: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Claim: “{_short(quote)}”", parent)
        self.chooser = SpeakerChooser(article_speakers, corpus_names, default_speaker)
        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        for i, name in enumerate(CLAIM_KINDS):
            button = QRadioButton(name)
            button.setChecked(name == kind)
            self.kind_group.addButton(button, i)
            kinds.addWidget(button)
        self.cue = QComboBox()
        self.cue.addItem("(no cue)", None)
        for span_id, text in cues:
            self.cue.addItem(text, span_id)
            if span_id == default_cue:
                self.cue.setCurrentIndex(self.cue.count() - 1)
        self.form.addRow("Said by", self.chooser)
        self.form.addRow("Kind", kinds)
        self.form.addRow("Cue", self.cue)
        self.chooser.edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.chooser.name(),
            "kind": CLAIM_KINDS[max(0, self.kind_group.checkedId())],
            "cue": self.cue.currentData(),
        }


class PositionPopup(InlinePopup):
    """A speaker's stance toward a target, backed by claims of this article."""

    def __init__(
        self,
        speakers: list[dict],
        default_speaker: str | None,
        targets: list[str],
        claims: list[tuple[str, str]],
        evidence: list[str],
        position: dict | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Position" if position is None else "Edit position", parent)
        self.speaker = QComboBox()
        for spk in speakers:
            self.speaker.addItem(spk["name"], spk["id"])
            if spk["id"] == default_speaker:
                self.speaker.setCurrentIndex(self.speaker.count() - 1)
        self.target = QLineEdit(position["target"] if position else "")
        self.target.setPlaceholderText("e.g. carbon border tax")
        completer = QCompleter(targets, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.target.setCompleter(completer)
        self.stance_group = QButtonGroup(self)
        stances = QHBoxLayout()
        current = position["stance"] if position else None
        for i, stance in enumerate(STANCES):
            button = QRadioButton(f"&{stance}")
            button.setChecked(stance == current)
            self.stance_group.addButton(button, i)
            stances.addWidget(button)
        self.evidence = QListWidget()
        self.evidence.setMaximumHeight(120)
        for claim_id, text in claims:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, claim_id)
            item.setCheckState(
                Qt.CheckState.Checked if claim_id in evidence else Qt.CheckState.Unchecked
            )
            self.evidence.addItem(item)
        self.note = QLineEdit(position["note"] or "" if position else "")
        self.form.addRow("Speaker", self.speaker)
        self.form.addRow("Target", self.target)
        self.form.addRow("Stance", stances)
        self.form.addRow("Evidence", self.evidence)
        self.form.addRow("Note", self.note)
        self.target.setFocus()

    def values(self) -> dict[str, Any]:
        checked = self.stance_group.checkedId()
        return {
            "speaker_id": self.speaker.currentData(),
            "target": self.target.text().strip(),
            "stance": STANCES[checked] if checked >= 0 else None,
            "evidence": [
                self.evidence.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.evidence.count())
                if self.evidence.item(i).checkState() == Qt.CheckState.Checked
            ],
            "note": self.note.text().strip() or None,
        }


def _short(text: str, limit: int = 70) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Small inline popups next to the selection: who said a claim, which speaker a
mention is, and a position's target and stance. Enter confirms, Esc leaves as is.

A popup never loses what was typed: Enter with a missing field marks the field in
place and keeps the popup open; Enter on a type-ahead list only picks the item.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..core.schema import CLAIM_KINDS, STANCES
from .qt import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QEvent,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPoint,
    QPushButton,
    QRadioButton,
    QRect,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
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
        self.problem = QLabel()
        self.problem.setObjectName("popupProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.outer.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        # Visual order = tab order: fields, then Save, then Skip.
        self.ok = QPushButton("Save (Enter)")
        self.skip = QPushButton("Skip (Esc)")
        self.ok.setDefault(True)
        buttons.addWidget(self.ok)
        buttons.addWidget(self.skip)
        self.outer.addLayout(buttons)
        self.skip.clicked.connect(self.close)
        self.ok.clicked.connect(self._accept)
        # A space typed while Skip has focus must not throw the popup away.
        self.skip.installEventFilter(self)
        self.setStyleSheet(
            '*[invalid="true"] { border: 2px solid #c0392b; border-radius: 3px; }'
            " QLabel#popupProblem { color: #b03a2e; }"
        )
        self._marked: list[QWidget] = []

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def problems(self) -> list[tuple[QWidget, str]]:
        """The fields that keep the popup from saving, each with the reason."""
        return []

    def chain_focus(self, *widgets: QWidget) -> None:
        """Tab order: ``widgets`` in visual order, then Save, then Skip."""
        order = [*widgets, self.ok, self.skip]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.skip
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and event.key() == Qt.Key.Key_Space
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._accept()
            return
        super().keyPressEvent(event)

    def _completing(self) -> bool:
        focus = self.focusWidget()
        completer = focus.completer() if isinstance(focus, QLineEdit) else None
        if completer is None or not completer.popup().isVisible():
            return False
        if completer.popup().currentIndex().isValid():
            return True  # a suggestion is highlighted: Enter picks it
        completer.popup().hide()  # nothing picked: Enter saves what was typed
        return False

    def _accept(self) -> None:
        if self._completing():
            return  # Enter picks from the type-ahead list; it never submits the form
        for widget in self._marked:
            _mark(widget, None)
        problems = self.problems()
        self._marked = [widget for widget, _ in problems]
        if problems:
            for widget, reason in problems:
                _mark(widget, reason)
            self.problem.setText(" ".join(reason for _, reason in problems))
            self.problem.show()
            self.adjustSize()
            problems[0][0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        values = self.values()
        self.close()
        self.accepted.emit(values)

    def show_at(self, point, avoid: QRect | None = None) -> None:
        """Show below ``point`` (global), or above ``avoid`` when there is no room below;
        inside the parent window when there is one, else inside the screen."""
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            top_left = parent.window().mapToGlobal(QPoint(0, 0))
            bounds = QRect(top_left, parent.window().size())
        elif self.screen() is not None:
            bounds = self.screen().availableGeometry()
        else:
            bounds = None
        avoid = avoid or QRect(point.x(), point.y() - 20, 1, 20)
        x, y = point.x(), avoid.bottom() + 6
        if bounds is not None:
            x = max(bounds.left(), min(x, bounds.right() - self.width()))
            if y + self.height() > bounds.bottom():
                above = avoid.top() - self.height() - 6
                y = above if above >= bounds.top() else bounds.bottom() - self.height()
            y = max(bounds.top(), y)
        self.move(x, y)
        self.show()
        self.raise_()
        self.activateWindow()


def _mark(widget: QWidget, reason: str | None) -> None:
    """Outline an invalid field in place (``reason`` as its tooltip), or clear it."""
    widget.setProperty("invalid", reason is not None)
    widget.setToolTip(reason or "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def speaker_line(row: dict) -> str:
    """A speaker as the lists show it: name — role, affiliation."""
    extra = ", ".join(x for x in (row.get("role"), row.get("affiliation")) if x)
    return row["name"] + (f" — {extra}" if extra else "")


class SpeakerChooser(QWidget):
    """Type-ahead over every corpus speaker (names and aliases); the list shows this
    article's speakers first, then the corpus's, each with role and affiliation.

    ``resolved`` is a known speaker the typed-over words most likely are (a surname,
    pronoun or role noun): pre-filled, and the words become an alias only when the
    analyst ticks the box.
    """

    def __init__(
        self,
        article_speakers: list[dict],
        corpus_speakers: list[dict],
        default_text: str = "",
        *,
        words: str | None = None,
        resolved: dict | None = None,
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.resolved = resolved
        self.words = words
        self.edit = QLineEdit(resolved["speaker"]["name"] if resolved else default_text)
        self.edit.setPlaceholderText("Type a name, or pick below")
        names = sorted(
            {n for row in corpus_speakers for n in [row["name"], *row.get("aliases", [])]},
            key=str.casefold,
        )
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.hint = QLabel()
        self.hint.setObjectName("resolvedHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.alias = QCheckBox()
        if resolved:
            why = {"surname": "a name", "pronoun": "a pronoun", "role": "a role"}[resolved["why"]]
            self.hint.setText(f"“{words}” is {why} for {speaker_line(resolved['speaker'])}")
            self.alias.setText(f"Also call {resolved['speaker']['name']} “{words}”")
        self.list = _one_scrollbar_list()
        # Not a Tab stop: the order is the same with and without the list.
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        here = {row["id"] for row in article_speakers}
        for row in [*article_speakers, *[r for r in corpus_speakers if r["id"] not in here]]:
            item = QListWidgetItem(speaker_line(row))
            item.setToolTip(plain_tooltip(speaker_line(row)))
            item.setData(Qt.ItemDataRole.UserRole, row["name"])
            if row["id"] in here:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip("Named in this article")
            self.list.addItem(item)
        self.list.itemClicked.connect(
            lambda item: self.edit.setText(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.edit)
        if resolved:
            layout.addWidget(self.hint)
            # Offered for a name only: "she" or "the spokesperson" is no one's alias.
            if resolved["why"] == "surname":
                layout.addWidget(self.alias)
        if self.list.count():
            # Sized to its rows, up to five, so a short list leaves no empty box.
            rows = min(self.list.count(), 5)
            height = max(self.list.sizeHintForRow(0), 18)
            self.list.setFixedHeight(rows * height + 2 * self.list.frameWidth() + 2)
            layout.addWidget(self.list)
        self.edit.selectAll()

    def name(self) -> str:
        return one_line(self.edit.text())

    def alias_to_add(self) -> str | None:
        """The mention's words, when the analyst confirmed them as the chosen speaker's alias."""
        if not (self.resolved and self.alias.isChecked() and self.alias.isVisibleTo(self)):
            return None
        chosen = self.name().casefold()
        return self.words if chosen == self.resolved["speaker"]["name"].casefold() else None


class MentionPopup(InlinePopup):
    """Which corpus-wide speaker a speaker highlight refers to."""

    def __init__(
        self,
        mention: str,
        article_speakers: list[dict],
        corpus_speakers: list[dict],
        default: str,
        parent: QWidget | None = None,
        *,
        resolved: dict | None = None,
    ) -> None:
        super().__init__(f"Speaker: “{mention[:60]}”", parent)
        self.chooser = SpeakerChooser(
            article_speakers, corpus_speakers, default, words=mention, resolved=resolved
        )
        self.kind = QComboBox()
        self.kind.addItems(["person", "organisation"])
        self.role = QLineEdit()
        self.role.setPlaceholderText("spokesperson, minister… (for a new speaker)")
        self.form.addRow("Who", self.chooser)
        self.form.addRow("Kind", self.kind)
        self.form.addRow("Role", self.role)
        self.chain_focus(self.chooser.edit, self.chooser.alias, self.kind, self.role)
        self.chooser.edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.chooser.name(),
            "kind": self.kind.currentText(),
            "role": self.role.text().strip() or None,
            "alias": self.chooser.alias_to_add(),
        }


class ClaimPopup(InlinePopup):
    """Who said this claim, how (direct or reported), and with which cue."""

    def __init__(
        self,
        quote: str,
        article_speakers: list[dict],
        corpus_speakers: list[dict],
        default_speaker: str,
        kind: str,
        cues: list[tuple[str, str]],
        default_cue: str | None,
        parent: QWidget | None = None,
        *,
        words: str | None = None,
        resolved: dict | None = None,
    ) -> None:
        super().__init__(f"Claim: “{_short(quote)}”", parent)
        self.chooser = SpeakerChooser(
            article_speakers, corpus_speakers, default_speaker, words=words, resolved=resolved
        )
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
        self.chain_focus(
            self.chooser.edit, self.chooser.alias, *self.kind_group.buttons(), self.cue
        )
        self.chooser.edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.chooser.name(),
            "kind": CLAIM_KINDS[max(0, self.kind_group.checkedId())],
            "cue": self.cue.currentData(),
            "alias": self.chooser.alias_to_add(),
        }


class PositionPopup(InlinePopup):
    """A speaker's stance toward a target, backed by claims of this article.

    ``claims`` are ``(claim id, text, speaker id, accepted)``: the evidence list shows the
    chosen speaker's accepted claims (and any already chosen); "show all" adds the rest.
    ``targets`` come in the order offered: the article's tagged targets first.
    """

    def __init__(
        self,
        speakers: list[dict],
        default_speaker: str | None,
        targets: list[str],
        claims: list[tuple[str, str, str | None, bool]],
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
        self.stances = QWidget()
        stances = QHBoxLayout(self.stances)
        stances.setContentsMargins(0, 0, 0, 0)
        current = position["stance"] if position else None
        for i, stance in enumerate(STANCES):
            letter = stance[0].upper()
            button = QRadioButton(stance)
            button.setToolTip(f"Alt+{letter}")
            button.setChecked(stance == current)
            self.stance_group.addButton(button, i)
            stances.addWidget(button)
            # Alt+letter chooses the stance and leaves the focus where the typing is.
            QShortcut(
                QKeySequence(f"Alt+{letter}"), self, activated=lambda b=button: b.setChecked(True)
            )
        self.evidence = _one_scrollbar_list()
        self.evidence.setMinimumWidth(380)
        self._claims = claims
        self.show_all = QCheckBox("show all claims of the article")
        self.show_all.setToolTip("Also list other speakers' and undecided claims")
        self.show_all.toggled.connect(lambda _: self._fill_evidence())
        self.speaker.currentIndexChanged.connect(lambda _: self._fill_evidence())
        self._chosen = set(evidence)
        self._fill_evidence()
        evidence_box = QWidget()
        column = QVBoxLayout(evidence_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.evidence)
        column.addWidget(self.show_all)
        self.note = QLineEdit(position["note"] or "" if position else "")
        self.form.addRow("Speaker", self.speaker)
        self.form.addRow("Target", self.target)
        self.form.addRow("Stance", self.stances)
        self.form.addRow("Evidence", evidence_box)
        self.form.addRow("Note", self.note)
        self.chain_focus(
            self.speaker,
            self.target,
            *self.stance_group.buttons(),
            self.evidence,
            self.show_all,
            self.note,
        )
        self.target.setFocus()

    def _fill_evidence(self) -> None:
        for i in range(self.evidence.count()):
            item = self.evidence.item(i)
            claim_id = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() == Qt.CheckState.Checked:
                self._chosen.add(claim_id)
            else:
                self._chosen.discard(claim_id)
        self.evidence.clear()
        speaker = self.speaker.currentData()
        for claim_id, text, speaker_id, accepted in self._claims:
            mine = speaker_id == speaker and accepted
            if not (mine or claim_id in self._chosen or self.show_all.isChecked()):
                continue
            item = QListWidgetItem(text)
            item.setToolTip(plain_tooltip(text))
            item.setData(Qt.ItemDataRole.UserRole, claim_id)
            item.setCheckState(
                Qt.CheckState.Checked if claim_id in self._chosen else Qt.CheckState.Unchecked
            )
            self.evidence.addItem(item)
        # Sized to its rows (up to eight), so one scrollbar at most.
        rows = max(1, min(self.evidence.count(), 8))
        row_height = self.evidence.sizeHintForRow(0) if self.evidence.count() else 20
        self.evidence.setFixedHeight(rows * max(row_height, 18) + 2 * self.evidence.frameWidth())
        self.adjustSize()

    def problems(self) -> list[tuple[QWidget, str]]:
        found: list[tuple[QWidget, str]] = []
        if not self.target.text().strip():
            found.append((self.target, "Type a target."))
        if self.stance_group.checkedId() < 0:
            found.append((self.stances, "Choose a stance (Alt+F, A, N or M)."))
        return found

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


def _one_scrollbar_list() -> QListWidget:
    """A list sized by its rows: long lines are cut with "…" (full in the tooltip), so
    there is at most a vertical scrollbar."""
    widget = QListWidget()
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setUniformItemSizes(True)
    return widget


def _short(text: str, limit: int = 70) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"

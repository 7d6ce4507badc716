"""Speakers view › Find duplicates…: review merge suggestions and sources that are not
actors, accept (one undoable step for all checked), edit or reject them.

Every name is shown as plain text (tree items, a read-only plain-text box).
"""

from __future__ import annotations

from collections.abc import Callable

from ...core.actors import Cluster, Suggestions, suggest_from_store
from .. import operations as ops
from ..qt import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..session import Session
from ..wording import plural
from .common import MUTED

ROLE = Qt.ItemDataRole.UserRole
# Clusters at least this sure start checked; the others wait for a look.
CHECKED_FROM = 0.9


def _checkable(item: QTreeWidgetItem, checked: bool, enabled: bool = True) -> None:
    flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
    if not enabled:
        flags &= ~Qt.ItemFlag.ItemIsUserCheckable
    item.setFlags(flags)
    item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class FindDuplicatesDialog(QDialog):
    """Clusters of speakers that are probably one actor, largest first.

    Check a cluster to merge it into the name in bold; uncheck a name inside it to
    leave that one out; "Keep this name" makes the selected name the one kept.
    "Merge checked" merges every checked cluster in one step (Edit › Undo takes it
    back); "Reject" remembers that the selected cluster's speakers are different
    actors. The second tab proposes kind "other" for sources that are not actors.
    """

    def __init__(
        self, session: Session, *, parent: QWidget | None = None, on_change: Callable | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.on_change = on_change
        self.suggestions = Suggestions([], [])
        self.setWindowTitle("Find duplicate speakers")
        self.resize(1040, 660)
        self._build_widgets()
        self._build_layout()
        self.tree.currentItemChanged.connect(lambda *_: self._show_evidence())
        self.tree.itemSelectionChanged.connect(self._enable)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.keep_name(item))
        self.keep_button.clicked.connect(lambda: self.keep_name(self.tree.currentItem()))
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_button.clicked.connect(self.merge_checked)
        self.other_button.clicked.connect(self.mark_checked_other)
        self.reload()

    def _build_widgets(self) -> None:
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            ["Name to keep and the names merged into it", "Mentions", "Confidence", "Why"]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 420)
        header.resizeSection(1, 80)
        header.resizeSection(2, 90)
        header.setStretchLastSection(True)
        self.evidence = QPlainTextEdit()
        self.evidence.setReadOnly(True)
        self.evidence.setMaximumHeight(130)
        self.evidence.setPlaceholderText("Select a cluster to see its evidence.")

        self.keep_button = QPushButton("Keep this name")
        self.keep_button.setToolTip("Merge the cluster into the selected name instead")
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip(
            "These are different actors: remembered, and not proposed again"
        )
        self.accept_button = QPushButton("Merge checked")
        self.accept_button.setToolTip(
            "Merge every checked cluster into its name in bold, in one step (Edit › Undo)"
        )
        self.accept_button.setDefault(True)

        self.others = QTreeWidget()
        self.others.setColumnCount(3)
        self.others.setHeaderLabels(["Source", "Mentions", "Looks like"])
        self.others.header().resizeSection(0, 480)
        self.others.setRootIsDecorated(False)
        self.other_button = QPushButton("Mark checked as kind “other”")
        self.other_button.setToolTip(
            "Not actors: networks and agreement can leave them out (Edit › Undo takes it back)"
        )

    def _build_layout(self) -> None:
        clusters_page = QWidget()
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(clusters_page)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.evidence)
        layout.addLayout(buttons)
        others_page = QWidget()
        other_buttons = QHBoxLayout()
        other_buttons.addStretch(1)
        other_buttons.addWidget(self.other_button)
        layout = QVBoxLayout(others_page)
        note = QLabel(
            "Numbers, percentages, polls, documents and bare pronouns quoted as sources. "
            "Kind “other” keeps their claims but leaves them out of actor lists."
        )
        note.setWordWrap(True)
        note.setObjectName("viewHint")  # muted in the theme in force
        layout.addWidget(note)
        layout.addWidget(self.others, 1)
        layout.addLayout(other_buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(clusters_page, "Same actor")
        self.tabs.addTab(others_page, "Not actors")
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(close)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addLayout(bottom)

    # -- filling -------------------------------------------------------------------

    def reload(self) -> None:
        """Compute the suggestions again (after a change) and show them."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.suggestions = suggest_from_store(self.session.store)
        finally:
            QApplication.restoreOverrideCursor()
        self.tree.clear()
        for index, cluster in enumerate(self.suggestions.clusters):
            self.tree.addTopLevelItem(self._cluster_item(index, cluster))
        self.others.clear()
        for item in self.suggestions.not_actors:
            row = QTreeWidgetItem([item.name, str(item.mentions), item.reason])
            row.setData(0, ROLE, item.id)
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            _checkable(row, True)
            self.others.addTopLevelItem(row)
        merges = sum(1 for c in self.suggestions.clusters if not c.ambiguous)
        ambiguous = len(self.suggestions.clusters) - merges
        self.tabs.setTabText(0, f"Same actor ({merges})")
        self.tabs.setTabText(1, f"Not actors ({len(self.suggestions.not_actors)})")
        self.summary.setText(
            f"{plural(merges, 'suggested merge')}, {ambiguous} ambiguous "
            "(never merged automatically), "
            f"{len(self.suggestions.not_actors)} sources that are not actors"
        )
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._enable()

    def _cluster_item(self, index: int, cluster: Cluster) -> QTreeWidgetItem:
        if cluster.ambiguous:
            title = f"{' / '.join(dict.fromkeys(cluster.names))}: ambiguous, " + " or ".join(
                c["name"] for c in cluster.candidates
            )
        else:
            title = f"{cluster.keep}  (+{len(cluster.members) - 1})"
        why = cluster.rule.split(":")[0] if cluster.ambiguous else cluster.rule
        sure = "—" if cluster.ambiguous else f"{cluster.confidence:.2f}"
        item = QTreeWidgetItem([title, str(cluster.mentions), sure, why])
        item.setData(0, ROLE, index)
        item.setToolTip(3, cluster.rule)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if cluster.ambiguous:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            for column in range(4):
                item.setForeground(column, MUTED)
        else:
            _checkable(item, cluster.confidence >= CHECKED_FROM)
        for member in cluster.members:
            child = QTreeWidgetItem([member["name"], str(member["mentions"]), "", ""])
            child.setData(0, ROLE, member["id"])
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if cluster.ambiguous:
                child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            else:
                _checkable(child, True, enabled=member["id"] != cluster.keep_id)
            item.addChild(child)
        self._mark_keep(item)
        return item

    def _mark_keep(self, item: QTreeWidgetItem) -> None:
        cluster = self._cluster(item)
        for i in range(item.childCount()):
            child = item.child(i)
            font = child.font(0)
            font.setBold(child.data(0, ROLE) == cluster.keep_id)
            child.setFont(0, font)

    # -- reading the tree ------------------------------------------------------------

    def _cluster(self, item: QTreeWidgetItem) -> Cluster:
        top = item.parent() or item
        return self.suggestions.clusters[top.data(0, ROLE)]

    def _selected_clusters(self) -> list[QTreeWidgetItem]:
        tops = {id(i.parent() or i): i.parent() or i for i in self.tree.selectedItems()}
        return list(tops.values())

    def checked_groups(self) -> list[tuple[str, list[str]]]:
        """(keep id, other ids) of every checked cluster, without unchecked names."""
        groups = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            cluster = self._cluster(item)
            if cluster.ambiguous or item.checkState(0) != Qt.CheckState.Checked:
                continue
            others = [
                item.child(k).data(0, ROLE)
                for k in range(item.childCount())
                if item.child(k).checkState(0) == Qt.CheckState.Checked
                and item.child(k).data(0, ROLE) != cluster.keep_id
            ]
            if cluster.keep_id and others:
                groups.append((cluster.keep_id, others))
        return groups

    def _enable(self) -> None:
        selected = self._selected_clusters()
        self.reject_button.setEnabled(bool(selected))
        current = self.tree.currentItem()
        self.keep_button.setEnabled(
            current is not None
            and current.parent() is not None
            and not self._cluster(current).ambiguous
        )
        self.accept_button.setEnabled(self.tree.topLevelItemCount() > 0)
        self.other_button.setEnabled(self.others.topLevelItemCount() > 0)

    def _show_evidence(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            self.evidence.setPlainText("")
            return
        cluster = self._cluster(current)
        if cluster.ambiguous:
            lines = [f"Ambiguous, never merged automatically: {cluster.rule}"]
        else:
            lines = [f"Why: {cluster.rule} (confidence {cluster.confidence:.2f})"]
        lines.append(
            "Mentions: " + ", ".join(f"{m['name']} {m['mentions']}" for m in cluster.members)
        )
        lines += [f"“{ex['sentence']}”  — {ex['name']}" for ex in cluster.examples]
        self.evidence.setPlainText("\n".join(lines))
        self._enable()

    # -- the actions -------------------------------------------------------------------

    def keep_name(self, item: QTreeWidgetItem | None) -> None:
        """Edit a cluster: merge it into ``item``'s name instead of the proposed one."""
        if item is None or item.parent() is None:
            return
        cluster = self._cluster(item)
        if cluster.ambiguous:
            return
        name = item.text(0)
        cluster.keep_id, cluster.keep = item.data(0, ROLE), name
        top = item.parent()
        top.setText(0, f"{name}  (+{len(cluster.members) - 1})")
        for k in range(top.childCount()):
            child = top.child(k)
            _checkable(
                child,
                child.checkState(0) == Qt.CheckState.Checked or child is item,
                enabled=child is not item,
            )
        self._mark_keep(top)

    def merge_checked(self) -> bool:
        groups = self.checked_groups()
        if not groups:
            return False
        ok = self.session.perform(ops.merge_speaker_groups(groups)) is not None
        if ok:
            self._changed(f"Merged {plural(len(groups), 'group')} of speakers")
        return ok

    def reject_selected(self) -> bool:
        groups = [g for item in self._selected_clusters() for g in self._cluster(item).rejection()]
        if not groups:
            return False
        ok = self.session.perform(ops.reject_speaker_groups(groups)) is not None
        if ok:
            self._changed("Kept apart: not proposed again")
        return ok

    def mark_checked_other(self) -> bool:
        ids = [
            self.others.topLevelItem(i).data(0, ROLE)
            for i in range(self.others.topLevelItemCount())
            if self.others.topLevelItem(i).checkState(0) == Qt.CheckState.Checked
        ]
        if not ids:
            return False
        ok = self.session.perform(ops.set_speaker_kinds(ids, "other")) is not None
        if ok:
            self._changed(f"{plural(len(ids), 'source')} marked as kind other")
        return ok

    def _changed(self, message: str) -> None:
        if self.on_change is not None:
            self.on_change(message)
        self.reload()

"""The Speakers view: corpus-wide speakers, rename, aliases and merge."""

from __future__ import annotations

from typing import Any

from ...core.schema import SPEAKER_KINDS
from ...core.store import queries as q
from ...core.store.queries import ViewFilter
from .. import operations as ops
from ..qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QModelIndex,
    QPoint,
    QPushButton,
    QStyledItemDelegate,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    literal,
)
from ..session import Session
from ..wording import one_line, plural
from .common import (
    Column,
    PagedModel,
    ViewTab,
    make_table,
    search_box,
)
from .duplicates import FindDuplicatesDialog


class SpeakersTab(ViewTab):
    view = "speakers"
    show_claims_of = Signal(str, str)  # speaker id, name: their claims, in the Claims view
    show_timeline_of = Signal(str)  # speaker id: their positions over time
    COLUMNS = (
        Column("name", "Speaker", "name", 250),
        Column("aliases", "Also called", None, None),
        Column("kind", "Kind", "kind", 96),
        Column("role", "Role", "role", 190),
        Column("affiliation", "Affiliation", "affiliation", 190),
        Column("claims", "Claims", "claims", 68, numeric=True),
        Column("articles", "Articles", "articles", 68, numeric=True),
    )

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.filter = search_box("Filter by name, alias, role or affiliation…")
        # Name, kind, role and affiliation are edited in place (F2, or a click on the
        # selected cell); double-click still opens the first mention.
        self.model = self.filtered_model(
            self.COLUMNS, q.speakers_page, q.speakers_count, "name", EditableSpeakers
        )
        self.model.edit_cell = self.edit_cell
        self.table = make_table(self.model)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        kind_column = next(i for i, c in enumerate(self.COLUMNS) if c.key == "kind")
        self.table.setItemDelegateForColumn(kind_column, KindDelegate(self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.rename_button = QPushButton("Rename…")
        self.alias_button = QPushButton("Add alias…")
        self.merge_button = QPushButton("Merge into…")
        self.claims_button = QPushButton("Show claims")
        self.duplicates_button = QPushButton("Find duplicates…")
        for button, tip in (
            (self.rename_button, "Change the speaker's name"),
            (self.alias_button, "Another name the speaker goes by"),
            (
                self.merge_button,
                "Move every mention, claim and position to another speaker (undo with Edit ▸ Undo)",
            ),
            (self.claims_button, "List this speaker's claims"),
            (
                self.duplicates_button,
                "Speakers that are probably one actor, and sources that are not actors",
            ),
        ):
            button.setToolTip(tip)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        for button in (
            self.rename_button,
            self.alias_button,
            self.merge_button,
            self.claims_button,
            self.duplicates_button,
            self.export_button,
        ):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._timer = self._debounced(self.apply_filter)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.model.loaded.connect(lambda n: self.count_label.setText(plural(n, "speaker")))
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.rename_button.clicked.connect(self.rename_dialog)
        self.alias_button.clicked.connect(self.alias_dialog)
        self.merge_button.clicked.connect(self.merge_dialog)
        self.claims_button.clicked.connect(self.show_claims)
        self.duplicates_button.clicked.connect(self.find_duplicates)
        self._enable()

    def view_filter(self) -> ViewFilter:
        return ViewFilter(text=self.filter.text().strip(), layers=self.layers())

    def apply_filter(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        keep = self.selected()
        column = max(0, self.table.currentIndex().column())
        self.model.reload()
        if keep:
            self.select(keep["id"], column)
        self._enable()

    def _enable(self) -> None:
        has = self.selected() is not None
        for button in (
            self.rename_button,
            self.alias_button,
            self.merge_button,
            self.claims_button,
        ):
            button.setEnabled(has)

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.row(index.row())

    def select(self, speaker_id: str, column: int = 0) -> bool:
        for i, row in enumerate(self.model.rows):
            if row["id"] == speaker_id:
                self.table.selectRow(i)
                self.table.setCurrentIndex(self.model.index(i, column))
                return True
        return False

    def _double_clicked(self, index: QModelIndex) -> None:
        found = q.speaker_first_span(self.store, self.model.row(index.row())["id"], self.layers())
        if found:
            self.open_span.emit(found[0], found[1] or "")

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("Rename…", self.rename_dialog)
        menu.addAction("Add alias…", self.alias_dialog)
        menu.addAction("Merge into…", self.merge_dialog)
        menu.addSeparator()
        menu.addAction("Show claims", self.show_claims)
        menu.addAction("Show on timeline", self.show_timeline)
        menu.addAction("Open first mention", lambda: self._double_clicked(index))
        menu.addSeparator()
        menu.addAction("Find duplicates…", self.find_duplicates)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # The actions; the *_dialog methods ask, the others can be called directly.

    def edit_cell(self, row: dict[str, Any], key: str, value: str) -> bool:
        """Change one field of a speaker from its cell (one undoable action)."""
        value = one_line(value)
        if key == "name" and not value:
            return False
        if (row.get(key) or "") == value:
            return False
        ok = self.session.perform(ops.update_speaker(row["id"], **{key: value or None})) is not None
        if ok:
            row[key] = value or None  # the cell shows it now; no reload under the editor
        self._after(ok, f"{row['name']}: {key} is now {value or '(none)'}")
        return ok

    def rename_selected(self, name: str) -> bool:
        row = self.selected()
        name = one_line(name)
        if row is None or not name:
            return False
        ok = self.session.perform(ops.update_speaker(row["id"], name=name)) is not None
        self._after(ok, f"Renamed {row['name']} to {name}")
        return ok

    def add_alias_selected(self, alias: str) -> bool:
        row = self.selected()
        alias = one_line(alias)
        if row is None or not alias:
            return False
        aliases = list(row["aliases"])
        if alias.casefold() in {a.casefold() for a in aliases} | {row["name"].casefold()}:
            return False
        aliases.append(alias)
        ok = self.session.perform(ops.update_speaker(row["id"], aliases=aliases)) is not None
        self._after(ok, f"{row['name']} is also called {alias}")
        return ok

    def merge_selected_into(self, keep_id: str) -> bool:
        """Merge the selected speaker into ``keep_id`` (one undoable action)."""
        row = self.selected()
        if row is None or keep_id == row["id"]:
            return False
        ok = self.session.perform(ops.merge_speakers(keep_id, row["id"])) is not None
        keep = self.store.speaker(keep_id)
        self._after(
            ok,
            f"Merged {row['name']} into {keep['name'] if keep else keep_id}"
            " (Edit ▸ Undo takes it back)",
        )
        if ok:
            self.select(keep_id)
        return ok

    def _after(self, ok: bool, message: str) -> None:
        if ok:
            self.message.emit(message)
            self.data_changed.emit()

    def rename_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, ok = QInputDialog.getText(self, "Rename speaker", "Name:", text=row["name"])
        if ok:
            self.rename_selected(name)

    def alias_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        alias, ok = QInputDialog.getText(
            self, "Add alias", literal(f"Another name for {row['name']}:")
        )
        if ok:
            self.add_alias_selected(alias)

    def merge_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        picker = SpeakerPicker(
            self.session,
            exclude=row["id"],
            parent=self,
            title=f"Merge {row['name']} into…",
            merging=row["name"],
        )
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.merge_selected_into(picker.chosen)

    def duplicates_dialog(self) -> FindDuplicatesDialog:
        """The Find duplicates dialog on this database (not shown yet)."""
        return FindDuplicatesDialog(self.session, parent=self, on_change=self._after_review)

    def find_duplicates(self) -> None:
        self.duplicates_dialog().exec()

    def _after_review(self, message: str) -> None:
        self.message.emit(message + " (Edit ▸ Undo takes it back)")
        self.data_changed.emit()

    def show_claims(self) -> None:
        row = self.selected()
        if row is not None:
            self.show_claims_of.emit(row["id"], row["name"])

    def show_timeline(self) -> None:
        row = self.selected()
        if row is not None:
            self.show_timeline_of.emit(row["id"])


class EditableSpeakers(PagedModel):
    """The speakers table, with name, kind, role and affiliation editable in place.

    ``edit_cell(row, key, value)`` writes the change (set by the tab).
    """

    EDITABLE = ("name", "kind", "role", "affiliation")
    edit_cell: Any

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key in self.EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return self.rows[index.row()].get(self.columns[index.column()].key) or ""
        return super().data(index, role)

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self.columns[index.column()].key
        return key in self.EDITABLE and bool(self.edit_cell(self.rows[index.row()], key, value))


class KindDelegate(QStyledItemDelegate):
    """A speaker's kind, picked from the kinds there are."""

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        editor.addItems(list(SPEAKER_KINDS))
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class SpeakerPicker(QDialog):
    """Pick another speaker: type to filter, double-click or OK."""

    def __init__(
        self,
        session: Session,
        *,
        exclude: str | None,
        parent: QWidget | None,
        title: str,
        merging: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.exclude = exclude
        self.merging = merging
        self.chosen: str | None = None
        self.setWindowTitle(title)
        self.resize(460, 420)
        self.filter = search_box("Type a name…")
        self.list = QListWidget()
        who = f"“{merging}”" if merging else "Their"
        note = QLabel(
            f"{who}{'’s' if merging else ''} mentions, claims and positions move to the "
            f"speaker you pick; {'the name' if merging else 'their name'} becomes an alias. "
            "Edit ▸ Undo takes it back."
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setObjectName("viewHint")
        # Which speaker the merge goes into, said before OK (nothing is picked by default).
        self.into = QLabel()
        self.into.setObjectName("mergeInto")
        self.into.setTextFormat(Qt.TextFormat.PlainText)
        self.into.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.into)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show_choice())
        self.filter.textChanged.connect(self._fill)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept())
        self._fill("")

    def _fill(self, text: str) -> None:
        self.list.clear()
        rows = q.speakers_page(self.session.store, ViewFilter(text=text.strip()), limit=200)
        for row in rows:
            if row["id"] == self.exclude:
                continue
            extra = ", ".join(x for x in (row["role"], row["affiliation"]) if x)
            item = QListWidgetItem(
                f"{row['name']}"
                + (f"  —  {extra}" if extra else "")
                + f"   ({row['claims']} claims)"
            )
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setData(Qt.ItemDataRole.UserRole + 1, row["name"])
            self.list.addItem(item)
        self._show_choice()

    def _show_choice(self) -> None:
        item = self.list.currentItem()
        self.ok.setEnabled(item is not None)
        target = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        subject = f"“{self.merging}”" if self.merging else "This speaker"
        self.into.setText(
            f"{subject} will be merged into “{target}”."
            if target
            else f"Pick the speaker to merge {subject} into (no default)."
        )

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()

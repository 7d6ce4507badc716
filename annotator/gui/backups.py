"""The window's data safety: automatic backups, File › Restore from backup…, the offer
to restore a damaged database, and the shared-folder warning.

Backups run in a worker thread with its own sqlite connections (a connection belongs
to the thread that made it), through SQLite's online backup API in steps: the window
is never blocked while a 500 MB database is copied. One is made shortly after a
database opens (when it changed since its newest backup) and then, while something
changes, at most every ``backup/interval_minutes`` (15).

Settings (``settings.ini``): ``backup/enabled`` (true), ``backup/keep_last`` (10),
``backup/keep_days`` (30), ``backup/interval_minutes`` (15); ``shared_warned`` lists
the files whose shared-folder warning was shown.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

from ..core import backup, mounts
from ..core.backup import BackupCancelled, BackupInfo, BackupPolicy
from ..core.errors import AnnotatorError
from .qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QEventLoop,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QObject,
    QProgressDialog,
    QPushButton,
    QSettings,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .session import Session

# The first backup waits until the window is up and the analyst has started.
START_DELAY_MS = 3000
CHECK_EVERY_MS = 60_000


def policy_from(settings: QSettings) -> BackupPolicy:
    """The rotation and interval from the settings (defaults: 10, 30 days, 15 minutes)."""

    def number(key: str, default: int) -> int:
        try:
            return max(1, int(settings.value(key, default)))
        except (TypeError, ValueError):
            return default

    return BackupPolicy(
        keep_last=number("backup/keep_last", 10),
        keep_days=number("backup/keep_days", 30),
        interval=timedelta(minutes=number("backup/interval_minutes", 15)),
    )


class AutoBackup(QObject):
    """Backs up the open database in the background: on open, then while it changes."""

    finished = Signal(object)  # BackupInfo of a backup made, delivered on the UI thread
    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        settings: QSettings,
        *,
        root: Path | None = None,
        clock: backup.Clock = backup.utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.root = root
        self.clock = clock
        self.last: object = None  # datetime of the last backup made in this window
        self.last_info: BackupInfo | None = None
        self.dirty = False
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.maybe_start)
        self._first = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self._first.timeout.connect(self.maybe_start)
        session.changed.connect(self._changed)
        session.database_changed.connect(self.opened)
        self.finished.connect(self._done)
        self.opened()
        self._timer.start()

    @property
    def enabled(self) -> bool:
        return self.settings.value("backup/enabled", True, type=bool)

    def _changed(self, _changes: object = None) -> None:
        self.dirty = True

    def opened(self) -> None:
        """A database was opened: back it up soon (the worker skips it when its content
        is the same as in its newest backup)."""
        self.last = None
        self.dirty = self.session.path is not None
        self._first.start()

    def due(self) -> bool:
        """Something changed and the interval since the last backup has passed."""
        if not (self.dirty and self.enabled) or self.running:
            return False
        return self.last is None or self.clock() - self.last >= policy_from(self.settings).interval

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def maybe_start(self) -> bool:
        return self.start() if self.due() else False

    def start(self) -> bool:
        """Start a backup now (unless one runs or no file is open); True if started."""
        path = self.session.path
        if path is None or self.running:
            return False
        self.dirty = False
        self.last = self.clock()
        self._cancel = threading.Event()
        policy = policy_from(self.settings)
        self._thread = threading.Thread(
            target=self._run, args=(path, policy, self._cancel), name="backup", daemon=True
        )
        self._thread.start()
        return True

    def _run(self, path: Path, policy: BackupPolicy, cancel: threading.Event) -> None:
        try:
            info = backup.make_backup(
                path,
                root=self.root,
                clock=self.clock,
                policy=policy,
                cancelled=cancel.is_set,
                only_if_changed=True,
            )
        except BackupCancelled:
            return
        except (AnnotatorError, OSError) as exc:
            self.dirty = True  # try again at the next check
            self.failed.emit(f"Backup failed: {exc}")
            return
        if info is not None:
            self.finished.emit(info)

    def _done(self, info: BackupInfo) -> None:
        self.last_info = info

    def wait(self, timeout: float = 60.0) -> bool:
        """Wait for a running backup; True when none runs any more."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def stop(self) -> None:
        """Cancel a running backup and wait for it (the window is closing)."""
        self._timer.stop()
        self._first.stop()
        self._cancel.set()
        self.wait(30.0)


class RestoreDialog(QDialog):
    """File › Restore from backup…: the backups with their counts; restore into a new file."""

    def __init__(self, db_path: Path, root: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.setWindowTitle("Restore from backup")
        self.backups = backup.list_backups(db_path, root=root)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Backups of {db_path.name}, newest first. The one you choose is restored into "
            "a new file, which then opens; the current file is left as it is."
            if self.backups
            else f"There are no backups of {db_path.name} yet."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), 5)
        self.table.setHorizontalHeaderLabels(
            ["Date", "Articles", "Annotations", "Annotators", "Size"]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, info in enumerate(self.backups):
            if info.articles is None:
                with suppress(AnnotatorError):
                    info = backup.inspect_backup(info.path)
            cells = [
                info.created.astimezone().strftime("%Y-%m-%d %H:%M"),
                _count(info.articles),
                _count(info.annotations),
                _count(info.annotators),
                f"{info.size / 1_048_576:.1f} MB",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton("Restore into a new file…")
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.restore_button.setEnabled(bool(self.backups))
        if self.backups:
            self.table.selectRow(0)
        self.resize(640, 380)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"


def restored_name(db_path: Path, info: BackupInfo) -> Path:
    """A free name next to ``db_path`` for a restored copy: ``<name>-restored-<date>.db``."""
    stamp = info.created.astimezone().strftime("%Y%m%d-%H%M")
    target = db_path.with_name(f"{db_path.stem}-restored-{stamp}{db_path.suffix or '.db'}")
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"{db_path.stem}-restored-{stamp}-{n}{db_path.suffix or '.db'}")
    return target


class _Finished(QObject):
    done = Signal()


def restore_into_new_file(parent: QWidget | None, info: BackupInfo, target: Path) -> bool:
    """Restore ``info`` into ``target`` in a worker thread, the window painting on behind
    a progress dialog (a large backup takes seconds to check and copy). False, and a
    message, on failure."""
    errors: list[str] = []
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            backup.restore(info.path, target)
        except (AnnotatorError, OSError) as exc:
            errors.append(str(exc))
        finally:
            finished.done.emit()

    dialog = QProgressDialog("Checking and restoring the backup…", "", 0, 0, parent)
    dialog.setWindowTitle("Restore from backup")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    worker = threading.Thread(target=work, name="restore", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    dialog.reset()
    dialog.close()
    if errors:
        QMessageBox.warning(parent, "Annotator", f"Could not restore the backup.\n\n{errors[0]}")
        return False
    return True


def offer_damaged_restore(
    parent: QWidget | None, db_path: Path, error: str, *, root: Path | None = None
) -> Path | None:
    """The database could not be opened: if it is damaged and a good backup exists, offer
    to restore that into a new file next to it. Returns the new file, or None."""
    if not backup.is_damaged(db_path):
        return None
    best = backup.newest_good_backup(db_path, root=root)
    if best is None:
        return None
    target = restored_name(db_path, best)
    answer = QMessageBox.question(
        parent,
        "Annotator",
        f"{error}\n\nThe newest good backup is from "
        f"{best.created.astimezone():%Y-%m-%d %H:%M} ({_count(best.articles)} articles, "
        f"{_count(best.annotations)} annotations). Restore it into the new file "
        f"{target} and open that?\n\nThe damaged file is left as it is.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return target if restore_into_new_file(parent, best, target) else None


def warn_if_shared(parent: QWidget | None, db_path: Path | None, settings: QSettings) -> str | None:
    """Warn once per file when the database is on a network or synced folder.

    Returns the warning shown, or None (local disk, or already warned about this file).
    """
    if db_path is None:
        return None
    key = str(Path(db_path).resolve())
    value = settings.value("shared_warned", [])
    warned = [value] if isinstance(value, str) else list(value or [])
    if key in warned:
        return None
    risk = mounts.shared_folder_risk(db_path)
    if risk is None:
        return None
    settings.setValue("shared_warned", [*warned, key])
    text = mounts.warning_text(db_path, risk)
    QMessageBox.warning(parent, "Annotator: shared folder", text)
    return text


class DataSafety(QObject):
    """Part of the main window: backups, restore and the shared-folder warning."""

    def __init__(self, window, *, root: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.root = root
        self.auto = AutoBackup(window.session, window.settings, root=root, parent=self)
        self.auto.failed.connect(lambda text: window.statusBar().showMessage(text, 10000))
        window.session.database_changed.connect(self.check_shared)
        # After the window is on screen, not in the middle of building it.
        QTimer.singleShot(0, self.check_shared)

    def check_shared(self) -> str | None:
        """Warn (once per file) if the open database is on a shared or synced folder."""
        return warn_if_shared(self.window, self.window.session.path, self.window.settings)

    def restore_dialog(self) -> None:
        path = self.window.session.path
        if path is None:
            return
        dialog = RestoreDialog(path, self.root, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or (info := dialog.chosen()) is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "Restore into a new file",
            str(restored_name(path, info)),
            "Annotator database (*.db)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        target = Path(name)
        if target.exists():
            QMessageBox.warning(
                self.window,
                "Annotator",
                f"{target} already exists. A backup is restored into a new file only.",
            )
            return
        if restore_into_new_file(self.window, info, target):
            self.window.files.switch_database(target)

    def stop(self) -> None:
        self.auto.stop()

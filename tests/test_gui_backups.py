"""The window's data safety: automatic backups, restore from backup, a damaged file,
the shared-folder warning, and the error dialog with its log file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from annotator.core import backup, mounts
from annotator.core.store import Store
from annotator.gui import backups as gui_backups
from annotator.gui.app import application
from annotator.gui.errors import HEADLINE, ErrorReporter
from annotator.gui.main_window import MainWindow


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Message boxes record their text instead of blocking; questions answer Yes."""
    seen: dict[str, list[str]] = {"warning": [], "question": []}

    def record(kind: str, answer):
        def box(_parent, _title, text, *args, **kwargs):
            seen[kind].append(text)
            return answer

        return staticmethod(box)

    ok, yes = QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Yes
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record("warning", ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", yes))
    return seen


@pytest.fixture
def make_window(open_window, messages) -> Callable[[Path], MainWindow]:
    """A window on ``db`` without the sample corpus (conftest's ``open_window``), with
    the message boxes answered."""
    return lambda db: open_window(db, seed=False)


def _database(path: Path, articles: int = 5) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path, annotator="ana") as store:
        for n in range(articles):
            aid = store.add_article(f'Story {n}\n\nThe minister said "no bloc {n}" today.')
            store.tag(aid, 9, 20, "claim")
    return path


def test_backup_on_open_then_only_after_a_change_and_the_interval(
    make_window, tmp_path: Path, qtbot
) -> None:
    db = _database(tmp_path / "project.db")
    win = make_window(db)
    auto = win.safety.auto
    qtbot.waitUntil(lambda: auto.last_info is not None, timeout=15000)
    assert auto.wait()
    assert [b.articles for b in backup.list_backups(db)] == [5]

    # A fake clock: nothing changed, nothing to do; a change, but too soon; then due.
    now = datetime.now(UTC)
    auto.clock = lambda: now
    auto.last = now
    assert not auto.maybe_start()
    win.session.run(lambda s: s.add_article("A new story, written after the backup."))
    now += timedelta(minutes=14)
    assert not auto.maybe_start()
    now += timedelta(minutes=1)
    assert auto.maybe_start()
    assert auto.wait()
    qtbot.waitUntil(lambda: auto.last_info.articles == 6, timeout=15000)
    assert backup.list_backups(db)[0].articles == 6


def test_reopening_an_unchanged_database_adds_no_backup(make_window, tmp_path: Path, qtbot) -> None:
    db = _database(tmp_path / "project.db")
    first = make_window(db)
    qtbot.waitUntil(lambda: first.safety.auto.last_info is not None, timeout=15000)
    first.close()
    second = make_window(db)
    auto = second.safety.auto
    qtbot.waitUntil(lambda: auto.last is not None and not auto.running, timeout=15000)
    assert len(backup.list_backups(db)) == 1
    second.session.run(lambda s: s.add_article("One more story."))
    assert auto.start() and auto.wait()
    assert [b.articles for b in backup.list_backups(db)] == [6, 5]


def test_restore_from_backup_opens_a_new_file_in_place_of_the_current_one(
    make_window, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path / "project.db", articles=4)
    backup.make_backup(db)
    win = make_window(db)
    win.session.run(lambda s: s.add_article("Written after the backup."))
    assert win.store.article_count() == 5

    shown: list[gui_backups.RestoreDialog] = []

    def accept(dialog: gui_backups.RestoreDialog) -> int:
        shown.append(dialog)
        dialog.grab().save(str(Path("/tmp/restore-dialog.png")))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gui_backups.RestoreDialog, "exec", accept)
    target = tmp_path / "restored.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    win.safety.restore_dialog()

    table = shown[0].table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (1, 2, 3)] == ["4", "4", "1"]
    assert win.session.path == target
    assert win.store.article_count() == 4
    with Store(db) as original:  # the current file was left as it was
        assert original.article_count() == 5


def test_restore_never_overwrites_an_existing_file(
    make_window, tmp_path: Path, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path / "project.db", articles=2)
    other = _database(tmp_path / "other.db", articles=3)
    backup.make_backup(db)
    win = make_window(db)
    monkeypatch.setattr(gui_backups.RestoreDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    before = other.read_bytes()
    win.safety.restore_dialog()
    assert "already exists" in messages["warning"][-1]
    assert other.read_bytes() == before
    assert win.session.path == db


def test_damaged_database_offers_its_newest_good_backup(
    make_window, tmp_path: Path, messages
) -> None:
    current = _database(tmp_path / "current.db", articles=1)
    db = _database(tmp_path / "project.db", articles=60)
    backup.make_backup(db)
    data = bytearray(db.read_bytes())
    data[len(data) // 3 :] = b"\xa5" * (len(data) - len(data) // 3)
    db.write_bytes(bytes(data))

    win = make_window(current)
    assert win.files.switch_database(db)
    assert "newest good backup" in messages["question"][-1]
    assert win.session.path.name.startswith("project-restored-")
    assert win.store.article_count() == 60
    assert db.read_bytes() == bytes(data)


def _mount_table(tmp_path: Path) -> Path:
    table = tmp_path / "mountinfo"
    table.write_text(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        f"41 22 0:50 / {tmp_path}/share rw,relatime - nfs4 server:/export rw,vers=4.2\n"
    )
    return table


def test_shared_folder_warning_once_per_file(
    make_window, tmp_path: Path, qtbot, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mounts, "MOUNTINFO", _mount_table(tmp_path))
    local = _database(tmp_path / "local" / "a.db", articles=1)
    shared = _database(tmp_path / "share" / "b.db", articles=1)

    win = make_window(local)
    assert win.safety.check_shared() is None
    assert messages["warning"] == []

    win.files.switch_database(shared)
    qtbot.waitUntil(lambda: len(messages["warning"]) == 1)
    assert "network file system (NFS)" in messages["warning"][0]
    assert "local copy" in messages["warning"][0] and "File › Merge" in messages["warning"][0]

    win.files.switch_database(local)
    win.files.switch_database(shared)
    second = make_window(shared)  # a new window, same settings: remembered
    assert second.safety.check_shared() is None
    assert len(messages["warning"]) == 1
    assert second.session.path == shared


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_shows_the_dialog_and_writes_the_log(qtbot, tmp_path: Path) -> None:
    application()
    reporter = ErrorReporter(tmp_path / "logs")
    reporter.install()
    try:

        def broken_slot() -> None:
            raise ZeroDivisionError("injected for the test")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    finally:
        reporter.uninstall()
    dialog = reporter.dialog
    assert dialog.headline.text() == HEADLINE
    dialog.grab().save(str(Path("/tmp/error-dialog.png")))
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "ZeroDivisionError: injected for the test" in copied
    assert "broken_slot" in copied
    log = (tmp_path / "logs" / "annotator.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: injected for the test" in log
    for part in ("Annotator 0.", "Platform:", "Qt: ", "Python "):
        assert part in log
    dialog.close()

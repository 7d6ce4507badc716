"""No space, no permission: a clear StoreError, nothing shown as saved, no partial rows.

Tests run as root here, and root ignores file permissions: read-only files and
folders are made with ``chattr +i`` (immutable, which binds root too) and a full
disk is a tiny tmpfs mounted for the test; each is skipped when the system does
not allow it. Write errors in the middle of an action are also simulated with a
sqlite authorizer, which works everywhere.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.errors import StoreError
from annotator.core.importing import import_paths
from annotator.core.store import Store

TABLES = (
    "articles",
    "speakers",
    "targets",
    "spans",
    "claims",
    "claim_spans",
    "positions",
    "position_evidence",
    "history",
)
TEXT = 'Title\n\nThe foreign minister said on Tuesday that "no region needs a new bloc".\n'


def snapshot(store: Store) -> dict[str, list[tuple]]:
    return {t: sorted(store.db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def _one_line(exc: BaseException) -> str:
    message = str(exc)
    assert message and "\n" not in message, message
    return message


# -- read-only files and folders ---------------------------------------------------------


@pytest.fixture
def make_read_only() -> Iterator[Callable[[Path], None]]:
    """Make a file or folder unwritable, for root too; undone after the test."""
    done: list[Path] = []

    def apply(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
        elif (
            shutil.which("chattr") is None
            or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode
        ):
            pytest.skip("cannot make a file read-only for root here (no chattr +i)")
        done.append(path)

    yield apply
    for path in reversed(done):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        else:
            path.chmod(0o755 if path.is_dir() else 0o644)


def _database(path: Path) -> str:
    # The same annotator as below: undo is per annotator.
    with Store(path, annotator="me") as store:
        aid = store.add_article(TEXT)
        store.tag(aid, 7, 27, "speaker")
    return aid


def test_read_only_file_refuses_each_action(tmp_path: Path, make_read_only) -> None:
    db = tmp_path / "ro.db"
    aid = _database(db)
    make_read_only(db)
    with Store(db, annotator="me") as store:  # reading still works
        before = snapshot(store)
        actions = [
            lambda: store.tag(aid, 48, 74, "claim"),
            lambda: store.set_article_status(aid, "done"),
            lambda: store.add_position(aid, speaker_id=None, target="blocs", stance="against"),
            lambda: store.undo(),
        ]
        for action in actions:
            with pytest.raises(StoreError) as info:
                action()
            assert "read-only" in _one_line(info.value)
            assert snapshot(store) == before
        assert store.undo_label() == "Tag speaker"


def test_read_only_folder_refuses_a_new_database(tmp_path: Path, make_read_only) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    existing = folder / "old.db"
    _database(existing)
    make_read_only(folder)
    with pytest.raises(StoreError) as info:
        Store(folder / "new.db")
    assert "cannot open" in _one_line(info.value)
    assert not (folder / "new.db").exists()
    # A closed WAL database needs its -wal file next to it: refused the same way.
    with pytest.raises(StoreError) as info:
        Store(existing)
    _one_line(info.value)


def test_window_shows_the_error_and_nothing_as_saved(
    tmp_path: Path, qtbot, monkeypatch, make_read_only
) -> None:
    from PySide6.QtCore import QSettings

    from annotator.gui import main_window
    from annotator.gui.app import application, build_window

    db = tmp_path / "ro.db"
    aid = _database(db)
    make_read_only(db)
    warnings: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text)
    )
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(db, annotator="me", seed=False, settings=settings)
    qtbot.addWidget(window)
    try:
        window.open_article(aid)
        shown = [s["id"] for s in window.spans]
        window.text.select_range(48, 74)
        window.tagging.tag("claim")
        assert len(warnings) == 1 and "read-only" in warnings[0], warnings
        assert [s["id"] for s in window.spans] == shown
        assert window.undo_action.text() == "&Undo Tag speaker"
        assert window.text.textCursor().hasSelection()  # the selection is kept to retry
        assert "Tagged" not in window.statusBar().currentMessage()
    finally:
        window.close()
        window.store.close()


# -- a full disk -----------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_full_disk_refuses_the_action_and_keeps_the_database(tiny_disk: Path) -> None:
    db = tiny_disk / "full.db"
    with Store(db, annotator="me") as store:
        aid = store.add_article(TEXT)
        span = store.tag(aid, 48, 74, "claim")["span"]
        filler = _fill(tiny_disk)
        before = snapshot(store)
        failures = 0
        for n in range(20):  # the WAL has some room left: go on until it is used up
            try:
                store.update_span(span["id"], note=f"{n} " + "a long note " * 2000)
            except StoreError as exc:
                assert "disk is full" in _one_line(exc)
                failures += 1
                break
            before = snapshot(store)
        assert failures == 1, "the disk never filled up"
        assert snapshot(store) == before
        with pytest.raises(StoreError, match="disk is full"):
            store.add_article("A long article. " * 100_000)
        assert snapshot(store) == before
        report = _import_one_big_file(store, tiny_disk.parent)
        assert report.added == 0 and report.failed == 1
        assert "disk is full" in report.errors[0]
        assert snapshot(store) == before
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Space again: the same store carries on.
        filler.unlink()
        store.update_span(span["id"], note="after the disk had room again")
        assert store.span(span["id"])["note"] == "after the disk had room again"
    with Store(db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _import_one_big_file(store: Store, folder: Path):
    source = folder / "big.txt"
    source.write_text("Big article\n\n" + "The minister said no. " * 100_000, encoding="utf-8")
    return import_paths(store, [source])


# -- a write failing in the middle of an action ---------------------------------------------


def _deny(store: Store, action_code: int, table: str) -> None:
    def authorizer(action: int, arg1, _arg2, _db, _source) -> int:
        if action == action_code and arg1 == table:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    store.db.conn.set_authorizer(authorizer)


ACTIONS: dict[str, tuple[int, str]] = {
    # (what to make fail, in which table): each is the action's last or a middle step
    "tag: history row": (sqlite3.SQLITE_INSERT, "history"),
    "tag: claim": (sqlite3.SQLITE_INSERT, "claims"),
    "tag: claim link": (sqlite3.SQLITE_INSERT, "claim_spans"),
    "tag: article status": (sqlite3.SQLITE_UPDATE, "articles"),
    "attribute: new speaker": (sqlite3.SQLITE_INSERT, "speakers"),
    "attribute: history row": (sqlite3.SQLITE_INSERT, "history"),
    "position: evidence": (sqlite3.SQLITE_INSERT, "position_evidence"),
    "position: new target": (sqlite3.SQLITE_INSERT, "targets"),
    "status: history row": (sqlite3.SQLITE_INSERT, "history"),
    "undo: marking it undone": (sqlite3.SQLITE_UPDATE, "history"),
    "undo: putting rows back": (sqlite3.SQLITE_DELETE, "spans"),
}


@pytest.mark.parametrize("case", sorted(ACTIONS))
def test_a_write_failing_mid_action_leaves_no_partial_rows(case: str, store: Store) -> None:
    aid = store.add_article(TEXT)
    mention = store.tag(aid, 7, 27, "speaker")["span"]
    claim = store.tag(aid, 48, 74, "claim")["claim"]
    store.tag(aid, 37, 41, "cue")
    fresh = store.add_article(TEXT.replace("Title", "Another title"))  # still to do
    run: Callable[[], object] = {
        "tag": lambda: store.tag(fresh, 59, 74, "claim"),
        "attribute": lambda: store.attribute_claim(
            claim["id"], speaker_name="Claire Whitfield", mention_span_id=mention["id"]
        ),
        "position": lambda: store.add_position(
            aid, speaker_id=None, target="a new bloc", stance="against", evidence=[claim["id"]]
        ),
        "status": lambda: store.set_article_status(aid, "done"),
        "undo": store.undo,
    }[case.split(":")[0]]
    before = snapshot(store)
    _deny(store, *ACTIONS[case])
    with pytest.raises(StoreError) as info:
        run()
    _one_line(info.value)
    store.db.conn.set_authorizer(None)
    assert snapshot(store) == before
    assert store.undo_label() == "Tag cue"
    run()  # and with the fault gone, the same action goes through
    assert snapshot(store) != before

"""Damaged and foreign files are refused with one clear line and left exactly as they were.

For each bad file: ``Store(path)`` raises StoreError with a one-line message, the
file's bytes are unchanged (and no -wal/-shm is left next to it), the command line
exits non-zero with one line and no traceback, and in the window
``switch_database`` keeps the current database open and usable.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import schema
from annotator.core.errors import StoreError
from annotator.core.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _real_database(path: Path, articles: int = 60) -> Path:
    with Store(path, annotator="setup") as store:
        for n in range(articles):
            aid = store.add_article(
                f'Article {n}\n\nThe minister said "no region needs a new bloc {n}". ' * 8
            )
            store.tag(aid, 15, 30, "claim")
    return path


def _truncated(folder: Path, fraction: float) -> Path:
    real = _real_database(folder / "real.db")
    data = real.read_bytes()
    bad = folder / f"truncated-{fraction}.db"
    bad.write_bytes(data[: int(len(data) * fraction)])
    real.unlink()
    return bad


def _random_bytes(folder: Path) -> Path:
    bad = folder / "random.db"
    bad.write_bytes(random.Random(7).randbytes(64 * 1024))
    return bad


def _random_after_header(folder: Path) -> Path:
    """A SQLite header followed by garbage: looks like a database at first sight."""
    real = _real_database(folder / "real.db")
    data = bytearray(real.read_bytes())
    data[100:] = random.Random(8).randbytes(len(data) - 100)
    bad = folder / "garbage-after-header.db"
    bad.write_bytes(bytes(data))
    real.unlink()
    return bad


def _foreign(folder: Path, user_version: int) -> Path:
    bad = folder / f"foreign-v{user_version}.sqlite"
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT, title TEXT)")
    conn.execute("INSERT INTO bookmarks (url, title) VALUES ('https://example.org', 'x')")
    conn.execute(f"PRAGMA user_version = {user_version}")  # many programs set one
    conn.commit()
    conn.close()
    return bad


def _newer(folder: Path) -> Path:
    bad = _real_database(folder / "newer.db", articles=3)
    conn = sqlite3.connect(bad)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return bad


BAD_FILES = {
    "truncated-half": lambda d: _truncated(d, 0.5),
    "truncated-first-pages": lambda d: _truncated(d, 0.02),
    "truncated-near-end": lambda d: _truncated(d, 0.9),
    "random-bytes": _random_bytes,
    "garbage-after-header": _random_after_header,
    "foreign-sqlite": lambda d: _foreign(d, 0),
    "foreign-sqlite-with-user-version": lambda d: _foreign(d, 1),
    "newer-schema": _newer,
}
EXPECTED_WORDS = {
    "newer-schema": "newer version of Annotator",
    "foreign-sqlite": "not an Annotator database",
    "foreign-sqlite-with-user-version": "not an Annotator database",
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request, tmp_path: Path) -> tuple[str, Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    return request.param, BAD_FILES[request.param](folder)


def test_store_refuses_with_one_line_and_leaves_the_file_alone(bad_file) -> None:
    kind, path = bad_file
    before, siblings = _sha(path), _siblings(path)
    with pytest.raises(StoreError) as info:
        Store(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message, message
    assert EXPECTED_WORDS.get(kind, "damaged") in message, message
    assert _sha(path) == before, "the file was changed"
    assert _siblings(path) == siblings, "files were left next to it"


def test_command_line_says_one_line_and_exits_non_zero(bad_file) -> None:
    _kind, path = bad_file
    before = _sha(path)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(path), "stats"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], result.stderr
    assert _sha(path) == before


def test_window_keeps_the_current_database(bad_file, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from annotator.gui import main_window
    from annotator.gui.app import application, build_window

    _kind, path = bad_file
    before = _sha(path)
    warnings: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text)
    )
    application()
    good = tmp_path / "good.db"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(good, annotator="tester", seed=False, settings=settings)
    qtbot.addWidget(window)
    try:
        aid = window.store.add_article("The minister said no region needs a new bloc.")
        window.corpus.reload()
        window.open_article(aid)

        assert window.files.switch_database(path) is False
        assert len(warnings) == 1 and "stays open" in warnings[0], warnings
        assert window.session.path == good
        # Still usable: a tag goes into the old database.
        window.text.select_range(4, 12)
        window.tagging.tag("cue")
        assert [s["text"] for s in window.store.spans(aid)] == ["minister"]
        assert window.settings.value("database") == str(good)
    finally:
        window.close()
        window.store.close()
    assert _sha(path) == before
    with Store(good) as store:
        assert store.stats()["spans"] == 1


def test_a_copy_of_a_good_database_still_opens(tmp_path: Path) -> None:
    """The control: the same steps on an undamaged copy succeed."""
    real = _real_database(tmp_path / "real.db")
    copy = tmp_path / "copy.db"
    shutil.copy(real, copy)
    with Store(copy) as store:
        assert store.stats()["spans"] == 60

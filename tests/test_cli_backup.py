"""`annotator backup`, `annotator restore`, the damaged-file hint and --debug, run as users run them."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from annotator.core.store import Store

TIMEOUT = 120


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=TIMEOUT,
    )


def _database(path: Path, articles: int = 30) -> Path:
    with Store(path, annotator="ana") as store:
        for n in range(articles):
            aid = store.add_article(f'Story {n}\n\nThe minister said "no bloc {n}" today.')
            store.tag(aid, 9, 20, "claim")
    return path


def test_backup_list_and_restore_from_the_command_line(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db")
    made = run("--db", db, "backup")
    assert made.returncode == 0, made.stderr
    assert "30 articles, 30 annotations, 1 annotators backed up to" in made.stdout
    listed = run("--db", db, "backup", "--list")
    assert listed.returncode == 0 and "30 articles, 30 annotations, 1 annotator " in listed.stdout
    backup_file = Path(listed.stdout.split()[-1])
    assert backup_file.is_file()

    restored = run("restore", backup_file, "-o", tmp_path / "restored.db")
    assert restored.returncode == 0, restored.stderr
    with Store(tmp_path / "restored.db") as store:
        assert store.article_count() == 30


def test_backup_and_restore_never_overwrite(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db")
    other = _database(tmp_path / "other.db", articles=2)
    before = other.read_bytes()
    copy = run("--db", db, "backup", "-o", tmp_path / "copy.db")
    assert copy.returncode == 0
    for result in (
        run("--db", db, "backup", "-o", other),
        run("restore", tmp_path / "copy.db", "-o", other),
    ):
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "never overwrites" in result.stderr
        assert "Traceback" not in result.stderr
    assert other.read_bytes() == before


def test_damaged_database_names_its_newest_good_backup(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=60)
    assert run("--db", db, "backup").returncode == 0
    data = bytearray(db.read_bytes())
    data[len(data) // 3 :] = b"\xa5" * (len(data) - len(data) // 3)
    db.write_bytes(bytes(data))

    result = run("--db", db, "stats")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "newest good backup" in result.stderr and "60 articles" in result.stderr
    command = shlex.split(result.stderr.split("restore it with: ")[1])
    assert command[:2] == ["annotator", "restore"]
    restored = run(*command[1:])
    assert restored.returncode == 0, restored.stderr
    with Store(command[-1]) as store:
        assert store.article_count() == 60


def test_debug_prints_the_traceback_otherwise_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "random.db"
    bad.write_bytes(os.urandom(8192))
    plain = run("--db", bad, "stats")
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert len(plain.stderr.strip().splitlines()) == 1
    debug = run("--db", bad, "--debug", "stats")
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert plain.stderr.strip().splitlines()[-1] == debug.stderr.strip().splitlines()[-1]

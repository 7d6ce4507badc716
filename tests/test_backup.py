"""Automatic backups: rotation (with a fake clock), restore into a new file, damaged files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.core import backup
from annotator.core.errors import StoreError
from annotator.core.store import Store


def _database(path: Path, articles: int = 3, annotator: str = "ana") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path, annotator=annotator) as store:
        for n in range(articles):
            aid = store.add_article(f'Story {n}\n\nThe minister said "no bloc {n}" on Tuesday.')
            store.tag(aid, 9, 20, "claim")
    return path


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def test_rotation_keeps_the_last_ten_and_one_a_day_for_thirty_days(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=1)
    root = tmp_path / "backups"
    clock = FakeClock(datetime(2026, 1, 1, 9, 0, tzinfo=UTC))
    made = []
    # Three backups a day (09:00, 12:00, 17:00) for 45 days, then twelve in the last hour.
    for _day in range(45):
        for hour in (9, 12, 17):
            clock.now = clock.now.replace(hour=hour)
            made.append(backup.make_backup(db, root=root, clock=clock).created)
        clock.now += timedelta(days=1)
    last_day = clock.now - timedelta(days=1)
    for minute in range(12):
        clock.now = last_day.replace(hour=20, minute=minute * 5)
        made.append(backup.make_backup(db, root=root, clock=clock).created)

    left = [b.created for b in backup.list_backups(db, root=root)]
    newest_ten = sorted(made)[-10:]
    assert set(newest_ten) <= set(left)
    days = {c.date() for c in left}
    first_kept_day = last_day.date() - timedelta(days=29)
    assert days == {first_kept_day + timedelta(days=n) for n in range(30)}
    # Ten newest (all on the last day) plus the newest backup of each of 29 earlier days.
    assert len(left) == 10 + 29
    for day in days - {last_day.date()}:
        assert [c for c in left if c.date() == day] == [max(c for c in made if c.date() == day)]
    # Every kept backup is a whole database with its summary beside it.
    for info in backup.list_backups(db, root=root)[:3]:
        assert backup.inspect_backup(info.path).articles == 1
        assert info.articles == 1 and info.annotations == 1 and info.annotators == 1
    assert len(list(backup.backup_dir(db, root).glob("*.json"))) == len(left)


def test_rotation_settings_are_honoured(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=1)
    root = tmp_path / "backups"
    clock = FakeClock(datetime(2026, 3, 1, 8, tzinfo=UTC))
    policy = backup.BackupPolicy(keep_last=2, keep_days=2)
    for _ in range(6):
        backup.make_backup(db, root=root, clock=clock, policy=policy)
        clock.now += timedelta(hours=12)
    left = backup.list_backups(db, root=root)
    # Newest two (Mar 3 20:00, 08:00), the newest of Mar 2; Mar 1 is past the two days.
    assert [b.created.strftime("%d %H") for b in left] == ["03 20", "03 08", "02 20"]


def test_two_databases_of_the_same_name_keep_separate_backups(tmp_path: Path) -> None:
    one = _database(tmp_path / "a" / "annotations.db", articles=1)
    two = _database(tmp_path / "b" / "annotations.db", articles=2)
    root = tmp_path / "backups"
    backup.make_backup(one, root=root)
    backup.make_backup(two, root=root)
    assert [b.articles for b in backup.list_backups(one, root=root)] == [1]
    assert [b.articles for b in backup.list_backups(two, root=root)] == [2]


def test_backup_is_one_snapshot_while_another_connection_writes(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=200)
    writer = Store(db, annotator="bob")
    written = []

    def write_during_copy(done: int, total: int) -> None:
        if done < total:
            written.append(writer.add_article(f"Written during the backup, step {done}."))

    info = backup.make_backup(db, root=tmp_path / "b", progress=write_during_copy, pages=2)
    writer.close()
    assert written, "the copy took several steps"
    with Store(info.path) as copy:
        assert copy.article_count() == 200 == info.articles
    with Store(db) as original:
        assert original.article_count() == 200 + len(written)


def test_cancelled_backup_leaves_nothing(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=200)
    root = tmp_path / "b"
    with pytest.raises(backup.BackupCancelled):
        backup.make_backup(db, root=root, cancelled=lambda: True, pages=2)
    assert list(backup.backup_dir(db, root).iterdir()) == []


def test_restore_goes_into_a_new_file_and_never_overwrites(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=3)
    info = backup.make_backup(db, root=tmp_path / "b")
    with Store(db) as store:
        store.add_article("Added after the backup.")
    before = db.read_bytes()

    restored = backup.restore(info.path, tmp_path / "restored.db")
    assert restored.articles == 3
    with Store(tmp_path / "restored.db", annotator="ana") as store:
        assert store.article_count() == 3
        assert store.stats()["spans"] == 3
        assert store.undo_label() is not None  # ana's undo history comes along

    with pytest.raises(StoreError, match="never overwrites"):
        backup.restore(info.path, db)
    assert db.read_bytes() == before
    with Store(db) as store:
        assert store.article_count() == 4


def test_damaged_database_is_restored_from_the_newest_good_backup(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=40)
    root = tmp_path / "b"
    clock = FakeClock(datetime(2026, 5, 1, 9, tzinfo=UTC))
    good = backup.make_backup(db, root=root, clock=clock)
    clock.now += timedelta(hours=1)
    newest = backup.make_backup(db, root=root, clock=clock)
    # The newest backup got damaged too (a sync client, a bad disk): it is passed over.
    data = bytearray(newest.path.read_bytes())
    data[4096:] = bytes(len(data) - 4096)
    newest.path.write_bytes(bytes(data))
    # And the database itself: pages overwritten in the middle.
    data = bytearray(db.read_bytes())
    data[len(data) // 3 :] = b"\xa5" * (len(data) - len(data) // 3)
    db.write_bytes(bytes(data))
    damaged = db.read_bytes()

    assert backup.is_damaged(db)
    with pytest.raises(StoreError, match="damaged"):
        backup.restore(newest.path, tmp_path / "from-bad.db")
    assert not (tmp_path / "from-bad.db").exists()

    best = backup.newest_good_backup(db, root=root)
    assert best is not None and best.path == good.path
    backup.restore(best.path, tmp_path / "project-restored.db")
    with Store(tmp_path / "project-restored.db") as store:
        assert store.article_count() == 40
    assert db.read_bytes() == damaged  # the damaged file is left for the analyst


def test_a_good_database_is_not_damaged(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db")
    assert not backup.is_damaged(db)
    assert backup.newest_good_backup(db, root=tmp_path / "none") is None


def test_only_if_changed_skips_a_backup_of_the_same_content(tmp_path: Path) -> None:
    db = _database(tmp_path / "project.db", articles=2)
    root = tmp_path / "b"
    assert backup.make_backup(db, root=root, only_if_changed=True) is not None
    assert backup.make_backup(db, root=root, only_if_changed=True) is None
    with Store(db) as store:
        aid = store.add_article("A third story.")
        store.set_article_status(aid, "done")
        store.undo()  # the same counts as before the undo: the history tells them apart
    assert backup.make_backup(db, root=root, only_if_changed=True) is not None
    assert len(backup.list_backups(db, root=root)) == 2

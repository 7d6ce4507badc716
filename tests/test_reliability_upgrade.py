"""Upgrades keep every annotation: a v1 file opened by the current Store loses nothing.

``tests/fixtures/make_v1_db.py`` writes a schema-1 database with plain sqlite3. The
current Store must open it, bring it to the current schema version, keep every row
and keep the undo history working; past version 1 it must leave a backup copy
``<name>.schema1.bak``. Since there is only one schema version today, a second
migration is simulated to check the machinery: one transaction, a backup of the
old version first, and a failing migration leaving the file exactly as it was.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import schema
from annotator.core.errors import StoreError
from annotator.core.exporting import ExportFilter, iter_records
from annotator.core.store import Store

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "make_v1_db.py"
V1_TABLES = (
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


def _load_fixture():
    spec = importlib.util.spec_from_file_location("make_v1_db", FIXTURE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_v1_db = _load_fixture()


def dump(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of the v1 tables (only the v1 columns), in a stable order."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in V1_TABLES:
            cols = (
                columns[table]
                if columns
                else [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            )
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(conn.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def v1_columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in V1_TABLES}
    finally:
        conn.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def v1_db(tmp_path: Path) -> Path:
    return make_v1_db.build(tmp_path / "work.db")


def test_the_fixture_script_runs_on_its_own(tmp_path: Path) -> None:
    out = tmp_path / "v1.db"
    result = subprocess.run(
        [sys.executable, str(FIXTURE), str(out)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert user_version(out) == 1
    counts = {t: len(rows) for t, rows in dump(out).items()}
    assert counts == {
        "articles": 3,
        "speakers": 3,
        "targets": 2,
        "spans": 9,
        "claims": 3,
        "claim_spans": 3,
        "positions": 3,
        "position_evidence": 3,
        "history": 1,
    }


def test_current_store_opens_a_v1_file_and_keeps_every_annotation(v1_db: Path) -> None:
    columns = v1_columns(v1_db)
    before = dump(v1_db)
    with Store(v1_db, annotator="upgrader") as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not store.db.execute("PRAGMA foreign_key_check").fetchall()
        # Through the API: the offsets still select the quoted text.
        everything = ExportFilter(include_rejected=True, include_suggestions=True)
        records = {r["id"]: r for r in iter_records(store, everything)}
        assert set(records) == {a["id"] for a in make_v1_db.ARTICLES}
        for record in records.values():
            for span in record["spans"]:
                assert record["text"][span["start"] : span["end"]] == span["text"]
        pacific = records["art-pacific"]
        assert {c["id"]: c["speaker"] for c in pacific["claims"]} == {
            "cl-1": "spk-ministry",
            "cl-2": "spk-whitfield",
        }
        assert {
            p["id"]: (p["target"], p["stance"], p["evidence"]) for p in pacific["positions"]
        } == {
            "pos-1": ("bloc politics", "against", ["cl-1"]),
            "pos-2": ("bloc politics", "neutral", ["cl-2"]),
        }
        assert store.find_speaker("DFAT")["id"] == "spk-ministry"
        # Undo is per annotator since schema 2: the v1 history was made by the
        # database's default annotator (who made its highlights), not by "upgrader".
        assert store.undo_label() is None
    with Store(v1_db, annotator="v1-analyst") as store:
        # The undo history of v1 still works after the upgrade.
        assert store.undo_label() == "Tag target"
        store.undo()
        assert store.span(make_v1_db.UNDOABLE_SPAN) is None
        store.redo()
        assert store.span(make_v1_db.UNDOABLE_SPAN) is not None
    assert dump(v1_db, columns) == before

    backup = v1_db.with_name("work.db.schema1.bak")
    if schema.SCHEMA_VERSION > 1:
        assert backup.exists(), "no backup of the v1 file before migrating"
        assert user_version(backup) == 1
        assert dump(backup) == before
    else:
        assert not backup.exists()  # nothing to migrate, nothing to back up


def test_opening_twice_changes_nothing_more(v1_db: Path) -> None:
    Store(v1_db).close()
    once = dump(v1_db)
    Store(v1_db).close()
    assert dump(v1_db) == once


# -- a simulated next version ---------------------------------------------------------------


@pytest.fixture
def next_version(monkeypatch: pytest.MonkeyPatch):
    """Install one more migration (current -> current + 1); yields a dict to record into."""
    seen: dict = {"runs": 0}
    state = {"fail": None}

    def migrate(db) -> None:
        seen["runs"] += 1
        seen["in_transaction"] = db.conn.in_transaction
        seen["version_during"] = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("ALTER TABLE spans ADD COLUMN confidence REAL")
        db.execute("UPDATE spans SET confidence = 1.0, note = 'changed by migration'")
        db.execute("DELETE FROM position_evidence")
        if state["fail"] is not None:
            raise state["fail"]

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, migrate])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    seen["state"] = state
    return seen


def test_next_migration_runs_in_one_transaction_after_a_backup(v1_db: Path, next_version) -> None:
    columns = v1_columns(v1_db)
    before = dump(v1_db)
    with Store(v1_db) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert next_version["runs"] == 1
        assert next_version["in_transaction"] is True
        # The version number moves in the same transaction, at its end.
        assert next_version["version_during"] == 1
        assert store.span("sp-claim-1")["confidence"] == 1.0
    backup = v1_db.with_name("work.db.schema1.bak")
    assert backup.exists()
    assert user_version(backup) == 1
    assert dump(backup) == before  # the old version, as it was
    assert "confidence" not in v1_columns(backup)["spans"]
    after = dump(v1_db, columns)
    assert after["claims"] == before["claims"]
    with Store(v1_db) as store:  # already current: no second run
        assert next_version["runs"] == 1


@pytest.mark.parametrize("failure", ["python", "sql"])
def test_a_failing_migration_leaves_the_file_unchanged(v1_db: Path, next_version, failure) -> None:
    before_bytes, before = sha(v1_db), dump(v1_db)
    next_version["state"]["fail"] = (
        RuntimeError("migration bug")
        if failure == "python"
        else sqlite3.OperationalError("no such column: nonsense")
    )
    with pytest.raises(StoreError) as info:
        Store(v1_db)
    message = str(info.value)
    assert str(v1_db) in message and "\n" not in message, message
    assert sha(v1_db) == before_bytes
    assert dump(v1_db) == before
    assert user_version(v1_db) == 1
    assert sorted(p.name for p in v1_db.parent.iterdir()) == ["work.db", "work.db.schema1.bak"]
    # Fixed (here: the failure removed), the upgrade goes through.
    next_version["state"]["fail"] = None
    with Store(v1_db) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION


def test_upgrade_fills_the_trigram_index_for_text_already_there(v1_db: Path) -> None:
    """Version 3 adds the index for scripts without spaces: articles and highlights of
    the old file are found at once, and the indexes agree with their tables."""
    from annotator.core.store import queries

    text = "外交部长在北京举行会议并发表讲话。"
    conn = sqlite3.connect(v1_db)
    with conn:
        conn.execute(
            "INSERT INTO articles (id, title, text, text_sha256, imported_at) "
            "VALUES ('art-zh', 'zh', ?, 'sha-zh', '2024-01-01T00:00:00Z')",
            [text],
        )
        conn.execute(
            'INSERT INTO spans (id, article_id, start, "end", text, label, created, updated) '
            "VALUES ('sp-zh', 'art-zh', 7, 11, '举行会议', 'claim', 'x', 'x')"
        )
    conn.close()
    with Store(v1_db) as store:
        queries.check_search_index(store)
        assert [r["article_id"] for r in queries.search(store, "举行会议")] == ["art-zh"]
        assert [r["article_id"] for r in queries.search(store, "北京")] == ["art-zh"]
        found = queries.search(store, "会议", queries.ViewFilter(label="claim"))
        assert [(r["span_ids"], r["hits"]) for r in found] == [(["sp-zh"], [(9, 11)])]
        # The English articles of the old file are still found by their words.
        assert queries.search_count(store, "bloc politics") >= 1

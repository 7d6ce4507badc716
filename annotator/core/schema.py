"""The database schema, as numbered migrations applied in one transaction each.

The schema version lives in ``PRAGMA user_version``. A database made by a newer
version of Annotator is refused rather than guessed at.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable

import sqlite_utils

SCHEMA_VERSION = 5

ARTICLE_STATUSES = ("todo", "in_progress", "done", "reviewed")
SPAN_STATUSES = ("accepted", "suggested", "rejected")
CLAIM_KINDS = ("direct", "indirect", "mixed")
STANCES = ("favor", "against", "neutral", "mixed")
# "other": a source that is not an actor (a number, a poll, a document, a bare
# pronoun), kept so its claims stay attributed but left out of networks by kind.
SPEAKER_KINDS = ("person", "organisation", "other")
_V1_SPEAKER_KINDS = ("person", "organisation")
DEFAULT_LABELS = ("speaker", "claim", "cue", "target")

_V1 = f"""
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    source TEXT,
    place TEXT,
    published TEXT,
    url TEXT,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN {ARTICLE_STATUSES!r}),
    imported_at TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{{}}'
);
CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN {_V1_SPEAKER_KINDS!r}),
    role TEXT,
    affiliation TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE);
CREATE TABLE targets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE spans (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    annotator TEXT,
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN {SPAN_STATUSES!r}),
    note TEXT,
    speaker_id TEXT REFERENCES speakers(id),
    reviewer TEXT,
    reviewed_at TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX spans_article ON spans(article_id, start);
CREATE INDEX spans_article_status ON spans(article_id, status);
CREATE INDEX spans_speaker ON spans(speaker_id);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    speaker_id TEXT REFERENCES speakers(id),
    mention_span_id TEXT REFERENCES spans(id),
    cue_span_id TEXT REFERENCES spans(id),
    kind TEXT NOT NULL DEFAULT 'direct' CHECK (kind IN {CLAIM_KINDS!r}),
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN {SPAN_STATUSES!r}),
    note TEXT,
    proposal TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE TABLE claim_spans (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    span_id TEXT NOT NULL REFERENCES spans(id),
    ord INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (claim_id, span_id)
);
CREATE INDEX claim_spans_span ON claim_spans(span_id);
CREATE TABLE positions (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    speaker_id TEXT REFERENCES speakers(id),
    target_id TEXT NOT NULL REFERENCES targets(id),
    stance TEXT NOT NULL CHECK (stance IN {STANCES!r}),
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN {SPAN_STATUSES!r}),
    note TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX positions_article ON positions(article_id);
CREATE INDEX positions_speaker ON positions(speaker_id);
CREATE TABLE position_evidence (
    position_id TEXT NOT NULL REFERENCES positions(id),
    claim_id TEXT NOT NULL REFERENCES claims(id),
    PRIMARY KEY (position_id, claim_id)
);
CREATE INDEX position_evidence_claim ON position_evidence(claim_id);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    created TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    changes TEXT NOT NULL
);
"""

# Added to version 1 (not shipped yet) for the corpus views.
_V1 += """
-- Full-text search (corpus views): external-content FTS5 indexes over the article
-- and span texts, kept in sync by triggers, so imports (executemany), edits,
-- deletes and undo/redo (INSERT ... ON CONFLICT DO UPDATE, DELETE) all update them.
-- Trigger bodies keep their statements on one line (_run_statements splits at line ends).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, text) VALUES ('delete', old.rowid, old.text); INSERT INTO articles_fts (rowid, text) VALUES (new.rowid, new.text); END;
CREATE VIRTUAL TABLE spans_fts USING fts5(
    text, content='spans', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER spans_fts_insert AFTER INSERT ON spans BEGIN
    INSERT INTO spans_fts (rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER spans_fts_delete AFTER DELETE ON spans BEGIN
    INSERT INTO spans_fts (spans_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
CREATE TRIGGER spans_fts_update AFTER UPDATE OF text ON spans BEGIN
    INSERT INTO spans_fts (spans_fts, rowid, text) VALUES ('delete', old.rowid, old.text); INSERT INTO spans_fts (rowid, text) VALUES (new.rowid, new.text); END;
-- Corpus views (annotator/core/store/queries/): an article's date (published, else the
-- day it was imported) to filter and sort by; covering indexes for the counts per
-- speaker and for the speaker x target grid, so 1,000,000 highlights stay fast.
CREATE INDEX articles_date ON articles(coalesce(substr(published, 1, 10), substr(imported_at, 1, 10)));
CREATE INDEX spans_speaker_status ON spans(speaker_id, status, article_id) WHERE speaker_id IS NOT NULL;
CREATE INDEX claims_speaker_status ON claims(speaker_id, status, article_id);
CREATE INDEX positions_grid ON positions(speaker_id, target_id, stance, status, article_id);
"""


def _run_statements(db: sqlite_utils.Database, script: str) -> None:
    # executescript() would commit behind our back; the caller owns the transaction.
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


# Version 3: trigram indexes beside the word indexes, for scripts written without
# spaces between words (Chinese, Japanese, Thai) and for Korean, whose words carry
# their particles: there a search finds any run of characters, not whole words.
# Filled from the tables when created (an upgraded file is searchable at once).
_V3 = """
CREATE VIRTUAL TABLE articles_tri USING fts5(
    text, content='articles', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER articles_tri_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_tri (rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER articles_tri_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_tri (articles_tri, rowid, text) VALUES ('delete', old.rowid, old.text); END;
CREATE TRIGGER articles_tri_update AFTER UPDATE OF text ON articles BEGIN
    INSERT INTO articles_tri (articles_tri, rowid, text) VALUES ('delete', old.rowid, old.text); INSERT INTO articles_tri (rowid, text) VALUES (new.rowid, new.text); END;
CREATE VIRTUAL TABLE spans_tri USING fts5(
    text, content='spans', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER spans_tri_insert AFTER INSERT ON spans BEGIN
    INSERT INTO spans_tri (rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER spans_tri_delete AFTER DELETE ON spans BEGIN
    INSERT INTO spans_tri (spans_tri, rowid, text) VALUES ('delete', old.rowid, old.text); END;
CREATE TRIGGER spans_tri_update AFTER UPDATE OF text ON spans BEGIN
    INSERT INTO spans_tri (spans_tri, rowid, text) VALUES ('delete', old.rowid, old.text); INSERT INTO spans_tri (rowid, text) VALUES (new.rowid, new.text); END;
INSERT INTO articles_tri (articles_tri) VALUES ('rebuild');
INSERT INTO spans_tri (spans_tri) VALUES ('rebuild')
"""

# The full-text tables, word and trigram indexes (queries.py checks and rebuilds them).
SEARCH_INDEXES = ("articles_fts", "spans_fts", "articles_tri", "spans_tri")
# Those over the article texts (each filled by its trigger ``NAME_insert``).
ARTICLE_SEARCH_INDEXES = ("articles_fts", "articles_tri")


def _migrate_1(db: sqlite_utils.Database) -> None:
    _run_statements(db, _V1)


# Version 2: undo is per annotator; a suggestion run (written one article at a time)
# is one undo step, its history rows sharing a group; ``detached`` keeps what an
# undo or redo had to change in rows outside the history (imports), so the opposite
# step puts it back.
_V2 = """
ALTER TABLE history ADD COLUMN annotator TEXT;
ALTER TABLE history ADD COLUMN grp INTEGER;
ALTER TABLE history ADD COLUMN detached TEXT;
CREATE INDEX history_annotator ON history(annotator, undone, id);
CREATE INDEX history_grp ON history(grp) WHERE grp IS NOT NULL;
-- Removing a highlight or target looks up what refers to it (foreign keys, undo):
-- without these, each removal scans every claim or position.
CREATE INDEX claims_mention ON claims(mention_span_id) WHERE mention_span_id IS NOT NULL;
CREATE INDEX claims_cue ON claims(cue_span_id) WHERE cue_span_id IS NOT NULL;
CREATE INDEX positions_target ON positions(target_id)
"""


def _migrate_2(db: sqlite_utils.Database) -> None:
    _run_statements(db, _V2)
    # The history of version 1 was everybody's: it goes to the database's default
    # annotator, the one who made most of its highlights (machine suggestions aside).
    db.execute("UPDATE history SET annotator = ?", [last_known_annotator(db)])


def last_known_annotator(db: sqlite_utils.Database) -> str:
    """The database's default annotator: who made most of its highlights (machine
    suggestions aside), else the operating system's user name."""
    row = db.execute(
        "SELECT annotator FROM spans WHERE annotator IS NOT NULL AND annotator != 'suggest' "
        "GROUP BY annotator ORDER BY count(*) DESC, annotator LIMIT 1"
    ).fetchone()
    return row[0] if row else default_annotator()


def default_annotator() -> str:
    """The annotator name used when none is given: the operating system's user name."""
    try:
        return getpass.getuser()
    except Exception:
        return "annotator"


def _migrate_3(db: sqlite_utils.Database) -> None:
    _run_statements(db, _V3)


# Version 4: speaker kind 'other' (sources that are not actors) and the merge
# suggestions an analyst rejected.
_V4 = """
-- Merge suggestions the analyst rejected: pairs of speakers that are two actors,
-- never proposed as one again (speaker_a < speaker_b).
CREATE TABLE speaker_distinct (
    speaker_a TEXT NOT NULL,
    speaker_b TEXT NOT NULL,
    reviewer TEXT,
    decided TEXT NOT NULL,
    PRIMARY KEY (speaker_a, speaker_b),
    CHECK (speaker_a < speaker_b)
);
"""


def _migrate_4(db: sqlite_utils.Database) -> None:
    """Migration for speaker merge decisions: speaker kind 'other', rejected merges.

    Allowing one more kind only loosens a CHECK constraint, which changes no stored
    row: SQLite's documented way is to edit the table's definition in place
    (``writable_schema``) and bump ``schema_version``, inside this transaction.
    Rebuilding the table instead would need foreign keys switched off, which
    cannot happen inside a transaction.
    """
    old = f"CHECK (kind IN {_V1_SPEAKER_KINDS!r})"
    new = f"CHECK (kind IN {SPEAKER_KINDS!r})"
    (sql,) = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'speakers'"
    ).fetchone()
    if sql.count(old) != 1:
        raise ValueError("the speakers table does not have the expected kind constraint")
    (version,) = db.execute("PRAGMA schema_version").fetchone()
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'speakers'",
            [sql.replace(old, new)],
        )
        db.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    _run_statements(db, _V4)


# Version 5: teams. Claims and positions carry their annotator (each analyst's
# annotations are their layer; machine suggestions are the layer "suggest"); article
# status is per analyst; the reliability sample ``assign`` gave to every coder.
# ``articles.status`` stays: it is the status last set by anyone (what a reader
# without a chosen analyst sees, and the legacy value); an analyst's own status is
# their row of ``article_status`` (todo when they have none).
_V5 = f"""
ALTER TABLE claims ADD COLUMN annotator TEXT;
ALTER TABLE positions ADD COLUMN annotator TEXT;
CREATE TABLE article_status (
    article_id TEXT NOT NULL REFERENCES articles(id),
    annotator TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN {ARTICLE_STATUSES!r}),
    updated TEXT NOT NULL,
    PRIMARY KEY (article_id, annotator)
);
CREATE INDEX article_status_annotator ON article_status(annotator, status);
CREATE TABLE reliability_sample (
    article_id TEXT PRIMARY KEY REFERENCES articles(id)
);
-- Reading one analyst's layer of an article.
CREATE INDEX spans_layer ON spans(article_id, annotator);
CREATE INDEX claims_layer ON claims(article_id, annotator);
CREATE INDEX positions_layer ON positions(article_id, annotator)
"""


def _migrate_5(db: sqlite_utils.Database) -> None:
    """Layers: the annotator of claims and positions, per-analyst status, the sample.

    A claim gets the annotator of its first content highlight, a position that of its
    first evidence claim; without one, the database's last known name (as migration 2
    chose it). Every article status other than todo becomes that analyst's.
    """
    _run_statements(db, _V5)
    fallback = last_known_annotator(db)
    db.execute(
        "UPDATE claims SET annotator = coalesce((SELECT s.annotator FROM claim_spans cs "
        "JOIN spans s ON s.id = cs.span_id WHERE cs.claim_id = claims.id "
        "ORDER BY cs.ord, s.start LIMIT 1), ?)",
        [fallback],
    )
    db.execute(
        "UPDATE positions SET annotator = coalesce((SELECT c.annotator FROM position_evidence pe "
        "JOIN claims c ON c.id = pe.claim_id WHERE pe.position_id = positions.id "
        "ORDER BY pe.rowid LIMIT 1), ?)",
        [fallback],
    )
    db.execute(
        "INSERT INTO article_status (article_id, annotator, status, updated) "
        "SELECT id, ?, status, imported_at FROM articles WHERE status != 'todo'",
        [fallback],
    )


# Index i holds the step from version i to version i + 1.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migrate_1,
    _migrate_2,
    _migrate_3,
    _migrate_4,
    _migrate_5,
]

assert len(MIGRATIONS) == SCHEMA_VERSION

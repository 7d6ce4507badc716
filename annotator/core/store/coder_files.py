"""Coder files for ``assign``: new databases holding some of this one's articles.

Written in bulk, not record by record: the articles are copied as they are stored,
and the full-text indexes of a file are filled by one statement after its articles
are in, not by a trigger per row (three times faster for a corpus of 100,000). The
part every coder shares (the corpus speakers and the reliability sample) is
written once and copied as a file, so each sample article is indexed once, not
once per coder.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..clock import now
from ..errors import IntegrityError
from ..schema import ARTICLE_SEARCH_INDEXES
from . import Store

# Articles read from the source and written per statement (memory stays flat).
CHUNK = 2000
_ARTICLE_COLUMNS = (
    "id", "title", "source", "place", "published", "url", "text", "text_sha256",
    "imported_at", "meta",
)  # fmt: skip


def write_shared_part(
    source: Store, path: str | Path, article_ids: Sequence[str], status: str
) -> None:
    """A new database at ``path`` with ``source``'s speakers and these articles (text
    and metadata with this status, no annotations), in this order."""
    with Store(path, backup_before_migrate=False) as target, target.transaction():
        rows = source.db.execute("SELECT * FROM speakers")
        columns = [d[0] for d in rows.description]
        target.db.conn.executemany(
            f"INSERT INTO speakers ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            rows,
        )
        _add_articles(source, target, article_ids, status)


def write_coder_file(
    source: Store,
    path: str | Path,
    shared: str | Path,
    article_ids: Sequence[str],
    coder: str,
    status: str,
) -> None:
    """``path``: a copy of the ``shared`` part (write_shared_part, with the same
    ``status``) with these articles of ``source`` added, every article with
    ``coder``'s ``status``."""
    shutil.copyfile(shared, path)
    with Store(path, annotator=coder, backup_before_migrate=False) as target, target.transaction():
        _add_articles(source, target, article_ids, status)
        target.db.conn.execute(
            "INSERT INTO article_status (article_id, annotator, status, updated) "
            "SELECT id, ?, ?, ? FROM articles ORDER BY rowid",
            [coder, status, now()],
        )


def _add_articles(source: Store, target: Store, article_ids: Sequence[str], status: str) -> None:
    """Copy these articles (in this order) from ``source`` to ``target`` with this
    status, then index the new ones, within the caller's transaction."""
    conn = target.db.conn
    before = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    # The per-row index triggers are set aside while the rows go in, and put back.
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
        f"({', '.join('?' for _ in ARTICLE_SEARCH_INDEXES)})",
        [f"{index}_insert" for index in ARTICLE_SEARCH_INDEXES],
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    marks = ", ".join("?" for _ in _ARTICLE_COLUMNS)
    conn.executemany(
        f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, status) VALUES ({marks}, ?)",
        ((*row, status) for row in _rows(source, article_ids)),
    )
    for _name, sql in triggers:
        conn.execute(sql)
    for index in ARTICLE_SEARCH_INDEXES:
        conn.execute(
            f"INSERT INTO {index} (rowid, text) SELECT rowid, text FROM articles WHERE rowid > ?",
            [before],
        )


def _rows(source: Store, article_ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """The stored rows of these articles, in the order of ``article_ids``."""
    select = ", ".join(_ARTICLE_COLUMNS)
    for start in range(0, len(article_ids), CHUNK):
        chunk = list(article_ids[start : start + CHUNK])
        found = {
            row[0]: row
            for row in source.db.execute(
                f"SELECT {select} FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(chunk)],
            )
        }
        for article_id in chunk:
            if article_id not in found:
                raise IntegrityError(f"no article with id {article_id}")
            yield found[article_id]

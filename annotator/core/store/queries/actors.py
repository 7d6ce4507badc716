"""The rows merge suggestions are made from (annotator/core/actors.py)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .. import Store
from .common import chunks, placeholders

# -- actors: the rows merge suggestions are made from (annotator/core/actors.py) ----------


def speaker_occurrences(store: Store) -> list[dict[str, Any]]:
    """Every corpus-wide speaker with what merge suggestions weigh.

    Rows: id, name, kind, aliases (a list), mentions (speaker highlights, plus claims
    attributed without a highlighted mention; rejected ones not counted) and
    articles (a dict: article id -> mentions there).
    """
    speakers: dict[str, dict[str, Any]] = {}
    for sid, name, kind, aliases in store.db.execute(
        "SELECT id, name, kind, aliases FROM speakers ORDER BY rowid"
    ):
        speakers[sid] = {
            "id": sid,
            "name": name,
            "kind": kind,
            "aliases": json.loads(aliases or "[]"),
            "mentions": 0,
            "articles": {},
        }
    for sid, article_id, count in store.db.execute(
        "SELECT speaker_id, article_id, count(*) FROM ("
        "SELECT speaker_id, article_id FROM spans "
        "WHERE speaker_id IS NOT NULL AND status != 'rejected' "
        "UNION ALL SELECT speaker_id, article_id FROM claims "
        "WHERE speaker_id IS NOT NULL AND status != 'rejected' AND mention_span_id IS NULL"
        ") GROUP BY speaker_id, article_id"
    ):
        row = speakers.get(sid)
        if row is not None:
            row["mentions"] += count
            row["articles"][article_id] = count
    return list(speakers.values())


def speaker_mention_contexts(
    store: Store, speaker_ids: Sequence[str], *, per_speaker: int = 2, width: int = 240
) -> dict[str, list[tuple[str, int, int]]]:
    """Up to ``per_speaker`` places each speaker is mentioned, with text around them.

    Per speaker id: (context, start, end) where ``context`` is up to ``width``
    characters of the article either side of the mention and ``context[start:end]``
    the mention (a speaker highlight, else the first highlight of a claim attributed
    to the speaker without one). Only the context is read, never a whole article.
    """
    found: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for chunk in chunks(list(speaker_ids)):
        marks = placeholders(chunk)
        rows = store.db.execute(
            "WITH m AS ("
            'SELECT speaker_id AS sid, article_id, start, "end", 0 AS pref, rowid AS r '
            f"FROM spans WHERE speaker_id IN ({marks}) AND status != 'rejected' "
            'UNION ALL SELECT c.speaker_id, s.article_id, s.start, s."end", 1, s.rowid '
            "FROM claims c JOIN claim_spans cs ON cs.claim_id = c.id "
            "JOIN spans s ON s.id = cs.span_id "
            f"WHERE c.speaker_id IN ({marks}) AND c.status != 'rejected' "
            "AND c.mention_span_id IS NULL AND cs.ord = 0"
            "), ranked AS (SELECT *, row_number() OVER "
            "(PARTITION BY sid ORDER BY pref, r) AS rn FROM m) "
            "SELECT sid, substr(a.text, max(1, start + 1 - ?), "
            'start - max(0, start - ?) + "end" - start + ?), '
            'start - max(0, start - ?), "end" - start '
            "FROM ranked JOIN articles a ON a.id = ranked.article_id "
            "WHERE rn <= ? ORDER BY sid, rn",
            [*chunk, *chunk, width, width, width, width, per_speaker],
        )
        for sid, context, offset, length in rows:
            found[sid].append((context, offset, offset + length))
    return dict(found)

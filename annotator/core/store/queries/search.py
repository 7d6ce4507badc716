"""Full-text search over article texts and highlights."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ...schema import SEARCH_INDEXES
from .. import Store
from .common import (
    SHOWN_DATE,
    SqlWhere,
    ViewFilter,
    article_where,
    by_rowid,
    chunks,
    layer_clause,
    like_pattern,
    placeholders,
    position_conditions,
    status_clause,
)
from .text import Phrase, snippet

# -- search ---------------------------------------------------------------------------

SEARCH_ORDERS = ("relevance", "date", "corpus")


def span_scope(flt: ViewFilter) -> bool:
    """Whether a search looks only inside highlights (a highlight filter is set)."""
    return bool(
        flt.label
        or flt.annotator
        or flt.status
        or flt.speaker_id
        or flt.speaker_text.strip()
        or flt.target
        or flt.target_text.strip()
        or flt.stance
        or flt.kind
    )


def _span_where(store: Store, flt: ViewFilter, phrase: Phrase) -> SqlWhere:
    """Highlights ``s`` where the phrase is, under the filter."""
    where = SqlWhere()
    found, params = phrase.rowids("spans")
    where.add(f"s.rowid IN ({found})", *params)
    status_clause(where, "s.status", flt.status)
    layer_clause(where, "s.annotator", flt)
    if flt.label:
        where.add("s.label = ?", flt.label)
    if flt.annotator:
        where.add("s.annotator = ?", flt.annotator)
    if flt.speaker_id or flt.speaker_text.strip():
        if flt.speaker_id:
            cond, params = "= ?", [flt.speaker_id]
        else:
            like = like_pattern(flt.speaker_text)
            cond = "IN (SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\')"
            params = [like, like]
        # A mention of the speaker, or a highlight of a claim the speaker made.
        where.add(
            f"(s.speaker_id {cond} OR s.id IN (SELECT cs.span_id FROM claims c "
            f"JOIN claim_spans cs ON cs.claim_id = c.id WHERE c.speaker_id {cond}))",
            *params,
            *params,
        )
    if flt.kind:
        where.add(
            "s.id IN (SELECT cs.span_id FROM claims c JOIN claim_spans cs "
            "ON cs.claim_id = c.id WHERE c.kind = ?)",
            flt.kind,
        )
    if flt.target or flt.target_text.strip() or flt.stance:
        sub, params = position_conditions(store, flt)
        where.add(
            "s.id IN (SELECT cs.span_id FROM positions p JOIN position_evidence pe "
            "ON pe.position_id = p.id JOIN claim_spans cs ON cs.claim_id = pe.claim_id "
            f"WHERE {' AND '.join(sub)})",
            *params,
        )
    return where


def _span_scope_articles(store: Store, flt: ViewFilter, phrase: Phrase) -> tuple[str, list[Any]]:
    spans = _span_where(store, flt, phrase)
    return "SELECT s.article_id FROM spans s " + spans.sql(), spans.params


def search_rowids(
    store: Store, phrase: Phrase, flt: ViewFilter, order: str, limit: int | None, offset: int
) -> list[int]:
    """Article rowids the search finds, in order (all of them when limit is None)."""
    arts = article_where(flt, store.annotator)
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    paging = [limit, offset] if limit is not None else []
    if span_scope(flt):
        found, params = _span_scope_articles(store, flt, phrase)
        arts.add(f"id IN ({found})", *params)
        key = f"coalesce({SHOWN_DATE}, '') DESC, rowid" if order == "date" else "rowid"
        sql = f"SELECT rowid FROM articles {arts.sql()} ORDER BY {key}{page}"
        return [r[0] for r in store.db.execute(sql, [*arts.params, *paging])]
    index = phrase.index("articles")
    if order == "date" or index is None:
        found, params = phrase.rowids("articles")
        arts.add(f"rowid IN ({found})", *params)
        key = f"coalesce({SHOWN_DATE}, '') DESC, rowid" if order == "date" else "rowid"
        sql = f"SELECT rowid FROM articles {arts.sql()} ORDER BY {key}{page}"
        return [r[0] for r in store.db.execute(sql, [*arts.params, *paging])]
    where, params = f"{index} MATCH ?", [phrase.fts()]
    if arts.clauses:
        # "+rowid": a filter on the matches, not a rowid lookup per allowed article.
        where += f" AND +rowid IN (SELECT rowid FROM articles {arts.sql()})"
        params += arts.params
    key = "rank, rowid" if order == "relevance" else "rowid"
    sql = f"SELECT rowid FROM {index} WHERE {where} ORDER BY {key}{page}"
    return [r[0] for r in store.db.execute(sql, [*params, *paging])]


def search_count(store: Store, query: str, flt: ViewFilter = ViewFilter()) -> int:
    """How many articles the search finds."""
    phrase = Phrase.parse(query)
    if not phrase:
        return 0
    arts = article_where(flt, store.annotator)
    if span_scope(flt):
        found, params = _span_scope_articles(store, flt, phrase)
        arts.add(f"id IN ({found})", *params)
        return store.db.execute(
            f"SELECT count(*) FROM articles {arts.sql()}", arts.params
        ).fetchone()[0]
    found, params = phrase.rowids("articles")
    if not arts.clauses:
        return store.db.execute(f"SELECT count(*) FROM ({found})", params).fetchone()[0]
    arts.add(f"rowid IN ({found})", *params)
    return store.db.execute(f"SELECT count(*) FROM articles {arts.sql()}", arts.params).fetchone()[
        0
    ]


def search(
    store: Store,
    query: str,
    flt: ViewFilter = ViewFilter(),
    *,
    order: str = "relevance",
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles where the phrase occurs: its words in this order, case and accents
    ignored, anything but letters and digits between them; a trailing ``*`` lets the
    last word be the start of a longer one.

    With a highlight filter (label, annotator, status, speaker, target, stance,
    kind: see span_scope) only occurrences inside the matching highlights of the
    filter's layers count. Date and article_status (the Store's annotator's)
    filters restrict the articles. Rows: article_id,
    title, date, hits (every (start, end) in code points of the stored text),
    span_ids (the matching highlights, with a highlight filter), snippet and
    snippet_hit ((start, end) of the first hit within the snippet). Order by
    relevance (bm25; corpus order under a highlight filter), date (newest first)
    or corpus.
    """
    if order not in SEARCH_ORDERS:
        raise ValueError(f"order is one of {', '.join(SEARCH_ORDERS)}")
    phrase = Phrase.parse(query)
    if not phrase:
        return []
    rowids = search_rowids(store, phrase, flt, order, limit, offset)
    rows = by_rowid(
        store,
        "SELECT rowid AS _r, id AS article_id, title, "
        f"{SHOWN_DATE} AS date, text FROM articles WHERE rowid IN (%s)",
        rowids,
    )
    in_spans = _span_hits(store, phrase, flt, [r["article_id"] for r in rows])
    for row in rows:
        text = row.pop("text")
        if in_spans is None:
            row["hits"] = phrase.find(text)
            row["span_ids"] = []
        else:
            found = in_spans.get(row["article_id"], [])
            hits = {h for _sid, s, e in found for h in phrase.find(text, s, e)}
            row["hits"] = sorted(hits)
            row["span_ids"] = list(dict.fromkeys(sid for sid, _s, _e in found))
        row["snippet"], s, e = snippet(text, row["hits"][0] if row["hits"] else None)
        row["snippet_hit"] = (s, e)
    return rows


def _span_hits(
    store: Store, phrase: Phrase, flt: ViewFilter, article_ids: list[str]
) -> dict[str, list[tuple[str, int, int]]] | None:
    if not span_scope(flt):
        return None
    found: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for chunk in chunks(article_ids):
        spans = _span_where(store, flt, phrase)
        spans.add(f"s.article_id IN ({placeholders(chunk)})", *chunk)
        for aid, sid, start, end in store.db.execute(
            f'SELECT s.article_id, s.id, s.start, s."end" FROM spans s {spans.sql()} '
            "ORDER BY s.start",
            spans.params,
        ):
            found[aid].append((sid, start, end))
    return found


def check_search_index(store: Store) -> None:
    """Raise sqlite3.DatabaseError when a full-text index disagrees with its table."""
    for table in SEARCH_INDEXES:
        store.db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def rebuild_search_index(store: Store) -> None:
    """Rebuild both full-text indexes from their tables, in one transaction (after
    a VACUUM renumbered rows, or a repair)."""
    with store.transaction():
        for table in SEARCH_INDEXES:
            store.db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")

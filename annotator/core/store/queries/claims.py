"""The claims view: who said what, paged and sorted in SQLite."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .. import Store
from .common import (
    ARTICLE_DATE,
    SHOWN_DATE_SQL,
    SqlWhere,
    ViewFilter,
    _speakers_like,
    by_rowid,
    chunks,
    in_articles,
    layer_clause,
    like_pattern,
    page_rowids,
    placeholders,
    position_conditions,
    status_clause,
)
from .text import Phrase

# -- claims ---------------------------------------------------------------------------

CLAIM_SORT = {
    "corpus": "c.rowid",
    "date": f"(SELECT {ARTICLE_DATE} FROM articles WHERE id = c.article_id)",
    "speaker": "coalesce(sp.name, '') COLLATE NOCASE",
    "title": "(SELECT coalesce(title, '') FROM articles WHERE id = c.article_id) COLLATE NOCASE",
    "kind": "c.kind",
    "status": "c.status",
    "text": (
        "(SELECT s.text FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
        "WHERE cs.claim_id = c.id ORDER BY cs.ord LIMIT 1) COLLATE NOCASE"
    ),
}


def claim_where(store: Store, flt: ViewFilter) -> SqlWhere:
    where = SqlWhere()
    status_clause(where, "c.status", flt.status)
    layer_clause(where, "c.annotator", flt)
    if flt.speaker_id:
        where.add("c.speaker_id = ?", flt.speaker_id)
    if flt.speaker_text.strip():
        like = like_pattern(flt.speaker_text)
        where.add(_speakers_like("c.speaker_id"), like, like)
    if flt.kind:
        where.add("c.kind = ?", flt.kind)
    if flt.text.strip():
        phrase = Phrase.parse(flt.text, prefix=True)
        if phrase:
            found, params = phrase.rowids("spans")
            # Matching highlights first (CROSS JOIN keeps that order), then their claims.
            where.add(
                "c.id IN (SELECT cs.claim_id FROM spans s CROSS JOIN claim_spans cs "
                f"ON cs.span_id = s.id WHERE s.rowid IN ({found}))",
                *params,
            )
        else:  # only punctuation or symbols: a plain substring
            where.add(
                "c.id IN (SELECT cs.claim_id FROM claim_spans cs JOIN spans s "
                "ON s.id = cs.span_id WHERE s.text LIKE ? ESCAPE '\\')",
                like_pattern(flt.text),
            )
    if flt.label or flt.annotator:
        sub, params = [], []
        if flt.label:
            sub.append("s.label = ?")
            params.append(flt.label)
        if flt.annotator:
            sub.append("s.annotator = ?")
            params.append(flt.annotator)
        where.add(
            "EXISTS (SELECT 1 FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
            f"WHERE cs.claim_id = c.id AND {' AND '.join(sub)})",
            *params,
        )
    if flt.target or flt.target_text.strip() or flt.stance:
        sub, params = position_conditions(store, flt)
        where.add(
            "c.id IN (SELECT pe.claim_id FROM positions p JOIN position_evidence pe "
            f"ON pe.position_id = p.id WHERE {' AND '.join(sub)})",
            *params,
        )
    in_articles(where, "c.article_id", flt, store.annotator)
    return where


def claim_spans_of(store: Store, claim_ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Content highlights (span id, text) of these claims, in claim order."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for chunk in chunks(list(dict.fromkeys(claim_ids))):
        for claim_id, span_id, text in store.db.execute(
            "SELECT cs.claim_id, s.id, s.text FROM claim_spans cs JOIN spans s "
            f"ON s.id = cs.span_id WHERE cs.claim_id IN ({placeholders(chunk)}) "
            "ORDER BY cs.claim_id, cs.ord",
            list(chunk),
        ):
            found[claim_id].append((span_id, text))
    return found


def with_claim_text(store: Store, rows: list[dict[str, Any]], key: str = "id") -> list[dict]:
    spans = claim_spans_of(store, [r[key] for r in rows if r.get(key)])
    for row in rows:
        mine = spans.get(row[key], []) if row.get(key) else []
        row["text"] = " … ".join(text for _sid, text in mine)
        row["span_id"] = mine[0][0] if mine else None
    return rows


def claims_page(
    store: Store,
    flt: ViewFilter = ViewFilter(),
    *,
    order_by: str = "corpus",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One page of claims across the corpus.

    Rows: id, article_id, title, published, date, speaker_id, speaker (name), text
    (content highlights joined with " … "), span_id (the first content highlight),
    kind, status. Filters: speaker_id, speaker_text, text, status, kind, label,
    annotator, target, target_text, stance (of the positions the claim backs),
    date_from, date_to, article_status (the Store's annotator's), layers. Sort by
    corpus, date, speaker, title, kind, status or text.
    """
    rowids = page_rowids(
        store,
        "claims",
        claim_where(store, flt),
        sorts=CLAIM_SORT,
        order_by=order_by,
        descending=descending,
        count=lambda: claims_count(store, flt),
        joins={"speaker": "LEFT JOIN speakers sp ON sp.id = c.speaker_id "},
        limit=limit,
        offset=offset,
    )
    rows = by_rowid(
        store,
        f"SELECT c.rowid AS _r, c.id, c.article_id, a.title, a.published, {SHOWN_DATE_SQL} AS date, "
        "c.speaker_id, sp.name AS speaker, c.kind, c.status FROM claims c "
        "JOIN articles a ON a.id = c.article_id LEFT JOIN speakers sp ON sp.id = c.speaker_id "
        "WHERE c.rowid IN (%s)",
        rowids,
    )
    return with_claim_text(store, rows)


def claims_count(store: Store, flt: ViewFilter = ViewFilter()) -> int:
    where = claim_where(store, flt)
    return store.db.execute(
        f"SELECT count(*) FROM claims c {where.sql()}", where.params
    ).fetchone()[0]

"""The speakers view: who speaks how often, in how many articles."""

from __future__ import annotations

import json
import weakref
from typing import Any

from .. import Store
from ..common import layer_filter
from .common import SqlWhere, ViewFilter, by_rowid, direction, like_pattern, sort_key

# -- speakers -------------------------------------------------------------------------

SPEAKER_CLAIMS = (
    "(SELECT count(*) FROM claims c WHERE c.speaker_id = sp.id AND c.status != 'rejected')"
)
SPEAKER_ARTICLES = (
    "(SELECT count(*) FROM (SELECT s.article_id FROM spans s WHERE s.speaker_id = sp.id "
    "AND s.status != 'rejected' UNION SELECT c.article_id FROM claims c "
    "WHERE c.speaker_id = sp.id AND c.status != 'rejected'))"
)


def speaker_counts(layers: tuple[str, ...] | None) -> tuple[str, list[Any]]:
    """The claims and articles columns of a speaker ``sp`` counted in these layers
    (None: every layer), and their parameters."""
    if layers is None:
        return f"{SPEAKER_CLAIMS} AS claims, {SPEAKER_ARTICLES} AS articles", []
    c_layer, c_params = layer_filter("c.annotator", layers)
    s_layer, s_params = layer_filter("s.annotator", layers)
    sql = (
        "(SELECT count(*) FROM claims c WHERE c.speaker_id = sp.id AND c.status != 'rejected'"
        f"{c_layer}) AS claims, "
        "(SELECT count(*) FROM (SELECT s.article_id FROM spans s WHERE s.speaker_id = sp.id "
        f"AND s.status != 'rejected'{s_layer} UNION SELECT c.article_id FROM claims c "
        f"WHERE c.speaker_id = sp.id AND c.status != 'rejected'{c_layer})) AS articles"
    )
    return sql, [*c_params, *s_params, *c_params]


SPEAKER_SORT = {
    "name": "sp.name COLLATE NOCASE",
    "kind": "sp.kind",
    "role": "coalesce(sp.role, '') COLLATE NOCASE",
    "affiliation": "coalesce(sp.affiliation, '') COLLATE NOCASE",
    "claims": SPEAKER_CLAIMS,
    "articles": SPEAKER_ARTICLES,
}


def speaker_where(flt: ViewFilter) -> SqlWhere:
    where = SqlWhere()
    if flt.text.strip():
        like = like_pattern(flt.text)
        where.add(
            "(sp.name LIKE ? ESCAPE '\\' OR sp.aliases LIKE ? ESCAPE '\\' "
            "OR sp.role LIKE ? ESCAPE '\\' OR sp.affiliation LIKE ? ESCAPE '\\')",
            like,
            like,
            like,
            like,
        )
    if flt.speaker_text.strip():
        like = like_pattern(flt.speaker_text)
        where.add("(sp.name LIKE ? ESCAPE '\\' OR sp.aliases LIKE ? ESCAPE '\\')", like, like)
    if flt.speaker_kind:
        where.add("sp.kind = ?", flt.speaker_kind)
    if flt.speaker_id:
        where.add("sp.id = ?", flt.speaker_id)
    return where


def _state(store: Store) -> tuple[int, int]:
    """Changes whenever anything is written, by this connection or another one."""
    return store.db.conn.total_changes, store.data_version()


_speaker_stats_cache: weakref.WeakKeyDictionary[Store, tuple[tuple, dict]] = (
    weakref.WeakKeyDictionary()
)


def speaker_stats(
    store: Store, layers: tuple[str, ...] | None = None
) -> dict[str, tuple[int, int]]:
    """Per speaker id: (claims, articles) as in speakers_page, counted in these layers
    (None: every layer); kept until the next write."""
    state = (*_state(store), layers)
    cached = _speaker_stats_cache.get(store)
    if cached is not None and cached[0] == state:
        return cached[1]
    counts, params = speaker_counts(layers)
    stats = {
        sid: (claims, articles)
        for sid, claims, articles in store.db.execute(
            f"SELECT sp.id, {counts} FROM speakers sp", params
        )
    }
    _speaker_stats_cache[store] = (state, stats)
    return stats


def speakers_page(
    store: Store,
    flt: ViewFilter = ViewFilter(),
    *,
    order_by: str = "name",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One page of corpus-wide speakers (filters: text, speaker_text, speaker_kind).

    Rows: id, name, kind, role, affiliation, aliases (a list), claims (not rejected)
    and articles (where the speaker is mentioned or claims something), both counted
    in the filter's layers (every speaker is listed: speakers are corpus-wide).
    Sort by name, kind, role, affiliation, claims or articles (the counts of every
    speaker are computed once and kept until the next write, so paging is quick).
    """
    where = speaker_where(flt)
    key = sort_key(order_by, SPEAKER_SORT)
    d = direction(descending)
    if order_by in ("claims", "articles"):
        stats = speaker_stats(store, flt.layers)
        col = 0 if order_by == "claims" else 1
        found = store.db.execute(
            f"SELECT sp.rowid, sp.id FROM speakers sp {where.sql()} ORDER BY sp.rowid", where.params
        ).fetchall()
        found.sort(key=lambda r: stats.get(r[1], (0, 0))[col], reverse=descending)
        rowids = [r[0] for r in found[offset : offset + limit]]
    else:
        rowids = [
            r[0]
            for r in store.db.execute(
                f"SELECT sp.rowid FROM speakers sp {where.sql()} ORDER BY {key} {d}, "
                f"sp.rowid {d} LIMIT ? OFFSET ?",
                [*where.params, limit, offset],
            )
        ]
    counts, params = speaker_counts(flt.layers)
    rows = by_rowid(
        store,
        "SELECT sp.rowid AS _r, sp.id, sp.name, sp.kind, sp.role, sp.affiliation, sp.aliases, "
        f"{counts} FROM speakers sp WHERE sp.rowid IN (%s)",
        rowids,
        params,
    )
    for row in rows:
        row["aliases"] = json.loads(row["aliases"] or "[]")
    return rows


def speakers_count(store: Store, flt: ViewFilter = ViewFilter()) -> int:
    where = speaker_where(flt)
    return store.db.execute(
        f"SELECT count(*) FROM speakers sp {where.sql()}", where.params
    ).fetchone()[0]


def speaker_first_span(
    store: Store, speaker_id: str, layers: tuple[str, ...] | None = None
) -> tuple[str, str | None] | None:
    """Where to open a speaker: (article id, span id) of its first mention, else of its
    first claim's first highlight, in these layers (None: every layer); None when the
    speaker appears nowhere."""
    s_layer, s_params = layer_filter("annotator", layers)
    c_layer, c_params = layer_filter("c.annotator", layers)
    row = (
        store.db.execute(
            "SELECT article_id, id FROM spans WHERE speaker_id = ? AND status != 'rejected'"
            f"{s_layer} ORDER BY rowid LIMIT 1",
            [speaker_id, *s_params],
        ).fetchone()
        or store.db.execute(
            "SELECT c.article_id, cs.span_id FROM claims c LEFT JOIN claim_spans cs "
            f"ON cs.claim_id = c.id WHERE c.speaker_id = ? AND c.status != 'rejected'{c_layer} "
            "ORDER BY c.rowid, cs.ord LIMIT 1",
            [speaker_id, *c_params],
        ).fetchone()
    )
    return (row[0], row[1]) if row else None

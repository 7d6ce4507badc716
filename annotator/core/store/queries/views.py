"""Exporting what a view shows: the articles it names, as an export filter."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from ...exporting import ExportFilter, export, spreadsheet_safe
from .. import Store
from ..common import layer_filter
from .claims import claim_where, claims_count, claims_page
from .common import VIEWS, ViewFilter, chunks, placeholders
from .positions import position_where, positions_count, positions_page
from .search import search_rowids
from .speakers import speaker_where
from .text import Phrase

# -- exporting what a view shows ------------------------------------------------------


def view_article_ids(
    store: Store, view: str, flt: ViewFilter = ViewFilter(), *, query: str = ""
) -> list[str]:
    """The articles a view shows under this filter, in corpus order.

    ``view``: "speakers" (articles where a listed speaker is mentioned or makes a
    claim, in the filter's layers), "claims", "positions", "timeline" (the positions of ``flt.speaker_id``
    or toward ``flt.target``) or "search" (``query`` under ``flt``).
    """
    if view == "speakers":
        where = speaker_where(flt)
        chosen = f"SELECT sp.id FROM speakers sp {where.sql()}"
        s_layer, s_params = layer_filter("s.annotator", flt.layers)
        c_layer, c_params = layer_filter("c.annotator", flt.layers)
        inner = (
            "SELECT s.article_id FROM spans s WHERE s.speaker_id IS NOT NULL "
            f"AND s.status != 'rejected'{s_layer} AND s.speaker_id IN ({chosen}) UNION "
            f"SELECT c.article_id FROM claims c WHERE c.status != 'rejected'{c_layer} "
            f"AND c.speaker_id IN ({chosen})"
        )
        params = [*s_params, *where.params, *c_params, *where.params]
    elif view == "claims":
        where = claim_where(store, flt)
        inner, params = f"SELECT c.article_id FROM claims c {where.sql()}", where.params
    elif view in ("positions", "timeline"):
        if view == "timeline" and not (flt.speaker_id or flt.target):
            return []
        where = position_where(store, flt)
        inner, params = f"SELECT p.article_id FROM positions p {where.sql()}", where.params
    elif view == "search":
        phrase = Phrase.parse(query)
        if not phrase:
            return []
        rowids = sorted(search_rowids(store, phrase, flt, "corpus", None, 0))
        ids: list[str] = []
        for chunk in chunks(rowids):
            ids += [
                r[0]
                for r in store.db.execute(
                    f"SELECT id FROM articles WHERE rowid IN ({placeholders(chunk)}) ORDER BY rowid",
                    list(chunk),
                )
            ]
        return ids
    else:
        raise ValueError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    sql = f"SELECT id FROM articles WHERE id IN ({inner}) ORDER BY rowid"
    return [r[0] for r in store.db.execute(sql, params)]


def view_export_filter(
    store: Store, view: str, flt: ViewFilter = ViewFilter(), *, query: str = ""
) -> ExportFilter:
    """An ExportFilter writing the articles the view shows, with its label filter and
    its layers; suggestions are included when the view shows them (no status, or
    "suggested"), rejected annotations when it shows those."""
    return ExportFilter(
        annotators=flt.layers,
        labels=(flt.label,) if flt.label else None,
        include_suggestions=flt.status in (None, "suggested"),
        include_rejected=flt.status == "rejected",
        article_ids=tuple(view_article_ids(store, view, flt, query=query)),
    )


def export_view(
    store: Store,
    target: str | Path,
    view: str,
    flt: ViewFilter = ViewFilter(),
    *,
    query: str = "",
    fmt: str = "jsonl",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    safe_for_spreadsheets: bool = False,
) -> int:
    """Export what a view shows to ``target`` (see view_export_filter); returns how
    many articles were written. ``safe_for_spreadsheets``: see exporting.export."""
    return export(
        store,
        target,
        fmt=fmt,
        flt=view_export_filter(store, view, flt, query=query),
        progress=progress,
        cancelled=cancelled,
        safe_for_spreadsheets=safe_for_spreadsheets,
    )


# Views whose rows can be written as they are shown: (page function, count function).
TABLE_VIEWS = {
    "claims": (claims_page, claims_count),
    "positions": (positions_page, positions_count),
}


def export_rows(
    store: Store,
    target: str | Path,
    view: str,
    columns: Sequence[tuple[str, str]],
    flt: ViewFilter = ViewFilter(),
    *,
    order_by: str = "corpus",
    descending: bool = False,
    safe_for_spreadsheets: bool = False,
) -> int:
    """Write the rows a Claims or Positions table shows (its filter and sort, every
    page) to a CSV file: one column per (key, heading) in ``columns``, a heading
    row first; undated rows have an empty date. Returns the number of rows.

    Raises:
        ValueError: a view without such a table.
        OSError: the file cannot be written.
    """
    if view not in TABLE_VIEWS:
        raise ValueError(f"only {', '.join(TABLE_VIEWS)} rows can be exported as a table")
    page, count = TABLE_VIEWS[view]
    clean = spreadsheet_safe if safe_for_spreadsheets else (lambda v: v)
    written = 0
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([title for _key, title in columns])
        total = count(store, flt)
        for offset in range(0, total, 1000):
            rows = page(
                store, flt, order_by=order_by, descending=descending, limit=1000, offset=offset
            )
            for row in rows:
                writer.writerow(
                    [clean("" if row.get(k) is None else row.get(k)) for k, _ in columns]
                )
            written += len(rows)
    return written

"""Exporting what a view shows: the articles it names, as an export filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...exporting import ExportFilter, export
from .. import Store
from .claims import claim_where
from .common import VIEWS, ViewFilter, chunks, placeholders
from .positions import position_where
from .search import search_rowids
from .speakers import speaker_where
from .text import Phrase

# -- exporting what a view shows ------------------------------------------------------


def view_article_ids(
    store: Store, view: str, flt: ViewFilter = ViewFilter(), *, query: str = ""
) -> list[str]:
    """The articles a view shows under this filter, in corpus order.

    ``view``: "speakers" (articles where a listed speaker is mentioned or makes a
    claim), "claims", "positions", "timeline" (the positions of ``flt.speaker_id``
    or toward ``flt.target``) or "search" (``query`` under ``flt``).
    """
    if view == "speakers":
        where = speaker_where(flt)
        chosen = f"SELECT sp.id FROM speakers sp {where.sql()}"
        inner = (
            "SELECT s.article_id FROM spans s WHERE s.speaker_id IS NOT NULL "
            f"AND s.status != 'rejected' AND s.speaker_id IN ({chosen}) UNION "
            "SELECT c.article_id FROM claims c WHERE c.status != 'rejected' "
            f"AND c.speaker_id IN ({chosen})"
        )
        params = [*where.params, *where.params]
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
    """An ExportFilter writing the articles the view shows, with its label filter;
    suggestions are included when the view shows them (no status, or "suggested"),
    rejected annotations when it shows those."""
    return ExportFilter(
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

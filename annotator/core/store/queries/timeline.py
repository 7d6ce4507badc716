"""The timeline view: claims and positions per day."""

from __future__ import annotations

from typing import Any

from .. import Store
from ..common import layer_filter
from .common import NO_SPEAKER, SHOWN_DATE_SQL, ViewFilter
from .positions import position_where

# -- timeline -------------------------------------------------------------------------


def timeline(
    store: Store,
    *,
    speaker_id: str | None = None,
    target: str | None = None,
    flt: ViewFilter = ViewFilter(),
    limit: int = 20_000,
) -> list[dict[str, Any]]:
    """Positions of one speaker, or toward one target (by name; either may be given
    in ``flt`` instead), under the filter (its layers, say), in date order.

    Rows: position_id, date (the article's publication day; None when it has none:
    the import day is not its date), dated (1 or 0), stance, speaker_id, speaker,
    target_id, target, article_id, title; undated ones last. (position_first_span
    tells where to open one.)
    """
    if not (speaker_id or target or flt.speaker_id or flt.target):
        return []
    flt = flt.with_(speaker_id=speaker_id or flt.speaker_id, target=target or flt.target)
    where = position_where(store, flt)
    rows = store.database.query(
        f"SELECT p.id AS position_id, {SHOWN_DATE_SQL} AS date, "
        "a.published IS NOT NULL AS dated, "
        "p.stance, p.speaker_id, sp.name AS speaker, p.target_id, t.name AS target, "
        "p.article_id, a.title "
        "FROM positions p JOIN articles a ON a.id = p.article_id "
        "JOIN targets t ON t.id = p.target_id LEFT JOIN speakers sp ON sp.id = p.speaker_id "
        f"{where.sql()} ORDER BY date IS NULL, date, p.rowid LIMIT ?",
        [*where.params, limit],
    )
    for row in rows:
        row["speaker"] = row["speaker"] or NO_SPEAKER
    return rows


def timeline_subjects(
    store: Store, by: str, *, layers: tuple[str, ...] | None = None, limit: int = 2000
) -> list[dict[str, Any]]:
    """Speakers (by="speaker") or targets (by="target") that have positions in these
    layers (None: every layer), the one with most first: rows id, name, positions."""
    layer, params = layer_filter("annotator", layers)
    if by == "speaker":
        sql = (
            "SELECT sp.id, sp.name, n AS positions FROM (SELECT speaker_id, count(*) AS n "
            f"FROM positions WHERE speaker_id IS NOT NULL AND status != 'rejected'{layer} "
            "GROUP BY speaker_id) JOIN speakers sp ON sp.id = speaker_id "
            "ORDER BY n DESC, sp.name COLLATE NOCASE LIMIT ?"
        )
    elif by == "target":
        sql = (
            "SELECT t.id, t.name, n AS positions FROM (SELECT target_id, count(*) AS n "
            f"FROM positions WHERE status != 'rejected'{layer} GROUP BY target_id) "
            "JOIN targets t ON t.id = target_id ORDER BY n DESC, t.name COLLATE NOCASE LIMIT ?"
        )
    else:
        raise ValueError("by is 'speaker' or 'target'")
    return store.database.query(sql, [*params, limit])

"""The positions view and grid: where speakers stand on targets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import Store
from .claims import claim_spans_of, with_claim_text
from .common import (
    ARTICLE_DATE,
    NO_SPEAKER,
    SHOWN_DATE_SQL,
    STANCE_ORDER,
    SqlWhere,
    ViewFilter,
    _speakers_like,
    _target_id,
    _targets_like,
    by_rowid,
    chunks,
    in_articles,
    layer_clause,
    like_pattern,
    page_rowids,
    placeholders,
    status_clause,
)

# -- positions ------------------------------------------------------------------------

_EVIDENCE_COUNT = "(SELECT count(*) FROM position_evidence pe WHERE pe.position_id = p.id)"
POSITION_SORT = {
    "corpus": "p.rowid",
    "date": f"(SELECT {ARTICLE_DATE} FROM articles WHERE id = p.article_id)",
    "speaker": "coalesce(sp.name, '') COLLATE NOCASE",
    "target": "t.name COLLATE NOCASE",
    "stance": "p.stance",
    "status": "p.status",
    "title": "(SELECT coalesce(title, '') FROM articles WHERE id = p.article_id) COLLATE NOCASE",
    "evidence": _EVIDENCE_COUNT,
}


def position_where(store: Store, flt: ViewFilter) -> SqlWhere:
    where = SqlWhere()
    status_clause(where, "p.status", flt.status)
    layer_clause(where, "p.annotator", flt)
    if flt.speaker_id:
        where.add("p.speaker_id = ?", flt.speaker_id)
    if flt.speaker_text.strip():
        like = like_pattern(flt.speaker_text)
        where.add(_speakers_like("p.speaker_id"), like, like)
    if flt.target:
        where.add("p.target_id = ?", _target_id(store, flt.target))
    if flt.target_text.strip():
        where.add(_targets_like("p.target_id"), like_pattern(flt.target_text))
    if flt.text.strip():
        like = like_pattern(flt.text)
        where.add(
            f"({_targets_like('p.target_id')} OR {_speakers_like('p.speaker_id')})",
            like,
            like,
            like,
        )
    if flt.stance:
        where.add("p.stance = ?", flt.stance)
    if flt.kind or flt.label or flt.annotator:
        sub, params = [], []
        if flt.kind:
            sub.append("c.kind = ?")
            params.append(flt.kind)
        if flt.label:
            sub.append("s.label = ?")
            params.append(flt.label)
        if flt.annotator:
            sub.append("s.annotator = ?")
            params.append(flt.annotator)
        where.add(
            "EXISTS (SELECT 1 FROM position_evidence pe JOIN claims c ON c.id = pe.claim_id "
            "JOIN claim_spans cs ON cs.claim_id = c.id JOIN spans s ON s.id = cs.span_id "
            f"WHERE pe.position_id = p.id AND {' AND '.join(sub)})",
            *params,
        )
    in_articles(where, "p.article_id", flt, store.annotator)
    return where


def _first_evidence(store: Store, position_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Per position: (claim id, span id) of its first evidence claim's first highlight."""
    claims: dict[str, str] = {}
    for chunk in chunks(list(position_ids)):
        for pid, cid in store.db.execute(
            "SELECT pe.position_id, pe.claim_id FROM position_evidence pe JOIN claims c "
            f"ON c.id = pe.claim_id WHERE pe.position_id IN ({placeholders(chunk)}) "
            "ORDER BY pe.position_id, c.rowid",
            list(chunk),
        ):
            claims.setdefault(pid, cid)
    spans = claim_spans_of(store, list(claims.values()))
    return {pid: (cid, spans[cid][0][0]) for pid, cid in claims.items() if spans.get(cid)}


def positions_page(
    store: Store,
    flt: ViewFilter = ViewFilter(),
    *,
    order_by: str = "corpus",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One page of positions.

    Rows: id, article_id, title, date, speaker_id, speaker, target_id, target,
    stance, status, evidence (how many claims), claim_id and span_id (the first
    evidence claim and its first highlight, or None). Filters: speaker_id,
    speaker_text, target, target_text, text, stance, status, kind/label/annotator
    (of the evidence), dates, article_status (the Store's annotator's), layers. Sort
    by corpus, date, speaker, target, stance, status, title or evidence.
    """
    rowids = page_rowids(
        store,
        "positions",
        position_where(store, flt),
        sorts=POSITION_SORT,
        order_by=order_by,
        descending=descending,
        count=lambda: positions_count(store, flt),
        joins={
            "speaker": "LEFT JOIN speakers sp ON sp.id = p.speaker_id ",
            "target": "JOIN targets t ON t.id = p.target_id ",
        },
        limit=limit,
        offset=offset,
    )
    rows = by_rowid(
        store,
        f"SELECT p.rowid AS _r, p.id, p.article_id, a.title, {SHOWN_DATE_SQL} AS date, p.speaker_id, "
        "sp.name AS speaker, p.target_id, t.name AS target, p.stance, p.status, "
        f"{_EVIDENCE_COUNT} AS evidence FROM positions p JOIN articles a ON a.id = p.article_id "
        "JOIN targets t ON t.id = p.target_id LEFT JOIN speakers sp ON sp.id = p.speaker_id "
        "WHERE p.rowid IN (%s)",
        rowids,
    )
    first = _first_evidence(store, [r["id"] for r in rows])
    for row in rows:
        row["claim_id"], row["span_id"] = first.get(row["id"], (None, None))
    return rows


def positions_count(store: Store, flt: ViewFilter = ViewFilter()) -> int:
    where = position_where(store, flt)
    return store.db.execute(
        f"SELECT count(*) FROM positions p {where.sql()}", where.params
    ).fetchone()[0]


def position_first_span(store: Store, position_id: str) -> tuple[str, str | None] | None:
    """Where to open a position: (article id, first highlight of its first evidence
    claim, or None); None when the position is gone."""
    row = store.db.execute(
        "SELECT article_id FROM positions WHERE id = ?", [position_id]
    ).fetchone()
    if row is None:
        return None
    first = _first_evidence(store, [position_id]).get(position_id)
    return row[0], first[1] if first else None


@dataclass
class GridAxis:
    """A row (speaker) or column (target) of the grid. ``id`` is "" for positions
    without a speaker."""

    id: str
    name: str
    total: int


@dataclass
class PositionGrid:
    """Speakers × targets: per cell the number of positions per stance.

    Only the ``max_speakers`` speakers and ``max_targets`` targets with the most
    positions are kept; ``speaker_total``/``target_total`` say how many there were,
    ``positions`` how many positions the filter found in all.
    """

    speakers: list[GridAxis]
    targets: list[GridAxis]
    cells: dict[tuple[str, str], dict[str, int]]
    speaker_total: int = 0
    target_total: int = 0
    positions: int = 0  # all the filtered positions, shown or not

    def cell(self, speaker_id: str, target_id: str) -> dict[str, int]:
        return self.cells.get((speaker_id, target_id), {})

    def max_count(self) -> int:
        return max((sum(c.values()) for c in self.cells.values()), default=0)


def dominant_stance(counts: dict[str, int]) -> str | None:
    """The stance a cell is coloured by: the most frequent one; ``mixed`` when the top
    two tie, or when favor and against are both there and neither has two thirds."""
    counts = {k: v for k, v in counts.items() if v}
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], STANCE_ORDER.index(kv[0])))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return "mixed"
    favor, against = counts.get("favor", 0), counts.get("against", 0)
    if favor and against and max(favor, against) * 3 < (favor + against) * 2:
        return "mixed"
    return ranked[0][0]


def position_grid(
    store: Store,
    flt: ViewFilter = ViewFilter(),
    *,
    max_speakers: int = 40,
    max_targets: int = 30,
) -> PositionGrid:
    """Counts per (speaker, target, stance) of the filtered positions (as
    positions_page filters them), for the speakers and targets with the most."""
    where = position_where(store, flt)
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    by_speaker: dict[str, int] = defaultdict(int)
    by_target: dict[str, int] = defaultdict(int)
    for sid, tid, stance, n in store.db.execute(
        "SELECT p.speaker_id, p.target_id, p.stance, count(*) FROM positions p "
        f"{where.sql()} GROUP BY p.speaker_id, p.target_id, p.stance",
        where.params,
    ):
        sid = sid or ""
        counts[(sid, tid)][stance] = counts[(sid, tid)].get(stance, 0) + n
        by_speaker[sid] += n
        by_target[tid] += n

    def top(totals: dict[str, int], n: int) -> list[tuple[str, int]]:
        return sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    top_s, top_t = top(by_speaker, max_speakers), top(by_target, max_targets)
    names = _names(store, "speakers", [s for s, _ in top_s if s])
    names[""] = NO_SPEAKER
    tnames = _names(store, "targets", [t for t, _ in top_t])
    speakers = [GridAxis(s, names.get(s, s), n) for s, n in top_s]
    targets = [GridAxis(t, tnames.get(t, t), n) for t, n in top_t]
    # Same totals: alphabetical, so the grid reads like an index.
    speakers.sort(key=lambda a: (-a.total, a.name.casefold()))
    targets.sort(key=lambda a: (-a.total, a.name.casefold()))
    keep_s, keep_t = {s.id for s in speakers}, {t.id for t in targets}
    cells = {k: v for k, v in counts.items() if k[0] in keep_s and k[1] in keep_t}
    return PositionGrid(
        speakers, targets, cells, len(by_speaker), len(by_target), sum(by_speaker.values())
    )


def _names(store: Store, table: str, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in chunks(list(ids)):
        for rid, name in store.db.execute(
            f"SELECT id, name FROM {table} WHERE id IN ({placeholders(chunk)})", list(chunk)
        ):
            found[rid] = name
    return found


def cell_evidence(
    store: Store,
    speaker_id: str | None,
    target_id: str,
    flt: ViewFilter = ViewFilter(),
    *,
    limit: int = 2000,
) -> list[dict[str, Any]]:
    """The positions of one grid cell (speaker id, "" or None for no speaker) with
    their evidence claims: one row per claim, or one row with claim_id None for a
    position without evidence.

    Rows: position_id, stance, article_id, title, date, claim_id, speaker (who made
    the claim), text and span_id (the claim's highlights), in date order.
    """
    where = position_where(store, flt.with_(speaker_id=None, target=None))
    if speaker_id:
        where.add("p.speaker_id = ?", speaker_id)
    else:
        where.add("p.speaker_id IS NULL")
    where.add("p.target_id = ?", target_id)
    rows = store.database.query(
        f"SELECT p.id AS position_id, p.stance, p.article_id, a.title, {SHOWN_DATE_SQL} AS date, "
        "pe.claim_id, csp.name AS speaker FROM positions p "
        "JOIN articles a ON a.id = p.article_id "
        "LEFT JOIN position_evidence pe ON pe.position_id = p.id "
        "LEFT JOIN claims c ON c.id = pe.claim_id "
        "LEFT JOIN speakers csp ON csp.id = c.speaker_id "
        f"{where.sql()} ORDER BY date IS NULL, date, p.rowid, c.rowid LIMIT ?",
        [*where.params, limit],
    )
    return with_claim_text(store, rows, key="claim_id")

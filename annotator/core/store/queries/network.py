"""The statements a discourse network is built from (annotator.core.network)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ...network import Actor, Statement
from .. import Store
from ..articles import status_among
from .claims import with_claim_text
from .common import SHOWN_DATE, SHOWN_DATE_SQL, SqlWhere, chunks, placeholders
from .positions import _first_evidence


@dataclass(frozen=True)
class NetworkFilter:
    """Which positions count. Empty fields do not filter.

    ``annotators``: the layers (annotators' names) whose positions and claims count.
    ``article_statuses``: articles with one of these statuses, as one of the
    ``annotators`` (none: anyone) set it; an analyst who never marked an article
    has it todo. ``date_from`` and ``date_to``: inclusive ``YYYY-MM-DD`` publication
    dates (an undated article is left out by either: its import day is not a date).
    """

    annotators: tuple[str, ...] = ()
    article_statuses: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    def within(self, first: str, last: str) -> NetworkFilter:
        """This filter narrowed to the dates ``first`` to ``last`` (a time slice)."""
        return replace(
            self,
            date_from=max(first, self.date_from or first),
            date_to=min(last, self.date_to or last),
        )


def _article_clauses(where: SqlWhere, column: str, flt: NetworkFilter) -> None:
    sub = SqlWhere()
    if flt.date_from:
        sub.add(f"{SHOWN_DATE} >= ?", flt.date_from)
    if flt.date_to:
        sub.add(f"substr({SHOWN_DATE}, 1, ?) <= ?", len(flt.date_to), flt.date_to)
    if flt.article_statuses:
        clause, params = status_among(flt.article_statuses, flt.annotators or None)
        sub.add(clause, *params)
    if sub.clauses:
        where.add(f"{column} IN (SELECT id FROM articles a {sub.sql()})", *sub.params)


def network_statements(
    store: Store, flt: NetworkFilter = NetworkFilter()
) -> tuple[list[Statement], dict[str, Actor]]:
    """The accepted positions of actors in the chosen articles, in date order, and
    the actors they name.

    Positions without a speaker, and those of speakers of kind ``other`` (sources
    that are not actors), are left out. An actor's ``claims`` counts their accepted
    claims in the same articles.
    """
    where = _statement_where(flt)
    statements = [
        Statement(sid, tid, name, stance, date)
        for sid, tid, name, stance, date in store.db.execute(
            f"SELECT p.speaker_id, p.target_id, t.name, p.stance, {SHOWN_DATE_SQL} AS date "
            "FROM positions p JOIN articles a ON a.id = p.article_id "
            "JOIN targets t ON t.id = p.target_id JOIN speakers sp ON sp.id = p.speaker_id "
            f"{where.sql()} ORDER BY date IS NULL, date, p.rowid",
            where.params,
        )
    ]
    return statements, _actors(store, sorted({s.speaker_id for s in statements}), flt)


def _statement_where(flt: NetworkFilter) -> SqlWhere:
    where = SqlWhere()
    where.add("p.status = 'accepted'")
    where.add("sp.kind != 'other'")
    if flt.annotators:
        where.add(f"p.annotator IN ({placeholders(flt.annotators)})", *flt.annotators)
    _article_clauses(where, "p.article_id", flt)
    return where


def network_positions(
    store: Store,
    flt: NetworkFilter = NetworkFilter(),
    *,
    speakers: Sequence[str] = (),
    targets: Sequence[str] = (),
    stances: Sequence[str] = (),
    limit: int = 500,
) -> list[dict[str, Any]]:
    """The positions a network built under ``flt`` counts, of these speakers on
    these targets (ids; empty: any) with these stances (empty: any), in date order.

    Rows: id, article_id, title, date (published day or None), speaker_id, speaker,
    target_id, target, stance, claim_id and span_id (the first evidence claim and
    its first highlight, or None).
    """
    where = _statement_where(flt)
    for column, chosen in (
        ("p.speaker_id", speakers),
        ("p.target_id", targets),
        ("p.stance", stances),
    ):
        if chosen:
            where.add(f"{column} IN ({placeholders(chosen)})", *chosen)
    rows = list(
        store.database.query(
            f"SELECT p.id, p.article_id, a.title, {SHOWN_DATE_SQL} AS date, p.speaker_id, "
            "sp.name AS speaker, p.target_id, t.name AS target, p.stance "
            "FROM positions p JOIN articles a ON a.id = p.article_id "
            "JOIN targets t ON t.id = p.target_id JOIN speakers sp ON sp.id = p.speaker_id "
            f"{where.sql()} ORDER BY {SHOWN_DATE_SQL} IS NULL, {SHOWN_DATE_SQL}, p.rowid LIMIT ?",
            [*where.params, limit],
        )
    )
    first = _first_evidence(store, [r["id"] for r in rows])
    for row in rows:
        row["claim_id"], row["span_id"] = first.get(row["id"], (None, None))
    return rows


def network_claims(
    store: Store, flt: NetworkFilter, speaker_id: str, *, limit: int = 500
) -> list[dict[str, Any]]:
    """The claims an actor's node counts under ``flt`` (accepted, in the chosen
    layers and articles), in date order. Rows: id, article_id, title, date, text
    (content highlights joined with " … "), span_id (the first)."""
    where = SqlWhere()
    where.add("c.status = 'accepted'")
    where.add("c.speaker_id = ?", speaker_id)
    if flt.annotators:
        where.add(f"c.annotator IN ({placeholders(flt.annotators)})", *flt.annotators)
    _article_clauses(where, "c.article_id", flt)
    rows = list(
        store.database.query(
            f"SELECT c.id, c.article_id, a.title, {SHOWN_DATE_SQL} AS date FROM claims c "
            f"JOIN articles a ON a.id = c.article_id {where.sql()} "
            f"ORDER BY {SHOWN_DATE_SQL} IS NULL, {SHOWN_DATE_SQL}, c.rowid LIMIT ?",
            [*where.params, limit],
        )
    )
    return with_claim_text(store, rows)


def _actors(store: Store, ids: Sequence[str], flt: NetworkFilter) -> dict[str, Actor]:
    claims: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for chunk in chunks(list(ids)):
        where = SqlWhere()
        where.add("c.status = 'accepted'")
        where.add(f"c.speaker_id IN ({placeholders(chunk)})", *chunk)
        if flt.annotators:
            where.add(f"c.annotator IN ({placeholders(flt.annotators)})", *flt.annotators)
        _article_clauses(where, "c.article_id", flt)
        for sid, n in store.db.execute(
            f"SELECT c.speaker_id, count(*) FROM claims c {where.sql()} GROUP BY c.speaker_id",
            where.params,
        ):
            claims[sid] = n
        for sid, name, kind, role, affiliation in store.db.execute(
            "SELECT id, name, kind, role, affiliation FROM speakers "
            f"WHERE id IN ({placeholders(chunk)})",
            list(chunk),
        ):
            actors[sid] = Actor(sid, name, kind, role, affiliation, claims.get(sid, 0))
    return actors


def all_layers(store: Store) -> list[str]:
    """Every analyst's layer that holds a highlight, claim or position, by name."""
    return [
        name
        for (name,) in store.db.execute(
            "SELECT annotator FROM spans WHERE annotator IS NOT NULL UNION "
            "SELECT annotator FROM claims WHERE annotator IS NOT NULL UNION "
            "SELECT annotator FROM positions WHERE annotator IS NOT NULL ORDER BY 1"
        )
    ]


def network_layers(store: Store) -> list[str]:
    """The annotators with accepted positions (the layers a network can be built from)."""
    return [
        name
        for (name,) in store.db.execute(
            "SELECT DISTINCT annotator FROM positions WHERE status = 'accepted' "
            "AND annotator IS NOT NULL ORDER BY annotator"
        )
    ]

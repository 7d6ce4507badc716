"""The statements a discourse network is built from (annotator.core.network)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...network import Actor, Statement
from .. import Store
from ..articles import status_among
from .common import ARTICLE_DATE, DATE_SQL, SqlWhere, chunks, placeholders


@dataclass(frozen=True)
class NetworkFilter:
    """Which positions count. Empty fields do not filter.

    ``annotators``: the layers (annotators' names) whose positions and claims count.
    ``article_statuses``: articles with one of these statuses, as one of the
    ``annotators`` (none: anyone) set it; an analyst who never marked an article
    has it todo. ``date_from`` and
    ``date_to``: inclusive ``YYYY-MM-DD`` article dates (published, else imported).
    """

    annotators: tuple[str, ...] = ()
    article_statuses: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None


def _article_clauses(where: SqlWhere, column: str, flt: NetworkFilter) -> None:
    sub = SqlWhere()
    if flt.date_from:
        sub.add(f"{ARTICLE_DATE} >= ?", flt.date_from)
    if flt.date_to:
        sub.add(f"substr({ARTICLE_DATE}, 1, ?) <= ?", len(flt.date_to), flt.date_to)
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
    where = SqlWhere()
    where.add("p.status = 'accepted'")
    where.add("sp.kind != 'other'")
    if flt.annotators:
        where.add(f"p.annotator IN ({placeholders(flt.annotators)})", *flt.annotators)
    _article_clauses(where, "p.article_id", flt)
    statements = [
        Statement(sid, tid, name, stance, date)
        for sid, tid, name, stance, date in store.db.execute(
            f"SELECT p.speaker_id, p.target_id, t.name, p.stance, {DATE_SQL} AS date "
            "FROM positions p JOIN articles a ON a.id = p.article_id "
            "JOIN targets t ON t.id = p.target_id JOIN speakers sp ON sp.id = p.speaker_id "
            f"{where.sql()} ORDER BY date, p.rowid",
            where.params,
        )
    ]
    return statements, _actors(store, sorted({s.speaker_id for s in statements}), flt)


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

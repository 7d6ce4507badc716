"""The filter every corpus view takes, and the SQL helpers the views share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ...textio import squash_spaces
from .. import Store

VIEWS = ("speakers", "claims", "positions", "timeline", "search")
STANCE_ORDER = ("favor", "against", "neutral", "mixed")
NO_SPEAKER = "(no speaker)"
# The same expression as the articles_date index in schema.py (keep them equal).
ARTICLE_DATE = "coalesce(substr(published, 1, 10), substr(imported_at, 1, 10))"
DATE_SQL = "coalesce(substr(a.published, 1, 10), substr(a.imported_at, 1, 10))"
# The date the views show, filter and sort on: the published day, NULL when the
# article has none (the import day is not a date of the article).
SHOWN_DATE = "substr(published, 1, 10)"
SHOWN_DATE_SQL = "substr(a.published, 1, 10)"


def date_order(article_id: str, descending: bool) -> str:
    """A sort key on the date of the article ``article_id`` names; undated ones last
    in either direction."""
    missing = "" if descending else "9999"
    return f"(SELECT coalesce({SHOWN_DATE}, '{missing}') FROM articles WHERE id = {article_id})"


# Above this many rows a date sort walks the articles_date index instead of sorting.
WALK_DATES_ABOVE = 20_000


@dataclass(frozen=True)
class ViewFilter:
    """What a corpus view shows. Empty fields do not filter.

    ``text``: speakers: name, alias, role or affiliation contains it; claims: the
    words of the claim text (the last one may be the start of a word); positions:
    the speaker's or the target's name contains it (search takes its phrase apart).
    ``speaker_id``/``speaker_text``: one speaker, or speakers whose name or alias
    contains the text. ``target``: one target by name (any case); ``target_text``:
    targets whose name contains it. ``kind``: claim kind; ``speaker_kind``: person
    or organisation. ``label``/``annotator``: of the highlights (of a claim's
    content highlights). ``date_from``/``date_to``: inclusive ``YYYY-MM-DD``; a
    prefix such as ``2024`` or ``2024-03`` means the whole year or month at either
    end. ``article_status``: todo, in_progress, done, reviewed: the status the
    Store's annotator gave the article (todo when they never marked it).
    ``layers``: the analysts' layers whose claims, positions and highlights count
    (None: every layer; the window passes the layers it shows).
    """

    text: str = ""
    speaker_id: str | None = None
    speaker_text: str = ""
    target: str | None = None
    target_text: str = ""
    stance: str | None = None
    status: str | None = None
    kind: str | None = None
    speaker_kind: str | None = None
    label: str | None = None
    annotator: str | None = None
    article_status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    layers: tuple[str, ...] | None = None

    def with_(self, **changes: Any) -> ViewFilter:
        return replace(self, **changes)


@dataclass
class SqlWhere:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def like_pattern(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# One analyst's status of an article (the analyst is the parameter); todo when unmarked.
MY_STATUS = (
    "coalesce((SELECT m.status FROM article_status m WHERE m.article_id = articles.id "
    "AND m.annotator = ?), 'todo')"
)


def article_where(flt: ViewFilter, annotator: str) -> SqlWhere:
    """Conditions on articles (unaliased columns) from the date and status filters;
    the status is ``annotator``'s own."""
    where = SqlWhere()
    if flt.date_from:
        where.add(f"{SHOWN_DATE} >= ?", flt.date_from)
    if flt.date_to:
        # "2024-03" as an upper bound means the whole of March.
        where.add(f"substr({SHOWN_DATE}, 1, ?) <= ?", len(flt.date_to), flt.date_to)
    if flt.article_status:
        where.add(f"{MY_STATUS} = ?", annotator, flt.article_status)
    return where


def in_articles(where: SqlWhere, column: str, flt: ViewFilter, annotator: str) -> None:
    """Restrict ``column`` (an article id) to the articles the filter's dates and
    ``annotator``'s status allow."""
    arts = article_where(flt, annotator)
    if arts.clauses:
        where.add(f"{column} IN (SELECT id FROM articles {arts.sql()})", *arts.params)


def layer_clause(where: SqlWhere, column: str, flt: ViewFilter) -> None:
    """Keep the rows whose annotator ``column`` is one of the filter's layers."""
    if flt.layers is not None:
        where.add(f"{column} IN ({placeholders(flt.layers)})", *flt.layers)


def status_clause(where: SqlWhere, column: str, status: str | None) -> None:
    if status:
        where.add(f"{column} = ?", status)
    else:
        where.add(f"{column} != 'rejected'")


def _target_id(store: Store, name: str) -> str | None:
    wanted = squash_spaces(name)
    row = store.db.execute("SELECT id FROM targets WHERE name = ?", [wanted]).fetchone()
    if row is not None:
        return row[0]
    # The column's NOCASE folds only ASCII; compare the rest in Python.
    for tid, tname in store.db.execute("SELECT id, name FROM targets"):
        if tname.casefold() == wanted.casefold():
            return tid
    return None


def _speakers_like(column: str) -> str:
    return (
        f"{column} IN (SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' "
        "OR aliases LIKE ? ESCAPE '\\')"
    )


def _targets_like(column: str) -> str:
    return f"{column} IN (SELECT id FROM targets WHERE name LIKE ? ESCAPE '\\')"


def position_conditions(store: Store, flt: ViewFilter) -> tuple[list[str], list[Any]]:
    """Conditions on positions ``p`` for the filter's target, target text and stance."""
    sub: list[str] = []
    params: list[Any] = []
    if flt.target:
        sub.append("p.target_id = ?")
        params.append(_target_id(store, flt.target))
    if flt.target_text.strip():
        sub.append(_targets_like("p.target_id"))
        params.append(like_pattern(flt.target_text))
    if flt.stance:
        sub.append("p.stance = ?")
        params.append(flt.stance)
    return sub, params


def chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def placeholders(items: Sequence[Any]) -> str:
    return ",".join("?" for _ in items)


def by_rowid(
    store: Store, sql: str, rowids: Sequence[int], params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """Rows of ``sql`` (which selects ``_r`` and ends in ``IN (%s)``) in ``rowids`` order."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in chunks(list(rowids)):
        for row in store.database.query(sql % placeholders(chunk), [*params, *chunk]):
            found[row["_r"]] = row
    rows = []
    for rowid in rowids:
        row = found.get(rowid)
        if row is not None:
            del row["_r"]
            rows.append(row)
    return rows


def direction(descending: bool) -> str:
    return "DESC" if descending else "ASC"


def sort_key(order_by: str, keys: dict[str, str]) -> str:
    if order_by not in keys:
        raise ValueError(f"cannot sort by {order_by!r}; use one of {', '.join(keys)}")
    return keys[order_by]


def page_rowids(
    store: Store,
    table: str,
    where: SqlWhere,
    *,
    sorts: dict[str, str],
    order_by: str,
    descending: bool,
    count: Callable[[], int],
    joins: dict[str, str],
    limit: int,
    offset: int,
) -> list[int]:
    """The rowids of one page of ``table``'s rows (aliased by its first letter in
    ``where`` and ``sorts``) matching ``where``, in the chosen order.

    Parameters:
        sorts: the SQL of each sort key a view offers (``order_by`` must be one).
        count: how many rows match (asked only when sorting by date).
        joins: a join the sort by that key needs (speakers for a sort by name).

    Raises:
        ValueError: ``order_by`` is not one of ``sorts``.
    """
    alias = table[0]
    key = sort_key(order_by, sorts)
    d = direction(descending)
    if order_by == "date" and count() > WALK_DATES_ABOVE:
        return _walk_dates(store, table, alias, where, d, limit, offset)
    else:
        if order_by == "date":
            key = date_order(f"{alias}.article_id", descending)
        sql = (
            f"SELECT {alias}.rowid FROM {table} {alias} {joins.get(order_by, '')}{where.sql()} "
            f"ORDER BY {key} {d}, {alias}.rowid {d} LIMIT ? OFFSET ?"
        )
    return [r[0] for r in store.db.execute(sql, [*where.params, limit, offset])]


def _walk_dates(
    store: Store, table: str, alias: str, where: SqlWhere, d: str, limit: int, offset: int
) -> list[int]:
    """A page of a date sort that walks the articles in date order instead of sorting
    every row: the dated rows first, then the undated ones, in either direction, as
    ``date_order`` puts them (the import day is not a date)."""
    dated = SqlWhere(list(where.clauses), list(where.params))
    dated.add("a.published IS NOT NULL")
    walk = (
        f"FROM articles a INDEXED BY articles_date CROSS JOIN {table} {alias} "
        f"ON {alias}.article_id = a.id {dated.sql()}"
    )
    rowids = [
        r[0]
        for r in store.db.execute(
            f"SELECT {alias}.rowid {walk} ORDER BY {DATE_SQL} {d} LIMIT ? OFFSET ?",
            [*dated.params, limit, offset],
        )
    ]
    if len(rowids) == limit:
        return rowids
    if rowids:
        dated_total = offset + len(rowids)
    else:
        dated_total = store.db.execute(f"SELECT count(*) {walk}", dated.params).fetchone()[0]
    undated = SqlWhere(list(where.clauses), list(where.params))
    undated.add("a.published IS NULL")
    sql = (
        f"SELECT {alias}.rowid FROM {table} {alias} JOIN articles a ON a.id = {alias}.article_id "
        f"{undated.sql()} ORDER BY {alias}.rowid {d} LIMIT ? OFFSET ?"
    )
    params = [*undated.params, limit - len(rowids), max(0, offset - dated_total)]
    return rowids + [r[0] for r in store.db.execute(sql, params)]

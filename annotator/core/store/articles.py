"""Articles: the texts everything is annotated on, their list pages and status."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import schema
from ..clock import new_id, now
from ..errors import IntegrityError
from ..history import Changes, Journal
from ..metadata import parse_date
from ..textio import normalise_text, sha256_text
from .common import Manager, layer_filter


def article_row(
    *,
    id: str,
    text: str,
    text_sha256: str,
    title: str | None = None,
    source: str | None = None,
    place: str | None = None,
    published: str | None = None,
    url: str | None = None,
    status: str = "todo",
    imported_at: str,
    meta: dict | None = None,
) -> dict[str, Any]:
    """The row of one article, as stored (``meta`` as JSON)."""
    return {
        "id": id,
        "title": title,
        "source": source,
        "place": place,
        "published": published,
        "url": url,
        "text": text,
        "text_sha256": text_sha256,
        "status": status,
        "imported_at": imported_at,
        "meta": json.dumps(meta or {}, ensure_ascii=False),
    }


# What Article › Properties… can change; the text (and so every offset) never changes.
EDITABLE_FIELDS = frozenset({"title", "source", "place", "published", "url"})


class Articles(Manager):
    """``store.articles``: add, read, page through, mark and delete articles."""

    def add(
        self,
        text: str,
        *,
        title: str | None = None,
        source: str | None = None,
        place: str | None = None,
        published: str | None = None,
        url: str | None = None,
        status: str = "todo",
        meta: dict | None = None,
        id: str | None = None,
    ) -> str | None:
        """Add one article; returns its id, or None if that text is already in.

        The text is normalised exactly as import does (``textio.normalise_text``): a
        leading BOM is dropped and ``\\r\\n`` / ``\\r`` become ``\\n``, so the stored
        text, the one the window shows and every offset agree. Nothing else changes.
        Adding an article is not an undoable action; its changes are
        ``store.last_changes``.

        Raises:
            IntegrityError: the text is empty (or only whitespace) or holds a NUL.
        """
        if not isinstance(text, str):
            raise IntegrityError(f"an article text must be a string, not {type(text).__name__}")
        text = normalise_text(text)
        if not text.strip():
            raise IntegrityError("an article needs a text; this one is empty")
        if "\x00" in text:
            # SQLite's length() and substr() stop at a NUL: nothing after it could be tagged.
            raise IntegrityError("an article text cannot hold a NUL character (U+0000)")
        digest = sha256_text(text)
        if self.db.value("SELECT 1 FROM articles WHERE text_sha256 = ?", [digest]):
            self.history.nothing("Add article")
            return None
        row = article_row(
            id=id or new_id(),
            text=text,
            text_sha256=digest,
            title=title,
            source=source,
            place=place,
            published=published,
            url=url,
            status=status,
            imported_at=now(),
            meta=meta,
        )
        with self.history.unrecorded("Add article") as j:
            j.insert("articles", row)
            if status != "todo":
                j.insert(
                    "article_status",
                    {
                        "article_id": row["id"],
                        "annotator": self.annotator,
                        "status": status,
                        "updated": row["imported_at"],
                    },
                )
        return row["id"]

    def get(self, article_id: str) -> dict[str, Any]:
        """The article with its text and metadata (``meta`` as a dict).

        Raises:
            IntegrityError: no article has that id.
        """
        row = self.db.one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise IntegrityError(f"no article with id {article_id}")
        row["meta"] = json.loads(row["meta"] or "{}")
        return row

    def text(self, article_id: str) -> str:
        """The article's text.

        Raises:
            IntegrityError: no article has that id.
        """
        row = self.db.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise IntegrityError(f"no article with id {article_id}")
        return row[0]

    def count(self, *, status: str | None = None) -> int:
        """How many articles there are (with that status, if given)."""
        if status:
            return self.db.value("SELECT count(*) FROM articles WHERE status = ?", [status])
        return self.db.value("SELECT count(*) FROM articles")

    def ids(
        self,
        *,
        status: str | None = None,
        statuses: Sequence[str] | None = None,
        among: Sequence[str] | None = None,
        analysts: Sequence[str] | None = None,
    ) -> list[str]:
        """The ids of the articles, in corpus order.

        Parameters:
            status, statuses: only articles with that status (or one of those) as one
                of ``analysts`` set it; an analyst who never marked an article has it
                todo.
            among: only these ids (any number: they travel as one JSON parameter).
            analysts: whose status counts; None: anyone's (todo then also takes an
                article nobody marked).
        """
        wanted = [status] if status else list(statuses or ())
        clauses, params = [], []
        if wanted:
            clause, names = status_among(wanted, analysts)
            clauses.append(clause)
            params += names
        if among is not None:
            # One JSON parameter, not one per id: a view may hold more ids than SQLite's limit.
            clauses.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(among)))
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return [
            row[0]
            for row in self.db.db.execute(
                f"SELECT id FROM articles a{where} ORDER BY rowid", params
            )
        ]

    def status_counts(self, annotator: str | None = None) -> dict[str, int]:
        """How many articles one analyst (default: this Store's annotator) has in each
        status (every status named; unmarked articles are todo)."""
        counts = dict.fromkeys(schema.ARTICLE_STATUSES, 0)
        for status, n in self.db.db.execute(
            f"SELECT {_MY_STATUS} AS s, count(*) FROM articles a GROUP BY s",
            [annotator or self.annotator],
        ):
            counts[status] = n
        return counts

    def rows(
        self,
        *,
        filter_text: str = "",
        status: str | None = None,
        order_by: str = "rowid",
        descending: bool = False,
        limit: int = 200,
        offset: int = 0,
        ids: Sequence[str] | None = None,
        layers: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """One page of the corpus list: id, title, source, published, status, annotations
        (highlights not rejected), suggested (highlights still to review) and coders_done.

        ``status`` (shown, filtered and sorted by) is this Store's annotator's own;
        ``coders_done`` counts the analysts who marked the article done or reviewed.
        ``annotations`` counts the highlights of ``layers`` (None: every layer).
        ``ids`` keeps only those articles (to refresh a few rows after a change).

        Raises:
            ValueError: ``order_by`` is not a column of the list.
        """
        where, params = _article_filter(filter_text, status, self.annotator)
        if ids is not None:
            ids = list(ids)
            clause = f"a.id IN ({','.join('?' for _ in ids)})"
            where = f"{where} AND {clause}" if where else f"WHERE {clause}"
            params = [*params, *ids]
        columns = {"rowid", "title", "source", "published", "status", "annotations"}
        if order_by not in columns:
            raise ValueError(f"cannot sort by {order_by}")
        direction = "DESC" if descending else "ASC"
        order = (
            f"{order_by} {direction}, a.rowid" if order_by != "rowid" else f"a.rowid {direction}"
        )
        if order_by == "title":
            order = f"a.title COLLATE NOCASE {direction}, a.rowid"
        elif order_by == "published":
            # Undated articles last in either direction, as the corpus views sort them.
            order = f"a.published IS NULL, a.published {direction}, a.rowid"
        layer, names = layer_filter("s.annotator", layers)
        sql = (
            f"SELECT a.id, a.title, a.source, a.published, {_MY_STATUS} AS status, "
            "(SELECT count(*) FROM spans s WHERE s.article_id = a.id "
            f" AND s.status != 'rejected'{layer}) AS annotations, "
            "(SELECT count(*) FROM spans s WHERE s.article_id = a.id "
            " AND s.status = 'suggested') AS suggested, "
            "(SELECT count(*) FROM article_status d WHERE d.article_id = a.id "
            " AND d.status IN ('done', 'reviewed')) AS coders_done "
            f"FROM articles a {where} ORDER BY {order} LIMIT ? OFFSET ?"
        )
        return self.db.query(sql, [self.annotator, *names, *params, limit, offset])

    def row_count(self, *, filter_text: str = "", status: str | None = None) -> int:
        """How many rows :meth:`rows` has with this filter."""
        where, params = _article_filter(filter_text, status, self.annotator)
        return self.db.value(f"SELECT count(*) FROM articles a {where}", params)

    def neighbour(self, article_id: str, *, step: int, status: str | None = None) -> str | None:
        """The next (step=1) or previous (step=-1) article in corpus order, optionally
        with this status (this Store's annotator's own)."""
        rowid = self.db.value("SELECT rowid FROM articles WHERE id = ?", [article_id])
        if rowid is None:
            return None
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        extra, params = (f"AND {_MY_STATUS} = ?", [self.annotator, status]) if status else ("", [])
        found = self.db.value(
            f"SELECT id FROM articles a WHERE rowid {op} ? {extra} ORDER BY rowid {order} LIMIT 1",
            [rowid, *params],
        )
        if found is None and status:
            # Wrap around so "next to do" finds earlier articles too.
            found = self.db.value(
                f"SELECT id FROM articles a WHERE {_MY_STATUS} = ? AND id != ? "
                f"ORDER BY rowid {order} LIMIT 1",
                [self.annotator, status, article_id],
            )
        return found

    def set_status(self, article_id: str, status: str) -> Changes:
        """Mark an article todo, in progress or done for this Store's annotator (one
        undoable action). The article's own ``status`` becomes the latest anyone set.

        Raises:
            IntegrityError: an unknown status or article.
        """
        if status not in schema.ARTICLE_STATUSES:
            raise IntegrityError(f"unknown status {status!r}")
        with self.history.action(f"Mark article {status.replace('_', ' ')}") as j:
            self.mark(j, article_id, status)
        return j.changes()

    def mark(self, j: Journal, article_id: str, status: str) -> None:
        """Set this Store's annotator's status of an article within the action ``j``.

        Raises:
            IntegrityError: no such article.
        """
        j.update("articles", {"id": article_id}, {"status": status})
        key = {"article_id": article_id, "annotator": self.annotator}
        if self.db.get("article_status", key):
            j.update("article_status", key, {"status": status, "updated": now()})
        else:
            j.insert("article_status", {**key, "status": status, "updated": now()})

    def reliability_sample(self) -> list[str]:
        """The ids of the articles ``assign`` gave to every coder, in corpus order."""
        return [
            row[0]
            for row in self.db.db.execute(
                "SELECT a.id FROM reliability_sample r JOIN articles a ON a.id = r.article_id "
                "ORDER BY a.rowid"
            )
        ]

    def set_reliability_sample(self, article_ids: Sequence[str]) -> Changes:
        """Record which articles every coder gets (replacing the sample recorded
        before), as one undoable action.

        Raises:
            IntegrityError: an id that is no article.
        """
        with self.history.action("Assign to coders") as j:
            for old in self.reliability_sample():
                j.delete("reliability_sample", {"article_id": old})
            for article_id in dict.fromkeys(article_ids):
                if self.db.get("articles", {"id": article_id}) is None:
                    raise IntegrityError(f"no article with id {article_id}")
                j.insert("reliability_sample", {"article_id": article_id})
        return j.changes()

    def status_of(self, article_id: str, annotator: str | None = None) -> str:
        """One analyst's status of an article (default: this Store's annotator); todo
        when they never marked it."""
        found = self.db.value(
            "SELECT status FROM article_status WHERE article_id = ? AND annotator = ?",
            [article_id, annotator or self.annotator],
        )
        return found or "todo"

    def statuses(self, article_id: str) -> dict[str, str]:
        """Every analyst's status of an article, by name (only those who marked it)."""
        rows = self.db.db.execute(
            "SELECT annotator, status FROM article_status WHERE article_id = ? ORDER BY annotator",
            [article_id],
        ).fetchall()
        return {name: status for name, status in rows}

    def update(self, article_id: str, **fields: str | None) -> Changes:
        """Change an article's title, source, place, published date or URL (one undoable
        action, "Edit article properties"). Empty text clears a field; ``published``
        takes any date ``parse_date`` reads and is stored as ``YYYY-MM-DD``.

        Raises:
            ValueError: a field that cannot be changed (the text never can).
            IntegrityError: no such article, or a date without a year or not a date.
        """
        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of an article")
        values: dict[str, str | None] = {}
        for key, value in fields.items():
            value = (value or "").strip() or None
            if key == "published" and value is not None:
                iso = parse_date(value)
                if iso is None:
                    raise IntegrityError(
                        f"{value!r} is not a date with a year (write e.g. 2024-03-02)"
                    )
                value = iso
            values[key] = value
        with self.history.action("Edit article properties") as j:
            if self.db.value("SELECT 1 FROM articles WHERE id = ?", [article_id]) is None:
                raise IntegrityError(f"no article with id {article_id}")
            if values:
                j.update("articles", {"id": article_id}, values)
        return j.changes()

    def delete(self, article_id: str, *, journal: Journal | None = None) -> Changes:
        """Delete an article with everything annotated on it, as one undoable action."""
        with self.history.action("Delete article", journal=journal) as j:
            for pos in self.db.query("SELECT id FROM positions WHERE article_id = ?", [article_id]):
                self.store.positions.delete(pos["id"], journal=j)
            for claim in self.db.query("SELECT id FROM claims WHERE article_id = ?", [article_id]):
                self.store.claims.delete(claim["id"], with_spans=False, journal=j)
            for span in self.db.query("SELECT id FROM spans WHERE article_id = ?", [article_id]):
                j.delete("spans", {"id": span["id"]})
            for row in self.db.query(
                "SELECT annotator FROM article_status WHERE article_id = ?", [article_id]
            ):
                j.delete(
                    "article_status", {"article_id": article_id, "annotator": row["annotator"]}
                )
            j.delete("reliability_sample", {"article_id": article_id})
            j.delete("articles", {"id": article_id})
        return j.changes()

    def stats(self) -> dict[str, Any]:
        """Counts per article status (this Store's analyst's own), per span label and
        status, and of the other records; ``done_by``: how many articles each analyst
        marked done."""

        def pairs(sql: str) -> dict[str, int]:
            return {row[0]: row[1] for row in self.db.db.execute(sql).fetchall()}

        def count(table: str) -> int:
            return self.db.value(f"SELECT count(*) FROM {table}")

        return {
            "articles": self.count(),
            "by_status": self.status_counts(),
            "done_by": pairs(
                "SELECT annotator, count(*) FROM article_status WHERE status = 'done' "
                "GROUP BY annotator ORDER BY annotator"
            ),
            "spans": count("spans"),
            "by_label": pairs("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label"),
            "by_span_status": pairs(
                "SELECT status, count(*) FROM spans GROUP BY status ORDER BY status"
            ),
            "speakers": count("speakers"),
            "claims": count("claims"),
            "positions": count("positions"),
            "targets": count("targets"),
        }


# One analyst's status of article ``a`` (the analyst is the first parameter).
_MY_STATUS = (
    "coalesce((SELECT m.status FROM article_status m WHERE m.article_id = a.id "
    "AND m.annotator = ?), 'todo')"
)


def status_among(wanted: Sequence[str], analysts: Sequence[str] | None) -> tuple[str, list[Any]]:
    """A condition on article ``a``: one of ``analysts`` (None: anyone) gave it one of
    the ``wanted`` statuses (todo: also by never marking it)."""
    marks = ",".join("?" for _ in wanted)
    if analysts is None:
        clause = (
            "EXISTS (SELECT 1 FROM article_status m WHERE m.article_id = a.id "
            f"AND m.status IN ({marks}))"
        )
        params: list[Any] = list(wanted)
        if "todo" in wanted:
            clause = (
                f"({clause} OR NOT EXISTS (SELECT 1 FROM article_status m "
                "WHERE m.article_id = a.id))"
            )
        return clause, params
    names = list(dict.fromkeys(analysts))
    who = ",".join("?" for _ in names)
    clause = (
        "EXISTS (SELECT 1 FROM article_status m WHERE m.article_id = a.id "
        f"AND m.annotator IN ({who}) AND m.status IN ({marks}))"
    )
    params = [*names, *wanted]
    if "todo" in wanted:
        # An analyst without a mark of this article has it todo.
        clause = (
            f"({clause} OR (SELECT count(*) FROM article_status m WHERE m.article_id = a.id "
            f"AND m.annotator IN ({who})) < ?)"
        )
        params += [*names, len(names)]
    return clause, params


def _article_filter(filter_text: str, status: str | None, annotator: str) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filter_text:
        like = "%" + filter_text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            "(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\' "
            "OR a.place LIKE ? ESCAPE '\\')"
        )
        params += [like, like, like]
    if status:
        clauses.append(f"{_MY_STATUS} = ?")
        params += [annotator, status]
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

"""Corpus-wide views: who said what, where speakers stand, and full-text search.

Read-only queries over a :class:`~annotator.core.store.Store` for the corpus views
(speakers, claims, positions, timeline, search) and for exporting "what you see".
Like the store, this is storage code (the GUI calls these functions and runs no SQL);
it only reads, through ``store.db``. The full-text indexes (words: ``articles_fts``,
``spans_fts``; trigrams for other scripts: ``articles_tri``, ``spans_tri``) are kept
in sync by triggers in the schema, so every write path (imports, edits, deletes,
undo and redo) updates them.

Conventions:

- One :class:`ViewFilter` describes the filters of every view; each view uses the
  fields that make sense for it (see each function).
- ``status`` filters the status of the annotations shown (claims, positions,
  highlights); when it is None, rejected annotations are left out.
- An article's date is its ``published`` date, or the day it was imported when it
  has none (``imported_at``), as ``YYYY-MM-DD``.
- Paged functions take ``limit``/``offset`` and sort in SQLite; the matching
  ``*_count`` gives the number of rows, so a Qt model can fetch pages lazily. Pages
  are found in two steps (row ids in order, then the columns shown for those rows),
  so sorting 300,000 claims never reads 300,000 article rows.
- Search offsets are code points of the stored article text (Python ``str``
  indices), like every offset in Annotator; never the UTF-8 bytes FTS5 counts in.
"""

from __future__ import annotations

import json
import re
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .exporting import ExportFilter, export
from .schema import SEARCH_INDEXES
from .store import Store

VIEWS = ("speakers", "claims", "positions", "timeline", "search")
STANCE_ORDER = ("favor", "against", "neutral", "mixed")
NO_SPEAKER = "(no speaker)"
# The same expression as the articles_date index in schema.py (keep them equal).
_DATE = "coalesce(substr(published, 1, 10), substr(imported_at, 1, 10))"
DATE_SQL = "coalesce(substr(a.published, 1, 10), substr(a.imported_at, 1, 10))"
# Above this many rows a date sort walks the articles_date index instead of sorting.
_WALK_DATES_ABOVE = 20_000


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
    end. ``article_status``: todo, in_progress, done, reviewed.
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

    def with_(self, **changes: Any) -> ViewFilter:
        return replace(self, **changes)


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _like(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _article_where(flt: ViewFilter) -> _Where:
    """Conditions on articles (unaliased columns) from the date and status filters."""
    where = _Where()
    if flt.date_from:
        where.add(f"{_DATE} >= ?", flt.date_from)
    if flt.date_to:
        # "2024-03" as an upper bound means the whole of March.
        where.add(f"substr({_DATE}, 1, ?) <= ?", len(flt.date_to), flt.date_to)
    if flt.article_status:
        where.add("status = ?", flt.article_status)
    return where


def _in_articles(where: _Where, column: str, flt: ViewFilter) -> None:
    """Restrict ``column`` (an article id) to the articles the filter's dates allow."""
    arts = _article_where(flt)
    if arts.clauses:
        where.add(f"{column} IN (SELECT id FROM articles {arts.sql()})", *arts.params)


def _status(where: _Where, column: str, status: str | None) -> None:
    if status:
        where.add(f"{column} = ?", status)
    else:
        where.add(f"{column} != 'rejected'")


def _target_id(store: Store, name: str) -> str | None:
    wanted = " ".join(name.split())
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


def _position_conditions(store: Store, flt: ViewFilter) -> tuple[list[str], list[Any]]:
    """Conditions on positions ``p`` for the filter's target, target text and stance."""
    sub: list[str] = []
    params: list[Any] = []
    if flt.target:
        sub.append("p.target_id = ?")
        params.append(_target_id(store, flt.target))
    if flt.target_text.strip():
        sub.append(_targets_like("p.target_id"))
        params.append(_like(flt.target_text))
    if flt.stance:
        sub.append("p.stance = ?")
        params.append(flt.stance)
    return sub, params


def _chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" for _ in items)


def _by_rowid(
    store: Store, sql: str, rowids: Sequence[int], params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """Rows of ``sql`` (which selects ``_r`` and ends in ``IN (%s)``) in ``rowids`` order."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(list(rowids)):
        for row in store._query(sql % _marks(chunk), [*params, *chunk]):
            found[row["_r"]] = row
    rows = []
    for rowid in rowids:
        row = found.get(rowid)
        if row is not None:
            del row["_r"]
            rows.append(row)
    return rows


def _direction(descending: bool) -> str:
    return "DESC" if descending else "ASC"


def _sort_key(order_by: str, keys: dict[str, str]) -> str:
    if order_by not in keys:
        raise ValueError(f"cannot sort by {order_by!r}; use one of {', '.join(keys)}")
    return keys[order_by]


# -- full-text search helpers ---------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")
# Below three characters the trigram index cannot answer; the table is scanned.
_TRIGRAM = 3


def _is_latin(ch: str) -> bool:
    return ch < "\u0250" or unicodedata.name(ch, "").startswith("LATIN")


def _fold_char(ch: str) -> str:
    """One code point folded like FTS5's unicode61 (lower case, and no accents on
    Latin letters only, as its remove_diacritics does), or itself."""
    lowered = ch.lower()
    if len(lowered) != 1:
        return ch
    if not _is_latin(lowered):
        return lowered
    base = unicodedata.normalize("NFD", lowered)[0]
    return base


def fold(text: str) -> str:
    """Text folded code point by code point: same length, so offsets carry over."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def lower(text: str) -> str:
    """Lower case code point by code point, as FTS5's trigram index compares (same
    length; a final sigma counts as a sigma)."""
    if text.isascii():
        return text.lower()
    return "".join(lo if len(lo := c.lower()) == 1 else c for c in text).replace("ς", "σ")


def needs_substring_search(text: str) -> bool:
    """Whether ``text`` holds letters outside the Latin script. Those are searched as
    a run of characters (trigram index): Chinese, Japanese and Thai have no spaces
    between words, Korean words carry their particles, and FTS5's word tokenizer
    splits Arabic and Thai words at their vowel marks."""
    return any(ch.isalnum() and not _is_latin(ch) for ch in text)


@dataclass(frozen=True)
class Phrase:
    """A search phrase: its words, the full-text query for them, and a regex finding them.

    Latin-script phrases are words, as FTS5's unicode61 tokenizer sees them (letters
    and digits; accents and case ignored); they must follow each other, with only
    spaces or punctuation between. ``prefix``: the last word may be the start of a
    longer one. A phrase with letters of any other script is one run of characters
    (``substring``), found anywhere in the text, case ignored, accents kept.
    """

    words: tuple[str, ...]
    prefix: bool = False
    substring: bool = False

    @classmethod
    def parse(cls, text: str, *, prefix: bool | None = None) -> Phrase:
        stripped = text.strip()
        if prefix is None:
            prefix = stripped.endswith("*")
        if needs_substring_search(stripped):
            run = stripped.rstrip("*").strip()
            return cls((lower(run),), True, True)
        return cls(tuple(_TOKEN.findall(fold(stripped))), prefix)

    def __bool__(self) -> bool:
        return bool(self.words)

    def fts(self) -> str:
        """The MATCH expression for the index ``index()`` names."""
        if self.substring:
            return '"' + self.words[0].replace('"', '""') + '"'
        return '"' + " ".join(self.words) + '"' + (" *" if self.prefix else "")

    def index(self, table: str) -> str | None:
        """The full-text index of ``table`` (articles or spans) that answers this
        phrase, or None when the table itself must be scanned (a run too short)."""
        if not self.substring:
            return f"{table}_fts"
        return f"{table}_tri" if len(self.words[0]) >= _TRIGRAM else None

    def rowids(self, table: str) -> tuple[str, list[Any]]:
        """SQL selecting the rowids of ``table`` (articles or spans) whose text holds
        the phrase, and its parameters."""
        index = self.index(table)
        if index is not None:
            return f"SELECT rowid FROM {index} WHERE {index} MATCH ?", [self.fts()]
        # One or two characters: SQLite's instr() compares exactly, so try the
        # spellings a user may have typed the run in.
        run = self.words[0]
        spellings = list(dict.fromkeys((run, run.upper(), run.capitalize())))
        where = " OR ".join("instr(text, ?) > 0" for _ in spellings)
        return f"SELECT rowid FROM {table} WHERE {where}", spellings

    def pattern(self) -> re.Pattern[str]:
        if self.substring:
            return re.compile(re.escape(self.words[0]))
        body = r"[\W_]+".join(re.escape(w) for w in self.words)
        end = r"[^\W_]*" if self.prefix else r"(?![^\W_])"
        return re.compile(r"(?<![^\W_])" + body + end)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Where the phrase occurs in text[start:end], as code-point offsets of text."""
        if not self.words:
            return []
        stop = len(text) if end is None else end
        folded = lower(text) if self.substring else fold(text)
        return [(m.start(), m.end()) for m in self.pattern().finditer(folded, start, stop)]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def snippet(text: str, hit: tuple[int, int] | None, *, width: int = 70) -> tuple[str, int, int]:
    """A one-line extract around ``hit``: (snippet, start, end of the hit in it)."""
    if hit is None:
        line = _one_line(text[: width * 2])
        return line + ("…" if len(text) > width * 2 else ""), 0, 0
    start, end = hit
    left, right = max(0, start - width), min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    before = ("…" if left > 0 else "") + _one_line(text[left:start])
    if text[left:start][-1:].isspace() and before:
        before += " "
    middle = _one_line(text[start:end])
    after = _one_line(text[end:right])
    if text[end:right][:1].isspace() and after:
        after = " " + after
    after += "…" if right < len(text) else ""
    return before + middle + after, len(before), len(before) + len(middle)


# -- speakers -------------------------------------------------------------------------

_SPEAKER_CLAIMS = (
    "(SELECT count(*) FROM claims c WHERE c.speaker_id = sp.id AND c.status != 'rejected')"
)
_SPEAKER_ARTICLES = (
    "(SELECT count(*) FROM (SELECT s.article_id FROM spans s WHERE s.speaker_id = sp.id "
    "AND s.status != 'rejected' UNION SELECT c.article_id FROM claims c "
    "WHERE c.speaker_id = sp.id AND c.status != 'rejected'))"
)
SPEAKER_SORT = {
    "name": "sp.name COLLATE NOCASE",
    "kind": "sp.kind",
    "role": "coalesce(sp.role, '') COLLATE NOCASE",
    "affiliation": "coalesce(sp.affiliation, '') COLLATE NOCASE",
    "claims": _SPEAKER_CLAIMS,
    "articles": _SPEAKER_ARTICLES,
}


def _speaker_where(flt: ViewFilter) -> _Where:
    where = _Where()
    if flt.text.strip():
        like = _like(flt.text)
        where.add(
            "(sp.name LIKE ? ESCAPE '\\' OR sp.aliases LIKE ? ESCAPE '\\' "
            "OR sp.role LIKE ? ESCAPE '\\' OR sp.affiliation LIKE ? ESCAPE '\\')",
            like,
            like,
            like,
            like,
        )
    if flt.speaker_text.strip():
        like = _like(flt.speaker_text)
        where.add("(sp.name LIKE ? ESCAPE '\\' OR sp.aliases LIKE ? ESCAPE '\\')", like, like)
    if flt.speaker_kind:
        where.add("sp.kind = ?", flt.speaker_kind)
    if flt.speaker_id:
        where.add("sp.id = ?", flt.speaker_id)
    return where


def _state(store: Store) -> tuple[int, int]:
    """Changes whenever anything is written, by this connection or another one."""
    return store.db.conn.total_changes, store.data_version()


_speaker_stats_cache: weakref.WeakKeyDictionary[Store, tuple[tuple[int, int], dict]] = (
    weakref.WeakKeyDictionary()
)


def speaker_stats(store: Store) -> dict[str, tuple[int, int]]:
    """Per speaker id: (claims, articles) as in speakers_page; kept until the next write."""
    state = _state(store)
    cached = _speaker_stats_cache.get(store)
    if cached is not None and cached[0] == state:
        return cached[1]
    stats = {
        sid: (claims, articles)
        for sid, claims, articles in store.db.execute(
            f"SELECT sp.id, {_SPEAKER_CLAIMS}, {_SPEAKER_ARTICLES} FROM speakers sp"
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
    and articles (where the speaker is mentioned or claims something).
    Sort by name, kind, role, affiliation, claims or articles (the counts of every
    speaker are computed once and kept until the next write, so paging is quick).
    """
    where = _speaker_where(flt)
    key = _sort_key(order_by, SPEAKER_SORT)
    d = _direction(descending)
    if order_by in ("claims", "articles"):
        stats = speaker_stats(store)
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
    rows = _by_rowid(
        store,
        "SELECT sp.rowid AS _r, sp.id, sp.name, sp.kind, sp.role, sp.affiliation, sp.aliases, "
        f"{_SPEAKER_CLAIMS} AS claims, {_SPEAKER_ARTICLES} AS articles FROM speakers sp "
        "WHERE sp.rowid IN (%s)",
        rowids,
    )
    for row in rows:
        row["aliases"] = json.loads(row["aliases"] or "[]")
    return rows


def speakers_count(store: Store, flt: ViewFilter = ViewFilter()) -> int:
    where = _speaker_where(flt)
    return store.db.execute(
        f"SELECT count(*) FROM speakers sp {where.sql()}", where.params
    ).fetchone()[0]


def speaker_first_span(store: Store, speaker_id: str) -> tuple[str, str | None] | None:
    """Where to open a speaker: (article id, span id) of its first mention, else of its
    first claim's first highlight; None when the speaker appears nowhere."""
    row = (
        store.db.execute(
            "SELECT article_id, id FROM spans WHERE speaker_id = ? AND status != 'rejected' "
            "ORDER BY rowid LIMIT 1",
            [speaker_id],
        ).fetchone()
        or store.db.execute(
            "SELECT c.article_id, cs.span_id FROM claims c LEFT JOIN claim_spans cs "
            "ON cs.claim_id = c.id WHERE c.speaker_id = ? AND c.status != 'rejected' "
            "ORDER BY c.rowid, cs.ord LIMIT 1",
            [speaker_id],
        ).fetchone()
    )
    return (row[0], row[1]) if row else None


# -- claims ---------------------------------------------------------------------------

CLAIM_SORT = {
    "corpus": "c.rowid",
    "date": f"(SELECT {_DATE} FROM articles WHERE id = c.article_id)",
    "speaker": "coalesce(sp.name, '') COLLATE NOCASE",
    "title": "(SELECT coalesce(title, '') FROM articles WHERE id = c.article_id) COLLATE NOCASE",
    "kind": "c.kind",
    "status": "c.status",
    "text": (
        "(SELECT s.text FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
        "WHERE cs.claim_id = c.id ORDER BY cs.ord LIMIT 1) COLLATE NOCASE"
    ),
}


def _claim_where(store: Store, flt: ViewFilter) -> _Where:
    where = _Where()
    _status(where, "c.status", flt.status)
    if flt.speaker_id:
        where.add("c.speaker_id = ?", flt.speaker_id)
    if flt.speaker_text.strip():
        like = _like(flt.speaker_text)
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
                _like(flt.text),
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
        sub, params = _position_conditions(store, flt)
        where.add(
            "c.id IN (SELECT pe.claim_id FROM positions p JOIN position_evidence pe "
            f"ON pe.position_id = p.id WHERE {' AND '.join(sub)})",
            *params,
        )
    _in_articles(where, "c.article_id", flt)
    return where


def _claim_spans(store: Store, claim_ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Content highlights (span id, text) of these claims, in claim order."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for chunk in _chunks(list(dict.fromkeys(claim_ids))):
        for claim_id, span_id, text in store.db.execute(
            "SELECT cs.claim_id, s.id, s.text FROM claim_spans cs JOIN spans s "
            f"ON s.id = cs.span_id WHERE cs.claim_id IN ({_marks(chunk)}) "
            "ORDER BY cs.claim_id, cs.ord",
            list(chunk),
        ):
            found[claim_id].append((span_id, text))
    return found


def _with_claim_text(store: Store, rows: list[dict[str, Any]], key: str = "id") -> list[dict]:
    spans = _claim_spans(store, [r[key] for r in rows if r.get(key)])
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
    date_from, date_to, article_status. Sort by corpus, date, speaker, title, kind,
    status or text.
    """
    where = _claim_where(store, flt)
    key = _sort_key(order_by, CLAIM_SORT)
    d = _direction(descending)
    if order_by == "date" and claims_count(store, flt) > _WALK_DATES_ABOVE:
        # Walk the articles in date order instead of sorting every claim.
        sql = (
            "SELECT c.rowid FROM articles a INDEXED BY articles_date CROSS JOIN claims c "
            f"ON c.article_id = a.id {where.sql()} ORDER BY {DATE_SQL} {d} LIMIT ? OFFSET ?"
        )
    else:
        join = "LEFT JOIN speakers sp ON sp.id = c.speaker_id " if order_by == "speaker" else ""
        sql = (
            f"SELECT c.rowid FROM claims c {join}{where.sql()} "
            f"ORDER BY {key} {d}, c.rowid {d} LIMIT ? OFFSET ?"
        )
    rowids = [r[0] for r in store.db.execute(sql, [*where.params, limit, offset])]
    rows = _by_rowid(
        store,
        f"SELECT c.rowid AS _r, c.id, c.article_id, a.title, a.published, {DATE_SQL} AS date, "
        "c.speaker_id, sp.name AS speaker, c.kind, c.status FROM claims c "
        "JOIN articles a ON a.id = c.article_id LEFT JOIN speakers sp ON sp.id = c.speaker_id "
        "WHERE c.rowid IN (%s)",
        rowids,
    )
    return _with_claim_text(store, rows)


def claims_count(store: Store, flt: ViewFilter = ViewFilter()) -> int:
    where = _claim_where(store, flt)
    return store.db.execute(
        f"SELECT count(*) FROM claims c {where.sql()}", where.params
    ).fetchone()[0]


# -- positions ------------------------------------------------------------------------

_EVIDENCE_COUNT = "(SELECT count(*) FROM position_evidence pe WHERE pe.position_id = p.id)"
POSITION_SORT = {
    "corpus": "p.rowid",
    "date": f"(SELECT {_DATE} FROM articles WHERE id = p.article_id)",
    "speaker": "coalesce(sp.name, '') COLLATE NOCASE",
    "target": "t.name COLLATE NOCASE",
    "stance": "p.stance",
    "status": "p.status",
    "title": "(SELECT coalesce(title, '') FROM articles WHERE id = p.article_id) COLLATE NOCASE",
    "evidence": _EVIDENCE_COUNT,
}


def _position_where(store: Store, flt: ViewFilter) -> _Where:
    where = _Where()
    _status(where, "p.status", flt.status)
    if flt.speaker_id:
        where.add("p.speaker_id = ?", flt.speaker_id)
    if flt.speaker_text.strip():
        like = _like(flt.speaker_text)
        where.add(_speakers_like("p.speaker_id"), like, like)
    if flt.target:
        where.add("p.target_id = ?", _target_id(store, flt.target))
    if flt.target_text.strip():
        where.add(_targets_like("p.target_id"), _like(flt.target_text))
    if flt.text.strip():
        like = _like(flt.text)
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
    _in_articles(where, "p.article_id", flt)
    return where


def _first_evidence(store: Store, position_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Per position: (claim id, span id) of its first evidence claim's first highlight."""
    claims: dict[str, str] = {}
    for chunk in _chunks(list(position_ids)):
        for pid, cid in store.db.execute(
            "SELECT pe.position_id, pe.claim_id FROM position_evidence pe JOIN claims c "
            f"ON c.id = pe.claim_id WHERE pe.position_id IN ({_marks(chunk)}) "
            "ORDER BY pe.position_id, c.rowid",
            list(chunk),
        ):
            claims.setdefault(pid, cid)
    spans = _claim_spans(store, list(claims.values()))
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
    (of the evidence), dates, article_status. Sort by corpus, date, speaker, target,
    stance, status, title or evidence.
    """
    where = _position_where(store, flt)
    key = _sort_key(order_by, POSITION_SORT)
    d = _direction(descending)
    if order_by == "date" and positions_count(store, flt) > _WALK_DATES_ABOVE:
        sql = (
            "SELECT p.rowid FROM articles a INDEXED BY articles_date CROSS JOIN positions p "
            f"ON p.article_id = a.id {where.sql()} ORDER BY {DATE_SQL} {d} LIMIT ? OFFSET ?"
        )
    else:
        join = {
            "speaker": "LEFT JOIN speakers sp ON sp.id = p.speaker_id ",
            "target": "JOIN targets t ON t.id = p.target_id ",
        }.get(order_by, "")
        sql = (
            f"SELECT p.rowid FROM positions p {join}{where.sql()} "
            f"ORDER BY {key} {d}, p.rowid {d} LIMIT ? OFFSET ?"
        )
    rowids = [r[0] for r in store.db.execute(sql, [*where.params, limit, offset])]
    rows = _by_rowid(
        store,
        f"SELECT p.rowid AS _r, p.id, p.article_id, a.title, {DATE_SQL} AS date, p.speaker_id, "
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
    where = _position_where(store, flt)
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
    where = _position_where(store, flt)
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
    for chunk in _chunks(list(ids)):
        for rid, name in store.db.execute(
            f"SELECT id, name FROM {table} WHERE id IN ({_marks(chunk)})", list(chunk)
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
    where = _position_where(store, flt.with_(speaker_id=None, target=None))
    if speaker_id:
        where.add("p.speaker_id = ?", speaker_id)
    else:
        where.add("p.speaker_id IS NULL")
    where.add("p.target_id = ?", target_id)
    rows = store._query(
        f"SELECT p.id AS position_id, p.stance, p.article_id, a.title, {DATE_SQL} AS date, "
        "pe.claim_id, csp.name AS speaker FROM positions p "
        "JOIN articles a ON a.id = p.article_id "
        "LEFT JOIN position_evidence pe ON pe.position_id = p.id "
        "LEFT JOIN claims c ON c.id = pe.claim_id "
        "LEFT JOIN speakers csp ON csp.id = c.speaker_id "
        f"{where.sql()} ORDER BY date, p.rowid, c.rowid LIMIT ?",
        [*where.params, limit],
    )
    return _with_claim_text(store, rows, key="claim_id")


# -- timeline -------------------------------------------------------------------------


def timeline(
    store: Store,
    *,
    speaker_id: str | None = None,
    target: str | None = None,
    flt: ViewFilter = ViewFilter(),
    limit: int = 20_000,
) -> list[dict[str, Any]]:
    """Positions of one speaker, or toward one target (by name), in date order.

    Rows: position_id, date, dated (1 when the article has a published date, 0 when
    the date is the import day), stance, speaker_id, speaker, target_id, target,
    article_id, title. (position_first_span tells where to open one.)
    """
    if not (speaker_id or target):
        return []
    flt = flt.with_(speaker_id=speaker_id or flt.speaker_id, target=target or flt.target)
    where = _position_where(store, flt)
    rows = store._query(
        f"SELECT p.id AS position_id, {DATE_SQL} AS date, a.published IS NOT NULL AS dated, "
        "p.stance, p.speaker_id, sp.name AS speaker, p.target_id, t.name AS target, "
        "p.article_id, a.title "
        "FROM positions p JOIN articles a ON a.id = p.article_id "
        "JOIN targets t ON t.id = p.target_id LEFT JOIN speakers sp ON sp.id = p.speaker_id "
        f"{where.sql()} ORDER BY date, p.rowid LIMIT ?",
        [*where.params, limit],
    )
    for row in rows:
        row["speaker"] = row["speaker"] or NO_SPEAKER
    return rows


def timeline_subjects(store: Store, by: str, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Speakers (by="speaker") or targets (by="target") that have positions, the one
    with most first: rows id, name, positions."""
    if by == "speaker":
        sql = (
            "SELECT sp.id, sp.name, n AS positions FROM (SELECT speaker_id, count(*) AS n "
            "FROM positions WHERE speaker_id IS NOT NULL AND status != 'rejected' "
            "GROUP BY speaker_id) JOIN speakers sp ON sp.id = speaker_id "
            "ORDER BY n DESC, sp.name COLLATE NOCASE LIMIT ?"
        )
    elif by == "target":
        sql = (
            "SELECT t.id, t.name, n AS positions FROM (SELECT target_id, count(*) AS n "
            "FROM positions WHERE status != 'rejected' GROUP BY target_id) "
            "JOIN targets t ON t.id = target_id ORDER BY n DESC, t.name COLLATE NOCASE LIMIT ?"
        )
    else:
        raise ValueError("by is 'speaker' or 'target'")
    return store._query(sql, [limit])


# -- search ---------------------------------------------------------------------------

SEARCH_ORDERS = ("relevance", "date", "corpus")


def span_scope(flt: ViewFilter) -> bool:
    """Whether a search looks only inside highlights (a highlight filter is set)."""
    return bool(
        flt.label
        or flt.annotator
        or flt.status
        or flt.speaker_id
        or flt.speaker_text.strip()
        or flt.target
        or flt.target_text.strip()
        or flt.stance
        or flt.kind
    )


def _span_where(store: Store, flt: ViewFilter, phrase: Phrase) -> _Where:
    """Highlights ``s`` where the phrase is, under the filter."""
    where = _Where()
    found, params = phrase.rowids("spans")
    where.add(f"s.rowid IN ({found})", *params)
    _status(where, "s.status", flt.status)
    if flt.label:
        where.add("s.label = ?", flt.label)
    if flt.annotator:
        where.add("s.annotator = ?", flt.annotator)
    if flt.speaker_id or flt.speaker_text.strip():
        if flt.speaker_id:
            cond, params = "= ?", [flt.speaker_id]
        else:
            like = _like(flt.speaker_text)
            cond = "IN (SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\')"
            params = [like, like]
        # A mention of the speaker, or a highlight of a claim the speaker made.
        where.add(
            f"(s.speaker_id {cond} OR s.id IN (SELECT cs.span_id FROM claims c "
            f"JOIN claim_spans cs ON cs.claim_id = c.id WHERE c.speaker_id {cond}))",
            *params,
            *params,
        )
    if flt.kind:
        where.add(
            "s.id IN (SELECT cs.span_id FROM claims c JOIN claim_spans cs "
            "ON cs.claim_id = c.id WHERE c.kind = ?)",
            flt.kind,
        )
    if flt.target or flt.target_text.strip() or flt.stance:
        sub, params = _position_conditions(store, flt)
        where.add(
            "s.id IN (SELECT cs.span_id FROM positions p JOIN position_evidence pe "
            "ON pe.position_id = p.id JOIN claim_spans cs ON cs.claim_id = pe.claim_id "
            f"WHERE {' AND '.join(sub)})",
            *params,
        )
    return where


def _span_scope_articles(store: Store, flt: ViewFilter, phrase: Phrase) -> tuple[str, list[Any]]:
    spans = _span_where(store, flt, phrase)
    return "SELECT s.article_id FROM spans s " + spans.sql(), spans.params


def _search_rowids(
    store: Store, phrase: Phrase, flt: ViewFilter, order: str, limit: int | None, offset: int
) -> list[int]:
    """Article rowids the search finds, in order (all of them when limit is None)."""
    arts = _article_where(flt)
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    paging = [limit, offset] if limit is not None else []
    if span_scope(flt):
        found, params = _span_scope_articles(store, flt, phrase)
        arts.add(f"id IN ({found})", *params)
        key = f"{_DATE} DESC, rowid" if order == "date" else "rowid"
        sql = f"SELECT rowid FROM articles {arts.sql()} ORDER BY {key}{page}"
        return [r[0] for r in store.db.execute(sql, [*arts.params, *paging])]
    index = phrase.index("articles")
    if order == "date" or index is None:
        found, params = phrase.rowids("articles")
        arts.add(f"rowid IN ({found})", *params)
        key = f"{_DATE} DESC, rowid" if order == "date" else "rowid"
        sql = f"SELECT rowid FROM articles {arts.sql()} ORDER BY {key}{page}"
        return [r[0] for r in store.db.execute(sql, [*arts.params, *paging])]
    where, params = f"{index} MATCH ?", [phrase.fts()]
    if arts.clauses:
        # "+rowid": a filter on the matches, not a rowid lookup per allowed article.
        where += f" AND +rowid IN (SELECT rowid FROM articles {arts.sql()})"
        params += arts.params
    key = "rank, rowid" if order == "relevance" else "rowid"
    sql = f"SELECT rowid FROM {index} WHERE {where} ORDER BY {key}{page}"
    return [r[0] for r in store.db.execute(sql, [*params, *paging])]


def search_count(store: Store, query: str, flt: ViewFilter = ViewFilter()) -> int:
    """How many articles the search finds."""
    phrase = Phrase.parse(query)
    if not phrase:
        return 0
    arts = _article_where(flt)
    if span_scope(flt):
        found, params = _span_scope_articles(store, flt, phrase)
        arts.add(f"id IN ({found})", *params)
        return store.db.execute(
            f"SELECT count(*) FROM articles {arts.sql()}", arts.params
        ).fetchone()[0]
    found, params = phrase.rowids("articles")
    if not arts.clauses:
        return store.db.execute(f"SELECT count(*) FROM ({found})", params).fetchone()[0]
    arts.add(f"rowid IN ({found})", *params)
    return store.db.execute(f"SELECT count(*) FROM articles {arts.sql()}", arts.params).fetchone()[
        0
    ]


def search(
    store: Store,
    query: str,
    flt: ViewFilter = ViewFilter(),
    *,
    order: str = "relevance",
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles where the phrase occurs: its words in this order, case and accents
    ignored, anything but letters and digits between them; a trailing ``*`` lets the
    last word be the start of a longer one.

    With a highlight filter (label, annotator, status, speaker, target, stance,
    kind: see span_scope) only occurrences inside the matching highlights count.
    Date and article_status filters restrict the articles. Rows: article_id,
    title, date, hits (every (start, end) in code points of the stored text),
    span_ids (the matching highlights, with a highlight filter), snippet and
    snippet_hit ((start, end) of the first hit within the snippet). Order by
    relevance (bm25; corpus order under a highlight filter), date (newest first)
    or corpus.
    """
    if order not in SEARCH_ORDERS:
        raise ValueError(f"order is one of {', '.join(SEARCH_ORDERS)}")
    phrase = Phrase.parse(query)
    if not phrase:
        return []
    rowids = _search_rowids(store, phrase, flt, order, limit, offset)
    rows = _by_rowid(
        store,
        "SELECT rowid AS _r, id AS article_id, title, "
        f"{_DATE} AS date, text FROM articles WHERE rowid IN (%s)",
        rowids,
    )
    in_spans = _span_hits(store, phrase, flt, [r["article_id"] for r in rows])
    for row in rows:
        text = row.pop("text")
        if in_spans is None:
            row["hits"] = phrase.find(text)
            row["span_ids"] = []
        else:
            found = in_spans.get(row["article_id"], [])
            hits = {h for _sid, s, e in found for h in phrase.find(text, s, e)}
            row["hits"] = sorted(hits)
            row["span_ids"] = list(dict.fromkeys(sid for sid, _s, _e in found))
        row["snippet"], s, e = snippet(text, row["hits"][0] if row["hits"] else None)
        row["snippet_hit"] = (s, e)
    return rows


def _span_hits(
    store: Store, phrase: Phrase, flt: ViewFilter, article_ids: list[str]
) -> dict[str, list[tuple[str, int, int]]] | None:
    if not span_scope(flt):
        return None
    found: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for chunk in _chunks(article_ids):
        spans = _span_where(store, flt, phrase)
        spans.add(f"s.article_id IN ({_marks(chunk)})", *chunk)
        for aid, sid, start, end in store.db.execute(
            f'SELECT s.article_id, s.id, s.start, s."end" FROM spans s {spans.sql()} '
            "ORDER BY s.start",
            spans.params,
        ):
            found[aid].append((sid, start, end))
    return found


def check_search_index(store: Store) -> None:
    """Raise sqlite3.DatabaseError when a full-text index disagrees with its table."""
    for table in SEARCH_INDEXES:
        store.db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def rebuild_search_index(store: Store) -> None:
    """Rebuild both full-text indexes from their tables, in one transaction (after
    a VACUUM renumbered rows, or a repair)."""
    with store.transaction():
        for table in SEARCH_INDEXES:
            store.db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")


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
        where = _speaker_where(flt)
        chosen = f"SELECT sp.id FROM speakers sp {where.sql()}"
        inner = (
            "SELECT s.article_id FROM spans s WHERE s.speaker_id IS NOT NULL "
            f"AND s.status != 'rejected' AND s.speaker_id IN ({chosen}) UNION "
            "SELECT c.article_id FROM claims c WHERE c.status != 'rejected' "
            f"AND c.speaker_id IN ({chosen})"
        )
        params = [*where.params, *where.params]
    elif view == "claims":
        where = _claim_where(store, flt)
        inner, params = f"SELECT c.article_id FROM claims c {where.sql()}", where.params
    elif view in ("positions", "timeline"):
        if view == "timeline" and not (flt.speaker_id or flt.target):
            return []
        where = _position_where(store, flt)
        inner, params = f"SELECT p.article_id FROM positions p {where.sql()}", where.params
    elif view == "search":
        phrase = Phrase.parse(query)
        if not phrase:
            return []
        rowids = sorted(_search_rowids(store, phrase, flt, "corpus", None, 0))
        ids: list[str] = []
        for chunk in _chunks(rowids):
            ids += [
                r[0]
                for r in store.db.execute(
                    f"SELECT id FROM articles WHERE rowid IN ({_marks(chunk)}) ORDER BY rowid",
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


# -- actors: the rows merge suggestions are made from (annotator/core/actors.py) ----------


def speaker_occurrences(store: Store) -> list[dict[str, Any]]:
    """Every corpus-wide speaker with what merge suggestions weigh.

    Rows: id, name, kind, aliases (a list), mentions (speaker highlights, plus claims
    attributed without a highlighted mention; rejected ones not counted) and
    articles (a dict: article id -> mentions there).
    """
    speakers: dict[str, dict[str, Any]] = {}
    for sid, name, kind, aliases in store.db.execute(
        "SELECT id, name, kind, aliases FROM speakers ORDER BY rowid"
    ):
        speakers[sid] = {
            "id": sid,
            "name": name,
            "kind": kind,
            "aliases": json.loads(aliases or "[]"),
            "mentions": 0,
            "articles": {},
        }
    for sid, article_id, count in store.db.execute(
        "SELECT speaker_id, article_id, count(*) FROM ("
        "SELECT speaker_id, article_id FROM spans "
        "WHERE speaker_id IS NOT NULL AND status != 'rejected' "
        "UNION ALL SELECT speaker_id, article_id FROM claims "
        "WHERE speaker_id IS NOT NULL AND status != 'rejected' AND mention_span_id IS NULL"
        ") GROUP BY speaker_id, article_id"
    ):
        row = speakers.get(sid)
        if row is not None:
            row["mentions"] += count
            row["articles"][article_id] = count
    return list(speakers.values())


def speaker_mention_contexts(
    store: Store, speaker_ids: Sequence[str], *, per_speaker: int = 2, width: int = 240
) -> dict[str, list[tuple[str, int, int]]]:
    """Up to ``per_speaker`` places each speaker is mentioned, with text around them.

    Per speaker id: (context, start, end) where ``context`` is up to ``width``
    characters of the article either side of the mention and ``context[start:end]``
    the mention (a speaker highlight, else the first highlight of a claim attributed
    to the speaker without one). Only the context is read, never a whole article.
    """
    found: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for chunk in _chunks(list(speaker_ids)):
        marks = _marks(chunk)
        rows = store.db.execute(
            "WITH m AS ("
            'SELECT speaker_id AS sid, article_id, start, "end", 0 AS pref, rowid AS r '
            f"FROM spans WHERE speaker_id IN ({marks}) AND status != 'rejected' "
            'UNION ALL SELECT c.speaker_id, s.article_id, s.start, s."end", 1, s.rowid '
            "FROM claims c JOIN claim_spans cs ON cs.claim_id = c.id "
            "JOIN spans s ON s.id = cs.span_id "
            f"WHERE c.speaker_id IN ({marks}) AND c.status != 'rejected' "
            "AND c.mention_span_id IS NULL AND cs.ord = 0"
            "), ranked AS (SELECT *, row_number() OVER "
            "(PARTITION BY sid ORDER BY pref, r) AS rn FROM m) "
            "SELECT sid, substr(a.text, max(1, start + 1 - ?), "
            'start - max(0, start - ?) + "end" - start + ?), '
            'start - max(0, start - ?), "end" - start '
            "FROM ranked JOIN articles a ON a.id = ranked.article_id "
            "WHERE rn <= ? ORDER BY sid, rn",
            [*chunk, *chunk, width, width, width, width, per_speaker],
        )
        for sid, context, offset, length in rows:
            found[sid].append((context, offset, offset + length))
    return dict(found)

"""The bulk writer: many prepared records (imports) in large batches.

Imports are not undoable actions: they write straight to the tables with
executemany, which keeps a 10,000-article import close to raw SQLite speed. Rows are
built by each entity's row builder and inserted by named columns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..clock import new_id, now
from ..errors import StoreError
from ..history import PRIMARY_KEYS, Journal
from ..names import NameMatcher, normalise_name
from ..textio import sha256_text, squash_spaces
from .articles import article_row
from .claims import claim_row
from .positions import normalise_target, position_row
from .spans import span_row
from .speakers import speaker_row

if TYPE_CHECKING:
    from . import Store

# Another import may hold the write lock for longer than the busy timeout on a
# loaded machine; a batch is retried whole (its transaction rolled back) this often.
_LOCK_ATTEMPTS = 12


def _locked(exc: StoreError) -> bool:
    cause = exc.__context__
    return isinstance(cause, sqlite3.OperationalError) and (
        getattr(cause, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        or "locked" in str(cause)
    )


@dataclass
class RecordOutcome:
    """What one imported record did.

    ``added``: a new article was stored. Otherwise ``article_id`` is the stored
    article with the same text (None when there is none), and ``spans``, ``claims``
    and ``positions`` count the annotations the record added to it.
    """

    article_id: str | None
    added: bool
    spans: int = 0
    claims: int = 0
    positions: int = 0

    @property
    def annotations(self) -> int:
        return self.spans + self.claims + self.positions


@dataclass
class _Source:
    """What the writer learned about the speakers of one file."""

    # Ids are trusted until one of them turns up with two different names: a file
    # whose converter numbered speakers per article says nothing by its ids.
    trusted: bool = True
    chosen: dict[tuple[str | None, str], str] = field(default_factory=dict)
    conflicting_ids: set[str] = field(default_factory=set)
    ambiguous: dict[str, None] = field(default_factory=dict)


class BulkWriter:
    """Writes prepared records (see records.prepare_record) in large batches.

    Imports are not undoable actions: they write straight to the tables with
    executemany, which keeps a 10,000-article import close to raw SQLite speed.
    Everything a batch depends on (which texts, ids, speakers and targets are
    stored) is read inside its write transaction, so another program importing into
    the same file at the same time never makes a batch fail.

    Speakers (see ``names.py`` for when two names agree): an incoming speaker whose id
    is stored with an agreeing name is that speaker. An id stored for someone else is
    not trusted: the speaker is matched by name or alias, else stored under a new id.
    A new id (or none) is matched by name or alias among the speakers not imported
    from the same file (and, once that file has shown an id with two names, among all
    of them), else stored with its id. A name that matches several speakers is kept
    apart. Each (id, name) pair of a file gets one speaker.
    """

    def __init__(self, store: Store, *, journal: Journal | None = None) -> None:
        self.store = store
        # Given (a merge), every row written is recorded in this action, so that the
        # whole write is one undo step; an import leaves it None (not undoable).
        self.journal = journal
        self.matcher = NameMatcher()
        self._seen: tuple[int, int] | None = None
        self._created_from: dict[str, object] = {}
        self._sources: dict[object, _Source] = {}

    # -- reading what is stored, inside the transaction ----------------------------

    def _refresh_speakers(self) -> None:
        """Reload the known speakers when anyone (another program or this store) wrote."""
        db = self.store.db
        seen = (db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)
        if seen == self._seen:
            return
        self.matcher = NameMatcher()
        for sid, name, aliases in db.execute("SELECT id, name, aliases FROM speakers"):
            try:
                alias_list = [a for a in json.loads(aliases or "[]") if isinstance(a, str)]
            except ValueError:
                alias_list = []
            self.matcher.add(sid, name, alias_list, group=self._created_from.get(sid))

    def _stored(self, table: str, column: str, values: Iterable[str]) -> dict[str, str]:
        """``column`` value -> id for the rows of ``table`` holding one of ``values``."""
        wanted = json.dumps(sorted(set(values)), ensure_ascii=False)
        return dict(
            self.store.db.execute(
                f"SELECT {column}, id FROM {table} WHERE {column} IN "
                "(SELECT value FROM json_each(?))",
                [wanted],
            )
        )

    # -- writing -------------------------------------------------------------------

    def write(self, records: Sequence[dict[str, Any]]) -> list[str | None]:
        """Insert the records in one transaction; per record its new article id, or None
        when its text was already stored (its new annotations are added to that article)."""
        return [o.article_id if o.added else None for o in self.write_records(records)]

    def write_records(
        self, records: Sequence[dict[str, Any]], *, source: object = None
    ) -> list[RecordOutcome]:
        """Store the records in one transaction; what each did.

        ``source`` names the file they come from (speaker ids are judged per file).
        Raises StoreError when the batch cannot be written (nothing of it is kept).
        """
        for attempt in range(_LOCK_ATTEMPTS):
            # Only this file's state changes in a batch: keep it to restore on failure.
            kept = _copy_source(self._sources.setdefault(source, _Source()))
            created = len(self._created_from)
            try:
                with self.store.transaction():
                    outcome = self._write(records, source)
                    self._seen = (
                        self.store.db.execute("PRAGMA data_version").fetchone()[0],
                        self.store.db.conn.total_changes,
                    )
                return outcome
            except BaseException as exc:
                self._sources[source] = kept
                # Forget the speakers this attempt created (dicts keep insertion order).
                for sid in list(self._created_from)[created:]:
                    del self._created_from[sid]
                self._seen = None
                if not (isinstance(exc, StoreError) and _locked(exc)):
                    raise
                if attempt == _LOCK_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def ambiguous_names(self, source: object) -> list[str]:
        """The speaker names of one file that matched several stored speakers (kept
        apart as new speakers, for a human to merge)."""
        state = self._sources.get(source)
        return list(state.ambiguous) if state else []

    def source_notes(self, source: object) -> list[str]:
        """Report lines (without the file name) about the speakers of one file."""
        state = self._sources.get(source)
        if state is None:
            return []
        notes = []
        if state.conflicting_ids:
            n = len(state.conflicting_ids)
            notes.append(
                f"{n} speaker id{'s' if n != 1 else ''} already used for other people: "
                "imported as new speakers (or matched by name)"
            )
        if state.ambiguous:
            n = len(state.ambiguous)
            shown = ", ".join(repr(name) for name in list(state.ambiguous)[:3])
            notes.append(
                f"{n} speaker name{'s' if n != 1 else ''} match several stored speakers, "
                f"imported as new speakers: {shown}{', ...' if n > 3 else ''}"
            )
        return notes

    def _write(self, records: Sequence[dict[str, Any]], source: object) -> list[RecordOutcome]:
        self._refresh_speakers()
        state = self._sources.setdefault(source, _Source())
        digests = [sha256_text(rec["article"]["text"]) for rec in records]
        stored = self._stored("articles", "text_sha256", digests)
        taken = {
            "articles": set(
                self._stored("articles", "id", (r["article"]["id"] or "" for r in records))
            ),
            "spans": set(
                self._stored(
                    "spans", "id", (s["id"] for r in records for s in r["spans"] if s["id"])
                )
            ),
            "claims": set(
                self._stored(
                    "claims", "id", (c["id"] for r in records for c in r["claims"] if c["id"])
                )
            ),
            "positions": set(
                self._stored("positions", "id", (p["id"] for r in records for p in r["positions"]))
            ),
        }
        # Targets match by the store's normalisation, which folds all of Unicode's
        # case; the table's NOCASE collation folds only ASCII, so compare in Python.
        # The targets list is short (hundreds), read whole once a batch.
        targets: dict[str, str] = {}
        if any(r["positions"] for r in records):
            for name, tid in self.store.db.execute("SELECT name, id FROM targets ORDER BY rowid"):
                targets.setdefault(normalise_target(name), tid)
        batch = _Batch(taken=taken, targets=targets, stamp=now(), source=source, state=state)
        outcome: list[RecordOutcome] = []
        for rec, digest in zip(records, digests, strict=True):
            aid = stored.get(digest)
            if aid is None:
                art = rec["article"]
                aid = stored[digest] = batch.free("articles", art["id"])
                batch.add(
                    "articles",
                    article_row(
                        id=aid,
                        title=art["title"],
                        source=art["source"],
                        place=art["place"],
                        published=art["published"],
                        url=art["url"],
                        text=art["text"],
                        text_sha256=digest,
                        status=art["status"],
                        imported_at=batch.stamp,
                        meta=art["meta"],
                    ),
                )
                found = RecordOutcome(aid, True)
                self._statuses(rec, aid, batch)
                self._children(rec, aid, batch, found, _Existing())
            else:
                # Its annotations are compared with what is stored: write the batch so far.
                self._insert(batch)
                found = RecordOutcome(aid, False)
                self._statuses(rec, aid, batch)
                self._children(rec, aid, batch, found, self._existing(aid))
            outcome.append(found)
        self._insert(batch)
        return outcome

    def _insert(self, batch: _Batch) -> None:
        conn = self.store.db.conn
        j = self.journal
        for table, rows in batch.rows.items():
            if rows:
                columns = batch.columns[table]
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" for _ in columns)
                conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
                if j is not None:
                    for row in rows:
                        j.record(table, None, dict(zip(columns, row, strict=True)))
                rows.clear()
        if j is not None:
            self._journal_rest(j, batch)
            return
        if batch.statuses:
            # An analyst's status already stored is theirs: an import never overwrites it.
            conn.executemany(
                "INSERT OR IGNORE INTO article_status (article_id, annotator, status, updated) "
                "VALUES (?, ?, ?, ?)",
                batch.statuses,
            )
            batch.statuses.clear()
        if batch.mentions:
            conn.executemany(
                "UPDATE spans SET speaker_id = ? WHERE id = ? AND speaker_id IS NULL",
                batch.mentions,
            )
            batch.mentions.clear()

    def _journal_rest(self, j: Journal, batch: _Batch) -> None:
        """Statuses and mentions of stored spans, written through the journal (merge)."""
        for aid, name, status, stamp in batch.statuses:
            key = {"article_id": aid, "annotator": name}
            if self.store.database.get("article_status", key) is None:
                j.insert("article_status", {**key, "status": status, "updated": stamp})
        batch.statuses.clear()
        for speaker_id, span_id in batch.mentions:
            span = self.store.database.get("spans", {"id": span_id})
            if span is not None and span["speaker_id"] is None:
                j.update("spans", {"id": span_id}, {"speaker_id": speaker_id})
        batch.mentions.clear()

    def _existing(self, aid: str) -> _Existing:
        """The annotations stored on an article, keyed as incoming ones are compared."""
        db = self.store.db
        found = _Existing(stored=True)
        for sid, start, end, label, annotator in db.execute(
            'SELECT id, start, "end", label, annotator FROM spans WHERE article_id = ?', [aid]
        ):
            found.by_id[sid] = (start, end, label, annotator)
            found.spans.setdefault((start, end, label, annotator), sid)
        content: dict[str, set[str]] = {}
        for cid, sid in db.execute(
            "SELECT cs.claim_id, cs.span_id FROM claim_spans cs JOIN claims c "
            "ON c.id = cs.claim_id WHERE c.article_id = ?",
            [aid],
        ):
            content.setdefault(cid, set()).add(sid)
        for cid, sids in content.items():
            found.claims.setdefault(frozenset(sids), cid)
        for pid, speaker, target, stance, annotator, evidence in db.execute(
            "SELECT p.id, p.speaker_id, p.target_id, p.stance, p.annotator, "
            "(SELECT json_group_array(claim_id) "
            "FROM position_evidence WHERE position_id = p.id) FROM positions p "
            "WHERE p.article_id = ?",
            [aid],
        ):
            key = (speaker, target, stance, annotator, frozenset(json.loads(evidence)))
            found.positions.setdefault(key, pid)
        return found

    def _statuses(self, rec: dict, aid: str, batch: _Batch) -> None:
        for name, status in rec["article"].get("statuses", {}).items():
            batch.statuses.append((aid, name, status, batch.stamp))

    def _speaker(self, spk: dict[str, Any], batch: _Batch) -> str:
        """The stored speaker an incoming one is (created when there is none)."""
        state, name, wanted = batch.state, spk["name"], spk["id"]
        pair = (wanted, normalise_name(name))
        if pair in state.chosen:
            return state.chosen[pair]
        chosen: str | None
        if wanted and wanted in self.matcher:
            if self.matcher.agrees(wanted, name):
                chosen = wanted
            else:
                state.conflicting_ids.add(wanted)
                state.trusted = False
                chosen = self._by_name(name, state, skip=None)
                wanted = None
        else:
            chosen = self._by_name(name, state, skip=batch.source if state.trusted else None)
        if chosen is None:
            chosen = wanted or new_id()
            batch.add(
                "speakers",
                speaker_row(
                    id=chosen,
                    name=name,
                    kind=spk["kind"],
                    role=spk["role"],
                    affiliation=spk["affiliation"],
                    aliases=spk["aliases"],
                    created=batch.stamp,
                ),
            )
            self.matcher.add(chosen, name, spk["aliases"], group=batch.source)
            self._created_from[chosen] = batch.source
        state.chosen[pair] = chosen
        return chosen

    def _by_name(self, name: str, state: _Source, *, skip: object) -> str | None:
        found = self.matcher.find(name, skip_group=skip)
        if len(found) > 1:
            state.ambiguous[squash_spaces(name)] = None
            return None
        return found[0] if found else None

    def _children(
        self, rec: dict, aid: str, batch: _Batch, outcome: RecordOutcome, existing: _Existing
    ) -> None:
        speaker_map: dict[str, str] = {}
        mention_of: dict[Any, str] = {}
        for spk in rec["speakers"]:
            sid = self._speaker(spk, batch)
            if spk["id"]:
                speaker_map[spk["id"]] = sid
            for m in spk["mentions"]:
                mention_of[m] = sid
        span_map = self._spans(rec, aid, batch, outcome, existing, mention_of)
        claim_map = self._claims(rec, aid, batch, outcome, existing, speaker_map, span_map)
        self._positions(rec, aid, batch, outcome, existing, speaker_map, claim_map)

    def _spans(
        self,
        rec: dict,
        aid: str,
        batch: _Batch,
        outcome: RecordOutcome,
        existing: _Existing,
        mention_of: dict[Any, str],
    ) -> dict[Any, str]:
        """Queue the record's new spans; its span keys -> stored span ids."""
        span_map: dict[Any, str] = {}
        for span in rec["spans"]:
            key = span["key"]
            same = (span["start"], span["end"], span["label"], span["annotator"])
            if span["id"] and existing.by_id.get(span["id"]) == same:
                span_map[key] = span["id"]
            elif same in existing.spans and (existing.stored or not span["id"]):
                # The same highlight twice is kept once.
                span_map[key] = existing.spans[same]
            if key in span_map:
                if key in mention_of:
                    batch.mentions.append((mention_of[key], span_map[key]))
                continue
            sid = span_map[key] = batch.free("spans", span["id"])
            existing.spans.setdefault(same, sid)
            outcome.spans += 0 if outcome.added else 1
            batch.add(
                "spans",
                span_row(
                    id=sid,
                    article_id=aid,
                    start=span["start"],
                    end=span["end"],
                    text=span["text"],
                    label=span["label"],
                    annotator=span["annotator"],
                    status=span["status"],
                    note=span["note"],
                    speaker_id=mention_of.get(key),
                    reviewer=span["reviewer"],
                    reviewed_at=span["reviewed_at"],
                    created=span["created"] or batch.stamp,
                    updated=span["updated"] or span["created"] or batch.stamp,
                ),
            )
        return span_map

    def _claims(
        self,
        rec: dict,
        aid: str,
        batch: _Batch,
        outcome: RecordOutcome,
        existing: _Existing,
        speaker_map: dict[str, str],
        span_map: dict[Any, str],
    ) -> dict[str, str]:
        """Queue the record's new claims; its claim ids -> stored claim ids."""
        claim_map: dict[str, str] = {}
        for claim in rec["claims"]:
            content = [span_map[k] for k in dict.fromkeys(claim["spans"])]
            same_claim = existing.claims.get(frozenset(content)) if existing.stored else None
            if same_claim is not None:
                if claim["id"]:
                    claim_map[claim["id"]] = same_claim
                continue
            cid = batch.free("claims", claim["id"])
            if claim["id"]:
                claim_map[claim["id"]] = cid
            existing.claims.setdefault(frozenset(content), cid)
            outcome.claims += 0 if outcome.added else 1
            batch.add(
                "claims",
                claim_row(
                    id=cid,
                    article_id=aid,
                    speaker_id=speaker_map.get(claim["speaker"]) if claim["speaker"] else None,
                    mention_span_id=span_map.get(claim["mention"]),
                    cue_span_id=span_map.get(claim["cue"]),
                    kind=claim["kind"],
                    status=claim["status"],
                    note=claim["note"],
                    proposal=claim.get("proposed_speaker"),
                    created=batch.stamp,
                    annotator=claim["annotator"],
                ),
            )
            for ord_, span_id in enumerate(content):
                batch.add("claim_spans", {"claim_id": cid, "span_id": span_id, "ord": ord_})
        return claim_map

    def _positions(
        self,
        rec: dict,
        aid: str,
        batch: _Batch,
        outcome: RecordOutcome,
        existing: _Existing,
        speaker_map: dict[str, str],
        claim_map: dict[str, str],
    ) -> None:
        """Queue the record's new positions (and targets)."""
        for pos in rec["positions"]:
            name = squash_spaces(pos["target"])
            tid = batch.targets.get(normalise_target(name))
            if tid is None:
                tid = batch.targets[normalise_target(name)] = new_id()
                batch.add("targets", {"id": tid, "name": name})
            speaker = speaker_map.get(pos["speaker"]) if pos["speaker"] else None
            evidence = [claim_map[c] for c in dict.fromkeys(pos["evidence"])]
            same = (speaker, tid, pos["stance"], pos["annotator"], frozenset(evidence))
            if existing.stored and same in existing.positions:
                continue
            pid = batch.free("positions", pos["id"])
            existing.positions.setdefault(same, pid)
            outcome.positions += 0 if outcome.added else 1
            batch.add(
                "positions",
                position_row(
                    id=pid,
                    article_id=aid,
                    speaker_id=speaker,
                    target_id=tid,
                    stance=pos["stance"],
                    status=pos["status"],
                    note=pos["note"],
                    created=batch.stamp,
                    annotator=pos["annotator"],
                ),
            )
            for claim_id in evidence:
                batch.add("position_evidence", {"position_id": pid, "claim_id": claim_id})


@dataclass
class _Existing:
    """Annotations of one article, to add an incoming record's without doubles."""

    # An article stored before this record: its annotations are matched by content.
    stored: bool = False
    by_id: dict[str, tuple] = field(default_factory=dict)
    spans: dict[tuple, str] = field(default_factory=dict)
    claims: dict[frozenset, str] = field(default_factory=dict)
    positions: dict[tuple, str] = field(default_factory=dict)


@dataclass
class _Batch:
    """The rows one transaction inserts, and the ids it has taken."""

    taken: dict[str, set[str]]
    targets: dict[str, str]
    stamp: str
    source: object
    state: _Source
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in PRIMARY_KEYS})
    # The column names of each table's rows, from its row builder (in the builder's order).
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: list[tuple[str, str]] = field(default_factory=list)
    statuses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, table: str, row: dict[str, Any]) -> None:
        """Queue one row for ``table``. Kept as a tuple under the builder's column names:
        a batch of dicts would take a fifth more memory on a large import."""
        if table not in self.columns:
            self.columns[table] = tuple(row)
        self.rows[table].append(tuple(row.values()))

    def free(self, table: str, wanted: str | None) -> str:
        """``wanted`` if no row of ``table`` has that id yet, else a new id."""
        taken = self.taken[table]
        chosen = new_id() if not wanted or wanted in taken else wanted
        taken.add(chosen)
        return chosen


def _copy_source(state: _Source) -> _Source:
    return _Source(
        state.trusted, dict(state.chosen), set(state.conflicting_ids), dict(state.ambiguous)
    )


def bulk_writer(store: Store, *, journal: Journal | None = None) -> BulkWriter:
    """A writer for many prepared records at once (imports; with ``journal``, a merge:
    every row it writes joins that undoable action)."""
    return BulkWriter(store, journal=journal)

"""Spans: highlighted ranges of an article's text (code points), with a label."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Any

from .. import schema
from ..clock import new_id, now
from ..errors import DuplicateSpan, IntegrityError, OffsetError
from ..history import Changes, Journal
from ..tagging import claim_to_link
from .common import Manager, layer_filter, status_filter


def span_row(
    *,
    article_id: str,
    start: int,
    end: int,
    text: str,
    label: str,
    annotator: str,
    created: str,
    id: str | None = None,
    status: str = "accepted",
    note: str | None = None,
    speaker_id: str | None = None,
    reviewer: str | None = None,
    reviewed_at: str | None = None,
    updated: str | None = None,
) -> dict[str, Any]:
    """The row of one span, as stored (a new id when none is given)."""
    return {
        "id": id or new_id(),
        "article_id": article_id,
        "start": start,
        "end": end,
        "text": text,
        "label": label,
        "annotator": annotator,
        "status": status,
        "note": note,
        "speaker_id": speaker_id,
        "reviewer": reviewer,
        "reviewed_at": reviewed_at,
        "created": created,
        "updated": updated or created,
    }


class Spans(Manager):
    """``store.spans``: add, read, change and delete highlights.

    Calling it (``store.spans(article_id)``) lists an article's spans.
    """

    def __call__(
        self,
        article_id: str,
        *,
        statuses: Iterable[str] | None = None,
        annotators: Iterable[str] | None = None,
    ) -> list[dict[str, Any]]:
        """The article's spans in text order.

        Parameters:
            statuses: only spans with one of these statuses (None: all).
            annotators: only these analysts' layers (None: every layer).
        """
        where, params = status_filter("status", statuses)
        layer, names = layer_filter("annotator", annotators)
        return self.db.query(
            f"SELECT * FROM spans WHERE article_id = ?{where}{layer} "
            'ORDER BY start, "end" DESC, created, rowid',
            [article_id, *params, *names],
        )

    def add(
        self,
        article_id: str,
        start: int,
        end: int,
        label: str,
        *,
        text: str | None = None,
        status: str = "accepted",
        note: str | None = None,
        speaker_id: str | None = None,
        annotator: str | None = None,
        id: str | None = None,
        journal: Journal | None = None,
    ) -> dict[str, Any]:
        """Highlight text[start:end] (code points) with a label; returns the stored span.

        Parameters:
            text: when given, the text the range must select.
            journal: the action this joins (else it is an undoable action of its own).

        Raises:
            OffsetError: the range is not whole numbers, outside the text, or does not
                select ``text``.
            IntegrityError: no label, or no such article.
        """
        with self.history.action(f"Tag {label}", journal=journal) as j:
            _check_label(label)
            start, end = whole_offsets(start, end)
            actual = self.check_offsets(article_id, start, end, text)
            row = span_row(
                id=id,
                article_id=article_id,
                start=start,
                end=end,
                text=actual,
                label=label,
                annotator=annotator or self.annotator,
                status=status,
                note=note,
                speaker_id=speaker_id,
                created=now(),
            )
            j.insert("spans", row)
        return row

    def check_offsets(self, article_id: str, start: int, end: int, text: str | None) -> str:
        """The text ``start:end`` selects in the article.

        Raises:
            IntegrityError: no such article.
            OffsetError: the range is outside the text or does not select ``text``.
        """
        row = self.db.db.execute(
            "SELECT length(text), substr(text, ? + 1, ? - ?) FROM articles WHERE id = ?",
            [start, end, start, article_id],
        ).fetchone()
        if row is None:
            raise IntegrityError(f"no article with id {article_id}")
        length, actual = row
        if not (0 <= start < end <= length):
            raise OffsetError(f"span {start}-{end} is outside the article text (0-{length})")
        if text is not None and actual != text:
            raise OffsetError(f"span {start}-{end} selects {actual!r} in the article, not {text!r}")
        return actual

    def get(self, span_id: str) -> dict[str, Any] | None:
        """The span with this id, or None."""
        return self.db.one("SELECT * FROM spans WHERE id = ?", [span_id])

    def marks(self, article_id: str, *, before: int | None = None) -> list[tuple]:
        """(start, end, label, status) of the shown (not rejected) highlights, in text
        order, optionally only those starting before an offset: what painting needs."""
        sql = (
            'SELECT start, "end", label, status FROM spans WHERE article_id = ? '
            "AND status != 'rejected'"
        )
        params: list[Any] = [article_id]
        if before is not None:
            sql += " AND start < ?"
            params.append(before)
        return self.db.db.execute(sql + " ORDER BY start", params).fetchall()

    def update(self, span_id: str, *, journal: Journal | None = None, **changes: Any) -> Changes:
        """Change a span's label, note, status, speaker or range (range is re-checked).

        Raises:
            ValueError: a column that cannot be changed.
            IntegrityError: no such span, or an unknown status or empty label.
            OffsetError: the new range is not inside the text.
        """
        allowed = {
            "label",
            "note",
            "status",
            "speaker_id",
            "start",
            "end",
            "reviewer",
            "reviewed_at",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a span")
        with self.history.action(_span_action_name(changes), journal=journal) as j:
            span = self.get(span_id)
            if span is None:
                raise IntegrityError(f"no span with id {span_id}")
            changes = dict(changes)
            if "label" in changes:
                _check_label(changes["label"])
            if "start" in changes or "end" in changes:
                start, end = whole_offsets(
                    changes.get("start", span["start"]), changes.get("end", span["end"])
                )
                changes.update(start=start, end=end)
                changes["text"] = self.check_offsets(span["article_id"], start, end, None)
            if "status" in changes and changes["status"] not in schema.SPAN_STATUSES:
                raise IntegrityError(f"unknown status {changes['status']!r}")
            changes["updated"] = now()
            j.update("spans", {"id": span_id}, changes)
        return j.changes()

    def move(
        self, span_id: str, start: int, end: int, *, journal: Journal | None = None
    ) -> Changes:
        """Move a highlight's boundaries to ``start``–``end`` (code points), as one action.

        The span keeps its id, so its claim, speaker, note and history stay with it;
        its text becomes what the new range selects.

        Raises:
            IntegrityError: no such span.
            OffsetError: the range is not whole numbers, empty or outside the text.
        """
        with self.history.action("Adjust highlight", journal=journal) as j:
            self.update(span_id, start=start, end=end, journal=j)
        return j.changes()

    def delete(self, span_id: str, *, journal: Journal | None = None) -> Changes:
        """Delete a highlight; a claim left without content goes with it, links are cleared."""
        with self.history.action("Delete highlight", journal=journal) as j:
            for claim in self.db.query(
                "SELECT id, mention_span_id, cue_span_id FROM claims "
                "WHERE mention_span_id = ? OR cue_span_id = ?",
                [span_id, span_id],
            ):
                cleared = {
                    col: None for col in ("mention_span_id", "cue_span_id") if claim[col] == span_id
                }
                j.update("claims", {"id": claim["id"]}, cleared)
            for link in self.db.query(
                "SELECT claim_id FROM claim_spans WHERE span_id = ?", [span_id]
            ):
                j.delete("claim_spans", {"claim_id": link["claim_id"], "span_id": span_id})
                left = self.db.value(
                    "SELECT count(*) FROM claim_spans WHERE claim_id = ?", [link["claim_id"]]
                )
                if not left:
                    self.store.claims.delete(link["claim_id"], with_spans=False, journal=j)
            j.delete("spans", {"id": span_id})
        return j.changes()

    def speaker_of(self, span_id: str) -> str | None:
        """The speaker a span names (its ``speaker_id``), or None."""
        return self.db.value("SELECT speaker_id FROM spans WHERE id = ?", [span_id])

    def same(
        self, article_id: str, start: int, end: int, label: str, annotator: str | None = None
    ) -> dict[str, Any] | None:
        """This annotator's live (not rejected) span with ``label`` on exactly ``start:end``."""
        rows = self.db.query(
            'SELECT * FROM spans WHERE article_id = ? AND start = ? AND "end" = ? AND label = ?'
            " AND annotator = ? AND status != 'rejected' ORDER BY created LIMIT 1",
            [article_id, start, end, label, annotator or self.annotator],
        )
        return rows[0] if rows else None

    def tag(
        self,
        article_id: str,
        start: int,
        end: int,
        label: str,
        *,
        speaker_id: str | None = None,
        claim_kind: str | None = None,
        cue_span_id: str | None = None,
        mention_span_id: str | None = None,
    ) -> dict[str, Any]:
        """What a highlight with the mouse does, as one undoable action.

        Adds the span; a ``claim`` label also makes a claim (with the guessed
        speaker, cue and kind); an article still to do becomes in progress.
        Returns {"span": ..., "claim": ... or None}; its changes are
        ``store.last_changes``.

        Raises:
            DuplicateSpan: the annotator already has this label on this range (not rejected).
            OffsetError, IntegrityError: as :meth:`add` and ``store.claims.add``.
        """
        existing = self.same(article_id, start, end, label)
        if existing is not None:
            raise DuplicateSpan(existing)
        with self.history.action(f"Tag {label}") as j:
            span = self.add(
                article_id,
                start,
                end,
                label,
                speaker_id=speaker_id if label == "speaker" else None,
                journal=j,
            )
            claim = None
            if label == "claim":
                claim = self.store.claims.add(
                    article_id,
                    [span["id"]],
                    speaker_id=speaker_id,
                    mention_span_id=mention_span_id,
                    cue_span_id=cue_span_id,
                    kind=claim_kind or "direct",
                    journal=j,
                )
            if label in ("cue", "speaker"):
                self._complete_claim(span, speaker_id, j)
            if self.store.articles.status_of(article_id) == "todo":
                self.store.articles.mark(j, article_id, "in_progress")
        return {"span": span, "claim": claim}

    def _complete_claim(self, span: dict[str, Any], speaker_id: str | None, j: Journal) -> None:
        """Link a new cue or mention to the unlinked claim of its sentence (see
        ``core.tagging.claim_to_link``); a mention of a known speaker also gives a claim
        without a speaker its speaker. Part of the tag's action, so one undo."""
        reach = 600  # characters either side: a sentence, with room for a long quote
        near = self.db.query(
            "SELECT c.id, c.cue_span_id, c.mention_span_id, c.speaker_id, c.status, "
            's.id AS span_id, s.start, s."end" FROM claims c '
            "JOIN claim_spans cs ON cs.claim_id = c.id JOIN spans s ON s.id = cs.span_id "
            'WHERE s.article_id = ? AND s."end" >= ? AND s.start <= ? '
            # Only the tagger's own layer: another analyst's claim is never completed.
            "AND c.annotator IS ?",
            [span["article_id"], span["start"] - reach, span["end"] + reach, span["annotator"]],
        )
        if not near:
            return
        claims: dict[str, dict[str, Any]] = {}
        content: dict[str, tuple[int, int]] = {}
        for row in near:
            claim = claims.setdefault(row["id"], {**row, "spans": []})
            claim["spans"].append(row["span_id"])
            content[row["span_id"]] = (row["start"], row["end"])
        text = self.store.articles.text(span["article_id"])
        claim = claim_to_link(text, span, claims.values(), content)
        if claim is None:
            return
        if span["label"] == "cue":
            j.update("claims", {"id": claim["id"]}, {"cue_span_id": span["id"], "updated": now()})
            return
        changes: dict[str, Any] = {"mention_span_id": span["id"], "updated": now()}
        if speaker_id and not claim["speaker_id"]:
            changes["speaker_id"] = speaker_id
        j.update("claims", {"id": claim["id"]}, changes)


def whole_offsets(start: Any, end: Any) -> tuple[int, int]:
    """The offsets as ints; floats, bools and strings are refused (OffsetError)."""
    out = []
    for name, value in (("start", start), ("end", end)):
        try:
            if isinstance(value, bool):
                raise TypeError
            out.append(operator.index(value))
        except TypeError:
            raise OffsetError(
                f"span {name} must be a whole number of code points, not {value!r}"
            ) from None
    return out[0], out[1]


def _span_action_name(changes: dict[str, Any]) -> str:
    if set(changes) <= {"status", "reviewer", "reviewed_at"} and "status" in changes:
        return {"accepted": "Accept", "rejected": "Reject"}.get(
            changes["status"], "Edit"
        ) + " highlight"
    if "label" in changes:
        return f"Relabel highlight as {changes['label']}"
    if "note" in changes:
        return "Edit note"
    return "Edit highlight"


def _check_label(label: Any) -> None:
    if not isinstance(label, str) or not label.strip():
        raise IntegrityError("a span needs a label (a non-empty name such as claim)")

"""Claims: what a speaker said, made of content highlights, with mention and cue."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from .. import schema
from ..clock import new_id, now
from ..errors import IntegrityError
from ..history import Changes, Journal
from .common import Manager, layer_filter, status_filter


def claim_row(
    *,
    article_id: str,
    created: str,
    annotator: str,
    id: str | None = None,
    speaker_id: str | None = None,
    mention_span_id: str | None = None,
    cue_span_id: str | None = None,
    kind: str = "direct",
    status: str = "accepted",
    note: str | None = None,
    proposal: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The row of one claim, as stored (``proposal`` as JSON, or NULL).

    ``annotator``: whose layer the claim is in (``"suggest"`` for a suggestion).
    """
    return {
        "id": id or new_id(),
        "article_id": article_id,
        "speaker_id": speaker_id,
        "mention_span_id": mention_span_id,
        "cue_span_id": cue_span_id,
        "kind": kind,
        "status": status,
        "note": note,
        "proposal": json.dumps(proposal, ensure_ascii=False) if proposal else None,
        "created": created,
        "updated": created,
        "annotator": annotator,
    }


def insert_claim(j: Journal, row: dict[str, Any], span_ids: Sequence[str]) -> None:
    """Insert a claim row and its content spans, in order."""
    j.insert("claims", row)
    for ord_, sid in enumerate(span_ids):
        j.insert("claim_spans", {"claim_id": row["id"], "span_id": sid, "ord": ord_})


class Claims(Manager):
    """``store.claims``: add, read, attribute, change and delete claims.

    Calling it (``store.claims(article_id)``) lists an article's claims.
    """

    def __call__(
        self,
        article_id: str,
        *,
        statuses: Iterable[str] | None = None,
        annotators: Iterable[str] | None = None,
    ) -> list[dict[str, Any]]:
        """The article's claims with ``spans`` (ids in order), in text order.

        Parameters:
            statuses: only claims with one of these statuses (None: all).
            annotators: only these analysts' layers (None: every layer).
        """
        sql = (
            "SELECT c.*, (SELECT json_group_array(span_id) FROM "
            "(SELECT span_id FROM claim_spans WHERE claim_id = c.id ORDER BY ord)) AS spans, "
            "(SELECT min(s.start) FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
            " WHERE cs.claim_id = c.id) AS first_start "
            "FROM claims c WHERE c.article_id = ?"
        )
        where, params = status_filter("c.status", statuses)
        layer, names = layer_filter("c.annotator", annotators)
        rows = self.db.query(
            sql + where + layer + " ORDER BY first_start, c.created, c.rowid",
            [article_id, *params, *names],
        )
        for row in rows:
            row["spans"] = json.loads(row["spans"])
            del row["first_start"]
        return rows

    def add(
        self,
        article_id: str,
        span_ids: Sequence[str],
        *,
        speaker_id: str | None = None,
        mention_span_id: str | None = None,
        cue_span_id: str | None = None,
        kind: str = "direct",
        status: str = "accepted",
        id: str | None = None,
        journal: Journal | None = None,
    ) -> dict[str, Any]:
        """A claim made of content spans, said by a speaker, optionally with mention and cue.

        The claim is in this Store's annotator's layer. Returns the stored claim row.

        Raises:
            IntegrityError: no content, an unknown kind or speaker, or a span that is not
                a highlight of this article.
        """
        with self.history.action("Add claim", journal=journal) as j:
            if not span_ids:
                raise IntegrityError("a claim needs at least one highlighted span")
            if kind not in schema.CLAIM_KINDS:
                raise IntegrityError(f"unknown claim kind {kind!r}")
            self.check_spans_of(article_id, [*span_ids, mention_span_id, cue_span_id])
            if speaker_id is not None and self.store.speakers.get(speaker_id) is None:
                raise IntegrityError(f"no speaker with id {speaker_id}")
            row = claim_row(
                id=id,
                article_id=article_id,
                speaker_id=speaker_id,
                mention_span_id=mention_span_id,
                cue_span_id=cue_span_id,
                kind=kind,
                status=status,
                created=now(),
                annotator=self.annotator,
            )
            insert_claim(j, row, span_ids)
            if mention_span_id and speaker_id:
                j.update("spans", {"id": mention_span_id}, {"speaker_id": speaker_id})
        return row

    def check_spans_of(self, article_id: str, span_ids: Iterable[str | None]) -> None:
        """Raise IntegrityError unless every span (None aside) is a highlight of the article."""
        for sid in span_ids:
            if sid is None:
                continue
            span = self.store.spans.get(sid)
            if span is None or span["article_id"] != article_id:
                raise IntegrityError(f"span {sid} is not a highlight of this article")

    def check_claims_of(self, article_id: str, claim_ids: Iterable[str]) -> None:
        """Raise IntegrityError unless every claim is a claim of the article."""
        for claim_id in claim_ids:
            claim = self.db.get("claims", {"id": claim_id})
            if claim is None or claim["article_id"] != article_id:
                raise IntegrityError(f"claim {claim_id} is not a claim of this article")

    def get(self, claim_id: str) -> dict[str, Any] | None:
        """The claim with ``spans`` (content span ids in order), or None."""
        row = self.db.one("SELECT * FROM claims WHERE id = ?", [claim_id])
        if row:
            row["spans"] = [
                r["span_id"]
                for r in self.db.query(
                    "SELECT span_id FROM claim_spans WHERE claim_id = ? ORDER BY ord", [claim_id]
                )
            ]
        return row

    def for_span(self, span_id: str) -> str | None:
        """The id of a claim this span is content of, or None."""
        return self.db.value(
            "SELECT claim_id FROM claim_spans WHERE span_id = ? LIMIT 1", [span_id]
        )

    def update(self, claim_id: str, **changes: Any) -> Changes:
        """Change a claim's speaker, kind, mention, cue, note or status.

        Raises:
            ValueError: a column that cannot be changed.
            IntegrityError: no such claim, an unknown kind, or a span of another article.
        """
        allowed = {"speaker_id", "kind", "mention_span_id", "cue_span_id", "note", "status"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a claim")
        if "kind" in changes and changes["kind"] not in schema.CLAIM_KINDS:
            raise IntegrityError(f"unknown claim kind {changes['kind']!r}")
        changes["updated"] = now()
        with self.history.action("Edit claim") as j:
            claim = self.db.get("claims", {"id": claim_id})
            if claim is None:
                raise IntegrityError(f"no claim with id {claim_id}")
            self.check_spans_of(
                claim["article_id"],
                [changes.get("mention_span_id"), changes.get("cue_span_id")],
            )
            after = j.update("claims", {"id": claim_id}, changes)
            if after.get("mention_span_id") and after.get("speaker_id"):
                j.update(
                    "spans", {"id": after["mention_span_id"]}, {"speaker_id": after["speaker_id"]}
                )
        return j.changes()

    def attribute(
        self,
        claim_id: str,
        *,
        speaker_name: str,
        kind: str | None = None,
        cue_span_id: str | None = None,
        mention_span_id: str | None = None,
        alias: str | None = None,
    ) -> Changes:
        """Set who said a claim (by name or alias, or a new speaker), its kind and cue.

        Parameters:
            mention_span_id: the speaker highlight naming the speaker; it is linked to
                the speaker too.
            alias: another name of the speaker the analyst confirmed (a surname tagged
                as the mention), added in the same undoable action.

        Raises:
            IntegrityError: no such claim, or a span of another article.
        """
        with self.history.action("Attribute claim") as j:
            claim = self.db.get("claims", {"id": claim_id})
            if claim is None:
                raise IntegrityError(f"no claim with id {claim_id}")
            self.check_spans_of(claim["article_id"], [cue_span_id, mention_span_id])
            speaker_id = self.store.speakers.named(speaker_name, journal=j)
            changes: dict[str, Any] = {
                "speaker_id": speaker_id,
                "cue_span_id": cue_span_id,
                "updated": now(),
            }
            if kind:
                changes["kind"] = kind
            if mention_span_id is not None:
                changes["mention_span_id"] = mention_span_id
            after = j.update("claims", {"id": claim_id}, changes)
            if after["mention_span_id"] and speaker_id:
                j.update("spans", {"id": after["mention_span_id"]}, {"speaker_id": speaker_id})
            self.store.speakers.add_alias(speaker_id, alias, journal=j)
        return j.changes()

    def join(self, claim_id: str, other_id: str) -> Changes:
        """Make ``other_id`` part of ``claim_id`` (a quote interrupted by "she told
        reporters"): its content highlights join the claim in text order, positions
        backed by it are backed by the claim, and it is deleted. One undoable action.

        Raises:
            IntegrityError: no such claim, the same claim twice, or claims of two articles.
        """
        with self.history.action("Join claims") as j:
            claim, other = self.get(claim_id), self.get(other_id)
            if claim is None or other is None:
                raise IntegrityError(f"no claim with id {claim_id if claim is None else other_id}")
            if claim_id == other_id:
                raise IntegrityError("a claim cannot be joined to itself")
            if claim["article_id"] != other["article_id"]:
                raise IntegrityError("only claims of the same article can be joined")
            for ev in self.db.query(
                "SELECT position_id FROM position_evidence WHERE claim_id = ?", [other_id]
            ):
                key = {"position_id": ev["position_id"], "claim_id": other_id}
                j.delete("position_evidence", key)
                if not self.db.value(
                    "SELECT 1 FROM position_evidence WHERE position_id = ? AND claim_id = ?",
                    [ev["position_id"], claim_id],
                ):
                    j.insert(
                        "position_evidence",
                        {"position_id": ev["position_id"], "claim_id": claim_id},
                    )
            for link in other["spans"]:
                j.delete("claim_spans", {"claim_id": other_id, "span_id": link})
            j.delete("claims", {"id": other_id})
            self._reorder(claim_id, [*claim["spans"], *other["spans"]], j)
            fill = {
                col: other[col]
                for col in ("speaker_id", "mention_span_id", "cue_span_id")
                if not claim[col] and other[col]
            }
            j.update("claims", {"id": claim_id}, {**fill, "updated": now()})
        return j.changes()

    def split(self, claim_id: str, span_id: str) -> Changes:
        """Take one content highlight out of a claim of several into a claim of its own,
        with the same speaker, kind, cue and mention. One undoable action.

        Raises:
            IntegrityError: no such claim, the span is not its content, or it is the
                claim's only content highlight.
        """
        with self.history.action("Split claim") as j:
            claim = self.get(claim_id)
            if claim is None:
                raise IntegrityError(f"no claim with id {claim_id}")
            if span_id not in claim["spans"]:
                raise IntegrityError("that highlight is not part of the claim")
            if len(claim["spans"]) == 1:
                raise IntegrityError("a claim of one part cannot be split")
            j.delete("claim_spans", {"claim_id": claim_id, "span_id": span_id})
            self._reorder(claim_id, [s for s in claim["spans"] if s != span_id], j)
            row = claim_row(
                article_id=claim["article_id"],
                speaker_id=claim["speaker_id"],
                mention_span_id=claim["mention_span_id"],
                cue_span_id=claim["cue_span_id"],
                kind=claim["kind"],
                status=claim["status"],
                # The part split off stays in the layer of the claim it came from.
                annotator=claim["annotator"] or self.annotator,
                created=now(),
            )
            insert_claim(j, row, [span_id])
        return j.changes()

    def _reorder(self, claim_id: str, span_ids: list[str], j: Journal) -> None:
        """Link the claim to these content highlights, numbered in text order."""
        starts = {
            r["id"]: (r["start"], r["end"])
            for r in self.db.query(
                f'SELECT id, start, "end" FROM spans WHERE id IN ({",".join("?" * len(span_ids))})',
                span_ids,
            )
        }
        ordered = sorted(span_ids, key=lambda sid: starts.get(sid, (0, 0)))
        for ord_, sid in enumerate(ordered):
            key = {"claim_id": claim_id, "span_id": sid}
            if self.db.value(
                "SELECT 1 FROM claim_spans WHERE claim_id = ? AND span_id = ?", [claim_id, sid]
            ):
                j.update("claim_spans", key, {"ord": ord_})
            else:
                j.insert("claim_spans", {**key, "ord": ord_})

    def delete(
        self, claim_id: str, *, with_spans: bool = True, journal: Journal | None = None
    ) -> Changes:
        """Delete a claim (and, ``with_spans``, its content highlights no other claim
        uses); positions lose it as evidence."""
        with self.history.action("Delete claim", journal=journal) as j:
            for ev in self.db.query(
                "SELECT position_id FROM position_evidence WHERE claim_id = ?", [claim_id]
            ):
                j.delete(
                    "position_evidence", {"position_id": ev["position_id"], "claim_id": claim_id}
                )
            links = self.db.query("SELECT span_id FROM claim_spans WHERE claim_id = ?", [claim_id])
            for link in links:
                j.delete("claim_spans", {"claim_id": claim_id, "span_id": link["span_id"]})
            j.delete("claims", {"id": claim_id})
            if with_spans:
                for link in links:
                    in_use = self.db.value(
                        "SELECT 1 FROM claim_spans WHERE span_id = ?", [link["span_id"]]
                    )
                    if not in_use:
                        self.store.spans.delete(link["span_id"], journal=j)
        return j.changes()

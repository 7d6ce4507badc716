"""The curated layer: an adjudicator's decisions between coders' layers.

Curated annotations are copies of the coders' spans, claims and positions under the
annotator ``curated``; each curated span records who decided and when (``reviewer``,
``reviewed_at``). A decision is one undoable action of the adjudicator (the Store's
annotator), so undo takes it back like any other. ``export --annotator curated``
gives the gold set.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..adjudication import CURATED
from ..clock import now
from ..errors import IntegrityError
from ..history import Changes
from .common import Manager


class Curation(Manager):
    """``store.curation``: read an article's layers, write the curated one."""

    def layers(self, article_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The article's accepted spans and claims of every layer (for `build_items`).

        Spans carry only what adjudication uses (id, label, start, end, annotator,
        status, reviewer, reviewed_at): an article coded three times over can have
        thousands, and every column read costs.
        """
        spans = self.db.query(
            'SELECT id, label, start, "end", annotator, status, reviewer, reviewed_at '
            "FROM spans WHERE article_id = ? AND status = 'accepted' "
            'ORDER BY start, "end"',
            [article_id],
        )
        return spans, self.store.claims(article_id, statuses=("accepted",))

    def take(
        self, article_id: str, span_ids: Sequence[str], *, replacing: Sequence[str] = ()
    ) -> Changes:
        """Copy coders' spans into the curated layer, with the claims and positions
        built on them; ``replacing``: curated spans the decision replaces (deleted
        first, with their claims). One undoable action.

        A claim is copied when all its content spans are taken; its mention and cue
        come along. A span the curated layer already has (same label and range) is
        not doubled. Positions backed by a copied claim are copied with it.

        Raises:
            IntegrityError: a span of another article, or one that is itself curated.
        """
        with self.history.action("Adjudicate") as j:
            for span_id in replacing:
                span = self.store.spans.get(span_id)
                if span is not None and span["annotator"] == CURATED:
                    self.store.spans.delete(span_id, journal=j)
            wanted = list(dict.fromkeys(span_ids))
            rows = [self.store.spans.get(s) for s in wanted]
            for span_id, row in zip(wanted, rows, strict=True):
                if row is None or row["article_id"] != article_id:
                    raise IntegrityError(f"no span {span_id} in this article")
                if row["annotator"] == CURATED:
                    raise IntegrityError(f"span {span_id} is already curated")
            copies: dict[str, str] = {}
            taken = set(wanted)
            claims = [
                c
                for c in self.store.claims(article_id, statuses=("accepted",))
                if c["spans"] and set(c["spans"]) <= taken
            ]
            extra = [s for c in claims for s in (c["mention_span_id"], c["cue_span_id"]) if s]
            for span_id in [*wanted, *extra]:
                if span_id not in copies:
                    copies[span_id] = self._copy_span(span_id, j)
            claim_copies: dict[str, str] = {}
            for claim in claims:
                claim_copies[claim["id"]] = self._copy_claim(article_id, claim, copies, j)
            for position in self.store.positions(article_id, statuses=("accepted",)):
                evidence = [claim_copies[c] for c in position["evidence"] if c in claim_copies]
                if evidence:
                    self._copy_position(article_id, position, evidence, j)
        return j.changes()

    def _copy_span(self, span_id: str, j: Any) -> str:
        span = self.store.spans.get(span_id)
        assert span is not None
        same = self.db.value(
            "SELECT id FROM spans WHERE article_id = ? AND annotator = ? AND label = ? "
            "AND start = ? AND \"end\" = ? AND status = 'accepted'",
            [span["article_id"], CURATED, span["label"], span["start"], span["end"]],
        )
        if same:
            return same
        row = self.store.spans.add(
            span["article_id"],
            span["start"],
            span["end"],
            span["label"],
            note=span["note"],
            speaker_id=span["speaker_id"],
            annotator=CURATED,
            journal=j,
        )
        self.store.spans.update(row["id"], reviewer=self.annotator, reviewed_at=now(), journal=j)
        return row["id"]

    def _copy_claim(
        self, article_id: str, claim: dict[str, Any], copies: dict[str, str], j: Any
    ) -> str:
        spans = [copies[s] for s in claim["spans"]]
        marks = ",".join("?" * len(spans))
        same = self.db.value(
            f"SELECT claim_id FROM claim_spans WHERE span_id IN ({marks}) LIMIT 1", spans
        )
        if same:
            return same
        row = self.store.claims.add(
            article_id,
            spans,
            speaker_id=claim["speaker_id"],
            mention_span_id=copies.get(claim["mention_span_id"] or ""),
            cue_span_id=copies.get(claim["cue_span_id"] or ""),
            kind=claim["kind"],
            journal=j,
        )
        # Added in the adjudicator's layer by the claims manager; it belongs to curated.
        j.update("claims", {"id": row["id"]}, {"annotator": CURATED})
        return row["id"]

    def _copy_position(
        self, article_id: str, position: dict[str, Any], evidence: list[str], j: Any
    ) -> None:
        marks = ",".join("?" * len(evidence))
        same = self.db.value(
            "SELECT 1 FROM position_evidence pe JOIN positions p ON p.id = pe.position_id "
            f"WHERE pe.claim_id IN ({marks}) AND p.speaker_id IS ? AND p.stance = ? "
            "AND p.target_id = ?",
            [*evidence, position["speaker_id"], position["stance"], position["target_id"]],
        )
        if same:
            return
        row = self.store.positions.add(
            article_id,
            speaker_id=position["speaker_id"],
            target=position["target"],
            stance=position["stance"],
            evidence=evidence,
            note=position["note"],
            journal=j,
        )
        j.update("positions", {"id": row["id"]}, {"annotator": CURATED})

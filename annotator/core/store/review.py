"""Review: suggested claims stored for an analyst to decide, and the decisions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..clock import now
from ..history import ActionGroup, Changes, Journal
from .claims import claim_row, insert_claim
from .common import Manager, plural
from .spans import span_row

if TYPE_CHECKING:
    from ..suggest.model import SpanRef, SuggestedClaim


@dataclass
class _Suggesting:
    """The spans of one article while suggestions are added to it."""

    article_id: str
    text: str
    stamp: str
    claim_ranges: list[tuple[int, int]]
    by_range: dict[tuple[int, int, str], dict[str, Any]] = field(default_factory=dict)
    # claims added by this run: content ranges and cue range
    added: list[tuple[list[tuple[int, int]], tuple[int, int] | None]] = field(default_factory=list)

    def skips(self, content: list[tuple[int, int]], cue: tuple[int, int] | None) -> bool:
        """Does ``content`` overlap a claim there before the run, or one the run added
        that is not a distinct attribution (nested "X said that Y believes Z" is kept:
        another cue, other content)?"""
        if any(s < e2 and s2 < e for s, e in content for s2, e2 in self.claim_ranges):
            return True
        for ranges, other_cue in self.added:
            if not any(s < e2 and s2 < e for s, e in content for s2, e2 in ranges):
                continue
            if cue is None or other_cue is None or cue == other_cue or ranges == content:
                return True
        return False


@dataclass
class _Decision:
    """One accept or reject: the columns it stamps and the spans it already decided."""

    accept: bool
    status: str
    stamp: str
    stamped: dict[str, Any]
    who: str
    done: set[str] = field(default_factory=set)
    keep_links: bool = False

    def adopted(self, row: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        """``changes``, plus moving a suggestion into the reviewer's layer on accept."""
        if self.accept and row.get("annotator") == "suggest":
            return {**changes, "annotator": self.who}
        return changes


class Review(Manager):
    """``store.review``: add suggestions, accept or reject annotations."""

    def add_suggestions(
        self,
        article_id: str,
        claims: Sequence[SuggestedClaim],
        *,
        group: ActionGroup | None = None,
    ) -> int:
        """Store suggested claims of one article; returns how many were added.

        A claim whose content overlaps any claim highlight already there (accepted,
        suggested or rejected) is skipped, so running suggestions twice adds nothing
        and never duplicates or overrides an analyst's decision. Claims of ``claims``
        may overlap each other when they are distinct attributions (another cue, other
        content: "X said that Y believes Z"); a cue or mention an
        analyst already tagged at the same range is used as it is. A claim's speaker
        is its ``known_id`` when the engine found one, else a proposal the analyst
        accepts with the claim. An undoable action ("Suggest quotes"); pass the
        ``group`` of a run over many articles (``action_group``) to make the whole run
        one undo step. Its changes are ``store.last_changes``.

        Raises:
            IntegrityError: no such article.
        """
        existing = self.db.query(
            'SELECT id, start, "end", label, status FROM spans WHERE article_id = ?', [article_id]
        )
        state = _Suggesting(
            article_id,
            self.store.articles.text(article_id),
            now(),
            [(s["start"], s["end"]) for s in existing if s["label"] == "claim"],
            {(s["start"], s["end"], s["label"]): s for s in existing},
        )
        added = 0
        with self.history.action("Suggest quotes", group) as j:
            for claim in claims:
                added += self._suggest(j, state, claim)
        return added

    def _suggest(self, j: Journal, state: _Suggesting, claim: SuggestedClaim) -> int:
        """Store one suggested claim (1), or skip it (0)."""
        content = [(r.start, r.end) for r in claim.content]
        if state.skips(content, _range(claim.cue)):
            return 0
        span_ids = [self._span_for(j, state, (s, e), "claim") for s, e in content]
        if None in span_ids:
            return 0
        state.added.append((content, _range(claim.cue)))
        speaker = claim.speaker
        known = speaker.known_id if speaker else None
        proposal = None
        if speaker is not None:
            proposal = {
                "name": speaker.name,
                "kind": speaker.kind,
                "role": speaker.role,
                "affiliation": speaker.affiliation,
            }
        row = claim_row(
            article_id=state.article_id,
            speaker_id=known,
            mention_span_id=self._span_for(j, state, _range(claim.mention), "speaker", known),
            cue_span_id=self._span_for(j, state, _range(claim.cue), "cue"),
            kind=claim.kind or "direct",
            status="suggested",
            proposal=proposal,
            created=state.stamp,
            annotator="suggest",
        )
        insert_claim(j, row, span_ids)  # type: ignore[arg-type]
        return 1

    def _span_for(
        self,
        j: Journal,
        state: _Suggesting,
        rng: tuple[int, int] | None,
        label: str,
        speaker_id: str | None = None,
    ) -> str | None:
        """The span at ``rng`` with ``label``: the one there (None if rejected) or a new one."""
        if rng is None:
            return None
        found = state.by_range.get((rng[0], rng[1], label))
        if found is not None:
            return None if found["status"] == "rejected" else found["id"]
        row = span_row(
            article_id=state.article_id,
            start=rng[0],
            end=rng[1],
            text=state.text[rng[0] : rng[1]],
            label=label,
            annotator="suggest",
            status="suggested",
            speaker_id=speaker_id,
            created=state.stamp,
        )
        j.insert("spans", row)
        state.by_range[(rng[0], rng[1], label)] = row
        return row["id"]

    def decide(
        self,
        *,
        spans: Sequence[str] = (),
        claims: Sequence[str] = (),
        positions: Sequence[str] = (),
        accept: bool,
        reviewer: str | None = None,
        keep_links: bool = False,
    ) -> Changes:
        """Accept or reject annotations (one undoable action), with reviewer and time.

        Accepting a claim accepts its highlights and creates or reuses the
        corpus-wide speaker it proposes; rejecting a claim rejects the highlights
        only it uses. Rejected rows stay in the database. An accepted suggestion
        moves from the layer "suggest" into the reviewer's.

        Parameters:
            keep_links: when rejecting a claim, leave its cue and speaker mention as
                they are (only the claim and its content highlights are rejected).
        """
        status = "accepted" if accept else "rejected"
        who, stamp = reviewer or self.annotator, now()
        verb = "Accept" if accept else "Reject"
        count = len(spans) + len(claims) + len(positions)
        stamped = {"status": status, "reviewer": who, "reviewed_at": stamp, "updated": stamp}
        decision = _Decision(accept, status, stamp, stamped, who, keep_links=keep_links)
        with self.history.action(f"{verb} {plural(count, 'annotation')}") as j:
            for claim_id in claims:
                self._decide_claim(j, decision, claim_id)
            for span_id in spans:
                self._decide_span(j, decision, span_id)
                if not accept:
                    self._reject_emptied_claims(j, decision, span_id)
            for position_id in positions:
                row = self.db.get("positions", {"id": position_id}) or {}
                j.update(
                    "positions",
                    {"id": position_id},
                    decision.adopted(row, {"status": status, "updated": stamp}),
                )
        return j.changes()

    def _decide_span(self, j: Journal, decision: _Decision, span_id: str | None) -> None:
        row = self.db.get("spans", {"id": span_id}) if span_id else None
        if span_id and span_id not in decision.done and row:
            decision.done.add(span_id)
            j.update("spans", {"id": span_id}, decision.adopted(row, decision.stamped))

    def _decide_claim(self, j: Journal, decision: _Decision, claim_id: str) -> None:
        claim = self.store.claims.get(claim_id)
        if claim is None:
            return
        accept = decision.accept
        changes: dict[str, Any] = {"status": decision.status, "updated": decision.stamp}
        if accept and not claim["speaker_id"] and claim["proposal"]:
            changes["speaker_id"] = self._proposed_speaker(j, json.loads(claim["proposal"]))
        after = j.update("claims", {"id": claim_id}, decision.adopted(claim, changes))
        suggestion = claim["status"] == "suggested"
        for span_id in [*claim["spans"], claim["mention_span_id"], claim["cue_span_id"]]:
            span = self.store.spans.get(span_id) if span_id else None
            if span is None:
                continue
            if suggestion and span["status"] != "suggested":
                # A suggestion may reuse a cue or mention an analyst tagged (or
                # accepted) at the same range: deciding it leaves that one alone.
                continue
            if (
                not accept
                and span_id not in claim["spans"]
                and (decision.keep_links or self._used_elsewhere(span_id, claim_id))
            ):
                continue
            self._decide_span(j, decision, span_id)
        mention = (
            self.store.spans.get(after["mention_span_id"]) if after["mention_span_id"] else None
        )
        if (
            accept
            and mention is not None
            and after["speaker_id"]
            and (mention["id"] in decision.done or mention["speaker_id"] is None)
        ):
            j.update("spans", {"id": mention["id"]}, {"speaker_id": after["speaker_id"]})

    def _proposed_speaker(self, j: Journal, proposal: dict[str, Any]) -> str:
        """The id of the speaker a suggestion proposes: a known one, or a new one."""
        known = self.store.speakers.find(proposal["name"])
        if known:
            return known["id"]
        return self.store.speakers.add(
            proposal["name"],
            kind=proposal.get("kind") or "person",
            role=proposal.get("role"),
            affiliation=proposal.get("affiliation"),
            journal=j,
        )["id"]

    def _reject_emptied_claims(self, j: Journal, decision: _Decision, span_id: str) -> None:
        """A claim whose every content highlight is rejected is rejected too."""
        for link in self.db.query("SELECT claim_id FROM claim_spans WHERE span_id = ?", [span_id]):
            left = self.db.value(
                "SELECT count(*) FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
                "WHERE cs.claim_id = ? AND s.status != 'rejected'",
                [link["claim_id"]],
            )
            if not left:
                j.update(
                    "claims",
                    {"id": link["claim_id"]},
                    {"status": "rejected", "updated": decision.stamp},
                )

    def _used_elsewhere(self, span_id: str, claim_id: str) -> bool:
        return (
            self.db.value(
                "SELECT 1 FROM claims WHERE id != ? AND status != 'rejected' AND "
                "(mention_span_id = ? OR cue_span_id = ?) UNION "
                "SELECT 1 FROM claim_spans cs JOIN claims c ON c.id = cs.claim_id "
                "WHERE cs.span_id = ? AND c.id != ? AND c.status != 'rejected'",
                [claim_id, span_id, span_id, span_id, claim_id],
            )
            is not None
        )


def _range(ref: SpanRef | None) -> tuple[int, int] | None:
    return (ref.start, ref.end) if ref is not None else None

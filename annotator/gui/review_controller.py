"""The review pass and suggestions: stepping through annotations, deciding, suggesting.

The ReviewController is composed into the main window; ``ReviewHost`` lists what it
uses of the window.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from ..core.suggest.runner import suggest_corpus
from . import operations as ops
from .annotation_panel import AnnotationPanel
from .article_view import ArticleText
from .navigation import NavigationController
from .qt import QMessageBox
from .review import ReviewBar, claim_index, review_order
from .session import Session
from .tagging import TaggingController
from .wording import plural


class ReviewHost(Protocol):
    """What the review controller uses of the window."""

    session: Session
    article: dict[str, Any] | None
    text: ArticleText
    panel: AnnotationPanel
    review_bar: ReviewBar
    tagging: TaggingController
    navigation: NavigationController
    spans: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    speaker_rows: dict[str, dict[str, Any]]

    def span_clicked(self, span_id: str) -> None: ...
    def current_span(self) -> dict[str, Any] | None: ...
    def reload_all(self) -> None: ...
    def show_message(self, text: str, timeout_ms: int) -> None: ...
    def show_error(self, message: str) -> None: ...


class ReviewController:
    """The Review menu: a pass through the article's annotations, and suggestions."""

    def __init__(self, window: ReviewHost) -> None:
        self.w = window
        self.review: list[dict[str, Any]] | None = None  # the stops of a review in progress
        self.review_index = 0

    def _stops(self) -> list[dict[str, Any]]:
        return review_order(self.w.spans, self.w.claims)

    def start_review(self) -> None:
        """Start a pass over the article's annotations; its stops are fixed from here on."""
        if self.w.article is None:
            return
        self.review = self._stops()
        if not self.review:
            self.review = None
            self.w.show_message("Nothing to review in this article yet", 5000)
            return
        first = next((i for i, stop in enumerate(self.review) if not stop["decided"]), 0)
        self.w.review_bar.show()
        self.w.text.setFocus()
        self._show_stop(first)

    def stop_review(self) -> None:
        self.review = None
        self.w.review_bar.hide()

    def refresh(self) -> None:
        """Re-read the pass's stops after a change (same stops, current state) and the header.

        Deciding a claim can turn its cue and mention into stops of their own, and an
        edit changes a claim's speaker: the pass keeps the stops it started with, so the
        counts stay of this pass, and the header says what the item is now.
        """
        if not self.review:
            return
        now = {(stop["kind"], stop["id"]): stop for stop in self._stops()}
        self.review = [
            now.get((stop["kind"], stop["id"]), {**stop, "decided": True, "gone": True})
            for stop in self.review
        ]
        stop = self.review[self.review_index]
        self.w.review_bar.show_stop(self.review_index, self.review, self._describe(stop))

    def _show_stop(self, index: int) -> None:
        if not self.review:
            return
        self.review_index = max(0, min(index, len(self.review) - 1))
        stop = self.review[self.review_index]
        span = stop["span"]
        self.w.text.mark_span(span["id"])
        if span["status"] == "rejected":
            self.w.text.select_range(span["start"], span["end"])
        self.w.review_bar.show_stop(self.review_index, self.review, self._describe(stop))
        self.w.panel.select_span(span["id"], stop["id"] if stop["kind"] == "claim" else None)

    def _describe(self, stop: dict[str, Any]) -> str:
        if stop.get("gone"):
            return f"{stop['kind']} (deleted)"
        names = {sid: row["name"] for sid, row in self.w.speaker_rows.items()}
        if stop["kind"] == "claim":
            claim = next((c for c in self.w.claims if c["id"] == stop["id"]), None)
            who = names.get(claim["speaker_id"] or "", "speaker unknown") if claim else "?"
            if claim and not claim["speaker_id"] and claim.get("proposal"):
                who = json.loads(claim["proposal"])["name"] + " (proposed)"
            stances = [
                f"{p['stance']} {p['target']}"
                for p in self.w.positions
                if claim and claim["id"] in p["evidence"]
            ]
            extra = f"  ·  position: {', '.join(stances)}" if stances else ""
            status = claim["status"] if claim else stop["status"]
            return f"claim ({claim['kind'] if claim else ''}, {status}) by {who}{extra}"
        span = stop["span"]
        who = names.get(span.get("speaker_of") or "", "")
        return (
            f"{span['label']} ({span['status']}){' · ' + who if who else ''}: {span['text'][:60]}"
        )

    def review_step(self, direction: int) -> None:
        if self.review:
            self._show_stop(self.review_index + direction)
            return
        # Outside review: walk through suggestions, the common case after `suggest`.
        stops = [s for s in self._stops() if s["status"] == "suggested"] or self._stops()
        if not stops:
            return
        target = self._current_target()
        here = next((s for s in self._stops() if target and s["id"] == target[1]), None)
        pos = here["span"]["start"] if here else -1
        if direction > 0:
            nxt = next((s for s in stops if s["span"]["start"] > pos), stops[0])
        else:
            nxt = next((s for s in reversed(stops) if s["span"]["start"] < pos), stops[-1])
        self.w.span_clicked(nxt["span"]["id"])
        self.w.text.mark_span(nxt["span"]["id"])

    def _current_target(self) -> tuple[str, str] | None:
        if self.review:
            stop = self.review[self.review_index]
            return stop["kind"], stop["id"]
        span = self.w.current_span()
        if span is None:
            return None
        claim = claim_index(self.w.claims).get(span["id"])
        return ("claim", claim["id"]) if claim else ("span", span["id"])

    def decide_current(self, accept: bool) -> None:
        target = self._current_target()
        if target is None:
            # Nothing chosen yet: Enter goes to the first suggestion.
            self.review_step(1)
            return
        kind, item_id = target
        key = "claims" if kind == "claim" else "spans"
        keep_links = False
        if not accept and not self.review and kind == "claim":
            # Outside review a single key must not take a cue and mention along unasked.
            scope = self._ask_reject_scope(item_id)
            if scope is None:
                return
            keep_links = scope == "claim"
        what = self.w.tagging.describe(kind, [item_id])
        done = self.w.session.perform(
            ops.decide(**{key: [item_id]}, accept=accept, keep_links=keep_links)
        )
        if done is not None and not accept and not self.review:
            # A single key outside review: say what went, with Undo at hand.
            self.w.tagging.undo_bar.show_message(f"Rejected {what}")
        if self.review:
            self.refresh()  # the window re-read the article; the stops stay this pass's
            following = [
                i for i, s in enumerate(self.review) if not s["decided"] and i > self.review_index
            ]
            undecided = following or [i for i, s in enumerate(self.review) if not s["decided"]]
            self._show_stop(undecided[0] if undecided else self.review_index)
            if not undecided:
                self.w.show_message(
                    "Every annotation is decided: Mark reviewed (Ctrl+Shift+R)", 8000
                )
        else:
            remaining = [s for s in self._stops() if s["status"] == "suggested"]
            if remaining:
                self.review_step(1)

    def _ask_reject_scope(self, claim_id: str) -> str | None:
        """ "claim" (only the claim), "all" (with its cue and mention) or None (cancelled)."""
        claim = next((c for c in self.w.claims if c["id"] == claim_id), None)
        if (
            claim is None
            or claim["status"] == "suggested"  # walking suggestions: its own suggested parts
            or not (claim["cue_span_id"] or claim["mention_span_id"])
        ):
            return "all"  # nothing of the analyst's to take along: no question
        box = QMessageBox(self.w)
        box.setObjectName("rejectScope")
        box.setWindowTitle("Reject claim")
        box.setText("Reject this claim? Rejected items stay in the database (Edit ▸ Undo).")
        only = box.addButton("Claim &only", QMessageBox.ButtonRole.AcceptRole)
        everything = box.addButton(
            "With its &cue and speaker mention", QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(only)
        box.exec()
        clicked = box.clickedButton()
        return "claim" if clicked is only else "all" if clicked is everything else None

    def edit_current(self) -> None:
        target = self._current_target()
        if target:
            self.w.tagging.edit_item(*target)

    def finish_review(self) -> None:
        self.w.navigation.set_status("reviewed")
        self.stop_review()

    def decide_all_suggestions(self, accept: bool) -> None:
        claims = [c["id"] for c in self.w.claims if c["status"] == "suggested"]
        in_claims = {sid for c in self.w.claims for sid in c["spans"]}
        spans = [
            s["id"] for s in self.w.spans if s["status"] == "suggested" and s["id"] not in in_claims
        ]
        if not claims and not spans:
            self.w.show_message("No suggestions in this article", 4000)
            return
        self.w.session.perform(ops.decide(claims=claims, spans=spans, accept=accept))

    def suggest_here(self) -> None:
        if self.w.article is None:
            return
        aid = self.w.article["id"]
        report = self.w.session.perform(ops.suggest_article(aid))
        if report is not None:
            self.w.show_message(
                report.summary() + " — Enter accepts, Backspace rejects, J/K move", 8000
            )
            self.review_step(1)

    def suggest_todo(self) -> None:
        count = self.w.session.store.article_count(status="todo")
        if not count:
            self.w.show_message("No article is still to do: nothing to suggest in", 6000)
            return
        answer = QMessageBox.question(
            self.w,
            "Suggest quotes",
            f"Suggest quotes, cues and speakers in {plural(count, 'article')} still to do? "
            "It is one undo step.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        task = self.w.session.background(
            self.w,
            "Suggesting…",
            lambda store, progress, cancelled: suggest_corpus(
                store, only_todo=True, progress=progress, cancelled=cancelled
            ),
        )
        task.done.connect(
            lambda report: (
                self.w.reload_all(),
                self.w.show_message(report.summary(), 8000),
            )
        )
        task.failed.connect(self.w.show_error)

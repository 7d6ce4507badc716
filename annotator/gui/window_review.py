"""The main window's review pass and suggestions: stepping, deciding, suggesting."""

from __future__ import annotations

import json
from typing import Any

from ..core.store import Changes
from ..core.suggest.runner import suggest_corpus
from .review import claim_index, review_order
from .workers import BackgroundTask


class ReviewActions:
    """Part of MainWindow: the Review menu (a mixin: it uses the window's widgets and store)."""

    # -- review and suggestions ------------------------------------------------------------

    def _stops(self) -> list[dict[str, Any]]:
        return review_order(self.spans, self.claims)

    def start_review(self) -> None:
        if self.article is None:
            return
        self.review = self._stops()
        if not self.review:
            self.review = None
            self.statusBar().showMessage("Nothing to review in this article yet", 5000)
            return
        first = next((i for i, stop in enumerate(self.review) if not stop["decided"]), 0)
        self.review_bar.show()
        self.text.setFocus()
        self._show_stop(first)

    def stop_review(self) -> None:
        self.review = None
        self.review_bar.hide()

    def _show_stop(self, index: int) -> None:
        if not self.review:
            return
        self.review_index = max(0, min(index, len(self.review) - 1))
        stop = self.review[self.review_index]
        span = stop["span"]
        self.text.mark_span(span["id"])
        if span["status"] == "rejected":
            self.text.select_range(span["start"], span["end"])
        self.review_bar.show_stop(self.review_index, self.review, self._describe(stop))
        self.panel.select_span(span["id"], stop["id"] if stop["kind"] == "claim" else None)

    def _describe(self, stop: dict[str, Any]) -> str:
        names = {sid: row["name"] for sid, row in self.speaker_rows.items()}
        if stop["kind"] == "claim":
            claim = next((c for c in self.claims if c["id"] == stop["id"]), None)
            who = names.get(claim["speaker_id"] or "", "speaker unknown") if claim else "?"
            if claim and not claim["speaker_id"] and claim.get("proposal"):
                who = json.loads(claim["proposal"])["name"] + " (proposed)"
            stances = [
                f"{p['stance']} {p['target']}"
                for p in self.positions
                if claim and claim["id"] in p["evidence"]
            ]
            extra = f"  ·  position: {', '.join(stances)}" if stances else ""
            return f"claim ({claim['kind'] if claim else ''}, {stop['status']}) by {who}{extra}"
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
        self.span_clicked(nxt["span"]["id"])
        self.text.mark_span(nxt["span"]["id"])

    def _current_target(self) -> tuple[str, str] | None:
        if self.review:
            stop = self.review[self.review_index]
            return stop["kind"], stop["id"]
        span = self.current_span()
        if span is None:
            return None
        claim = claim_index(self.claims).get(span["id"])
        return ("claim", claim["id"]) if claim else ("span", span["id"])

    def decide_current(self, accept: bool) -> None:
        target = self._current_target()
        if target is None:
            # Nothing chosen yet: Enter goes to the first suggestion.
            self.review_step(1)
            return
        kind, item_id = target
        key = "claims" if kind == "claim" else "spans"
        self.session.run(lambda s: s.decide(**{key: [item_id]}, accept=accept))
        if self.review:
            self.review = self._stops()
            following = [
                i for i, s in enumerate(self.review) if not s["decided"] and i > self.review_index
            ]
            undecided = following or [i for i, s in enumerate(self.review) if not s["decided"]]
            self._show_stop(undecided[0] if undecided else self.review_index)
            if not undecided:
                self.statusBar().showMessage(
                    "Every annotation is decided: Mark reviewed (Ctrl+Shift+R)", 8000
                )
        else:
            remaining = [s for s in self._stops() if s["status"] == "suggested"]
            if remaining:
                self.review_step(1)

    def edit_current(self) -> None:
        target = self._current_target()
        if target:
            self.edit_item(*target)

    def finish_review(self) -> None:
        self.set_status("reviewed")
        self.stop_review()

    def decide_all_suggestions(self, accept: bool) -> None:
        claims = [c["id"] for c in self.claims if c["status"] == "suggested"]
        in_claims = {sid for c in self.claims for sid in c["spans"]}
        spans = [
            s["id"] for s in self.spans if s["status"] == "suggested" and s["id"] not in in_claims
        ]
        if not claims and not spans:
            self.statusBar().showMessage("No suggestions in this article", 4000)
            return
        self.session.run(lambda s: s.decide(claims=claims, spans=spans, accept=accept))

    def suggest_here(self) -> None:
        if self.article is None:
            return
        aid = self.article["id"]
        report = self.session.run(
            lambda s: suggest_corpus(s, article_ids=[aid]),
            changes=Changes(
                "Suggested", frozenset([aid]), frozenset({"spans", "claims", "speakers"})
            ),
        )
        if report is not None:
            self.statusBar().showMessage(
                report.summary() + " — Enter accepts, Backspace rejects, J/K move", 8000
            )
            self.review_step(1)

    def suggest_todo(self) -> None:
        task = BackgroundTask(
            self,
            "Suggesting…",
            self.session.path,
            self.store.annotator,
            lambda store, progress, cancelled: suggest_corpus(
                store, only_todo=True, progress=progress, cancelled=cancelled
            ),
        )
        task.done.connect(
            lambda report: (
                self._reload_all(),
                self.statusBar().showMessage(report.summary(), 8000),
            )
        )
        task.failed.connect(self.show_error)
        self._start(task)

"""Tagging in the open article: tag keys, the who-said-it popups, edit, delete, context menus.

The TaggingController is composed into the main window; ``TaggingHost`` lists what it
uses of the window (the open article, its loaded annotations and the widgets).
"""

from __future__ import annotations

from typing import Any, Protocol

from ..core.store import Store
from ..core.tagging import cue_choice, guess_claim, near, resolve_speaker, sentence_around
from . import operations as ops
from .annotation_panel import AnnotationPanel
from .article_view import ArticleText
from .labels import Label, color_for, swatch
from .note_dialog import NoteDialog
from .popups import ClaimPopup, MentionPopup, PositionPopup
from .qt import QInputDialog, QMenu, QMessageBox, QRect, Qt, QWidget
from .session import Session
from .undo_bar import UndoBar
from .wording import one_line, plural


class TaggingHost(Protocol):
    """What the tagging controller uses of the window."""

    session: Session
    labels: list[Label]
    article: dict[str, Any] | None
    text: ArticleText
    panel: AnnotationPanel
    spans: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    speaker_rows: dict[str, dict[str, Any]]

    def ensure_loaded(self) -> None: ...
    def refresh_annotations_soon(self) -> None: ...
    def snap_to_words(self) -> bool: ...
    def span_clicked(self, span_id: str) -> None: ...
    def current_span(self) -> dict[str, Any] | None: ...
    def show_message(self, text: str, timeout_ms: int) -> None: ...
    def show_error(self, message: str) -> None: ...
    def focusWidget(self) -> QWidget | None: ...
    def undo(self) -> None: ...


class TaggingController:
    """Tags the selection, asks who said it, edits and deletes annotations of the article."""

    def __init__(self, window: TaggingHost) -> None:
        self.w = window
        self.popup = None  # the inline popup on screen, if any
        # What a single key removed is said at the foot of the text, with Undo.
        self.undo_bar = UndoBar(window.text, window.undo)
        # A dragged handle snaps as a selection does (Tag › Snap selection to whole words).
        window.text.snap_to_words = window.snap_to_words

    @property
    def session(self) -> Session:
        return self.w.session

    @property
    def store(self) -> Store:
        return self.w.session.store

    def tag(self, label: str) -> None:
        if self.w.article is None:
            return
        # Loaded before the write: the new highlight is then added to them, not read twice.
        self.w.ensure_loaded()
        rng = self.w.text.selected_range(snap_to_words=self.w.snap_to_words())
        if rng is None:
            self.w.show_message(
                "Select some text with the mouse first, then press the label's key", 5000
            )
            return
        start, end = rng
        aid = self.w.article["id"]
        existing = self.store.spans.same(aid, start, end, label)
        if existing is not None:
            # The same tag twice is a slip, not an annotation: point at the one there is.
            self.w.text.clear_selection()
            self.w.span_clicked(existing["id"])
            self.w.text.mark_span(existing["id"])
            self.w.show_message(f"Already tagged as {label}: selected the existing highlight", 5000)
            return
        guess: dict[str, Any] = {}
        if label == "claim":
            guess = guess_claim(self.w.text.text, self.w.spans, start, end)
        elif label == "speaker":
            found = self.store.find_speaker(self.w.text.text[start:end])
            guess = {"speaker_id": found["id"] if found else None}
        op = ops.tag(aid, start, end, label, **guess)
        # Run as its own initiator: this shows the new highlight itself (re-reading 10,000
        # spans, repainting and listing them again would take 300 ms after every key press).
        result = self.session.perform(op, initiator=self)
        if result is None:
            return
        self.w.text.clear_selection()
        span = dict(result["span"])
        claim = result["claim"]
        span["speaker_of"] = span["speaker_id"] or (claim["speaker_id"] if claim else None)
        self.w.spans.append(span)
        if claim is not None:
            self.w.claims.append({**claim, "spans": [span["id"]]})
        self.w.text.add_span(span)
        if span["speaker_id"] or (label != "claim" and self.store.last_changes.claims):
            # A known speaker's mention (its counts change), or a cue or mention that
            # completed a claim of its sentence: the lists are read again.
            self.w.refresh_annotations_soon()
        else:
            names = {sid: row["name"] for sid, row in self.w.speaker_rows.items()}
            self.w.panel.add_span(span, self.w.claims[-1] if claim is not None else None, names)
        self.w.text.mark_span(span["id"], scroll=False)
        if label == "claim" and result["claim"]:
            self.ask_claim_speaker(result["claim"]["id"])
        elif label == "speaker":
            self.ask_mention_speaker(span["id"])

    def _article_speakers(self) -> list[dict[str, Any]]:
        return sorted(self.w.speaker_rows.values(), key=lambda r: r["name"].casefold())

    def _corpus_speakers(self) -> list[dict[str, Any]]:
        return self.store.speakers(limit=5000)

    def _resolve(self, words: str, at: int, corpus: list[dict[str, Any]]) -> dict | None:
        """The known speaker a surname, pronoun or role noun at ``at`` refers to."""
        mentions = [s for s in self.w.spans if s["label"] == "speaker"]
        return resolve_speaker(words, at, mentions, corpus)

    def _show_popup(self, popup, span: dict[str, Any] | None = None) -> None:
        """Show ``popup`` below the lines of the span's sentence (above when there is no
        room), never over the sentence being coded."""
        if self.popup is not None:
            self.popup.close()
        self.popup = popup
        view = self.w.text
        if span is None:
            point = view.viewport().mapToGlobal(view.viewport().rect().center())
            popup.show_at(point)
            return
        start, end = sentence_around(view.text, span["start"], span["end"])
        cursor = view.textCursor()
        cursor.setPosition(view.map.to_qt(span["start"]))
        first = view.cursorRect(cursor)
        cursor.setPosition(view.map.to_qt(start))
        top = view.cursorRect(cursor)
        cursor.setPosition(view.map.to_qt(end))
        last = view.cursorRect(cursor)
        lines = first.united(top).united(last).intersected(view.viewport().rect())
        lines.setLeft(0)
        lines.setRight(view.viewport().width())
        top_left = view.viewport().mapToGlobal(lines.topLeft())
        avoid = QRect(top_left, lines.size())
        popup.show_at(view.viewport().mapToGlobal(first.bottomLeft()), avoid)

    def ask_claim_speaker(self, claim_id: str) -> None:
        claim = self.store.claim(claim_id)
        if claim is None:
            return
        content = [s for s in self.w.spans if s["id"] in claim["spans"]]
        if not content:
            return
        first = content[0]
        speaker = self.store.speaker(claim["speaker_id"]) if claim["speaker_id"] else None
        cues = [
            (s["id"], cue_choice(self.w.text.text, s))
            for s in near(self.w.spans, "cue", first["start"], content[-1]["end"], reach=600)
        ]
        corpus = self._corpus_speakers()
        # No speaker yet: the nearest untold mention ("Lin", "she") may name a known one.
        untold = (
            [
                s
                for s in near(self.w.spans, "speaker", first["start"], content[-1]["end"])
                if not s["speaker_id"]
            ]
            if speaker is None
            else []
        )
        resolved = self._resolve(untold[0]["text"], untold[0]["start"], corpus) if untold else None
        popup = ClaimPopup(
            " … ".join(s["text"] for s in content),
            self._article_speakers(),
            corpus,
            speaker["name"] if speaker else "",
            claim["kind"],
            cues,
            claim["cue_span_id"],
            self.w,
            words=untold[0]["text"] if untold else None,
            resolved=resolved,
        )

        def save(values: dict[str, Any]) -> None:
            # One write, so one undo step: the claim, its mention and a confirmed alias.
            mention = claim["mention_span_id"]
            if resolved and values["name"].casefold() == resolved["speaker"]["name"].casefold():
                mention = untold[0]["id"]
            elif values["name"]:
                matches = [
                    s
                    for s in near(
                        self.w.spans, "speaker", first["start"], content[-1]["end"], reach=600
                    )
                    if s["speaker_id"]
                    and (self.w.speaker_rows.get(s["speaker_id"]) or {}).get("name", "").casefold()
                    == values["name"].casefold()
                ]
                mention = matches[0]["id"] if matches else mention
            self.session.perform(
                ops.attribute_claim(
                    claim_id,
                    speaker_name=values["name"],
                    kind=values["kind"],
                    cue_span_id=values["cue"],
                    mention_span_id=mention,
                    alias=values["alias"],
                )
            )

        popup.accepted.connect(save)
        self._show_popup(popup, first)

    def ask_mention_speaker(self, span_id: str) -> None:
        span = self.store.span(span_id)
        if span is None:
            return
        current = self.store.speaker(span["speaker_id"]) if span["speaker_id"] else None
        corpus = self._corpus_speakers()
        resolved = None if current else self._resolve(span["text"], span["start"], corpus)
        popup = MentionPopup(
            span["text"],
            self._article_speakers(),
            corpus,
            current["name"] if current else span["text"],
            self.w,
            resolved=resolved,
        )
        popup.accepted.connect(
            lambda v: (
                v["name"]
                and self.session.perform(
                    ops.link_mention(
                        span_id,
                        speaker_name=v["name"],
                        kind=v["kind"],
                        role=v["role"],
                        alias=v["alias"],
                    )
                )
            )
        )
        self._show_popup(popup, span)

    def add_position(self, position_id: str | None = None) -> None:
        if self.w.article is None:
            return
        kind_id = self.w.panel.current()
        evidence: list[str] = []
        speaker_id = None
        position = next((p for p in self.w.positions if p["id"] == position_id), None)
        if position:
            evidence, speaker_id = position["evidence"], position["speaker_id"]
        elif kind_id and kind_id[0] == "claim":
            evidence = self.w.panel.selected_ids("claim") or [kind_id[1]]
        elif self.w.text.current_span_id:
            claim_id = self.store.claim_for_span(self.w.text.current_span_id)
            evidence = [claim_id] if claim_id else []
        if not speaker_id and evidence:
            claim = next((c for c in self.w.claims if c["id"] == evidence[0]), None)
            speaker_id = claim["speaker_id"] if claim else None
        speakers = self._article_speakers()
        if not speakers:
            self.w.show_message(
                "Tag a speaker or attribute a claim first: a position belongs to a speaker", 6000
            )
            return
        texts = {s["id"]: s["text"] for s in self.w.spans}
        claims = [
            (
                c["id"],
                f"{(self.w.speaker_rows.get(c['speaker_id']) or {}).get('name', '?')}: "
                + " … ".join(texts.get(sid, "")[:70] for sid in c["spans"]),
                c["speaker_id"],
                c["status"] == "accepted",
            )
            for c in self.w.claims
            if c["status"] != "rejected"
        ]
        # Targets tagged in this article (key 4) are offered first, then the corpus's.
        tagged = [s["text"].strip() for s in self.w.spans if s["label"] == "target"]
        targets = list(dict.fromkeys([*tagged, *self.store.targets(limit=5000)]))
        popup = PositionPopup(speakers, speaker_id, targets, claims, evidence, position, self.w)
        aid = self.w.article["id"]

        def save(values: dict[str, Any]) -> None:
            if position:
                self.session.perform(ops.update_position(position["id"], values))
            else:
                self.session.perform(ops.add_position(aid, values))

        popup.accepted.connect(save)
        self._show_popup(popup, self.w.current_span())

    def delete_current(self) -> None:
        current = (
            self.w.panel.current()
            if self.w.panel.hasFocus() or self.w.panel.isAncestorOf(self.w.focusWidget())
            else None
        )
        if current:
            self.delete_items(current[0], self.w.panel.selected_ids(current[0]) or [current[1]])
        elif self.w.text.current_span_id:
            self.delete_items("span", [self.w.text.current_span_id])

    def delete_items(self, kind: str, ids: list[str]) -> None:
        if kind == "speaker":
            if (
                QMessageBox.question(
                    self.w,
                    "Delete mentions",
                    "Delete this speaker's highlights in this article? "
                    "(The speaker stays in the corpus.)",
                )
                != QMessageBox.StandardButton.Yes
            ):
                return
            kind, ids = "span", [s["id"] for s in self.w.spans if s["speaker_id"] in ids]
        what = self.describe(kind, ids)
        if self.session.perform(ops.delete(kind, ids)) is not None:
            self.undo_bar.show_message(f"Deleted {what}")
        self.w.text.current_span_id = None

    def describe(self, kind: str, ids: list[str]) -> str:
        """A few words naming what ``ids`` are, for the Undo bar: claim “no region
        needs…”, cue “said on Tuesday”, or 3 items."""
        if len(ids) != 1:
            return plural(len(ids), "item")
        if kind == "claim":
            claim = next((c for c in self.w.claims if c["id"] == ids[0]), None)
            first = claim["spans"][0] if claim and claim["spans"] else None
            span = next((s for s in self.w.spans if s["id"] == first), None)
            return f"claim “{_words(span['text'])}”" if span else "a claim"
        if kind == "span":
            span = next((s for s in self.w.spans if s["id"] == ids[0]), None)
            return f"{span['label']} “{_words(span['text'])}”" if span else "a highlight"
        return f"a {kind}"

    def edit_item(self, kind: str, item_id: str) -> None:
        if kind == "claim":
            self.ask_claim_speaker(item_id)
        elif kind == "position":
            self.add_position(item_id)
        elif kind == "speaker":
            self.rename_speaker(item_id)
        elif kind == "span":
            span = next((s for s in self.w.spans if s["id"] == item_id), None)
            if span and span["label"] == "speaker":
                self.ask_mention_speaker(item_id)
            elif span and span["label"] == "claim" and self.store.claim_for_span(item_id):
                self.ask_claim_speaker(self.store.claim_for_span(item_id))
            else:
                self.edit_note(item_id)

    def rename_speaker(self, speaker_id: str) -> None:
        row = self.store.speaker(speaker_id)
        if row is None:
            return
        name, ok = QInputDialog.getText(self.w, "Speaker", "Name (corpus-wide):", text=row["name"])
        if ok and name.strip():
            self.session.perform(ops.update_speaker(speaker_id, name=name.strip()))

    def edit_note(self, span_id: str | None = None) -> None:
        span_id = span_id or self.w.text.current_span_id
        span = next((s for s in self.w.spans if s["id"] == span_id), None)
        if span is None:
            self.w.show_message("Click a highlight first", 4000)
            return
        dialog = NoteDialog(span["text"], span["note"] or "", self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda note: (
                note != (span["note"] or "")
                and self.session.perform(ops.update_span(span_id, note=note or None))
            )
        )
        dialog.open()  # window-modal, without a nested event loop

    def move_span(self, span_id: str, start: int, end: int) -> None:
        """Move a highlight's boundaries (one undo step); it stays selected."""
        if self.session.perform(ops.move_span(span_id, start, end)) is not None:
            self.w.text.mark_span(span_id, scroll=False)

    def _current_claim(self) -> tuple[str, str] | None:
        """(claim id, span id) of the selected claim highlight, or None (with a note)."""
        span_id = self.w.text.current_span_id
        claim_id = self.store.claim_for_span(span_id) if span_id else None
        if claim_id is None:
            self.w.show_message("Click a claim's highlight first", 4000)
            return None
        return claim_id, span_id

    def join_to_previous_claim(self) -> None:
        """Add the selected claim to the nearest claim before it (one claim, two parts)."""
        current = self._current_claim()
        if current is None:
            return
        claim_id, span_id = current
        span = next(s for s in self.w.spans if s["id"] == span_id)
        starts = {s["id"]: s["start"] for s in self.w.spans}
        earlier = [
            (max(starts.get(sid, -1) for sid in c["spans"]), c["id"])
            for c in self.w.claims
            if c["id"] != claim_id
            and c["status"] != "rejected"
            and any(starts.get(sid, span["start"]) < span["start"] for sid in c["spans"])
        ]
        if not earlier:
            self.w.show_message("No claim before this one to add it to", 4000)
            return
        self.join_claims(max(earlier)[1], claim_id)

    def join_claims(self, claim_id: str, other_id: str) -> None:
        self.session.perform(ops.join_claims(claim_id, other_id))

    def split_current_claim(self) -> None:
        """Take the selected part of a claim of several into a claim of its own."""
        current = self._current_claim()
        if current is None:
            return
        claim_id, span_id = current
        claim = next((c for c in self.w.claims if c["id"] == claim_id), None)
        if claim is None or len(claim["spans"]) < 2:
            self.w.show_message("This claim has one part: nothing to split", 4000)
            return
        self.session.perform(ops.split_claim(claim_id, span_id))

    def relabel(self, span_id: str, label: str) -> None:
        self.session.perform(ops.update_span(span_id, label=label))

    def text_context_menu(self, pos, span_ids: list[str]) -> None:
        menu = QMenu(self.w)
        if self.w.text.textCursor().hasSelection():
            for label in self.w.labels:
                menu.addAction(
                    swatch(label.color),
                    f"Tag as {label.name}\t{label.key}",
                    lambda n=label.name: self.tag(n),
                )
            menu.addSeparator()
        for span_id in span_ids[:3]:
            span = next(s for s in self.w.spans if s["id"] == span_id)
            sub = menu.addMenu(
                swatch(color_for(span["label"], self.w.labels)),
                f"{span['label']}: {span['text'][:40]}",
            )
            self._span_menu(sub, span)
        if not menu.isEmpty():
            menu.exec(pos)

    def _span_menu(self, menu: QMenu, span: dict[str, Any]) -> None:
        sid = span["id"]
        menu.addAction("Select", lambda: self.w.span_clicked(sid))
        relabel = menu.addMenu("Change label")
        for label in self.w.labels:
            if label.name != span["label"]:
                relabel.addAction(
                    swatch(label.color), label.name, lambda n=label.name: self.relabel(sid, n)
                )
        if span["label"] == "speaker":
            menu.addAction("Which speaker…", lambda: self.ask_mention_speaker(sid))
        claim_id = self.store.claim_for_span(sid)
        if claim_id:
            menu.addAction("Who said it…", lambda: self.ask_claim_speaker(claim_id))
            self._join_menu(menu, sid, claim_id)
            menu.addAction(
                "Add position…",
                lambda: (self.w.panel.select_span(sid, claim_id), self.add_position()),
            )
        if span["status"] == "suggested":
            menu.addAction(
                "Accept suggestion",
                lambda: self.session.perform(ops.update_span(sid, status="accepted")),
            )
        menu.addAction("Note…", lambda: self.edit_note(sid))
        menu.addSeparator()
        menu.addAction("Delete", lambda: self.delete_items("span", [sid]))

    def _join_menu(self, menu: QMenu, span_id: str, claim_id: str) -> None:
        """ "Add to claim": the article's other claims, nearest first; "Split from claim"
        for a part of a claim of several."""
        starts = {s["id"]: s for s in self.w.spans}
        here = starts[span_id]["start"]
        others = sorted(
            (
                (min(abs(starts[x]["start"] - here) for x in c["spans"] if x in starts), c)
                for c in self.w.claims
                if c["id"] != claim_id and any(x in starts for x in c["spans"])
            ),
            key=lambda pair: pair[0],
        )[:5]
        if others:
            sub = menu.addMenu("Add to claim")
            for _distance, other in others:
                words = " … ".join(starts[x]["text"][:40] for x in other["spans"] if x in starts)
                sub.addAction(f"“{words}”", lambda o=other["id"]: self.join_claims(o, claim_id))
        claim = next((c for c in self.w.claims if c["id"] == claim_id), None)
        if claim is not None and len(claim["spans"]) > 1:
            menu.addAction(
                "Split from claim",
                lambda: self.session.perform(ops.split_claim(claim_id, span_id)),
            )

    def item_context_menu(self, kind: str, item_id: str, pos) -> None:
        menu = QMenu(self.w)
        if kind == "span":
            span = next((s for s in self.w.spans if s["id"] == item_id), None)
            if span:
                self._span_menu(menu, span)
        else:
            menu.addAction("Edit…", lambda: self.edit_item(kind, item_id))
            if kind == "claim":
                menu.addAction("Add position…", self.add_position)
            if kind != "speaker":
                menu.addAction("Delete", lambda: self.delete_items(kind, [item_id]))
        menu.exec(pos)


def _words(text: str, limit: int = 40) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"

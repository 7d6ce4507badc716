"""One small function per user action, returning an Operation that the Session runs.

An Operation is the store call. What it changed comes from the store: the Changes a
write returns, or ``store.last_changes`` for the writes that return the new row.
Widgets build one here and run it with ``session.perform(op, initiator=self)``: the
Session emits ``changed`` with that initiator, so the widget that started a change
can skip refreshing itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..core.store import Changes, Store
from ..core.suggest.runner import SuggestReport, suggest_corpus

T = TypeVar("T")


@dataclass(frozen=True)
class Operation(Generic[T]):
    """A user action: the store call."""

    call: Callable[[Store], T]


def tag(article_id: str, start: int, end: int, label: str, **guess: Any):
    """Highlight ``start``–``end`` with ``label`` (``guess``: the store's claim/speaker keys).

    The store marks a to-do article in progress with its first tag; its changes say so.
    """
    return Operation(lambda s: s.tag(article_id, start, end, label, **guess))


def add_position(article_id: str, values: dict[str, Any]) -> Operation:
    """A new position of a speaker in this article."""
    return Operation(lambda s: s.add_position(article_id, **values))


def update_position(position_id: str, values: dict[str, Any]) -> Operation:
    return Operation(lambda s: s.update_position(position_id, **values))


def attribute_claim(claim_id: str, **values: Any) -> Operation:
    """Who said a claim, how (kind) and with which cue and mention."""
    return Operation(lambda s: s.attribute_claim(claim_id, **values))


def link_mention(span_id: str, **values: Any) -> Operation:
    """Which speaker a mention names (created by name when new)."""
    return Operation(lambda s: s.link_mention(span_id, **values))


def delete(kind: str, ids: list[str]) -> Operation:
    """Delete spans, claims or positions (``kind`` singular: "span", "claim", "position")."""
    group = {"span": "spans", "claim": "claims", "position": "positions"}[kind]
    return Operation(lambda s: s.delete_many(**{group: ids}))


def join_claims(claim_id: str, other_id: str) -> Operation:
    """Make ``other_id`` a further part of ``claim_id``."""
    return Operation(lambda s: s.join_claims(claim_id, other_id))


def split_claim(claim_id: str, span_id: str) -> Operation:
    """Take one part of a claim into a claim of its own."""
    return Operation(lambda s: s.split_claim(claim_id, span_id))


def update_span(span_id: str, **fields: Any) -> Operation:
    """Change a highlight's label, note or status."""
    return Operation(lambda s: s.update_span(span_id, **fields))


def move_span(span_id: str, start: int, end: int) -> Operation:
    """Move a highlight's boundaries, keeping its claim, speaker and note."""
    return Operation(lambda s: s.move_span(span_id, start, end))


def update_speaker(speaker_id: str, **fields: Any) -> Operation:
    """Rename a speaker or change its aliases, corpus-wide."""
    return Operation(lambda s: s.update_speaker(speaker_id, **fields))


def update_article(article_id: str, **fields: str) -> Operation:
    """Change an article's title, source, place, date or URL."""
    return Operation(lambda s: s.update_article(article_id, **fields))


def set_status(article_id: str, status: str) -> Operation:
    return Operation(lambda s: s.set_article_status(article_id, status))


def decide(
    *,
    claims: Sequence[str] = (),
    spans: Sequence[str] = (),
    accept: bool,
    keep_links: bool = False,
) -> Operation:
    """Accept or reject suggested claims and spans (``keep_links``: a rejected claim's cue
    and mention stay as they are)."""
    return Operation(
        lambda s: s.decide(
            claims=list(claims), spans=list(spans), accept=accept, keep_links=keep_links
        )
    )


def suggest_article(article_id: str) -> Operation[SuggestReport]:
    """Suggest quotes, cues and speakers in one article."""
    return Operation(
        lambda s: suggest_corpus(s, article_ids=[article_id]),
    )


def undo() -> Operation:
    """Undo the user's last action (an undo with nothing to undo says so)."""
    return Operation(lambda s: s.undo() or Changes.nothing("Nothing to undo"))


def redo() -> Operation:
    return Operation(lambda s: s.redo() or Changes.nothing("Nothing to redo"))


def merge_speakers(keep_id: str, other_id: str) -> Operation:
    return Operation(lambda s: s.merge_speakers(keep_id, other_id))


def merge_speaker_groups(groups: list[Any]) -> Operation:
    return Operation(lambda s: s.merge_speaker_groups(groups))


def reject_speaker_groups(groups: list[Any]) -> Operation:
    return Operation(lambda s: s.reject_speaker_groups(groups))


def set_speaker_kinds(ids: list[str], kind: str) -> Operation:
    return Operation(lambda s: s.set_speaker_kinds(ids, kind))


def adjudicate(article_id: str, span_ids: Sequence[str], replacing: Sequence[str]) -> Operation:
    """Take these coders' spans (with their claims) into the curated layer."""
    return Operation(lambda s: s.curation.take(article_id, span_ids, replacing=replacing))

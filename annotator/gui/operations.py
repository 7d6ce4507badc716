"""One small function per user action, returning an Operation that the Session runs.

An Operation is the store call plus, for the few store calls that do not yet report
what they wrote, the change record to announce. Widgets build one here and run it
with ``session.perform(op, initiator=self)``: the Session emits ``changed`` with that
initiator, so the widget that started a change can skip refreshing itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..core.store import Changes, Store
from ..core.suggest.runner import SuggestReport, suggest_corpus

T = TypeVar("T")

ALL_TABLES = frozenset({"articles", "spans", "claims", "positions", "speakers"})


def _reported(action: str, articles: Iterable[str], tables: Iterable[str]) -> Changes:
    # The one place the GUI states a change record: the core's tag, add_position,
    # suggest_corpus and an undo with nothing to undo return none of their own.
    return Changes(action, frozenset(articles), frozenset(tables))


EVERYTHING = _reported("", (), ALL_TABLES)
"""Announced after a store call that reports nothing: every view re-reads."""


@dataclass(frozen=True)
class Operation(Generic[T]):
    """A user action: the store call and, when it reports none itself, what it changes."""

    call: Callable[[Store], T]
    changes: Changes | None = None


def tag(article_id: str, start: int, end: int, label: str, *, first_tag: bool, **guess: Any):
    """Highlight ``start``–``end`` with ``label`` (``guess``: the store's claim/speaker keys).

    ``first_tag``: the article is still to do, so this tag also marks it in progress.
    """
    tables = {"spans", "claims"} | ({"articles"} if first_tag else set())
    return Operation(
        lambda s: s.tag(article_id, start, end, label, **guess),
        _reported(f"Tagged {label}", [article_id], tables),
    )


def add_position(article_id: str, values: dict[str, Any]) -> Operation:
    """A new position of a speaker in this article."""
    return Operation(
        lambda s: s.add_position(article_id, **values),
        _reported("Added position", [article_id], {"positions"}),
    )


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


def update_span(span_id: str, **fields: Any) -> Operation:
    """Change a highlight's label, note or status."""
    return Operation(lambda s: s.update_span(span_id, **fields))


def update_speaker(speaker_id: str, **fields: Any) -> Operation:
    """Rename a speaker or change its aliases, corpus-wide."""
    return Operation(lambda s: s.update_speaker(speaker_id, **fields))


def set_status(article_id: str, status: str) -> Operation:
    return Operation(lambda s: s.set_article_status(article_id, status))


def decide(*, claims: Sequence[str] = (), spans: Sequence[str] = (), accept: bool) -> Operation:
    """Accept or reject suggested claims and spans."""
    return Operation(lambda s: s.decide(claims=list(claims), spans=list(spans), accept=accept))


def suggest_article(article_id: str) -> Operation[SuggestReport]:
    """Suggest quotes, cues and speakers in one article."""
    return Operation(
        lambda s: suggest_corpus(s, article_ids=[article_id]),
        _reported("Suggested", [article_id], {"spans", "claims", "speakers"}),
    )


def undo() -> Operation:
    """Undo the user's last action (an undo with nothing to undo says so)."""
    return Operation(lambda s: s.undo() or _reported("Nothing to do", (), ()))


def redo() -> Operation:
    return Operation(lambda s: s.redo() or _reported("Nothing to do", (), ()))


def merge_speakers(keep_id: str, other_id: str) -> Operation:
    return Operation(lambda s: s.merge_speakers(keep_id, other_id))


def merge_speaker_groups(groups: list[Any]) -> Operation:
    return Operation(lambda s: s.merge_speaker_groups(groups))


def reject_speaker_groups(groups: list[Any]) -> Operation:
    return Operation(lambda s: s.reject_speaker_groups(groups))


def set_speaker_kinds(ids: list[str], kind: str) -> Operation:
    return Operation(lambda s: s.set_speaker_kinds(ids, kind))

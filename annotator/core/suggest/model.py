"""Value types returned by the suggestion engine (plain frozen dataclasses, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpanRef:
    """A range of the article text: code-point offsets, ``end`` exclusive.

    Invariant: ``article_text[start:end] == text``.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class KnownSpeaker:
    """A corpus-wide speaker already in the database."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SuggestedSpeaker:
    """The speaker a claim is attributed to, resolved to a full name where possible."""

    name: str
    kind: str  # "person" | "organisation"
    role: str | None = None
    affiliation: str | None = None
    known_id: str | None = None


@dataclass(frozen=True)
class SuggestedClaim:
    """A claim found by the rules: one or more content spans, maybe a cue and a speaker."""

    content: tuple[SpanRef, ...]
    cue: SpanRef | None
    mention: SpanRef | None
    speaker: SuggestedSpeaker | None
    kind: str  # "direct" | "indirect" | "mixed" (paraphrase with a quoted fragment)

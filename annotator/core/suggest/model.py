"""Value types returned by the suggestion engine (plain frozen dataclasses, no Qt).

``SpanRef``, ``SuggestedSpeaker`` and ``SuggestedClaim`` write their fields straight into
the instance's dict in their own ``__init__``: the engine makes tens of thousands a
corpus, and the generated ``__init__`` of a frozen dataclass calls
``object.__setattr__`` once for each field (about twice the time). They stay frozen:
setting an attribute afterwards raises ``FrozenInstanceError``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, init=False)
class SpanRef:
    """A range of the article text: code-point offsets, ``end`` exclusive.

    Invariant: ``article_text[start:end] == text``.
    """

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["text"] = text


@dataclass(frozen=True)
class KnownSpeaker:
    """A corpus-wide speaker already in the database."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, init=False)
class SuggestedSpeaker:
    """The speaker a claim is attributed to, resolved to a full name where possible."""

    name: str
    kind: str  # "person" | "organisation"
    role: str | None = None
    affiliation: str | None = None
    known_id: str | None = None

    def __init__(
        self,
        name: str,
        kind: str,
        role: str | None = None,
        affiliation: str | None = None,
        known_id: str | None = None,
    ) -> None:
        d = self.__dict__
        d["name"] = name
        d["kind"] = kind
        d["role"] = role
        d["affiliation"] = affiliation
        d["known_id"] = known_id


@dataclass(frozen=True, init=False)
class SuggestedClaim:
    """A claim found by the rules: one or more content spans, maybe a cue and a speaker."""

    content: tuple[SpanRef, ...]
    cue: SpanRef | None
    mention: SpanRef | None
    speaker: SuggestedSpeaker | None
    kind: str  # "direct" | "indirect" | "mixed" (paraphrase with a quoted fragment)

    def __init__(
        self,
        content: tuple[SpanRef, ...],
        cue: SpanRef | None,
        mention: SpanRef | None,
        speaker: SuggestedSpeaker | None,
        kind: str,
    ) -> None:
        d = self.__dict__
        d["content"] = content
        d["cue"] = cue
        d["mention"] = mention
        d["speaker"] = speaker
        d["kind"] = kind

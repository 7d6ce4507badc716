"""Claim candidates passed between the rule modules, before speakers are resolved."""

from __future__ import annotations

from dataclasses import dataclass

from .cues import Cue
from .noun_phrases import Mention
from .tokens import Tok, tok_at


@dataclass(slots=True)
class Attribution:
    """A quote's attribution: the cue and the speaker mention next to it; ``tight`` when
    nothing but a colon, "that" or a short adverbial separates the cue from the quote."""

    cue: Cue | None
    mention: Mention | None
    tight: bool = False


@dataclass(slots=True)
class Candidate:
    """A claim found by one rule module: content spans, cue and mention, before the
    speaker is resolved."""

    spans: list[tuple[int, int]]
    cue: Cue | None
    mention: Mention | None
    kind: str
    para: int
    inherit: str  # "" | "quote" (cue-less quote) | "cue" (cue without a mention)
    loose: bool = False  # a quote inside reported speech ("X said the plan was "a mistake"")


def cue_tok_range(toks: list[Tok], cue: Cue) -> tuple[int, int] | None:
    """The first and last token index of ``cue`` in ``toks``; None when it is not there."""
    k = tok_at(toks, cue.start)
    if k is None:
        return None
    e = k
    while e + 1 < len(toks) and toks[e + 1].end <= cue.end:
        e += 1
    return k, e


def n_words(text: str, spans: list[tuple[int, int]]) -> int:
    """Whitespace-separated words in the spans."""
    return sum(len(text[s:e].split()) for s, e in spans)

"""Reporting cues: the cue verbs and "according to" in a paragraph (``find_cues``,
``Index``), without the noun uses of the same forms ("the claims").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ...resources import word_list
from ._trie import trie_pattern
from .cue_forms import CUE_FIRST, CUE_FORMS, PHRASAL_FIRST
from .lexicon import AMBIGUOUS_CUES, PHRASAL_PARTICLES
from .tokens import Tok, remember, token_memo, tokenize, word_spots

# no IGNORECASE (slow): the trie holds lower-case and capitalised forms
_CUE_RE = re.compile(
    r"(?<!\w)(?:(?P<acc>[Aa]ccording\s+to)|(?P<w>"
    + trie_pattern(set(CUE_FORMS) | {f.capitalize() for f in CUE_FORMS})
    + r"))\b(?=(?P<part>\s+\w+))?"
)


def _article_spots(text: str) -> list[int]:
    """``word_spots(text, CUE_FIRST)``, found once an article (cues are found a paragraph
    at a time)."""
    memo = token_memo
    if getattr(memo, "text", None) is not text:
        remember(text)
    if memo.cue_spots is None:
        memo.cue_spots = word_spots(text, CUE_FIRST)
    return memo.cue_spots


# Words after which a cue form that is also a noun is no verb ("the claims")
NOT_BEFORE_VERB = word_list("suggest/not_before_verb.txt")


# Cue and Mention values never change once made; they are not frozen dataclasses, as a
# frozen one's __init__ costs about 2.5 times as much (tens of thousands a corpus;
# speed): ``unsafe_hash`` keeps them hashable like frozen ones
@dataclass(unsafe_hash=True, slots=True)
class Cue:
    start: int
    end: int
    word: str  # lower-case main verb form, or "according to"
    participle: bool

    @property
    def according(self) -> bool:
        return self.word == "according to"


class Index:
    """Cues of an article (one pass per paragraph) and tokens of any range."""

    def __init__(self, text: str, bounds: list[tuple[int, int]]) -> None:
        self.text = text
        self.cues = _find(text, bounds)
        self.cue_starts = [c.start for c in self.cues]
        # (in order too: cues do not overlap, and the paragraphs come in reading order)
        self.cue_ends = [c.end for c in self.cues]

    def cues_between(self, start: int, end: int) -> list[Cue]:
        """The cues from the first that starts at or after ``start`` up to the first that
        ends after ``end``."""
        i = bisect_left(self.cue_starts, start)
        return self.cues[i : bisect_right(self.cue_ends, end, i)]

    def toks_between(self, start: int, end: int) -> list[Tok]:
        return tokenize(self.text, start, end)


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Reporting cues in ``text[start:end]``, skipping noun uses ("the claims")."""
    return _find(text, [(start, end)])


def _find(text: str, bounds: list[tuple[int, int]]) -> list[Cue]:
    """``find_cues`` of each range of ``bounds`` in turn, in one list."""
    out: list[Cue] = []
    spots = _article_spots(text)
    n = len(text)
    for start, end in bounds:
        # a cue can begin only right after one of the spots (the one before ``start``
        # too: ``_CUE_RE`` looks behind it): most paragraphs hold none (speed)
        i = bisect_left(spots, start - 1)
        j = bisect_left(spots, end, i)
        here = spots[i:j]
        if end < n and ((c := text[end]).isalnum() or c == "_") and _word_char(text[end - 1]):
            # a word that ``end`` cuts ends there (a cue when cut short: "say|s"): the
            # spot right before it
            k = end - 1
            while k > start and _word_char(text[k - 1]):
                k -= 1
            if k > start and (not here or here[-1] < k - 1):
                here.append(k - 1)
        last = start
        # the matches of ``_CUE_RE`` in ``text[start:end]``, as ``finditer`` gives them
        for q in here:
            cs = q + 1
            if cs < last or (m := _CUE_RE.match(text, cs, end)) is None:
                continue
            last = ce = m.end()
            if m.group("acc"):
                out.append(Cue(cs, ce, "according to", False))
                continue
            w = text[cs:ce]
            low = w.lower()
            if low in PHRASAL_FIRST:
                part = m.group("part")
                if not part or part.strip().lower() not in PHRASAL_PARTICLES[PHRASAL_FIRST[low]]:
                    continue
                ce = m.end("part")
            if w[0].isupper() and cs > start and low in AMBIGUOUS_CUES:
                continue  # "United States", "Claims Court"
            if low in AMBIGUOUS_CUES or low in PHRASAL_FIRST:
                prev = _prev_word(text, start, cs)
                if prev is not None and prev.lower() in NOT_BEFORE_VERB:
                    continue
            if low in _NOUNISH and not _verbal_context(text, start, end, cs, ce):
                continue
            if w[0].isupper() and low in ("states", "state"):
                continue
            out.append(Cue(cs, ce, low, low.endswith("ing")))
    return out


_NOUNISH = word_list("suggest/nounish.txt")
_NEXT_RE = re.compile(r"\s*(?:that\b|:|[\"'“‘«„])")


def _verbal_context(text: str, start: int, end: int, cs: int, ce: int) -> bool:
    """A noun-like cue form ("states", "claims", "warning") only counts before "that",
    a colon or a quote, or right after a quote ("..., states the report")."""
    if _NEXT_RE.match(text, ce, end):
        return True
    i = cs - 1
    while i >= start and text[i].isspace():
        i -= 1
    if i >= start and text[i] in "\"'”’»,":
        return True
    # '"...," Viguerie notes.': a name between the quote and the cue
    return _NAME_AFTER_QUOTE_RE.search(text, max(start, cs - 60), cs) is not None


_NAME_AFTER_QUOTE_RE = re.compile(r"[\"”’,]\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+$")


def _prev_word(text: str, start: int, pos: int) -> str | None:
    r"""The word before ``pos`` with at most three non-word characters after it, not
    before ``start`` nor more than 40 characters back: what ``(\w+)\W{0,3}$`` finds there,
    read backwards (a regex search tries every position; speed)."""
    lo = max(start, pos - 40)
    e = pos
    while e > lo and pos - e < 5 and not _word_char(text[e - 1]):
        e -= 1
    if e == lo or not _word_char(text[e - 1]):
        return None
    gap = pos - e
    if gap > 3 and not (gap == 4 and text[pos - 1] == "\n"):  # ("$" before a last "\n")
        return None
    s = e - 1
    while s > lo and _word_char(text[s - 1]):
        s -= 1
    return text[s:e]


def _word_char(c: str) -> bool:
    r"""What ``\w`` matches."""
    return c.isalnum() or c == "_"

"""Verbs and the words between a subject and its verb: finite and irregular past
forms, modals and negated auxiliaries (``between_subject_and_verb``, ``skip_aux_back``),
and whether a token reads as a verb (``verb_like``).
"""

from __future__ import annotations

from ...resources import word_list
from .lexicon import AUXILIARIES, CUE_WORDS, NON_NAME_WORDS
from .tokens import Tok

FINITE_VERBS = word_list("suggest/finite_verbs.txt")
# Irregular past forms (``resources/suggest/irregular_past.txt``)
IRREGULAR_PAST = word_list("suggest/irregular_past.txt")

# "isn't", "aren't" are left out: "the passengers aren't admitted" is a passive, not speech
_NEGATED = frozenset(
    {"would", "wo", "could", "ca", "should", "must", "did", "does", "do", "has", "have", "had"}
    | {"might"}
)


_TIMES = frozenset({"week", "month", "year", "night", "morning", "afternoon", "evening"})


def skip_aux_back(toks: list[Tok], j: int, floor: int) -> int:
    """``j`` moved back past the auxiliaries, modals and times ("on Tuesday", "last week")
    between a subject and its verb that end at ``toks[j]``, down to ``floor - 1`` at most."""
    while j >= floor and toks[j].is_word and between_subject_and_verb(toks[j]):
        j -= 1
    # "on Tuesday", "last week", "on Wednesday morning" between subject and verb
    n = 0
    if j - 1 >= floor and (
        (toks[j].low in NON_NAME_WORDS and toks[j].is_cap) or toks[j].low in _TIMES
    ):
        # ("Monday" is such a word, "source" in "this source told" too, but lower case)
        if toks[j - 1].low in ("on", "last", "this", "late", "early", "that", "next"):
            n = 2
        elif (
            toks[j].low in _TIMES
            and j - 2 >= floor
            and toks[j - 1].low in NON_NAME_WORDS
            and toks[j - 2].low == "on"
        ):
            n = 3
    if n:
        j -= n
        while j >= floor and toks[j].is_word and between_subject_and_verb(toks[j]):
            j -= 1
    return j


# Modal and negated verbs and a few adverbs between a subject and its verb ("the
# campaign would not say", "the office now says"); AUXILIARIES has the rest.
MODALS = frozenset(
    {"would", "will", "could", "can", "may", "might", "should", "must", "shall", "did"}
    | {"does", "do", "now", "first", "cannot", "unanimously", "instead", "since", "seldom"}
    | {"rarely", "ever", "soon", "yet", "quickly"}
)


def between_subject_and_verb(t: Tok) -> bool:
    """A lower-case auxiliary, modal, negated verb or adverb between a subject and its verb."""
    if t.is_cap:
        return False
    low = t.low
    if low in AUXILIARIES or low in MODALS:
        return True
    # "wouldn't", "didn’t", "won't"
    return low.endswith(("n't", "n’t")) and low[:-3] in _NEGATED


# Adverbs between "and" and a second verb of the same subject ("and later said").
BETWEEN_AND = frozenset({"later", "then", "also", "again", "finally", "eventually", "quickly"})


def verb_like(t: Tok) -> bool:
    """A finite verb, an auxiliary or an adverb before one ("has", "said", "also")."""
    if not t.is_word or t.is_cap:
        return False
    low = t.low
    return (
        low in AUXILIARIES
        or low in MODALS
        or low in FINITE_VERBS
        or low in CUE_WORDS
        or low in IRREGULAR_PAST
        or low.endswith(("ed", "ly"))
        or low in BETWEEN_AND
    )

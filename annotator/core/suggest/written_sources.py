"""The source as the cue's own phrase writes it, for the speaker resolver: a
possessive, a relative pronoun or a lone quantifier (``written_source``), the phrase a
relative pronoun stands for (``antecedent``), and the subject of a noun cue
(``noun_cue_subject``).
"""

from __future__ import annotations

import re

from ._trie import trie_pattern
from .lexicon import AUXILIARIES, CUE_WORDS, DETERMINERS, NON_NAME_WORDS, ROLE_HEADS
from .noun_phrases import HEADS, PREPOSITIONS, Mention, is_name_tok
from .speaker_mentions import mention_before, mention_ending, subject_before
from .tokens import Tok, tokenize
from .verbs import IRREGULAR_PAST, MODALS, between_subject_and_verb

# Words that end the subject slot before a cue when the source is a word the cue's own
# phrase holds: a possessive ("his attacks on"), a relative pronoun ("a poll that
# shows") or a quantifier standing alone ("Some chanted")
_POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "organisation"}
_POSSESSIVE_PRONOUNS["their"] = "person"
_RELATIVE_SUBJECTS = frozenset({"that", "which"})
_ALONE_QUANTIFIERS = frozenset({"some", "another", "both", "many", "others", "most", "several"})
# before a quantifier that is a subject: the clause opens there
_CLAUSE_EDGE = frozenset({",", ".", ";", ":", "—", "–", "”", '"', "and", "but", "while"})
# a cheap test before any tokenizing (speed): one of the last words before the cue is
# such a word or a possessive
_SOURCE_HINT_RE = re.compile(
    r"(?<![\w’'])(?:"
    + trie_pattern({*_POSSESSIVE_PRONOUNS, *_RELATIVE_SUBJECTS, *_ALONE_QUANTIFIERS})
    + r") |['’]s |s['’] "
)


def written_source(text: str, cue_start: int, cue_word: str) -> Mention | None:
    """The source as the cue's own phrase writes it, when it is a single word right
    before the cue: the possessive of a noun cue ("his attacks on", "their criticism
    of"), a relative pronoun ("a harbour survey that shows", "remarks which suggest") or a
    quantifier standing alone as the subject ("Some chanted", "Both said"); else None.

    The speaker is resolved from the phrase it stands for; this is the span an
    annotator marks as the source.
    """
    if _SOURCE_HINT_RE.search(text[max(0, cue_start - 32) : cue_start].lower()) is None:
        return None
    lo = _word_start(text, max(0, cue_start - 60), cue_start)
    toks = tokenize(text, lo, cue_start)
    j = len(toks) - 1
    mods = 0
    while j > 0 and mods < 2 and _modifier_before_noun(toks[j]):
        j -= 1  # "his controversial remarks", "their long-running criticism"
        mods += 1
    t = toks[j] if j >= 0 else None
    if (
        t is not None
        and t.low in _POSSESSIVE_PRONOUNS
        and _noun_cue(cue_word)
        and _opens_phrase(text, toks, j)
    ):
        return Mention(
            t.start, t.end, t.text, "pronoun", _POSSESSIVE_PRONOUNS[t.low], phrase_start=t.start
        )
    if t is not None and j < len(toks) - 1 and _noun_cue(cue_word):
        owner = _possessor(text, toks, j)
        if owner is not None:
            return owner
    j = len(toks) - 1
    while j > 0 and toks[j].is_word and between_subject_and_verb(toks[j]):
        j -= 1  # "that has long argued", "which would show"
    if j < 0:
        return None
    t = toks[j]
    if j == 0 or "\n" in text[toks[j - 1].end : t.start]:
        # the paragraph opens with it
        opens = j > 0 or lo == 0 or "\n" in text[lo : t.start]
        return _quantifier(t) if opens and t.low in _ALONE_QUANTIFIERS else None
    prev = toks[j - 1]
    if t.low in _RELATIVE_SUBJECTS and prev.is_word and not prev.is_cap:
        if prev.low in CUE_WORDS or prev.low in AUXILIARIES or prev.low in PREPOSITIONS:
            return None  # "said that", "is that", "of that": no relative pronoun
        return Mention(t.start, t.end, t.text, "pronoun", "organisation", phrase_start=t.start)
    if t.low in _ALONE_QUANTIFIERS and prev.low in _CLAUSE_EDGE:
        return _quantifier(t)
    return None


def _quantifier(t: Tok) -> Mention:
    return Mention(t.start, t.end, t.text, "np", "person", None, None, t.low, False, t.start)


def _possessor(text: str, toks: list[Tok], j: int) -> Mention | None:
    """The name whose possessive ends at ``toks[j]`` ("Lee's", "Ana Ruiz’s", "Reyes’"),
    or None."""
    t = toks[j]
    if t.low.endswith(("'s", "’s")) and t.is_cap:
        bare = t.text[:-2]
        i = j
    elif t.text in ("'", "’") and j > 0 and toks[j - 1].end == t.start:
        bare = toks[j - 1].text
        i = j - 1
        if not bare.endswith("s") or not toks[j - 1].is_cap:
            return None
    else:
        return None
    if bare.lower() in NON_NAME_WORDS or bare.lower() in ROLE_HEADS or bare.isupper():
        return None
    while i > 0 and is_name_tok(toks[i - 1]):
        i -= 1  # "Ana Ruiz’s"
    if i > 0 and toks[i - 1].is_word and toks[i - 1].low in DETERMINERS:
        return None  # "the Harbour Board's": a phrase, not a name
    a, b = toks[i].start, t.end
    return Mention(a, b, text[a:b], "name", "person", phrase_start=a)


def _noun_cue(word: str) -> bool:
    """The cue may be a noun ("attacks", "critique"), not a past form or a participle
    ("on his podcast said")."""
    return not (word.endswith(("ed", "ing")) or word in IRREGULAR_PAST)


def _opens_phrase(text: str, toks: list[Tok], j: int) -> bool:
    """The possessive ``toks[j]`` opens a phrase of its own: after a preposition ("in
    his attacks on", "with her promise to") or at the start of a sentence. (After a
    verb, "she sharpened her attacks", the verb's subject is the source.)"""
    if j == 0:
        return False
    prev = toks[j - 1]
    if prev.low in PREPOSITIONS or prev.low in ("between", "as", "sure", "despite", "amid"):
        return not (j > 1 and toks[j - 2].low in PREPOSITIONS)  # ("out of her")
    return prev.text in (".", "“", '"') or "\n" in text[prev.end : toks[j].start]


def _modifier_before_noun(t: Tok) -> bool:
    """A lower-case adjective or noun between a possessive and the noun cue
    ("controversial", "long-running")."""
    low = t.low
    return (
        t.is_word
        and not t.is_cap
        and low not in PREPOSITIONS
        and low not in DETERMINERS
        and low not in AUXILIARIES
        and low not in MODALS
        and low not in _POSSESSIVE_PRONOUNS
        and low not in _RELATIVE_SUBJECTS
        and low not in ("to", "and", "or", "but", "not", "who")
    )


def antecedent(text: str, m: Mention) -> Mention | None:
    """The phrase a relative pronoun ``m`` stands for, written right before it ("a harbour
    survey" in "a harbour survey that shows"), or None."""
    toks = tokenize(text, _word_start(text, max(0, m.start - 80), m.start), m.start)
    if not toks:
        return None
    ante = mention_ending(text, toks, len(toks) - 1, 0)
    return None if ante is None or ante.form == "pronoun" else ante


def _word_start(text: str, lo: int, hi: int) -> int:
    """``lo`` moved past the word it cuts, so that ``tokenize`` slices the article's
    tokens instead of tokenizing the range again (speed)."""
    if lo == 0:
        return 0
    sp = text.find(" ", lo, hi)
    return sp + 1 if sp >= 0 else lo


_ARTICLES = frozenset({"a", "an", "the"})
# an article or a past form among the two words before a cue
_NOUN_CUE_HINT_RE = re.compile(
    r"(?<!\w)(?:[Aa]n?|[Tt]he|\w+ed|" + trie_pattern(IRREGULAR_PAST) + r")\s+(?:\S+\s+)?$"
)
# "despite the belief that", "amid fears that": someone else's
_NOT_THEIRS = frozenset({"despite", "amid", "against", "over", "about", "of"})
# where a sentence starts, looking back from a cue
_SENTENCE_START_RE = re.compile(r"(?:[.?!][\"”’']?\s+|\n\s*)(?=[\"“‘']?[A-Z])")


def noun_cue_subject(text: str, cue_start: int, cue_word: str) -> tuple[int, Mention | None] | None:
    """For a cue that is a noun after an article ("made a firm public promise to",
    "in the hope that"): where its phrase starts, and the sentence's subject, who
    speaks; None when the cue has no article or past verb before it."""
    if not _noun_cue(cue_word):
        return None  # a verb ("the government denied")
    if _NOUN_CUE_HINT_RE.search(text, max(0, cue_start - 30), cue_start) is None:
        return None  # (a cheap test first: speed)
    lo = max(0, cue_start - 300)
    ss = lo
    for m in _SENTENCE_START_RE.finditer(text, lo, cue_start):
        ss = m.end()
    toks = tokenize(text, _word_start(text, ss, cue_start) if ss == lo else ss, cue_start)
    d = len(toks) - 1
    if d > 0 and _adjective(toks[d]):
        d -= 1  # "a public promise" (but "the report said": a noun and a verb)
    if d < 1:
        return None
    if _past_verb(toks[d]):
        # "The board issued warnings that": the verb's subject
        s = mention_before(text, toks, d, 0)
    elif toks[d].low in _ARTICLES and not cue_word.endswith("s"):
        if toks[d - 1].low in _NOT_THEIRS:
            return None
        s = subject_before(text, toks, d)
    else:
        return None  # ("the group says": a verb after a noun)
    if s is None or s.end > toks[d].start:
        return toks[d].start, None
    if s.form == "np" and s.head not in HEADS and not (s.head or "").endswith("s"):
        return toks[d].start, None  # "The vote went ahead despite ...": no speaker
    return toks[d].start, s


_ADJECTIVE_ENDS = ("ful", "ous", "ive", "ic", "ble", "less", "ical", "ional")


def _adjective(t: Tok) -> bool:
    """A lower-case word that reads as an adjective ("hopeful", "public", "national")."""
    return _modifier_before_noun(t) and t.low.endswith(_ADJECTIVE_ENDS)


def _past_verb(t: Tok) -> bool:
    """A lower-case past form ("issued", "made"), not an auxiliary."""
    low = t.low
    return (
        t.is_word
        and not t.is_cap
        and (low.endswith("ed") or low in IRREGULAR_PAST)
        and low not in AUXILIARIES
        and low not in CUE_WORDS
    )


def present_subject(text: str, cue_start: int, cue_end: int) -> Mention | None:
    """The name, noun phrase or pronoun right before a present-tense cue that no rule
    gave a subject ("Harbour News reports that ...", "the board now says ..."), within
    its sentence; None when the word before it is no such subject."""
    lo = max(0, cue_start - 300)
    ss = lo
    for m in _SENTENCE_START_RE.finditer(text, lo, cue_start):
        ss = m.end()
    toks = tokenize(text, _word_start(text, ss, cue_start) if ss == lo else ss, cue_end)
    if len(toks) < 2 or toks[-1].start != cue_start:
        return None
    m = mention_before(text, toks, len(toks) - 1, 0)
    if m is None or text[m.end : cue_start].strip(" ,") not in ("", "now", "also", "still"):
        return None
    if m.form == "np" and m.head not in HEADS and m.kind != "organisation":
        return None  # "despite complaints": a noun cue after a phrase that is no speaker
    return m

"""Attribution frames without a reporting verb of speech, for what the clause rules left.

A subject and a verb of stance, intent or belief, and what the verb takes:

- an object: "Lee, the former mayor, endorsed the harbour plan" (the subject may carry
  an apposition, adverbs or auxiliaries: "has aggressively supported", "did not mention");
- a particle and its object: "railed against the tax", "did not respond to a request";
- a to-clause: "The union has vowed to strike in March";
- a that-, wh- or whether-clause: "They know which nominee that helps";
- a document and a participle: "a new poll showing Lee ahead" (the poll is the source).

The content runs to the end of its phrase (an object) or clause (a clause), as PolNeAR
marks it; the verb (with its particle) is the cue and the subject the mention. Each
sentence is first checked against one compiled pattern of the verb forms, so sentences
without any cost no tokenizing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ...resources import word_list
from ._trie import trie_pattern
from .clause_base import (
    BOUNDARY,
    NOT_CLAUSE_START,
    NOT_OBJECT_START,
    SKIP_BACK,
    Found,
    overlaps_any,
)
from .clause_forms import clause_end, finite_soon, generic_subject, noun_phrase, subject_of
from .lexicon import DETERMINERS, word_table
from .mentions import Cue, Mention, Tok, mention_before, relative_before, tokenize
from .quotes import ALL_MARKS

_STANCE = word_list("suggest/frame_stance_verbs.txt")
_INTENT = word_list("suggest/frame_intent_verbs.txt")
_MIND = word_list("suggest/frame_mind_verbs.txt")
_PARTICLES: dict[str, tuple[str, ...]] = word_table("suggest/frame_particles.txt")

# Participles after a document noun: "polls showing ...", "records indicating ...".
_SHOWING = frozenset({"showing", "finding", "suggesting", "indicating", "revealing"})
_DOCUMENTS = frozenset(
    {"poll", "polls", "polling", "survey", "surveys", "study", "studies", "data", "results"}
    | {"numbers", "figures", "report", "reports", "records", "documents", "research"}
)

_TRIGGERS = _STANCE | _INTENT | _MIND | frozenset(_PARTICLES) | _SHOWING
_TRIGGER_RE = re.compile(r"(?<![\w'’-])" + trie_pattern(_TRIGGERS) + r"(?![\w'’-])")

_WH = frozenset({"which", "what", "who", "whom", "whether", "why", "how", "where", "when", "if"})

# Words that open the apposition between a subject and its verb ("Lee, the former mayor,").
_APPOSITION_STARTS = frozenset({"who", "whose", "a", "an", "the", "his", "her", "their", "its"})

# After a comma, these end an object: "criticized the plan, which ...".
_OBJECT_STOPS = frozenset(
    {"which", "who", "whom", "whose", "where", "when", "while", "as", "after", "before"}
    | {"because", "although", "though", "but", "even", "since", "until", "if", "so"}
)

_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_TIME_WORDS = _WEEKDAYS | frozenset(
    {"morning", "afternoon", "evening", "night", "week", "month", "year", "weekend", "today"}
    | {"yesterday", "tonight", "earlier", "later", "last", "this", "next", "on", "in", "again"}
)

_LEADS = frozenset({"but", "and", "so", "yet", "still", "now", "then", "also", "however"})

_MAX_APPOSITION = 30  # tokens between the commas of a subject's apposition


def find(
    text: str, sentences: list[tuple[int, int, int]], taken: list[tuple[int, int]]
) -> list[Found]:
    """Frames in the sentences ``(start, end, paragraph)`` outside ``taken`` (sorted
    ranges of claims already found; extended with what is found here)."""
    out: list[Found] = []
    for s, e, pi in sentences:
        if e - s < 16 or _TRIGGER_RE.search(text, s, e) is None:
            continue
        toks = tokenize(text, s, e)
        i = 1
        while i < len(toks) - 1:
            found = _frame(text, toks, i, pi, taken) if toks[i].low in _TRIGGERS else None
            if found is None:
                i += 1
                continue
            out.append(found)
            taken.extend(found.spans)
            taken.sort()
            end = found.spans[-1][1]
            while i < len(toks) and toks[i].start < end:
                i += 1
    return out


def _inside(taken: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(taken, (pos, 1 << 60)) - 1
    return i >= 0 and taken[i][0] <= pos < taken[i][1]


def _frame(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """The frame whose verb is ``toks[k]``, or None."""
    t = toks[k]
    if t.is_cap or _inside(taken, t.start):
        return None
    low = t.low
    nxt = toks[k + 1]
    if low in _SHOWING:
        return _document_participle(text, toks, k, pi, taken)
    if low.endswith("ing") and low not in _PARTICLES:
        return None  # "seeking", "hoping" after a comma: the participle rules' work
    cue_end = k
    if nxt.low in _PARTICLES.get(low, ()):
        cue_end, start, kind = k + 1, k + 2, "object"
    elif low in _INTENT and nxt.low == "to" and _bare_verb(toks, k + 2):
        start, kind = k + 1, "clause"
    elif low in _MIND and nxt.low == "that":
        start, kind = k + 2, "clause"
    elif low in _MIND and nxt.low in _WH and low not in _STANCE:
        start, kind = k + 1, "clause"
    elif low in _STANCE and nxt.is_word and nxt.low not in NOT_OBJECT_START:
        if nxt.low in ("to", "that", "for", "of", "with", "in", "on", "at", "by", "from"):
            return None
        start, kind = k + 1, "object"
    else:
        return None
    if start >= len(toks):
        return None
    m = _subject(text, toks, k)
    if m is None:
        return None
    spans = _content(toks, start, kind)
    if spans is None or overlaps_any(taken, *spans):
        return None
    cue = Cue(t.start, toks[cue_end].end, low, False)
    return Found([spans], cue, m, pi)


def _bare_verb(toks: list[Tok], j: int) -> bool:
    """ "to cut", "to end": a bare verb, not "to reporters", "to the press"."""
    if j >= len(toks):
        return False
    v = toks[j]
    return (
        v.is_word
        and not v.is_cap
        and v.low not in DETERMINERS
        and v.low not in ("him", "her", "them", "us", "me", "you", "it", "this", "that")
        and not v.low.endswith(("ed", "ing"))
    )


def _subject(text: str, toks: list[Tok], k: int) -> Mention | None:
    """Who holds the stance: the subject before the verb ``toks[k]``, past auxiliaries,
    adverbs ("has repeatedly"), a relative "who" or an apposition between commas."""
    j = k - 1
    while (
        j >= 0
        and not toks[j].is_cap
        and (toks[j].low in SKIP_BACK or (toks[j].low.endswith("ly") and len(toks[j].low) > 4))
    ):
        j -= 1
    if j < 0:
        return None
    if toks[j].low in NOT_CLAUSE_START and toks[j].low in ("the", "a", "an", "his", "her", "their"):
        return None  # "the support", "his call": a noun
    if toks[j].text == ",":
        return _apposed_subject(text, toks, j)
    if toks[j].low in BOUNDARY and toks[j].low not in ("who", "that", "which"):
        return None
    m = relative_before(toks, k) or subject_of(text, toks, j + 1)
    if m is None:
        m = generic_subject(text, toks, j + 1, 0)
    if m is None:
        m = _opening_phrase(text, toks, j)
    return m


def _apposed_subject(text: str, toks: list[Tok], j: int) -> Mention | None:
    """ "Lee, the former mayor, endorsed ...": the name before the apposition that ends
    at the comma ``toks[j]``."""
    c = j - 1
    while c > 0 and toks[c].text != "," and j - c < _MAX_APPOSITION:
        if toks[c].text in ".;:!?" or toks[c].text in ALL_MARKS:
            return None
        c -= 1
    if c <= 0 or toks[c].text != "," or c + 1 >= j:
        return None
    first = toks[c + 1]
    if not (first.low in _APPOSITION_STARTS or first.text[0].isdigit()):
        return None
    m = mention_before(text, toks, c, 0)
    if m is None or m.end != toks[c - 1].end:
        return None
    return m


def _opening_phrase(text: str, toks: list[Tok], j: int) -> Mention | None:
    """ "Most farmers in the valley oppose ...": the noun phrase from the sentence start
    (after "But", "And") to the verb, when it holds no verb or clause word."""
    s0 = 0
    while s0 < j and (toks[s0].low in _LEADS or toks[s0].text == ","):
        s0 += 1
    run = toks[s0 : j + 1]
    if not 1 < len(run) <= 8:
        return None
    if any(not x.is_word or x.low in BOUNDARY for x in run):
        return None
    return noun_phrase(text, run)


def _content(toks: list[Tok], start: int, kind: str) -> tuple[int, int] | None:
    """The content from ``toks[start]``: an object to the end of its phrase, a clause
    to the end of the clause; None when it is too short to be a claim."""
    body = toks[start:]
    body = body[: clause_end(body, objects=kind != "clause")]
    if kind == "shown":
        kind = "object"
        verb = next((x for x in range(1, len(body)) if body[x].low in _MAIN_VERBS), None)
        if verb is not None:
            body = body[:verb]
    if kind == "object":
        stop = next(
            (
                x
                for x in range(1, len(body))
                if body[x - 1].text == "," and body[x].low in _OBJECT_STOPS
            ),
            None,
        )
        if stop is not None:
            body = body[: stop - 1]
        body = _strip_time(body)
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not body or not body[0].is_word:
        return None
    words = sum(1 for x in body if x.is_word)
    if words < 2 and not (kind == "object" and body[0].is_cap):
        return None
    return body[0].start, body[-1].end


def _strip_time(body: list[Tok]) -> list[Tok]:
    """ "endorsed the plan on Saturday": the time of the act is not part of the object."""
    end = len(body)
    while end > 0 and not body[end - 1].is_word:
        end -= 1
    cut = end
    while cut > 1 and body[cut - 1].low in _TIME_WORDS:
        cut -= 1
    if cut < end and any(
        body[x].low in _WEEKDAYS or body[x].low in ("week", "month", "year")
        for x in range(cut, end)
    ):
        return body[:cut]
    return body


def _document_participle(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "a new poll showing Lee ahead", "with polls showing a tight race": the document
    before the participle is the source, what it shows the content."""
    head = toks[k - 1]
    if head.low not in _DOCUMENTS:
        return None
    a = k - 1
    while a > 0 and k - a < 6 and toks[a - 1].is_word and toks[a - 1].low not in BOUNDARY:
        if toks[a - 1].low in ("with", "of", "in", "after", "amid", "by", "as", "and", "but"):
            break
        a -= 1
    m = noun_phrase(text, toks[a:k])
    if m is None:
        return None
    t = toks[k]
    start = k + 2 if toks[k + 1].low == "that" else k + 1
    clause = start > k + 1 or toks[start].low in _SUBJECT_PRONOUNS
    spans = _content(toks, start, "clause" if clause else "shown")
    if spans is None or overlaps_any(taken, *spans):
        return None
    return Found([spans], Cue(t.start, t.end, t.low, True), m, pi)


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
# The sentence's own verb after a shown object: "a poll showing Lee ahead was released".
_MAIN_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would"})

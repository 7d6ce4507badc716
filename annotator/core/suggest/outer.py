"""An "according to" or "as reported by" around claims found inside it.

'"The pier is safe," Lee said, according to the Harbour Post.' holds two attributions,
as PolNeAR marks them: Lee's quote, and the whole report attributed to the paper. The
rules before this one take the inner claim and leave the "according to" unused; here it
becomes a claim of its own whose content is the clause it is attached to, inner claims
included. "As first reported by the Post, <clause>" and "<clause>, as reported by the
Post." are read the same way, and "<subject> was first reported by the Post" attributes
the subject. A phrase that no rule used and that has no such clause stays unused.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .clause_base import Found
from .clause_forms import noun_phrase
from .cues import Cue, Index
from .lexicon import DETERMINERS
from .noun_phrases import Mention
from .quotes import ALL_MARKS
from .speaker_mentions import mention_after
from .tokens import Tok, tok_at, tokenize

_MIN_WORDS = 3  # a shorter clause is a fragment, not a claim
_SOURCE_STOPS = frozenset({",", ";", ":", ".", "—", "–", "(", ")"})
# Words after the head of a long source phrase ("results of the poll", "data from the FBI").
_AFTER_HEAD = frozenset({"of", "by", "from", "that", "which", "who", "in", "on", "for", "with"})


def according_claims(
    text: str,
    sentences: list[tuple[int, int, int]],
    cues: Index,
    used: set[int],
    shadowed: set[int],
) -> list[Found]:
    """Claims for the "according to" cues of ``cues`` whose start is not in ``used``
    (the cue starts of the claims already found), in the sentences ``(start, end,
    paragraph)``. A cue of ``used`` inside the source phrase ("according to papers
    reported by the Post") is no cue of its own: its start goes into ``shadowed``."""
    out: list[Found] = []
    todo = [c for c in cues.cues if c.according and c.start not in used]
    if not todo:
        return out
    starts = [s for s, _, _ in sentences]
    for cue in todo:
        x = bisect_right(starts, cue.start) - 1
        if x < 0:
            continue
        s, e, pi = sentences[x]
        if cue.end > e:
            continue
        toks = tokenize(text, s, e)
        k = tok_at(toks, cue.start)
        if k is None or k + 2 >= len(toks):
            continue
        if [t.low.replace("’", "'") for t in toks[:k]] in _THAT_IS and x > 0:
            found = _previous(text, toks, k, cue, sentences[x - 1])
        else:
            found = _claim(text, toks, k, cue, pi)
        if found is None or found.mention is None:
            continue
        shadowed.update(u for u in used if cue.end <= u < found.mention.end)
        out.append(found)
    return out


# "That's according to X.": the sentence before is what X says.
_THAT_IS = (["that's"], ["that", "is"], ["this", "is"], ["that", "was"])


def _previous(
    text: str, toks: list[Tok], k: int, cue: Cue, before: tuple[int, int, int]
) -> Found | None:
    """ "<sentence>. That's according to X.": the sentence before, from X."""
    s, e, pi = before
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".;"):
        e -= 1
    if len(text[s:e].split()) < _MIN_WORDS:
        return None
    n = len(toks)
    stop = next((x for x in range(k + 2, n) if toks[x].text in _SOURCE_STOPS), n)
    m = _source(text, toks, k + 1, stop)
    return None if m is None else Found([(s, e)], cue, m, pi)


def _claim(text: str, toks: list[Tok], k: int, cue: Cue, pi: int) -> Found | None:
    """ "<clause>, according to X[, <clause>]." or "According to X, <clause>." """
    n = len(toks)
    stop = next((x for x in range(k + 2, n) if toks[x].text in _SOURCE_STOPS), n)
    # "according to a count of the ferry tickets sold by ...": the head of the phrase
    m = _source(text, toks, k + 1, stop)
    if m is None:
        return None
    return _around(toks, k, stop, cue, m, pi)


# "as (first) reported by", "was first reported by": a report named after its content;
# the verb and "by" are found with ``str.find`` (fast), the words before with this
_REPORTED_VERBS = ("reported", "noted", "revealed")
_LEAD_RE = re.compile(
    r"\b(?P<lead>[Aa]s|was|were|is|been) (?:first |previously |originally |also |earlier )?$"
)
_MAX_SUBJECT = 12  # tokens of the subject a passive report attributes


def reported_by_claims(
    text: str, sentences: list[tuple[int, int, int]], used: set[int]
) -> list[Found]:
    """Claims for "as reported by X" and "<subject> was reported by X" whose verb starts
    no claim's cue (``used``), in the sentences ``(start, end, paragraph)``."""
    out: list[Found] = []
    todo = [(v, lead) for v, lead in _reported_by(text) if v not in used]
    if not todo:
        return out
    starts = [s for s, _, _ in sentences]
    for v, lead in todo:
        x = bisect_right(starts, v) - 1
        if x < 0:
            continue
        s, e, pi = sentences[x]
        if text.find(" by", v) + 3 > e:
            continue
        toks = tokenize(text, s, e)
        k = tok_at(toks, v)
        if k is None or k + 2 >= len(toks):
            continue
        cue = Cue(toks[k].start, toks[k + 1].end, toks[k].low, False)
        n = len(toks)
        stop = next((y for y in range(k + 2, n) if toks[y].text in _SOURCE_STOPS), n)
        m = _source(text, toks, k + 1, stop)
        if m is None:
            continue
        a = next(y for y in range(k, -1, -1) if toks[y].low == lead)
        if lead == "as":
            found = _around(toks, a, stop, cue, m, pi)
        else:
            found = _passive_subject(text, toks, a, cue, m, pi)
        if found is not None:
            out.append(found)
    return out


def _reported_by(text: str) -> list[tuple[int, str]]:
    """Where "<verb> by" starts after "as" or a form of "be", and that word (lower case)."""
    out = []
    for verb in _REPORTED_VERBS:
        phrase = verb + " by "
        i = text.find(phrase)
        while i >= 0:
            m = _LEAD_RE.search(text, max(0, i - 30), i)
            if m is not None:
                out.append((i, m.group("lead").lower()))
            i = text.find(phrase, i + len(phrase))
    out.sort()
    return out


def _source(text: str, toks: list[Tok], k: int, stop: int) -> Mention | None:
    """The source phrase after ``toks[k]`` ("according to", "by"), up to ``stop``."""
    m = mention_after(text, toks, k, stop) or noun_phrase(text, toks[k + 1 : stop])
    if m is None:
        cut = next((x for x in range(k + 2, stop) if toks[x].low in _AFTER_HEAD), stop)
        m = noun_phrase(text, toks[k + 1 : cut])
    return m


def _around(toks: list[Tok], a: int, stop: int, cue: Cue, m: Mention, pi: int) -> Found | None:
    """ "<clause>, as reported by X." or "As reported by X, <clause>.": the clause before
    the attribution at ``toks[a]`` and the one after its source (ending at ``stop``)."""
    n = len(toks)
    spans = []
    lead = _clause_start(toks, a)
    if lead == a and a > 1 and toks[a - 1].text in ("—", "–"):
        lead = _clause_start(toks, a - 1)  # "... robbery — according to ...": as a comma
        if lead < a - 1:
            spans.append((toks[lead].start, toks[a - 2].end))
    elif a > 1 and toks[a - 1].text == "," and lead < a - 1:
        spans.append((toks[lead].start, toks[a - 2].end))
    elif a > 2 and toks[a - 1].text in ALL_MARKS and toks[a - 2].text == "," and lead < a - 2:
        spans.append((toks[lead].start, toks[a - 1].end))  # '... "a lawsuit," according to'
    elif a > lead:
        prev = toks[a - 1].low
        if prev in _NOT_ATTACHED or not toks[a - 1].is_word or prev.endswith(("'s", "’s")):
            return None  # "... went according to plan": not an attribution
        spans.append((toks[lead].start, toks[a - 1].end))  # "leads by 12 according to"
    if stop < n and toks[stop].text == ",":
        tail = toks[stop + 1 :]
        while tail and not tail[-1].is_word and tail[-1].text not in ALL_MARKS:
            tail = tail[:-1]
        if tail and not (spans and tail[0].low in _NEW_CLAUSE):
            spans.append((tail[0].start, tail[-1].end))
    words = sum(1 for t in toks if t.is_word and any(x <= t.start < y for x, y in spans))
    if words < _MIN_WORDS:
        return None
    return Found(spans, cue, m, pi)


# Before an "according to" without a comma, these make it no attribution ("went
# according to plan", "is according to the rules").
_NOT_ATTACHED = frozenset(
    {"is", "was", "are", "were", "be", "been", "being", "went", "go", "goes", "going"}
    | {"proceed", "proceeded", "proceeds", "proceeding", "not", "exactly", "strictly"}
)
# After the source, these start a clause of the writer's: "..., according to X, but Y".
_NEW_CLAUSE = frozenset({"but", "and", "while", "although", "though", "so", "yet"})
# Marks after which a clause starts afresh: "It has not gone unnoticed: according to ..."
_CLAUSE_MARKS = frozenset({":", ";", "—", "–"})


def _clause_start(toks: list[Tok], a: int) -> int:
    """Where the clause holding ``toks[a]`` starts: after the last colon, semicolon or
    dash before it, else at the sentence start."""
    return next((x + 1 for x in range(a - 1, -1, -1) if toks[x].text in _CLAUSE_MARKS), 0)


def _passive_subject(
    text: str, toks: list[Tok], a: int, cue: Cue, m: Mention, pi: int
) -> Found | None:
    """ "The move was first reported by the Post": the subject is what was reported."""
    if a < 1 or a > _MAX_SUBJECT:
        return None
    run = toks[:a]
    while run and (not run[0].is_word or run[0].low in ("but", "and", "so")):
        run = run[1:]
    if not run or any(not t.is_word and t.text not in ("’", "'", "-") for t in run):
        return None
    if run[0].low not in DETERMINERS and not run[0].is_cap:
        return None
    return Found([(run[0].start, run[-1].end)], cue, m, pi)

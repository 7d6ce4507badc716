"""Shared by the clause rules: verb lists, the ``Found`` result and span checks."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ...resources import word_list
from .cues import Cue
from .lexicon import AUXILIARIES
from .noun_phrases import Mention
from .tokens import Tok

CLAUSE_VERBS = word_list("suggest/clause_verbs.txt")

THAT_VERBS = word_list("suggest/that_verbs.txt")


POST_VERBS = word_list("suggest/post_verbs.txt") | CLAUSE_VERBS


OBJECT_VERBS = word_list("suggest/object_verbs.txt")

# "aren't admitted until ...": a verb after these is a passive, not a cue (unless "that"
# follows)
NEGATED_BE = frozenset(
    {"isn't", "aren't", "wasn't", "weren't", "isn’t", "aren’t", "wasn’t", "weren’t"}
)

PARTICIPLES = word_list("suggest/participles.txt")
SPEECH = word_list("suggest/speech.txt")
NOUN_CUES = word_list("suggest/noun_cues.txt")


# Words between a subject and its verb: "has long said", "also warned", "would later say".
SKIP_BACK = AUXILIARIES | frozenset(
    {
        "also",
        "previously",
        "later",
        "further",
        "repeatedly",
        "recently",
        "often",
        "publicly",
        "privately",
        "once",
        "already",
        "then",
        "still",
        "even",
        "never",
        "long",
        "reportedly",
        "would",
        "will",
        "could",
        "may",
        "might",
        "did",
        "does",
        "do",
        "not",
        "n't",
        "have",
        "has",
        "had",
        "flatly",
        "openly",
        "quickly",
        "immediately",
        "simply",
        "just",
        "correctly",
        "falsely",
        "wrongly",
        "initially",
        "first",
        "now",
        "both",
        "all",
        "continue",
        "continues",
        "to",
        "who",
        "generally",
        "widely",
        "mostly",
    }
)


# Words that end a subject looking back: the subject cannot reach past them.
BOUNDARY = word_list("suggest/boundary.txt")


# A clause does not start with these: "the claims are false" is a noun, not a cue.
NOT_CLAUSE_START = word_list("suggest/not_clause_start.txt")


# Before a noun use of a cue form: "the claims", "his thoughts", "in reports".
NOUN_BEFORE = word_list("suggest/noun_before.txt")


@dataclass
class Found:
    spans: list[tuple[int, int]]
    cue: Cue
    mention: Mention | None
    para: int


def against_cue(
    text: str, cue: Cue | None, spans: list[tuple[int, int]]
) -> tuple[Cue | None, list[tuple[int, int]]]:
    """The cue and content ``spans`` of a claim whose content opens with "against"
    right after its cue ("warned against the new tolls", "an attack against the
    harbour board"), with the word given to the cue: what the stance is against is the
    claim, the preposition goes with the verb or noun. Others are returned unchanged."""
    a, b = spans[0]
    if cue is None or not text.startswith("against", a) or b - a < 9 or not text[a + 7].isspace():
        return cue, spans
    if cue.end > a or text[cue.end : a].strip():
        return cue, spans  # the content before the cue, or words between them
    c = a + 8
    while c < b and text[c].isspace():
        c += 1
    return Cue(cue.start, a + 7, cue.word, cue.participle), [(c, b), *spans[1:]]


def against_to_cue(text: str, found: Found) -> None:
    """``against_cue`` on ``found``, in place."""
    found.cue, found.spans = against_cue(text, found.cue, found.spans)  # type: ignore[assignment]


# Verbs before "his support for ..." that declare the support: with them the verb is
# the cue and the claim is the whole phrase ("reiterated his support for the levy").
_DECLARING = frozenset(
    {"affirm", "affirms", "explain", "explains", "express", "expresses", "announce"}
    | {"announces", "reiterate", "reiterates", "declare", "declares", "voice", "voices"}
    | {"pledge", "pledges", "made", "make", "makes"}
)
# "signaled their support for X" is as often read with X alone as the claim
_NOT_DECLARING = frozenset(
    {"based", "including", "according", "regarding", "concerning"}
    | {"signaled", "signalled", "signaling", "signalling"}
)
_POSSESSORS = frozenset({"his", "her", "their", "its"})


def declared_support(text: str, found: Found) -> None:
    """``found`` (in place) with the verb before "<possessor> support for" as its cue
    and the claim from the possessor on ("the crews expressed their support for the
    strike", "announcing his support for Ana Roe", "stated openly their support
    for ..."): the verb declares the support, the phrase is what was declared. Not
    after a preposition ("because of his support for ...")."""
    cue = found.cue
    before = text[max(0, cue.start - 40) : cue.start].split()
    if len(before) < 2 or before[-1] not in _POSSESSORS:
        return
    v = -3 if before[-2].endswith("ly") and len(before) > 2 else -2
    verb = before[v]
    if not verb.isalpha() or not verb.islower() or verb in _NOT_DECLARING:
        return
    if not (verb.endswith(("ed", "ing")) or verb in _DECLARING):
        return
    owner = text.rfind(before[-1], 0, cue.start)
    start = text.rfind(verb, 0, owner)
    end = start + len(verb) if v == -2 else text.rfind(before[-2], 0, owner) + len(before[-2])
    found.cue = Cue(start, end, verb, verb.endswith("ing"))
    found.spans[0] = (owner, found.spans[0][1])


# After a claim's last word "even", these open the writer's own clause ("backed the
# plan even though ...", "praised her even as ..."): "even" is the clause's.
_AFTER_EVEN = frozenset({"though", "as", "if", "when", "after", "before", "while"})


def without_even(text: str, found: Found) -> None:
    """``found`` (in place) without a last word "even" that opens the clause after it
    ("praised the crews even as the fares rose": the claim ends at "crews")."""
    a, b = found.spans[-1]
    if b - a < 6 or not text.startswith("even", b - 4) or text[b - 5].isalnum():
        return
    nxt = text[b : b + 10].split(maxsplit=1)
    if not nxt or nxt[0].lower() not in _AFTER_EVEN:
        return
    e = b - 4
    while e > a and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    if e > a:
        found.spans[-1] = (a, e)


# A frame's object that opens with a span of time ("has made the case for weeks
# that ...", "campaigned for months, then ...") tells how long, not what for.
_DURATION_RE = re.compile(
    r"(?:weeks|months|years|days|decades|hours|the (?:first|second|third|last) time)\b"
    r"(?: (that|about) )?"
)


def without_duration(text: str, found: Found) -> bool:
    """``found`` (in place) without a span of time that opens it: the claim begins at a
    "that" after it ("argued for weeks that the pier is unsafe") or after an "about"
    ("talked with her for months about the levy"). False when no claim is left (a
    span of time and nothing the frame is about: "ran the campaign for months, then
    left")."""
    a, b = found.spans[0]
    m = _DURATION_RE.match(text, a)
    if m is None or m.end() > b:
        return True
    if m.group(1) is None:
        return False
    found.spans[0] = (m.start(1) if m.group(1) == "that" else m.end(), b)
    return True


IRREGULAR_PAST = frozenset(
    {"made", "gave", "took", "wrote", "spoke", "told", "saw", "knew", "thought", "felt", "put"}
    | {"sought", "brought", "held", "sent", "set", "kept", "won", "lost", "led", "left", "read"}
    | {"saw", "knew", "thought", "felt", "said", "told", "wrote", "meant", "chose", "spoke"}
    | {"spent", "paid", "went", "came", "became", "got", "ran", "met", "began", "found"}
)


# Before "want", these make it the writer's advice, not the subject's wish ("Lee may
# want to recount the ballots", "buyers might want to read the small print").
ADVISING = frozenset({"may", "might"})


def overlaps_any(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does ``a``..``b`` overlap a range of ``taken`` (sorted ranges)?"""
    i = bisect_left(taken, (a, -1))
    if i > 0 and taken[i - 1][1] > a:
        return True
    return i < len(taken) and taken[i][0] < b


# "X called on/for", "X asked about": still content; but "called off", "backed down" not.
NOT_OBJECT_START = word_list("suggest/not_object_start.txt")


# Words naming when something was said: "said Tuesday that", "announced early Friday".
DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"yesterday", "today", "tonight"}
)
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_PERIODS = frozenset({"week", "month", "year", "weekend", "night", "morning", "spring", "summer"})


_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december"}
)


def time_at_end(body: list[Tok]) -> int:
    """Where a time closing ``body`` starts: "on (Super) Tuesday (night)", "late Friday", "in
    November", "in late May", "in June 2015", "in 2013", "last year"; ``len(body)``
    when none does."""
    n = len(body)
    x = n - 1
    if x < 2:
        return n
    low = body[x].low
    if low in _DAY_PARTS and body[x - 1].low in DAYS:
        x -= 1
        low = body[x].low
    if low in DAYS:
        if body[x - 1].low == "super":
            x -= 1  # "on Super Tuesday"
        if body[x - 1].low in ("early", "late", "last", "on"):
            x -= 1
            if body[x].low != "on" and body[x - 1].low == "on":
                x -= 1
        return x
    if low in _PERIODS:
        return x - 1 if body[x - 1].low == "last" else n
    if len(low) == 4 and low.isdigit() and low[:2] in ("19", "20"):
        x -= 1
        if body[x].low in _MONTHS:
            x -= 1
        return x if body[x].low == "in" else n
    if low in _MONTHS and body[x].is_cap:
        x -= 1
        if body[x].low in ("early", "late", "mid"):
            x -= 1
        return x if body[x].low == "in" else n
    return n


def after_time(toks: list[Tok], j: int) -> int:
    """Where the words after a cue start once a time phrase is skipped: "said Tuesday
    (night) his plan ...", "said early Friday that ...", "said last week that ..."."""
    n = len(toks)
    k = j
    if k < n and toks[k].low in ("early", "late", "on") and k + 1 < n and toks[k + 1].low in DAYS:
        k += 1
    if k < n and toks[k].low in DAYS:
        k += 1
        if k < n and toks[k].low in _DAY_PARTS:
            k += 1
    elif k + 1 < n and toks[k].low in ("last", "this") and toks[k + 1].low in _PERIODS:
        k += 2
    return k if k < n else j


# Words opening a subordinate clause before the sentence's main clause: "While X said
# A, B ...", "If we thought A, then ...", "Among those who said A, most ...".
_SUBORDINATORS = frozenset(
    {"while", "if", "when", "although", "though", "because", "since", "whereas", "unless"}
    | {"once", "after", "before", "among", "whether"}
)


def subordinate_end(toks: list[Tok], k: int, body: list[Tok]) -> int:
    """Where the content ``body`` of the cue ``toks[k]`` ends when the cue sits in a
    subordinate clause before the sentence's main clause ("While X said A, B", "Three
    years after X vowed A, B", "(As for X's claim A, B"): at the comma before the main
    clause (an index into ``body``; its length otherwise). ``toks`` start at the
    sentence start."""
    if _subordinator_before(toks, k) < 0:
        return len(body)
    for x in range(1, len(body) - 2):
        if (
            body[x].text == ","
            and not _in_number(body, x)
            and sum(1 for t in body[x + 1 :] if t.is_word) >= 2
        ):
            return x
    return len(body)


def _in_number(toks: list[Tok], x: int) -> bool:
    """Is the comma at ``toks[x]`` inside a number ("2,400"), digits on both sides with
    no space?"""
    a, b = toks[x - 1], toks[x + 1]
    return (
        a.end == toks[x].start
        and b.start == toks[x].end
        and a.text[-1:].isdigit()
        and b.text[:1].isdigit()
    )


# Spans of time before "after", "before" or "since" ("three years after", "shortly before").
_TIME_BEFORE = frozenset({"years", "months", "weeks", "days", "hours", "shortly", "soon", "just"})


def _subordinator_before(toks: list[Tok], k: int) -> int:
    """The index of the subordinator that opens the clause of the cue ``toks[k]``
    (at the sentence start, after an opening bracket or after a span of time); -1
    when the cue is in the main clause ("If so, he said ...": a comma between)."""
    for x in range(k - 1, -1, -1):
        t = toks[x]
        if t.text in (",", ";", ":"):
            if any(p.is_word and p.low not in ("and", "but", "so", "yet") for p in toks[:x]):
                return -1
            continue  # ", but while ...": leading connectives only
        if t.low in _SUBORDINATORS or (t.low == "as" and x + 1 < k and toks[x + 1].low == "for"):
            first = all(not p.is_word or p.low in ("and", "but", "so", "yet") for p in toks[:x])
            if (
                first
                or toks[x - 1].text == "("
                or (t.low in ("after", "before", "since") and toks[x - 1].low in _TIME_BEFORE)
            ):
                return x
    return -1


FINITE_WORDS = word_list("suggest/finite_words.txt")
_ANY_LISTED = CLAUSE_VERBS | THAT_VERBS | OBJECT_VERBS


def new_speaker_cue(body: list[Tok], x: int) -> bool:
    """Does a short subject and a reporting verb of the lists start at ``body[x]``
    ("officials said", "the Clinton campaign has argued")?"""
    end = min(len(body) - 1, x + 7)
    y = x + 1
    while y < end:
        t = body[y]
        if t.text == "," and y > x + 1 and body[y - 1].is_cap:
            # "Brian Roe, the port's adviser, said": a name and its apposition
            close = next(
                (z for z in range(y + 1, min(len(body) - 1, y + 10)) if body[z].text == ","), None
            )
            if close is None:
                return False
            y, end = close + 1, min(len(body) - 1, close + 4)
            continue
        if t.text == "." and body[y - 1].is_cap and len(body[y - 1].text) <= 4:
            y += 1  # "Mrs. Roe said": an abbreviation's point
            continue
        if not t.is_word:
            return False
        low = t.low
        y += 1
        if low in _SPEECH_AUX:
            continue
        if not t.is_cap and low in _ANY_LISTED:
            return low in CLAUSE_VERBS or low in SPEECH
        if low in FINITE_WORDS or low in ("that", "who", "which"):
            return False
    return False


_SPEECH_AUX = frozenset(
    {"has", "have", "had", "also", "later", "quickly", "publicly", "could", "would", "will"}
    | {"may", "might", "can"}
)


def same_form(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` the same form of two verbs (both past, both -s, both -ing)?"""
    if a.endswith("ing") or b.endswith("ing"):
        return a.endswith("ing") and b.endswith("ing")
    past_a = a.endswith("ed") or a in IRREGULAR_PAST
    past_b = b.endswith("ed") or b in IRREGULAR_PAST
    if past_a or past_b:
        return past_a and past_b
    return a.endswith("s") == b.endswith("s")


# Relative words that stand for a part of what is said: "which the crews doubt will
# last", "what the crew called a rogue wave".
_RELATIVE_OBJECTS = frozenset({"which", "what", "whom", "who"})


def relative_before_subject(toks: list[Tok], k: int) -> Tok | None:
    """The relative word before the subject of the cue ``toks[k]`` ("which" in "which
    even the keenest sailors doubt ..."), or None."""
    v = k
    while v > 0 and toks[v - 1].low in SKIP_BACK and not toks[v - 1].is_cap:
        v -= 1
    s0 = v
    while (
        s0 > 0
        and v - s0 < 8
        and toks[s0 - 1].is_word
        and toks[s0 - 1].low not in BOUNDARY
        and (toks[s0 - 1].low != "who" or s0 == v)
    ):
        s0 -= 1  # ("who" ends the subject: "Lee, who critics say is ...")
    if s0 == v or s0 == 0:
        return None
    run = toks[s0:v]
    if all(r.low.endswith("ly") for r in run) or any(r.low in FINITE_WORDS for r in run):
        return None  # "which periodically chanted", "What do you call": no subject between
    t = toks[s0 - 1]
    if s0 > 1 and toks[s0 - 2].low in _PREPOSITIONS and t.low != "what":
        return None  # "during which callers asked": the relative is the preposition's
    if t.low == "who" and not (run[0].low in _SUBJECT_PRONOUNS or run[0].is_cap):
        return None  # "who last year threatened": "who" is the subject
    return t if t.low in _RELATIVE_OBJECTS else None


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})

_PREPOSITIONS = frozenset(
    {"in", "during", "of", "for", "with", "at", "on", "by", "from", "to", "through", "under"}
    | {"about", "after", "before", "over", "into", "among", "against", "upon"}
)


def count_words(toks: list[Tok], cap: int) -> int:
    """How many of ``toks`` are words, counted up to ``cap`` (a loop that stops there,
    as the rules ask "at least two words?" of long clauses; speed)."""
    seen = 0
    for t in toks:
        if t.is_word:
            seen += 1
            if seen == cap:
                break
    return seen


def inside(taken: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside a range of ``taken`` (sorted ranges already claimed)?"""
    i = bisect_right(taken, (pos, 1 << 60)) - 1
    return i >= 0 and taken[i][0] <= pos < taken[i][1]


# Words a clause that lacks its subject starts with ("a tactic voters hope will ...").
_SUBJECT_GAP = frozenset(
    {"will", "would", "could", "can", "may", "might", "should", "must", "is", "was", "are"}
    | {"were", "has", "had", "have", "does", "did"}
)
# Words opening the noun phrase such a clause hangs on: with "that" or another
# determiner PolNeAR mostly leaves the phrase out ("a rule change that ... would").
_NP_OPENERS = frozenset({"a", "an"})


def antecedent_before(toks: list[Tok], s0: int, first: Tok) -> tuple[int, int] | None:
    """ "a tactic voters hope will fail", "a step they believe could help": the noun
    phrase before the subject at ``toks[s0]`` that the reported clause (opening with
    ``first``) lacks as its own subject; PolNeAR makes it the content's first part.
    None when the clause has a subject or no such phrase stands there."""
    if first.low not in _SUBJECT_GAP or first.is_cap or s0 < 2:
        return None
    x = s0 - 1
    if not _noun_like(toks[x]):
        return None
    y = x
    while y > 0 and x - y < 6 and toks[y].low not in _NP_OPENERS:
        y -= 1
        if not (_noun_like(toks[y]) or toks[y].low in _NP_OPENERS or toks[y].low == "of"):
            return None
    if toks[y].low not in _NP_OPENERS:
        return None
    return toks[y].start, toks[x].end


def _noun_like(t: Tok) -> bool:
    """A lower-case word that may end a noun phrase (not a verb form, a preposition
    or an adverb of the lists)."""
    low = t.low
    return (
        t.is_word
        and not t.is_cap
        and low not in BOUNDARY
        and low not in SKIP_BACK
        and low not in _PREPOSITIONS
        and low not in FINITE_WORDS
        and low not in _SUBJECT_GAP
        and not low.endswith(("ly", "ed"))
    )


# Auxiliaries of a negated verb phrase after "but" ("but did not say", "but Lee would
# not offer"): the reporter's account of what the speaker did not do.
_NEGATED_AUX = frozenset({"did", "does", "do", "would", "could", "has", "had", "will"})
_BUT_SUBJECTS = frozenset({"he", "she", "they", "it", "still"})


def but_not_after(body: list[Tok], x: int) -> bool:
    """Does "but" at ``body[x]`` open a negated verb phrase of the speaker's ("..., but
    did not say when", "but Lee would not offer details")?"""
    y = x + 1
    n = len(body)
    if y < n and (body[y].low in _BUT_SUBJECTS or (body[y].is_cap and body[y].is_word)):
        y += 1
    if y >= n:
        return False
    # (not "but hasn't decided", "but couldn't provide": PolNeAR keeps those mostly)
    return (
        body[y].low in _NEGATED_AUX
        and y + 1 < n
        and body[y + 1].low in ("not", "never", "n't", "n’t")
    )


DASHES = frozenset({"-", "—", "–"})


def spaced_dash(toks: list[Tok], x: int) -> int | None:
    """If ``toks[x]`` is a dash with a space before it, the opening of an aside ("the
    plan - a step the mayor feared"), the index of its last token ("--" is two); None
    otherwise (a hyphen or a dash right after a word)."""
    t = toks[x]
    if t.text not in DASHES or x == 0 or toks[x - 1].end >= t.start:
        return None
    return x + 1 if x + 1 < len(toks) and toks[x + 1].text == "-" else x

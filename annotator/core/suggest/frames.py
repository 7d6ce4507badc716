"""Attribution frames without a reporting verb of speech, for what the clause rules left.

A subject and a verb of stance, intent or belief, and what the verb takes:

- an object: "Lee, the former mayor, endorsed the harbour plan" (the subject may carry
  an apposition, adverbs or auxiliaries: "has aggressively supported", "did not mention");
- a particle and its object: "railed against the tax", "did not respond to a request";
- a to-clause: "The union has vowed to strike in March";
- a that-, wh- or whether-clause: "They know which ward that favours";
- a document and a participle: "a new poll showing Lee ahead" (the poll is the source).

The content runs to the end of its phrase (an object) or clause (a clause), as PolNeAR
marks it; the verb (with its particle) is the cue and the subject the mention. Each
sentence is first checked against one compiled pattern of the verb forms, so a sentence
without any costs no tokenizing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from ...resources import word_list
from ._trie import trie_pattern
from .clause_base import (
    ADVISING,
    BOUNDARY,
    DASHES,
    FINITE_WORDS,
    IRREGULAR_PAST,
    NOT_CLAUSE_START,
    NOT_OBJECT_START,
    SKIP_BACK,
    Found,
    against_to_cue,
    inside,
    overlaps_any,
    spaced_dash,
    time_at_end,
    without_duration,
    without_even,
)
from .clause_forms import (
    addressee_end,
    clause_end,
    finite_soon,
    generic_subject,
    naming_called,
    noun_phrase,
    subject_of,
)
from .cues import Cue
from .lexicon import ABBREVIATIONS, CUE_WORDS, DETERMINERS, word_table
from .noun_phrases import Mention
from .quotes import ALL_MARKS
from .speaker_mentions import mention_before, relative_before, subject_before
from .tokens import Tok, note_words, noted_tokens, tok_at, tokenize

_STANCE = word_list("suggest/frame_stance_verbs.txt")
_INTENT = word_list("suggest/frame_intent_verbs.txt")
_MIND = word_list("suggest/frame_mind_verbs.txt")
_PARTICLES: dict[str, tuple[str, ...]] = word_table("suggest/frame_particles.txt")
_NOUNS = word_list("suggest/frame_stance_nouns.txt")
_ADJECTIVES = word_list("suggest/frame_stance_adjectives.txt")
_THAT_NOUNS = word_list("suggest/frame_that_nouns.txt")
_NOUN_PREPS: dict[str, tuple[str, ...]] = word_table("suggest/frame_noun_preps.txt")
# Before a form of ``_NOUN_PREPS`` that is also a verb, these make it the verb.
_SUBJECT_WORDS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "that", "which"})
_ADVERBS = frozenset({"also", "often", "still", "now", "never", "always", "again", "then"})
_MAKE = frozenset({"it", "made", "makes", "make", "making"})  # "made (it) clear"
# Between "be" and the adjective: "is not entirely convinced", "was very eager".
_DEGREE = frozenset(
    {"not", "very", "so", "too", "quite", "fairly", "increasingly", "more", "less", "also"}
    | {"still", "now", "entirely", "completely", "deeply", "highly", "clearly", "n't"}
    | {"openly", "publicly", "always", "long", "often", "never", "sharply", "strongly"}
    | {"particularly", "extremely", "equally", "somewhat", "especially", "largely", "even"}
)
# Verbs that link a subject to its adjective as "be" does: "Lee remains confident that".
_LINKING = frozenset(
    {"remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears"}
    | {"appeared", "become", "becomes", "became", "grew", "grown", "feel", "feels", "felt"}
)
# Words that join a second verb to the subject's first ("... and called", "but called").
_JOINING = frozenset({"and", "or", "but", "then"})
# What follows a stance noun: "decision to", "support for", "criticism of", "claim that".
_NOUN_LINKS = frozenset({"to", "for", "of", "on", "about", "against", "that", "over"})

# Participles after a document noun: "polls showing ...", "records indicating ...".
_SHOWING = frozenset({"showing", "finding", "suggesting", "indicating", "revealing"})
_DOCUMENTS = frozenset(
    {"poll", "polls", "polling", "survey", "surveys", "study", "studies", "data", "results"}
    | {"numbers", "figures", "report", "reports", "records", "documents", "research"}
)


def _ing_forms(base: str) -> tuple[str, ...]:
    """ "hope" -> "hoping", "call" -> "calling", "slam" -> "slamming" (candidates)."""
    forms = [base + "ing"]
    if base.endswith("e") and not base.endswith("ee"):
        forms.append(base[:-1] + "ing")
    if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
        forms.append(base + base[-1] + "ing")
    return tuple(forms)


# "is hoping to", "are calling for": the -ing form after a form of "be", and its verb
_PROGRESSIVE: dict[str, str] = {
    ing: base
    for base in (_STANCE | _INTENT | _MIND | frozenset(_PARTICLES))
    if not base.endswith(("s", "ed", "ing"))
    for ing in _ing_forms(base)
}
# A question asked: "when asked whether ...", "asked the mayor if ...".
_ASK = frozenset({"ask", "asks", "asked", "asking"})
_MAX_ASKED = 4  # words between "asked" and its question word ("asked the harbour master if")
_SEE_AS = frozenset(
    {"see", "sees", "saw", "view", "views", "viewed", "regard", "regards", "regarded"}
    | {"seeing", "viewing", "regarding"}
)
_BE = frozenset({"is", "are", "was", "were", "been", "be", "am", "being"})
# A view held of the subject, in the passive: "Lee is widely seen as the favourite",
# "the files were deemed secret", "Lee, regarded as a moderate, ...".
_PERCEIVED = frozenset({"seen", "viewed", "regarded", "perceived", "considered", "deemed"})
# Between "be" and the participle: "is increasingly seen as", "was not widely viewed as".
_PERCEIVE_ADVERBS = frozenset({"not", "also", "still", "now", "often", "generally", "long"})
_CONTRACTED = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "that"})

_VERB_FORMS = _STANCE | _INTENT | _MIND | frozenset(_PARTICLES) | _SEE_AS
_TRIGGERS = (
    _STANCE
    | _INTENT
    | _MIND
    | frozenset(_PARTICLES)
    | _SHOWING
    | _NOUNS
    | frozenset(_PROGRESSIVE)
    | _ADJECTIVES
    | _THAT_NOUNS
    | frozenset(_NOUN_PREPS)
    | _SEE_AS
    | _ASK
    | {"clear", "known", "reportedly"}
    | _PERCEIVED
)
# a space first: the search then jumps from space to space (a verb form after a quote
# mark or at a line start is capitalised or quoted, and frames nothing)
_TRIGGER_RE = re.compile(r" (" + trie_pattern(_TRIGGERS) + r")(?![\w'’-])")
# the tokenizer notes where the forms are; ``_free_hits`` reads them from it (speed)
note_words(_TRIGGERS)
_TRIGGER_REACH = max(map(len, _TRIGGERS)) + 1  # a form and the space before it
# Forms that frame something only before a particle, a preposition or "that" ("campaign
# for", "point to", "complaints that"): a hit is dropped at once when none follows (speed)
_CONDITIONAL = _TRIGGERS - (
    _STANCE
    | _INTENT
    | _MIND
    | _SHOWING
    | _NOUNS
    | _ADJECTIVES
    | _SEE_AS
    | _ASK
    | {"clear", "known", "reportedly"}
    | _PERCEIVED
    | {ing for ing, base in _PROGRESSIVE.items() if base in _STANCE | _INTENT | _MIND}
)
_BEFORE = (
    frozenset(p for ps in _PARTICLES.values() for p in ps)
    | frozenset(p for ps in _NOUN_PREPS.values() for p in ps)
    | {"that"}
)

_WH = frozenset({"which", "what", "who", "whom", "whether", "why", "how", "where", "when", "if"})

# Words that open the apposition between a subject and its verb ("Lee, the former mayor,").
_APPOSITION_STARTS = frozenset({"who", "whose", "a", "an", "the", "his", "her", "their", "its"})

# After a comma, these end an object: "criticized the plan, which ...".
_OBJECT_STOPS = frozenset(
    {"which", "who", "whom", "whose", "where", "when", "while", "as", "after", "before"}
    | {"because", "although", "though", "but", "even", "since", "until", "if", "so", "with"}
)

_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_TIME_WORDS = _WEEKDAYS | frozenset(
    {"morning", "afternoon", "evening", "night", "week", "month", "year", "weekend", "today"}
    | {"yesterday", "tonight", "earlier", "later", "last", "this", "next", "on", "in", "again"}
    | {"all", "every"}
)

_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})

# A weekday after these is a name, not a time: "Super Tuesday", "Black Friday".
_DAY_NAMERS = frozenset({"super", "black", "good", "ash", "cyber", "holy", "bloody"})

# A content does not start with these: "support among voters", "tweeted Monday".
_NOT_CONTENT_START = (
    frozenset(
        {"among", "behind", "as", "from", "after", "before", "during", "since", "into", "through"}
        | {"across", "around", "within", "without", "under", "over", "between", "like", "than"}
        | {"in", "on", "at", "of", "for", "with", "by", "up", "out", "off", "or", "and", "but"}
        | {"shortly", "live", "today", "yesterday", "tonight", "again", "too", "also"}
    )
    | _WEEKDAYS
)

# Two-part particles: "lashed out at", "took aim at", "weighed in on", "pushed back against".
_FIRST_PARTS = frozenset({"out", "in", "aim", "issue", "back", "off"})
_SECOND_PARTS = frozenset({"at", "on", "against", "about", "with"})

_LEADS = frozenset({"but", "and", "so", "yet", "still", "now", "then", "also", "however"})

_MAX_APPOSITION = 30  # tokens between the commas of a subject's apposition


def find(
    text: str, sentences: list[tuple[int, int, int]], taken: list[tuple[int, int]]
) -> list[Found]:
    """Frames in the sentences ``(start, end, paragraph)`` (in text order) outside
    ``taken`` (sorted ranges of claims already found; extended with what is found)."""
    out: list[Found] = []
    for s, e, pi in sentences:
        if pi > 0:
            break
        found = _headline(text, s, e, taken) or _headline_to(text, s, e, taken)
        if found is not None:
            out.append(found)
            taken.extend(found.spans)
            taken.sort()
    starts = [s for s, _, _ in sentences]
    current = -1
    toks: list[Tok] = []
    # a search of the stretches no claim took; cheap checks on the raw text before any
    # tokenizing
    for a, hit_end, form in _free_hits(text, taken):
        if form in _CONDITIONAL:
            nxt = _NEXT_RE.match(text, hit_end)
            if nxt is None or nxt.group(1).lower() not in _BEFORE:
                continue
        x = bisect_right(starts, a) - 1
        if x < 0:
            continue
        s, e, pi = sentences[x]
        if a >= e or e - s < 16 or inside(taken, a):
            continue
        if not _promising(text, taken, form, hit_end, e, s, a):
            continue
        if x != current:
            current = x
            toks = tokenize(text, s, e)
        k = tok_at(toks, a)
        if not k or k + 1 >= len(toks):
            continue
        found = _frame(text, toks, k, pi, taken)
        if found is not None and text.startswith("against", found.spans[0][0]):
            against_to_cue(text, found)
        if found is not None and text.startswith("even", found.spans[-1][1] - 4):
            without_even(text, found)
        if (
            found is not None
            and text[found.spans[0][0]] in "wmydht"
            and not without_duration(text, found)
        ):
            continue
        if found is not None:
            out.append(found)
            taken.extend(found.spans)
            taken.sort()
    out += _in_views(text, sentences, starts, taken)
    return out


def _in_views(
    text: str,
    sentences: list[tuple[int, int, int]],
    starts: list[int],
    taken: list[tuple[int, int]],
) -> list[Found]:
    """ "In Lee's view, <clause>", "<clause>, in the view of many riders.": the clause
    is the holder's view; "view" the cue, the possessor (or the phrase after "of") the
    mention. ``str.find`` finds the word: most articles have none."""
    out: list[Found] = []
    i = text.find(" view")
    while i >= 0:
        v = i + 1
        i = text.find(" view", v)
        if text[v + 4 : v + 5].isalnum():
            continue  # "views", "viewed", "viewers"
        x = bisect_right(starts, v) - 1
        if x < 0 or inside(taken, v):
            continue
        s, e, pi = sentences[x]
        if v >= e:
            continue
        toks = tokenize(text, s, e)
        k = tok_at(toks, v)
        if k is None or k < 2:
            continue
        found = _in_view(text, toks, k, pi, taken)
        if found is not None:
            out.append(found)
            taken.extend(found.spans)
            taken.sort()
    return out


_MAX_HOLDER = 6  # tokens of the possessor in "in <possessor> view"


def _in_view(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """The view whose noun is ``toks[k]`` after "in" and a possessor or "the", or None."""
    n = len(toks)
    cue = Cue(toks[k].start, toks[k].end, "view", False)
    if toks[k - 1].low == "the" and toks[k - 2].low == "in" and k + 2 < n:
        if toks[k + 1].low != "of":
            return None
        a, end = k - 2, k + 2
        while end < n and toks[end].is_word:
            end += 1
        m = noun_phrase(text, toks[k + 2 : end])
        end -= 1
    else:
        a = next(
            (y for y in range(k - 2, max(-1, k - 2 - _MAX_HOLDER), -1) if toks[y].low == "in"),
            None,
        )
        if a is None or not _possessor_word(toks[k - 1].low):
            return None
        if any(not t.is_word and t.text not in "’'.-" for t in toks[a + 1 : k]):
            return None
        end = k
        found = _with_holder(text, toks, k, Found([], cue, None, pi))
        m = found.mention if found is not None else None
    if m is None:
        return None
    lead = 0
    while lead < a and toks[lead].low in _LEADS:
        lead += 1
    nxt = toks[end + 1] if end + 1 < n else None
    spans = []
    if a == lead:
        # "In Lee's view, <clause>."
        if nxt is None or nxt.text != "," or end + 2 >= n:
            return None
        span = content_after(toks, end + 2, "clause")
        if span is None:
            return None
        spans.append(span)
    else:
        body = toks[lead : a - 1] if toks[a - 1].text == "," else toks[lead:a]
        if not body or not body[0].is_word or not body[-1].is_word:
            return None
        spans.append((body[0].start, body[-1].end))
        if nxt is not None and nxt.text == "," and toks[a - 1].text == ",":
            tail = toks[end + 2 :]
            while tail and not tail[-1].is_word and tail[-1].text not in ALL_MARKS:
                tail = tail[:-1]
            if tail:
                spans.append((tail[0].start, tail[-1].end))
        elif nxt is not None and nxt.is_word:
            return None  # "in his view of the pier": a view of something, no clause
    words = sum(1 for t in toks if t.is_word and any(p <= t.start < q for p, q in spans))
    if words < 3 or any(overlaps_any(taken, p, q) for p, q in spans):
        return None
    return Found(spans, cue, m, pi)


_LEADS = frozenset({"but", "and", "so", "yet", "still", "now", "however", "thus"})


_NEXT_RE = re.compile(r"\s+([\w’'-]+)")


# "and" or "but" and a second verb of the same subject inside a claim found already:
# "X backed the plan, calling it wise and vowing to fund it" (adverbs may come between)
_COORD_ADVERBS = frozenset(
    {"also", "then", "later", "repeatedly", "again", "further", "even", "now", "quickly"}
)
# what follows "and "/"but ": adverbs, then the verb (found by ``str.find`` first: fast)
_COORD_TAIL_RE = re.compile(
    r"(?:(?:"
    + "|".join(sorted(_COORD_ADVERBS))
    + r") )?("
    + trie_pattern(_VERB_FORMS | frozenset(_PROGRESSIVE))
    + r")(?![\w'’-])"
)


def coordinated(
    text: str,
    sentences: list[tuple[int, int, int]],
    taken: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
    holders: list[tuple[int, int, str]],
) -> list[tuple[int, int, Found]]:
    """Second frames joined by "and"/"but" to the verb of a claim found already, whose
    content ran over them: "X criticized the plan, calling it reckless and vowing to stop
    it" holds two claims. ``holders`` are the content spans of the claims with a cue,
    each with ``verb_form`` of its cue: the second verb has the same form ("said the
    plan failed and supports ..." is one reported clause). Each frame comes with the
    index of its holder and the offset of its "and"/"but", where that content is to
    end; it has no mention (it is the holder's). ``taken`` are the sorted ranges of the
    claims found, ``quoted`` those of quotations (a quote's words are the speaker's)."""
    out: list[tuple[int, int, Found]] = []
    starts = [s for s, _, _ in sentences]
    for h, (hs, he, form) in enumerate(holders):
        asked = _asked_inside(text, sentences, starts, taken, hs, he)
        if asked is not None:
            out.append((h, asked[0], asked[1]))
            continue
        for hit, cut in _coordinations(text, hs, he):
            a = hit.start(1)
            if verb_form(hit.group(1).lower()) != form or inside(quoted, a):
                continue
            before = text[hs:cut].rstrip()
            if " " not in before:
                continue
            if before[-1:] != "," and _FINITE_RE.search(before):
                continue  # "said the board was wrong but backed ...": the clause's subject
            x = bisect_right(starts, a) - 1
            if x < 0:
                continue
            s, e, pi = sentences[x]
            if a >= e or cut < s:
                continue
            toks = tokenize(text, s, e)
            k = tok_at(toks, a)
            if not k or k + 1 >= len(toks) or toks[k].is_cap:
                continue
            i = bisect_right(taken, (a, 1 << 60)) - 1
            rest = (
                taken[:i] + taken[i + 1 :] if i >= 0 and taken[i][0] <= a < taken[i][1] else taken
            )
            found = _verb_frame(text, toks, k, pi, rest, True, subject=False)
            if found is None:
                continue
            out.append((h, cut, found))
            if rest is not taken:
                taken[i : i + 1] = sorted([(taken[i][0], cut), *found.spans])
            break
    return out


def _asked_inside(
    text: str,
    sentences: list[tuple[int, int, int]],
    starts: list[int],
    taken: list[tuple[int, int]],
    hs: int,
    he: int,
) -> tuple[int, Found] | None:
    """ "Lee told the radio, when asked whether he would run, that ...": the question a
    claim's content ran over between ``hs`` and ``he``, and where that content is to end
    (before "when")."""
    i = text.find(" when asked ", hs, he)
    if i < 0:
        return None
    cut = i + 1
    before = text[hs:cut].rstrip()
    if " " not in before:
        return None
    x = bisect_right(starts, cut) - 1
    s, e, pi = sentences[x]
    if cut + 12 >= e:
        return None
    toks = tokenize(text, s, e)
    k = tok_at(toks, cut + 5)
    if not k or k + 1 >= len(toks):
        return None
    j = bisect_right(taken, (cut, 1 << 60)) - 1
    rest = taken[:j] + taken[j + 1 :] if j >= 0 and taken[j][0] <= cut < taken[j][1] else taken
    found = _question(text, toks, k, pi, rest)
    if found is None:
        return None
    if rest is not taken:
        taken[j : j + 1] = sorted([(taken[j][0], cut), *found.spans])
    return cut, found


def _coordinations(text: str, s: int, e: int) -> list[tuple[re.Match[str], int]]:
    """The verbs after "and " or "but " between ``s`` and ``e`` (with the conjunction's
    offset), in text order."""
    out = []
    for word in (" and ", " but "):
        i = text.find(word, s, e)
        while i >= 0:
            hit = _COORD_TAIL_RE.match(text, i + len(word), e)
            if hit is not None:
                out.append((hit, i + 1))
            i = text.find(word, i + len(word), e)
    out.sort(key=lambda x: x[1])
    return out


def verb_form(word: str) -> str:
    """ "-ing", "past", "-s" or "base": what a second verb shares with the first one of
    the same subject ("calling ... and vowing", "criticized ... and called")."""
    if word.endswith("ing"):
        return "-ing"
    if word.endswith("ed") or word in IRREGULAR_PAST:
        return "past"
    return "-s" if word.endswith("s") else "base"


# A finite verb in a claim's content makes it a clause with a subject of its own.
_FINITE_RE = re.compile(r"\b(?:" + "|".join(sorted(FINITE_WORDS)) + r")\b", re.IGNORECASE)


def _free_hits(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The verb forms of the text outside the ranges ``taken``: ``(start, end, form)``
    for each match of ``_TRIGGER_RE`` a search of each stretch between them finds, in
    text order.

    The tokens of the forms come from the tokenizer's notes (speed); they are the
    matches: a form preceded by a space and followed by no word character, apostrophe
    or hyphen is a whole token. Near the end of a stretch that a range cuts short, and
    in a text with the hyphen U+2010 (which joins a token's parts but does not stop a
    match), the search itself runs."""
    stretches: list[tuple[int, int]] = []
    pos = 0
    for a, b in taken:
        if a - pos > 12:
            stretches.append((pos, a))
        pos = max(pos, b)
    n = len(text)
    stretches.append((pos, n))
    if "\u2010" in text:
        return [
            (m.start(1), m.end(), m.group(1))
            for lo, hi in stretches
            for m in _TRIGGER_RE.finditer(text, lo, hi)
        ]
    toks = noted_tokens(text, _TRIGGERS)
    out: list[tuple[int, int, str]] = []
    i = 0
    for lo, hi in stretches:
        # a match of the search ends by ``hi``; one cut short by it (a form that is a
        # prefix of the word there) starts within the reach of a form before it
        cut = n if hi == n else max(lo, hi - _TRIGGER_REACH)
        while i < len(toks) and toks[i].start <= lo:
            i += 1
        while i < len(toks) and toks[i].start <= cut:
            t = toks[i]
            i += 1
            a, e = t.start, t.end
            if text[a - 1] == " " and t.text in _TRIGGERS and (e == n or text[e] not in "'’-"):
                out.append((a, e, t.text))
        if cut < hi:
            for m in _TRIGGER_RE.finditer(text, cut, hi):
                out.append((m.start(1), m.end(), m.group(1)))
            while i < len(toks) and toks[i].start <= hi:
                i += 1
    return out


def _promising(
    text: str, taken: list[tuple[int, int]], low: str, end: int, stop: int, s: int, a: int
) -> bool:
    """Could the verb form ``low`` (ending at ``end``) open a frame, judged by the words
    around it in the raw text?"""
    m = _NEXT_RE.match(text, end, stop)
    if m is None:
        return False
    nxt = m.group(1).lower()
    before = text[max(s, a - 40) : a].split()
    if not before:
        return False
    prev = before[-1]
    word = prev.rstrip(_TRAILING).lower()
    if low in _PERCEIVED and _perceived_lead(prev, word) and (nxt in ("as", "by") or low in _DEEM):
        framed = True
    elif low == "reportedly":
        framed = not prev.endswith(",")
    elif low == "known":
        framed = nxt in ("as", "for", "to") and word not in _KNOWN_BY
    elif low in _ASK:
        framed = nxt == "about" or any(
            w.lower() in _WH for w in text[end:stop].split()[: _MAX_ASKED + 1]
        )
    elif low in _SHOWING:
        framed = word in _DOCUMENTS
    elif nxt == "by" and low in _STANCE:
        framed = (low.endswith("ed") or low in IRREGULAR_PAST) and low not in _DONE_BY
    elif low in _ADJECTIVES or low == "clear":
        framed = (
            nxt in ("that", "to", "about", "of", "in", "on", "with", "at")
            or (low == "clear" and nxt in _WH)
        ) and (
            word in _BE
            or word in _DEGREE
            or word in _MAKE
            or word in _LINKING
            or _progressive(word)
        )
    elif low in _NOUNS and _possessor_word(word):
        framed = nxt in _NOUN_LINKS
    elif low in _THAT_NOUNS and nxt == "that" and _noun_after(low, prev, word):
        framed = True
    elif nxt in _NOUN_PREPS.get(low, ()) and _noun_after(low, prev, word):
        framed = not _possessor_word(word)
    else:
        framed = _shape(low, nxt, _progressive(word) or word in _ING_LEADS) is not None and (
            word != prev.lower() or not _noun_word(word)  # "his attacks", not "master, ..."
        )
    # an object that is a claim already: "called (for) it "a disgrace""
    return framed and not (inside(taken, m.start(1)) or inside(taken, m.end(1) + 2))


def _progressive(word: str) -> bool:
    """Is ``word`` a form of "be" before an -ing form ("is", "he's", "they're")?"""
    if word in _BE:
        return True
    word = word.replace("’", "'")
    head, _, tail = word.partition("'")
    return tail in ("s", "re", "m") and head in _CONTRACTED


_TRAILING = ",;:)—–-\"”’'"


# Before an -ing form, these make it the subject's act: "by slamming the plan".
_ING_LEADS = frozenset(
    {"by", "while", "after", "before", "without", "since", "when", "in", "for", "upon"}
)


def _shape(low: str, nxt: str, progressive: bool = False) -> tuple[int, int, str] | None:
    """What the verb form ``low`` takes when ``nxt`` follows it: (tokens of the cue
    after the verb, offset of the content from the verb, "object" or "clause");
    ``progressive`` when a form of "be" comes before ("is calling for")."""
    if low.endswith("ing"):
        base = _PROGRESSIVE.get(low, low)
        if not progressive:
            # "by talking about the fares": a verb and its particle; "seeking", "hoping"
            # alone after a comma are the participle rules' work
            return (1, 2, "object") if nxt in _PARTICLES.get(base, ()) else None
        low = base
    if nxt in _PARTICLES.get(low, ()):
        return 1, 2, "object"
    if low in _INTENT and nxt in ("to", "not"):
        return 0, 1, "clause"  # "decided (not) to run"
    if low in _MIND and nxt == "that":
        return 0, 2, "clause"
    if low in _MIND and nxt in _WH and low not in _STANCE:
        return 0, 1, "clause"
    if low in _SEE_AS and nxt not in NOT_OBJECT_START and nxt not in _NOT_CONTENT_START:
        return 0, 1, "see-as"  # "voters see Lee as too cautious"
    if low in _MIND and low not in _STANCE and nxt in _CLAUSE_OPENERS:
        return 0, 1, "bare"  # "is hoping the vote will pass": a clause without "that"
    if low in _STANCE and nxt not in NOT_OBJECT_START and nxt not in ("to", "that"):
        if nxt in _NOT_CONTENT_START or (nxt == "against" and low[-2:] == "ed"):
            # "the suit filed against the port", "one Lee filed against him": no object
            # after the verb, so its object came before it (a participle or a relative)
            return None
        return 0, 1, "object"
    return None


def _frame(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """The frame whose verb is ``toks[k]``, or None."""
    t = toks[k]
    if t.is_cap or inside(taken, t.start):
        return None
    low = t.low
    nxt = toks[k + 1]
    if low == "known":
        return _reputation(toks, k, pi, taken)
    if low == "reportedly":
        return _reportedly(toks, k, pi, taken)
    if low in _PERCEIVED:
        found = _perceived(text, toks, k, pi, taken)
        if found is not None:
            return found
    if low in _ASK:
        return _question(text, toks, k, pi, taken)
    if low in _SHOWING:
        return _document_participle(text, toks, k, pi, taken)
    if low in _NOUNS and _possessor_word(toks[k - 1].low):
        return _verb_led(toks, k, _possessed_stance(text, toks, k, pi, taken))
    if low in _THAT_NOUNS and nxt.low == "that" and _noun_use(low, toks[k - 1]):
        return _verb_led(toks, k, _with_holder(text, toks, k, _noun_that(toks, k, pi, taken)))
    if nxt.low in ("from", "among") and nxt.low in _NOUN_PREPS.get(low, ()):
        return _stance_from(text, toks, k, pi, taken)
    if nxt.low == "of" and low in _GIVEN:
        # "Lee won the endorsement of the union": the union's, about Lee
        found = _stance_from(text, toks, k, pi, taken)
        if found is not None:
            return found
    if nxt.low in _NOUN_PREPS.get(low, ()) and _noun_use(low, toks[k - 1]):
        return _verb_led(toks, k, _with_holder(text, toks, k, _noun_prep(toks, k, pi, taken)))
    if low in _ADJECTIVES or low == "clear":
        return _adjective(text, toks, k, pi, taken)
    if nxt.low == "by" and low in _STANCE and low not in _DONE_BY:
        return _passive_by(text, toks, k, pi, taken)
    led = _progressive(toks[k - 1].low) or toks[k - 1].low in _ING_LEADS
    return _verb_frame(text, toks, k, pi, taken, led)


def _verb_frame(
    text: str,
    toks: list[Tok],
    k: int,
    pi: int,
    taken: list[tuple[int, int]],
    led: bool,
    subject: bool = True,
) -> Found | None:
    """The frame of the verb ``toks[k]`` and what it takes; ``led`` when a form of "be"
    or a word such as "by" makes an -ing form the subject's act; without ``subject``
    the frame has no mention (the caller knows whose it is)."""
    t = toks[k]
    low = t.low
    nxt = toks[k + 1]
    shape = _shape(low, nxt.low, led) if nxt.is_word else None
    if shape is None:
        return None
    if low == "called" and toks[k - 1].low not in _JOINING and naming_called(toks, k):
        # "a campaign called Save the Pier": its name, as the clause rules read it (but
        # "pointed to a man in the crowd and called him ..." is the subject's act)
        return None
    cue_end, start, kind = k + shape[0], k + shape[1], shape[2]
    if start >= len(toks) or _noun_before(toks[k - 1]):
        return None  # "his support", "Clinton's call"
    if low == "want" and toks[k - 1].low in ADVISING:
        return None  # "Lee may want to recount the ballots": the writer's advice
    if (
        low in _PASSING
        and kind == "object"
        and nxt.low not in ("along", "on")  # "passed along a request": handed on
        and not _measure_passed(toks, start)
    ):
        return None  # "passed the microphone", "the bill passed the council": no stance
    if low == "support" and _support_noun(toks, k):
        return None  # "her 40% support", "welcome local support": the noun
    if low in _CALLS and (toks[k - 1].low in _CALL_KINDS or nxt.low in _CALL_THINGS):
        return None  # "the roll call vote", "a conference call to", "call centers": a noun
    if cue_end > k and toks[cue_end].low == "to" and low in _LOOK and _bare_verb(toks, start):
        cue_end, start, kind = k, k + 1, "clause"  # "looked to win": the to-clause
    if cue_end > k and toks[cue_end].low in _FIRST_PARTS and toks[start].low in _SECOND_PARTS:
        cue_end, start = start, start + 1  # "lashed out at", "took aim at", "weighed in on"
        if start >= len(toks):
            return None
    elif cue_end > k and toks[cue_end].low in ("forward", "ahead") and toks[start].low == "to":
        if start + 1 >= len(toks) or _bare_verb(toks, start + 1):
            return None  # "pressed ahead to vote": no looking ahead
        cue_end, start = start, start + 1  # "looks forward to the debate": "to" is the cue's
    if toks[start].low in _NOT_CONTENT_START:
        return None  # "support among voters", "tweeted Monday"
    if kind == "object" and _finite(toks[start]):
        return None  # "the Paris attacks changed ...": a noun, then the sentence's verb
    if low != "expected" and _passive(toks, k):
        return None  # "they aren't admitted until ...": done to the subject, not by it
    if low == "pledged" and toks[start].low in ("delegates", "delegate"):
        return None  # "pledged delegates": an adjective
    if low in _COMPARE_FORMS and toks[k + 1].low in ("to", "with"):
        return None  # "up 9 points compared with May": the writer's comparison
    if low in _CAST_FORMS and _plain_ballot(toks, start):
        return None  # "riders cast their ballots on Tuesday": voting, no stance named
    if kind == "clause" and toks[start].low == "not":
        if toks[start + 1].low != "to" or not _bare_verb(toks, start + 2):
            return None
    elif kind == "clause" and toks[k + 1].low == "to" and not _bare_verb(toks, k + 2):
        return None  # "wants to Ohio"
    if kind == "bare":
        if not finite_soon(toks, start, 6):
            return None  # "thinks the world of her"
        kind = "clause"
    elif kind == "see-as":
        if not any(t.low == "as" for t in toks[start + 1 : start + 10]):
            return None  # "voters saw the rally": seeing, not a view of it
        kind = "object"
    if kind == "object":
        start, kind = _past_time(toks, start)
        if low in _REMINDING:
            # "reminded voters that ...", "reminds the crowd of ...": what they were
            # reminded of, not who was reminded
            start = addressee_end(toks, start, low)
    elif low in _WANTING and _to_know_or_see(toks, start):
        # "wants to know whether ...", "wanted to see the pier rebuilt": what is to be
        # known or seen, the verbs the cue
        cue_end, start = start + 1, start + 2 + (toks[start + 2].low == "that")
    if kind == "object" and low in _CAST_FORMS:
        cast = _cast_for(toks, start)
        if cast is not None:
            cue_end, start = cast
    if kind == "object" and low in _LIGHT_VERBS:
        vehicle = _vehicle(toks, start)
        if vehicle is not None:
            cue_end, start, kind = vehicle
    spans = content_after(toks, start, kind)
    if spans is None or overlaps_any(taken, *spans):
        return None
    cue = Cue(t.start, toks[cue_end].end, low, False)
    if not subject:
        return Found([spans], cue, None, pi)
    if low.endswith("ing") and not _progressive(toks[k - 1].low):
        # "by slamming the plan", "talking about it": the subject of the clause it hangs on
        m = subject_before(text, toks, k)
    else:
        m = _subject(text, toks, k)
    if m is None or not _plausible_subject(m):
        return None
    if low == "expected" and kind == "clause" and _passive(toks, k):
        # "Lee is widely expected to run": what is expected is Lee's running; no one
        # named expects it
        s0 = m.phrase_start if 0 <= m.phrase_start < m.start else m.start
        if s0 < m.end <= t.start and not overlaps_any(taken, s0, m.end):
            return Found([(s0, m.end), spans], cue, None, pi)
    return Found([spans], cue, m, pi)


# Messages whose "to" names the addressee, not what they are about.
_MESSAGE_NOUNS = frozenset(
    {"statement", "statements", "letter", "letters", "speech", "speeches", "remarks"}
    | {"message", "messages", "address", "testimony", "memo", "email", "note", "appeal"}
)


_PASSING = frozenset({"passed", "passes"})
# What a legislature passes: passing one of these is taking a stance on it.
_MEASURES = frozenset(
    {"bill", "bills", "law", "laws", "measure", "measures", "resolution", "resolutions"}
    | {"amendment", "amendments", "referendum", "referendums", "ordinance", "budget"}
    | {"it", "them", "legislation", "ban", "act", "reform", "levy", "levies", "tax", "taxes"}
    | {"motion", "motions", "package", "rule", "rules", "treaty", "proposal", "plan"}
)


def _measure_passed(toks: list[Tok], start: int) -> bool:
    """Is the object from ``toks[start]`` a measure ("a bill making it easier", "laws
    barring", "it"), not a place, a thing handed on or a test ("the House", "the
    microphone", "three background checks")?"""
    for x in range(start, min(len(toks), start + 5)):
        t = toks[x]
        if t.low in _MEASURES:
            return True
        if not t.is_word:
            return False
    return False


# Before "support", these make it the noun: "broad support", "local support".
_SUPPORT_KINDS = frozenset(
    {"local", "public", "popular", "broad", "strong", "longtime", "financial", "economic"}
    | {"military", "bipartisan", "grassroots", "political", "much-needed", "enough"}
)


def _support_noun(toks: list[Tok], k: int) -> bool:
    """Is "support" at ``toks[k]`` the noun: after a share ("52 percent support", "her
    40% support"; not "crews under 35 support"), before a figure ("Roe support 27
    percent") or after an adjective of kind ("broad support")?"""
    prev = toks[k - 1].low
    return (
        prev in _SUPPORT_KINDS
        or prev in ("percent", "%")
        or (prev[:1].isdigit() and prev.endswith("%"))
        or (k + 1 < len(toks) and toks[k + 1].text[:1].isdigit())
    )


_CALLS = frozenset({"call", "calls"})
# Before "call", these make it a noun: "roll call", "a conference call", "a close call".
_CALL_KINDS = frozenset({"roll", "conference", "phone", "close", "wake-up", "curtain", "casting"})
# After "call", these make it a noun: "call centers", "call sheets", "call logs".
_CALL_THINGS = frozenset(
    {"center", "centers", "centre", "centres", "sheet", "sheets", "log", "logs"}
)


# Verbs that put out a statement, a plan or a feeling whose own object is the claim:
# "issued a statement on the pier", "unveiled a plan to ...", "voiced confidence that".
_LIGHT_VERBS = frozenset(
    {"issue", "issues", "issued", "issuing", "release", "releases", "released", "releasing"}
    | {"publish", "publishes", "published", "publishing", "post", "posts", "posted"}
    | {"posting", "sign", "signs", "signed", "signing", "cast", "casts", "casting"}
    | {"express", "expresses", "expressed", "expressing", "voice", "voices", "voiced"}
    | {"voicing", "utter", "utters", "uttered", "unveil", "unveils", "unveiled"}
    | {"unveiling", "outline", "outlines", "outlined", "outlining", "laid", "lay", "lays"}
    | {"brought", "bring", "brings", "tweet", "tweets", "tweeted", "tweeting"}
)
# What such a verb puts out (the noun is then part of the cue, as PolNeAR marks it): a
# statement or a plan, and a feeling before its that-clause ("voiced confidence that").
_VEHICLES = frozenset(
    {"statement", "letter", "report", "order", "op-ed"}
    | {"word", "fact", "message", "memo", "proposal", "plan", "complaint", "note"}
)
_FEELINGS = frozenset(
    {"confidence", "alarm", "enthusiasm", "support", "concern", "concerns", "optimism"}
    | {"doubts", "frustration", "dismay", "hope", "hopes", "opposition", "regret", "outrage"}
)
_VEHICLE_LINKS = frozenset({"about", "on", "for", "against", "of", "over", "that", "with"})


def _vehicle(toks: list[Tok], start: int) -> tuple[int, int, str] | None:
    """ "(issued) a brief statement on the pier", "(posted) a letter about Lee", "(voiced)
    confidence that ...": the object from ``start`` is a statement, a plan or a feeling
    whose own object or clause is the claim. Returns (the cue's last token, where the
    content starts, its kind), or None."""
    x = start
    if toks[x].low in ("a", "an", "the"):
        x += 1
    elif _possessor_word(toks[x].low):
        return None  # "laid out his plan for ...": the plan itself is the claim
    for y in range(x, min(len(toks) - 2, x + 4)):
        t = toks[y]
        if not t.is_word or (t.is_cap and y > x):
            return None
        link = toks[y + 1]
        if t.low in _FEELINGS and y == start and link.low == "that":
            return y + 1, y + 2, "clause"
        if t.low not in _VEHICLES:
            continue
        if link.low == "to" and _bare_verb(toks, y + 2):
            return y, y + 1, "clause"  # "a plan to close the pier": "to" is content
        if link.low == "that":
            return y + 1, y + 2, "clause"
        if link.low in _VEHICLE_LINKS or (link.low.endswith("ing") and link.low not in _TIME_WORDS):
            return y + 1, y + 2, "object"  # "a report detailing ...", "a letter about"
        return None
    return None


def _to_know_or_see(toks: list[Tok], start: int) -> bool:
    """Do "to know" or "to see" and more words follow from ``toks[start]``?"""
    return (
        start + 2 < len(toks) and toks[start].low == "to" and toks[start + 1].low in ("see", "know")
    )


_REMINDING = frozenset({"remind", "reminds", "reminded", "reminding"})
_LOOK = frozenset({"look", "looks", "looked", "looking"})
_WANTING = frozenset({"want", "wants", "wanted", "wanting", "demand", "demands", "demanded"})
_COMPARE_FORMS = frozenset({"compared", "compare", "compares", "comparing"})
_CAST_FORMS = frozenset({"cast", "casts", "casting"})
_BALLOTS = frozenset({"ballot", "ballots", "vote", "votes"})


def _plain_ballot(toks: list[Tok], start: int) -> bool:
    """Is the object from ``toks[start]`` a ballot or vote cast for no one named ("cast
    their ballots", "cast a ballot in May"), not "cast a vote for Lee"?"""
    for y in range(start, min(len(toks), start + 4)):
        if toks[y].low in _BALLOTS:
            return y + 1 >= len(toks) or toks[y + 1].low not in ("for", "against")
    return False


def _cast_for(toks: list[Tok], start: int) -> tuple[int, int] | None:
    """ "(cast) a ballot for Lee", "(cast) their votes against ...", "(cast) doubt on
    ...": the ballot or doubt and its preposition join the cue; who or what it was cast
    for is the claim. Returns (the cue's last token, where the content starts), or None."""
    for y in range(start, min(len(toks) - 2, start + 3)):
        if toks[y].low in _CAST_THINGS:
            link = toks[y + 1].low
            if link in ("for", "against") or (link == "on" and toks[y].low == "doubt"):
                return y + 1, y + 2
            return None
    return None


_CAST_THINGS = _BALLOTS | {"doubt"}


# Verbs of voicing, besides the lists', whose object a noun of stance is: "floated the
# idea that", "renewed his call for".
_TAKING_VERBS = frozenset(
    {"floated", "floating", "rubbished", "bashed", "trumpeted", "touted", "touting"}
    | {"renewed", "renewing", "reiterated", "reiterating", "signaled", "signalled"}
    | {"unleashed", "repeated", "repeating", "voiced", "echoed", "echoing"}
)
# Between a verb and the noun of stance it takes: "repeated (his) accusations that",
# "dismissed (the) criticism of".
_NOUN_OPENERS = DETERMINERS | _POSSESSIVES


def _verb_led(toks: list[Tok], k: int, found: Found | None) -> Found | None:
    """``found`` (a frame whose cue is the noun of stance ``toks[k]``) with its cue
    starting at the verb whose object the noun is, as PolNeAR marks it ("rubbished the
    claim that", "dismissed criticism of"): a verb of the lists right before the noun,
    its determiner or its possessor."""
    if found is None:
        return None
    j = k - 1
    while j > 0 and k - j <= 3 and (toks[j].low in _NOUN_OPENERS or _possessor_word(toks[j].low)):
        j -= 1
    v = toks[j]
    low = v.low
    if j < 0 or v.is_cap or not v.is_word or low in _BE or low in _HOLDING:
        return found
    if low not in _VERB_FORMS and low not in CUE_WORDS and low not in _TAKING_VERBS:
        return found  # "The vote followed Lee's contention that": no one's act on it
    return replace(found, cue=replace(found.cue, start=v.start))


def _past_time(toks: list[Tok], start: int) -> tuple[int, str]:
    """Where an object's content starts: after a time and "that" ("warned this week that
    ..."), else at ``start``. An addressee stays in it ("urged him to resign"), as
    PolNeAR marks it."""
    for x in range(start + 1, min(len(toks) - 1, start + 5)):
        if toks[x].low == "that":
            if all(y.low in _TIME_WORDS for y in toks[start:x]):
                return x + 1, "clause"
            break
    return start, "object"


# Participles that report an act or a document done by someone, not their stance: "a
# report released by the council", "a lawsuit filed by riders", "a bill passed by".
_DONE_BY = _LIGHT_VERBS | frozenset(
    {"filed", "passed", "identified", "listed", "guaranteed", "approved", "documented"}
    | {"nominated"}
)
# Where the ones after "by" end: "criticized by riders on social media", "for years"
_AGENT_ENDS = (
    BOUNDARY
    | _WEEKDAYS
    | frozenset(
        {"in", "on", "at", "for", "during", "after", "before", "since", "over", "with", "about"}
        | {"as", "from", "to", "last", "this", "earlier"}
    )
)
_HOLDER_ENDS = (_AGENT_ENDS - {"as"}) | {"that"}
_PASSIVE_AUX = _BE | frozenset(
    {"might", "may", "will", "would", "could", "can", "should", "must", "has", "have", "had"}
    | {"also", "not"}
)


def _passive_by(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "The plan was sharply criticized by the riders", "a plan opposed by the union",
    "the fees, which were opposed by ...": the ones after "by" hold the stance (the
    mention), what it is held about is the content, the participle (with its adverbs)
    the cue."""
    low = toks[k].low
    if not (low.endswith("ed") or low in IRREGULAR_PAST) or k + 2 >= len(toks):
        return None
    agent = toks[k + 2 :]
    if agent[0].low.endswith("ing"):
        return None  # "backed by saying ...": how, not who
    end = next(
        (x for x, t in enumerate(agent) if not t.is_word or t.low in _AGENT_ENDS), len(agent)
    )
    m = noun_phrase(text, agent[:end])
    if m is None:
        return None
    c = k
    while c > 0 and (toks[c - 1].low in _DEGREE or toks[c - 1].low.endswith("ly")):
        c -= 1
    a = c
    while a > 0 and (toks[a - 1].low in _PASSIVE_AUX or toks[a - 1].low.endswith(("n't", "n’t"))):
        a -= 1
    if a == 0:
        return None  # "Backed by the union, Lee ...": the holder is the sentence's subject
    if a < c:
        subject = _subject(text, toks, a)  # "the plan was (not) opposed by"
    else:
        # no auxiliary: the participle follows its noun ("a plan opposed by", "the
        # plan, opposed by")
        last = a - 2 if a > 1 and toks[a - 1].text == "," else a - 1
        if last < 0 or not toks[last].is_word:
            return None
        subject = _subject(text, toks, last + 1)
        if subject is not None and subject.end != toks[last].end:
            return None
    if subject is None:
        return None
    s0 = subject.phrase_start if 0 <= subject.phrase_start < subject.start else subject.start
    spans = [(s0, subject.end)]
    if end < len(agent) and agent[end].low in ("for", "of", "as"):
        # "was criticized by riders for the fares": why, or as what, is the claim's too
        more = content_after(toks, k + 2 + end, "object")
        if more is not None:
            spans.append(more)
    if any(overlaps_any(taken, *span) for span in spans):
        return None
    return Found(spans, Cue(toks[c].start, toks[k].end, low, False), m, pi)


def _passive(toks: list[Tok], k: int) -> bool:
    """Is the participle at ``k`` passive ("was criticized", "aren't admitted")?"""
    low = toks[k].low
    if not (low.endswith("ed") or low in IRREGULAR_PAST or low in ("sought", "thought")):
        return False
    j = k - 1
    while j > 0 and (toks[j].low in _DEGREE or toks[j].low.endswith("ly")):
        j -= 1
    be = toks[j].low.replace("’", "'")
    return be in _BE or (be.endswith("n't") and be[:-3] in ("is", "are", "was", "were"))


def _noun_before(t: Tok) -> bool:
    """ "the", "his", "Clinton's" before a verb form make it a noun ("his attacks")."""
    return _noun_word(t.low)


def _noun_word(low: str) -> bool:
    low = low.replace("’", "'")
    if low.endswith("'s") and low[:-2] in _CONTRACTED:
        return False  # "he's": a contraction, not a possessor
    return low in DETERMINERS or low in _POSSESSIVES or low.endswith("'s")


def _plausible_subject(m: Mention) -> bool:
    """Does the mention read as a subject? It does not end in a possessive, a determiner or a
    preposition ("Clinton's", "in response to a") and holds no verb ("Senator sharpens")."""
    words = m.text.replace("’", "'").split()
    last = words[-1].lower()
    if (
        last in _POSSESSIVES
        or last in DETERMINERS
        or last in _NOT_CONTENT_START
        or last.endswith("'s")
    ):
        return False
    if any(w in _TRIGGERS or w in _MAIN_VERBS for w in words[1:] if w.islower()):
        return False
    # "The administration struggled", "made no", "an unprompted": a verb or an adjective
    if last.endswith(("ed", "ing")) or last in IRREGULAR_PAST:
        return not words[-1].islower()
    return not any(w in _NOT_HEADS for w in words if w.islower())


# Words that end no subject: "made no comment", "the harsh talk".
_NOT_HEADS = frozenset({"no", "harsh", "its", "it's", "which", "means", "including"})


def _takes_infinitive(t: Tok) -> bool:
    """Can ``t`` govern a "to" before the verb ("wants to", "is able to", "voted to")?
    Not a noun or a name ("pushed Democrats to", "the club to")."""
    low = t.low
    if t.is_cap or not t.is_word:
        return False
    return (
        low in _TRIGGERS
        or low in _BE
        or low.endswith(("ed", "ing"))
        or low in _INFINITIVE_HEADS
        or low in SKIP_BACK
    )


# Verbs that pass their subject on to the "to"-verb: "Lee continued to attack the plan".
_CATENATIVES = frozenset(
    {"continue", "continues", "continued", "continuing", "try", "tries", "tried", "trying"}
    | {"began", "begin", "begins", "beginning", "started", "starts", "start", "sought"}
    | {"seeks", "seek", "went", "goes", "go", "moved", "moves", "rushed", "hastened"}
)

_INFINITIVE_HEADS = frozenset(
    {"want", "wants", "need", "needs", "try", "tries", "tried", "able", "likely", "going"}
    | {"continue", "continues", "began", "begin", "begins", "set", "ready", "used", "has"}
    | {"have", "had", "got", "ought", "appear", "appears", "seem", "seems", "refuse"}
)


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
        and (
            toks[j].low in SKIP_BACK
            or toks[j].low.endswith(("n't", "n’t"))
            or (toks[j].low.endswith("ly") and len(toks[j].low) > 4)
            or (toks[j].low in _CATENATIVES and toks[j + 1].low == "to")
        )
    ):
        if toks[j].low == "to" and j > 0 and not _takes_infinitive(toks[j - 1]):
            # "Lee pushed Democrats to reject ...": the one who pushes, not the pushed
            return subject_before(text, toks, j)
        j -= 1
    if j < 0:
        return None
    if toks[j].low in NOT_CLAUSE_START and toks[j].low in ("the", "a", "an", "his", "her", "their"):
        return None  # "the support", "his call": a noun
    if toks[j].text == ",":
        return _apposed_subject(text, toks, j)
    if _progressive(toks[j].low) and toks[j].low not in _BE:
        # "she's hoping": the pronoun of the contraction
        t = toks[j]
        e = t.start + t.text.replace("’", "'").index("'")
        kind = "organisation" if t.low.startswith("it") else "person"
        return Mention(t.start, e, text[t.start : e], "pronoun", kind, phrase_start=t.start)
    if toks[j].low == "and" and j > 1 and toks[j - 1].text != ",":
        # "Lee won the vote and called for ...": the sentence's subject
        return subject_before(text, toks, j)
    if toks[j].low in BOUNDARY and toks[j].low not in ("who", "that", "which"):
        return None
    m = relative_before(toks, k) or subject_of(text, toks, j + 1)
    if m is not None and _after_preposition(toks, m):
        # "Most voters in the valley see ...": the whole phrase, not "the valley"
        m = generic_subject(text, toks, j + 1, 0) or _opening_phrase(text, toks, j) or m
    if m is None:
        m = generic_subject(text, toks, j + 1, 0)
    if m is None:
        m = _opening_phrase(text, toks, j)
    return m


def _after_preposition(toks: list[Tok], m: Mention) -> bool:
    """Does a preposition come right before the mention ("in the valley")?"""
    i = next((x for x, t in enumerate(toks) if t.start == m.phrase_start), None)
    return i is not None and i > 0 and toks[i - 1].low in _PREPOSITIONS


_PREPOSITIONS = frozenset({"in", "of", "at", "from", "on", "for", "with", "across", "among"})


def _apposed_subject(text: str, toks: list[Tok], j: int) -> Mention | None:
    """ "Lee, the former mayor, endorsed ...": the name before the apposition that ends
    at the comma ``toks[j]``."""
    c = j - 1
    while c > 0 and toks[c].text != "," and j - c < _MAX_APPOSITION:
        if toks[c].text == "." and _abbreviated(toks[c - 1]):
            c -= 1  # "President George W. Bush"
            continue
        if toks[c].text in ".;:!?" or toks[c].text in ALL_MARKS:
            return None
        c -= 1
    if c <= 0 or toks[c].text != "," or c + 1 >= j:
        return None
    first = toks[c + 1]
    if first.is_cap and first.low not in _APPOSITION_STARTS:
        return None  # "Lee, Moss and Ruiz oppose ...": a list, not an apposition
    if not (first.is_word and (first.low not in BOUNDARY or first.low == "who")):
        return None
    m = mention_before(text, toks, c, 0)
    if m is None or m.end != toks[c - 1].end:
        return None
    return m


def _abbreviated(t: Tok) -> bool:
    """A title or an initial that a period follows ("Gov.", "W.")."""
    return t.low in ABBREVIATIONS or (len(t.text) == 1 and t.is_cap)


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


def content_after(toks: list[Tok], start: int, kind: str) -> tuple[int, int] | None:
    """The content from ``toks[start]``: an object to the end of its phrase, a clause
    to the end of the clause; None when it is too short to be a claim."""
    body = toks[start:]
    body = body[: clause_end(body, objects=kind != "clause")]
    cut = next((x for x in range(1, len(body)) if _aside_or_adjunct(body, x, kind)), None)
    if cut is not None:
        body = body[:cut]
    if _introduced(toks, start):
        # "Despite his remarks about the fares, Lee ...": the phrase ends at its comma
        comma = next((x for x in range(1, len(body)) if body[x].text == ","), None)
        if comma is not None:
            body = body[:comma]
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
                if (
                    body[x - 1].text == ","
                    and body[x].low in _OBJECT_STOPS
                    and not _as_complement(body, x)
                )
                or (
                    body[x].low == "as"
                    and x + 1 < len(body)
                    and body[x + 1].low in ("if", "though")
                )
            ),
            None,
        )
        if stop is not None:
            body = body[: stop - 1 if body[stop - 1].text == "," else stop]
        body = _strip_time(body)
        body = body[: _time_after_name(body)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not body or not body[0].is_word:
        return None
    words = sum(1 for x in body if x.is_word)
    if words < 2 and not (kind == "object" and (body[0].is_cap or body[0].low in _PERSONS)):
        return None
    return body[0].start, body[-1].end


# A one-word object that is a claim all the same: "voted for him", "a name" ("Lee").
_PERSONS = frozenset({"him", "her", "them"})

# Words that open a phrase before a sentence's subject: "Despite ..., Lee said".
_INTRODUCERS = frozenset(
    {"despite", "after", "before", "while", "when", "although", "though", "since", "if"}
    | {"because", "amid", "with", "without", "in", "as", "following", "unlike", "like"}
    | {"during", "for", "once", "to", "unless", "until", "upon"}
)


def _introduced(toks: list[Tok], start: int) -> bool:
    """Does the sentence open with a phrase that holds ``toks[start]`` ("Despite his
    remarks about the fares, ..."): an introducing word first and no comma before?"""
    first = 0
    while first < start and toks[first].low in _LEADS:
        first += 1
    if first >= start or toks[first].low not in _INTRODUCERS:
        return False
    return not any(t.text == "," for t in toks[first:start])


# After an object, these open a clause of circumstance: "apologized for the remark when
# it aired", "backed the plan even though ...", "turned to the pier now that ..."
_CIRCUMSTANCE = {"when": None, "even": "though", "now": "that"}


def _aside_or_adjunct(body: list[Tok], x: int, kind: str) -> bool:
    """Does the content from ``body[0]`` end before ``body[x]``: a spaced dash opening an
    aside ("backed the plan -- but ..."), or after an object a clause of circumstance?"""
    t = body[x]
    if t.text in DASHES:
        y = spaced_dash(body, x)
        # a quote after the dash is a claim of its own (the frame yields)
        return (
            y is not None
            and y + 1 < len(body)
            and body[y + 1].text not in ALL_MARKS
            and body[y + 1].start > body[y].end
        )
    if t.low == "and" and x > 1 and _second_predicate(body, x, kind):
        return True
    if kind == "clause":
        return False
    if t.low in _CHANNEL_PREPS:
        return _channel(body, x)
    if t.low not in _CIRCUMSTANCE:
        return False
    second = _CIRCUMSTANCE[t.low]
    return second is None or (x + 1 < len(body) and body[x + 1].low == second)


_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "you"})


def _second_predicate(body: list[Tok], x: int, kind: str) -> bool:
    """Does "and" at ``body[x]`` open a clause of its own ("... and she won the debate")
    or, after an object or a to-clause, a second verb of the frame's subject ("pledged
    to cut taxes and dropped the plan a year later")?"""
    if x + 2 >= len(body):
        return False
    nxt = body[x + 1]
    if nxt.low in _PRONOUN_SUBJECTS:
        return body[x + 2].is_word and not body[x + 2].is_cap
    if kind == "clause" and body[0].low not in ("to", "not"):
        return False  # "that prices rose and stayed high": the clause's own subject
    return nxt.low not in _MAIN_VERBS and _finite(nxt)  # a past verb, not "and has"


# Where something was said or posted, after its object: "shared the news on social
# media", "criticized the plan in a radio interview", "thanked supporters at a rally".
_CHANNEL_PREPS = frozenset({"on", "in", "during", "at", "to", "via"})
_PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "television", "tv"})
_OCCASIONS = frozenset({"interview", "speech", "debate", "rally", "conference", "appearance"})


def _channel(body: list[Tok], x: int) -> bool:
    """Does ``body[x]`` (a preposition) open the place where the object was voiced: a
    platform ("on Twitter", "on his Facebook page", "on social media") or an occasion
    with its determiner ("in a radio interview", "at a rally")? Not after a participle
    ("remarks made in an interview" keeps its own phrase)."""
    prev = body[x - 1].low
    if prev.endswith("ed") or prev in IRREGULAR_PAST:
        return False
    y = x + 1
    det = y < len(body) and (body[y].low in DETERMINERS or _possessor_word(body[y].low))
    if det:
        y += 1
    for z in range(y, min(len(body), y + 2)):
        low = body[z].low
        if low in _PLATFORMS or (
            low == "social" and z + 1 < len(body) and body[z + 1].low == "media"
        ):
            return True
        if low in _OCCASIONS:
            return det and body[x].low != "to"
    return False


# Words after ", as" that make it an adverb or a clause, not a role ("as well as", "as
# often as", "as if").
_NOT_ROLE_AFTER_AS = frozenset(
    {"well", "often", "much", "many", "long", "soon", "far", "if", "though", "of", "for", "to"}
)


def _as_complement(body: list[Tok], x: int) -> bool:
    """Does ", as" at ``body[x]`` open the role the object is given ("pointed to the
    tides, as a reason the ferry is late", "named three towns, as places to start"): a
    determiner, or a noun phrase without a verb up to the next comma or the end?"""
    if body[x].low != "as" or x + 1 >= len(body):
        return False
    nxt = body[x + 1]
    if not nxt.is_word or nxt.is_cap or nxt.low in _NOT_ROLE_AFTER_AS:
        return False
    if nxt.low in DETERMINERS or nxt.low == "another":
        return True  # "as a reason the ferry has not run": a verb may follow in the noun's clause
    for t in body[x + 1 :]:
        if t.text == ",":
            break
        if _finite(t) or t.low in _SUBJECT_PRONOUNS:
            return False
    return True


def _strip_time(body: list[Tok]) -> list[Tok]:
    """ "endorsed the plan on Saturday", "signed the bill three months ago": the time of
    the act is not part of the object."""
    end = len(body)
    while end > 0 and not body[end - 1].is_word:
        end -= 1
    ago = _time_ago(body, end)
    if ago is not None:
        return body[:ago]
    cut = end
    while cut > 1 and (body[cut - 1].low in _TIME_WORDS or body[cut - 1].low in _PART_OF_DAY):
        if body[cut - 1].low in _WEEKDAYS and body[cut - 2].low in _DAY_NAMERS:
            break
        cut -= 1
    if cut < end and any(
        body[x].low in _WEEKDAYS or body[x].low in ("week", "month", "year")
        for x in range(cut, end)
    ):
        before = body[cut - 1]
        if (
            before.low in _TIME_TAKERS
            or before.low in _POSSESSIVES
            or before.low in ("the", "a", "an", "that")
            or (_ing_form(before) and before.low not in _TIME_WORDS)
        ):
            # "by the end of this year", "ending next month", "the week": the time is
            # the object of the word before it, inside the object
            return body
        return body[:cut]
    return body


_AGO_UNITS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "decades"}
)
_AGO_COUNTS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several"}
)


def _time_ago(body: list[Tok], end: int) -> int | None:
    """Where "<count> <unit> ago" starts when it ends ``body[:end]`` after at least one
    word of the object ("three months ago", "a few weeks ago", "20 years ago"); None
    when it does not."""
    if end < 4 or body[end - 1].low != "ago" or body[end - 2].low not in _AGO_UNITS:
        return None
    count = body[end - 3]
    if not (count.text[:1].isdigit() or count.low in _AGO_COUNTS):
        return None
    start = end - 3
    if count.low == "few" and body[start - 1].low == "a":
        start -= 1
    return start if start >= 1 else None


# Words before a day that are part of the time ("late Thursday", "early Monday").
_PART_OF_DAY = frozenset({"late", "early"})

# Prepositions whose object may be a time ("until next week", "at the end of this year").
_TIME_TAKERS = frozenset(
    {"of", "for", "by", "until", "till", "before", "after", "since", "through", "during"}
    | {"from", "to", "at", "into", "over", "throughout", "within"}
)


def _time_after_name(body: list[Tok]) -> int:
    """Where an object ``body`` ends when a name closes it before a time ("endorsed Lee
    in March", "allegations against the union in 2015"): the time says when it was
    done, not what; after a common noun it may be the noun's own ("the vote in July")."""
    end = len(body)
    while end > 0 and not body[end - 1].is_word:
        end -= 1
    t = time_at_end(body[:end])
    if not 0 < t < end or not body[t - 1].is_cap or body[t].is_cap:
        return len(body)  # "the hours for Black Friday": a day's name, not a time
    if any(x.low in _CLAUSE_WORDS or x.text == "," or _finite(x) or _ing_form(x) for x in body[:t]):
        return len(body)
    return t


def _ing_form(t: Tok) -> bool:
    """A lower-case -ing word ("rallying"), a verb inside the object."""
    return t.low.endswith("ing") and len(t.low) > 4 and not t.is_cap


def _finite(t: Tok) -> bool:
    """A word that looks like a finite verb ("was", "angered", "took")."""
    low = t.low
    if t.is_cap or not t.is_word:
        return False
    return low in _MAIN_VERBS or low in IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4)


def _adjective(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Lee is confident that ...", "Lee was eager to ...", "Lee made it clear that ...":
    from the verb to the adjective is the cue, the subject the mention."""
    low = toks[k].low
    v = k - 1
    while v > 0 and toks[v].low in _DEGREE:
        v -= 1
    if low == "clear":
        if toks[v].low == "it" and v > 0:
            v -= 1
        if toks[v].low not in ("made", "makes", "make", "making"):
            return None
    elif not (toks[v].low in _BE or toks[v].low in _LINKING or _progressive(toks[v].low)):
        return None
    link = toks[k + 1].low
    if link == "that":
        start, kind = k + 2, "clause"
    elif link == "to" and _bare_verb(toks, k + 2) and low not in ("sure", "certain"):
        start, kind = k + 1, "clause"  # not "is sure to win": a forecast, not a belief
    elif link in _WH and low == "clear":
        start, kind = k + 1, "clause"
    elif link in ("about", "of", "in", "on", "with", "at") and low != "clear":
        start, kind = k + 2, "object"
    else:
        return None
    if start >= len(toks) or toks[start].low in _NOT_CONTENT_START:
        return None
    spans = content_after(toks, start, kind)
    if spans is None or overlaps_any(taken, *spans):
        return None
    m = _subject(text, toks, v + 1) if _progressive(toks[v].low) else _subject(text, toks, v)
    if m is None or not _plausible_subject(m) or m.text.lower() in ("it", "this", "that"):
        return None
    cue_end = k + 1 if kind == "object" else k
    return Found([spans], Cue(toks[v].start, toks[cue_end].end, low, False), m, pi)


# Passive forms that take their view without "as": "was deemed classified".
_DEEM = frozenset({"considered", "deemed"})


def _perceived_lead(prev: str, word: str) -> bool:
    """Can the word before a participle of ``_PERCEIVED`` (``prev`` as written, ``word``
    bare and lower case) make it a passive view ("is seen", "widely", "Lee, seen")?"""
    return (
        word in _BE
        or word in _PERCEIVE_ADVERBS
        or (word.endswith("ly") and len(word) > 4)
        or (prev.endswith(",") and len(prev) > 1)
    )


def _perceived(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Lee is widely seen as the favourite", "Lee is seen by many as ...", "the files
    were deemed secret", "Lee, regarded as a moderate, ...": PolNeAR's view of the subject;
    the content is the subject and the view, the cue "be" and the participle, the source
    the "by" phrase when there is one."""
    v = k - 1
    while v > 0 and (
        toks[v].low in _PERCEIVE_ADVERBS
        or toks[v].low in _DEGREE
        or (toks[v].low.endswith("ly") and len(toks[v].low) > 4)
    ):
        v -= 1
    comma = toks[v].text == ","
    if not comma and toks[v].low not in _BE:
        return None
    j = k + 1
    m: Mention | None = None
    if toks[j].low == "by":
        a = next((x for x in range(j + 1, min(len(toks), j + 8)) if toks[x].low == "as"), None)
        if a is None or any(not t.is_word for t in toks[j + 1 : a]):
            return None
        m = noun_phrase(text, toks[j + 1 : a])
        j = a
    if toks[j].low == "as":
        if j + 1 >= len(toks) or toks[j + 1].low in _NOT_CONTENT_START:
            return None
    elif comma or toks[k].low not in _DEEM or m is not None:
        return None
    elif not toks[j].is_word or toks[j].low in NOT_OBJECT_START or toks[j].low in _BE:
        return None  # "was considered by", "is considered to be": not the view itself
    stop = len(toks)
    if comma:  # "Lee, regarded as a moderate, won": the apposition ends at its comma
        stop = next((x for x in range(j + 1, len(toks)) if toks[x].text == ","), stop)
    # PolNeAR's cue takes the "as" of "is seen as" when no "by" phrase comes between
    cue_as = toks[j].low == "as" and m is None and not comma
    view = content_after(toks[:stop], j + 1 if cue_as else j, "object")
    if view is None:
        return None
    spans = [view]
    subject = mention_before(text, toks, v, 0) if comma else _subject(text, toks, v)
    if subject is not None and subject.end <= toks[v].start:
        s0 = subject.phrase_start if 0 <= subject.phrase_start < subject.start else subject.start
        spans.insert(0, (s0, subject.end))
    elif comma:
        return None
    elif toks[v - 1].text == ",":
        held = _parenthesised_subject(text, toks, v - 1)
        if held is not None and not overlaps_any(taken, *held):
            spans.insert(0, held)
    if any(overlaps_any(taken, s0, e0) for s0, e0 in spans):
        return None
    first = k if comma else v
    last = j if cue_as else k
    return Found(spans, Cue(toks[first].start, toks[last].end, toks[k].low, False), m, pi)


def _parenthesised_subject(text: str, toks: list[Tok], j: int) -> tuple[int, int] | None:
    """ "The guild, which backed Lee, is seen as ...": the subject before a relative clause;
    "The two towns, Elm and Oak, are seen as ...": the subject with its apposition, which
    PolNeAR keeps; ``toks[j]`` is the comma that closes them."""
    c = j - 1
    while c > 0 and toks[c].text != "," and j - c < _MAX_APPOSITION:
        if toks[c].text in ".;:!?" and not _abbreviated(toks[c - 1]):
            return None
        c -= 1
    if c <= 0 or toks[c].text != "," or c + 1 >= j:
        return None
    m = mention_before(text, toks, c, 0)
    if m is None or m.end != toks[c - 1].end:
        return None
    s0 = m.phrase_start if 0 <= m.phrase_start < m.start else m.start
    if toks[c + 1].low in ("which", "who"):
        return s0, m.end
    return s0, toks[j].end


def _possessor_word(low: str) -> bool:
    low = low.replace("’", "'")
    return low in _POSSESSIVES or (low.endswith("'s") and len(low) > 3)


def _possessed_stance(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Lee's decision to close the plant", "her opposition to the bridge": the possessor
    holds the stance; the noun and its preposition are the cue."""
    prev, link = toks[k - 1], toks[k + 1]
    if k + 2 >= len(toks) or link.low not in _NOUN_LINKS:
        return None
    if link.low == "to" and _bare_verb(toks, k + 2):
        start, kind, cue_end = k + 1, "clause", k  # "decision to close ...": "to" is content
    elif link.low == "to" and toks[k].low in _MESSAGE_NOUNS:
        return None  # "her statement to the meeting": whom it was addressed to
    elif link.low == "that":
        start, kind, cue_end = k + 2, "clause", k
    else:
        start, kind, cue_end = k + 2, "object", k + 1
    if toks[start].low in _NOT_CONTENT_START:
        return None
    if not any(_finite(t) for t in toks[: k - 1]):
        # the phrase is the sentence's subject: "Lee's plan to close it angered ..."
        stop = next((x for x in range(start + 1, len(toks)) if _finite(toks[x])), len(toks))
        spans = content_after(toks[:stop], start, kind)
    else:
        spans = content_after(toks, start, kind)
    if spans is None or overlaps_any(taken, *spans):
        return None
    if prev.low in _POSSESSIVES:
        # "Lee announced his plan to ...": the subject the pronoun refers to, else the pronoun
        m = subject_before(text, toks, k - 1) or Mention(
            prev.start, prev.end, prev.text, "pronoun", "person", phrase_start=prev.start
        )
    elif not prev.is_cap:
        # "the mayor's decision": the noun phrase from its determiner
        a = k - 1
        while a > 0 and k - a < 4 and toks[a - 1].is_word and toks[a - 1].low not in BOUNDARY:
            a -= 1
            if toks[a].low in DETERMINERS:
                break
        if toks[a].low not in DETERMINERS or toks[a].low in _POSSESSIVES:
            return None
        e = prev.end - 2
        m = Mention(toks[a].start, e, text[toks[a].start : e], "np", "person", head=prev.low[:-2])
    else:
        e = prev.end - 2
        m = mention_before(text, toks, k, 0)
        if m is not None and m.end == prev.end and m.start < e:
            m = replace(m, end=e, text=text[m.start : e])  # "the DNC's" -> "the DNC"
        if m is None or m.end != e:
            m = Mention(
                prev.start, e, text[prev.start : e], "name", "person", phrase_start=prev.start
            )
    return Found([spans], Cue(toks[k].start, toks[cue_end].end, toks[k].low, False), m, pi)


_HEADLINE_STOPS = frozenset({":", ";", ".", "—", "–", ",", "?", "!"})
_HEADLINE_ADVERBS = frozenset({"just", "now", "also", "still", "again", "finally", "never"})
# Verb forms a headline in title case reports with: "Lee Praises ...", "Lee Vows ..."
_HEADLINE_VERBS = frozenset(
    w for w in _STANCE | _INTENT | _MIND | frozenset(_PARTICLES) if w.endswith(("s", "ed"))
)
_HEADLINE_VERB_RE = re.compile(
    r" (" + trie_pattern({w.capitalize() for w in _HEADLINE_VERBS}) + r")\b"
)


def _headline(text: str, s: int, e: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "Harbour Master Praises New Ferry Timetable": in a headline in title case, the
    capitalised words before a stance verb are its subject and those after its object."""
    if _HEADLINE_VERB_RE.search(text, s, e) is None:
        return None  # (most headlines: no tokenizing)
    toks = tokenize(text, s, e)
    words = [t for t in toks if t.is_word]
    if len(words) < 4 or sum(1 for t in words if t.is_cap) * 4 < len(words) * 3:
        return None
    a = 0
    for k in range(1, len(toks) - 2):
        t = toks[k]
        if t.text in _HEADLINE_STOPS:
            a = k + 1
            continue
        low = t.low
        if not (t.is_cap and low in _HEADLINE_VERBS) or k - a < 1:
            continue
        run = toks[a:k]
        while run and (run[-1].low in _HEADLINE_ADVERBS or run[-1].low.endswith("ly")):
            run = run[:-1]  # "Lee Just Revealed ...", "Lee Finally Backed ..."
        if not run or any(not x.is_word for x in run) or run[-1].low in _BE:
            return None  # "... Was Released": a passive
        stop = next(
            (x for x in range(k + 1, len(toks)) if toks[x].text in _HEADLINE_STOPS), len(toks)
        )
        cue_end = k
        if k + 1 < stop and toks[k + 1].low in _PARTICLES.get(low, ()):
            cue_end = k + 1  # "Lee Worries About ...": the particle is the cue's
        body = toks[cue_end + 1 : stop]
        while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
            body = body[:-1]
        if sum(1 for x in body if x.is_word) < 2 or not body[0].is_word:
            return None
        m = noun_phrase(text, run)
        if m is None or overlaps_any(taken, body[0].start, body[-1].end) or inside(taken, t.start):
            return None
        cue = Cue(t.start, toks[cue_end].end, low, False)
        return Found([(body[0].start, body[-1].end)], cue, m, 0)
    return None


# A headline's "X to <verb> ...": what X is to do ("Council to back ferry plan").
_HEADLINE_TO_RE = re.compile(r" [Tt]o ([A-Za-z]+) ")
_HEADLINE_TO_VERBS = frozenset(
    w for w in _STANCE | _INTENT | frozenset(_PARTICLES) if not w.endswith(("s", "ed"))
) | {"back", "sue", "release", "campaign", "frame", "expand", "skip"}


def _headline_to(text: str, s: int, e: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "Harbour Board to back new ferry", "Lee, Moss to campaign for pier": in a headline,
    the words before "to" are the subject and those after the verb its object."""
    hit = _HEADLINE_TO_RE.search(text, s, e)
    if hit is None or hit.group(1).lower() not in _HEADLINE_TO_VERBS:
        return None
    toks = tokenize(text, s, e)
    k = tok_at(toks, hit.start() + 1)
    if not k or k > 7 or k + 3 >= len(toks) or not toks[0].is_cap:
        return None
    run = toks[:k]
    words = [t for t in run if t.is_word]
    if len(words) > 4 or any(not (t.is_word or t.text in (",", "&")) for t in run):
        return None
    if any(
        not t.is_cap
        or t.low in _BE
        or t.low in _WH
        or t.low in _VERB_FORMS
        or t.low.endswith("ing")
        for t in words
    ):
        return None  # "Lee pushes board to ...": a verb before "to", not a name
    m = noun_phrase(text, words)
    if m is None:
        return None
    v = toks[k + 1]
    start = k + 2
    if toks[start].low in _PARTICLES.get(v.low, ()):
        start += 1
    stop = next((x for x in range(start, len(toks)) if toks[x].text in _HEADLINE_STOPS), len(toks))
    body = toks[start:stop]
    if sum(1 for x in body if x.is_word) < 1 or not body or not body[0].is_word:
        return None
    span = (body[0].start, body[-1].end)
    if overlaps_any(taken, *span):
        return None
    return Found([span], Cue(toks[k].start, toks[start - 1].end, v.low, False), m, 0)


def _noun_after(low: str, prev: str, word: str) -> bool:
    """``_noun_use`` on the raw text: ``prev`` the word before as written, ``word`` it
    in lower case without trailing punctuation."""
    if low not in _VERB_FORMS or word in DETERMINERS:
        return True
    return not (prev[0].isupper() or word in _SUBJECT_WORDS or word in _ADVERBS) and not (
        word.endswith("ly") and len(word) > 4
    )


def _noun_use(low: str, prev: Tok) -> bool:
    """Is ``low`` a noun here? A form that is also a verb ("calls", "comments") is a verb
    after a pronoun, a name or an adverb ("she comments on", "Lee often calls for")."""
    return low not in _VERB_FORMS or not _verb_before(prev)


def _verb_before(prev: Tok) -> bool:
    """Does ``prev`` make the word after it a verb (a subject or an adverb)?"""
    if not prev.is_word:
        return False
    p = prev.low
    if p in DETERMINERS:
        return False  # "The comments on ...": a noun, even at the sentence start
    return prev.is_cap or p in _SUBJECT_WORDS or (p.endswith("ly") and len(p) > 4) or p in _ADVERBS


# Besides a finite verb, these end a subject phrase: modals, and "comes" or "came".
_VERB_STOPS = frozenset({"could", "can", "should", "may", "might", "must", "comes", "came"})


def _noun_prep(toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "Criticism of the new pier has united the town": the object of a noun of stance
    without a possessor; the noun and its preposition are the cue, no one its source."""
    start = k + 2
    if start >= len(toks) or toks[start].low in _NOT_CONTENT_START:
        return None
    if not toks[start].is_word or toks[start].low in NOT_OBJECT_START:
        return None
    if toks[k].low == "support" and toks[k - 1].low != "in":
        return None  # "the support of most riders": they hold it, it is not its object
    if not any(_finite(t) for t in toks[:k]):
        # the phrase is the sentence's subject: "The comments on the pier angered ...",
        # "Criticism of the fares could not stop ..."
        stop = next(
            (
                x
                for x in range(start + 1, len(toks))
                if _finite(toks[x]) or toks[x].low in _VERB_STOPS
            ),
            len(toks),
        )
        spans = content_after(toks[:stop], start, "object")
    else:
        spans = content_after(toks, start, "object")
    if spans is None or overlaps_any(taken, *spans):
        return None
    return Found([spans], Cue(toks[k].start, toks[k + 1].end, toks[k].low, False), None, pi)


# Verbs whose subject meets the stance of others: "the plan drew criticism from riders".
_MEETING = frozenset(
    {"drew", "drawn", "draws", "draw", "drawing", "faced", "faces", "face", "facing"}
    | {"received", "receives", "receive", "got", "gotten", "gets", "attracted", "attracts"}
    | {"won", "wins", "win", "winning", "secured", "secures", "earned", "earns", "landed"}
    | {"snagged", "has", "had", "have", "picked", "sewn", "locked", "lock", "locks"}
    | {"enjoys", "enjoyed", "enjoy", "enjoying", "gained", "gains", "gaining", "garnered"}
)
# Nouns of a stance given to someone: "won the endorsement of the union" (the union's).
_GIVEN = frozenset({"endorsement", "endorsements", "support", "backing"})


_MEETING_DEGREE = frozenset(
    {"sharp", "harsh", "strong", "heavy", "much", "some", "fierce", "full", "broad", "wide"}
    | {"overwhelming", "solid", "deep", "growing", "unanimous", "more", "most", "less"}
)


def _stance_from(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "The plan drew criticism from riders (that it ...)", "Lee won the endorsement of
    the union": the ones after "from" or "of" hold the stance (the mention); its content
    is the clause after "that" when one follows, else the subject that meets it; the
    noun is the cue."""
    j = k - 1
    while j > 0 and k - j <= 4 and toks[j].is_word and toks[j].low not in _MEETING:
        if not (
            toks[j].low in DETERMINERS
            or toks[j].low in _MEETING_DEGREE
            or toks[j].low in ("up", "down")
            or toks[j].low.endswith(("ly", "ed"))
        ):
            return None  # "drew (sharp) criticism from": only a determiner or a degree
        j -= 1
    if toks[j].low not in _MEETING:
        return None
    body = toks[k + 2 :]
    end = next((x for x, t in enumerate(body) if not t.is_word or t.low in _HOLDER_ENDS), len(body))
    m = noun_phrase(text, body[:end])
    if m is None:
        return None
    if end < len(body) and body[end].low == "that":
        span = content_after(toks, k + 3 + end, "clause")
        spans = [span] if span is not None else []
    else:
        subject = _subject(text, toks, j)
        if subject is None or not _plausible_subject(subject):
            return None
        s0 = subject.phrase_start if 0 <= subject.phrase_start < subject.start else subject.start
        spans = [(s0, subject.end)]
        if end < len(body) and body[end].low == "for":
            # "drew criticism from riders for the fares": what for is the claim's too
            more = content_after(toks, k + 2 + end, "object")
            if more is not None:
                spans.append(more)
    if not spans or any(overlaps_any(taken, *span) for span in spans):
        return None
    # the cue from the verb ("won the endorsement"): the noun alone would read as the
    # subject's own stance
    return Found(spans, Cue(toks[j].start, toks[k].end, toks[k].low, False), m, pi)


# Verbs (and "with") whose subject holds the stance their object noun names: "Lee had
# doubts about", "Lee voiced criticism of", "Lee answered with the argument that"
_IN_STANCE = frozenset({"favor", "favour", "support", "defense", "defence"})  # "in favor of"
_HOLDING = frozenset(
    {"had", "has", "have", "having", "with", "voiced", "expressed", "offered", "gave", "made"}
    # "Lee drew attention to", "makes the case for", "took swipes at", "is a proponent of"
    | {"make", "makes", "making", "drew", "draw", "draws", "paid", "pay", "pays", "took"}
    | {"take", "takes", "taking", "is", "was", "remains", "shown", "showed", "embrace"}
)


def _with_holder(text: str, toks: list[Tok], k: int, found: Found | None) -> Found | None:
    """``found`` (a noun frame at ``toks[k]`` with no source) with the one who holds the
    stance when the sentence says: a plural possessor ("the judges’ statement that"), or
    the subject of a verb whose object the noun is ("Lee had strong views on")."""
    if found is None:
        return None
    m: Mention | None = None
    prev = toks[k - 1]
    if prev.text in ("’", "'") and k >= 2 and toks[k - 2].low.endswith("s"):
        m = mention_before(text, toks, k - 1, 0)  # "the judges’ statement"
    elif prev.low in _POSSESSIVES:  # "his contention that": the pronoun, as written
        m = Mention(prev.start, prev.end, prev.text, "pronoun", "person", phrase_start=prev.start)
    elif _possessor_word(prev.low):  # "Lee's contention that"
        m = mention_before(text, toks, k, 0)
        if m is not None and m.end == prev.end and m.end - 2 > m.start:
            m = replace(m, end=m.end - 2, text=text[m.start : m.end - 2])
    elif prev.low == "to" and toks[k].low in _VERB_FORMS and k >= 2:
        # "Lee used the speech to call for ...": a verb after all, the sentence's subject's
        m = subject_before(text, toks, k - 1)
        if m is not None and not _plausible_subject(m):
            m = None
    elif prev.low == "in" and toks[k].low in _IN_STANCE:
        # "riders marched in favor of the route": the sentence's subject holds it
        m = subject_before(text, toks, k - 1)
        if m is not None and not _plausible_subject(m):
            m = None
    else:
        for j in range(k - 1, max(0, k - 6), -1):
            t = toks[j]
            if not t.is_word:
                # "Lee, a longtime critic of the fares": the one the apposition names
                if t.text == "," and toks[j + 1].low in ("a", "an") and j >= 1:
                    m = mention_before(text, toks, j, 0)
                    if m is not None and not _plausible_subject(m):
                        m = None
                break
            if t.low in _HOLDING:
                # the verb's own subject ("Lee had"); for "with", the sentence's
                m = mention_before(text, toks, j, 0) if t.low != "with" else None
                m = m or subject_before(text, toks, j)
                if m is not None and not _plausible_subject(m):
                    m = None
                break
    return found if m is None else replace(found, mention=m)


def _noun_that(toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "amid complaints that the ferry runs late": the clause after "that" is what the
    noun holds; no one is named as its source."""
    start = k + 2
    if start >= len(toks) or toks[start].low in NOT_CLAUSE_START:
        return None
    if not finite_soon(toks, start, 6):
        return None  # "fears that grew": a relative clause, not what is feared
    spans = content_after(toks, start, "clause")
    if spans is None or overlaps_any(taken, *spans):
        return None
    return Found([spans], Cue(toks[k].start, toks[k].end, toks[k].low, False), None, pi)


# "have known", "'ve known": knowing someone, not a reputation
_KNOWN_BY = frozenset({"has", "have", "had", "'ve", "’ve", "having"})
# Between "is" and "known": "is perhaps best known", "was not widely known".
_KNOWN_DEGREE = frozenset(
    {"best", "well", "also", "perhaps", "not", "widely", "now", "still", "once", "better"}
    | {"long", "often", "sometimes", "already"}
)


def _reputation(toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "a club known as the Friends of the Ferry", "Lee is best known for ...": what
    something is known as or for, PolNeAR's claim without a source; the content is the
    thing (its noun phrase or the subject) and its reputation, the words between them
    ("is best known for") the cue; "known to" keeps its "to" in the content."""
    j = k - 1
    while j > 0 and (toks[j].low in _KNOWN_DEGREE or toks[j].low.endswith("ly")):
        j -= 1
    if toks[j].low in _KNOWN_BY or toks[j].low == "been":
        return None
    be = toks[j].low in _BE or toks[j].low.endswith(("n't", "n’t"))
    if be:
        a = j - 1  # "Lee is known for ...": the subject before "is"
        while (
            a > 0
            and toks[a - 1].is_word
            and toks[a - 1].low not in BOUNDARY
            and toks[a - 1].low not in _PREPOSITIONS
            and toks[a - 1].low not in ("to", "by", "into", "about")
            and j - a < 8
        ):
            a -= 1
        last = j - 1
    else:
        a = j  # "a club known as ...": the noun phrase before
        while a > 0 and toks[a - 1].is_word and toks[a - 1].low not in BOUNDARY and k - a < 6:
            a -= 1
            if toks[a].low in DETERMINERS:
                break
        last = j
    while last > a and not toks[last].is_word:
        last -= 1  # "The fee, known as": the comma is neither
    if not toks[a].is_word or a >= k or last < a:
        return None
    stop = len(toks)
    if toks[j].low not in _BE and not toks[j].low.endswith(("n't", "n’t")):
        # "The levy, known as CBAM, requires ...", "A club known as X met ...": the
        # phrase ends at its comma or at the sentence's verb
        stop = next(
            (x for x in range(k + 2, len(toks)) if toks[x].text == "," or _finite(toks[x])),
            stop,
        )
    after = content_after(toks[:stop], k + 1, "object")
    if after is None:
        return None
    cue_end = k if toks[k + 1].low == "to" else k + 1
    after = (toks[cue_end + 1].start, after[1])
    spans = [(toks[a].start, toks[last].end), after]
    if any(overlaps_any(taken, *span) for span in spans):
        return None
    first = next(x for x in range(last + 1, k + 1) if toks[x].is_word)
    return Found(spans, Cue(toks[first].start, toks[cue_end].end, "known", False), None, pi)


def _question(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "when asked whether he would run", "asked the mayor if the ferry ...": the
    question from its question word to the end of its clause; the one who asks is the
    subject, none after "when" (the reporter or an interviewer)."""
    if toks[k + 1].low == "about":
        return _asked_about(text, toks, k, pi, taken)
    w = next(
        (x for x in range(k + 1, min(len(toks), k + 2 + _MAX_ASKED)) if toks[x].low in _WH),
        None,
    )
    if w is None or any(not t.is_word for t in toks[k + 1 : w]):
        return None
    spans = content_after(toks, w, "clause")
    if spans is None or overlaps_any(taken, *spans):
        return None
    m = None
    if toks[k - 1].low not in ("when", "if", "after", "once", "being", "was", "were"):
        m = _subject(text, toks, k)
        if m is not None and not _plausible_subject(m):
            m = None
    t = toks[k]
    return Found([spans], Cue(t.start, t.end, t.low, False), m, pi)


# Before "asked about": the one asked is the sentence's speaker, the asker unnamed.
_ASKED_LEADS = frozenset({"when", "was", "were", "being", "been", "is", "after", "if", "once"})


def _asked_about(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "When asked about the fares, Lee said ...", "Lee was asked about the pier": what
    the question was about (an object) is the content, "asked about" the cue; no one is
    named as the one who asks."""
    if toks[k - 1].low not in _ASKED_LEADS and not (k == 1 and toks[0].low in _ASK):
        return None
    start = k + 2
    if start >= len(toks) or not toks[start].is_word or toks[start].low in _NOT_CONTENT_START:
        return None
    stop = next((x for x in range(start, len(toks)) if toks[x].text == ","), len(toks))
    spans = content_after(toks[:stop], start, "object")
    if spans is None or overlaps_any(taken, *spans):
        return None
    return Found([spans], Cue(toks[k].start, toks[k + 1].end, toks[k].low, False), None, pi)


def _reportedly(toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "The board is reportedly planning a new pier", "Lee reportedly walked out": the
    clause around the adverb is what is reported, the adverb the cue, the source unnamed."""
    a = k
    while (
        a > 0 and toks[a - 1].is_word and (toks[a - 1].low not in BOUNDARY or a == k) and k - a < 12
    ):
        a -= 1
    while a < k and toks[a].low in _LEADS:
        a += 1
    if a == k or toks[a].low in ("who", "which", "that"):
        return None
    after = content_after(toks, k + 1, "clause")
    if after is None:
        return None
    spans = [(toks[a].start, toks[k - 1].end), after]
    if any(overlaps_any(taken, s0, e0) for s0, e0 in spans):
        return None
    return Found(spans, Cue(toks[k].start, toks[k].end, "reportedly", False), None, pi)


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
    spans = content_after(toks, start, "clause" if clause else "shown")
    if spans is None or overlaps_any(taken, *spans):
        return None
    return Found([spans], Cue(t.start, t.end, t.low, True), m, pi)


# Words that open a clause after a verb of belief without "that" ("hopes the vote ...").
_CLAUSE_OPENERS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "the", "this", "there", "his", "her"}
    | {"their", "its", "our", "most", "many", "some", "voters", "people"}
)

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
# The sentence's own verb after a shown object: "a poll showing Lee ahead was released".
# Words that make an object more than a noun phrase, so a time after it may be its own.
_CLAUSE_WORDS = frozenset(
    {"to", "that", "whether", "if", "when", "after", "before", "who", "which", "while"}
    | {"as", "because", "since", "until", "he", "she", "they", "we", "i", "and", "or"}
)
_MAIN_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would"})

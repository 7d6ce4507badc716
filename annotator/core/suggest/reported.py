"""Reported speech: "X said (that) <clause>." and "according to X, <clause>."."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from .candidates import Candidate, cue_tok_range
from .clause_base import (
    CLAUSE_VERBS,
    FINITE_WORDS,
    NEGATED_BE,
    OBJECT_VERBS,
    PARTICIPLES,
    POST_VERBS,
    SPEECH,
    THAT_VERBS,
    after_time,
    antecedent_before,
    but_not_after,
    new_speaker_cue,
    same_form,
    subordinate_end,
)
from .clause_forms import comment_phrase, generic_subject
from .cues import Cue, Index
from .lexicon import ADVERBIAL_STARTS, CLAUSE_CUES, DETERMINERS, OBJECT_CUES, SUBJECT_PRONOUNS
from .noun_phrases import Mention
from .quotes import ALL_MARKS, Paragraph, Quote
from .speaker_mentions import mention_after, mention_before, relative_before, subject_before
from .tokens import Tok
from .verbs import FINITE_VERBS, IRREGULAR_PAST


def reported_claims(
    text: str,
    paras: list[Paragraph],
    ends: list[int],
    quotes: list[Quote],
    direct: list[Candidate],
    cues: Index,
) -> list[Candidate]:
    out: list[Candidate] = []
    used = {r.cue.start for r in direct if r.cue is not None and not r.loose}
    loose = {r.cue.start: r for r in direct if r.cue is not None and r.loose}
    q_open = [q.open_pos for q in quotes]
    q_close = [q.close_pos for q in quotes]
    superseded: set[int] = set()
    mentions_by_pos: list[tuple[int, Mention]] = sorted(
        (r.cue.start, r.mention) for r in direct if r.cue is not None and r.mention is not None
    )
    covered_end = -1
    for pi, p in enumerate(paras):
        for cue in cues.cues_between(p.start, p.end):
            if cue.start in used or cue.start < covered_end:
                continue
            qi = bisect_right(q_open, cue.start) - 1
            if qi >= 0 and q_close[qi] > cue.start:
                continue  # inside a quote
            k = bisect_right(ends, cue.start) - 1
            s_start = max(p.start, ends[k] if k >= 0 else 0)
            k = bisect_right(ends, cue.end)
            s_end = min(ends[k] if k < len(ends) else p.end, p.end)
            raw = _reported(text, cues, cue, s_start, s_end, pi, mentions_by_pos)
            if raw is None:
                continue
            cs, ce = raw.spans[0]
            partial = loose.get(cue.start)
            if partial is not None:
                if not (cs <= partial.spans[0][0] and partial.spans[-1][1] <= ce + 1):
                    continue
                # the reported clause holds the partial quote: one (indirect) claim
                superseded.add(id(partial))
                out.append(raw)
                covered_end = ce
                continue
            # a clause that is itself a quoted passage belongs to the direct claim
            qj = bisect_left(q_open, cs)
            if qj < len(quotes) and q_open[qj] < ce and text[cs : q_open[qj]].strip() == "":
                continue
            if qi >= 0 and q_close[qi] >= cs and q_open[qi] < ce:
                continue
            out.append(raw)
            # the writer's comment after a dash ends the clause but holds no claim
            covered_end = s_end if _SPACED_DASH_RE.match(text, ce) else ce
            if raw.mention is not None:
                insort(mentions_by_pos, (cue.start, raw.mention), key=lambda x: x[0])
    if superseded:
        direct[:] = [r for r in direct if id(r) not in superseded]
    return out


def _reported(
    text: str,
    index: Index,
    cue: Cue,
    s_start: int,
    s_end: int,
    pi: int,
    earlier: list[tuple[int, Mention]],
) -> Candidate | None:
    if not cue.according:
        # cheap rejections before tokenising the sentence
        if not (cue.word in CLAUSE_CUES or cue.word in OBJECT_CUES or cue.participle):
            return None
        after = _AFTER_CUE_RE.match(text, cue.end, s_end)
        if after is None:
            return None
        nxt = after.group(1)
        if (
            cue.participle
            and cue.word not in _OPEN_PARTICIPLES
            and nxt != "that"
            and not _pronoun_clause(cue, nxt)
        ):
            return None
    # the tokens near the cue are enough: the clause runs to the sentence end anyway
    toks = index.toks_between(max(s_start, cue.start - 300), min(s_end, cue.end + 200))
    r = cue_tok_range(toks, cue)
    if r is None:
        return None
    k, ke = r
    if (
        k > 0
        and toks[k - 1].low in NEGATED_BE
        and ke + 1 < len(toks)
        and toks[ke + 1].low != "that"
    ):
        return None  # "aren't admitted until ...": a passive, nobody admits anything
    if cue.word in _STATE_FORMS and k > 0 and _counts_states(toks[k - 1]):
        return None  # "Southern states that vote", "the fifth state that": the noun
    if cue.according:
        m = mention_after(text, toks, ke, len(toks))
        if m is None:
            return None
        # "according to X, <clause>." / "<clause>, according to X."
        # the mention must be all there is between "according to" and the comma (so not
        # "according to customs data" or "according to a copy of her remarks")
        after = [t for t in toks[ke + 1 :] if t.start >= m.end]
        if k == 0 and after and after[0].text == ",":
            rest = after[1:]
            if rest and (rest[0].low in ("a", "an", "the") or _possessive(rest[0])):
                # "According to X, a coalition of groups, <clause>", "According to X,
                # the mayor's deputy, <clause>"
                c = next((i for i, t in enumerate(rest[:16]) if t.text == ","), None)
                if c is not None and not any(_plain_verb(t) for t in rest[:c]):
                    rest = rest[c + 1 :]
            return _mk_reported(text, rest, s_end, cue, m, pi)
        if k > 0 and toks[k - 1].text == "," and not any(t.is_word for t in after):
            words = toks[: k - 1]
            colon = max((x for x, t in enumerate(words[:-2]) if t.text == ":"), default=-1)
            if colon >= 0:
                # "Superdelegates: Clinton leads by 480, according to the AP"
                words = words[colon + 1 :]
                return _mk_reported(text, words, toks[k - 1].start, cue, m, pi)
            opener = _connector_end(words)
            if opener:
                # "In fact, the fund raised $2 million, according to X.": the link to
                # the sentence before stays out
                words = words[opener:]
                return _mk_reported(text, words, toks[k - 1].start, cue, m, pi)
            return _mk_reported(text, words, toks[k - 1].start, cue, m, pi, s_start)
        return None
    # the words after the cue are read before its subject: cheaper, and they reject
    # many cues (speed)
    j = after_time(toks, ke + 1)
    if j >= len(toks):
        return None
    if toks[j].low in _ANSWERS and cue.word in _ANSWER_CUES and _answer_ends(toks, j):
        # "Every skipper but Berg said yes.": the answer is the claim
        m = mention_before(text, toks, k, 0) or generic_subject(text, toks, k, 0)
        return Candidate([(toks[j].start, toks[j].end)], cue, m, "indirect", pi, "")
    if cue.word in OBJECT_CUES or not (cue.word in CLAUSE_CUES or cue.participle):
        if cue.word not in OBJECT_CUES:
            return None
        j = _find_that(toks, j, 8)
        if j is None:
            return None
    elif toks[j].low == "that":
        j += 1
    elif _manner_then_that(toks, j):
        # "argued insistently that", "said for months that": the words before
        # "that" go with the cue
        j = _find_that(toks, j, 6) or j
    elif toks[j].low in ADVERBIAL_STARTS or toks[j].text == ",":
        comma = toks[j].text == ","
        j = _find_that(toks, j, 12) or (_pronoun_after_aside(toks, j) if comma else None)
        if j is None:
            return None
    elif not toks[j].is_word or toks[j].text in ALL_MARKS:
        return None
    elif not _has_finite_verb(toks[j : j + 16]) and not _pronoun_subject(toks, j):
        return None  # "she added a new clause": an object, not a reported clause
    elif cue.word in _MAINTAIN and not _pronoun_subject(toks, j):
        return None  # "maintains a nine-point margin among ...": what is kept, not said
    if (
        cue.participle
        and cue.word != "saying"
        and not _pronoun_clause(cue, toks[ke + 1].low)
        and toks[ke + 1].low != "that"
        and not (
            cue.word in OBJECT_CUES
            and toks[j - 1].low == "that"
            and k > 0
            and toks[k - 1].low in _PREP_BEFORE_ING
        )
    ):
        # ", adding about ten days to voyages" (but "after telling the board that": the
        # clause rules read ", telling X that")
        return None
    if cue.participle and toks[0].start <= s_start + 1 and _opens_sentence(toks, k):
        # "Noting that only one member voted, Lee said ...": the subject after the comma
        return _opening_participle(text, toks, j, cue, pi)
    m = relative_before(toks, k) or mention_before(text, toks, k, 0)
    if m is None and k > 1 and toks[k - 1].text in _DASHES:
        # "Ana Ruiz — who ran the port for years — said that": the subject before the
        # aside
        m = _before_aside(text, toks, k - 1)
    elif m is None and k > 3 and toks[k - 1].text == ",":
        # "The paper, citing its own sources, reported that"
        m = _before_participle_aside(text, toks, k - 1)
    elif m is None and k > 3 and toks[0].start <= s_start + 1:
        # "Skippers who fished here for years say that": the subject ends in a relative
        # clause
        m = _before_relative(text, toks, k)
    if (
        m is None
        and cue.word in ("said", "says", "say")
        and 0 < k < 9
        and toks[0].start <= s_start + 1
        and not any(t.text[0].isdigit() or t.low in _SHARES for t in toks[:k])
    ):
        # "The mayor's team said ...": a short subject the name rules do not read (not
        # "46 percent said ...; 30 percent said ...": the clause rules split those)
        m = generic_subject(text, toks, k, 0)
    if m is None:
        # "won the vote by saying that ...", "left after telling the board that ...":
        # the sentence's subject (not "After saying ..., the man asked": it follows)
        after_prep = (
            cue.participle
            and k > 2
            and toks[k - 1].low in _PREP_BEFORE_ING
            and toks[k - 2].start > s_start
        )
        aside = k > 0 and (toks[k - 1].text == "," or toks[k - 1].text in _DASHES)
        if not (cue.participle and (aside or after_prep)):
            return None
        e = bisect_right(earlier, cue.start, key=lambda x: x[0]) - 1
        if e >= 0 and earlier[e][0] >= s_start:
            m = earlier[e][1]
        else:
            m = subject_before(text, toks, k - 1 if after_prep else k)
            if m is None:
                return None
    w = next((x for x in range(k) if toks[x].start >= _phrase_start(m)), k)
    if (
        0 < w < k
        and toks[w - 1].text == ","
        and ke + 1 < len(toks)
        and toks[ke + 1].text == ","
        and any(t.is_word for t in toks[: w - 1])
    ):
        return None  # "The risk, he said, is ...": the clause rules read both halves
    rel = toks[w - 1] if 0 < w < k and toks[w - 1].low in _RELATIVES else None
    if rel is not None and w > 1 and toks[w - 2].low in _PREPOSITIONS and rel.low != "what":
        rel = None  # "in which he said": the relative belongs to the preposition
    # "a probe the agency said was ongoing": the noun phrase is the clause's subject
    ante = (
        antecedent_before(toks, w, toks[j]) if rel is None and 0 < w < k and j < len(toks) else None
    )
    body = toks[j:]
    if toks[0].start <= s_start + 1:
        cut = subordinate_end(toks, k, body)
        if cut < len(body):
            body = body[:cut]
            s_end = body[-1].end
    w = next((x for x in range(k) if toks[x].start == m.start), 0)
    if m.text.lower() in ("who", "which") and w > 0 and toks[w - 1].text == ",":
        # "The master, who said the ferries were late, resigned": the relative clause
        # ends at the comma before the sentence's own verb
        c = next((x for x in range(1, len(body) - 1) if _main_verb_after(body, x)), None)
        if c is not None:
            # 'who said it was "a ruin," resigned': the closing mark stays with the quote
            end = body[c + 1].end if body[c + 1].text in ALL_MARKS else body[c - 1].end
            return _mk_reported(text, body[:c], end, cue, m, pi)
    raw = _clause_to_end(text, body, s_end, cue, m, pi)
    if raw is not None and rel is not None:
        # "a policy which he said was costly": the relative word stands for the subject
        # of what was said
        raw.spans.insert(0, (rel.start, rel.end))
    elif raw is not None and ante is not None:
        raw.spans.insert(0, ante)
    return raw


_RELATIVES = frozenset({"which", "who", "whom", "where", "what"})

# A one-word answer after a verb of saying ("most riders said yes, ...")
_ANSWERS = frozenset({"yes", "no"})
_ANSWER_CUES = frozenset({"said", "say", "says", "answered", "replied"})


def _answer_ends(toks: list[Tok], j: int) -> bool:
    """Does the answer at ``toks[j]`` stand alone: the sentence, a clause or a comma
    ends after it ("said no. But ...", "said yes while ..."), not "said no one"?"""
    if j + 1 >= len(toks):
        return True
    nxt = toks[j + 1]
    return (not nxt.is_word and nxt.text not in ALL_MARKS) or nxt.low in ("and", "but", "while")


# Participles whose clause may follow without "that" ("saying ...", "telling X that").
_OPEN_PARTICIPLES = frozenset({"saying", "telling", "warning"})

# Participles whose clause may follow without "that" when a subject pronoun opens it
# ("suggesting she would ...", "insisting they had ..."; not "suggesting a new date")
_PRONOUN_PARTICIPLES = frozenset(
    {"suggesting", "claiming", "arguing", "insisting", "noting", "predicting", "asserting"}
)
_NOMINATIVE = frozenset({"he", "she", "they", "we", "i"})


def _pronoun_clause(cue: Cue, first: str) -> bool:
    """Does the participle ``cue`` take the clause opening with the word ``first``?"""
    return cue.word in _PRONOUN_PARTICIPLES and first.lower() in _NOMINATIVE


# Prepositions before a participle cue whose subject is the sentence's ("by saying").
_PREP_BEFORE_ING = frozenset({"by", "after", "before", "while", "without", "when", "since"})

_DASHES = frozenset({"—", "–", "-"})

_SHARES = frozenset(
    {"%", "percent", "half", "third", "quarter", "majority", "most", "many", "one", "two"}
    | {"three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)


# Words linking a sentence to the one before it, then a comma or not ("But", "In fact,").
_CONNECTORS = (("but",), ("however",), ("in", "fact"))


def _connector_end(words: list[Tok]) -> int:
    """How many of ``words`` (a sentence's opening) are a connector and its comma; 0
    when it opens with none."""
    for conn in _CONNECTORS:
        n = len(conn)
        if len(words) > n + 1 and tuple(t.low for t in words[:n]) == conn:
            return n + 1 if words[n].text == "," else n
    return 0


def _before_aside(text: str, toks: list[Tok], d: int) -> Mention | None:
    """The mention before an aside between dashes that ends at ``toks[d]`` ("Ana Ruiz
    — a former harbour official — said"); None when no dash opens one in the sentence."""
    while d > 0 and toks[d - 1].text in _DASHES:
        d -= 1  # the closing "--"
    o = d - 1
    while o > 0 and toks[o].text not in _DASHES:
        o -= 1
    while o > 0 and toks[o - 1].text in _DASHES:
        o -= 1  # "--"
    if o < 1 or d - o < 3:
        return None
    return mention_before(text, toks, o, 0)


def _before_participle_aside(text: str, toks: list[Tok], c: int) -> Mention | None:
    """The mention before an aside between commas that opens with a participle and ends
    at ``toks[c]`` ("The paper, citing its own sources, reported")."""
    o = c - 1
    while o > 0 and c - o < 12 and toks[o].text != ",":
        o -= 1
    if o < 1 or c - o < 3 or toks[o].text != ",":
        return None
    first = toks[o + 1]
    if first.is_cap or not first.low.endswith("ing") or first.low not in PARTICIPLES:
        return None
    return mention_before(text, toks, o, 0)


# Words that may open a sentence before its subject ("But skippers who ... say").
_SENTENCE_OPENERS = frozenset({"but", "and", "so", "yet", "now", "still"})


def _before_relative(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The sentence's subject when a relative clause without commas ends it right
    before the cue at ``toks[k]`` ("Skippers who fished here for years say"): the mention
    before "who", opening the sentence."""
    x = k - 2
    while x > 0 and k - x < 25:
        t = toks[x]
        if not t.is_word and t.text not in ("'", "’", "-"):
            return None
        if t.low in ("who", "which"):
            break
        x -= 1
    else:
        return None
    if x < 1 or toks[x].low not in ("who", "which"):
        return None
    m = mention_before(text, toks, x, 0)
    if m is None or m.form == "pronoun":
        return None
    p = next((i for i, t in enumerate(toks) if t.start >= _phrase_start(m)), x)
    if any(t.low not in _SENTENCE_OPENERS for t in toks[:p]):
        return None
    return m


def _opens_sentence(toks: list[Tok], k: int) -> bool:
    """Does the participle at ``toks[k]`` open the sentence ("Noting that ...", "After
    saying ...")?"""
    return k == 0 or (k == 1 and toks[0].low in ("after", "since", "while", "before"))


def _opening_participle(text: str, toks: list[Tok], j: int, cue: Cue, pi: int) -> Candidate | None:
    """The claim of a participle opening the sentence, its clause starting at
    ``toks[j]``: to the comma before the sentence's subject, who said it."""
    for c in range(j + 2, len(toks) - 2):
        if toks[c].text != ",":
            continue
        nxt = toks[c + 1]
        if not nxt.is_word or not (nxt.is_cap or nxt.low in DETERMINERS or nxt.low in _PRONOUNS):
            continue
        m = mention_after(text, toks, c, len(toks))
        if m is None or nxt.start not in (m.start, _phrase_start(m)):
            continue
        if not _has_finite_verb(toks[j:c]):
            return None
        return _mk_reported(text, toks[j:c], toks[c - 1].end, cue, m, pi)
    return None


_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


_STATE_FORMS = frozenset({"state", "states"})
# Before "state(s)", these make it the noun: "the first four states", "a dozen states".
_STATE_COUNTERS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
    | {"tenth", "last", "next", "other", "few", "several", "many", "all", "both", "most"}
    | {"these", "those", "some", "dozen", "two", "three", "four", "five", "six", "seven"}
    | {"eight", "nine", "ten", "swing", "battleground", "key", "early", "border", "member"}
    | {"belt", "red", "blue", "home", "whole", "individual", "southern", "northern"}
    | {"eastern", "western", "midwestern"}
)


def _counts_states(t: Tok) -> bool:
    """Does ``t`` before "state(s)" make it the noun: a number, a possessive or a word
    that counts, ranks or places states ("50 states", "Cruz's state chairman",
    "Southern states", "the fifth state")?"""
    low = t.low.replace("’", "'")
    return low in _STATE_COUNTERS or low.endswith("'s") or t.text[0].isdigit()


def _pronoun_subject(toks: list[Tok], j: int) -> bool:
    """Does a subject pronoun open the words at ``toks[j]`` ("said he and Lee differ",
    "said they differ")? The verb after it may have no listed form."""
    return toks[j].low in ("he", "she", "they", "we", "i") and j + 1 < len(toks)


_PREPOSITIONS = frozenset({"in", "during", "of", "for", "with", "at", "on", "by", "from", "to"})


def _phrase_start(m: Mention) -> int:
    return m.phrase_start if m.phrase_start >= 0 else m.start


def _main_verb_after(body: list[Tok], x: int) -> bool:
    """Is ``body[x]`` a comma followed by a past form or an auxiliary ("resigned", "has")?"""
    if body[x].text != ",":
        return False
    if body[x + 1].text in ALL_MARKS and x + 2 < len(body):
        x += 1  # 'was "a ruin," resigned': the quote closes after the comma
    t = body[x + 1]
    low = t.low
    return (
        t.is_word
        and not t.is_cap
        and ((low.endswith("ed") and len(low) > 4) or low in FINITE_WORDS or low in _SECOND_CUES)
    )


_AFTER_CUE_RE = re.compile(r"[\s,]+(\w+)")

# "maintain" reports a clause after "that" or a pronoun ("maintained he was right");
# after a noun it is mostly what is kept ("maintained his lead", "maintains a pace").
_MAINTAIN = frozenset({"maintain", "maintains", "maintained"})


def _has_finite_verb(toks: list[Tok]) -> bool:
    """Does the clause look like it has a finite verb ("was", "would", "welcomed",
    "Washington strongly supports")?"""
    for i, t in enumerate(toks):
        low = t.low
        if low in FINITE_WORDS or low in FINITE_VERBS or (low.endswith("ed") and len(low) > 4):
            return True
        if low in IRREGULAR_PAST:
            return True  # "the crew fled", "the engine broke"
        if (
            i
            and toks[i - 1].low in _BEFORE_VERB
            and t.is_word
            and not t.is_cap
            and low not in DETERMINERS
            and low not in _SHARES
        ):
            return True  # "the ferry never ran on time"
        if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3 and i:
            k = i - 1
            while k > 0 and (toks[k].low.endswith("ly") or toks[k].text in ALL_MARKS):
                k -= 1
            prev = toks[k]
            if prev.is_word and (prev.is_cap or prev.low in ("he", "she", "it")):
                return True
            if _singular_noun(prev) and i >= 2 and toks[i - 2].low in _SUBJECT_OPENERS:
                return True  # "each extra sailing costs", "the change shows"
            if 2 <= i <= 3 and all(_singular_noun(x) for x in toks[:i]):
                return True  # "said ferry safety depends on ..."
    return False


# Adverbs that stand right before a verb ("never ran", "already cut")
_BEFORE_VERB = frozenset({"never", "already", "always", "also", "recently", "repeatedly"})

# Words opening a subject noun phrase, so that "<opener> ... <noun> <verb>s" is a clause.
_SUBJECT_OPENERS = DETERMINERS | frozenset({"of", "each", "every"})


def _singular_noun(t: Tok) -> bool:
    """A lower-case word that may head a singular subject ("transition", "education")."""
    return (
        t.is_word
        and not t.is_cap
        and not t.low.endswith(("s", "ly", "ing", "ed"))
        and t.low not in DETERMINERS
        and len(t.low) > 3
    )


def _clause_to_end(
    text: str, body: list[Tok], s_end: int, cue: Cue, m: Mention, pi: int
) -> Candidate | None:
    """The reported clause ``body``: to the sentence end ``s_end``, or to where a second
    attribution starts."""
    if _trailing_attribution(body):
        return None  # "..., the paper reported.": the outer attribution is the claim
    cut = _second_attribution(body, cue.word)
    if cut < len(body):
        # ", adding ...", ", despite ...": the reporter's words after the clause
        body = body[:cut]
        while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
            body = body[:-1]
        if not body or not _has_finite_verb(body):
            return None  # "said Friday in Ferryside, noting ...": no clause before the cut
        return _mk_reported(text, body, body[-1].end, cue, m, pi)
    return _mk_reported(text, body, s_end, cue, m, pi)


def _trailing_attribution(body: list[Tok]) -> bool:
    """Does the clause end in an attribution of its own ("..., the paper reported.",
    "..., said a spokesman.")? PolNeAR takes that outer one alone; the clause rules
    read it."""
    n = len(body)
    for x in range(n - 3, max(0, n - 18), -1):
        if body[x].low == "according" and body[x + 1].low == "to" and body[x - 1].text == ",":
            # "..., according to notes she later shared with the council."
            return not any(t.text in ALL_MARKS for t in body[x:])
    for x in range(n - 2, max(0, n - 12), -1):
        t = body[x]
        if t.text == ",":
            return False
        if (t.low not in POST_VERBS and t.low not in _TRAILING_VERBS) or t.is_cap:
            continue
        c = x - 1
        while c > 0 and body[c].is_word and x - c <= 6:
            c -= 1
        if body[c].text != ",":
            continue
        after = body[x + 1 :]
        if any(a.low == "that" or a.text in ALL_MARKS for a in after):
            return False
        if c == x - 1:
            # "..., said a spokesman."
            return bool(after) and after[0].is_word
        first = body[c + 1]
        return first.is_cap or first.low in _SUBJECT_WORDS or _plural_subject(body[c + 1 : x])
    return False


_SUBJECT_WORDS = DETERMINERS | frozenset({"he", "she", "they", "we", "i", "officials", "analysts"})

# Verbs ending a sentence after its clause besides the lists' ("..., Lee maintains.").
_TRAILING_VERBS = frozenset({"maintains", "maintained", "writes", "contends", "contended"})


def _plural_subject(words: list[Tok]) -> bool:
    """Are ``words`` a plural noun phrase without a verb ("current and former
    officials", "several skippers")?"""
    return (
        bool(words)
        and words[-1].low.endswith("s")
        and not words[-1].low.endswith(("ss", "us", "is"))
        and all(
            w.is_word and not w.is_cap and w.low not in FINITE_WORDS and w.low not in FINITE_VERBS
            for w in words
        )
    )


def _second_attribution(body: list[Tok], cue: str) -> int:
    """Where ", adding ...", ", saying ..." or ", according to ..." starts a second
    attribution after the clause (index into ``body``; its length when none does)."""
    for x in range(1, len(body) - 1):
        if body[x].text == "," and (
            body[x + 1].low in PARTICIPLES or body[x + 1].low == "according"
        ):
            return x
        if (
            body[x].low in _PREP_BEFORE_ING
            and body[x + 1].low in PARTICIPLES
            and x + 2 < len(body)
            and body[x + 2].low == "that"
        ):
            # "said the deadlock kept us safe before claiming that ...": a second
            # attribution of the same speaker
            return x - 1 if body[x - 1].text == "," else x
        if body[x].low == "but" and but_not_after(body, x):
            # "said the ferry would run, but did not say when": the reporter's account
            return x - 1 if body[x - 1].text == "," else x
        if (
            body[x].low in ("and", "but")
            and _speech_verb_after(body, x + 1, cue)
            and not (body[x].low == "but" and any(t.low in _NEGATIONS for t in body[:x]))
        ):
            # "said the plan was dead and said that ...": the second verb has a clause
            # of its own
            return x - 1 if body[x - 1].text == "," else x
        if (
            body[x].text == ","
            and body[x + 1].low in ("but", "while", "whereas", "and", "although", "though")
            and new_speaker_cue(body, x + 2)
        ):
            # "said A, but officials said B", "suggested A, while Cruz said that B"
            return x
        if (
            body[x].text == ","
            and body[x + 1].low in ("and", "but", "although", "though")
            and x + 3 < len(body)
            and body[x + 2].low in ("he", "she", "they", "we", "i")
        ):
            return x  # "said the plan was dead, but he ...": the reporter's next clause
        if (
            body[x].low == "and"
            and body[x - 1].text in _COMMA_OR_DASH
            and body[x + 1].low in PARTICIPLES
            and x + 2 < len(body)
            and body[x + 2].low == "that"
        ):
            return x - 1  # "said A - and arguing that B": a second attribution
        if (
            body[x].text == ","
            and body[x + 1].low in ("the", "a", "an")
            and x > 2
            and all(b.text != "," for b in body[:x])
            and comment_phrase(body, x + 1)
        ):
            return x  # "said the ferry would run, the first change in years": a comment
        if body[x].low in ("and", "but") and _new_subject_clause(body, x):
            # "said the fee was fair, and the board has agreed": the reporter's clause
            return x - 1
        if body[x].text == "," and body[x + 1].low == "compared" and x + 2 < len(body):
            return x  # ", compared with 11 percent of ...": the reporter's comparison
    return len(body)


# Words opening a subject of someone other than the speaker after "and".
_NEW_SUBJECTS = (DETERMINERS - {"that", "this", "these"}) | frozenset({"it", "others", "both"})
# words that do not stand inside a short subject before its verb
_NOT_IN_SUBJECT = frozenset(
    {"that", "who", "which", "of", "on", "in", "for", "from", "to", "with", "by", "at", "as"}
    | {"and", "or", "but", "about", "after", "before", "when", "if", "because"}
)
_MAX_SUBJECT = 7  # words of that subject before its verb


def _new_subject_clause(body: list[Tok], x: int) -> bool:
    """Does ", and" at ``body[x]`` open a clause with a subject of its own, not the
    speaker's ("..., and the market did nothing", ", and Lee has agreed")? Its first
    word is a determiner, a name or "it", then a finite verb follows within a few
    words. After ", but" only a name counts (", but the rest were ..." is mostly
    the speaker's own contrast)."""
    y = x + 1
    n = len(body)
    if y + 1 >= n or x < 2:
        return False
    first = body[y]
    if body[x - 1].text not in _COMMA_OR_DASH:
        return False
    if not first.is_word or (first.low not in _NEW_SUBJECTS and not first.is_cap):
        return False
    if first.low in _NOMINATIVE:
        return False  # "and I ...": the speaker may go on
    if body[x].low == "but" and not first.is_cap:
        return False
    name = first.is_cap
    for v in range(y + 1, min(n, y + 1 + _MAX_SUBJECT)):
        t = body[v]
        low = t.low
        if low == "of" and body[v - 1].is_cap and v + 1 < n and body[v + 1].is_cap:
            continue  # "the Union of Ohio"
        if not t.is_word or low in _NOT_IN_SUBJECT:
            return False
        if not t.is_cap and (low in FINITE_WORDS or low in FINITE_VERBS or (name and _past(low))):
            return True
        name = name and t.is_cap
    return False


_COMMA_OR_DASH = _DASHES | {","}


def _past(low: str) -> bool:
    return low.endswith("ed") and len(low) > 4


# "was not involved but supported ...": a contrast inside the clause, one subject.
_NEGATIONS = frozenset({"not", "n't", "never", "no"})

# The reporting verbs that start a second attribution of the same speaker.
_SECOND_CUES = SPEECH | frozenset(
    {"noted", "argued", "insisted", "acknowledged", "conceded", "warned", "explained"}
    | {"claimed", "contended", "stressed", "emphasized", "suggested", "added", "pointed"}
    | {"notes", "argues", "insists", "acknowledges", "concedes", "warns", "explains"}
    | {"claims", "contends", "stresses", "emphasizes", "suggests", "adds"}
)


def _speech_verb_after(body: list[Tok], x: int, cue: str) -> bool:
    """Does a reporting verb start at ``body[x]``, after a pronoun or adverbs ("he also
    said", "later noted"), or a verb of the lists in the cue's own form ("acknowledged
    that ... and vowed", "saying ... and suggesting")?"""
    n = len(body)
    if x < n and body[x].low in ("he", "she", "they", "i", "we"):
        x += 1
    while x < n and body[x].low in _ADVERBS:
        x += 1
    if x + 1 >= n or body[x].is_cap:
        return False
    low = body[x].low
    return low in _SECOND_CUES or (low in _VERBS and same_form(low, cue))


_VERBS = CLAUSE_VERBS | THAT_VERBS | OBJECT_VERBS


_ADVERBS = frozenset({"also", "later", "then", "further", "repeatedly", "again", "has", "had"})


def _plain_verb(t: Tok) -> bool:
    """A finite verb of the lists or a past form ("had", "will", "reported")."""
    low = t.low
    return not t.is_cap and (
        low in FINITE_WORDS or low in FINITE_VERBS or (low.endswith("ed") and len(low) > 4)
    )


def _possessive(t: Tok) -> bool:
    """A capitalised possessive opening an apposition ("Lee's", "Harbour Board's")."""
    return t.is_cap and t.low.endswith(("'s", "’s"))


# Words besides "-ly" adverbs that may stand between a cue and its "that".
_MANNER_WORDS = frozenset({"for", "yet", "again", "of", "however", "instead", "still", "now"})


def _manner_then_that(toks: list[Tok], j: int) -> bool:
    """Do an adverb ("insistently", "yet", "however") or "for ..." start the words at
    ``j`` before a "that" within five words?"""
    t = toks[j]
    if t.is_cap or not (t.low.endswith("ly") or t.low in _MANNER_WORDS):
        return False
    return any(x.low == "that" for x in toks[j + 1 : j + 6])


def _pronoun_after_aside(toks: list[Tok], j: int) -> int | None:
    """Where the clause opens when an aside between commas at ``toks[j]`` comes first
    and a subject pronoun follows it ("says, rain or shine, she will sail"): at the
    aside, which PolNeAR keeps in the content."""
    end = next((x for x in range(j + 1, min(len(toks), j + 13)) if not toks[x].is_word), None)
    if end is None or toks[end].text != "," or end + 1 >= len(toks) or end == j + 1:
        return None
    return j + 1 if toks[end + 1].low in _NOMINATIVE else None


def _find_that(toks: list[Tok], j: int, limit: int) -> int | None:
    n = 0
    while j < len(toks) and n < limit:
        t = toks[j]
        if t.low == "that":
            return j + 1
        if t.low in PARTICIPLES and toks[j - 1].text == ",":
            return None  # "said in Paris, noting that ...": the participle's clause
        if not t.is_word and t.text != "," and not all(c in ALL_MARKS for c in t.text):
            return None  # quotation marks pass: 'said on "Meet the Press" that ...'
        j += 1
        n += 1
    return None


def _mk_reported(
    text: str, toks: list[Tok], end: int, cue: Cue, m: Mention, pi: int, start: int = -1
) -> Candidate | None:
    if not toks:
        return None
    s = toks[0].start if start < 0 else start
    while s < end and (text[s].isspace() or text[s] == ","):
        # a sentence start taken after the space that follows the last one, or the
        # comma of an aside right after "that" ("adding that, if the storm passes, ...")
        s += 1
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    e = _before_dash_aside(text, s, e)
    e = _before_relative_aside(text, s, e)
    e = _before_comment_apposition(text, s, e)
    if e > s and text[e - 1] == ".":
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if sum(1 for t in toks if t.is_word and t.end <= e) < 2:
        return None
    # a quoted fragment inside the paraphrase makes it mixed
    kind = "mixed" if any(s <= t.start < e and _is_mark(text, t) for t in toks) else "indirect"
    return Candidate([(s, e)], cue, m, kind, pi, "")


# a dash set off by spaces, then the word after it
_SPACED_DASH_RE = re.compile(r" (?:--|[—–-]) ([^\W\d_]+|\d+)")
# words opening the writer's comment after a dash ("- a step the council feared",
# "- all of it true", "- she runs a shop"), not the clause going on ("- only that")
_ASIDE_OPENERS = (DETERMINERS - {"that"}) | SUBJECT_PRONOUNS | _SHARES - {"most", "many", "%"}
_ASIDE_OPENERS |= frozenset({"all", "something", "some", "both", "each"})


_WORD_RE = re.compile(r"\w+")
_MIN_BEFORE_ASIDE = 4  # words of the clause before a dash that ends it


def _before_dash_aside(text: str, s: int, e: int) -> int:
    """Where a reported clause ``text[s:e]`` ends before a lone dash that opens the
    writer's own comment ('said the fee would double - a step the council feared'):
    PolNeAR leaves the comment out. A pair of dashes sets off an aside inside the
    clause, which stays; ``e`` when there is no such dash."""
    dashes = list(_SPACED_DASH_RE.finditer(text, s, e))
    if len(dashes) != 1 or text[s] in _DASHES:
        return e
    m = dashes[0]
    if m.group(1).lower() not in _ASIDE_OPENERS:
        return e
    if len(_WORD_RE.findall(text, s, m.start())) < _MIN_BEFORE_ASIDE:
        return e  # "WASHINGTON (Reuters) - The ...": a dateline, not the clause
    if _open_quote_before(text, s, m.start()):
        return e  # the dash is inside quoted words
    return m.start()


def _before_relative_aside(text: str, s: int, e: int) -> int:
    """Where a reported clause ``text[s:e]`` ends before a relative clause about the
    name that ends it ('said she would meet Ms. Okafor, who runs the ferries'): the
    writer's note on the name, which PolNeAR leaves out; ``e`` when the clause has
    none."""
    comma = text.rfind(", ", s, e)
    if comma <= s or not text.startswith(_RELATIVES_AFTER_NAME, comma + 2):
        return e
    word_start = text.rfind(" ", s, comma) + 1
    if word_start <= s or not text[word_start].isupper():
        return e  # 'the board, which ...': a note on a common noun
    if _open_quote_before(text, s, comma):
        return e
    return comma


_RELATIVES_AFTER_NAME = ("who ", "which ")

# ", a move that ...", ", an ambitious goal which ...": a noun phrase with a relative
# clause set off by a comma
_COMMENT_APPOSITION_RE = re.compile(r", an? (?:[a-z]+ ){1,2}(?:that|which|who|whom) ")


def _before_comment_apposition(text: str, s: int, e: int) -> int:
    """Where a reported clause ``text[s:e]`` ends before the writer's comment on it in
    apposition ('said the fee would double, a step that angered the council'): PolNeAR
    leaves the comment out; ``e`` when the clause has none."""
    for m in _COMMENT_APPOSITION_RE.finditer(text, s, e):
        if len(_WORD_RE.findall(text, s, m.start())) < _MIN_BEFORE_ASIDE:
            continue
        if _open_quote_before(text, s, m.start()):
            continue  # the comma is inside quoted words
        return m.start()
    return e


def _open_quote_before(text: str, s: int, pos: int) -> bool:
    """Is a quotation opened in ``text[s:pos]`` still open at ``pos``?"""
    seg = text[s:pos]
    return seg.count('"') % 2 == 1 or seg.count("“") > seg.count("”") or seg.count("''") % 2 == 1


def _is_mark(text: str, t: Tok) -> bool:
    """A quotation mark, not the apostrophe of a plural possessive ("the fishermen' boats")."""
    return t.text in ALL_MARKS and not (
        t.text in "'’" and text[t.start - 1 : t.start] in ("s", "S")
    )

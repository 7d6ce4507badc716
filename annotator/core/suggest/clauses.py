"""Attributions without quotation marks, sentence by sentence.

What the stricter rules (``direct.py``, ``reported.py``) leave, found in one pass over each sentence:

- an attribution after its clause: "The plan is dead, he said." / "..., said a
  spokesman." / "..., according to the report.";
- an attribution in mid-sentence: "The plan, she said, was never costed." (two
  content spans);
- an attribution before its clause when the speaker is a description the name rules
  do not read ("Several delegates said they ...", "Polls show that ...");
- "X: ..." at the start of a headline or a paragraph ("Poll: ...").

The verbs come from word lists in ``resources/suggest/``. Each result is a candidate;
the engine keeps it only where no stricter rule found a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from functools import partial
from operator import attrgetter

from ...resources import word_list
from .clause_base import (
    BOUNDARY,
    CLAUSE_VERBS,
    FINITE_WORDS,
    IRREGULAR_PAST,
    NEGATED_BE,
    NOT_CLAUSE_START,
    NOT_OBJECT_START,
    NOUN_BEFORE,
    NOUN_CUES,
    OBJECT_VERBS,
    PARTICIPLES,
    POST_VERBS,
    SKIP_BACK,
    SPEECH,
    THAT_VERBS,
    Found,
    after_time,
    against_to_cue,
    antecedent_before,
    count_words,
    declared_support,
    inside,
    overlaps_any,
    relative_before_subject,
    subordinate_end,
    without_even,
)
from .clause_forms import (
    POLLS,
    TELLING,
    addressee_end,
    as_reported,
    asked_about,
    clause_end,
    colon_attribution,
    connector_end,
    dateline_end,
    expected_to,
    extend_turns,
    finite_soon,
    generic_subject,
    in_relative_clause,
    in_source,
    is_coordinated,
    noun_phrase,
    object_clause,
    participle_clause,
    passive_event,
    possessive_noun,
    reduced_relative,
    relative_that,
    subject_of,
    tail_ok,
)
from .cues import Cue
from .lexicon import ABBREVIATIONS, DETERMINERS
from .noun_phrases import NON_SPEAKER_HEADS, Mention
from .quotes import ALL_MARKS
from .speaker_mentions import mention_after, mention_before
from .tokens import Tok, note_words, tokenize_noting

# A sentence starting with these opens with an adverbial, not with reported content.
_INTRO_WORDS = word_list("suggest/intro_words.txt")


# Verbs a document "does" to its object ("the poll shows Trump ahead").
_EVIDENCE_VERBS = frozenset(
    {"show", "shows", "showed", "find", "finds", "found", "reveal", "reveals", "revealed"}
    | {"indicate", "indicates", "indicated", "suggest", "suggests", "suggested"}
    | {"know", "knows", "knew", "realize", "realized", "understand", "understands"}
    | {"expect", "expects", "expected", "learned", "doubt", "doubts", "suspect", "suspects"}
)


_DOCUMENTS = NON_SPEAKER_HEADS | frozenset(
    {"survey", "surveys", "numbers", "results", "polling", "data", "figures", "study", "studies"}
    | {"research", "records", "documents", "emails", "email", "post", "video", "photo", "photos"}
    | {"analysis", "review", "investigation", "audit", "count", "tally", "average", "report"}
)


# Messages that carry a participle's content: "released a statement condemning ...".
_MESSAGES = frozenset(
    {"statement", "tweet", "letter", "email", "post", "video", "ad", "interview", "speech"}
    | {"op-ed", "memo", "release", "message", "statements", "tweets", "ads", "remarks"}
)


_MAX_SUBJECT = 12  # words of an attribution's subject, appositions included

_MAX_TAIL = 12  # words after the cue in an attribution that follows its clause


def find(
    text: str,
    sentences: list[tuple[int, int, int]],
    taken: list[tuple[int, int]],
) -> list[Found]:
    """Candidate attributions in the sentences ``(start, end, paragraph)``; ``taken``
    (sorted ranges: claims and quotes already found) are never reused."""
    out: list[Found] = []
    for s, e, pi in sentences:
        if e - s < 12:
            continue
        toks, noted = tokenize_noting(text, s, e, _NOTED)
        if len(toks) < 4:
            continue
        _sentence(text, toks, noted, s, e, pi, taken, out)
    extend_turns(text, out, taken)
    return out


def _sentence(
    text: str,
    toks: list[Tok],
    noted: list[int],
    s: int,
    e: int,
    pi: int,
    taken: list[tuple[int, int]],
    out: list[Found],
) -> None:
    """The attributions of one sentence (``toks``, ``s``..``e``, paragraph ``pi``),
    appended to ``out`` and to ``taken``; ``noted``: the indices of the tokens whose
    lower-case form is in ``_NOTED``."""
    n = len(toks)
    if toks[1].low == "you" and toks[0].low in _AUX_QUESTION:
        q = _reader_prompt(text, toks)
        if q > 0:
            insort(taken, (s, q))  # the frame rules after these leave it too
            toks = [t for t in toks if t.start >= q]
            noted = [k for k, t in enumerate(toks) if t.low in _NOTED]
            n = len(toks)
            if n < 4:
                return
    # a headline in title case: "Mayor Calls Budget 'A Disgrace'"
    headline = pi == 0 and sum(1 for t in toks if t.is_word and t.is_cap) * 2 > sum(
        1 for t in toks if t.is_word
    )
    # "Poll: ...", "In the latest poll, ...", "As the Post reported, ...": each form's
    # first test here, as most sentences are none of them (speed)
    colon = None
    if text.find(":", toks[0].start, toks[min(n, 14) - 1].end) >= 0:
        colon = colon_attribution(text, toks, pi, taken)
    if colon is None and (toks[0].low == "in" or toks[_last_word(toks)].low in POLLS):
        colon = in_source(text, toks, pi, taken)
    if colon is None and (toks[0].low == "as" or toks[1].low == "as"):
        colon = as_reported(text, toks, pi, taken)
    if colon is not None:
        _take(out, taken, colon)
        return
    # the words that may start a cue, among those the tokenizer noted (speed): a listed
    # word, or the word before "that" (an unlisted past form: "hinted that", ``_verb_cue``)
    starts = [k - 1 if low == "that" else k for k in noted if (low := toks[k].low) in _SCAN]
    n_starts = len(starts)
    p = 0
    i = 0
    while True:
        while p < n_starts and starts[p] < i:
            p += 1
        if p == n_starts:
            break
        i = starts[p]
        low = toks[i].low
        if low not in _CUE_STARTS and not (low[-2:] == "ed" and len(low) > 5):
            i += 1
            continue
        cue, ke = _phrase_cue(toks, i) if low in _PHRASE_FIRST else (None, i)
        if cue is None:
            form = _special_form(toks, i) if low in _SPECIAL_FIRST else None
            if form is not None:
                if form == "expected":
                    # "The plan is expected to pass": the subject and what it is expected to do
                    found = expected_to(text, toks, i, pi, taken)
                elif form == "noun":
                    # "Varga's criticism of the plan": the possessor's stance on the object
                    found = possessive_noun(text, toks, i, pi, taken)
                    if found is not None and text.startswith("support for", found.cue.start):
                        declared_support(text, found)
                else:
                    # "a super PAC supporting Rubio": said (done) by the noun phrase before it
                    found = reduced_relative(text, toks, i, pi, taken)
                if found is not None:
                    _take(out, taken, found)
                    i = next((x for x in range(i, n) if toks[x].start >= found.spans[-1][1]), n)
                    continue
                if form != "noun":
                    i += 1
                    continue
                # "Lee calls on the council to ...": no possessor, so the verb
            # a taken word is no cue: tested before the verb cue is built (speed)
            if inside(taken, toks[i].start) or (cue := _verb_cue(toks, i, headline)) is None:
                i += 1
                continue
        elif inside(taken, toks[i].start):
            i += 1
            continue
        found = _attribution(text, toks, i, ke, cue, pi, taken, out, e)
        if found is not None and pi and text.startswith("against", found.spans[0][0]):
            # (a headline's "warns against ..." keeps the word: its claim is the phrase)
            against_to_cue(text, found)
        if found is not None and text.startswith("even", found.spans[-1][1] - 4):
            without_even(text, found)
        if found is not None and _AND_OR_RE.match(text, found.spans[0][0]):
            # "A heckler shouted and waved a sign", "reports and attacks on him":
            # the cue is the first of two verbs or nouns, and says nothing
            found = None
        if found is not None and (cut := _main_verb_after_aside(toks, found, ke)) is not None:
            # "Lee, a skipper who refused to sail, said the pier ...": the cue is in an
            # aside of the subject; its claim ends there and the sentence's verb is read
            found.spans[-1] = (found.spans[-1][0], toks[cut - 1].end)
            if count_words(toks[ke + 1 : cut], 2) >= 2:
                _drop_nested(out, taken, found, s)
                _take(out, taken, found)
            i = cut + 1
            continue
        if found is not None:
            _drop_nested(out, taken, found, s)
            _take(out, taken, found)
            # the attribution's own words are not cues of another claim
            i = bisect_left(toks, found.spans[-1][1], ke + 1, key=_START)
            continue
        i += 1
    if out and out[-1].spans[0][0] >= s:
        _outer_over_last(text, toks, s, pi, taken, out)
    # the verb is one of the last words: "..., the poll found (on Monday)." (the scan
    # lists every word of ``_FINDINGS``: none of the last four listed, none there; speed)
    if starts and starts[-1] >= n - 4:
        for v in (n - 2, n - 1, n - 3, n - 4):
            if toks[v].low in _FINDINGS:
                _document_after(text, toks, v, s, pi, taken, out)
                break
    for f in out[-3:]:
        if s <= f.spans[0][0] < e:
            break  # a claim in this sentence already
    else:
        # the quotation marks that are tokens of their own, among the noted tokens
        marks = [x for x in noted if toks[x].text in _DOUBLE]
        if len(marks) >= 2:
            found = _quoted_fragment(text, toks, marks, pi, taken)
            if found is not None:
                if pi and text.startswith("against", found.spans[0][0]):
                    against_to_cue(text, found)  # (not in a headline, as above)
                _take(out, taken, found)


def _outer_over_last(
    text: str,
    toks: list[Tok],
    s: int,
    pi: int,
    taken: list[tuple[int, int]],
    out: list[Found],
) -> None:
    """ "<Voters who back him would lose>, Lee said.": when the sentence's last claim
    read on through an attribution at the sentence end, that attribution is the claim
    (PolNeAR keeps the outer attribution alone) and replaces the claims inside it."""
    last = out[-1]
    a, b = last.spans[0][0], last.spans[-1][1]
    if text.rfind(",", max(a, b - 160), b) < 0:
        return  # no comma near the claim's end: no "<clause>, X said" inside it
    n = len(toks)
    rest: list[tuple[int, int]] | None = None
    # "<whether they knew X>, officials said.": a claim ending at the comma before the
    # attribution is inside it too (the scan found the attribution's clause taken)
    adjacent = text.startswith(",", b)
    for x in range(n - 2, max(1, n - _MAX_SUBJECT - _MAX_TAIL - 2), -1):
        t = toks[x]
        if t.start >= b and not adjacent:
            continue  # after the claim: the sentence scan has tried it
        if t.start <= a:
            return
        low = t.low
        if low == "according" and toks[x + 1].low == "to":
            cue, ke = Cue(t.start, toks[x + 1].end, "according to", False), x + 1
        elif (low in POST_VERBS or low in _TRAILING_VERBS) and not t.is_cap:
            cue, ke = Cue(t.start, t.end, low, False), x
        else:
            continue
        if cue.word != "according to" and not any(
            y.text == "," for y in toks[max(0, x - _MAX_SUBJECT - 1) : x]
        ):
            continue  # no comma before the subject: not "<clause>, X said"
        if rest is None:
            rest = _without(taken, last.spans)
        found = _post(text, toks, x, ke, cue, pi, rest)
        if found is None or (last.cue is not None and found.spans[0][0] > last.cue.start):
            continue
        out.remove(last)
        for sp in last.spans:
            taken.remove(sp)
        _drop_nested(out, taken, found, s)
        _take(out, taken, found)
        return


# Verbs ending a sentence after its clause besides the lists' ("..., Lee maintains.").
_TRAILING_VERBS = frozenset({"maintains", "maintained", "writes", "contends", "contended"})

# What a poll, a study or a court does to the clause before it: "..., a new poll found."
_FINDINGS = frozenset(
    {"found", "finds", "shows", "showed", "show", "ruled", "concluded", "concludes"}
    | {"estimated", "estimates", "suggests", "suggested", "indicates", "indicated"}
)


def _document_after(
    text: str,
    toks: list[Tok],
    v: int,
    s: int,
    pi: int,
    taken: list[tuple[int, int]],
    out: list[Found],
) -> None:
    """ "<Most islanders oppose the fares>, a new poll found.": the document (or a
    court) before the verb at ``v`` is the source of the clause before it, and the
    claims inside that clause are the document's report, not claims of their own
    (PolNeAR)."""
    if toks[v].is_cap:
        return
    c = v - 1
    while c > 0 and toks[c].is_word and v - c <= 8:
        c -= 1
    subj = toks[c + 1 : v]
    if toks[c].text != "," or not subj or subj[0].low not in DETERMINERS:
        return
    if toks[v].low == "ruled":
        if subj[-1].low not in ("judge", "court", "panel", "justices"):
            return
    elif not any(t.low in _DOCUMENTS for t in subj):
        return
    m = _whole_phrase(text, subj)
    if m is None:
        return
    inner = [f for f in out[-4:] if f.spans[0][0] >= s]
    rest = [sp for sp in taken if not any(sp in f.spans for f in inner)]
    found = _post_claim(
        toks, c, v + 1, Cue(toks[v].start, toks[v].end, toks[v].low, False), m, pi, rest
    )
    if found is None:
        return
    for f in inner:
        out.remove(f)
        for sp in f.spans:
            taken.remove(sp)
    _take(out, taken, found)


def _drop_nested(out: list[Found], taken: list[tuple[int, int]], found: Found, s: int) -> None:
    """ "<Voters who believe that A>, according to the poll": the attribution after the
    clause replaces the claims found inside it in this sentence (from ``s``)."""
    a, b = found.spans[0][0], found.spans[-1][1]
    for f in out[-4:]:
        if f.spans[0][0] >= max(s, a) and f.spans[-1][1] <= b and f is not found:
            out.remove(f)
            for sp in f.spans:
                taken.remove(sp)


# A content that opens with a lower-case "and" or "or"
_AND_OR_RE = re.compile(r"(?:and|or)\b")


def _take(out: list[Found], taken: list[tuple[int, int]], found: Found) -> None:
    out.append(found)
    for sp in found.spans:
        insort(taken, sp)


# Finite reporting verbs that, after a comma, are the sentence's own verb (not the
# plural nouns "claims", "reports", "notes").
_MAIN_VERBS = frozenset(
    {"said", "says", "say", "told", "tells", "wrote", "writes", "argued", "argues", "argue"}
    | {"reported", "responded", "concluded", "concludes", "insisted", "insists"}
    | {"claimed", "warned", "warns", "noted", "explained", "announced"}
    | {"suggested", "suggests", "stressed", "acknowledged", "admitted", "declared"}
    | {"contended", "contends", "maintained", "maintains", "recounted", "predicted"}
)


# Auxiliaries opening a question to the reader ("Do you back ...?").
_AUX_QUESTION = frozenset({"do", "does", "did", "are", "would", "will", "should", "can"})

# A short call to act right after a question: "Like the page:", "Sign up here:".
_PROMPT_RE = re.compile(r"\s*[A-Z][a-z]+(?: [A-Za-z]+){0,3}:")


def _reader_prompt(text: str, toks: list[Tok]) -> int:
    """Where a question to the reader followed by a call to act ("Do you back the
    plan? Like the page:"), a site's prompt rather than anyone's claim, ends (after the
    prompt's colon); -1 when the sentence opens with none."""
    q = next((t for t in toks if t.text == "?"), None)
    if q is None:
        return -1
    m = _PROMPT_RE.match(text, q.end, q.end + 40)
    return m.end() if m is not None else -1


def _main_verb_after_aside(toks: list[Tok], found: Found, ke: int) -> int | None:
    """Where a claim found for the cue ending at ``toks[ke]`` runs into the sentence's
    own verb of saying after a comma ("who refused to sail, said the pier was ...",
    "citing its sources, reported that ..."): the index of that comma; None when it
    does not."""
    end = found.spans[-1][1]
    n = len(toks)
    x = ke + 2
    while x < n - 2 and toks[x].start < end:
        t = toks[x]
        if t.text == "," and toks[x + 1].low in _MAIN_VERBS and not toks[x + 1].is_cap:
            nxt = toks[x + 2]
            if (
                nxt.low == "that"
                or (
                    nxt.is_word
                    and finite_soon(toks, x + 2)
                    # not "..., said six skippers who lost their boats": a subject after it
                    and not any(w.low in ("who", "which", "whose") for w in toks[x + 2 : x + 7])
                )
            ):
                return x
        x += 1
    return None


def _phrase_cue(toks: list[Tok], i: int) -> tuple[Cue | None, int]:
    """ "according to" or a participle after a comma (", saying") at ``i``, and the
    index of its last token."""
    t = toks[i]
    low = t.low
    if low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        return Cue(t.start, toks[i + 1].end, "according to", False), i + 1
    if (
        low in _MAKE
        and i > 0
        and i + 3 < len(toks)
        and (toks[i + 1].low == "clear" or (toks[i + 1].low == "it" and toks[i + 2].low == "clear"))
    ):
        c = i + 1 if toks[i + 1].low == "clear" else i + 2
        if toks[c + 1].low == "that":
            # "has made (it) clear that <clause>"
            return Cue(t.start, toks[c].end, "made clear", False), c
    if (
        low in PARTICIPLES
        and i > 0
        and (toks[i - 1].text == "," or any(x.low in _MESSAGES for x in toks[max(0, i - 4) : i]))
    ):
        return Cue(t.start, t.end, low, True), i
    return None, i


_MAKE = frozenset({"made", "make", "makes", "making"})

# Irregular past forms that report a clause after "that": "they swore that ...".
_PAST_THAT = frozenset({"swore", "foresaw", "forgot", "heard", "bet", "wrote"})


def _special_form(toks: list[Tok], i: int) -> str | None:
    """ "expected" after a form of "be" and before "to"; a stance participle after a
    noun ("a group supporting ...")."""
    low = toks[i].low
    if (
        low == "expected"
        and i > 1
        and toks[i - 1].low in ("is", "are", "was", "were", "be", "been")
        and i + 2 < len(toks)
        and toks[i + 1].low == "to"
    ):
        return "expected"
    if low in _STANCE_PARTICIPLES and i > 1 and toks[i - 1].is_word:
        return "stance"
    if low in NOUN_CUES and i > 0 and i + 2 < len(toks) and toks[i + 1].low in _NOUN_PREPS:
        return "noun"
    return None


_NOUN_PREPS = frozenset({"of", "for", "on", "to", "about"})


def _last_word(toks: list[Tok]) -> int:
    """The index of the last word of ``toks`` (0 when there is none)."""
    x = len(toks) - 1
    while x > 0 and not toks[x].is_word:
        x -= 1
    return x


# Past forms before "that" that do not report: "ensured that", "required that".
_NOT_CUES = frozenset(
    {"ensured", "required", "needed", "meant", "happened", "occurred", "used", "seemed"}
    | {"caused", "helped", "allowed", "included", "involved", "followed", "provided"}
)


def _number_before_noun(toks: list[Tok], i: int) -> bool:
    """Is ``toks[i]`` between a number in figures and a lower-case plural noun ("45
    pledged delegates", "400 elected officials"; not "is", "was", "says")?"""
    num = toks[i - 1].text
    if not (num[0].isdigit() and num[-1].isdigit()) or i + 1 >= len(toks):
        return False
    t = toks[i + 1]
    low = t.low
    return (
        t.is_word
        and not t.is_cap
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "as", "ys", "'s", "’s"))
        and low not in FINITE_WORDS
    )


_FINDING = frozenset({"find", "finds", "found", "show", "shows"})
_REFLEXIVES_AFTER = frozenset(
    {"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"}
)


def _no_finding(toks: list[Tok], i: int) -> bool:
    """Is "find"/"show" at ``toks[i]`` no report of a finding: before a reflexive and a
    participle ("found himself stranded"), "found" after "help" or "to" (founding:
    "helped found the club"), or "show" after a possessive, a noun ("Lee's show has
    ...")?"""
    low, prev = toks[i].low, toks[i - 1].low.replace("’", "'")
    if i + 1 < len(toks) and toks[i + 1].low in _REFLEXIVES_AFTER:
        # "found himself embroiled", "finds itself increasingly isolated": a state the
        # subject is in, not a finding
        return any(t.low.endswith("ed") or t.low in IRREGULAR_PAST for t in toks[i + 2 : i + 4])
    if low == "found":
        return prev in ("help", "helps", "helped", "helping", "to")
    if low in ("show", "shows"):
        return prev.endswith("'s")
    return False


def _verb_cue(toks: list[Tok], i: int, headline: bool) -> Cue | None:
    """A reporting verb of the word lists at ``i``; capitalised only in a headline."""
    t = toks[i]
    low = t.low
    if low in CLAUSE_VERBS or low in THAT_VERBS or low in POST_VERBS or low in OBJECT_VERBS:
        if t.is_cap and i > 0 and not headline:
            return None
        if i > 0 and low.endswith("ed") and _number_before_noun(toks, i):
            return None  # "45 pledged delegates": an adjective
        if low in _FINDING and i > 0 and _no_finding(toks, i):
            return None  # "found himself stranded", "helped found the club", "Lee's show"
        if (
            i > 0
            and toks[i - 1].low in NEGATED_BE
            and toks[i + 1 : i + 2] != []
            and toks[i + 1].low != "that"
        ):
            return None  # "aren't admitted until ...": a passive
        return Cue(t.start, t.end, low, False)
    if (
        i > 0
        and i + 2 < len(toks)
        and toks[i + 1].low == "that"
        and not t.is_cap
        and ((low.endswith("ed") and len(low) > 5) or low in _PAST_THAT)
        and toks[i - 1].is_word
        and low not in _NOT_CUES
        and toks[i + 2].low not in NOT_CLAUSE_START
        and finite_soon(toks, i + 2, 8)
    ):
        # "<subject> <verb>ed that <clause>" with a verb outside the lists: "hinted that"
        return Cue(t.start, t.end, low, False)
    return None


def _attribution(
    text: str,
    toks: list[Tok],
    i: int,
    ke: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
    out: list[Found],
    e: int,
) -> Found | None:
    """The claim a cue attributes: its clause before it, after it, or its object."""
    if cue.participle:
        return participle_clause(text, toks, i, cue, pi, taken, out)
    # "After the vote, Lee told them that ..., according to X": the opening is the
    # reported event's, inside the outer content
    outer = cue.word == "according to" or (
        toks[0].low not in _INTRO_WORDS and cue.word in POST_VERBS
    )
    found = asked_about(text, toks, i, cue, pi, taken) or _post(
        text,
        toks,
        i,
        ke,
        cue,
        pi,
        _without_nested(taken, out, toks[0].start, toks[i].start) if outer else taken,
    )
    if found is not None:
        return found
    if cue.word == "according to":
        return _according_pre(text, toks, i, ke, cue, pi, taken, e)
    found = _pre(text, toks, i, ke, cue, pi, taken, e)
    if found is None and cue.word in OBJECT_VERBS:
        found = object_clause(text, toks, i, cue, pi, taken)
    return found


def _without_nested(
    taken: list[tuple[int, int]], out: list[Found], s: int, cue: int
) -> list[tuple[int, int]]:
    """``taken`` without the claims the clause rules found earlier in this sentence,
    before the cue at ``cue``: "<A, who believe that B>, according to X" holds them."""
    inner: set[tuple[int, int]] = set()
    for f in out[-4:]:  # (a plain loop: most often none is inner; speed)
        if f.spans[0][0] >= s and f.spans[-1][1] <= cue:
            inner.update(f.spans)
    if not inner:
        return taken
    return _without(taken, inner)


def _without(
    taken: list[tuple[int, int]], spans: set[tuple[int, int]] | list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A copy of (sorted) ``taken`` without ``spans``: only the stretch from the first
    to the last of them is filtered, as ``taken`` holds the whole article's (speed)."""
    lo = bisect_left(taken, min(spans))
    hi = bisect_right(taken, max(spans), lo)
    return taken[:lo] + [sp for sp in taken[lo:hi] if sp not in spans] + taken[hi:]


def _quoted_fragment(
    text: str, toks: list[Tok], marks: list[int], pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Lee refers to the harbour master as "Captain."": a quotation no rule attributed, in a
    sentence that opens with its speaker and a verb -- the rest is a mixed claim.
    ``marks``: the indices of the quotation marks in ``toks``."""
    marks = [x for x in marks if not inside(taken, toks[x].start)]
    if len(marks) < 2:
        return None
    n = len(toks)
    for v in range(1, min(n - 2, 12)):
        t = toks[v]
        if v >= marks[0]:
            return None
        if not t.is_word or t.is_cap or t.low in SKIP_BACK:
            continue
        low = t.low
        if not (low.endswith(("ed", "s")) or low in IRREGULAR_PAST):
            continue
        if low.endswith(("'s", "’s")) or (v + 1 < n and toks[v + 1].low in FINITE_WORDS):
            continue  # "The senator's answer was", "reviewers had said": a noun
        if low in _NOT_SPEECH:
            return None
        body = toks[v + 1 :]
        body = body[: clause_end(body, objects=True)]
        while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
            body = body[:-1]
        lead = _cue_words_after(body)
        if lead == 0 and len(body) > 2 and body[0].low in _FRAGMENT_PARTICLES:
            lead = 1  # "speaks of breaking "the ceiling"": the particle goes with the cue
        cue_end = body[lead - 1].end if lead else t.end
        body = body[lead:]
        if not body or body[0].low in NOT_OBJECT_START or body[-1].start < toks[marks[0]].start:
            return None
        a, b = body[0].start, body[-1].end
        if overlaps_any(taken, a, b):
            return None
        # the speaker last: most sentences fail the tests above (speed)
        m = mention_before(text, toks, v, 0)
        if m is None or m.phrase_start > toks[0].start + 4:
            return None
        return Found([(a, b)], Cue(t.start, cue_end, low, False), m, pi)
    return None


_FRAGMENT_PARTICLES = frozenset({"about", "of", "with", "on", "for", "at"})


def _cue_words_after(body: list[Tok]) -> int:
    """How many words after a verb still belong to the cue: "derided and insulted",
    "went on to call", "framed herself as"."""
    if len(body) > 2 and body[0].low == "and" and body[1].low.endswith("ed"):
        return 2
    if len(body) > 3 and body[0].low == "on" and body[1].low == "to" and body[2].is_word:
        return 3
    if len(body) > 2 and body[0].low in _REFLEXIVES and body[1].low == "as":
        return 2
    return 0


_REFLEXIVES = frozenset({"herself", "himself", "itself", "themselves", "him", "her", "them", "it"})


_NOT_SPEECH = word_list("suggest/not_speech_verbs.txt")


_START = attrgetter("start")  # a token's start: the key to bisect tokens


_DOUBLE = frozenset("\"“”„«»'‘’")  # standalone: '' and ‘…’ quote too


def _post(
    text: str,
    toks: list[Tok],
    k: int,
    ke: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
) -> Found | None:
    """ "<clause>, X said[, <clause>]." and "<clause>, according to X." """
    if (
        cue.word != "according to"
        and cue.word not in POST_VERBS
        and cue.word not in _TRAILING_VERBS
    ):
        return None
    if toks[k - 1].text == ",":
        found = _post_after_comma(text, toks, k, ke, cue)
    else:
        found = _post_inline(text, toks, k, ke, cue, pi, taken)
        if isinstance(found, Found):
            return found
    if found is None:
        return None
    c, j, m = found
    return _post_claim(toks, c, j, cue, m, pi, taken)


def _post_after_comma(
    text: str, toks: list[Tok], k: int, ke: int, cue: Cue
) -> tuple[int, int, Mention] | None:
    """ "<clause>, X said" / "<clause>, said X, a ...": the comma ending the clause,
    where the words after the attribution start, and the speaker."""
    n = len(toks)
    m: Mention | None = None
    j = ke + 1  # where the words after the attribution start
    c = k - 1
    if cue.word != "according to":
        m = mention_before(text, toks, k, 0)
        if m is not None and m.phrase_start >= 0 and m.end <= toks[k - 1].start:
            # "<clause>, Lee, a minister, said": the comma before the apposition
            c = next((x for x in range(k - 2, -1, -1) if toks[x].end <= m.phrase_start), -1)
            while c >= 0 and toks[c].text != "," and toks[c].is_word is False:
                c -= 1
            if c < 0 or toks[c].text != ",":
                return None
        else:
            m = None
    if m is None:
        m = mention_after(text, toks, ke, n)
        if m is None and cue.word == "according to":
            # "..., according to Democratic officials."
            e2 = next((x for x in range(ke + 1, n) if not toks[x].is_word), n)
            m = noun_phrase(text, toks[ke + 1 : e2])
        if m is None:
            return None
        j = next((x for x in range(ke + 1, n) if toks[x].start >= m.end), n)
        if j < n and toks[j].text == ",":
            a = j + 1
            b = a
            while b < n and toks[b].text not in (",", ";", ":", "—", "–") and b - a < 14:
                b += 1
            if a < n and (toks[a].low in DETERMINERS or toks[a].low in ("who", "whose")):
                j = b
    return c, j, m


def _post_inline(
    text: str,
    toks: list[Tok],
    k: int,
    ke: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
) -> tuple[int, int, Callable[[], Mention | None]] | Found | None:
    """ "<clause>, the minister said" with the subject between the comma and the cue;
    "<clause> according to X" is a claim at once."""
    n = len(toks)
    j = ke + 1
    c = k - 1
    while c >= 0 and toks[c].text != "," and k - c <= _MAX_SUBJECT + 1:
        if toks[c].text == "." and c > 0 and _abbreviated(toks[c - 1]):
            c -= 1  # "Mr. Moss", "Peter J. Moss"
            continue
        if toks[c].text in ".;:!?()" or toks[c].text in ALL_MARKS or toks[c].low in BOUNDARY:
            return None
        c -= 1
    if cue.word == "according to":
        if ke + 1 < n and toks[ke + 1].low in _AS_PLANNED:
            return None  # "went according to plan": how it went, nobody's account
        # "... leads by 40 seats according to a tally by the Harbour Post."
        m = mention_after(text, toks, ke, n)
        e2 = next((x for x in range(ke + 1, n) if not toks[x].is_word), n)
        if m is None:
            m = noun_phrase(text, toks[ke + 1 : e2]) or _whole_phrase(text, toks[ke + 1 : e2])
        if m is None or e2 < n - 1 or k < 4:
            return None
        spans = [(toks[0].start, toks[k - 1].end)]
        if toks[0].text in ALL_MARKS or overlaps_any(taken, *spans[0]):
            return None
        return Found(spans, cue, m, pi)
    if c < 0 or toks[c].text != ",":
        return None
    subj = toks[c + 1 : k]
    if not all(x.is_word or x.text in ".’'-" for x in subj):
        return None
    # the subject is read when ``_post_claim`` needs it: most such clauses fail its first
    # tests (speed)
    return c, j, partial(_inline_subject, text, toks, k, c + 1)


def _inline_subject(text: str, toks: list[Tok], k: int, floor: int) -> Mention | None:
    """The subject between the comma at ``floor - 1`` and the cue ``toks[k]``."""
    return mention_before(text, toks, k, floor) or generic_subject(text, toks, k, floor)


# Bare nouns after "according to" in idioms of manner ("according to plan").
_AS_PLANNED = frozenset({"plan", "schedule", "script", "form", "custom", "tradition", "protocol"})


def _whole_phrase(text: str, run: list[Tok]) -> Mention | None:
    """ "according to a fresh survey by the Ferry Users Forum": the whole phrase is the
    source when it is too long for the noun-phrase rules."""
    if len(run) < 2 or run[0].low not in DETERMINERS:
        return None
    a, b = run[0].start, run[-1].end
    return Mention(a, b, text[a:b], "np", "organisation", head=run[-1].low, phrase_start=a)


def _abbreviated(t: Tok) -> bool:
    """Is ``t`` a title or an initial that a period follows ("Mr.", "J.")?"""
    return t.low in ABBREVIATIONS or (len(t.text) == 1 and t.is_cap)


def _post_claim(
    toks: list[Tok],
    c: int,
    j: int,
    cue: Cue,
    m: Mention | Callable[[], Mention | None],
    pi: int,
    taken: list[tuple[int, int]],
) -> Found | None:
    """The clause before the comma at ``c`` (and after the attribution from ``j``) said
    by ``m`` (or by what ``m()`` finds; none: no claim)."""
    n = len(toks)
    n_before = sum(1 for x in toks[:c] if x.is_word)
    # "Moss, they said, told the crew to stay": one word before a mid-sentence attribution
    stop = next((x for x in range(j, n) if toks[x].text in (",", ";", ":", "—", "–")), n)
    mid = stop < n and toks[stop].text == "," and count_words(toks[stop:], 2) >= 2
    if c < 1 or n_before < (1 if cue.word == "according to" or mid else 2):
        return None
    # after the attribution: the end of the sentence, or a comma and more of the clause
    t0 = j
    words = 0
    while j < n and toks[j].text not in (",", ";", ":", "—", "–"):
        if toks[j].is_word:
            words += 1
            if toks[j].low == "that" and cue.word != "according to":
                return None  # "..., she said that ...": the clause follows
        elif toks[j].text in ALL_MARKS:
            return None
        j += 1
        if words > _MAX_TAIL:
            return None
    if cue.word != "according to" and not tail_ok(toks[t0:j]):
        return None  # "In the past, he said the plan ...": the clause follows the cue
    first_end = toks[c - 1].end
    first_start = toks[0].start
    if toks[0].text in ALL_MARKS and not _quote_then_words(toks, c):
        return None  # a quotation: the quote rules decide
    if toks[0].low in _INTRO_WORDS and cue.word != "according to" and not mid:
        # "In recent weeks, the plan stalled, he said": a clause after the opening, which
        # PolNeAR keeps in the content
        first = next((x for x in range(1, c) if toks[x].text == ","), None)
        if first is None or sum(1 for x in toks[first:c] if x.is_word) < 3:
            return None
    lead = connector_end(toks, c) or dateline_end(toks, c)
    if lead:
        first_start = toks[lead].start
    if not isinstance(m, Mention):
        m = m()
        if m is None:
            return None
    speaker_after = m.start > cue.start  # "..., said Lee, the director of ..."
    if mid and not speaker_after and cue.word != "according to":
        # "Despite the storm, the ferry, he said, will sail": the words before the
        # attribution from the last comma or dash, without a leading "and"
        f = max((x + 1 for x in range(c) if toks[x].text in _CHUNK_ENDS), default=0)
        while f < c - 1 and toks[f].low in ("and", "but", "so"):
            f += 1
        if f < c:
            first_start = max(first_start, toks[f].start)
    spans = [(first_start, first_end)]
    if j < n and toks[j].text == "," and speaker_after and cue.word != "according to":
        pass  # the words after the speaker's name describe the speaker
    elif j < n and toks[j].text == ",":
        rest = toks[j + 1 :]
        while rest and not rest[-1].is_word:
            rest = rest[:-1]
        if mid and rest and rest[0].text in ALL_MARKS and cue.word != "according to":
            return None  # "In the storm, he said, "...": the quote rules decide
        if (
            sum(1 for x in rest if x.is_word) >= 2
            and rest[0].low not in PARTICIPLES  # ", noting ...": an attribution of its own
            and rest[0].text not in ALL_MARKS
            # ", which monitors ...", ", taking a step ...": about the source, not said
            and rest[0].low not in ("which", "who", "whose")
            and not (rest[0].low.endswith("ing") and not rest[0].is_cap)
            # "<A full clause>, according to X, but ...": the reporter's words go on
            and not (cue.word == "according to" and _whole_clause(toks, first_start, c))
        ):
            spans.append((rest[0].start, rest[-1].end))
            if overlaps_any(taken, *spans[-1]):
                spans.pop()  # the rest is a claim found already
            elif mid and _time_only([x for x in toks[:c] if x.start >= first_start]):
                spans.pop(0)  # "In 2008, he said, the fund ...": the time is the writer's
    elif j < n:
        return None
    if len(spans) == 1 and n_before < 3:
        return None  # "Yes, he said.": too short to be a claim of its own
    if any(inside(taken, a) or inside(taken, b - 1) for a, b in spans):
        return None
    if any(overlaps_any(taken, a, b) for a, b in spans):
        return None
    return Found(spans, cue, m, pi)


_TIME_PREPOSITIONS = frozenset({"in", "by", "on", "during", "since", "until", "just"})
_AGO = frozenset({"ago", "later", "earlier"})
_SPANS_OF_TIME = frozenset({"days", "weeks", "months", "years", "decades"})
_PERIODS = frozenset({"week", "month", "year", "spring", "summer", "fall", "winter"})
_DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"yesterday", "today"}
)


def _time_only(words: list[Tok]) -> bool:
    """Are ``words`` a time and nothing more ("In 2008", "In the early 1990s", "Six
    months ago", "Just yesterday", "Last spring")?"""
    w = [t.low for t in words if t.is_word]
    if w and w[0] in _TIME_PREPOSITIONS:
        w = w[1:]
    if w[:1] == ["the"] and w[1:2] in (["early"], ["late"]):
        w = w[2:]
    if len(w) == 1:
        low = w[0]
        return low in _DAY_WORDS or (low[:4].isdigit() and len(low) in (4, 5))
    if len(w) == 2:
        return w[0] in ("last", "this", "next") and w[1] in _PERIODS
    return len(w) == 3 and w[1] in _SPANS_OF_TIME and w[2] in _AGO


def _whole_clause(toks: list[Tok], start: int, c: int) -> bool:
    """Are the words from offset ``start`` to the comma at ``toks[c]`` a clause of their
    own (a finite verb, not ending in "that" or "and"), rather than the opening of one
    ("Among the risks, according to X, are ...")?"""
    part = [t for t in toks[:c] if t.start >= start and t.is_word]
    if len(part) < 4 or part[-1].low in _OPEN_ENDS or part[0].low in _OPEN_STARTS:
        return False
    return finite_soon(part, 0, len(part))


# Words that leave the part before "according to X," open: its clause goes on after.
_OPEN_ENDS = frozenset({"that", "and", "but", "or", "after", "before", "because", "since"})
_OPEN_STARTS = frozenset(
    {"among", "while", "when", "if", "although", "though", "after", "before", "as", "since"}
    | {"because", "whereas", "unless"}
)


# Words that end the search for a "that" after the cue: not these, which start the
# phrases in "said in a statement that", "told a crowded hall that".
_NOT_CLAUSE_START_OK = NOT_CLAUSE_START - frozenset(
    {"in", "on", "at", "to", "during", "a", "an", "his", "her", "their", "its", "this"}
)


def _clause_start(toks: list[Tok], j: int, cue: Cue) -> tuple[int, bool]:
    """Where the reported clause after the cue (ending at ``j - 1``) starts, at a
    "that" or after an addressee; and whether it still needs a "that"."""
    n = len(toks)
    needs_that = cue.word not in CLAUSE_VERBS
    # "told reporters that", "said in a statement that", "said Tuesday that"
    telling = cue.word in TELLING
    j = after_time(toks, j)  # "said Tuesday (that)"
    if toks[j].text == ",":
        # "believes, for example, that": an aside between commas, then the clause
        c = next((x for x in range(j + 1, min(n, j + 6)) if toks[x].text == ","), None)
        if c is not None and c + 1 < n and toks[c + 1].low == "that":
            return c + 1, needs_that
    if toks[j].low != "that":
        t = j
        while t < n and t - j < (16 if telling else 8) and toks[t].low != "that":
            if not (toks[t].is_word or toks[t].text == ","):
                break
            if telling and toks[t].low not in CLAUSE_VERBS:
                t += 1
                continue  # "told a crowded hall in downtown Baltimore that"
            if toks[t].low in CLAUSE_VERBS or toks[t].low in _NOT_CLAUSE_START_OK:
                break
            t += 1
        if (
            t < n
            and toks[t].low == "that"
            and t > j
            and (telling or tail_ok(toks[j:t]))
            and not relative_that(toks, t)
        ):
            j = t
        elif telling:
            # "told me the photo violates ...", "told CNN he would", "told the Island
            # Gazette of Port Vale on Friday she would ...": the addressee, then the clause
            a = addressee_end(toks, j, cue.word)
            if a > j and toks[a].low not in NOT_CLAUSE_START:
                j = a
                needs_that = False
    return j, needs_that


_SUBJECTS = frozenset({"he", "she", "they", "it", "i", "we", "there"})


_NOT_IN_SUBJECT = frozenset({"that", "which", "who", "and", "but", "or", "if", "when", "as"})


def _document_subject(text: str, toks: list[Tok], k: int) -> Mention | None:
    """ "A weekly average of polls shows ...", "A survey by the union in March found
    ...": the words before the cue, back to the sentence start or a comma, when one of
    them names a poll, report or other document."""
    j = k - 1
    while j >= 0 and k - j <= 10 and toks[j].is_word and toks[j].low not in _NOT_IN_SUBJECT:
        j -= 1
    if j >= 0 and toks[j].low in ("and", "but") and j > 0 and toks[j - 1].text == ",":
        pass  # "..., and recent polls show ...": the subject starts after the conjunction
    elif j >= 0 and toks[j].text not in (",", ":", ";", "—", "(", ")"):
        return None
    run = toks[j + 1 : k]
    if j > 0 and toks[j].text == "," and all(t.low in _ADVERBS_BEFORE_CUE for t in run):
        # "The study, paid for by the port, also found": back past the apposition
        c = j - 1
        while c > 0 and toks[c].text != "," and j - c < 16:
            c -= 1
        if c > 0 and toks[c].text == "," and toks[c + 1].low.endswith(("ed", "ing")):
            return _document_subject(text, toks, c)
    head = next((t.low for t in run if t.low in _DOCUMENTS), None)
    if head is None or len(run) < 2:
        return None
    a, b = run[0].start, run[-1].end
    return Mention(a, b, text[a:b], "np", "organisation", head=head, phrase_start=a)


_ADVERBS_BEFORE_CUE = frozenset({"also", "later", "then", "further", "recently", "previously"})


def _quote_then_words(toks: list[Tok], c: int) -> bool:
    """ "'A quote' about the tax code, he said": a quotation closed before the comma at
    ``c`` and followed by words of the reporter's."""
    close = max((x for x in range(1, c) if toks[x].text in ALL_MARKS), default=-1)
    return close > 0 and any(x.is_word for x in toks[close + 1 : c])


def _pre(
    text: str,
    toks: list[Tok],
    k: int,
    ke: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
    end: int,
) -> Found | None:
    """ "X said (that) <clause>." with any subject."""
    n = len(toks)
    if k == 0 or ke + 1 >= n:
        return None
    prev = toks[k - 1]
    quantifier = _quantifier_subject(toks, k, cue)
    if (prev.low in NOUN_BEFORE and quantifier is None) or not (
        prev.is_word or prev.text in (",", "’", "'", ")", "%")
    ):
        return None
    j, needs_that = _clause_start(toks, ke + 1, cue)
    if toks[j].low != "by" and passive_event(prev, toks[k].low, toks[j]):
        # "The report was found in May": an event, no claim (but "was reported by the
        # Gazette" is the Gazette's)
        return None
    # the subject is read once, and late: most clauses are taken already (speed)
    subject: Mention | None = None
    read = False
    if toks[j].low == "that":
        j += 1
        if j >= n:
            return None
    elif j + 1 < n and toks[j].low == "the" and toks[j + 1].low == "same":
        pass  # "only 30 percent say so of Okafor"
    elif needs_that:
        if cue.word not in _EVIDENCE_VERBS:
            return None
        # "The survey finds Clinton with a small lead", "The post showed a man ...":
        # a document shows its object
        subject, read = subject_of(text, toks, k), True
        m = subject or _document_subject(text, toks, k)
        clause = toks[j].is_word and toks[j].low not in NOT_CLAUSE_START and finite_soon(toks, j, 6)
        if not clause and (m is None or m.head not in _DOCUMENTS or not toks[j].is_word):
            return None
        if toks[j].low in NOT_OBJECT_START or toks[j].low in ("to", "that"):
            return None
        if toks[j].low == "it" and not finite_soon(toks, j, 2):
            return None  # "found it hard": not "found it was ..."
    else:
        first = toks[j]
        if not first.is_word or first.low in NOT_CLAUSE_START:
            return None
        if first.low.endswith("ing") or (first.low.endswith("ed") and not first.is_cap):
            return None
        if not finite_soon(toks, j):
            return None
    body = toks[j:]
    body = body[: subordinate_end(toks, k, body)]
    # stop before a second attribution: ", adding ...", ", according to ..."
    body = body[: clause_end(body, objects=False, cue=cue.word)]
    if in_relative_clause(toks, k):
        # "Okafor, who thinks the fees are too high, called ...": the relative clause
        # ends at the comma before the sentence's own verb
        body = body[: next((x for x in range(len(body) - 1) if _verb_after(body, x)), len(body))]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if count_words(body, 2) < 2:
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    m = quantifier or (subject if read else subject_of(text, toks, k))
    if m is None and cue.word in _EVIDENCE_VERBS:
        m = _document_subject(text, toks, k)
    if m is None:
        m = generic_subject(text, toks, k, 0)
    if m is None and not is_coordinated(toks, k) and cue.word not in SPEECH:
        return None  # a long subject we cannot delimit: still speech after "said"
    if m is None:
        m = _sentence_subject(text, toks, k)
    rel = relative_before_subject(toks, k)
    if rel is not None and not inside(taken, rel.start):
        # "which Democrats doubt will flip": the relative word is the clause's subject
        return Found([(rel.start, rel.end), (a, b)], cue, m, pi)
    if m is not None and m.start < toks[k].start:
        # "a tactic Democrats hope will work": the noun phrase is the clause's subject
        ante = antecedent_before(toks, bisect_left(toks, _phrase_start(m), key=_START), body[0])
        if ante is not None and not overlaps_any(taken, *ante):
            return Found([ante, (a, b)], cue, m, pi)
    return Found([(a, b)], cue, m, pi)


def _phrase_start(m: Mention) -> int:
    return m.phrase_start if m.phrase_start >= 0 else m.start


def _verb_after(body: list[Tok], x: int) -> bool:
    """Is ``body[x]`` a comma before a past form or an auxiliary ("called", "has")?"""
    if body[x].text != ",":
        return False
    t = body[x + 1]
    low = t.low
    return (
        t.is_word
        and not t.is_cap
        and ((low.endswith("ed") and len(low) > 3) or low in IRREGULAR_PAST or low in FINITE_WORDS)
    )


_LEADS = frozenset({"but", "and", "so", "yet", "still", "now", "then", "also"})
_CHUNK_ENDS = frozenset({",", ";", ":", "—", "–", "-"})
_QUANTIFIERS = frozenset({"many", "some", "several", "most", "few", "others", "both"})


def _quantifier_subject(toks: list[Tok], k: int, cue: Cue) -> Mention | None:
    """ "Many believe ...", "Several said ...": a quantifier alone as the subject of a
    verb in its plain or past form (not "many calls", a noun)."""
    if k == 0 or (cue.word.endswith("s") and not cue.word.endswith("ss")):
        return None
    t = toks[k - 1]
    if t.low not in _QUANTIFIERS:
        return None
    if k > 1 and toks[k - 2].text not in (",", ";", ":") and toks[k - 2].low not in _LEADS:
        return None
    return Mention(t.start, t.end, t.text, "np", "person", None, None, t.low, False, t.start, None)


def _sentence_subject(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The mention that starts the sentence, for a cue whose subject is too long to
    delimit ("Senator Lee of Ohio, the party's whip, said ...") or shared by two verbs
    ("Lee ran on the economy and said ...")."""
    s0 = 0
    while s0 < k and (toks[s0].low in _LEADS or toks[s0].text in (",", "—", "-")):
        s0 += 1
    if s0 >= k:
        return None
    m = mention_after(text, toks, s0 - 1, k)
    if m is None or m.start != toks[s0].start:
        return None
    return m


def _according_pre(
    text: str,
    toks: list[Tok],
    k: int,
    ke: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
    end: int,
) -> Found | None:
    """ "According to X, <clause>." (also after "But," or a time phrase)."""
    n = len(toks)
    if any(x.is_word and x.low not in ("but", "and", "yet", "still", "so") for x in toks[:k]):
        return None
    m = mention_after(text, toks, ke, n)
    c = ke + 1
    while c < n and toks[c].text != "," and c - ke < 32:  # "According to early results
        # of a phone survey run by X for Y, ...": a long source up to the comma
        if toks[c].text in ".;:!?" or toks[c].text in ALL_MARKS:
            return None
        c += 1
    if c >= n or toks[c].text != ",":
        return None
    if m is None:
        m = noun_phrase(text, toks[ke + 1 : c]) or _whole_phrase(text, toks[ke + 1 : c])
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if count_words(body, 3) < 3:
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], cue, m, pi)


_STANCE_PARTICIPLES = frozenset(
    {"supporting", "backing", "opposing", "endorsing", "criticizing", "urging", "demanding"}
    | {"praising", "attacking", "questioning", "mocking", "condemning", "denouncing", "calling"}
    | {"accusing", "blaming", "defending", "seeking", "promising", "touting", "warning"}
    | {"chanting", "yelling", "shouting", "singing", "screaming"}
)


# Every word that may start a cue in ``_sentence`` (besides "-ed" forms before "that").
_CUE_STARTS = (
    CLAUSE_VERBS
    | THAT_VERBS
    | POST_VERBS
    | OBJECT_VERBS
    | PARTICIPLES
    | NOUN_CUES
    | _STANCE_PARTICIPLES
    | _MAKE
    | _PAST_THAT
    | {"according", "expected"}
)

# what the sentence scan looks for: the cue starts, and "that" after a past form
_SCAN = _CUE_STARTS | _FINDINGS | {"that"}
# the words ``_phrase_cue`` and ``_special_form`` may find a cue or a form at
_PHRASE_FIRST = frozenset({"according"}) | _MAKE | PARTICIPLES
_SPECIAL_FIRST = frozenset({"expected"}) | _STANCE_PARTICIPLES | NOUN_CUES
# the words whose tokens the tokenizer notes for ``find``: the scan's and the marks of
# ``_quoted_fragment``
_NOTED = _SCAN | _DOUBLE
note_words(_NOTED)

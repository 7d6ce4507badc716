"""Attributions without quotation marks, sentence by sentence.

What the stricter rules in ``engine.py`` leave, found in one pass over each sentence:

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

from dataclasses import dataclass

from ...resources import word_list
from .lexicon import AUXILIARIES, DETERMINERS
from .mentions import (
    NON_SPEAKER_HEADS,
    Cue,
    Mention,
    Tok,
    _is_name_tok,
    mention_after,
    mention_before,
    subject_before,
    tokenize,
)
from .quotes import ALL_MARKS

CLAUSE_VERBS = word_list("suggest/clause_verbs.txt")
THAT_VERBS = word_list("suggest/that_verbs.txt")
POST_VERBS = word_list("suggest/post_verbs.txt") | CLAUSE_VERBS
OBJECT_VERBS = word_list("suggest/object_verbs.txt")
PARTICIPLES = word_list("suggest/participles.txt")

# Words between a subject and its verb: "has long said", "also warned", "would later say".
_SKIP_BACK = AUXILIARIES | frozenset(
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
_BOUNDARY = word_list("suggest/boundary.txt")
# A clause does not start with these: "the claims are false" is a noun, not a cue.
_NOT_CLAUSE_START = word_list("suggest/not_clause_start.txt")
# Before a noun use of a cue form: "the claims", "his thoughts", "in reports".
_NOUN_BEFORE = word_list("suggest/noun_before.txt")
_FINITE_START = word_list("suggest/finite_start.txt")
_FINITE_HINT = word_list("suggest/finite_hint.txt")
_TAIL_OK = word_list("suggest/tail_ok.txt")
# A sentence starting with these opens with an adverbial, not with reported content.
_INTRO_WORDS = word_list("suggest/intro_words.txt")
_PARENTHESES = frozenset(
    {"for", "instance", "example", "however", "in", "fact", "meanwhile", "though", "too"}
    | {"also", "then", "now", "indeed", "moreover", "meanwhile", "still", "instead"}
)
_CONTRACTIONS = ("'s", "'re", "n't", "'ll", "'ve", "'d", "'m")
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


@dataclass
class Found:
    spans: list[tuple[int, int]]
    cue: Cue
    mention: Mention | None
    para: int


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
        toks = tokenize(text, s, e)
        if len(toks) < 4:
            continue
        _sentence(text, toks, s, e, pi, taken, out)
    return out


def _inside(taken: list[tuple[int, int]], pos: int) -> bool:
    from bisect import bisect_right

    i = bisect_right(taken, (pos, 1 << 60)) - 1
    return i >= 0 and taken[i][0] <= pos < taken[i][1]


def _sentence(
    text: str,
    toks: list[Tok],
    s: int,
    e: int,
    pi: int,
    taken: list[tuple[int, int]],
    out: list[Found],
) -> None:
    n = len(toks)
    # a headline in title case: "Mayor Calls Budget 'A Disgrace'"
    headline = pi == 0 and sum(1 for t in toks if t.is_word and t.is_cap) * 2 > sum(
        1 for t in toks if t.is_word
    )
    colon = (
        _colon(text, toks, pi, taken)
        or _in_source(text, toks, pi, taken)
        or _as_reported(text, toks, pi, taken)
    )
    if colon is not None:
        out.append(colon)
        taken.extend(colon.spans)
        taken.sort()
        return
    i = 0
    while i < n:
        t = toks[i]
        low = t.low
        cue: Cue | None = None
        ke = i  # index of the cue's last token
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            cue = Cue(t.start, toks[i + 1].end, "according to", False)
            ke = i + 1
        elif (
            low in PARTICIPLES
            and i > 0
            and (
                toks[i - 1].text == "," or any(x.low in _MESSAGES for x in toks[max(0, i - 4) : i])
            )
        ):
            cue = Cue(t.start, t.end, low, True)
        elif (
            low == "expected"
            and i > 1
            and toks[i - 1].low in ("is", "are", "was", "were", "be", "been")
            and i + 2 < n
            and toks[i + 1].low == "to"
        ):
            # "The plan is expected to pass": the subject and what it is expected to do
            found = _expected(text, toks, i, pi, taken)
            if found is not None:
                out.append(found)
                taken.extend(found.spans)
                taken.sort()
                i = next((x for x in range(i, n) if toks[x].start >= found.spans[-1][1]), n)
                continue
        elif low in _STANCE_PARTICIPLES and i > 1 and toks[i - 1].is_word:
            # "a super PAC supporting Rubio": said (done) by the noun phrase before it
            found = _reduced_relative(text, toks, i, pi, taken)
            if found is not None:
                out.append(found)
                taken.extend(found.spans)
                taken.sort()
                i = next((x for x in range(i, n) if toks[x].start >= found.spans[-1][1]), n)
                continue
        elif low in CLAUSE_VERBS or low in THAT_VERBS or low in POST_VERBS or low in OBJECT_VERBS:
            if t.is_cap and i > 0 and not headline:
                i += 1
                continue
            cue = Cue(t.start, t.end, low, False)
        if cue is None or _inside(taken, t.start):
            i += 1
            continue
        if cue.participle:
            found = _participle(text, toks, i, cue, pi, taken, out)
        else:
            found = _asked(text, toks, i, cue, pi, taken) or _post(
                text, toks, i, ke, cue, pi, taken
            )
        if found is None and cue.participle:
            pass
        elif found is None and cue.word != "according to":
            found = _pre(text, toks, i, ke, cue, pi, taken, e)
            if found is None and low in OBJECT_VERBS:
                found = _object(text, toks, i, cue, pi, taken)
        elif found is None:
            found = _according_pre(text, toks, i, ke, cue, pi, taken, e)
        if found is not None:
            out.append(found)
            taken.extend(found.spans)
            taken.sort()
            # the attribution's own words are not cues of another claim
            i = ke + 1
            while i < n and toks[i].start < found.spans[-1][1]:
                i += 1
            continue
        i += 1
    if not any(f.spans[0][0] >= s and f.spans[0][0] < e for f in out[-3:]):
        found = _quoted_fragment(text, toks, pi, taken)
        if found is not None:
            out.append(found)
            taken.extend(found.spans)
            taken.sort()


def _quoted_fragment(
    text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Trump refers to the governor as "Chris."": a quotation no rule attributed, in a
    sentence that opens with its speaker and a verb -- the rest is a mixed claim."""
    marks = [x for x, t in enumerate(toks) if t.text in _DOUBLE and not _inside(taken, t.start)]
    if len(marks) < 2:
        return None
    n = len(toks)
    for v in range(1, min(n - 2, 12)):
        t = toks[v]
        if v >= marks[0]:
            return None
        if not t.is_word or t.is_cap or t.low in _SKIP_BACK:
            continue
        low = t.low
        if not (low.endswith(("ed", "s")) or low in _IRREGULAR_PAST):
            continue
        m = mention_before(text, toks, v, 0)
        if m is None or m.phrase_start > toks[0].start + 4:
            return None
        body = toks[v + 1 :]
        body = body[: _clause_end(body, objects=True)]
        while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
            body = body[:-1]
        if not body or body[0].low in _NOT_OBJECT_START or body[-1].start < toks[marks[0]].start:
            return None
        a, b = body[0].start, body[-1].end
        if _overlaps_any(taken, a, b):
            return None
        return Found([(a, b)], Cue(t.start, t.end, low, False), m, pi)
    return None


# Words before a colon that introduce a list or a section, not a speaker.
_NOT_NAME_HEAD = frozenset(
    {"related", "update", "updated", "correction", "note", "editor", "photo", "video", "watch"}
    | {"read", "see", "also", "contact", "source", "sources", "here", "this", "the", "what"}
    | {"why", "how", "who", "when", "where", "exclusive", "breaking", "live", "more", "opinion"}
    | {"analysis", "commentary", "review", "transcript", "warning", "subscribe", "follow"}
)
_QUANTIFIERS = frozenset(
    {"most", "many", "some", "half", "others", "all", "both", "few", "majority", "minority"}
    | {"three-quarters", "two-thirds", "percent", "voters", "people", "americans", "who"}
)
_SEE_AS = word_list("suggest/see_as.txt")
_ANY_VERB = CLAUSE_VERBS | OBJECT_VERBS | (POST_VERBS - {"continued", "continues"})
_SPEECH = word_list("suggest/speech.txt")
_ADDRESSEES = word_list("suggest/addressees.txt")
_DOUBLE = frozenset("\"“”„«»'‘’")  # standalone: '' and ‘…’ quote too
_IRREGULAR_PAST = frozenset(
    {"made", "gave", "took", "wrote", "spoke", "told", "saw", "knew", "thought", "felt", "put"}
    | {"sought", "brought", "held", "sent", "set", "kept", "won", "lost", "led", "left", "read"}
    | {"saw", "knew", "thought", "felt", "said", "told", "wrote", "meant", "chose", "spoke"}
    | {"spent", "paid", "went", "came", "became", "got", "ran", "met", "began", "found"}
)


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
    if cue.word != "according to" and cue.word not in POST_VERBS:
        return None
    n = len(toks)
    m: Mention | None = None
    j = ke + 1  # where the words after the attribution start
    if toks[k - 1].text == ",":
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
                m = _np(text, toks[ke + 1 : e2])
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
    else:
        c = k - 1
        while c >= 0 and toks[c].text != "," and k - c <= _MAX_SUBJECT + 1:
            if toks[c].text in ".;:!?()" or toks[c].text in ALL_MARKS or toks[c].low in _BOUNDARY:
                return None
            c -= 1
        if cue.word == "according to":
            # "... leads by 271 delegates according to a count by the AP."
            m = mention_after(text, toks, ke, n)
            e2 = next((x for x in range(ke + 1, n) if not toks[x].is_word), n)
            if m is None:
                m = _np(text, toks[ke + 1 : e2])
            if m is None or e2 < n - 1 or k < 4:
                return None
            spans = [(toks[0].start, toks[k - 1].end)]
            if toks[0].text in ALL_MARKS or _overlaps_any(taken, *spans[0]):
                return None
            return Found(spans, cue, m, pi)
        if c < 0 or toks[c].text != ",":
            return None
        subj = toks[c + 1 : k]
        if not all(x.is_word or x.text in ".’'-" for x in subj):
            return None
        m = mention_before(text, toks, k, c + 1) or _generic(text, toks, k, c + 1)
        if m is None:
            return None
    n_before = sum(1 for x in toks[:c] if x.is_word)
    if c < 1 or n_before < (1 if cue.word == "according to" else 2):
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
    if cue.word != "according to" and not _tail_ok(toks[t0:j]):
        return None  # "In the past, he said the plan ...": the clause follows the cue
    first_end = toks[c - 1].end
    first_start = toks[0].start
    if toks[0].text in ALL_MARKS:
        return None  # a quotation: the quote rules decide
    if toks[0].low in _INTRO_WORDS and cue.word != "according to":
        # "In recent weeks, the plan stalled, he said": the clause after the opening
        first = next((x for x in range(1, c) if toks[x].text == ","), None)
        if first is None or sum(1 for x in toks[first:c] if x.is_word) < 3:
            return None
        first_start = toks[first + 1].start
    lead = _connector_end(toks, c)
    if lead:
        first_start = toks[lead].start
    spans = [(first_start, first_end)]
    if j < n and toks[j].text == ",":
        rest = toks[j + 1 :]
        while rest and not rest[-1].is_word:
            rest = rest[:-1]
        if (
            sum(1 for x in rest if x.is_word) >= 2
            and rest[0].low not in ("adding", "saying")
            and rest[0].text not in ALL_MARKS
        ):
            spans.append((rest[0].start, rest[-1].end))
    elif j < n:
        return None
    if len(spans) == 1 and n_before < 3:
        return None  # "Yes, he said.": too short to be a claim of its own
    if any(_inside(taken, a) or _inside(taken, b - 1) for a, b in spans):
        return None
    if any(_overlaps_any(taken, a, b) for a, b in spans):
        return None
    return Found(spans, cue, m, pi)


def _overlaps_any(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    from bisect import bisect_left

    i = bisect_left(taken, (a, -1))
    if i > 0 and taken[i - 1][1] > a:
        return True
    return i < len(taken) and taken[i][0] < b


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
    if prev.low in _NOUN_BEFORE or not (prev.is_word or prev.text in (",", "’", "'", ")", "%")):
        return None
    j = ke + 1
    needs_that = cue.word not in CLAUSE_VERBS
    # "told reporters that", "said in a statement that", "said Tuesday that"
    telling = cue.word in ("told", "tells", "tell")
    if toks[j].low != "that":
        t = j
        while t < n and t - j < (16 if telling else 8) and toks[t].low != "that":
            if not (toks[t].is_word or toks[t].text == ","):
                break
            if telling and toks[t].low not in CLAUSE_VERBS:
                t += 1
                continue  # "told a crowded hall in downtown Baltimore that"
            if toks[t].low in CLAUSE_VERBS or toks[t].low in _NOT_CLAUSE_START - {
                "in",
                "on",
                "at",
                "to",
                "during",
                "a",
                "an",
                "his",
                "her",
                "their",
                "its",
                "this",
            }:
                break
            t += 1
        if t < n and toks[t].low == "that" and t > j and (telling or _tail_ok(toks[j:t])):
            j = t
        elif telling:
            # "told me the photo violates ...", "told CNN he would": addressee, then clause
            a = j
            while a < n and a - j < 3 and toks[a].is_word and (toks[a].is_cap or a == j):
                a += 1
            if (
                a > j
                and a < n
                and (toks[j].low in _ADDRESSEES or toks[j].is_cap)
                and toks[a].is_word
                and toks[a].low not in _NOT_CLAUSE_START
                and _finite_soon(toks, a, 6)
            ):
                j = a
                needs_that = False
    if toks[j].low == "that":
        j += 1
        if j >= n:
            return None
    elif j + 1 < n and toks[j].low == "the" and toks[j + 1].low == "same":
        pass  # "only 49 percent say the same of Trump"
    elif needs_that:
        if cue.word not in _EVIDENCE_VERBS:
            return None
        # "The survey finds Clinton with a small lead", "The post showed a man ...":
        # a document shows its object
        m = _subject(text, toks, k)
        clause = (
            toks[j].is_word and toks[j].low not in _NOT_CLAUSE_START and _finite_soon(toks, j, 6)
        )
        if not clause and (m is None or m.head not in _DOCUMENTS or not toks[j].is_word):
            return None
        if toks[j].low in _NOT_OBJECT_START or toks[j].low in ("to", "that", "it"):
            return None
    else:
        first = toks[j]
        if not first.is_word or first.low in _NOT_CLAUSE_START:
            return None
        if first.low.endswith("ing") or (first.low.endswith("ed") and not first.is_cap):
            return None
        if not _finite_soon(toks, j):
            return None
    m = _subject(text, toks, k)
    if m is None:
        m = _generic(text, toks, k, 0)
    if m is None and not _coordinated(toks, k) and cue.word not in _SPEECH:
        return None  # a long subject we cannot delimit: still speech after "said"
    body = toks[j:]
    # stop before a second attribution: ", adding ...", ", according to ..."
    body = body[: _clause_end(body, objects=False)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if sum(1 for x in body if x.is_word) < 2:
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], cue, m, pi)


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
    while c < n and toks[c].text != "," and c - ke < 16:
        if toks[c].text in ".;:!?" or toks[c].text in ALL_MARKS:
            return None
        c += 1
    if c >= n or toks[c].text != ",":
        return None
    if m is None:
        m = _np(text, toks[ke + 1 : c])
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if sum(1 for x in body if x.is_word) < 3:
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], cue, m, pi)


def _tail_ok(toks: list[Tok]) -> bool:
    return all(not x.is_word or x.low in _TAIL_OK or x.is_cap or x.text[0].isdigit() for x in toks)


def _finite_soon(toks: list[Tok], j: int, limit: int = 10) -> bool:
    """A finite verb within the first words of the clause ("he was", "Trump wins")."""
    for x in range(j, min(len(toks), j + limit)):
        t = toks[x]
        low = t.low.replace("’", "'")
        if low in _FINITE_HINT or low.endswith(_CONTRACTIONS):
            return True
        if x > j and not t.is_cap and t.is_word:
            if low.endswith("ed") and len(low) > 3:
                return True
            if (
                low.endswith("s")
                and not low.endswith(("ss", "us", "is", "’s", "'s"))
                and len(low) > 3
                and toks[x - 1].is_word
                and (toks[x - 1].is_cap or toks[x - 1].low in ("he", "she", "it", "who"))
            ):
                return True
            prev = toks[x - 1].low
            if (
                (prev in ("i", "we", "you", "they") or prev in _QUANTIFIERS)
                and t.text.isalpha()
                and low not in _NOT_CLAUSE_START
                and low not in _SKIP_BACK
                and not low.endswith("ly")
            ):
                return True  # "people misunderstand him", "we need"
        if t.text in (".", ";", ":"):
            return False
    return False


def _generic(text: str, toks: list[Tok], k: int, floor: int) -> Mention | None:
    """The subject before the cue ``toks[k]`` when the name rules read none: "I", "we",
    "several delegate candidates", "Half of Vermont Democrats", "Cameron's spokesman"."""
    j = k - 1
    while j >= floor and toks[j].low in _SKIP_BACK and not toks[j].is_cap:
        j -= 1
    if j < floor:
        return None
    last = toks[j]
    if last.low in ("and", "but") and j > floor:
        # "FBI officials were angered and predicted ...": the subject of the sentence
        return subject_before(text, toks, j)
    if last.text == "," and j - 1 > floor:
        # "Leaders in the state, for instance, noted ...": skip the parenthesis
        c = j - 1
        while c > floor and toks[c].text != "," and j - c < 5:
            c -= 1
        if toks[c].text == "," and all(t.low in _PARENTHESES for t in toks[c + 1 : j]):
            return mention_before(text, toks, c + 1, floor) or _generic(text, toks, c, floor)
        return None
    if last.low in ("i", "we", "you", "they", "he", "she", "it"):
        kind = "organisation" if last.low == "it" else "person"
        return Mention(last.start, last.end, last.text, "pronoun", kind, phrase_start=last.start)
    i = j
    while i > floor and j - i < 8:
        p = toks[i - 1]
        if p.low in _BOUNDARY or p.text in ",;:()—–" or p.text in ALL_MARKS:
            break
        if not (p.is_word or p.text in ("’", "'", "-", ".", "/", "&")):
            break
        i -= 1
    if i > floor and toks[i - 1].text not in ",;:—–" and toks[i - 1].low not in _BOUNDARY:
        return None  # a long subject that we cannot delimit
    return _np(text, toks[i : j + 1])


def _np(text: str, run: list[Tok]) -> Mention | None:
    while run and (not run[0].is_word or run[0].low in ("and", "but", "so")):
        run = run[1:]
    while run and not run[-1].is_word:
        run = run[:-1]
    if not run or len(run) > 10:
        return None
    if any(not t.is_cap and (t.low in _FINITE_HINT or t.low in AUXILIARIES) for t in run):
        return None  # "has often been": a verb phrase, not a subject
    head = run[-1]
    if not head.is_word or head.low in _FINITE_HINT:
        return None
    s, e = run[0].start, head.end
    definite = False  # kept as written: "several delegates" names nobody to look up
    # "the poll", "FEC records": a document speaks for whoever made it
    kind = "organisation" if head.low in NON_SPEAKER_HEADS or head.is_cap else "person"
    return Mention(s, e, text[s:e], "np", kind, None, None, head.low, definite, s)


# Before a bare verb form ("they support", "we want", "will call"): a noun otherwise.
_BEFORE_BARE = word_list("suggest/before_bare.txt")


def _object(
    text: str,
    toks: list[Tok],
    k: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
) -> Found | None:
    """ "X called the plan "reckless"", "X criticized Y for ...", "X declined to comment":
    the rest of the sentence after the verb, said by the subject."""
    n = len(toks)
    if k == 0 or k + 2 >= n:
        return None
    prev = toks[k - 1]
    low = cue.word
    if prev.low in _NOUN_BEFORE or not (prev.is_word or prev.text == ")"):
        return None
    plural = prev.low in _QUANTIFIERS or (
        prev.low.endswith("s") and not prev.low.endswith(("ss", "’s", "'s", "us", "is"))
    )
    bare = not low.endswith(("s", "ed", "ing")) and low not in _IRREGULAR_PAST
    if bare and prev.low not in _BEFORE_BARE and not plural:
        return None
    if low.endswith("ing"):
        return None
    m = _subject(text, toks, k)
    if m is None:
        m = _generic(text, toks, k, 0)
        if (m is None and not _coordinated(toks, k)) or (m is not None and len(m.text.split()) > 6):
            return None
    body = toks[k + 1 :]
    if low in _SEE_AS and not any(x.low == "as" for x in body[1:12]):
        return None  # "voters see Trump as ...", not "voters saw the rally"
    body = body[: _clause_end(body, objects=True)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if len(body) > 2 and body[0].low in _PARTICLES_OF.get(_stem(low), ()):
        # "called for X", "asked about X": the particle belongs to the cue
        cue = Cue(cue.start, body[0].end, low, False)
        body = body[1:]
    words = sum(1 for x in body if x.is_word)
    # "endorsed her", "praised Obama": a one-word object is a person
    single = words == 1 and (body[0].low in ("him", "her", "them", "us", "me") or body[0].is_cap)
    if (
        (words < 2 and not single)
        or body[0].low in _NOT_OBJECT_START
        or not (body[0].is_word or body[0].text in ALL_MARKS)
    ):
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], cue, m, pi)


# "X called on/for", "X asked about": still content; but "called off", "backed down" not.
_NOT_OBJECT_START = word_list("suggest/not_object_start.txt")


def _colon(text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "Ana Ruiz: ...", "RUIZ: Well, look ...", "Poll: ..." at the start of a sentence."""
    c = next((x for x, t in enumerate(toks[:14]) if t.text == ":"), None)
    if c is None or c == 0 or c + 2 >= len(toks):
        return None
    head = toks[:c]
    comma = next((x for x, t in enumerate(head) if t.text == ","), None)
    if comma is not None:
        # "Ana Ruiz, the harbour minister: ..." -- a name, then its apposition
        if comma < 2 or not head[comma + 1 :] or head[comma + 1].low not in DETERMINERS:
            return None
        head = head[:comma]
    elif c > 5:
        return None
    small = ("of", "the", "and", "at", "on")
    if not all(t.is_word and (t.is_cap or t.low in small) for t in head):
        return None
    if not head[-1].is_cap or len(head) > 5:
        return None
    line_start = toks[0].start == 0 or text[toks[0].start - 1] == "\n"
    quoted = toks[c + 1].text in ALL_MARKS
    headline = pi == 0 and not any(t.low in _NOT_NAME_HEAD for t in head)
    if len(head) == 1:
        transcript = line_start and (
            (head[0].text.isupper() and len(head[0].text) > 2) or head[0].text in ("Q", "A")
        )
        named = (headline or quoted) and head[0].is_cap and head[0].low not in _NOT_NAME_HEAD
        if head[0].low not in ("poll", "report", "survey", "study") and not (transcript or named):
            return None
    elif not (headline or (_is_name_tok(head[-1]) and _is_name_tok(head[-2]))):
        return None  # "A World at War:", "MOVE PAST Iowa:" -- a headline, not a speaker
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if sum(1 for x in body if x.is_word) < 3:
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    s, e = head[0].start, head[-1].end
    kind = "organisation" if head[-1].low in NON_SPEAKER_HEADS else "person"
    m = Mention(s, e, text[s:e], "name", kind, phrase_start=s)
    cue = Cue(toks[c].start, toks[c].end, ":", False)
    return Found([(a, b)], cue, m, pi)


# After a comma, these start something that is no longer the reported content:
# ", which ...", ", as has ...", ", putting her at odds ...".
_AFTER_COMMA_STOP = word_list("suggest/after_comma_stop.txt")
_CONNECTORS = word_list("suggest/connectors.txt")


def _clause_end(body: list[Tok], objects: bool) -> int:
    """Where the reported content after a cue ends (index into ``body``)."""
    for x in range(1, len(body)):
        t = body[x]
        nxt = body[x + 1].low if x + 1 < len(body) else ""
        if t.low in ("and", "but") and (
            nxt in _ANY_VERB or (nxt in _SKIP_BACK and x + 2 < len(body))
        ):
            after = nxt if nxt in _ANY_VERB else body[x + 2].low
            if after in _ANY_VERB:
                # "called the actions lawful, and said ...": a second attribution
                return x - 1 if body[x - 1].text == "," else x
        if t.low in ("when", "while") and nxt.endswith("ing"):
            return x  # "... on his show when commenting on her speech"
        if body[x - 1].text == ",":
            if t.low in ("adding", "saying", "according") or t.low in _AFTER_COMMA_STOP:
                return x - 1
            if t.low.endswith("ing") and not t.is_cap and len(t.low) > 5:
                return x - 1
            if objects and t.low in ("the", "a", "an") and x > 2:
                return x - 1  # an apposition to the object
        if t.text == ";":
            return x
    return len(body)


def _connector_end(toks: list[Tok], c: int) -> int:
    """ "In fact, the plan is dead, he said": the content starts after the connector."""
    if c > 3 and toks[1].text == "," and toks[0].low in _CONNECTORS:
        return 2
    if (
        c > 4
        and toks[2].text == ","
        and f"{toks[0].low} {toks[1].low}"
        in (
            "in fact",
            "of course",
            "in addition",
            "at first",
            "for now",
            "by contrast",
            "in short",
        )
    ):
        return 3
    return 0


def _participle(
    text: str,
    toks: list[Tok],
    k: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
    out: list[Found],
) -> Found | None:
    """ "..., saying (that) <clause>", "..., calling the plan reckless": said by the
    subject of the sentence."""
    n = len(toks)
    j = k + 1
    if (
        j < n
        and toks[j].low in ("to", "on", "for", "out")
        and cue.word
        in (
            "referring",
            "pointing",
            "calling",
        )
    ):
        j += 1
    # "telling reporters that"
    t = j
    while t < n and t - j < 6 and toks[t].low != "that" and toks[t].is_word:
        t += 1
    if t < n and toks[t].low == "that" and (_tail_ok(toks[j:t]) or t - j <= 2):
        j = t + 1
    elif j < n and toks[j].low == "that":
        j += 1
    body = toks[j:]
    body = body[: _clause_end(body, objects=True)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not body or sum(1 for x in body if x.is_word) < 2:
        return None
    if not (body[0].is_word or body[0].text in ALL_MARKS) or body[0].low in _NOT_OBJECT_START:
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    m = None
    # the speaker of an attribution earlier in the sentence, or the subject
    for f in reversed(out):
        if (
            f.mention is not None
            and f.spans[0][0] >= toks[0].start - 1
            and f.cue.end <= toks[k].start
        ):
            m = f.mention
            break
    if m is None:
        m = subject_before(text, toks, k)
    return Found([(a, b)], cue, m, pi)


def _coordinated(toks: list[Tok], k: int) -> bool:
    """ "... and said ...": a second verb of a subject named earlier in the sentence."""
    j = k - 1
    while j >= 0 and toks[j].low in _SKIP_BACK and not toks[j].is_cap:
        j -= 1
    return j > 0 and toks[j].low in ("and", "but")


_POLLS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies", "polling"})
_SOURCE_HEADS = frozenset(
    {"poll", "survey", "study", "report", "interview", "statement", "analysis", "memo", "letter"}
    | {"polls", "surveys", "studies", "reports", "email", "emails", "filing", "book", "op-ed"}
)


def _in_source(text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "In the latest poll, <clause>": the poll is the source, "In" the cue."""
    if toks[0].low != "in" or len(toks) < 6:
        return _in_source_after(text, toks, pi, taken)
    c = next((x for x in range(1, min(len(toks), 14)) if toks[x].text == ","), None)
    if c is None or c < 3:
        return None
    np = toks[1:c]
    head = next((x for x in range(len(np) - 1, -1, -1) if np[x].low in _SOURCE_HEADS), None)
    if head is None or np[0].low not in DETERMINERS:
        return None
    if np[head].low not in _POLLS:
        return None  # "In an interview, Lee said ...": the speech cue decides
    m = _np(text, np[: head + 1])
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if sum(1 for x in body if x.is_word) < 3 or not _finite_soon(body, 0, len(body)):
        return None
    if any(x.low in POST_VERBS or x.low in THAT_VERBS for x in body):
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], Cue(toks[0].start, toks[0].end, "in", False), m, pi)


_QUESTION_WORDS = word_list("suggest/question_words.txt")


def _asked(
    text: str, toks: list[Tok], k: int, cue: Cue, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "(When) asked (by X) (on Monday) whether ...": the question is the content."""
    # at the start of the sentence only: "he said when asked about it" is the setting of
    # his answer, not a claim of its own
    if cue.word != "asked" or not (k == 0 or (k == 1 and toks[0].low in ("when", "after"))):
        return None
    n = len(toks)
    j = k + 1
    m = None
    if j < n and toks[j].low == "by":
        m = mention_after(text, toks, j, n)
        if m is not None:
            j = next((x for x in range(j, n) if toks[x].start >= m.end), n)
    q = next((x for x in range(j, min(n, j + 6)) if toks[x].low in _QUESTION_WORDS), None)
    if q is None:
        return None
    e = next((x for x in range(q + 1, n) if toks[x].text in (",", ";", ".", "?", ":")), n)
    body = toks[q:e]
    if sum(1 for x in body if x.is_word) < 2:
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], cue, m, pi)


def _as_reported(text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "As the Post reported, <clause>": the clause after the comma."""
    if toks[0].low in ("but", "and", "yet", "so") and len(toks) > 7:
        toks = toks[1:]  # "But as a reporter noted, ..."
    if toks[0].low != "as" or len(toks) < 6:
        return None
    c = next((x for x in range(2, min(len(toks), 14)) if toks[x].text == ","), None)
    if c is None:
        return None
    v = c - 1
    while v > 1 and toks[v].low in _TAIL_OK and toks[v].low not in POST_VERBS:
        v -= 1  # "As the Post reported on Monday,"
    if toks[v].low not in POST_VERBS or toks[v].low in ("as", "asked"):
        return None
    m = mention_before(text, toks, v, 1) or _generic(text, toks, v, 1)
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if sum(1 for x in body if x.is_word) < 3:
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], Cue(toks[v].start, toks[v].end, toks[v].low, False), m, pi)


_DANGLING = word_list("suggest/dangling.txt")


def _subject(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The subject before the cue ``toks[k]``, or the sentence's subject when what comes
    before is the end of another phrase ("his words and said", "a secret but says")."""
    m = mention_before(text, toks, k, 0)
    if m is not None and (
        m.text.split()[-1].lower() in _DANGLING or m.text.split()[0].lower() in _DANGLING
    ):
        return subject_before(text, toks, k)
    if m is None and k > 0 and toks[k - 1].low in ("who", "which"):
        # "Thomas Perez, who said ...": the relative pronoun refers back
        t = toks[k - 1]
        return Mention(t.start, t.end, t.text, "pronoun", "person", phrase_start=t.start)
    if m is None and k > 2 and toks[k - 1].text == ",":
        # "Jason Furman, who leads the council, said": the name before the apposition
        c = k - 2
        while c > 0 and toks[c].text != "," and k - c < 30:
            c -= 1
        if (
            c > 0
            and toks[c].text == ","
            and (
                toks[c + 1].low in ("who", "whose", "a", "an", "the") or toks[c + 1].text.isdigit()
            )
        ):
            m = mention_before(text, toks, c, 0)
    return m


_STANCE_PARTICIPLES = frozenset(
    {"supporting", "backing", "opposing", "endorsing", "criticizing", "urging", "demanding"}
    | {"praising", "attacking", "questioning", "mocking", "condemning", "denouncing", "calling"}
    | {"accusing", "blaming", "defending", "seeking", "promising", "touting", "warning"}
    | {"chanting", "yelling", "shouting", "singing", "screaming"}
)


def _reduced_relative(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    prev = toks[k - 1]
    if prev.low in _SKIP_BACK or prev.low in _NOUN_BEFORE or prev.low in _BOUNDARY:
        return None
    if prev.low.endswith(("ly", "ing")) or prev.low in ("is", "are", "was", "were", "be", "been"):
        return None
    m = mention_before(text, toks, k, 0) or _generic(text, toks, k, 0)
    if m is None:
        return None
    body = toks[k + 1 :]
    body = body[: _clause_end(body, objects=True)]
    # the noun phrase ends where the sentence's own verb starts: "... backing the
    # tunnel spent heavily"
    verb = next((x for x in range(1, len(body)) if _finite_word(body[x])), len(body))
    body = body[:verb]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not body or not body[0].is_word or body[0].low in _NOT_OBJECT_START:
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    t = toks[k]
    return Found([(a, b)], Cue(t.start, t.end, t.low, True), m, pi)


def _finite_word(t: Tok) -> bool:
    low = t.low
    if not t.is_word or t.is_cap:
        return False
    return low in _FINITE_HINT or low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 3)


_PARTICLES_OF = {
    "call": ("for", "on"),
    "ask": ("about", "for"),
    "argue": ("for", "against"),
    "push": ("for",),
    "advocate": ("for",),
    "warn": ("of", "against", "about"),
    "complain": ("about",),
    "worry": ("about",),
    "vote": ("for", "against"),
    "hope": ("for",),
    "plead": ("for",),
    "demand": ("for",),
}


def _stem(form: str) -> str:
    """ "called" -> "call", "asks" -> "ask", "worried" -> "worry" (enough for the table)."""
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if form.endswith(suffix) and form[: -len(suffix)] + repl in _PARTICLES_OF:
            return form[: -len(suffix)] + repl
    return form


def _expected(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    aux = k - 1
    while aux > 0 and toks[aux - 1].low in _SKIP_BACK and not toks[aux - 1].is_cap:
        aux -= 1  # "is also widely expected"
    # the subject: back to the start of the clause
    s0 = aux - 1
    while s0 > 0 and toks[s0 - 1].text not in (",", ";", ":") and toks[s0 - 1].low not in _BOUNDARY:
        s0 -= 1
    if s0 >= aux or aux - s0 > 14:
        return None
    subj = toks[s0:aux]
    while subj and not subj[-1].is_word:
        subj = subj[:-1]
    body = toks[k + 1 :]
    body = body[: _clause_end(body, objects=True)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not subj or sum(1 for x in body if x.is_word) < 2:
        return None
    spans = [(subj[0].start, subj[-1].end), (body[0].start, body[-1].end)]
    if any(_overlaps_any(taken, a, b) for a, b in spans):
        return None
    cue = Cue(toks[aux].start, toks[k].end, "expected", False)
    return Found(spans, cue, None, pi)


def _in_source_after(
    text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Kasich was at 25 percent in the most recent Fox poll.": the poll is the source."""
    end = len(toks)
    while end and not toks[end - 1].is_word:
        end -= 1
    if end < 6 or toks[end - 1].low not in _POLLS:
        return None
    i = next((x for x in range(end - 2, max(1, end - 10), -1) if toks[x].low == "in"), None)
    if i is None or i < 3:
        return None
    np = toks[i + 1 : end]
    if any(t.text in (",", ";") for t in np):
        return None
    body = toks[:i]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if sum(1 for x in body if x.is_word) < 3 or not _finite_soon(body, 0, len(body)):
        return None
    if any(x.low in POST_VERBS or x.low in THAT_VERBS for x in body):
        return None
    a, b = body[0].start, body[-1].end
    if _overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], Cue(toks[i].start, toks[i].end, "in", False), _np(text, np), pi)

"""What a document shows, for what the clause rules and frames left.

A poll, a study or records "show", "found" or "suggest" something; PolNeAR attributes
it to the document:

- before the content: "A new poll of the county shows Lee ahead", "The survey also
  found that most riders want a later ferry";
- after it: "Most riders want a later ferry, the survey found.";
- inside it: "During that year, harbour records show, the ferry ran empty twice."

The document's noun phrase is the mention, the verb the cue. One compiled pattern of the
verbs finds the candidates and a word-set lookup of the few words before each keeps
those after a document noun, so an article without one costs a single search.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ._trie import trie_pattern
from .clause_base import BOUNDARY, NOT_OBJECT_START, Found, inside, overlaps_any
from .clause_forms import finite_soon, noun_phrase
from .cues import Cue
from .frames import content_after
from .noun_phrases import Mention
from .tokens import Tok, note_words, noted_tokens, tok_at, tokenize

_DOCUMENTS = frozenset(
    {"poll", "polls", "polling", "survey", "surveys", "study", "studies", "data", "results"}
    | {"records", "documents", "numbers", "figures", "report", "analysis", "research"}
    | {"review", "audit", "filings", "estimates", "projections", "statistics", "census"}
    | {"reports", "tally", "count", "average", "averages", "forecast", "forecasts", "models"}
    | {"analyses", "investigation", "emails", "transcripts", "disclosures", "findings"}
    | {"evidence", "tests", "surveyed", "polled", "interviews"}
    | {"memo", "memos", "letter", "letters", "ruling", "filing", "article", "story", "video"}
    | {"videos", "footage", "photo", "photos", "images", "ad", "ads", "book", "transcript"}
    | {"chart", "map", "record", "document", "testimony", "logs", "receipts", "tweets"}
)
_VERBS = frozenset(
    {"show", "shows", "showed", "shown", "found", "finds", "suggest", "suggests", "suggested"}
    | {"indicate", "indicates", "indicated", "reveal", "reveals", "revealed"}
)
# the verb after a space (lower case: a capitalised one is a headline's); the document
# noun is looked for only in the few words before a hit
_RE = re.compile(r" (" + trie_pattern(_VERBS) + r")(?![\w'’-])")
# the tokenizer notes where the verbs are; ``_verb_hits`` reads them from it (speed)
note_words(_VERBS)
_NEAR = 10  # words between the document noun and the verb, the verb's auxiliaries included
_STRIP = ",;:()\"“”'’"

# Between the document and the verb: "the poll also found", "polls have shown".
_BETWEEN = frozenset({"also", "has", "have", "had", "now", "still", "consistently", "all"})
# A passive or a modal before the verb: "can be found", "was revealed", "would show".
_NOT_ACTIVE = frozenset(
    {"be", "been", "was", "were", "is", "are", "being", "can", "could", "would", "will", "may"}
    | {"might", "should", "must", "to", "not", "n't", "never", "if"}
)
# Where the document's phrase starts, reading back from the verb.
_PHRASE_STOPS = frozenset(
    {"as", "while", "because", "since", "after", "though", "although", "to", "through"}
    | {"that", "which", "according", "with", "when", "if", "than"}
)
# "the polls that show ...": the relative word is not the document's
_RELATIVES = frozenset({"that", "which"})
_SENTENCE_LEADS = frozenset({"but", "and", "so", "yet", "still", "now", "however"})

_MIN_WORDS = 3  # a shorter content is a fragment, not a finding


def find(
    text: str, sentences: list[tuple[int, int, int]], taken: list[tuple[int, int]]
) -> list[Found]:
    """Findings of documents in the sentences ``(start, end, paragraph)`` outside
    ``taken`` (sorted ranges of claims already found; extended with what is found)."""
    out: list[Found] = []
    starts = [s for s, _, _ in sentences]
    for a, verb_end in _verb_hits(text):
        near = text[max(0, a - 60) : a].split()[-_NEAR:]
        if not any(w.lower().strip(_STRIP) in _DOCUMENTS for w in near) and not (
            near and near[-1][:1].isupper() and text[verb_end : verb_end + 1] == "."
        ):
            continue  # (or "<clause>, Gallup found.": a name that ends the sentence)
        at = _free_sentence_at(text, sentences, starts, taken, a, a + 1)
        if at is None or not at[1]:
            continue
        toks, k, pi = at
        found = _finding(text, toks, k, pi, taken)
        if found is not None:
            out.append(found)
            taken.extend(found.spans)
            taken.sort()
    out += _shares(text, sentences, starts, taken)
    out += _in_polls(text, sentences, starts, taken)
    return out


def _verb_hits(text: str) -> list[tuple[int, int]]:
    """Where the matches of ``_RE`` in ``text`` stand: the ``(start, end)`` of each verb,
    in text order.

    The verbs' tokens come from the tokenizer's notes (speed); they are the matches: a
    verb preceded by a space and followed by no word character, apostrophe or hyphen is
    a whole token. In a text with the hyphen U+2010 (which joins a token's parts but
    does not stop a match) the search itself runs."""
    if "\u2010" in text:
        return [(m.start(1), m.end()) for m in _RE.finditer(text)]
    n = len(text)
    return [
        (t.start, t.end)
        for t in noted_tokens(text, _VERBS)
        if t.start
        and text[t.start - 1] == " "
        and t.text in _VERBS
        and (t.end == n or text[t.end] not in "'’-")
    ]


# "Lee leads in the polls", "In a Harbour News poll last month, Lee led by 9 points": a
# standing the poll reports; "in" is the cue, the poll's phrase the mention.
# The poll's word is found first (``str.find``: fast), then the "in" before it in a
# short window.
_POLL_STEMS = ("poll", "survey")
_IN_POLL_RE = re.compile(
    r"\b[Ii]n (?:(?!(?:in|on|to|at|atop|for|by|with|into|over|before|after|wake) )[^\s,.;:]+ ){0,7}?"
    r"(?:polls?|polling|surveys?)\Z"
)
_WINDOW = 90  # characters before the poll's word where its "in" may be
_POLL_NOUNS = frozenset({"poll", "polls", "polling", "survey", "surveys"})
# What may follow the poll's noun inside its phrase or right after it.
_AFTER_POLL = frozenset(
    {"released", "conducted", "taken", "published", "last", "this", "earlier", "from", "of"}
    | {"by", "ahead", "and", "but", "since", "among", "in", "on", "for", "with", "after"}
    | {"before", "over", "to", "while", "as", "at"}
)
# A lead clause that is not the claim's: "While Lee leads in Ash, she trails in the polls".
_SUBORDINATE = frozenset(
    {"while", "although", "though", "as", "because", "since", "when", "if", "after", "before"}
    | {"whereas", "even", "until", "once", "despite", "depending", "with", "without", "given"}
)
# "rising in the polls", "in polling": a standing in general, too often the writer's own.
_BARE_POLLS = (["polls"], ["the", "polls"], ["polling"])
# Words inside the poll's phrase that show it is no poll's report: "in polling places",
# "in the exit polls' wake" are caught by _AFTER_POLL; these by the words before.
_NOT_POLL_PHRASE = frozenset(
    {"interest", "participate", "participated", "included", "surveyed", "polled", "questioned"}
    | {"interviewed", "among", "favorably", "unfavorably"}
)
_COMPARED = frozenset({"compared", "versus", "than"})
# After the subject's comma, an aside: "Lee, who leads in ...", "Lee, the leader in ...".
_ASIDE_STARTS = frozenset({"who", "which", "the", "a", "an", "whose"})


def _poll_words(text: str) -> list[tuple[int, int]]:
    """Where "poll(s)", "polling" and "survey(s)" stand in ``text``, in text order."""
    out = []
    for stem in _POLL_STEMS:
        i = text.find(stem)
        while i >= 0:
            j = i + len(stem)
            if text.startswith("ing", j):
                j += 3
            elif text.startswith("s", j):
                j += 1
            if j >= len(text) or not text[j].isalnum():
                out.append((i, j))
            i = text.find(stem, j)
    out.sort()
    return out


def _in_polls(
    text: str,
    sentences: list[tuple[int, int, int]],
    starts: list[int],
    taken: list[tuple[int, int]],
) -> list[Found]:
    """ "<clause> in the polls" and "In a <name> poll, <clause>": what a poll shows."""
    out: list[Found] = []
    done = -1
    for i, j in _poll_words(text):
        w0 = max(0, i - _WINDOW)
        hit = _IN_POLL_RE.search(text[w0:j])
        if hit is None or w0 + hit.start() <= done:
            continue
        a = done = w0 + hit.start()
        hit_end = w0 + hit.end()
        at = _free_sentence_at(text, sentences, starts, taken, a, hit_end)
        if at is None or at[1] is None:
            continue
        toks, k, pi = at
        n = len(toks)
        h = next((y for y in range(k + 1, n) if toks[y].end >= hit_end), n)
        if h + 1 >= n:
            continue
        nxt = toks[h + 1]
        if nxt.is_word and nxt.low not in _AFTER_POLL:
            continue  # "in polling places", "in survey results"
        if any(not t.is_word and t.text not in "/-’'" for t in toks[k + 1 : h]):
            continue
        if k > 0 and toks[k - 1].low in _NOT_POLL_PHRASE:
            continue
        m0, m1 = toks[k + 1].start, toks[h].end
        m = Mention(m0, m1, text[m0:m1], "np", "organisation", head=toks[h].low, phrase_start=m0)
        lead = 0
        while lead < k and toks[lead].low in _SENTENCE_LEADS:
            lead += 1
        if lead == k:
            # "In a <name> poll last month, <clause>."
            comma = next((y for y in range(h + 1, min(n, h + 8)) if toks[y].text == ","), None)
            if comma is None or comma + 1 >= n:
                continue
            span = content_after(toks, comma + 1, "clause")
        else:
            if [t.low for t in toks[k + 1 : h + 1]] in _BARE_POLLS:
                continue
            lead = next((y + 1 for y in range(k - 1, lead - 1, -1) if toks[y].text in ":;—–"), lead)
            if lead < k and toks[lead].low in _SUBORDINATE:
                comma = next((y for y in range(lead, k) if toks[y].text == ","), None)
                if comma is None:
                    continue
                lead = comma + 1
            body = toks[lead:k]
            comma = next((y for y in range(len(body) - 1) if body[y].text == ","), None)
            if comma is not None and (
                body[comma + 1].low in _ASIDE_STARTS or body[comma + 1].low.endswith("ing")
            ):
                continue
            if not body or not body[-1].is_word or not body[0].is_word:
                continue
            if any(t.low in _COMPARED for t in body):
                continue  # "..., compared to 50 percent in a survey before": the other poll's
            if not finite_soon(body, 0, len(body)):
                continue  # "One in four voters in a poll said": the poll is in the subject
            span = (body[0].start, body[-1].end)
        if span is None or overlaps_any(taken, *span):
            continue
        if sum(1 for t in toks if t.is_word and span[0] <= t.start < span[1]) < _MIN_WORDS:
            continue
        cue = Cue(toks[k].start, toks[k].end, "in", False)
        out.append(Found([span], cue, m, pi))
        taken.append(span)
        taken.sort()
    return out


# A share of those polled before "saying": "with 22 percent saying ...", "voters saying".
_SHARES = frozenset(
    {"percent", "%", "voters", "respondents", "americans", "people", "democrats", "those"}
    | {"republicans", "independents", "others", "half", "third", "quarter", "majority"}
)
_SHARE_STOPS = frozenset({"with", "of", "while", "and", "among", "as", "but"})


def _shares(
    text: str,
    sentences: list[tuple[int, int, int]],
    starts: list[int],
    taken: list[tuple[int, int]],
) -> list[Found]:
    """ "..., with 22 percent saying they would vote", "voters saying they want ...": what
    a share of those polled said; the share is the mention, "saying" the cue."""
    out: list[Found] = []
    i = text.find(" saying ")
    while i >= 0:
        a = i + 1
        i = text.find(" saying ", a)
        words = text[max(0, a - 24) : a].split()
        if not words or (words[-1].lower() not in _SHARES and not words[-1].isdigit()):
            continue
        at = _free_sentence_at(text, sentences, starts, taken, a, a + 1)
        if at is None or not at[1] or at[1] + 2 >= len(at[0]):
            continue
        toks, k, pi = at
        start = k + 2 if toks[k + 1].low == "that" else k + 1
        span = content_after(toks, start, "clause")
        if span is None or overlaps_any(taken, *span):
            continue
        b = k
        while b > 0 and k - b < 5 and toks[b - 1].is_word and toks[b - 1].low not in _SHARE_STOPS:
            b -= 1
        m = noun_phrase(text, toks[b:k])
        if m is None:
            continue
        out.append(Found([span], Cue(toks[k].start, toks[k].end, "saying", True), m, pi))
        taken.append(span)
        taken.sort()
    return out


def _finding(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """The finding whose verb is ``toks[k]``, or None."""
    verb = toks[k]
    if verb.is_cap and k > 0:
        return None  # a headline's capitals: "New Polls Show ..."
    j = k - 1
    while j > 0 and toks[j].low in _BETWEEN:
        j -= 1
    if toks[j].low in _NOT_ACTIVE or toks[j].low.endswith(("n't", "n’t")):
        return None
    if verb.low == "shown" and toks[j + 1].low not in ("has", "have", "had"):
        return None
    if toks[j].low in _RELATIVES and j > 0:
        j -= 1
    # the document's phrase: back to the sentence start, a comma or a clause word
    a = j
    while a > 0 and k - a < 14:
        prev = toks[a - 1]
        if not prev.is_word or prev.low in _PHRASE_STOPS:
            break
        if prev.low in BOUNDARY and prev.low not in ("of", "in", "by", "from", "for", "on", "and"):
            break
        a -= 1
    run = toks[a : j + 1]
    while run and run[0].low in _SENTENCE_LEADS:
        run = run[1:]
    if not run:
        return None
    if not any(t.low in _DOCUMENTS for t in run):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        named = (
            nxt is not None
            and nxt.text == "."
            and all(t.is_cap or (t.low == "the" and x == 0) for x, t in enumerate(run))
        )
        if not (named and a > 1 and toks[a - 1].text == "," and len(run) <= 5):
            return None  # not "<clause>, the Harbour Institute found."
    head = next((t.low for t in reversed(run) if t.low in _DOCUMENTS), run[-1].low)
    m = noun_phrase(text, run)
    if m is None:
        s0, e0 = run[0].start, run[-1].end
        m = Mention(s0, e0, text[s0:e0], "np", "organisation", head=head, phrase_start=s0)
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or nxt.text in (".", ",", ";", ")") or not nxt.is_word:
        spans = _around(toks, a, k, nxt)
    else:
        spans = _after(toks, k)
        if spans:
            longer = _with_results(toks, spans[0])
            if not overlaps_any(taken, *longer):
                spans = [longer]
    if not spans or any(overlaps_any(taken, s, e) for s, e in spans):
        return None
    cue = Cue(verb.start, verb.end, verb.low, False)
    return Found(spans, cue, m, pi)


def _after(toks: list[Tok], k: int) -> list[tuple[int, int]] | None:
    """ "... shows (that) Lee ahead": what follows the verb, to the end of its clause."""
    start = k + 1
    if toks[start].low == "that":
        start += 1
        if start >= len(toks):
            return None
    first = toks[start]
    if not first.is_word or first.low in NOT_OBJECT_START or first.low in ("to", "that"):
        return None
    kind = "clause" if start > k + 1 or finite_soon(toks, start, 6) else "shown"
    span = content_after(toks, start, kind)
    if span is None or sum(1 for t in toks if span[0] <= t.start < span[1]) < _MIN_WORDS:
        return None
    return [span]


# Words after a comma that end the figures a ", with ..." phrase gives.
_RESULTS_STOPS = frozenset({"with", "but", "and", "while", "according", "which", "who"})


def _with_results(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    """ "polls show Lee ahead, with 61.5 percent of riders against it": the figures after ",
    with" are part of what the document shows; ``span`` when none follow."""
    i = next((x for x, t in enumerate(toks) if t.start >= span[1]), len(toks))
    if i + 2 >= len(toks) or toks[i].text != "," or toks[i + 1].low != "with":
        return span
    end = i + 1
    for j in range(i + 2, len(toks)):
        t = toks[j]
        if t.text in (";", ":") or (t.text == "." and not _inside_number(toks, j)):
            break
        if t.text == "," and j + 1 < len(toks) and toks[j + 1].low in _RESULTS_STOPS:
            break
        if t.is_word:
            end = j
    return span[0], toks[end].end


def _inside_number(toks: list[Tok], j: int) -> bool:
    """Is the period ``toks[j]`` the point of a decimal number ("61.5")?"""
    return (
        0 < j < len(toks) - 1
        and toks[j - 1].end == toks[j].start
        and toks[j + 1].start == toks[j].end
        and toks[j - 1].text[-1:].isdigit()
        and toks[j + 1].text[:1].isdigit()
    )


def _around(toks: list[Tok], a: int, k: int, nxt: Tok | None) -> list[tuple[int, int]] | None:
    """ "<content>, the survey found." or "<content>, records show, <content>": the
    sentence outside the document's phrase and its verb."""
    spans = []
    if a > 1 and toks[a - 1].text == ",":
        head = toks[: a - 1]
        while head and (head[0].low in _SENTENCE_LEADS or not head[0].is_word):
            head = head[1:]
        if head:
            spans.append((head[0].start, head[-1].end))
    elif a > 0:
        return None
    if nxt is not None and nxt.text == ",":
        tail = toks[k + 2 :]
        while tail and not tail[-1].is_word and tail[-1].text not in "\"”’'":
            tail = tail[:-1]
        if tail:
            spans.append((tail[0].start, tail[-1].end))
    words = sum(1 for t in toks if t.is_word and any(s <= t.start < e for s, e in spans))
    if words < _MIN_WORDS:
        return None
    return spans


def _free_sentence_at(
    text: str,
    sentences: list[tuple[int, int, int]],
    starts: list[int],
    taken: list[tuple[int, int]],
    a: int,
    end: int,
) -> tuple[list[Tok], int | None, int] | None:
    """The tokens of the sentence holding ``a`` .. ``end``, the index of the token at
    ``a`` and the sentence's paragraph; None when ``a`` lies in no sentence, inside a
    claim found already, or ``end`` runs past its sentence."""
    x = bisect_right(starts, a) - 1
    if x < 0 or inside(taken, a):
        return None
    s, e, pi = sentences[x]
    if end > e:
        return None
    toks = tokenize(text, s, e)
    return toks, tok_at(toks, a), pi

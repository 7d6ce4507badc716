"""Rule-based claim suggestions: direct quotes, reported speech, cues and speakers.

The pipeline, all on Python ``str`` offsets of the article text:

1. paragraphs (blank lines, or line breaks that end a sentence) and sentence ends;
2. quotations (``quotes.py``): pairs of marks, nested quotes inside their outer quote,
   a quote left open at a paragraph end continued by the next paragraph's opening mark;
3. reporting cues (``mentions.py``): a lexicon of reporting verbs and "according to";
4. direct claims: each quotation is attributed to the cue and speaker mention before it
   ("X said: ...", "X said that ...") or after it (", X said.", ", said X, a ..."); a
   quote interrupted by its own attribution ("A," she said. "B.") is one claim; a quote
   with no cue may inherit the speaker of the quote before it; quoted terms inside a
   sentence, titles and slogans are left out;
5. reported claims: "X said (that) <clause>." and "according to X, <clause>.";
6. speakers: each mention is resolved to a full name (pronoun -> last person, surname
   -> last full name with it, "the spokesperson" -> the person with that role, "the
   ministry" -> the last organisation with that head) and matched to known speakers.

Conventions follow ``sample_corpus/build_gold.py``; ``bench/suggest_eval.py`` measures
them against ``tests/data/gold.jsonl``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass

from ...resources import word_list
from . import clauses
from ._trie import trie_pattern
from .lexicon import (
    ADVERBIAL_STARTS,
    CLAUSE_CUES,
    CUE_WORDS,
    DETERMINERS,
    HONORIFICS,
    NON_NAME_WORDS,
    OBJECT_CUES,
    ORG_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)
from .mentions import (
    _FINITE,
    PLACES,
    Cue,
    Index,
    Mention,
    Tok,
    mention_after,
    mention_before,
    subject_before,
)
from .model import KnownSpeaker, SpanRef, SuggestedClaim, SuggestedSpeaker
from .quotes import ALL_MARKS, Paragraph, Quote, find_quotes, paragraphs, sentence_ends

_CLOSERS_WS = " \t\n\r.!?;"
_WINDOW = 400  # characters of context searched for a cue on either side of a quote
_NEIGHBOURS = 200  # entities looked at before (and after) a mention


@dataclass
class _Attr:
    cue: Cue | None
    mention: Mention | None
    tight: bool = False


@dataclass
class _Raw:
    spans: list[tuple[int, int]]
    cue: Cue | None
    mention: Mention | None
    kind: str
    para: int
    inherit: str  # "" | "quote" (cue-less quote) | "cue" (cue without a mention)
    loose: bool = False  # a quote inside reported speech ("X said the plan was "a mistake"")


def suggest_article(text: str, known_speakers: Sequence[KnownSpeaker] = ()) -> list[SuggestedClaim]:
    """Claims found in ``text`` by rules, in reading order.

    Every offset is a Python ``str`` index into ``text`` (``end`` exclusive).
    """
    if not text or not text.strip():
        return []
    paras = paragraphs(text)
    if not paras:
        return []
    ends: list[int] = []
    for p in paras:
        for e in sentence_ends(text, p.start, p.end):
            if e < p.end:
                ends.append(e)
        ends.append(p.end)
    quotes = find_quotes(text, paras)
    cues = Index(text, [(p.start, p.end) for p in paras])
    raws = _direct_claims(text, paras, ends, quotes, cues)
    raws += _reported_claims(text, paras, ends, quotes, raws, cues)
    raws += _clause_claims(text, paras, ends, raws)
    raws.sort(key=lambda r: r.spans[0][0])
    return _resolve(text, raws, known_speakers)


def _clause_claims(
    text: str, paras: list[Paragraph], ends: list[int], raws: list[_Raw]
) -> list[_Raw]:
    """Attributions without quotes the rules above left (``clauses.py``)."""
    sentences = []
    k = 0
    for pi, p in enumerate(paras):
        start = p.start
        while k < len(ends) and ends[k] <= p.end:
            if ends[k] > start:
                sentences.append((start, ends[k], pi))
                start = ends[k]
                while start < p.end and text[start].isspace():
                    start += 1
            k += 1
    taken = sorted(sp for r in raws for sp in r.spans)
    out = []
    for f in clauses.find(text, sentences, taken):
        # a quoted fragment inside the paraphrase makes it mixed
        marks = [i for s, e in f.spans for i in range(s, e) if text[i] in ALL_MARKS]
        marks = [i for i in marks if _is_mark(text, i)]
        kind = "indirect"
        if marks:
            whole = marks[0] == f.spans[0][0] and marks[-1] == f.spans[-1][1] - 1
            kind = "direct" if whole and len(f.spans) == 1 else "mixed"
        out.append(_Raw(f.spans, f.cue, f.mention, kind, f.para, ""))
    return out


def _is_mark(text: str, i: int) -> bool:
    """A quotation mark, not an apostrophe inside a word ("don't")."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not (prev.isalnum() and nxt.isalnum()) and not (text[i] in "'’" and prev in "sS")


# ---------------------------------------------------------------- direct quotes


def _direct_claims(
    text: str, paras: list[Paragraph], ends: list[int], quotes: list[Quote], cues: Index
) -> list[_Raw]:
    out: list[_Raw] = []
    prev_right: tuple[_Raw, int] | None = None  # last claim attributed after its quote
    for qi, q in enumerate(quotes):
        pa = paras[q.para]
        pl = paras[q.last_para]
        if _is_title(text, q, pa.start):
            continue  # said on "Morning Report": a title, not a claim
        prev = quotes[qi - 1] if qi > 0 else None
        l_floor = pa.start
        if prev is not None and prev.last_para == q.para:
            l_floor = max(l_floor, prev.close_pos + 1)
        k = bisect_right(ends, q.open_pos) - 1
        l_start = max(l_floor, ends[k] if k >= 0 else 0)
        nxt = quotes[qi + 1] if qi + 1 < len(quotes) else None
        r_cap = pl.end
        if nxt is not None and nxt.para == q.last_para:
            r_cap = min(r_cap, nxt.open_pos)
        k = bisect_right(ends, q.close_pos)
        r_end = min(ends[k] if k < len(ends) else pl.end, r_cap)
        r_start = min(q.close_pos + 1, r_end)

        # windows are bounded so that text without sentence ends stays linear
        l_start = max(l_start, q.open_pos - _WINDOW)
        r_end = min(r_end, r_start + _WINDOW)
        left = _attr_left(text, cues, l_start, q.open_pos) if l_start < q.open_pos else None
        if left is None and q.open_pos == pa.start and q.para > 0:
            pp = paras[q.para - 1]
            if text[pp.end - 1] == ":":
                k = bisect_right(ends, pp.end - 1) - 1
                s = max(pp.start, ends[k] if k >= 0 else 0)
                left = _attr_left(text, cues, s, pp.end)
                if left is not None:
                    left.tight = True
        right = None
        if text[r_start:r_end].strip():
            right = _attr_right(text, cues, r_start, r_end, whole=False)
        elif r_end < r_cap and text[q.close_pos - 1] in ".!?":
            k = bisect_right(ends, r_end)
            s_end = min(ends[k] if k < len(ends) else pl.end, r_cap, r_end + _WINDOW)
            right = _attr_right(text, cues, r_end, s_end, whole=True)

        if left is not None and left.tight and left.mention is not None:
            attr = left
        elif right is not None and right.mention is not None:
            attr = right
        elif left is not None and left.mention is not None:
            attr = left
        elif right is not None:
            attr = right
        elif left is not None and left.tight:
            attr = left
        else:
            attr = _dash_attr(text, q, pl.end)
        if left is not None and attr is left and not left.tight and _n_words(text, q.spans) <= 3:
            attr = None  # warns against 'bloc politics': a term, not a claim
            if text[q.spans[-1][1] - 1] not in ".!?,":
                prev_right = None
                continue
        if (
            attr is not None
            and attr is left
            and prev_right is not None
            and prev_right[0].para == q.para
            and prev_right[0].cue is not None
            and attr.cue is not None
            and attr.cue.start == prev_right[0].cue.start
        ):
            # "A," he said when asked, "but B." -- the same attribution on both sides
            prev_right[0].spans.extend(q.spans)
            prev_right = None
            continue
        if attr is None:
            if (
                prev_right is not None
                and prev_right[0].para == q.para
                and not text[prev_right[1] : q.open_pos].strip(_CLOSERS_WS)
            ):
                # "A," she said. "B." -- one claim interrupted by its attribution
                prev_right[0].spans.extend(q.spans)
                prev_right = None
                continue
            prev_right = None
            if any(t.is_word for t in cues.toks_between(l_start, q.open_pos)):
                continue  # a quoted term inside a sentence: the slogan was "..."
            if text[q.close_pos - 1] not in ".!?…" and any(
                t.is_word for t in cues.toks_between(r_start, r_end)
            ):
                continue  # a title or term starting a sentence: "The Art of War" was ...
            out.append(_Raw(list(q.spans), None, None, "direct", q.para, "quote"))
        else:
            spans = list(q.spans)
            kind = "direct"
            if attr is right or (attr is left and not left.tight):
                mixed = _mixed_spans(text, cues, attr, attr is left, l_start, r_end, q)
                if mixed is not None:
                    spans, kind = mixed, "mixed"
            out.append(
                _Raw(
                    spans,
                    attr.cue,
                    attr.mention,
                    kind,
                    q.para,
                    "" if attr.mention is not None else "cue",
                    loose=attr is left and not left.tight and kind == "direct",
                )
            )
            prev_right = (out[-1], r_end) if attr is right and q.last_para == q.para else None
    return out


_DASH_NAME_RE = re.compile(
    r"\s*[—–-]{1,2}\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s*(?:,[^\n]*)?$"
)


def _dash_attr(text: str, q: Quote, end: int) -> _Attr | None:
    """ ""The harbour will reopen." — Ana Ruiz": a name after a dash ends the paragraph."""
    m = _DASH_NAME_RE.match(text, q.close_pos + 1, end)
    if m is None:
        return None
    dash = text.index(next(c for c in text[q.close_pos + 1 : end] if c in "—–-"), q.close_pos)
    s, e = m.start("name"), m.end("name")
    mention = Mention(s, e, text[s:e], "name", "person", phrase_start=s)
    return _Attr(Cue(dash, dash + 1, "—", False), mention, True)


_TITLE_BEFORE = word_list("suggest/title_before.txt")
_TITLE_SMALL = word_list("suggest/title_small.txt")


def _is_title(text: str, q: Quote, para_start: int) -> bool:
    """A show, book or article in quotation marks after a preposition ("on "Meet the
    Press"", "in "The Art of the Deal""): capitalised words, at most eight."""
    if q.last_para != q.para:
        return False
    m = _WORD_BEFORE.search(text, max(para_start, q.open_pos - 20), q.open_pos)
    if m is None or m.group(1).lower() not in _TITLE_BEFORE:
        return False
    words = re.findall(r"[\w’'-]+", " ".join(text[s:e] for s, e in q.spans))
    if not words or len(words) > 8:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)


_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _mixed_spans(
    text: str,
    cues: Index,
    attr: _Attr,
    is_left: bool,
    l_start: int,
    r_end: int,
    q: Quote,
) -> list[tuple[int, int]] | None:
    """A quoted fragment inside paraphrase is one claim with its paraphrase: "She said
    the plan was "reckless" and costly." / "The people here "deserve better," he said."
    """
    if q.last_para != q.para or attr.cue is None or len(q.spans) > 1:
        return None
    if is_left:
        start = attr.cue.end
        if attr.mention is not None and attr.mention.start > attr.cue.start:
            start = max(start, attr.mention.end)
        toks = cues.toks_between(start, q.open_pos)
        that = next((i for i, t in enumerate(toks) if t.low == "that"), None)
        if that is not None:
            toks = toks[that + 1 :]
        if not toks or not any(t.is_word for t in toks) or toks[0].text in (",", ":"):
            return None
        if cues.cues_between(toks[0].start, q.open_pos):
            return None
        end = q.spans[-1][1]
        after = cues.toks_between(q.close_pos + 1, r_end)
        while after and not after[-1].is_word:
            after.pop()
        if (
            after
            and after[0].text not in (".", "!", "?")
            and not cues.cues_between(q.close_pos + 1, r_end)
        ):
            end = after[-1].end
        spans = [(toks[0].start, max(end, q.close_pos + 1))]
        if end < q.close_pos:
            spans = [(toks[0].start, q.close_pos + 1)]
        return spans
    toks = cues.toks_between(l_start, q.open_pos)
    if not toks or not toks[0].is_word or not any(t.is_word for t in toks):
        return None
    if cues.cues_between(l_start, q.open_pos) or toks[-1].text in (":", ".", "?", "!", ","):
        return None
    if toks[0].low in ("but", "and", "so", "yet") and len(toks) == 1:
        return None
    if len(q.spans) > 1:
        return None
    return [(toks[0].start, q.close_pos + 1)]


def _cue_tok_range(toks: list[Tok], cue: Cue) -> tuple[int, int] | None:
    k = next((i for i, t in enumerate(toks) if t.start == cue.start), None)
    if k is None:
        return None
    e = k
    while e + 1 < len(toks) and toks[e + 1].end <= cue.end:
        e += 1
    return k, e


def _attr_left(text: str, index: Index, s: int, e: int) -> _Attr | None:
    cues = index.cues_between(s, e)
    if not cues:
        return None
    toks = index.toks_between(s, e)
    best: _Attr | None = None
    for cue in reversed(cues):
        r = _cue_tok_range(toks, cue)
        if r is None:
            continue
        k, ke = r
        gap = toks[ke + 1 :]
        tight = _is_intro_gap(gap)
        if cue.according:
            m = mention_after(text, toks, ke, len(toks))
        elif cue.participle and k > 1:
            # ", saying ...", "released a statement saying ...": the sentence's subject
            m = subject_before(text, toks, k) or mention_before(text, toks, k, 0)
        else:
            m = mention_before(text, toks, k, 0)
            if m is None and k == 0:
                m = mention_after(text, toks, ke, len(toks))
        if m is not None:
            if best is not None and best.cue is not None and best.cue.participle:
                # "..., Lee said, adding later, "...": the participle is the cue
                return _Attr(best.cue, m, best.tight)
            return _Attr(cue, m, tight)
        if best is None:
            best = _Attr(cue, None, tight)
    return best


def _is_intro_gap(gap: list[Tok]) -> bool:
    """Between a cue and an opening quote: nothing, ":", "that", or a short adverbial."""
    words = [t for t in gap if t.is_word]
    if not gap:
        return True
    if gap[-1].text in (":", ",") or (words and words[-1].low == "that"):
        return len(words) <= 14
    if not words:
        return True
    return words[0].low in ADVERBIAL_STARTS and len(words) <= 8 and gap[-1].text not in (".",)


def _attr_right(text: str, index: Index, s: int, e: int, whole: bool) -> _Attr | None:
    cues = index.cues_between(s, e)
    if not cues:
        return None
    cue = cues[0]
    toks = index.toks_between(s, e)
    r = _cue_tok_range(toks, cue)
    if r is None:
        return None
    k, ke = r
    pre_words = [t for t in toks[:k] if t.is_word]
    if whole:
        post = [t for t in toks[ke + 1 :] if t.is_word]
        if len(post) > 8 or any(t.low == "that" for t in post) or not pre_words:
            return None
    if not pre_words:
        m = mention_after(text, toks, ke, len(toks))
        return _Attr(cue, m)
    if cue.according:
        return None
    m = mention_before(text, toks, k, 0)
    if m is None:
        return None
    start = m.phrase_start if m.phrase_start >= 0 else m.start
    if any(t.is_word and t.low not in ("and", "but") for t in toks[:k] if t.end <= start):
        return None
    return _Attr(cue, m)


# ---------------------------------------------------------------- reported speech


def _reported_claims(
    text: str,
    paras: list[Paragraph],
    ends: list[int],
    quotes: list[Quote],
    direct: list[_Raw],
    cues: Index,
) -> list[_Raw]:
    out: list[_Raw] = []
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
            covered_end = ce
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
) -> _Raw | None:
    if not cue.according:
        # cheap rejections before tokenising the sentence
        if not (cue.word in CLAUSE_CUES or cue.word in OBJECT_CUES or cue.participle):
            return None
        after = _AFTER_CUE_RE.match(text, cue.end, s_end)
        if after is None:
            return None
        nxt = after.group(1)
        if cue.participle and cue.word != "saying" and nxt != "that":
            return None
    # the tokens near the cue are enough: the clause runs to the sentence end anyway
    toks = index.toks_between(max(s_start, cue.start - 300), min(s_end, cue.end + 200))
    r = _cue_tok_range(toks, cue)
    if r is None:
        return None
    k, ke = r
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
            if rest and rest[0].low in ("a", "an", "the"):
                # "According to X, a coalition of groups, <clause>"
                c = next((i for i, t in enumerate(rest[:16]) if t.text == ","), None)
                if c is not None:
                    rest = rest[c + 1 :]
            return _mk_reported(text, rest, s_end, cue, m, pi)
        if k > 0 and toks[k - 1].text == "," and not any(t.is_word for t in after):
            words = toks[: k - 1]
            return _mk_reported(text, words, toks[k - 1].start, cue, m, pi, s_start)
        return None
    m = mention_before(text, toks, k, 0)
    if m is None:
        if not (cue.participle and k > 0 and toks[k - 1].text == ","):
            return None
        j = bisect_right(earlier, cue.start, key=lambda x: x[0]) - 1
        if j >= 0 and earlier[j][0] >= s_start:
            m = earlier[j][1]
        else:
            m = subject_before(text, toks, k)
            if m is None:
                return None
    j = ke + 1
    if j >= len(toks):
        return None
    if cue.word in OBJECT_CUES or not (cue.word in CLAUSE_CUES or cue.participle):
        if cue.word not in OBJECT_CUES:
            return None
        j = _find_that(toks, j, 8)
        if j is None:
            return None
    elif toks[j].low == "that":
        j += 1
    elif toks[j].low in ADVERBIAL_STARTS or toks[j].text == ",":
        j = _find_that(toks, j, 12)
        if j is None:
            return None
    elif not toks[j].is_word or toks[j].text in ALL_MARKS:
        return None
    elif not _has_finite_verb(toks[j : j + 16]):
        return None  # "she added a new clause": an object, not a reported clause
    if cue.participle and cue.word != "saying" and toks[ke + 1].low != "that":
        return None  # ", adding about ten days to voyages"
    return _mk_reported(text, toks[j:], s_end, cue, m, pi)


_AFTER_CUE_RE = re.compile(r"[\s,]+(\w+)")

_FINITE_WORDS = word_list("suggest/finite_words.txt")


def _has_finite_verb(toks: list[Tok]) -> bool:
    """Does the clause look like it has a finite verb ("was", "would", "welcomed",
    "Washington strongly supports")?"""
    for i, t in enumerate(toks):
        low = t.low
        if low in _FINITE_WORDS or low in _FINITE or (low.endswith("ed") and len(low) > 4):
            return True
        if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3 and i:
            k = i - 1
            while k > 0 and (toks[k].low.endswith("ly") or toks[k].text in ALL_MARKS):
                k -= 1
            prev = toks[k]
            if prev.is_word and (prev.is_cap or prev.low in ("he", "she", "it")):
                return True
    return False


def _find_that(toks: list[Tok], j: int, limit: int) -> int | None:
    n = 0
    while j < len(toks) and n < limit:
        t = toks[j]
        if t.low == "that":
            return j + 1
        if not t.is_word and t.text not in (",",):
            return None
        j += 1
        n += 1
    return None


def _mk_reported(
    text: str, toks: list[Tok], end: int, cue: Cue, m: Mention, pi: int, start: int = -1
) -> _Raw | None:
    if not toks:
        return None
    s = toks[0].start if start < 0 else start
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and text[e - 1] == ".":
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if sum(1 for t in toks if t.is_word and t.end <= e) < 2:
        return None
    return _Raw([(s, e)], cue, m, "indirect", pi, "")


# ---------------------------------------------------------------- speakers

_UPPER = "".join(
    sorted({chr(i) for i in range(0x20, 0x2000) if chr(i).isupper() or chr(i).istitle()})
)
_CAP = "(?:(?:al|el|bin|ibn|de|van|von|d)[-’'])?[" + re.escape(_UPPER) + r"][\w’'\-]*"
_NAME = _CAP + r"(?:\s+(?:(?:bin|al|van|von|de|da|del|der|le|la)\s+)?" + _CAP + "){1,3}"


def _cased(words: frozenset[str] | set[str]) -> str:
    forms = set()
    for w in words:
        forms |= {w, w.capitalize(), w.upper(), w.title()}
    return trie_pattern(forms)


_ROLE_ALT = _cased(ROLE_HEADS | HONORIFICS)
_ORG_ALT = _cased(ORG_HEADS - {"statement", "side", "state", "house"})
# ", a spokesperson for ..." after a name (the name is found looking back)
_APPOS_TAIL_RE = re.compile(
    r",\s+(?:a|an|the|who\s+is|[\w’']+['’]s)\s+(?P<role>(?:[\w’'\-]+\s+){0,4}?(?:"
    + _ROLE_ALT
    + r"))\b"
)
_NAME_END_RE = re.compile(r"(?<![\w’'\-])(?P<name>" + _NAME + r")$")
# "China's foreign ministry", "the Philippine coast guard", "European Commission": the
# head is found first, the capitalised words before it looking back
_ORG_HEAD_RE = re.compile(r"(?<!\w)(?:" + _ORG_ALT + r")\b(?![’'-])")
_ORG_LEAD_RE = re.compile(
    r"(?<![\w’'\-])(?P<org>(?:" + _CAP + r"\s+){1,4}(?:[a-z][\w\-]*\s+){0,2})$"
)


@dataclass
class _Entity:
    pos: int
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    weak: bool = False  # a capitalised pair with no other evidence of being a person


def _with_modifiers(text: str, start: int, role: str) -> str:
    """ "Minister" preceded by "Foreign" -> "Foreign Minister"."""
    words = text[max(0, start - 40) : start].split()
    k = len(words)
    while k > 0 and len(words) - k < 3 and words[k - 1].lower() in ROLE_MODIFIERS:
        k -= 1
    return " ".join([*words[k:], role])


def _strip_det(s: str) -> str:
    first, _, rest = s.partition(" ")
    if rest and first.lower() in DETERMINERS:
        return rest
    return s


def _words(s: str | None) -> set[str]:
    if not s:
        return set()
    out = set()
    for w in re.findall(r"\w[\w\-]*", s.lower()):
        if w in DETERMINERS or w in ("s", "of", "for", "and", "to", "in", "at"):
            continue
        out.add(w)
    return out


def _entities(text: str, raws: list[_Raw]) -> list[_Entity]:
    """People and organisations named in the article, in text order, for resolving
    pronouns, surnames and noun phrases."""
    ents: list[_Entity] = []
    # one pass over runs of capitalised words: titled names ("Foreign Minister Wang Yi",
    # "spokesperson Lin Qiao", "minister, Daniel Tavoa,") and plain full names
    runs: list[tuple[int, list[str]]] = [
        (m.start(), m.group().split(" ")) for m in _RUN_RE.finditer(text)
    ]
    for start, words in runs:
        if len(words) > 1:
            _names_in_run(text, start, words, ents)
    for m in _APPOS_TAIL_RE.finditer(text):
        # "Mao Ning, a spokesperson for ..."
        nm = _NAME_END_RE.search(text, max(0, m.start() - 60), m.start())
        if nm is not None:
            words = nm.group("name").split()
            pos = nm.start("name")
            while words and _not_name_word(words[0]):
                pos += len(words.pop(0)) + 1
            if len(words) >= 2 and not any(w.endswith(("'s", "’s")) for w in words):
                ents.append(_Entity(pos, " ".join(words), "person", m.group("role"), None))
    for m in _ORG_HEAD_RE.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if before.lower() == before:
            continue  # no capitalised word before the head
        lead = _ORG_LEAD_RE.search(text, max(0, m.start() - 60), m.start())
        if lead is None:
            continue
        words = (lead.group("org") + m.group()).split()
        pos = lead.start("org")
        while words and (words[0].lower() in NON_NAME_WORDS or words[0].lower() in DETERMINERS):
            pos += len(words.pop(0)) + 1
        if len(words) >= 2:
            ents.append(_Entity(pos, " ".join(words), "organisation", None, None))
    for r in raws:
        m = r.mention
        if m is None:
            continue
        if m.form == "name" and (" " in m.text or m.kind == "organisation"):
            ents.append(_Entity(m.start, m.text, m.kind, m.role, m.affiliation))
        elif (
            m.form == "np" and m.kind == "organisation" and m.definite and " " in _strip_det(m.text)
        ):
            ents.append(_Entity(m.start, _strip_det(m.text), "organisation", None, None))
        if m.affiliation and any(w.lower() in ORG_HEADS for w in m.affiliation.split()):
            ents.append(_Entity(m.start, _strip_det(m.affiliation), "organisation", None, None))
    ents = [e for e in ents if " ".join(e.name.split()).lower() not in PLACES]
    ents.sort(key=lambda e: e.pos)
    persons = [e for e in ents if e.kind == "person"]
    # a longer name seen elsewhere wins ("de Wolf" -> "Pieter de Wolf")
    names = {e.name for e in persons}
    longer: dict[str, str] = {}
    for o in names:
        parts = o.split(" ")
        for i in range(1, len(parts)):
            suffix = " ".join(parts[i:])
            if suffix in names and len(o) > len(longer.get(suffix, "")):
                longer[suffix] = o
    # carry role/affiliation between entries of the same name
    info: dict[str, _Entity] = {}
    for e in persons:
        e.name = longer.get(e.name, e.name)
        if e.role and e.affiliation:
            info.setdefault(e.name, e)
        elif e.role:
            info.setdefault(e.name + "\0", e)
    strong = {e.name for e in persons if not e.weak}
    for e in persons:
        src = info.get(e.name) or info.get(e.name + "\0")
        if src is not None and src is not e and not (e.role and e.affiliation):
            e.role = e.role or src.role
            e.affiliation = e.affiliation or src.affiliation
        if e.weak and (src is not None or e.name in strong):
            e.weak = False
    # later bare mentions of a known person: "Kovalenko returned to the platform"
    by_tok: dict[str, list[tuple[int, _Entity]]] = {}
    for e in persons:
        if e.weak:
            continue
        parts = e.name.split()
        for w in {parts[0], parts[-1]}:
            if len(w) > 1 and not _not_name_word(w):
                by_tok.setdefault(w, []).append((e.pos, e))
    if by_tok:
        for lst in by_tok.values():
            lst.sort(key=lambda x: x[0])
        for pos, w in _occurrences(text, by_tok, runs):
            lst = by_tok[w]
            k = bisect_right(lst, pos, key=lambda x: x[0]) - 1
            src = lst[max(k, 0)][1]
            ents.append(_Entity(pos, src.name, "person", src.role, src.affiliation))
        ents.sort(key=lambda e: e.pos)
    return ents


def _occurrences(
    text: str, words: dict[str, object], runs: list[tuple[int, list[str]]]
) -> list[tuple[int, str]]:
    """Where the given capitalised words occur as whole words: ``str.find`` for a few
    words, one walk over the runs of capitalised words for many."""
    out: list[tuple[int, str]] = []
    if len(words) <= 32:
        n = len(text)
        for w in words:
            pos = text.find(w)
            while pos >= 0:
                end = pos + len(w)
                if (pos == 0 or not _is_word_char(text[pos - 1])) and (
                    end == n or not _is_word_char(text[end])
                ):
                    out.append((pos, w))
                pos = text.find(w, end)
        return out
    for start, run in runs:
        pos = start
        for w in run:
            if w in words:
                out.append((pos, w))
            pos += len(w) + 1
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "’'-_"


_PRE_ROLE_RE = re.compile(r"(?<![\w’'\-])(?P<role>" + _ROLE_ALT + r")(?P<comma>\s*,)?\s+$")


def _names_in_run(text: str, start: int, words: list[str], ents: list[_Entity]) -> None:
    """Person names inside a run of capitalised words, with a title when one is there."""
    pos = start
    seg: list[tuple[int, str]] = []
    title_end = -1  # index in ``words`` just after the last role word
    for i, w in enumerate([*words, "the"]):  # "the" flushes the last segment
        low = w.lower()
        if low in _PARTICLE_WORDS and seg:
            seg.append((pos, w))
        elif i < len(words) and not _not_name_word(w) and not w.endswith(("'s", "’s")):
            if not seg:
                seg_first = i
            seg.append((pos, w))
        else:
            while seg and seg[-1][1].lower() in _PARTICLE_WORDS:
                seg.pop()
            if 2 <= len(seg) <= 4:
                role = None
                if seg_first > 0 and seg_first == title_end:
                    k = seg_first - 1
                    while k > 0 and words[k - 1].lower() in _TITLE_WORDS:
                        k -= 1
                    role = " ".join(words[k:seg_first])
                elif seg_first == 0:
                    pre = _PRE_ROLE_RE.search(text, max(0, start - 40), start)
                    if pre is not None:
                        role = _with_modifiers(text, pre.start("role"), pre.group("role"))
                _add_name(text, seg, role, ents)
            seg = []
            if low in ROLE_HEADS or low in HONORIFICS:
                title_end = i + 1
        pos += len(w) + 1


def _add_name(text: str, seg: list[tuple[int, str]], role: str | None, ents: list[_Entity]) -> None:
    start = seg[0][0]
    end = seg[-1][0] + len(seg[-1][1])
    weak = False
    if role is None:
        nxt = _NEXT_WORD_RE.match(text, end)
        weak = not (
            nxt is not None
            and (
                nxt.group(1).endswith("ed") or nxt.group(1) in _FINITE or nxt.group(1) in CUE_WORDS
            )
        )
    ents.append(_Entity(start, text[start:end], "person", role, None, weak=weak))


_NEXT_WORD_RE = re.compile(r"[ \t]+(?:has\s+|had\s+|also\s+)?([a-z]+)")


_PARTICLE_WORDS = word_list("suggest/particle_words.txt")
_CAPW = "[" + re.escape(_UPPER) + r"][\w’'\-]*"
# the character class comes first so that ``re`` can skip ahead to capitals quickly; the
# look-behind then checks that the capital starts a word
_RUN_RE = re.compile(
    "["
    + re.escape(_UPPER)
    + r"](?<![\w’'\-].)[\w’'\-]*"
    + r"(?: (?:(?:de|van|von|bin|al|da|del|der|le|la|du|ibn) )?"
    + _CAPW
    + ")*"
)
_TITLE_WORDS = ROLE_MODIFIERS | ROLE_HEADS
_NOT_NAME = NON_NAME_WORDS | ROLE_HEADS | ORG_HEADS | HONORIFICS | ROLE_MODIFIERS


def _not_name_word(w: str) -> bool:
    return w.lower() in _NOT_NAME or (len(w) > 1 and w.isupper())


def _resolve(
    text: str, raws: list[_Raw], known_speakers: Sequence[KnownSpeaker]
) -> list[SuggestedClaim]:
    ents = _entities(text, raws)
    pos_list = [e.pos for e in ents]
    known: dict[str, KnownSpeaker] = {}
    for ks in known_speakers:
        for n in (ks.name, *ks.aliases):
            if n:
                known.setdefault(n.casefold().strip(), ks)
    gender: dict[str, str] = {}
    by_head: dict[str, SuggestedSpeaker] = {}
    out: list[SuggestedClaim] = []
    last_speaker: SuggestedSpeaker | None = None
    last_para = -10
    last_direct = False
    for r in raws:
        speaker: SuggestedSpeaker | None = None
        if r.mention is not None:
            speaker = _speaker_for(r.mention, ents, pos_list, known, gender, by_head)
            if speaker is not None and r.mention.form == "np" and r.mention.head:
                by_head.setdefault(r.mention.head, speaker)
        elif (
            last_speaker is not None
            and r.para - last_para <= 1
            and (r.inherit == "cue" or (r.inherit == "quote" and last_direct))
        ):
            speaker = last_speaker
        if speaker is None and r.cue is None and _n_words(text, r.spans) < 4:
            continue  # a short unattributed quote: a term, title or slogan
        if speaker is not None:
            last_speaker = speaker
            last_para = r.para
            last_direct = r.kind == "direct"
            headline_word = r.para == 0 and " " not in speaker.name
            if (
                r.mention is not None
                and (r.mention.form == "name" or speaker.kind == "organisation")
                and not headline_word  # "Ministry warns ...": too vague to refer back to
            ):
                e = _Entity(
                    r.mention.start, speaker.name, speaker.kind, speaker.role, speaker.affiliation
                )
                i = bisect_right(pos_list, e.pos)
                ents.insert(i, e)
                pos_list.insert(i, e.pos)
        out.append(
            SuggestedClaim(
                content=tuple(SpanRef(s, e, text[s:e]) for s, e in r.spans),
                cue=SpanRef(r.cue.start, r.cue.end, text[r.cue.start : r.cue.end])
                if r.cue is not None
                else None,
                mention=SpanRef(
                    r.mention.start, r.mention.end, text[r.mention.start : r.mention.end]
                )
                if r.mention is not None
                else None,
                speaker=speaker,
                kind=r.kind,
            )
        )
    return out


def _n_words(text: str, spans: list[tuple[int, int]]) -> int:
    return sum(len(text[s:e].split()) for s, e in spans)


def _speaker_for(
    m: Mention,
    ents: list[_Entity],
    pos_list: list[int],
    known: dict[str, KnownSpeaker],
    gender: dict[str, str],
    by_head: dict[str, SuggestedSpeaker],
) -> SuggestedSpeaker | None:
    n = bisect_left(pos_list, m.start)
    # a bounded neighbourhood keeps long documents linear
    before = ents[max(0, n - _NEIGHBOURS) : n]
    after = ents[n : n + _NEIGHBOURS]
    name, kind, role, aff = m.text, m.kind, m.role, m.affiliation
    found: _Entity | None = None
    if m.form == "name":
        words = m.text.split()
        if len(words) == 1:
            w = words[0]
            found = next((e for e in reversed(before) if w in e.name.split()), None)
            if found is None:
                found = next((e for e in after if w in e.name.split()), None)
        else:
            tail = " " + m.text
            found = next((e for e in reversed(before) if e.name.endswith(tail)), None)
            if found is None:
                found = next((e for e in after if e.name.endswith(tail)), None)
            if found is None:
                found = next((e for e in reversed(before) if e.name == m.text), None)
    elif m.form == "pronoun":
        low = m.text.lower()
        if low in ("he", "she"):
            g = "m" if low == "he" else "f"
            found = next(
                (
                    e
                    for e in reversed(before)
                    if e.kind == "person" and not e.weak and gender.get(e.name, g) == g
                ),
                None,
            )
            if found is None:
                found = next(
                    (e for e in reversed(before) if e.kind == "person" and not e.weak), None
                )
            if found is not None:
                gender.setdefault(found.name, g)
        elif low == "it":
            found = next((e for e in reversed(before) if e.kind == "organisation"), None)
        else:
            found = before[-1] if before else None
        if found is None:
            return None  # a pronoun with nothing to refer to
    else:  # noun phrase
        head = m.head or ""
        bare = _strip_det(m.text)
        name = bare
        if m.kind == "person" and m.org_hint:
            # "a ministry spokesperson" speaks for the ministry
            hint = m.org_hint
            found = next(
                (
                    e
                    for e in reversed(before)
                    if e.kind == "organisation" and hint in e.name.lower()
                ),
                None,
            )
            if found is None and m.affiliation and hint in m.affiliation.lower():
                # "a State Department spokesperson": the department
                found = _Entity(m.start, _strip_det(m.affiliation), "organisation", None, None)
        elif m.kind == "person" and m.definite and not head.endswith("s"):
            found = _best_person(m, before, after, fallback=False)
            if found is None and head in by_head:
                # "A ministry spokesperson said ... the spokesperson added"
                prev = by_head[head]
                found = _Entity(m.start, prev.name, prev.kind, prev.role, prev.affiliation)
            if found is None and m.form == "np" and head in ROLE_HEADS:
                # "the minister": the last person named, when nothing better is known;
                # "the narrator", "the real estate developer" stay as written
                found = next(
                    (e for e in reversed(before) if e.kind == "person" and not e.weak), None
                )
        elif m.kind == "organisation" and " " not in bare:
            found = next(
                (
                    e
                    for e in reversed(before)
                    if e.kind == "organisation" and head in e.name.lower().split()
                ),
                None,
            )
            if found is None:
                found = next(
                    (
                        e
                        for e in reversed(before)
                        if e.kind == "person" and e.affiliation and head in e.affiliation.lower()
                    ),
                    None,
                )
                if found is not None:
                    found = _Entity(
                        found.pos, _strip_det(found.affiliation or ""), "organisation", None, None
                    )
    if found is not None:
        name, kind = found.name, found.kind
        if kind == "person":
            role = role if m.form == "name" and role else found.role or role
            aff = aff if m.form == "name" and aff else found.affiliation or aff
        else:
            role, aff = None, None
    ks = (
        known.get(name.casefold())
        or known.get(m.text.casefold())
        or known.get(_strip_det(m.text).casefold())
    )
    name = " ".join(name.split())  # a name broken by a hard line wrap
    return SuggestedSpeaker(name, kind, role, aff, ks.id if ks is not None else None)


def _best_person(
    m: Mention, before: list[_Entity], after: list[_Entity], fallback: bool = True
) -> _Entity | None:
    """The person a definite role phrase ("the spokesperson", "Switzerland's foreign
    minister") refers to: best word overlap with role/affiliation, nearest first."""
    want = _words(m.text)
    want |= {w[:-2] for w in want if w.endswith("'s") or w.endswith("’s")}
    best: tuple[int, int] | None = None
    found: _Entity | None = None
    cands = [(e, 0) for e in reversed(before)] + [(e, 1) for e in after]
    for e, later in cands:
        if e.kind != "person":
            continue
        have = _words(e.role) | _words(e.affiliation)
        have |= {w[:-2] for w in have if w.endswith(("'s", "’s"))}
        score = len(want & have)
        key = (score, -later)
        if score and (best is None or key > best):
            best, found = key, e
    if found is None and fallback:
        found = next((e for e in reversed(before) if e.kind == "person"), None)
    return found

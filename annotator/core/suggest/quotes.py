"""Paragraphs, sentence ends and quotations of an article, as code-point offsets.

Everything works on Python ``str`` indices of the original text, so offsets stay exact
for astral characters, combining marks and right-to-left text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS, ELISIONS

DOUBLE_MARKS = frozenset('"“”„‟«»')
SINGLE_MARKS = frozenset("'‘’‚‹›")
ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS
MARK_RE = re.compile("[\"'“”„‟«»‹›‘’‚]")
# the same marks less the apostrophes between two letters or digits ("don't", "O’Brien"),
# which ``_classify`` leaves out anyway: a third of all marks, skipped in C (speed)
_MARK_SCAN_RE = re.compile("[\"'“”„‟«»‹›‘’‚](?:(?<![^\\W_]['’])|(?![^\\W_]))")
_OPEN_GLYPHS = frozenset("“„‟«‘‚‹")
_CLOSE_GLYPHS = frozenset("”»’›")
# For each opening glyph, the glyphs that may close it.
_CLOSERS: dict[str, frozenset[str]] = {
    '"': frozenset('"”“'),
    "“": frozenset('”"“'),
    "„": frozenset('“”"'),
    "‟": frozenset('”"'),
    "«": frozenset("»"),
    "»": frozenset("«»"),
    "”": frozenset('”"'),
    "‘": frozenset("’'‘"),
    "‚": frozenset("‘’'"),
    "'": frozenset("'’"),
    "’": frozenset("’'"),
    "‹": frozenset("›"),
    "›": frozenset("‹›"),
    # two apostrophes standing for a double mark (''A''), read as one mark
    "''": frozenset({"''"}),
}
_OPEN_LEFT = frozenset("([{—–-‐/:;,…<") | ALL_MARKS
_CLOSE_RIGHT = frozenset(".,;:!?)]}—–-‐…/>") | ALL_MARKS
_TERMINAL = frozenset(".!?:;\"'”’»)]…")
_BULLETS = frozenset("-–—•*·>") | ALL_MARKS
_ELISION_RE = re.compile(r"(?:\d|[A-Za-z]+\b)")
# the punctuation, then the space after it and any opening marks before the next word
# (one plain character class first lets ``re`` skip ahead to it: "[.!?…]+" would not)
_SENT_END_RE = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?P<gap>\s*)[\"'“”„‟«»‹›‘’‚(\[]*")
_MAX_RESTARTS = 256


def _wordish(c: str) -> bool:
    return c.isalnum() or (c != "" and unicodedata.category(c)[0] == "M")


@dataclass
class Paragraph:
    start: int
    end: int  # exclusive; text[start:end] has no leading/trailing whitespace


@dataclass
class Quote:
    spans: list[tuple[int, int]]  # content ranges, marks and outer whitespace excluded
    open_pos: int  # index of the first opening mark
    close_pos: int  # index of the final closing mark
    para: int  # paragraph index of the opening mark
    last_para: int  # paragraph index of the closing mark
    glyph: str
    continued: bool = False


def paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated blocks, with single line breaks split where they look like
    paragraph breaks (the previous line ends a sentence, the next starts a quote)."""
    out: list[Paragraph] = []
    pos = 0
    n = len(text)
    cur: Paragraph | None = None
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = pos, nl
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            cur = None
        elif cur is None:
            cur = Paragraph(s, e)
            out.append(cur)
        else:
            last = text[cur.end - 1]
            first = text[s]
            prev_len = cur.end - text.rfind("\n", 0, cur.end) - 1
            # a hard-wrapped line: the previous line stops mid-sentence
            wrapped = prev_len >= 50 and (last.islower() or last.isdigit() or last in ",;-–")
            soft = (first not in _BULLETS and (first.islower() or wrapped)) or (
                wrapped and first in ALL_MARKS
            )
            if soft:
                cur.end = e
            else:
                cur = Paragraph(s, e)
                out.append(cur)
        pos = nl + 1
    return out


def sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-final punctuation in ``text[start:end]``."""
    out: list[int] = []
    for m in _SENT_END_RE.finditer(text, start, end):
        stop, j = m.span("gap")
        if j >= end:
            out.append(stop)
            continue
        k = m.end()
        if j == stop or k >= end:
            continue
        c = text[k]
        if not (c.isupper() or c.isdigit()):
            continue
        p = m.start()
        if text[p] == ".":
            ws = _word_start(text, max(start, p - 20), p)
            if ws < p:
                w = text[ws:p].lower()
                if w in ABBREVIATIONS or "." in w.strip("."):
                    continue
                # "then-Sen. Obama", "ex-Gov. Smith": the title after the hyphen
                if "-" in w and w.rsplit("-", 1)[1] in ABBREVIATIONS:
                    continue
                if len(w) == 1 and w.isalpha() and _is_initial(text, start, ws, end):
                    continue
        out.append(stop)
    return out


def _word_start(text: str, lo: int, pos: int) -> int:
    """Where the word (letters, digits, dots, apostrophes, hyphens) ending at ``pos``
    starts, at ``lo`` at the earliest; ``pos`` when there is none."""
    i = pos
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_.’'-"):
        i -= 1
    return i


_PREV_TOKEN_RE = re.compile(r"(\S+)\s+$")
# after an initial: another initial, or a name of two capitalised words ("J. Michael Pearson")
_NAME_AFTER_INITIAL_RE = re.compile(r"\.\s+(?:[A-Z]\.|[A-Z][a-z]+\s+[A-Z])")


def _is_initial(text: str, start: int, pos: int, end: int) -> bool:
    """Is the single letter at ``pos`` an initial ("John F. Kennedy", "J. K. Rowling",
    "said J. Michael Pearson") rather than a word ending a sentence ("posted on X.")?"""
    m = _PREV_TOKEN_RE.search(text, max(start, pos - 30), pos)
    if m is None:
        return True
    prev = m.group(1).lstrip("\"'“‘([")
    if prev and (prev[0].isupper() or prev.endswith(".")):
        return True
    # the pronoun ("Neither do I. This ...") is not a name's initial
    return text[pos] != "I" and _NAME_AFTER_INITIAL_RE.match(text, pos + 1, end) is not None


@dataclass
class _Mark:
    pos: int
    glyph: str
    opens: bool
    closes: bool
    width: int = 1  # 2 for the two apostrophes of ''A''


def _classify(text: str, i: int, start: int, end: int) -> _Mark | None:
    g = text[i]
    prev = text[i - 1] if i > start else ""
    nxt = text[i + 1] if i + 1 < end else ""
    prev_space = prev == "" or prev.isspace()
    next_space = nxt == "" or nxt.isspace()
    left_open = prev_space or prev in _OPEN_LEFT
    right_close = next_space or nxt in _CLOSE_RIGHT
    pw, nw = _wordish(prev), _wordish(nxt)
    if g in SINGLE_MARKS and g not in "‹›" and pw and nw:
        return None  # apostrophe inside a word: don't, ministry's, O'Brien
    if g == '"':
        closes = not prev_space or _spaced_after_inner(text, i, start)
        return _Mark(i, g, left_open and not next_space, closes and right_close)
    if g in "'’‘":
        elision = bool(nw) and _is_elision(text, i + 1, end)
        opens = left_open and not next_space and not elision and nxt not in ALL_MARKS - {'"', "“"}
        if g == "’":
            opens = opens and prev_space
        closes = not prev_space and right_close
        if g == "‘" and not opens and not closes:
            return None
        return _Mark(i, g, opens, closes)
    if g in _OPEN_GLYPHS:
        nn = text[i + 2] if i + 2 < end else ""
        opens = not next_space or (g in "«‹" and nn != "" and not nn.isspace())
        closes = not opens and not prev_space
        if g in "„‚":
            closes = False
        return _Mark(i, g, opens, closes)
    # closing glyphs ” » ›
    opens = left_open and not next_space and not (prev != "" and not prev_space)
    closes = not prev_space or g in "»›"
    if opens and g in "»›" and prev_space and next_space:
        opens = False
    return _Mark(i, g, opens and not (closes and not prev_space), closes)


def _spaced_after_inner(text: str, i: int, start: int) -> bool:
    """'"... saying, 'Just vote,' " she said': a double mark set off by a space after the
    single mark closing a quote inside it still closes the outer quote."""
    return i - 3 >= start and text[i - 1] == " " and text[i - 2] in "'’" and text[i - 3] in ",.?!"


def _is_elision(text: str, j: int, end: int) -> bool:
    m = _ELISION_RE.match(text, j, end)
    if not m:
        return False
    w = m.group(0)
    if w[0].isdigit():
        return True  # '90s, ’24
    return w.lower() in ELISIONS


def _family(g: str) -> str:
    return "d" if g in DOUBLE_MARKS or g == "''" else "s"


def find_quotes(text: str, paras: list[Paragraph]) -> list[Quote]:
    """Quotations in reading order. Nested quotes are part of their outer quote; a quote
    left open at a paragraph end continues when the next paragraph opens with a mark."""
    quotes: list[Quote] = []
    marks_by_para = _marks_by_para(text, paras)
    carry: Quote | None = None  # quote continued from the previous paragraph
    for pi in range(len(paras)):
        carry = _paragraph_quotes(text, paras, marks_by_para, pi, carry, quotes)
    return quotes


@dataclass
class _Reading:
    """A quote being read: where its current stretch of content began, and how many
    nested quotes of its own glyph are open inside it."""

    quote: Quote
    start: int
    depth: int = 0


def _paragraph_quotes(
    text: str,
    paras: list[Paragraph],
    marks_by_para: list[list[_Mark]],
    pi: int,
    carry: Quote | None,
    quotes: list[Quote],
) -> Quote | None:
    """Append paragraph ``pi``'s quotes to ``quotes``, finishing ``carry`` (a quote
    continued from the previous paragraph) first; returns the quote that continues
    into the next paragraph, if any."""
    p = paras[pi]
    ms = marks_by_para[pi]
    # For each mark, is there a later mark of the same family that can close? An
    # opening mark with none is skipped at once (keeps "'s 's 's ..." linear).
    can_close_later = _closers_after(ms)
    idx = 0
    cur: _Reading | None = None
    if carry is not None:
        # the continuation mark is the first mark, at the paragraph start
        idx = 1
        cur = _Reading(carry, ms[0].pos + ms[0].width)
    restarts = 0
    while True:
        cur = _read_marks(text, paras, marks_by_para, pi, idx, cur, can_close_later, quotes)
        if cur is None:
            return None
        quote = cur.quote
        # open at the paragraph end: continued in the next paragraph?
        nxt = _continuation(paras, marks_by_para, pi, quote)
        if nxt is not None:
            _add_span(text, quote, cur.start, p.end)
            quote.continued = True
            quote.glyph = nxt.glyph
            return quote
        if quote.spans:
            # a continued quote whose last paragraph never closes: keep what we have
            _add_span(text, quote, cur.start, p.end)
            quote.close_pos = p.end
            quote.last_para = pi
            quotes.append(quote)
            return None
        # unmatched opening mark: not a quote; rescan after it
        restarts += 1
        if restarts > _MAX_RESTARTS:
            return None
        idx = next((k for k, mk in enumerate(ms) if mk.pos > quote.open_pos), len(ms))
        cur = None


def _read_marks(
    text: str,
    paras: list[Paragraph],
    marks_by_para: list[list[_Mark]],
    pi: int,
    idx: int,
    cur: _Reading | None,
    can_close_later: list[bool],
    quotes: list[Quote],
) -> _Reading | None:
    """Read paragraph ``pi``'s marks from ``idx`` on, appending each quote that closes
    to ``quotes``; returns the quote still open at the paragraph end, if any."""
    ms = marks_by_para[pi]
    while idx < len(ms):
        m = ms[idx]
        idx += 1
        if cur is None:
            if m.opens and (can_close_later[idx - 1] or _continues(paras, marks_by_para, pi, m)):
                cur = _Reading(Quote([], m.pos, -1, pi, pi, m.glyph), m.pos + m.width)
            continue
        og = cur.quote.glyph
        if _family(m.glyph) != _family(og):
            continue
        # A mark that could open a nested quote of the same glyph does so rather
        # than close (“a “b” c”).
        nests = m.opens and og in _OPEN_GLYPHS and m.glyph == og
        if m.closes and m.glyph in _CLOSERS[og] and not nests:
            if cur.depth:
                cur.depth -= 1
                continue
            if _possessive_inside(text, ms, idx - 1, paras[pi].end):
                continue  # 'the Smiths' house is big,' -- a plural possessive
            _add_span(text, cur.quote, cur.start, m.pos)
            cur.quote.close_pos = m.pos
            cur.quote.last_para = pi
            if cur.quote.spans:
                quotes.append(cur.quote)
            cur = None
        elif nests:
            cur.depth += 1
    return cur


def _marks_by_para(text: str, paras: list[Paragraph]) -> list[list[_Mark]]:
    """The quotation marks of each paragraph (apostrophes and primes left out)."""
    out: list[list[_Mark]] = []
    for p in paras:
        ms: list[_Mark] = []
        skip = -1
        for m in _MARK_SCAN_RE.finditer(text, p.start, p.end):
            i = m.start()
            if i <= skip:
                continue
            if text.startswith("''", i):
                run = _apostrophe_run(text, i, p.start, p.end)
                if run:
                    ms.extend(run)
                    skip = run[-1].pos + run[-1].width - 1
                    continue
            k = _classify(text, i, p.start, p.end)
            if k is not None:
                ms.append(k)
        out.append(ms)
    return out


def _apostrophe_run(text: str, i: int, start: int, end: int) -> list[_Mark]:
    """The marks of two or three apostrophes at ``i``: two stand for one double mark
    (''A''), so a single quote inside never closes it; three are that mark and a single
    one inside it, opening (''' + 'B) or closing (B' + '''). Empty otherwise."""
    j = i
    while j < end and text[j] == "'":
        j += 1
    prev = text[i - 1] if i > start else ""
    nxt = text[j] if j < end else ""
    prev_space = prev == "" or prev.isspace()
    next_space = nxt == "" or nxt.isspace()
    opens = (prev_space or prev in _OPEN_LEFT) and not next_space
    closes = (not prev_space or _spaced_close(text, i, start)) and (
        next_space or nxt in _CLOSE_RIGHT
    )
    if j - i == 2:
        return [_Mark(i, "''", opens, closes, 2)]
    if j - i == 3 and opens != closes:
        if opens:
            return [_Mark(i, "''", True, False, 2), _Mark(i + 2, "'", True, False)]
        return [_Mark(i, "'", False, True), _Mark(i + 1, "''", False, True, 2)]
    return []


def _spaced_close(text: str, i: int, start: int) -> bool:
    """ "''The pier is old, '' he said": two apostrophes set off by a space after the
    comma (or the single mark closing a quote inside) still close the quote."""
    k = i
    while k > start and text[k - 1] == " ":
        k -= 1
    return k < i and k > start and text[k - 1] in ",.?!'"


def _continuation(
    paras: list[Paragraph], marks_by_para: list[list[_Mark]], pi: int, cur: Quote
) -> _Mark | None:
    """The opening mark of the next paragraph that continues ``cur``, if there is one."""
    nxt = marks_by_para[pi + 1] if pi + 1 < len(paras) else []
    if (
        nxt
        and nxt[0].pos == paras[pi + 1].start
        and nxt[0].opens
        and _family(nxt[0].glyph) == _family(cur.glyph)
    ):
        return nxt[0]
    return None


def _closers_after(ms: list[_Mark]) -> list[bool]:
    """``out[i]``: some mark after ``ms[i]`` of the same family can close a quote."""
    out = [False] * len(ms)
    seen = {"d": False, "s": False}
    for i in range(len(ms) - 1, -1, -1):
        fam = _family(ms[i].glyph)
        out[i] = seen[fam]
        if ms[i].closes:
            seen[fam] = True
    return out


def _continues(paras: list[Paragraph], marks_by_para: list[list[_Mark]], pi: int, m: _Mark) -> bool:
    """Could a quote opened by ``m`` run on into the next paragraph?"""
    if pi + 1 >= len(paras):
        return False
    nxt = marks_by_para[pi + 1]
    return (
        bool(nxt)
        and nxt[0].pos == paras[pi + 1].start
        and _family(nxt[0].glyph) == _family(m.glyph)
    )


def _possessive_inside(text: str, ms: list[_Mark], k: int, end: int) -> bool:
    """Is the single closing mark ``ms[k]`` rather a plural possessive ("the Smiths'
    house") inside the quote, because the quote closes later in the sentence?"""
    m = ms[k]
    if m.glyph not in "'’" or text[m.pos - 1] not in "sS":
        return False
    if not (m.pos + 2 < end and text[m.pos + 1] == " " and text[m.pos + 2].islower()):
        return False
    for later in ms[k + 1 :]:
        if later.glyph in "'’" and later.closes and not later.opens:
            gap = text[m.pos : later.pos]
            return not any(c in gap for c in ".!?")
        if later.opens:
            return False
    return False


def _add_span(text: str, q: Quote, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        q.spans.append((s, e))

"""Direct quotes: each quotation attributed to the cue and speaker mention beside it
(how far its claim reaches past the quotation marks: ``extent.py``)."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...resources import word_list
from .candidates import Attribution, Candidate, cue_tok_range, n_words
from .clause_base import FINITE_WORDS, PARTICIPLES, against_cue, subordinate_end
from .clause_forms import TELLING, addressee_end
from .cues import Cue, Index
from .extent import (
    QuoteContext,
    aside_then_quote,
    clause_goes_on,
    has_verb,
    infinitive_leads,
    lead_fragment,
    lead_in,
    mixed_goes_on,
    only_closers,
    opens_sentence,
    relative_object,
    right_after,
)
from .lexicon import ADVERBIAL_STARTS, DETERMINERS, SUBJECT_PRONOUNS
from .noun_phrases import Mention
from .quote_phrases import phrase_before
from .quotes import ALL_MARKS, SINGLE_MARKS, Paragraph, Quote
from .speaker_mentions import mention_after, mention_before, subject_before
from .tokens import Tok
from .verbs import IRREGULAR_PAST

_WINDOW = 400  # characters of context searched for a cue on either side of a quote
_MAX_POST = 12  # words after the cue of an attribution in the sentence after its quote


def direct_claims(
    text: str, paras: list[Paragraph], ends: list[int], quotes: list[Quote], cues: Index
) -> list[Candidate]:
    """One candidate per quotation that is a claim, attributed to the cue and mention
    beside it; titles and quoted terms are left out.

    Args:
        text: the article.
        paras: its paragraphs; ``ends``: its sentence ends (sorted offsets).
        quotes: the quotations of ``find_quotes``; ``cues``: the article's cue index.
    """
    quotes = _join_quote_lists(text, quotes)
    out: list[Candidate] = []
    # the last claim attributed after its quote: it, where its attribution ends, the
    # paragraph of its last quote
    prev_right: tuple[Candidate, int, int] | None = None
    for qi, q in enumerate(quotes):
        if _is_title(text, q, paras[q.para].start):
            if prev_right is not None and prev_right[1] == q.open_pos:
                # '"A," Lee said on "Morning Report." "B."': the attribution's sentence
                # goes on past the title
                k = bisect_right(ends, q.close_pos)
                stop = ends[k] if k < len(ends) else paras[q.last_para].end
                prev_right = (prev_right[0], stop, prev_right[2])
            continue  # said on "Morning Report": a title, not a claim
        c = _context(text, paras, ends, quotes, qi)
        _find_sides(text, paras, ends, cues, q, c)
        left, right = c.left, c.right
        nxt = paras[q.last_para + 1].end if q.last_para + 1 < len(paras) else None
        attr = _choose(text, q, c, paras[q.last_para].end, nxt)
        if left is not None and attr is left and not left.tight and n_words(text, q.spans) <= 3:
            attr = None  # warns against 'bloc politics': a term, not a claim
            if text[q.spans[-1][1] - 1] not in ".!?,":
                prev_right = None
                continue
        shared_cue = (
            attr is not None
            and attr is left
            and prev_right is not None
            and prev_right[2] == q.para
            and prev_right[0].cue is not None
            and attr.cue is not None
            and attr.cue.start == prev_right[0].cue.start
        )
        if shared_cue and right is not None:
            # '"A," she said, but "B," said Kunin': B has an attribution of its own
            attr = right
            shared_cue = False
        elif shared_cue and prev_right is not None:
            fragment = _after_word(text, c, q)
            if fragment == "":
                # "A," he said when asked, "but B." -- the same attribution on both sides
                prev_right[0].spans.extend(q.spans)
                prev_right = None
                continue
            if fragment == "term":
                continue  # '"A?" asked Moss, holding a "Harbour Days" flyer': no claim
        if attr is None and out and (end := mixed_goes_on(text, cues, out[-1], q, c)):
            # 'said the aim is less to "A" than to "B."': one paraphrase through both
            out[-1].spans[-1] = (out[-1].spans[-1][0], end)
            out[-1].kind = "mixed"
            continue
        if attr is None and right_after(text, out, quotes, qi):
            # 'said that "ferry crews" "work very hard."': one quote run on into the next
            out[-1].spans.extend(q.spans)
            continue
        if attr is None:
            if (
                prev_right is not None
                and q.para == prev_right[2] + 1
                and _heading_quote(text, paras, q, quotes[qi - 1].glyph)
            ):
                # '..." she said. "B."' then a paragraph '"So much anger."': a heading
                # (or a crowd's reply), neither the quote going on nor a claim
                prev_right = None
                continue
            if (
                prev_right is not None
                and q.para - prev_right[2] <= 1
                and (
                    only_closers(text[prev_right[1] : q.open_pos])
                    or aside_then_quote(text, cues, q, prev_right)
                )
                and not cues.cues_between(c.r_start, c.r_end)
                and opens_sentence(text, paras[q.para].start, q.open_pos)
                and _unlisted_attribution(text, cues, q, c) is None
            ):
                # "A," she said. "B." -- one claim interrupted by its attribution, and
                # "C." right after (or opening the next paragraph) goes on with it
                prev_right[0].spans.extend(q.spans)
                prev_right = (prev_right[0], q.close_pos + 1, q.last_para)
                continue
            lead = lead_in(text, cues, q, c, prev_right)
            if lead is not None and prev_right is not None:
                # '"A," Lee said. Ruiz "is tired of it."': the next sentence, its quote
                # and the words leading into it go on with the claim
                prev_right[0].spans.append((lead, q.close_pos + 1))
                prev_right[0].kind = "mixed"
                prev_right = (prev_right[0], q.close_pos + 1, q.last_para)
                continue
            if (
                prev_right is not None
                and prev_right[1] == q.open_pos
                and n_words(text, q.spans) <= 3
                and not opens_sentence(text, paras[q.para].start, q.open_pos)
            ):
                # '"A?" asked Moss, citing the "rigged" count. "B."': a term inside the
                # attribution's sentence, which goes on past it
                k = bisect_right(ends, q.close_pos)
                stop = ends[k] if k < len(ends) else paras[q.last_para].end
                prev_right = (prev_right[0], stop, prev_right[2])
            else:
                prev_right = None
            if _colon_fragment(text, cues, q, c):
                continue  # 'Moss: 'No Idea' If I ...': the clause rules take the whole
            colon = _colon_intro(text, cues, q, _colon_lead(text, paras, ends, q, c))
            if colon is not None:
                out.append(colon)
                continue
            comma = _comma_intro(text, cues, q, c)
            if comma is not None:
                out.append(comma)
                continue
            guess = _unlisted_attribution(text, cues, q, c)
            if guess is not None:
                out.append(Candidate(list(q.spans), guess.cue, guess.mention, "direct", q.para, ""))
                prev_right = (out[-1], c.r_end, q.para)
                continue
            if _alone_in_single_marks(text, paras[q.para], q):
                continue  # a paragraph "'A long road home.'": a heading
            if not _is_term(text, cues, q, c):
                out.append(Candidate(list(q.spans), None, None, "direct", q.para, "quote"))
            continue
        naming = _naming_call(text, cues, q, c, attr)
        if naming is not None:
            out.append(naming)
            prev_right = None
            continue
        cand = _attributed(text, cues, q, c, attr)
        if attr is left:
            lead = lead_fragment(text, cues, q, c, attr)
            if lead is not None and len(cand.spans) == 1:
                first, rest = lead
                cand.spans = [first, (min(rest, cand.spans[0][0]), cand.spans[0][1])]
                cand.kind = "mixed"
        w = max(0, q.open_pos - 60)
        # a plain search first: most quotes have no "But" before them (speed)
        but = _BUT_BEFORE_RE.search(text, w, q.open_pos) if "But" in text[w : q.open_pos] else None
        if but is not None and cand.spans and cand.spans[0][0] > q.open_pos - 1:
            # 'But "the fee is too high," Lee said.', 'But, she added, "...": the
            # sentence's "But" is part of what is said
            cand.spans.insert(0, (but.start(1), but.end(1)))
            cand.kind = "mixed"  # a word outside the marks
        if shared_cue:
            # '"A," Lee said, adding that the fee is "B."': a claim of its own, whose
            # verb is not a listed cue; "said" is quote A's
            cand.cue = None
        out.append(cand)
        # (a quote run over two paragraphs is attributed in its last)
        prev_right = (out[-1], c.right_end, q.last_para) if attr is right else None
    return out


def _alone_in_single_marks(text: str, para: Paragraph, q: Quote) -> bool:
    """Is ``q`` a paragraph of its own in single marks of at most eight words, with
    nothing around it ("'A long road home.'"): a story's heading, not a
    claim?"""
    return (
        q.glyph in SINGLE_MARKS
        and q.open_pos == para.start
        and q.last_para == q.para
        and not text[q.close_pos + 1 : para.end].strip(".,!?;: ")
        and n_words(text, q.spans) <= 8
    )


def _heading_quote(text: str, paras: list[Paragraph], q: Quote, glyph_before: str) -> bool:
    """Is ``q`` a short paragraph of its own, nothing but a quotation of at most five
    words, in single marks after a quote in double ones ("'A fight for the pier.'" between
    two parts of a story) or after a paragraph that ends in a closing mark (a crowd's
    "Nooo!"): a heading or a reply, not the quote before going on ('... he told
    reporters. / "This is wrong."' goes on)?"""
    para = paras[q.para]
    if q.para == 0 or q.open_pos != para.start or q.last_para != q.para:
        return False
    if text[q.close_pos + 1 : para.end].strip(".,!?;: ") or n_words(text, q.spans) > 5:
        return False
    if q.glyph in SINGLE_MARKS and glyph_before not in SINGLE_MARKS:
        return True
    before = text[paras[q.para - 1].start : paras[q.para - 1].end].rstrip(".,!?;: ")
    return bool(before) and before[-1] in ALL_MARKS


_JOINING_WORDS = ("and", "but", "or")

# A sentence opened by "But" right before a quote's mark (the search ends there), or
# with an attribution between commas after it: 'But "...," he said', 'But, she added,
# "..."'.
_BUT_BEFORE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"'”’]\s)|(?<=\n))(But)"
    r"(?:,\s[^,.\"“”'‘’]{2,40},)?\s*$"
)

# between two quotes of one list: "and" or "or", a comma before it or not
_LIST_LINK_RE = re.compile(r"\s*,?\s*(?:and|or)\s*")


def _join_quote_lists(text: str, quotes: list[Quote]) -> list[Quote]:
    """Quotes listed in one sentence ('chanted "Go home," "Not here" and "Never."',
    'called it "rash" or "cruel"') as one quote, as PolNeAR marks them: one claim
    whose content runs from the first to the last. A quote followed by another with
    only a space between joins when its words end in a comma and the list goes on to
    an "and" or "or" link."""
    out: list[Quote] = []
    run: list[Quote] = []  # quotes linked by a space after a comma, awaiting "and"/"or"
    for q in quotes:
        prev = run[-1] if run else (out[-1] if out else None)
        if prev is not None and prev.last_para == q.para and q.last_para == q.para:
            gap_s, gap_e = prev.close_pos + 1, q.open_pos
            if gap_s < gap_e and _LIST_LINK_RE.fullmatch(text, gap_s, gap_e):
                first = run[0] if run else out.pop()
                out.append(_joined(first, q))
                run = []
                continue
            if (
                gap_s <= gap_e
                and text[prev.spans[-1][1] - 1] == ","
                and not text[gap_s:gap_e].strip()
            ):
                if not run:
                    run.append(out.pop())
                run.append(q)
                continue
        out.extend(run)
        run = []
        out.append(q)
    out.extend(run)
    return out


def _joined(first: Quote, last: Quote) -> Quote:
    """One quote from the opening mark of ``first`` to the closing mark of ``last``."""
    spans = [*first.spans[:-1], (first.spans[-1][0], last.spans[-1][1])]
    return Quote(spans, first.open_pos, last.close_pos, first.para, last.last_para, last.glyph)


def _after_word(text: str, c: QuoteContext, q: Quote) -> str:
    """What quote ``q``, after the attribution of the quote before it, is when a word
    stands right before its opening mark: "fragment" of a clause of its own ('"A," Lee
    said, adding that the fee is "too high."'), a "term" ('"A?" asked a boy in a "Go
    Team" cap'), or "" when it goes on with the quote before ('"A," Lee said on Monday,
    "B."', '..., and "B."', or a sentence after a missing comma)."""
    before = text[c.l_start : q.open_pos].rstrip()
    if not before or not before[-1].isalnum() or before.lower().endswith(_JOINING_WORDS):
        return ""
    words = text[q.spans[0][0] : q.spans[-1][1]]
    first = next((ch for ch in words if ch.isalpha()), "")
    if first.islower():
        return "fragment"
    return "" if words.rstrip(" '’\"”").endswith((".", "!", "?")) else "term"


_FIRST_PERSON = frozenset({"i", "we"})
_VERB_FORM_RE = re.compile(r"[a-z]{2,}(?:ed|[^s']s)")
_MAX_UNLISTED = 6  # words of an attribution whose verb is not a listed cue


_LOWER_NEXT_RE = re.compile(r"[\"”’']*\s+[a-z]")


def _unlisted_attribution(text: str, cues: Index, q: Quote, c: QuoteContext) -> Attribution | None:
    """'"We will win," he mocks.': a quote ending in a comma, then only a speaker and a
    verb that is not a listed cue ('he quipped', 'read the email') to the sentence end."""
    goes_on = _sentence_goes_on(text, c.r_start) or (
        # '"What a day!" beamed Ann Lee.': the sentence goes on in lower case
        _asks(text, q) and _LOWER_NEXT_RE.match(text, c.r_start, c.r_end) is not None
    )
    if q.last_para != q.para or not goes_on or n_words(text, q.spans) < 3:
        return None
    toks = cues.toks_between(c.r_start, c.r_end)
    while toks and not toks[-1].is_word:
        toks.pop()
    if toks and toks[0].text in ALL_MARKS:
        toks = toks[1:]  # the second apostrophe closing ''A,''
    # 'agrees Ann Lee, 42, of Dover.': an apposition after a comma is no part of it
    comma = next((i for i, t in enumerate(toks) if t.text == ","), len(toks))
    toks = toks[:comma]
    words = [t for t in toks if t.is_word]
    if not words or len(words) > _MAX_UNLISTED or any(not t.is_word for t in toks):
        return None
    for k, t in enumerate(toks):
        if (
            not _VERB_FORM_RE.fullmatch(t.text)
            and t.low != "read"
            and (k == 0 or t.low not in IRREGULAR_PAST)  # 'she went on', 'he shot back'
        ):
            continue
        if k == 0:
            m = mention_after(text, toks, 0, len(toks))
        elif k == 1 and toks[0].low in _FIRST_PERSON:
            # '"...," I grumbled.': the writer
            w = toks[0]
            m = Mention(w.start, w.end, w.text, "pronoun", "person", phrase_start=w.start)
        else:
            m = mention_before(text, toks, k, 0)
            if (
                m is not None
                and (m.phrase_start if m.phrase_start >= 0 else m.start) != toks[0].start
            ):
                m = None
        if m is not None:
            end = t.end
            if k + 1 < len(toks) and toks[k + 1].low in _PARTICLES_AFTER:
                end = toks[k + 1].end  # 'went on', 'shot back'
            return Attribution(Cue(t.start, end, t.low, participle=False), m)
        return None
    return None


_PARTICLES_AFTER = frozenset({"on", "back", "out", "up", "in"})


def _context(
    text: str, paras: list[Paragraph], ends: list[int], quotes: list[Quote], qi: int
) -> QuoteContext:
    q = quotes[qi]
    pa = paras[q.para]
    pl = paras[q.last_para]
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
    return QuoteContext(l_start, r_start, r_end, r_cap)


def _find_sides(
    text: str, paras: list[Paragraph], ends: list[int], cues: Index, q: Quote, c: QuoteContext
) -> None:
    """The attributions before the quote (or ending the paragraph before with a colon)
    and after it (in its sentence, or the next sentence when the quote ends one)."""
    if c.l_start < q.open_pos:
        c.left = _attr_left(text, cues, c.l_start, q.open_pos)
    if c.left is None and q.open_pos == paras[q.para].start and q.para > 0:
        pp = paras[q.para - 1]
        if text[pp.end - 1] == ":":
            k = bisect_right(ends, pp.end - 1) - 1
            s = max(pp.start, ends[k] if k >= 0 else 0)
            c.left = _attr_left(text, cues, s, pp.end)
            if c.left is not None:
                c.left.tight = True
    if _ALNUM_RE.search(text, c.r_start, c.r_end):
        # (the second apostrophe closing ''A?'' is no attribution)
        c.right = _attr_right(text, cues, c.r_start, c.r_end, whole=False)
        c.right_end = c.r_end
    elif c.r_end < c.r_cap and _last_char(text, q) in ".!?":
        k = bisect_right(ends, c.r_end)
        pl_end = paras[q.last_para].end
        s_end = min(ends[k] if k < len(ends) else pl_end, c.r_cap, c.r_end + _WINDOW)
        c.right = _attr_right(text, cues, c.r_end, s_end, whole=True, asked=_asks(text, q))
        c.right_end = s_end


def _choose(
    text: str, q: Quote, c: QuoteContext, para_end: int, next_end: int | None
) -> Attribution | None:
    """A tight attribution before the quote wins, then any side with a mention, then a
    cue alone, then a dash and a name after the quote, or on the line after the
    paragraph it ends (``next_end``: the end of the next paragraph)."""
    left, right = c.left, c.right
    if left is not None and left.tight and left.mention is not None:
        return left
    if right is not None and right.mention is not None:
        return right
    if left is not None and left.mention is not None:
        return left
    if right is not None:
        return right
    if left is not None and left.tight:
        return left
    dash = _dash_attr(text, q, para_end)
    if (
        dash is None
        and next_end is not None
        and not text[q.close_pos + 1 : para_end].strip()
        and not _ALNUM_RE.search(text, c.l_start, q.open_pos)
    ):
        dash = _dash_attr(text, q, next_end, line=True)  # '"..."' then a line '- Ruiz.'
    return dash


def _colon_fragment(text: str, cues: Index, q: Quote, c: QuoteContext) -> bool:
    """Does the quote open what follows a colon, and the sentence go on after it?"""
    if not text[c.l_start : q.open_pos].rstrip().endswith(":"):
        return False
    return any(t.is_word for t in cues.toks_between(c.r_start, c.r_end))


def _colon_lead(
    text: str, paras: list[Paragraph], ends: list[int], q: Quote, c: QuoteContext
) -> tuple[int, int]:
    """Where the words leading into the quote are: its sentence before it, or the last
    sentence of the paragraph before when that ends in a colon and the quote opens its
    own paragraph ('Lee put out a statement:' then '"..."')."""
    if q.open_pos == paras[q.para].start and q.para > 0:
        pp = paras[q.para - 1]
        if text[pp.end - 1] == ":":
            k = bisect_right(ends, pp.end - 1) - 1
            return max(pp.start, ends[k] if k >= 0 else 0), pp.end
    return c.l_start, q.open_pos


def _colon_intro(text: str, cues: Index, q: Quote, lead: tuple[int, int]) -> Candidate | None:
    """ "Lee delivered a blunt message: "..."": a sentence with a subject and a verb
    ending in a colon (``lead``: its range) introduces a claim without a listed cue;
    the subject is the mention, its verb the cue. Without a subject ("From the report:
    "..."") the claim takes the speaker of the claims before."""
    if not text[lead[0] : lead[1]].rstrip().endswith(":"):
        return None
    toks = cues.toks_between(lead[0], lead[1])
    if sum(t.is_word for t in toks) < 2:
        return None
    m = subject_before(text, toks, len(toks) - 1)
    if m is None:
        named = _name_colon(text, toks)
        if named is not None:
            return Candidate(list(q.spans), named.cue, named.mention, "direct", q.para, "")
        if any(t.text == "," for t in toks):
            return None  # "Ana Ruiz, the minister: "..."" is read by the clause rules
        # "From the council's report: "..."": the speaker of the claims before
        return Candidate(list(q.spans), None, None, "direct", q.para, "quote")
    cue = None
    # the subject's verb ("delivered a blunt message:", "has settled on a rule:") is the cue
    after = [t for t in toks if t.start >= m.end and t.is_word]
    verb = next((t for t in after if _verb_form(t)), after[0] if after else None)
    if verb is not None and not verb.is_cap:
        cue = Cue(verb.start, verb.end, verb.low, participle=False)
    return Candidate(list(q.spans), cue, m, "direct", q.para, "")


def _comma_intro(text: str, cues: Index, q: Quote, c: QuoteContext) -> Candidate | None:
    """'The harbour master turned to the crowd, "We are done."': a clause with a subject
    and a verb that is not a listed cue, then a comma and a quoted sentence ending the
    sentence. The first word in a verb form with a subject mention before it is the cue
    ("the sign reads,", "Ann Roe, who chairs the board, put it,"), the subject the
    mention. Titles ('her film, "Deep Water."') and single words are left alone."""
    if not text[c.l_start : q.open_pos].rstrip().endswith(","):
        return None
    if (
        q.last_para != q.para
        or text[q.close_pos - 1] not in ".!?"
        or _ALNUM_RE.search(text, c.r_start, c.r_end)
    ):
        return None
    words = _WORD_RE.findall(" ".join(text[s:e] for s, e in q.spans))
    if len(words) < 2 or not words[0][0].isupper():
        return None
    if all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words):
        return None  # a title in capitals
    toks = cues.toks_between(c.l_start, q.open_pos)
    for k, t in enumerate(toks):
        if k == 0 or not t.is_word or not _verb_form(t):
            continue
        m = mention_before(text, toks, k, 0)
        if m is not None:
            cue = Cue(t.start, t.end, t.low, participle=False)
            return Candidate(list(q.spans), cue, m, "direct", q.para, "")
    return None


_BARE_PAST = frozenset({"put", "read"})


def _verb_form(t: Tok) -> bool:
    """Does ``t`` look like a finite verb ("reads", "delivered", "went", "put")?"""
    return not t.is_cap and (
        _VERB_FORM_RE.fullmatch(t.text) is not None
        or t.low in IRREGULAR_PAST
        or t.low in _BARE_PAST
    )


_WORD_RE = re.compile(r"[\w’'-]+")


# Words before a name that make it an object: "with Lee:", "in Italian:".
_OBJECT_OF = frozenset(
    {"on", "in", "with", "about", "to", "from", "for", "at", "of", "by", "into", "against"}
)


def _name_colon(text: str, toks: list[Tok]) -> Attribution | None:
    """ "... does not surprise pollster Ann Ferro: "..."", "Ann Ferro: 'We Wait'": a
    name right before the colon speaks, and the colon is the cue."""
    colon = toks[-1]
    if colon.text != ":" or len(toks) < 2:
        return None
    m = mention_before(text, toks, len(toks) - 1)
    if m is None or m.form != "name" or m.end != toks[-2].end:
        return None
    start = m.phrase_start if m.phrase_start >= 0 else m.start
    before = [t for t in toks if t.end <= start]
    if before and before[-1].low in _OBJECT_OF:
        return None  # "Then, on the radio: "..."": a place or an addressee, not a speaker
    return Attribution(Cue(colon.start, colon.end, ":", participle=False), m)


def _is_term(text: str, cues: Index, q: Quote, c: QuoteContext) -> bool:
    """A cue-less quote inside a sentence: a quoted term or a title, not a claim."""
    if any(t.is_word for t in cues.toks_between(c.l_start, q.open_pos)):
        return True  # a quoted term inside a sentence: the slogan was "..."
    # a title or term starting a sentence: "The Art of War" was ...
    return text[q.close_pos - 1] not in ".!?…" and any(
        t.is_word for t in cues.toks_between(c.r_start, c.r_end)
    )


def _attributed(text: str, cues: Index, q: Quote, c: QuoteContext, attr: Attribution) -> Candidate:
    left, right = c.left, c.right
    spans = list(q.spans)
    kind = "direct"
    cue = attr.cue
    rel = relative_object(cues, q, c, attr) if attr is left else None
    if rel is not None:
        # 'in what Ruiz called "a triumph," the ...': the pronoun and the quote
        return Candidate([rel, *spans], attr.cue, attr.mention, "mixed", q.para, "")
    if (
        attr is right
        or (left is not None and attr is left and not left.tight)
        or (attr is left and _that_leads(text, cues, attr, q))
        or (attr is left and infinitive_leads(cues, attr, q))
        or (attr is left and _clause_leads(cues, attr, q))
    ):
        mixed = _mixed_spans(text, cues, attr, attr is left, c.l_start, c.r_end, q)
        if mixed is not None:
            spans, kind = mixed, "mixed"
            if attr is left and q.para and text.startswith("against", spans[0][0]):
                # 'cautioned against "a waste" in ...': the word goes with the cue
                cue, spans = against_cue(text, cue, spans)
    elif attr is left and left.tight:
        end = clause_goes_on(text, cues, q, c)
        if end is not None:
            spans, kind = [(q.open_pos, end)], "mixed"
        subject = _subject_of_quote(text, cues, attr, q)
        if subject is not None:
            spans, kind = [(subject, spans[-1][1] if kind == "mixed" else q.close_pos + 1)], "mixed"
    return Candidate(
        spans,
        cue,
        attr.mention,
        kind,
        q.para,
        "" if attr.mention is not None else "cue",
        loose=left is not None and attr is left and not left.tight and kind == "direct",
    )


def _paraphrase_leads(cues: Index, toks: list[Tok], q: Quote) -> bool:
    """Do ``toks`` (between a cue and a quote) start a paraphrase without a cue of its own?"""
    if not toks or not any(t.is_word for t in toks) or toks[0].text in (",", ":"):
        return False
    return not cues.cues_between(toks[0].start, q.open_pos)


def _that_leads(text: str, cues: Index, attr: Attribution, q: Quote) -> bool:
    """'X said that once the session ends, "..."': "that" after the cue opens a
    paraphrase the quote continues (one mixed claim, as a reported clause)."""
    if attr.cue is None or attr.cue.end > q.open_pos:
        return False
    words = [t for t in cues.toks_between(attr.cue.end, q.open_pos) if t.is_word]
    if not words:
        return False
    that = next((i for i, t in enumerate(words) if t.low == "that"), None)
    # 'said in a statement that the steps were "..."', 'said the vote was a sign that
    # "..."': a clause opened after the cue goes on into the quote
    return that == 0 or (that is not None and (that + 1 < len(words) or has_verb(words[:that])))


def _subject_of_quote(text: str, cues: Index, attr: Attribution, q: Quote) -> int | None:
    """'Lee said on Monday he "will sail."', 'wrote on Friday, the mayor "has won."': where
    the subject that a quote opening with its verb goes on from starts, after a phrase
    of time or place following the cue; None when the quote stands alone."""
    if attr.cue is None or attr.cue.end > q.open_pos or len(q.spans) > 1:
        return None
    head = _FIRST_ALPHA_RE.search(text, q.spans[0][0], q.spans[0][1])
    if head is None or not head.group().islower():
        return None
    toks = cues.toks_between(attr.cue.end, q.open_pos)
    while toks and toks[-1].text in ALL_MARKS:
        toks.pop()
    if not toks or not toks[-1].is_word or toks[-1].low == "that":
        return None
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.low in SUBJECT_PRONOUNS and t.low != "it" and len(toks) - i <= 2:
            return t.start  # 'on Monday he "..."', 'on Monday they are "..."'
        if t.text == ",":
            rest = toks[i + 1 :]
            if 1 <= len(rest) <= 5 and (rest[0].low in DETERMINERS or rest[0].is_cap):
                return rest[0].start  # 'in an essay, the mayor "..."'
            return None
    return None


_FIRST_ALPHA_RE = re.compile(r"[^\W\d_]")
_CALL_FORMS = frozenset({"call", "calls", "called", "calling"})
_MAX_NAMED = 8  # words between "called" and the quote: who or what is named


def _naming_call(
    text: str, cues: Index, q: Quote, c: QuoteContext, attr: Attribution
) -> Candidate | None:
    """'Lee said the plan was late and called it "a farce."': "called" right before the
    quote, with what it names between, is the quote's own cue (not the sentence's
    verb of saying); the claim is what is named and the quote."""
    if len(q.spans) > 1 or q.last_para != q.para or attr.mention is None:
        return None
    toks = cues.toks_between(c.l_start, q.open_pos)
    while toks and toks[-1].text in ALL_MARKS:
        toks.pop()
    k = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].low in _CALL_FORMS), None)
    if k is None or k + 1 >= len(toks) or attr.cue is None or attr.cue.start == toks[k].start:
        return None
    named = toks[k + 1 :]
    if len(named) > _MAX_NAMED or not all(t.is_word for t in named):
        return None
    if named[0].low in ("for", "on", "out", "off", "up", "in", "back", "that"):
        return None  # 'called for', 'called on': not a naming
    if attr.mention.start > toks[k].start:
        return None  # the speaker is named after "called"
    m = attr.mention  # 'X said ... and called it'
    if attr.cue.start > toks[k].start:
        m = subject_before(text, toks, k) or m  # 'X praised them, calling them "...," Y said'
    cue = Cue(toks[k].start, toks[k].end, toks[k].low, participle=toks[k].low == "calling")
    end = q.close_pos + 1
    after = cues.toks_between(end, c.r_end)
    while after and not after[-1].is_word:
        after.pop()
    if after and after[0].is_word and not cues.cues_between(end, c.r_end):
        end = after[-1].end  # 'called them "free riders" who live off the port'
    return Candidate([(named[0].start, end)], cue, m, "mixed", q.para, "")


_SUBORDINATORS = frozenset({"because", "if", "when", "while", "although", "since", "unless"})


def _toks_after_cue(cues: Index, attr: Attribution, q: Quote) -> list[Tok]:
    """The tokens between a quote's cue (or the speaker named after it) and the quote's
    opening mark, past the one told ("told reporters he ...")."""
    cue = attr.cue
    assert cue is not None
    start = cue.end
    if attr.mention is not None and attr.mention.start > cue.start:
        start = max(start, attr.mention.end)
    toks = cues.toks_between(start, q.open_pos)
    if cue.word in TELLING:
        toks = toks[addressee_end(toks, 0, cue.word) :]
    return toks


def _clause_leads(cues: Index, attr: Attribution, q: Quote) -> bool:
    """'said the ferry will run again in spring, "once the engine is in."': a reported
    clause opened after the cue (a subject, then a verb) runs to a comma or colon
    before the quote, which goes on with it (one mixed claim)."""
    if attr.cue is None or attr.cue.end > q.open_pos:
        return False
    toks = _toks_after_cue(cues, attr, q)
    while toks and toks[-1].text in ALL_MARKS:
        toks.pop()
    if not toks or toks[-1].text not in (",", ":"):
        return False
    words = [t for t in toks if t.is_word]
    if len(words) < 3 or not toks[0].is_word:
        return False
    first = words[0]
    subject = (
        (first.low in SUBJECT_PRONOUNS and first.low != "it")  # not 'put it best'
        or first.low in _SUBORDINATORS
        or first.low in DETERMINERS
        or (first.is_cap and attr.cue.word not in TELLING)  # not 'told CNN in a ...'
    )
    # the clause's verb comes soon after its subject ("the turmoil was", "Lee had")
    if subject and has_verb(words[1:5]):
        return True
    if first.low == "no" and words[1].low == "matter":
        return True  # 'says no matter what the board decides, "..."'
    # 'said she seldom turns to the board for money, "..."': a pronoun and a verb in -s or -ed
    return first.low in _PERSONAL_SUBJECTS and any(
        not w.is_cap and w.low.endswith(("s", "ed")) for w in words[1:4]
    )


_PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})


_ALNUM_RE = re.compile(r"[^\W_]")  # a letter or digit (``str.isalnum``)
_DASH_NAME_RE = re.compile(
    r"\s*[—–-]{1,2}\s*(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}?)\.?\s*(?:,[^\n]*)?$"
)


def _dash_attr(text: str, q: Quote, end: int, line: bool = False) -> Attribution | None:
    """ ""The harbour will reopen." — Ana Ruiz": a name after a dash ends the paragraph;
    on a ``line`` of its own after the quote's paragraph a surname alone will do."""
    m = _DASH_NAME_RE.match(text, q.close_pos + 1, end)
    if m is None or (not line and " " not in m.group("name")):
        return None
    dash = text.index(next(c for c in text[q.close_pos + 1 : end] if c in "—–-"), q.close_pos)
    s, e = m.start("name"), m.end("name")
    if text[e - 1] == "." and len(text[s:e].split()[-1]) > 2:
        e -= 1  # "- Ana Ruiz." ends a sentence; "- Ana J." keeps the initial's period
    mention = Mention(s, e, text[s:e], "name", "person", phrase_start=s)
    return Attribution(Cue(dash, dash + 1, "—", False), mention, True)


_TITLE_BEFORE = word_list("suggest/title_before.txt")
_TITLE_SMALL = word_list("suggest/title_small.txt")


def _is_title(text: str, q: Quote, para_start: int) -> bool:
    """A show, book or article in quotation marks after a preposition ("on "Meet the
    Press"", "in "The Art of the Deal""): capitalised words, at most eight."""
    if q.last_para != q.para:
        return False
    # A quote opening a sentence is no title ('... of Oregon. "Done," said X').
    i = q.open_pos
    while i > para_start and text[i - 1] in " '":
        i -= 1
    if i > para_start and text[i - 1] in ".!?":
        return False
    # the quote's words first: most quotes are too long, and the word before costs more
    words: list[str] = []
    for w in _TITLE_WORD_RE.finditer(" ".join(text[s:e] for s, e in q.spans)):
        if len(words) == 8:
            return False
        words.append(w.group())
    if not words:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return False
    m = _WORD_BEFORE.search(text, max(para_start, q.open_pos - 40), q.open_pos)
    return m is not None and m.group(1).lower() in _TITLE_BEFORE


_TITLE_WORD_RE = re.compile(r"[\w’'-]+")


# the word before a title, past an owner ("on NBC's "Meet the Press"", "in Fox News'
# "Special Report"") and the first of two opening apostrophes (''Meet the Press'')
_WORD_BEFORE = re.compile(
    r"(\w+)(?:\s+[A-Z][\w.&]*){0,3}?(?:\s+[A-Z][\w.&]*(?:['’]s|s['’]))?\s*'?$"
)


def _mixed_spans(
    text: str,
    cues: Index,
    attr: Attribution,
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
        toks = _toks_after_cue(cues, attr, q)
        that = next((i for i, t in enumerate(toks) if t.low == "that"), None)
        if that is not None and has_verb(toks[:that]):
            that = None  # 'said the vote was a sign that "...": the clause starts earlier
        bare_that = that is not None and not toks[that + 1 :]
        if that is not None:
            toks = toks[that + 1 :]
        # 'said that "..." before ...': the quote opens the clause
        if not bare_that and not _paraphrase_leads(cues, toks, q):
            return None
        end = q.spans[-1][1]
        after = cues.toks_between(q.close_pos + 1, r_end)
        while after and not after[-1].is_word:
            after.pop()
        later = cues.cues_between(q.close_pos + 1, r_end) if after else []
        ext = None
        if later:
            # 'Even as Lee said he opposes "new tolls" in any form, the board argued':
            # the clause runs to the comma before the sentence's next attribution
            ext = _end_before_comma(after, later[0].start)
            if ext is None:
                # '... "would sail" if the board asked him to': the later cue is inside
                # the claim's own subordinate clause
                ext = _subordinate_tail(after)
        elif after and after[0].text not in (".", "!", "?"):
            ext = after[-1].end
            main = _main_clause_start(cues, attr, l_start, r_end, q)
            if main is not None:
                # 'After Lee said the fee is "too high," the board voted ...': the
                # subordinate clause ends at the comma before the main clause
                ext = main if main > q.close_pos else None
        if ext is not None:
            end = ext
        elif bare_that:
            return None
        start = q.open_pos if bare_that else toks[0].start
        spans = [(start, max(end, q.close_pos + 1))]
        if end < q.close_pos:
            spans = [(start, q.close_pos + 1)]
        return spans
    toks = cues.toks_between(l_start, q.open_pos)
    if not toks or not toks[0].is_word or not any(t.is_word for t in toks):
        return None
    if cues.cues_between(l_start, q.open_pos) or toks[-1].text in (
        ":",
        ".",
        "?",
        "!",
        "-",
        "–",
        "—",
    ):
        return None
    if toks[-1].text == "," and len(toks) < 3:
        return None  # 'Yes, "..." she said': a lone word before the comma stays out
    if toks[0].low in ("but", "and", "so", "yet") and len(toks) == 1:
        return None
    if len(q.spans) > 1:
        return None
    if len(toks) > 3 and toks[1].text == "," and toks[0].low in _LINKING_ADVERBS:
        toks = toks[2:]  # 'Still, golf "is ...," he said': the link to the story before
    call = next((i for i in range(len(toks)) if _calls(toks, i)), None)
    if call is not None and call + 1 < len(toks) and toks[call + 1].is_word:
        toks = toks[call + 1 :]  # 'Lee called the plan "a farce," Ruiz said': what is named
    elif len(toks) > 1 and toks[0].is_cap and toks[0].low in _OWN_VERBS_FIRST:
        toks = toks[1:]  # 'Asked whether the pier "is safe," Lee said': the question
    elif _lone_participle(toks):
        return None  # 'Citing "family reasons," Lee said': the participle is the quote's verb
    end = q.close_pos + 1
    if q.glyph == "''" and text[end : end + 1] == "'":
        end += 1  # both apostrophes closing ''A''
    return [(toks[0].start, end)]


_OWN_VERBS_FIRST = frozenset({"asked"})
# words before "call" or "calls" that make it a verb ("and call", "who calls"), not
# the noun of "a phone call"
_BEFORE_CALL_VERB = SUBJECT_PRONOUNS | frozenset({"to", "and", "who", "also", "would", "will"})


def _calls(toks: list[Tok], i: int) -> bool:
    """Is ``toks[i]`` the verb "call" naming what follows ("called the plan", "and
    call it")?"""
    low = toks[i].low
    if low in ("called", "calling"):
        return True
    return low in ("call", "calls") and i > 0 and toks[i - 1].low in _BEFORE_CALL_VERB


def _lone_participle(toks: list[Tok]) -> bool:
    """Is the first of ``toks`` a participle opening the sentence ("Citing",
    "Recalling") with nothing but quotation marks after it?"""
    first = toks[0]
    return (
        first.is_cap
        and first.low.endswith("ing")
        and first.low in PARTICIPLES
        and not any(t.is_word for t in toks[1:])
    )


def _main_clause_start(
    cues: Index, attr: Attribution, l_start: int, r_end: int, q: Quote
) -> int | None:
    """Where the words before the comma that ends a subordinate clause holding the cue
    end ("After Lee said A "B" in May, C": after "May"; "B," inside the quote: its
    closing mark); None when the cue is in the main clause."""
    assert attr.cue is not None
    toks = cues.toks_between(l_start, r_end)
    r = cue_tok_range(toks, attr.cue)
    if r is None:
        return None
    body = toks[r[1] + 1 :]
    x = subordinate_end(toks, r[0], body)
    if x >= len(body):
        return None
    return body[x - 1].end if body[x - 1].end > q.close_pos else q.close_pos + 1


def _end_before_comma(after: list[Tok], cue_start: int) -> int | None:
    """Where the words right after a quote end at the last comma before a later cue
    at ``cue_start``; None when a comma, a sentence end or a joining word ("and",
    "but": a clause of its own) comes first."""
    while after and after[0].text in ALL_MARKS:
        after = after[1:]  # the second apostrophe closing ''A''
    if not after or not after[0].is_word:
        return None
    before = [t for t in after if t.end <= cue_start]
    comma = max((i for i, t in enumerate(before) if t.text == ","), default=0)
    if comma == 0 or not before[comma - 1].is_word:
        return None
    if any(t.low in _JOINING_WORDS or t.text in ";:" for t in before[:comma]):
        return None
    return before[comma - 1].end


# Words opening a subordinate clause that goes on with the claim after its quote.
_TAIL_SUBORDINATORS = frozenset(
    {"if", "because", "when", "after", "before", "unless", "while", "since", "until", "as"}
    | {"though", "although", "even"}
)


def _subordinate_tail(after: list[Tok]) -> int | None:
    """Where the words right after a quote end when they are one subordinate clause to
    the sentence end ('if the board had asked him'), without a comma or a colon; None
    otherwise."""
    while after and after[0].text in ALL_MARKS:
        after = after[1:]  # the second apostrophe closing ''A''
    if not after or not after[0].is_word or after[0].low not in _TAIL_SUBORDINATORS:
        return None
    if any(t.text in ",;:" for t in after):
        return None
    return after[-1].end


_LINKING_ADVERBS = frozenset({"still", "however", "meanwhile", "now", "yet", "so", "but", "and"})


def _attr_left(text: str, index: Index, s: int, e: int) -> Attribution | None:
    cues = index.cues_between(s, e)
    if not cues:
        return None
    toks = index.toks_between(s, e)
    best: Attribution | None = None
    for cue in reversed(cues):
        r = cue_tok_range(toks, cue)
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
                return Attribution(best.cue, m, best.tight)
            return Attribution(cue, m, tight)
        if best is None:
            best = Attribution(cue, None, tight)
    return best


def _is_intro_gap(gap: list[Tok]) -> bool:
    """Between a cue and an opening quote: nothing, ":", "that", or a short adverbial."""
    while gap and gap[-1].text in ALL_MARKS:
        gap = gap[:-1]  # the first of two apostrophes opening ''A''
    words = [t for t in gap if t.is_word]
    if not gap:
        return True
    if gap[-1].text in (":", ",") or (words and words[-1].low == "that"):
        return len(words) <= 14
    if not words:
        return True
    return words[0].low in ADVERBIAL_STARTS and len(words) <= 8 and gap[-1].text not in (".",)


def _last_char(text: str, q: Quote) -> str:
    """The quote's last character before any closing marks of quotes inside it."""
    s, e = q.spans[-1]
    while e > s + 1 and text[e - 1] in ALL_MARKS:
        e -= 1
    return text[e - 1]


def _asks(text: str, q: Quote) -> bool:
    """Does the quote end in a question or an exclamation ('"Why?" she asked ...')?"""
    return _last_char(text, q) in "?!"


def _attr_right(
    text: str, index: Index, s: int, e: int, whole: bool, asked: bool = False
) -> Attribution | None:
    """The attribution after a quote in ``text[s:e]``; ``whole`` when it is the sentence
    after the quote, which then must be short, unless the quote ends in a question or an
    exclamation (``asked``): '"Why?" Lee said of the board in May, when ...' is one
    sentence whatever its length."""
    cues = index.cues_between(s, e)
    if not cues:
        return None
    cue = cues[0]
    toks = index.toks_between(s, e)
    r = cue_tok_range(toks, cue)
    if r is None:
        return None
    k, ke = r
    pre_words = [t for t in toks[:k] if t.is_word]
    if whole:
        if text[s:e].rstrip().endswith(":"):
            return None  # '"A." Berg said: "B."': the colon gives the attribution to B
        post = [t for t in toks[ke + 1 :] if t.is_word]
        too_long = len(post) > _MAX_POST and not (asked and len(pre_words) <= _MAX_POST)
        if too_long or any(t.low == "that" for t in post) or not pre_words:
            return None
        if any(t.low in FINITE_WORDS for t in post):
            return None  # 'X called it "a farce." Y said the plan was sound.': Y's own claim
    if not pre_words:
        m = mention_after(text, toks, ke, len(toks))
        return Attribution(cue, m)
    if cue.according:
        return None
    m = mention_before(text, toks, k, 0)
    start = -1 if m is None else (m.phrase_start if m.phrase_start >= 0 else m.start)
    if m is None or any(
        t.is_word and t.low not in ("and", "but") for t in toks[:k] if t.end <= start
    ):
        named = _name_then_apposition(text, toks, k)
        if named is not None:
            return Attribution(cue, named)
        if (
            not whole
            and _sentence_goes_on(text, s)
            and len(pre_words) <= 12
            # '"...," and said' / '"...," but later told': the quote's own speaker goes on
            and pre_words[0].low not in ("and", "but")
        ):
            # '"...," Peter J. Moss said' or '"...," the senator and candidate said': the
            # phrase before the cue is the speaker even where its start is not read
            return Attribution(cue, m or phrase_before(text, toks, k))
        return None
    return Attribution(cue, m)


def _sentence_goes_on(text: str, quote_end: int) -> bool:
    """Does the quote closing just before ``quote_end`` end in a comma (the sentence
    goes on to its attribution)?"""
    i = quote_end - 1
    while i > 0 and (text[i] in "\"”’'" or text[i].isspace()):
        i -= 1
    return text[i] == ","


def _name_then_apposition(text: str, toks: list[Tok], k: int) -> Mention | None:
    """ "...," Ana Ruiz, now 81 and retired in Porto, said": the name right after the
    quote, then an apposition between commas up to the cue ``toks[k]``."""
    i0 = 0
    while i0 < k and not toks[i0].is_word:
        i0 += 1
    if i0 >= k or toks[k - 1].text != ",":
        return None
    m = mention_after(text, toks, i0 - 1, k)
    if m is None or m.form != "name":
        return None
    if (m.phrase_start if m.phrase_start >= 0 else m.start) != toks[i0].start:
        return None
    after = next((i for i in range(i0, k) if toks[i].start >= m.end), k)
    if after >= k - 1 or toks[after].text != "," or k - after > 20:
        return None
    return m


_OPENING = frozenset(ALL_MARKS) | {" ", "\n", "\t", "(", "[", "\u202a"}


def borrow_cues(
    text: str, ends: list[int], claims: list[Candidate], cues: Index
) -> list[Candidate]:
    """A cue-less quote that opens the sentence right after an attribution goes on
    with it: it joins the claim of that attribution ('Lee said the pier is unsafe. "It
    could fall."'), or takes its cue when the verb has no claim ('Lee agreed. "..."').

    Args:
        text: the article; ``ends``: its sentence ends (sorted offsets).
        claims: every claim found, in reading order; ``cues``: the article's cue index.

    Returns:
        the claims, the joined quotes left out.
    """
    cued = [(c.cue.start, c) for c in claims if c.cue is not None]
    starts = [s for s, _ in cued]
    joined: set[int] = set()
    for c in claims:
        if c.cue is not None or c.inherit != "quote":
            continue
        o = c.spans[0][0]
        while o > 0 and text[o - 1] in _OPENING:
            o -= 1
        k = bisect_right(ends, o) - 1
        if k < 0 or ends[k] != o:
            continue  # the quote does not open a sentence
        if "\n" in text[o : c.spans[0][0]]:
            continue  # a quote opening a paragraph starts afresh
        prev_start = ends[k - 1] if k > 0 else 0
        i = bisect_right(starts, o) - 1
        if i >= 0 and starts[i] >= prev_start:
            d = cued[i][1]
            # a quote whose attribution came before it ('Lee said: "A." "B."') has
            # the sentence to itself; '"A," Lee said at noon. "B."' goes on
            if d.spans[-1][1] <= o and (d.kind == "indirect" or d.cue.start >= d.spans[-1][1]):
                d.spans.extend(c.spans)
                if d.kind == "indirect":
                    d.kind = "mixed"
                joined.add(id(c))
            continue
        own = cues.cues_between(prev_start, o)
        if len(own) == 1:
            c.cue = own[0]
            toks = cues.toks_between(prev_start, o)
            k = next((j for j, t in enumerate(toks) if t.start == c.cue.start), None)
            if k is not None and c.mention is None:
                c.mention = mention_before(text, toks, k, 0)
    return [c for c in claims if id(c) not in joined] if joined else claims


# a closing quotation mark, then a dash set off by spaces: the writer's aside begins
_DASH_AFTER_QUOTE_RE = re.compile(r"[\"”’'] +[—–-] ")


def cut_dash_asides(text: str, claims: list[Candidate]) -> None:
    """End a paraphrase at a dash right after a quoted fragment in it ('said 2016 "is a
    security year" - an issue the party has struggled with'): what follows the dash is
    the writer's aside, not the speaker's words. Changes ``claims`` in place."""
    for c in claims:
        if c.kind == "direct":
            continue  # a dash inside quoted words is the speaker's
        for x, (s, e) in enumerate(c.spans):
            m = _DASH_AFTER_QUOTE_RE.search(text, s, e)
            if m is None or m.start() == s:
                continue
            dash = text[m.end() - 2]
            pair = " " + dash + " "
            if text.find(pair, m.end(), e) >= 0 or text.find(pair, s, m.start()) >= 0:
                continue  # 'A - "aside" - and so on': a pair of dashes sets off an aside
            c.spans[x:] = [(s, m.start() + 1)]
            break

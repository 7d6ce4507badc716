"""How far a quote's claim reaches past its marks, as PolNeAR marks contents: the words
opening its sentence before a mid-sentence attribution, a relative pronoun before the
speaker, the rest of a sentence the quote opens, and the quotes and sentences that go
on with the claim before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...resources import word_list
from .candidates import Attribution, Candidate
from .clause_base import FINITE_WORDS
from .cues import Index
from .lexicon import DETERMINERS, SUBJECT_PRONOUNS
from .quotes import ALL_MARKS, Quote
from .tokens import Tok
from .verbs import FINITE_VERBS

_ALNUM_RE = re.compile(r"[^\W_]")
_CLOSERS_WS = " \t\n\r.!?;'"  # and the first of two apostrophes opening a quote (''A'')


@dataclass
class QuoteContext:
    """Where a quote's attribution is looked for: back to the sentence start
    (``l_start``), forward to the sentence end (``r_start``..``r_end``), never past the
    neighbouring quotes (``r_cap``); and the attributions found on either side."""

    l_start: int
    r_start: int
    r_end: int
    r_cap: int
    left: Attribution | None = None
    right: Attribution | None = None
    right_end: int = -1  # where the attribution after the quote ends


_MAX_LEAD_IN = 8  # words before a quote that continues the claim of the sentence before


def lead_in(
    text: str, cues: Index, q: Quote, c: QuoteContext, prev_right: tuple[Candidate, int, int] | None
) -> int | None:
    """Where a sentence starts that continues the claim attributed just before it with
    a few words and then a quote ending the sentence; None when it does not."""
    if prev_right is None or q.para != prev_right[2] or q.last_para != q.para:
        return None
    if c.l_start >= q.open_pos or not only_closers(text[prev_right[1] : c.l_start]):
        return None
    if text[q.close_pos - 1] not in ".!?" or text[c.r_start : c.r_end].strip(" '\"”’"):
        return None
    toks = cues.toks_between(c.l_start, q.open_pos)
    words = [t for t in toks if t.is_word]
    if not words or len(words) > _MAX_LEAD_IN or any(t.text in ALL_MARKS for t in toks):
        return None
    if cues.cues_between(c.l_start, q.open_pos):
        return None
    return words[0].start


def right_after(text: str, out: list[Candidate], quotes: list[Quote], qi: int) -> bool:
    """Does quote ``qi`` follow the last claim's quote with only a space between, the
    first not ending its sentence?"""
    if not out or qi == 0:
        return False
    prev, q = quotes[qi - 1], quotes[qi]
    if prev.last_para != q.para or out[-1].spans[-1][1] > prev.close_pos:
        return False
    if out[-1].spans[-1][1] < prev.spans[-1][1]:
        return False  # the last claim is not this quote's neighbour
    gap = text[prev.close_pos + 1 : q.open_pos]
    return gap.isspace() and text[prev.close_pos - 1] not in ".!?"


def mixed_goes_on(text: str, cues: Index, last: Candidate, q: Quote, c: QuoteContext) -> int | None:
    """'said the aim is less to "save the pier" than to "build a new one."': where the
    last claim, a paraphrase that stopped right before quote ``q`` of its own sentence,
    ends once it runs on through ``q`` and the words after it (PolNeAR's content is the
    whole sentence after the cue); None when it does not go on."""
    if last.cue is None or last.para != q.para or q.last_para != q.para:
        return None
    end = last.spans[-1][1]
    if end > q.open_pos or text[end - 1] in ".!?":
        return None
    gap = text[end : q.open_pos]
    if last.kind == "direct" and len(last.spans) == 1 and last.cue.end <= last.spans[0][0]:
        # 'says "A" because "B."': the quote after its cue, words, another quote
        if len(gap) > 80 or not _ALNUM_RE.search(gap) or any(ch in ".!?,;\n" for ch in gap):
            return None
        if text[end - 1] in ",;:":
            return None  # '"A," drawing jeers and "B!" chants': the reporter's words
        if cues.cues_between(end, q.open_pos):
            return None
    elif last.kind != "mixed" or gap.strip(" ,"):
        return None  # (a comma between: 'and that, in May, "B."')
    if len(q.spans) > 1 or cues.cues_between(q.close_pos + 1, c.r_end):
        return None
    out = q.close_pos + 1
    after = cues.toks_between(out, c.r_end)
    while after and not after[-1].is_word and after[-1].text not in ALL_MARKS:
        after.pop()
    if after and after[0].text not in (".", "!", "?"):
        out = max(out, after[-1].end)
    return out


_DOUBLE_MARK_RE = re.compile("[\"“”„‟«»]|''")
_MAX_ASIDE = 300  # characters between an attribution's end and the quote it goes on with


def aside_then_quote(
    text: str, cues: Index, q: Quote, prev_right: tuple[Candidate, int, int]
) -> bool:
    """'"A," said Lee, a pilot who ran twice. She lives in Leeds. "B."': the words
    between the last claim's attribution and quote ``q`` in the same paragraph hold no
    cue and no quote, so ``q`` goes on with that claim (PolNeAR's one attribution)."""
    _, end, para = prev_right
    if q.para != para or q.open_pos - end > _MAX_ASIDE or q.open_pos < end:
        return False
    if _DOUBLE_MARK_RE.search(text, end, q.open_pos) is not None:
        return False
    # the aside ends its sentence: the quote opens the next one ('' quotes too)
    if not text[end : q.open_pos].rstrip(" '‘\n").endswith((".", "!", "?", ".)")):
        return False
    if cues.cues_between(end, q.open_pos):
        return False
    # a sentence about someone else by name ("Betsy Lane shook her head.") hands the
    # next quote to that person
    return not any(
        t.is_cap and t.low not in _ASIDE_OPENERS and _starts_sentence(text, end, t.start)
        for t in cues.toks_between(end, q.open_pos)
    )


# Words that open a sentence of an aside without naming anyone new.
_ASIDE_OPENERS = SUBJECT_PRONOUNS | DETERMINERS | frozenset({"but", "and", "in", "at", "on"})


def _starts_sentence(text: str, floor: int, pos: int) -> bool:
    """Is ``pos`` the first word after ``floor`` or after a sentence end?"""
    before = text[floor:pos].rstrip(" (")
    return not before or before[-1] in ".!?"


_NOT_BARE_VERB = DETERMINERS | frozenset({"him", "her", "them", "us", "me", "you", "it"})


def infinitive_leads(cues: Index, attr: Attribution, q: Quote) -> bool:
    """'pledged to make the council "pay for the boats."': does an infinitive with its
    own words run from the cue into the quote (a paraphrase the quote ends, not "said to
    reporters")?"""
    if attr.cue is None or attr.cue.end > q.open_pos:
        return False
    words = [t for t in cues.toks_between(attr.cue.end, q.open_pos) if t.is_word]
    if len(words) < 2 or words[0].low != "to":
        return False
    verb = words[1]
    return (
        not verb.is_cap
        and verb.low not in _NOT_BARE_VERB
        and not verb.low.endswith(("s", "ed", "ing"))
    )


def opens_sentence(text: str, para_start: int, pos: int) -> bool:
    """Does the quote opening at ``pos`` start its paragraph or a sentence (not "the
    boy, wearing a 'Go Team' hat")?"""
    before = text[para_start:pos].rstrip()
    if before.endswith("'") and not before.endswith("''"):
        before = before[:-1].rstrip()  # the first of two apostrophes opening ''A''
    return not before or before[-1] in ".!?…:\"'”’»)"


def only_closers(gap: str) -> bool:
    """Is ``gap`` only sentence-closing punctuation and white space (no-break too)?"""
    return all(ch in _CLOSERS_WS or ch.isspace() for ch in gap)


_FINITE = FINITE_VERBS | FINITE_WORDS
_FIRST_WORD_RE = re.compile(r"\W*(\w+)")
_SCENE_OPENERS = word_list("suggest/scene_openers.txt")
# openings that are the speaker's own framing even though they start like a scene
_DISCOURSE_OPENINGS = (
    "in other words",
    "in fact",
    "in short",
    "in the end",
    "as for",
    "at the same time",
)


# a lone opening word that links the sentence to the story before
_LINKS_TO_BEFORE = frozenset({"still", "however"})


def lead_fragment(
    text: str, cues: Index, q: Quote, c: QuoteContext, attr: Attribution
) -> tuple[tuple[int, int], int] | None:
    """'If the bridge closes, Ruiz said, "the town is cut off."': the words opening the
    sentence before a parenthetical attribution are the claim's first part (PolNeAR
    makes one claim of both parts, as of a quote split by its attribution).

    Returns the first part and where the second starts (the word after the comma
    that closes the attribution: "that" or the quote's own words)."""
    cue, m = attr.cue, attr.mention
    if cue is None or m is None:
        return None
    if cue.according:
        # "In the end, according to the harbour board, "...""
        first, last = cue.start, m.end
    else:
        first = m.phrase_start if m.phrase_start >= 0 else m.start
        last = cue.end
        if first > cue.start:
            return None
    after = cues.toks_between(last, q.open_pos)
    # an addressee or a time may sit between the cue and its comma ("told reporters,")
    comma = next((i for i, t in enumerate(after[:5]) if not t.is_word), None)
    if comma is None or after[comma].text != "," or cues.cues_between(last, q.open_pos):
        return None
    after = after[comma:]
    if not attr.tight and (
        len(after) < 2
        or not after[1].is_word
        or not all(t.is_word or (t.text in ALL_MARKS and t.end >= q.open_pos) for t in after[1:])
    ):
        # 'For most voters, he said, their "trust is gone."': words, then the quote
        return None
    before = cues.toks_between(c.l_start, first)
    if len(before) < 2 or before[-1].text != "," or cues.cues_between(c.l_start, first):
        return None
    words = [t for t in before if t.is_word]
    if not words or any(t.text in ALL_MARKS for t in before):
        return None
    opening = " ".join(t.low for t in words[:3])
    if words[0].low in _SCENE_OPENERS and not opening.startswith(_DISCOURSE_OPENINGS):
        return None  # "In a statement, she said, "..."": the occasion, not the claim
    if words[-1].low == "ago" or (words[-1].low == "later" and words[-2].low != "or"):
        return None  # "Hours later, she said, "...": the time of the quote
    if len(words) == 1 and words[0].low in _LINKS_TO_BEFORE:
        return None  # "Still, he said, "..."": the link to the story before
    if opening.startswith("instead of"):
        return None  # "Instead of calling it a tax, he said, "...""
    rest = after[1].start if len(after) > 1 else q.spans[0][0]
    head = _FIRST_WORD_RE.match(text, rest, q.close_pos)
    first_word = head.group(1) if head is not None else ""
    if words[0].is_cap and words[0].low.endswith("ing") and first_word.lower() not in _FINITE:
        # "Holding up the report, Lee said, "I ..."": what the speaker did, not the
        # subject of the quote's verb ("Waiting, she said, "is the hard part."")
        return None
    finite = any(t.low in _FINITE for t in words)
    if finite and first_word[:1].isupper() and first_word != "I":
        # "Lee will resign, Ruiz said. "He is tired."": a sentence of its own before a
        # new quoted sentence
        return None
    return (words[0].start, before[-2].end), rest


_RELATIVES = frozenset({"what", "which", "whom"})


def relative_object(
    cues: Index, q: Quote, c: QuoteContext, attr: Attribution
) -> tuple[int, int] | None:
    """'what Ruiz called "a triumph"', 'which Lee described as "a disaster"': the
    relative pronoun before the speaker is the quote's other part (PolNeAR's content
    is both)."""
    cue, m = attr.cue, attr.mention
    if cue is None or m is None or m.start > cue.start or len(q.spans) > 1:
        return None
    gap = [t for t in cues.toks_between(cue.end, q.open_pos)]
    if gap and not (len(gap) == 1 and gap[0].low == "as"):
        return None
    first = m.phrase_start if m.phrase_start >= 0 else m.start
    before = cues.toks_between(max(c.l_start, first - 12), first)
    if not before or before[-1].text not in _RELATIVES:
        return None
    return before[-1].start, before[-1].end


# words after a quote ending in a comma that open the reporter's comment on it
_COMMENT_OPENERS = frozenset({"but", "before", "after", "presumably", "apparently"})


def clause_goes_on(text: str, cues: Index, q: Quote, c: QuoteContext) -> int | None:
    """'X said "it will be hard" if he loses': where the sentence a quote opens right
    after its cue goes on past the closing mark (no cue of its own there)."""
    if q.last_para != q.para or len(q.spans) > 1 or c.right is not None:
        return None
    after = cues.toks_between(q.close_pos + 1, c.r_end)
    if after and after[0].text in ALL_MARKS:
        after = after[1:]  # the second apostrophe closing ''A''
    closed = False
    while after and not after[-1].is_word:
        closed = closed or after[-1].text in (".", "!", "?")
        after.pop()
    if not closed or not after or (not after[0].is_word and after[0].text != ","):
        return None
    first = next(t for t in after if t.is_word)
    if first.is_cap or first.low in SUBJECT_PRONOUNS:
        return None  # '"...," he was making a point': a clause of its own
    if text[q.spans[-1][1] - 1] == "," and (
        first.low.endswith("ing") or first.low in _COMMENT_OPENERS
    ):
        # 'vowed, "We will win," referring to the vote': the quoted sentence ends at
        # its comma; the reporter's comment follows
        return None
    if any(t.text in ALL_MARKS for t in after) or cues.cues_between(q.close_pos + 1, c.r_end):
        return None
    return after[-1].end


def has_verb(toks: list[Tok]) -> bool:
    """Do ``toks`` hold a finite verb ("was", "had", "reassured"), so that they are a
    clause rather than an adverbial or an addressee ("in a statement", "reporters")?"""
    return any(
        not t.is_cap and (t.low in _FINITE or (t.low.endswith("ed") and len(t.low) > 4))
        for t in toks
    )

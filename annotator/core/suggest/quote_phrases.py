"""The speaker next to a quotation when the name rules read none: the phrase after the
cue ('"...," said a port veteran') or between the quotation and the cue ('"...," this
source told'), and whether a quotation closes right before a token.
"""

from __future__ import annotations

from .lexicon import AUXILIARIES, CUE_WORDS, DETERMINERS, ORG_HEADS
from .noun_phrases import (
    PREPOSITIONS,
    Mention,
    analyse_run,
    apposition,
    is_name_seg,
    is_name_tok,
    mention_with,
    modifier_word,
    plain_word,
)
from .tokens import Tok
from .verbs import MODALS, skip_aux_back

# marks that close a quotation before its cue ('"...," said a port veteran')
_CLOSING_MARKS = frozenset({",", '"', "”", "’", "'", "»"})
# words that end the phrase naming a speaker after the cue: a clause or a
# description of them opens ("..., who asked not to be named", "familiar with")
AFTER_PHRASE_ENDS = frozenset(
    {"who", "whose", "which", "that", "and", "but", "or", "known", "familiar", "speaking"}
    | {"as", "when", "while", "after", "before", "because", "if", "than", "about"}
)
_PHRASE_STOPS = frozenset({",", ".", ";", ":", "!", "?", "(", "—", "–", "-"}) | _CLOSING_MARKS
_DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
_ONE_WORD_SOURCES = frozenset({"another", "one", "others", "several", "many", "some"})


def phrase_after_quote(text: str, toks: list[Tok], k: int, ceil: int) -> Mention | None:
    """The speaker after the cue of a quotation when the name rules read none ('"...,"
    said a 2008 campaign veteran', "said master of ceremonies Ann Roe", "said one
    sailor familiar with the plans", "tweeted another"): the phrase up to a comma,
    the sentence end or a clause about them; a name ending it is the name."""
    if toks[k].low.endswith("ing"):
        return None  # '"...," adding his own ...': an object follows a participle
    b = toks[k].start
    before = text[max(0, b - 3) : b].rstrip()
    if not before or before[-1] not in _CLOSING_MARKS:
        return None
    j = k + 1
    e = j
    while e < ceil and e - j < 12 and toks[e].text not in _PHRASE_STOPS:
        t = toks[e]
        ends = t.low in AFTER_PHRASE_ENDS or (t.low in PREPOSITIONS and t.low != "of")
        if e > j and not t.is_cap and ends:
            break
        if not t.is_cap and (t.low in AUXILIARIES or t.low in CUE_WORDS or t.low in MODALS):
            return None  # a verb: a clause, not a phrase
        e += 1
    if e == j or (e < ceil and e - j >= 12) or not toks[e - 1].is_word:
        return None
    run = toks[j:e]
    first = run[0]
    if len(run) == 1:
        if first.low not in _ONE_WORD_SOURCES:
            return None
        return Mention(
            first.start, first.end, first.text, "np", "person", None, None, first.low, False
        )
    opener = first.low in DETERMINERS or first.low in _ONE_WORD_SOURCES or first.is_cap
    if not (opener or modifier_word(first) or first.text[0].isdigit()):
        return None
    c = len(run)
    of = next((x for x in range(1, c - 1) if run[x].low == "of" and is_name_tok(run[x - 1])), c)
    if of < c:
        run = run[:of]  # "voter Ana Ruiz of Port Vale": the name before "of"
        c = of
    while c > 0 and (is_name_tok(run[c - 1]) or run[c - 1].text == "."):
        c -= 1
    if c < len(run) and c > 0:
        # "Ruiz's top harbour aide Tom Lee", "master of ceremonies Tom Lee"
        nm = analyse_run(text, run[c:], None)
        if nm is not None and nm.form == "name":
            role = text[run[0].start : run[c - 1].end]
            return mention_with(nm, kind="person", role=nm.role or role, phrase_start=run[0].start)
    last = run[-1]
    if last.is_cap or (not plain_word(last) and not last.low.endswith(("'s", "’s"))):
        return None
    definite = first.low not in ("a", "an", "one", "another")
    a, b = first.start, last.end
    kind = "organisation" if last.low in ORG_HEADS else "person"
    return Mention(a, b, text[a:b], "np", kind, None, None, last.low, definite, a)


def phrase_before(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The speaker written between a quotation and its cue ``toks[k]`` when the name
    rules read none ('"...," this source told', '"...," the tall, 71-year-old harbour
    master said', '"...," Ana Ruiz, the pollster who founded it, tweeted'): the name
    opening it before a comma, else the whole phrase."""
    i = 0
    while i < k and not toks[i].is_word:
        i += 1
    j = skip_aux_back(toks, k - 1, i)
    while j > i and not toks[j].is_word:
        j -= 1
    if j < i or j - i > 12:
        return None
    run = toks[i : j + 1]
    if any(
        not t.is_cap and (t.low in AUXILIARIES or t.low in CUE_WORDS or t.low in MODALS)
        for t in run
    ):
        return None  # a clause of its own
    comma = next((x for x, t in enumerate(run) if t.text == ","), len(run))
    if comma < len(run) and is_name_seg(run[:comma]):
        m = analyse_run(text, run[:comma], None)
        if m is not None and m.form == "name":
            role, aff = apposition(text, run[comma + 1 :])
            return mention_with(
                m, kind="person", role=role or m.role, affiliation=aff or m.affiliation
            )
    if is_name_seg(run):
        m = analyse_run(text, run, None)
        return m if m is not None and m.form == "name" else None
    first, last = run[0], run[-1]
    if not (
        first.low in DETERMINERS or first.low in _ONE_WORD_SOURCES or first.low in _DEMONSTRATIVES
    ):
        return None
    if last.is_cap or not plain_word(last) or last.low in AFTER_PHRASE_ENDS:
        return None
    definite = first.low not in ("a", "an", "one", "another")
    kind = "organisation" if last.low in ORG_HEADS else "person"
    a, b = first.start, last.end
    return Mention(a, b, text[a:b], "np", kind, None, None, last.low, definite, a)


def quote_closes_before(text: str, toks: list[Tok], j: int) -> bool:
    """A quotation closes right before ``toks[j]`` ('"...," I said')."""
    s = toks[j].start
    before = text[max(0, s - 3) : s].rstrip()
    # (a mark glued to the word opens a quotation: "''I don't think")
    return (
        bool(before) and before[-1] in _CLOSING_MARKS and before[-1] != "," and text[s - 1] == " "
    )

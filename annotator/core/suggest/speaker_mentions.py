"""The mention of a cue's speaker where its sentence writes it: before the cue
(``mention_before``; ``subject_before`` for a participle or a second verb;
``relative_before``) or after it (``mention_after``).

The two directions are one module because each calls the other: a passive cue's agent
follows "by" (``mention_before`` asks ``mention_after``), a sentence's first verb may be
a quoted cue with its subject after it (``subject_before`` asks ``mention_after``), and
the rule for a noun phrase without a listed head, which both directions use, may look
back for the subject before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ...resources import word_list
from .lexicon import (
    ABBREVIATIONS,
    AUXILIARIES,
    CUE_WORDS,
    DETERMINERS,
    ORG_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SUBJECT_PRONOUNS,
)
from .noun_phrases import (
    NON_SPEAKER_HEADS,
    PREPOSITIONS,
    Mention,
    analyse_run,
    apposition,
    is_name_seg,
    is_name_tok,
    is_place,
    mention_with,
    modifier_word,
    np_word,
    plain_word,
    run_back,
    run_fwd,
    strip_det_text,
)
from .quote_phrases import AFTER_PHRASE_ENDS, phrase_after_quote, quote_closes_before
from .tokens import Tok, tok_start
from .verbs import BETWEEN_AND, FINITE_VERBS, IRREGULAR_PAST, MODALS, skip_aux_back, verb_like

_APPOS_STARTS = DETERMINERS | {"who", "which", "whose", "speaking", "herself", "himself"}


def mention_before(text: str, toks: list[Tok], k: int, floor: int = 0) -> Mention | None:
    """The subject mention ending just before ``toks[k]`` (the cue), not before ``floor``.

    A place name is never the mention ("... in Tulsa, Oklahoma, arguing that ...").
    """
    if k > floor and toks[k - 1].low in _BE and k < len(toks):
        agent = _passive_agent(text, toks, k, floor)
        if agent is not None:
            return agent
    m = _mention_before(text, toks, k, floor)
    if m is None:
        return None
    if m.form == "np" and m.head in _TIME_HEADS:
        # "Ruiz a month later announced", "Lee, the chairman, this past week said": a
        # time, not a subject; the subject is before it
        p = bisect_left(toks, m.phrase_start, key=tok_start)
        if p <= floor:
            return None  # "The next month, ...": no subject before it
        if toks[p - 1].low not in PREPOSITIONS:
            # (but "the people I met in the past week thought": left as it was)
            return mention_before(text, toks, p, floor)
    if m.text in ("who's", "who’s", "Who's", "Who’s"):
        # "Ann Roe, who's long argued": the relative pronoun of the contraction
        return Mention(m.start, m.start + 3, m.text[:3], "pronoun", "person", phrase_start=m.start)
    if (
        m.form == "name"
        and floor < len(toks)
        and m.start == toks[floor].start
        and _OPENER_RE.match(m.text) is not None  # (cheap tests first: speed)
        and _opener_word(toks, m)
    ):
        # "Having ruled ..., Judge Lee went on", "Reeling off pledges, Lee
        # vowed": the opening word of a participial phrase; its subject follows it
        return _subject_after_opener(text, toks, k)
    if m.form == "np" and k < len(toks) and toks[k].low.endswith("ing"):
        p = bisect_left(toks, m.phrase_start, key=tok_start)
        if (
            p > floor
            and toks[p - 1].is_word
            and not toks[p - 1].is_cap
            and toks[p - 1].low not in ("with", "without")
        ):
            # "X issued a statement saying ...", "X hit back in a column stating
            # ...": the phrase is an object; the sentence's subject speaks (but "with
            # the minister warning that ...": the minister)
            s = subject_before(text, toks, p)
            if s is not None and s.end <= m.start:
                return s
    person = _person_of(text, toks, m, floor)
    if person is not None:
        return person
    if text.startswith("like ", m.phrase_start - 5):  # (a cheap test first: speed)
        p = bisect_left(toks, m.phrase_start, key=tok_start)
        if p - 1 > floor and toks[p - 1].low in ("like", "unlike") and not toks[p - 1].is_cap:
            # "Ruiz runs the port, and like Reyes has argued ...": Ruiz, compared with Reyes
            s = subject_before(text, toks, p - 1)
            if s is not None and s.end <= toks[p - 1].start and not s.text.endswith("ly"):
                return s  # (not an opening adverb: "Hastily ..., much like Lee did")
    ps = m.phrase_start
    if (
        m.form == "np"
        and ps >= 2
        and text[ps - 2].isalpha()
        and text.startswith("the ", ps)
        and text[ps + 4 : ps + 5].islower()
    ):
        # "Lee the optimist thinks": a name with an epithet
        p = bisect_left(toks, ps, key=tok_start)
        if (
            p - 1 >= floor
            and is_name_tok(toks[p - 1])
            and toks[p - 1].low not in AUXILIARIES
            and toks[p - 1].low not in MODALS
        ):
            name = mention_ending(text, toks, p - 1, floor)
            if name is not None and name.form == "name" and not is_place(name):
                return name
    if (
        m.form != "pronoun"
        and ps >= 2
        and text[ps - 2].islower()  # (cheap tests first: speed)
        and text[ps - 1] == " "
        and (
            text[text.rfind(" ", max(0, ps - 16), ps - 1) + 1 : ps - 1] in _MODIFIER_PREPS
            or text.find("who", max(0, ps - 60), ps) >= 0
            or text.find("that", max(0, ps - 60), ps) >= 0
        )
        and not (k < len(toks) and toks[k].low.endswith("ing"))
    ):
        # (a participle's subject is the phrase right before it: "the group seeking")
        outer = _modified_subject(text, toks, m, floor)
        if outer is not None:
            # "councillors at the office who met with the paper": one phrase at a time
            for _ in range(2):
                further = _modified_subject(text, toks, outer, floor)
                if further is None:
                    break
                outer = further
            return outer
    return None if is_place(m) and not _who_follows(toks, m) else m


def _who_follows(toks: list[Tok], m: Mention) -> bool:
    """ ", who" follows ``m``: a person, though named like a place ("Kent, who ...")."""
    i = bisect_left(toks, m.end, key=tok_start)
    return i + 1 < len(toks) and toks[i].text == "," and toks[i + 1].low == "who"


# Prepositions opening a phrase between a subject and its verb ("Lee in a radio
# interview said", "officials at the agency warned")
_MODIFIER_PREPS = frozenset(
    {"in", "at", "on", "during", "from", "via", "through", "over", "under", "to", "for"}
    | {"of", "about", "against", "among", "inside"}
)


_BE = frozenset({"was", "were", "is", "are", "been", "be", "being"})


def _passive_agent(text: str, toks: list[Tok], k: int, floor: int) -> Mention | None:
    """ "Lee was asked by presenter Ann Roe whether ...": the one after "by" speaks."""
    if k >= len(toks) or toks[k].low not in CUE_WORDS:
        return None
    j = k - 1
    if j <= floor or toks[j].low not in _BE:
        return None
    by = next((x for x in range(k + 1, min(len(toks), k + 3)) if toks[x].low == "by"), None)
    if by is None or any(not toks[x].is_word for x in range(k + 1, by)):
        return None
    m = mention_after(text, toks, by, len(toks))
    return m if m is not None and m.form in ("name", "np") else None


# Capitalised words that open a sentence without being a name ("Whenever asked, ...",
# "Absent a defence, ...")
_OPENERS = frozenset({"whenever", "absent", "having", "being", "instead", "despite", "amid"})
_OPENER_RE = re.compile(r"(?:Whenever|Absent|Having|Being|Instead|Despite|Amid|\w+ing)\b")


def _opener_word(toks: list[Tok], m: Mention) -> bool:
    """``m`` is one capitalised word opening the sentence that is no name: a participle
    ("Reeling", "Having") or a word like "Whenever"."""
    first = m.text.split(" ", 1)[0].lower()
    if first in ("having", "being"):
        return True
    if " " in m.text:
        return False
    if first in _OPENERS:
        return True
    if not first.endswith("ing") or len(first) < 6 or toks[0].start != m.start:
        return False
    # "Reeling off pledges": a participle before its particle or object ("Stirling
    # told" is a name before its verb)
    i = bisect_left(toks, m.end, key=tok_start)
    return i < len(toks) and toks[i].is_word and not toks[i].is_cap and not verb_like(toks[i])


def _subject_after_opener(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The subject after the comma that closes an opening phrase holding ``toks[k]``."""
    c = next((i for i in range(k + 1, min(len(toks), k + 30)) if toks[i].text == ","), None)
    if c is None:
        return None
    return _subject_at(text, toks, c + 1, len(toks))


def _modified_subject(text: str, toks: list[Tok], m: Mention, floor: int) -> Mention | None:
    """The subject whose modifier holds ``m``, the mention found before a verb: "Lee in
    a radio interview said" (Lee), "a source speaking to the paper said", "a letter
    obtained by the agency warns", "officials who spoke with the paper said" (the
    officials); None when ``m`` opens the subject."""
    p = bisect_left(toks, m.phrase_start, key=tok_start)
    if p - 2 < floor or m.text.endswith(("'s", "’s")):
        return None  # (a possessor speaks: "the snag in Lee's plans to")
    if text.find(",", m.phrase_start, m.start) >= 0:
        return None  # "the envoy to the UN in Geneva, Chen Li,": a name in apposition
    prev = toks[p - 1]
    if not prev.is_word or prev.is_cap:
        return None
    q = p - 1
    if prev.low in _MODIFIER_PREPS:
        q = p - 2
    r = _relative_start(toks, q, floor)
    if r is not None:
        q = r - 1  # "officials who have praised the plan", "who spoke with the paper"
    elif q == p - 1:
        return None
    elif q - 1 > floor and _participle(toks[q]):
        q -= 1  # "a source speaking to", "a letter obtained by"
    if q < floor or not (toks[q].is_word or toks[q].text == ")"):
        return None
    if prev.low == "of" and toks[q].is_word and not toks[q].is_cap:
        return None  # "the rest of the plan", "many of the voters": one phrase
    outer = mention_ending(text, toks, q, floor)
    if outer is None or outer.end > m.start or is_place(outer):
        return None
    if outer.form == "np" and not (
        outer.head in ROLE_HEADS or outer.head in ORG_HEADS or (outer.head or "").endswith("s")
    ):
        return None  # "a town hall meeting in Vale": not a speaker
    if outer.form == "pronoun" and outer.text.lower() not in SUBJECT_PRONOUNS:
        return None
    if outer.form == "np" and q == p - 2:
        # "most voters in the valley": the phrase with its complement
        return mention_with(outer, end=m.end, text=text[outer.start : m.end])
    return outer


def _relative_start(toks: list[Tok], q: int, floor: int) -> int | None:
    """The index of "who" or "that" opening the relative clause whose verb phrase ends
    at ``toks[q]`` ("who have long praised"), else None."""
    r = q
    while r > floor and q - r <= 6 and toks[r].is_word and not toks[r].is_cap:
        low = toks[r].low
        if low in ("who", "that"):
            if r == q:
                return None
            before = toks[r - 1]
            if before.low in AUXILIARIES or before.low in MODALS:
                return None  # "Did that mean": not a relative pronoun
            if low == "that" and not (before.is_cap or before.low.endswith("s")):
                return None  # "said that", "mean that": not a relative pronoun
            return r
        if low in _SUBORDINATORS or low[0].isdigit():
            return None  # "who won in 2009 when he said": another clause
        r -= 1
    return None


def _participle(t: Tok) -> bool:
    low = t.low
    return (
        t.is_word
        and not t.is_cap
        and (low.endswith(("ing", "ed")) or low in IRREGULAR_PAST)
        and low not in AUXILIARIES
    )


def _person_of(text: str, toks: list[Tok], m: Mention, floor: int) -> Mention | None:
    """ "Ana Ruiz of the conservation group Open Highlands said", "Councillor Ed Kirby of
    Port Vale said": the person named before "of", the group or place as affiliation."""
    if text.find(" of ", max(0, m.start - 60), m.start) < 0:
        return None
    i = bisect_left(toks, m.start, key=tok_start)
    j = i - 1
    while j > floor and i - j <= 4 and toks[j].is_word and not toks[j].is_cap:
        if toks[j].low == "of":
            break
        j -= 1  # "the conservation group"
    if j <= floor or toks[j].low != "of" or not is_name_tok(toks[j - 1]):
        return None
    person = mention_ending(text, toks, j - 1, floor)
    if person is None or person.form != "name" or is_place(person):
        return None
    aff = strip_det_text(text[toks[j + 1].start : m.end])
    return mention_with(person, kind="person", affiliation=person.affiliation or aff)


def _abbreviated_place(text: str, m: Mention) -> bool:
    """ "N.C.", "Del.", "Calif.": a state written short, never a speaker."""
    t = m.text
    if len(t) > 6 or " " in t:
        return False
    if "." in t:
        return _DOTTED_RE.fullmatch(t) is not None
    return m.end < len(text) and text[m.end] == "."


_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")


def _opening_subject(text: str, toks: list[Tok], k: int, floor: int) -> Mention | None:
    """The name or noun phrase opening the sentence before a comma and a participle or
    an apposition ("Lee, speaking at ...,", "The mayor, who ...,")."""
    s0 = floor
    while s0 < k and (toks[s0].low in ("but", "and", "so", "still") or toks[s0].text == ","):
        s0 += 1
    det = toks[s0] if s0 < k and toks[s0].low in ("the", "a", "an") else None
    first = s0 + 1 if det is not None else s0
    e = run_fwd(toks, first, k)
    if e <= first or e + 1 >= k or toks[e].text != ",":
        return None
    nxt = toks[e + 1]
    if nxt.is_cap or not (
        (nxt.low.endswith("ing") and nxt.is_word)
        or nxt.low in ("who", "a", "an", "the")
        or nxt.text.isdigit()  # "Ona Berg, 81, a net mender from ..., supported"
    ):
        return None
    m = analyse_run(text, toks[first:e], det)
    if m is None or m.form not in ("name", "np") or is_place(m):
        return None
    return m


def _mention_before(text: str, toks: list[Tok], k: int, floor: int = 0) -> Mention | None:
    j = skip_aux_back(toks, k - 1, floor)
    while j > floor and (
        toks[j].low in BETWEEN_AND or (toks[j].low.endswith("ly") and not toks[j].is_cap)
    ):
        j -= 1  # "and later said", "and defiantly offered"
    if j < floor:
        return None
    if toks[j].text in _DASHES and j > floor:
        # "Ana Ruiz -- whose husband ran the ferry -- has derided": the one before the
        # parenthesis between dashes
        return _before_dashes(text, toks, j, floor)
    if toks[j].text == ",":
        if k < len(toks) and toks[k].low.endswith("ing") and _said_before(toks, j, floor):
            # "..., a Vale official said, adding ...": the one who said it
            said = mention_before(text, toks, j - 1, floor)
            if said is not None:
                return said
        m = _comma_mention(text, toks, k, j, floor)
        if m is not None and (m.form != "name" or not (is_place(m) or _abbreviated_place(text, m))):
            return m
        # "Lee, talking to dock workers in Camden, N.J., warned": the name opening it
        o = _opening_subject(text, toks, k, floor)
        if o is not None:
            return o
        if m is None and k < len(toks) and toks[k].low.endswith("ing"):
            # '"...," Ruiz said, instead seeking ...': the subject of the clause before
            return subject_before(text, toks, k)
        return m
    return mention_ending(text, toks, j, floor)


_DASHES = frozenset({"—", "–", "-"})


def _before_dashes(text: str, toks: list[Tok], j: int, floor: int) -> Mention | None:
    """The name or noun phrase before a parenthesis between dashes that closes at
    ``toks[j]`` ("Ana Ruiz — who ran the ferry for years — said"), or None."""
    if toks[j].text == "-" and toks[j - 1].text != "-" and toks[j - 1].end == toks[j].start:
        return None  # a hyphen ending a word
    c = j - 1 if toks[j - 1].text == "-" and toks[j].text == "-" else j
    o = c - 1
    while o > floor and toks[o].text not in _DASHES and c - o <= 25:
        if toks[o].text in '.;:!?"“”«»()' and not _abbreviated(toks, o, floor):
            return None
        o -= 1
    if o <= floor or toks[o].text not in _DASHES or o + 1 >= c:
        return None
    if toks[o].text == "-" and toks[o - 1].text == "-":
        o -= 1
    if o <= floor or (toks[o].text == "-" and toks[o].start == toks[o - 1].end):
        return None  # a hyphen inside a word ("Ruiz-Lee")
    m = mention_ending(text, toks, o - 1, floor)
    if m is None or m.form == "pronoun" or is_place(m):
        return None
    return m


def _said_before(toks: list[Tok], j: int, floor: int) -> bool:
    """A past reporting verb comes right before the comma ``toks[j]`` ("X said, adding")."""
    if j - 1 < floor:
        return False
    t = toks[j - 1]
    low = t.low
    return low in CUE_WORDS and not t.is_cap and (low.endswith("ed") or low in IRREGULAR_PAST)


def _comma_mention(text: str, toks: list[Tok], k: int, j: int, floor: int) -> Mention | None:
    """The subject before a comma ``toks[j]`` right before the cue ``toks[k]``: a name
    before an apposition or a parenthesis ("Mao Ning, a spokesperson ..., said")."""
    if j - 1 >= floor and toks[j - 1].text == ")":
        # "Councillor Ana Ruiz (Greens), said"
        m = mention_ending(text, toks, j - 1, floor)
        if m is not None and m.form == "name":
            return m
    c = j - 1
    while c >= floor and toks[c].text != "," and j - c <= 18:
        if toks[c].text in '.;:!?"“”«»' and not _abbreviated(toks, c, floor):
            return None
        c -= 1
    if c < floor or toks[c].text != ",":
        if k < len(toks) and toks[k].low.endswith("ing"):
            # "Mr. Biden, recalling ...": the name before the participle
            m = mention_ending(text, toks, j - 1, floor)
            if m is None or m.form != "name":
                return None
            p = bisect_left(toks, m.phrase_start, key=tok_start)
            if p > floor and toks[p - 1].is_word and not toks[p - 1].is_cap:
                # "X took a shot at Lee, saying ...": Lee is an object, X speaks
                return subject_before(text, toks, k)
            return m
        return None
    seg = toks[c + 1 : j]
    if not seg:
        return None
    if (
        k < len(toks)
        and toks[k].low.endswith("ing")
        and seg[0].low not in _APPOS_STARTS
        and any(verb_like(t) and not t.low.endswith("ly") for t in seg)
    ):
        # "X, an ally, admitted the error as he left, saying ...": a clause, not an
        # apposition; the participle hangs on its subject
        return subject_before(text, toks, k)
    of = next((x for x, t in enumerate(seg) if t.low == "of"), 0)
    if of >= 2 and is_name_seg(seg[:of]):
        # "..., Dara Whit of Liberty Church in Marion, said"
        m = analyse_run(text, seg[:of], None)
        if m is not None and m.form == "name":
            aff = text[seg[of + 1].start : seg[-1].end] if of + 1 < len(seg) else None
            return mention_with(m, kind="person", affiliation=m.affiliation or aff)
    if 0 < of < 4 and of + 1 < len(seg) and all(t.is_cap for t in seg[:of]) and seg[of + 1].is_cap:
        # "Tom Reyes, Liberal of North Vale, said": the name before it
        m = mention_ending(text, toks, c - 1, floor)
        if m is not None and m.form == "name" and not is_place(m):
            aff = text[seg[0].start : seg[-1].end]
            return mention_with(m, kind="person", affiliation=m.affiliation or aff)
    if _PARTY_RE.match(seg[0].text) or (seg[0].low in _PLACE_PREPS and len(seg) > 1):
        # "Sen. Ann Roe, R-Ky., said", "Ann Roe, at the Policy Institute, said"
        m = mention_ending(text, toks, c - 1, floor)
        return m if m is not None and m.form == "name" else None
    if (
        len(seg) > 2
        and " and " in text[seg[0].start : seg[-1].end]
        and all(t.low == "and" or t.text in (",", ".") or is_name_tok(t) for t in seg)
    ):
        # "Two skippers, Ana Ruiz and Tom Reyes, said": the phrase they are named in
        m = mention_ending(text, toks, c - 1, floor)
        return m if m is not None and m.form == "np" else None
    if is_name_seg(seg):
        # "Vanuatu's foreign minister, Daniel Tavoa, said"
        p = next((x for x, t in enumerate(seg) if t.text == "("), len(seg))
        m = analyse_run(text, seg[:p], None)
        if m is None or m.form != "name":
            return None
        s, det = run_back(toks, c - 1, floor)
        npm = analyse_run(text, toks[s:c], det) if s <= c - 1 else None
        if npm is None:
            return m
        role = npm.role or (npm.text if npm.kind == "person" else None)
        aff = npm.affiliation if npm.kind == "person" else strip_det_text(npm.text)
        return mention_with(
            m, role=role, affiliation=aff, kind="person", phrase_start=npm.phrase_start
        )
    if (
        seg[0].low in _APPOS_STARTS
        or (seg[0].low.endswith("ing") and not seg[0].is_cap)  # ", sitting beside him,"
        # ", pastor of the Vale church,", ", professor at Northfield,"
        or (len(seg) > 2 and seg[1].low in ("of", "at", "for") and plain_word(seg[0]))
        or (seg[0].low.endswith(("'s", "’s")) and len(seg) > 1)  # ", Ann's father,"
        or any(t.low in ROLE_HEADS for t in seg)
        or (len(seg) == 1 and seg[0].text.isdigit())  # "Mr Smith, 45, said"
    ):
        # "Mao Ning, a spokesperson for the ministry, said"
        m = mention_ending(text, toks, c - 1, floor)
        if m is None:
            m = _before_party_tag(text, toks, c, floor)
        if m is None or (is_place(m) and seg[0].low != "who"):
            # (a place is no speaker, but "Kent, who used to run the ferry," is one)
            m = _before_parenthesis(text, toks, c, floor)
        if m is None:
            return None
        role, aff = apposition(text, seg)
        if role or aff:
            kind = "person" if (m.form == "name" and role) else m.kind
            m = mention_with(m, kind=kind, role=role or m.role, affiliation=aff or m.affiliation)
        return m
    if _parenthetical(seg):
        # "Judge Ann Roe, in her dissent, said", "Mr. Lee, then 38, said"
        if c - 1 >= floor and toks[c - 1].low == "who":
            t = toks[c - 1]  # "the skippers, who, on Sunday evening, said"
            return Mention(t.start, t.end, t.text, "pronoun", "person", phrase_start=t.start)
        m = mention_ending(text, toks, c - 1, floor)
        if m is None or is_place(m):
            m = _before_parenthesis(text, toks, c, floor)
        return m
    return None


# Words opening a parenthesis between a subject and its verb
_PAREN_STARTS = frozenset(
    {"then", "clad", "like", "including", "meanwhile", "too", "however", "though", "aged"}
    | {"still", "whose", "unlike", "despite", "amid", "once", "long", "not"}
    | {"in", "on", "during", "after", "before", "for", "under", "over", "by", "since"}
)


def _parenthetical(seg: list[Tok]) -> bool:
    """ ", in her dissent,", ", then 38,", ", 33 percent,", ", meanwhile,", ", clearly
    annoyed,": words between a subject and its verb."""
    first = seg[0]
    if first.is_cap or not first.is_word:
        return False
    return (
        first.low in _PAREN_STARTS
        or first.text[0].isdigit()
        or (first.low.endswith("ly") and len(first.low) > 4)
    )


def _before_parenthesis(text: str, toks: list[Tok], c: int, floor: int) -> Mention | None:
    """ "Ann Roe, up against a rival in Vale, a marginal ward, said": the mention
    before the parenthesis that ends at the comma ``toks[c]`` and the one before it."""
    for _ in range(4):  # "X, who was due in Port Vale, Ferryside, on Monday, said"
        b = c - 1
        while b > floor and toks[b].text != "," and c - b <= 18:
            if toks[b].text in '.;:!?"“”«»' and not _abbreviated(toks, b, floor):
                return None
            b -= 1
        if b <= floor or toks[b].text != ",":
            return None
        seg = toks[b + 1 : c]
        if seg and (
            _parenthetical(seg) or seg[0].low in _APPOS_STARTS or seg[0].low.endswith("ing")
        ):
            m = mention_ending(text, toks, b - 1, floor)
            if m is not None and not is_place(m):
                return m
        c = b
    return None


def _before_party_tag(text: str, toks: list[Tok], c: int, floor: int) -> Mention | None:
    """ "Sen. Ann Roe, R-Ky., a candidate, said": the name before the tag that ends
    at the comma ``toks[c]``."""
    b = c - 1
    while b > floor and toks[b].text != "," and c - b <= 6:
        b -= 1
    if b <= floor or toks[b].text != "," or not _PARTY_RE.match(toks[b + 1].text):
        return None
    m = mention_ending(text, toks, b - 1, floor)
    return m if m is not None and m.form == "name" else None


def _abbreviated(toks: list[Tok], c: int, floor: int) -> bool:
    """The period at ``c`` closes "R-Ky." or "Calif.", not a sentence."""
    if toks[c].text != "." or c - 1 < floor:
        return False
    prev = toks[c - 1]
    return prev.end == toks[c].start and (
        _PARTY_RE.match(prev.text) is not None
        or prev.low in ABBREVIATIONS
        or (len(prev.text) == 1 and prev.text.isupper())  # "James B. Comey"
    )


# A party and state after a name ("R-Ky.", "D-N.Y."); prepositions opening an
# apposition that places a person ("at the Policy Institute", "of Clemson University").
_PARTY_RE = re.compile(r"[RDI]-[A-Z]")
_PLACE_PREPS = frozenset({"at", "of", "from", "with"})


def mention_ending(text: str, toks: list[Tok], j: int, floor: int) -> Mention | None:
    """The mention whose last token is ``toks[j]`` (not before ``floor``), or None."""
    if j >= floor and toks[j].text == ")":
        # "Mohammed al-Harbi (محمد الحربي)": skip the parenthesis
        o = j
        while o >= floor and toks[o].text != "(" and j - o < 30:
            o -= 1
        if o < floor or toks[o].text != "(":
            return None
        j = o - 1
    if j < floor:
        return None
    t = toks[j]
    if t.is_word and t.low in SUBJECT_PRONOUNS:
        if t.low in ("we", "i") and not quote_closes_before(text, toks, j):
            return None  # (but '"...," I said': the writer speaks)
        kind = "organisation" if t.low == "it" else "person"
        return Mention(t.start, t.end, t.text, "pronoun", kind, phrase_start=t.start)
    s, det = run_back(toks, j, floor)
    m = analyse_run(text, toks[s : j + 1], det)
    if m is None:
        m = _generic_np(text, toks, j, floor)
    return m


# Words that end a phrase before a verb without being its head.
_NOT_HEADS = frozenset({"and", "but", "or", "nor", "then", "later", "also", "yet", "so"})
_GENERIC_DETS = word_list("suggest/generic_dets.txt")
# a bare plural subject right after these ('"...," federal prosecutors wrote')
_BARE_BEFORE = frozenset({",", "”", '"', "’", "'"})
# "Several candidates, including X, said", "many reporters noted": before a plural head
_QUANTIFIERS = frozenset(
    {"several", "many", "some", "most", "few", "other", "both", "all", "numerous", "these"}
    | {"those", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)


def _generic_np(text: str, toks: list[Tok], j: int, floor: int) -> Mention | None:
    """A noun phrase whose head is not in the word lists: "the coach", "a local farmer",
    "the company's founder" -- a determiner, at most two modifiers, a lower-case head."""
    head = toks[j]
    # "the 52-year-old", "a Lee stand-in": hyphenated heads
    age = head.low.endswith("-year-old") and head.low[:1].isdigit()
    hyphened = (
        "-" in head.text
        and not head.is_cap
        and head.text.replace("-", "").isalpha()
        and j + 1 < len(toks)  # a past verb after it: "a stand-in declared"
        and (toks[j + 1].low.endswith("ed") or toks[j + 1].low in IRREGULAR_PAST)
    )
    if not (age or hyphened) and (not head.is_word or head.is_cap or not plain_word(head)):
        return None
    if head.low in _NOT_HEADS:
        # "X shook her head and said": the subject of the sentence, not "his brow"
        m = subject_before(text, toks, j)
        return m if m is not None and m.start >= toks[floor].start else None
    plural = head.low.endswith("s") or head.low == "percent"
    dets = _GENERIC_DETS | _QUANTIFIERS if plural else _GENERIC_DETS
    d = j - 1
    while d >= floor and j - d <= 3 and toks[d].low not in dets:
        t = toks[d]
        if plural and t.text[0].isdigit() and d == j - 1:
            break  # "14 percent said", "two dozen voters"
        if plural and t.text in _BARE_BEFORE:
            break  # '"...," federal prosecutors wrote'
        if (
            t.low in _NOT_HEADS
            or t.low in _SUBORDINATORS
            or not (t.is_word and (plain_word(t) or np_word(t)))
        ):
            return None
        d -= 1
    if d < floor:
        if not plural or d < floor - 1:
            return None
        d = floor  # a bare plural filling the range: '"...," federal prosecutors wrote'
    elif toks[d].low not in dets:
        bare = toks[d].text in _BARE_BEFORE
        if not plural or not (toks[d].text[0].isdigit() or bare):
            return None
        if bare:
            d += 1  # the phrase starts after the quote or comma
    if d > floor and toks[d - 1].low in PREPOSITIONS and _adverbial_slot(toks, d - 2, floor):
        # "X, who has in the past described", "X, at one point calling": before it
        return _mention_before(text, toks, d - 1, floor)
    det = toks[d]
    definite = det.low not in ("a", "an", "one")
    # a document ("the report") speaks for whoever wrote it: not a person
    kind = "organisation" if head.low in ORG_HEADS or head.low in NON_SPEAKER_HEADS else "person"
    return Mention(
        det.start,
        head.end,
        text[det.start : head.end],
        "np",
        kind,
        head.text if kind == "person" else None,
        None,
        head.low,
        definite,
        det.start,
        None,
    )


def _adverbial_slot(toks: list[Tok], i: int, floor: int) -> bool:
    """A prepositional phrase after ``toks[i]`` is an adverbial ("who has in the past",
    ", at one point"), not part of a noun phrase ("someone in the audience")."""
    if i < floor:
        return True
    t = toks[i]
    return not t.is_word or t.low in AUXILIARIES or t.low in _ADVERBIAL_AFTER


_ADVERBIAL_AFTER = frozenset({"who", "has", "have", "had", "also", "and", "but", "he", "she"})
_SUBORDINATORS = frozenset(
    {"as", "when", "while", "if", "although", "though", "after", "before", "because", "since"}
    | {"once", "whereas", "unless", "until", "where", "whether"}
)


def subject_before(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The subject of the clause a participle cue (", saying ...") or a second verb
    ("... and said") hangs on: the mention before the first finite-looking verb of the
    sentence, after an opening subordinate clause ("As the band struck up, X was greeted
    ... and laughed"); but the subject of a subordinate or relative clause still open
    before the cue ("X spoke as he left the pier, saying", "Ann Roe, who watched it
    and described it") is nearer."""
    if k >= 2 and toks[k - 1].text == "," and _said_before(toks, k - 1, 0):
        # "..., a Vale official said, adding ...": the one who said it
        said = mention_before(text, toks, k - 2, 0)
        if said is not None:
            return said
    if k >= 3 and toks[k - 1].text == "," and toks[k].low.endswith("ing"):
        # "..., harbour officials, fearing a storm, refused": the phrase between the
        # opening phrase's comma and the participle (cheap tests first: speed)
        q = next((i for i in range(max(1, k - 6), k - 2) if toks[i].text == ","), -1)
        if (
            q > 0
            and text.find(",", toks[0].start, toks[q].start) < 0  # the sentence's first
            and not any(verb_like(t) for t in toks[:q])
        ):
            m = _mention_before(text, toks, k - 1, 0)
            if m is not None and m.form == "np":
                p = bisect_left(toks, m.phrase_start, key=tok_start)
                if q < p and all(plain_word(t) for t in toks[q + 1 : p]):
                    a = min(toks[q + 1].start, m.start)  # ("harbour officials")
                    return mention_with(m, start=a, text=text[a : m.end])
    m = _first_subject(text, toks, k)
    return _open_clause_subject(text, toks, k, m) or m


# Words opening a clause whose subject a later participle or "and <verb>" may share
_CLAUSE_OPENERS = frozenset(
    {"when", "as", "while", "because", "after", "before", "since", "if", "although"}
    | {"though", "whereas", "until", "once", "who", "which", "and", "but"}
)


_OPENERS_AND_WHO = _CLAUSE_OPENERS | {"who's", "who’s"}


def _open_clause_subject(
    text: str, toks: list[Tok], k: int, outer: Mention | None
) -> Mention | None:
    """The subject of the nearest subordinate or relative clause after ``outer`` (the
    sentence's subject, if found) that is still open at ``toks[k]`` (no comma and verb
    closes it first), else None."""
    lo = bisect_left(toks, outer.end, key=tok_start) if outer is not None else 0
    for i in range(k - 1, lo, -1):
        t = toks[i]
        if t.text in ('"', "“", "”", ";", ":", "(", ")"):
            return None
        if t.text == "," and i + 1 < k and verb_like(toks[i + 1]):
            return None  # "X, who won, said ...": the relative clause closed
        if (
            t.text == ","
            and i + 2 < k
            and toks[i + 1].low in ("he", "she", "they")
            and verb_like(toks[i + 2])
        ):
            # "When Lee was asked if X would ..., he shrugged and said": the clause's own
            t = toks[i + 1]
            return Mention(t.start, t.end, t.text, "pronoun", "person", phrase_start=t.start)
        if t.low not in _OPENERS_AND_WHO or t.is_cap:
            continue
        if t.low in ("which", *_WHO):
            prev = toks[i - 1]
            if not (
                prev.text in (",", "—", "–", "-") or prev.low in PREPOSITIONS or is_name_tok(prev)
            ):
                continue  # "asked who", "decide which"
            if t.low == "which" and prev.low in PREPOSITIONS:
                m = _subject_at(text, toks, i + 1, k)  # "in which he said"
                if m is not None:
                    return m
                continue
            if i + 1 < k and (verb_like(toks[i + 1]) or t.low in ("who's", "who’s")):
                e = t.start + (3 if t.low in _WHO else len(t.text))
                return Mention(
                    t.start, e, text[t.start : e], "pronoun", "person", phrase_start=t.start
                )
            continue
        m = _subject_at(text, toks, i + 1, k)
        if m is not None and (m.form != "np" or t.low != "as"):
            return m  # ("as the meeting began": a time, not a speaker)
    return None


def _subject_at(text: str, toks: list[Tok], j: int, k: int) -> Mention | None:
    """A subject pronoun or a name at ``toks[j]`` followed by a verb before ``toks[k]``."""
    if j >= k:
        return None
    t = toks[j]
    if t.is_word and t.low in ("he", "she", "they", "it") and j + 1 < k:
        if verb_like(toks[j + 1]):
            kind = "organisation" if t.low == "it" else "person"
            return Mention(t.start, t.end, t.text, "pronoun", kind, phrase_start=t.start)
        return None
    if not (t.is_word and t.is_cap) and t.low not in ("the", "a", "an"):
        return None
    # the first verb within a few words ("Lee in his speech called", "Judge Lee proceeded")
    v = next(
        (
            x
            for x in range(j + 1, min(k, j + 10))
            if verb_like(toks[x])
            and toks[x].low not in _ADVERB_MODALS
            and not toks[x].low.endswith("ly")
        ),
        None,
    )
    if v is None or any(not toks[x].is_word and toks[x].text != "." for x in range(j, v)):
        return None
    m = mention_before(text, toks, v, j)
    if m is None or (m.start != toks[j].start and m.phrase_start != toks[j].start):
        return None
    return m if m.form in ("name", "np") and not is_place(m) else None


# the adverbs among MODALS and BETWEEN_AND (not verbs themselves)
_ADVERB_MODALS = frozenset(
    {"now", "first", "unanimously", "instead", "since", "seldom", "rarely", "ever", "soon"}
    | {"yet", "quickly", "later", "then", "also", "again", "finally", "eventually"}
)


def _first_subject(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The mention before the first finite-looking verb of the sentence (``subject_before``)."""
    first = 1
    lead = 1 if toks and toks[0].low in ("but", "and", "so") and len(toks) > 1 else 0
    if len(toks) > lead and toks[lead].low in _SUBORDINATORS:
        comma = next((i for i in range(lead + 1, k) if toks[i].text == ","), None)
        if comma is not None:
            first = comma + 2
    elif len(toks) > lead and toks[lead].low in PREPOSITIONS:
        # "In a letter sent on Sunday, X ...": a short opening phrase without a verb
        comma = next((i for i in range(lead + 1, min(k, lead + 12)) if toks[i].text == ","), None)
        if comma is not None and not any(
            t.low in FINITE_VERBS
            or t.low in AUXILIARIES
            or t.low in CUE_WORDS
            or t.low in ("he", "she", "they", "it", "we", "i")
            for t in toks[lead + 1 : comma]
        ):
            first = comma + 2
    # '"...," Lee said, referring to ...': not a verb inside the quotation
    closing = next((i for i in range(k - 1, first, -1) if _closes_quote(toks, i)), None)
    if closing is not None:
        first = closing + 1
    relative: Mention | None = None
    for i in range(first, k):
        t = toks[i]
        if not t.is_word or t.is_cap:
            continue
        low = t.low
        if not (
            low.endswith("ed") or low in FINITE_VERBS or low in CUE_WORDS or low in IRREGULAR_PAST
        ):
            continue
        floor = first if closing is not None else 0
        if i - 2 >= floor and toks[i - 1].low == "who" and toks[i - 2].text == ",":
            # "Lee, who said last week that the judge erred, issued ...": the subject is
            # the one before the relative clause, not a subject inside it
            m = mention_before(text, toks, i - 2, floor)
            if m is not None:
                return m
        w = i - 1
        while w > floor and not toks[w].is_cap and (toks[w].low in _BETWEEN or low_ly(toks[w])):
            w -= 1
        if w > floor and toks[w].low in _WHO and toks[w - 1].text != ",":
            # "Lee, the skipper who briefly ran ..., used": a relative clause's verb; its
            # phrase only if no later verb has a subject ("Another skipper who ran ...")
            if relative is None:
                relative = mention_before(text, toks, i, floor)
            continue
        m = mention_before(text, toks, i, floor)
        if m is None and closing is not None and low in CUE_WORDS:
            m = mention_after(text, toks, i, k)  # '"...," said spokesman Ed Kirby, citing'
        if m is not None:
            return m
    if relative is not None:
        return relative
    # "Rubio hit back, saying ...": a name opening the sentence, then a verb we do not list
    s0 = first - 1
    e = run_fwd(toks, s0, k) if 0 <= s0 < k else s0
    if (
        s0 < e < k
        and toks[e].is_word
        and not toks[e].is_cap
        and toks[e].low not in PREPOSITIONS
        and toks[e].low not in DETERMINERS  # "Throughout the winter, ...": no name
    ):
        m = analyse_run(text, toks[s0:e], None)
        if m is not None and m.form == "name" and m.kind == "person" and not is_place(m):
            return m
    if s0 >= 0 and k >= s0 + 3 and toks[k - 1].text == "," and toks[k].low.endswith("ing"):
        # "Mr. Lee, recalling ...", "The Journal, citing ...": the sentence opens with
        # the subject, and the participle follows its comma
        m = mention_ending(text, toks, k - 2, s0)
        if (
            m is not None
            and m.form != "pronoun"
            and (m.phrase_start == toks[s0].start or m.start == toks[s0].start)
            and not is_place(m)
        ):
            return m
    if (
        0 <= s0 < k - 1
        and toks[s0].low in ("he", "she", "it", "they")
        and toks[s0 + 1].is_word
        and not toks[s0 + 1].is_cap
        and not any(t.text in (";", ":") for t in toks[s0:k])
    ):
        # "It goes on to fault ..., saying": a pronoun opening the sentence
        t = toks[s0]
        kind = "organisation" if t.low == "it" else "person"
        return Mention(t.start, t.end, t.text, "pronoun", kind, phrase_start=t.start)
    return None


def low_ly(t: Tok) -> bool:
    """A lower-case adverb in -ly ("briefly")."""
    return t.is_word and t.low.endswith("ly")


def _closes_quote(toks: list[Tok], i: int) -> bool:
    """``toks[i]`` closes a quotation: a quotation mark after the quote's own
    punctuation ('...," said', "...?'' she asked")."""
    t = toks[i].text
    if t not in ('"', "”", "'", "’") or i == 0:
        return False
    prev = toks[i - 1].text
    return prev in (",", ".", "?", "!", "—") or (prev in ("'", "’") and t in ("'", "’"))


# Words between "who" and its verb: "who has long said", "who had also warned".
_BETWEEN = AUXILIARIES | frozenset(
    {"is", "has", "had", "was", "long", "also", "since", "often", "never", "already", "just"}
    | {"first", "later", "then", "now", "still", "even", "once", "both", "ever"}
)


def relative_before(toks: list[Tok], k: int) -> Mention | None:
    """ "Thomas Perez, who has long said ...": the relative pronoun is the source as
    written (it is resolved to the name it refers back to)."""
    j = k - 1
    while j > 0 and not toks[j].is_cap and (toks[j].low in _BETWEEN or toks[j].low.endswith("ly")):
        j -= 1
    if j > 2 and toks[j].text == ",":
        # "X, who, on a call Friday, criticized": a parenthesis after "who"
        c = j - 1
        while c > 0 and toks[c].text != "," and j - c <= 10:
            c -= 1
        if c > 0 and toks[c].text == "," and toks[c - 1].low == "who":
            j = c - 1
    if (
        j > 0
        and toks[j].low in _WHO
        and (toks[j - 1].text in (",", "—", "–", "-") or toks[j - 1].is_word)
    ):
        # "Ann Roe, who has said", "officials who may support", "Roe—who had endorsed",
        # "Roe, who's long argued" (the mention is "who")
        t = toks[j]
        return Mention(t.start, t.start + 3, t.text[:3], "pronoun", "person", phrase_start=t.start)
    return None


_WHO = frozenset({"who", "who's", "who’s"})
# heads of a phrase of time between a subject and its verb ("a month later", "this week")
_TIME_HEADS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years"}
    | {"night", "morning", "afternoon", "evening", "weekend", "decade", "decades"}
)


def mention_after(text: str, toks: list[Tok], k: int, ceil: int) -> Mention | None:
    """The mention right after the cue ``toks[k]`` ("said Mao Ning, a spokesperson ..."),
    never after a participle ('"...," saying the town ...': its object follows)."""
    if toks[k].low.endswith("ing"):
        return None
    m = _mention_after(text, toks, k, ceil)
    if m is None and k > 0 and toks[k].low == "to" and toks[k - 1].low == "according":
        return _according_source(text, toks, k, ceil)
    return None if m is not None and is_place(m) else m


def _according_source(text: str, toks: list[Tok], k: int, ceil: int) -> Mention | None:
    """ "according to early results of exit polls conducted for ...,": a long source
    phrase up to the comma, when the name rules read none."""
    e = k + 1
    while e < ceil and e - k <= 24 and toks[e].text not in (",", ".", ";", ":", "—", "–"):
        e += 1
    if e >= ceil or toks[e].text != "," or e - k < 3 or not toks[k + 1].is_word:
        return None
    last = toks[e - 1]
    if not last.is_word:
        return None
    a, b = toks[k + 1].start, last.end
    head = last.low
    kind = "person" if head in ROLE_HEADS else "organisation"
    definite = toks[k + 1].low not in ("a", "an", "one")
    return Mention(a, b, text[a:b], "np", kind, None, None, head, definite, a)


# Lower-case descriptions of a person between an organisation and a name ("Vale
# Radio anchor Tove Lind") that the role list leaves out
_DESCRIPTIONS = frozenset(
    {"moderator", "host", "anchor", "columnist", "reporter", "correspondent", "analyst"}
    | {"pollster", "strategist", "economist", "professor", "researcher", "executive"}
)


def _head_after_name(t: Tok) -> bool:
    """A lower-case noun after a name that is the phrase's head ("a local Carlo
    supporter"), not a preposition, a relative pronoun or a participle after it."""
    return (
        plain_word(t)
        and t.low not in PREPOSITIONS
        and t.low not in ("who", "which", "that", "whose", "whom", "what", "why", "how")
        and t.low not in _SUBORDINATORS
        and not t.low.endswith("ing")
    )


def _mention_after(text: str, toks: list[Tok], k: int, ceil: int) -> Mention | None:
    j = k + 1
    while j < ceil and toks[j].is_word and toks[j].low in AUXILIARIES and not toks[j].is_cap:
        j += 1
    if j >= ceil:
        return None
    t = toks[j]
    if t.is_word and t.low in SUBJECT_PRONOUNS and t.low not in ("we", "i", "it"):
        return Mention(t.start, t.end, t.text, "pronoun", "person", phrase_start=t.start)
    det = None
    if t.is_word and t.low in DETERMINERS:
        det = t
        j += 1
    i = run_fwd(toks, j, ceil)
    of = next(
        (x for x in range(j + 2, i - 1) if toks[x].low == "of" and is_name_tok(toks[x - 1])), None
    )
    if of is not None and is_name_tok(toks[of - 2]):
        # "said Sen. Ann Roe of Oregon", "said Ann Roe of Liberty Church": the person
        m = analyse_run(text, toks[j:of], det)
        if m is not None and m.form == "name":
            aff = text[toks[of + 1].start : toks[i - 1].end]
            return mention_with(m, kind="person", affiliation=m.affiliation or aff)
    m = analyse_run(text, toks[j:i], det)
    if (
        m is not None
        and m.form == "name"
        and det is None
        and i + 1 < ceil
        and _head_after_name(toks[i])
        and toks[i].low in ROLE_HEADS | _DESCRIPTIONS
        and is_name_tok(toks[i + 1])
    ):
        # "by Vale Radio anchor Tove Lind": the name after the description
        e = run_fwd(toks, i + 1, ceil)
        nm = analyse_run(text, toks[i + 1 : e], None)
        if nm is not None and nm.form == "name":
            m = mention_with(nm, role=toks[i].text, affiliation=m.text, phrase_start=toks[j].start)
            i = e
    place: Tok | None = None
    if m is not None and det is None and is_place(m) and i < ceil and modifier_word(toks[i]):
        # "said Idaho supplement executive Frank Vale": the place describes the person
        place, m, j = toks[j], None, i
    if (
        m is not None
        and m.form == "name"
        and det is not None
        and i < ceil
        and plain_word(toks[i])
        and not toks[i].low.endswith(("ing", "ed", "ly"))
        and (i + 1 == ceil or not toks[i + 1].is_word or toks[i + 1].low in PREPOSITIONS)
    ):
        # "wrote one Carlo supporter": the noun after the name is the head
        g = _generic_np(text, toks, i, j - 1)
        if g is not None:
            m, i = g, i + 1
    if m is None and det is not None:
        # "said the coach", "said a local farmer": the head ends the phrase
        h = j
        # "a former senior port official": the role's qualifiers are not counted
        while h < ceil and h - j < 2 and toks[h].low in ROLE_MODIFIERS:
            h += 1
        j0 = h
        while (
            h < ceil
            and h - j0 < 3
            and toks[h].is_word
            and not toks[h].is_cap
            and toks[h].low not in PREPOSITIONS
            and toks[h].low not in AFTER_PHRASE_ENDS  # ("a sailor familiar with")
        ):
            h += 1
        if h > j and (
            h == ceil
            or not toks[h].is_word
            or toks[h].low in PREPOSITIONS
            or toks[h].low in AFTER_PHRASE_ENDS
        ):
            # "said a longtime adviser to X": the head before the preposition
            m = _generic_np(text, toks, h - 1, j - 1)
            i = h
            if m is not None and h < ceil and toks[h].low in PREPOSITIONS:
                # "a statement from Dunmore Ferries", "an aide to the Ann Roe campaign":
                # the whole phrase when a name follows the preposition ("his best
                # friend at school" stops at the head)
                longer, e = _with_prep_name(text, toks, m, h, ceil)
                if longer is not None:
                    m, i = longer, e
    if m is None:
        # "said retired surgeon Ben Carson", "said the younger Mr. Carson"
        h = j
        while h < ceil and h - j < 3 and modifier_word(toks[h]):
            h += 1
        if j < h < ceil and toks[h].is_cap:
            i = run_fwd(toks, h, ceil)
            nm = analyse_run(text, toks[h:i], None)
            if i < ceil and _head_after_name(toks[i]):
                # "said a local Carlo supporter": the noun after the name is the head
                m = _generic_np(text, toks, i, j - 1 if det is not None else j)
                i += 1
            elif nm is not None and nm.form == "name" and not is_place(nm):
                role = nm.role or text[toks[j].start : toks[h - 1].end]
                first = det or place or toks[j]
                aff = nm.affiliation or (place.text if place is not None else None)
                m = mention_with(
                    nm, kind="person", role=role, affiliation=aff, phrase_start=first.start
                )
            elif nm is not None and nm.form == "np" and nm.kind == "person":
                # "said a prominent party committee member who ..."
                first = det or toks[j]
                e = toks[i - 1].end
                m = mention_with(
                    nm, start=first.start, text=text[first.start : e], phrase_start=first.start
                )
    if m is None:
        return phrase_after_quote(text, toks, k, ceil)
    if i < ceil and toks[i].text == "(":
        while i < ceil and toks[i].text != ")":
            i += 1
        i += 1
    if i < ceil and toks[i].text == ",":
        c = i + 1
        while c < ceil and toks[c].text not in (",", ".", ";", ":", "—", "–") and c - i < 18:
            c += 1
        seg = toks[i + 1 : c]
        if seg and (seg[0].low in _APPOS_STARTS or any(x.low in ROLE_HEADS for x in seg)):
            role, aff = apposition(text, seg)
            if role or aff:
                kind = "person" if (m.form == "name" and role) else m.kind
                m = mention_with(
                    m, kind=kind, role=role or m.role, affiliation=aff or m.affiliation
                )
    return m


def _with_prep_name(
    text: str, toks: list[Tok], m: Mention, h: int, ceil: int
) -> tuple[Mention | None, int]:
    """``m`` ("a longtime adviser") extended through the preposition ``toks[h]`` and
    the name after it ("to Ann Roe"), else None; and the index after the phrase."""
    n = h + 1
    if n < ceil and toks[n].low in DETERMINERS:
        n += 1
    if n >= ceil or not toks[n].is_cap:
        return None, h
    e = run_fwd(toks, n, ceil)
    if e <= n:
        return None, h
    end = toks[e - 1].end
    aff = strip_det_text(text[toks[h + 1].start : end]) if m.kind == "person" else None
    return mention_with(m, end=end, text=text[m.start : end], affiliation=aff), e

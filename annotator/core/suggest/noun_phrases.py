"""Mentions and the noun phrases they are read from.

A *mention* is the speaker as written next to a cue: a proper name without its titles
("Mao Ning"), a pronoun ("she") or a noun phrase ("the Chinese foreign ministry").
``analyse_run`` splits a run of words into name, role and affiliation; ``run_back`` and
``run_fwd`` find where such a run begins and ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...resources import word_list
from .cues import NOT_BEFORE_VERB
from .lexicon import (
    AUXILIARIES,
    CUE_WORDS,
    DETERMINERS,
    HONORIFICS,
    NON_NAME_WORDS,
    ORG_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SUBJECT_PRONOUNS,
)
from .tokens import Tok


@dataclass(unsafe_hash=True, slots=True)  # (not frozen: see ``cues.Cue``)
class Mention:
    start: int
    end: int
    text: str
    form: str  # "name" | "pronoun" | "np"
    kind: str  # "person" | "organisation"
    role: str | None = None
    affiliation: str | None = None
    head: str | None = None  # for noun phrases: the head noun, lower case
    definite: bool = True
    phrase_start: int = -1  # start of the whole phrase, titles and determiner included
    org_hint: str | None = None  # "a ministry spokesperson" -> "ministry"


def mention_with(m: Mention, **kw) -> Mention:
    """A copy of ``m`` with the fields ``kw`` changed."""
    d = {f: getattr(m, f) for f in m.__dataclass_fields__}
    d.update(kw)
    return Mention(**d)


# Heads of noun phrases that are documents or things, never speakers.
NON_SPEAKER_HEADS = word_list("suggest/non_speaker_heads.txt")
PREPOSITIONS = frozenset(
    {"in", "at", "on", "of", "for", "with", "by", "from", "to", "into", "over", "after"}
    | {"before", "during", "under", "about", "against", "without", "through", "since"}
)

PLACES = word_list("suggest/places.txt")


def is_place(m: Mention) -> bool:
    """``m`` is a place name (never a speaker)."""
    return m.form == "name" and " ".join(m.text.split()).lower() in PLACES


_NP_WORDS = ROLE_HEADS | ORG_HEADS | ROLE_MODIFIERS
# The heads of a speaker's noun phrase: roles and organisations
HEADS = ROLE_HEADS | ORG_HEADS
_PREPS = frozenset({"in", "at", "to", "for", "of"})
_PARTICLES = word_list("suggest/particles.txt")
_ADJ_OK = word_list("suggest/adj_ok.txt")


def is_name_tok(t: Tok) -> bool:
    """A capitalised word that can be part of a name: not a possessive, an acronym in
    capitals, a title, a role or its modifier, an organisation head nor a word of
    ``NON_NAME_WORDS``."""
    if not t.is_word or not t.is_cap:
        return False
    low = t.low
    if low.endswith(("'s", "’s")):
        return False  # "Fiji's Losana Rabuka": the possessive is an affiliation
    if low in ROLE_HEADS or low in ORG_HEADS or low in HONORIFICS:
        return False
    if low in ROLE_MODIFIERS or low in NON_NAME_WORDS:
        return False
    return not (t.text.isupper() and len(t.text) > 1 and "." not in t.text)


def _is_acronym(t: Tok) -> bool:
    return t.is_word and t.text.isupper() and len(t.text) > 1


def np_word(t: Tok) -> bool:
    """Can this token sit inside a speaker noun phrase / title run?"""
    if not t.is_word:
        return False
    if t.is_cap:
        return True
    low = t.low
    return low in _NP_WORDS or low in _ADJ_OK or low.endswith(("'s", "’s"))


def run_back(toks: list[Tok], j: int, floor: int) -> tuple[int, Tok | None]:
    """Start index of the title/name/noun-phrase run ending at ``toks[j]``, and its
    determiner (which is not part of the run)."""
    i = j
    while i >= floor and j - i < 14:
        t = toks[i]
        low = t.low
        if low in DETERMINERS:
            if i < j and i - 2 >= floor and toks[i - 1].low in _PREPS and toks[i - 2].low in HEADS:
                i -= 2  # "the embassy in the capital"
                continue
            break
        if low in _PREPS and not t.is_cap:
            if i < j and i - 1 >= floor and toks[i - 1].low in HEADS:
                i -= 1
                continue
            if (
                low == "of"
                and i < j
                and i - 1 >= floor
                and toks[i - 1].is_cap
                and toks[i + 1].is_cap
            ):
                i -= 1
                continue
            break
        if np_word(t):
            if (
                t.is_cap
                and low in NON_NAME_WORDS
                and not (i == j and i - 1 >= floor and is_name_tok(toks[i - 1]))
            ):
                break  # (but "Vale Watch added": a group's name ending in such a word)
            i -= 1
            continue
        if low in _PARTICLES and i < j and toks[i + 1].is_cap:
            i -= 1
            continue
        if t.text == "." and i - 1 >= floor and toks[i - 1].low in HONORIFICS:
            i -= 1
            continue
        if t.text == "." and i - 1 >= floor and _initial_dot(toks, i):
            i -= 1  # "Ana B. Ruiz Jr."
            continue
        if (
            t.text in ("'", "’")
            and i < j
            and i - 1 >= floor
            and toks[i - 1].low.endswith("s")
            and toks[i - 1].end == t.start
        ):
            i -= 1  # "the Steel Producers’ Association"
            continue
        break
    if i >= floor and i < j and toks[j].low in HEADS and toks[i].low not in DETERMINERS:
        # "the housing secretary": one or two plain nouns between determiner and head
        for x in (1, 2):
            d = i - x
            if d < floor:
                break
            mid = toks[d + 1 : i + 1]
            if not all(plain_word(t) for t in mid):
                break
            if toks[d].low in DETERMINERS:
                i = d
                break
    det = toks[i] if i >= floor and toks[i].low in DETERMINERS else None
    return i + 1, det


def _initial_dot(toks: list[Tok], i: int) -> bool:
    """The period ``toks[i]`` closes a middle initial or "Jr" of a name ("Ana B. Ruiz
    Jr.")."""
    prev = toks[i - 1]
    if prev.end != toks[i].start:
        return False
    return (len(prev.text) == 1 and prev.text.isupper()) or prev.low in ("jr", "sr")


def modifier_word(t: Tok) -> bool:
    """A lower-case word of a description before a name ("retired surgeon", "harbour-
    services manager")."""
    if plain_word(t):
        return True
    return t.is_word and not t.is_cap and "-" in t.text and t.text.replace("-", "").isalpha()


def plain_word(t: Tok) -> bool:
    """A lower-case alphabetic word that is no cue form, auxiliary, determiner, pronoun,
    short preposition or word of ``NOT_BEFORE_VERB``."""
    low = t.low
    return (
        t.text.isalpha()
        and not t.is_cap
        and low not in CUE_WORDS
        and low not in AUXILIARIES
        and low not in _PREPS
        and low not in DETERMINERS
        and low not in SUBJECT_PRONOUNS
        and low not in NOT_BEFORE_VERB
    )


def run_fwd(toks: list[Tok], j: int, ceil: int) -> int:
    """End index (exclusive) of the run starting at ``toks[j]``."""
    i = j
    seen_of = False
    while i < ceil and i - j < 14:
        t = toks[i]
        low = t.low
        if np_word(t) and not (t.is_cap and low in NON_NAME_WORDS and i > j):
            i += 1
            continue
        if low in _PREPS and not t.is_cap and i > j and i + 1 < ceil:
            nxt = toks[i + 1]
            if toks[i - 1].low in HEADS or (low == "of" and toks[i - 1].is_cap and nxt.is_cap):
                if nxt.low in DETERMINERS and i + 2 < ceil and np_word(toks[i + 2]):
                    i += 2
                    seen_of = True
                    continue
                if np_word(nxt) and nxt.is_cap:
                    i += 1
                    seen_of = True
                    continue
            break
        if low == "and" and seen_of and i + 1 < ceil and toks[i + 1].is_cap and toks[i - 1].is_cap:
            i += 1
            continue
        if low in _PARTICLES and i + 1 < ceil and toks[i + 1].is_cap:
            i += 1
            continue
        if t.text == "." and i > j and toks[i - 1].low in HONORIFICS:
            i += 1
            continue
        break
    return i


def is_name_seg(seg: list[Tok]) -> bool:
    """``seg`` is a name of at most six words, after any title before it ("Cllr Graham
    Pickering")."""
    words = [t for t in seg if t.text not in ("(", ")")]
    title = max(
        (x for x, t in enumerate(words[:-2]) if t.low in HONORIFICS or t.low in ROLE_HEADS),
        default=-1,
    )
    if title >= 0 and all(
        t.is_cap or t.text == "." or t.low in ROLE_MODIFIERS for t in words[:title]
    ):
        words = words[title + 1 :]  # "Cllr Graham Pickering", "Agriculture Secretary Tom Vilsack"
        if len(words) > 2 and words[0].low == "of" and words[1].is_cap:
            words = words[2:]  # "former Secretary of State Ann Roe"
    while words and words[0].text == ".":
        words = words[1:]
    if not words or len(words) > 6:
        return False
    return is_name_tok(words[-1]) and all(
        is_name_tok(t) or t.low in _PARTICLES or t.text in ("'", "’", ".") for t in words
    )


def _span(text: str, a: Tok, b: Tok) -> tuple[int, int, str]:
    return a.start, b.end, text[a.start : b.end]


def _join(text: str, toks: list[Tok]) -> str | None:
    if not toks:
        return None
    return text[toks[0].start : toks[-1].end]


def strip_det_text(s: str) -> str:
    """``s`` without its opening determiner."""
    first, _, rest = s.partition(" ")
    return rest if rest and first.lower() in DETERMINERS else s


def analyse_run(text: str, run: list[Tok], det: Tok | None) -> Mention | None:
    """Split a run like "Chinese Foreign Ministry spokesperson Mao Ning" into
    affiliation / role / name, or read it as a noun phrase ("the foreign ministry")."""
    while run and run[0].is_cap and run[0].low in NON_NAME_WORDS:
        run = run[1:]
        det = None
    while run and not run[-1].is_word:
        run = run[:-1]
    if not run:
        return None
    phrase_start = det.start if det is not None else run[0].start
    n = len(run)
    m = _prepositional_np(text, run, det, phrase_start)
    if m is not None:
        return m
    # trailing name tokens
    e = n
    while e > 0 and (
        is_name_tok(run[e - 1])
        or _is_cap_connector(run, e - 1)
        or (e < n and e >= 2 and run[e - 1].text == "." and _initial_dot(run, e - 1))
        # "Peter T. King": a surname that is also a title word, after an initial
        or (
            e == n
            and n >= 3
            and run[-1].is_cap
            and run[-2].text == "."
            and _initial_dot(run, n - 2)
        )
    ):
        e -= 1
    if e > 0 and run[e - 1].low in _PARTICLES and e < n:
        e -= 1  # "de Wolf"
    name = run[e:]
    if name:
        prefix = run[:e]
        role, aff = _split_title(text, prefix)
        if det is not None and not prefix and det.low in ("the", "a", "an"):
            # "the Kremlin": an organisation by name
            s, en, t = _span(text, det, name[-1])
            return Mention(s, en, t, "np", "organisation", None, None, name[-1].low, True, s)
        s, en, t = _span(text, name[0], name[-1])
        return Mention(s, en, t, "name", "person", role, aff, phrase_start=phrase_start)
    return _plain_np(text, run, det, phrase_start)


def _prepositional_np(
    text: str, run: list[Tok], det: Tok | None, phrase_start: int
) -> Mention | None:
    """ "the embassy in Oslo", "a spokesperson for the ministry" (not "Secretary of
    State Antony Blinken", a title before a name)."""
    n = len(run)
    p = next(
        (
            x
            for x in range(1, n)
            if run[x].low in _PREPS and not run[x].is_cap and run[x - 1].low in HEADS
        ),
        None,
    )
    if p is None:
        return None
    tail = run[p + 1 :]
    if not (
        run[p].low == "of"
        and len(tail) >= 2
        and tail[0].low not in DETERMINERS
        and is_name_tok(tail[-1])
        and is_name_tok(tail[-2])
    ):
        head = run[p - 1].low
        kind = "person" if head in ROLE_HEADS else "organisation"
        first = det if det is not None else run[0]
        s, e, t = _span(text, first, run[-1])
        org = next((x.low for x in run if x.low in ORG_HEADS), None)
        definite = det is None or det.low not in ("a", "an", "one", "another")
        role = _join(text, run[:p]) if kind == "person" else None
        aff = strip_det_text(_join(text, run[p + 1 :]) or "") or None if kind == "person" else None
        return Mention(s, e, t, "np", kind, role, aff, head, definite, phrase_start, org)
    return None


def _plain_np(text: str, run: list[Tok], det: Tok | None, phrase_start: int) -> Mention | None:
    """No name in the run: an acronym organisation ("NATO said") or a noun phrase with
    a role or organisation head ("the foreign ministry", "a senior official")."""
    # no name: acronym organisation ("NATO said") or noun phrase
    last = run[-1]
    if _is_acronym(last) and (len(run) == 1 or det is None):
        s, en, t = _span(text, run[0], last)
        return Mention(s, en, t, "name", "organisation", phrase_start=phrase_start)
    head = last.low
    if head in ROLE_HEADS:
        kind = "person"
    elif head in ORG_HEADS or last.is_cap:
        kind = "organisation"
    else:
        return None
    if head in HONORIFICS and det is None and len(run) == 1 and last.is_cap:
        return None
    first = det if det is not None else run[0]
    if det is None and len(run) == 1 and not last.is_cap and not head.endswith("s"):
        return None  # bare singular noun: "spokesperson said" is not a mention on its own
    s, en, t = _span(text, first, last)
    definite = det is None or det.low not in ("a", "an", "one", "another")
    role = None
    aff = None
    org = None
    if kind == "person":
        role, aff = _split_title(text, run)
        if aff and aff.endswith(("'s", "’s")):
            aff = aff[:-2]
        org = next((x.low for x in run[:-1] if x.low in ORG_HEADS), None)
    return Mention(s, en, t, "np", kind, role, aff, head, definite, phrase_start, org)


def _is_cap_connector(run: list[Tok], i: int) -> bool:
    return (
        run[i].low in ("bin", "al", "van", "von", "de", "da", "del", "der", "le", "la")
        and i > 0
        and i + 1 < len(run)
        and is_name_tok(run[i - 1])
        and is_name_tok(run[i + 1])
    )


_COURTESY = word_list("suggest/courtesy.txt")


def _split_title(text: str, prefix: list[Tok]) -> tuple[str | None, str | None]:
    """ "Chinese Foreign Ministry spokesperson" -> ("spokesperson", "Chinese Foreign Ministry");
    "US Secretary of State" -> ("Secretary of State", "US")."""
    toks = [t for t in prefix if t.text != "." and t.low not in _COURTESY]
    if not toks:
        return None, None
    heads = [i for i, t in enumerate(toks) if t.low in ROLE_HEADS or t.low in HONORIFICS]
    if not heads:
        aff = _strip_det(toks)
        return None, _join(text, aff)
    h = heads[-1]
    end = h + 1
    if end < len(toks) and toks[end].low == "of":
        end = len(toks)  # "Minister of Foreign Affairs"
    s = h
    while s > 0:
        low = toks[s - 1].low
        if (
            low in ROLE_HEADS
            or low in HONORIFICS
            or low in ROLE_MODIFIERS
            or (low == "of" and s - 2 >= 0 and toks[s - 2].low in ROLE_HEADS)
        ):
            s -= 1
        else:
            break
    role = _join(text, toks[s:end])
    aff = _strip_det(toks[:s])
    return role, _join(text, aff)


def _strip_det(toks: list[Tok]) -> list[Tok]:
    while toks and toks[0].low in DETERMINERS:
        toks = toks[1:]
    while toks and toks[-1].low in ("of", "for", "and", ","):
        toks = toks[:-1]
    return toks


def apposition(text: str, toks: list[Tok]) -> tuple[str | None, str | None]:
    """ ", a spokesperson for the ministry," -> ("spokesperson", "the ministry")."""
    toks = [t for t in toks if t.text not in (",",)]
    if not toks or toks[0].low in ("who", "which", "whose", "speaking", "said"):
        return None, None
    while toks and toks[0].low in DETERMINERS:
        toks = toks[1:]
    split = next(
        (i for i, t in enumerate(toks) if t.low in ("for", "of", "at", "with", "to", "from", "in")),
        None,
    )
    if split is not None:
        before, after = toks[:split], toks[split + 1 :]
        heads = [t for t in before if t.low in ROLE_HEADS]
        if not heads:
            return None, None
        role = _join(text, [t for t in before if not t.is_cap]) or heads[-1].text
        caps = [t for t in before if t.is_cap]
        while after and after[0].low in DETERMINERS:
            after = after[1:]
        aff = _join(text, after) if after else _join(text, caps)
        return role, aff
    heads = [i for i, t in enumerate(toks) if t.low in ROLE_HEADS]
    if not heads:
        return None, None
    h = heads[-1]
    return toks[h].text, (_join(text, toks[:h]) if h > 0 else None)

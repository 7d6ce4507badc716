"""Tokens, reporting cues and speaker mentions around a cue.

A *mention* is the speaker as written next to a cue: a proper name without its titles
("Mao Ning"), a pronoun ("she") or a noun phrase ("the Chinese foreign ministry").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    AMBIGUOUS_CUES,
    AUXILIARIES,
    CUE_WORDS,
    DETERMINERS,
    HONORIFICS,
    NON_NAME_WORDS,
    ORG_HEADS,
    PHRASAL_CUES,
    PHRASAL_PARTICLES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SUBJECT_PRONOUNS,
)

# A token: an acronym with dots (U.S.), a word with inner apostrophes/hyphens, or one
# non-space character.
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-‐]\w+)*|\S")


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)]


_PHRASAL_FIRST = {f: lemma for lemma, forms in PHRASAL_CUES.items() for f in forms}
_CUE_FORMS = sorted(CUE_WORDS | set(_PHRASAL_FIRST), key=len, reverse=True)
_CUE_RE = re.compile(
    r"\b(?:(?P<acc>[Aa]ccording\s+to)|(?P<w>" + "|".join(_CUE_FORMS) + r"))\b(?P<part>\s+\w+)?",
    re.IGNORECASE,
)
_NOT_BEFORE_VERB = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "in",
        "on",
        "for",
        "to",
        "these",
        "those",
        "this",
        "that",
        "such",
        "any",
        "no",
        "member",
        "with",
        "by",
        "and",
        "or",
        "what",
        "whose",
        "from",
        "about",
        "two",
        "three",
        "other",
        "some",
        "many",
        "several",
        "all",
        "nation",
        "island",
    }
)


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    word: str  # lower-case main verb form, or "according to"
    participle: bool

    @property
    def according(self) -> bool:
        return self.word == "according to"


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Reporting cues in ``text[start:end]``, skipping noun uses ("the claims")."""
    out: list[Cue] = []
    for m in _CUE_RE.finditer(text, start, end):
        if m.group("acc"):
            out.append(Cue(m.start(), m.start("acc") + len(m.group("acc")), "according to", False))
            continue
        w = m.group("w")
        low = w.lower()
        cs, ce = m.start("w"), m.end("w")
        part = m.group("part")
        if low in _PHRASAL_FIRST:
            lemma = _PHRASAL_FIRST[low]
            if not part or part.strip().lower() not in PHRASAL_PARTICLES[lemma]:
                continue
            ce = m.end("part")
        if w[0].isupper() and cs > start and low in AMBIGUOUS_CUES:
            continue  # "United States", "Claims Court"
        if low in AMBIGUOUS_CUES or low in _PHRASAL_FIRST:
            prev = _prev_word(text, start, cs)
            if prev is not None and prev.lower() in _NOT_BEFORE_VERB:
                continue
        if w[0].isupper() and low in ("states", "state"):
            continue
        out.append(Cue(cs, ce, low, low.endswith("ing")))
    return out


_PREV_WORD_RE = re.compile(r"(\w+)\W{0,3}$")


def _prev_word(text: str, start: int, pos: int) -> str | None:
    m = _PREV_WORD_RE.search(text, max(start, pos - 40), pos)
    return m.group(1) if m else None


@dataclass(frozen=True)
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


_CONNECTORS = frozenset({"of", "for", "de", "van", "von", "bin", "al", "da", "del", "der", "le"})
_APPOS_STARTS = DETERMINERS | {"who", "which", "whose", "speaking", "said", "herself", "himself"}
_NP_WORDS = ROLE_HEADS | ORG_HEADS | ROLE_MODIFIERS
_ADJ_OK = frozenset(
    {
        "chinese",
        "american",
        "russian",
        "foreign",
        "senior",
        "top",
        "former",
        "local",
        "regional",
        "federal",
        "national",
        "international",
        "european",
        "british",
        "japanese",
        "indian",
        "french",
        "german",
        "military",
        "defence",
        "defense",
        "government",
        "state",
        "official",
        "opposition",
        "ruling",
        "western",
        "eastern",
        "country's",
        "nation's",
        "ministry's",
        "press",
        "news",
        "deputy",
        "chief",
        "high-ranking",
        "anonymous",
        "unnamed",
        "independent",
        "other",
        "two",
        "three",
        "several",
        "some",
        "many",
        "security",
        "foreign-ministry",
        "commerce",
        "trade",
        "finance",
        "health",
        "justice",
        "interior",
        "home",
        "economy",
        "white",
        "us",
        "u.s.",
    }
)


def _is_name_tok(t: Tok) -> bool:
    if not t.is_word or not t.is_cap:
        return False
    low = t.low
    if low in ROLE_HEADS or low in ORG_HEADS or low in HONORIFICS:
        return False
    if low in ROLE_MODIFIERS or low in NON_NAME_WORDS:
        return False
    return not (t.text.isupper() and len(t.text) > 1 and "." not in t.text)


def _is_acronym(t: Tok) -> bool:
    return t.is_word and t.text.isupper() and len(t.text) > 1


def _np_word(t: Tok) -> bool:
    """Can this token sit inside a speaker noun phrase / title run?"""
    if not t.is_word:
        return False
    if t.is_cap:
        return True
    low = t.low
    return low in _NP_WORDS or low in _ADJ_OK or low.endswith(("'s", "’s"))


def mention_before(text: str, toks: list[Tok], k: int, floor: int = 0) -> Mention | None:
    """The subject mention ending just before ``toks[k]`` (the cue), not before ``floor``."""
    j = k - 1
    # auxiliaries and adverbs between subject and verb ("has also said")
    while j >= floor and toks[j].is_word and toks[j].low in AUXILIARIES and not toks[j].is_cap:
        j -= 1
    # "on Tuesday" between subject and verb
    if (
        j - 1 >= floor
        and toks[j].is_cap
        and toks[j].low in NON_NAME_WORDS
        and toks[j - 1].low in ("on", "last", "this")
    ):
        j -= 2
    if j < floor:
        return None
    appos: tuple[int, int] | None = None
    if toks[j].text == ")":
        o = j
        while o >= floor and toks[o].text != "(" and j - o < 8:
            o -= 1
        if o < floor or toks[o].text != "(":
            return None
        j = o - 1
    elif toks[j].text == ",":
        # apposition: "Mao Ning, a spokesperson for the ministry, said"
        c = j - 1
        while c >= floor and toks[c].text != "," and j - c <= 16:
            if toks[c].text in ".;:!?\"“”«»":
                return None
            c -= 1
        if c < floor or toks[c].text != ",":
            return None
        first = toks[c + 1]
        if not (first.low in _APPOS_STARTS or first.low in ROLE_HEADS or _np_word(first)):
            return None
        appos = (c + 1, j)
        j = c - 1
    if j < floor:
        return None
    t = toks[j]
    if t.is_word and t.low in SUBJECT_PRONOUNS:
        if t.low in ("we", "i"):
            return None
        kind = "organisation" if t.low == "it" else "person"
        return Mention(t.start, t.end, t.text, "pronoun", kind)
    # run of title/name/NP words
    i = j
    while i >= floor and j - i < 10:
        ti = toks[i]
        if ti.low in DETERMINERS:
            break
        if _np_word(ti):
            if ti.is_cap and ti.low in NON_NAME_WORDS:
                break
            i -= 1
            continue
        if (
            ti.low in _CONNECTORS
            and i - 1 >= floor
            and toks[i - 1].is_cap
            and i + 1 <= j
            and toks[i + 1].is_cap
        ):
            i -= 1
            continue
        if ti.text in (".",) and i - 1 >= floor and toks[i - 1].low in HONORIFICS:
            i -= 1
            continue
        break
    run = toks[i + 1 : j + 1]
    det: Tok | None = None
    if i >= floor and toks[i].is_word and toks[i].low in DETERMINERS:
        det = toks[i]
    m = _analyse_run(text, run, det)
    if m is not None and appos is not None:
        role, aff = _apposition(text, toks[appos[0] : appos[1]])
        if role or aff:
            m = Mention(
                m.start,
                m.end,
                m.text,
                m.form,
                m.kind if m.form != "name" else "person" if role else m.kind,
                role or m.role,
                aff or m.affiliation,
                m.head,
                m.definite,
            )
    return m


def mention_after(text: str, toks: list[Tok], k: int, ceil: int) -> Mention | None:
    """The mention right after the cue ``toks[k]`` ("said Mao Ning, a spokesperson ...")."""
    j = k + 1
    while j < ceil and toks[j].is_word and toks[j].low in AUXILIARIES and not toks[j].is_cap:
        j += 1
    if j >= ceil:
        return None
    t = toks[j]
    if t.is_word and t.low in SUBJECT_PRONOUNS and t.low not in ("we", "i", "it"):
        return Mention(t.start, t.end, t.text, "pronoun", "person")
    det = None
    if t.is_word and t.low in DETERMINERS:
        det = t
        j += 1
    i = j
    while i < ceil and i - j < 10:
        ti = toks[i]
        if _np_word(ti):
            i += 1
            continue
        if ti.low in _CONNECTORS and i > j and toks[i - 1].is_cap and i + 1 < ceil and toks[i + 1].is_cap:
            i += 1
            continue
        if ti.text == "." and i > j and toks[i - 1].low in HONORIFICS:
            i += 1
            continue
        break
    run = toks[j:i]
    # "said the ministry in a statement": stop NP at a lowercase word after a name
    m = _analyse_run(text, run, det)
    if m is None:
        return None
    if i < ceil and toks[i].text == ",":
        c = i + 1
        while c < ceil and toks[c].text not in (",", ".", ";", ":", "—", "–") and c - i < 16:
            c += 1
        if i + 1 < ceil and toks[i + 1].low in _APPOS_STARTS | ROLE_HEADS:
            role, aff = _apposition(text, toks[i + 1 : c])
            if role or aff:
                m = Mention(
                    m.start,
                    m.end,
                    m.text,
                    m.form,
                    "person" if (m.form == "name" and role) else m.kind,
                    role or m.role,
                    aff or m.affiliation,
                    m.head,
                    m.definite,
                )
    return m


def _span(text: str, a: Tok, b: Tok) -> tuple[int, int, str]:
    return a.start, b.end, text[a.start : b.end]


def _join(text: str, toks: list[Tok]) -> str | None:
    if not toks:
        return None
    return text[toks[0].start : toks[-1].end]


def _analyse_run(text: str, run: list[Tok], det: Tok | None) -> Mention | None:
    """Split a run like "Chinese Foreign Ministry spokesperson Mao Ning" into
    affiliation / role / name, or read it as a noun phrase ("the foreign ministry")."""
    # drop sentence-initial non-name words ("But", "Earlier")
    while run and run[0].is_cap and run[0].low in NON_NAME_WORDS:
        run = run[1:]
        det = None
    if not run:
        return None
    # trailing name tokens
    n = len(run)
    e = n
    while e > 0 and (_is_name_tok(run[e - 1]) or _is_cap_connector(run, e - 1)):
        e -= 1
    name = run[e:]
    while name and not name[0].is_cap:
        name = name[1:]
    if name and not (e == 0 and det is not None and len(name) == 1 and False):
        prefix = run[: n - len(name)]
        role, aff = _split_title(text, prefix)
        if det is not None and not prefix and det.low in ("the", "a", "an"):
            # "the Kremlin", "the Pentagon": organisation by name
            s, en, t = _span(text, det, name[-1])
            return Mention(s, en, t, "np", "organisation", None, None, name[-1].low, True)
        s, en, t = _span(text, name[0], name[-1])
        kind = "person"
        return Mention(s, en, t, "name", kind, role, aff)
    # no name: acronym organisation ("NATO said") or noun phrase
    last = run[-1]
    if _is_acronym(last) and (len(run) == 1 or det is None):
        s, en, t = _span(text, run[0], last)
        return Mention(s, en, t, "name", "organisation", None, None)
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
    if kind == "person":
        role = last.text
        aff = _join(text, run[:-1])
    return Mention(s, en, t, "np", kind, role, aff, head, definite)


def _is_cap_connector(run: list[Tok], i: int) -> bool:
    return (
        run[i].low in ("bin", "al", "van", "von", "de", "da", "del", "der", "le", "la")
        and i > 0
        and i + 1 < len(run)
        and _is_name_tok(run[i - 1])
        and _is_name_tok(run[i + 1])
    )


_COURTESY = frozenset({"mr", "mrs", "ms", "dr", "miss", "mx", "sir", "dame", "prof"})


def _split_title(text: str, prefix: list[Tok]) -> tuple[str | None, str | None]:
    """"Chinese Foreign Ministry spokesperson" -> ("spokesperson", "Chinese Foreign Ministry");
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
        if low in ROLE_HEADS or low in HONORIFICS or low in ROLE_MODIFIERS:
            s -= 1
        elif low == "of" and s - 2 >= 0 and toks[s - 2].low in ROLE_HEADS:
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


def _apposition(text: str, toks: list[Tok]) -> tuple[str | None, str | None]:
    """", a spokesperson for the ministry," -> ("spokesperson", "the ministry")."""
    toks = [t for t in toks if t.text not in (",",)]
    if not toks or toks[0].low in ("who", "which", "whose", "speaking", "said"):
        return None, None
    while toks and toks[0].low in DETERMINERS:
        toks = toks[1:]
    split = next((i for i, t in enumerate(toks) if t.low in ("for", "of", "at", "with", "to", "from", "in")), None)
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

"""People and organisations named in an article, in text order."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

from ...resources import word_list
from ._trie import trie_pattern
from .candidates import Candidate
from .lexicon import (
    CUE_WORDS,
    DETERMINERS,
    HONORIFICS,
    NON_NAME_WORDS,
    ORG_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)
from .noun_phrases import PLACES
from .tokens import word_spots
from .verbs import FINITE_VERBS, IRREGULAR_PAST

_UPPER = "".join(
    sorted({chr(i) for i in range(0x20, 0x2000) if chr(i).isupper() or chr(i).istitle()})
)
# particles glued to a capitalised name ("al-Harbi", "d'Estaing")
_GLUED = ("al", "el", "bin", "ibn", "de", "van", "von", "d")
_CAP = "(?:(?:" + "|".join(_GLUED) + ")[-’'])?[" + re.escape(_UPPER) + r"][\w’'\-]*"
_NAME = _CAP + r"(?:\s+(?:(?:bin|al|van|von|de|da|del|der|le|la)\s+)?" + _CAP + "){1,3}"


def _cased(words: frozenset[str] | set[str]) -> str:
    forms = set()
    for w in words:
        forms |= {w, w.capitalize(), w.upper(), w.title()}
    return trie_pattern(forms)


_ROLE_ALT = _cased(ROLE_HEADS | HONORIFICS)
_ORG_WORDS = ORG_HEADS - {"statement", "side", "state", "house"}
_ORG_ALT = _cased(_ORG_WORDS)
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


def _org_heads(text: str) -> list[re.Match[str]]:
    """The matches of ``_ORG_HEAD_RE`` in ``text``, as ``finditer`` gives them."""
    out = []
    m = _ORG_HEAD_RE.match(text)
    end = m.end() if m is not None else 0
    if m is not None:
        out.append(m)
    # after the start, a head can begin only right after one of these spots
    for q in word_spots(text, _ORG_WORDS):
        pos = q + 1
        if pos >= end and pos and (m := _ORG_HEAD_RE.match(text, pos)) is not None:
            out.append(m)
            end = m.end()
    return out


# white space within a paragraph: a name may wrap to the next line, never to the next
# paragraph (a headline is no part of the name that opens the text under it)
_SP = r"(?:[ \t]|\n(?![ \t]*\n))+"
_UPPER_RE = re.compile("[" + re.escape(_UPPER) + "]")
_GLUED_REACH = max(map(len, _GLUED)) + 1  # "bin-": a glued particle before its capital
_ORG_LEAD_RE = re.compile(
    r"(?<![\w’'\-])(?P<org>(?:" + _CAP + _SP + r"){1,4}(?:[a-z][\w\-]*" + _SP + r"){0,2})$"
)


@dataclass(slots=True)
class Entity:
    pos: int
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    weak: bool = False  # a capitalised pair with no other evidence of being a person
    quoted: bool = False  # named inside a quotation
    reported: bool = False  # named inside a reported claim ("Roe said Lee would ...")
    speaks: bool = False  # the named source of a claim ("..., Roe said.")


# an entity's position, as a sort or bisect key (a C function, not a lambda; speed)
POS = attrgetter("pos")


def _with_modifiers(text: str, start: int, role: str) -> str:
    """ "Minister" preceded by "Foreign" -> "Foreign Minister"."""
    words = text[max(0, start - 40) : start].split()
    k = len(words)
    while k > 0 and len(words) - k < 3 and words[k - 1].lower() in ROLE_MODIFIERS:
        k -= 1
    return " ".join([*words[k:], role])


def strip_det(s: str) -> str:
    first, _, rest = s.partition(" ")
    if rest and first.lower() in DETERMINERS:
        return rest
    return s


def find_entities(text: str, raws: list[Candidate]) -> list[Entity]:
    """People and organisations named in the article, in text order, for resolving
    pronouns, surnames and noun phrases.

    Args:
        text: the article.
        raws: the candidates found so far; their mentions name entities too.
    """
    ents: list[Entity] = []
    # one pass over runs of capitalised words: titled names ("Foreign Minister Wang Yi",
    # "spokesperson Lin Qiao", "minister, Daniel Tavoa,") and plain full names
    # (each run's start and text: most runs are one word, split only when needed; speed)
    runs: list[tuple[int, str]] = [(m.start(), m.group()) for m in _RUN_RE.finditer(text)]
    for start, run in [r for r in runs if " " in r[1]]:
        words = run.split(" ")
        if len(words) == 2:
            first, last = words
            low = last.lower()
            if first.lower() in _NOT_NAME or low in _NOT_NAME or first.endswith(("'s", "’s")):
                continue  # "The Senate", "President Lee", "Lee's Party": no two-word name (speed)
            if (
                # the common "Ana Roe": one name of both words at once (speed)
                low not in _NAME_ENDERS
                and low not in _PARTICLE_WORDS
                and not (len(first) > 1 and first.isupper())
                and not (len(last) > 1 and last.isupper())
                and not last.endswith(("'s", "’s"))
            ):
                pre = _role_before(text, start)
                role = (
                    None
                    if pre is None
                    else _with_modifiers(text, pre.start("role"), pre.group("role"))
                )
                _add_name(text, [(start, first), (start + len(first) + 1, last)], role, ents)
                continue
        _names_in_run(text, start, words, ents)
    _appositive_names(text, ents)
    _organisations(text, ents)
    _from_mentions(text, raws, ents)
    # (each distinct name looked up once; speed)
    places = {n for n in {e.name for e in ents} if " ".join(n.split()).lower() in PLACES}
    if places:
        ents = [e for e in ents if e.name not in places]
    ents.sort(key=POS)
    persons = [e for e in ents if e.kind == "person"]
    _merge_persons(persons)
    _later_mentions(text, persons, runs, ents)
    return ents


def _appositive_names(text: str, ents: list[Entity]) -> None:
    """ "Mao Ning, a spokesperson for ...": the name before a role apposition."""
    for m in _APPOS_TAIL_RE.finditer(text):
        # "Mao Ning, a spokesperson for ..."
        nm = _NAME_END_RE.search(text, max(0, m.start() - 60), m.start())
        if nm is not None:
            words = nm.group("name").split()
            pos = nm.start("name")
            while words and _not_name_word(words[0]):
                pos += len(words.pop(0)) + 1
            k = name_start(words, text)[0]
            pos += sum(len(w) + 1 for w in words[:k])
            words = words[k:]
            if len(words) >= 2 and not any(w.endswith(("'s", "’s")) for w in words):
                ents.append(Entity(pos, " ".join(words), "person", m.group("role"), None))


def _organisations(text: str, ents: list[Entity]) -> None:
    """ "China's foreign ministry", "European Commission": capitalised words before an
    organisation head."""
    for m in _org_heads(text):
        lo = max(0, m.start() - 60)
        before = text[lo : m.start()]
        if before.lower() == before:
            continue  # no capitalised word before the head
        if _UPPER_RE.search("".join(before.rsplit(None, 3)[-3:])) is None:
            # the lead's capitalised words (at most two lower-case ones after them) end
            # right before the head: none among the last three words, no lead (speed)
            continue
        cap = _UPPER_RE.search(text, lo, m.start())
        if cap is None:
            continue  # (none the lead can begin with)
        # (the search from the first capital, or a glued particle before it: the regex
        # would try every position before it in vain; speed)
        lead = _ORG_LEAD_RE.search(text, max(lo, cap.start() - _GLUED_REACH), m.start())
        if lead is None:
            continue
        words = (lead.group("org") + m.group()).split()
        if any(w in _NOT_ORG_WORDS or (w[-2:] == "ed" and w != "armed") for w in words[-3:-1]):
            continue  # "Carter took office", "Trump on the campaign": no organisation
        pos = lead.start("org")
        while words and (words[0].lower() in NON_NAME_WORDS or words[0].lower() in DETERMINERS):
            pos += len(words.pop(0)) + 1
        if len(words) >= 2:
            ents.append(Entity(pos, " ".join(words), "organisation", None, None))


# lower-case words between a name and an organisation head that show a clause or a
# phrase, not the organisation's name ("Lee took office", "Roe on the campaign")
_NOT_ORG_WORDS = DETERMINERS | word_list("suggest/not_org_words.txt")


def _from_mentions(text: str, raws: list[Candidate], ents: list[Entity]) -> None:
    """Full names and definite organisations the candidates' mentions spell out."""
    for r in raws:
        m = r.mention
        if m is None:
            continue
        if m.form == "name" and m.kind == "person" and " " in m.text:
            words = m.text.split(" ")
            if not_a_person(words[0], words[-1]):
                continue
            k, party = name_start(words, text)
            if len(words) - k >= 2:
                pos = m.start + sum(len(w) + 1 for w in words[:k])
                name = " ".join(words[k:])
                ents.append(Entity(pos, name, "person", m.role, m.affiliation or party))
        elif m.form == "name" and (" " in m.text or m.kind == "organisation"):
            ents.append(Entity(m.start, m.text, m.kind, m.role, m.affiliation))
        elif (
            m.form == "np" and m.kind == "organisation" and m.definite and " " in strip_det(m.text)
        ):
            ents.append(Entity(m.start, strip_det(m.text), "organisation", None, None))
        if m.affiliation and any(w.lower() in ORG_HEADS for w in m.affiliation.split()):
            ents.append(Entity(m.start, strip_det(m.affiliation), "organisation", None, None))


def _merge_persons(persons: list[Entity]) -> None:
    """A longer name seen elsewhere wins; role and affiliation carry over between
    entries of the same name; a weak name seen strong is strong."""
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
    info: dict[str, Entity] = {}
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


def _later_mentions(
    text: str, persons: list[Entity], runs: list[tuple[int, str]], ents: list[Entity]
) -> None:
    """Later bare mentions of a known person ("Kovalenko returned to the platform")
    are added to ``ents``, which stays sorted; ``persons`` in text order."""
    by_tok: dict[str, list[tuple[int, Entity]]] = {}
    for e in persons:
        if e.weak:
            continue
        parts = e.name.split()
        for w in {parts[0], parts[-1]}:
            if len(w) > 1 and not _not_name_word(w):
                by_tok.setdefault(w, []).append((e.pos, e))
    if by_tok:
        # (each list in text order already, as ``persons`` are)
        at = {w: [p for p, _ in lst] for w, lst in by_tok.items()}  # (for bisect; speed)
        for pos, w in _occurrences(text, by_tok, runs):
            k = bisect_right(at[w], pos) - 1
            src = by_tok[w][max(k, 0)][1]
            if text[pos - 2 : pos] == ". " and text[pos - 3 : pos - 2] in ("r", "s"):
                src = _titled(text, pos, by_tok[w], max(k, 0)) or src
            ents.append(Entity(pos, src.name, "person", src.role, src.affiliation))
        ents.sort(key=POS)


def _titled(text: str, pos: int, named: list[tuple[int, Entity]], k: int) -> Entity | None:
    """Of the persons bearing the surname at ``pos``, the nearest earlier (else later)
    one whose given name agrees with the title before it ("Mrs. Roe" is Ana Roe, not
    Lee Roe named since), or None when no title or given name tells."""
    title = text[max(0, pos - 5) : pos - 2].rsplit(None, 1)[-1:]
    gender = TITLE_GENDERS.get(title[0]) if title else None
    if gender is None:
        return None
    names = MALE_NAMES if gender == "m" else FEMALE_NAMES
    order = [*range(k, -1, -1), *range(k + 1, len(named))]
    found = next((named[i][1] for i in order if _given(named[i][1]) in names), None)
    if found is None and _given(named[k][1]) in GIVEN_NAMES:
        # "Mrs. Roe" when only Lee Roe is named in full: someone else, named so
        found = Entity(
            pos - len(title[0]) - 2,
            f"{title[0]}. {text[pos:].split(None, 1)[0]}",
            "person",
            None,
            None,
        )
    return found


def _given(e: Entity) -> str:
    return e.name.split(" ", 1)[0].lower()


def _occurrences(
    text: str, words: dict[str, object], runs: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """Where the given capitalised words occur as whole words (in no set order): one
    walk over the runs of capitalised words, and ``str.find`` for the few words no run
    holds whole (not opening with a capital, or with a character no run word has). With
    more than 32 words, the walk alone.

    A whole-word occurrence of a word a run word can be (a capital, then word
    characters, apostrophes and hyphens) is a run word: ``_RUN_RE`` starts a run at
    every capital after no such character, and a run word ends at the first other
    character (speed: the walk instead of a search of the text for each word)."""
    out: list[tuple[int, str]] = []
    walked: set[str] | dict[str, object] = words
    if len(words) <= 32:
        walked = set()
        n = len(text)
        for w in words:
            if _RUN_WORD_RE.fullmatch(w) is not None:
                walked.add(w)
                continue
            pos = text.find(w)
            while pos >= 0:
                end = pos + len(w)
                if (pos == 0 or not _is_word_char(text[pos - 1])) and (
                    end == n or not _is_word_char(text[end])
                ):
                    out.append((pos, w))
                pos = text.find(w, end)
        if not walked:
            return out
    for start, run in runs:
        if " " not in run:
            if run in walked:
                out.append((start, run))
            continue
        pos = start
        for w in run.split(" "):
            if w in walked:
                out.append((pos, w))
            pos += len(w) + 1
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "’'-_"


_PRE_ROLE_RE = re.compile(r"(?<![\w’'\-])(?P<role>" + _ROLE_ALT + r")(?P<comma>\s*,)?\s+$")
_ROLE_LOWS = frozenset(
    f.lower() for w in ROLE_HEADS | HONORIFICS for f in (w, w.capitalize(), w.upper(), w.title())
)  # (the forms ``_cased`` gives, in lower case)
# every form of a role is one word of [\w’'-] ending in a word character: the word
# right before the white space (and a comma) is the only role the search can find
_ROLE_ONE_WORD = all(re.fullmatch(r"[\w’'\-]*\w", w) for w in _ROLE_LOWS)


def _role_before(text: str, start: int) -> re.Match[str] | None:
    """``_PRE_ROLE_RE`` searched in the 40 characters before ``start``; searched only when
    the word before the white space (and a comma) is a role or a title, as a regex
    search that ends at ``start`` tries every position before it (speed)."""
    lo = max(0, start - 40)
    if _ROLE_ONE_WORD:
        j = start
        while j > lo and text[j - 1].isspace():
            j -= 1
        if j == start:
            return None
        if j > lo and text[j - 1] == ",":
            j -= 1
            while j > lo and text[j - 1].isspace():
                j -= 1
        e = j
        while j > lo and (text[j - 1].isalnum() or text[j - 1] in "_’'-"):
            j -= 1
        if text[j:e].lower() not in _ROLE_LOWS:
            return None
    return _PRE_ROLE_RE.search(text, lo, start)


def _names_in_run(text: str, start: int, words: list[str], ents: list[Entity]) -> None:
    """Person names inside a run of capitalised words, with a title when one is there."""
    pos = start
    seg: list[tuple[int, str]] = []
    title_end = -1  # index in ``words`` just after the last role word
    n = len(words)
    for i, w in enumerate([*words, "the"]):  # "the" flushes the last segment
        low = w.lower()
        if seg and (
            low in _PARTICLE_WORDS
            or (len(w) == 2 and w[1] == "." and w[0].isupper() and i + 1 < n)  # an initial
        ):
            seg.append((pos, w))
        elif (
            # _not_name_word and _NAME_ENDERS on the lower-case form at hand (speed)
            i < n
            and low not in _NOT_NAME
            and not (len(w) > 1 and w.isupper())
            and not w.endswith(("'s", "’s"))
            and not (seg and low in _NAME_ENDERS)
        ):
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
                    pre = _role_before(text, start)
                    if pre is not None:
                        role = _with_modifiers(text, pre.start("role"), pre.group("role"))
                _add_name(text, seg, role, ents)
            seg = []
            if low in ROLE_HEADS or low in HONORIFICS:
                title_end = i + 1
        pos += len(w) + 1


def _add_name(text: str, seg: list[tuple[int, str]], role: str | None, ents: list[Entity]) -> None:
    first = seg[0][1]
    last = seg[-1][1].lower()
    if (
        # not_a_person inlined: asked of every capitalised pair (speed)
        last in _PLACE_HEADS
        or first in _PLACE_OPENERS
        or (last[-1:] == "s" and last[:-1] in _PARTY_LABELS)
    ):
        return  # "New York City", "Trump Tower", "Fort Pierce", "Clean Air Act"
    party = None
    low = first.lower()
    if low in GIVEN_NAMES or (len(seg) == 2 and low not in _LEADING and low[-2:] != "ly"):
        k = 0  # (name_start's answer at once for most names; speed)
    else:
        k, party = name_start([w for _, w in seg], text)
    if k:
        seg = seg[k:]  # "Republican Ana Roe", "Entrusting Lee Okafor": the name after
        if len(seg) < 2:
            return
        role = None  # (a title belongs to the words dropped)
    start = seg[0][0]
    end = seg[-1][0] + len(seg[-1][1])
    weak = False
    if seg[-1][1].lower() in _MEDIA_HEADS:
        # "Fox News", "the Harbour Herald": a newspaper or broadcaster
        ents.append(Entity(start, text[start:end], "organisation", None, None))
        return
    before = _word_before(text, start) if role is None else ""
    if before in ORG_HEADS:
        # "the conservation group Open Highlands", "the bank Nordea": an organisation
        ents.append(Entity(start, text[start:end], "organisation", None, None))
        return
    if role is None and not _describes_person(before):
        nxt = _NEXT_WORD_RE.match(text, end)
        weak = _WHO_RE.match(text, end) is None and not (
            nxt is not None
            and (
                nxt.group(1).endswith("ed")
                or nxt.group(1) in FINITE_VERBS
                or nxt.group(1) in IRREGULAR_PAST
                or nxt.group(1) in CUE_WORDS
            )
        )
    ents.append(Entity(start, text[start:end], "person", role, party, weak=weak))


_PLACE_HEADS = word_list("suggest/place_heads.txt")
_MEDIA_HEADS = word_list("suggest/media_heads.txt")
_PLACE_OPENERS = frozenset({"Fort", "Mount", "Lake", "Port", "Great", "Central", "New"})
_PLACE_OPENERS |= {
    f"{side}{end}" for side in ("North", "South", "East", "West") for end in ("", "ern")
}


def not_a_person(first: str, last: str) -> bool:
    """A capitalised name from ``first`` to ``last`` word names a place, building, event,
    law or era ("Trump Tower", "Fort Pierce", "Clean Air Act", "Great Depression"), never
    a person whom "he" or "she" could stand for."""
    low = last.lower()
    return (
        low in _PLACE_HEADS
        or first in _PLACE_OPENERS
        or (low[-1:] == "s" and low[:-1] in _PARTY_LABELS)  # "Vermont Democrats": a group
    )


FEMALE_NAMES = word_list("suggest/given_names_female.txt")
MALE_NAMES = word_list("suggest/given_names_male.txt")
GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES
# the gender a title before a surname tells ("Mrs. Roe"), written without its period
TITLE_GENDERS = {"Mr": "m", "Mrs": "f", "Ms": "f"}
_NAME_OPENERS = word_list("suggest/name_openers.txt")
_PARTY_LABELS = word_list("suggest/party_labels.txt")
_LEADING = _NAME_OPENERS | _PARTY_LABELS
# adverbs a sentence may open with before a name ("Certainly Lee ...", "Clearly Ana Roe")
_ADVERB_END_RE = re.compile(
    r"(?:ally|ously|ently|antly|ately|ively|ainly|arly|ibly|ably|ctly|ghly|ckly|utely|ssly)$"
)


def _opening_word(low: str) -> bool:
    """``low`` (lower case) is a word that opens a sentence before a name but is none
    ("maybe", "neither", "certainly", "nearly")."""
    return low in _NAME_OPENERS or (
        len(low) > 5 and low[-2:] == "ly" and _ADVERB_END_RE.search(low) is not None
    )


def name_start(words: list[str], text: str) -> tuple[int, str | None]:
    """How many leading words of a capitalised run are no part of the person's name, and
    the party label among them ("Republican Ana Roe": 1, "Republican").

    Dropped: a party label, an adverb or an opening word ("Maybe", "Neither") before the
    name, a gerund right before a known given name ("Entrusting Lee Okafor with ..."),
    and capitalised words before a known given name when the article writes the name
    without them too ("Veteran Skipper Lee Okafor ... Lee Okafor"; but "Marta Ann Roe"
    stays whole). A known given name or an initial ends the search.

    Args:
        words: the run's words, in order.
        text: the article.
    """
    n = len(words)
    if n < 2:
        return 0, None
    low = words[0].lower()
    if low in GIVEN_NAMES or (
        # (most names: no word to drop, told at once; speed)
        n == 2 and low not in _LEADING and low[-2:] != "ly"
    ):
        return 0, None
    k = 0
    party = None
    while n - k >= 2:
        w = words[k]
        low = w.lower()
        if low in GIVEN_NAMES or (len(w) == 2 and w[1] == "."):
            break
        if low in _PARTY_LABELS:
            party = party or w
        elif not _opening_word(low):
            j = next((j for j in range(k + 1, n - 1) if words[j].lower() in GIVEN_NAMES), 0)
            if (
                not j
                or not (
                    (j == k + 1 and len(low) > 5 and low.endswith("ing"))  # "Entrusting Lee Roe"
                    or _written_apart(text, " ".join(words[k:]), " ".join(words[j:]))
                )
            ):
                break
            k = j
            continue
        k += 1
    return k, party


def _written_apart(text: str, whole: str, name: str) -> bool:
    """``name`` stands somewhere in ``text`` other than at the end of ``whole``."""
    i = text.find(name)
    while i >= 0:
        if not text.endswith(whole, 0, i + len(name)):
            return True
        i = text.find(name, i + 1)
    return False


def _word_before(text: str, start: int) -> str:
    """The lower-case word right before ``start`` (one space between), else ""."""
    i = start - 1
    if i < 1 or text[i] not in " \t":
        return ""
    j = i
    while j > 0 and text[j - 1].isalpha() and text[j - 1].islower() and i - j < 20:
        j -= 1
    return text[j:i] if j < i and (j == 0 or not text[j - 1].isalnum()) else ""


# "Marine biologist Astrid Myhre", "opposition lawmaker Ana Roe": a lower-case noun
# right before a capitalised pair describes a person
_PERSON_SUFFIXES = ("ist", "er", "or", "ian", "ant", "ent", "man", "woman", "maker")
_FUNCTION_WORDS = frozenset({"after", "under", "over", "other", "never", "whether", "either"})


def _describes_person(word: str) -> bool:
    return len(word) > 4 and word.endswith(_PERSON_SUFFIXES) and word not in _FUNCTION_WORDS


# "Ana Roe, who ...": a relative clause about a person
_WHO_RE = re.compile(r",\s+who\b")
_NEXT_WORD_RE = re.compile(r"[ \t]+(?:has\s+|had\s+|also\s+)?([a-z]+)")


_PARTICLE_WORDS = word_list("suggest/particle_words.txt")
_CAPW = "[" + re.escape(_UPPER) + r"][\w’'\-]*"
# the character class comes first so that ``re`` can skip ahead to capitals quickly; the
# look-behind then checks that the capital starts a word
_RUN_RE = re.compile(
    "["
    + re.escape(_UPPER)
    + r"](?<![\w’'\-].)[\w’'\-]*"
    + r"(?: (?:(?:de|van|von|bin|al|da|del|der|le|la|du|ibn) |[A-Z]\. )?"  # "Paul D. Ryan"
    + _CAPW
    + ")*"
)
# a word a run of capitalised words can hold (its first word or one after a space)
_RUN_WORD_RE = re.compile(_CAPW)
_TITLE_WORDS = ROLE_MODIFIERS | ROLE_HEADS
_NOT_NAME = NON_NAME_WORDS | ROLE_HEADS | ORG_HEADS | HONORIFICS | ROLE_MODIFIERS


# Title-case headlines ("Lee Announces Bill", "Trump's Son Says"): a verb ends the name
_HEADLINE_VERBS = frozenset({"have", "has", "had", "just", "will", "can", "is", "are", "was"})


# a word that ends a name once one has begun: a cue or a headline verb (one look-up; speed)
_NAME_ENDERS = CUE_WORDS | _HEADLINE_VERBS


def _not_name_word(w: str) -> bool:
    return w.lower() in _NOT_NAME or (len(w) > 1 and w.isupper())

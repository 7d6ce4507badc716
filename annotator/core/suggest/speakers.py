"""Speakers: each mention resolved to a full name and matched to known speakers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .candidates import Candidate, n_words
from .entities import (
    FEMALE_NAMES,
    MALE_NAMES,
    POS,
    TITLE_GENDERS,
    Entity,
    find_entities,
    name_start,
    strip_det,
)
from .lexicon import AUXILIARIES, DETERMINERS, HONORIFICS, NON_NAME_WORDS, ORG_HEADS, ROLE_HEADS
from .model import KnownSpeaker, SpanRef, SuggestedClaim, SuggestedSpeaker
from .noun_phrases import NON_SPEAKER_HEADS, PREPOSITIONS, Mention
from .verbs import FINITE_VERBS, IRREGULAR_PAST
from .written_sources import antecedent, noun_cue_subject, present_subject, written_source

_NEIGHBOURS = 200  # entities looked at before (and after) a mention
# a noun phrase's head -> the speaker the first phrase with it resolved to, and its words
_ByHead = dict[str, tuple[SuggestedSpeaker, frozenset[str]]]


_WORD_RE = re.compile(r"\w[\w\-]*")
_SKIPPED_WORDS = DETERMINERS | {"s", "of", "for", "and", "to", "in", "at"}


@lru_cache(maxsize=256)
def _words(s: str | None) -> frozenset[str]:
    """The lower-case words of a role, affiliation or noun phrase that tell it apart
    (no determiners or linking words). Asked again for the same roles and
    affiliations of many entities, mostly in the same article: the last few hundred
    remembered (speed)."""
    if not s:
        return frozenset()
    return frozenset(w for w in _WORD_RE.findall(s.lower()) if w not in _SKIPPED_WORDS)


def resolve(
    text: str, raws: list[Candidate], known_speakers: Sequence[KnownSpeaker]
) -> list[SuggestedClaim]:
    ents = find_entities(text, raws)
    pos_list = [e.pos for e in ents]
    _mark_quoted(ents, pos_list, raws)
    known: dict[str, KnownSpeaker] = {}
    for ks in known_speakers:
        for n in (ks.name, *ks.aliases):
            if n:
                known.setdefault(n.casefold().strip(), ks)
    gender: dict[str, str] = _title_genders(text, ents)
    by_head: _ByHead = {}
    out: list[SuggestedClaim] = []
    # ("A: ..." in an interview transcript; inlined: asked of every candidate; speed)
    answers = any(
        r.mention is not None and r.mention.text == "A" and r.mention.form == "name" for r in raws
    )
    interviewee = _interviewee(ents) if answers else None
    last_speaker: SuggestedSpeaker | None = None
    last_para = -10
    last_mention: Mention | None = None
    for r in raws:
        speaker: SuggestedSpeaker | None = None
        if r.mention is not None and _no_subject(r.mention.text):
            r = replace(r, mention=None)  # "..., and on Friday vowed": no subject written
        mention = r.mention
        if r.mention is not None:
            speaker = _speaker_for(
                r.mention, ents, pos_list, known, gender, by_head, interviewee, text
            )
            head = r.mention.head
            if speaker is not None and r.mention.form == "np" and head and head not in by_head:
                by_head[head] = (speaker, _words(r.mention.text))
        elif last_speaker is not None and r.para - last_para <= 1 and r.inherit in ("cue", "quote"):
            # the same source: its mention is the one written before ("he said")
            speaker = last_speaker
            mention = last_mention
        elif (
            last_speaker is not None
            and r.para == last_para
            and r.cue is not None
            and _AND_BEFORE_RE.search(text, max(0, r.cue.start - 40), r.cue.start) is not None
        ):
            # 'Lee labelled the timetable "a farce," and vowed to ...': the verb's
            # subject is the one before "and"
            speaker = last_speaker
            mention = last_mention
        if (
            mention is None
            and speaker is None
            and r.cue is not None
            and r.cue.word.endswith(("s", "ed"))
            and not r.cue.word.endswith(_NOUN_ENDS)
            and r.cue.end - r.cue.start == len(r.cue.word)
            and text[r.cue.start].islower()  # (not a headline's "Backs", "Denounces")
        ):
            # "Harbour News reports that ...": the subject right before a present verb
            mention = present_subject(text, r.cue.start, r.cue.end)
            if mention is not None:
                speaker = _speaker_for(
                    mention, ents, pos_list, known, gender, by_head, interviewee, text
                )
        if r.cue is not None and (mention is None or mention.form == "np"):
            # "Lee made a public promise to ...": the subject, not "a public"
            found = noun_cue_subject(text, r.cue.start, r.cue.word)
            if (
                found is not None
                and found[1] is not None
                and (mention is None or mention.start >= found[0])
            ):
                mention = found[1]
                speaker = _speaker_for(
                    mention, ents, pos_list, known, gender, by_head, interviewee, text
                )
        if r.cue is not None and (
            mention is None or mention.form == "np" or mention.end < r.cue.start - 2
        ):
            # (a name or pronoun right before the cue leaves no room for such a word; speed)
            written = written_source(text, r.cue.start, r.cue.word)
            if written is not None and (mention is None or mention.start != written.start):
                speaker, mention = _written_speaker(
                    text, written, mention, speaker, ents, pos_list, known, gender, by_head
                )
        if speaker is None and r.cue is None and n_words(text, r.spans) < 4:
            continue  # a short unattributed quote: a term, title or slogan
        if speaker is not None and not (
            mention is not None
            and mention.text in ("who", "Who")
            and _group_before_who(text, mention.start) is not None
        ):
            # (a group named before "who" is no source a later "he said" refers to)
            last_speaker = speaker
            last_para = r.para
            last_mention = mention
            headline_word = r.para == 0 and " " not in speaker.name
            if (
                r.mention is not None
                and (
                    r.mention.form == "name"
                    or speaker.kind == "organisation"
                    or (r.mention.form == "np" and _named_person(speaker, r.mention.text))
                )
                and not headline_word  # "Ministry warns ...": too vague to refer back to
            ):
                e = Entity(
                    r.mention.start,
                    speaker.name,
                    speaker.kind,
                    speaker.role,
                    speaker.affiliation,
                    speaks=True,
                )
                i = bisect_right(pos_list, e.pos)
                ents.insert(i, e)
                pos_list.insert(i, e.pos)
        out.append(
            SuggestedClaim(
                content=tuple([SpanRef(s, e, text[s:e]) for s, e in r.spans]),
                cue=SpanRef(r.cue.start, r.cue.end, text[r.cue.start : r.cue.end])
                if r.cue is not None
                else None,
                mention=SpanRef(mention.start, mention.end, text[mention.start : mention.end])
                if mention is not None
                else None,
                speaker=speaker,
                kind=r.kind,
            )
        )
    return out


# plural nouns among the cues ("accusations", "assurances", "comments")
_NOUN_ENDS = ("ions", "ments", "ances", "ences", "ings", "ists", "ures", "ats", "ims")


def _named_person(speaker: SuggestedSpeaker, phrase: str) -> bool:
    """A noun phrase ("the harbourmaster") resolved to a person named in full elsewhere
    ("Ana Roe"), whom a later pronoun may stand for."""
    name = speaker.name
    return (
        speaker.kind == "person"
        and " " in name
        and name not in phrase
        and all(w[:1].isupper() for w in name.split(" "))
    )


def _mark_quoted(ents: list[Entity], pos_list: list[int], raws: list[Candidate]) -> None:
    """Marks the entities named inside a direct quotation (no "he" or "she" outside it
    stands for them: '"Lee will win," Roe said. He added ...': Roe) and those named
    inside a reported claim; ``pos_list`` the entities' positions."""
    for r in raws:
        if r.kind == "direct":
            flag = "quoted"
        elif r.kind in ("indirect", "mixed"):
            flag = "reported"
        else:
            continue
        # (the entities inside each span found by bisection; speed)
        for s, e in r.spans:
            i = bisect_left(pos_list, s)
            while i < len(pos_list) and pos_list[i] < e:
                setattr(ents[i], flag, True)
                i += 1


def _written_speaker(
    text: str,
    written: Mention,
    mention: Mention | None,
    speaker: SuggestedSpeaker | None,
    ents: list[Entity],
    pos_list: list[int],
    known: dict[str, KnownSpeaker],
    gender: dict[str, str],
    by_head: _ByHead,
) -> tuple[SuggestedSpeaker | None, Mention]:
    """The speaker and mention of a claim whose cue's own phrase writes the source
    (``written``: "his" in "his attacks on", "that" in "a poll that shows"): the mention
    becomes that word; the speaker is who it stands for -- the subject found before it
    when there is one, else the word resolved on its own."""
    low = written.text.lower()
    covered = mention is not None and mention.start <= written.start < mention.end
    if covered and (
        written.form == "name" or len(text[mention.start : written.start].split()) <= 3
    ):
        return speaker, mention  # the mention holds it already ("a group that")
    earlier = mention is not None and mention.end <= written.start and speaker is not None
    if low in ("that", "which"):
        ante = antecedent(text, written)
        if ante is None and covered:
            return speaker, mention
        if ante is not None:
            speaker = _speaker_for(ante, ents, pos_list, known, gender, by_head, None, text)
        elif not earlier:
            speaker = None
        return speaker, written
    if written.form == "pronoun" and earlier and mention is not None and _speaks(mention):
        return speaker, written  # "Lee kept up with his attacks on ...": Lee
    return _speaker_for(written, ents, pos_list, known, gender, by_head, None, text), written


def _speaks(m: Mention) -> bool:
    """A name, a pronoun or a phrase headed by a role or an organisation ("the
    publication"), not a thing ("the fierce reaction")."""
    return m.form != "np" or m.head in ROLE_HEADS or m.head in ORG_HEADS


# "and" or "but" right before a cue, perhaps with an adverb ("and later", "but also")
# or a short phrase of time or place ("but at the hearing", "and on Friday")
_AND_BEFORE_RE = re.compile(
    r"(?:^|[\s,”\"'’])(?:and|but)(?:\s+[a-z]+ly|\s+(?:then|also|later|again)"
    r"|\s+(?:in|at|on|during|after|before)(?:\s+[\w’'-]+){1,4}?,?)?\s+$"
)


def _no_subject(mention_text: str) -> bool:
    """Is the mention no subject at all: a phrase of time or place ("on Friday", "at the
    hearing") or a lone adverb or participle ("deftly", "taking")?"""
    first, _, rest = mention_text.partition(" ")
    if first in _TIME_OR_PLACE_OPENERS:
        return True
    if rest or not first.islower():
        return False
    return first.endswith("ly") or (first.endswith("ing") and first not in _ING_SOURCES)


_TIME_OR_PLACE_OPENERS = frozenset({"in", "at", "on", "during", "after", "before"})
# nouns in -ing that do speak ("polling shows", "reporting found")
_ING_SOURCES = frozenset({"polling", "reporting", "briefing", "filing", "ruling", "hearing"})


def _speaker_for(
    m: Mention,
    ents: list[Entity],
    pos_list: list[int],
    known: dict[str, KnownSpeaker],
    gender: dict[str, str],
    by_head: _ByHead,
    interviewee: Entity | None = None,
    text: str = "",
) -> SuggestedSpeaker | None:
    if m.form != "pronoun" and m.text.endswith(("'s", "’s")) and m.text[:1].isupper():
        # "Clinton's claim", "Mr. Trump's call for": the possessor speaks; "He's" is "he is"
        bare = m.text[:-2]
        form = "pronoun" if bare.lower() in ("he", "she", "it", "they") else "name"
        m = replace(m, text=bare, form=form, kind="person" if form == "pronoun" else m.kind)
    n = bisect_left(pos_list, m.start)
    # a bounded neighbourhood keeps long documents linear
    before = ents[max(0, n - _NEIGHBOURS) : n]
    name, kind, role, aff = m.text, m.kind, m.role, m.affiliation
    issuer = _ISSUER_RE.match(m.text) if m.form == "np" else None
    if issuer is not None:
        # "a statement from Prairie Northern Railway": the railway speaks through it
        name, kind, role, aff = issuer.group("name"), "organisation", None, None
        tail = " " + name
        found = next((e for e in reversed(before) if e.name == name or e.name.endswith(tail)), None)
    elif m.form == "name" and m.text == "A" and interviewee is not None:
        found = interviewee  # "A: ..." in an interview transcript
    elif m.form == "name":
        found = _refer_name(m, before, ents[n : n + _NEIGHBOURS], text)
    elif m.form == "pronoun" and m.text in ("I", "We") and _after_quote(text, m.start):
        return None  # '"...," I said': the writer, whom the article does not name
    elif m.form == "pronoun":
        found = _refer_pronoun(m, before, gender, text)
        if found is None:
            return None  # a pronoun with nothing to refer to
    else:  # noun phrase
        name = strip_det(m.text)
        # (the entities after it sliced only for a name or a noun phrase; speed)
        found = _refer_np(m, before, ents[n : n + _NEIGHBOURS], by_head)
    if found is not None:
        name, kind = found.name, found.kind
        if kind == "person":
            role = role if m.form == "name" and role else found.role or role
            aff = aff if m.form == "name" and aff else found.affiliation or aff
        else:
            role, aff = None, None
    ks = (
        (
            known.get(name.casefold())
            or known.get(m.text.casefold())
            or known.get(strip_det(m.text).casefold())
        )
        if known  # (no look-ups when the project names no speakers; speed)
        else None
    )
    name = " ".join(name.split())  # a name broken by a hard line wrap
    if found is None and m.form == "np":
        if name.rpartition(" ")[2] in _TRAILING_LAST or name.endswith("ly"):
            name = _TRAILING_RE.sub("", name) or name
        if m.head and " " in name:
            cut = _cut_after_head(name, m.head)
            if cut != name and role == m.head:
                role = None  # (the participle taken for the head)
            name = cut
        if name.count(" ") > 1:
            name = _cut_at_verb(name)
            name = _NAME_TAIL_RE.sub("", name) or name
        elif " " in name and name.partition(" ")[2] in _PRESENT_VERBS:
            name = name.partition(" ")[0]  # "the jokes his friends make": friends
    elif found is None and m.form == "name" and kind == "person" and " " in name:
        # "Republican Ana Roe", "Maybe Okafor": the name without the words before it
        words = name.split(" ")
        k, party = name_start(words, text)
        if k:
            name = " ".join(words[k:])
            aff = aff or party
    return SuggestedSpeaker(name, kind, role, aff, ks.id if ks is not None else None)


# Words a noun phrase mention may drag along after its head ("the board on Monday",
# "a super PAC that", "the candidates unanimously"): not part of the speaker's name
_TRAILING_TIMES = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    "|May|June|July|August|September|October|November|December|week|month|year|night"
    "|morning|afternoon|evening"
)
_TRAILING_WORDS = (
    "who|that|which|would|will|could|can|may|might|should|must|did|does|do|here|there|now"
    "|then|also|still|just"
)
_TRAILING_RE = re.compile(
    r"(?:\s+(?:(?:on|in|last|this|early|late)\s+(?:"
    + _TRAILING_TIMES
    + ")|"
    + _TRAILING_WORDS
    + r"|[a-z]{3,}ally|[a-z]+(?:ous|ed|ate|ent|ant|ive)ly))+$"
)
# the last word of a match is one of these or ends in "ly": the regex, tried at every
# position of the name, is tried only then (speed)
_TRAILING_LAST = frozenset(f"{_TRAILING_TIMES}|{_TRAILING_WORDS}".split("|"))


# a verb or participle right after a noun phrase's head ends its name ("a poll released
# on Friday", "the report published Tuesday", "the panel has")
_AFTER_HEAD = frozenset(
    {"out", "has", "have", "had", "is", "are", "was", "were", "will", "would", "says", "shows"}
)


def _cut_after_head(name: str, head: str) -> str:
    """``name`` up to its ``head`` when a verb or participle follows the head, or without
    a participle taken for the head."""
    words = name.split(" ")
    low = [w.lower() for w in words]
    if head not in low:
        return name
    i = low.index(head) + 1
    if (
        i == len(words) > 1
        and head.endswith("ed")
        and (low[-2] in NON_SPEAKER_HEADS or low[-2] in ORG_HEADS)
    ):
        return " ".join(words[:-1])  # "a harbour poll released": a participle after the head
    if i < len(words) and (low[i] in _AFTER_HEAD or (low[i].endswith("ed") and words[i].islower())):
        return " ".join(words[:i])
    return name


# verbs a noun phrase mention may run on into ("the poll has", "the board withdrew")
_NAME_VERBS = (
    IRREGULAR_PAST
    | {"has", "have", "is", "are", "would", "will", "could", "can", "may", "might", "must"}
    | {"says", "shows", "includes", "include", "finds", "makes", "make", "breaks", "adds"}
    | {"suggests", "notes", "argues", "warns", "claims", "reveals", "reveal", "shows"}
)
# the verbs a two-word phrase may run on into ("his friends make"; not a past form,
# which may be a noun: "a long shot")
_PRESENT_VERBS = _NAME_VERBS - IRREGULAR_PAST
# what may follow a participle that ends a phrase's name ("a survey released Friday",
# "a post followed another")
# (not "by" or "with": "audio provided by Harbour Radio" names who speaks)
_AFTER_PARTICIPLE = (DETERMINERS | PREPOSITIONS | {"last", "this", "another", "earlier"}) - {
    "by",
    "with",
}
_SUBJECTS = frozenset({"I", "he", "she", "they", "we", "you"})


# what a noun phrase mention may run on into after its name: a relative clause ("others
# who want ..."), a phrase of topic or circumstance ("the ministry concerning visas",
# "the movement behind her"), a preposition before a gerund ("the government of
# attempting ..."), a year or a day ("its founder in 2009", "a survey on Tuesday of ...")
_NAME_TAIL_RE = re.compile(
    r"\s+(?:(?:who|that|which|concerning|regarding|given|behind|including|despite)\s"
    r"|(?:of|for|on|in|about|by)\s+[a-z]+ing\b"
    r"|(?:in|since)\s+(?:19|20)\d\d\b"
    r"|on\s+(?:" + _TRAILING_TIMES + r")\b).*$",
    re.S,
)


def _cut_at_verb(name: str) -> str:
    """``name`` (a noun phrase of three words or more) up to the verb it runs on into:
    "new harbour poll has" -> "new harbour poll", "the board withdrew notices" ->
    "board", "a survey of skippers released Friday" -> "survey of skippers" (a word in
    -ed only at the end or before a day, a determiner or a preposition other than "by"
    or "with": "local elected officials" stays whole, and so does "a survey conducted by
    Harbour Radio", which names the one who speaks)."""
    words = name.split(" ")
    for i in range(1, len(words)):
        w = words[i]
        if not w.islower() or words[i - 1].endswith("ly"):
            continue
        if w in _NAME_VERBS:
            break
        if len(w) > 4 and w.endswith("ed"):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if not nxt or nxt in _TRAILING_LAST or nxt in _AFTER_PARTICIPLE:
                break
    else:
        return name
    kept = words[:i]
    while len(kept) > 1 and kept[-1] in _SUBJECTS:
        kept.pop()  # "the document she released": the document
    return " ".join(kept)


_ISSUER_RE = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:statement|letter|report|memo|filing|release|email)"
    r"\s+(?:from|by|of)\s+(?:the\s+)?(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)$"
)


def _after_quote(text: str, pos: int) -> bool:
    """A quotation closes right before ``pos``."""
    before = text[max(0, pos - 3) : pos].rstrip()
    return bool(before) and before[-1] in "\"”’'»" and text[pos - 1] == " "


def _before_quote(text: str, pos: int, before: list[Entity]) -> list[Entity]:
    """``before`` without the entities named inside the quotation that closes right
    before ``pos`` (within its paragraph)."""
    close = len(text[max(0, pos - 3) : pos].rstrip()) - 1 + max(0, pos - 3)
    mark = text[close]
    opener = {"”": "“", "’": "‘", "»": "«"}.get(mark, mark)
    para = text.rfind("\n", 0, close)
    start = text.rfind(opener, para + 1, close)
    if start < 0:
        return before
    return before[: bisect_left(before, start, key=POS)]


def _interviewee(ents: list[Entity]) -> Entity | None:
    """The person named most often: who answers in a "Q: ... A: ..." transcript."""
    counts = Counter(e.name for e in ents if e.kind == "person" and not e.weak)
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(e for e in ents if e.name == top)


def _refer_name(
    m: Mention, before: list[Entity], after: list[Entity], text: str = ""
) -> Entity | None:
    """A surname or a full name: the nearest earlier (else later) entity bearing it (of
    the gender a title before a surname tells: "Mrs. Roe" is not Lee Roe)."""
    found: Entity | None = None
    words = m.text.split()
    if len(words) == 1:
        w = words[0]
        want = (
            TITLE_GENDERS.get(text[m.phrase_start : m.start].strip().removesuffix("."))
            if m.phrase_start < m.start
            else None
        )
        for part in (-1, 0):  # a surname first, then a given name ("Hillary said")
            # (the substring test before the call skips most entities; speed)
            found = next((e for e in reversed(before) if w in e.name and _bears(e, w, part)), None)
            if found is None:
                found = next((e for e in after if w in e.name and _bears(e, w, part)), None)
            if found is not None and want is not None and not _fits(found, want):
                found = next(
                    (
                        e
                        for e in (*reversed(before), *after)
                        if w in e.name and _bears(e, w, part) and _fits(e, want)
                    ),
                    None,
                )
            if found is not None:
                break
        if found is None and m.kind == "organisation":
            # "the Census Bureau" for "Census", not "a Census office" nor "Senate
            # campaign" for "Senate": a name that ends with the word, else the word alone
            found = next(
                (e for e in reversed(before) if e.name.endswith(w) and _last_word(e.name) == w),
                None,
            )
    else:
        tail = " " + m.text
        found = next((e for e in reversed(before) if e.name.endswith(tail)), None)
        if found is None:
            found = next((e for e in after if e.name.endswith(tail)), None)
        if found is None:
            found = next((e for e in reversed(before) if e.name == m.text), None)
    return found


_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def _fits(e: Entity, want: str) -> bool:
    """Nothing in ``e``'s name (a given name, a title) tells a gender other than
    ``want``."""
    have = _given_gender(e.name)
    return have is None or have == want


def _bears(e: Entity, word: str, part: int) -> bool:
    """``e`` is a person whose surname (``part`` -1) or given name (0) is ``word``
    ("Trump" is Donald Trump, not the Trump campaign or Trump Tower)."""
    if e.kind != "person" or word not in e.name:
        return False  # (a substring test first skips most entities; speed)
    parts = e.name.split()
    if len(parts) > 2 and parts[-1] in _SUFFIXES:
        parts = parts[:-1]
    return parts[part] == word


_NOT_A_NAME = NON_NAME_WORDS | ROLE_HEADS | ORG_HEADS | HONORIFICS | DETERMINERS
_TITLE_GENDER_RE = re.compile(r"M(r|rs|s|iss)\.?[ \t]+((?:[A-Z][\w’'.-]*[ \t]+){0,2}[A-Z][\w’'-]+)")


def _gender_of(name: str, gender: dict[str, str]) -> str | None:
    """The gender learnt for ``name``, else its surname's title ("Mrs. Clinton"), else
    its given name's; None when nothing tells. (What the title or given name says is
    kept under "\1" + name: asked for every antecedent a pronoun passes over; speed.)"""
    g = gender.get(name)
    if g is not None:
        return g
    key = "\1" + name
    g = gender.get(key)
    if g is None:
        g = _given_gender(name) or gender.get("\0" + name.rsplit(" ", 1)[-1]) or ""
        gender[key] = g
    return g or None


@lru_cache(maxsize=4096)
def _given_gender(name: str) -> str | None:
    """ "f" or "m" when the given name is a known one (asked for every antecedent a
    pronoun passes over: cached, speed)."""
    first = name.split(" ", 1)[0]
    title = TITLE_GENDERS.get(first.removesuffix("."))
    if title is not None:
        return title  # "Mrs. Roe", named so
    first = first.lower()
    return "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None


def _title_genders(text: str, ents: list[Entity]) -> dict[str, str]:
    """Genders the text states: "Mrs. Clinton", "Mr. Sanders" (by surname), then given
    names ("Hillary Clinton"); the first seen wins."""
    by_surname: dict[str, str] = {}
    for m in _TITLE_GENDER_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue  # "UMrs", "HMS"
        surname = m.group(2).rsplit(None, 1)[-1]
        by_surname.setdefault(surname, "m" if m.group(1) == "r" else "f")
    # a surname's gender under "\0" + surname, for names the entities learn later
    out: dict[str, str] = {"\0" + k: v for k, v in by_surname.items()}
    # (a name is met many times: asked once; speed)
    for name in {e.name for e in ents if e.kind == "person"}:
        g = _given_gender(name) or by_surname.get(name.rsplit(" ", 1)[-1])
        if g is not None:
            out[name] = g
    return out


def _refer_pronoun(
    m: Mention, before: list[Entity], gender: dict[str, str], text: str = ""
) -> Entity | None:
    """ "he"/"she": the last person of that gender (genders learnt as pronouns resolve);
    "it": the last organisation; "they": the last entity shown to be a person or an
    organisation; other pronouns: the last entity."""
    found: Entity | None = None
    low = {"his": "he", "her": "she", "its": "it", "their": "they"}.get(
        m.text.lower(), m.text.lower()
    )
    if text and low in ("he", "she", "it", "they") and _after_quote(text, m.start):
        # '"Lee is our best hope," he said': not someone the quotation names
        before = _before_quote(text, m.start, before)
    if low in ("he", "she"):
        g = "m" if low == "he" else "f"
        subject = _sentence_subject(text, m.start, before, gender, g) if text else None
        if subject is not None:
            return subject
        for e in reversed(before):
            # a person the text shows to be one, or whose given name is a known one
            # ("Jeff Morton"); tests inlined: a pronoun may pass hundreds of entities
            if (
                e.kind != "person"
                or (e.weak and _given_gender(e.name) is None)
                or e.quoted
                or e.reported
            ):
                # (nor someone a reported claim named: 'Roe said Lee had left. "...," she
                # said': Roe)
                continue
            have = _gender_of(e.name, gender)
            if have is None or have == g:
                found = e
                break
        if found is not None and text:
            found = _first_in_sentence(text, m.start, found, before, gender, g)
        if found is None:
            found = next((e for e in reversed(before) if e.kind == "person" and not e.weak), None)
        if found is not None:
            gender.setdefault(found.name, g)
    elif low == "it":
        found = next(
            (e for e in reversed(before) if e.kind == "organisation" and not e.reported), None
        )
    elif low in ("who", "which"):
        # "Ann Roe, who said": the entity right before; "officials who said": none named
        found = before[-1] if before and m.start - before[-1].pos <= _WHO_REACH else None
        w = _WORD_BEFORE_RE.search(text, max(0, m.start - 40), m.start) if text else None
        if w is not None and w.group(1)[:1].isupper():
            # the name written right before it ("Lee, who"), when the article names it
            word = w.group(1)
            named = next(
                (e for e in reversed(before[-30:]) if e.name.split()[-1] == word or e.name == word),
                None,
            )
            # else a title and surname no other mention introduced ("Mr. Lee, who")
            found = named or _name_before_who(text, m.start) or found
            if named is None and low == "who" and w.group(1) in _GROUP_OPENERS:
                found = _group_before_who(text, m.start) or found  # "Those who"
        elif low == "who" and text:
            # "skippers who said", "Those who voted early said": the group the phrase
            # names, not a person named before it
            found = _group_before_who(text, m.start) or found
    elif low == "they":
        # the last organisation or person, not a capitalised pair nothing shows to be one
        found = next((e for e in reversed(before) if not e.weak), None)
    else:
        found = before[-1] if before else None
    return found


def _first_in_sentence(
    text: str, pos: int, found: Entity, before: list[Entity], gender: dict[str, str], g: str
) -> Entity:
    """The first person of gender ``g`` (or of none known) named in the sentence that
    names ``found``, the nearest one before the pronoun at ``pos``, when that sentence is
    the pronoun's own or the one before it: a subject is a likelier antecedent than an
    object or a possessor named after it ("Lee wrote to Ann Roe. He asked her ..."), but
    not past the source of a claim ("Lee will lose, Roe said. '...,' he said": Roe)."""
    i = bisect_left(before, found.pos, key=POS) - 1
    j = bisect_right(before, found.pos, key=POS) - 1
    while j >= 0 and before[j].pos >= found.pos - len(found.name):
        # (the same person under the words of one name: "Costa" of "Ana Costa")
        if before[j].speaks and before[j].name == found.name:
            return found
        j -= 1
    while i >= 0 and before[i].pos > found.pos - 700:
        e = before[i]
        if e.kind == "person" and not e.weak and e.name != found.name:
            break
        i -= 1
    else:
        return found  # no other person named near it (speed)
    cur = _sentence_start(text, max(0, pos - 300), pos)
    if cur < 0:
        return found
    if found.pos > cur:
        lo = cur
    else:
        end = cur
        while end > 0 and text[end - 1].isspace():
            end -= 1  # (a blank line before a paragraph)
        lo = _sentence_start(text, max(0, end - 400), end)
        if lo < 0 or found.pos <= lo:
            return found
    for e in before[bisect_right(before, lo, key=POS) :]:
        if e.pos >= found.pos:
            break
        if e.kind == "person" and not e.weak and not e.quoted and not e.reported:
            have = _gender_of(e.name, gender)
            if have is None or have == g:
                return e
    return found


# a sentence opening with a name and then a lower-case word: "Lee has never hidden
# the fares he wants to cut ...", "But Ana Ruiz later said she ..."
_NAME_OPENING_RE = re.compile(
    r"(?:[.?!][\"”’']?\s+|\n\s*)(?:(?:But|And|Yet|Still|So|Now|Then|Later),?\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){0,2})\s+[a-z]"
)
_SENTENCE_END_RE = re.compile(r"[.?!][\"”’']?\s+[\"“‘']?[A-Z]|\n")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the last sentence end before ``pos`` (not before ``lo``) is, or -1; found
    from the right with ``rfind`` (a regex scan from ``lo`` costs more: speed)."""
    i = pos
    while True:
        j = max(text.rfind(".", lo, i), text.rfind("?", lo, i), text.rfind("!", lo, i))
        j = max(j, text.rfind("\n", lo, i))
        if j < 0 or _SENTENCE_END_RE.match(text, j, pos) is not None:
            return j
        i = j


_SUBJECT_REACH = 60  # entities looked at for the full name of a sentence's subject


def _written_mid_sentence(text: str, word: str) -> bool:
    """``word`` stands after a lower-case word or a comma somewhere in ``text`` ("... back
    Okafor."), as a name does and a sentence's first word does not."""
    i = text.find(" " + word)
    n = len(word) + 1
    while i > 0:
        end = i + n
        if (text[i - 1].islower() or text[i - 1] == ",") and (
            end >= len(text) or not text[end].isalnum()
        ):
            return True
        i = text.find(" " + word, end)
    return False


def _sentence_subject(
    text: str, pos: int, before: list[Entity], gender: dict[str, str], g: str
) -> Entity | None:
    """The person named at the start of the sentence that holds the pronoun at ``pos``
    ("Lee has never hidden the fares he wants to cut ..."), when the gender does not
    forbid it: a subject is a likelier antecedent than a name nearer the pronoun."""
    start = _sentence_start(text, max(0, pos - 200), pos)
    if start < 0:
        return None
    m = _NAME_OPENING_RE.match(text, start, pos)
    if m is None or m.end("name") >= pos:
        return None
    words = m.group("name").split()
    if any(w.lower() in _NOT_A_NAME or (w.isupper() and len(w) > 1) for w in words):
        return None  # "The", "GOP"
    if words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]  # "Lee's campaign": Lee is no subject, but the owner
    name = " ".join(words)
    w = words[-1]
    found = None
    for e in reversed(before[-_SUBJECT_REACH:]):
        # (a substring test first: most entities do not hold the word; speed)
        if w in e.name and (e.name == name or _bears(e, w, -1)):
            found = e
            break
    if found is None:
        # a surname the entity rules did not take for a person, when the article writes
        # it capitalised mid-sentence too (not "Ever since she ...")
        if not _written_mid_sentence(text, w):
            return None
        found = Entity(m.start("name"), name, "person", None, None)
    have = _gender_of(found.name, gender)
    if have is not None and have != g:
        return None
    gender.setdefault(found.name, g)
    return found


_WHO_REACH = 100  # characters from an antecedent's start to "who"
# "Mr. Lee, who" / "Ann B. Lee, who": a title and a name, or two to four capitalised words
_NAME_BEFORE_WHO_RE = re.compile(
    r"(?:(?<=\s)|^)((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. [A-Z][\w’'-]+)"
    r"|(?:[A-Z][\w’'.-]* ){1,3}[A-Z][\w’'-]+),\s*$"
)


def _name_before_who(text: str, pos: int) -> Entity | None:
    """A person named just before the "who" at ``pos`` whom no other mention introduced
    ("Mr. Lee, who said last week ...")."""
    m = _NAME_BEFORE_WHO_RE.search(text, max(0, pos - 60), pos)
    if m is None or m.group(1).split()[0] in ("The", "A", "An", "In", "On", "At"):
        return None
    return Entity(m.start(1), m.group(1), "person", None, None)


_WORD_BEFORE_RE = re.compile(r"([\w’'.-]+)\s*[,—–-]?\s*$")
# up to three words right before "who" (no comma between), and what comes before them
_GROUP_BEFORE_WHO_RE = re.compile(r"(^|[^\w’'-])((?:[\w’'-]+ ){0,2}[\w’'-]+) $", re.S)
# words that name a group of people without a plural "-s"
_GROUP_WORDS = frozenset(
    {"people", "those", "some", "many", "most", "few", "all", "others", "men", "women"}
    | {"anyone", "everyone", "someone", "children", "staff", "public"}
)
_GROUP_OPENERS = frozenset({"Those", "Some", "Many", "Most", "Few", "Others", "People", "All"})
_GROUP_STOPS = DETERMINERS | PREPOSITIONS | {"and", "or", "than", "as", "among", "including"}
_VERBISH = AUXILIARIES | FINITE_VERBS | IRREGULAR_PAST


def _group_before_who(text: str, pos: int) -> Entity | None:
    """The group a "who" at ``pos`` follows, written without a name: "veteran skippers"
    in "veteran skippers who ...", "Those" in "Those who ..." (the words before the group
    word that are lower case and no determiner or preposition belong to it)."""
    m = _GROUP_BEFORE_WHO_RE.search(text, max(0, pos - 50), pos)
    if m is None:
        return None
    words = m.group(2).split(" ")
    head = words[-1]
    low = head.lower()
    opens = len(words) == 1 and (
        m.group(1) in ("", "\n") or text[m.start(1) - 1 : m.end(1)] in (". ", "? ", "! ")
    )
    if not (head.islower() or (opens and head[:1].isupper())):
        return None  # a name ("Ana Roe who")
    if not (low in _GROUP_WORDS or (low.endswith("s") and not low.endswith(("ss", "us", "is")))):
        return None  # one person ("a skipper who"): the name before, if any, is theirs
    if "among" in words:
        return None  # "Lee is among those who ...": Lee
    kept = [head]
    for w in reversed(words[:-1]):
        if (
            not w.islower()
            or w in _GROUP_STOPS
            or w.endswith(("ly", "ed", "ing"))
            or w in _VERBISH
            or w[:1].isdigit()
        ):
            break
        kept.insert(0, w)
    return Entity(pos, " ".join(kept), "person", None, None)


def _refer_np(
    m: Mention, before: list[Entity], after: list[Entity], by_head: _ByHead
) -> Entity | None:
    """ "the spokesperson", "a ministry spokesperson", "the ministry": the person or
    organisation the phrase refers to, or None to keep it as written."""
    found: Entity | None = None
    head = m.head or ""
    bare = strip_det(m.text)
    if m.kind == "person" and m.org_hint:
        # "a ministry spokesperson" speaks for the ministry
        hint = m.org_hint
        # a proper name written in the phrase ("a Harbour District Court judge") is not
        # another body with the same head word named before (the Court of Appeals)
        caps = {w for w in (m.affiliation or "").split() if w[:1].isupper()}
        found = next(
            (
                e
                for e in reversed(before)
                if e.kind == "organisation"
                and hint in e.name.lower()
                and (not caps or caps <= set(e.name.split()))
            ),
            None,
        )
        if found is None and m.affiliation and hint in m.affiliation.lower():
            # "a State Department spokesperson": the department
            found = Entity(m.start, strip_det(m.affiliation), "organisation", None, None)
    elif m.kind == "person" and m.definite and not head.endswith("s"):
        found = _best_person(m, before, after, fallback=False)
        if found is None and head in by_head and _words(bare) <= by_head[head][1]:
            # "A ministry spokesperson said ... the spokesperson added" (but "the Vale
            # senator" is not the Camden senator named before)
            prev = by_head[head][0]
            found = Entity(m.start, prev.name, prev.kind, prev.role, prev.affiliation)
    elif m.kind == "organisation" and " " not in bare:
        found = next(
            (
                e
                for e in reversed(before)
                if e.kind == "organisation" and head in e.name.lower() and _headed_by(e.name, head)
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
                found = Entity(
                    found.pos, strip_det(found.affiliation or ""), "organisation", None, None
                )
    return found


def _last_word(name: str) -> str:
    return name.rpartition(" ")[2]


def _headed_by(name: str, head: str) -> bool:
    """``head`` is the head word of the organisation's ``name``: its last word ("the
    party": the Harbour Party), the word before a suffix ("the Treasury": the Treasury
    Department) or its first before "of" or "for" ("the department": the Department of
    Ports); not a word that qualifies another ("the campaign" is no Campaign Finance
    Institute)."""
    words = name.lower().split()
    return (
        words[-1] == head
        or (len(words) > 1 and words[-2] == head and words[-1] in _ORG_SUFFIXES)
        or (len(words) > 2 and words[0] == head and words[1] in ("of", "for", "on"))
    )


# words after the name proper of a body ("the Treasury": the Treasury Department)
_ORG_SUFFIXES = frozenset(
    {"department", "bureau", "agency", "ministry", "office", "news", "service", "board"}
)


def _same_role(words: list[str], role: str | None) -> bool:
    """A qualified role phrase ("foreign minister") is how ``role`` ends: "Switzerland's
    foreign minister" is the Foreign Minister named without the country; "the former
    president" is not a former Vice President."""
    if len(words) < 2 or not role:
        return False
    return role.lower().split()[-len(words) :] == words


def _best_person(
    m: Mention, before: list[Entity], after: list[Entity], fallback: bool = True
) -> Entity | None:
    """The person a definite role phrase ("the spokesperson", "Switzerland's foreign
    minister") refers to: the article names them with that role (a title or an
    apposition) -- the role's head word and every capitalised qualifier agree ("the
    Vermont senator" is not the senator from elsewhere), or the whole lower-case role
    does; best word overlap, nearest first."""
    want = _words(m.text)
    want |= {w[:-2] for w in want if w.endswith("'s") or w.endswith("’s")}
    head = (m.head or "").lower()
    caps = {
        w.lower().removesuffix("'s").removesuffix("’s")
        for w in strip_det(m.text).split()[:-1]
        if w[:1].isupper()
    }
    lower = [w.lower() for w in strip_det(m.text).split() if not w[:1].isupper()]
    best: tuple[int, int] | None = None
    found: Entity | None = None
    # (most persons have neither role nor affiliation: told once for them; speed)
    bare_miss = head not in "none none"
    for later, cands in ((0, reversed(before)), (1, after)):
        for e in cands:
            if e.kind != "person":
                continue
            if head and (
                bare_miss
                if e.role is None and e.affiliation is None
                else head not in f"{e.role} {e.affiliation}".lower()
            ):
                continue  # (the head is no word of them: skips most entities at once; speed)
            have = _words(e.role) | _words(e.affiliation)
            have |= {w[:-2] for w in have if w.endswith(("'s", "’s"))}
            if (head and head not in have) or not (caps <= have or _same_role(lower, e.role)):
                continue
            score = len(want & have)
            key = (score, -later)
            if score and (best is None or key > best):
                best, found = key, e
    if found is None and fallback:
        found = next((e for e in reversed(before) if e.kind == "person"), None)
    return found

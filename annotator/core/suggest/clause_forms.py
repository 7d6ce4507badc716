"""Attribution forms other than "<clause>, X said" and "X said <clause>": "X: ...",
", saying ...", polls and reports, questions, "as reported by", "X is expected to",
and the phrase parsers (subjects, objects, clause ends) the clause rules share."""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import replace
from functools import lru_cache

from ...resources import word_list
from .clause_base import (
    ADVISING,
    BOUNDARY,
    CLAUSE_VERBS,
    DAYS,
    IRREGULAR_PAST,
    NOT_CLAUSE_START,
    NOT_OBJECT_START,
    NOUN_BEFORE,
    OBJECT_VERBS,
    PARTICIPLES,
    POST_VERBS,
    SKIP_BACK,
    THAT_VERBS,
    Found,
    after_time,
    but_not_after,
    count_words,
    new_speaker_cue,
    overlaps_any,
    relative_before_subject,
    same_form,
    spaced_dash,
    subordinate_end,
    time_at_end,
)
from .cues import Cue
from .lexicon import ABBREVIATIONS, AUXILIARIES, DETERMINERS, ROLE_HEADS
from .noun_phrases import NON_SPEAKER_HEADS, Mention, is_name_tok
from .quotes import ALL_MARKS
from .speaker_mentions import mention_after, mention_before, relative_before, subject_before
from .tokens import Tok

_FINITE_HINT = word_list("suggest/finite_hint.txt")
_IRREGULAR_PAST = word_list("suggest/irregular_past.txt")

_TAIL_OK = word_list("suggest/tail_ok.txt")
_OCCASIONS = word_list("suggest/occasion_nouns.txt")


_PARENTHESES = frozenset(
    {"for", "instance", "example", "however", "in", "fact", "meanwhile", "though", "too"}
    | {"also", "then", "now", "indeed", "moreover", "meanwhile", "still", "instead"}
)


_CONTRACTIONS = ("'s", "'re", "n't", "'ll", "'ve", "'d", "'m")


# Words before a colon that introduce a list or a section, not a speaker.
_NOT_NAME_HEAD = frozenset(
    {"related", "update", "updated", "correction", "note", "editor", "photo", "video", "watch"}
    | {"read", "see", "also", "contact", "source", "sources", "here", "this", "the", "what"}
    | {"why", "how", "who", "when", "where", "exclusive", "breaking", "live", "more", "opinion"}
    | {"analysis", "commentary", "review", "transcript", "warning", "subscribe", "follow"}
    | {"revealed", "boom", "look", "listen", "email", "paid", "notice", "deaths", "wow"}
    | {"busted", "bombshell", "leaked", "shocking", "urgent", "alert", "confirmed"}
)


_QUANTIFIERS = frozenset(
    {"most", "many", "some", "half", "others", "all", "both", "few", "majority", "minority"}
    | {"three-quarters", "two-thirds", "percent", "voters", "people", "americans", "who"}
)


_SEE_AS = word_list("suggest/see_as.txt")

_ANY_VERB = CLAUSE_VERBS | OBJECT_VERBS | (POST_VERBS - {"continued", "continues"})


# Words that start a circumstance after the cue ("she said in a recorded note to the
# board", "he said during a tour of the dock").
_TAIL_STARTS = frozenset(
    {"in", "on", "at", "during", "after", "before", "while", "from", "via", "through"}
)


def tail_ok(toks: list[Tok]) -> bool:
    """The words after a cue are circumstances of the saying, not the start of what was
    said: words of the list, names and numbers, or a prepositional phrase with no verb."""
    if all(not x.is_word or x.low in _TAIL_OK or x.is_cap or x.text[0].isdigit() for x in toks):
        return True
    words = [x for x in toks if x.is_word]
    return bool(words) and words[0].low in _TAIL_STARTS and not finite_soon(toks, 0, len(toks))


def finite_soon(toks: list[Tok], j: int, limit: int = 10) -> bool:
    """A finite verb within the first words of the clause ("he was", "Trump wins")."""
    for x in range(j, min(len(toks), j + limit)):
        t = toks[x]
        low = t.low.replace("’", "'")
        if (low in _FINITE_HINT and not (t.is_cap and x > j)) or low.endswith(_CONTRACTIONS):
            return True  # not the month: "in May"
        if x > j and not t.is_cap and t.is_word:
            if (low.endswith("ed") and len(low) > 3) or low in _IRREGULAR_PAST:
                return True
            if (
                low.endswith("s")
                and not low.endswith(("ss", "us", "is", "’s", "'s"))
                and len(low) > 3
                and toks[x - 1].is_word
                and (toks[x - 1].is_cap or toks[x - 1].low in ("he", "she", "it", "who"))
            ):
                return True
            prev = toks[x - 1].low
            if x - 1 > j and (
                prev in ("only", "also", "still", "just", "never") or prev.endswith("ly")
            ):
                prev = toks[x - 2].low  # "they only buy", "we really need"
            if (
                (prev in ("i", "we", "you", "they") or prev in _QUANTIFIERS)
                and t.text.isalpha()
                and low not in NOT_CLAUSE_START
                and low not in SKIP_BACK
                and not low.endswith("ly")
            ):
                return True  # "people misunderstand him", "we need"
        if t.text in (".", ";", ":") and not (t.text == "." and _abbreviation(toks, x)):
            return False
    return False


def _abbreviation(toks: list[Tok], x: int) -> bool:
    """The period at ``x`` ends an abbreviation ("Mr.", "Gov."), not the sentence."""
    return x > 0 and toks[x - 1].end == toks[x].start and toks[x - 1].low in ABBREVIATIONS


def generic_subject(text: str, toks: list[Tok], k: int, floor: int) -> Mention | None:
    """The subject before the cue ``toks[k]`` when the name rules read none: "I", "we",
    "several delegate candidates", "Half of Vermont Democrats", "Cameron's spokesman"."""
    j = k - 1
    while j >= floor and toks[j].low in SKIP_BACK and not toks[j].is_cap:
        j -= 1
    if j < floor:
        return None
    last = toks[j]
    if last.low in ("and", "but") and j > floor:
        # "FBI officials were angered and predicted ...": the subject of the sentence
        return subject_before(text, toks, j)
    if last.text == "," and j - 1 > floor:
        # "Leaders in the state, for instance, noted ...": skip the parenthesis
        c = j - 1
        while c > floor and toks[c].text != "," and j - c < 5:
            c -= 1
        if toks[c].text == "," and all(t.low in _PARENTHESES for t in toks[c + 1 : j]):
            return mention_before(text, toks, c + 1, floor) or generic_subject(text, toks, c, floor)
        return None
    if last.low in ("i", "we", "you", "they", "he", "she", "it"):
        kind = "organisation" if last.low == "it" else "person"
        return Mention(last.start, last.end, last.text, "pronoun", kind, phrase_start=last.start)
    if last.low.endswith(("'s", "’s")) and not last.is_cap:
        # "rubbished the mayor's claims": the possessor's phrase, from its determiner
        d = next(
            (x for x in range(j - 1, max(floor, j - 4) - 1, -1) if toks[x].low in DETERMINERS), -1
        )
        if d >= 0 and all(t.is_word and not t.low.endswith("ed") for t in toks[d + 1 : j]):
            m = noun_phrase(text, toks[d : j + 1])
            if m is None or not m.text.endswith(("'s", "’s")):
                return m
            head = m.head[:-2] if m.head and m.head.endswith(("'s", "’s")) else m.head
            return replace(m, end=m.end - 2, text=m.text[:-2], head=head)
    i = j
    while i > floor and j - i < 8:
        p = toks[i - 1]
        if p.low in BOUNDARY or p.text in ",;:()—–" or p.text in ALL_MARKS:
            break
        if not (p.is_word or p.text in ("’", "'", "-", ".", "/", "&")):
            break
        i -= 1
    if i > floor and toks[i - 1].text not in ",;:—–" and toks[i - 1].low not in BOUNDARY:
        return None  # a long subject that we cannot delimit
    return noun_phrase(text, toks[i : j + 1])


def noun_phrase(text: str, run: list[Tok]) -> Mention | None:
    while run and (not run[0].is_word or run[0].low in ("and", "but", "so")):
        run = run[1:]
    while run and not run[-1].is_word:
        run = run[:-1]
    if not run or len(run) > 10:
        return None
    if any(not t.is_cap and (t.low in _FINITE_HINT or t.low in AUXILIARIES) for t in run):
        return None  # "has often been": a verb phrase, not a subject
    head = run[-1]
    if not head.is_word or head.low in _FINITE_HINT:
        return None
    s, e = run[0].start, head.end
    definite = False  # kept as written: "several delegates" names nobody to look up
    # "the poll", "FEC records": a document speaks for whoever made it
    kind = "organisation" if head.low in NON_SPEAKER_HEADS or head.is_cap else "person"
    return Mention(s, e, text[s:e], "np", kind, None, None, head.low, definite, s)


# A passive ("was dismissed", "is planned") and what opens its adverbial ("on Monday",
# "by the board"): an event reported, not what anyone said.
_BE_FORMS = frozenset({"is", "was", "are", "were", "been", "be", "being"})
_AFTER_PASSIVE = frozenset(
    {"by", "in", "on", "at", "during", "monday", "tuesday", "wednesday", "thursday", "friday"}
    | {"saturday", "sunday", "yesterday", "today", "anytime", "last", "earlier", "later"}
)


_PAST_PARTICIPLES = frozenset(
    {"found", "shown", "seen", "known", "heard", "held", "made", "written", "given", "sent"}
)


def passive_event(prev: Tok, verb: str, first: Tok) -> bool:
    """Is the past form ``verb`` after ``prev`` a passive whose adverbial opens at
    ``first`` ("was dismissed on Monday", "were claimed by", "was found in May"): an
    event reported, no claim? (But "was asked by a reporter whether ..." is the
    asker's.)"""
    return (
        prev.low in _BE_FORMS
        and (verb.endswith("ed") or verb in _PAST_PARTICIPLES)
        and first.low in _AFTER_PASSIVE
        and verb not in _ADDRESSEE_VERBS
        and verb not in TELLING
        and verb != "expected"  # "A ruling is expected in May": an expectation
    )


# Before a bare verb form ("they support", "we want", "will call"): a noun otherwise.
_BEFORE_BARE = word_list("suggest/before_bare.txt")


def object_clause(
    text: str,
    toks: list[Tok],
    k: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
) -> Found | None:
    """ "X called the plan "reckless"", "X criticized Y for ...", "X declined to comment":
    the rest of the sentence after the verb, said by the subject."""
    n = len(toks)
    if k == 0 or k + 2 >= n:
        return None
    prev = toks[k - 1]
    low = cue.word
    if prev.low in NOUN_BEFORE or not (prev.is_word or prev.text == ")"):
        return None
    if low == "called" and naming_called(toks, k):
        return None
    if low == "want" and prev.low in ADVISING:
        return None  # "Lee may want to recount the ballots": the writer's advice
    plural = prev.low in _QUANTIFIERS or (
        prev.low.endswith("s") and not prev.low.endswith(("ss", "’s", "'s", "us", "is"))
    )
    bare = not low.endswith(("s", "ed", "ing")) and low not in IRREGULAR_PAST
    if bare and prev.low not in _BEFORE_BARE and not plural:
        return None
    if low.endswith("ing"):
        return None
    body = toks[k + 1 :]
    if passive_event(prev, low, body[0]):
        return None
    if prev.low == "percent" and body[0].low in _AFTER_SHARE:
        return None  # "had 38 percent support in the poll": a share, not who supports
    # "vowed Tuesday to ...", "has declined for years to ...": the time is the cue's
    body = body[_time_before_object(body) :]
    if low in _SEE_AS and not any(x.low == "as" for x in body[1:12]):
        return None  # "voters see Trump as ...", not "voters saw the rally"
    body = body[: subordinate_end(toks, k, body)]
    body = body[: clause_end(body, objects=True)]
    if in_relative_clause(toks, k):
        # "the trust, which often criticized the timetable, met ...": the relative
        # clause ends at its comma
        body = body[: next((x for x, t in enumerate(body) if t.text == ","), len(body))]
    elif _subject_relative(toks, k):
        # "those who back Lee are students": the object ends before the main verb
        body = body[: _main_verb(body)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    stem = _stem(low)
    particles = _PARTICLES_OF.get(stem, ())
    if particles:
        # "spoke briefly about", "talked openly of": the manner goes with the cue
        body = body[_manner_before(body, particles) :]
    if particles and stem in _SPEAKING:
        # "talked more about", "spoke on the radio about": the words up to "about"
        # go with the cue
        body = body[_words_before_about(body) :]
    if len(body) > 1 and body[0].low in particles and not _infinitive(body):
        # "called for X", "asked about X": the particle belongs to the cue
        cue = Cue(cue.start, body[0].end, low, False)
        body = body[1:]
    elif particles and body and body[0].low in _PREPOSITIONS and not _infinitive(body):
        return None  # "talked to reporters": not what was talked about
    elif low in _APPEARING and body and body[0].low in _APPEARING_WHERE:
        return None  # "appeared at her side", "appears before the council": a showing up
    elif (
        len(body) > 1
        and body[0].text in _PLACE_PREPOSITIONS
        and body[1].low not in ("least", "most")
        and not finite_soon(body, 1, 8)
    ):
        return None  # "plans in October", "declined in every ward": where, when
    elif stem in _SPEAKING and body and body[0].low != "as" and not _infinitive(body):
        return None  # "spoke Monday night in Ohio", "spoke Portuguese": where, when, how
    stance = _after_stance_noun(body)
    if stance:
        # "expressed concern about": the noun and its preposition join the cue
        end = body[stance - 1].end if body[stance - 1].low != "that" else body[stance - 2].end
        cue = Cue(cue.start, end, low, False)
        body = body[stance:]
    if low in _ADDRESSEE_VERBS:
        # "asked the senator whether ...": the addressee is not part of what was asked
        # (but "asked the court to intervene" keeps it, as PolNeAR does)
        a = _after_addressee(body)
        if a == 0 and low in TELLING:
            a = addressee_end(body, 0, low)  # "assured voters he would ..."
        body = body[a:]
    # "declined to comment for this article": nothing more was said
    body = body[: _refusal_end(body)]
    if (
        len(body) > 4
        and body[0].low == "to"
        and body[1].low == "comment"
        and body[2].low in ("on", "about")
    ):
        # "declined to comment on the fares": the topic is the claim, the rest the cue
        cue = Cue(cue.start, body[2].end, low, False)
        body = body[3:]
    inner = low in _SEEM_VERBS and _inner_verb(body)
    if inner:
        # "seemed to confirm the critiques": the inner verb is the cue, what follows it
        # is the claim (not the subject and its infinitive)
        cue = Cue(cue.start, body[1].end, low, False)
        body = body[2:]
    if low not in _SEEM_VERBS or inner:
        body = body[: occasion_end(body)]
        t = time_at_end(body)
        if t < len(body) and _plain_object(body[:t]) and _time_may_end(toks, body[-1]):
            body = body[:t]  # "endorsed Lee on Tuesday.": when, not what, was endorsed
    words = count_words(body, 2)  # 0, 1 or 2 and more
    # "endorsed her", "praised Obama": a one-word object is a person
    single = words == 1 and (body[0].low in ("him", "her", "them", "us", "me") or body[0].is_cap)
    if (
        (words < 2 and not single)
        or body[0].low in NOT_OBJECT_START
        or not (body[0].is_word or body[0].text in ALL_MARKS)
    ):
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    # the subject last: the object is often taken already (speed)
    m = subject_of(text, toks, k)
    if m is None:
        m = generic_subject(text, toks, k, 0)
        if (m is None and not is_coordinated(toks, k)) or (
            m is not None and len(m.text.split()) > 6
        ):
            return None
    if low in _SEEM_VERBS and not inner and not _it_before(toks, k):
        # "The plan seems to be failing": what seems is the subject and its infinitive
        subj = _subject_span(toks, k, m)
        if subj is not None and not overlaps_any(taken, *subj):
            return Found([subj, (a, b)], cue, m, pi)
    rel = relative_before_subject(toks, k)
    if rel is not None and not overlaps_any(taken, rel.start, rel.end):
        # "what the crew called a rogue wave": the relative word is what was called
        return Found([(rel.start, rel.end), (a, b)], cue, m, pi)
    return Found([(a, b)], cue, m, pi)


# After a comma, these open another speaker's claim when a short subject and a
# reporting verb follow ("..., but officials said", "..., after half said").
_OTHER_SPEAKER_LINKS = frozenset({"but", "while", "whereas", "and", "after", "though"})


# Adverbs of time between a verb and its object ("promised again to ...").
_TIME_ADVERBS = frozenset(
    {"again", "repeatedly", "publicly", "privately", "previously", "also", "earlier"}
    | {"later", "recently", "then", "now", "once"}
)
_SPANS = frozenset({"years", "months", "decades", "weeks", "days"})
# What the object starts with after such a time: an infinitive or a preposition of the cue.
_AFTER_TIME = frozenset({"to", "that", "for", "about", "on"})


_INDEFINITE = frozenset({"a", "an", "one"})
# The words after "percent" and a bare cue that make the cue a noun ("41 percent
# support among ...", "... approval in ..."), not the verb of those it counts.
_AFTER_SHARE = frozenset({"in", "among", "against", "from", "at", "on", "with", "that", "this"})


def naming_called(toks: list[Tok], k: int) -> bool:
    """Is "called" at ``toks[k]`` the name of a thing just introduced ("a group called
    Harbour Watch", "one app called ...", "a new fund for tenants called ..."): after an
    indefinite article and a few lower-case words or acronyms, the last no person's
    role (not "a spokesman called the plan reckless")?"""
    head = toks[k - 1].low
    if head in ROLE_HEADS or head[:-1] in ROLE_HEADS:
        return False
    for x in range(k - 1, max(-1, k - 6), -1):
        t = toks[x]
        if t.low in _INDEFINITE:
            return x < k - 1
        if not t.is_word or (t.is_cap and not t.text.isupper()):  # ("a PAC called")
            return False
    return False


def _time_before_object(body: list[Tok]) -> int:
    """How many words of time open ``body`` before an infinitive or a preposition of
    the cue ("Tuesday to", "on Wednesday to", "for years to", "in 2011 to"); 0 when
    none do."""
    n = len(body)
    x = after_time(body, 0)
    if x == 0 and n > 2:
        first, second = body[0].low, body[1].low
        if first in _TIME_ADVERBS:
            x = 1
        elif (first == "for" and second in _SPANS) or (
            first == "in" and second.isdigit() and len(second) == 4
        ):
            x = 2  # "for years", "in 2011"
    if 0 < x < n and body[x].text == ",":
        x += 1
    if 0 < x < n - 1 and body[x].low in _AFTER_TIME:
        return x
    return 0


# What a speaker declines to do, whole in itself ("to comment", "to be identified").
_REFUSALS = (("comment",), ("be", "identified"), ("be", "named"))


def _refusal_end(body: list[Tok]) -> int:
    """Where "to comment" or "to be identified" ends the object ``body`` (not "to
    comment on the plan", whose topic goes on); ``len(body)`` otherwise."""
    if len(body) < 3 or body[0].low != "to":
        return len(body)
    for words in _REFUSALS:
        e = 1 + len(words)
        if tuple(t.low for t in body[1:e]) == words and e < len(body):
            return len(body) if body[e].low in ("on", "about") else e
    return len(body)


def occasion_end(body: list[Tok]) -> int:
    """Where the occasion of an object ends ``body``: "at a news conference", "in an
    email to supporters", "during a rally in ..." says where it was said, not what
    ("praised the mayor at a news conference"); ``len(body)`` when none does, or
    when a "that" after it says what was said."""
    n = len(body)
    for x in range(1, n - 1):
        if body[x].low == "on" and body[x + 1].low in _MEDIA and _plain_object(body[:x]):
            return x  # "mocked the senator on Twitter", "on CNN's ..."
        if x < n - 2 and body[x].low in _OCCASION_PREPS and body[x + 1].low in ("a", "an"):
            for t in body[x + 2 : x + 6]:
                if t.low in _OCCASIONS:
                    # "refused to say in an interview that ...": what was said follows
                    return n if any(u.low == "that" for u in body[x + 3 :]) else x
                if not t.is_word:
                    break
    return n


_OCCASION_PREPS = frozenset({"at", "during", "in"})
_MEDIA = frozenset(
    {"twitter", "facebook", "instagram", "cnn", "msnbc", "fox", "abc", "nbc", "cbs", "npr"}
    | {"cnn's", "msnbc's", "abc's", "nbc's", "cbs's", "npr's", "cnn’s", "msnbc’s", "abc’s"}
    | {"nbc’s", "cbs’s", "npr’s", "television", "radio", "tv", "c-span"}
)


def _plain_object(body: list[Tok]) -> bool:
    """Is ``body`` a noun phrase alone ("Hillary Clinton", "his record against ISIS"):
    no infinitive, clause word or subject pronoun, verb, -ing form, comma or quotation
    a time after it might belong to?"""
    return bool(body) and not any(
        t.low in _CLAUSE_WORDS
        or t.text in ALL_MARKS
        or t.text == ","
        or _finite_word(t)
        or (
            t.low.endswith("ing")
            and len(t.low) > 4
            and not t.is_cap
            and (x == 0 or body[x - 1].low not in _POSSESSIVES)
        )
        for x, t in enumerate(body)
    )


# "her backing", "their funding": an -ing word after these is a noun
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your", "the"})


def _time_may_end(toks: list[Tok], last: Tok) -> bool:
    """Does a mark end the clause after ``last`` (a full stop, a dash, a comma)? A comma
    before "and" and a new clause too: "backed the plan in March, and the council ...",
    and "and" or "but" before a second verb: "backed Lee in May and campaigned ..." (PolNeAR
    leaves the time out there as well)."""
    for x in range(len(toks) - 1, -1, -1):
        if toks[x] is last:
            nxt = toks[x + 1].text if x + 1 < len(toks) else "."
            return (
                nxt in (".", "!", "?", ";", ",", "—", "–", "-", ":", ")", "and", "but")
                or nxt in ALL_MARKS
            )
    return False


_CLAUSE_WORDS = frozenset(
    {"to", "that", "whether", "if", "when", "after", "before", "who", "which", "while"}
    | {"as", "because", "since", "until", "he", "she", "they", "we", "i"}
)


def in_relative_clause(toks: list[Tok], k: int) -> bool:
    """Is the cue ``toks[k]`` the verb of ", who/which (adverbs) <cue>"?"""
    v = k - 1
    while (
        v > 0
        and toks[v].low not in ("who", "which")  # ("who" is in SKIP_BACK too)
        and (toks[v].low in SKIP_BACK or toks[v].low.endswith("ly"))
        and not toks[v].is_cap
    ):
        v -= 1
    return v > 0 and toks[v].low in ("who", "which") and toks[v - 1].text == ","


# The finite words a sentence's main verb starts with after a long subject.
_MAIN_AUX = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can"}
    | {"may", "might", "should", "must"}
)
# ... and the words before such a finite word inside a clause ("who is", "it has").
_NOT_BEFORE_MAIN = frozenset(
    {"who", "that", "which", "what", "it", "he", "she", "they", "there", "i", "we", "you", "to"}
)


def _subject_relative(toks: list[Tok], k: int) -> bool:
    """Is the cue ``toks[k]`` the verb of "who"/"that" in the sentence's subject ("Those
    who back Lee are ...", "A man who praised the plan has ..."): within its first six
    words, no comma or finite word before it?"""
    v = k - 1
    while (
        v > 0
        and toks[v].low not in ("who", "that")
        and (toks[v].low in SKIP_BACK or toks[v].low.endswith("ly"))
        and not toks[v].is_cap
    ):
        v -= 1
    if not (0 < v <= 6 and toks[v].low in ("who", "that") and toks[v - 1].is_word):
        return False
    return not any(t.text in (",", ":", ";") or t.low in _MAIN_AUX for t in toks[:v])


def _main_verb(body: list[Tok]) -> int:
    """Where the sentence's main verb starts in the object ``body`` of a cue in its
    subject (an index into ``body``; its length when none does)."""
    for x in range(1, len(body)):
        prev = body[x - 1]
        if body[x].low in _MAIN_AUX and prev.is_word and prev.low not in _NOT_BEFORE_MAIN:
            return x
    return len(body)


_SEEM_VERBS = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})
_APPEARING = frozenset({"appear", "appears", "appeared"})
# After "appear", these make it a showing up, not a seeming ("appeared with Roe").
_APPEARING_WHERE = frozenset(
    {"at", "before", "on", "with", "together", "alongside", "beside", "in", "onstage"}
)


# Verbs after "seemed to" that carry the claim themselves ("seemed to confirm ...").
_INNER = frozenset(
    {"confirm", "indicate", "acknowledge", "blame", "mock", "urge", "offer", "concede"}
    | {"endorse", "praise", "criticize", "reject", "deny", "admit", "question"}
)


def _inner_verb(body: list[Tok]) -> bool:
    """Does ``body``, the object of "seem" or "appear", open with "to" and a verb of
    its own followed by what it says ("to suggest that ...", "to confirm the
    critiques"), not "to be ..." or "to have ..."?"""
    return (
        len(body) > 3
        and body[0].low == "to"
        and body[1].is_word
        and body[1].low in _INNER
        and body[2].is_word
        and body[2].low not in _PREPOSITIONS
        and body[2].low != "by"
        and body[3].is_word
    )


def _it_before(toks: list[Tok], k: int) -> bool:
    """Is "it" the subject of the verb ``toks[k]``, past adverbs and auxiliaries ("it
    now seems", "It may seem"): a placeholder, not what seems?"""
    v = k - 1
    while v > 0 and not toks[v].is_cap and (toks[v].low in SKIP_BACK or toks[v].low.endswith("ly")):
        v -= 1
    return v >= 0 and toks[v].low == "it"


def _subject_span(toks: list[Tok], k: int, m: Mention | None) -> tuple[int, int] | None:
    """The subject of the verb ``toks[k]``: back over adverbs and auxiliaries to the
    start of its clause ("the secure fax machine (also) appears"), or the mention ``m``
    when that stretch holds more than a noun phrase ("who has been ... and appeared")."""
    v = k
    while (
        v > 0
        and toks[v - 1].low in SKIP_BACK
        and toks[v - 1].low != "who"
        and not toks[v - 1].is_cap
    ):
        v -= 1
    if v > 0 and toks[v - 1].low in ("what", "which", "who"):
        return toks[v - 1].start, toks[v - 1].end  # "for what appears to be ...": the relative
    s0 = _back_to_boundary(toks, v, v, 10)
    if s0 == 1 and toks[0].low == "that" and v > 1:
        s0 = 0  # "That lesson appears ...": a determiner, not a conjunction
    if s0 > 1 and toks[s0 - 1].low in ("and", "or") and toks[s0 - 2].is_word:
        # "the link between Leeds and York seems": the phrase goes on before "and"
        s1 = _back_to_boundary(toks, s0 - 1, v, 12)
        longer = toks[s1:v]
        if (
            (s1 == 0 or toks[s1 - 1].text in (",", ";", ":", "—", "–", "("))
            and longer[0].low in DETERMINERS
            and not any(_finite_word(t) for t in longer)
        ):
            return longer[0].start, longer[-1].end
    run = toks[s0:v]
    if (
        run
        and (
            s0 == 0
            or toks[s0 - 1].text in (",", ";", ":", "—", "–", "(")
            or toks[s0 - 1].low in BOUNDARY
        )
        and all(t.is_word or t.text in ("’", "'", ".", "-") for t in run)
        and not any(_finite_word(t) or t.low in ("and", "or") for t in run)
    ):
        run = _without_time(run)  # "Lee on Tuesday seemed": the time is not what seemed
        return run[0].start, run[-1].end
    if m is not None and m.end <= toks[v].start:
        return m.start, m.end
    return None


def _without_time(run: list[Tok]) -> list[Tok]:
    """``run`` without a day ending it ("Lee on Tuesday", "the board Friday")."""
    if len(run) > 1 and run[-1].low in DAYS:
        run = run[:-1]
        if len(run) > 1 and run[-1].low == "on":
            run = run[:-1]
    return run


# Nouns of a stance that the verb expresses ("expressed concern about", "raised
# questions over", "offered his support for"): the cue's words, not the content.
_STANCE_NOUNS = frozenset(
    {"concern", "concerns", "question", "questions", "doubt", "doubts", "fear", "fears"}
    | {"support", "confidence", "interest", "frustration", "condolences", "opposition"}
    | {"hope", "hopes", "skepticism", "alarm", "outrage", "dismay", "worries", "worry"}
)
_STANCE_PREPS = frozenset({"about", "over", "for", "in", "with", "on", "at", "of", "that"})


def _after_stance_noun(body: list[Tok]) -> int:
    """Where the content starts after "(his, new, some) concern(s) about": 0 when the
    object is not a stance noun with a preposition."""
    x = 0
    if len(body) > 3 and (body[0].low in DETERMINERS or body[0].low in _STANCE_MODIFIERS):
        x = 1
    if x + 2 < len(body) and body[x].low in _STANCE_NOUNS and body[x + 1].low in _STANCE_PREPS:
        return x + 1 if body[x + 1].low == "that" else x + 2
    return 0


_STANCE_MODIFIERS = frozenset({"new", "some", "serious", "deep", "strong", "full", "grave"})


_ADDRESSEE_VERBS = frozenset(
    {"ask", "asks", "asked", "urge", "urges", "urged", "assure", "assures", "assured"}
    | {"remind", "reminds", "reminded", "press", "presses", "pressed", "implored", "begged"}
    | {"encourage", "encourages", "encouraged", "agree", "agrees", "agreed"}
)

# What follows the addressee: a question, "that" or "about".
_AFTER_ADDRESSEE = frozenset({"whether", "if", "how", "what", "why", "when", "where", "who"})


def _after_addressee(body: list[Tok]) -> int:
    """Where what was asked starts after an addressee ("the senator whether", "Lee
    about", "with the mayor that"); 0 when no addressee."""
    for x, t in enumerate(body[:10]):
        if x == 0:
            if t.low != "with" and not (
                t.is_word and t.low not in _AFTER_ADDRESSEE and t.low not in ("to", "that")
            ):
                return 0
            continue
        if t.low in _AFTER_ADDRESSEE or t.low == "that":
            return x
        if t.low == "about" and x + 1 < len(body):
            return x + 1
        if not (t.is_word or t.text in (",", "’", "'", ".", "-")) or _finite_word(t):
            return 0
        if t.low in ("and", "or", "but") or t.low in _PREPOSITIONS:
            return 0
    return 0


# Verbs whose object is the person told, before what was told ("told reporters he
# would", "assured voters that", "reminded them of"): PolNeAR leaves that person out.
TELLING = frozenset(
    {"tell", "tells", "told", "telling", "assure", "assures", "assured", "assuring"}
    | {"remind", "reminds", "reminded", "reminding"}
)
_REMINDING = frozenset({"remind", "reminds", "reminded", "reminding"})
_OBJECT_PRONOUNS = frozenset({"me", "him", "her", "them", "us", "you"})
# What opens the told part right after the addressee ("told them that", "told him to").
_TOLD_OPENERS = _AFTER_ADDRESSEE | frozenset({"that", "to", "about"})
# Objects that are what was told, not who was told ("told the story of ...").
_TOLD_THINGS = frozenset({"story", "stories", "tale", "tales", "truth", "joke", "jokes", "lie"})


def addressee_end(toks: list[Tok], j: int, verb: str, limit: int = 12) -> int:
    """Where what was told starts after the addressee at ``toks[j]`` of the telling
    verb ``verb`` ("told reporters he would ...", "told the Gazette, his plan ...",
    "assured them that ...", "reminded voters of ..."); ``j`` when the words at ``j``
    are not an addressee followed by what was told."""
    n = len(toks)
    if j >= n or not toks[j].is_word:
        return j
    first = toks[j]
    if first.low in _TOLD_OPENERS or first.low in _SUBJECTS:
        return j
    # an addressee of another kind ("told pollsters they ...") ends only at a pronoun
    plain = not (
        first.low in _OBJECT_PRONOUNS
        or first.is_cap
        or first.low in DETERMINERS
        or first.text[0].isdigit()
        or first.low in _ADDRESSEE_NOUNS
    )
    openers = _TOLD_OPENERS | {"of"} if verb in _REMINDING else _TOLD_OPENERS
    for x in range(j + 1, min(n, j + limit)):
        t = toks[x]
        prev = toks[x - 1]
        if t.low in _TOLD_THINGS:
            return j
        if t.low in openers:
            return x
        if t.text == ",":
            # "told the Gazette, his plan ...", but "supporters in Leeds, England, that"
            if x + 1 < n and _clause_opens(toks, x + 1, True, plain):
                return x + 1
            continue
        if t.text == ":" and not plain:
            return x + 1 if x + 1 < n else j  # "told the Gazette: ..."
        if not t.is_word and t.text not in ("’", "'", ".", "-"):
            return j
        if prev.low in _PREPOSITIONS or (prev.low in DETERMINERS and prev.low != "her"):
            continue  # "told the Gazette of Leeds she ...", "told her at the meeting that"
        if _clause_opens(toks, x, prev.is_cap or prev.text == ",", plain):
            return x
    return j


# Plain nouns of people told things: "told reporters", "assured voters".
_ADDRESSEE_NOUNS = word_list("suggest/addressees.txt") | frozenset(
    {"reporters", "voters", "supporters", "viewers", "listeners", "journalists", "people"}
    | {"donors", "members", "lawmakers", "students", "delegates", "officials", "guests"}
    | {"residents", "workers", "employees", "colleagues", "aides", "allies", "audiences"}
)


def _clause_opens(toks: list[Tok], x: int, after_name: bool, pronoun_only: bool) -> bool:
    """Does a clause start at ``toks[x]``: a subject pronoun, or (unless
    ``pronoun_only``) a determiner or a capitalised word not right after a name, with a
    finite verb soon after?"""
    t = toks[x]
    low = t.low.replace("’", "'")
    if low in _SUBJECTS or low == "there" or low.split("'")[0] in _SUBJECTS:
        return finite_soon(toks, x, 5)
    if not pronoun_only and (t.low in DETERMINERS or (t.is_cap and not after_name)):
        return finite_soon(toks, x + 1, 5)
    return False


def colon_attribution(
    text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Ana Ruiz: ...", "RUIZ: Well, look ...", "Poll: ..." at the start of a sentence."""
    if text.find(":", toks[0].start, toks[min(len(toks), 14) - 1].end) < 0:
        return None  # no colon near the start (most sentences; speed)
    c = next((x for x, t in enumerate(toks[:14]) if t.text == ":"), None)
    if c is None or c == 0 or c + 2 >= len(toks):
        return None
    head = toks[:c]
    comma = next((x for x, t in enumerate(head) if t.text == ","), None)
    if comma is not None:
        # "Ana Ruiz, the harbour minister: ..." -- a name, then its apposition
        if comma < 2 or not head[comma + 1 :] or head[comma + 1].low not in DETERMINERS:
            return None
        head = head[:comma]
    elif c > 5:
        return None
    # "Dr. Ben Carson:", "Peter J. Moss:": an abbreviation's period is part of the name
    head = [t for x, t in enumerate(head) if not (t.text == "." and x and _initial(head[x - 1]))]
    to = next((x for x, t in enumerate(head) if t.low == "to"), None)
    if pi == 0 and to is not None and 0 < to < len(head) - 1:
        head = head[:to]  # "Lee to Harbour Trust: ...": the speaker, then the addressee
    small = ("of", "the", "and", "at", "on")
    if not all(t.is_word and (t.is_cap or t.low in small) for t in head):
        return None
    if not head[-1].is_cap or len(head) > 5:
        return None
    line_start = toks[0].start == 0 or text[toks[0].start - 1] == "\n"
    quoted = toks[c + 1].text in ALL_MARKS
    headline = pi == 0 and not any(t.low in _NOT_NAME_HEAD for t in head)
    if len(head) == 1:
        # "TAPPER: ...", "Q: ..." (not a kicker in capitals: "UPDATE: ...", "BOOM: ...")
        transcript = line_start and (
            (head[0].text.isupper() and len(head[0].text) > 2 and head[0].low not in _NOT_NAME_HEAD)
            or head[0].text in ("Q", "A")
        )
        named = (headline or quoted) and head[0].is_cap and head[0].low not in _NOT_NAME_HEAD
        if head[0].low not in ("poll", "report", "survey", "study") and not (transcript or named):
            return None
    elif not (headline or (is_name_tok(head[-1]) and is_name_tok(head[-2]))):
        return None  # "A World at War:", "MOVE PAST Iowa:" -- a headline, not a speaker
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if count_words(body, 3) < 3:
        return None
    if len(head) == 1 and head[0].text in ("Q", "A") and _opens_with_attribution(body):
        return None  # "A: I think they would ...": the answer's own cue decides
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    s, e = head[0].start, head[-1].end
    kind = "organisation" if head[-1].low in NON_SPEAKER_HEADS else "person"
    m = Mention(s, e, text[s:e], "name", kind, phrase_start=s)
    cue = Cue(toks[c].start, toks[c].end, ":", False)
    return Found([(a, b)], cue, m, pi)


_TURN_STOPS_RE = re.compile("[:\"“”„«»]|''")


def extend_turns(text: str, found: list[Found], taken: list[tuple[int, int]]) -> None:
    """ "RUIZ: Well, look. We never ...": a transcript turn found by
    ``colon_attribution`` runs on to the end of its paragraph, unless the sentences
    after its first hold a quotation, another "NAME:" or a claim of their own (the
    sentence rules have read them all by now). Changes ``found`` and ``taken``."""
    for f in found:
        if f.cue.word != ":" or f.mention is None or len(f.spans) != 1:
            continue
        m = f.mention
        if m.start > 0 and text[m.start - 1] != "\n":
            continue
        a, b = f.spans[0]
        if text[a] in ALL_MARKS:
            continue
        end = text.find("\n", b)
        if end < 0:
            end = len(text)
        while end > b and text[end - 1] in " \t.":
            end -= 1
        if end <= b or _TURN_STOPS_RE.search(text, b, end) or overlaps_any(taken, b, end):
            continue
        taken.remove((a, b))
        f.spans[0] = (a, end)
        insort(taken, (a, end))


def _opens_with_attribution(body: list[Tok]) -> bool:
    """Does ``body`` open with a pronoun and a verb of the lists ("Yes, I think ...",
    "You said yesterday ...")?"""
    for x, t in enumerate(body[:5]):
        if t.low in ("i", "we", "you", "he", "she", "they") and x + 1 < len(body):
            nxt = body[x + 1].low.replace("’", "'")
            if nxt in ("'re", "'ve", "do", "did", "have", "also") and x + 2 < len(body):
                nxt = body[x + 2].low
            return nxt in CLAUSE_VERBS or nxt in THAT_VERBS or nxt in _ANY_VERB
    return False


def _initial(t: Tok) -> bool:
    """A title or an initial that a period follows ("Dr", "J")."""
    return t.low in ABBREVIATIONS or (len(t.text) == 1 and t.is_cap)


# After a comma, these start something that is no longer the reported content:
# ", which ...", ", as has ...", ", putting her at odds ...".
_AFTER_COMMA_STOP = word_list("suggest/after_comma_stop.txt")

_CONNECTORS = word_list("suggest/connectors.txt")


_PHRASE_OPENERS = frozenset({"in", "at", "on", "during", "after", "before", "later", "earlier"})
_END_WORDS = frozenset({"and", "but", ";"})


def clause_end(body: list[Tok], objects: bool, cue: str = "", participle: bool = False) -> int:
    """Where the reported content after a cue ends (index into ``body``); ``cue`` (a
    clause's cue word) keeps "said they were worried and want ..." whole: a second
    verb in another form than the cue's belongs to the clause; ``participle`` (an
    object after a participle cue) reads on past a comma and a verb ("officials,
    fearing a storm, refused to ...": the aside holds the sentence's verb). Never
    inside a quotation ("blamed "the greed, the noise" for ..."): the end is looked
    for again after its closing mark."""
    end = _clause_end(body, objects, cue, participle)
    if end < len(body):
        close = _quote_closing(body, end)
        if close > 0:
            return close + _clause_end(body[close:], objects, cue, participle)
    return end


_QUOTE_TOKENS = frozenset({"“", "”", '"', "'"})


def _quote_closing(body: list[Tok], end: int) -> int:
    """The index of the mark closing a quotation open at ``body[end]``, or 0."""
    if _QUOTE_TOKENS.isdisjoint([t.text for t in body[:end]]):
        return 0  # (most contents hold no quotation mark: speed)
    curly = straight = pairs = 0
    opened = 0
    for x in range(end):
        text = body[x].text
        if text == "“" and not (x and body[x - 1].is_word and body[x - 1].end == body[x].start):
            curly += 1
            opened = x
        elif text in ("”", "“"):  # (a "“" glued to the word before closes: a typo)
            curly = max(0, curly - 1)
        elif text == '"':
            straight ^= 1
            opened = x
        elif (
            text == "'"
            and x + 1 < end
            and body[x + 1].text == "'"
            and body[x + 1].start == body[x].end
        ):
            pairs ^= 1
            opened = x + 1
    if not (curly or straight or pairs) or opened >= end - 2:
        return 0  # (a mark right before the end opens what follows)
    for x in range(end, len(body)):
        text = body[x].text
        if (
            (curly and text in ("”", "“"))
            or (straight and text == '"')
            or (pairs and text == "'" and x + 1 < len(body) and body[x + 1].text == "'")
        ):
            return x
    return 0


def _clause_end(body: list[Tok], objects: bool, cue: str, participle: bool) -> int:
    """``clause_end`` without the test for quotations."""
    # where another clause starts inside the content (``_run_on_at``): the end unless
    # one of the ends below comes first; found in the same pass (speed)
    n = len(body)
    openers, watched = (_RUN_ON_OPENERS, _OBJECT_WATCH) if objects else (_CONTRAST, _CLAUSE_WATCH)
    run_on = -1
    for x in range(1, n):
        t = body[x]
        low = t.low
        before = body[x - 1].text
        if (
            low not in watched
            and before != ","
            and (before not in _CLOSING or _quoted_comma(body, x) < 0)
        ):
            continue  # (most words: two tests; speed)
        if run_on < 0 and low in openers and x < n - 2:
            nxt = body[x + 1]
            if not (nxt.low in _RUN_ON_NEXT or nxt.is_cap):
                pass  # (most words after a comma open nothing of the kind: speed)
            elif objects:
                if _run_on_at(body, x, participle):
                    run_on = x
            elif x > 1 and _new_clause_at(body, x):
                # "said the plan is dead - though the mayor has hopes": the writer's
                run_on = x - 1 if body[x - 1].low == "even" else x
        # the word after a comma ends the content before the comma; after a comma
        # inside a closing quotation mark ("called it "a disgrace," and ...") after
        # the mark, which the quotation keeps
        cut = x - 1 if before == "," else _quoted_comma(body, x) if before in _CLOSING else -1
        # only these end a clause: "and", "but", ";" and the word after a comma (speed)
        if low not in _END_WORDS and cut < 0:
            continue
        if t.low == "but" and but_not_after(body, x):
            # "favored Lee, but could not vote": the reporter's account of the speaker
            return x - 1 if body[x - 1].text == "," else x
        nxt = body[x + 1].low if x + 1 < len(body) else ""
        if t.low in ("and", "but") and (
            nxt in _ANY_VERB or (nxt in SKIP_BACK and x + 2 < len(body))
        ):
            after = nxt if nxt in _ANY_VERB else body[x + 2].low
            if after in _ANY_VERB and (not cue or same_form(after, cue)):
                # "called the fees fair, and said ...": a second attribution
                return x - 1 if body[x - 1].text == "," else x
        if t.low in ("and", "but") and nxt in _PHRASE_OPENERS:
            # "called the fees "unfair," and on Friday vowed ...": a second attribution
            # after a short phrase of time or place
            v = next(
                (
                    y
                    for y in range(x + 2, min(len(body), x + 7))
                    if not body[y].is_word or body[y].low in _ANY_VERB
                ),
                None,
            )
            if (
                v is not None
                and body[v].is_word
                and v > x + 2
                and (not cue or same_form(body[v].low, cue))
            ):
                return x - 1 if body[x - 1].text == "," else x
        if (
            objects
            and t.low == "and"
            and x + 1 < len(body)
            and not body[x + 1].is_cap
            and (nxt in _IRREGULAR_PAST or (nxt.endswith("ed") and len(nxt) > 4))
            and "-" not in nxt  # "and need-based aid": an adjective
            and _RELATIVES.isdisjoint([b.low for b in body[:x]])
        ):
            # "backed the same plan and left the hall": the subject's next act (not in a
            # relative clause of the object: "a rookie who memorized lines and lacked ...")
            return x
        if cut >= 0:
            if t.low in ("adding", "saying", "according") or t.low in _AFTER_COMMA_STOP:
                return cut
            if t.low == "as" and _as_clause(body, x + 1):
                return cut  # ", as has the mayor", ", as she campaigns": the reporter's
            if t.low in _OTHER_SPEAKER_LINKS and new_speaker_cue(body, x + 1):
                return cut  # "..., but officials said ...": another speaker's claim
            if (
                (low in _FINITE_AFTER_ASIDE or low[-2:] == "ed" or low in _IRREGULAR_PAST)
                and _verb_after_aside(body, x)
                and all(b.text != "," for b in body[: x - 1])
            ):
                # "Lee, who backed the toll last year, opposes ...": the content began in
                # an aside of the subject (no comma before in it) and ends with the aside
                return cut
            if t.low == "so" and nxt not in _SO_DEGREE:
                return cut  # "..., so they left early": the writer's consequence
            if t.low == "compared" and nxt in ("with", "to"):
                return cut  # ", compared with 11 percent ...": the reporter's comparison
            if (
                t.low in ("and", "but")
                and nxt in ("he", "she", "they", "we", "i")
                and x + 2 < len(body)
            ):
                return cut  # "called it a mistake, and he left": a new clause
            if (
                t.low in ("and", "but")
                and (objects or nxt != "that")
                and (
                    (
                        (nxt in DETERMINERS or (x + 1 < len(body) and body[x + 1].is_cap))
                        and finite_soon(body, x + 2, 5)
                    )
                    or (
                        (nxt in _COUNTED_SUBJECTS or nxt[:1].isdigit())
                        and _counted_clause(body, x + 1)
                    )
                )
                and not any(b.text == "," for b in body[max(0, x - 5) : x - 1])
            ):
                # "called for a boycott, and the league said ...", "believes the ferry is
                # late, but the council spent ...": a new clause (not the last of a list:
                # "Leeds, York, and Hull"; not ", and that ...": a second reported clause)
                return cut
            if (
                t.low.endswith("ing")
                and not t.is_cap
                and len(t.low) > 5
                and (not cue or t.low in PARTICIPLES)
                and t.low != "including"  # ", including ...": still the object
                # (", loving and kind": an adjective in a list, no participle)
                and not (x + 1 < len(body) and body[x + 1].low in ("and", "or", ","))
            ):
                return cut  # ", noting ...": not ", including ..." after a clause
            if cut == x and nxt in _OPENING:
                pass  # "a “loser,” a “liar” and ...": a list of quoted words
            elif objects and t.low in ("the", "a", "an") and x > 2:
                return cut  # an apposition to the object
            elif not objects and x > 3 and _comment_after(body, x):
                return cut  # "..., a far higher figure", "..., up 31 percent"
        if t.text == ";":
            return x
    return run_on if run_on >= 0 else n


# Finite verbs that, right after a comma, are the verb of a subject whose aside held
# the content ("Lee, who said the pier is unsafe, is ...").
_FINITE_AFTER_ASIDE = frozenset({"is", "was", "are", "were", "has", "had"})


def _verb_after_aside(body: list[Tok], x: int) -> bool:
    """Is ``body[x]``, after a comma, the sentence's own finite verb: an auxiliary, or a
    past form before its object ("..., launched a petition", not "..., backed by")?"""
    t = body[x]
    if t.is_cap or x + 1 >= len(body):
        return False
    low = t.low
    if low in _FINITE_AFTER_ASIDE:
        return True
    if not (low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4)):
        return False
    nxt = body[x + 1]
    return nxt.low in _OWNERS or nxt.low in ("a", "an") or (nxt.is_cap and nxt.is_word)


# Words after "so" of degree, not of a consequence (", so far,", ", so much that").
_SO_DEGREE = frozenset({"far", "much", "many", "long", "few", "little"})
_RELATIVES = frozenset({"who", "that", "which", "whose", "whom"})
_CLOSING = frozenset({"”", '"', "'"})
_OPENING = frozenset({"“", '"', "'"})


def _quoted_comma(body: list[Tok], x: int) -> int:
    """The index after a closing quotation mark right before ``body[x]`` that follows
    a comma (",”", ",''"), where a content may end; -1 when there is none."""
    y = x - 1
    mark = body[y]
    if mark.text not in _CLOSING or y < 2:
        return -1
    if mark.text == "'":
        y -= 1  # ",''": two marks
        if body[y].text != "'" or body[y].end != mark.start or y < 2:
            return -1
    comma = body[y - 1]
    return x if comma.text == "," and comma.end == body[y].start else -1


# Words before another clause that an object may run into ("praised the plan - he has
# called it ..."): a comma, a dash, a colon and the conjunctions of a new clause.
_RUN_ON_OPENERS = frozenset(
    {",", "-", "—", "–", ":", "and", "but", "or", "so", "because", "as", "when", "only"}
    | {"after", "before", "since", "though", "although", "until", "by", "while"}
)
# ... and the contrasts a reported clause runs into another clause with.
_CONTRAST = frozenset({"but", "though", "although"})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "i", "we", "you", "it", "there"})
# The words ``_clause_end`` looks at more closely (besides the word after a comma).
_OBJECT_WATCH = _RUN_ON_OPENERS | _END_WORDS
_CLAUSE_WATCH = _CONTRAST | _END_WORDS
_OWNERS = frozenset({"the", "his", "her", "their", "its", "our", "my"})
_CUE_VERBS = _ANY_VERB | THAT_VERBS
# ... and the words a participle of a second claim follows there ("- saying ...").
_BEFORE_PARTICIPLE = frozenset({"by", "after", "while", "before", "-", "—", "–"})
# The words a clause or a participle of ``_run_on_at`` starts with (besides a name).
_RUN_ON_NEXT = (
    _PRONOUN_SUBJECTS | _OWNERS | _CUE_VERBS | PARTICIPLES | frozenset({"has", "had", "have"})
)
_NOT_BEFORE_CLAUSE = frozenset({"by", "while", "or"})


def _run_on_at(body: list[Tok], x: int, participle: bool) -> bool:
    """Does the object ``body`` of a cue end at ``body[x]``, where something else the
    subject or another speaker says or does begins? (``participle`` as for
    ``clause_end``.)"""
    t, nxt = body[x], body[x + 1].low
    if t.low in _BEFORE_PARTICIPLE and nxt in PARTICIPLES:
        return True  # "attacked Lee by reminding voters that ...": a second claim
    if t.low in ("and", "or", ",") and nxt in ("has", "had", "have"):
        return True  # "endorsed Lee and has been a critic of ...": the subject's next act
    if (
        t.text == ","
        and not participle
        and nxt in _CUE_VERBS
        and (nxt.endswith(("ed", "s")) or nxt in _IRREGULAR_PAST)
        and not nxt.endswith("ss")
    ):
        return True  # "The guild, which backed Lee, opposes ...": the subject's own verb
    return t.low not in _NOT_BEFORE_CLAUSE and _new_clause_at(body, x)


def _new_clause_at(body: list[Tok], x: int) -> bool:
    """Does a clause of its own follow ``body[x]``: a subject (a pronoun, a name, or
    "the"/"his" and up to two words) and a listed verb or an auxiliary (after a
    pronoun any past form)? After "and" only a pronoun counts ("Lee and Park said" is
    one subject)."""
    n = len(body)
    x += 1
    t = body[x]
    if t.low in _PRONOUN_SUBJECTS:
        x += 1
    elif body[x - 1].low == "and":
        return False
    elif t.is_cap and t.is_word:
        y = x + 1
        while y < n and y < x + 5 and (body[y].is_cap or body[y].text == "."):
            y += 1
        x = y
    elif t.low in _OWNERS:
        y = x + 1
        while y < n and y < x + 4 and body[y].is_word and body[y].low not in _CUE_VERBS:
            y += 1
        x = y
    else:
        return False
    if x >= n:
        return False
    if body[x].low in AUXILIARIES or body[x].low.endswith(("n't", "n’t")):
        # "he has", "Park was", "she didn't": a finite verb
        return x + 1 < n and body[x + 1].is_word
    pronoun = body[x - 1].low in _PRONOUN_SUBJECTS
    while x < n and body[x].low in SKIP_BACK and body[x].low != "to":
        x += 1
    if x >= n:
        return False
    low = body[x].low
    # "he laughed", "they objected": after a pronoun any past form is a verb
    return low in _CUE_VERBS or (pronoun and low.endswith("ed") and len(low) > 4)


def _comment_after(body: list[Tok], x: int) -> bool:
    """Does the writer's comment on a reported clause start at ``body[x]``, after a
    comma: "a far higher figure than ..." to the end (no comma or finite word in it),
    "down from 47 percent", "up 31 percent", "double the number ..."?"""
    t = body[x]
    nxt = body[x + 1] if x + 1 < len(body) else None
    if nxt is None:
        return False
    if t.low in ("a", "an"):
        if not any(b.text == "," or b.low in _FINITE_HINT for b in body[x + 1 :]):
            return True
        return comment_phrase(body, x)
    if t.low == "the":
        return comment_phrase(body, x)
    if t.low in ("down", "up"):
        return nxt.text[0].isdigit() or nxt.low in ("from", "sharply", "slightly")
    return t.low == "double" and nxt.low == "the"


# Words that open a subject of some of a group after ", and" ("..., and many
# stayed home", "..., and another left", "..., and three of them agreed"); not
# "most", "some" or "both", which go on with the speaker's own sentence as often.
_COUNTED_SUBJECTS = frozenset(
    {"many", "others", "another", "several", "none", "each"}
    | {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens"}
)


def _counted_clause(body: list[Tok], x: int) -> bool:
    """Does a counted subject at ``body[x]`` ("many", "another", "three of them") have
    its finite verb within six words, before any comma ("and another left")?"""
    stop = next((y for y in range(x, min(len(body), x + 6)) if not body[y].is_word), x + 6)
    return finite_soon(body[:stop], x, 6)


# Words that open a modifier of the noun of a comment phrase ("the first ... to
# vote", "a goal that ...", "the pier where ...").
_MODIFIER_OPENERS = frozenset({"who", "that", "which", "where", "whose", "when", "to", "than"})


def comment_phrase(body: list[Tok], x: int) -> bool:
    """Is ``body[x:]``, after a comma, the writer's comment on what was said: a noun
    phrase to the end, with no finite verb before a word that opens its modifier
    ("..., the first such vote in a decade", "..., a fee that the crews resent"; not
    "..., the tolls would fall")? Not after a name or before one ("Ana Roe, the
    harbour master", "its plan, the Harbour Act"), not in a list (a comma or "and"
    before the modifier), not after a phrase put first ("despite the storm, the
    ferry ran": the main clause)."""
    if body[0].low in _FRONTED or body[x - 2].is_cap or x + 1 >= len(body) or body[x + 1].is_cap:
        return False
    stop = len(body)
    for y in range(x + 1, len(body)):
        low = body[y].low
        if body[y].text == "," or low in ("and", "or"):
            return False
        if y > x + 1 and low in _MODIFIER_OPENERS:
            stop = y
            break
    return not finite_soon(body[:stop], x + 1, stop - x)


# Words that put a phrase before the main clause ("despite the storm, ...").
_FRONTED = frozenset(
    {"despite", "although", "though", "while", "if", "when", "because", "after", "before"}
    | {"since", "as", "with", "without", "once", "unless", "until", "in", "on", "for", "by"}
)


_AS_AUXILIARIES = frozenset({"has", "have", "had", "did", "does", "do", "is", "are", "was", "were"})


def _as_clause(body: list[Tok], x: int) -> bool:
    """Does ``body[x]``, after ", as", start a clause of its own ("has the mayor", "she
    campaigns", "the council voted") rather than go on with the content (", as well as",
    ", as a reason")?"""
    if x >= len(body):
        return False
    t = body[x]
    if t.low in _AS_AUXILIARIES:
        return True
    subject = t.low in _SUBJECTS or t.low in DETERMINERS or t.is_cap
    return subject and t.low != "a" and finite_soon(body, x, 6)


def connector_end(toks: list[Tok], c: int) -> int:
    """ "In fact, the plan is dead, he said": the content starts after the connector."""
    if c > 3 and toks[1].text == "," and toks[0].low in _CONNECTORS:
        return 2
    if (
        c > 4
        and toks[2].text == ","
        and f"{toks[0].low} {toks[1].low}"
        in (
            "in fact",
            "of course",
            "in addition",
            "at first",
            "for now",
            "by contrast",
            "in short",
        )
    ):
        return 3
    return 0


_SUBJECTS = frozenset({"he", "she", "they", "it", "i", "we"})


def dateline_end(toks: list[Tok], c: int) -> int:
    """ "WASHINGTON (Reuters) - The plan ..., he said": the content starts after the
    dateline (an index into ``toks`` before ``c``; 0 when there is none)."""
    for x in range(1, min(c, 9)):
        t = toks[x]
        if t.text in ("-", "–", "—"):
            head = [h for h in toks[:x] if h.is_word]
            if head and all(h.text.isupper() or h.text[0] == "(" for h in head[:1]):
                return x + 1 if x + 1 < c else 0
            return 0
        if not (t.is_word or t.text in ("(", ")", ",", ".")):
            return 0
    return 0


def participle_clause(
    text: str,
    toks: list[Tok],
    k: int,
    cue: Cue,
    pi: int,
    taken: list[tuple[int, int]],
    out: list[Found],
) -> Found | None:
    """ "..., saying (that) <clause>", "..., calling the plan reckless": said by the
    subject of the sentence."""
    n = len(toks)
    j = k + 1
    if (
        j < n
        and toks[j].low in ("to", "on", "for", "out")
        and cue.word
        in (
            "referring",
            "pointing",
            "calling",
        )
    ):
        j += 1
    j = after_time(toks, j)  # "announcing on Wednesday he would ..."
    # "telling reporters that"
    t = j
    # "stating on "Meet the Press" that": a longer phrase of place, its marks too
    reach = 12 if j < n and toks[j].low in _TAIL_STARTS else 6
    while (
        t < n
        and t - j < reach
        and toks[t].low != "that"
        and (toks[t].is_word or (reach > 6 and toks[t].text in ALL_MARKS))
    ):
        t += 1
    if (
        t < n
        and toks[t].low == "that"
        and (tail_ok(toks[j:t]) or t - j <= 2 or cue.word in TELLING)
        and not relative_that(toks, t)
    ):
        j = t + 1  # "telling voters and donors that": the addressee is not what was told
    elif j < n and toks[j].low == "that":
        j += 1
    elif cue.word == "asking":
        j += _after_addressee(toks[j:])  # "asking Sanders why ..."
    elif cue.word in TELLING:
        # "telling the Harbour Post she had no part in it": the addressee, then the clause
        j = addressee_end(toks, j, cue.word)
    body = toks[j:]
    body = body[: clause_end(body, objects=True, participle=True)]
    body = body[: _second_participle(body)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not body or count_words(body, 2) < 2:
        return None
    if not (body[0].is_word or body[0].text in ALL_MARKS) or body[0].low in NOT_OBJECT_START:
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    m = None
    # the speaker of an attribution earlier in the sentence, or the subject
    for f in reversed(out):
        if (
            f.mention is not None
            and f.spans[0][0] >= toks[0].start - 1
            and f.cue.end <= toks[k].start
        ):
            m = f.mention
            break
    if m is None:
        m = subject_before(text, toks, k)
    return Found([(a, b)], cue, m, pi)


def relative_that(toks: list[Tok], t: int) -> bool:
    """Is the "that" at ``toks[t]`` a relative pronoun, a verb right after it ("a
    centre that works with ...", "a refrain that has become ..."), rather than the
    conjunction opening a reported clause?"""
    if t + 1 >= len(toks):
        return False
    v = toks[t + 1]
    low = v.low
    if not v.is_word or v.is_cap or low in _NOT_VERBS or "'" in low or "’" in low:
        return False  # "that he's": a subject
    return (
        low in _FINITE_HINT
        or low in AUXILIARIES
        or (low.endswith("ed") and len(low) > 4)
        or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3)
    )


# Words ending like verbs that open a clause's subject ("that this means", "that his").
_NOT_VERBS = frozenset({"this", "his", "its", "hers", "theirs", "ours", "yours", "these", "those"})


# Words that may follow a participle used as a verb ("and accusing him", "and urging the").
_AFTER_PARTICIPLE = DETERMINERS | frozenset(
    {"him", "them", "it", "us", "me", "to", "that", "on", "for", "about", "of", "her"}
)


def _second_participle(body: list[Tok]) -> int:
    """Where "and <participle> <object>" starts a second act of the subject in a
    participle's content ("calling him a fraud and accusing him of ..."): PolNeAR
    marks it apart. ``len(body)`` when none does."""
    for x in range(1, len(body) - 2):
        if body[x].low not in ("and", "while", "then"):
            continue
        t, nxt = body[x + 1], body[x + 2]
        if (
            t.is_word
            and not t.is_cap
            and t.low.endswith("ing")
            and len(t.low) > 5
            and t.low not in ("including", "according")
            and (nxt.low in _AFTER_PARTICIPLE or (nxt.is_cap and nxt.is_word))
        ):
            return x - 1 if body[x - 1].text == "," else x
    return len(body)


def is_coordinated(toks: list[Tok], k: int) -> bool:
    """ "... and said ...": a second verb of a subject named earlier in the sentence."""
    j = k - 1
    while j >= 0 and toks[j].low in SKIP_BACK and not toks[j].is_cap:
        j -= 1
    return j > 0 and toks[j].low in ("and", "but")


POLLS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies", "polling"})

_SOURCE_HEADS = frozenset(
    {"poll", "survey", "study", "report", "interview", "statement", "analysis", "memo", "letter"}
    | {"polls", "surveys", "studies", "reports", "email", "emails", "filing", "book", "op-ed"}
)


def in_source(text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "In the latest poll, <clause>": the poll is the source, "In" the cue."""
    if toks[0].low != "in" or len(toks) < 6:
        return _in_source_after(text, toks, pi, taken)
    c = next((x for x in range(1, min(len(toks), 14)) if toks[x].text == ","), None)
    if c is None or c < 3:
        return None
    np = toks[1:c]
    head = next((x for x in range(len(np) - 1, -1, -1) if np[x].low in _SOURCE_HEADS), None)
    if head is None or np[0].low not in DETERMINERS:
        return None
    if np[head].low not in POLLS:
        return None  # "In an interview, Lee said ...": the speech cue decides
    m = noun_phrase(text, np[: head + 1])
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if count_words(body, 3) < 3 or not finite_soon(body, 0, len(body)):
        return None
    if any(x.low in POST_VERBS or x.low in THAT_VERBS for x in body):
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], Cue(toks[0].start, toks[0].end, "in", False), m, pi)


_QUESTION_WORDS = word_list("suggest/question_words.txt")


def asked_about(
    text: str, toks: list[Tok], k: int, cue: Cue, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "(When) asked (by X) (on Monday) whether ...": the question is the content."""
    # at the start of the sentence only: "he said when asked about it" is the setting of
    # his answer, not a claim of its own
    if cue.word != "asked" or not (k == 0 or (k == 1 and toks[0].low in ("when", "after"))):
        return None
    n = len(toks)
    j = k + 1
    m = None
    if j < n and toks[j].low == "by":
        m = mention_after(text, toks, j, n)
        if m is not None:
            j = next((x for x in range(j, n) if toks[x].start >= m.end), n)
    q = next((x for x in range(j, min(n, j + 6)) if toks[x].low in _QUESTION_WORDS), None)
    if q is None:
        return None
    e = next(
        (
            x
            for x in range(q + 1, n)
            if toks[x].text in (",", ";", "?", ":")
            or (toks[x].text == "." and not _abbreviation(toks, x))
        ),
        n,
    )
    body = toks[q:e]
    if count_words(body, 2) < 2:
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], cue, m, pi)


def as_reported(text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]) -> Found | None:
    """ "As the Post reported, <clause>": the clause after the comma."""
    if toks[0].low in ("but", "and", "yet", "so") and len(toks) > 7:
        toks = toks[1:]  # "But as a reporter noted, ..."
    if toks[0].low != "as" or len(toks) < 6:
        return None
    c = next((x for x in range(2, min(len(toks), 14)) if toks[x].text in (",", ":")), None)
    if c is None:
        return None
    v = c - 1
    if toks[v].low == "it" and toks[v - 1].low in ("put", "puts") and v > 2:
        # "As Lee put it: ...": the phrase is the cue
        cue = Cue(toks[v - 1].start, toks[v].end, "put it", False)
        v -= 1
    else:
        if toks[c].text != ",":
            return None
        while v > 1 and toks[v].low in _TAIL_OK and toks[v].low not in POST_VERBS:
            v -= 1  # "As the Post reported on Monday,"
        if toks[v].low not in POST_VERBS or toks[v].low in ("as", "asked"):
            return None
        cue = Cue(toks[v].start, toks[v].end, toks[v].low, False)
    m = mention_before(text, toks, v, 1) or generic_subject(text, toks, v, 1)
    body = toks[c + 1 :]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if count_words(body, 3) < 3:
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], cue, m, pi)


_DANGLING = word_list("suggest/dangling.txt")


def subject_of(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The subject before the cue ``toks[k]``, or the sentence's subject when what comes
    before is the end of another phrase ("his words and said", "a secret but says")."""
    w = relative_before(toks, k)
    if w is not None:
        return w
    m = mention_before(text, toks, k, 0)
    if m is not None and (
        m.text.split()[-1].lower() in _DANGLING or m.text.split()[0].lower() in _DANGLING
    ):
        return subject_before(text, toks, k)
    r = k - 1
    while r > 0 and toks[r].low.endswith("ly") and not toks[r].is_cap:
        r -= 1  # "who publicly said", "which periodically criticized"
    if m is None and r >= 0 and toks[r].low in ("who", "which"):
        # "Thomas Perez, who said ...": the relative pronoun refers back
        t = toks[r]
        return Mention(t.start, t.end, t.text, "pronoun", "person", phrase_start=t.start)
    if m is None and k > 2 and toks[k - 1].text == ",":
        # "Jason Furman, who leads the council, said": the name before the apposition
        c = k - 2
        while c > 0 and toks[c].text != "," and k - c < 30:
            c -= 1
        if (
            c > 0
            and toks[c].text == ","
            and (
                toks[c + 1].low in ("who", "whose", "a", "an", "the") or toks[c + 1].text.isdigit()
            )
        ):
            m = mention_before(text, toks, c, 0)
    return m


def reduced_relative(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    prev = toks[k - 1]
    if prev.low in SKIP_BACK or prev.low in NOUN_BEFORE or prev.low in BOUNDARY:
        return None
    if prev.low.endswith(("ly", "ing")) or prev.low in ("is", "are", "was", "were", "be", "been"):
        return None
    body = toks[k + 1 :]
    body = body[: clause_end(body, objects=True)]
    # the noun phrase ends where the sentence's own verb starts: "... backing the
    # tunnel spent heavily"
    verb = next(
        (x for x in range(1, len(body)) if _finite_word(body[x]) and not _adjective_ed(body, x)),
        len(body),
    )
    body = body[:verb]
    comma = next((x for x, t in enumerate(body) if t.text == ","), len(body))
    if all(t.low not in ("and", "or") for t in body[comma:]):
        # "a super PAC backing Lee, Harbour Forward, ...": what follows the comma
        # names the noun the participle modifies (not a list of whom it backs)
        body = body[:comma]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not body or not body[0].is_word or body[0].low in NOT_OBJECT_START:
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    # the noun phrase last: most objects fail the tests above (speed)
    m = mention_before(text, toks, k, 0) or generic_subject(text, toks, k, 0)
    if m is None:
        return None
    t = toks[k]
    return Found([(a, b)], Cue(t.start, t.end, t.low, True), m, pi)


_PARTICLES_OF = {
    "call": ("for", "on", "upon"),
    "ask": ("about", "for"),
    "question": ("about", "over"),
    "argue": ("for", "against"),
    "push": ("for",),
    "advocate": ("for",),
    "warn": ("of", "against", "about"),
    "complain": ("about",),
    "worry": ("about",),
    "vote": ("for", "against"),
    "hope": ("for",),
    "plead": ("for",),
    "demand": ("for",),
    "talk": ("about", "of"),
    "spoke": ("about", "of"),
    "joke": ("about",),
    "refer": ("to",),
    "point": ("to",),
    "agree": ("with", "on", "to"),  # ("agreed to pay": an infinitive, the claim's)
    "speak": ("about", "of"),
    "assure": ("of",),  # "is assured of winning"
}


# Verbs of speaking whose object is not what was said ("spoke Monday night", "spoke
# Portuguese"): a claim only with a particle ("spoke about"), "as" or an infinitive.
_SPEAKING = frozenset({"spoke", "speak", "talk"})


def _words_before_about(body: list[Tok]) -> int:
    """How many words come before "about" within the first five words of ``body``
    ("more about", "openly on the radio about"), none of them a
    punctuation mark or "that"; 0 when no "about" follows them ("spoke on behalf
    of" is not what was spoken of)."""
    if body and body[0].low in ("to", "with"):
        return 0  # "talked to reporters about": whom it was said to (no claim)
    for x in range(min(len(body) - 1, 5)):
        t = body[x]
        if t.low == "about":
            return x if not body[x + 1].text[0].isdigit() else 0  # "for about 30 minutes"
        if not t.is_word or t.low == "that":
            break
    return 0


def _manner_before(body: list[Tok], particles: tuple[str, ...]) -> int:
    """How many words of manner ("briefly", "at length", "instead") come before a
    particle of the cue at the start of ``body``; 0 when no particle follows them."""
    x = 0
    while x < min(len(body) - 1, 3):
        t = body[x]
        if t.low == "at" and body[x + 1].low == "length":
            x += 2
        elif not t.is_cap and (t.low.endswith("ly") or t.low in ("instead", "out")):
            x += 1
        else:
            break
    return x if 0 < x < len(body) - 1 and body[x].low in particles else 0


_PREPOSITIONS = frozenset({"to", "with", "about", "of", "on", "for", "at", "in", "from"})
# An object cannot open with these (lower case: not a clause's own "In 2012, ...").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "on"})
_NOT_BARE_VERB = DETERMINERS | frozenset(
    {"him", "her", "them", "us", "me", "you", "it", "whom", "those", "these", "all", "some"}
)


def _infinitive(body: list[Tok]) -> bool:
    """ "hopes to win", "voted to repeal": "to" and a bare verb (not "to reporters",
    "to the press", "to Fox")."""
    if len(body) < 2 or body[0].low != "to":
        return False
    verb = body[1]
    return (
        verb.is_word
        and not verb.is_cap
        and verb.low not in _NOT_BARE_VERB
        and not verb.low.endswith(("s", "ed", "ing"))
    )


@lru_cache(maxsize=1024)  # a few hundred cue words (speed)
def _stem(form: str) -> str:
    """ "called" -> "call", "asks" -> "ask", "worried" -> "worry" (enough for the table)."""
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("d", ""),  # "agreed" -> "agree"
    ):
        if form.endswith(suffix) and form[: -len(suffix)] + repl in _PARTICLES_OF:
            return form[: -len(suffix)] + repl
        if suffix in ("ed", "ing") and form.endswith(suffix):
            base = form[: -len(suffix)]
            if len(base) > 2 and base[-1] == base[-2] and base[:-1] in _PARTICLES_OF:
                return base[:-1]  # "referred" -> "refer"
    return form


def _thousands_comma(toks: list[Tok], x: int) -> bool:
    """Is ``toks[x]`` the comma inside a number ("250,000")?"""
    return (
        toks[x].text == ","
        and 0 < x < len(toks) - 1
        and toks[x - 1].text.isdigit()
        and toks[x + 1].text.isdigit()
        and toks[x - 1].end == toks[x].start
        and toks[x].end == toks[x + 1].start
    )


def _aside_start(body: list[Tok]) -> int:
    """Where an aside after what is expected starts in ``body``: a spaced dash ("to
    cut jobs -- the first of ...") or a comma and an adverb ("to pass, partly
    because ..."); ``len(body)`` when none does."""
    for x in range(2, len(body) - 1):
        t = body[x]
        if spaced_dash(body, x) is not None:
            return x
        if t.text == "," and body[x + 1].low.endswith("ly"):
            return x
    return len(body)


def expected_to(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    aux = k - 1
    while aux > 0 and toks[aux - 1].low in SKIP_BACK and not toks[aux - 1].is_cap:
        aux -= 1  # "is also widely expected"
    # the subject: back to the start of the clause
    s0 = aux - 1
    while s0 > 0 and (
        (toks[s0 - 1].text not in (",", ";", ":") and toks[s0 - 1].low not in BOUNDARY)
        or _thousands_comma(toks, s0 - 1)
    ):
        s0 -= 1
    if s0 >= aux or aux - s0 > 14:
        return None
    subj = toks[s0:aux]
    if toks[aux].low in ("who", "which"):
        # "delegates who are expected to ...": the relative is the subject
        subj = [toks[aux]]
        aux += 1
    while subj and not subj[-1].is_word:
        subj = subj[:-1]
    body = toks[k + 1 :]
    body = body[: clause_end(body, objects=True)]
    body = body[: _aside_start(body)]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if not subj or count_words(body, 2) < 2:
        return None
    spans = [(subj[0].start, subj[-1].end), (body[0].start, body[-1].end)]
    if any(overlaps_any(taken, a, b) for a, b in spans):
        return None
    cue = Cue(toks[aux].start, toks[k].end, "expected", False)
    return Found(spans, cue, None, pi)


def _in_source_after(
    text: str, toks: list[Tok], pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Okafor was at 31 percent in the latest harbour poll.": the poll is the source."""
    end = len(toks)
    while end and not toks[end - 1].is_word:
        end -= 1
    if end < 6 or toks[end - 1].low not in POLLS:
        return None
    i = next((x for x in range(end - 2, max(1, end - 10), -1) if toks[x].low == "in"), None)
    if i is None or i < 3:
        return None
    np = toks[i + 1 : end]
    if any(t.text in (",", ";") for t in np):
        return None
    if len(np) == 1 or (len(np) == 2 and np[0].low == "the"):
        return None  # "leading in the polls", "gaining in polling": no poll named
    body = toks[:i]
    while body and not body[-1].is_word and body[-1].text not in ALL_MARKS:
        body = body[:-1]
    if count_words(body, 3) < 3 or not finite_soon(body, 0, len(body)):
        return None
    if any(x.low in POST_VERBS or x.low in THAT_VERBS for x in body):
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    return Found([(a, b)], Cue(toks[i].start, toks[i].end, "in", False), noun_phrase(text, np), pi)


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})


def possessive_noun(
    text: str, toks: list[Tok], k: int, pi: int, taken: list[tuple[int, int]]
) -> Found | None:
    """ "Varga's criticism of the plan", "his support for the tariff": the object of the
    noun cue ``toks[k]``, attributed to the possessor right before it."""
    prev = toks[k - 1]
    low = prev.low.replace("’", "'")
    if prev.low in _POSSESSIVE_PRONOUNS:
        # "The skippers made plain their backing for ...": the subject the pronoun refers to
        m = subject_before(text, toks, k - 1) or Mention(
            prev.start, prev.end, prev.text, "pronoun", "person", phrase_start=prev.start
        )
    elif low.endswith("'s") and prev.is_cap and len(low) > 3:
        e = prev.end - 2
        m = Mention(prev.start, e, text[prev.start : e], "name", "person", phrase_start=prev.start)
    else:
        return None
    body = toks[k + 2 :]
    if body and body[0].low in DAYS:
        return None  # "sharpened her criticism on Friday": when, not of what
    body = body[: clause_end(body, objects=True)]
    stop = next(
        (
            x
            for x, t in enumerate(body)
            if t.text in (",", ";", ":", "—", "(")
            # not "Sen." in "Sen. Lee", nor the point in "$1.1 billion"
            or (t.text == "." and not _abbreviation(body, x) and not _glued(body, x))
            or (x and _finite_word(t) and not _adjective_ed(body, x))
        ),
        None,
    )
    if stop is not None:
        body = body[:stop]  # "... of the plan drew a crowd": the sentence's own verb
    while body and not body[-1].is_word:
        body = body[:-1]
    if not body or not body[0].is_word or body[0].low in NOT_OBJECT_START:
        return None
    a, b = body[0].start, body[-1].end
    if overlaps_any(taken, a, b):
        return None
    cue = Cue(toks[k].start, toks[k + 1].end, toks[k].low, False)
    return Found([(a, b)], cue, m, pi)


def _finite_word(t: Tok) -> bool:
    low = t.low
    if t.is_cap or not t.is_word:
        return False
    return low in _FINITE_HINT or low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4)


def _glued(body: list[Tok], x: int) -> bool:
    """Is ``body[x]`` glued to the words on both sides ("1.1", "U.S")?"""
    return 0 < x < len(body) - 1 and body[x - 1].end == body[x].start == body[x + 1].start - 1


def _adjective_ed(body: list[Tok], x: int) -> bool:
    """Is the "-ed" form ``body[x]`` an adjective in a noun phrase ("the so-called
    loophole", "for undocumented workers", "a proposed ban"), not a verb?"""
    low = body[x].low
    return low.endswith("ed") and (
        "-" in low or low.startswith("un") or body[x - 1].low in DETERMINERS
    )


def _back_to_boundary(toks: list[Tok], i: int, v: int, limit: int) -> int:
    """Where a phrase ending before token ``i`` starts, reading back to a comma, colon,
    dash or bracket or a boundary word, and at most ``limit`` tokens before ``v``."""
    while (
        i > 0
        and v - i < limit
        and toks[i - 1].text not in (",", ";", ":", "—", "–", "(")
        and toks[i - 1].low not in BOUNDARY
    ):
        i -= 1
    return i

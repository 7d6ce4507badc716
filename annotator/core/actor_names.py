"""Actor names: the word lists and key functions that say when two names are one
actor, and when a source is no actor at all (see ``actors.py`` for the rules).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Titles and honorifics dropped before a name ("Sen.", "Former President").
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "messrs",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "fr",
        "father",
        "sister",
        "brother",
        "rabbi",
        "imam",
        "pastor",
        "bishop",
        "cardinal",
        "pope",
        "president",
        "presidentelect",
        "secretary",
        "sen",
        "senator",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "congressmember",
        "assemblyman",
        "assemblywoman",
        "delegate",
        "gov",
        "governor",
        "lt",
        "ltgov",
        "mayor",
        "councilman",
        "councilwoman",
        "councillor",
        "alderman",
        "judge",
        "gen",
        "adm",
        "admiral",
        "col",
        "colonel",
        "capt",
        "captain",
        "cmdr",
        "commander",
        "sgt",
        "sergeant",
        "cpl",
        "corporal",
        "pvt",
        "officer",
        "detective",
        "chancellor",
        "premier",
        "minister",
        "ambassador",
        "commissioner",
        "sheriff",
        "king",
        "queen",
        "prince",
        "princess",
        "former",
        "then",
        "late",
        "candidate",
        "nominee",
    ]
)
# Offices and jobs written before a name ("Harbour Board Director Ann Lee"):
# a name after one of these (or a title) drops everything before it.
JOBS = frozenset(
    [
        "director",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "reporter",
        "correspondent",
        "columnist",
        "editor",
        "analyst",
        "strategist",
        "adviser",
        "advisor",
        "aide",
        "ceo",
        "founder",
        "cofounder",
        "manager",
        "chief",
        "head",
        "whip",
        "speaker",
        "nominee",
        "hopeful",
        "contender",
        "challenger",
        "economist",
        "professor",
        "lawyer",
        "attorney",
    ]
)
# Two-word titles ("Attorney General", "Prime Minister").
TITLE_PAIRS = frozenset(
    {
        ("attorney", "general"),
        ("vice", "president"),
        ("prime", "minister"),
        ("house", "speaker"),
        ("chief", "justice"),
        ("supreme", "leader"),
        ("lieutenant", "governor"),
        ("first", "lady"),
        ("us", "senator"),
        ("us", "sen"),
        ("us", "rep"),
    }
)
# "Secretary of State Ann Lee": the office after "of" is part of the title.
_TITLES_WITH_OF = frozenset({"secretary", "minister", "ambassador", "commissioner", "governor"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
# Little words an acronym skips ("Bureau of Coastal Fisheries" -> BCF).
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "an", "&"})

PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "myself",
        "we",
        "our",
        "ourselves",
        "you",
        "your",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "themselves",
        "who",
        "whom",
        "one",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "everyone",
        "everybody",
        "nobody",
        "this",
        "that",
        "these",
        "those",
    ]
)
POLL_WORDS = frozenset({"poll", "polls", "polling", "survey", "surveys", "referendum"})
DOCUMENT_WORDS = frozenset(
    [
        "report",
        "reports",
        "study",
        "studies",
        "document",
        "documents",
        "memo",
        "memos",
        "memorandum",
        "letter",
        "letters",
        "email",
        "emails",
        "e-mail",
        "e-mails",
        "filing",
        "filings",
        "lawsuit",
        "complaint",
        "records",
        "record",
        "data",
        "analysis",
        "audit",
        "ruling",
        "indictment",
        "affidavit",
        "transcript",
        "transcripts",
        "reply",
        "response",
        "release",
        "statement",
        "statements",
        "website",
        "ad",
        "ads",
        "advertisement",
        "video",
        "book",
        "article",
        "editorial",
        "tweet",
        "tweets",
        "estimate",
        "estimates",
        "figures",
        "numbers",
        "statistics",
        "census",
        "findings",
        "research",
        "paper",
        "papers",
        "guidance",
        "manual",
        "policy",
        "bill",
        "law",
        "legislation",
        "proposal",
        "budget",
        "questionnaire",
        "footage",
        "filing",
    ]
)
PERCENT_WORDS = frozenset({"percent", "pct", "percentage", "%"})
_DETERMINERS = frozenset({"a", "an", "the", "some", "another"})
_HEAD_ENDS = frozenset({"of", "from", "by", "on", "in", "for", "about", "to", "with", "that"})

# Confidence of each rule (the weakest rule in a cluster gives its confidence).
CONFIDENCE = {
    "same key": 0.97,
    "same description": 0.6,
    "token fingerprint": 0.9,
    "recorded alias": 0.95,
    "middle name": 0.85,
    "words before": 0.85,
    "acronym": 0.8,
    "surname": 0.8,  # raised up to 0.97 by how many of its mentions the full name meets
    "surname elsewhere": 0.5,  # the full name is in the corpus, never beside it
}

_BRACKETED = re.compile(r"[\(\[\{][^\)\]\}]*[\)\]\}]")
POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)", re.IGNORECASE)
_DOTTED = re.compile(r"\b(?:\w\.){2,}")  # U.S., N.A.T.O.
WORD = re.compile(r"[\w%]+")


# Words that make a phrase a clause or a relation rather than a title before a name.
LINK_WORDS = frozenset(
    [
        "of",
        "to",
        "in",
        "for",
        "at",
        "on",
        "by",
        "from",
        "with",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "has",
        "have",
        "had",
        "is",
        "was",
        "said",
        "says",
        "told",
        "according",
    ]
)
# "Ann Lee and Bo Dahl", "Ann Lee with her aides": several actors, never one of them.
SEVERAL_PEOPLE = re.compile(r"\s(?:and|&|or|with|nor)\s|\bboth\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Case and accents folded: "Élodie" and "ELODIE" fold to "elodie"."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _apposition(text: str) -> str:
    """The name part of "Ann Lee, a lawyer for the board" or "the board's lawyer, Ann
    Lee"; a reversed "Lee, Ann" stays whole (its words are the name)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2:
        return text
    first, second = parts[0], parts[1]
    if len(first.split()) >= 2 and second[:1].islower():
        return first
    before = WORD.findall(fold(first))
    office = bool(before) and (before[-1] in TITLES or before[-1] in JOBS)
    if office and second[:1].isupper() and len(second.split()) >= 2:
        return second
    return text


@lru_cache(maxsize=65536)
def plain_name(name: str) -> str:
    """The name without brackets, possessives, appositions and dotted abbreviations' dots."""
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    text = _apposition(text.strip())
    inner = re.fullmatch(r"\s*[\(\[\{](.*)[\)\]\}]\s*", text)
    text = inner.group(1) if inner else _BRACKETED.sub(" ", text)
    text = POSSESSIVE.sub("", text)
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)


@lru_cache(maxsize=65536)
def _folded_words(name: str) -> tuple[str, ...]:
    return tuple(WORD.findall(fold(plain_name(name))))


def _words(name: str) -> list[str]:
    return list(_folded_words(name))


def _split_initials(words: list[str]) -> tuple[list[str], str]:
    """Drop titles, suffixes and middle initials; returns (words, the initials)."""
    words = list(words)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    # "Vermont Sen. Ann Lee", "House Minority Leader Ann Lee": the name follows the
    # last title or office that has two words after it.
    # Not past a relation: "a spokesman for Mayor Ann Lee" is the spokesman.
    cut = [i for i, w in enumerate(words[:-2]) if w in TITLES or w in JOBS]
    if cut and not set(words[: cut[-1]]) & (LINK_WORDS - {"of"}):
        after = words[cut[-1] + 1 :]
        if after[0] == "of":  # "Secretary of State Ann Lee": the office goes too
            after = after[2:]
        words = after or words
    while len(words) > 1:
        if tuple(words[:2]) in TITLE_PAIRS and len(words) > 2:
            words = words[2:]
        elif words[0] in TITLES:
            if words[0] in _TITLES_WITH_OF and len(words) > 3 and words[1] == "of":
                words = words[3:]
            else:
                words = words[1:]
        else:
            break
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    initials = ""
    if len(words) > 2:
        middle = words[1:-1]
        initials = "".join(w for w in middle if len(w) == 1 and w.isalpha())
        words = [words[0], *(w for w in middle if not (len(w) == 1 and w.isalpha())), words[-1]]
    return words, initials


def name_tokens(name: str) -> list[str]:
    """The words that identify a name: folded, without brackets, possessives,
    punctuation, titles, honorifics, suffixes and middle initials.

    ``name_tokens("Sen. Ann Lee (D-Ore.)") == ["ann", "lee"]``. A source naming
    several actors ("Ann Lee and Mayor Bo Dahl") keeps all its words.
    """
    return tokens_and_initials(name)[0]


def tokens_and_initials(name: str) -> tuple[list[str], str]:
    if SEVERAL_PEOPLE.search(plain_name(name)):
        return _words(name), ""
    return _split_initials(_words(name))


def middle_initials(name: str) -> str:
    """The middle initials a name carries ("Paul K. T. Ferris" -> "kt")."""
    return tokens_and_initials(name)[1]


def name_key(name: str) -> str:
    """The normalised key of rule 1: "Mayor Dana R. Whitlock's" -> "dana whitlock"."""
    return " ".join(name_tokens(name))


def token_fingerprint(name: str) -> str:
    """The words of the name, sorted and unique: "Whitlock, Dana" -> "dana whitlock"."""
    return " ".join(sorted(set(name_tokens(name))))


def as_acronym(name: str) -> str | None:
    """The acronym a name is written as ("CFA", "C.F.A.", "the CFA"), folded; else None."""
    text = re.sub(r"^\s*the\s+", "", plain_name(name), flags=re.IGNORECASE).strip()
    if re.fullmatch(r"[A-Z]{2,7}", text) or re.fullmatch(r"[A-Z][A-Z&]{1,6}", text):
        return fold(text.replace("&", ""))
    return None


def acronym_of(name: str) -> str | None:
    """The first letters of a name of two words or more, skipping little words
    ("Coastal Fisheries Authority" -> "cfa"); None for a one-word name."""
    words = [w for w in _words(name) if w not in ACRONYM_SKIPS and not w.isdigit()]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def not_actor_reason(name: str) -> str | None:
    """Why a source is not an actor: "pronoun", "percentage", "number", "poll",
    "document"; None for a name that may be an actor."""
    raw_words = re.findall(r"[\w%'.,-]+", unicodedata.normalize("NFKC", name))
    words = _words(name)
    if not words:
        return None
    if all(w in PRONOUNS for w in words) and not as_acronym(name):  # "US" is a country
        return "pronoun"
    if any(w in PERCENT_WORDS for w in words) or "%" in name:
        return "percentage"
    content = [w for w in words if w not in _DETERMINERS]
    if any(w in POLL_WORDS for w in words):
        return "poll"
    head_words = []
    for w in content:
        if w in _HEAD_ENDS and head_words:
            break
        head_words.append(w)
    head = head_words[-1] if head_words else ""
    # "the report" is a document; "Harbour Report", capitalised, names a publication.
    if head in DOCUMENT_WORDS and re.search(rf"(?<![\w]){re.escape(head)}(?![\w])", name):
        return "document"
    raw_content = [w for w in raw_words if fold(w) not in _DETERMINERS]
    if raw_content and re.fullmatch(r"[\d.,]+", raw_content[0]):
        return "number"
    return None

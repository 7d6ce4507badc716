"""Word lists used by the rules: reporting verbs, roles, organisations, pronouns.

Everything is lower case; callers lower-case tokens before looking them up.
"""

from __future__ import annotations

from ...resources import resource_path, word_list


def word_table(name: str) -> dict[str, tuple[str, ...]]:
    """A table of ``resources/`` with lines ``key: value value ...`` (``#`` comments)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in resource_path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, values = line.partition(":")
            out[key.strip().lower()] = tuple(values.lower().split())
    return out


# Reporting verbs: lemma -> inflected forms (present, 3sg, past, -ing).
_CUE_LEMMAS: dict[str, tuple[str, ...]] = word_table("suggest/cue_verbs.txt")

CUE_WORDS: frozenset[str] = frozenset(f for forms in _CUE_LEMMAS.values() for f in forms)

# Phrasal cues: (first word forms, particle).
PHRASAL_CUES: dict[str, tuple[str, ...]] = {
    "call": ("call", "calls", "called", "calling"),
    "point": ("point", "points", "pointed", "pointing"),
}
PHRASAL_PARTICLES: dict[str, tuple[str, ...]] = {
    "call": ("for", "on"),
    "point": ("out",),
}

# Forms that are also common nouns / adjectives: only cues in a verbal context.
AMBIGUOUS_CUES: frozenset[str] = word_list("suggest/ambiguous_cues.txt")

# Verbs after which a reported clause may follow without "that".
CLAUSE_CUES: frozenset[str] = frozenset(
    f for lemma in word_list("suggest/clause_cue_lemmas.txt") for f in _CUE_LEMMAS[lemma]
)

CLAUSE_CUES = CLAUSE_CUES | {"point", "points", "pointed", "pointing"}  # "pointed out that"

# Verbs that take an addressee object before "that" ("told reporters that").
OBJECT_CUES: frozenset[str] = frozenset(_CUE_LEMMAS["tell"] + _CUE_LEMMAS["warn"])

AUXILIARIES: frozenset[str] = word_list("suggest/auxiliaries.txt")

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they"})
ORG_PRONOUNS: frozenset[str] = frozenset({"it"})
SUBJECT_PRONOUNS: frozenset[str] = PERSON_PRONOUNS | PLURAL_PRONOUNS | ORG_PRONOUNS | {"we", "i"}

DETERMINERS: frozenset[str] = word_list("suggest/determiners.txt")

# Heads of noun phrases that denote a person by role.
ROLE_HEADS: frozenset[str] = word_list("suggest/role_heads.txt")

# Titles that precede a name and are never part of it.
HONORIFICS: frozenset[str] = word_list("suggest/honorifics.txt")

# Capitalised words that qualify a role ("Foreign Minister", "Prime Minister").
ROLE_MODIFIERS: frozenset[str] = word_list("suggest/role_modifiers.txt")

# Heads of noun phrases that denote an organisation.
ORG_HEADS: frozenset[str] = word_list("suggest/org_heads.txt")

# Common capitalised words that start sentences but are never part of a name.
NON_NAME_WORDS: frozenset[str] = word_list("suggest/non_name_words.txt")

# Prepositions/adverbial starts that may sit between a cue and "that" or the quote.
ADVERBIAL_STARTS: frozenset[str] = word_list("suggest/adverbial_starts.txt")

# Elisions that start with an apostrophe: never an opening quote.
ELISIONS: frozenset[str] = word_list("suggest/elisions.txt")

# Abbreviations whose final period does not end a sentence.
ABBREVIATIONS: frozenset[str] = word_list("suggest/abbreviations.txt")

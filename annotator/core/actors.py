"""One actor, one speaker: which speakers are probably the same actor, and which are
not actors at all.

Pure Python over the rows the store gives (:func:`queries.speaker_occurrences`):
speakers with aliases, mention counts and the articles they appear in. The rules,
each with its confidence, in the order they are applied:

1. **same key**: the same words after folding case and accents and dropping
   punctuation, brackets, possessives, titles, honorifics and offices before the name,
   appositions and middle initials ("Mayor Dana R. Whitlock's", "(Dana Whitlock)",
   "Dana Whitlock, a lawyer for the board"). Two different sets of middle initials
   ("Paul K. Ferris", "Paul T. Ferris") are two people: the bare "Paul Ferris" is then
   ambiguous. Descriptions ("the council" / "The council") join with low confidence.
2. **token fingerprint**: the same words in another order ("Whitlock, Dana").
3. **recorded alias**: one speaker's alias is another one's name.
4. **middle name**: the same first and last word, one form with a middle name
   ("Helen Adaeze Okafor"), or with a description before it ("Harbour pilot Ann Lee").
5. **acronym**: an acronym and its expansion both in the corpus ("CFA" / "Coastal
   Fisheries Authority").
6. **surname**: a one-word form that, in the articles where it appears, stands next
   to exactly one full name ending in it ("Whitlock" beside "Dana Whitlock"). When
   it points to two people ("Okafor": Helen in some articles, Samuel in others) it
   is **ambiguous**: listed with its candidates, never merged.

Sources that are numbers, percentages, polls, documents or bare pronouns are not
actors (:func:`not_actor_reason`): proposed as kind ``other`` and kept out of the
clusters. Pairs of speakers an analyst said are different actors are never joined.

The word lists and the small key functions (``name_tokens``, ``name_key``,
``token_fingerprint``, ``acronym_of``, ``as_acronym``, ``not_actor_reason``) live in
``actor_names.py``, public so import can share them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .actor_names import (
    ACRONYM_SKIPS,
    CONFIDENCE,
    JOBS,
    LINK_WORDS,
    POSSESSIVE,
    SEVERAL_PEOPLE,
    TITLES,
    WORD,
    acronym_of,
    as_acronym,
    fold,
    name_key,
    not_actor_reason,
    plain_name,
    tokens_and_initials,
)
from .store import Store, queries
from .textio import squash_spaces

# -- clustering ------------------------------------------------------------------


@dataclass
class Cluster:
    """Speakers that are probably one actor (or, when ``ambiguous``, a short form
    and the actors it may stand for).

    ``confidence`` is that of the weakest rule that joined the cluster; for an
    ambiguous one, 1 / the number of candidates (nothing is proposed to merge).
    """

    keep_id: str | None
    keep: str | None
    members: list[dict[str, Any]]  # id, name, mentions; the kept one first
    rule: str
    confidence: float
    ambiguous: bool = False
    candidates: list[dict[str, Any]] = field(default_factory=list)  # id, name
    examples: list[dict[str, str]] = field(default_factory=list)  # name, sentence

    @property
    def names(self) -> list[str]:
        return [m["name"] for m in self.members]

    @property
    def ids(self) -> list[str]:
        return [m["id"] for m in self.members]

    @property
    def mentions(self) -> int:
        return sum(m["mentions"] for m in self.members)

    @property
    def others(self) -> list[str]:
        """Ids of the members merged into the kept one."""
        return [m["id"] for m in self.members if m["id"] != self.keep_id]

    def rejection(self) -> list[list[str]]:
        """The groups to keep apart when the analyst rejects this cluster (for
        :meth:`Store.reject_speaker_groups`): its members, or for an ambiguous one its
        short forms with each candidate."""
        if self.ambiguous:
            return [[*self.ids, c["id"]] for c in self.candidates]
        return [self.ids]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "keep": self.keep,
            "names": self.names,
            "rule": self.rule,
            "confidence": self.confidence,
            "ambiguous": self.ambiguous,
            "mentions": self.mentions,
            "keep_id": self.keep_id,
            "members": self.members,
            "examples": self.examples,
        }
        if self.ambiguous:
            out["candidates"] = self.candidates
        return out


@dataclass
class NotActor:
    id: str
    name: str
    mentions: int
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": self.mentions, "id": self.id, "reason": self.reason}


@dataclass
class Suggestions:
    clusters: list[Cluster]
    not_actors: list[NotActor]

    def to_json(self) -> dict[str, Any]:
        return {
            "clusters": [c.to_json() for c in self.clusters],
            "not_actors": [n.to_json() for n in self.not_actors],
        }


@dataclass
class _Speaker:
    id: str
    name: str
    mentions: int
    articles: Mapping[str, int]
    aliases: Sequence[str]
    tokens: list[str]
    initials: str
    caps: frozenset[str] = frozenset()  # the words (folded) written with a capital
    several: bool = False  # names several actors ("Ann Lee and Bo Dahl")

    def __post_init__(self) -> None:
        plain = plain_name(self.name)
        self.caps = frozenset(fold(w) for w in WORD.findall(plain) if w[:1].isupper())
        self.several = bool(SEVERAL_PEOPLE.search(plain))

    @property
    def key(self) -> str:
        return " ".join(self.tokens)


class _Groups:
    """Union-find over speaker ids that remembers the rules that joined them."""

    def __init__(self, ids: Iterable[str], distinct: Iterable[frozenset[str]]) -> None:
        self.parent = {i: i for i in ids}
        self.members: dict[str, set[str]] = {i: {i} for i in self.parent}
        self.apart: dict[str, set[str]] = defaultdict(set)  # id -> ids kept apart from it
        for pair in distinct:
            if len(pair) == 2:
                a, b = pair
                self.apart[a].add(b)
                self.apart[b].add(a)
        self.ambiguous: set[str] = set()
        self.rules: dict[str, list[tuple[str, float]]] = defaultdict(list)

    def find(self, i: str) -> str:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def join(self, a: str, b: str, rule: str, confidence: float) -> None:
        if a == b or a in self.ambiguous or b in self.ambiguous:
            return
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        small, large = sorted((self.members[ra], self.members[rb]), key=len)
        # No group may hold two speakers an analyst kept apart, however they connect.
        if self.apart and any(self.apart.get(i, set()) & large for i in small):
            return
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.rules[ra].extend(self.rules.pop(rb, []))
        self.rules[ra].append((rule, confidence))

    def join_all(self, ids: Sequence[str], rule: str, confidence: float) -> None:
        for other in ids[1:]:
            self.join(ids[0], other, rule, confidence)


def _bare(sp: _Speaker) -> bool:
    """Written as a bare name: every word capitalised; no title, description,
    brackets or possessive."""
    plain = unicodedata.normalize("NFKC", sp.name).replace("\u2019", "'")
    words = [w for w in WORD.findall(plain) if fold(w) not in ACRONYM_SKIPS]
    return (
        not re.search(r"[\(\[\{,]", plain)
        and not POSSESSIVE.search(plain)
        and all(w[:1].isupper() for w in words)
        and not any(fold(w) in TITLES or fold(w) in JOBS for w in words)
    )


def _pick_keep(group: Sequence[_Speaker]) -> _Speaker:
    """The name to keep: a bare name if there is one, of two words or more if there
    is one; among those used at least half as often as the most used, the most
    complete (most words), then the most used."""
    bare = [sp for sp in group if _bare(sp)] or list(group)
    # A full name is more complete than the surname alone, however often that is used.
    bare = [sp for sp in bare if len(sp.tokens) > 1] or bare
    most = max(sp.mentions for sp in bare)
    common = [sp for sp in bare if 2 * sp.mentions >= most]
    return max(common, key=lambda sp: (len(sp.tokens), sp.mentions, -len(sp.name), sp.name))


def _all_capitalised(name: str) -> bool:
    """Every word but the little ones written with a capital ("Coastal Fisheries Authority")."""
    words = [w for w in WORD.findall(plain_name(name)) if fold(w) not in ACRONYM_SKIPS]
    return bool(words) and all(w[:1].isupper() for w in words)


def _looks_like_name(sp: _Speaker) -> bool:
    """A person's or organisation's name: its first and last words are written with a
    capital, and it names one actor."""
    return not sp.several and sp.tokens[0] in sp.caps and sp.tokens[-1] in sp.caps


def suggest_merges(
    rows: Iterable[Mapping[str, Any]],
    *,
    distinct: Iterable[frozenset[str]] = (),
    min_mentions: int = 0,
) -> Suggestions:
    """Clusters of speakers that are probably one actor, and sources that are not actors.

    Args:
        rows: speakers as :func:`queries.speaker_occurrences` gives them (id, name,
            kind, aliases, mentions, articles: article id -> mentions).
        distinct: pairs of speaker ids an analyst said are different actors.
        min_mentions: leave out clusters and non-actors with fewer mentions in all.

    Returns:
        Clusters by size (names, then mentions), largest first; an ambiguous cluster
        has no ``keep`` and lists its ``candidates``; its members are in no other
        cluster. Speakers of kind ``other`` take part in neither list.
    """
    speakers: dict[str, _Speaker] = {}
    not_actors: list[NotActor] = []
    for row in rows:
        if row.get("kind") == "other":
            continue
        reason = not_actor_reason(row["name"])
        if reason:
            not_actors.append(NotActor(row["id"], row["name"], row["mentions"], reason))
            continue
        tokens, initials = tokens_and_initials(row["name"])
        if not tokens:
            continue
        speakers[row["id"]] = _Speaker(
            row["id"],
            row["name"],
            row["mentions"],
            row.get("articles") or {},
            row.get("aliases") or (),
            tokens,
            initials,
        )
    groups = _Groups(speakers, distinct)
    ambiguous: list[tuple[list[str], list[str], str]] = []  # (ids, candidate ids, rule)

    by_key: dict[str, list[str]] = defaultdict(list)
    for sp in speakers.values():
        by_key[sp.key].append(sp.id)
    _same_key(speakers, by_key, groups, ambiguous)
    _by_fingerprint(speakers, groups)
    _by_alias(speakers, by_key, groups)
    _by_middle_name(speakers, groups)
    _by_acronym(speakers, groups, ambiguous)
    _by_surname(speakers, groups, ambiguous)

    clusters = _clusters(speakers, groups)
    clusters += _ambiguous_clusters(speakers, groups, ambiguous)
    clusters = [c for c in clusters if c.mentions >= min_mentions]
    clusters.sort(key=lambda c: (-len(c.members), -c.mentions, c.keep or c.names[0]))
    not_actors = [n for n in not_actors if n.mentions >= max(min_mentions, 0)]
    not_actors.sort(key=lambda n: (-n.mentions, n.name))
    return Suggestions(clusters, not_actors)


def _same_key(
    speakers: dict[str, _Speaker],
    by_key: dict[str, list[str]],
    groups: _Groups,
    ambiguous: list[tuple[list[str], list[str], str]],
) -> None:
    for key, ids in by_key.items():
        if len(ids) < 2:
            continue
        # "the party" / "The party": one description, not one named actor.
        if not any(all(word in speakers[i].caps for i in ids) for word in key.split()):
            groups.join_all(ids, "same description", CONFIDENCE["same description"])
            continue
        signatures: dict[str, list[str]] = defaultdict(list)
        for sid in ids:
            signatures[speakers[sid].initials].append(sid)
        bare = signatures.pop("", [])
        if len(signatures) <= 1:
            groups.join_all(ids, "same key", CONFIDENCE["same key"])
            continue
        # Two sets of initials: two people; the bare form may be either.
        for same in signatures.values():
            groups.join_all(same, "same key", CONFIDENCE["same key"])
        if bare:
            groups.join_all(bare, "same key", CONFIDENCE["same key"])
            groups.ambiguous.update(bare)
            ambiguous.append((bare, [s[0] for s in signatures.values()], "middle initials"))


def _by_fingerprint(speakers: dict[str, _Speaker], groups: _Groups) -> None:
    by_print: dict[str, list[str]] = defaultdict(list)
    for sp in speakers.values():
        if len(sp.tokens) > 1:
            by_print[" ".join(sorted(set(sp.tokens)))].append(sp.id)
    for ids in by_print.values():
        if len({speakers[i].key for i in ids}) > 1:
            groups.join_all(ids, "token fingerprint", CONFIDENCE["token fingerprint"])


def _by_alias(speakers: dict[str, _Speaker], by_key: dict[str, list[str]], groups: _Groups) -> None:
    for sp in speakers.values():
        for alias in sp.aliases:
            for other in by_key.get(name_key(alias), ()):
                groups.join(sp.id, other, "recorded alias", CONFIDENCE["recorded alias"])


def _by_middle_name(speakers: dict[str, _Speaker], groups: _Groups) -> None:
    names = [sp for sp in speakers.values() if len(sp.tokens) > 1 and _looks_like_name(sp)]
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sp in names:
        by_ends[(sp.tokens[0], sp.tokens[-1])].append(sp.id)
    for ids in by_ends.values():
        middles = {" ".join(speakers[i].tokens[1:-1]) for i in ids}
        # One middle name joins; two different ones are two people, left alone.
        if len(middles) == 2 and "" in middles:
            groups.join_all(ids, "middle name", CONFIDENCE["middle name"])
    # "Harbour pilot Ann Lee": words before a first and last name that are a speaker.
    two_words: dict[str, list[str]] = defaultdict(list)
    for sp in names:
        if len(sp.tokens) == 2:
            two_words[sp.key].append(sp.id)
    for sp in names:
        before = sp.tokens[:-2]
        if not before or len(sp.tokens) > 6 or "," in sp.name or set(before) & LINK_WORDS:
            continue  # "Ann Lee's lawyer, who spoke to Bo Dahl": a clause, not a title
        if sp.tokens[-2] in sp.caps:
            found = two_words.get(" ".join(sp.tokens[-2:]), ())
            if found:
                groups.join(sp.id, found[0], "words before", CONFIDENCE["words before"])


def _by_acronym(
    speakers: dict[str, _Speaker],
    groups: _Groups,
    ambiguous: list[tuple[list[str], list[str], str]],
) -> None:
    short: dict[str, list[str]] = defaultdict(list)
    long: dict[str, list[str]] = defaultdict(list)
    for sp in speakers.values():
        acronym = as_acronym(sp.name)
        if acronym:
            short[acronym].append(sp.id)
        elif len(sp.tokens) > 1 and _looks_like_name(sp) and _all_capitalised(sp.name):
            expanded = acronym_of(sp.name)
            if expanded and len(expanded) > 1:
                long[expanded].append(sp.id)
    for acronym, ids in short.items():
        apart = set().union(*(groups.apart.get(i, set()) for i in ids))
        expansions = [
            i
            for i in long.get(acronym, ())
            if i not in groups.ambiguous and not groups.members[groups.find(i)] & apart
        ]
        roots = {groups.find(i): i for i in expansions}
        if len(roots) == 1:
            for sid in ids:
                groups.join(sid, expansions[0], "acronym", CONFIDENCE["acronym"])
        elif len(roots) > 1:
            groups.ambiguous.update(ids)
            ambiguous.append((ids, list(roots.values()), "acronym"))


def _by_surname(
    speakers: dict[str, _Speaker],
    groups: _Groups,
    ambiguous: list[tuple[list[str], list[str], str]],
) -> None:
    # Full names by (article, last word) and by last word alone.
    beside: dict[tuple[str, str], set[str]] = defaultdict(set)
    anywhere: dict[str, set[str]] = defaultdict(set)
    members: dict[str, list[str]] = defaultdict(list)
    for sp in speakers.values():
        members[groups.find(sp.id)].append(sp.id)
    for sp in speakers.values():
        if len(sp.tokens) < 2 or sp.id in groups.ambiguous:
            continue
        if not _looks_like_name(sp) or sp.tokens[-2] not in sp.caps:
            continue
        root = groups.find(sp.id)
        anywhere[sp.tokens[-1]].add(root)
        for article in sp.articles:
            beside[(article, sp.tokens[-1])].add(root)
    for ids in members.values():
        group = [speakers[i] for i in ids]
        if any(len(sp.tokens) > 1 for sp in group) or all(as_acronym(sp.name) for sp in group):
            continue
        if any(sp.id in groups.ambiguous for sp in group):
            continue
        word = group[0].tokens[0]
        # A surname is written with a capital, every time: "the administration" is no
        # short form of "the Harbour Board administration".
        if not all(word in sp.caps for sp in group):
            continue
        ids = [sp.id for sp in group]
        # A full name the analyst kept apart from this form is no candidate for it.
        apart = set().union(*(groups.apart.get(i, set()) for i in ids))
        # Each article votes for the one full name beside the short form there; an
        # article naming two (a family, a namesake) only makes them all candidates.
        votes: dict[str, int] = defaultdict(int)
        seen: dict[str, int] = defaultdict(int)
        for sp in group:
            for article, count in sp.articles.items():
                there = [
                    c for c in beside.get((article, word), ()) if not groups.members[c] & apart
                ]
                for cand in there:
                    seen[cand] += count
                if len(there) == 1:
                    votes[there[0]] += count
        elsewhere = {c for c in anywhere.get(word, ()) if not groups.members[c] & apart}
        if len(votes) == 1:
            (cand, met), total = next(iter(votes.items())), sum(sp.mentions for sp in group)
            share = met / total if total else 1.0
            confidence = round(CONFIDENCE["surname"] + 0.17 * share, 2)
            rule = "surname"
            if len(seen) > 1:  # a namesake stands beside it too, somewhere: look first
                confidence, rule = min(confidence, 0.7), "surname, namesake"
            for sid in ids:
                groups.join(sid, cand, rule, confidence)
        elif seen:
            groups.ambiguous.update(ids)
            ambiguous.append((ids, sorted(seen, key=lambda c: -seen[c]), "surname"))
        elif len(elsewhere) == 1:
            (cand,) = elsewhere
            for sid in ids:
                groups.join(sid, cand, "surname elsewhere", CONFIDENCE["surname elsewhere"])
        elif len(elsewhere) > 1:
            groups.ambiguous.update(ids)
            ambiguous.append((ids, sorted(elsewhere), "surname elsewhere"))


_RULE_TEXT = {
    "same key": "same name after normalising",
    "same description": "same words, a description rather than a name",
    "token fingerprint": "same words in another order",
    "recorded alias": "recorded alias",
    "middle name": "same name with a middle name",
    "words before": "same name with a description before it",
    "acronym": "acronym and its expansion",
    "surname": "surname beside one full name in the same articles",
    "surname, namesake": "surname beside one full name; a namesake only where both are named",
    "surname elsewhere": "surname; the full name only in other articles",
}
_AMBIGUOUS_TEXT = {
    "middle initials": "the same name with different middle initials",
    "acronym": "acronym of more than one name",
    "surname": "surname beside more than one full name in the same articles",
    "surname elsewhere": "surname of more than one full name in the corpus",
}


def _member(sp: _Speaker) -> dict[str, Any]:
    return {"id": sp.id, "name": sp.name, "mentions": sp.mentions}


def _clusters(speakers: dict[str, _Speaker], groups: _Groups) -> list[Cluster]:
    members: dict[str, list[_Speaker]] = defaultdict(list)
    for sp in speakers.values():
        if sp.id not in groups.ambiguous:  # those wait in their ambiguous cluster
            members[groups.find(sp.id)].append(sp)
    out = []
    for root, group in members.items():
        if len(group) < 2:
            continue
        keep = _pick_keep(group)
        rest = sorted((sp for sp in group if sp is not keep), key=lambda s: (-s.mentions, s.name))
        rules = groups.rules[root]
        names = list(dict.fromkeys(_RULE_TEXT[r] for r, _c in rules))
        out.append(
            Cluster(
                keep.id,
                keep.name,
                [_member(sp) for sp in (keep, *rest)],
                "; ".join(names),
                min(c for _r, c in rules),
            )
        )
    return out


def _ambiguous_clusters(
    speakers: dict[str, _Speaker],
    groups: _Groups,
    ambiguous: list[tuple[list[str], list[str], str]],
) -> list[Cluster]:
    members: dict[str, list[_Speaker]] = defaultdict(list)
    for sp in speakers.values():
        members[groups.find(sp.id)].append(sp)
    out = []
    for ids, candidate_ids, rule in ambiguous:
        candidates = []
        for cid in candidate_ids:
            best = _pick_keep(members[groups.find(cid)])
            candidates.append({"id": best.id, "name": best.name})
        candidates.sort(key=lambda c: (fold(c["name"]), c["id"]))
        group = sorted((speakers[i] for i in ids), key=lambda s: (-s.mentions, s.name))
        out.append(
            Cluster(
                None,
                None,
                [_member(sp) for sp in group],
                _AMBIGUOUS_TEXT[rule] + ": " + " or ".join(c["name"] for c in candidates),
                round(1 / len(candidates), 2),
                ambiguous=True,
                candidates=candidates,
            )
        )
    return out


# -- evidence ---------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")


def sentence_around(context: str, start: int, end: int, *, limit: int = 220) -> str:
    """The sentence of ``context`` holding ``context[start:end]``, on one line and at
    most about ``limit`` characters (cut with "…")."""
    begin = 0
    for m in _SENTENCE_END.finditer(context, 0, start):
        begin = m.end()
    stop = len(context)
    m = _SENTENCE_END.search(context, end)
    if m:
        stop = m.start() + 1 if context[m.start()] != "\n" else m.start()
    text = context[begin:stop]
    mention_at = start - begin
    if len(text) > limit:
        left = max(0, mention_at - limit // 2)
        text = ("…" if left else "") + text[left : left + limit].rstrip() + "…"
    return squash_spaces(text)


def attach_examples(
    suggestions: Suggestions,
    contexts: Mapping[str, Sequence[tuple[str, int, int]]],
    *,
    per_cluster: int = 2,
) -> None:
    """Give each cluster up to ``per_cluster`` example sentences, from different
    members first (``contexts`` as :func:`queries.speaker_mention_contexts` gives)."""
    for cluster in suggestions.clusters:
        picked: list[dict[str, str]] = []
        for round_ in range(per_cluster):
            for member in cluster.members:
                found = contexts.get(member["id"], ())
                if len(picked) < per_cluster and round_ < len(found):
                    picked.append(
                        {"name": member["name"], "sentence": sentence_around(*found[round_])}
                    )
        cluster.examples = picked


def suggest_from_store(store: Store, *, min_mentions: int = 0, examples: int = 2) -> Suggestions:
    """Merge suggestions for a database: :func:`suggest_merges` over its speakers,
    without the pairs an analyst kept apart, with ``examples`` sentences a cluster."""
    suggestions = suggest_merges(
        queries.speaker_occurrences(store),
        distinct=store.distinct_speaker_pairs(),
        min_mentions=min_mentions,
    )
    if examples:
        ids = [sid for c in suggestions.clusters for sid in c.ids]
        contexts = queries.speaker_mention_contexts(store, ids, per_speaker=examples)
        attach_examples(suggestions, contexts, per_cluster=examples)
    return suggestions

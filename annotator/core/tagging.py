"""Rules that guess a new claim's kind, cue and speaker from the highlights around it.

Pure Python (no Qt): the tagging controller asks these before it writes a claim, and
they can be tested on plain span dictionaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .suggest.lexicon import DETERMINERS, ORG_PRONOUNS, PERSON_PRONOUNS, ROLE_HEADS

QUOTE_MARKS = "\"“”„«»‘’'‹›"
# A sentence ends at . ! or ? (a closing quote may follow) before a space, or at a line end.
_SENTENCE_END = re.compile(r"[.!?][\"”’»']?\s|\n")


def near(
    spans: Iterable[dict[str, Any]], label: str, start: int, end: int, reach: int = 250
) -> list[dict[str, Any]]:
    """Spans with this label within ``reach`` characters of ``start``–``end``, nearest first.

    Rejected spans are left out: the analyst said they are not what they seem.
    """

    def distance(s: dict[str, Any]) -> int:
        return max(0, s["start"] - end, start - s["end"])

    found = [
        s
        for s in spans
        if s["label"] == label and distance(s) <= reach and s["status"] != "rejected"
    ]
    return sorted(found, key=distance)


def guess_claim(text: str, spans: Iterable[dict[str, Any]], start: int, end: int) -> dict[str, Any]:
    """What a claim tagged at ``start``–``end`` of ``text`` most likely is.

    Returns the keyword arguments for the store's ``tag``: ``claim_kind`` ("direct"
    when a quote mark touches the range, else "indirect"), the nearest ``cue_span_id``,
    and the nearest mention of a known speaker (``speaker_id``, ``mention_span_id``),
    each None when there is none within reach.
    """
    spans = list(spans)
    before = text[max(0, start - 2) : start].strip()
    after = text[end : end + 2].strip()
    quoted = bool(before and before[-1] in QUOTE_MARKS) or bool(after and after[0] in QUOTE_MARKS)
    cues = near(spans, "cue", start, end)
    mentions = [s for s in near(spans, "speaker", start, end) if s["speaker_id"]]
    return {
        "claim_kind": "direct" if quoted else "indirect",
        "cue_span_id": cues[0]["id"] if cues else None,
        "speaker_id": mentions[0]["speaker_id"] if mentions else None,
        "mention_span_id": mentions[0]["id"] if mentions else None,
    }


def resolve_speaker(
    words: str,
    at: int,
    mentions: Iterable[dict[str, Any]],
    speakers: Iterable[dict[str, Any]],
) -> dict[str, Any] | None:
    """The known speaker a mention ``words`` at offset ``at`` most likely refers to.

    The suggester's rules, for one mention an analyst tagged: a surname ("Lin") is
    the speaker with it as a word of a longer name or alias (one in this article first, else a
    single one in the corpus); a pronoun ("she") or a role noun ("the spokesperson")
    is the nearest preceding full-name speaker mentioned in the article.

    Parameters:
        mentions: the article's speaker highlights (``start``, ``speaker_id``, ``status``).
        speakers: the corpus's speakers (``id``, ``name``, ``aliases``, ``kind``); the
            article's are those ``mentions`` link to.

    Returns:
        ``{"speaker": row, "why": "surname" | "pronoun" | "role"}``, or None when the
        words name no one known (or name a speaker exactly: then nothing is proposed).
    """
    phrase = " ".join(words.split())
    low = phrase.casefold()
    speakers = list(speakers)
    by_id = {row["id"]: row for row in speakers}
    linked = [
        m
        for m in mentions
        if m.get("speaker_id") in by_id and m.get("status") != "rejected" and m["start"] < at
    ]
    linked.sort(key=lambda m: m["start"])
    here = list(dict.fromkeys(m["speaker_id"] for m in linked))
    names = {row["id"]: [row["name"], *row.get("aliases", [])] for row in speakers}
    if any(n.casefold() == low for ns in names.values() for n in ns):
        return None  # an exact name or alias: the speaker itself, nothing to resolve
    first_word = low.split(" ", 1)[0] if low else ""
    role = first_word in DETERMINERS and low.split()[-1] in ROLE_HEADS
    if low in PERSON_PRONOUNS or low in ORG_PRONOUNS or role:
        wanted = "organisation" if low in ORG_PRONOUNS else "person"
        for mention in reversed(linked):
            row = by_id[mention["speaker_id"]]
            if row.get("kind", "person") == wanted and (
                wanted == "organisation" or len(row["name"].split()) > 1
            ):
                return {"speaker": row, "why": "role" if role else "pronoun"}
        return None
    if len(phrase.split()) != 1 or not phrase[:1].isupper():
        return None

    def ends(row_id: str) -> bool:
        # Any word of a longer name, as the suggester does: "Lin" of "Lin Qiao" too.
        return any(low in n.casefold().split() and " " in n.strip() for n in names[row_id])

    local = [sid for sid in reversed(here) if ends(sid)]
    if local:
        return {"speaker": by_id[local[0]], "why": "surname"}
    corpus = [row for row in speakers if ends(row["id"])]
    return {"speaker": corpus[0], "why": "surname"} if len(corpus) == 1 else None


def same_sentence(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether nothing between two ranges of ``text`` ends a sentence: a cue or a
    speaker's name tagged next to a quote ("…backyard,” Lin said") belongs to it."""
    (a_start, a_end), (b_start, _b_end) = sorted([first, second])
    gap = text[max(a_end - 1, a_start) : max(b_start, a_end)]
    return _SENTENCE_END.search(gap) is None


def sentence_around(text: str, start: int, end: int, reach: int = 400) -> tuple[int, int]:
    """The sentence holding ``start``–``end`` (the range itself widened to whole
    sentences), looking at most ``reach`` characters either side."""
    before = max(0, start - reach)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, before, start)]
    first = ends[-1] if ends else before
    found = _SENTENCE_END.search(text, max(end - 1, start), min(len(text), end + reach))
    return first, (found.end() - 1 if found is not None else min(len(text), end + reach))


def claim_to_link(
    text: str,
    span: dict[str, Any],
    claims: Iterable[dict[str, Any]],
    content: dict[str, tuple[int, int]],
) -> dict[str, Any] | None:
    """The claim a new cue or speaker mention ``span`` completes: the nearest claim of
    the same sentence that has no cue (for a cue) or no mention (for a speaker).

    ``content``: span id -> (start, end) of the claims' content highlights.
    """
    column = {"cue": "cue_span_id", "speaker": "mention_span_id"}.get(span["label"])
    if column is None:
        return None
    best, best_distance = None, None
    for claim in claims:
        if claim[column] or claim["status"] == "rejected":
            continue
        for sid in claim["spans"]:
            if sid not in content:
                continue
            start, end = content[sid]
            if not same_sentence(text, (start, end), (span["start"], span["end"])):
                continue
            distance = max(0, span["start"] - end, start - span["end"])
            if best_distance is None or distance < best_distance:
                best, best_distance = claim, distance
    return best


def cue_choice(text: str, span: dict[str, Any], reach: int = 28) -> str:
    """How a cue is offered in a claim's cue list: its words, then the words around it
    ("said — …Whitfield told reporters in…"), on one line."""
    start, end = span["start"], span["end"]
    left, right = max(0, start - reach), min(len(text), end + reach)
    context = " ".join(text[left:right].split())
    return (
        f"{' '.join(span['text'].split())} — "
        f"{'…' if left > 0 else ''}{context}{'…' if right < len(text) else ''}"
    )

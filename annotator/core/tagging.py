"""Rules that guess a new claim's kind, cue and speaker from the highlights around it.

Pure Python (no Qt): the tagging controller asks these before it writes a claim, and
they can be tested on plain span dictionaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

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


def same_sentence(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether nothing between two ranges of ``text`` ends a sentence: a cue or a
    speaker's name tagged next to a quote ("…backyard,” Lin said") belongs to it."""
    (a_start, a_end), (b_start, _b_end) = sorted([first, second])
    gap = text[max(a_end - 1, a_start) : max(b_start, a_end)]
    return _SENTENCE_END.search(gap) is None


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

"""Rules that guess a new claim's kind, cue and speaker from the highlights around it.

Pure Python (no Qt): the tagging controller asks these before it writes a claim, and
they can be tested on plain span dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

QUOTE_MARKS = "\"“”„«»‘’'‹›"


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

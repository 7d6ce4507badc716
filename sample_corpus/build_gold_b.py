#!/usr/bin/env python3
"""Build tests/data/gold-b.jsonl: a second coder's layer of the sample corpus.

Standard library only. The second coder ("coder-b") starts from the gold layer
(tests/data/gold.jsonl, annotator "gold") and differs where coders plausibly do:
a quote missed, a reported clause cut a word short, a quote given to the other
speaker of its article, a speaker mention overlooked, a stance read as neutral or
mixed. Every difference is deterministic, so the agreement figures in the README
can be recomputed:

    python sample_corpus/build_gold_b.py            # (re)write gold-b.jsonl
    python sample_corpus/build_gold_b.py --check    # exit 1 if gold-b.jsonl is stale
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CODER = "coder-b"
SOFTER = {"favor": "neutral", "against": "mixed", "neutral": "against", "mixed": "favor"}


def _trim_last_word(text: str, start: int, end: int) -> int:
    """The end of the span without its last word (and the space before it)."""
    words = list(re.finditer(r"\w+", text[start:end]))
    if len(words) < 4:
        return end
    cut = start + words[-1].start()
    while cut > start and not text[cut - 1].isalnum():
        cut -= 1
    return cut


def recode(record: dict, index: int) -> dict:
    """The second coder's version of one gold record."""
    text = record["text"]
    spans = {s["id"]: dict(s) for s in record["spans"]}
    claims = [dict(c) for c in record["claims"]]
    positions = [dict(p) for p in record["positions"]]
    dropped: set[str] = set()
    kept_claims = []
    speakers_here = [s["id"] for s in record["speakers"]]
    for n, claim in enumerate(claims):
        k = n + index
        if k % 7 == 3:  # a quote missed, with its mention and cue
            dropped |= {claim["id"], *claim["spans"], claim["mention"], claim["cue"]} - {None}
            continue
        if k % 5 == 1 and claim["kind"] == "indirect":
            span = spans[claim["spans"][-1]]
            span["end"] = _trim_last_word(text, span["start"], span["end"])
            span["text"] = text[span["start"] : span["end"]]
        if k % 6 == 2 and claim["speaker"] and len(speakers_here) > 1:
            others = [s for s in speakers_here if s != claim["speaker"]]
            claim["speaker"] = others[k % len(others)]
        kept_claims.append(claim)
    used = {c["mention"] for c in kept_claims} | {c["cue"] for c in kept_claims}
    used |= {s for c in kept_claims for s in c["spans"]}
    dropped -= used  # a mention or cue another kept claim shares
    for n, span in enumerate(s for s in record["spans"] if s["label"] == "speaker"):
        if (n + index) % 4 == 2 and span["id"] not in used:
            dropped.add(span["id"])
    kept_positions = []
    for n, position in enumerate(positions):
        position["evidence"] = [c for c in position["evidence"] if c not in dropped]
        if (n + index) % 5 == 1:
            position["stance"] = SOFTER[position["stance"]]
        kept_positions.append(position)
    prefix = "b-"
    out = dict(record)
    out["spans"] = [
        {**s, "id": prefix + s["id"], "annotator": CODER}
        for s in spans.values()
        if s["id"] not in dropped
    ]
    out["claims"] = [
        {
            **c,
            "id": prefix + c["id"],
            "spans": [prefix + s for s in c["spans"]],
            "mention": prefix + c["mention"] if c["mention"] else None,
            "cue": prefix + c["cue"] if c["cue"] else None,
        }
        for c in kept_claims
    ]
    out["positions"] = [
        {**p, "id": prefix + p["id"], "evidence": [prefix + e for e in p["evidence"]]}
        for p in kept_positions
    ]
    out["speakers"] = [
        {**s, "mentions": [prefix + m for m in s["mentions"] if m not in dropped]}
        for s in record["speakers"]
    ]
    # Every claim and position names its coder (a position whose evidence was
    # missed would otherwise go to whoever imports the file).
    for item in (*out["claims"], *out["positions"]):
        item["annotator"] = CODER
    out["statuses"] = {CODER: record["status"]}
    return out


def build() -> str:
    lines = []
    gold = (DATA / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(gold):
        lines.append(json.dumps(recode(json.loads(line), index), ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main() -> int:
    target = DATA / "gold-b.jsonl"
    text = build()
    if "--check" in sys.argv[1:]:
        stale = not target.exists() or target.read_text(encoding="utf-8") != text
        print(f"{target}: {'stale' if stale else 'up to date'}")
        return 1 if stale else 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

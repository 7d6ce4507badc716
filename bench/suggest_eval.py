#!/usr/bin/env python3
"""Compare the rule-based suggestions with the hand-made gold file.

    .venv/bin/python bench/suggest_eval.py [--gold tests/data/gold.jsonl] [-v] [--n 10000]

Prints precision / recall / F1 for claim content (exact and overlap), cue spans (exact),
speaker attribution accuracy (over gold claims matched by overlap: the suggested
speaker name equals the gold speaker's name or one of its aliases, case-insensitive),
and the time to run the suggestions over ``--n`` articles (the gold texts replicated).

Standard library + annotator only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.suggest import KnownSpeaker, suggest_article  # noqa: E402

Span = tuple[int, int]


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _overlaps(a: list[Span], b: list[Span]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


class Tally:
    def __init__(self) -> None:
        self.n_gold = self.n_pred = 0
        self.exact_g = self.exact_p = 0
        self.over_g = self.over_p = 0
        self.span_gold = self.span_pred = self.span_tp = 0
        self.cue_gold = self.cue_pred = self.cue_tp = 0
        self.spk_n = self.spk_ok = self.link_ok = 0

    def row(self, label: str, tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> str:
        p, r, f = _prf(tp_p, n_pred, tp_g, n_gold)
        return f"  {label:<28} P={p:.3f}  R={r:.3f}  F1={f:.3f}   (pred {n_pred}, gold {n_gold})"


def evaluate(records: list[dict], verbose: bool, kind: str | None = None) -> Tally:
    t = Tally()
    for rec in records:
        text = rec["text"]
        spans = {s["id"]: s for s in rec["spans"]}
        speakers = {s["id"]: s for s in rec["speakers"]}
        gold = []
        for c in rec["claims"]:
            if kind and c["kind"] != kind:
                continue
            cs = sorted((spans[i]["start"], spans[i]["end"]) for i in c["spans"])
            cue = (spans[c["cue"]]["start"], spans[c["cue"]]["end"]) if c.get("cue") else None
            spk = speakers.get(c.get("speaker") or "")
            names = set()
            if spk:
                names = {spk["name"].casefold(), *(a.casefold() for a in spk.get("aliases", []))}
            gold.append({"spans": cs, "cue": cue, "names": names, "spk": spk, "kind": c["kind"]})
        # attribution is measured from the article alone; known-speaker linking is
        # measured separately, with the gold speakers given as the corpus's speakers
        known = [
            KnownSpeaker(s["id"], s["name"], tuple(s.get("aliases", []))) for s in rec["speakers"]
        ]
        linked = {
            tuple(sorted((r.start, r.end) for r in c.content)): c.speaker.known_id
            for c in suggest_article(text, known)
            if c.speaker is not None
        }
        pred = []
        for c in suggest_article(text):
            if kind and c.kind != kind:
                continue
            pred.append(
                {
                    "spans": sorted((s.start, s.end) for s in c.content),
                    "cue": (c.cue.start, c.cue.end) if c.cue else None,
                    "speaker": c.speaker.name if c.speaker else None,
                    "kind": c.kind,
                }
            )
        t.n_gold += len(gold)
        t.n_pred += len(pred)
        exact_pred = {tuple(p["spans"]) for p in pred}
        exact_gold = {tuple(g["spans"]) for g in gold}
        t.exact_g += sum(1 for g in gold if tuple(g["spans"]) in exact_pred)
        t.exact_p += sum(1 for p in pred if tuple(p["spans"]) in exact_gold)
        t.over_p += sum(1 for p in pred if any(_overlaps(p["spans"], g["spans"]) for g in gold))
        gs = {s for g in gold for s in g["spans"]}
        ps = {s for p in pred for s in p["spans"]}
        t.span_gold += len(gs)
        t.span_pred += len(ps)
        t.span_tp += len(gs & ps)
        gc = {g["cue"] for g in gold if g["cue"]}
        pc = {p["cue"] for p in pred if p["cue"]}
        t.cue_gold += len(gc)
        t.cue_pred += len(pc)
        t.cue_tp += len(gc & pc)
        for g in gold:
            matches = [p for p in pred if _overlaps(p["spans"], g["spans"])]
            if not matches:
                if verbose:
                    print(f"MISS  [{rec['title'][:40]}] {g['kind']}: {_show(text, g['spans'])}")
                continue
            t.over_g += 1
            best = max(matches, key=lambda p: _overlap_len(p["spans"], g["spans"]))
            t.spk_n += 1
            ok = bool(best["speaker"]) and best["speaker"].casefold() in g["names"]
            t.spk_ok += ok
            t.link_ok += bool(g["spk"]) and linked.get(tuple(best["spans"])) == g["spk"]["id"]
            if verbose and tuple(best["spans"]) != tuple(g["spans"]):
                print(f"SPAN  [{rec['title'][:40]}] gold {_show(text, g['spans'])}")
                print(f"                pred {_show(text, best['spans'])}")
            if verbose and not ok:
                want = g["spk"]["name"] if g["spk"] else None
                print(
                    f"SPKR  [{rec['title'][:40]}] {best['speaker']!r} != {want!r}: "
                    f"{_show(text, g['spans'])}"
                )
            if verbose and g["cue"] and best["cue"] != g["cue"]:
                gcue = text[g["cue"][0] : g["cue"][1]]
                pcue = text[best["cue"][0] : best["cue"][1]] if best["cue"] else None
                print(
                    f"CUE   [{rec['title'][:40]}] {pcue!r} != {gcue!r}: {_show(text, g['spans'])}"
                )
        if verbose:
            for p in pred:
                if not any(_overlaps(p["spans"], g["spans"]) for g in gold):
                    print(
                        f"FP    [{rec['title'][:40]}] {p['kind']}: {_show(text, p['spans'])}"
                        f"  -> {p['speaker']!r}"
                    )
    return t


def _overlap_len(a: list[Span], b: list[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _show(text: str, spans: list[Span]) -> str:
    parts = [text[s:e] for s, e in spans]
    return " | ".join(repr(p if len(p) < 70 else p[:40] + " … " + p[-25:]) for p in parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "gold.jsonl"))
    ap.add_argument("--n", type=int, default=10_000, help="articles for the timing run")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    args = ap.parse_args(argv)
    path = Path(args.gold)
    if not path.exists():
        print(f"{path}: not found", file=sys.stderr)
        return 1
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]

    t = evaluate(records, args.verbose)
    print(f"gold: {path.name}, {len(records)} articles, {t.n_gold} claims")
    print("claims (content spans)")
    print(t.row("exact (all spans equal)", t.exact_p, t.n_pred, t.exact_g, t.n_gold))
    print(t.row("overlap", t.over_p, t.n_pred, t.over_g, t.n_gold))
    print(t.row("single spans, exact", t.span_tp, t.span_pred, t.span_tp, t.span_gold))
    for kind in ("direct", "indirect"):
        k = evaluate(records, False, kind)
        print(t.row(f"{kind}: overlap", k.over_p, k.n_pred, k.over_g, k.n_gold))
        print(t.row(f"{kind}: exact", k.exact_p, k.n_pred, k.exact_g, k.n_gold))
    print("cues")
    print(t.row("exact", t.cue_tp, t.cue_pred, t.cue_tp, t.cue_gold))
    acc = t.spk_ok / t.spk_n if t.spk_n else 0.0
    print(f"speaker attribution accuracy: {acc:.3f}  ({t.spk_ok}/{t.spk_n} matched gold claims)")
    link = t.link_ok / t.spk_n if t.spk_n else 0.0
    print(
        f"known-speaker linking (gold speakers as the corpus): {link:.3f}  "
        f"({t.link_ok}/{t.spk_n} matched gold claims get the gold speaker's id)"
    )

    texts = [r["text"] for r in records]
    corpus = [texts[i % len(texts)] for i in range(args.n)]
    chars = sum(map(len, corpus))
    t0 = time.perf_counter()
    c0 = time.process_time()
    for text in corpus:
        suggest_article(text)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(
        f"time: {dt:.2f} s wall, {cpu:.2f} s CPU for {args.n} articles "
        f"({chars / 1e6:.1f} M chars, {dt / args.n * 1e3:.2f} ms/article; "
        f"{cpu / chars * 3e7:.1f} s CPU per 10,000 articles of 3,000 chars)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

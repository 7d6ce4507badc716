#!/usr/bin/env python3
"""Score ``annotator suggest`` on real news with human attributions (PolNeAR's layout).

    .venv/bin/python bench/polnear_eval.py [PATH] [--limit N] [-v]

``PATH`` (default ``../shared/polnear-train``) holds ``articles.jsonl`` and
``gold.jsonl``. The articles are imported into a temporary database with the command
line, suggested, and exported with ``--include-suggestions``; the export is then scored
against the gold attributions:

- content P / R / F1 with *overlap* matching: a suggested claim and a gold content are
  paired greedily one-to-one, largest shared character count first (any shared
  character counts);
- content P / R / F1 with *word-exact* matching: the same words, ignoring case,
  punctuation, quotation marks and a leading "that";
- both again restricted to *quoted* contents: gold contents holding a quotation mark,
  and suggestions whose content holds or is enclosed by one;
- cue P / R / F1, overlap matching as for contents;
- source accuracy over overlap-matched contents that have a gold source: right *by
  name or mention* when the suggestion's mention span overlaps the gold source span or
  its proposed speaker's name matches the gold source text, and *by name* for the name
  alone (a name matches when the source text is within it, e.g. "Trump" in "Donald
  Trump", or when its last word, a "Jr." or "III" aside, is a word of the source text
  or the possessive that ends it); by name again over
  the gold sources that are more than a pronoun (a name never matches "he"), and with
  each pronoun source read as the nearest named gold source before it in the article (a
  rough stand-in for coreference, which the gold does not mark); the
  sources wrong both ways are counted by kind (no mention, a pronoun on either side,
  our mention near the gold source or farther) and by whether our cue is the gold cue;
- speed: articles per second of ``suggest_article`` on one core (CPU time).

Standard library + annotator only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.suggest import suggest_article  # noqa: E402

Spans = list[tuple[int, int]]
_QUOTE_MARKS = "\"“”„«»‘’‚‹›'"
_DOUBLE_MARKS = '"“”„«»'
_PRONOUNS = {
    (w,)
    for w in [
        "he",
        "she",
        "it",
        "they",
        "i",
        "we",
        "you",
        "who",
        "which",
        "that",
        "whom",
        "this",
        "these",
        "those",
    ]
}
_WORD_RE = re.compile(r"\w+(?:[’']\w+)*")


def _has_quote(text: str) -> bool:
    """A quotation mark, not an apostrophe inside a word ("don't")."""
    for i, c in enumerate(text):
        if c in _DOUBLE_MARKS:
            return True
        if c in "‘’'":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if not (prev.isalnum() and nxt.isalnum()) and not (c != "‘" and prev in "sS"):
                return True
    return False


def _words(text: str) -> tuple[str, ...]:
    words = [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]
    if words and words[0] == "that":
        words = words[1:]
    return tuple(words)


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _greedy(gold: list[Spans], pred: list[Spans]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        gs, ge = min(s for s, _ in g), max(e for _, e in g)
        for pi, p in enumerate(pred):
            if p[0][0] >= ge or p[-1][1] <= gs:
                continue
            n = _overlap(g, p)
            if n > 0:
                pairs.append((n, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


# A generational suffix is not the surname: "Joseph Roe Jr." is matched by its "roe".
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _name_matches(name: str | None, source_text: str) -> bool:
    if not name:
        return False
    src = _words(source_text) if source_text else ()
    nm = _words(name)
    if not src or not nm:
        return False
    if len(src) <= len(nm) and any(nm[i : i + len(src)] == src for i in range(len(nm))):
        return True
    while len(nm) > 1 and nm[-1] in _NAME_SUFFIXES:
        nm = nm[:-1]
    # a possessive closing the gold source is its owner ("Roe's" in "Roe's statement said"),
    # not in "Roe's spokesman"
    return nm[-1] in src or nm[-1] + "'s" == src[-1]


def _source_miss(text: str, g: dict, p: dict) -> str:
    """Why a matched content's proposed source is wrong both ways (a reporting category)."""
    if not p["mention"]:
        return "none"
    s, e = p["mention"][0]
    ours = _words(text[s:e]) in _PRONOUNS
    theirs = _words(g["source_text"]) in _PRONOUNS
    if ours or theirs:
        return "pronoun"
    gs, ge = min(a for a, _ in g["source"]), max(b for _, b in g["source"])
    return "near" if min(abs(s - ge), abs(gs - e)) <= 40 else "far"


class Score:
    def __init__(self) -> None:
        self.c = Counter()

    def add(self, key: str, n: int = 1) -> None:
        self.c[key] += n

    def prf(self, key: str) -> tuple[float, float, float, int, int]:
        tp_p, n_p = self.c[key + "_tp"], self.c[key + "_pred"]
        n_g = self.c[key + "_gold"]
        p = tp_p / n_p if n_p else 0.0
        r = tp_p / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, n_p, n_g


def _pred_quoted(text: str, spans: Spans) -> bool:
    s, e = spans[0][0], spans[-1][1]
    return any(_has_quote(text[max(0, a - 1) : b + 1]) for a, b in spans) or _has_quote(
        text[max(0, s - 1) : e + 1]
    )


def score_article(text: str, gold: list[dict], rec: dict, sc: Score, verbose: bool) -> None:
    spans = {s["id"]: s for s in rec["spans"]}
    speakers = {s["id"]: s for s in rec["speakers"]}
    preds = []
    for c in rec["claims"]:
        content = sorted((spans[i]["start"], spans[i]["end"]) for i in c["spans"])
        cue = spans.get(c.get("cue") or "")
        mention = spans.get(c.get("mention") or "")
        spk = speakers.get(c.get("speaker") or "") or c.get("proposed_speaker") or {}
        preds.append(
            {
                "content": content,
                "cue": [(cue["start"], cue["end"])] if cue else [],
                "mention": [(mention["start"], mention["end"])] if mention else [],
                "name": spk.get("name"),
            }
        )
    golds = [g for g in gold if g["content"]]
    g_content = [sorted(tuple(x) for x in g["content"]) for g in golds]
    p_content = [p["content"] for p in preds]

    # overlap
    pairs = _greedy(g_content, p_content)
    sc.add("over_tp", len(pairs))
    sc.add("over_pred", len(preds))
    sc.add("over_gold", len(golds))
    # word-exact (multiset of word sequences)
    gw = Counter(_words(g["content_text"]) for g in golds)
    pw = Counter(_words(" ".join(text[s:e] for s, e in p)) for p in p_content)
    sc.add("exact_tp", sum((gw & pw).values()))
    sc.add("exact_pred", len(preds))
    sc.add("exact_gold", len(golds))
    # quoted
    gq = [i for i, g in enumerate(golds) if _has_quote(g["content_text"])]
    pq = [i for i, p in enumerate(p_content) if _pred_quoted(text, p)]
    qpairs = _greedy([g_content[i] for i in gq], [p_content[i] for i in pq])
    sc.add("quoted_tp", len(qpairs))
    sc.add("quoted_pred", len(pq))
    sc.add("quoted_gold", len(gq))
    gqw = Counter(_words(golds[i]["content_text"]) for i in gq)
    pqw = Counter(_words(" ".join(text[s:e] for s, e in p_content[i])) for i in pq)
    sc.add("qexact_tp", sum((gqw & pqw).values()))
    sc.add("qexact_pred", len(pq))
    sc.add("qexact_gold", len(gq))
    # cues
    g_cue = [sorted(tuple(x) for x in g["cue"]) for g in golds if g["cue"]]
    p_cue = [p["cue"] for p in preds if p["cue"]]
    sc.add("cue_tp", len(_greedy(g_cue, p_cue)))
    sc.add("cue_pred", len(p_cue))
    sc.add("cue_gold", len(g_cue))
    # sources over matched contents; the named gold sources in text order stand in for
    # coreference: a pronoun source is read as the nearest of them before it
    named = sorted(
        (min(s for s, _ in g["source"]), g["source_text"])
        for g in gold
        if g["source"] and _words(g["source_text"]) not in _PRONOUNS
    )
    for gi, pi in pairs:
        g, p = golds[gi], preds[pi]
        if not g["source"]:
            continue
        src = [tuple(x) for x in g["source"]]
        by_name = _name_matches(p["name"], g["source_text"])
        by_mention = bool(p["mention"]) and _overlap(src, p["mention"]) > 0
        sc.add("src_n")
        sc.add("src_name", by_name)
        sc.add("src_any", by_name or by_mention)
        if _words(g["source_text"]) not in _PRONOUNS:
            # a name can only match a source that is more than a pronoun
            sc.add("src_np_n")
            sc.add("src_np_name", by_name)
            sc.add("src_coref_name", by_name)
        else:
            gs = min(s for s, _ in src)
            before = [t for s, t in named if s < gs]
            sc.add("src_coref_name", bool(before) and _name_matches(p["name"], before[-1]))
        if by_mention and not by_name and _words(g["source_text"]) not in _PRONOUNS:
            sc.add("srcx_name_only")
        if not (by_name or by_mention):
            sc.add("srcx_n")
            sc.add("srcx_" + _source_miss(text, g, p))
            g_cue = [tuple(x) for x in g["cue"]]
            sc.add("srcx_cue_ok", bool(p["cue"]) and bool(g_cue) and _overlap(g_cue, p["cue"]) > 0)
        if verbose and not (by_name or by_mention):
            print(
                f"SRC   {rec['title'][:30]!r}: {p['name']!r} != {g['source_text']!r}"
                f"  ({g['content_text'][:60]!r})"
            )
    if verbose:
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, g in enumerate(golds):
            if gi not in matched_g:
                print(f"MISS  {g['cue_text']!r} | {g['content_text'][:100]!r}")
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                print(f"FP    {' | '.join(text[s:e] for s, e in p['content'])[:100]!r}")


def _run(args: list[str]) -> None:
    cmd = [sys.executable, "-m", "annotator", *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"failed: {' '.join(args)}")


def _exported_records(articles: list[dict]) -> dict[str, dict]:
    """Import, suggest and export with the command line: the records by article text."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"title": a["title"], "text": a["text"]}) + "\n")
        db = str(Path(tmp) / "eval.db")
        out = Path(tmp) / "export.jsonl"
        _run(["--db", db, "import", str(src)])
        _run(["--db", db, "suggest"])
        _run(["--db", db, "export", "--include-suggestions", "-o", str(out)])
        by_text: dict[str, dict] = {}
        for line in out.open(encoding="utf-8"):
            rec = json.loads(line)
            by_text[rec["text"]] = rec
    return by_text


def _span(spans: list[dict], ref) -> str | None:
    if ref is None:
        return None
    spans.append({"id": str(len(spans)), "start": ref.start, "end": ref.end})
    return spans[-1]["id"]


def _engine_records(articles: list[dict]) -> dict[str, dict]:
    """The export's shape built from ``suggest_article`` directly (same rules, no database)."""
    by_text: dict[str, dict] = {}
    for a in articles:
        spans: list[dict] = []
        claims: list[dict] = []

        for c in suggest_article(a["text"]):
            ids = [_span(spans, r) for r in c.content]
            sp = c.speaker
            claims.append(
                {
                    "spans": ids,
                    "cue": _span(spans, c.cue),
                    "mention": _span(spans, c.mention),
                    "speaker": None,
                    "proposed_speaker": {"name": sp.name} if sp is not None else None,
                }
            )
        by_text[a["text"]] = {"title": a["title"], "spans": spans, "speakers": [], "claims": claims}
    return by_text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(ROOT.parent / "shared" / "polnear-train"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    ap.add_argument(
        "--engine",
        action="store_true",
        help="score suggest_article's claims directly, without import and export (faster)",
    )
    args = ap.parse_args(argv)
    base = Path(args.path)
    try:
        articles = [json.loads(x) for x in (base / "articles.jsonl").open(encoding="utf-8")]
        golds = {
            g["name"]: g for g in map(json.loads, (base / "gold.jsonl").open(encoding="utf-8"))
        }
    except OSError as exc:
        print(f"{base}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if args.limit:
        articles = articles[: args.limit]
    sc = Score()
    by_text = _engine_records(articles) if args.engine else _exported_records(articles)
    missing = 0
    for a in articles:
        rec = by_text.get(a["text"])
        if rec is None:
            missing += 1
            continue
        if args.verbose:
            print(f"=== {a['name']}")
        score_article(a["text"], golds[a["name"]]["attributions"], rec, sc, args.verbose)

    n_attr = sum(len(golds[a["name"]]["attributions"]) for a in articles)
    print(f"{base.name}: {len(articles)} articles, {n_attr} gold attributions")
    if missing:
        print(f"  ({missing} articles not found in the export)")
    for key, label in (
        ("over", "content, overlap"),
        ("exact", "content, word-exact"),
        ("quoted", "quoted content, overlap"),
        ("qexact", "quoted content, word-exact"),
        ("cue", "cue, overlap"),
    ):
        p, r, f, n_p, n_g = sc.prf(key)
        print(f"  {label:<28} P={p:.3f}  R={r:.3f}  F1={f:.3f}   (pred {n_p}, gold {n_g})")
    n = sc.c["src_n"] or 1
    print(
        f"  source, by name or mention   {sc.c['src_any'] / n:.3f}   by name {sc.c['src_name'] / n:.3f}"
        f"   ({sc.c['src_n']} matched contents with a gold source)"
    )
    n2 = sc.c["src_np_n"] or 1
    print(
        f"  source by name, gold source not a pronoun   {sc.c['src_np_name'] / n2:.3f}"
        f"   ({sc.c['src_np_n']} matched contents)"
    )
    print(
        f"  source by name, a pronoun source read as the nearest named gold source before it"
        f" (a rough stand-in for coreference)   {sc.c['src_coref_name'] / n:.3f}"
    )
    c = sc.c
    print(
        f"  source wrong both ways: {c['srcx_n']} ({c['srcx_cue_ok']} with the gold cue): "
        f"no mention {c['srcx_none']}, a pronoun on either side {c['srcx_pronoun']}, "
        f"mention within 40 characters {c['srcx_near']}, farther {c['srcx_far']}; "
        f"mention right but name wrong (gold not a pronoun) {c['srcx_name_only']}"
    )

    texts = [a["text"] for a in articles]
    reps = max(1, 2000 // max(1, len(texts)))
    c0 = time.process_time()
    for _ in range(reps):
        for t in texts:
            suggest_article(t)
    cpu = time.process_time() - c0
    chars = sum(map(len, texts)) / max(1, len(texts))
    print(
        f"  speed: {reps * len(texts) / cpu:.0f} articles/s on one core "
        f"(CPU time; {chars:.0f} characters an article on average)"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main())

#!/usr/bin/env python3
"""How fast intercoder agreement is computed (prints, asserts nothing).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/agreement.py [--articles 1000]

1. Agreement over 1,000 articles coded by 3 coders, 40 claims each (with a speaker
   mention per claim and a position every fourth claim): reading the layers
   (store/queries/agreement.py) and computing every figure (core/agreement.py),
   as `annotator agreement` does. Target: under 5 s. The raw baseline beside it
   is a bare sqlite3 fetch of the same span rows, the floor any reader pays.
2. The adjudication view opening one article with 3 layers x 2,000 spans: from
   building it to the first frame painted with every layer drawn (read on a worker
   thread). Target: under 300 ms. The raw baseline beside it is a bare sqlite3
   fetch of the article's spans and a bare text box painting the same text.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.agreement import compute  # noqa: E402
from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.store import Store  # noqa: E402
from annotator.core.store.queries import agreement_input  # noqa: E402

CODERS = ("ana", "ben", "chloé")
STANCES = ("favor", "against", "neutral", "mixed")


def sentence(rng: random.Random, n: int) -> str:
    words = ["the", "minister", "said", "talks", "would", "continue", "trade", "plan", "βουλή"]
    return f"Speaker{n} said: " + " ".join(rng.choice(words) for _ in range(12)) + "."


def records(articles: int, claims: int, seed: int = 3):
    """Export records, one per article and coder (import merges them by text)."""
    rng = random.Random(seed)
    for a in range(articles):
        parts, spots = [], []
        pos = 0
        for n in range(claims):
            s = sentence(rng, n)
            head = len(f"Speaker{n}")
            colon = s.index(": ") + 2
            spots.append((pos, pos + head, pos + colon, pos + len(s) - 1))
            parts.append(s)
            pos += len(s) + 1
        text = f"Article {a}\n" + " ".join(parts)
        shift = len(f"Article {a}\n")
        for coder in CODERS:
            spans, cl, pos_rows = [], [], []
            for n, (m0, m1, c0, c1) in enumerate(spots):
                if rng.random() < 0.1:
                    continue  # this coder missed it
                end = c1 - (4 if rng.random() < 0.2 else 0)
                mid, cid = f"{a}-{coder}-m{n}", f"{a}-{coder}-c{n}"
                spans.append(
                    {
                        "id": mid,
                        "label": "speaker",
                        "start": shift + m0,
                        "end": shift + m1,
                        "text": text[shift + m0 : shift + m1],
                        "annotator": coder,
                    }
                )
                spans.append(
                    {
                        "id": cid,
                        "label": "claim",
                        "start": shift + c0,
                        "end": shift + end,
                        "text": text[shift + c0 : shift + end],
                        "annotator": coder,
                    }
                )
                who = f"spk{n if rng.random() < 0.9 else n + 1}"
                cl.append(
                    {
                        "id": f"{cid}-claim",
                        "spans": [cid],
                        "speaker": who,
                        "mention": mid,
                        "cue": None,
                        "kind": "direct",
                    }
                )
                if n % 4 == 0:
                    pos_rows.append(
                        {
                            "id": f"{cid}-pos",
                            "speaker": who,
                            "target": f"target {n % 7}",
                            "stance": rng.choice(STANCES[:2] if n % 8 else STANCES),
                            "evidence": [f"{cid}-claim"],
                        }
                    )
            speakers = [
                {"id": f"spk{n}", "name": f"Speaker{n}", "kind": "person"}
                for n in range(claims + 1)
            ]
            yield {
                "title": f"Article {a}",
                "text": text,
                "spans": spans,
                "claims": cl,
                "positions": pos_rows,
                "speakers": speakers,
                "status": "done",
            }


def bench_agreement(articles: int, claims: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "coders.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for record in records(articles, claims):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        path = Path(tmp) / "team.db"
        t = time.perf_counter()
        with Store(path) as store:
            import_paths(store, [source])
        print(
            f"built {articles} articles x {len(CODERS)} coders x {claims} claims "
            f"in {time.perf_counter() - t:.1f} s"
        )
        best = {}
        for _ in range(3):
            with Store(path, readonly=True) as store:
                t0 = time.perf_counter()
                coded, coders, _ = agreement_input(store)
                t1 = time.perf_counter()
                result = compute(coded, coders, ["speaker", "claim"])
                t2 = time.perf_counter()
            raw = sqlite3.connect(path)
            t3 = time.perf_counter()
            rows = raw.execute(
                'SELECT article_id, annotator, label, start, "end" FROM spans '
                "WHERE status = 'accepted'"
            ).fetchall()
            t4 = time.perf_counter()
            raw.close()
            for key, value in (("read", t1 - t0), ("compute", t2 - t1), ("raw", t4 - t3)):
                best[key] = min(best.get(key, 1e9), value)
        total = best["read"] + best["compute"]
        print(
            f"agreement: {total:.2f} s (read {best['read']:.2f} s, compute "
            f"{best['compute']:.2f} s; target 5 s); raw fetch of {len(rows):,} spans "
            f"{best['raw']:.2f} s, ratio {best['read'] / best['raw']:.1f}x for the read"
        )
        print(
            f"  claim tokens alpha {result['tokens']['claim']['alpha']:.3f}, "
            f"attribution {result['attribution']['alpha']:.3f} "
            f"({result['attribution']['units']} units), stance "
            f"{result['stance']['alpha']:.3f} ({result['stance']['units']} units)"
        )


def adjudication_db(path: Path, spans: int) -> str:
    """One article of 200 paragraphs, each of 3 coders with ``spans`` claims; every
    fifth claim of a coder runs one word longer, so the coders differ at 3 places in 5."""
    store = Store(path, annotator="bench")
    words = [f"word{i % 97}" for i in range(spans * 4)]
    # Paragraphs of 40 words, as in a long article.
    text = "".join(w + ("\n" if (i + 1) % 40 == 0 else " ") for i, w in enumerate(words))
    article = store.add_article(text, title="Bench")
    starts, pos = [], 0
    for i, word in enumerate(words):
        if i % 4 == 0:
            starts.append(pos)
        pos += len(word) + 1
    with store.transaction():
        for coder_index, coder in enumerate(CODERS):
            for n, start in enumerate(starts):
                end = start + len(words[n * 4]) + (0 if (n + coder_index) % 5 else 6)
                store.add_span(article, start, end, "claim", annotator=coder)
    store.close()
    return article


def bench_adjudication(spans: int) -> None:
    """From building Review › Adjudicate to its first frame painted with every layer
    drawn and the places listed (the layers are read on a worker thread). The raw
    baseline: a bare sqlite3 fetch of the article's spans plus a bare text box
    showing the same text, painted once."""
    from annotator.gui.adjudication import AdjudicationDialog
    from annotator.gui.qt import QApplication, QEventLoop, QPlainTextEdit
    from annotator.gui.session import Session

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "adjudicate.db"
        article = adjudication_db(path, spans)
        store = Store(path, annotator="judge")
        text = store.article(article)["text"]
        session = Session(store)
        ours, raw = [], []
        for _ in range(5):
            began = time.perf_counter()
            dialog = AdjudicationDialog(session, article)
            dialog.show()
            if dialog.loading:
                loop = QEventLoop()
                dialog.loaded.connect(loop.quit)
                loop.exec()
            dialog.grab()
            ours.append(time.perf_counter() - began)
            places = len(dialog.differ)
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
            began = time.perf_counter()
            conn = sqlite3.connect(path)
            rows = conn.execute(
                'SELECT id, label, start, "end", annotator FROM spans '
                "WHERE article_id = ? AND status = 'accepted'",
                [article],
            ).fetchall()
            conn.close()
            box = QPlainTextEdit()
            box.setPlainText(text)
            box.resize(1100, 680)
            box.show()
            box.grab()
            raw.append(time.perf_counter() - began)
            box.close()
            box.deleteLater()
            app.processEvents()
        store.close()
    best, floor = min(ours), min(raw)
    print(
        f"adjudication view, 3 layers x {spans:,} spans ({len(rows):,} rows, {places:,} "
        f"places to decide): {best * 1000:.0f} ms to the first frame with every layer "
        f"drawn (target 300 ms); raw fetch and bare text box {floor * 1000:.0f} ms, "
        f"ratio {best / floor:.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20, help="claims per coder (2 spans each)")
    parser.add_argument("--spans", type=int, default=2000)
    parser.add_argument("--only", choices=("agreement", "adjudication"))
    args = parser.parse_args()
    if args.only != "adjudication":
        bench_agreement(args.articles, args.claims)
    if args.only != "agreement":
        bench_adjudication(args.spans)


if __name__ == "__main__":
    main()

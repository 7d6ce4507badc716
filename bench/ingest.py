#!/usr/bin/env python3
"""Import speed of news database exports and saved web pages, and their memory.

    .venv/bin/python bench/ingest.py [--documents 1000] [--pages 1000] [--seed 7]

1. A classic LexisNexis text export of --documents invented documents (about 2,500
   characters of body each, accents and emoji included) imported with ``import_paths``,
   against a raw baseline: the same bodies and headlines as one minimal JSONL file,
   imported the usual way (so the ratio is the cost of reading the export's layout).
   Target: < 10 s.
2. --pages saved web pages (an article among menus, banners, related links, newsletter
   box and footer, JSON-LD metadata) imported from a folder, against trafilatura's own
   ``bare_extraction`` on the same pages (no database): our per-page time beside the
   library's. Target: < 60 s for 1,000 pages.
3. Ten 30-page PDFs with running headers, against pdfminer's own ``extract_text``.
4. Peak Python memory (tracemalloc): an export of --documents against one three times
   as long, and a quarter of the pages against all of them. Flat when articles are read
   a document at a time and stored a batch (500) at a time; trafilatura's own caches
   fill up over the first two hundred pages or so, then stay.

Everything happens in a temporary folder; nothing is fetched.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fixtures.news_exports import Story, lexisnexis_txt, pdf_bytes  # noqa: E402

from annotator.core.formats.html import EXTRACTION  # noqa: E402
from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.store import Store  # noqa: E402

WORDS = [
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "harbour",
    "plan",
    "would",
    "not",
    "be",
    "delayed",
    "ferry",
    "crews",
    "union",
    "talks",
    "minister",
    "regional",
    "budget",
    "fishermen",
    "eelgrass",
    "dredging",
    "appeal",
    "court",
    "mayor",
    "vote",
    "café",
    "Zürich",
    "Ålesund",
    "São",
    "Tomé",
    "naïve",
    "résumé",
    "Łódź",
    "Peña",
    "Øresund",
]
EMOJI = ["😀", "🇺🇦", "👍🏽", "🌾"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    if rng.random() < 0.1:
        words.append(rng.choice(EMOJI))
    return f"{' '.join(words).capitalize()} ({n})."


def paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(sentence(rng, n * 100 + i * 10 + j) for j in range(3)) for i in range(6)]


def story(rng: random.Random, n: int) -> Story:
    return Story(
        headline=f"Harbour story number {n}",
        source=rng.choice(["The Wexmoor Ledger", "Coastal Wire", "Adriatic Times"]),
        date_line=f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, 20{rng.randint(10, 24)} Monday",
        byline=None if n % 5 == 0 else "Jane Roe",
        paragraphs=paragraphs(rng, n),
    )


def page(rng: random.Random, n: int) -> str:
    related = "".join(
        f'<li><a href="/s/{n}-{i}">Related headline {i} about ferries</a></li>' for i in range(25)
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs(rng, n))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Story {n} | The Coastal Courier</title>
<meta property="og:title" content="Story {n}"><meta property="og:site_name" content="Courier">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Story {n}",
"datePublished": "2023-05-{1 + n % 28:02d}", "author": {{"name": "Åsa Lindqvist"}}}}</script>
</head><body><div class="cookie-banner"><p>We use cookies to improve your experience and to
show you advertising. Accept or manage your choices.</p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Story {n}</h1>{body}</article>
<aside><h2>Related stories</h2><ul>{related}</ul></aside>
<div class="newsletter"><p>Sign up for our newsletter every morning.</p></div></main>
<footer><p>© 2023 The Coastal Courier. Privacy. Terms.</p></footer></body></html>"""


def timed_import(db: Path, paths: list[Path]) -> tuple[float, int]:
    gc.collect()
    with Store(db, annotator="bench") as store:
        start = time.perf_counter()
        report = import_paths(store, paths)
        elapsed = time.perf_counter() - start
    assert not report.errors, report.errors[:3]
    return elapsed, report.added


def peak_import(db: Path, paths: list[Path]) -> float:
    """Peak traced memory in MB while importing."""
    gc.collect()
    with Store(db, annotator="bench") as store:
        tracemalloc.start()
        import_paths(store, paths)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 1e6


def pdf_speed(tmp: Path) -> None:
    """Ten 30-page PDFs with running headers, against pdfminer's own extract_text."""
    import io

    from pdfminer.high_level import extract_text

    lines = ["The harbour authority said on Monday that the new breakwater would be", "fin-"]
    data = [
        pdf_bytes([[[f"{lines[0]} {n}", lines[1]], ["ished on time."]] * 10] * 30, header="Head")
        for n in range(10)
    ]
    folder = tmp / "pdf"
    folder.mkdir()
    for n, content in enumerate(data):
        (folder / f"{n}.pdf").write_bytes(content)
    start = time.perf_counter()
    for content in data:
        extract_text(io.BytesIO(content))
    library = time.perf_counter() - start
    ours, added = timed_import(tmp / "pdf.db", [folder])
    assert added == len(data), added
    print("PDF, 10 files of 30 pages:")
    print(f"  import {1000 * ours / 300:.1f} ms a page; pdfminer's extract_text alone ", end="")
    print(f"{1000 * library / 300:.1f} ms a page; ratio {ours / library:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # 1. LexisNexis export
        stories = [story(rng, n) for n in range(args.documents)]
        export = tmp / "export.TXT"
        export.write_text(lexisnexis_txt(stories), encoding="utf-8")
        plain = tmp / "plain.jsonl"
        with plain.open("w", encoding="utf-8") as out:
            for s in stories:
                out.write(json.dumps({"text": s.body, "title": s.headline}) + "\n")
        ours, added = timed_import(tmp / "ln.db", [export])
        raw, _ = timed_import(tmp / "plain.db", [plain])
        assert added == args.documents, added
        size = export.stat().st_size / 1e6
        print(f"LexisNexis export, {args.documents} documents ({size:.1f} MB):")
        print(f"  import {ours:.2f} s (target < 10 s); the same as minimal JSONL {raw:.2f} s;")
        print(f"  ratio {ours / raw:.2f}x")
        triple = tmp / "triple.TXT"
        more = stories + [story(rng, n) for n in range(args.documents, 3 * args.documents)]
        triple.write_text(lexisnexis_txt(more), encoding="utf-8")
        small, big = peak_import(tmp / "m1.db", [export]), peak_import(tmp / "m2.db", [triple])
        print(
            f"  peak memory {args.documents} vs {3 * args.documents} documents: "
            f"{small:.1f} vs {big:.1f} MB"
        )
        pdf_speed(tmp)
        if not args.pages:
            return

        # 2. web pages
        pages = tmp / "pages"
        pages.mkdir()
        files = []
        for n in range(args.pages):
            path = pages / f"{n:05d}.html"
            path.write_text(page(rng, n), encoding="utf-8")
            files.append(path)
        import trafilatura

        gc.collect()
        start = time.perf_counter()
        for path in files:
            found = trafilatura.bare_extraction(path.read_bytes(), **EXTRACTION)
            assert found is not None and found.text
        library = time.perf_counter() - start
        ours, added = timed_import(tmp / "web.db", [pages])
        assert added == args.pages, added
        print(f"Saved web pages, {args.pages} pages:")
        print(f"  import {ours:.2f} s (target < 60 s): {1000 * ours / args.pages:.1f} ms a page;")
        print(f"  trafilatura alone {1000 * library / args.pages:.1f} ms a page;")
        print(f"  ratio {ours / library:.2f}x")
        few = [pages / "few"]
        few[0].mkdir()
        for path in files[: args.pages // 4]:
            (few[0] / path.name).write_bytes(path.read_bytes())
        small, big = peak_import(tmp / "w1.db", few), peak_import(tmp / "w2.db", files)
        print(f"  peak memory {args.pages // 4} vs {args.pages}: {small:.1f} vs {big:.1f} MB")


if __name__ == "__main__":
    main()

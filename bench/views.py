#!/usr/bin/env python3
"""How fast the corpus views open on a large database (prints, asserts nothing).

    .venv/bin/python bench/views.py [--db /tmp/annotator-views-bench.db] [--rebuild]
                                    [--articles 100000] [--spans-per-article 10] [--no-gui]

Builds (once; reused while the counts match) a database of 100,000 articles and
1,000,000 highlights, with speakers, claims, positions and targets in proportion,
written with executemany straight into the tables (the FTS triggers run as in an
import). Then prints the time to get the first page of each view, to apply a filter,
and to search, first through annotator.core.store.queries and then through the widget
(CorpusViews, offscreen), which is what the user waits for: once as one analyst coding
blind (their layer of five), once with every layer shown. Target: under 500 ms each.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.store import Store  # noqa: E402
from annotator.core.store import queries as q  # noqa: E402

WORDS = [
    "the",
    "government",
    "said",
    "minister",
    "talks",
    "agreement",
    "security",
    "trade",
    "climate",
    "region",
    "policy",
    "officials",
    "border",
    "tariffs",
    "cooperation",
    "summit",
    "council",
    "reporters",
    "spokesperson",
    "warned",
    "urged",
    "partners",
    "economic",
    "sanctions",
    "support",
    "against",
    "favour",
    "proposal",
    "plan",
    "framework",
    "debt",
    "relief",
    "fund",
    "shipping",
    "corridor",
    "treaty",
    "negotiations",
    "pledge",
    "emissions",
    "export",
    "controls",
    "chips",
    "technology",
    "alliance",
    "office",
    "maritime",
    "code",
    "conduct",
    "human",
    "rights",
    "session",
    "statement",
    "briefing",
    "ministry",
    "foreign",
    "defence",
    "navy",
    "investment",
    "market",
    "growth",
]
CUES = ("said", "told", "warned", "urged", "added", "stressed")
FIRST = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Mao",
    "Nadia",
    "Omar",
    "Priya",
]
LAST = [
    "Alvarez",
    "Berg",
    "Chen",
    "Dubois",
    "Eze",
    "Fischer",
    "Garcia",
    "Haugland",
    "Ito",
    "Jensen",
    "Kim",
    "Lund",
    "Moreau",
    "Novak",
    "Okafor",
    "Park",
]
ANNOTATORS = ("alice", "bob", "chen", "dina", "emil")
STANCES = ("favor", "against", "neutral", "mixed")


def build(path: Path, n_articles: int, spans_per_article: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path, annotator="bench")
    db = store.db.conn
    rnd = random.Random(42)
    n_speakers = max(50, n_articles // 20)
    n_targets = max(20, n_articles // 200)
    stamp = "2026-01-01T00:00:00.000Z"
    speakers = []
    for i in range(n_speakers):
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i}"
        speakers.append(
            (
                f"spk{i}",
                name,
                "organisation" if i % 7 == 0 else "person",
                rnd.choice(("spokesperson", "minister", "ambassador", None)),
                rnd.choice(("Foreign Ministry", "European Commission", "NATO", None)),
                json.dumps([name.split()[1]]),
                stamp,
                stamp,
            )
        )
    targets = [
        (f"tgt{i}", f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} policy {i}") for i in range(n_targets)
    ]
    with store.transaction():
        db.executemany("INSERT INTO speakers VALUES (?,?,?,?,?,?,?,?)", speakers)
        db.executemany("INSERT INTO targets VALUES (?,?)", targets)
    # Popular speakers and targets: a few say most, as in real news.
    weights_s = [1 / (i + 1) for i in range(n_speakers)]
    weights_t = [1 / (i + 1) for i in range(n_targets)]
    claims_per_article = max(1, (spans_per_article - 1) // 3)
    batch = 5000
    t0 = time.perf_counter()
    for first in range(0, n_articles, batch):
        rows: dict[str, list[tuple]] = {
            k: []
            for k in (
                "articles",
                "spans",
                "claims",
                "claim_spans",
                "positions",
                "position_evidence",
                "article_status",
            )
        }
        for a in range(first, min(first + batch, n_articles)):
            aid = f"art{a}"
            parts = [f"Article {a}: {' '.join(rnd.choices(WORDS, k=6))}\n\n"]
            spans: list[tuple[int, int, str, str | None]] = []
            pos = len(parts[0])
            chosen = rnd.choices(range(n_speakers), weights_s, k=claims_per_article)
            for c in range(claims_per_article):
                filler = " ".join(rnd.choices(WORDS, k=rnd.randint(15, 30))) + ". "
                pos += len(filler)
                parts.append(filler)
                name = speakers[chosen[c]][1]
                quote = " ".join(rnd.choices(WORDS, k=rnd.randint(8, 16)))
                cue = rnd.choice(CUES)
                sentence = f'{name} {cue} "{quote}". '
                spans.append((pos, pos + len(name), "speaker", speakers[chosen[c]][0]))
                spans.append((pos + len(name) + 1, pos + len(name) + 1 + len(cue), "cue", None))
                q0 = pos + len(name) + 1 + len(cue) + 2
                spans.append((q0, q0 + len(quote), "claim", None))
                pos += len(sentence)
                parts.append(sentence)
            tail = " ".join(rnd.choices(WORDS, k=40)) + ".\n"
            parts.append(tail)
            text = "".join(parts)
            tpos = text.find("policy")
            if tpos >= 0:
                spans.append((tpos, tpos + 6, "target", None))
            while len(spans) < spans_per_article:
                s = rnd.randrange(0, len(text) - 20)
                spans.append((s, s + 12, "claim", None))
            published = None if a % 10 == 0 else f"{2020 + a % 6}-{1 + a % 12:02d}-{1 + a % 28:02d}"
            status = ("todo", "in_progress", "done", "reviewed")[a % 4]
            # Each article is one analyst's (their layer and their status of it).
            who = ANNOTATORS[a % len(ANNOTATORS)]
            if status != "todo":
                rows["article_status"].append((aid, who, status, stamp))
            rows["articles"].append(
                (
                    aid,
                    text.split("\n", 1)[0],
                    "Newswire",
                    "OSLO",
                    published,
                    None,
                    text,
                    f"sha{a}",
                    status,
                    stamp,
                    "{}",
                )
            )
            span_ids = []
            for k, (s, e, label, spk) in enumerate(spans[:spans_per_article]):
                sid = f"{aid}s{k}"
                span_ids.append(sid)
                st = (
                    "rejected"
                    if rnd.random() < 0.03
                    else ("suggested" if rnd.random() < 0.1 else "accepted")
                )
                rows["spans"].append(
                    (
                        sid,
                        aid,
                        s,
                        e,
                        text[s:e],
                        label,
                        who,
                        st,
                        None,
                        spk,
                        None,
                        None,
                        stamp,
                        stamp,
                    )
                )
            claim_ids = []
            for c in range(claims_per_article):
                cid = f"{aid}c{c}"
                claim_ids.append(cid)
                rows["claims"].append(
                    (
                        cid,
                        aid,
                        f"spk{chosen[c]}",
                        span_ids[3 * c],
                        span_ids[3 * c + 1],
                        rnd.choice(("direct", "direct", "indirect", "mixed")),
                        "accepted",
                        None,
                        None,
                        stamp,
                        stamp,
                        who,
                    )
                )
                rows["claim_spans"].append((cid, span_ids[3 * c + 2], 0))
            pid = f"{aid}p0"
            rows["positions"].append(
                (
                    pid,
                    aid,
                    f"spk{chosen[0]}",
                    f"tgt{rnd.choices(range(n_targets), weights_t)[0]}",
                    rnd.choices(STANCES, (5, 4, 2, 1))[0],
                    "accepted",
                    None,
                    stamp,
                    stamp,
                    who,
                )
            )
            for cid in claim_ids[: rnd.randint(1, 2)]:
                rows["position_evidence"].append((pid, cid))
        with store.transaction():
            for table, items in rows.items():
                marks = ",".join("?" * len(items[0]))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", items)
        done = min(first + batch, n_articles)
        print(
            f"\r  built {done:,}/{n_articles:,} articles ({time.perf_counter() - t0:.0f} s)",
            end="",
            flush=True,
        )
    print()
    store.close()


def timed(label: str, fn: Callable[[], Any], results: list[tuple[str, float]]) -> Any:
    t0 = time.perf_counter()
    out = fn()
    ms = (time.perf_counter() - t0) * 1000
    results.append((label, ms))
    flag = "" if ms < 500 else "   <-- over 500 ms"
    print(f"  {label:<58} {ms:8.1f} ms{flag}")
    return out


def bench_queries(store: Store) -> None:
    print("\nCore queries (annotator.core.store.queries):")
    r: list[tuple[str, float]] = []
    V = q.ViewFilter
    top = q.speakers_page(store, order_by="claims", descending=True, limit=1)[0]
    target = q.timeline_subjects(store, "target", limit=1)[0]
    timed(
        "speakers: first page + count (by name)",
        lambda: (q.speakers_page(store), q.speakers_count(store)),
        r,
    )
    timed(
        "speakers: sorted by claims",
        lambda: q.speakers_page(store, order_by="claims", descending=True),
        r,
    )
    timed(
        "speakers: sorted by articles",
        lambda: q.speakers_page(store, order_by="articles", descending=True),
        r,
    )
    timed(
        "speakers: filter 'Chen'",
        lambda: (q.speakers_page(store, V(text="Chen")), q.speakers_count(store, V(text="Chen"))),
        r,
    )
    timed("claims: first page + count", lambda: (q.claims_page(store), q.claims_count(store)), r)
    timed(
        "claims: filter text 'sanctions treaty'",
        lambda: (
            q.claims_page(store, V(text="sanctions treaty")),
            q.claims_count(store, V(text="sanctions treaty")),
        ),
        r,
    )
    timed(
        "claims: filter speaker (top speaker)",
        lambda: (
            q.claims_page(store, V(speaker_id=top["id"])),
            q.claims_count(store, V(speaker_id=top["id"])),
        ),
        r,
    )
    timed(
        "claims: filter status suggested + kind indirect",
        lambda: (
            q.claims_page(store, V(status="suggested", kind="indirect")),
            q.claims_count(store, V(status="suggested", kind="indirect")),
        ),
        r,
    )
    timed(
        "claims: filter date 2023-03..2023-04",
        lambda: (
            q.claims_page(store, V(date_from="2023-03", date_to="2023-04")),
            q.claims_count(store, V(date_from="2023-03", date_to="2023-04")),
        ),
        r,
    )
    timed(
        "claims: sorted by date (desc)",
        lambda: q.claims_page(store, order_by="date", descending=True),
        r,
    )
    timed("claims: sorted by speaker", lambda: q.claims_page(store, order_by="speaker"), r)
    timed(
        "positions list: first page + count",
        lambda: (q.positions_page(store), q.positions_count(store)),
        r,
    )
    timed(
        "positions list: filter stance against",
        lambda: (
            q.positions_page(store, V(stance="against")),
            q.positions_count(store, V(stance="against")),
        ),
        r,
    )
    timed("positions grid (top 40 x 30)", lambda: q.position_grid(store), r)
    timed(
        "positions grid: filter speaker text 'Chen'",
        lambda: q.position_grid(store, V(speaker_text="Chen")),
        r,
    )
    g = q.position_grid(store)
    timed(
        "positions grid: cell evidence",
        lambda: q.cell_evidence(store, g.speakers[0].id, g.targets[0].id),
        r,
    )
    timed("timeline: subjects (speakers)", lambda: q.timeline_subjects(store, "speaker"), r)
    timed("timeline: top speaker", lambda: q.timeline(store, speaker_id=top["id"]), r)
    timed("timeline: top target", lambda: q.timeline(store, target=target["name"]), r)
    timed(
        "search 'sanctions treaty' (first page + count)",
        lambda: (q.search(store, "sanctions treaty"), q.search_count(store, "sanctions treaty")),
        r,
    )
    timed(
        "search 'the' (a word in every article)",
        lambda: (q.search(store, "the"), q.search_count(store, "the")),
        r,
    )
    timed(
        "search 'urged partners' in claims by top speaker",
        lambda: (
            q.search(store, "urged partners", V(label="claim", speaker_id=top["id"])),
            q.search_count(store, "urged partners", V(label="claim", speaker_id=top["id"])),
        ),
        r,
    )
    timed(
        "search 'sanctions' dated 2024",
        lambda: (
            q.search(store, "sanctions", V(date_from="2024", date_to="2024")),
            q.search_count(store, "sanctions", V(date_from="2024", date_to="2024")),
        ),
        r,
    )
    timed(
        "export ids: claims of top speaker",
        lambda: q.view_article_ids(store, "claims", V(speaker_id=top["id"])),
        r,
    )


def bench_gui(path: Path, *, all_layers: bool) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator.gui.app import application
    from annotator.gui.qt import Qt
    from annotator.gui.session import Session
    from annotator.gui.views.container import CorpusViews

    app = application()
    shown = "every layer" if all_layers else "alice's layer, as she codes blind"
    print(f"\nWidget (CorpusViews, offscreen; includes painting), {shown}:")
    r: list[tuple[str, float]] = []
    session = Session(Store(path, annotator="alice"))
    session.all_layers = all_layers

    def settle() -> None:
        app.processEvents()

    views = timed("open CorpusViews (speakers tab first page)", lambda: CorpusViews(session), r)
    views.resize(1300, 800)
    views.show()
    settle()
    for name in ("claims", "positions", "timeline", "search"):
        timed(f"switch to {name} tab", lambda n=name: (views.show_view(n), settle()), r)
    views.show_view("claims")
    settle()
    timed(
        "claims: type a text filter",
        lambda: (views.claims.set_filter(text="sanctions"), settle()),
        r,
    )
    timed(
        "claims: status filter",
        lambda: (views.claims.set_filter(text="", status="suggested"), settle()),
        r,
    )
    timed(
        "claims: sort by date",
        lambda: (
            views.claims.table.sortByColumn(3, Qt.SortOrder.DescendingOrder),
            settle(),
        ),
        r,
    )
    views.show_view("speakers")
    timed(
        "speakers: filter",
        lambda: (views.speakers.filter.setText("Chen"), views.speakers.apply_filter(), settle()),
        r,
    )
    views.show_view("positions")
    settle()
    timed(
        "positions: click a grid cell",
        lambda: (views.positions.grid.select_cell(0, 0), settle()),
        r,
    )
    timed("positions: list view", lambda: (views.positions.show_list(True), settle()), r)
    views.show_view("search")
    settle()
    timed(
        "search 'sanctions treaty'",
        lambda: (views.search.run_search("sanctions treaty"), settle()),
        r,
    )
    timed("refresh() after a change (current tab)", lambda: (views.refresh(), settle()), r)
    views.close()
    session.store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/annotator-views-bench.db"))
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--spans-per-article", type=int, default=10)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--no-gui", action="store_true")
    args = ap.parse_args()
    want = (args.articles, args.articles * args.spans_per_article)
    have = None
    if args.db.exists() and not args.rebuild:
        with Store(args.db) as store:
            have = (
                store.article_count(),
                store.db.execute("SELECT count(*) FROM spans").fetchone()[0],
            )
    if have != want:
        print(f"Building {args.db}: {want[0]:,} articles, {want[1]:,} spans …")
        t0 = time.perf_counter()
        build(args.db, args.articles, args.spans_per_article)
        print(f"  built in {time.perf_counter() - t0:.0f} s")
    with Store(args.db, annotator="bench") as store:
        s = store.stats()
        print(
            f"{args.db}: {s['articles']:,} articles, {s['spans']:,} spans, {s['speakers']:,} speakers, "
            f"{s['claims']:,} claims, {s['positions']:,} positions, {s['targets']:,} targets, "
            f"{args.db.stat().st_size / 1e6:.0f} MB"
        )
        bench_queries(store)
    if not args.no_gui:
        bench_gui(args.db, all_layers=False)
        bench_gui(args.db, all_layers=True)


if __name__ == "__main__":
    main()

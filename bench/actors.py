#!/usr/bin/env python3
"""How fast merge suggestions come for a large corpus (prints, asserts nothing).

    .venv/bin/python bench/actors.py [--speakers 10000] [--mentions 100000] [--articles 5000]

Builds a throwaway database of invented articles whose speakers are written the
ways news writes them (full names, initials, titles, brackets, possessives, reversed
names, surnames, acronyms and their expansions, percentages and pronouns), one
speaker per spelling, and a tagged mention per sentence, written with executemany
straight into the tables. Then times ``annotator speakers suggest-merges`` as the
library runs it (reading the rows, clustering, two example sentences a cluster)
against a raw baseline measured in the same run: the bare SQLite reads of speakers
and of mentions per speaker and article. Target: under 5 s for 10,000 speakers and
100,000 mentions.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.actors import suggest_from_store  # noqa: E402
from annotator.core.clock import new_id, now  # noqa: E402
from annotator.core.store import Store  # noqa: E402
from annotator.core.textio import sha256_text  # noqa: E402

FIRST = [
    "Dana",
    "Helen",
    "Samuel",
    "Rafael",
    "Marta",
    "Ines",
    "Tomas",
    "Yusuf",
    "Lena",
    "Arjun",
    "Priya",
    "Kofi",
    "Ada",
    "Nils",
    "Oskar",
    "Mei",
    "Jonas",
    "Elif",
    "Carmen",
    "Pavel",
    "Ruth",
    "Idris",
    "Noor",
    "Felix",
    "Hana",
    "Bruno",
    "Sofia",
    "Emeka",
    "Zara",
    "Luca",
]
LAST = [
    "Whitlock",
    "Okafor",
    "Mendes",
    "Lindqvist",
    "Ferris",
    "Haddad",
    "Novak",
    "Tanaka",
    "Moreau",
    "Kowalski",
    "Brennan",
    "Achterberg",
    "Castellano",
    "Dufresne",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Halvorsen",
    "Ibarra",
    "Jovanovic",
    "Kaminski",
    "Laurent",
    "Marchetti",
    "Nakamura",
    "Oyelaran",
    "Petrov",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Takeda",
]
ORG_WORDS = [
    "Coastal",
    "Northern",
    "Harbour",
    "Fisheries",
    "Energy",
    "Water",
    "Transport",
    "Health",
    "Farmers",
    "Teachers",
    "Workers",
    "Housing",
    "Rail",
    "Forest",
    "Mining",
    "Trade",
    "Digital",
    "Rural",
    "Urban",
    "Safety",
]
ORG_HEADS = [
    "Authority",
    "Board",
    "Council",
    "Union",
    "Agency",
    "Association",
    "Commission",
    "Institute",
]
TITLES = ["Mayor", "Sen.", "Ms.", "Mr.", "Dr.", "Minister", "Gov."]
NOT_ACTORS = ["12 percent", "he", "they", "the latest poll", "a 2019 audit reply", "1,200 people"]


def spellings(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct speaker names, in clusters of spellings of one actor."""
    names: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        if name not in seen and len(names) < count:
            seen.add(name)
            names.append(name)

    for extra in NOT_ACTORS:
        add(extra)
    serial = 0
    while len(names) < count:
        serial += 1
        if rng.random() < 0.8:
            first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{serial}"
            initial = rng.choice("ABCDEFGHJKLMNPRSTW")
            for name in (
                f"{first} {last}",
                f"{first} {initial}. {last}",
                f"{rng.choice(TITLES)} {first} {last}",
                f"({first} {last})",
                f"{first} {last}'s",
                f"{last}, {first}",
                last,
            )[: rng.randint(1, 7)]:
                add(name)
        else:
            words = [rng.choice(ORG_WORDS) for _ in range(rng.randint(1, 2))]
            full = " ".join([*words, f"X{serial}", rng.choice(ORG_HEADS)])
            add(full)
            if rng.random() < 0.5:
                add("".join(w[0] for w in full.split()).upper())
    return names


def build(path: Path, speakers: int, mentions: int, articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    names = spellings(rng, speakers)
    ids = [new_id() for _ in names]
    stamp = now()
    per_article = max(1, mentions // articles)
    article_rows, span_rows = [], []
    made = 0
    for n in range(articles):
        # Spellings of one actor tend to meet in the same articles.
        base = rng.randrange(len(names))
        picks = [min(len(names) - 1, base + rng.randrange(8)) for _ in range(per_article)]
        parts, marks, at = [f"Invented story {n}\n\n"], [], len(f"Invented story {n}\n\n")
        for k in picks:
            sentence = f"{names[k]} said the harbour plan was too costly. "
            marks.append((k, at, at + len(names[k])))
            parts.append(sentence)
            at += len(sentence)
        text = "".join(parts)
        aid = new_id()
        article_rows.append((aid, f"Story {n}", text, sha256_text(text), stamp))
        for k, start, end in marks:
            span_rows.append((new_id(), aid, start, end, names[k], "speaker", ids[k], stamp, stamp))
            made += 1
    with Store(path) as store, store.transaction():
        store.db.conn.executemany(
            "INSERT INTO speakers (id, name, kind, aliases, created, updated) "
            "VALUES (?, ?, 'person', '[]', ?, ?)",
            [(sid, name, stamp, stamp) for sid, name in zip(ids, names, strict=True)],
        )
        store.db.conn.executemany(
            "INSERT INTO articles (id, title, text, text_sha256, imported_at) "
            "VALUES (?, ?, ?, ?, ?)",
            article_rows,
        )
        store.db.conn.executemany(
            'INSERT INTO spans (id, article_id, start, "end", text, label, speaker_id, '
            "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            span_rows,
        )
    print(f"built: {len(names):,} speakers, {made:,} mentions in {articles:,} articles")


def best_of(runs: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speakers", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "actors.db"
        build(path, args.speakers, args.mentions, args.articles)
        with Store(path) as store:

            def raw() -> int:
                rows = store.db.execute("SELECT id, name, kind, aliases FROM speakers").fetchall()
                counts = store.db.execute(
                    "SELECT speaker_id, article_id, count(*) FROM spans "
                    "WHERE speaker_id IS NOT NULL AND status != 'rejected' "
                    "GROUP BY speaker_id, article_id"
                ).fetchall()
                return len(rows) + len(counts)

            raw_s, _ = best_of(3, raw)
            suggest_s, found = best_of(3, lambda: suggest_from_store(store))
    clusters = [c for c in found.clusters if not c.ambiguous]
    print(
        f"suggestions: {len(clusters):,} clusters, "
        f"{len(found.clusters) - len(clusters):,} ambiguous, {len(found.not_actors):,} not actors"
    )
    print(f"raw reads (speakers + mentions per article): {raw_s * 1000:7.0f} ms")
    print(f"suggest-merges (read, cluster, examples):    {suggest_s * 1000:7.0f} ms")
    print(f"ratio to the raw reads: {suggest_s / raw_s:.1f}x   target: under 5 s")


if __name__ == "__main__":
    main()

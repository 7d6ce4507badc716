#!/usr/bin/env python3
"""Import and export speed of the headless core against plain sqlite3, and export memory.

    .venv/bin/python bench/core.py [--articles 10000] [--spans 200000] [--seed 7] [--keep]

1. Writes a synthetic corpus (news-like articles of about 3,000 characters, with
   emoji and accents, speakers, claims and positions) as an export-shaped .jsonl.
2. Import: ``import_paths`` into a new Store file, against a raw baseline that reads
   the same file, json.loads each line and executemany's the same rows into the same
   schema (same pragmas: WAL, synchronous=FULL, foreign keys) in one transaction.
3. Export: ``export(...)`` to .jsonl, against a raw baseline that fetches the same rows
   with plain sqlite3 (one ordered cursor per table, merged per article), builds the
   same records, json.dumps them and writes the file. Both outputs are compared.
4. Peak Python memory (tracemalloc) of ``export`` for a tenth of the corpus and for
   all of it: flat when records are built one article at a time. The same for
   ``import_paths`` of a tenth and of the whole export as one file, in UTF-8 and in
   UTF-16: flat when JSONL is read a line at a time.

Standard library + annotator only; everything happens in a temporary folder.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from annotator.core import schema  # noqa: E402
from annotator.core.exporting import export  # noqa: E402
from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.store import Store  # noqa: E402

_VOCABULARY = (
    "the minister said on Tuesday that government would not accept any new bloc in region "
    "spokesperson told reporters talks were constructive security partners Pacific trade "
    "climate finance sanctions summit ambassador agreement warned urged rejected statement "
    "café Zürich Ålesund São Tomé naïve résumé Łódź Peña Øresund"
)
WORDS = _VOCABULARY.split(" ")
EMOJI = ["😀", "🇺🇦", "👍🏽", "🌾", "𝐀"]
PLACES = ["CANBERRA", "OSLO", "BRUSSELS", "GENEVA", "BEIJING", "TROMSØ", "ADDIS ABABA"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
PART_SIZE = 1000


# --- the synthetic corpus -------------------------------------------------------------


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.08:
        words.insert(rng.randrange(len(words)), rng.choice(EMOJI))
    return " ".join(words).capitalize() + "."


def make_record(i: int, rng: random.Random, n_spans: int, n_speakers: int) -> dict[str, Any]:
    """One article of about 3,000 characters with ``n_spans`` highlights and links."""
    title = f"Article {i}: " + " ".join(rng.choice(WORDS) for _ in range(7))
    dateline = (
        f"[{rng.choice(MONTHS)} {rng.randint(1, 28):02d}, 2024]  {rng.choice(PLACES)} (Newswire) - "
    )
    paragraphs = []
    length = len(title) + len(dateline)
    while length < 2900:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(para)
        length += len(para) + 2
    text = f"{title}\n\n{dateline}" + "\n\n".join(paragraphs) + "\n"

    # Highlights on word boundaries: a fifth speakers, a fifth cues, the rest claims
    # and targets.
    bounds = [k + 1 for k, ch in enumerate(text) if ch == " "]
    spans = []
    labels = ["speaker", "cue"] * (n_spans // 5) + ["claim", "claim", "target"] * n_spans
    stamp = "2026-01-01T00:00:00.000Z"
    for k in range(n_spans):
        start = rng.choice(bounds[:-8])
        end = min(start + rng.randint(3, 60), len(text) - 1)
        while end < len(text) and text[end - 1] == " ":
            end -= 1
        spans.append(
            {
                "id": f"s{i}-{k}",
                "label": labels[k],
                "start": start,
                "end": end,
                "text": text[start:end],
                "annotator": rng.choice(["ana", "bob"]),
                "status": "accepted" if rng.random() < 0.9 else "suggested",
                "note": None,
                "created": stamp,
                "updated": stamp,
            }
        )
    by_label: dict[str, list[str]] = {}
    for s in spans:
        by_label.setdefault(s["label"], []).append(s["id"])
    speakers = []
    mentions = by_label.get("speaker", [])
    for n in range(min(3, len(mentions))):
        sid = rng.randrange(n_speakers)
        speakers.append(
            {
                "id": f"spk-{sid}",
                "name": f"Speaker {sid}",
                "kind": "person",
                "role": "spokesperson",
                "affiliation": "Ministry",
                "aliases": [f"S. {sid}"],
                "mentions": mentions[n::3],
            }
        )
    claims = []
    content = by_label.get("claim", [])
    for n in range(min(5, len(content))):
        claims.append(
            {
                "id": f"c{i}-{n}",
                "spans": content[n::5][:2],
                "speaker": speakers[n % len(speakers)]["id"] if speakers else None,
                "mention": mentions[n] if n < len(mentions) else None,
                "cue": by_label["cue"][n] if n < len(by_label.get("cue", [])) else None,
                "kind": rng.choice(["direct", "indirect", "mixed"]),
            }
        )
    positions = [
        {
            "id": f"p{i}-{n}",
            "speaker": speakers[0]["id"] if speakers else None,
            "target": f"Target {rng.randrange(200)}",
            "stance": rng.choice(["favor", "against", "neutral", "mixed"]),
            "evidence": [c["id"] for c in claims[n::2]],
            "note": None,
        }
        for n in range(min(2, len(claims)))
    ]
    return {
        "id": f"a{i:06d}",
        "title": title,
        "source": "Newswire",
        "place": None,
        "published": "2024-03-02",
        "url": None,
        "status": "todo",
        "text": text,
        "spans": spans,
        "speakers": speakers,
        "claims": claims,
        "positions": positions,
        "schema_version": 1,
    }


def write_corpus(folder: Path, articles: int, spans: int, seed: int) -> list[Path]:
    """The corpus as .jsonl files of PART_SIZE articles (one file would pass the 50 MB
    per-file import limit: 10,000 such articles with their spans make about 100 MB)."""
    rng = random.Random(seed)
    per_article = [spans // articles + (1 if k < spans % articles else 0) for k in range(articles)]
    folder.mkdir()
    parts = []
    for first in range(0, articles, PART_SIZE):
        path = folder / f"part-{first // PART_SIZE:03d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(first, min(first + PART_SIZE, articles)):
                record = make_record(i, rng, per_article[i], n_speakers=500)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        parts.append(path)
    return parts


# --- raw baselines ---------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def raw_import(parts: list[Path], db: Path) -> None:
    """The same rows into the same schema with executemany: the floor for an import."""
    conn = _connect(db)
    conn.execute("BEGIN")
    # Every migration: the indexes (words and trigrams) and their triggers included.
    for migrate in schema.MIGRATIONS:
        migrate(sqlite_utils.Database(conn))
    conn.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
    conn.execute("COMMIT")
    stamp = "2026-01-01T00:00:00.000Z"
    rows: dict[str, list[tuple]] = {
        t: []
        for t in (
            "articles",
            "speakers",
            "targets",
            "spans",
            "claims",
            "claim_spans",
            "positions",
            "position_evidence",
        )
    }
    speakers: set[str] = set()
    targets: dict[str, str] = {}
    lines = (line for part in parts for line in part.read_text(encoding="utf-8").split("\n"))
    for line in lines:
        if not line:
            continue
        rec = json.loads(line)
        aid, text = rec["id"], rec["text"]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        rows["articles"].append(
            (
                aid,
                rec["title"],
                rec["source"],
                rec["place"],
                rec["published"],
                rec["url"],
                text,
                digest,
                rec["status"],
                stamp,
                "{}",
            )
        )
        mention_of = {}
        for spk in rec["speakers"]:
            if spk["id"] not in speakers:
                speakers.add(spk["id"])
                rows["speakers"].append(
                    (
                        spk["id"],
                        spk["name"],
                        spk["kind"],
                        spk["role"],
                        spk["affiliation"],
                        json.dumps(spk["aliases"]),
                        stamp,
                        stamp,
                    )
                )
            for m in spk["mentions"]:
                mention_of[m] = spk["id"]
        for s in rec["spans"]:
            rows["spans"].append(
                (
                    s["id"],
                    aid,
                    s["start"],
                    s["end"],
                    s["text"],
                    s["label"],
                    s["annotator"],
                    s["status"],
                    s["note"],
                    mention_of.get(s["id"]),
                    None,
                    None,
                    s["created"],
                    s["updated"],
                )
            )
        for c in rec["claims"]:
            rows["claims"].append(
                (
                    c["id"],
                    aid,
                    c["speaker"],
                    c["mention"],
                    c["cue"],
                    c["kind"],
                    "accepted",
                    None,
                    None,
                    stamp,
                    stamp,
                )
            )
            rows["claim_spans"].extend((c["id"], sid, k) for k, sid in enumerate(c["spans"]))
        for p in rec["positions"]:
            tid = targets.get(p["target"])
            if tid is None:
                tid = targets[p["target"]] = f"t{len(targets)}"
                rows["targets"].append((tid, p["target"]))
            rows["positions"].append(
                (p["id"], aid, p["speaker"], tid, p["stance"], "accepted", p["note"], stamp, stamp)
            )
            rows["position_evidence"].extend((p["id"], c) for c in p["evidence"])
    conn.execute("BEGIN")
    for table, batch in rows.items():
        if batch:
            width = len(conn.execute(f"SELECT * FROM {table} LIMIT 0").description)
            # Tables may grow columns; the rows above fill the first ones, NULL the rest.
            batch = (
                [row + (None,) * (width - len(row)) for row in batch]
                if width > len(batch[0])
                else batch
            )
            marks = ",".join("?" * width)
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", batch)
    conn.execute("COMMIT")
    conn.close()


def _grouped(conn: sqlite3.Connection, sql: str) -> Iterator[tuple[int, list[sqlite3.Row]]]:
    """(article rowid, rows) from one cursor ordered by article rowid first."""
    return ((k, list(g)) for k, g in groupby(conn.execute(sql), key=lambda r: r[0]))


def raw_export(db: Path, target: Path) -> int:
    """Plain sqlite3: one ordered cursor per table, merged per article, json.dumps, write."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    ok = "('accepted')"
    spans = _grouped(
        conn,
        (
            "SELECT a.rowid AS ar, s.* FROM spans s JOIN articles a ON a.id = s.article_id "
            f'WHERE s.status IN {ok} ORDER BY a.rowid, s.start, s."end" DESC, s.created, s.rowid'
        ),
    )
    claims = _grouped(
        conn,
        (
            "SELECT a.rowid AS ar, c.*, (SELECT json_group_array(span_id) FROM (SELECT cs.span_id "
            "FROM claim_spans cs JOIN spans x ON x.id = cs.span_id WHERE cs.claim_id = c.id "
            f"AND x.status IN {ok} ORDER BY cs.ord)) AS content, (SELECT min(x.start) FROM "
            "claim_spans cs JOIN spans x ON x.id = cs.span_id WHERE cs.claim_id = c.id) AS first "
            f"FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.status IN {ok} "
            "ORDER BY a.rowid, first, c.created, c.rowid"
        ),
    )
    positions = _grouped(
        conn,
        (
            "SELECT a.rowid AS ar, p.*, t.name AS target, (SELECT json_group_array(claim_id) FROM "
            "(SELECT claim_id FROM position_evidence WHERE position_id = p.id ORDER BY claim_id)) "
            "AS evidence FROM positions p JOIN targets t ON t.id = p.target_id "
            f"JOIN articles a ON a.id = p.article_id WHERE p.status IN {ok} "
            "ORDER BY a.rowid, p.created, p.rowid"
        ),
    )
    speakers = {r["id"]: r for r in conn.execute("SELECT * FROM speakers")}
    nxt: dict[str, Any] = {
        "s": next(spans, None),
        "c": next(claims, None),
        "p": next(positions, None),
    }
    its = {"s": spans, "c": claims, "p": positions}

    def take(key: str, rowid: int) -> list[sqlite3.Row]:
        head = nxt[key]
        if head is None or head[0] != rowid:
            return []
        nxt[key] = next(its[key], None)
        return head[1]

    written = 0
    with target.open("w", encoding="utf-8", newline="") as out:
        for art in conn.execute("SELECT rowid AS ar, * FROM articles ORDER BY rowid"):
            span_rows = take("s", art["ar"])
            span_ids = {s["id"] for s in span_rows}
            start_of = {s["id"]: s["start"] for s in span_rows}
            claim_list = []
            for c in take("c", art["ar"]):
                content = json.loads(c["content"])
                if not content:
                    continue
                claim_list.append(
                    {
                        "id": c["id"],
                        "spans": content,
                        "speaker": c["speaker_id"],
                        "mention": c["mention_span_id"]
                        if c["mention_span_id"] in span_ids
                        else None,
                        "cue": c["cue_span_id"] if c["cue_span_id"] in span_ids else None,
                        "kind": c["kind"],
                        "status": c["status"],
                        "note": c["note"],
                    }
                )
            claim_list.sort(key=lambda c: min(start_of[s] for s in c["spans"]))
            claim_ids = {c["id"] for c in claim_list}
            pos_list = [
                {
                    "id": p["id"],
                    "speaker": p["speaker_id"],
                    "target": p["target"],
                    "stance": p["stance"],
                    "evidence": [e for e in json.loads(p["evidence"]) if e in claim_ids],
                    "note": p["note"],
                    "status": p["status"],
                }
                for p in take("p", art["ar"])
            ]
            wanted: dict[str, None] = {}
            for s in span_rows:
                if s["speaker_id"]:
                    wanted[s["speaker_id"]] = None
            for item in (*claim_list, *pos_list):
                if item["speaker"]:
                    wanted[item["speaker"]] = None
            speaker_list = []
            for sid in wanted:
                spk = speakers[sid]
                speaker_list.append(
                    {
                        "id": sid,
                        "name": spk["name"],
                        "kind": spk["kind"],
                        "role": spk["role"],
                        "affiliation": spk["affiliation"],
                        "aliases": json.loads(spk["aliases"]),
                        "mentions": [s["id"] for s in span_rows if s["speaker_id"] == sid],
                    }
                )
            record = {
                "id": art["id"],
                "title": art["title"],
                "source": art["source"],
                "place": art["place"],
                "published": art["published"],
                "url": art["url"],
                "status": art["status"],
                "text": art["text"],
                "text_sha256": art["text_sha256"],
                "spans": [
                    {
                        "id": s["id"],
                        "label": s["label"],
                        "start": s["start"],
                        "end": s["end"],
                        "text": s["text"],
                        "annotator": s["annotator"],
                        "status": s["status"],
                        "note": s["note"],
                        "created": s["created"],
                        "updated": s["updated"],
                        "reviewer": s["reviewer"],
                        "reviewed_at": s["reviewed_at"],
                    }
                    for s in span_rows
                ],
                "speakers": speaker_list,
                "claims": claim_list,
                "positions": pos_list,
                "meta": json.loads(art["meta"]),
                "schema_version": 1,
            }
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            written += 1
    conn.close()
    return written


# --- measuring -----------------------------------------------------------------------------


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    gc.collect()
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t0, result


def peak_export_memory(db: Path, target: Path) -> tuple[float, int]:
    with Store(db) as store:
        gc.collect()
        tracemalloc.start()
        try:
            written = export(store, target)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return peak / 1e6, written


def peak_import_memory(source: Path, db: Path) -> tuple[float, int]:
    """Peak Python memory (MB) of importing one file into a new Store, and articles added."""
    with Store(db, annotator="bench") as store:
        gc.collect()
        tracemalloc.start()
        try:
            report = import_paths(store, [source])
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert report.failed == 0, report.errors[:3]
    return peak / 1e6, report.added


def utf16_copy(source: Path, target: Path) -> Path:
    """The same JSONL in UTF-16 with a BOM (what "Unicode text" saves), a line at a time."""
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-16") as dst:
        for line in src:
            dst.write(line)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    try:
        run(args, tmp)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def run(args: argparse.Namespace, tmp: Path) -> None:
    t_gen, parts = timed(write_corpus, tmp / "corpus", args.articles, args.spans, args.seed)
    size_mb = sum(p.stat().st_size for p in parts) / 1e6
    print(
        f"corpus: {args.articles:,} articles, {args.spans:,} spans, {size_mb:.1f} MB in "
        f"{len(parts)} .jsonl files (generated in {t_gen:.1f} s) in {tmp}"
    )

    # Import.
    t_raw_imp, _ = timed(raw_import, parts, tmp / "raw.db")
    store_db = tmp / "store.db"
    with Store(store_db, annotator="bench") as store:
        t_imp, report = timed(import_paths, store, parts)
        counts = store.stats()
    assert report.failed == 0 and report.added == args.articles, report.errors[:3]
    raw = sqlite3.connect(tmp / "raw.db")
    raw_spans = raw.execute("SELECT count(*) FROM spans").fetchone()[0]
    raw.close()
    assert counts["spans"] == raw_spans == args.spans, (counts["spans"], raw_spans)

    # Export.
    t_raw_exp, n_raw = timed(raw_export, store_db, tmp / "raw.jsonl")
    with Store(store_db) as store:
        t_exp, n_exp = timed(export, store, tmp / "store.jsonl")
    same = (tmp / "raw.jsonl").read_bytes() == (tmp / "store.jsonl").read_bytes()
    assert n_raw == n_exp == args.articles

    # Memory: a tenth of the corpus against all of it.
    small_n = min(PART_SIZE, max(1, args.articles // 10))
    small_corpus = tmp / "small.jsonl"
    with parts[0].open(encoding="utf-8") as src, small_corpus.open("w", encoding="utf-8") as dst:
        for _, line in zip(range(small_n), src, strict=False):
            dst.write(line)
    with Store(tmp / "small.db", annotator="bench") as small:
        import_paths(small, [small_corpus])
    mem_small, _ = peak_export_memory(tmp / "small.db", tmp / "small-out.jsonl")
    mem_full, _ = peak_export_memory(store_db, tmp / "full-out.jsonl")
    # Import memory: the export of everything is one JSONL file (over the 50 MB a file
    # read whole may have); UTF-8 and UTF-16 are both read a line at a time.
    whole = tmp / "store.jsonl"
    imp_small, _ = peak_import_memory(small_corpus, tmp / "imp-small.db")
    imp_full, added = peak_import_memory(whole, tmp / "imp-full.db")
    assert added == args.articles
    wide = utf16_copy(whole, tmp / "store-utf16.jsonl")
    imp_wide, added = peak_import_memory(wide, tmp / "imp-wide.db")
    assert added == args.articles

    print()
    print(f"{'':<8}{'annotator':>12}{'raw sqlite3':>14}{'ratio':>8}   target <= 2.0")
    print(f"{'import':<8}{t_imp:>11.2f}s{t_raw_imp:>13.2f}s{t_imp / t_raw_imp:>8.2f}")
    print(
        f"{'export':<8}{t_exp:>11.2f}s{t_raw_exp:>13.2f}s{t_exp / t_raw_exp:>8.2f}"
        f"   (outputs identical: {'yes' if same else 'NO'})"
    )
    print()
    print(
        f"export peak Python memory (tracemalloc): {small_n:,} articles {mem_small:.1f} MB, "
        f"{args.articles:,} articles {mem_full:.1f} MB"
    )
    print(
        f"import peak Python memory (tracemalloc): {small_n:,} articles {imp_small:.1f} MB, "
        f"{args.articles:,} articles in one {whole.stat().st_size / 1e6:.0f} MB file "
        f"{imp_full:.1f} MB, the same in UTF-16 ({wide.stat().st_size / 1e6:.0f} MB) "
        f"{imp_wide:.1f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())

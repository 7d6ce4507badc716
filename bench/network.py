#!/usr/bin/env python3
"""How fast discourse networks are built, written, laid out and drawn (prints, asserts nothing).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/network.py [--positions 100000]
        [--speakers 5000] [--targets 500] [--picture docs/network.png]

1. Each kind built from 100,000 synthetic positions over 5,000 speakers and 500
   targets (annotator.core.network), then written as GraphML, GEXF and CSV into
   memory. Target: under 3 s each (build + write). The raw baseline printed beside
   it is one pass over the positions counting (speaker, target) pairs, the floor
   any builder pays. Wall and CPU time are both printed: on a shared, busy machine
   the wall time follows the load, the process's CPU time does not.
2. The network view (offscreen) laying out and drawing 300 nodes / 2,000 edges: from
   `set_network` to the first painted frame with every node placed. Target: under 1 s.
   The layout alone and one repaint are printed too, and the longest the window's
   thread was busy at a time (the layout runs in a thread of its own).
3. The Network tab on a database file, from a refresh (positions read on the build
   thread's own connection, the congruence network built, laid out) to the drawing,
   with the longest the window's thread was busy at a time.

``--picture PATH`` also saves the network of the sample corpus' gold annotations
(tests/data/gold.jsonl, actor-target) as drawn by the view, for the README.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.layout import force_layout  # noqa: E402
from annotator.core.network import (  # noqa: E402
    KINDS,
    Actor,
    Network,
    Statement,
    build,
)
from annotator.core.network_files import write_csv, write_gexf, write_graphml  # noqa: E402


def synthetic_statements(
    positions: int, speakers: int, targets: int, seed: int = 7
) -> tuple[list[Statement], dict[str, Actor]]:
    """Positions with a few prolific speakers and popular targets, as in real coding.

    Speakers and targets are drawn with Zipf's law (the k-th most frequent with
    weight 1/k), the spread coded news shows: the top target gets about a seventh of
    all positions, half the speakers a handful each. One-mode networks of such data
    are dense: about three million congruence and conflict edges here.
    """
    rng = random.Random(seed)
    orgs = [f"Organisation {i}" for i in range(max(1, speakers // 20))]
    actors = {
        f"s{i}": Actor(
            f"s{i}",
            f"Speaker {i}",
            kind="organisation" if i % 17 == 0 else "person",
            affiliation=rng.choice(orgs) if i % 3 else None,
            claims=rng.randint(1, 40),
        )
        for i in range(speakers)
    }
    stances = ("favor", "favor", "against", "against", "neutral", "mixed")
    who = rng.choices(range(speakers), cum_weights=_zipf(speakers), k=positions)
    what = rng.choices(range(targets), cum_weights=_zipf(targets), k=positions)
    return [
        Statement(
            f"s{sp}",
            f"t{tg}",
            f"target {tg}",
            rng.choice(stances),
            f"2024-03-{rng.randint(1, 28):02d}",
        )
        for sp, tg in zip(who, what, strict=True)
    ], actors


def _zipf(n: int) -> list[float]:
    total, cumulative = 0.0, []
    for rank in range(1, n + 1):
        total += 1 / rank
        cumulative.append(total)
    return cumulative


def synthetic_network(nodes: int = 300, edges: int = 2000, seed: int = 3) -> Network:
    """A congruence-like network of ``nodes`` actors and ``edges`` weighted edges."""
    from annotator.core.network import Edge

    rng = random.Random(seed)
    ids = [f"n{i}" for i in range(nodes)]
    net_nodes = {
        n: {"label": f"Actor {i}", "type": "actor", "kind": "person", "claims": rng.randint(1, 30)}
        for i, n in enumerate(ids)
    }
    pairs: set[tuple[str, str]] = set()
    groups = 8
    while len(pairs) < edges:
        a = rng.randrange(nodes)
        # Mostly inside one of `groups` communities, so the drawing has structure.
        if rng.random() < 0.8:
            b = (a // (nodes // groups)) * (nodes // groups) + rng.randrange(nodes // groups)
        else:
            b = rng.randrange(nodes)
        b = min(b, nodes - 1)
        if a != b:
            pairs.add((ids[min(a, b)], ids[max(a, b)]))
    net_edges = [Edge(a, b, rng.choice((1, 1, 1, 2, 3, 5))) for a, b in sorted(pairs)]
    return Network("congruence", net_nodes, net_edges)


def gold_network(kind: str = "actor-target") -> Network:
    """The network of the sample corpus' gold annotations, through a throwaway Store."""
    from annotator.core.importing import import_paths
    from annotator.core.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "gold.db")
        import_paths(store, [ROOT / "tests" / "data" / "gold.jsonl"])
        statements, actors, claims = [], {}, Counter()
        offset = 0
        while rows := store.article_rows(limit=200, offset=offset):
            offset += len(rows)
            for row in rows:
                for claim in store.claims(row["id"], statuses=("accepted",)):
                    if claim["speaker_id"]:
                        claims[claim["speaker_id"]] += 1
                for p in store.positions(row["id"], statuses=("accepted",)):
                    statements.append(
                        Statement(
                            p["speaker_id"],
                            p["target_id"],
                            p["target"],
                            p["stance"],
                            row["published"],
                        )
                    )
        for sid in {s.speaker_id for s in statements}:
            sp = store.speaker(sid)
            actors[sid] = Actor(
                sid, sp["name"], sp["kind"], sp["role"], sp["affiliation"], claims[sid]
            )
        store.close()
    return build(kind, statements, actors)


def bench_kinds(args: argparse.Namespace) -> None:
    statements, actors = synthetic_statements(args.positions, args.speakers, args.targets)
    cpu = time.process_time()
    t = time.perf_counter()
    pairs = Counter((s.speaker_id, s.target_id) for s in statements)
    raw = time.perf_counter() - t
    raw_cpu = time.process_time() - cpu
    print(
        f"{args.positions:,} positions, {args.speakers:,} speakers, {args.targets} targets; "
        f"raw pass counting pairs: {raw * 1000:.0f} ms, CPU {raw_cpu * 1000:.0f} ms "
        f"({len(pairs):,} pairs)"
    )
    for kind in args.kinds.split(","):
        cpu = time.process_time()
        t = time.perf_counter()
        net = build(kind, statements, actors)
        built = time.perf_counter() - t
        built_cpu = time.process_time() - cpu
        writes = {}
        for name, write in (
            ("GraphML", lambda n: write_graphml([n], io.StringIO())),
            ("GEXF", lambda n: write_gexf(n, io.StringIO())),
            ("CSV", lambda n: write_csv([n], io.StringIO(), io.StringIO())),
        ):
            cpu = time.process_time()
            t = time.perf_counter()
            write(net)
            writes[name] = (time.perf_counter() - t, time.process_time() - cpu)
        slowest = max(writes, key=lambda name: writes[name][0])
        worst = built + writes[slowest][0]
        worst_cpu = built_cpu + writes[slowest][1]
        print(
            f"  {kind:13} {len(net.nodes):6,} nodes {len(net.edges):9,} edges: build "
            f"{built:5.2f} s, "
            + ", ".join(f"{name} {wall:5.2f} s" for name, (wall, _) in writes.items())
            + f" -> slowest build+write ({slowest}) {worst:4.2f} s = {worst / raw:.0f}x raw"
            f" (CPU {worst_cpu:4.2f} s = {worst_cpu / raw_cpu:.0f}x raw; target 3 s)"
        )
    print(
        "  (wall time follows the machine's load; CPU time is this process's own work, "
        "the same on a busy machine)"
    )


def bench_view() -> None:
    from annotator.gui.qt import QApplication
    from annotator.gui.views.network import NetworkView

    app = QApplication.instance() or QApplication([])
    net = synthetic_network()
    nodes = list(net.nodes)
    edges = [(e.source, e.target, float(e.weight)) for e in net.edges]
    t = time.perf_counter()
    force_layout(nodes, edges)
    layout_only = time.perf_counter() - t

    view = NetworkView()
    view.resize(1200, 850)
    view.show()
    app.processEvents()
    t = time.perf_counter()
    view.set_network(net)
    # The longest the window's thread is busy at a time: what a user would feel.
    longest, last = time.perf_counter() - t, time.perf_counter()
    while not view.layout_ready:
        app.processEvents()
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        time.sleep(0.002)
        last = time.perf_counter()
    view.canvas.repaint()
    whole = time.perf_counter() - t
    longest = max(longest, time.perf_counter() - last)
    t = time.perf_counter()
    for _ in range(5):
        view.canvas.repaint()
    paint = (time.perf_counter() - t) / 5
    print(
        f"network view, {len(nodes)} nodes / {len(edges):,} edges: layout alone "
        f"{layout_only * 1000:.0f} ms; set_network to the first full frame "
        f"{whole * 1000:.0f} ms (target 1000 ms); one repaint {paint * 1000:.0f} ms; the "
        f"window's thread busy at most {longest * 1000:.0f} ms at a time"
    )
    view.close()


def bench_tab(speakers: int = 300, targets: int = 60, positions: int = 700) -> None:
    """Corpus views › Network on a database file: from a refresh (read on the build
    thread's own connection, build, layout) to the drawn congruence network."""
    from annotator.core.store import Store
    from annotator.gui.qt import QApplication
    from annotator.gui.session import Session
    from annotator.gui.views.container import CorpusViews

    app = QApplication.instance() or QApplication([])
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db", annotator="bench")
        article = store.add_article("Bench\n\nSomeone said something.", published="2024-03-01")
        ids = [store.add_speaker(f"Speaker {i}", id=f"s{i}")["id"] for i in range(speakers)]
        for i in range(positions):
            store.add_position(
                article,
                speaker_id=ids[i % speakers] if i < speakers else rng.choice(ids),
                target=f"target {rng.randrange(targets)}",
                stance=rng.choice(("favor", "against")),
            )
        views = CorpusViews(Session(store))
        views.resize(1300, 850)
        views.show()
        views.show_view("network")
        tab = views.network
        _wait(app, lambda: tab.ready)
        tab.drawing.controls.kind.setCurrentIndex(KINDS.index("congruence"))
        _wait(app, lambda: tab.ready)
        t = time.perf_counter()
        tab.refresh()
        longest = _wait(app, lambda: tab.ready, since=t)
        tab.drawing.canvas.repaint()
        whole = time.perf_counter() - t
        net = tab.network
        print(
            f"network tab, congruence of {positions} positions ({len(net.nodes)} nodes / "
            f"{len(net.edges):,} edges): refresh to the drawn network {whole * 1000:.0f} ms "
            f"(target 1000 ms); the window's thread busy at most {longest * 1000:.0f} ms "
            "at a time"
        )
        views.close()
        store.close()


def _wait(app, done, since: float | None = None) -> float:
    """Process events until ``done()``; the longest the window's thread was busy."""
    last = time.perf_counter() if since is None else since
    longest = 0.0
    while not done():
        app.processEvents()
        longest = max(longest, time.perf_counter() - last)
        time.sleep(0.002)
        last = time.perf_counter()
    return max(longest, time.perf_counter() - last)


def save_picture(path: Path, speaker: str = "Lin Qiao") -> None:
    """The Network tab on the sample corpus' gold layer, ``speaker``'s node clicked."""
    from annotator.core.importing import import_paths
    from annotator.core.store import Store
    from annotator.gui.qt import QApplication
    from annotator.gui.session import Session
    from annotator.gui.views.container import CorpusViews

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "gold.db")
        import_paths(store, [ROOT / "tests" / "data" / "gold.jsonl"])
        views = CorpusViews(Session(store))
        views.resize(1400, 820)
        views.show()
        views.show_view("network")
        tab = views.network
        _wait(app, lambda: tab.ready)
        tab.layer.setCurrentIndex(tab.layer.findData("gold"))
        _wait(app, lambda: tab.ready)
        net = tab.network
        node = next(n for n, a in net.nodes.items() if a["label"] == speaker)
        tab.show_node(node)
        app.processEvents()
        tab.grab().save(str(path))
        print(f"{path}: the gold network, {len(net.nodes)} nodes, {len(net.edges)} edges")
        views.close()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=100_000)
    parser.add_argument("--speakers", type=int, default=5_000)
    parser.add_argument("--targets", type=int, default=500)
    parser.add_argument("--picture", type=Path, help="save the gold network as drawn")
    parser.add_argument("--only-picture", action="store_true")
    parser.add_argument(
        "--kinds", default=",".join(KINDS), help="which kinds to build (comma-separated)"
    )
    args = parser.parse_args()
    if args.picture:
        save_picture(args.picture)
        if args.only_picture:
            return
    if args.kinds:
        bench_kinds(args)
    bench_view()
    bench_tab()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Speed of the annotation window on a long article and a large corpus.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py [--profile]

For a generated 1.5M-character article with 10,000 highlights (paragraphs, quotes,
overlaps, some emoji) in a temporary database, measures:

  (a) opening it: window.open_article until the text on screen is painted with
      every highlight over it, against plain QPlainTextEdit.setPlainText + paint of
      the same text; and until all 10,000 highlights are read and listed too (the
      window does that right after the first paint);
  (b) one scroll frame: scroll one page down and repaint (median of 30);
  (c) a tag key: select a range, window.tagging.tag("cue"), repaint (median of 30); and the
      work the window still does after it (timers), as a median too;
  (d) start-up on 100,000 short articles: build_window until the window is shown
      with a usable corpus list; plus a filter keystroke and a sort on that corpus.

Prints a table with the targets; asserts nothing. ``--profile`` prints the top of a
cProfile of each measured step. Standard library, PySide6 and annotator only.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import cProfile
import io
import itertools
import pstats
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractSlider, QApplication, QPlainTextEdit  # noqa: E402

from annotator.core.clock import new_id  # noqa: E402
from annotator.core.records import prepare_record  # noqa: E402
from annotator.core.store import Store, bulk_writer  # noqa: E402
from annotator.gui.app import application, build_window  # noqa: E402

ARTICLE_CHARS = 1_500_000
SPANS = 10_000
CORPUS = 100_000
REPEAT = 30

PROFILE = False

# --- generated data ------------------------------------------------------------------

SUBJECTS = [
    "The foreign ministry",
    "A government spokesperson",
    "NATO Secretary General Anna Berg",
    "Chinese Foreign Ministry spokesperson Lin Qiao",
    "The European Commission",
    "Australian Foreign Minister Claire Whitfield",
    "Officials in Canberra",
    "The delegation",
    "Vanuatu's foreign minister, Daniel Tavoa,",
    "Analysts at the institute",
]
CUES = ["said", "told reporters", "warned", "urged", "added", "stressed", "according to"]
CLAUSES = [
    "no region needs a new bloc",
    "the talks would continue next week",
    "the proposal was a dangerous step toward confrontation",
    "Pacific island countries are not anyone's backyard",
    "security is built by neighbours who turn up",
    "the government would keep working with every partner that respected its sovereignty",
    "the so-called partnerships look a lot like the blocs of the Cold War",
    "trade, roads and hospitals were the focus of the agreements",
    "the carbon border tax was compatible with trade rules",
    "debt relief had to come faster and reach more countries",
]
FILLER = [
    "The remarks came a day after a four-nation tour of the region.",
    "Markets were little changed on the news.",
    "Talks are expected to resume in Geneva later this month.",
    "The ministry did not respond to a request for comment.",
    "Diplomats said a joint statement was unlikely before the summit.",
    "Shipping costs have risen sharply since the start of the year.",
]
EXOTIC = ["🙂", "🇺🇦", "👍🏽", "𝐀𝐁", "中文新闻", "café", "e\u0301", "🌾", "«»"]


def make_text(rng: random.Random, chars: int = ARTICLE_CHARS) -> str:
    """Paragraphs of wire-style sentences with quotes and, now and then, emoji."""
    parts = ["Ministers trade warnings over bloc politics: the long read\n\n"]
    size = len(parts[0])
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            kind = rng.random()
            clause = rng.choice(CLAUSES)
            who, cue = rng.choice(SUBJECTS), rng.choice(CUES)
            if kind < 0.35:
                sentence = f'"{clause[0].upper()}{clause[1:]}," {who} {cue}.'
            elif kind < 0.7:
                sentence = f"{who} {cue} that {clause}."
            else:
                sentence = rng.choice(FILLER)
            if rng.random() < 0.05:
                sentence += " " + rng.choice(EXOTIC)
            sentences.append(sentence)
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)


def make_spans(rng: random.Random, text: str, n: int = SPANS) -> list[dict]:
    """Highlights on word boundaries: short speakers and cues, long claims, some nested."""
    words = [m.span() for m in re.finditer(r"\w[\w'’-]*", text)]
    lengths = {"speaker": (2, 5), "cue": (1, 2), "claim": (6, 30), "target": (2, 4)}
    labels = ["claim"] * 4 + ["speaker"] * 3 + ["cue"] * 2 + ["target"]
    spans: list[dict] = []
    seen: set[tuple[int, int, str]] = set()
    while len(spans) < n:
        label = rng.choice(labels)
        low, high = lengths[label]
        if spans and rng.random() < 0.15:
            # Nested in, or straddling, an existing highlight: overlaps are common.
            host = rng.choice(spans)
            first = bisect_words(words, host["start"]) + rng.randint(-2, 3)
        else:
            first = rng.randrange(len(words))
        first = max(0, min(first, len(words) - 1))
        last = min(len(words) - 1, first + rng.randint(low, high) - 1)
        start, end = words[first][0], words[last][1]
        if (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        status = rng.choices(["accepted", "suggested", "rejected"], [90, 8, 2])[0]
        spans.append({"start": start, "end": end, "label": label, "status": status})
    return spans


def bisect_words(words: list[tuple[int, int]], offset: int) -> int:
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi) // 2
        if words[mid][0] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def small_record(i: int) -> dict:
    """A short article in the store's prepared-record shape (bulk path, no parsing)."""
    text = (
        f"Envoy {i} urges calm over river dispute\n\nGENEVA (Wire) - Envoy number {i} said on "
        f'Monday that "talks would go on", as delegations met for round {i % 97}.\n'
    )
    return {
        "article": {
            "id": None,
            "title": f"Envoy {i} urges calm over river dispute",
            "source": "Wire",
            "place": "GENEVA",
            "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "url": None,
            "status": "todo",
            "text": text,
            "meta": {},
        },
        "spans": [],
        "speakers": [],
        "claims": [],
        "positions": [],
    }


# --- measuring -------------------------------------------------------------------------


def settings_in(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def ms(fn: Callable[[], object], label: str = "") -> float:
    profiler = cProfile.Profile() if PROFILE and label else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    fn()
    if profiler:
        profiler.disable()
    elapsed = (time.perf_counter() - start) * 1000
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(22)
        print(f"\n--- profile: {label} ({elapsed:.1f} ms) ---")
        print("\n".join(out.getvalue().splitlines()[:48]))
    return elapsed


def median_ms(fn: Callable[[], object], label: str, n: int = REPEAT) -> tuple[float, float]:
    times = [ms(fn, label if i == n // 2 else "") for i in range(n)]
    return statistics.median(times), max(times)


def check(ok: bool, what: str) -> None:
    """The figures are only worth something if the setup did what it should: say so."""
    if not ok:
        print(f"WARNING: {what}; the figure next to it is not to be trusted", file=sys.stderr)


def settle(app: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def bench_long_article(app: QApplication, folder: Path) -> list[tuple]:
    rng = random.Random(20241123)
    text = make_text(rng)
    raw_spans = make_spans(rng, text)
    db = folder / "long.db"
    with Store(db, annotator="bench") as store:
        writer = bulk_writer(store)
        small = prepare_record({"text": "A short article\n\nShown first.\n", "title": "Short"})
        big = prepare_record({"text": text, "title": "The long read", "spans": raw_spans})
        (short_id, big_id) = writer.write([small, big])
        check(big_id is not None, "the long article was not stored")
        stored = store.spans(big_id)
        overlapping = sum(1 for a, b in itertools.pairwise(stored) if b["start"] < a["end"])
    astral = sum(1 for ch in text if ord(ch) > 0xFFFF)
    print(
        f"article: {len(text):,} characters, {text.count(chr(10) * 2):,} paragraphs, "
        f"{astral:,} astral characters; {len(stored):,} highlights, "
        f"{overlapping:,} overlapping the previous one"
    )

    window = build_window(db, annotator="bench", seed=False, settings=settings_in(folder))
    window.resize(1480, 900)
    window.show()
    settle(app)
    check(window.article is not None and window.article["id"] != big_id, "not on the short one")

    def open_big() -> None:
        window.open_article(big_id)
        app.processEvents()
        window.text.viewport().repaint()

    def open_short() -> None:
        window.open_article(short_id)
        settle(app)

    opens = []
    for i in range(5):  # the median of 5, each from the short article
        open_short()
        opens.append(ms(open_big, "open the long article" if i == 2 else ""))
    open_ms = statistics.median(opens)

    def open_big_fully() -> None:
        # Until every highlight is read, painted or queued, and listed in the panel.
        window.open_article(big_id)
        window.refresh_annotations()
        app.processEvents()
        window.text.viewport().repaint()

    fulls = []
    for _ in range(5):
        open_short()
        fulls.append(ms(open_big_fully))
    full_ms = statistics.median(fulls)
    check(window.article["id"] == big_id and len(window.text.spans) > 9000, "not all shown")

    # Baseline: a bare QPlainTextEdit of the same size and font, same text.
    base = QPlainTextEdit()
    base.setFont(window.text.font())
    base.setReadOnly(True)
    base.resize(window.text.size())
    base.show()
    settle(app)

    def open_plain() -> None:
        base.setPlainText(text)
        app.processEvents()
        base.viewport().repaint()

    def clear_plain() -> None:
        base.setPlainText("A short article\n\nShown first.\n")
        settle(app)

    plains = []
    for _ in range(5):
        clear_plain()
        plains.append(ms(open_plain))
    plain_ms = statistics.median(plains)
    base.close()

    # (b) one page down and repaint, from the middle of the article.
    bar = window.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(app)

    def page_down() -> None:
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        window.text.viewport().repaint()

    scroll_med, scroll_max = median_ms(page_down, "scroll one page")

    # (c) select a range in view, press the tag key, see it painted.
    words = [m.span() for m in re.finditer(r"\w+", text)]
    # Untimed: scroll to the middle, then tag words on that screen (as a user does).
    window.text.select_range(*words[len(words) // 2])
    window.text.centerCursor()
    settle(app)
    view = window.text.viewport().rect()
    first_qt = window.text.cursorForPosition(view.topLeft()).position()
    last_qt = window.text.cursorForPosition(view.bottomRight()).position()
    lo, hi = window.text.map.from_qt(first_qt), window.text.map.from_qt(last_qt)
    on_screen = [i for i, (s, e) in enumerate(words[:-1]) if lo <= s and words[i + 1][1] <= hi]
    targets = iter(rng.sample(on_screen[::2], min(REPEAT, len(on_screen) // 2)))
    top = bar.value()

    def select_next() -> None:  # untimed: the mouse selection, painted long before the key
        first = next(targets)
        window.text.select_range(words[first][0], words[first + 1][1])
        settle(app)
        window.text.viewport().repaint()

    def tag_once() -> None:
        window.tagging.tag("cue")
        window.text.viewport().repaint()

    before = len(window.store.spans(big_id))
    panel_times: list[float] = []

    def tag_and_panel() -> float:
        select_next()
        # Profile the middle one: the first also marks the article in progress.
        elapsed = ms(tag_once, "tag key to painted" if len(panel_times) == REPEAT // 2 else "")
        # Whatever is left (a deferred refresh, if any) follows
        # 30 ms later on the same thread: time that too.
        start = time.perf_counter()
        deadline = start + 2
        pending = (window._annotations_timer, window._panel_timer)
        while any(t.isActive() for t in pending) and time.perf_counter() < deadline:
            app.processEvents()
        panel_times.append((time.perf_counter() - start) * 1000)
        return elapsed

    tag_times = [tag_and_panel() for _ in range(REPEAT)]
    check(len(window.store.spans(big_id)) == before + REPEAT, "a tag was not stored")
    check(window.text.verticalScrollBar().value() == top, "the tags were not all in view")
    window.close()
    window.store.close()

    ratio = open_ms / plain_ms if plain_ms else float("inf")
    return [
        (
            "(a) open 1.5M chars + 10k highlights, painted (median of 5)",
            open_ms,
            "< 300 ms",
            open_ms < 300,
        ),
        ("    baseline: QPlainTextEdit setPlainText + paint", plain_ms, "", None),
        ("    ratio to the baseline", ratio, "< 3x", ratio < 3),
        ("    … until all 10k are read and listed in the panel", full_ms, "", None),
        ("(b) scroll one page + repaint (median of 30)", scroll_med, "< 16 ms", scroll_med < 16),
        ("    slowest of the 30", scroll_max, "", None),
        (
            "(c) tag key to span committed + painted (median)",
            statistics.median(tag_times),
            "< 20 ms",
            statistics.median(tag_times) < 20,
        ),
        ("    slowest of the 30", max(tag_times), "", None),
        (
            "    UI work left after it (timers; median)",
            statistics.median(panel_times),
            "",
            None,
        ),
    ]


def bench_large_corpus(app: QApplication, folder: Path) -> list[tuple]:
    db = folder / "corpus.db"
    start = time.perf_counter()
    with Store(db, annotator="bench") as store:
        writer = bulk_writer(store)
        for offset in range(0, CORPUS, 5000):
            writer.write([small_record(i) for i in range(offset, min(CORPUS, offset + 5000))])
        count = store.article_count()
    print(f"corpus: {count:,} short articles written in {time.perf_counter() - start:.1f} s")

    def start_up(settings_folder: Path, label: str, last_article: str | None = None) -> tuple:
        settings_folder.mkdir(exist_ok=True)
        settings = settings_in(settings_folder)
        if last_article:
            settings.setValue("last_article", last_article)
        holder: dict = {}

        def run() -> None:
            window = build_window(db, annotator="bench", seed=False, settings=settings)
            window.resize(1480, 900)
            window.show()
            app.processEvents()
            window.corpus.table.viewport().repaint()
            holder["window"] = window
            check(window.corpus.model.rowCount() > 0 and window.article is not None, "no list")

        elapsed = ms(run, label)
        return elapsed, holder["window"]

    with Store(db) as store:
        last_id = store.article_rows(limit=1, descending=True)[0]["id"]
    startup_ms, window = start_up(folder / "first", "start-up on 100k articles")
    rows_loaded = len(window.corpus.model.rows)
    window.close()
    window.store.close()
    # The last article remembered in the settings is from another database...
    foreign_ms, window = start_up(folder / "foreign", "start-up, foreign last article", new_id())
    window.close()
    window.store.close()
    # ... or is the very last row of this one: the list pages down to it.
    deep_ms, window = start_up(folder / "deep", "start-up, last article at the end", last_id)
    deep_rows = len(window.corpus.model.rows)
    window.close()
    window.store.close()

    startup_ms_again, window = start_up(folder / "first", "")
    model = window.corpus.model

    # A filter keystroke: the debounce timer's work, run directly.
    def filter_to(text: str) -> Callable[[], None]:
        def run() -> None:
            window.corpus.filter.setText(text)
            window.corpus.apply_filter()
            window.corpus.table.viewport().repaint()

        return run

    filter_ms = ms(filter_to("Envoy 4242"), "filter keystroke on 100k")
    few = model.total
    clear_ms = ms(filter_to(""), "clear the filter on 100k")
    many_ms = ms(filter_to("9"), "filter matching many, not the open article")
    many = model.total
    filter_to("")()

    def sort_by_title() -> None:
        window.corpus.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        window.corpus.table.viewport().repaint()

    sort_ms = ms(sort_by_title, "sort 100k by title")
    loaded_after_sort = len(model.rows)
    window.close()
    window.store.close()
    return [
        (
            f"(d) start-up on {count:,} articles, list usable",
            startup_ms,
            "< 1000 ms",
            startup_ms < 1000,
        ),
        (f"    rows loaded at start: {rows_loaded} of {count:,}", None, "", None),
        ("    again (warm file cache)", startup_ms_again, "", None),
        ("    remembered last article from another database", foreign_ms, "", None),
        (f"    remembered last article is the last row ({deep_rows:,} rows)", deep_ms, "", None),
        (f"    filter keystroke, {few} matches", filter_ms, "", None),
        (f"    filter keystroke, {many:,} matches", many_ms, "", None),
        ("    clear the filter", clear_ms, "", None),
        (f"    sort by title ({loaded_after_sort:,} rows loaded after)", sort_ms, "", None),
    ]


def main() -> int:
    global PROFILE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each step")
    args = parser.parse_args()
    PROFILE = args.profile
    app = application()
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        folder = Path(tmp)
        os.environ["HOME"] = str(folder)  # nothing touches the real settings
        rows = bench_long_article(app, folder)
        rows += bench_large_corpus(app, folder)
    print()
    print(f"{'measure':<58} {'result':>10}  {'target':<10} ok")
    print("-" * 86)
    for name, value, target, ok in rows:
        if value is None:
            shown = ""
        elif "ratio" in name:
            shown = f"{value:.1f}x"
        else:
            shown = f"{value:.1f} ms"
        mark = "" if ok is None else ("yes" if ok else "NO")
        print(f"{name:<58} {shown:>10}  {target:<10} {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

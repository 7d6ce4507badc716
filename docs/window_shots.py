"""Renders the README's window pictures from the sample corpus, with a few
annotations made here: docs/window.png, docs/window-dark.png and
docs/window-zoomed.png; and docs/corpus-views-full.png from the sample corpus' gold
annotations (tests/data/gold.jsonl), so that its tables are full.

    QT_QPA_PLATFORM=offscreen python docs/window_shots.py   # or on a screen
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from annotator.core.importing import import_paths
from annotator.core.store import Store
from annotator.gui.app import application, build_window
from annotator.gui.qt import QSettings

DOCS = Path(__file__).resolve().parent
GOLD = DOCS.parent / "tests" / "data" / "gold.jsonl"

# (speaker name, mention words, cue words, quote words, target, stance), from the
# sample corpus's first articles.
QUOTES = [
    (
        "Claire Whitfield",
        "Whitfield",
        "told reporters",
        "We are not asking any country to choose sides.",
        "Pacific security pacts",
        "favor",
    ),
    (
        "Lin Qiao",
        "Lin Qiao",
        "said",
        "Pacific island countries are not anyone's backyard.",
        "Pacific security pacts",
        "against",
    ),
]


def annotate(store: Store) -> str:
    """Tag the quotes above in the first article that holds them; its id."""
    for row in store.article_rows(limit=50):
        text = store.article_text(row["id"])
        if all(q[3] in text for q in QUOTES):
            break
    else:
        raise SystemExit("the sample corpus lacks the quotes this script tags")
    aid = row["id"]
    for name, mention, cue, quote, target, stance in QUOTES:
        speaker = store.add_speaker(name)

        def span(words: str, label: str, after: int = 0) -> dict:
            start = text.index(words, after)
            return store.add_span(aid, start, start + len(words), label)

        content = span(quote, "claim")
        said = span(mention, "speaker", max(0, content["start"] - 400))
        verb = span(cue, "cue", said["end"])
        store.update_span(said["id"], speaker_id=speaker["id"])
        claim = store.add_claim(
            aid,
            [content["id"]],
            speaker_id=speaker["id"],
            mention_span_id=said["id"],
            cue_span_id=verb["id"],
        )
        store.add_position(
            aid, speaker_id=speaker["id"], target=target, stance=stance, evidence=[claim["id"]]
        )
    store.set_article_status(aid, "in_progress")
    return aid


def main() -> None:
    app = application()
    folder = Path(tempfile.mkdtemp())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("welcome/shown", True)
    db = folder / "news.db"
    window = build_window(db, annotator="Ana", seed=True, settings=settings)
    aid = annotate(window.store)
    window.reload_all()
    window.corpus.select(aid)
    window.open_article(aid)
    window.statusBar().clearMessage()
    window.resize(1480, 900)
    window.show()

    def settle() -> None:
        for _ in range(30):
            app.processEvents()

    settle()
    first = window.spans[0]["id"] if window.spans else None
    window.span_clicked(first)
    settle()
    window.grab().save(str(DOCS / "window.png"))

    window.appearance.themes.set_mode("dark")
    settle()
    window.span_clicked(first)
    settle()
    window.grab().save(str(DOCS / "window-dark.png"))
    window.appearance.themes.set_mode("system")

    window.appearance.zoom.set_percent(150)
    settle()
    window.grab().save(str(DOCS / "window-zoomed.png"))
    window.appearance.zoom.set_percent(100)

    window.close()
    window.store.close()

    # The corpus views over the whole window, on the gold annotations (coded as "gold").
    gold_db = folder / "gold.db"
    with Store(gold_db, annotator="gold") as store:
        import_paths(store, [GOLD])
    window = build_window(gold_db, annotator="gold", seed=False, settings=settings)
    window.resize(1480, 900)
    window.show()
    window.layout_switch.views_full()
    window.show_view("speakers")
    settle()
    window.statusBar().clearMessage()
    window.grab().save(str(DOCS / "corpus-views-full.png"))
    window.layout_switch.annotate()
    window.close()
    window.store.close()


if __name__ == "__main__":
    sys.exit(main())

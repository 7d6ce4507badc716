"""Nested attributions ("X said that Y believes Z"): both suggested, exported and reviewed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from annotator.core.exporting import ExportFilter, iter_records
from annotator.core.store import Store
from annotator.core.suggest import SpanRef, SuggestedClaim

TEXT = (
    "Ferry Talks\n\n"
    "The harbour master said that the islanders believe the ferry will return in May."
)


def ref(phrase: str) -> SpanRef:
    start = TEXT.index(phrase)
    return SpanRef(start, start + len(phrase), phrase)


OUTER = SuggestedClaim(
    content=(ref("that the islanders believe the ferry will return in May"),),
    cue=ref("said"),
    mention=ref("The harbour master"),
    speaker=None,
    kind="indirect",
)
INNER = SuggestedClaim(
    content=(ref("the ferry will return in May"),),
    cue=ref("believe"),
    mention=ref("the islanders"),
    speaker=None,
    kind="indirect",
)


def suggested(store: Store, aid: str) -> list[str]:
    return sorted(store.span(c["spans"][0])["text"] for c in store.claims(aid))


def test_a_claim_nested_in_another_with_its_own_cue_is_kept() -> None:
    store = Store(memory=True)
    aid = store.add_article(TEXT, title="Ferry Talks")
    assert store.add_suggestions(aid, [OUTER, INNER]) == 2
    assert suggested(store, aid) == [
        "that the islanders believe the ferry will return in May",
        "the ferry will return in May",
    ]
    # running again adds nothing: the claims are there now
    assert store.add_suggestions(aid, [OUTER, INNER]) == 0
    everything = ExportFilter(include_suggestions=True)
    (record,) = iter_records(store, everything)
    spans = {s["id"]: s["text"] for s in record["spans"]}
    exported = sorted((spans[c["spans"][0]], spans[c["cue"]]) for c in record["claims"])
    assert exported == [
        ("that the islanders believe the ferry will return in May", "said"),
        ("the ferry will return in May", "believe"),
    ]


def test_an_overlapping_claim_without_a_cue_of_its_own_is_skipped() -> None:
    store = Store(memory=True)
    aid = store.add_article(TEXT, title="Ferry Talks")
    same_cue = SuggestedClaim(INNER.content, OUTER.cue, None, None, "indirect")
    no_cue = SuggestedClaim(INNER.content, None, None, None, "indirect")
    assert store.add_suggestions(aid, [OUTER, same_cue, no_cue]) == 1
    assert suggested(store, aid) == ["that the islanders believe the ferry will return in May"]


def test_a_nested_suggestion_never_overlaps_an_analysts_claim() -> None:
    store = Store(memory=True)
    aid = store.add_article(TEXT, title="Ferry Talks")
    assert store.add_suggestions(aid, [OUTER]) == 1
    (outer,) = store.claims(aid)
    store.decide(claims=[outer["id"]], accept=False)
    # a later run with the nested claim leaves the decided claim's range alone
    assert store.add_suggestions(aid, [INNER]) == 0


def test_review_steps_through_both_nested_claims(qtbot, tmp_path: Path) -> None:
    from conftest import close_window

    from annotator.gui.app import application, build_window

    db = tmp_path / "nested.db"
    store = Store(db)
    aid = store.add_article(TEXT, title="Ferry Talks")
    store.add_suggestions(aid, [OUTER, INNER])
    store.close()
    application()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = build_window(db, annotator="reviewer1", seed=False, settings=settings)
    win.show()
    qtbot.waitExposed(win)
    try:
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
        win.text.setFocus()
        QTest.keyClick(win.text, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: win.reviewing.review is not None)
        stops = [s["span"]["text"] for s in win.reviewing.review if s["kind"] == "claim"]
        assert stops == [
            "that the islanders believe the ferry will return in May",
            "the ferry will return in May",
        ]
        QTest.keyClick(win.text, Qt.Key.Key_J)  # the inner claim is a stop of its own
        inner = win.reviewing.review[win.reviewing.review_index]["span"]
        assert inner["text"] == "the ferry will return in May"
        assert win.text.current_span_id == inner["id"]
        win.grab().save(str(tmp_path / "nested.png"))
        if os.environ.get("ANNOTATOR_SHOT"):
            win.grab().save(os.environ["ANNOTATOR_SHOT"])
    finally:
        close_window(win)

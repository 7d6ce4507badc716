"""Running the suggestion engine over articles of the store (``annotator suggest``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..store import Store
from .model import KnownSpeaker


@dataclass
class SuggestReport:
    articles: int = 0
    claims: int = 0
    cancelled: bool = False

    def summary(self) -> str:
        text = f"{self.claims} suggested claim{'s' if self.claims != 1 else ''} added in {self.articles} article{'s' if self.articles != 1 else ''}"
        return text + (" (cancelled)" if self.cancelled else "")


def _known_speakers(store: Store) -> list[KnownSpeaker]:
    return [
        KnownSpeaker(s["id"], s["name"], tuple(s["aliases"]))
        for s in store.speakers(limit=1_000_000)
    ]


def suggest_corpus(
    store: Store,
    *,
    article_ids: Iterable[str] | None = None,
    only_todo: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SuggestReport:
    """Suggest claims, cues and speakers in the chosen articles (all by default;
    ``only_todo``: those still todo for this Store's annotator).

    The run is one undoable action, "Suggest quotes": undo removes what it added.
    """
    from . import suggest_article

    if article_ids is None:
        ids = store.articles.ids(status="todo" if only_todo else None, analysts=[store.annotator])
    else:
        ids = list(article_ids)
        for article_id in ids:
            store.article(article_id)  # an unknown id is an error, said before any work
    known = _known_speakers(store)
    report = SuggestReport()
    # One undo step for the whole run, written one article (transaction) at a time.
    group = store.action_group("Suggest quotes")
    for done, article_id in enumerate(ids, start=1):
        if cancelled and cancelled():
            report.cancelled = True
            break
        claims = suggest_article(store.article_text(article_id), known)
        report.claims += store.review.add_suggestions(article_id, claims, group=group)
        report.articles += 1
        if progress and (done % 50 == 0 or done == len(ids)):
            progress(done, len(ids))
    return report

"""Invented corpora for the merge-suggestion tests: articles written sentence by
sentence, each spelling of a speaker its own speaker with a tagged mention."""

from __future__ import annotations

from annotator.core.store import Store


class Corpus:
    """Articles written sentence by sentence; each named speaker is its own speaker
    (as an import of per-article annotations leaves them) with a tagged mention."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ids: dict[str, str] = {}

    def speaker(self, name: str, **fields: object) -> str:
        if name not in self.ids:
            self.ids[name] = self.store.add_speaker(name, **fields)["id"]
        return self.ids[name]

    def article(self, *sentences: tuple[str, str]) -> str:
        """``sentences``: (speaker name as written, sentence holding it)."""
        text = "Invented story\n\n" + " ".join(s for _n, s in sentences) + "\n"
        aid = self.store.add_article(text, title="Invented story")
        assert aid is not None
        at = 0
        for name, sentence in sentences:
            start = text.index(sentence, at) + sentence.index(name)
            at = start
            self.store.tag(aid, start, start + len(name), "speaker", speaker_id=self.speaker(name))
        return aid


def mentions(store: Store, articles: list[str]) -> dict[str, str]:
    """Speaker highlight id -> the speaker it names."""
    return {s["id"]: s["speaker_id"] for a in articles for s in store.spans(a)}


def said(name: str, what: str = "the harbour plan is too costly") -> tuple[str, str]:
    return name, f"{name} said {what}."

"""Adjudication: one article's layers lined up, place by place, for a curator.

An *item* is a place where coders marked something: the accepted spans of one
label that overlap (transitively) across the coders' layers. Each coder's take on
it is a `Take`: their ranges there and, for claims, the speakers they named. The
coders agree on an item when every coder of the article has the same take; the
curator's decision is the `curated` layer's take on it. Plain data, no SQL, no Qt:
the store reads the rows (``store.curation.layers``) and the window draws them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

CURATED = "curated"
NOT_CODERS = ("suggest", CURATED)


@dataclass(slots=True)  # thousands a long article: no dict each
class Take:
    """One layer's spans at an item: ids, ranges and (claims) the speakers named."""

    span_ids: list[str] = field(default_factory=list)
    ranges: list[tuple[int, int]] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)

    def key(self) -> tuple:
        """What is compared between coders: the ranges and the speakers."""
        return tuple(sorted(self.ranges)), tuple(sorted(self.speakers, key=str))


@dataclass(slots=True)
class Item:
    """A place where coders marked spans of one label."""

    label: str
    start: int
    end: int
    takes: dict[str, Take]  # by coder; a coder with nothing here is absent
    curated: Take | None = None

    def agreed(self, coders: Sequence[str]) -> bool:
        """Every coder marked exactly the same here (ranges and speakers)."""
        keys = {self.takes[c].key() if c in self.takes else None for c in coders}
        return len(keys) == 1 and None not in keys

    @property
    def decided(self) -> bool:
        return self.curated is not None


def coders_of(spans: Iterable[dict[str, Any]]) -> list[str]:
    """The coders with accepted spans in these rows (suggestions and `curated` aside)."""
    names = {
        s["annotator"] for s in spans if s["status"] == "accepted" and s["annotator"] is not None
    }
    return sorted(names - set(NOT_CODERS))


def build_items(
    spans: Sequence[dict[str, Any]],
    claims: Sequence[dict[str, Any]],
    coders: Sequence[str],
) -> list[Item]:
    """The article's items in text order.

    Parameters:
        spans: the article's span rows (id, label, start, end, annotator, status).
        claims: its claim rows (``spans``: content span ids; ``speaker_id``; status).
        coders: the layers compared; `curated` spans become each item's decision.
    """
    speaker_of: dict[str, list[str | None]] = defaultdict(list)
    for claim in claims:
        if claim["status"] == "accepted":
            for span_id in claim["spans"]:
                speaker_of[span_id].append(claim["speaker_id"])
    layers = {*coders, CURATED}
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for span in spans:
        if span["status"] == "accepted" and span["annotator"] in layers:
            by_label[span["label"]].append(span)
    items: list[Item] = []
    for label, rows in by_label.items():
        rows.sort(key=lambda s: (s["start"], s["end"]))
        group: list[dict[str, Any]] = []
        reach = -1
        for span in [*rows, None]:
            if span is None or (group and span["start"] >= reach):
                if group:
                    items.append(_item(label, group, reach, speaker_of))
                group, reach = [], -1
            if span is not None:
                group.append(span)
                reach = max(reach, span["end"])
    items.sort(key=lambda i: (i.start, i.end, i.label))
    return items


def _item(label: str, group: list[dict[str, Any]], end: int, speaker_of: dict[str, list]) -> Item:
    takes: dict[str, Take] = {}
    for span in group:
        take = takes.setdefault(span["annotator"], Take())
        take.span_ids.append(span["id"])
        take.ranges.append((span["start"], span["end"]))
        if label == "claim":
            take.speakers.extend(speaker_of.get(span["id"], [None]))
    curated = takes.pop(CURATED, None)
    return Item(label, group[0]["start"], end, takes, curated)  # group: by start


@dataclass
class Places:
    """An article's layers lined up for a curator: what the adjudication view shows."""

    coders: list[str]  # the layers compared, by name
    items: list[Item]  # in text order
    differ: list[int]  # indexes of the items where the coders differ
    speaker_names: dict[str, str]  # the speakers the coders' claims name, by id


def lay_out(
    spans: Sequence[dict[str, Any]],
    claims: Sequence[dict[str, Any]],
    speaker_names: Callable[[Iterable[str]], dict[str, str]],
    coders: Sequence[str] | None = None,
) -> Places:
    """The places of one article's layers, and where the coders differ.

    Parameters:
        spans, claims: the rows ``store.curation.layers`` reads.
        speaker_names: looks the named speakers up (``store.curation.speaker_names``).
        coders: the layers compared (default: every coder with accepted spans).
    """
    chosen = list(coders) if coders is not None else coders_of(spans)
    items = build_items(spans, claims, chosen)
    named = {c["speaker_id"] for c in claims if c["speaker_id"]}
    return Places(chosen, items, disagreements(items, chosen), speaker_names(named))


def disagreements(items: Sequence[Item], coders: Sequence[str]) -> list[int]:
    """Indexes of the items where the coders differ."""
    return [i for i, item in enumerate(items) if not item.agreed(coders)]


def next_index(
    indexes: Sequence[int], current: int | None, step: int, *, wrap: bool = True
) -> int | None:
    """The index in ``indexes`` after (step 1) or before (step -1) ``current``."""
    if not indexes:
        return None
    if current is None:
        return indexes[0] if step > 0 else indexes[-1]
    if step > 0:
        later = [i for i in indexes if i > current]
        return later[0] if later else (indexes[0] if wrap else None)
    earlier = [i for i in indexes if i < current]
    return earlier[-1] if earlier else (indexes[-1] if wrap else None)

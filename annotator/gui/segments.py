"""Flattening overlapping highlights into disjoint painted segments, once per change.

The highlighter then paints each text block by looking its segments up with
bisect, so painting cost does not grow with how much highlights overlap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from operator import itemgetter
from typing import NamedTuple


class Mark(NamedTuple):
    """One highlight in Qt positions: what paints it.

    A tuple (hashed and compared in C), so the highlighter can tell cheaply which
    marks changed between two lists of 10,000.
    """

    start: int
    end: int
    label: str
    suggested: bool = False


class Segment(NamedTuple):
    """A stretch of text covered by the same set of highlights."""

    start: int
    end: int
    labels: tuple[str, ...]  # distinct labels covering it, sorted
    depth: int  # how many highlights cover it
    suggested_only: bool


# Segment(...) runs a Python-level __new__; this builds the same tuple from C (15,000 a text).
_segment = tuple.__new__


def flatten(marks: Iterable[Mark]) -> list[Segment]:
    """Disjoint segments in text order, each with the labels that cover it.

    Adjacent segments that look the same are merged, so the result is canonical.
    """
    events: list[tuple[int, int, tuple[str, bool]]] = []
    for start, end, label, suggested in marks:
        if end > start:
            key = (label, bool(suggested))
            events.append((start, 1, key))
            events.append((end, -1, key))
    if not events:
        return []
    # All events at one position are applied before the next segment is emitted,
    # so their order within a position does not matter.
    events.sort(key=itemgetter(0))
    active: dict[tuple[str, bool], int] = {}  # (label, suggested) -> how many cover
    described: dict[tuple, tuple[tuple[str, ...], bool]] = {}  # active keys -> labels, suggested
    depth = 0
    segments: list[Segment] = []
    position = events[0][0]
    i, n = 0, len(events)
    while i < n:
        at = events[i][0]
        if depth and at > position:
            keys = tuple(active)
            seen = described.get(keys)
            if seen is None:
                labels = tuple(sorted({label for label, _ in active}))
                seen = described[keys] = (labels, all(suggested for _, suggested in active))
            look = (seen[0], depth, seen[1])
            last = segments[-1] if segments else None
            if last is not None and last[1] == position and last[2:] == look:
                segments[-1] = _segment(Segment, (last[0], at, *look))
            else:
                segments.append(_segment(Segment, (position, at, *look)))
        while i < n and events[i][0] == at:
            _, step, key = events[i]
            count = active.get(key, 0) + step
            if count:
                active[key] = count
            else:
                del active[key]
            depth += step
            i += 1
        position = at
    return segments


class SegmentIndex:
    """Segments with a bisect lookup of those overlapping a range."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments
        self._ends = [s.end for s in segments]

    def overlapping(self, start: int, end: int) -> list[Segment]:
        segments = self.segments
        found = []
        # Indexing, not slicing: a slice would copy the rest of the list for every block.
        for i in range(bisect_right(self._ends, start), len(segments)):
            segment = segments[i]
            if segment.start >= end:
                break
            found.append(segment)
        return found

    def patched(self, marks: Iterable[Mark], lo: int, hi: int) -> SegmentIndex:
        """The index for ``marks`` when they differ from this index's marks only in [lo, hi).

        Only the marks over that stretch are flattened again; the result equals
        ``SegmentIndex(flatten(marks))``.
        """
        middle = []
        for seg in flatten([m for m in marks if m.start < hi and m.end > lo]):
            s, e = max(seg.start, lo), min(seg.end, hi)
            if e > s:
                middle.append(seg._replace(start=s, end=e))
        segments = self.segments
        i = bisect_right(self._ends, lo)  # the first segment ending after lo
        j = i
        while j < len(segments) and segments[j].start < hi:
            j += 1
        pieces = []
        if i < j and segments[i].start < lo:
            pieces.append(segments[i]._replace(end=lo))
        pieces += middle
        if j > i and segments[j - 1].end > hi:
            pieces.append(segments[j - 1]._replace(start=hi))
        # Merge across the seams, as flatten does, with one neighbour on each side.
        a, b = max(i - 1, 0), min(j + 1, len(segments))
        merged: list[Segment] = []
        for seg in [*segments[a:i], *pieces, *segments[j:b]]:
            last = merged[-1] if merged else None
            if last is not None and last.end == seg.start and last[2:] == seg[2:]:
                merged[-1] = last._replace(end=seg.end)
            else:
                merged.append(seg)
        return SegmentIndex(segments[:a] + merged + segments[b:])

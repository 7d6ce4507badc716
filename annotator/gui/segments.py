"""Flattening overlapping highlights into disjoint painted segments, once per change.

The highlighter then paints each text block by looking its segments up with
bisect, so painting cost does not grow with how much highlights overlap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """One highlight in Qt positions: what paints it."""

    start: int
    end: int
    label: str
    suggested: bool = False


@dataclass(frozen=True)
class Segment:
    """A stretch of text covered by the same set of highlights."""

    start: int
    end: int
    labels: tuple[str, ...]  # distinct labels covering it, sorted
    depth: int  # how many highlights cover it
    suggested_only: bool


def flatten(marks: Iterable[Mark]) -> list[Segment]:
    """Disjoint segments in text order, each with the labels that cover it."""
    events: list[tuple[int, int, Mark]] = []
    for mark in marks:
        if mark.end > mark.start:
            events.append((mark.start, 1, mark))
            events.append((mark.end, -1, mark))
    if not events:
        return []
    events.sort(key=lambda e: (e[0], e[1]))
    active: dict[Mark, int] = {}
    segments: list[Segment] = []
    position = events[0][0]
    i = 0
    while i < len(events):
        at = events[i][0]
        if active and at > position:
            labels = tuple(sorted({m.label for m in active}))
            depth = sum(active.values())
            suggested = all(m.suggested for m in active)
            last = segments[-1] if segments else None
            if last and last.end == position and (last.labels, last.depth, last.suggested_only) == (labels, depth, suggested):
                segments[-1] = Segment(last.start, at, labels, depth, suggested)
            else:
                segments.append(Segment(position, at, labels, depth, suggested))
        while i < len(events) and events[i][0] == at:
            _, kind, mark = events[i]
            if kind > 0:
                active[mark] = active.get(mark, 0) + 1
            else:
                left = active[mark] - 1
                if left:
                    active[mark] = left
                else:
                    del active[mark]
            i += 1
        position = at
    return segments


class SegmentIndex:
    """Segments with a bisect lookup of those overlapping a range."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments
        self._ends = [s.end for s in segments]

    def overlapping(self, start: int, end: int) -> list[Segment]:
        first = bisect_right(self._ends, start)
        found = []
        for segment in self.segments[first:]:
            if segment.start >= end:
                break
            found.append(segment)
        return found

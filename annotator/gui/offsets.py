"""Qt positions (UTF-16 code units) <-> stored offsets (Unicode code points).

Qt counts a character outside the Basic Multilingual Plane (emoji, flags,
mathematical letters) as two units; Python and the database count it as one.
Every highlight after such a character would drift by one per character if the
two were mixed, so the view converts here and nowhere else.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts positions for one text; O(log n) per call, built in one pass."""

    __slots__ = ("_astral", "_astral_qt")

    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters, and where each starts in Qt units.
        # A regex scan: a Python loop over 1.5M characters took 0.3 s.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Qt position of a code-point offset."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int, *, round_up: bool = False) -> int:
        """Code-point offset of a Qt position.

        A position inside a surrogate pair (which Qt's cursor normally avoids) is
        moved to the start of the character, or past it with ``round_up``.
        """
        if not self._astral:
            return position
        before = bisect_right(self._astral_qt, position - 2)  # pairs wholly before
        offset = position - before
        inside = before < len(self._astral_qt) and self._astral_qt[before] == position - 1
        if inside:
            offset = self._astral[before] + (1 if round_up else 0)
        return offset

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.from_qt(start), self.from_qt(end, round_up=True)

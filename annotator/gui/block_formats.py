"""Character formats over ranges of a read-only text, set on each block's layout.

The adjudication view paints every coder's spans: thousands of ranges in a long
article. As extra selections, Qt works out a rectangle for each one the moment they
are set (4,400 took a third of the view's opening); as the blocks' own layout
formats, which is what QSyntaxHighlighter does inside, they cost one list per
paragraph, and are laid out only when a paragraph is painted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .qt import QTextCharFormat, QTextLayout


def paint_ranges(document, ranges: Iterable[tuple[int, int, QTextCharFormat]]) -> None:
    """Give each block of ``document`` the formats of the ``ranges`` over it, in Qt
    positions, replacing what it had. Where ranges overlap, a later one's properties
    win over an earlier one's (Qt merges the formats in order)."""
    per_block: dict[int, list[QTextLayout.FormatRange]] = defaultdict(list)
    block = document.begin()
    lo = hi = -1  # the text positions of ``block``
    for start, end, fmt in ranges:
        if not lo <= start < hi:
            block = document.findBlock(start)
            lo, hi = block.position(), block.position() + block.length()
        while block.isValid() and lo < end:
            first, last = max(start, lo), min(end, hi - 1)  # hi - 1: the block's separator
            if last > first:
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = first - lo, last - first, fmt
                per_block[block.blockNumber()].append(r)
            if end <= hi - 1:
                break
            block = block.next()
            lo, hi = block.position(), block.position() + block.length()
    block = document.begin()
    while block.isValid():
        formats = per_block.get(block.blockNumber())
        layout = block.layout()
        if formats or layout.formats():
            layout.setFormats(formats or [])
        block = block.next()
    document.markContentsDirty(0, document.characterCount())

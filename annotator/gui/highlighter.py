"""Paints highlights over the article text without touching the document.

A QSyntaxHighlighter asks per text block for formats; we answer from the
pre-flattened segments (see segments.py) with a bisect, so 10,000 highlights
cost about as much to paint as a handful.
"""

from __future__ import annotations

from .labels import Label, blend, color_for
from .qt import QColor, QSyntaxHighlighter, QTextCharFormat
from .segments import Mark, Segment, SegmentIndex, flatten

# Above this many changed marks, flatten and repaint everything.
INCREMENTAL_LIMIT = 64


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document, labels: list[Label]) -> None:
        super().__init__(document)
        self._labels = labels
        self._index = SegmentIndex([])
        self._marks: set[Mark] | None = set()  # None: unknown, or holds duplicates
        self._formats: dict[tuple, QTextCharFormat] = {}

    def set_marks(self, marks: list[Mark], *, rehighlight: bool = True) -> None:
        """Paint these marks. When only a few changed (one tag, delete or undo), only
        the stretch they cover is flattened again and only its blocks repainted."""
        marks = list(marks)
        new = set(marks)
        old, self._marks = self._marks, (new if len(new) == len(marks) else None)
        if old is not None and self._marks is not None:
            changed = new ^ old
            if not changed:
                return
            if len(changed) <= INCREMENTAL_LIMIT:
                lo = min(m.start for m in changed)
                hi = max(m.end for m in changed)
                self._index = self._index.patched(marks, lo, hi)
                if rehighlight:
                    self.refresh_range(lo, hi)
                return
        self._index = SegmentIndex(flatten(marks))
        if rehighlight:
            self.rehighlight()

    def add_mark(self, mark: Mark, marks: list[Mark]) -> None:
        """``marks`` (the painted ones plus ``mark``) when one mark was added: a tag."""
        if self._marks is None or mark in self._marks:
            self.set_marks(marks)  # duplicates: the general path counts them right
            return
        self._marks.add(mark)
        self._index = self._index.patched(marks, mark.start, mark.end)
        self.refresh_range(mark.start, mark.end)

    def refresh_range(self, start: int, end: int) -> None:
        """Repaint only the blocks between two Qt positions."""
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()

    def _format(self, segment: Segment) -> QTextCharFormat:
        key = (segment.labels, min(segment.depth, 3), segment.suggested_only)
        fmt = self._formats.get(key)
        if fmt is not None:
            self._formats[segment[2:]] = fmt  # found by the segment's own look next time
        if fmt is None:
            colors = [color_for(label, self._labels) for label in segment.labels]
            base = blend(colors)
            fmt = QTextCharFormat()
            if segment.suggested_only:
                # Suggestions: a dashed underline and a faint tint, until accepted.
                tint = QColor(base)
                tint.setAlpha(70)
                fmt.setBackground(tint)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(base.darker(160))
            else:
                if segment.depth > 1:
                    base = base.darker(100 + 12 * min(segment.depth - 1, 3))
                fmt.setBackground(base)
                if segment.depth > 1:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(QColor("#333333"))
            self._formats[key] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:
        # Called for every block of the text: kept to the bare minimum of Python.
        block = self.currentBlock()
        start = block.position()
        end = start + block.length()
        formats = self._formats
        for segment in self._index.overlapping(start, end):
            s = segment.start if segment.start > start else start
            e = segment.end if segment.end < end else end
            if e > s:
                fmt = formats.get(segment[2:]) or self._format(segment)
                self.setFormat(s - start, e - s, fmt)

"""Paints highlights over the article text without touching the document.

Each text block's layout gets extra formats (what QSyntaxHighlighter does inside),
looked up from pre-flattened segments (see segments.py) with a bisect, so 10,000
highlights cost about as much to paint as a handful. Unlike QSyntaxHighlighter,
which goes over every block of a new text before the first paint, the blocks on
screen are formatted at once and the rest a chunk at a time while the window idles.
"""

from __future__ import annotations

from .labels import Label, blend, color_for
from .qt import QColor, QObject, QTextCharFormat, QTextLayout, QTimer
from .segments import Mark, Segment, SegmentIndex, flatten
from .theme import Theme, label_underline

# Above this many changed marks, flatten and repaint everything.
INCREMENTAL_LIMIT = 64
# Texts of up to this many blocks are formatted whole at once; longer ones in chunks.
WHOLE_LIMIT = 600
CHUNK = 500


class SpanHighlighter(QObject):
    def __init__(self, document, labels: list[Label], theme: Theme | None = None) -> None:
        super().__init__()
        self._theme = theme  # None: the schema's colours, as before themes
        self._doc = document
        self._done = bytearray()  # per block number: formatted for the current marks
        self._resume = 0  # where the idle pass goes on
        self._idle = QTimer(self, interval=0)
        self._idle.timeout.connect(self._next_chunk)
        self._labels = labels
        self._index = SegmentIndex([])
        self._marks: set[Mark] | None = set()  # None: unknown, or holds duplicates
        self._formats: dict[tuple, QTextCharFormat] = {}

    @property
    def segments(self) -> list[Segment]:
        """What is painted: the text cut into segments, each with the marks over it."""
        return self._index.segments

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

    def document(self):
        return self._doc

    def set_theme(self, theme: Theme) -> None:
        """Paint with this theme's label colours and marks from now on."""
        self._theme = theme
        self._formats.clear()
        self.rehighlight()

    def setDocument(self, document) -> None:
        self._idle.stop()
        self._doc = document
        self._done = bytearray()

    def rehighlight(self, *, first_block=None, last_block=None) -> None:
        """Format every block again: the given (visible) ones now, the others soon."""
        doc = self._doc
        if doc is None:
            return
        count = doc.blockCount()
        self._done = bytearray(count)
        if count <= WHOLE_LIMIT or first_block is None:
            self._format_blocks(doc.begin(), count)
            return
        self.ensure_blocks(first_block, last_block)
        self._resume = 0
        # The first tick waits a little, so that the text is painted before the rest.
        self._idle.start(40)

    def format_now(self, first_block, last_block) -> None:
        """Format only these blocks (on screen), with no pass over the others."""
        self._idle.stop()
        self._done = bytearray(self._doc.blockCount()) if self._doc is not None else bytearray()
        self.ensure_blocks(first_block, last_block)

    def ensure_blocks(self, first, last) -> None:
        """Format the blocks from ``first`` to ``last`` (on screen) if not done yet."""
        if self._doc is None or not self._done:
            return
        block = first
        stop = (
            last.blockNumber() if last is not None and last.isValid() else first.blockNumber() + 80
        )
        while block.isValid() and block.blockNumber() <= stop:
            if not self._done[block.blockNumber()]:
                self.rehighlightBlock(block)
            block = block.next()

    def _next_chunk(self) -> None:
        self._idle.setInterval(0)
        doc = self._doc
        if doc is None or self._resume >= len(self._done):
            self._idle.stop()
            return
        block = doc.findBlockByNumber(self._resume)
        left = CHUNK
        while block.isValid() and left:
            if not self._done[block.blockNumber()]:
                self.rehighlightBlock(block)
                left -= 1
            block = block.next()
        self._resume = block.blockNumber() if block.isValid() else len(self._done)

    def _format_blocks(self, block, count: int) -> None:
        for _ in range(count):
            if not block.isValid():
                break
            self.rehighlightBlock(block)
            block = block.next()

    def refresh_range(self, start: int, end: int) -> None:
        """Repaint only the blocks between two Qt positions."""
        document = self._doc
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()

    def rehighlightBlock(self, block) -> None:
        """Give one block the formats of the segments over it."""
        start = block.position()
        length = block.length()
        end = start + length
        formats = self._formats
        ranges = []
        for segment in self._index.overlapping(start, end):
            s = segment.start if segment.start > start else start
            e = segment.end if segment.end < end else end
            if e > s:
                r = QTextLayout.FormatRange()
                r.start = s - start
                r.length = e - s
                r.format = formats.get(segment[2:]) or self._format(segment)
                ranges.append(r)
        number = block.blockNumber()
        if number < len(self._done):
            self._done[number] = 1
        layout = block.layout()
        if ranges or layout.formats():
            layout.setFormats(ranges)
            self._doc.markContentsDirty(start, length)

    def _format(self, segment: Segment) -> QTextCharFormat:
        key = (segment.labels, min(segment.depth, 3), segment.suggested_only)
        fmt = self._formats.get(key)
        if fmt is not None:
            self._formats[segment[2:]] = fmt  # found by the segment's own look next time
        if fmt is None and self._theme is not None:
            fmt = self._formats[key] = self._themed_format(segment)
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

    def _themed_format(self, segment: Segment) -> QTextCharFormat:
        """The theme's look: its highlight colours with readable text, and each
        label's underline, so colour is never the only thing telling labels apart."""
        theme = self._theme
        looks = [theme.highlight(label, color_for(label, self._labels)) for label in segment.labels]
        base = blend([QColor(look.background) for look in looks])
        fmt = QTextCharFormat()
        if segment.suggested_only:
            # Suggestions: a dashed underline and a faint tint, until accepted.
            tint = QColor(base)
            tint.setAlpha(70)
            fmt.setBackground(tint)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            first = segment.labels[0]
            fmt.setUnderlineColor(
                QColor(theme.suggestion_underline(first, color_for(first, self._labels)))
            )
            return fmt
        if segment.depth > 1:
            # Overlaps: an overline (a deeper tint would cost the text its contrast).
            fmt.setFontOverline(True)
        fmt.setBackground(base)
        fmt.setForeground(QColor(looks[0].ink))
        fmt.setUnderlineStyle(label_underline(segment.labels))
        fmt.setUnderlineColor(QColor(theme.ink))
        return fmt

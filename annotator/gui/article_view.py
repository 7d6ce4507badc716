"""The article in the centre: read-only text, painted highlights, mouse selection.

The stored text is the truth: the view shows it with setPlainText (never as HTML),
converts every position through OffsetMap, and never reads offsets back from
toPlainText().
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..core.boundaries import dragged_boundary, moved_boundary
from .highlighter import SpanHighlighter
from .labels import Label, color_for
from .layers import LayerStyle, layer_styles, paint_badge
from .offsets import OffsetMap
from .qt import (
    QColor,
    QEvent,
    QFont,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPen,
    QPlainTextEdit,
    QRect,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTextFormat,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
    plain_tooltip,
)
from .segments import Mark
from .selection import clean_range
from .theme import Theme

NOTE_BADGE = "#d84315"  # deep orange: apart from every label colour, light or dark
HANDLE = "#1f5fbf"  # the selected highlight's drag handles: a strong blue, light or dark
HANDLE_REACH = 6  # pixels either side of a boundary where a press grabs its handle
READING_WIDTH = 820  # pixels: about 80 characters of body text


class ArticleText(QPlainTextEdit):
    """Read-only text with highlights; emits clicks on highlights and selection changes."""

    span_clicked = Signal(str)
    context_requested = Signal(object, object)  # global QPoint, list of span ids
    # span id, new start, new end (code points): Shift+arrows on the selected highlight,
    # or one of its handles dragged with the mouse
    boundary_move_requested = Signal(str, int, int)
    layer_styles_changed = Signal(object)  # {analyst: LayerStyle} of the layers drawn

    def __init__(self, labels: list[Label], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("articleText")
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.25)
        self.setFont(font)
        self.setCursorWidth(2)
        self.setUndoRedoEnabled(False)
        self.highlighter = SpanHighlighter(self.document(), labels)
        self._labels = labels
        self.text = ""
        self.map = OffsetMap("")
        self.spans: list[dict[str, Any]] = []
        self._starts: list[int] = []
        self._marks: list[Mark] = []
        self._by_id: dict[str, dict[str, Any]] = {}
        self._press_pos = None
        # A handle being dragged: (span id, "start" or "end"), and the range it would give.
        self._drag: tuple[str, str] | None = None
        self._drag_range: tuple[int, int] | None = None
        self._over_handle = False
        self.snap_to_words = lambda: True  # the window's Tag › Snap setting
        self.speaker_names: dict[str, str] = {}
        self.current_span_id: str | None = None
        self.search_hits: list[tuple[int, int]] = []
        # Rejected highlights: struck through in the text (View › Show rejected), or hidden.
        self.show_rejected = True
        self._struck: list[QTextEdit.ExtraSelection] = []
        self.theme: Theme | None = None  # None: the schema's colours
        # Other analysts' layers shown: their highlights get a line and a badge.
        self.layer_styles: dict[str, LayerStyle] = {}
        self._layer_names: list[str] = []
        self._shown_layers: list[str] | None = None
        self._first_only = False  # only the highlights on screen are painted yet
        self.viewport().setMouseTracking(True)
        self.document().setDocumentMargin(14)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)

    # -- content ------------------------------------------------------------

    def show_text(self, text: str) -> None:
        """Show a new text; its highlights follow with show_spans."""
        self.text = text
        self.map = OffsetMap(text)
        self.current_span_id = None
        self.search_hits = []
        self.spans, self._starts, self._by_id, self._struck = [], [], {}, []
        # Detached, the highlighter does not go over every block of the new text
        # with no marks: show_spans attaches it again and highlights once.
        self.highlighter.setDocument(None)
        self.highlighter.set_marks([], rehighlight=False)
        self.setPlainText(text)

    def show_spans(self, spans: list[dict[str, Any]], *, speaker_names: dict[str, str]) -> None:
        """Paint these spans; rejected ones struck through (``show_rejected``) or not at all."""
        self.spans = sorted(
            (s for s in spans if self.show_rejected or s["status"] != "rejected"),
            key=lambda s: (s["start"], -s["end"]),
        )
        self._starts = [s["start"] for s in self.spans]
        self._by_id = {s["id"]: s for s in self.spans}
        self.speaker_names = speaker_names
        to_qt = self.map.to_qt
        self._marks = marks = [
            Mark(to_qt(s["start"]), to_qt(s["end"]), s["label"], s["status"] == "suggested")
            for s in self.spans
            if s["status"] != "rejected"
        ]
        self._struck = [self._struck_selection(s) for s in self.spans if s["status"] == "rejected"]
        if self.highlighter.document() is None or self._first_only:  # a new text
            self._first_only = False
            self.highlighter.set_marks([], rehighlight=False)
            self.highlighter.set_marks(marks, rehighlight=False)
            # Attaching schedules a pass over every block for the next turn of the
            # event loop; the blocks on screen are done now, so the first paint of a
            # long article shows its highlights without waiting for the rest.
            if self.highlighter.document() is None:
                self.highlighter.setDocument(self.document())
            first, last = self._visible_blocks()
            self.highlighter.rehighlight(first_block=first, last_block=last)
        else:
            self.highlighter.set_marks(marks)
        self._refresh_extra()
        self.viewport().update()  # the note badges

    def show_first_marks(self, store, article_id: str) -> None:
        """Paint the highlights on screen right after show_text, reading only those;
        show_spans follows with every highlight and the rest of the text."""
        first, last = self._visible_blocks()
        before = self.map.from_qt(last.position() + last.length(), round_up=True)
        to_qt = self.map.to_qt
        marks = [
            Mark(to_qt(start), to_qt(end), label, status == "suggested")
            for start, end, label, status in store.span_marks(article_id, before=before)
        ]
        self._first_only = True
        self.highlighter.set_marks([], rehighlight=False)
        self.highlighter.set_marks(marks, rehighlight=False)
        if self.highlighter.document() is None:
            self.highlighter.setDocument(self.document())
        self.highlighter.format_now(first, last)

    def _visible_blocks(self):
        """The first and last text blocks on screen (a little beyond, for scrolling)."""
        first = self.firstVisibleBlock()
        block, bottom, offset = first, self.viewport().height() + 200, self.contentOffset()
        last = first
        while (
            block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() < bottom
        ):
            last = block
            block = block.next()
        return first, last

    def _on_scroll(self, _value: int) -> None:
        # Blocks the idle pass has not reached yet are formatted before they are painted.
        self.highlighter.ensure_blocks(*self._visible_blocks())

    def add_span(self, span: dict[str, Any]) -> None:
        """Paint one new highlight now; only the blocks it covers are repainted."""
        if span["status"] == "rejected":
            return
        i = bisect_right(self._starts, span["start"])
        self.spans.insert(i, span)
        self._starts.insert(i, span["start"])
        self._by_id[span["id"]] = span
        to_qt = self.map.to_qt
        mark = Mark(
            to_qt(span["start"]), to_qt(span["end"]), span["label"], span["status"] == "suggested"
        )
        self._marks.append(mark)
        self.highlighter.add_mark(mark, self._marks)

    def spans_at(self, offset: int) -> list[dict[str, Any]]:
        """Spans covering a code-point offset, innermost (shortest) first."""
        found = []
        for span in self.spans[: bisect_right(self._starts, offset)]:
            if span["start"] <= offset < span["end"]:
                found.append(span)
        return sorted(found, key=lambda s: s["end"] - s["start"])

    # -- selection ----------------------------------------------------------

    def selected_range(self, *, snap_to_words: bool = True) -> tuple[int, int] | None:
        """The selection as clean code-point offsets, or None if nothing useful is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.map.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return clean_range(self.text, start, end, snap_to_words=snap_to_words)

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_qt(start))
        cursor.setPosition(self.map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def span_rect_point(self, span: dict[str, Any]):
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_qt(span["end"]))
        return self.viewport().mapToGlobal(self.cursorRect(cursor).bottomLeft())

    # -- transient marks ------------------------------------------------------

    def mark_span(self, span_id: str | None, *, scroll: bool = True) -> None:
        """Outline the current span and bring it into view."""
        self.current_span_id = span_id
        self._refresh_extra()
        span = self._by_id.get(span_id)
        if span is not None and scroll:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.map.to_qt(span["end"]))
            self.setTextCursor(cursor)
            cursor.setPosition(self.map.to_qt(span["start"]))
            self.setTextCursor(cursor)
            self.centerCursor()

    def set_theme(self, theme: Theme) -> None:
        """Paint highlights, the current span and search hits in ``theme``'s colours."""
        self.theme = theme
        self.highlighter.set_theme(theme)
        self._struck = [self._struck_selection(s) for s in self.spans if s["status"] == "rejected"]
        self._refresh_extra()
        if self._layer_names:
            self.set_layers(self._layer_names, self._shown_layers)

    def show_search_hits(self, hits: list[tuple[int, int]]) -> None:
        self.search_hits = hits
        self._refresh_extra()

    def _struck_selection(self, span: dict[str, Any]) -> QTextEdit.ExtraSelection:
        """A rejected highlight: no colour, the words struck through in a muted ink."""
        sel = QTextEdit.ExtraSelection()
        sel.format.setFontStrikeOut(True)
        sel.format.setForeground(QColor(self.theme.ui["muted"] if self.theme else "#6b6b70"))
        sel.cursor = self._cursor(span["start"], span["end"])
        return sel

    def _refresh_extra(self) -> None:
        selections = list(self._struck)
        for start, end in self.search_hits:
            sel = QTextEdit.ExtraSelection()
            hit = self.theme.search_hit if self.theme else None
            sel.format.setBackground(QColor(hit.background if hit else "#fff176"))
            if hit:
                sel.format.setForeground(QColor(hit.ink))
            sel.cursor = self._cursor(start, end)
            selections.append(sel)
        span = self._by_id.get(self.current_span_id)
        if span is not None:
            start, end = self._drag_range or (span["start"], span["end"])
            sel = QTextEdit.ExtraSelection()
            color = color_for(span["label"], self._labels)
            if self.theme is not None:
                look = self.theme.current_span(span["label"], color)
                background, ink = QColor(look.background), QColor(look.ink)
            else:
                background, ink = color.darker(125), QColor("#000000")
            sel.format.setBackground(background)
            sel.format.setForeground(ink)
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            sel.format.setUnderlineColor(ink)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            sel.format.setFontStrikeOut(span["status"] == "rejected")
            sel.cursor = self._cursor(start, end)
            selections.append(sel)
        self.setExtraSelections(selections)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_qt(start))
        cursor.setPosition(self.map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # -- events ---------------------------------------------------------------

    def _offset_at(self, pos) -> int | None:
        cursor = self.cursorForPosition(pos)
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - pos.y()) > rect.height():
            return None
        offset = self.map.from_qt(cursor.position())
        # cursorForPosition gives the nearest gap; the character is left or right of it.
        if rect.x() > pos.x() and offset > 0:
            offset -= 1
        return offset

    # -- drag handles: the selected highlight's start and end, moved with the mouse --------

    def handle_rect(self, edge: str) -> QRect | None:
        """Where the selected highlight's ``edge`` handle is drawn (viewport pixels), or None."""
        span = self._by_id.get(self.current_span_id)
        if span is None:
            return None
        start, end = self._drag_range or (span["start"], span["end"])
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_qt(start if edge == "start" else end))
        line = self.cursorRect(cursor)
        return QRect(line.x() - 2, line.top() - 3, 5, line.height() + 6)

    def _handle_at(self, pos) -> str | None:
        """The handle ("start" or "end") under a viewport point, the nearer one first."""
        found = []
        for edge in ("start", "end"):
            rect = self.handle_rect(edge)
            if rect is None:
                return None
            grab = rect.adjusted(-HANDLE_REACH, 0, HANDLE_REACH, 0)
            if grab.contains(pos):
                found.append((abs(rect.center().x() - pos.x()), edge == "start", edge))
        return min(found)[2] if found else None

    def _dragged_range(self, pos) -> tuple[int, int]:
        span = self._by_id[self._drag[0]]
        offset = self.map.from_qt(self.cursorForPosition(pos).position())
        return dragged_boundary(
            self.text,
            span["start"],
            span["end"],
            self._drag[1],
            offset,
            snap_to_words=self.snap_to_words(),
        )

    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position().toPoint()
        edge = (
            self._handle_at(self._press_pos)
            if event.button() == Qt.MouseButton.LeftButton
            else None
        )
        if edge is not None:
            # A handle, not the text: no selection starts, the highlight's edge follows.
            self._drag = (self.current_span_id, edge)
            span = self._by_id[self.current_span_id]
            self._drag_range = (span["start"], span["end"])
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            self._drag_range = self._dragged_range(pos)
            self._refresh_extra()
            self.viewport().update()
            event.accept()
            return
        over = event.buttons() == Qt.MouseButton.NoButton and self._handle_at(pos) is not None
        if over != self._over_handle:
            self._over_handle = over
            self.viewport().setCursor(
                Qt.CursorShape.SizeHorCursor if over else Qt.CursorShape.IBeamCursor
            )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        pos = event.position().toPoint()
        moved = self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 3
        if self._drag is not None:
            span_id, _edge = self._drag
            new = self._dragged_range(pos)
            self._drag = self._drag_range = None
            self._refresh_extra()
            self.viewport().update()
            event.accept()
            span = self._by_id.get(span_id)
            if moved and span is not None and new != (span["start"], span["end"]):
                self.boundary_move_requested.emit(span_id, *new)
            if moved:
                return
            # Pressed on a handle and let go in place: a click, as anywhere else.
        else:
            super().mouseReleaseEvent(event)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and not moved
            and not self.textCursor().hasSelection()
        ):
            offset = self._offset_at(pos)
            hits = self.spans_at(offset) if offset is not None else []
            if hits:
                # Clicking again on the same spot cycles through overlapping highlights.
                ids = [s["id"] for s in hits]
                nxt = (
                    ids[(ids.index(self.current_span_id) + 1) % len(ids)]
                    if self.current_span_id in ids
                    else ids[0]
                )
                self.span_clicked.emit(nxt)

    def keyPressEvent(self, event) -> None:
        # Shift+Left/Right moves the selected highlight's end by a word, with Alt its
        # start; with text selected, Shift+arrows extend the selection as usual.
        span = self._by_id.get(self.current_span_id)
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift, alt = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
        arrows = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if (
            span is not None
            and event.key() in arrows
            and mods in (shift, shift | alt)
            and not self.textCursor().hasSelection()
        ):
            edge = "start" if mods & alt else "end"
            start, end = moved_boundary(
                self.text, span["start"], span["end"], edge, arrows[event.key()]
            )
            if (start, end) != (span["start"], span["end"]):
                self.boundary_move_requested.emit(span["id"], start, end)
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self._paint_layer_marks()
        self._paint_note_badges()
        self._paint_handles()

    def _paint_handles(self) -> None:
        """The selected highlight's handles: a bar at each boundary, with a knob above
        the start and below the end, as text handles on a touch screen."""
        rects = [(edge, self.handle_rect(edge)) for edge in ("start", "end")]
        if any(rect is None for _edge, rect in rects):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(HANDLE if self.theme is None or not self.theme.dark else "#8ab4f8")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for edge, rect in rects:
            x = rect.center().x()
            painter.drawRect(QRect(x - 1, rect.top() + 3, 2, rect.height() - 6))
            y = rect.top() + 1 if edge == "start" else rect.bottom() - 1
            painter.drawEllipse(QRect(x - 4, y - 4, 8, 8))
        painter.end()

    def set_layers(self, names: list[str], shown: list[str] | None = None) -> None:
        """Draw the highlights of the ``shown`` analysts' layers (None: all ``names``)
        each in its own style (in the theme's palette; a layer keeps its style
        whichever others are shown, as it comes from its place in ``names``)."""
        self._layer_names = list(names)
        self._shown_layers = shown
        dark = self.theme is not None and self.theme.dark
        styles = layer_styles(self._layer_names, dark=dark)
        self.layer_styles = {n: s for n, s in styles.items() if shown is None or n in shown}
        self.layer_styles_changed.emit(self.layer_styles)
        self.viewport().update()

    def _paint_layer_marks(self) -> None:
        """Along each other analyst's highlight on screen, a line in the layer's colour
        and dash pattern (layers take turns below and above the text, so two layers
        on the same words stay apart), and the layer's letter at its start."""
        styles = self.layer_styles
        if not styles:
            return
        rows = {name: i for i, name in enumerate(styles)}
        first, last = self._visible_blocks()
        top = self.map.from_qt(first.position()) if first.isValid() else 0
        bottom = self.map.from_qt(last.position() + last.length(), round_up=True)
        upto = bisect_right(self._starts, bottom)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        badges: set[tuple[int, int]] = set()
        for span in self.spans[:upto]:
            style = styles.get(span.get("annotator") or "")
            if style is None or span["end"] < top:
                continue
            above = rows[span["annotator"]] % 2 == 1
            start, end = self.map.to_qt(span["start"]), self.map.to_qt(span["end"])
            painter.setPen(style.pen())
            for x1, x2, line_top, baseline in self._line_pieces(start, end):
                y = line_top + 2 if above else baseline + 3
                painter.drawLine(x1, y, x2, y)
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            rect = self.cursorRect(cursor)
            size = max(12, rect.height() * 13 // 20)
            x, y = rect.x() - size // 2, rect.top() - size * 2 // 3
            while (x, y) in badges:  # two layers starting at the same place: side by side
                x += size + 1
            badges.add((x, y))
            paint_badge(painter, QRect(x, y, size, size), style)
        painter.end()

    def _line_pieces(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """(left x, right x, top y, baseline y) in the viewport of each screen line
        between two Qt positions."""
        pieces = []
        offset = self.contentOffset()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            layout = block.layout()
            origin = self.blockBoundingGeometry(block).translated(offset).topLeft()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a = max(start, block.position() + line.textStart())
                b = min(end, block.position() + line.textStart() + line.textLength())
                if b <= a:
                    continue
                x1 = origin.x() + line.cursorToX(a - block.position())[0]
                x2 = origin.x() + line.cursorToX(b - block.position())[0]
                y = origin.y() + line.y()
                pieces.append((int(x1), int(x2), int(y), int(y + line.ascent())))
            block = block.next()
        return pieces

    def note_badge_rect(self, span: dict[str, Any]) -> QRect:
        """Where the note badge of a highlight is drawn: just above its last character."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_qt(span["end"]))
        rect = self.cursorRect(cursor)
        size = max(7, rect.height() * 2 // 5)
        return QRect(rect.x() - size // 2, rect.top() - size // 2, size, size)

    def _paint_note_badges(self) -> None:
        noted = [s for s in self.spans if s.get("note")]
        if not noted:
            return
        first = self.firstVisibleBlock()
        top = self.map.from_qt(first.position()) if first.isValid() else 0
        height = self.viewport().height()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 1))
        painter.setBrush(QColor(NOTE_BADGE))
        for span in noted:
            if span["end"] < top:
                continue
            rect = self.note_badge_rect(span)
            if rect.top() > height:
                continue  # in start order, a later span may still end on screen
            painter.drawEllipse(rect)
        painter.end()

    def contextMenuEvent(self, event) -> None:
        offset = self._offset_at(self.viewport().mapFromGlobal(event.globalPos()))
        hits = self.spans_at(offset) if offset is not None else []
        self.context_requested.emit(event.globalPos(), [s["id"] for s in hits])

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            offset = self._offset_at(event.pos())
            hits = self.spans_at(offset) if offset is not None else []
            if hits:
                QToolTip.showText(event.globalPos(), self._tooltip(hits), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, spans: list[dict[str, Any]]) -> str:
        lines = []
        for span in spans:
            line = span["label"]
            if span["status"] in ("suggested", "rejected"):
                line += f" ({span['status']})"
            speaker = self.speaker_names.get(span.get("speaker_of") or "")
            if speaker:
                line += f" · {speaker}"
            if span.get("annotator") in self.layer_styles:
                line += f" · {span['annotator']}'s layer"
            if span.get("note"):
                line += f" · note: {span['note']}"
            lines.append(line)
        # Escaped: a tooltip would otherwise render HTML from a name or a note.
        return plain_tooltip("\n".join(lines))


class ArticleHeader(QWidget):
    """Title and metadata above the text, always plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)

    def show_article(self, article: dict[str, Any] | None) -> None:
        if article is None:
            self.title.setText("No article")
            self.meta.setText("Import articles with File › Import…")
            return
        self.title.setText(article["title"] or "(untitled)")
        parts = [
            article.get("source"),
            article.get("place"),
            article.get("published"),
            article["status"].replace("_", " "),
            f"{len(article['text']):,} characters",
        ]
        self.meta.setText("  ·  ".join(p for p in parts if p))


class ArticlePane(QWidget):
    """Header and text in a centred column of reading width."""

    def __init__(
        self,
        header: ArticleHeader,
        text: ArticleText,
        bar: QWidget | None = None,
        parent: QWidget | None = None,
        *,
        find_bar: QWidget | None = None,
        legend: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articlePane")
        column = QWidget()
        column.setObjectName("articleColumn")
        column.setMaximumWidth(READING_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(0)
        inner.addWidget(header)
        for extra in (legend, bar, find_bar):
            if extra is not None:
                inner.addWidget(extra)
        inner.addWidget(text, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)

"""Text PDFs: the text in reading order as paragraphs, one article per file.

pdfminer.six (MIT) lays the page out into text boxes (paragraphs); they are put in
reading order column by column. On top of that: a word hyphenated at a line end is joined again, running
headers and footers (the same line at the top or bottom of most pages, page numbers
aside) and page numbers are dropped, and a paragraph running over a page break is
joined. A PDF without a text layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import NamedTuple

from ..errors import InputError
from .common import Article, article

# The share of the page height at the top and at the bottom where running headers,
# footers and page numbers sit.
_BAND = 0.12
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
# A box wider than this share of the text's width spans the columns; columns are
# separated by a gutter of at least this many points.
_WIDE = 0.6
_GUTTER = 6.0
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = tuple(".!?:;\"”’'»)")

Line = tuple[str, str]  # (text, band: "top", "bottom" or "")


def read(data: bytes) -> Article:
    """One article from a PDF; InputError for a scan, an encrypted or a damaged file."""
    pages, title = _layout(data)
    running = _running_lines(pages)
    paragraphs: list[str] = []
    for page in pages:
        first_on_page = True
        for box in page:
            kept = [
                text
                for text, band in box
                if not (band and (_PAGE_NUMBER.match(text) or (band, _key(text)) in running))
            ]
            if not kept:
                continue
            text = _join_lines(kept)
            if first_on_page and paragraphs and _continues(paragraphs[-1], text):
                paragraphs[-1] = _join_lines([paragraphs[-1], text])
            else:
                paragraphs.append(text)
            first_on_page = False
    if not paragraphs:
        raise InputError("no text layer: OCR it first")
    return article("\n\n".join(paragraphs), title=title)


def _layout(data: bytes) -> tuple[list[list[list[Line]]], str | None]:
    """Per page, per text box in reading order, its lines with the band they sit in."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    title = None
    pages: list[list[list[Line]]] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        for info in document.info:
            value = resolve1(info.get("Title"))
            if isinstance(value, bytes):
                title = decode_text(value).strip() or None
            elif isinstance(value, str):
                title = value.strip() or None
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            top, bottom = page.y1 - _BAND * page.height, page.y0 + _BAND * page.height
            boxes: list[_Box] = []
            for item in page:
                if not isinstance(item, LTTextBox):
                    continue
                lines = []
                for line in item:
                    if not isinstance(line, LTTextLine):
                        continue
                    text = _SPACES.sub(" ", line.get_text()).strip()
                    if text:
                        band = "top" if line.y0 >= top else "bottom" if line.y1 <= bottom else ""
                        lines.append((text, band))
                if lines:
                    boxes.append(_Box(item.x0, item.y0, item.x1, item.y1, lines))
            pages.append([box.lines for box in _reading_order(boxes)])
    except PDFPasswordIncorrect:
        raise InputError("encrypted PDF: save it without a password first") from None
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        if "encrypt" in reason.lower() or "password" in reason.lower():
            raise InputError("encrypted PDF: save it without a password first") from None
        raise InputError(f"not a readable PDF ({reason})") from None
    return pages, title


class _Box(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    lines: list[Line]


def _reading_order(boxes: list[_Box]) -> list[_Box]:
    """Columns left to right, each top to bottom; full-width boxes (a headline over two
    columns, a closing paragraph under them) cut the page into bands read in turn.

    pdfminer's own order reads two columns' paragraphs alternately when their
    paragraphs sit at the same heights.
    """
    if len(boxes) < 2:
        return boxes
    columns = _columns(boxes)
    if len(columns) > 1:
        return [box for column in columns for box in _reading_order(column)]
    width = max(b.x1 for b in boxes) - min(b.x0 for b in boxes)
    wide = [b for b in boxes if b.x1 - b.x0 > _WIDE * width]
    narrow = [b for b in boxes if b.x1 - b.x0 <= _WIDE * width]
    if wide and len(narrow) > 1 and len(_columns(narrow)) > 1:
        ordered: list[_Box] = []
        band: list[_Box] = []
        for box in sorted(boxes, key=lambda b: -b.y1):
            if box in wide:
                ordered += [*_reading_order(band), box]
                band = []
            else:
                band.append(box)
        return ordered + _reading_order(band)
    return sorted(boxes, key=lambda b: (-b.y1, b.x0))


def _columns(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes grouped by the vertical gutters no box crosses, left to right."""
    groups: list[list[_Box]] = []
    right = float("-inf")
    for box in sorted(boxes, key=lambda b: b.x0):
        if box.x0 > right + _GUTTER:
            groups.append([])
        groups[-1].append(box)
        right = max(right, box.x1)
    return groups


def _key(text: str) -> str:
    # "Page 3 of 9" and "Page 4 of 9" are the same running line.
    return _DIGITS.sub("#", text.lower())


def _running_lines(pages: list[list[list[Line]]]) -> set[tuple[str, str]]:
    """(band, key) of lines that repeat at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, str]] = Counter()
    for page in pages:
        counts.update({(band, _key(text)) for box in page for text, band in box if band})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= needed}


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined by spaces; "gov-" + "ernment" gives "government"."""
    out = lines[0]
    for line in lines[1:]:
        if len(out) > 1 and out[-1] in "-\u00ad" and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def _continues(previous: str, first: str) -> bool:
    """True when a page's first paragraph goes on with the last one of the page before."""
    return not previous.endswith(_SENTENCE_END) and first[:1].islower()

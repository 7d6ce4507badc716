"""Nexis Uni Word exports (.DOCX): a cover page, then many articles in one file.

The shape: a cover page listing the documents (user, job number, search terms: not an
article), then per document the headline, the source, a date line ("July 1, 2019
Monday 9:20 AM GMT"), an optional copyright line, fields ("Section:", "Length:",
"Byline:", ...), the word "Body", the paragraphs, optional trailer fields after
"Classification" ("Language:", "Load-Date:", ...) and "End of Document".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from .common import Article, article, field_key, news_date, paragraphs
from .docx import blocks

_END = "End of Document"
_FIELD = re.compile(r"^([A-Z][A-Za-z]*(?:[- ][A-Za-z]+)?):\s*(.*)$")
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
# Headings Nexis Uni puts between the body and the trailer fields.
_TRAILER_HEADINGS = {"Classification", "Graphic", "Notes", "Correction"}


def looks_like(document) -> bool:
    """True for a Word document with "Body" and "End of Document" paragraphs."""
    texts = {text.strip() for _, text in blocks(document)}
    return _END in texts and "Body" in texts


def read(document) -> Iterator[tuple[None, Article | InputError]]:
    """(None, article or error) for each document of the export; errors name the document."""
    lines = [text.strip() for _, text in blocks(document)]
    start = 0
    number = 0
    for i, line in enumerate(lines):
        if line != _END:
            continue
        number += 1
        try:
            yield None, _document(lines[start:i])
        except InputError as exc:
            exc.reason = f"document {number}: {exc.reason}"
            yield None, exc
        start = i + 1


def _document(lines: list[str]) -> Article:
    try:
        body_at = lines.index("Body")
    except ValueError:
        raise InputError('no "Body" line before "End of Document"') from None
    fields: dict[str, str] = {}
    meta: dict[str, object] = {}
    # Fields just above "Body", read upwards; above them the copyright, the date line,
    # the source and the headline. Anything higher up is the cover page.
    at = body_at - 1
    while at >= 0 and (not lines[at] or _FIELD.match(lines[at])):
        match = _FIELD.match(lines[at])
        if match:
            fields[match.group(1)] = match.group(2).strip()
        at -= 1
    while at >= 0 and (not lines[at] or _COPYRIGHT.match(lines[at])):
        if lines[at]:
            meta["copyright"] = lines[at]
        at -= 1
    head = [line for line in lines[: at + 1] if line]
    if not head or not news_date(head[-1]):
        raise InputError("no date line above the fields")
    date_line = head[-1]
    meta["date_line"] = date_line
    source = head[-2] if len(head) >= 2 else None
    title = head[-3] if len(head) >= 3 else None

    body = lines[body_at + 1 :]
    end = len(body)
    heading_at = next((i for i, line in enumerate(body) if line in _TRAILER_HEADINGS), None)
    if heading_at is not None:
        end = heading_at
    while end > 0 and (not body[end - 1] or _FIELD.match(body[end - 1])):
        end -= 1
    for line in body[end:]:
        match = _FIELD.match(line)
        if match:
            fields.setdefault(match.group(1), match.group(2).strip())
    text = paragraphs(body[:end])
    if not text:
        raise InputError("no body text")
    meta["author"] = fields.pop("Byline", None)
    for name, value in fields.items():
        meta[field_key(name)] = value
    return article(text, title=title, source=source, published=news_date(date_line), meta=meta)

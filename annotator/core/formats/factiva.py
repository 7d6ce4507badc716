"""Factiva HTML exports: many articles in one page, each a table of two-letter fields.

The shape: per article a ``<div class="article ...">`` holding a table whose rows are
a field code in bold and its value: HD headline, BY byline, WC word count, PD date,
SN source name, SC source code, ED edition, PG page, LA language, CY copyright, LP lead
paragraphs, TD the rest of the text, AN accession number, and others (CO, IN, NS, RE,
IPD, PUB). Lead and text paragraphs are ``<p class="articleParagraph ...">``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from .common import Article, article, news_date, paragraphs

_CODE = re.compile(r"^[A-Z]{2,3}$")
_SPACE = re.compile(r"\s+")
_NAMES = {
    "WC": "words",
    "SC": "source_code",
    "ED": "edition",
    "PG": "page",
    "LA": "language",
    "CY": "copyright",
    "AN": "accession_number",
    "CO": "companies",
    "IN": "industries",
    "NS": "subjects",
    "RE": "regions",
    "IPD": "descriptors",
    "PUB": "publisher",
    "SE": "section",
    "CR": "credit",
    "CLM": "column",
    "ET": "time",
}
_MARKER = re.compile(rb"articleParagraph|<b>\s*HD\s*</b>", re.IGNORECASE)


def looks_like(page: bytes) -> bool:
    """True for a page with Factiva's field tables (a bold "HD" cell, article paragraphs)."""
    return _MARKER.search(page) is not None and b"<b>PD</b>" in page.replace(b" ", b"")


def _clean(text: str) -> str:
    # HTML whitespace is layout, not text: runs become one space.
    return _SPACE.sub(" ", text).strip()


def read(page: bytes) -> Iterator[tuple[None, Article | InputError]]:
    """(None, article or error) for each field table in the page; errors name the article."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page)
    except Exception as exc:  # lxml's ParserError for an empty or broken page
        raise InputError(f"not a readable HTML page ({exc})") from None
    number = 0
    for table in root.iter("table"):
        fields = _fields(table)
        if "HD" not in fields or not ({"LP", "TD"} & fields.keys()):
            continue
        number += 1
        try:
            yield None, _article(fields)
        except InputError as exc:
            exc.reason = f"article {number}: {exc.reason}"
            yield None, exc
    if number == 0:
        raise InputError("no Factiva articles (tables with HD and TD fields) in this page")


def _fields(table) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for row in table.findall("tr") + table.findall("tbody/tr"):
        cells = row.findall("td")
        if len(cells) < 2:
            continue
        code = _clean(cells[0].text_content())
        if not _CODE.match(code):
            continue
        paras = [_clean(p.text_content()) for p in cells[1].iter("p")]
        paras = [p for p in paras if p] or [_clean(cells[1].text_content())]
        fields[code] = paras
    return fields


def _article(fields: dict[str, list[str]]) -> Article:
    text = paragraphs(fields.pop("LP", []) + fields.pop("TD", []))
    if not text:
        raise InputError("no text (LP and TD are empty)")
    one = {code: " ".join(values) for code, values in fields.items()}
    date = one.pop("PD", None)
    meta: dict[str, object] = {"author": one.pop("BY", None), "date_line": date}
    for code, value in one.items():
        if code not in ("HD", "SN"):
            meta[_NAMES.get(code, code.lower())] = value
    return article(
        text,
        title=one.get("HD"),
        source=one.get("SN"),
        published=news_date(date) if date else None,
        meta=meta,
    )

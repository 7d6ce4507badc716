"""Readers for the files analysts get articles in, beyond plain text, JSONL and CSV.

One module per format, each turning a file's bytes into plain article dicts (text,
title, source, published, url, meta) for the usual import path to check and store.
A reader that cannot read a file raises `InputError` with the reason before giving
any article, so a failing file changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError
from . import lexisnexis
from .common import Article

# The libraries' own warnings about a damaged file would reach stderr through logging's
# last-resort handler; the reason a file fails is reported once, in the import report.
for _name in ("trafilatura", "htmldate", "courlan", "pdfminer", "docx", "odf"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

Records = Iterator[tuple[int | None, Article | InputError]]
# Reads a file of the older kinds (.txt, .md, .jsonl, .csv) from its bytes: used for the
# members of a zip.
ReadOther = Callable[[bytes, str, str], Records]

WEB_SUFFIXES = {".html", ".htm", ".mhtml", ".mht"}
SUFFIXES = WEB_SUFFIXES | {".docx", ".odt", ".pdf", ".zip"}

# What is read from each format: shown by `annotator import --help` and in the README.
DESCRIPTION = """\
.txt, .md        the text as it is; a LexisNexis text export ("1 of 10 DOCUMENTS")
                 becomes one article per document: headline, source, date, byline
                 and the other fields, the body as text
.jsonl           this tool's export records, {"text", "title"} objects, doccano, Prodigy
.csv             a text (or body, content) column; title, source, place, date, url
.docx            headings and paragraphs, title from the first heading or the document
                 title; a Nexis Uni Word export becomes one article per document
.odt             headings and paragraphs, title from the first heading or the title
.html, .htm      a saved web page's main text without menus, banners or related links;
.mhtml           title, date, author and site from its JSON-LD, Open Graph and <meta>;
                 a Factiva HTML export becomes one article per document (HD, BY, PD,
                 SN, LP and TD...)
.pdf             text PDFs: the text in reading order, hyphenated line ends joined,
                 running headers, footers and page numbers dropped
.zip, folders    every file of these kinds inside"""


def stream_text_export(path: Path) -> Records | None:
    """Articles of a multi-article text export read a line at a time, or None."""
    return lexisnexis.stream(path)


def read_text(text: str) -> Records | None:
    """Articles of a multi-article text export, or None for an ordinary text."""
    if lexisnexis.looks_like(text):
        return lexisnexis.read(text)
    return None


def read_bytes(data: bytes, *, name: str, suffix: str, read_other: ReadOther) -> Records:
    """(line or None, article or error) for each article in a file of one of `SUFFIXES`."""
    if suffix == ".zip":
        from . import archive

        yield from archive.read(data, name=name, read_file=_reader(read_other))
        return
    try:
        articles = _read_one(data, suffix)
    except InputError as exc:
        exc.path = exc.path or name
        yield exc.line, exc
        return
    except (MemoryError, RecursionError) as exc:
        yield None, InputError(f"file too complex to read ({type(exc).__name__})", path=name)
        return
    except Exception as exc:
        # A damaged file can make a parsing library fail in ways it does not document;
        # it is still the file's problem, reported in one line.
        kind = {".pdf": "PDF", ".docx": "Word document", ".odt": "OpenDocument file"}
        what = kind.get(suffix, "HTML page")
        yield None, InputError(f"not a readable {what} ({type(exc).__name__})", path=name)
        return
    yield from articles


def _reader(read_other: ReadOther) -> ReadOther:
    def read_file(data: bytes, name: str, suffix: str) -> Records:
        if suffix in SUFFIXES - {".zip"}:
            return read_bytes(data, name=name, suffix=suffix, read_other=read_other)
        return read_other(data, name, suffix)

    return read_file


def _read_one(data: bytes, suffix: str) -> list[tuple[int | None, Article | InputError]]:
    """All of one file's articles, read before any is given (a failing file gives none)."""
    if suffix == ".pdf":
        from . import pdf

        return [(None, pdf.read(data))]
    if suffix == ".docx":
        from . import docx, nexis_docx

        document = docx.open_document(data)
        if nexis_docx.looks_like(document):
            return list(nexis_docx.read(document))
        return [(None, docx.read(document))]
    if suffix == ".odt":
        from . import odt

        return [(None, odt.read(data))]
    from . import factiva, html

    page = html.page_bytes(data, mhtml=suffix in (".mhtml", ".mht"))
    if factiva.looks_like(page):
        return list(factiva.read(page))
    return [(None, html.read(page))]

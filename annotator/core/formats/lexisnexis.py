"""Classic LexisNexis text exports (.TXT): many articles in one file.

The shape: a request header, then per document a centred separator line
"1 of 10 DOCUMENTS" (the total may differ from the real count), the source, a date
line ("January 11, 2010 Monday", sometimes with a time), optional edition and copyright
lines, the headline, header fields ("BYLINE:", "SECTION:", "LENGTH:", ...), the body and
trailer fields ("LOAD-DATE:", "LANGUAGE:", "PUBLICATION-TYPE:", ...) with a centred
copyright notice. Each document becomes one article whose text is the body alone.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .common import Article, article, field_key, news_date

_SEPARATOR = re.compile(r"^[ \t]*(\d+) of (\d+) DOCUMENTS?[ \t]*$", re.MULTILINE | re.IGNORECASE)
# Header fields come before the body; only these names, so that a body starting with
# "WASHINGTON: ..." stays body.
_HEADER_FIELDS = {
    "BYLINE",
    "SECTION",
    "LENGTH",
    "DATELINE",
    "HIGHLIGHT",
    "HEADLINE",
    "EDITION",
    "SOURCE",
    "COLUMN",
    "SERIES",
    "TYPE",
    "DISTRIBUTION",
    "ABSTRACT",
    "CORRECTION-APPENDED",
    "BODY",
}
_FIELD = re.compile(r"^([A-Z][A-Z0-9-]*(?: [A-Z][A-Z0-9-]*)?):(?:[ \t]+(.*))?$")
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)", re.IGNORECASE)


_TELLTALE = re.compile(r"^(?:LENGTH|SECTION|BYLINE|LOAD-DATE|LANGUAGE):", re.MULTILINE)


def looks_like(text: str) -> bool:
    """True when the text (or its start) holds a separator ("1 of 10 DOCUMENTS") and a
    LexisNexis field line: a story quoting such a line stays one article."""
    return _SEPARATOR.search(text) is not None and _TELLTALE.search(text) is not None


def read(text: str) -> Iterator[tuple[int, Article | InputError]]:
    """(line of the separator, article or error) for each document in the export."""
    return _split(text.split("\n"))


_HEAD_BYTES = 64 * 1024
_CHUNK = 1024 * 1024


def stream(path: Path) -> Iterator[tuple[int, Article | InputError]] | None:
    """The documents of an export file read a line at a time (memory flat in its size).

    None when the file's start shows no separator, or when the file is not cleanly
    UTF-8 / BOM-marked UTF-16 text: the usual whole-file reading then says why.
    The whole file is decoded once before the first document is given, so a bad byte
    near the end fails the file before anything is stored.
    """
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    encoding = encoding or "utf-8-sig"
    if not looks_like(head.decode(encoding, errors="ignore")):
        return None
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                if encoding != "utf-16" and b"\x00" in chunk:
                    return None
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError):
        return None
    return _stream_lines(path, encoding)


def _stream_lines(path: Path, encoding: str) -> Iterator[tuple[int, Article | InputError]]:
    # Universal newlines: \r\n and \r become \n, as for every imported text.
    with path.open(encoding=encoding, newline=None) as handle:
        yield from _split(line.rstrip("\n") for line in handle)


def _split(lines: Iterable[str]) -> Iterator[tuple[int, Article | InputError]]:
    """Group lines into documents at each separator; the text before the first is the request."""
    start: int | None = None
    document: list[str] = []
    for number, line in enumerate(lines, start=1):
        if _SEPARATOR.match(line):
            if start is not None:
                yield start, _checked(document)
            start, document = number, []
        elif start is not None:
            document.append(line)
    if start is not None:
        yield start, _checked(document)


def _checked(lines: list[str]) -> Article | InputError:
    try:
        return _document(lines)
    except InputError as exc:
        return exc


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (with their indentation)."""
    runs: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        if raw.strip():
            current.append(raw.rstrip())
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _field(run: list[str], names: set[str] | None) -> tuple[str, str] | None:
    match = _FIELD.match(run[0])
    if match is None or (names is not None and match.group(1) not in names):
        return None
    value = " ".join([(match.group(2) or "").strip(), *(r.strip() for r in run[1:])]).strip()
    return match.group(1), value


def _document(lines: list[str]) -> Article:
    runs = _paragraphs(lines)
    # The head: source, date, edition, copyright and headline, up to the first field.
    first_field = next((i for i, run in enumerate(runs) if _field(run, _HEADER_FIELDS)), None)
    if first_field is None:
        raise InputError("document without BYLINE/SECTION/LENGTH fields: not a LexisNexis export")
    head = [line for run in runs[:first_field] for line in run]
    meta: dict[str, object] = {}
    fields: dict[str, str] = {}
    body_start = first_field
    while body_start < len(runs):
        found = _field(runs[body_start], _HEADER_FIELDS)
        if found is None:
            break
        fields[found[0]] = found[1]
        body_start += 1
    # The trailer: fields and the copyright notice, read back from the end.
    body_end = len(runs)
    while body_end > body_start:
        run = runs[body_end - 1]
        found = _field(run, None)
        if found is not None:
            fields.setdefault(found[0], found[1])
        elif all(line.startswith((" ", "\t")) or _COPYRIGHT.match(line) for line in run):
            meta["copyright"] = " ".join(line.strip() for line in run)
        else:
            break
        body_end -= 1
    body = "\n\n".join("\n".join(line.strip() for line in run) for run in runs[body_start:body_end])
    if not body.strip():
        raise InputError("document without body text")

    source, published, title = _read_head(head, meta)
    title = fields.pop("HEADLINE", None) or title
    fields.pop("BODY", None)
    meta["author"] = fields.pop("BYLINE", None)
    for name, value in fields.items():
        meta[field_key(name)] = value
    return article(body, title=title, source=source, published=published, meta=meta)


def _read_head(head: list[str], meta: dict[str, object]) -> tuple[str | None, str | None, str]:
    """Source, ISO date and headline from the lines before the first field."""
    date_at = next((i for i, line in enumerate(head) if news_date(line)), None)
    if date_at is None:
        raise InputError("document without a date line: not a LexisNexis export")
    source = " ".join(line.strip() for line in head[:date_at]) or None
    date_line = head[date_at].strip()
    published = news_date(date_line)
    meta["date_line"] = date_line
    title_lines = []
    notice: list[str] = []
    for line in head[date_at + 1 :]:
        if _COPYRIGHT.match(line):
            notice.append(line.strip())
            meta["copyright"] = " ".join(notice)
        elif line.startswith((" ", "\t")) and not title_lines:
            # Centred lines between the date and the headline: the edition.
            meta["edition"] = line.strip()
        else:
            title_lines.append(line.strip())
    return source, published, " ".join(title_lines)

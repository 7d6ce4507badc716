"""What every format reader shares: the article dict it returns, dates, paragraphs."""

from __future__ import annotations

import re
from typing import Any

from ..metadata import parse_date

Article = dict[str, Any]

_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]|$)")
_WORDS = re.compile(r"\S+")
_FIELD_KEY = re.compile(r"[^a-z0-9]+")


def article(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    published: str | None = None,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """The plain article dict the import path stores (empty values left out of meta)."""
    return {
        "text": text,
        "title": title or None,
        "source": source or None,
        "published": published or None,
        "url": url or None,
        "meta": {k: v for k, v in (meta or {}).items() if v not in (None, "", [])},
    }


def news_date(line: str) -> str | None:
    """ISO date at the start of a news database's date line, else None.

    Date lines carry more than the date: "January 11, 2010 Monday",
    "July 1, 2019 Monday 9:20 AM GMT", "Monday, 11 January 2010", "2019-07-01T09:20:00Z".
    """
    line = line.strip()
    iso = _ISO.match(line)
    if iso:
        return parse_date(iso.group(1))
    words = _WORDS.findall(line)[:5]
    for count in range(len(words), 1, -1):
        found = parse_date(" ".join(words[:count]))
        if found:
            return found
    return None


def field_key(name: str) -> str:
    """A field's name as a metadata key: "LOAD-DATE" -> "load_date"."""
    return _FIELD_KEY.sub("_", name.strip().lower()).strip("_")


def paragraphs(blocks: list[str]) -> str:
    """Paragraphs joined by a blank line, each with its inner whitespace runs kept."""
    return "\n\n".join(b.strip() for b in blocks if b.strip())

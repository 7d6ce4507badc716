"""Saved web pages (.html, .htm, .mhtml): the article's main text and its metadata.

trafilatura finds the main text (leaving out navigation, cookie banners, related
links, newsletter boxes and footers) and reads title, date, author and site name from
the page's JSON-LD, Open Graph and <meta> tags. Nothing is fetched: the page's links
and images are never followed.
"""

from __future__ import annotations

import re

from ..errors import InputError
from .common import Article, article, paragraphs

_LINES = re.compile(r"\n+")
# How trafilatura is asked (bench/ingest.py times the library alone with the same).
EXTRACTION = {
    "with_metadata": True,
    # Precision over recall: a one-paragraph story among many links otherwise keeps
    # the links ("Most read: ...") and the advertisement.
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}


def page_bytes(data: bytes, *, mhtml: bool) -> bytes:
    """The HTML of a page: the bytes themselves, or the first HTML part of an MHTML file."""
    if not mhtml:
        return data
    # The email package loads the socket module (for message ids): only when needed.
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return payload
    raise InputError("no HTML page inside this MHTML file")


def read(page: bytes) -> Article:
    """One article from a saved page; InputError when no article text is found."""
    # trafilatura's package also holds a downloader (never called here); importing it
    # only when a page is read keeps the rest of the tool free of network modules.
    import trafilatura

    try:
        found = trafilatura.bare_extraction(page, **EXTRACTION)
    except (ValueError, TypeError) as exc:
        raise InputError(f"not a readable HTML page ({exc})") from None
    if found is None or not (found.text or "").strip():
        raise InputError("no article text found in this page")
    text = paragraphs(_LINES.split(found.text))
    meta = {
        "author": found.author,
        "description": found.description,
        "site": found.hostname,
        "categories": found.categories or None,
        "tags": found.tags or None,
        "language": found.language,
    }
    return article(
        text,
        title=found.title,
        source=found.sitename or found.hostname,
        published=found.date,
        url=found.url,
        meta=meta,
    )

"""OpenDocument text (.odt): headings and paragraphs, one article per file.

The title is the first heading, else the document's title property.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .common import Article, article, paragraphs


def read(data: bytes) -> Article:
    """One article from an OpenDocument text; InputError when it is unreadable or empty."""
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable OpenDocument file ({exc})") from None
    except Exception as exc:  # broken XML inside the zip
        raise InputError(f"not a readable OpenDocument file ({type(exc).__name__})") from None
    blocks: list[tuple[bool, str]] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            if child.qname == (TEXTNS, "h"):
                blocks.append((True, teletype.extractText(child)))
            elif child.qname == (TEXTNS, "p"):
                blocks.append((False, teletype.extractText(child)))
            else:  # lists, sections, tables: their paragraphs in order
                walk(child)

    walk(document.text)
    texts = [text for _, text in blocks if text.strip()]
    if not texts:
        raise InputError("no text in this OpenDocument file")
    heading = next((t.strip() for is_h, t in blocks if is_h and t.strip()), None)
    title = heading or _title_property(document)
    return article(paragraphs(texts), title=title)


def _title_property(document) -> str | None:
    from odf import dc

    for node in document.meta.getElementsByType(dc.Title):
        title = str(node).strip()
        if title:
            return title
    return None

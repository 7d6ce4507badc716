"""Word documents (.docx): headings and paragraphs, one article per file.

The title is the first heading (or Title-style paragraph), else the document's title
property. Paragraphs, headings and table rows are kept in document order, one per
paragraph of the text.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .common import Article, article, paragraphs


def open_document(data: bytes):
    """The python-docx Document, or InputError when the bytes are no Word document."""
    import docx  # python-docx; imported here so that starting the tool stays quick

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word document ({exc})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and other damage inside the zip
        raise InputError(f"not a readable Word document ({type(exc).__name__})") from None


def blocks(document) -> list[tuple[str, str]]:
    """(style name, text) of each paragraph and table row in document order."""
    from docx.table import Table

    found: list[tuple[str, str]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                if cells:
                    found.append(("Table", "\t".join(cells)))
        else:
            style = item.style.name if item.style is not None else ""
            found.append((style or "", item.text))
    return found


def read(document) -> Article:
    """One article from a Word document; InputError when it holds no text."""
    found = [(style, text) for style, text in blocks(document) if text.strip()]
    if not found:
        raise InputError("no text in this Word document")
    heading = next(
        (text.strip() for style, text in found if style.startswith(("Heading", "Title"))), None
    )
    title = heading or (document.core_properties.title or "").strip() or None
    return article(paragraphs([text for _, text in found]), title=title)

"""Turning a mouse selection into a clean highlight range (pure Python, code points)."""

from __future__ import annotations

import unicodedata


def _is_edge_junk(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] == "P"


def _is_word(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "LNM" or ch in "-'’" or cat == "Sk"


def clean_range(
    text: str, start: int, end: int, *, snap_to_words: bool = True
) -> tuple[int, int] | None:
    """Trim spaces and punctuation at both ends; optionally widen to whole words.

    Returns None when nothing but spaces and punctuation was selected.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    if snap_to_words:
        # Widen a selection that starts or ends inside a word to the whole word.
        if start < end and _is_word(text[start]):
            while start > 0 and _is_word(text[start - 1]) and text[start - 1] not in "'’":
                start -= 1
        if start < end and _is_word(text[end - 1]):
            while end < len(text) and _is_word(text[end]) and text[end] not in "'’":
                end += 1
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return (start, end) if end > start else None

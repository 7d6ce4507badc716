"""Moving one boundary of a highlight: by a word from the keyboard, or dragged with the
mouse."""

from __future__ import annotations

import unicodedata


def moved_boundary(text: str, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
    """The range with its ``edge`` ("start" or "end") moved one word left (-1) or right (+1).

    Words are runs of letters and digits (with inner apostrophes and hyphens), so
    quotes and punctuation around them stay outside. The end moves to the end of a word, the start
    to the start of one; a move that would empty the range or leave the text gives the
    range unchanged.
    """
    if edge not in ("start", "end") or step not in (-1, 1):
        raise ValueError("edge is 'start' or 'end', step is -1 or 1")
    pos = end if edge == "end" else start
    if edge == "end":
        pos = _word_end_after(text, pos) if step > 0 else _word_end_before(text, pos)
    else:
        pos = _word_start_after(text, pos) if step > 0 else _word_start_before(text, pos)
    new = (start, pos) if edge == "end" else (pos, end)
    if not 0 <= new[0] < new[1] <= len(text):
        return start, end
    return new


def _word_end_after(text: str, pos: int) -> int:
    while pos < len(text) and not _is_word(text, pos):
        pos += 1
    while pos < len(text) and _is_word(text, pos):
        pos += 1
    return pos


def _word_end_before(text: str, pos: int) -> int:
    while pos > 0 and _is_word(text, pos - 1):
        pos -= 1
    while pos > 0 and not _is_word(text, pos - 1):
        pos -= 1
    return pos


def _word_start_after(text: str, pos: int) -> int:
    while pos < len(text) and _is_word(text, pos):
        pos += 1
    while pos < len(text) and not _is_word(text, pos):
        pos += 1
    return pos


def _word_start_before(text: str, pos: int) -> int:
    while pos > 0 and not _is_word(text, pos - 1):
        pos -= 1
    while pos > 0 and _is_word(text, pos - 1):
        pos -= 1
    return pos


def _is_word(text: str, i: int) -> bool:
    char = text[i]
    if char.isalnum():
        return True
    # "don't", "Asia-Pacific": inside a word, not a quote or dash around it.
    return (
        char in "'’-" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    )


def dragged_boundary(
    text: str, start: int, end: int, edge: str, offset: int, *, snap_to_words: bool = True
) -> tuple[int, int]:
    """The range with its ``edge`` ("start" or "end") dragged to the gap ``offset``.

    As a mouse selection is cleaned: a gap inside a word takes the whole word in
    (``snap_to_words``), and spaces and punctuation at the moved edge stay outside. A
    drag past the other edge, or one that would empty the range, gives it unchanged.
    """
    if edge not in ("start", "end"):
        raise ValueError("edge is 'start' or 'end'")
    pos = max(0, min(offset, len(text)))
    inside = 0 < pos < len(text) and _is_word(text, pos - 1) and _is_word(text, pos)
    if edge == "end":
        while snap_to_words and inside and pos < len(text) and _is_word(text, pos):
            pos += 1
        while pos > start and _is_edge_junk(text[pos - 1]):
            pos -= 1
        new = (start, pos)
    else:
        while snap_to_words and inside and pos > 0 and _is_word(text, pos - 1):
            pos -= 1
        while pos < end and _is_edge_junk(text[pos]):
            pos += 1
        new = (pos, end)
    return new if new[0] < new[1] else (start, end)


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] == "P"

"""Full-text search helpers: folding, phrases, snippets (no SQL here)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ...textio import squash_spaces

# -- full-text search helpers ---------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")
# Below three characters the trigram index cannot answer; the table is scanned.
_TRIGRAM = 3


def _is_latin(ch: str) -> bool:
    return ch < "\u0250" or unicodedata.name(ch, "").startswith("LATIN")


def _fold_char(ch: str) -> str:
    """One code point folded like FTS5's unicode61 (lower case, and no accents on
    Latin letters only, as its remove_diacritics does), or itself."""
    lowered = ch.lower()
    if len(lowered) != 1:
        return ch
    if not _is_latin(lowered):
        return lowered
    base = unicodedata.normalize("NFD", lowered)[0]
    return base


def fold(text: str) -> str:
    """Text folded code point by code point: same length, so offsets carry over."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def lower(text: str) -> str:
    """Lower case code point by code point, as FTS5's trigram index compares (same
    length; a final sigma counts as a sigma)."""
    if text.isascii():
        return text.lower()
    return "".join(lo if len(lo := c.lower()) == 1 else c for c in text).replace("ς", "σ")


def needs_substring_search(text: str) -> bool:
    """Whether ``text`` holds letters outside the Latin script. Those are searched as
    a run of characters (trigram index): Chinese, Japanese and Thai have no spaces
    between words, Korean words carry their particles, and FTS5's word tokenizer
    splits Arabic and Thai words at their vowel marks."""
    return any(ch.isalnum() and not _is_latin(ch) for ch in text)


@dataclass(frozen=True)
class Phrase:
    """A search phrase: its words, the full-text query for them, and a regex finding them.

    Latin-script phrases are words, as FTS5's unicode61 tokenizer sees them (letters
    and digits; accents and case ignored); they must follow each other, with only
    spaces or punctuation between. ``prefix``: the last word may be the start of a
    longer one. A phrase with letters of any other script is one run of characters
    (``substring``), found anywhere in the text, case ignored, accents kept.
    """

    words: tuple[str, ...]
    prefix: bool = False
    substring: bool = False

    @classmethod
    def parse(cls, text: str, *, prefix: bool | None = None) -> Phrase:
        stripped = text.strip()
        if prefix is None:
            prefix = stripped.endswith("*")
        if needs_substring_search(stripped):
            run = stripped.rstrip("*").strip()
            return cls((lower(run),), True, True)
        return cls(tuple(_TOKEN.findall(fold(stripped))), prefix)

    def __bool__(self) -> bool:
        return bool(self.words)

    def fts(self) -> str:
        """The MATCH expression for the index ``index()`` names."""
        if self.substring:
            return '"' + self.words[0].replace('"', '""') + '"'
        return '"' + " ".join(self.words) + '"' + (" *" if self.prefix else "")

    def index(self, table: str) -> str | None:
        """The full-text index of ``table`` (articles or spans) that answers this
        phrase, or None when the table itself must be scanned (a run too short)."""
        if not self.substring:
            return f"{table}_fts"
        return f"{table}_tri" if len(self.words[0]) >= _TRIGRAM else None

    def rowids(self, table: str) -> tuple[str, list[Any]]:
        """SQL selecting the rowids of ``table`` (articles or spans) whose text holds
        the phrase, and its parameters."""
        index = self.index(table)
        if index is not None:
            return f"SELECT rowid FROM {index} WHERE {index} MATCH ?", [self.fts()]
        # One or two characters: SQLite's instr() compares exactly, so try the
        # spellings a user may have typed the run in.
        run = self.words[0]
        spellings = list(dict.fromkeys((run, run.upper(), run.capitalize())))
        where = " OR ".join("instr(text, ?) > 0" for _ in spellings)
        return f"SELECT rowid FROM {table} WHERE {where}", spellings

    def pattern(self) -> re.Pattern[str]:
        if self.substring:
            return re.compile(re.escape(self.words[0]))
        body = r"[\W_]+".join(re.escape(w) for w in self.words)
        end = r"[^\W_]*" if self.prefix else r"(?![^\W_])"
        return re.compile(r"(?<![^\W_])" + body + end)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Where the phrase occurs in text[start:end], as code-point offsets of text."""
        if not self.words:
            return []
        stop = len(text) if end is None else end
        folded = lower(text) if self.substring else fold(text)
        return [(m.start(), m.end()) for m in self.pattern().finditer(folded, start, stop)]


def _one_line(text: str) -> str:
    return squash_spaces(text)


def snippet(text: str, hit: tuple[int, int] | None, *, width: int = 70) -> tuple[str, int, int]:
    """A one-line extract around ``hit``: (snippet, start, end of the hit in it)."""
    if hit is None:
        line = _one_line(text[: width * 2])
        return line + ("…" if len(text) > width * 2 else ""), 0, 0
    start, end = hit
    left, right = max(0, start - width), min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    before = ("…" if left > 0 else "") + _one_line(text[left:start])
    if text[left:start][-1:].isspace() and before:
        before += " "
    middle = _one_line(text[start:end])
    after = _one_line(text[end:right])
    if text[end:right][:1].isspace() and after:
        after = " " + after
    after += "…" if right < len(text) else ""
    return before + middle + after, len(before), len(before) + len(middle)

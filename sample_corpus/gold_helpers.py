"""Helpers shared by the gold builders (sample_corpus/build_gold.py and
tests/data/build_heldout.py): reading article files and finding declared strings.

Standard library only, so both builders stay runnable without the package.
"""

from __future__ import annotations

import re
import unicodedata

# How far (characters) a cue or speaker mention may be from its claim.
MAX_GAP = 200


class GoldError(Exception):
    pass


def normalise(raw: bytes) -> str:
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def slugify(name: str) -> str:
    s = name.replace("ı", "i")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s


def parse_pattern(pattern: str) -> re.Pattern:
    """'[he] added' -> regex whose group 1 is 'he'; plain 'said' -> the word itself."""
    m = re.fullmatch(r"(.*)\[(.+)\](.*)", pattern)
    pre, core, post = (m.group(1), m.group(2), m.group(3)) if m else ("", pattern, "")
    left = r"\b" if core[0].isalnum() else ""
    right = r"\b" if core[-1].isalnum() else ""
    return re.compile(re.escape(pre) + "(" + left + re.escape(core) + right + ")" + re.escape(post))


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two ranges; -1 if they overlap."""
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return -1


def find_content(text: str, piece: str, start_at: int) -> list[tuple[int, int]]:
    """All candidate (start, end) ranges for a content string at or after start_at."""
    out = []
    if " ~~ " in piece:
        head, tail = piece.split(" ~~ ")
        i = text.find(head, start_at)
        while i != -1:
            j = text.find(tail, i + len(head))
            if j != -1 and "\n" not in text[i:j]:
                out.append((i, j + len(tail)))
            i = text.find(head, i + 1)
    else:
        i = text.find(piece, start_at)
        while i != -1:
            out.append((i, i + len(piece)))
            i = text.find(piece, i + 1)
    return out


def nearest(text, pattern, anchors, forbidden, where, what):
    rx = parse_pattern(pattern)
    best = []
    for m in rx.finditer(text):
        rng = (m.start(1), m.end(1))
        if any(gap(rng, f) < 0 for f in forbidden):
            continue
        d = min(gap(rng, a) for a in anchors)
        if d < 0 or d > MAX_GAP:
            continue
        best.append((d, rng))
    if not best:
        raise GoldError(f"{where}: {what} {pattern!r} not found within {MAX_GAP} chars")
    best.sort()
    if len(best) > 1 and best[0][0] == best[1][0]:
        raise GoldError(f"{where}: {what} {pattern!r} is ambiguous; add context")
    return best[0][1]

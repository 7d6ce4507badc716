"""How the GUI words counts and single-line text (no Qt)."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, pluralised: "1 claim", "2,000 claims", "3 matches" (``many``)."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def one_line(text: str | None) -> str:
    """``text`` with every run of whitespace (newlines too) made one space."""
    return " ".join((text or "").split())


# Said after a CSV export made safe for spreadsheets (File › CSV: safe to open in spreadsheets).
SAFE_CSV_NOTE = "cells beginning with = + - @ got an apostrophe, safe to open in spreadsheets"

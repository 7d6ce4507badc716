"""Fallback fonts for characters the main font lacks: emoji and other astral
characters (U+10000 and up), symbols and other scripts, so they show as glyphs
rather than boxes wherever the system has any font for them."""

from __future__ import annotations

from collections.abc import Iterable

from .qt import QFont, QFontDatabase, QFontInfo, QWidget

# Known good fallbacks, best first: colour emoji, then symbol and wide-coverage fonts
# (Debian: fonts-noto-color-emoji, fonts-symbola, fonts-noto-core, fonts-noto-cjk).
PREFERRED = (
    "Noto Color Emoji",
    "Apple Color Emoji",
    "Segoe UI Emoji",
    "Twemoji",
    "JoyPixels",
    "Noto Emoji",
    "Symbola",
    "Segoe UI Symbol",
    "Noto Sans Symbols",
    "Noto Sans Symbols 2",
    "Noto Sans Math",
    "Noto Sans CJK SC",
    "Noto Sans",
    "DejaVu Sans",
)
# Any other installed family whose name says it holds emoji or symbols.
_HINTS = ("emoji", "symbol")


def fallback_families(installed: Iterable[str] | None = None) -> list[str]:
    """The installed families to fall back to, best first.

    Parameters:
        installed: the family names to choose from; by default the system's
            (QFontDatabase.families()).
    """
    names = list(QFontDatabase.families() if installed is None else installed)
    by_lower = {name.lower(): name for name in names}
    chosen = [by_lower[name.lower()] for name in PREFERRED if name.lower() in by_lower]
    chosen += sorted(
        name
        for name in names
        if name not in chosen and any(hint in name.lower() for hint in _HINTS)
    )
    return chosen


def with_fallbacks(font: QFont, installed: Iterable[str] | None = None) -> QFont:
    """A copy of ``font`` whose families are its own, then the fallbacks.

    The family its own resolve to (for a generic name such as "Sans Serif", what the
    system's font matching makes of it) comes before the fallbacks: Qt takes the
    first family of the list that is a real font as the main font, which would
    otherwise be the colour emoji font.
    """
    result = QFont(font)
    own = list(font.families()) or [font.family()]
    resolved = QFontInfo(font).family()
    if resolved and resolved not in own:
        own.append(resolved)
    result.setFamilies(own + [name for name in fallback_families(installed) if name not in own])
    return result


def apply_fallbacks(widget: QWidget) -> None:
    """Give ``widget`` (and the children inheriting its font) the fallback families."""
    widget.setFont(with_fallbacks(widget.font()))

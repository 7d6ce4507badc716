"""Fallback fonts for emoji and other astral characters."""

from __future__ import annotations

from annotator.gui.fonts import apply_fallbacks, fallback_families, with_fallbacks
from annotator.gui.qt import QFont, QFontDatabase, QFontInfo, QFontMetrics, QLabel


def test_colour_emoji_first_then_symbols_then_any_emoji_font():
    installed = ["Arial", "Symbola", "My Emoji Font", "Noto Color Emoji", "Liberation Serif"]
    assert fallback_families(installed) == ["Noto Color Emoji", "Symbola", "My Emoji Font"]
    assert fallback_families(["Arial", "Liberation Serif"]) == []


def test_the_font_keeps_its_own_family_first(qapp):
    asked = QFont("Liberation Serif")
    font = with_fallbacks(asked, ["Noto Color Emoji", "Symbola"])
    # The family it resolves to (itself when installed), then as asked, then fallbacks.
    resolved = QFontInfo(asked).family()
    own = [resolved] if resolved == "Liberation Serif" else [resolved, "Liberation Serif"]
    assert font.families() == [*own, "Noto Color Emoji", "Symbola"]


def test_fallbacks_come_from_the_installed_fonts(qtbot):
    label = QLabel("Harbour vote 🚢 passes 𝔸")
    qtbot.addWidget(label)
    resolved = QFontInfo(label.font()).family()
    asked = label.font().families() or [label.font().family()]
    own = [resolved, *(name for name in asked if name != resolved)]
    apply_fallbacks(label)
    families = label.font().families()
    assert families[: len(own)] == own
    installed = set(QFontDatabase.families())
    assert all(name in installed for name in families[len(own) :])
    assert set(fallback_families()) <= set(families)
    assert len(families) == len(set(families))


def test_the_application_font_falls_back(qapp):
    from annotator.gui.app import application

    application()
    families = application().font().families()
    fallbacks = fallback_families()
    # The resolved text family first (it may be a fallback too), then the fallbacks in order.
    assert [f for f in families[1:] if f in fallbacks] == [f for f in fallbacks if f != families[0]]
    assert len(families) == len(set(families))  # starting twice adds nothing


def test_the_text_font_sets_spaces_and_digits_not_the_emoji_font(qapp) -> None:
    # "Sans Serif" names no installed family: asked first, the colour-emoji font
    # (which has glyphs for the space and digits, for keycaps) would draw them, wide.
    generic = QFont("Sans Serif", 12)
    font = with_fallbacks(generic, ["Noto Color Emoji", "DejaVu Sans"])
    assert font.families()[0] == QFontInfo(generic).family() != "Sans Serif"
    assert QFontMetrics(font).horizontalAdvance(" 2024 ") == QFontMetrics(
        generic
    ).horizontalAdvance(" 2024 ")

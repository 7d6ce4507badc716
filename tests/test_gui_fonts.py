"""Fallback fonts for emoji and other astral characters."""

from __future__ import annotations

from annotator.gui.fonts import apply_fallbacks, fallback_families, with_fallbacks
from annotator.gui.qt import QFont, QFontDatabase, QFontInfo, QFontMetrics, QLabel


def test_colour_emoji_first_then_symbols_then_any_emoji_font():
    installed = ["Arial", "Symbola", "My Emoji Font", "Noto Color Emoji", "Liberation Serif"]
    assert fallback_families(installed) == ["Noto Color Emoji", "Symbola", "My Emoji Font"]
    assert fallback_families(["Arial", "Liberation Serif"]) == []


def test_the_font_keeps_its_own_family_first(qapp):
    font = with_fallbacks(QFont("Liberation Serif"), ["Noto Color Emoji", "Symbola"])
    assert font.families()[0] == "Liberation Serif"
    assert font.families()[-2:] == ["Noto Color Emoji", "Symbola"]


def test_a_generic_family_is_followed_by_what_it_resolves_to_not_by_the_emoji_font(qapp):
    # "Sans Serif" is no installed family: Qt would take the first installed one of
    # the list, the colour emoji font, as the main font (every letter then comes from
    # a fallback, with the emoji font's metrics).
    font = with_fallbacks(QFont("Sans Serif"), ["Noto Color Emoji", "Symbola"])
    resolved = QFontInfo(QFont("Sans Serif")).family()
    assert font.families()[:2] == ["Sans Serif", resolved]
    assert QFontInfo(font).family() == resolved
    installed = set(QFontDatabase.families())
    plain = with_fallbacks(QFont(sorted(installed)[0]), ["Noto Color Emoji"])
    assert plain.families() == [sorted(installed)[0], "Noto Color Emoji"]


def test_fallbacks_come_from_the_installed_fonts(qtbot):
    label = QLabel("Harbour vote 🚢 passes 𝔸")
    qtbot.addWidget(label)
    own = label.font().families() or [label.font().family()]
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
    first = families.index(fallbacks[0]) if fallbacks else len(families)
    assert families[first:] == [name for name in fallbacks if name not in families[:first]]
    assert len(families) == len(set(families))  # starting twice adds nothing
    # The window's text is in a text font, never in the colour emoji font.
    assert "emoji" not in QFontInfo(application().font()).family().lower()


def test_the_text_font_sets_spaces_and_digits_not_the_emoji_font(qapp) -> None:
    # The colour emoji font has glyphs for the space and the digits (for keycaps): were
    # it the main font, every space and number would be set in its wide metrics.
    generic = QFont("Sans Serif", 12)
    font = with_fallbacks(generic, ["Noto Color Emoji", "DejaVu Sans"])
    assert QFontMetrics(font).horizontalAdvance(" 2024 ") == QFontMetrics(
        generic
    ).horizontalAdvance(" 2024 ")

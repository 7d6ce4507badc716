"""Fallback fonts for emoji and other astral characters."""

from __future__ import annotations

from annotator.gui.fonts import apply_fallbacks, fallback_families, with_fallbacks
from annotator.gui.qt import QFont, QFontDatabase, QLabel


def test_colour_emoji_first_then_symbols_then_any_emoji_font():
    installed = ["Arial", "Symbola", "My Emoji Font", "Noto Color Emoji", "Liberation Serif"]
    assert fallback_families(installed) == ["Noto Color Emoji", "Symbola", "My Emoji Font"]
    assert fallback_families(["Arial", "Liberation Serif"]) == []


def test_the_font_keeps_its_own_family_first():
    font = with_fallbacks(QFont("Liberation Serif"), ["Noto Color Emoji", "Symbola"])
    assert font.families() == ["Liberation Serif", "Noto Color Emoji", "Symbola"]


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
    assert families[len(families) - len(fallbacks) :] == fallbacks
    assert len(families) == len(set(families))  # starting twice adds nothing

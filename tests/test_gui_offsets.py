"""Qt positions (UTF-16) <-> stored offsets (code points), and what a mouse selects.

OffsetMap is checked against a brute-force UTF-16 count, against Qt's own document,
and end to end: a phrase after emoji, flags, mathematical letters and CJK is
selected with real mouse events in the window, tagged with its key, and the stored
span must be exactly that phrase.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from annotator.gui.app import application, build_window
from annotator.gui.offsets import OffsetMap

# --- brute force ------------------------------------------------------------------


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def brute_to_qt(text: str, offset: int) -> int:
    return utf16_len(text[:offset])


def brute_from_qt(text: str, position: int, *, round_up: bool = False) -> int:
    """The code point at a Qt position; inside a surrogate pair: its start (or end)."""
    units = 0
    for i, ch in enumerate(text):
        if units == position:
            return i
        width = 2 if ord(ch) > 0xFFFF else 1
        if units < position < units + width:
            return i + 1 if round_up else i
        units += width
    assert units == position, "position past the end"
    return len(text)


SAMPLES = {
    "ascii": "Plain ASCII: no region needs a new bloc.",
    "emoji": "Smile 🙂 then 😀😀 twice, and 🚀.",
    "flags": "Flags 🇺🇦 and 🇪🇺🇨🇳 side by side 🇺🇦.",
    "skin_tone": "Thumbs 👍🏽 and 👋🏿 waves 👍🏽👍🏽.",
    "zwj": "Family 👨‍👩‍👧 and 🏳️‍🌈 sequences.",
    "math_letters": "Bold 𝐀𝐁𝐂 and script 𝒳𝒴 letters: 𝐀 = 𝐁.",
    "cjk": "中文新闻：外交部发言人说“没有地区需要新的集团”。",
    "cjk_ext_b": "Rare 𠀀𠀁 characters from plane 2 𪚥.",
    "combining": "café vs cafe\u0301, n\u0303o, a\u0308\u0304 stacked.",
    "mixed": "🇺🇦 👍🏽 𝐀𝐁 中文 e\u0301\n\nThen 🙂 a line\nand the end 𝐙",
    "leading_astral": "𝐀",
    "only_astral": "🙂🙂🙂",
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_to_qt_matches_utf16_count(name: str) -> None:
    text = SAMPLES[name]
    omap = OffsetMap(text)
    for offset in range(len(text) + 1):
        assert omap.to_qt(offset) == brute_to_qt(text, offset), (name, offset)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_from_qt_matches_utf16_count(name: str) -> None:
    text = SAMPLES[name]
    omap = OffsetMap(text)
    for position in range(utf16_len(text) + 1):
        assert omap.from_qt(position) == brute_from_qt(text, position), (name, position)
        assert omap.from_qt(position, round_up=True) == brute_from_qt(
            text, position, round_up=True
        ), (name, position)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_span_round_trip(name: str) -> None:
    text = SAMPLES[name]
    omap = OffsetMap(text)
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 6) + 1):
            qs, qe = omap.span_to_qt(start, end)
            assert omap.span_from_qt(qs, qe) == (start, end)


def test_flag_is_two_code_points_and_four_qt_units() -> None:
    text = "🇺🇦x"
    omap = OffsetMap(text)
    assert len(text) == 3
    assert omap.to_qt(2) == 4
    assert omap.from_qt(4) == 2
    # A selection that cuts a surrogate pair widens to the whole character.
    assert omap.span_from_qt(1, 3) == (0, 2)


def test_skin_tone_modifier_counts_as_its_own_astral_character() -> None:
    text = "👍🏽!"
    omap = OffsetMap(text)
    assert [omap.to_qt(i) for i in range(4)] == [0, 2, 4, 5]


def test_combining_marks_do_not_shift_anything() -> None:
    text = "cafe\u0301 x"
    omap = OffsetMap(text)
    assert all(omap.to_qt(i) == i for i in range(len(text) + 1))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_offsets_select_the_same_text_in_a_qt_document(qapp, name: str) -> None:
    """Qt itself agrees: a cursor at to_qt(start)..to_qt(end) selects text[start:end]."""
    text = SAMPLES[name]
    document = QTextDocument()
    document.setPlainText(text)
    assert document.characterCount() - 1 == utf16_len(text)
    omap = OffsetMap(text)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 5) + 1):
            cursor = QTextCursor(document)
            cursor.setPosition(omap.to_qt(start))
            cursor.setPosition(omap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText().replace("\u2029", "\n") == text[start:end]


_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),  # anything but lone surrogates
    st.sampled_from(list("🙂🇺🇦👍🏽𝐀𝐁中文é\u0301\n ")),
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=60), data=st.data())
def test_round_trip_property(text: str, data: st.DataObject) -> None:
    omap = OffsetMap(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    qs, qe = omap.span_to_qt(start, end)
    assert qs == utf16_len(text[:start])
    assert qe == utf16_len(text[:end])
    assert omap.span_from_qt(qs, qe) == (start, end)
    # Any Qt position maps to a code point whose Qt position is at or just before it.
    position = data.draw(st.integers(0, utf16_len(text)))
    back = omap.from_qt(position)
    assert omap.to_qt(back) in (position, position - 1)
    assert back == brute_from_qt(text, position)


# --- the real window, the real mouse ------------------------------------------------------

PHRASE = "no region needs a new bloc"
TEXT = (
    "Flags 🇺🇦 🇪🇺 and thumbs 👍🏽 around the summit\n\n"
    "𝐀𝐁 maths, 中文新闻 (Chinese news), café and e\u0301 🙂🙂.\n"
    f"Then the spokesperson said that {PHRASE} in the Pacific, 🚀 said Lin.\n"
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "default.db"))


@pytest.fixture
def window(qtbot, tmp_path: Path):
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(tmp_path / "offsets.db", annotator="tester", seed=False, settings=settings)
    qtbot.addWidget(win)
    aid = win.store.add_article(TEXT, title="Emoji before the quote")
    win.corpus.reload()
    assert win.corpus.select(aid)
    assert win.article is not None and win.article["id"] == aid
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    yield win
    if win.tagging.popup is not None:
        win.tagging.popup.close()
    win.close()
    win.store.close()


def _point(win, offset: int) -> QPoint:
    """Viewport pixel of the gap before code point ``offset``.

    The Qt position is counted here by brute force, not with the OffsetMap under test,
    so a map that is wrong in both directions alike cannot hide its error.
    """
    cursor = QTextCursor(win.text.document())
    cursor.setPosition(brute_to_qt(win.text.text, offset))
    return win.text.cursorRect(cursor).center()


def _inside(win, offset: int) -> QPoint:
    """Viewport pixel in the middle of the character at ``offset``."""
    a, b = _point(win, offset), _point(win, offset + 1)
    return QPoint((a.x() + b.x()) // 2, a.y())


def _stored(win, label: str) -> list[dict]:
    return [s for s in win.store.spans(win.article["id"]) if s["label"] == label]


def test_text_has_astral_characters_before_the_phrase() -> None:
    start = TEXT.index(PHRASE)
    assert OffsetMap(TEXT).to_qt(start) - start == utf16_len(TEXT[:start]) - start >= 8


def test_mouse_drag_then_key_tags_exactly_the_phrase(window, qtbot) -> None:
    start = TEXT.index(PHRASE)
    end = start + len(PHRASE)
    viewport = window.text.viewport()
    p0, p1 = _point(window, start), _point(window, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=p0)
    qtbot.mouseMove(viewport, pos=QPoint((p0.x() + p1.x()) // 2, p0.y()))
    qtbot.mouseMove(viewport, pos=p1)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=p1)
    cursor = window.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (
        brute_to_qt(TEXT, start),
        brute_to_qt(TEXT, end),
    )
    assert window.text.selected_range() == (start, end)

    QTest.keyClick(window.text, Qt.Key.Key_2)  # "claim"

    spans = _stored(window, "claim")
    assert len(spans) == 1
    span = spans[0]
    stored_text = window.store.article_text(window.article["id"])
    assert stored_text == TEXT
    assert (span["start"], span["end"]) == (start, end)
    assert span["text"] == stored_text[span["start"] : span["end"]] == PHRASE
    # Tagging a claim asks who said it.
    assert window.tagging.popup is not None and window.tagging.popup.isVisible()
    # The painted highlight sits where Qt shows the phrase.
    qt_start = brute_to_qt(TEXT, start)
    block = window.text.document().findBlock(qt_start)
    formats = block.layout().formats()
    covering = [
        f
        for f in formats
        if f.start <= qt_start - block.position()
        and f.start + f.length >= qt_start - block.position() + len(PHRASE)
    ]
    assert covering, "the phrase is not painted"


def test_mouse_drag_backwards_selects_the_same(window, qtbot) -> None:
    start = TEXT.index(PHRASE)
    end = start + len(PHRASE)
    viewport = window.text.viewport()
    p0, p1 = _point(window, end), _point(window, start)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=p0)
    qtbot.mouseMove(viewport, pos=p1)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=p1)
    QTest.keyClick(window.text, Qt.Key.Key_3)  # "cue": no popup
    (span,) = _stored(window, "cue")
    assert span["text"] == TEXT[span["start"] : span["end"]] == PHRASE


def test_double_click_word_then_shift_click_extends(window, qtbot) -> None:
    start = TEXT.index(PHRASE)
    end = start + len(PHRASE)
    viewport = window.text.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=_inside(window, start))
    assert window.text.selected_range(snap_to_words=False) == (start, start + len("no"))
    assert window.text.textCursor().selectedText() == "no"

    # Shift+click inside the last word extends the selection word by word.
    qtbot.wait(qapp_double_click_interval() + 50)  # not a triple click
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        _inside(window, end - 2),
    )
    assert window.text.textCursor().selectedText() == PHRASE
    assert window.text.selected_range(snap_to_words=False) == (start, end)

    QTest.keyClick(window.text, Qt.Key.Key_4)  # "target": no popup
    (span,) = _stored(window, "target")
    assert (span["start"], span["end"]) == (start, end)
    assert span["text"] == window.store.article_text(window.article["id"])[start:end] == PHRASE


def test_double_click_a_word_right_after_emoji(window, qtbot) -> None:
    """The word right after 🇺🇦 🇪🇺 (the most shifted spot on the first line)."""
    start = TEXT.index("and thumbs")
    qtbot.mouseDClick(
        window.text.viewport(), Qt.MouseButton.LeftButton, pos=_inside(window, start + 1)
    )
    assert window.text.selected_range() == (start, start + 3)
    QTest.keyClick(window.text, Qt.Key.Key_3)
    (span,) = _stored(window, "cue")
    assert span["text"] == "and"


def test_drag_over_a_flag_keeps_it_whole(window, qtbot) -> None:
    start = TEXT.index("🇺🇦")
    end = TEXT.index(" and thumbs")
    viewport = window.text.viewport()
    p0, p1 = _point(window, start), _point(window, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=p0)
    qtbot.mouseMove(viewport, pos=p1)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=p1)
    assert window.text.selected_range(snap_to_words=False) == (start, end)
    QTest.keyClick(window.text, Qt.Key.Key_4)
    (span,) = _stored(window, "target")
    assert span["text"] == "🇺🇦 🇪🇺"


def test_click_on_a_highlight_after_emoji_selects_it(window, qtbot) -> None:
    start = TEXT.index(PHRASE)
    end = start + len(PHRASE)
    window.text.select_range(start, end)
    window.tagging.tag("cue")
    (span,) = _stored(window, "cue")
    window.text.mark_span(None, scroll=False)
    qtbot.mouseClick(
        window.text.viewport(), Qt.MouseButton.LeftButton, pos=_inside(window, start + 5)
    )
    assert window.text.current_span_id == span["id"]
    # ... and the character just before it is outside.
    window.text.mark_span(None, scroll=False)
    qtbot.wait(qapp_double_click_interval() + 50)
    qtbot.mouseClick(
        window.text.viewport(), Qt.MouseButton.LeftButton, pos=_inside(window, start - 2)
    )
    assert window.text.current_span_id is None


def qapp_double_click_interval() -> int:
    from PySide6.QtWidgets import QApplication

    return QApplication.doubleClickInterval()

"""A word in capitals or a headline's kicker before a colon ("UPDATE:", "CORRECTION:",
"Bombshell:") is no speaker; a name in capitals in a transcript still is."""

from __future__ import annotations

from suggest_claims import seen

from annotator.core.suggest import suggest_article


def test_a_notice_in_capitals_is_no_speaker():
    text = "UPDATE: The ferry office has moved its timetable to the harbour website.\n\nThe pier stays shut."
    assert suggest_article(text) == []
    text = (
        "Harbour vote\n\nThe pier stays shut for now.\n\n"
        "CORRECTION: The first copy of this report put the pier vote on the wrong day."
    )
    assert suggest_article(text) == []


def test_a_headline_kicker_is_no_speaker():
    text = "Bombshell: Harbour Trust Hid The Real Cost Of The New Pier\n\nThe pier stays shut."
    assert suggest_article(text) == []


def test_a_name_before_a_colon_still_speaks():
    text = (
        "Harbour vote\n\nThe pier stays shut.\n\n"
        "VARGA: Well, the crews have waited long enough for an answer on the pier."
    )
    assert [seen(c) for c in suggest_article(text)] == [
        ("Well, the crews have waited long enough for an answer on the pier", ":", "VARGA")
    ]
    text = "Varga: The Crews Have Waited Long Enough For The Pier\n\nThe pier stays shut."
    assert [seen(c) for c in suggest_article(text)] == [
        ("The Crews Have Waited Long Enough For The Pier", ":", "Varga")
    ]

"""A frame's object that opens with a span of time ("for weeks", "for months") tells
how long, not what the frame is about: the claim begins at the "that" after it, or
after an "about"; with neither, there is no claim."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "The harbour master has made a strong case for weeks that the old pier "
            "is no longer safe for the ferry crews.",
            "that the old pier is no longer safe for the ferry crews",
            "case for",
        ),
        (
            "Ana Roe had been talking with aides from the Tom Park campaign for months "
            "about a new timetable for the island ferries.",
            "a new timetable for the island ferries",
            "campaign for",
        ),
    ],
)
def test_the_claim_begins_after_the_span_of_time(sentence: str, content: str, cue: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert (content, cue) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Dan Whit, a volunteer in the Lee campaign for months, came to the "
        "harbour meeting without any notes.",
        "Ana Roe has reshaped her ferry campaign for the third time this spring.",
    ],
)
def test_no_claim_is_only_a_span_of_time(sentence: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    starts = ("months", "the third time")
    assert not any(content.startswith(starts) for content, _ in found), found

"""A participle after a noun ("a super PAC backing ...", "one pastor supporting ...")
backs what follows it up to a comma: the words after the comma name the noun the
participle modifies, not whom it backs; a list of names after it stays whole."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "Last spring the main super PAC backing Ana Roe, Harbour Forward, spent "
            "heavily on radio ads.",
            "Ana Roe",
            "backing",
        ),
        (
            "One pastor supporting Mr. Lee, Dan Whit of the Bay Chapel, spoke first.",
            "Mr. Lee",
            "supporting",
        ),
    ],
)
def test_backing_ends_before_the_name_of_the_backer(sentence: str, content: str, cue: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert (content, cue) in found, found


def test_a_list_of_names_after_the_participle_stays_whole() -> None:
    found = [
        seen(c)[:2]
        for c in claims_of("Outside groups supporting Ana Roe, Ed Lee and Tom Park spent little.")
    ]
    assert ("Ana Roe, Ed Lee and Tom Park", "supporting") in found, found

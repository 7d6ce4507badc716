"""A claim that opens with "against" right after its cue gives the word to the cue:
what the stance is against is the claim ("warned against the tolls": the tolls). A
past form of a stance verb followed at once by "against" has no object after it
("the one Ana Roe filed against Ed Lee"): its object came before it, so no claim."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "Ana Roe warned against the “wild hopes” of a second pier, but had a darker "
            "view of the fares.",
            "the “wild hopes” of a second pier, but had a darker view of the fares",
            "warned against",
        ),
        (
            "At the pier on Sunday, Ed Lee aimed his blunt attack against the harbour board, "
            "calling it lazy.",
            "the harbour board",
            "attack against",
        ),
        (
            'While the mayor has cautioned against "a waste of our money" in the way the '
            "town builds piers, she has also ordered a review.",
            '"a waste of our money" in the way the town builds piers',
            "cautioned against",
        ),
        (
            "Ana Roe warned against the new ferry tolls on Monday.",
            "the new ferry tolls",
            "warned against",
        ),
    ],
)
def test_against_goes_with_the_cue(sentence: str, content: str, cue: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert (content, cue) in found, found


def test_a_filing_against_someone_after_its_object_is_no_claim() -> None:
    sentence = "The ruling, like the one Ana Roe filed against Ed Lee last winter, was kept quiet."
    found = [seen(c) for c in claims_of(sentence)]
    assert not any(cue and cue.startswith("filed") for _, cue, _ in found), found


def test_a_filing_with_its_object_after_it_stays_a_claim() -> None:
    found = [seen(c)[:2] for c in claims_of("Ana Roe filed a lawsuit against the ferry company.")]
    assert any(cue and cue.startswith("filed") for _, cue in found), found

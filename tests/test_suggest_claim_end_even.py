"""A claim does not end with the word "even" that opens the writer's own clause after
it ("even as ...", "even though ..."): the claim ends at the word before it."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "And he expressed sympathy for the crews even as he hinted at their faults.",
            "sympathy for the crews",
            "expressed",
        ),
        (
            "The harbour board openly called for the sale of the pier, even though it was "
            "plain that the buyers would leave.",
            "the sale of the pier",
            "called for",
        ),
        (
            "Tom Park considers himself a local even though he moved here in May.",
            "himself a local",
            "considers",
        ),
    ],
)
def test_the_claim_ends_before_even(sentence: str, content: str, cue: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert (content, cue) in found, found

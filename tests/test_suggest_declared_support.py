"""A verb before "<possessor> support for ..." that declares the support is the cue,
and the claim is the whole phrase from the possessor on ("announcing his support for
Ana Roe"); after a preposition the noun stays the cue ("because of his support for ...")."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "A week after stating his support for Ana Roe, the skipper left the harbour board.",
            "his support for Ana Roe",
            "stating",
        ),
        (
            "Several of the ferry pilots showed openly their support for Tom Park.",
            "their support for Tom Park",
            "showed openly",
        ),
        (
            "At the dock on Friday the mayor reiterated her support for the new levy.",
            "her support for the new levy",
            "reiterated",
        ),
    ],
)
def test_the_declaring_verb_is_the_cue(sentence: str, content: str, cue: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert (content, cue) in found, found


def test_after_a_preposition_the_noun_stays_the_cue() -> None:
    sentence = "The pilots lost faith in Ed Lee because of his support for the new tolls."
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert not any(content.startswith("his support") for content, _ in found), found

"""A view held of the subject in the passive ("is seen as", "was widely viewed as"): what a
user sees is the claim's text (its parts joined by " … "), its cue and the speaker's mention."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the "as" belongs to the cue; the view starts after it
        (
            "The quarry road was widely viewed as a danger to the school buses.",
            ("The quarry road … a danger to the school buses", "was widely viewed as", None),
        ),
        (
            "The old lighthouse keeper is regarded as a careful judge of the weather.",
            (
                "The old lighthouse keeper … a careful judge of the weather",
                "is regarded as",
                None,
            ),
        ),
        # a view that is a gerund
        (
            "The toll rise is seen as punishing the island commuters.",
            ("The toll rise … punishing the island commuters", "is seen as", None),
        ),
        # with a "by" phrase the "as" stays with the view: the cue ends at the participle
        (
            "The new pier was seen by most anglers as a waste of money.",
            ("The new pier … as a waste of money", "was seen", "most anglers"),
        ),
    ],
)
def test_a_passive_view_takes_as_into_its_cue(sentence: str, expected: tuple) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a relative clause between the subject and the view: the subject alone
        (
            "The guild, which backed the ferry plan in May, is widely regarded as a cautious one.",
            ("The guild … a cautious one", "is widely regarded as", None),
        ),
        (
            "The harbour master, who came from the north, is seen as a fair judge.",
            ("The harbour master … a fair judge", "is seen as", None),
        ),
    ],
)
def test_a_passive_view_finds_its_subject_across_commas(sentence: str, expected: tuple) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]

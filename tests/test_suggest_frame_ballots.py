"""A ballot, a vote or doubt that is cast joins the cue with its preposition; who or
what it was cast for is the claim, even a lone "him" or "her"."""

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Most riders cast a ballot against the new ferry fares.",
            ("the new ferry fares", "cast a ballot against", "Most riders"),
        ),
        (
            "The inspectors cast doubt on the harbour board's figures.",
            ("the harbour board's figures", "cast doubt on", "The inspectors"),
        ),
        (
            "The guild cast a vote for her.",
            ("her", "cast a vote for", "The guild"),
        ),
        (
            "Most of the guild voted for him.",
            ("him", "voted for", "Most of the guild"),
        ),
    ],
)
def test_what_was_cast_for_is_the_claim(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_ballots_cast_for_no_one_named_are_no_claim():
    assert claims_of("Riders cast their ballots on a rainy Tuesday.") == []

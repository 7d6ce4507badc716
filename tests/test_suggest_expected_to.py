""" "X is expected to V": what is expected stops before an aside after it, and the
subject keeps a number written with a comma."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def contents(sentence: str) -> list[tuple[str, str | None]]:
    """The claim text and cue of each claim made of ``sentence``."""
    return [seen(c)[:2] for c in claims_of(sentence)]


def test_what_is_expected_ends_before_a_spaced_dash() -> None:
    found = contents(
        "The bakery is expected to close its river branch this month -- the second closure in a year."
    )
    assert ("The bakery … to close its river branch this month", "is expected") in found


def test_what_is_expected_ends_before_a_comma_and_an_adverb() -> None:
    found = contents(
        "The tram board is expected to delay the vote again, partly because the survey is late."
    )
    assert ("The tram board … to delay the vote again", "is expected") in found


def test_a_number_with_a_comma_stays_in_the_subject() -> None:
    found = contents("Nearly 40,000 runners are expected to join the harbour marathon on Sunday.")
    assert (
        "Nearly 40,000 runners … to join the harbour marathon on Sunday",
        "are expected",
    ) in found

"""Quotation marks and sentence ends as a reader sees them: titles before a hyphen,
initials in names, two apostrophes standing for a double mark."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_title_after_a_hyphen_does_not_end_the_sentence() -> None:
    (claim,) = claims_of(
        "The harbour master said that then-Sen. Ruth Okafor had promised the town a new pier."
    )
    assert seen(claim) == (
        "then-Sen. Ruth Okafor had promised the town a new pier",
        "said",
        "The harbour master",
    )


def test_a_middle_initial_after_a_lowercase_word_does_not_end_the_sentence() -> None:
    (claim,) = claims_of(
        "The clerk said that the judge, M. Carla Diaz, would hear the ferry case in May."
    )
    assert seen(claim) == (
        "the judge, M. Carla Diaz, would hear the ferry case in May",
        "said",
        "The clerk",
    )

"""A clause attributed after it with "according to": a connector opening the sentence
("But", "However,", "In fact,") links it to the sentence before and stays out."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_connector_before_a_clause_ending_in_according_to_stays_out() -> None:
    (claim,) = claims_of(
        "In fact, the ferry carried twice as many cars in May, according to the harbour master."
    )
    assert seen(claim) == (
        "the ferry carried twice as many cars in May",
        "according to",
        "the harbour master",
    )


def test_but_before_a_clause_ending_in_according_to_stays_out() -> None:
    (claim,) = claims_of(
        "But the new pier will cost far more than planned, according to Ms. Okafor."
    )
    assert seen(claim)[0] == "the new pier will cost far more than planned"


def test_an_opening_that_is_part_of_the_clause_stays() -> None:
    (claim,) = claims_of(
        "In May, the ferry carried twice as many cars, according to the harbour master."
    )
    assert seen(claim)[0] == "In May, the ferry carried twice as many cars"

"""Quotes of one speaker split by the attribution, and the sentence after them: which
quotes make one claim and which start a claim of their own."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_an_attribution_ending_in_a_colon_belongs_to_the_quote_after_it() -> None:
    claims = claims_of(
        '"The nets were ours," the old skipper said. "Nobody paid us for them." '
        'Ms. Berg said: "The harbour board owes every family an apology."'
    )
    assert [seen(c) for c in claims] == [
        ("The nets were ours, … Nobody paid us for them.", "said", "the old skipper"),
        ("The harbour board owes every family an apology.", "said", "Berg"),
    ]


def test_a_title_ending_the_attribution_does_not_stop_the_next_quote_going_on() -> None:
    claims = claims_of(
        '"Ask me again in spring," replied Mr. Berg, who now hosts the radio show "Low '
        'Tide." "By then the ferry budget will be settled."'
    )
    assert [seen(c) for c in claims] == [
        ("Ask me again in spring, … By then the ferry budget will be settled.", "replied", "Berg")
    ]


def test_a_quoted_term_in_the_attribution_does_not_stop_the_next_quote_going_on() -> None:
    claims = claims_of(
        "''Will the pier reopen this year?'' asked Ms. Lund, pointing at the dock that "
        "fishermen now call the ''graveyard'' of the bay. ''I doubt it very much.''"
    )
    assert seen(claims[0]) == (
        "Will the pier reopen this year? … I doubt it very much.",
        "asked",
        "Lund",
    )

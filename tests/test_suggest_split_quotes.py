"""Quotes of one speaker split by the attribution, and the sentence after them: which
quotes make one claim and which start a claim of their own."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_an_attribution_ending_in_a_colon_belongs_to_the_quote_after_it() -> None:
    claims = claims_of(
        '"We are sailors," Ms. Lund said. "We are not smugglers." Mr. Berg said: '
        '"The fire on the pier is arson. We fled worse at home."'
    )
    assert [seen(c) for c in claims] == [
        ("We are sailors, … We are not smugglers.", "said", "Lund"),
        ("The fire on the pier is arson. We fled worse at home.", "said", "Berg"),
    ]


def test_a_title_ending_the_attribution_does_not_stop_the_next_quote_going_on() -> None:
    claims = claims_of(
        '"It is too early to tell," said Mr. Berg, who also hosts the radio show "Sea Talk." '
        '"It depends on the vote."'
    )
    assert [seen(c) for c in claims] == [
        ("It is too early to tell, … It depends on the vote.", "said", "Berg")
    ]


def test_a_quoted_term_in_the_attribution_does_not_stop_the_next_quote_going_on() -> None:
    claims = claims_of(
        "''Is the council against the ferry?'' asked Ms. Lund, referring to the mayor's long "
        "fight with what he calls the ''crooked'' harbour board. ''The answer is it is not.''"
    )
    assert seen(claims[0]) == (
        "Is the council against the ferry? … The answer is it is not.",
        "asked",
        "Lund",
    )

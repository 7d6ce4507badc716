"""Words after a quote that opens its sentence right after the cue: the rest of the
quoted clause goes on with the claim, the reporter's comment after a quoted sentence
ending in a comma does not."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_comment_after_a_quoted_sentence_ending_in_a_comma_is_left_out() -> None:
    claims = claims_of(
        'The skipper vowed, "We will keep the night ferry running," referring to the council vote.'
    )
    assert [seen(c)[:2] for c in claims] == [("We will keep the night ferry running,", "vowed")]


def test_a_contrast_the_reporter_adds_after_the_quote_is_left_out() -> None:
    claims = claims_of(
        'Ms. Okafor said, "The fees were set by the old council," but in fact she chaired it then.'
    )
    assert seen(claims[0]) == ("The fees were set by the old council,", "said", "Okafor")


def test_the_rest_of_a_quoted_clause_goes_on_with_the_claim() -> None:
    (claim,) = claims_of('The keeper said "the pier is safe" despite the storm damage.')
    assert seen(claim)[0] == '"the pier is safe" despite the storm damage'

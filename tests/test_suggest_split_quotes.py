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

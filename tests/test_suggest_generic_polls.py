"""A sentence that ends "in the polls" or "in polling" names no poll: no claim; a
named poll at the end ("in the latest harbour poll") is still the source."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_the_polls_in_general_are_no_source():
    text = "The mayor has lost the ferry crews and now trails far behind in the polls."
    assert claims_of(text) == []
    assert claims_of("The new ferry plan has gained ground with older voters in polling.") == []


def test_a_named_poll_at_the_end_is_the_source():
    got = [
        seen(c) for c in claims_of("Ana Roe was at 31 percent support in the latest harbour poll.")
    ]
    assert got == [("Ana Roe was at 31 percent support", "in", "the latest harbour poll")]

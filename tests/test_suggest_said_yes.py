"""A one-word answer after a verb of saying ("said yes", "said no") is a claim of its
own; "said no one ..." is a reported clause as before."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_said_no_is_a_claim_of_its_own() -> None:
    claims = claims_of(
        "Asked whether the pier could be saved, the skipper said no. Later he added the dock was sound."
    )
    found = [seen(c) for c in claims]
    assert ("no", "said", "the skipper") in found
    assert ("the dock was sound", "added", "he") in found


def test_said_yes_before_a_comparison_is_the_answer_alone() -> None:
    claims = claims_of("In the harbour poll, most riders said yes, up from last summer.")
    assert [seen(c)[:2] for c in claims] == [("yes", "said")]


def test_no_opening_a_clause_is_not_an_answer() -> None:
    (claim,) = claims_of("The mayor said no one would pay the new fee.")
    assert seen(claim)[:2] == ("no one would pay the new fee", "said")

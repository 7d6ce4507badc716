"""The writer's comment after a lone dash ends a reported clause, as PolNeAR marks it;
an aside between two dashes stays inside the clause."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_comment_after_a_dash_is_left_out_of_the_reported_clause() -> None:
    claims = claims_of(
        "The mayor said the harbour fee would double next spring - a step the council "
        "had long feared."
    )
    assert [seen(c) for c in claims] == [
        ("the harbour fee would double next spring", "said", "The mayor")
    ]


def test_a_sentence_of_the_writer_after_a_dash_is_left_out() -> None:
    (claim,) = claims_of(
        "Ms. Okafor said her daughter had kept the boatyard open all winter — she now "
        "runs it alone."
    )
    assert seen(claim)[0] == "her daughter had kept the boatyard open all winter"


def test_an_aside_between_two_dashes_stays_in_the_clause() -> None:
    (claim,) = claims_of("The keeper said the old pier - a wooden one - would close in May.")
    assert seen(claim)[0] == "the old pier - a wooden one - would close in May"


def test_a_dash_before_words_that_go_on_with_the_clause_stays() -> None:
    (claim,) = claims_of("The keeper said the ferry would run again - only later than planned.")
    assert seen(claim)[0] == "the ferry would run again - only later than planned"

"""Quotes listed in one sentence ("A," "B" and "C") make one claim, as PolNeAR marks
them: its content runs from the first quoted item to the last."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_two_quotes_joined_by_and_after_a_participle_cue_are_one_claim() -> None:
    claims = claims_of(
        'The harbour master answered on the radio, calling the plan "rushed" and "unfair."'
    )
    assert [seen(c)[:2] for c in claims] == [('the plan "rushed" and "unfair."', "calling")]


def test_a_list_of_quoted_chants_is_one_claim() -> None:
    claims = claims_of(
        'The skippers chanted back at the mayor, "Fix the pier," "Lower the fees" and '
        '"Keep the night ferry."'
    )
    assert [seen(c)[:2] for c in claims] == [
        ('Fix the pier," "Lower the fees" and "Keep the night ferry.', "chanted")
    ]


def test_a_sentence_of_two_quoted_phrases_attributed_after_them_is_one_claim() -> None:
    claims = claims_of(
        'The fees are "far too high" and "hurt every family," Ms. Okafor told the council.'
    )
    assert [seen(c) for c in claims] == [
        ('The fees are "far too high" and "hurt every family,"', "told", "Okafor")
    ]


def test_two_quotes_with_their_own_attributions_stay_two_claims() -> None:
    claims = claims_of(
        '"The pier is safe," the keeper said, and "the ferry will run," the mayor added.'
    )
    assert [seen(c)[0] for c in claims] == ["The pier is safe,", "the ferry will run,"]

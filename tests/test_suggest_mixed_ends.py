"""A paraphrase with a quoted fragment after its cue: the words after the quote go on
with the claim up to the comma where the sentence's next attribution begins."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_the_words_after_the_quote_run_to_the_comma_before_a_later_attribution() -> None:
    claims = claims_of(
        'Even as Mr. Lee said he is "tied for first place" with Ms. Okafor, his staff '
        "warned that the count was not over."
    )
    assert [seen(c) for c in claims] == [
        ('he is "tied for first place" with Ms. Okafor', "said", "Lee"),
        ("the count was not over", "warned", "his staff"),
    ]


def test_words_joined_by_and_after_the_quote_stay_out() -> None:
    claims = claims_of(
        'Even as Mr. Lee said he is "tied for first place" and will win, his staff '
        "warned that the count was not over."
    )
    assert seen(claims[0])[0] == 'he is "tied for first place"'


def test_a_second_quote_after_and_that_and_a_comma_goes_on_with_the_claim() -> None:
    (claim,) = claims_of(
        'Ms. Okafor said the ferry "will run all winter" and that, in her view, '
        '"the fees must fall."'
    )
    assert seen(claim) == (
        'the ferry "will run all winter" and that, in her view, "the fees must fall."',
        "said",
        "Okafor",
    )


def test_a_quoted_fragment_in_a_clause_opened_by_when_ends_at_the_main_clause() -> None:
    claims = claims_of(
        'When Ms. Okafor said she was "not quite there yet" on the pier plan, the crowd '
        "cheered loudly."
    )
    assert [seen(c) for c in claims] == [
        ('she was "not quite there yet" on the pier plan', "said", "Okafor")
    ]

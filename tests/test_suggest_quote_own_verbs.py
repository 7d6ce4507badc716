"""A quoted fragment attributed after it whose sentence opens with a verb of its own
("called the plan", "Citing", "Asked whether"): the claim is what that verb takes,
not the words before it."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_what_is_named_after_called_is_the_claim() -> None:
    claims = claims_of('The mayor called the new harbour fee "a tax on every family," Lee said.')
    assert seen(claims[0])[0] == 'the new harbour fee "a tax on every family,"'


def test_a_phone_call_is_no_naming() -> None:
    claims = claims_of(
        'During their phone call, the two mayors "agreed to share the ferry," Ms. Okafor said.'
    )
    assert seen(claims[0])[0] == (
        'During their phone call, the two mayors "agreed to share the ferry,"'
    )


def test_a_participle_right_before_the_quote_is_left_out() -> None:
    claims = claims_of('Citing "family reasons," Ms. Okafor said she would leave the board.')
    assert seen(claims[0])[:2] == ("family reasons,", "said")


def test_the_question_after_asked_is_the_claim() -> None:
    claims = claims_of(
        "The poll came out on Monday. Asked whether the harbour board "
        '"has done enough for the town," 40 percent of skippers said yes.'
    )
    assert seen(claims[0])[0] == 'whether the harbour board "has done enough for the town,"'


def test_what_is_named_goes_on_past_the_quote_to_the_sentence_end() -> None:
    claims = claims_of(
        'The mayor is reported to have called the skippers "free riders" who live off the harbour.'
    )
    assert [seen(c) for c in claims] == [
        ('the skippers "free riders" who live off the harbour', "called", "The mayor")
    ]

"""Reported clauses after an aside: a participle after a dash speaks for the sentence's
subject, and a clause opening with a comma right after "that" starts at its first word."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_participle_after_a_dash_reports_the_subjects_words() -> None:
    (claim,) = claims_of(
        "Ms. Lund changed her mind on the spot – saying she was rooting for the night ferry now."
    )
    assert seen(claim) == ("she was rooting for the night ferry now", "saying", "Lund")


def test_a_clause_after_that_and_a_comma_starts_at_its_first_word() -> None:
    (claim,) = claims_of("Ms. Ruiz told the board that, if the storm passes, the ferry will sail.")
    assert seen(claim) == ("if the storm passes, the ferry will sail", "told", "Ruiz")


def test_a_participle_after_before_takes_a_clause_opened_by_a_pronoun() -> None:
    claims = claims_of(
        '"The fees are too high," Ms. Lund told the crowd, before insisting she had a '
        '"great relationship" with the skippers.'
    )
    assert ('she had a "great relationship" with the skippers', "insisting", "Lund") in [
        seen(c) for c in claims
    ]


def test_a_second_participle_takes_a_clause_opened_by_a_pronoun() -> None:
    claims = claims_of(
        'The mayor has said he would close the pier, vowing to "open up" the harbour rules, '
        "and suggesting he would make every skipper sign a pledge."
    )
    assert ("he would make every skipper sign a pledge", "suggesting", "The mayor") in [
        seen(c) for c in claims
    ]


def test_an_aside_between_commas_after_the_cue_stays_in_the_clause() -> None:
    (claim,) = claims_of("Ms. Lund says, win or lose in the vote, she is staying in the race.")
    assert seen(claim) == (
        "win or lose in the vote, she is staying in the race",
        "says",
        "Lund",
    )

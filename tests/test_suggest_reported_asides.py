"""Reported clauses after an aside: a participle after a dash speaks for the sentence's
subject, a clause opening with a comma right after "that" starts at its first word, and
a few participles take a clause without "that" when a subject pronoun opens it."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_participle_after_a_dash_reports_the_subjects_words() -> None:
    (claim,) = claims_of(
        "Ms. Lund left the hall early – saying she had heard enough about the ferry fees."
    )
    assert seen(claim) == ("she had heard enough about the ferry fees", "saying", "Lund")


def test_a_clause_after_that_and_a_comma_starts_at_its_first_word() -> None:
    (claim,) = claims_of("Ms. Ruiz told the board that, if the storm passes, the ferry will sail.")
    assert seen(claim) == ("if the storm passes, the ferry will sail", "told", "Ruiz")


def test_a_participle_after_before_takes_a_clause_opened_by_a_pronoun() -> None:
    claims = claims_of(
        '"The fees are too high," Ms. Lund told the harbour board, before arguing she had '
        "kept every promise to the islanders."
    )
    assert ("she had kept every promise to the islanders", "arguing", "Lund") in [
        seen(c) for c in claims
    ]


def test_a_second_participle_takes_a_clause_opened_by_a_pronoun() -> None:
    claims = claims_of(
        'The mayor has said he would close the pier, vowing to "clean up" the harbour, '
        "and suggesting he would ask every skipper to pay for repairs."
    )
    assert ("he would ask every skipper to pay for repairs", "suggesting", "The mayor") in [
        seen(c) for c in claims
    ]


def test_an_aside_between_commas_after_the_cue_stays_in_the_clause() -> None:
    (claim,) = claims_of("Ms. Lund says, rain or shine, she will sail to the islands on Monday.")
    assert seen(claim) == ("rain or shine, she will sail to the islands on Monday", "says", "Lund")

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

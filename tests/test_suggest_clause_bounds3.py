"""Words the clause rules read as a cue only when they are a verb: "called" naming a
thing just introduced ("a campaign called Save the Pier") and "support" after a
percentage ("25 percent support among skippers") claim nothing."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def _cues(sentence: str) -> list[str | None]:
    return [seen(c)[1] for c in claims_of(sentence)]


def test_called_after_a_thing_just_introduced_is_its_name() -> None:
    assert "called" not in _cues("Two skippers lead a campaign called Save the Pier.")


def test_a_person_in_a_role_still_calls_something_a_name() -> None:
    claims = claims_of("A spokesman called the plan reckless.")
    assert seen(claims[0]) == ("the plan reckless", "called", "A spokesman")


def test_support_after_a_percentage_and_a_preposition_is_a_share() -> None:
    assert "support" not in _cues("Park was at 25 percent support among skippers, up eight points.")
    assert "support" not in _cues("The toll has 41 percent support in the harbour towns.")


def test_a_percentage_of_people_who_support_something_is_still_claimed() -> None:
    claims = claims_of("Sixty percent support the new toll.")
    assert seen(claims[0])[:2] == ("the new toll", "support")

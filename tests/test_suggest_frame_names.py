""" "Called" after a thing just introduced names it ("a consulting firm called
Brightline Partners"): the frame rules claim nothing there, as the clause rules do not;
a person who calls something a name still makes a claim."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def _cues(sentence: str) -> list[str | None]:
    return [seen(c)[1] for c in claims_of(sentence)]


def test_a_firm_called_by_its_name_is_no_claim() -> None:
    sentence = "She hired a consulting firm called Brightline Partners to run the count."
    assert "called" not in _cues(sentence)


def test_one_group_called_by_its_name_is_no_claim() -> None:
    assert "called" not in _cues("One group called Harbour Watch sued the council.")


def test_a_thing_named_after_a_few_words_is_no_claim() -> None:
    assert "called" not in _cues("The mayor founded a new fund for tenants called Roof First.")
    assert "called" not in _cues("Residents formed one PAC called Keep It Local.")


def test_a_spokesman_who_called_the_plan_reckless_still_claims_it() -> None:
    claims = claims_of("A spokesman called the plan reckless.")
    assert [seen(c) for c in claims] == [("the plan reckless", "called", "A spokesman")]


def test_a_named_speaker_who_called_the_plan_reckless_still_claims_it() -> None:
    claims = claims_of("Lee called the plan reckless.")
    assert [seen(c) for c in claims] == [("the plan reckless", "called", "Lee")]


def test_called_joined_to_an_earlier_verb_is_the_subjects_act() -> None:
    claims = claims_of("Lee hugged a young fan and called her a hero.")
    assert ("her a hero", "called", "Lee") in [seen(c) for c in claims]

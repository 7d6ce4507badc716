"""A stance noun followed by "on" and a day ("her criticism on Friday") tells when,
not what the stance is about: no claim."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_day_after_a_stance_noun_is_no_claim():
    assert claims_of("Ana Roe sharpened her criticism on Friday at a rally by the pier.") == []


def test_a_stance_noun_with_its_object_still_makes_a_claim():
    got = [
        seen(c)
        for c in claims_of("Ana Roe repeated her criticism of the toll at a rally by the pier.")
    ]
    assert got == [("her criticism of the toll", "repeated", "Ana Roe")]

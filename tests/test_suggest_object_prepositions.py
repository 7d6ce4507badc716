"""An object verb's words that open with "in", "at" or "on" tell where or when, not
what was said or wanted; "at least" and a clause after the preposition still make a
claim."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_place_or_time_after_an_object_verb_is_no_claim():
    assert (
        claims_of("Support for the ferry levy has declined in almost every ward since spring.")
        == []
    )
    assert claims_of("The crews' union sought in the new contract a shorter week.") == []


def test_at_least_opens_an_object():
    got = [
        seen(c)
        for c in claims_of("The harbour trust reported at least twelve leaks in the old pier.")
    ]
    assert got == [("at least twelve leaks in the old pier", "reported", "The harbour trust")]

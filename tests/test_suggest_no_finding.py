""" "find" and "show" report no finding before a reflexive and a participle ("found
himself stranded"), "found" after "help" (founding a thing), and "show" after a
possessive (the noun); "the audit found that ..." still is a claim."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_finding_oneself_founding_and_a_show_are_no_claims():
    text = "By midnight the ferry captain found himself stranded on the wrong side of the bay."
    assert claims_of(text) == []
    assert claims_of("Ana Roe, who helped found the harbour trust, will stand for mayor.") == []
    assert claims_of("The mayor's show had lost half its listeners by spring.") == []


def test_an_audit_that_found_is_a_claim():
    got = [
        seen(c)
        for c in claims_of("The harbour audit found that the pier had been neglected for years.")
    ]
    assert got == [("the pier had been neglected for years", "found", "The harbour audit")]

"""'maintain' reports a clause after "that" or a subject pronoun; before a noun phrase
it keeps something ("maintains a comfortable lead"), which is no claim."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_maintaining_a_lead_is_no_claim():
    assert (
        claims_of("Ana Roe maintains a comfortable lead among dock workers in the east ward.") == []
    )


def test_maintaining_that_or_a_pronoun_clause_is_a_claim():
    got = [seen(c) for c in claims_of("Ana Roe maintained that the toll was illegal.")]
    assert got == [("the toll was illegal", "maintained", "Ana Roe")]
    got = [seen(c) for c in claims_of("Ana Roe maintained she had never seen the contract.")]
    assert got == [("she had never seen the contract", "maintained", "Ana Roe")]

"""'spoke', 'speak' and 'talked': a claim is what was spoken about, never the time,
place or language of the speaking."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_when_and_where_someone_spoke_is_no_claim():
    assert claims_of("Mayor Ana Lee spoke Tuesday night at the harbour hall before the vote.") == []
    assert claims_of("Mayor Ana Lee spoke Portuguese with the visiting fishermen.") == []


def test_what_was_spoken_about_is_the_claim_after_words_before_about():
    got = [
        seen(c)
        for c in claims_of("Mayor Ana Lee talked openly on the radio about the ferry fares.")
    ]
    assert got == [("the ferry fares", "talked openly on the radio about", "Ana Lee")]
    got = [seen(c) for c in claims_of("Mayor Ana Lee talked more about the pier.")]
    assert got == [("the pier", "talked more about", "Ana Lee")]


def test_about_before_a_number_is_no_topic():
    assert claims_of("Mayor Ana Lee spoke for about 20 minutes and left.") == []


def test_spoke_about_and_spoke_as_if_stay_claims():
    got = [seen(c) for c in claims_of("Mayor Ana Lee spoke about the new toll on the bridge.")]
    assert got == [("the new toll on the bridge", "spoke about", "Ana Lee")]
    got = [seen(c) for c in claims_of("Mayor Ana Lee spoke as if the toll had already passed.")]
    assert got == [("as if the toll had already passed", "spoke", "Ana Lee")]

""" "state(s)" after a number, a possessive or a word that counts or places states
("Southern states that ...", "the fifth state that ...") is the noun, no cue; "The
charter states that ..." still is one."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_states_counted_or_placed_are_the_noun():
    assert claims_of("Southern states that hold contests in March have large ferry fleets.") == []
    text = "Most coastal towns vote in March, and the fifth state that Ana Roe is suing is Maine."
    assert claims_of(text) == []


def test_a_document_that_states_is_a_cue():
    got = [
        seen(c) for c in claims_of("The harbour charter states that the pier belongs to the town.")
    ]
    assert got == [("the pier belongs to the town", "states", "The harbour charter")]

"""A relative "who's" ("who has", "who is") is the source as "who" and names the one
before it, like "who" does; it is never a speaker named "who's"."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_who_s_before_a_reported_verb():
    c = claim_with(
        HEAD + "Ana Ruiz, who’s long argued that the fares are too high, left the meeting.",
        "the fares are too high",
    )
    assert mention_and_speaker(c) == ("who", "Ana Ruiz")


def test_who_s_before_a_participle():
    c = claim_with(
        HEAD + "The fares are too high, said Tom Reyes, who's been aggressively pushing "
        "for lower fares.",
        "lower fares",
    )
    assert mention_and_speaker(c) == ("who", "Tom Reyes")

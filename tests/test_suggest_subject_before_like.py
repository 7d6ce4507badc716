"""A name after "like" or "unlike" is compared with the subject, not the subject: "Ruiz
runs the port, and like Reyes has argued ..." is Ruiz's claim."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_the_subject_before_a_comparison_speaks():
    c = claim_with(
        HEAD + "Ana Ruiz represents the port, and like Tom Reyes has argued that the fares "
        "are too high.",
        "the fares are too high",
    )
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_a_comparison_between_commas_still_leaves_the_subject():
    c = claim_with(
        HEAD + "Ana Ruiz, like Tom Reyes, has argued that the fares are too high.",
        "the fares are too high",
    )
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")

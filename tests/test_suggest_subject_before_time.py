"""A phrase of time between a subject and its verb ("Ruiz a month later announced",
"Reyes, the chairman, this past week said") is not the subject."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_a_time_after_the_name():
    c = claim_with(
        HEAD + "When Ana Ruiz a month later announced that the ferry would close, the "
        "skippers walked out.",
        "the ferry would close",
    )
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_a_time_after_an_apposition():
    c = claim_with(
        HEAD + "Tom Reyes, the harbour chairman, this past week announced that the ferry "
        "would close.",
        "the ferry would close",
    )
    assert mention_and_speaker(c)[1] == "Tom Reyes"


def test_the_times_is_no_time():
    c = claim_with(
        HEAD + "The Harbour Times reported that the ferry would close.", "the ferry would close"
    )
    assert mention_and_speaker(c) == ("The Harbour Times", "Harbour Times")

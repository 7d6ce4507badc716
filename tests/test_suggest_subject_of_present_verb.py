"""A present-tense cue that no rule gave a subject takes the name or phrase right
before it ("Harbour News reports that ..."), but not in a headline's title case."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

from annotator.core.suggest import suggest_article

HEAD = "Harbour town votes on the ferry\n\n"


def test_a_publication_before_reports():
    c = claim_with(
        HEAD + "Harbour News reports that the ferry will close in May.",
        "the ferry will close in May",
    )
    assert mention_and_speaker(c) == ("Harbour News", "Harbour News")


def test_no_subject_is_read_from_a_headline():
    claims = suggest_article(
        "Vale’s Ana Ruiz Backs Reyes And Denounces Lee.\n\nVALE, May 3 (Harbour Wire) - The "
        "vote is on Monday."
    )
    assert all(c.speaker is None or "Backs" not in c.speaker.name for c in claims)

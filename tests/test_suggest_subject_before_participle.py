"""A participle right after the subject and its comma ("Mr. Reyes, recalling ...",
"The Harbour Times, citing ...") is that subject's."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_a_name_and_a_comma_before_the_participle():
    c = claim_with(
        HEAD + "Mr. Reyes, recalling long talks with Mrs. Ruiz, described the ferry as the "
        "heart of the town.",
        "long talks with Mrs. Ruiz",
    )
    assert mention_and_speaker(c) == ("Reyes", "Reyes")


def test_a_publication_and_a_comma_before_the_participle():
    c = claim_with(
        HEAD + "The Harbour Times, citing internal documents, reported that the ferry will "
        "close in May.",
        "internal documents",
    )
    assert mention_and_speaker(c) == ("The Harbour Times", "Harbour Times")

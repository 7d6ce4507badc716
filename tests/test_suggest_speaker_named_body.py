"""A person phrase that names its own body ("a Harbour District Court judge") speaks for
that body, not for another with the same head word named earlier in the article."""

from suggest_claims import claim_with, mention_and_speaker

TEXT = (
    "Ferry fare case goes back to court\n\n"
    "The Coastal Court of Appeals sent the ferry fare case back last spring. "
    "The operator has appealed twice since then.\n\n"
    "A Harbour District Court judge said the new fares were lawful."
)


def test_a_judge_of_a_named_court_is_not_the_earlier_court():
    c = claim_with(TEXT, "the new fares were lawful")
    mention, speaker = mention_and_speaker(c)
    assert (mention, speaker) == ("A Harbour District Court judge", "Harbour District Court")


def test_a_spokesperson_of_the_body_named_before_still_speaks_for_it():
    text = (
        "Ferry fares rise again\n\n"
        "The Harbour Transit Authority raised fares on Monday. "
        "A Harbour Transit Authority spokesperson said the rise was small."
    )
    c = claim_with(text, "the rise was small")
    assert mention_and_speaker(c)[1] == "Harbour Transit Authority"

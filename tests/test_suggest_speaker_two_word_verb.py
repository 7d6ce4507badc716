"""A two-word phrase that runs on into its present-tense verb ("her neighbours make jokes
about ...") names the speaker without the verb; a past form that may be a noun ("a long
shot") stays."""

from suggest_claims import claims_of, mention_and_speaker


def test_a_two_word_phrase_speaker_ends_before_its_verb():
    (c,) = [
        c
        for c in claims_of(
            "These days her neighbours make jokes about hiring lifeguards for every ferry crossing."
        )
        if c.cue and c.cue.text == "jokes about"
    ]
    assert mention_and_speaker(c)[1] == "neighbours"


def test_another_two_word_phrase_and_its_verb():
    (c,) = [
        c
        for c in claims_of(
            "Now his colleagues make jokes about selling tickets for the harbour council meetings."
        )
        if c.cue and c.cue.text == "jokes about"
    ]
    assert mention_and_speaker(c)[1] == "colleagues"

"""The speaker of a "who" that follows a group named without a name ("skippers who
said ..."): the group, not a person the article named before it."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_a_plural_phrase_before_who_is_the_speaker():
    c = claim_with(
        HEAD + "Ana Ruiz runs the cafe by the pier. Veteran skippers who said the fares "
        "were too high walked out of the meeting.",
        "the fares were too high",
    )
    assert mention_and_speaker(c) == ("who", "skippers")


def test_those_who_opening_a_sentence_is_the_speaker():
    c = claim_with(
        HEAD + "Tom Reyes chaired the vote on Tuesday. Those who argued that the "
        "timetable was unfair left early.",
        "the timetable was unfair",
    )
    assert mention_and_speaker(c)[1] == "Those"


def test_a_person_named_before_who_still_speaks():
    c = claim_with(
        HEAD + "Tom Reyes, who said the fares were too high, left the meeting early.",
        "the fares were too high",
    )
    assert mention_and_speaker(c)[1] == "Tom Reyes"


def test_someone_among_a_group_speaks_for_themself():
    c = claim_with(
        HEAD + "Ana Ruiz is among those skippers who say the fares are too high.",
        "the fares are too high",
    )
    assert mention_and_speaker(c)[1] == "Ana Ruiz"

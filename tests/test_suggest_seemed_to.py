""" "Seemed to" or "appeared to" before a verb that carries the claim itself: the
whole "seemed to confirm" is the cue and what follows the inner verb is the claim."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_seemed_to_and_an_inner_verb_make_the_cue_and_its_object_the_claim() -> None:
    claims = claims_of("The ferry captain seemed to confirm the rumours about the new timetable.")
    assert [seen(c) for c in claims] == [
        ("the rumours about the new timetable", "seemed to confirm", "The ferry captain"),
    ]


def test_appeared_to_blame_leaves_the_speaker_out_of_the_claim() -> None:
    claims = claims_of("Ms. Brandt appeared to blame the council for the closed library.")
    assert seen(claims[0])[:2] == ("the council for the closed library", "appeared to blame")


def test_seemed_to_be_keeps_the_subject_and_its_infinitive_as_the_claim() -> None:
    claims = claims_of("The harbour plan seemed to be losing support among the fishermen.")
    content, cue, _ = seen(claims[0])
    assert cue == "seemed"
    assert content.startswith("The harbour plan")

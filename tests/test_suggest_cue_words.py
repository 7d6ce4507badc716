"""Cues of stance and intent added to the word lists in the last round (frames.py reads
them): what a user sees is the claim's text, its cue and the speaker it is attributed to."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def _seen_all(sentence: str) -> list[tuple[str, str | None, str | None]]:
    return [seen(c) for c in claims_of(sentence)]


def test_issued_signed_nominated_filed_frame_their_object():
    assert ("a warning about the ferry fares", "issued", "The harbour board") in _seen_all(
        "The harbour board issued a warning about the ferry fares on Tuesday."
    )
    assert ("the petition for a later ferry", "signed", "Forty riders") in _seen_all(
        "Forty riders signed the petition for a later ferry."
    )
    assert ("Dana Whitlock for the harbour board", "nominated", "The council") in _seen_all(
        "The council nominated Dana Whitlock for the harbour board."
    )
    assert ("a complaint against the ferry company", "filed", "Rowan Petrakis") in _seen_all(
        "Rowan Petrakis filed a complaint against the ferry company."
    )


def test_would_like_to_is_a_cue_of_intent():
    assert (
        "to see the night ferry return",
        "like",
        "The island riders",
    ) in _seen_all("The island riders would like to see the night ferry return.")


def test_split_or_divided_on_is_a_view_of_the_subject():
    got = _seen_all("Island voters are split on whether the pier should be rebuilt.")
    assert ("whether the pier should be rebuilt", "are split on", "Island voters") in got


def test_nouns_of_stance_with_their_preposition():
    got = _seen_all("The board met amid a call for a cheaper winter timetable.")
    assert ("a cheaper winter timetable", "call for", None) in got
    got = _seen_all("Rowan Petrakis, a supporter of the eastern route, spoke first.")
    assert any(t == "the eastern route" and c == "supporter of" for t, c, _ in got)


def test_brought_up_frames_its_object():
    got = _seen_all("Dana Whitlock brought up the closure of the pier.")
    assert ("the closure of the pier", "brought up", "Dana Whitlock") in got


def test_stance_ing_form_after_in_is_the_subjects_act():
    got = _seen_all("Dana Whitlock was blunt in denouncing the new ferry fares.")
    assert ("the new ferry fares", "denouncing", "Dana Whitlock") in got


def test_a_work_titled_its_name():
    got = _seen_all("The club staged a play titled The Last Ferry Home.")
    assert any(t == "The Last Ferry Home" and c == "titled" for t, c, _ in got)


def test_more_nouns_of_stance_with_their_preposition():
    assert ("the eastern route", "favor of", "Forty riders") in _seen_all(
        "Forty riders marched in favor of the eastern route."
    )
    assert ("the island riders", "attention to", "The mayor") in _seen_all(
        "The mayor has paid little attention to the island riders."
    )
    got = _seen_all("Dana Whitlock, a longtime critic of the ferry company, spoke first.")
    assert ("the ferry company", "critic of", "Dana Whitlock") in got


def test_the_holder_of_a_noun_of_stance_is_the_subject_of_its_verb():
    assert ("a second ferry", "case for", "Dana Whitlock") in _seen_all(
        "Dana Whitlock made the case for a second ferry."
    )
    assert ("the eastern route", "proponent of", "Rowan Petrakis") in _seen_all(
        "Rowan Petrakis is a proponent of the eastern route."
    )


def test_more_verbs_with_particles():
    assert ("a mild winter", "counting on", "The council") in _seen_all(
        "The council is counting on a mild winter."
    )
    assert ("a second pier", "ruled out", "The board") in _seen_all(
        "The board ruled out a second pier."
    )
    assert ("the storm of 1998", "thinking about", "Lee") in _seen_all(
        "Lee kept thinking about the storm of 1998."
    )


def test_adjectives_of_stance_after_linking_verbs_and_adverbs():
    assert ("they can keep the night ferry", "remain confident", "The riders") in _seen_all(
        "The riders remain confident that they can keep the night ferry."
    )
    got = _seen_all("Dana Whitlock was especially critical of the new fares.")
    assert ("the new fares", "was especially critical of", "Dana Whitlock") in got
    got = _seen_all("The island riders are furious at the harbour board.")
    assert ("the harbour board", "are furious at", "The island riders") in got


def test_went_after_and_downplayed_frame_their_object():
    assert ("the harbour board", "went after", "Dana Whitlock") in _seen_all(
        "Dana Whitlock went after the harbour board."
    )
    assert ("the damage to the pier", "downplayed", "The mayor") in _seen_all(
        "The mayor downplayed the damage to the pier."
    )


def test_a_decision_on_and_words_about():
    got = _seen_all("The board has yet to reach a decision on the winter timetable.")
    assert any(t == "the winter timetable" and c == "decision on" for t, c, _ in got)
    got = _seen_all("The mayor had kind words about the ferry crews.")
    assert any(t == "the ferry crews" and c == "words about" for t, c, _ in got)


def test_point_out_and_call_out():
    assert ("the night ferry has never run on time", "point out", "The riders") in _seen_all(
        "The riders point out that the night ferry has never run on time."
    )
    assert ("the harbour board for its silence", "called out", "Dana Whitlock") in _seen_all(
        "Dana Whitlock called out the harbour board for its silence."
    )


def test_looking_forward_to():
    assert ("the summer timetable", "looking forward to", "The riders") in _seen_all(
        "The riders are looking forward to the summer timetable."
    )

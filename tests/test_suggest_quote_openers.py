"""Words opening a sentence before a parenthetical attribution and its quote: the
claim's first part when they are the speaker's own ("If the bridge closes, Lee said,
"..."), left out when they set the scene ("Hours later", "Still", "Holding up the
report")."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_time_before_the_attribution_is_left_out() -> None:
    (claim,) = claims_of('Hours later, Ms. Okafor said, "We are ready for the storm."')
    assert seen(claim) == ("We are ready for the storm.", "said", "Okafor")


def test_a_lone_linking_word_before_the_attribution_is_left_out() -> None:
    (claim,) = claims_of('Still, the keeper said, "the old pier will hold another winter."')
    assert seen(claim)[0] == "the old pier will hold another winter."


def test_what_the_speaker_did_before_the_attribution_is_left_out() -> None:
    (claim,) = claims_of(
        'Holding up the harbour report, Mr. Lee said, "I have read every page of it."'
    )
    assert seen(claim) == ("I have read every page of it.", "said", "Lee")


def test_a_phrase_the_quote_goes_on_from_stays_the_first_part() -> None:
    (claim,) = claims_of('Sooner or later, the keeper said, "the old pier will fall."')
    assert seen(claim)[0] == "Sooner or later … the old pier will fall."


def test_a_gerund_subject_of_the_quoted_verb_stays_the_first_part() -> None:
    (claim,) = claims_of(
        'Waiting for the night ferry, Ms. Okafor said, "is the hardest part of the job."'
    )
    assert seen(claim)[0] == "Waiting for the night ferry … is the hardest part of the job."

"""A second verb of the same speaker ("..., but said ...", "and on Friday told ..."):
its claim is that speaker's, and it does not turn the quote before it into a claim of
its own cue."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("joined", "cue"), [("but said", "said"), ("and later told the board", "told")]
)
def test_a_quoted_label_then_a_second_verb_are_two_claims_of_the_subject(
    joined: str, cue: str
) -> None:
    sentence = (
        f'Ann Ferro called the ferry plan "extremely careless," {joined} she would not fight it.'
    )
    assert [seen(c) for c in claims_of(sentence)] == [
        ('the ferry plan "extremely careless,"', "called", "Ann Ferro"),
        ("she would not fight it", cue, "Ann Ferro"),
    ]


@pytest.mark.parametrize(
    "between", ["but at the harbour hearing said", "and on Friday told reporters"]
)
def test_a_phrase_of_time_or_place_before_the_second_verb_keeps_the_speaker(
    between: str,
) -> None:
    sentence = f"The ferry clerk first denied any error in the count, {between} he had erred."
    claims = claims_of(sentence)
    assert [c.mention.text if c.mention else None for c in claims] == ["The ferry clerk"] * 2
    assert claims[1].content[0].text == "he had erred"


def test_a_participle_after_a_relative_clause_is_said_by_the_subject_before_it() -> None:
    sentence = (
        "Mr. Olsen, who said last week that the harbour judge was biased, issued a"
        " statement saying the ferry vote was fair."
    )
    last = claims_of(sentence)[-1]
    assert seen(last) == ("the ferry vote was fair", "saying", "Olsen")


def test_a_description_with_two_qualifiers_after_the_cue_is_the_speaker() -> None:
    claims = claims_of('"There was real harm," said a former senior harbour official.')
    assert [seen(c) for c in claims] == [
        ("There was real harm,", "said", "a former senior harbour official")
    ]


@pytest.mark.parametrize(
    ("joined", "cue", "content"),
    [
        ("and on Friday vowed", "vowed", "to scrap it"),
        ("but at the council meeting said", "said", "she would not scrap it"),
    ],
)
def test_a_phrase_of_time_or_place_before_a_second_verb_ends_the_first_claim(
    joined: str, cue: str, content: str
) -> None:
    sentence = f'Ann Ferro labelled the timetable "a farce," {joined} {content}.'
    assert [seen(c) for c in claims_of(sentence)] == [
        ('the timetable "a farce,"', "labelled", "Ann Ferro"),
        (content, cue, "Ann Ferro"),
    ]


def test_a_phrase_of_time_after_and_does_not_end_a_reported_clause() -> None:
    [claim] = claims_of("Lee said the fares would rise and in the end the town would pay.")
    assert seen(claim) == ("the fares would rise and in the end the town would pay", "said", "Lee")

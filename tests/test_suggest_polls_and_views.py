"""Cues with no verb: a standing "in" a poll (evidence.py), "in Lee's view" (frames.py)."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the poll in the middle of the sentence, a phrase of its dates after it
        (
            "Ann Lee has kept a narrow edge over Bo Park in the harbour guild's survey released"
            " on Friday, well ahead of the ferry vote.",
            ("Ann Lee has kept a narrow edge over Bo Park", "in", "the harbour guild's survey"),
        ),
        # a named poll at the start, without a determiner
        (
            "In March's Island Gazette poll, the western route drew most of the votes.",
            ("the western route drew most of the votes", "In", "March's Island Gazette poll"),
        ),
        # after the clause of a "while": only the main clause is the poll's
        (
            "While Lee wins the older riders easily, she trails the newcomer in most ferry"
            " surveys by a few points.",
            ("she trails the newcomer", "in", "most ferry surveys"),
        ),
    ],
)
def test_a_standing_in_a_poll(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a standing in the polls in general is the writer's
        "Lee has risen in the polls since the spring.",
        # the poll inside the subject of another verb
        "One in five riders in a harbour survey last year wanted a later ferry.",
        # an aside after the subject
        "Bo Park, who trails in many island polls, spoke at the pier on Monday.",
        # voters "going to the polls" vote; no poll reports anything
        "Most riders in the two towns go to the polls on Tuesday.",
    ],
)
def test_no_poll_standing(sentence: str) -> None:
    assert not any(c.cue and c.cue.text.lower() == "in" for c in claims_of(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In Ann Lee's view, the ferry should run later.",
            ("the ferry should run later", "view", "Ann Lee"),
        ),
        (
            "The night ferry, in Bo Park's view, should stop at the pier twice.",
            ("The night ferry … should stop at the pier twice", "view", "Bo Park"),
        ),
        (
            "The ferry ought to run later in the view of most island riders.",
            ("The ferry ought to run later", "view", "most island riders"),
        ),
        (
            "The ferry ought to run later, in their view.",
            ("The ferry ought to run later", "view", "their"),
        ),
    ],
)
def test_a_view_held_by_its_possessor(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee kept the pier in view for most of the crossing.",
        "The harbour came into view in her view of the old town from the ferry.",
    ],
)
def test_no_view_claim(sentence: str) -> None:
    assert not any(c.cue and c.cue.text == "view" for c in claims_of(sentence))


def test_a_call_after_to_is_the_subjects() -> None:
    claims = [
        seen(c) for c in claims_of("Ann Lee used her talk at the pier to call for a later ferry.")
    ]
    assert ("a later ferry", "call for", "Ann Lee") in claims


@pytest.mark.parametrize(
    "sentence",
    [
        "Most riders in Ash cast their ballots on Tuesday morning.",
        "Ferry use rose nine percent compared with the same month last year.",
    ],
)
def test_voting_and_comparisons_are_no_claims(sentence: str) -> None:
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Most riders in Ash cast a ballot for the western route.",
            ("the western route", "cast a ballot for", "Most riders in Ash"),
        ),
        (
            "Bo Park compared the new ferry to a floating hotel.",
            ("the new ferry to a floating hotel", "compared", "Bo Park"),
        ),
    ],
)
def test_a_vote_for_someone_and_a_comparison_by_someone_stay(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


def test_a_question_to_the_reader_is_no_claim() -> None:
    claims = [
        seen(c)
        for c in claims_of("Do you support Ann Lee? Tell us below. Lee wants a later ferry.")
    ]
    assert not any(mention == "you" for _, _, mention in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bo Park will challenge Ann Lee in the spring primary.",
        "Ann Lee speaks fluent Welsh, and Bo Park does not.",
        "Ann Lee owns two boats and requests a berth each spring.",
    ],
)
def test_running_against_speaking_a_language_and_requests_are_no_stance(sentence: str) -> None:
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The night attacks upset many island riders.",
        "Ann Lee campaigned on the ferry timetable in Ash.",
    ],
)
def test_a_noun_of_attacks_and_campaigning_on_are_no_stance(sentence: str) -> None:
    assert claims_of(sentence) == []

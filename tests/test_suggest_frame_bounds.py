"""Where a frame's content starts and ends, and what its cue holds, as a user sees
them in the suggestion panel: the words the frame is about, without its own verb."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a reputation: the thing and what it is known as, the verb between is the cue
        (
            "Our baker is best known for a rye loaf that sells out by nine.",
            ("Our baker … a rye loaf that sells out by nine", "is best known for", None),
        ),
        (
            "She joined a choir once known as the Tuesday Singers.",
            ("a choir … the Tuesday Singers", "once known as", None),
        ),
        # "known to": the to-clause keeps its "to"
        (
            "The skipper is known to be fond of long night crossings.",
            ("The skipper … to be fond of long night crossings", "is known", None),
        ),
        # after a preposition the subject is the word before "is", not the phrase
        (
            "Walkers now flock to what is known as the Long Green.",
            ("what … the Long Green", "is known as", None),
        ),
    ],
)
def test_a_reputation_holds_the_thing_and_what_it_is_known_for(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a spaced dash opens an aside: the object ends before it
        (
            "The mayor railed against the new ferry timetable -- but riders on the night boat agree.",
            ("the new ferry timetable", "railed against", "The mayor"),
        ),
        (
            "The harbour board has decided to reopen the pier — whatever the repairs cost.",
            ("to reopen the pier", "decided", "The harbour board"),
        ),
        # a clause of circumstance after an object is not what the stance is about
        (
            "The skipper apologized for the late departure when the ferry finally docked.",
            ("the late departure", "apologized for", "The skipper"),
        ),
        (
            "The council voted for the pier budget even though the fares will rise.",
            ("the pier budget", "voted for", "The council"),
        ),
        (
            "The skipper complained about the fares now that the winter timetable is out.",
            ("the fares", "complained about", "The skipper"),
        ),
        # a hyphen inside a word is no aside
        (
            "The mayor railed against the well-run night ferry.",
            ("the well-run night ferry", "railed against", "The mayor"),
        ),
    ],
)
def test_a_frame_content_ends_before_an_aside_or_a_circumstance(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a phrase that opens the sentence ends at its comma: what follows is the
        # sentence's own subject and verb
        (
            "Despite complaints about the fares, Okafor kept the night route.",
            ("the fares", "complaints about", None),
        ),
        (
            "After criticism of the timetable, riders kept the night route.",
            ("the timetable", "criticism of", None),
        ),
    ],
)
def test_a_frame_in_an_opening_phrase_ends_at_its_comma(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)][:1] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a statement, a report or a letter put out: what it is about is the claim, the
        # verb and the noun the cue
        (
            "The harbour board issued a statement on the night ferry.",
            ("the night ferry", "issued a statement on", "The harbour board"),
        ),
        (
            "The island riders posted a letter about the night ferry.",
            ("the night ferry", "posted a letter about", "The island riders"),
        ),
        (
            "The council published a report detailing the cost of the new pier.",
            ("the cost of the new pier", "published a report detailing", "The council"),
        ),
        (
            "The harbour board unveiled a proposal to close the old pier.",
            ("to close the old pier", "unveiled a proposal", "The harbour board"),
        ),
        # one's own plan is the claim itself
        (
            "The mayor laid out his plan for the western route.",
            ("his plan for the western route", "laid out", "The mayor"),
        ),
    ],
)
def test_a_statement_or_letter_put_out_is_about_its_object(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what someone is expected to do: the one expected and the to-clause, no speaker
        (
            "The harbour master is widely expected to resign in May.",
            ("The harbour master … to resign in May", "expected", None),
        ),
        # "looked to" and a verb: the to-clause is what is sought
        (
            "The mayor looked to win over the island riders.",
            ("to win over the island riders", "looked", "The mayor"),
        ),
        # "looking to" someone stays a verb and its object
        (
            "The skipper is looking to the council for help.",
            ("the council for help", "looking to", "The skipper"),
        ),
    ],
)
def test_an_expected_or_sought_act_holds_its_to_clause(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # acts rather than stances: preparing, reacting, fighting for, adopting, answering
        "The harbour board is preparing to close the old pier.",
        "The skipper reacted to the new timetable.",
        "The riders fought for a later night ferry.",
        "The council adopted the new ferry timetable.",
        "The mayor answered the questions of the island riders.",
    ],
)
def test_acts_that_rarely_attribute_are_no_frames(sentence: str) -> None:
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the ones after "from" or "of" hold the stance; the subject is what it is about
        (
            "The ferry levy drew sharp criticism from island riders.",
            ("The ferry levy", "drew sharp criticism", "island riders"),
        ),
        (
            "Ana Ruiz won the endorsement of Bo Park.",
            ("Ana Ruiz", "won the endorsement", "Bo Park"),
        ),
    ],
)
def test_a_stance_received_from_others_is_about_the_subject(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_the_support_of_someone_is_theirs_and_in_support_of_something_is_its_object() -> None:
    assert claims_of("The plan now has the support of most island riders.") == []
    assert [seen(c) for c in claims_of("Forty riders marched in support of the night ferry.")] == [
        ("the night ferry", "support of", "Forty riders")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # where the object was voiced is not part of it
        (
            "The skipper railed against the new timetable on social media.",
            ("the new timetable", "railed against", "The skipper"),
        ),
        (
            "The mayor complained about the fares in a radio interview.",
            ("the fares", "complained about", "The mayor"),
        ),
        # unless it belongs to a participle of the object, or is the object itself
        (
            "The skipper railed against the remarks made in a radio interview.",
            ("the remarks made in a radio interview", "railed against", "The skipper"),
        ),
        (
            "The council voted for a debate on the pier.",
            ("a debate on the pier", "voted for", "The council"),
        ),
    ],
)
def test_an_object_ends_before_where_it_was_voiced(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # wanting to know or to see: what is to be known or seen is the claim
        (
            "Riders on the island now want to know whether the night ferry will return.",
            ("whether the night ferry will return", "want to know", "Riders on the island"),
        ),
        (
            "The skipper, who runs the night boat, wants to see the old pier rebuilt.",
            ("the old pier rebuilt", "wants to see", "The skipper"),
        ),
    ],
)
def test_wanting_to_know_or_see_holds_what_is_known_or_seen(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a weekday after "Super" or "Black" is a name, not when it was done
        (
            "The skipper railed against the shop hours for Black Friday.",
            ("the shop hours for Black Friday", "railed against", "The skipper"),
        ),
        # a plain weekday still is
        (
            "The skipper railed against the new shop hours on Friday.",
            ("the new shop hours", "railed against", "The skipper"),
        ),
    ],
)
def test_a_named_day_stays_in_the_object(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "and" with a new subject opens a clause of its own
        (
            "The skipper decided to skip the last crossing and she docked early.",
            ("to skip the last crossing", "decided", "The skipper"),
        ),
        # after an object or a to-clause, a past verb is the subject's next act
        (
            "The skipper decided to sell the old boat and moved to the mainland.",
            ("to sell the old boat", "decided", "The skipper"),
        ),
        # a second verb of the to-clause itself stays in it
        (
            "The skipper decided to paint the hull and mend the sails.",
            ("to paint the hull and mend the sails", "decided", "The skipper"),
        ),
    ],
)
def test_a_second_clause_after_and_ends_the_content(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_looking_forward_to_something_keeps_to_in_the_cue() -> None:
    claims = claims_of("The skipper is looking forward to the first summer crossing.")
    assert [seen(c) for c in claims] == [
        ("the first summer crossing", "looking forward to", "The skipper")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The criticism of the new fares could not stop the ferry union.",
            ("the new fares", "criticism of", None),
        ),
        (
            "The complaints about the night fares came as a surprise to the board.",
            ("the night fares", "complaints about", None),
        ),
    ],
)
def test_a_stance_noun_that_opens_the_sentence_ends_before_its_verb(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]

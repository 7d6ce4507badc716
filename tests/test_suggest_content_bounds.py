"""Where a reported claim's content ends and starts: what a user sees is the claim's text
(its parts joined by " … "), its cue and the speaker's mention."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a noun phrase with a relative clause after the clause comments on all of it
        (
            "The harbour master said the ferry fares would double in spring, a move that "
            "angered the island traders.",
            ("the ferry fares would double in spring", "said", "The harbour master"),
        ),
        (
            "Councillor Ana Ruiz claimed the old pier could be saved for a few thousand "
            "pounds, an optimistic figure which the engineers dispute.",
            (
                "the old pier could be saved for a few thousand pounds",
                "claimed",
                "Ana Ruiz",
            ),
        ),
    ],
)
def test_a_comment_in_apposition_stays_out(sentence: str, expected: tuple) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the apposition inside the quoted words is the speaker's own
        (
            'The skipper said the crossing was "a short trip, a trip that anyone can make."',
            (
                'the crossing was "a short trip, a trip that anyone can make."',
                "said",
                "The skipper",
            ),
        ),
        # an apposition right after a short subject belongs to the clause
        (
            "The mayor said the plan, a scheme that the council drew up, will cost less.",
            ("the plan, a scheme that the council drew up, will cost less", "said", "The mayor"),
        ),
    ],
)
def test_an_apposition_inside_the_claim_stays(sentence: str, expected: tuple) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a time that a preposition or an -ing word takes belongs to the object
        (
            "The harbour board voted for a rise in fares at the end of next year.",
            ("a rise in fares at the end of next year", "voted for", "The harbour board"),
        ),
        (
            "The harbour board voted for a ban on night sailing until next week.",
            ("a ban on night sailing until next week", "voted for", "The harbour board"),
        ),
        (
            "The harbour board voted for a fee starting next month.",
            ("a fee starting next month", "voted for", "The harbour board"),
        ),
        # the time of the vote itself stays out, "late" or "early" with it
        (
            "The skippers voted for the plan on Saturday.",
            ("the plan", "voted for", "The skippers"),
        ),
        (
            "The skippers voted for the plan early Monday.",
            ("the plan", "voted for", "The skippers"),
        ),
        (
            "The harbour board released its new timetable late Thursday.",
            ("its new timetable", "released", "The harbour board"),
        ),
    ],
)
def test_a_time_inside_a_frame_object_stays(sentence: str, expected: tuple) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ", as" and a noun phrase: the role the object is given
        (
            "The mayor points to the weakness of the old pier, as another reason for the delays.",
            (
                "the weakness of the old pier, as another reason for the delays",
                "points to",
                "The mayor",
            ),
        ),
        (
            "The mayor named three towns on the coast, as places for the ferry to stop.",
            ("three towns on the coast, as places for the ferry to stop", "named", "The mayor"),
        ),
        # ", as" and a clause: the writer's comparison stays out
        (
            "The mayor points to the weakness of the old pier, as mayors before her have done.",
            ("the weakness of the old pier", "points to", "The mayor"),
        ),
    ],
)
def test_a_role_after_as_stays_with_the_object(sentence: str, expected: tuple) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the figures after ", with" are part of what a poll shows
        (
            "The latest survey shows the toll plan with little support, with 61.5 percent of "
            "riders against it.",
            (
                "the toll plan with little support, with 61.5 percent of riders against it",
                "shows",
                "The latest survey",
            ),
        ),
        (
            "Harbour polls have shown the ferry plan far ahead, with the bridge plan, its only "
            "rival, well behind in second.",
            (
                "the ferry plan far ahead, with the bridge plan, its only rival, well behind in "
                "second",
                "shown",
                "Harbour polls",
            ),
        ),
    ],
)
def test_the_figures_a_poll_shows_stay_with_it(sentence: str, expected: tuple) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_however_between_the_cue_and_that_stays_out() -> None:
    claims = claims_of("Several skippers suggest however that the board will raise the fares.")
    assert [seen(c) for c in claims] == [
        ("the board will raise the fares", "suggest", "Several skippers")
    ]


def test_a_subordinate_clause_after_a_quoted_fragment_goes_on_with_the_claim() -> None:
    claims = claims_of(
        'Lee said Ruiz pleaded with him for a berth last spring and "would have paid double" if '
        "the board had asked him to."
    )
    assert [seen(c) for c in claims] == [
        (
            'Ruiz pleaded with him for a berth last spring and "would have paid double" if the '
            "board had asked him to",
            "said",
            "Lee",
        )
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a reported clause after the cue runs to a comma and goes on into the quote
        (
            "The harbour master said she seldom turns to the council for money, “unless the "
            "pier floods. And it floods every spring.”",
            (
                "she seldom turns to the council for money, “unless the pier floods. And it "
                "floods every spring.”",
                "said",
                "The harbour master",
            ),
        ),
        (
            "The harbour master says no matter how the vote goes, “the ferry will keep running.”",
            (
                "no matter how the vote goes, “the ferry will keep running.”",
                "says",
                "The harbour master",
            ),
        ),
        # an object and an adverb before the comma: the quote stands alone
        (
            "The harbour master said it again, “We will not close.”",
            ("We will not close.", "said", "The harbour master"),
        ),
    ],
)
def test_a_paraphrase_before_a_quote_joins_it(sentence: str, expected: tuple) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "<count> <unit> ago" says when the act was done, not what
        (
            "The mayor signed the ferry budget three months ago.",
            ("the ferry budget", "signed", "The mayor"),
        ),
        (
            "The skippers voted for the new harbour fee a few weeks ago.",
            ("the new harbour fee", "voted for", "The skippers"),
        ),
    ],
)
def test_a_time_ago_after_a_frame_object_stays_out(sentence: str, expected: tuple) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]

"""A stance the subject meets from others: told in the passive ("was criticized by", "a
plan opposed by") or met ("drew support from"). The others hold it, what it is held
about is the claim, as a user sees them in the panel."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The new timetable was sharply criticized by the island riders.",
            ("The new timetable", "sharply criticized", "the island riders"),
        ),
        (
            "The pier budget, opposed by the harbour board, never passed.",
            ("The pier budget", "opposed", "the harbour board"),
        ),
        (
            "Both proposals were backed by most of the riders.",
            ("Both proposals", "backed", "most of the riders"),
        ),
        (
            "The board dropped the night fares, which were opposed by the riders.",
            ("which", "opposed", "the riders"),
        ),
        # after perfect auxiliaries too; where or when it was voiced is not the holder
        (
            "These proposals have been applauded by the island riders on social media.",
            ("These proposals", "applauded", "the island riders"),
        ),
    ],
)
def test_a_passive_stance_is_held_by_the_ones_after_by(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a document or an act done by someone is no stance of theirs
        "A report released by the harbour board lists every late crossing.",
        "The lawsuit filed by two riders was dropped in May.",
        # "by" and an -ing form says how, not who
        "The plan was backed by cutting the night fares.",
    ],
)
def test_acts_and_means_after_by_are_no_stance(sentence: str) -> None:
    assert all(c[1] not in ("released", "filed", "backed") for c in map(seen, claims_of(sentence)))


def test_why_a_passive_stance_is_held_belongs_to_the_claim() -> None:
    claims = claims_of("The skipper was criticized by the riders for the late crossings.")
    assert ("The skipper … for the late crossings", "criticized", "the riders") in [
        seen(c) for c in claims
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # support met from others is theirs, about the one who meets it
        (
            "The skipper drew strong support from the island riders.",
            ("The skipper", "drew strong support", "the island riders"),
        ),
        (
            "The skipper enjoys broad support among the island riders.",
            ("The skipper", "enjoys broad support", "the island riders"),
        ),
        (
            "The skipper had the full support of the ferry union.",
            ("The skipper", "had the full support", "the ferry union"),
        ),
    ],
)
def test_support_met_from_others_is_theirs(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_what_criticism_met_is_for_belongs_to_the_claim() -> None:
    claims = claims_of(
        "The skipper has faced criticism from the island riders for the late crossings."
    )
    assert [seen(c) for c in claims] == [
        ("The skipper … for the late crossings", "faced criticism", "the island riders")
    ]

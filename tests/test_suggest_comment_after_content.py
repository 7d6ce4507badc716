"""A reported clause ends before ", the ..." or ", a ..." when what follows to the end
of the sentence is a noun phrase, the writer's comment on what was said ("..., the
first change in years", "..., a charge that the council denies"); a clause, a list,
a name's apposition and a main clause after a phrase put first stay in the content."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "The mayor complained that the ferry tally was wrong again, a charge that "
            "harbour officials strongly denied.",
            "the ferry tally was wrong again",
            "complained",
        ),
        (
            "Most skippers say they would back the new levy, the highest share in any poll so far.",
            "they would back the new levy",
            "say",
        ),
        (
            "The harbour master said she backs the new fee, a levy that the crews resent.",
            "she backs the new fee",
            "said",
        ),
        (
            "The harbour master said the ferry would run every hour, the first change to "
            "the timetable in years.",
            "the ferry would run every hour",
            "said",
        ),
    ],
)
def test_content_stops_before_the_writers_comment(sentence: str, content: str, cue: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert (content, cue) in found, found


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a clause of its own: a finite verb
        (
            "The harbour master said the fares would rise, the tolls would fall.",
            "the fares would rise, the tolls would fall",
        ),
        # a name's apposition
        (
            "The harbour master said she backs Ana Roe, the new treasurer.",
            "she backs Ana Roe, the new treasurer",
        ),
        # a named thing
        (
            "The harbour master said she backs the new levy, the Harbour Fund Act.",
            "she backs the new levy, the Harbour Fund Act",
        ),
        # the main clause after a phrase put first
        (
            "The harbour master said that despite the storm, the ferry ran on time.",
            "despite the storm, the ferry ran on time",
        ),
        # a list
        (
            "The harbour master said the fares would rise for walkers, the old and the young.",
            "the fares would rise for walkers, the old and the young",
        ),
    ],
)
def test_content_keeps_what_is_no_comment(sentence: str, content: str) -> None:
    found = [seen(c)[0] for c in claims_of(sentence)]
    assert content in found, found

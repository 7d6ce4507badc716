"""A reported clause ends before ", and" (or ", but" and a name) when a new subject
and its verb follow: the writer's own clause, which is not part of what the speaker
said."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Mayor Ines Duarte said the ferry fares would stay low, and the harbour board "
            "has already approved the budget.",
            "the ferry fares would stay low",
        ),
        (
            "Mayor Ines Duarte said the ferry fares would stay low - and Harbour Trust "
            "of Dunmore has agreed to the plan.",
            "the ferry fares would stay low",
        ),
        (
            "Mayor Ines Duarte said that the pier repairs were urgent, and it is plain "
            "that the council has no money for them.",
            "the pier repairs were urgent",
        ),
        (
            "Mayor Ines Duarte said the ferry fares would stay low, but Harbour Trust "
            "has refused to fund the new route.",
            "the ferry fares would stay low",
        ),
    ],
)
def test_reported_clause_stops_before_a_new_subject(sentence: str, content: str) -> None:
    found = [seen(c) for c in claims_of(sentence)]
    assert (content, "said", "Ines Duarte") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        # the same subject goes on: one clause
        "Mayor Ines Duarte said the ferry fares would stay low, and would not rise again.",
        # a second object of the clause's verb, not a new clause
        "Mayor Ines Duarte said the fares hurt the fishermen, the bakers and the teachers "
        "who ride the ferry.",
    ],
)
def test_reported_clause_goes_on_without_a_new_subject(sentence: str) -> None:
    texts = [seen(c)[0] for c in claims_of(sentence)]
    assert any(t.endswith(("rise again", "ride the ferry")) for t in texts), texts


def test_and_with_a_participle_and_that_starts_a_second_claim() -> None:
    found = [
        seen(c)
        for c in claims_of(
            "Mayor Ines Duarte said the old pier was safe for walkers - and arguing that "
            "the town should repaint it before the summer fair."
        )
    ]
    assert ("the old pier was safe for walkers", "said", "Ines Duarte") in found, found

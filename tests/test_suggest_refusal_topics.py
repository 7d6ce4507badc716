"""What a speaker would not comment on: the topic is the claim, and "declined to comment
on" its cue, as PolNeAR marks it."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_the_topic_of_a_refused_comment_is_the_claim() -> None:
    claims = claims_of("A spokesman for the ferry line refused to comment about the lost cargo.")
    assert [seen(c)[:2] for c in claims] == [("the lost cargo", "refused to comment about")]


def test_a_refused_comment_without_a_topic_stays_whole() -> None:
    claims = claims_of("The island's mayor declined to comment when reached on Sunday.")
    assert [seen(c)[:2] for c in claims] == [("to comment", "declined")]

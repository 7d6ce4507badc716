"""A verb form between a number and a plural noun is an adjective ("60 pledged
delegates"), not a cue; after a subject it still is one."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_form_after_a_number_and_before_a_plural_is_no_cue():
    text = "Across the islands, 45 pledged delegates are still to be chosen this spring."
    assert claims_of(text) == []


def test_the_same_form_after_a_subject_is_a_cue():
    got = [seen(c) for c in claims_of("The mayor pledged delegates would get a vote on the pier.")]
    assert got == [("delegates would get a vote on the pier", "pledged", "The mayor")]
    text = "Over 400 union members pledged that the crews would strike in March."
    got = [seen(c) for c in claims_of(text)]
    assert got == [("the crews would strike in March", "pledged", "union members")]

"""'call' as a noun ("the roll call vote", "a conference call", "call centers") is no
cue; "call" as a verb still is one."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_call_after_a_kind_of_call_is_a_noun():
    assert claims_of("At noon the harbour board opened a roll call vote on the pier budget.") == []
    assert claims_of("The mayor held a conference call to defend the toll after the vote.") == []


def test_call_before_a_place_or_a_record_is_a_noun():
    text = "Pickets stood outside the ticket offices, depots and call centers for a week."
    assert claims_of(text) == []
    assert claims_of("The report drew on her diary and call sheets kept by two clerks.") == []


def test_call_as_a_verb_stays_a_cue():
    got = [seen(c) for c in claims_of("Critics call the toll a tax on the ferry crews.")]
    assert got == [("the toll a tax on the ferry crews", "call", "Critics")]
    got = [seen(c) for c in claims_of("Ana Roe will call on the board to reopen the pier.")]
    assert got == [("the board to reopen the pier", "call on", "Ana Roe")]

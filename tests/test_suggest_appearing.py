""" "appeared with", "appears before", "appeared at" tell of someone showing up, not of
how something seems: no claim (a later cue keeps its own); "appeared to confirm"
still is one."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_showing_up_is_no_claim():
    assert claims_of("Ana Roe appeared with the ferry crews on the quay last week.") == []
    assert claims_of("The mayor appears before the harbour council on Monday night.") == []


def test_a_later_cue_keeps_its_claim():
    text = "Ana Roe appeared at the skippers' rally and officially endorsed Lee."
    assert [seen(c) for c in claims_of(text)] == [("Lee", "endorsed", "Ana Roe")]


def test_appearing_to_confirm_is_a_claim():
    got = [seen(c) for c in claims_of("The mayor appeared to confirm that the pier would close.")]
    assert got == [("that the pier would close", "appeared to confirm", "The mayor")]

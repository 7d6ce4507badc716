"""A cue followed at once by "and" or "or" is the first of two verbs ("shouted and
waved a sign"), not an attribution whose content starts with the conjunction."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_and_right_after_a_cue_makes_no_claim():
    assert claims_of("A heckler at the back shouted and waved a sign against the toll.") == []
    assert claims_of("Half the crews agreed and a third of the skippers disagreed.") == []


def test_and_inside_the_content_stays():
    got = [
        seen(c)
        for c in claims_of("Ana Roe agreed that the pier must close and the crews agreed too.")
    ]
    assert got == [("the pier must close and the crews agreed too", "agreed", "Ana Roe")]

""" "passed" is a stance on a measure it passes ("passed a bill raising the toll"); a
bill passing a chamber, or someone passing a thing on, is none."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_passing_a_place_or_a_thing_is_no_claim():
    assert claims_of("The ferry bill easily passed the harbour council on Monday.") == []
    text = "At the end of the rally Ana Roe passed her notes to a young skipper."
    assert claims_of(text) == []


def test_passing_a_measure_is_a_claim():
    got = [seen(c) for c in claims_of("The council passed a bill raising the ferry toll.")]
    assert got == [("a bill raising the ferry toll", "passed", "The council")]

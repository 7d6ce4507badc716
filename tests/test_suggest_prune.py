"""The last step over the suggestions: kinds that are almost never an attribution are
dropped, close kinds that are one stay."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_paraphrase_reported_inside_another_claim_is_not_a_claim_of_its_own() -> None:
    found = [
        seen(c)
        for c in claims_of(
            'Dock workers have said he said "no more night shifts" in remarks to the crew after the storm.'
        )
    ]
    assert found == [
        (
            'he said "no more night shifts" in remarks to the crew after the storm',
            "said",
            "Dock workers",
        )
    ]


def test_a_request_told_inside_another_claim_is_only_the_outer_claim() -> None:
    found = [
        seen(c)
        for c in claims_of(
            'The clerk said she asked the board "to look at the fares again" at the June meeting.'
        )
    ]
    assert found == [
        (
            'she asked the board "to look at the fares again" at the June meeting',
            "said",
            "The clerk",
        )
    ]


def test_a_whole_quote_inside_an_according_to_claim_stays() -> None:
    found = [
        seen(c)
        for c in claims_of('"We sail at noon," the captain said, according to the harbour log.')
    ]
    assert ("We sail at noon,", "said", "the captain") in found
    assert any(cue == "according to" for _, cue, _ in found)


def test_a_clause_inside_an_according_to_claim_stays() -> None:
    found = [
        seen(c)
        for c in claims_of(
            "The island riders want a later ferry, according to first results of the spring survey"
            " run by the harbour office for the council and the ferry line."
        )
    ]
    assert ("a later ferry", "want", "The island riders") in found


def test_where_a_reporter_wrote_from_is_not_a_claim() -> None:
    assert claims_of("Ann Lee reported from Leeds.") == []
    assert claims_of("Ann Lee reported from the harbour at dawn.") == []


def test_a_clause_opening_with_from_stays() -> None:
    found = [
        seen(c)
        for c in claims_of(
            "The council estimated that from May to June, about 900 riders used the ferry."
        )
    ]
    assert found == [
        ("from May to June, about 900 riders used the ferry", "estimated", "The council")
    ]

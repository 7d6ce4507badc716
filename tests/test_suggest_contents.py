"""Suggested claim contents: where they start and end, and which sentences they cover."""

from __future__ import annotations

from annotator.core.suggest import SuggestedClaim, suggest_article


def contents(claims: list[SuggestedClaim]) -> list[list[str]]:
    return [[s.text for s in c.content] for c in claims]


def test_reported_clause_stops_before_a_quote_opened_by_two_apostrophes() -> None:
    text = (
        "Ferry Plan Stalls\n\n"
        "Mr. Okafor said a second ferry would help the island if it came soon. "
        "''Nobody here can wait another winter,'' he said."
    )
    assert contents(suggest_article(text)) == [
        ["a second ferry would help the island if it came soon"],
        ["Nobody here can wait another winter,"],
    ]


def test_quote_in_two_apostrophes_continued_after_its_attribution_is_one_claim() -> None:
    text = (
        "Harbour Dues\n\n"
        "''We need a bigger harbour,'' she said. ''Give us the dredger and we will finish.''"
    )
    assert contents(suggest_article(text)) == [
        ["We need a bigger harbour,", "Give us the dredger and we will finish."]
    ]

"""Outer attributions: "<A wants B>, X said." and "<A told B that C>, according to X".

PolNeAR (the research standard) annotates the outer attribution alone: its cue, its
source and the whole inner report as the content; the inner stance or speech is not a
claim of its own."""

from __future__ import annotations

from annotator.core.suggest import SuggestedClaim, suggest_article


def shown(claims: list[SuggestedClaim]) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            " ... ".join(s.text for s in c.content),
            c.cue.text if c.cue is not None else None,
            c.mention.text if c.mention is not None else None,
        )
        for c in claims
    ]


def test_a_trailing_said_is_the_claim_around_a_stance_inside_it() -> None:
    text = "Ferries\n\nFishermen who back the mayor would lose their moorings, Ms. Varga said."
    assert shown(suggest_article(text)) == [
        ("Fishermen who back the mayor would lose their moorings", "said", "Varga")
    ]


def test_a_trailing_say_is_the_claim_around_an_intent_inside_it() -> None:
    text = "Ferries\n\nThe harbour master wants to sell the old dredger this spring, they say."
    assert shown(suggest_article(text)) == [
        ("The harbour master wants to sell the old dredger this spring", "say", "they")
    ]


def test_a_passive_after_a_negated_be_is_no_claim() -> None:
    text = "Ferries\n\nThe island's cyclists aren't admitted until the ramp is lowered."
    assert suggest_article(text) == []


def test_a_reported_clause_ending_in_an_attribution_gives_the_outer_claim() -> None:
    text = (
        "Ferries\n\nMs. Varga told the council in July that she was advised by the mayor "
        "to sell the boat, the Island Gazette reported late Thursday."
    )
    assert shown(suggest_article(text)) == [
        (
            "Ms. Varga told the council in July that she was advised by the mayor to sell the boat",
            "reported",
            "the Island Gazette",
        )
    ]


def test_according_to_a_long_source_is_the_claim_around_a_reported_clause() -> None:
    text = (
        "Ferries\n\nAfter the vote, Ms. Varga told the fishermen that the ferry should stay docked, "
        "according to an account the skipper gave to the Island Gazette."
    )
    (claim,) = suggest_article(text)
    assert claim.cue is not None and claim.cue.text == "according to"
    assert [s.text for s in claim.content] == [
        "After the vote, Ms. Varga told the fishermen that the ferry should stay docked"
    ]


def test_a_poll_after_the_clause_is_its_source_and_the_stance_inside_is_not_a_claim() -> None:
    text = "Ferries\n\nMost islanders oppose the new ferry fares, a new harbour poll found."
    assert shown(suggest_article(text)) == [
        ("Most islanders oppose the new ferry fares", "found", "a new harbour poll")
    ]


def test_a_court_ruling_after_the_clause_is_its_source() -> None:
    text = (
        "Ferries\n\nThe man accused of sinking the ferry will remain in custody, "
        "a county judge ruled Friday."
    )
    assert shown(suggest_article(text)) == [
        ("The man accused of sinking the ferry will remain in custody", "ruled", "a county judge")
    ]


def test_made_clear_that_is_the_claim_around_an_intent() -> None:
    text = (
        "Ferries\n\nThe harbour council has made clear that it did not intend to raise the fares."
    )
    assert shown(suggest_article(text)) == [
        ("it did not intend to raise the fares", "made clear", "The harbour council")
    ]


def test_swore_that_is_the_claim_around_a_stance() -> None:
    text = "Ferries\n\nAt the end, the fishermen swore that they would never sell their boats."
    assert shown(suggest_article(text)) == [
        ("they would never sell their boats", "swore", "the fishermen")
    ]

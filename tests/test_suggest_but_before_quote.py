"""A sentence that opens with "But" right before a quotation ('But "...," Roe said',
'But, Roe added, "..."') keeps the "But" in the claim, as the coders mark it."""

from __future__ import annotations

from annotator.core.suggest import suggest_article


def _claim_with(text: str, words: str):
    (claim,) = [c for c in suggest_article(text) if any(words in s.text for s in c.content)]
    return " … ".join(s.text for s in claim.content), claim.cue.text, claim.mention.text, claim.kind


def test_but_before_a_quote_is_part_of_the_claim():
    text = (
        "Harbour vote\n\nThe council backed the repairs. "
        'But "the money will not last the winter," Ana Roe said.'
    )
    assert _claim_with(text, "winter") == (
        "But … the money will not last the winter,",
        "said",
        "Ana Roe",
        "mixed",
    )


def test_but_before_an_attribution_and_a_quote_is_part_of_the_claim():
    text = (
        "Harbour vote\n\nThe council backed the repairs. "
        'But, Ana Roe added, "the money will not last the winter."'
    )
    assert _claim_with(text, "winter") == (
        "But … the money will not last the winter.",
        "added",
        "Ana Roe",
        "mixed",
    )


def test_a_quote_without_but_stays_direct():
    text = 'Harbour vote\n\n"The money will not last the winter," Ana Roe said.'
    assert _claim_with(text, "winter") == (
        "The money will not last the winter,",
        "said",
        "Ana Roe",
        "direct",
    )

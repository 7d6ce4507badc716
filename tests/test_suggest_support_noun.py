""" "support" after a share ("52 percent support") or an adjective of kind ("broad
support") is the noun, no cue; after a subject, even one ending in a number ("crews
under 35 support Roe"), it is the verb."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_support_as_a_share_or_a_kind_is_no_claim():
    text = "Ana Roe now has 52 percent support against Lee among ferry riders."
    assert claims_of(text) == []
    text = "The mayor drew broad support heading into the last round of talks on the pier."
    assert claims_of(text) == []


def test_support_after_its_subject_is_a_claim():
    got = [seen(c) for c in claims_of("Ferry crews under 35 support Ana Roe by four points.")]
    assert got == [("Ana Roe by four points", "support", "Ferry crews under 35")]
    got = [seen(c) for c in claims_of("Most skippers support the new toll on the bridge.")]
    assert got == [("the new toll on the bridge", "support", "Most skippers")]

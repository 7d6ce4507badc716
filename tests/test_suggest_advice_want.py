""" "may want to" and "might want to" give the writer's advice ("buyers may want to
read the small print"), not the subject's wish: no claim; "wants to" still is one."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_may_or_might_want_is_advice():
    assert claims_of("Buyers of harbour bonds may want to read the small print first.") == []
    assert claims_of("Ana Roe might want to check her figures on the ferry.") == []


def test_wants_to_is_a_wish():
    got = [seen(c) for c in claims_of("Ana Roe wants to check the figures on the ferry.")]
    assert got == [("to check the figures on the ferry", "wants", "Ana Roe")]

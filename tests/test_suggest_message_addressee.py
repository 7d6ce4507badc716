"""A message noun and "to" ("her statement to the meeting", "his letter to the
council") name whom the message was addressed to, not what it was about: no claim."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_the_addressee_of_a_statement_is_no_claim():
    assert claims_of("Ana Roe read out her statement to the council before the vote.") == []


def test_a_quote_in_a_statement_keeps_its_one_claim():
    text = (
        "Ana Roe, the harbour master, spoke last. “Let the tide decide, not the size of "
        "the boat,” she urged in her statement to the meeting."
    )
    assert [seen(c) for c in claims_of(text)] == [
        ("Let the tide decide, not the size of the boat,", "urged", "she")
    ]

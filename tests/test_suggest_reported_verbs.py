"""A reported clause without "that" needs a verb to be read as a clause: a bare past
after "never", an irregular past, and a verb after a short noun compound count."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_verb_after_never_makes_the_words_after_said_a_clause() -> None:
    (claim,) = claims_of("Mr. Olsen said the night ferry never cut its fares, as far as he knew.")
    assert seen(claim)[1:] == ("said", "Olsen")
    assert seen(claim)[0].startswith("the night ferry never cut its fares")


def test_a_verb_after_a_noun_compound_makes_the_words_after_said_a_clause() -> None:
    (claim,) = claims_of("Ms. Lund said ferry fare policy depends on trust.")
    assert seen(claim) == ("ferry fare policy depends on trust", "said", "Lund")


def test_an_object_after_said_is_still_no_clause() -> None:
    assert claims_of("The skipper said a short prayer for the crew.") == []

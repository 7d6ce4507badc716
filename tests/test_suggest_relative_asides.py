"""A relative clause about the name that ends a reported clause (", who ...",
", which ...") is the writer's note on that name, not part of what was said."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_note_on_a_person_after_who_is_left_out() -> None:
    claims = claims_of(
        "The mayor said she would meet Ana Ruiz, who ran the harbour board for ten years."
    )
    assert [seen(c) for c in claims] == [("she would meet Ana Ruiz", "said", "The mayor")]


def test_a_note_on_a_named_body_after_which_is_left_out() -> None:
    (claim,) = claims_of(
        "The skipper said he was willing to talk to the Harbour Board, which meets on Fridays."
    )
    assert seen(claim)[0] == "he was willing to talk to the Harbour Board"


def test_a_relative_clause_about_a_common_noun_stays() -> None:
    (claim,) = claims_of(
        "The skipper said the town needs a new pier, which would cost two million pounds."
    )
    assert seen(claim)[0] == "the town needs a new pier, which would cost two million pounds"

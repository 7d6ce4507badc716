"""A time closing a plain object says when it was said, not what: it stays out of the
claim before a comma and a new clause too, as PolNeAR marks it."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_day_before_but_and_a_new_clause_is_not_part_of_the_object() -> None:
    claims = claims_of(
        "Ms. Okafor praised the new timetable on Monday, but the skippers stayed away "
        "from the vote."
    )
    assert [seen(c) for c in claims] == [("the new timetable", "praised", "Okafor")]


def test_last_year_before_and_a_new_clause_is_not_part_of_the_object() -> None:
    claims = claims_of(
        "Mr. Lee condemned the late sailings last year, and his deputy resigned soon after."
    )
    assert [seen(c)[:2] for c in claims] == [("the late sailings", "condemned")]


def test_a_noun_in_ing_after_their_still_lets_the_day_go() -> None:
    claims = claims_of("The skipper welcomed their funding of the new pier on Friday.")
    assert [seen(c)[:2] for c in claims] == [("their funding of the new pier", "welcomed")]


def test_a_day_after_an_ing_verb_in_the_object_stays_with_it() -> None:
    claims = claims_of("The skipper proposed raising the toll on Friday.")
    assert [seen(c)[:2] for c in claims] == [("raising the toll on Friday", "proposed")]


def test_a_month_before_and_a_second_verb_is_not_part_of_the_object() -> None:
    claims = claims_of(
        "The skippers endorsed Pike in early March and campaigned for him all spring."
    )
    assert seen(claims[0])[:2] == ("Pike", "endorsed")

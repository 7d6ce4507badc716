"""Where a reported clause ends in the clause rules: before a clause of the writer's own
that opens after a comma and a conjunction with a subject and a verb of its own."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_reported_clause_ends_before_and_with_a_new_subject_and_verb() -> None:
    claims = claims_of(
        "The harbour master believes the ferry will run late all winter, "
        "and the council has voted to buy a second boat."
    )
    assert seen(claims[0]) == (
        "the ferry will run late all winter",
        "believes",
        "The harbour master",
    )


def test_a_reported_clause_ends_before_but_with_a_subject_and_past_verb() -> None:
    claims = claims_of(
        "Several skippers think the new toll is too steep, but the council spent "
        "the money on a new road."
    )
    assert seen(claims[0])[:2] == ("the new toll is too steep", "think")


def test_a_second_that_clause_after_and_stays_in_the_content() -> None:
    claims = claims_of(
        "The harbour master believes the ferry will run late all winter, "
        "and that the council will buy a second boat."
    )
    assert seen(claims[0])[0] == (
        "the ferry will run late all winter, and that the council will buy a second boat"
    )


def test_an_object_ends_after_a_comma_inside_closing_quotation_marks() -> None:
    claims = claims_of(
        'The skipper called the new toll "a disgrace," an unusual rebuke that drew '
        "cheers from the crowd on the quay."
    )
    assert seen(claims[0]) == ('the new toll "a disgrace,"', "called", "The skipper")


def test_a_reported_clause_ends_after_a_quoted_comma_before_which() -> None:
    claims = claims_of(
        "The warden described the pier as “unsafe at any speed,” which surprised "
        "nobody in the harbour."
    )
    assert seen(claims[0])[:2] == ("the pier as “unsafe at any speed,”", "described")


def test_a_list_of_quoted_words_after_a_quoted_comma_stays_whole() -> None:
    claims = claims_of("The ferry captain says the warden is a “bully,” a “coward” and a “liar.”")
    assert seen(claims[0])[0] == "the warden is a “bully,” a “coward” and a “liar.”"


def test_an_object_in_an_aside_of_the_subject_ends_before_the_sentences_verb() -> None:
    claims = claims_of(
        "The guild, whose members supported the toll last year, is planning a strike "
        "for the spring."
    )
    assert seen(claims[0]) == ("the toll", "supported", "members")


def test_an_object_in_a_relative_clause_ends_before_the_main_verb_after_a_comma() -> None:
    claims = claims_of("Several skippers who oppose the new toll, are backing the measure.")
    assert seen(claims[0])[:2] == ("the new toll", "oppose")


def test_an_aside_inside_the_reported_clause_keeps_its_verb() -> None:
    claims = claims_of(
        "The warden said the plan, drawn up by the council in March, was never costed."
    )
    assert seen(claims[0])[0] == "the plan, drawn up by the council in March, was never costed"


def test_a_past_verb_after_and_in_a_relative_clause_of_the_object_stays_in() -> None:
    claims = claims_of(
        "The skippers praised Captain Berg as a rookie who memorized the charts and "
        "learned every reef by heart."
    )
    assert seen(claims[0]) == (
        "Captain Berg as a rookie who memorized the charts and learned every reef by heart",
        "praised",
        "The skippers",
    )


def test_a_hyphenated_adjective_after_and_is_no_second_act() -> None:
    claims = claims_of(
        "Mayor Lind hopes to fund the new pier and need-based grants for young fishers."
    )
    assert seen(claims[0])[:2] == (
        "to fund the new pier and need-based grants for young fishers",
        "hopes",
    )


def test_an_object_ends_before_a_comma_and_so_with_a_consequence() -> None:
    claims = claims_of(
        "The skippers urged the council to cut the toll before the summer, so nobody "
        "expects the ferry to stay empty."
    )
    assert seen(claims[0])[:2] == ("the council to cut the toll before the summer", "urged")


def test_so_far_after_a_comma_stays_in_the_object() -> None:
    claims = claims_of("The warden praised the new ferry, so far the fastest boat on the route.")
    assert seen(claims[0])[0] == "the new ferry, so far the fastest boat on the route"

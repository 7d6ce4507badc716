"""Where a quoted claim starts and ends: which words around and between quotation marks
belong to it."""

from __future__ import annotations

from suggest_claims import HEAD, claims_of, seen

from annotator.core.suggest import suggest_article


def test_two_apostrophes_continue_a_quote_into_the_next_paragraph() -> None:
    text = HEAD + (
        "''Three boats came in late on Sunday,'' he added. ''The wind turned at noon. "
        "Nobody on the quay saw it coming.\n\n"
        "''Next year the club will keep a spare crew on shore.''"
    )
    (claim,) = suggest_article(text)
    assert [s.text for s in claim.content] == [
        "Three boats came in late on Sunday,",
        "The wind turned at noon. Nobody on the quay saw it coming.",
        "Next year the club will keep a spare crew on shore.",
    ]
    assert claim.cue is not None and claim.cue.text == "added"


def test_a_single_quote_inside_two_apostrophes_does_not_end_the_quote() -> None:
    (claim,) = claims_of("''Some crews take a 'wait and see' view of the tides,'' Mr. Oduya said.")
    assert seen(claim) == (
        "Some crews take a 'wait and see' view of the tides,",
        "said",
        "Oduya",
    )


def test_a_colon_before_two_apostrophes_introduces_the_quote() -> None:
    (claim,) = claims_of("Ms. Okafor grinned: ''The dredger will be late again this year.''")
    assert seen(claim) == ("The dredger will be late again this year.", "grinned", "Okafor")


def test_a_quote_in_a_clause_after_the_attribution_is_a_claim_of_its_own() -> None:
    claims = claims_of(
        '"The pier is safe," Lee said, remarking that the harbour master is "tired of the fees."'
    )
    assert [seen(c)[0] for c in claims] == [
        "The pier is safe,",
        'the harbour master is "tired of the fees."',
    ]
    assert claims[0].cue is not None and claims[0].cue.text == "said"
    # the second claim's verb is not a listed cue, and "said" is the first quote's
    assert claims[1].cue is None
    assert claims[1].mention is not None and claims[1].mention.text == "Lee"


def test_a_quote_after_a_comma_goes_on_with_the_quote_before() -> None:
    (claim,) = claims_of('"The pier is safe," Lee said on Monday, "and the fee is fair."')
    assert seen(claim) == ("The pier is safe, … and the fee is fair.", "said", "Lee")


def test_a_name_in_quotation_marks_after_the_attribution_is_no_claim() -> None:
    (claim,) = claims_of(
        '"When does the ferry leave?" asked Dana Moss, holding up a "Harbour Days Are Back" flyer.'
    )
    assert seen(claim) == ("When does the ferry leave?", "asked", "Dana Moss")


def test_a_quote_with_an_unlisted_verb_after_it_is_no_part_of_the_quote_before() -> None:
    claims = claims_of(
        '"The pier is safe for every crew," Lee said. "The new fee is fair to all of them," '
        "he notes."
    )
    assert [seen(c) for c in claims] == [
        ("The pier is safe for every crew,", "said", "Lee"),
        ("The new fee is fair to all of them,", "notes", "he"),
    ]


def test_a_quoted_sentence_after_a_clause_and_a_comma_is_said_by_its_subject() -> None:
    (claim,) = claims_of(
        "Stepping off the launch, the harbour master turned to the crowd, "
        '"We will finish the pier by May."'
    )
    assert seen(claim) == ("We will finish the pier by May.", "turned", "the harbour master")


def test_a_title_after_a_comma_is_no_quoted_claim() -> None:
    claims = claims_of('She became known for her film about the sea, "Deep Water Rising."')
    assert all(seen(c)[0] != "Deep Water Rising." for c in claims)


def test_a_quote_said_with_an_irregular_verb_or_by_the_writer_is_a_claim() -> None:
    went_on = claims_of('"The ferry needs a new engine and a crew," she went on.')
    assert [seen(c) for c in went_on] == [
        ("The ferry needs a new engine and a crew,", "went on", "she")
    ]
    grumbled = claims_of('"We should have sold the boat years ago," I grumbled.')
    assert [seen(c) for c in grumbled] == [
        ("We should have sold the boat years ago,", "grumbled", "I")
    ]


def test_the_verb_after_an_apposition_introduces_the_quoted_sentence() -> None:
    (claim,) = claims_of(
        "As Ann Roe, a professor of law at Leeds, put it, ''Harbour boards should keep in "
        "mind that a small grant now beats no grant at all.''"
    )
    assert seen(claim)[1:] == ("put", "Ann Roe")
    assert seen(claim)[0].startswith("Harbour boards should keep in mind")


def test_the_verb_before_a_colon_skips_an_auxiliary() -> None:
    (claim,) = claims_of(
        'Lee has settled on a rule most skippers share: "I sail in summer and rest in winter."'
    )
    assert seen(claim) == ("I sail in summer and rest in winter.", "settled", "Lee")


def test_a_reported_clause_before_a_comma_goes_on_into_the_quote() -> None:
    (claim,) = claims_of(
        'Lee said the ferry will run again in spring, "once the new engine is in."'
    )
    assert seen(claim) == (
        'the ferry will run again in spring, "once the new engine is in."',
        "said",
        "Lee",
    )


def test_the_person_told_before_a_comma_stays_out_of_the_quote() -> None:
    claims = claims_of(
        "The mayor spoke to the press, telling Radio Kent in a talk aired at noon, "
        '"The crews can run the pier without help."'
    )
    assert "The crews can run the pier without help." in [seen(c)[0] for c in claims]


def test_the_subject_a_quote_goes_on_from_opens_the_claim() -> None:
    (claim,) = claims_of('Lee said on Monday he "will sail to the island in June."')
    assert seen(claim) == ('he "will sail to the island in June."', "said", "Lee")
    (claim,) = claims_of('Lee said on Monday "it will be hard to sail in June."')
    assert seen(claim) == ("it will be hard to sail in June.", "said", "Lee")


def test_called_before_a_quote_is_its_cue_and_what_it_names_opens_the_claim() -> None:
    claims = claims_of('Lee said the plan was late and called it "a farce from start to finish."')
    assert [seen(c) for c in claims] == [
        ("the plan was late", "said", "Lee"),
        ('it "a farce from start to finish."', "called", "Lee"),
    ]


def test_an_apposition_after_an_unlisted_attribution_does_not_hide_it() -> None:
    (claim,) = claims_of(
        '"Every skipper here reads the tides a different way," agrees Ann Lee, 42, of Dover.'
    )
    assert seen(claim) == (
        "Every skipper here reads the tides a different way,",
        "agrees",
        "Ann Lee",
    )

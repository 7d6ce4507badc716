"""Where a quoted claim starts and ends: which words around and between quotation marks
belong to it."""

from __future__ import annotations

from suggest_claims import HEAD, claims_of, seen

from annotator.core.suggest import suggest_article


def test_two_apostrophes_continue_a_quote_into_the_next_paragraph() -> None:
    text = HEAD + (
        "''We hire rowers from all over the coast,'' he added. ''The regatta relies on "
        "fair judges. Every judge should meet that standard.\n\n"
        "''I do not think a rower's home port makes anyone unfit to race.''"
    )
    (claim,) = suggest_article(text)
    assert [s.text for s in claim.content] == [
        "We hire rowers from all over the coast,",
        "The regatta relies on fair judges. Every judge should meet that standard.",
        "I do not think a rower's home port makes anyone unfit to race.",
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
    (claim,) = claims_of("And Mr. Lopez gloated: ''I warned you the dredger would be late.''")
    assert seen(claim) == ("I warned you the dredger would be late.", "gloated", "Lopez")


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
        '"Is the pier safe?" asked the boy, who wore a "Keep the Old Pier Open" cap.'
    )
    assert seen(claim) == ("Is the pier safe?", "asked", "the boy")


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
        'Rushing past the crowd, the harbour master called over her shoulder, "We are not '
        'done with the pier."'
    )
    assert seen(claim) == ("We are not done with the pier.", "called", "the harbour master")


def test_a_title_after_a_comma_is_no_quoted_claim() -> None:
    claims = claims_of('She became known for her film about the sea, "Deep Water Rising."')
    assert all(seen(c)[0] != "Deep Water Rising." for c in claims)


def test_a_quote_said_with_an_irregular_verb_or_by_the_writer_is_a_claim() -> None:
    went_on = claims_of('"The ferry needs a new engine and a crew," she went on.')
    assert [seen(c) for c in went_on] == [
        ("The ferry needs a new engine and a crew,", "went on", "she")
    ]
    confessed = claims_of('"This is a big win for the harbour," I confessed.')
    assert [seen(c) for c in confessed] == [
        ("This is a big win for the harbour,", "confessed", "I")
    ]


def test_the_verb_after_an_apposition_introduces_the_quoted_sentence() -> None:
    (claim,) = claims_of(
        "As Ann Roe, a professor of law at Leeds, put it, ''Harbour boards should remember "
        "that a small grant today may be far better for them than nothing.''"
    )
    assert seen(claim)[1:] == ("put", "Ann Roe")
    assert seen(claim)[0].startswith("Harbour boards should remember")


def test_the_verb_before_a_colon_skips_an_auxiliary() -> None:
    (claim,) = claims_of(
        'Lee has adopted the stance common among skippers: "I sail in summer, but I rest '
        'in winter."'
    )
    assert seen(claim) == ("I sail in summer, but I rest in winter.", "adopted", "Lee")


def test_a_reported_clause_before_a_comma_goes_on_into_the_quote() -> None:
    (claim,) = claims_of(
        'Lee said the storm was not mainly the fault of the crews, "not by a long shot."'
    )
    assert seen(claim) == (
        'the storm was not mainly the fault of the crews, "not by a long shot."',
        "said",
        "Lee",
    )


def test_the_person_told_before_a_comma_stays_out_of_the_quote() -> None:
    claims = claims_of(
        "The mayor spoke on Monday, telling Radio Kent in an interview published on Monday, "
        '"But the crews are both able to run the pier."'
    )
    assert "But the crews are both able to run the pier." in [seen(c)[0] for c in claims]


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
        '"Our ideas of a good harbour are different," agrees Ann Lee, 30, of Leeds.'
    )
    assert seen(claim) == ("Our ideas of a good harbour are different,", "agrees", "Ann Lee")

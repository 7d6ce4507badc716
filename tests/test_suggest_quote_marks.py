"""Quotation marks and sentence ends as a reader sees them: titles before a hyphen,
initials in names, two apostrophes standing for a double mark."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_title_after_a_hyphen_does_not_end_the_sentence() -> None:
    (claim,) = claims_of(
        "The harbour master said that then-Sen. Ruth Okafor had promised the town a new pier."
    )
    assert seen(claim) == (
        "then-Sen. Ruth Okafor had promised the town a new pier",
        "said",
        "The harbour master",
    )


def test_a_middle_initial_after_a_lowercase_word_does_not_end_the_sentence() -> None:
    (claim,) = claims_of(
        "The clerk said that the judge, M. Carla Diaz, would hear the ferry case in May."
    )
    assert seen(claim) == (
        "the judge, M. Carla Diaz, would hear the ferry case in May",
        "said",
        "The clerk",
    )


def test_a_quote_after_a_reported_clause_goes_on_with_its_claim() -> None:
    (claim,) = claims_of(
        'Ann Lee said the harbour fee would rise. "Nobody wants it, but the pier is falling apart."'
    )
    assert [s.text for s in claim.content] == [
        "the harbour fee would rise",
        "Nobody wants it, but the pier is falling apart.",
    ]
    assert claim.cue is not None and claim.cue.text == "said"


def test_a_quote_after_a_bare_attribution_takes_its_verb_and_speaker() -> None:
    (claim,) = claims_of('Ann Lee agreed. "The pier is falling apart and the town must act."')
    assert seen(claim) == (
        "The pier is falling apart and the town must act.",
        "agreed",
        "Ann Lee",
    )


def test_a_quote_after_a_quote_attributed_before_it_stays_a_claim_of_its_own() -> None:
    claims = claims_of('Ann Lee said: "The fee will rise." "Nobody wants it, but we need it."')
    assert [seen(c)[0] for c in claims] == [
        "The fee will rise.",
        "Nobody wants it, but we need it.",
    ]


def test_a_book_title_in_two_apostrophes_is_not_a_claim() -> None:
    claims = claims_of(
        "The mayor made her money in shipping, according to her book ''The Long Tide of Our "
        "Harbour.''"
    )
    assert [seen(c)[0] for c in claims] == ["The mayor made her money in shipping"]


def test_a_memoir_title_opening_a_sentence_is_not_the_claim() -> None:
    claims = claims_of(
        'In her memoir "Salt and Rope on the Quay," Ms. Lee said the ferry was late.'
    )
    assert [seen(c) for c in claims] == [("the ferry was late", "said", "Lee")]


def test_two_apostrophes_after_a_comma_and_a_space_still_close_the_quote() -> None:
    claims = claims_of(
        "''The pier is older than the town, '' said Ann Lee, who runs the ferry. "
        "''It will fall one day.''"
    )
    assert [[s.text for s in c.content] for c in claims] == [
        ["The pier is older than the town,", "It will fall one day."]
    ]
    assert claims[0].cue is not None and claims[0].cue.text == "said"


def test_a_question_quote_is_attributed_by_the_long_sentence_after_it() -> None:
    claims = claims_of(
        "“Who will pay for the new pier?” Ann Lee said of the board in February, when the "
        "board refused to fix the pier for the town."
    )
    assert seen(claims[0]) == ("Who will pay for the new pier?", "said", "Ann Lee")


def test_a_question_inside_a_quote_still_ends_it_before_its_attribution() -> None:
    (claim,) = claims_of("“Her reply was, ‘Where is the money for it?’” Ann Lee told reporters.")
    assert seen(claim) == ("Her reply was, ‘Where is the money for it?’", "told", "Ann Lee")


def test_a_paragraph_ending_in_a_colon_attributes_the_quote_under_it() -> None:
    claims = claims_of(
        "The board met on Monday. Ann Lee issued a short statement:\n\n"
        "“The pier is old and the town must fix it soon.”"
    )
    assert [seen(c) for c in claims] == [
        ("The pier is old and the town must fix it soon.", "issued", "Ann Lee")
    ]


def test_an_exclamation_followed_by_an_unlisted_verb_and_a_name_is_attributed() -> None:
    (claim,) = claims_of(
        "The ferry came in at last. “This is great news for the town!” grinned Ann Lee."
    )
    assert seen(claim) == ("This is great news for the town!", "grinned", "Ann Lee")


def test_a_dash_after_a_quoted_fragment_ends_the_paraphrase() -> None:
    (claim,) = claims_of(
        'Ann Lee said the pier was "beyond repair" - a view the harbour board has long shared.'
    )
    assert seen(claim) == ('the pier was "beyond repair"', "said", "Ann Lee")


def test_a_pair_of_dashes_around_a_quoted_aside_keeps_the_paraphrase_whole() -> None:
    (claim,) = claims_of('Ann Lee said the pier - "a relic," in her words - would close in May.')
    assert seen(claim)[0] == 'the pier - "a relic," in her words - would close in May'

"""The sentence's own reporting verb after a long subject or inside a phrase: the
claim is what that verb reports, said by the sentence's subject."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_a_subject_with_an_aside_between_dashes_says_the_clause() -> None:
    claims = claims_of(
        "Ana Ruiz — who ran the ferry port for ten years — said that the pier would close."
    )
    assert [seen(c) for c in claims] == [("the pier would close", "said", "Ana Ruiz")]


def test_a_plural_subject_with_an_aside_between_hyphens_warns() -> None:
    claims = claims_of(
        "The ferry crews - including a few of the board's own staff - warn that the "
        "fares could rise by autumn."
    )
    assert [seen(c)[:2] for c in claims] == [("the fares could rise by autumn", "warn")]
    assert "crews" in seen(claims[0])[2]


def test_a_participle_after_by_reports_what_the_subject_said() -> None:
    claims = claims_of("Lee won the vote by saying that the old pier would reopen in May.")
    assert [seen(c) for c in claims] == [("the old pier would reopen in May", "saying", "Lee")]


def test_a_participle_after_while_reports_what_the_subject_said() -> None:
    claims = claims_of("Ruiz tried to calm the crowd, while saying that the fleet was safe.")
    assert [seen(c) for c in claims] == [("the fleet was safe", "saying", "Ruiz")]


def test_a_clause_opening_with_a_pronoun_is_reported_whatever_its_verb() -> None:
    claims = claims_of("Tom Lee said he and the mayor differ on the harbour tax.")
    assert [seen(c) for c in claims] == [
        ("he and the mayor differ on the harbour tax", "said", "Tom Lee")
    ]


def test_an_object_after_the_verb_is_still_no_claim() -> None:
    assert claims_of("The clerk added a new clause to the ferry contract.") == []


def test_a_second_verb_pointing_something_out_is_a_claim_of_its_own() -> None:
    claims = claims_of(
        "Lee replied by saying it was wrong to hold the vote so early, and then "
        "pointed out that the ferry had been late all week."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("it was wrong to hold the vote so early", "saying"),
        ("the ferry had been late all week", "pointed out"),
    ]


def test_a_verb_in_an_aside_of_the_subject_leaves_the_sentence_its_own_verb() -> None:
    claims = claims_of(
        "The harbour gazette, citing board papers, reported that the ferry is losing "
        "money every week."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("board papers", "citing"),
        ("the ferry is losing money every week", "reported"),
    ]
    assert "gazette" in seen(claims[1])[2]


def test_a_question_put_to_the_subject_ends_before_the_sentence_verb() -> None:
    claims = claims_of(
        "Tom Lee, when asked what exactly was wrong with the ferry plan, responded that "
        "the fares were too high."
    )
    assert seen(claims[0])[:2] == ("what exactly was wrong with the ferry plan", "asked")


def test_going_according_to_plan_is_no_attribution() -> None:
    assert claims_of("The first week of the new ferry went according to plan.") == []
    (claim,) = claims_of("The ferry lost money last year according to officials.")
    assert seen(claim) == ("The ferry lost money last year", "according to", "officials")


def test_a_claim_noun_after_a_possessive_is_said_by_the_possessor() -> None:
    (claim,) = claims_of("Lee rubbished the mayor's claims that the pier was safe.")
    assert seen(claim) == ("the pier was safe", "claims", "the mayor")


def test_a_question_to_the_reader_before_a_call_to_act_is_no_claim() -> None:
    claims = claims_of(
        "Do you back the new ferry plan? Like the page: The mayor said the pier was unsafe."
    )
    assert [seen(c) for c in claims] == [("the pier was unsafe", "said", "The mayor")]


def test_a_question_to_someone_interviewed_is_still_read() -> None:
    claims = claims_of("Do you think the pier is safe?")
    assert [seen(c)[:2] for c in claims] == [("the pier is safe", "think")]


def test_a_team_named_by_a_possessive_says_the_clause_after_said() -> None:
    claims = claims_of(
        "Ruiz's team said the board appears to skirt the limits on fees by moving "
        "money to the port."
    )
    assert [seen(c) for c in claims] == [
        (
            "the board appears to skirt the limits on fees by moving money to the port",
            "said",
            "Ruiz's team",
        )
    ]


def test_although_with_a_second_reporting_verb_starts_a_claim_of_its_own() -> None:
    claims = claims_of(
        "Lee said late Wednesday that he would meet Ruiz, although he tweeted that he "
        "rejects her latest remarks."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("he would meet Ruiz", "said"),
        ("he rejects her latest remarks", "tweeted"),
    ]


def test_a_sentence_ending_in_someone_maintaining_it_is_their_claim() -> None:
    claims = claims_of(
        "Lee, a skipper who has argued many disputes in front of the port court, will "
        "do a fine job on the board, Ruiz maintains."
    )
    assert [seen(c) for c in claims] == [
        (
            "Lee, a skipper who has argued many disputes in front of the port court, will "
            "do a fine job on the board",
            "maintains",
            "Ruiz",
        )
    ]


def test_a_participle_opening_the_sentence_is_said_by_the_subject_after_the_comma() -> None:
    claims = claims_of(
        "Noting that only one member voted with the board, Lee said the fight would go on."
    )
    assert [seen(c) for c in claims] == [
        ("only one member voted with the board", "Noting", "Lee"),
        ("the fight would go on", "said", "Lee"),
    ]


def test_after_saying_at_the_sentence_start_is_said_by_the_subject_after_the_comma() -> None:
    claims = claims_of("After saying he was nervous, the mayor asked about the pier.")
    assert seen(claims[0])[:2] == ("he was nervous", "saying")
    assert "mayor" in seen(claims[0])[2]


def test_telling_someone_that_after_a_preposition_is_the_subjects_claim() -> None:
    claims = claims_of("Lee stood up after telling the board that the nets were torn.")
    assert [seen(c) for c in claims] == [("the nets were torn", "telling", "Lee")]


def test_an_aside_between_double_hyphens_is_skipped_to_the_subject() -> None:
    claims = claims_of(
        "The harbour judge -- who has been in a row with the mayor all week -- said "
        "she regretted her remarks."
    )
    assert [seen(c) for c in claims] == [("she regretted her remarks", "said", "The harbour judge")]


def test_before_claiming_that_ends_the_first_clause_and_starts_a_second_claim() -> None:
    claims = claims_of(
        "Lee said the vote had kept the town safe before claiming that open piers are "
        "ruining the harbour."
    )
    assert [seen(c) for c in claims] == [
        ("the vote had kept the town safe", "said", "Lee"),
        ("open piers are ruining the harbour", "claiming", "Lee"),
    ]

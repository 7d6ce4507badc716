"""Word-exact edges of contents without quotation marks, as PolNeAR marks them: which
words around the reported clause belong to what was said."""

from __future__ import annotations

from suggest_claims import claims_of, seen

from annotator.core.suggest import suggest_article


def test_an_opening_phrase_before_a_clause_and_its_attribution_is_part_of_the_claim() -> None:
    (claim,) = claims_of(
        "In a busy summer, the night ferry could carry twice as many cars, the pier keeper said."
    )
    assert seen(claim) == (
        "In a busy summer, the night ferry could carry twice as many cars",
        "said",
        "the pier keeper",
    )


def test_an_opening_subordinate_clause_before_the_attribution_is_part_of_the_claim() -> None:
    (claim,) = claims_of(
        "Since the dredger broke down, the harbour has silted up twice, Ms. Okafor said."
    )
    assert seen(claim) == (
        "Since the dredger broke down, the harbour has silted up twice",
        "said",
        "Okafor",
    )


def test_a_connector_opening_the_sentence_stays_out_of_the_claim() -> None:
    (claim,) = claims_of("In fact, the island school has never closed for a storm, he said.")
    assert seen(claim)[0] == "the island school has never closed for a storm"


def test_a_noun_phrase_the_reported_clause_lacks_as_its_subject_is_its_first_part() -> None:
    claims = claims_of(
        "The council raised the harbour fees again, a step the mayor believes will "
        "pay for the new pier."
    )
    assert [seen(c) for c in claims] == [
        ("a step … will pay for the new pier", "believes", "the mayor")
    ]


def test_a_noun_phrase_before_a_reported_clause_with_its_own_subject_stays_out() -> None:
    claims = claims_of(
        "The council raised the harbour fees again, a step the mayor said the town needed."
    )
    assert [seen(c)[0] for c in claims] == ["the town needed"]


def test_a_cue_in_a_clause_opened_after_a_span_of_time_ends_at_the_main_clause() -> None:
    claims = claims_of(
        "Three years after Ms. Varga promised that the ferry would run all winter, "
        "the harbour is still closed from December."
    )
    assert [seen(c) for c in claims] == [("the ferry would run all winter", "promised", "Varga")]
    claims = claims_of(
        "Two weeks after the council promised a second pier, the builders left the island."
    )
    assert [seen(c) for c in claims] == [("a second pier", "promised", "the council")]


def test_a_sentence_ending_in_a_cue_and_that_gives_no_claim() -> None:
    assert claims_of("Later the harbour master told reporters that") == []
    assert claims_of("À told reporters that ") == []


def test_a_participle_of_telling_leaves_out_a_coordinated_addressee() -> None:
    claims = claims_of(
        "Ms. Varga toured the quay on Monday, telling fishermen and their families that "
        "the harbour would reopen in May."
    )
    assert [seen(c)[:2] for c in claims] == [("the harbour would reopen in May", "telling")]


def test_a_participle_goes_past_a_programme_title_to_its_that_clause() -> None:
    claims = claims_of(
        'Mr. Okafor spoke at length on Sunday, stating on "Harbour Hour" that the ferry had never '
        "made money."
    )
    assert [seen(c)[:2] for c in claims] == [("the ferry had never made money", "stating")]


def test_a_relative_that_after_the_object_does_not_open_the_reported_clause() -> None:
    claims = claims_of(
        "The mayor spoke at the quay on Friday, repeating a promise that has won her "
        "votes in every election."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("a promise that has won her votes in every election", "repeating")
    ]
    claims = claims_of(
        "The coastguard reported two injured sailors at a boatyard that builds fishing boats."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("two injured sailors at a boatyard that builds fishing boats", "reported")
    ]


def test_a_time_between_the_cue_and_its_infinitive_is_not_part_of_the_claim() -> None:
    claims = claims_of("The harbour board vowed on Monday to keep the night ferry running.")
    assert [seen(c)[:2] for c in claims] == [("to keep the night ferry running", "vowed")]
    claims = claims_of("The ferry company has declined for years to publish its accounts.")
    assert [seen(c)[:2] for c in claims] == [("to publish its accounts", "declined")]


def test_who_before_the_speaker_stands_for_the_subject_of_what_was_said() -> None:
    claims = claims_of("Locals blame Mr. Okafor, who they say has ignored the storm warnings.")
    assert ("who … has ignored the storm warnings", "say", "they") in [seen(c) for c in claims]
    claims = claims_of("The anger was aimed at the pier keeper, who she claims has been unfair.")
    assert [seen(c) for c in claims] == [("who … has been unfair", "claims", "she")]
    claims = claims_of("The anger was aimed at the pier keeper, who Lee dubbed the harbour tyrant.")
    assert [seen(c) for c in claims] == [("who … the harbour tyrant", "dubbed", "Lee")]


def test_who_as_the_subject_of_the_cue_is_not_part_of_the_claim() -> None:
    claims = claims_of("Ms. Varga, who last year promised a second pier, has resigned.")
    assert all(not seen(c)[0].startswith("who") for c in claims)


def test_who_before_is_expected_is_the_subject_of_what_is_expected() -> None:
    claims = claims_of(
        "The count will be run by volunteers who are expected to check every ballot by hand."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("who … to check every ballot by hand", "are expected")
    ]


def test_but_and_a_negated_verb_after_the_clause_are_the_reporters_account() -> None:
    claims = claims_of("Ms. Varga said the ferry would return, but did not say when.")
    assert [seen(c) for c in claims] == [("the ferry would return", "said", "Varga")]
    claims = claims_of("The harbour board confirmed the new timetable but would not give dates.")
    assert [seen(c)[:2] for c in claims] == [("the new timetable", "confirmed")]


def test_but_not_inside_the_clause_stays_in_the_claim() -> None:
    claims = claims_of("Mr. Lee said the fee was unfair but not illegal.")
    assert [seen(c)[0] for c in claims] == ["the fee was unfair but not illegal"]


def test_a_transcript_turn_runs_to_the_end_of_its_paragraph() -> None:
    text = (
        "Harbour talks\n\n"
        "VARGA: We will keep the night ferry. The pier is safe enough for now.\n\n"
        "OKAFOR: The pier is not safe. It has not been safe for years, he said."
    )
    assert [seen(c) for c in suggest_article(text)] == [
        ("We will keep the night ferry. The pier is safe enough for now", ":", "VARGA"),
        ("The pier is not safe", ":", "OKAFOR"),
        ("It has not been safe for years", "said", "he"),
    ]


def test_the_period_of_a_title_does_not_end_the_claim() -> None:
    claims = claims_of("Ms. Varga's criticism of Sen. Okafor drew a large crowd to the quay.")
    assert [seen(c) for c in claims] == [("Sen. Okafor", "criticism of", "Varga")]
    claims = claims_of("Asked whether Mr. Okafor would stay on, the mayor smiled.")
    assert [seen(c)[:2] for c in claims] == [("whether Mr. Okafor would stay on", "Asked")]


def test_the_particle_of_agree_and_speak_goes_with_the_cue() -> None:
    claims = claims_of("The council agreed with the harbour master.")
    assert [seen(c) for c in claims] == [("the harbour master", "agreed with", "The council")]
    claims = claims_of("The council agreed to a smaller pier.")
    assert [seen(c)[:2] for c in claims] == [("a smaller pier", "agreed to")]
    claims = claims_of("The ferry captain spoke briefly about the storm damage.")
    assert [seen(c)[:2] for c in claims] == [("the storm damage", "spoke briefly about")]


def test_an_infinitive_after_agreed_stays_in_the_claim() -> None:
    claims = claims_of("The council agreed to pay for the new pier.")
    assert [seen(c)[:2] for c in claims] == [("to pay for the new pier", "agreed")]


def test_to_before_those_is_a_particle_not_an_infinitive() -> None:
    claims = claims_of("The harbour master refers to those boats as the old fleet.")
    assert [seen(c)[:2] for c in claims] == [("those boats as the old fleet", "refers to")]
    claims = claims_of("Ms. Varga is assured of a seat on the harbour board after the count.")
    assert [seen(c)[:2] for c in claims] == [
        ("a seat on the harbour board after the count", "assured of")
    ]


def test_it_before_seems_is_a_placeholder_not_part_of_the_claim() -> None:
    claims = claims_of("It now seems likely that the night ferry will run all winter.")
    assert [seen(c)[:2] for c in claims] == [
        ("likely that the night ferry will run all winter", "seems")
    ]


def test_a_day_after_the_subject_of_seemed_is_not_part_of_the_claim() -> None:
    claims = claims_of("The harbour master on Tuesday seemed to accept the new fares.")
    assert [seen(c)[:2] for c in claims] == [
        ("The harbour master … to accept the new fares", "seemed")
    ]


def test_called_upon_puts_upon_in_the_cue() -> None:
    claims = claims_of("Ms. Varga called upon the council to repair the pier.")
    assert [seen(c)[:2] for c in claims] == [("the council to repair the pier", "called upon")]


def test_declined_to_comment_ends_the_claim_unless_a_topic_follows() -> None:
    claims = claims_of("The harbour board declined to comment for this article.")
    assert [seen(c)[:2] for c in claims] == [("to comment", "declined")]
    claims = claims_of("The harbour board declined to comment on the new fares.")
    assert [seen(c)[:2] for c in claims] == [("the new fares", "declined to comment on")]


def test_what_seems_is_the_whole_subject_across_and() -> None:
    claims = claims_of(
        "Even now, the old rivalry between Leeds and York seems to shape every vote."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("the old rivalry between Leeds and York … to shape every vote", "seems")
    ]


def test_the_comma_of_a_number_does_not_end_a_subordinate_clause() -> None:
    claims = claims_of(
        "While the harbour master says the fleet has grown to 2,400 boats, the ferry "
        "company says it holds 1,800."
    )
    assert [seen(c)[0] for c in claims] == ["the fleet has grown to 2,400 boats", "it holds 1,800"]


def test_a_relative_before_seems_is_what_seems() -> None:
    claims = claims_of(
        "The council backed the skippers, who seem ready to sail through the winter."
    )
    assert ("who … ready to sail through the winter", "seem") in [seen(c)[:2] for c in claims]
    claims = claims_of("The island lost what appears to be its last ferry.")
    assert [seen(c)[:2] for c in claims] == [("what … to be its last ferry", "appears")]


def test_a_second_participle_ends_the_first_participles_claim() -> None:
    claims = claims_of(
        "Ms. Varga spoke for an hour at the quay, calling the new fares a scandal and "
        "accusing the board of greed."
    )
    assert seen(claims[0]) == ("the new fares a scandal", "calling", "Varga")
    claims = claims_of("Mr. Lee spoke at the quay, praising the crews and the growing fleet.")
    assert [seen(c)[0] for c in claims] == ["the crews and the growing fleet"]

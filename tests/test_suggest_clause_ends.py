"""Where the object of a cue ends in the clause rules, as PolNeAR marks it: what was
praised, backed or rejected stops before another clause with a subject of its own."""

from __future__ import annotations

from suggest_claims import claim_with, claims_of, seen

from annotator.core.suggest import suggest_article


def test_an_object_ends_before_a_dash_and_a_new_clause_with_its_own_claim() -> None:
    claims = claims_of("The skipper criticized the toll - he has called it a tax on islanders.")
    assert [seen(c) for c in claims] == [
        ("the toll", "criticized", "The skipper"),
        ("it a tax on islanders", "called", "he"),
    ]


def test_an_object_ends_before_a_subordinate_clause_with_another_speaker() -> None:
    claims = claims_of("The warden rejected the plan when the harbour master proposed it in March.")
    assert seen(claims[0]) == ("the plan", "rejected", "The warden")
    assert seen(claims[1])[1:] == ("proposed", "the harbour master")


def test_an_object_ends_before_a_reason_with_a_pronoun_and_a_verb() -> None:
    claims = claims_of(
        "Ms. Okafor praised the new pier because she believes the old one is unsafe."
    )
    assert [seen(c) for c in claims] == [
        ("the new pier", "praised", "Okafor"),
        ("the old one is unsafe", "believes", "she"),
    ]


def test_an_object_ends_before_a_name_and_an_auxiliary_after_a_comma() -> None:
    claims = claims_of(
        "The warden rejected the plan, Councillor Adeyemi has argued the opposite for years."
    )
    assert seen(claims[0]) == ("the plan", "rejected", "The warden")


def test_names_joined_by_and_stay_one_object() -> None:
    (claim,) = claims_of(
        "The skipper praised Ana Ruiz and the crew for their rescue of the stranded kayakers."
    )
    assert seen(claim) == (
        "Ana Ruiz and the crew for their rescue of the stranded kayakers",
        "praised",
        "The skipper",
    )


def test_a_clause_after_said_keeps_its_own_reason() -> None:
    (claim,) = claims_of("Lee said the ferry must wait because the pier is unsafe.")
    assert seen(claim)[0] == "the ferry must wait because the pier is unsafe"


def test_an_object_ends_before_by_and_a_participle_that_says_more() -> None:
    claims = claims_of(
        "The ferry captain criticized the harbour board by reminding islanders that the pier "
        "was built in 1952."
    )
    assert seen(claims[0]) == ("the harbour board", "criticized", "The ferry captain")
    assert [seen(c)[1] for c in claims] == ["criticized", "reminding"]


def test_an_object_ends_before_before_and_a_participle() -> None:
    claims = claims_of(
        "Ms. Okafor praised the new pier before urging the council to lower the fees."
    )
    assert [seen(c) for c in claims] == [
        ("the new pier", "praised", "Okafor"),
        ("the council to lower the fees", "urging", "Okafor"),
    ]


def test_an_object_ends_before_the_subjects_next_act_with_has() -> None:
    claims = claims_of(
        "The mayor has not endorsed the bridge plan and has been a sharp critic of its cost."
    )
    assert seen(claims[0]) == ("the bridge plan", "endorsed", "The mayor")


def test_an_object_ends_before_a_comma_and_the_subjects_own_verb() -> None:
    claims = claims_of(
        "A ferry union that backed the mayor in the spring, opposed the new toll on Friday."
    )
    assert seen(claims[0])[:2] == ("the mayor in the spring", "backed")


def test_an_object_in_a_relative_clause_of_the_subject_ends_before_the_main_verb() -> None:
    (claim,) = claims_of("Most islanders who support the new ferry are retired fishermen.")
    assert seen(claim)[:2] == ("the new ferry", "support")
    (claim,) = claims_of("Those who declined to back the toll were thanked by the mayor.")
    assert seen(claim)[:2] == ("to back the toll", "declined")


def test_an_object_ends_before_it_and_a_verb_of_its_own() -> None:
    claims = claims_of(
        "The pier keeper praised the new timetable, but it has angered the night crews."
    )
    assert seen(claims[0]) == ("the new timetable", "praised", "The pier keeper")


def test_a_passive_with_a_time_or_an_agent_after_it_is_no_claim() -> None:
    assert claims_of("The old ferry master was dismissed on Monday after the storm.") == []
    assert claims_of("The new timetable was announced by the harbour office at its meeting.") == []
    # a stance verb in the passive is the agent's stance (the frame rules), not an event
    (claim,) = claims_of("The new fares were criticized by the ferry union at its meeting.")
    assert seen(claim)[:2] == ("The new fares", "criticized")


def test_a_change_after_a_reported_figure_is_the_writers() -> None:
    (claim,) = claims_of(
        "The ferry company reported that it sold 4,000 tickets in May, up 12 percent from April."
    )
    assert seen(claim) == ("it sold 4,000 tickets in May", "reported", "The ferry company")
    (claim,) = claims_of(
        "The trust's annual report showed that it gave $75,000 to the festival, down from "
        "$90,000 last year."
    )
    assert seen(claim)[0] == "it gave $75,000 to the festival"


def test_a_closing_comment_after_a_reported_clause_is_the_writers() -> None:
    (claim,) = claims_of(
        "A survey found that 61 percent of islanders back the toll, a far higher share than "
        "in the spring."
    )
    assert seen(claim) == ("61 percent of islanders back the toll", "found", "A survey")


def test_an_apposition_inside_a_reported_clause_stays() -> None:
    (claim,) = claims_of("The survey found that 61 percent of islanders, a record, back the toll.")
    assert seen(claim)[0] == "61 percent of islanders, a record, back the toll"


def test_a_reported_clause_ends_before_but_and_another_speakers_claim() -> None:
    claims = claims_of(
        "The harbour survey shows the ferry running late twice a week, but the skipper has "
        "called that unfair."
    )
    assert [seen(c) for c in claims] == [
        ("the ferry running late twice a week", "shows", "The harbour survey"),
        ("that unfair", "called", "the skipper"),
    ]


def test_a_reported_clause_keeps_but_and_its_own_speakers_next_words() -> None:
    (claim,) = claims_of("Several skippers say the pier is unsafe but they still use it every day.")
    assert seen(claim)[0] == "the pier is unsafe but they still use it every day"


def test_an_object_ends_before_a_pronoun_and_a_negated_verb() -> None:
    claims = claims_of("The skipper praised the new pier and he didn't mention the toll at all.")
    assert seen(claims[0]) == ("the new pier", "praised", "The skipper")


def test_an_object_in_an_apposition_ends_before_the_subjects_present_verb() -> None:
    claims = claims_of(
        "The pier keeper, a longtime supporter of the mayor, calls the new toll a mistake."
    )
    assert [seen(c)[:2] for c in claims] == [
        ("the mayor", "supporter of"),
        ("the new toll a mistake", "calls"),
    ]


def test_a_particle_before_a_quoted_fragment_goes_with_the_cue() -> None:
    (claim,) = claims_of(
        'Ms. Okafor speaks of rebuilding "the pier our grandparents loved" before winter.'
    )
    assert seen(claim) == (
        'rebuilding "the pier our grandparents loved" before winter',
        "speaks of",
        "Okafor",
    )


def test_a_found_report_in_the_passive_is_no_claim() -> None:
    assert claims_of("The storm report was found in May by a harbour clerk.") == []


def test_a_label_before_a_headline_colon_is_no_speaker() -> None:
    text = "Revealed: The Harbour Master Hid The Storm Report From Islanders\n\nIt was May."
    assert suggest_article(text) == []
    (claim,) = suggest_article("Ana Ruiz: The Ferry Must Run All Winter\n\nIt was May.")
    assert seen(claim) == ("The Ferry Must Run All Winter", ":", "Ana Ruiz")


def test_an_object_ends_before_a_pronoun_and_any_past_form() -> None:
    claims = claims_of("Ms. Okafor criticized the toll because it burdened the fishermen.")
    assert [seen(c) for c in claims] == [("the toll", "criticized", "Okafor")]


def test_an_object_ends_before_a_dash_and_a_participle_that_says_more() -> None:
    claims = claims_of(
        "The mayor denounced the new toll - saying it punished the island families most."
    )
    assert seen(claims[0]) == ("the new toll", "denounced", "The mayor")


def test_a_stance_noun_keeps_its_whole_object() -> None:
    text = (
        "Head\n\nThe guild listed the mayor's record in a pamphlet, among it her support of "
        "the so-called harbour loophole, which let the sale happen."
    )
    claim = claim_with(text, "loophole")
    assert (claim.content[0].text, claim.cue.text) == (
        "the so-called harbour loophole",
        "support of",
    )
    claim = claim_with("Head\n\nShe made plain her opposition to the $2.4 million pier.", "pier")
    assert claim.content[0].text == "the $2.4 million pier"


def test_a_group_backing_a_so_called_plan_backs_the_whole_plan() -> None:
    (claim,) = claims_of(
        "A harbour group backing the so-called night ferry plan spent heavily on radio ads."
    )
    assert seen(claim) == ("the so-called night ferry plan", "backing", "A harbour group")


def test_an_object_never_ends_inside_a_quotation() -> None:
    (claim,) = claims_of(
        "The ferry captain blamed the board for “the delays, the noise, the broken ramps” of "
        "the last winter."
    )
    assert seen(claim)[0] == (
        "the board for “the delays, the noise, the broken ramps” of the last winter"
    )
    (claim,) = claims_of(
        "The skippers cited “broken lights, leaking hulls and a rusty ramp” as reasons to stay home."
    )
    assert (
        seen(claim)[0] == "“broken lights, leaking hulls and a rusty ramp” as reasons to stay home"
    )


def test_an_adjective_in_ing_inside_a_list_does_not_end_the_object() -> None:
    (claim,) = claims_of(
        "The skipper called the old harbour master a patient, caring and honest man."
    )
    assert seen(claim)[0] == "the old harbour master a patient, caring and honest man"


def test_a_bare_time_before_a_mid_sentence_attribution_is_the_writers() -> None:
    (claim,) = claims_of(
        "In the early 1990s, she said, the ferry ran twice a day and nobody paid a toll."
    )
    assert seen(claim) == ("the ferry ran twice a day and nobody paid a toll", "said", "she")
    (claim,) = claims_of(
        "In a busy summer, she said, the ferry ran twice a day and nobody paid a toll."
    )
    assert seen(claim)[0].startswith("In a busy summer … ")


def test_an_object_ends_before_the_occasion_it_was_said_at() -> None:
    claims = claims_of("The mayor praised the new ferry schedule at a packed news conference.")
    assert seen(claims[0]) == ("the new ferry schedule", "praised", "The mayor")
    claims = claims_of("Councillor Brandt criticized the harbour board in an email to residents.")
    assert seen(claims[0]) == ("the harbour board", "criticized", "Brandt")


def test_an_occasion_followed_by_that_keeps_what_was_said() -> None:
    claims = claims_of(
        "The skipper refused to say in an interview that the toll would ever be lowered."
    )
    assert seen(claims[0])[0] == ("to say in an interview that the toll would ever be lowered")


def test_a_time_after_a_plain_object_is_not_part_of_it() -> None:
    claims = claims_of("The dockers' union endorsed Mayor Okafor on Tuesday night.")
    assert seen(claims[0])[:2] == ("Mayor Okafor", "endorsed")
    claims = claims_of("The ferry guild backed the harbour plan in late May.")
    assert seen(claims[0])[:2] == ("the harbour plan", "backed")
    claims = claims_of("Councillor Brandt announced her candidacy in June 2015.")
    assert seen(claims[0])[:2] == ("her candidacy", "announced")
    claims = claims_of("The ferry guild backed the senator on Super Tuesday.")
    assert seen(claims[0])[:2] == ("the senator", "backed")


def test_a_time_after_a_verb_in_the_object_stays_with_it() -> None:
    claims = claims_of("The skipper accused the board of raising the toll in 2014.")
    assert seen(claims[0])[0] == "the board of raising the toll in 2014"


def test_an_object_ends_before_the_channel_it_was_said_on() -> None:
    claims = claims_of("The skipper mocked the harbour board on Twitter.")
    assert seen(claims[0])[:2] == ("the harbour board", "mocked")
    claims = claims_of("The guild proposed they meet on CNN before the vote.")
    assert seen(claims[0])[0] == "they meet on CNN before the vote"

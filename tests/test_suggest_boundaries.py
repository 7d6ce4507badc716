"""Where reported contents start and end, following PolNeAR's conventions (the research
standard for attribution spans): the words around the clause that belong to the
reporter, not to what was said."""

from __future__ import annotations

from annotator.core.suggest import SuggestedClaim, suggest_article


def contents(claims: list[SuggestedClaim]) -> list[list[str]]:
    return [[s.text for s in c.content] for c in claims]


def cues(claims: list[SuggestedClaim]) -> list[str | None]:
    return [c.cue.text if c.cue is not None else None for c in claims]


def test_a_day_after_the_cue_is_not_part_of_the_reported_clause() -> None:
    text = "Ferries\n\nThe harbour master said Tuesday the second ferry would run by June."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the second ferry would run by June"]]
    assert claim.cue is not None and claim.cue.text == "said"


def test_a_day_part_and_that_after_the_cue_are_skipped() -> None:
    text = "Ferries\n\nMs. Varga announced early Friday that the island would buy two boats."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the island would buy two boats"]]


def test_a_second_reporting_verb_of_the_same_speaker_ends_the_first_clause() -> None:
    text = (
        "Ferries\n\n"
        "Ms. Varga said the old ferry was too slow and also said that the council "
        "had ignored the harbour for years."
    )
    claims = suggest_article(text)
    assert contents(claims) == [
        ["the old ferry was too slow"],
        ["the council had ignored the harbour for years"],
    ]
    assert cues(claims) == ["said", "said"]


def test_a_relative_clause_ends_before_the_sentences_own_reporting_verb() -> None:
    text = (
        "Ferries\n\n"
        "Mr. Okafor, who says the dredger is broken, said the harbour would close in May."
    )
    claims = suggest_article(text)
    assert ["the dredger is broken"] in contents(claims)
    assert ["the harbour would close in May"] in contents(claims)


def test_what_seems_is_the_subject_and_its_infinitive() -> None:
    text = "Ferries\n\nThe new timetable seems to suit the fishermen better than the old one."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["The new timetable", "to suit the fishermen better than the old one"]
    ]
    assert claim.cue is not None and claim.cue.text == "seems"


def test_the_person_asked_is_not_part_of_the_question() -> None:
    text = "Ferries\n\nA reporter asked Mr. Okafor whether the ferry would run in May."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["whether the ferry would run in May"]]
    assert claim.cue is not None and claim.cue.text == "asked"


def test_asked_someone_about_a_topic_is_the_topic() -> None:
    text = "Ferries\n\nMs. Varga asked the minister about the broken dredger."
    assert contents(suggest_article(text)) == [["the broken dredger"]]


def test_agreeing_with_someone_that_is_the_clause() -> None:
    text = "Ferries\n\nThe fishermen agreed with the mayor that the harbour needs a dredger."
    assert contents(suggest_article(text)) == [["that the harbour needs a dredger"]]


def test_a_long_addressee_of_told_is_not_part_of_the_clause() -> None:
    text = (
        "Ferries\n\n"
        "The mayor told the Island Gazette of Port Mara last week she would sell the old ferry."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["she would sell the old ferry"]]
    assert claim.cue is not None and claim.cue.text == "told"


def test_two_verbs_of_one_speaker_in_the_same_form_are_two_claims() -> None:
    text = (
        "Ferries\n\n"
        "Ms. Varga acknowledged that the timetable was late and promised that "
        "the second ferry would sail in June."
    )
    claims = suggest_article(text)
    assert contents(claims) == [
        ["the timetable was late"],
        ["the second ferry would sail in June"],
    ]
    assert cues(claims) == ["acknowledged", "promised"]


def test_a_relative_word_before_the_speaker_is_part_of_what_was_said() -> None:
    text = (
        "Ferries\n\n"
        "The council bought a dredger, which the mayor said was too small for the harbour."
    )
    claims = suggest_article(text)
    assert ["which", "was too small for the harbour"] in contents(claims)


def test_an_attribution_between_commas_splits_the_claim_in_two() -> None:
    text = "Ferries\n\nThe bigger risk, Ms. Varga said, is that the harbour will freeze in January."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["The bigger risk", "is that the harbour will freeze in January"]]
    assert claim.cue is not None and claim.cue.text == "said"


def test_a_cue_in_an_opening_subordinate_clause_ends_at_the_main_clause() -> None:
    text = (
        "Ferries\n\nWhile the mayor said the ferry would run all winter, the fishermen stayed home."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["the ferry would run all winter"]
    assert cues(claims)[0] == "said"


def test_those_who_said_something_end_at_the_comma() -> None:
    text = (
        "Ferries\n\nAmong those who said they used the ferry every day, most wanted a second boat."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["they used the ferry every day"]


def test_another_speakers_attribution_after_a_comma_ends_the_clause() -> None:
    text = (
        "Ferries\n\n"
        "Ms. Varga said the ferry was safe, but the inspectors said the hull was rusting."
    )
    claims = suggest_article(text)
    assert contents(claims) == [["the ferry was safe"], ["the hull was rusting"]]
    assert claims[0].speaker is not None and claims[0].speaker.name.endswith("Varga")


def test_a_participle_that_is_not_a_reporting_verb_stays_in_the_clause() -> None:
    text = (
        "Ferries\n\n"
        "Several fishermen believe the harbour will freeze early, leading to a long winter."
    )
    claims = suggest_article(text)
    assert contents(claims) == [["the harbour will freeze early, leading to a long winter"]]


def test_a_second_verb_in_another_form_than_the_cue_belongs_to_the_clause() -> None:
    text = (
        "Ferries\n\n"
        "Several fishermen said they are tired of waiting and want a new ferry this year."
    )
    claims = suggest_article(text)
    assert contents(claims) == [["they are tired of waiting and want a new ferry this year"]]


def test_the_description_after_a_speaker_named_after_the_cue_is_not_content() -> None:
    text = (
        "Ferries\n\n"
        "The harbour is too shallow for the new boats, said Ana Ruiz, director of "
        "the island's port authority."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["The harbour is too shallow for the new boats"]]


def test_a_dateline_is_not_part_of_the_claim() -> None:
    text = (
        "Ferries\n\nPORT MARA (Island Wire) - The ferry will not sail this winter, officials said."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["The ferry will not sail this winter"]]


def test_a_mid_sentence_attribution_splits_the_last_phrase_before_it() -> None:
    text = (
        "Ferries\n\n"
        "Despite the storms of the last week, the second ferry, the captain said, "
        "will sail on Monday."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the second ferry", "will sail on Monday"]]


def test_a_reported_clause_with_a_quoted_fragment_is_mixed() -> None:
    text = 'Ferries\n\nMs. Varga said the timetable was "a disgrace" and should be rewritten.'
    (claim,) = suggest_article(text)
    assert claim.kind == "mixed"
    assert contents([claim]) == [['the timetable was "a disgrace" and should be rewritten']]


def test_an_apostrophe_of_a_plural_possessive_does_not_make_a_claim_mixed() -> None:
    text = "Ferries\n\nMs. Varga said the islanders' boats were too old for the crossing."
    (claim,) = suggest_article(text)
    assert claim.kind == "indirect"


def test_a_relative_clause_ending_in_a_quote_stops_before_the_sentences_verb() -> None:
    text = 'Ferries\n\nThe captain, who said the ferry was "a floating ruin," resigned on Monday.'
    claims = suggest_article(text)
    assert contents(claims) == [['the ferry was "a floating ruin,"']]
    assert claims[0].kind == "mixed"


def test_the_person_told_after_a_participle_is_not_part_of_the_clause() -> None:
    text = (
        "Ferries\n\n"
        "The captain denied the report, telling the Island Gazette he had never left "
        "the harbour."
    )
    claims = suggest_article(text)
    assert ["he had never left the harbour"] in contents(claims)


def test_a_relative_word_before_a_clause_cues_subject_is_part_of_the_claim() -> None:
    text = (
        "Ferries\n\n"
        "The council will vote on the new harbour, which even the most hopeful "
        "fishermen doubt will be built."
    )
    claims = suggest_article(text)
    assert ["which", "will be built"] in contents(claims)


def test_what_someone_called_something_is_the_relative_word_and_the_name() -> None:
    text = "Ferries\n\nThe ferry sank in what the pilots called a freak squall off the coast."
    claims = suggest_article(text)
    assert ["what", "a freak squall off the coast"] in contents(claims)


def test_not_this_but_that_stays_one_clause() -> None:
    text = (
        "Ferries\n\n"
        "Ms. Varga said that the council was not involved but supported the fishermen's plan."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["the council was not involved but supported the fishermen's plan"]
    ]


def test_an_interview_answer_opening_with_i_think_is_the_thought() -> None:
    text = (
        "Ferries\n\n"
        "Q: Will the island get its second ferry?\n"
        "A: I think the council will pay for it next spring."
    )
    claims = suggest_article(text)
    assert ["the council will pay for it next spring"] in contents(claims)
    assert "think" in cues(claims)


def test_according_to_after_a_clause_holding_an_object_cue_is_the_claim() -> None:
    text = (
        "Ferries\n\n"
        "The harbour trust quietly endorsed the second ferry last spring, according to "
        "minutes of the island council."
    )
    claims = suggest_article(text)
    assert contents(claims) == [["The harbour trust quietly endorsed the second ferry last spring"]]
    assert cues(claims) == ["according to"]


def test_a_stance_noun_after_the_verb_joins_the_cue() -> None:
    text = "Ferries\n\nThe fishermen expressed concern about fuel for the second ferry."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["fuel for the second ferry"]]
    assert claim.cue is not None and claim.cue.text == "expressed concern about"


def test_questions_about_something_is_the_something() -> None:
    text = (
        "Ferries\n\n"
        "The fishermen have doubts, and questions about whether their slipway can hold two ferries."
    )
    claims = suggest_article(text)
    assert ["whether their slipway can hold two ferries"] in contents(claims)


def test_an_object_cue_in_an_opening_subordinate_clause_ends_at_the_comma() -> None:
    text = "Ferries\n\nIf the mayor seemed to favour the fishermen, the council backed the traders."
    claims = suggest_article(text)
    assert contents(claims)[0] == ["the mayor", "to favour the fishermen"]


def test_a_relative_after_a_preposition_is_not_part_of_the_claim() -> None:
    text = (
        "Ferries\n\n"
        "The mayor spoke at a meeting during which islanders asked how much the ferry cost."
    )
    claims = suggest_article(text)
    assert ["how much the ferry cost"] in contents(claims)


def test_a_quoted_fragment_claim_takes_the_whole_verb_phrase_as_its_cue() -> None:
    text = 'Ferries\n\nThe captain went on to call the old ferry "a floating ruin."'
    (claim,) = suggest_article(text)
    assert claim.cue is not None and claim.cue.text == "went on to call"
    assert contents([claim]) == [['the old ferry "a floating ruin."']]
    assert claim.kind == "mixed"


def test_a_relative_clause_about_the_source_after_according_to_is_not_content() -> None:
    text = (
        "Ferries\n\n"
        "The ferry carried 4,000 passengers last year, according to the harbour trust, "
        "which keeps the island's records."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["The ferry carried 4,000 passengers last year"]]


def test_a_new_clause_of_the_speaker_after_a_comma_ends_the_content() -> None:
    text = (
        "Ferries\n\n"
        "Ms. Varga said the old ferry was too slow for the crossing, but she voted to keep it."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["the old ferry was too slow for the crossing"]


def test_a_comparison_after_the_clause_is_the_reporters() -> None:
    text = (
        "Ferries\n\n"
        "Forty percent of islanders say they use the ferry every week, compared with "
        "ten percent in 2010."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["they use the ferry every week"]


def test_which_as_the_subject_of_an_object_cue_is_not_part_of_the_claim() -> None:
    text = "Ferries\n\nAfter the vote, the trust, which periodically criticized the timetable, met."
    claims = suggest_article(text)
    assert contents(claims) == [["the timetable"]]


def test_a_newspaper_told_without_that_is_not_part_of_the_clause() -> None:
    text = "Ferries\n\nIvo Brandt told the Harbour Times his crew never met the envoy."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["his crew never met the envoy"]]
    assert claim.cue is not None and claim.cue.text == "told"


def test_an_addressee_before_a_comma_is_not_part_of_the_clause() -> None:
    text = "Ferries\n\nAnd, Ms. Varga tells the crowd, she has been called stubborn at home."
    claims = suggest_article(text)
    assert ["she has been called stubborn at home"] in contents(claims)


def test_the_people_assured_are_not_part_of_what_they_were_assured() -> None:
    text = "Ferries\n\nThe mayor assured voters she would fix the north pier by spring."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["she would fix the north pier by spring"]]
    assert claim.cue is not None and claim.cue.text == "assured"


def test_the_people_told_before_a_quoted_fragment_are_not_part_of_the_claim() -> None:
    text = (
        "Ferries\n\nAfter the vote, Mara Quill told reporters she thought Dunne had "
        '"invented the whole thing." Dunne resigned the next day.'
    )
    claim = suggest_article(text)[0]
    assert contents([claim]) == [['she thought Dunne had "invented the whole thing."']]
    assert claim.cue is not None and claim.cue.text == "told"


def test_a_place_after_the_addressee_stays_with_the_addressee() -> None:
    text = "Ferries\n\nThe mayor told a fishing club in Leeds she would sell the old ferry."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["she would sell the old ferry"]]


def test_a_new_clause_after_a_comma_and_ends_the_object() -> None:
    text = (
        "Ferries\n\nLee endorsed the harbour plan in March, and the council voted it "
        "through a week later."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["the harbour plan"]
    assert cues(claims)[0] == "endorsed"


def test_the_last_item_of_a_list_stays_in_the_object() -> None:
    text = (
        "Ferries\n\nThe mayor blames the delay on Leeds, York, and Hull officials "
        "who signed the contract late."
    )
    claims = suggest_article(text)
    assert contents(claims)[0][0].endswith("who signed the contract late")


def test_the_person_told_before_a_colon_is_not_part_of_the_quote() -> None:
    text = "Ferries\n\nThe mayor praised the crews, telling the Gazette: ''I wish I could sail.''"
    claims = suggest_article(text)
    assert ["I wish I could sail."] in contents(claims)


def test_a_place_after_the_people_told_stays_with_them() -> None:
    text = (
        "Ferries\n\nThe mayor ended her campaign on Friday, telling supporters in Leeds, "
        "England, that she had renewed faith in the harbour."
    )
    claims = suggest_article(text)
    assert ["that she had renewed faith in the harbour"] in contents(claims)


def test_as_someone_put_it_is_the_cue_and_what_follows_the_claim() -> None:
    text = (
        "Ferries\n\nAs the Gazette's Ana Ruiz puts it, the mayor is trying to make "
        'the council "an offer it cannot refuse."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ['the mayor is trying to make the council "an offer it cannot refuse."']
    ]
    assert claim.cue is not None and claim.cue.text == "puts it"


def test_words_after_according_to_a_whole_clause_are_the_reporters() -> None:
    text = (
        "Ferries\n\nThe ferry carried 9,000 passengers last summer, according to the "
        "harbour office, but the winter service is losing money."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["The ferry carried 9,000 passengers last summer"]
    assert cues(claims)[0] == "according to"


def test_an_opening_before_according_to_goes_on_after_it() -> None:
    text = (
        "Ferries\n\nAt the heart of the dispute, according to the harbour office, is "
        "the price of a second pier."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["At the heart of the dispute", "is the price of a second pier"]


def test_including_and_as_well_as_stay_in_the_object() -> None:
    claims = suggest_article("Ferries\n\nThe mayor praised the crews, including the pilots.")
    assert contents(claims) == [["the crews, including the pilots"]]
    claims = suggest_article("Ferries\n\nLee praised the pier, as well as the harbour master.")
    assert contents(claims) == [["the pier, as well as the harbour master"]]


def test_a_clause_after_comma_as_is_the_reporters() -> None:
    text = (
        "Ferries\n\nThe fishermen have backed the new pier in large numbers, as she "
        "campaigns along the coast."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["the new pier in large numbers"]


def test_while_and_a_participle_stay_in_the_claim() -> None:
    text = (
        "Ferries\n\nLee accused the council of cutting the ferry budget while raising its own pay."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["the council of cutting the ferry budget while raising its own pay"]
    ]


def test_a_relative_clause_with_an_adverb_ends_at_its_comma() -> None:
    text = (
        "Ferries\n\nVarga, who once praised the new ferry timetable, gave her word "
        "that she would block the fare rise."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["the new ferry timetable"]
    assert cues(claims)[0] == "praised"


def test_a_relative_clause_with_a_reported_clause_ends_before_the_main_verb() -> None:
    text = (
        "Ferries\n\nOkafor, who thinks the council made a grab for the harbour fees, "
        "praised the new timetable as a big step forward."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["the council made a grab for the harbour fees"]
    assert cues(claims)[0] == "thinks"


def test_an_adverb_between_the_cue_and_that_goes_with_the_cue() -> None:
    text = "Ferries\n\nMs. Varga argued insistently that the ferry would pay for itself."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the ferry would pay for itself"]]
    text = "Ferries\n\nMr. Okafor insisted again that the pier would close."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the pier would close"]]


def test_a_claim_before_according_to_does_not_start_with_a_space() -> None:
    text = (
        "Ferries\n\nThe fleet shrank last year. Even so, the harbour earned almost "
        "$5 million in fees, according to its books."
    )
    claims = suggest_article(text)
    assert contents(claims)[-1] == ["Even so, the harbour earned almost $5 million in fees"]


def test_an_apposition_after_according_to_is_not_the_claim() -> None:
    text = (
        "Ferries\n\nAccording to Lina Okafor, the Harbour Board's fares officer, the ferry "
        "will cost twice as much next year."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the ferry will cost twice as much next year"]]


def test_a_clause_after_according_to_with_its_own_commas_is_the_claim() -> None:
    text = (
        "Ferries\n\nAccording to his doctor, the mayor had excellent results, shows great "
        "stamina and will be fit for the race."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["the mayor had excellent results, shows great stamina and will be fit for the race"]
    ]


def test_an_opening_before_an_attribution_and_a_quote_is_no_claim_of_its_own() -> None:
    text = "Ferries\n\nAfter reading the report aloud, Ms. Varga said, “The crew is not to blame.”"
    claims = suggest_article(text)
    assert contents(claims) == [["The crew is not to blame."]]

"""Suggested claim contents: where they start and end, and which sentences they cover."""

from __future__ import annotations

from suggest_claims import claims_of, seen

from annotator.core.suggest import SuggestedClaim, suggest_article


def contents(claims: list[SuggestedClaim]) -> list[list[str]]:
    return [[s.text for s in c.content] for c in claims]


def test_reported_clause_stops_before_a_quote_opened_by_two_apostrophes() -> None:
    text = (
        "Ferry Plan Stalls\n\n"
        "Mr. Okafor said a second ferry would help the island if it came soon. "
        "''Nobody here can wait another winter,'' he said."
    )
    assert contents(suggest_article(text)) == [
        ["a second ferry would help the island if it came soon"],
        ["Nobody here can wait another winter,"],
    ]


def test_quote_in_two_apostrophes_continued_after_its_attribution_is_one_claim() -> None:
    text = (
        "Harbour Dues\n\n"
        "''We need a bigger harbour,'' she said. ''Give us the dredger and we will finish.''"
    )
    assert contents(suggest_article(text)) == [
        ["We need a bigger harbour,", "Give us the dredger and we will finish."]
    ]


def test_quote_attributed_after_a_name_with_a_middle_initial() -> None:
    text = 'Dredging\n\n"We do not think boats are the answer," Peter J. Moss said on Sunday.'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["We do not think boats are the answer,"]]
    assert claim.cue is not None and claim.cue.text == "said"
    assert claim.speaker is not None and claim.speaker.name.endswith("Moss")


def test_quote_attributed_after_a_long_description_of_its_speaker() -> None:
    text = (
        "Dredging\n\n"
        '"We do not think boats are the answer," the harbour trust\'s chair and '
        "former island ferry captain said in a statement."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["We do not think boats are the answer,"]]
    assert claim.cue is not None and claim.cue.text == "said"


def test_quote_after_a_colon_is_a_claim_of_the_sentences_subject() -> None:
    text = (
        "Dredging\n\n"
        "The harbour master delivered a stern warning to the council: "
        '"It is time to stop building boats."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["It is time to stop building boats."]]
    assert claim.mention is not None and claim.mention.text.endswith("harbour master")
    assert claim.cue is not None and claim.cue.text == "delivered"


def test_paraphrase_after_that_and_the_quote_it_leads_into_are_one_claim() -> None:
    text = "Dredging\n\nLee said that once the session ends, “I will fund the dredger.”"
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["once the session ends, “I will fund the dredger.”"]]
    assert claim.kind == "mixed"


def test_quote_after_that_continued_by_paraphrase_is_one_claim() -> None:
    text = "Dredging\n\nLee said that “the channel must be deeper” before the storm season comes."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["“the channel must be deeper” before the storm season comes"]]
    assert claim.kind == "mixed"


def test_show_title_after_an_owner_is_not_a_claim_and_the_clause_after_it_is() -> None:
    text = (
        "Dredging\n\n"
        "Lee, who spoke on Thursday, said on KNX's ''Harbour Hour'' on Sunday that the "
        "dredger would arrive in May."
    )
    assert contents(suggest_article(text)) == [["the dredger would arrive in May"]]


def test_a_quoted_name_after_a_verb_of_doing_is_not_a_claim() -> None:
    text = (
        "Dredging\n\n"
        "The two skippers took the stage to ''Harbour Lights,'' with the mayor clapping. "
        "The trust owed the yard $5,000 for ''survey work'' through June."
    )
    assert suggest_article(text) == []


def test_a_quoted_phrase_after_a_verb_of_judging_is_a_mixed_claim() -> None:
    text = "Dredging\n\nThe mayor slammed the plan as “a costly detour for everyone.”"
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the plan as “a costly detour for everyone.”"]]
    assert claim.kind == "mixed"


def test_an_intention_with_to_is_a_claim_and_talking_to_someone_is_not() -> None:
    text = (
        "Dredging\n\n"
        "Varga hopes to win one last grant from the harbour trust. "
        "Lee talked to reporters about the ferry."
    )
    assert contents(suggest_article(text)) == [["to win one last grant from the harbour trust"]]


def test_a_document_finding_a_bare_clause_opened_by_it() -> None:
    text = (
        "Dredging\n\n"
        "The audit found it was one symptom of an old fault in the ferries. "
        "The board found it hard to say more."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["it was one symptom of an old fault in the ferries"]]
    assert claim.mention is not None and claim.mention.text.endswith("audit")


def test_a_belief_with_an_aside_before_that() -> None:
    text = "Dredging\n\nThe skipper believes, for example, that ferries should run at night."
    assert contents(suggest_article(text)) == [["ferries should run at night"]]


def test_a_document_subject_after_and_or_before_an_apposition() -> None:
    text = (
        "Dredging\n\n"
        "The mayor is under pressure, and recent polls show Lee with a clear lead. "
        "The survey, carried out for the ferry group, also found that backing for Lee rose."
    )
    claims = suggest_article(text)
    assert contents(claims) == [["Lee with a clear lead"], ["backing for Lee rose"]]
    assert [c.mention.text for c in claims if c.mention] == ["recent polls", "The survey"]


def test_reported_clause_whose_verb_follows_a_common_noun() -> None:
    text = "Dredging\n\nRuiz said each year of work yields a 10% gain in depth."
    assert contents(suggest_article(text)) == [["each year of work yields a 10% gain in depth"]]


def test_a_relative_clause_attribution_ends_before_the_sentences_own_verb() -> None:
    text = (
        "Dredging\n\n"
        "The harbour master, who has long said the ferries, boats and rafts were late, "
        "resigned on Friday after a row."
    )
    assert contents(suggest_article(text)) == [["the ferries, boats and rafts were late"]]


def test_mid_sentence_attribution_by_a_titled_name() -> None:
    text = "Dredging\n\nThe promise of a deeper channel, Mr. Okafor argued, is mostly wishful thinking."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["The promise of a deeper channel", "is mostly wishful thinking"]]
    assert claim.cue is not None and claim.cue.text == "argued"


def test_quote_continued_after_its_attribution_and_a_no_break_space() -> None:
    text = (
        "Dredging\n\n"
        "“Compare that to his rival,” Moss urged.\xa0 “Here is someone who let the port silt up.”"
    )
    assert contents(suggest_article(text)) == [
        ["Compare that to his rival,", "Here is someone who let the port silt up."]
    ]


def test_a_run_of_quotes_after_one_attribution_is_one_claim() -> None:
    text = (
        "Dredging\n\n"
        "“The port has handled this badly,” Moss said. “They have followed the tides.”\n\n"
        "“And it is sad that the port sold its soul.”\n\n"
        "The mayor left the dock."
    )
    assert contents(suggest_article(text)) == [
        [
            "The port has handled this badly,",
            "They have followed the tides.",
            "And it is sad that the port sold its soul.",
        ]
    ]


def test_a_quantifier_alone_as_the_subject_of_a_belief_or_of_speech() -> None:
    text = (
        "Dredging\n\n"
        "Many believe Lee has already shown she cannot run the port. "
        "Several said they wanted the council to pay for the ferry. "
        "Many calls came in about the ferry."
    )
    claims = suggest_article(text)
    assert contents(claims) == [
        ["Lee has already shown she cannot run the port"],
        ["they wanted the council to pay for the ferry"],
    ]
    assert [c.mention.text for c in claims if c.mention] == ["Many", "Several"]


def test_headline_colon_attributions_with_a_title_an_addressee_or_a_quote() -> None:
    for headline, speaker, content in (
        (
            "Dr. Ben Moss: Mayor Lee Not Fit To Run The Port",
            "Dr. Ben Moss",
            "Mayor Lee Not Fit To Run The Port",
        ),
        (
            "Lee to Harbour Trust: Moss will reverse the ferry plan",
            "Lee",
            "Moss will reverse the ferry plan",
        ),
        (
            "Peter Moss: ‘No Idea’ If I Told Lee The Ferry Was Late",
            "Peter Moss",
            "‘No Idea’ If I Told Lee The Ferry Was Late",
        ),
    ):
        (claim,) = suggest_article(headline + ".\n\nThe rest of the story.")
        assert contents([claim]) == [[content]]
        assert claim.mention is not None and claim.mention.text == speaker


def test_a_verb_read_as_a_noun_cue_without_a_possessor_is_a_verb() -> None:
    text = (
        "Dredging\n\n"
        "Mayor Lee calls on the council to fund the dredger. "
        "Lee's calls for a new ferry went unheard."
    )
    assert contents(suggest_article(text)) == [
        ["the council to fund the dredger"],
        ["a new ferry"],
    ]


def test_short_quoted_words_inside_a_stance_are_part_of_its_claim() -> None:
    text = "Dredging\n\nFormer island leader Moss calls the idea ‘stupid’, ‘useless.’"
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the idea ‘stupid’, ‘useless.’"]]
    assert claim.kind == "mixed"


def test_according_to_a_long_source() -> None:
    text = (
        "Dredging\n\n"
        "Lee's appeal among young skippers comes from his plain talk, according to a new "
        "poll by the Harbour University Institute of Politics."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["Lee's appeal among young skippers comes from his plain talk"]]
    assert claim.mention is not None and claim.mention.text.startswith("a new poll by")


def test_quoted_words_after_an_unlisted_verb_are_a_claim_with_apostrophes_around() -> None:
    # curly and straight single quotes, each next to apostrophes inside words
    for open_, close in (("‘", "’"), ("'", "'")):
        sentence = (
            f"Mara Quint toasted the ferry’s old skipper {open_}the harbour’s own "
            f"admiral{close} at the dinner."
        )
        assert [seen(c) for c in claims_of(sentence)] == [
            (
                f"the ferry’s old skipper {open_}the harbour’s own admiral{close} at the dinner",
                "toasted",
                "Mara Quint",
            )
        ]
    # apostrophes inside words only: no quotation, no claim
    sentence = "Mara Quint toasted the ferry’s old skipper at the harbour’s dinner and didn’t stay."
    assert claims_of(sentence) == []

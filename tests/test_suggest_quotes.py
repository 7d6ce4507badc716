"""Quotations as claims: which quoted parts make one claim, and where its content ends."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen

from annotator.core.suggest import SuggestedClaim, suggest_article


def contents(claims: list[SuggestedClaim]) -> list[list[str]]:
    return [[s.text for s in c.content] for c in claims]


def test_words_before_a_parenthetical_attribution_open_the_quote_it_introduces() -> None:
    text = (
        "Bridge Vote\n\n"
        "The council met on Monday. If the bridge closes, Ana Ruiz said, "
        '"the town will be cut off from the coast."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["If the bridge closes", "the town will be cut off from the coast."]
    ]
    assert claim.cue is not None and claim.cue.text == "said"
    assert claim.speaker is not None and claim.speaker.name == "Ana Ruiz"


def test_that_after_a_parenthetical_attribution_belongs_to_the_second_part() -> None:
    text = 'Harbour\n\nThe mayor is sure, Ana Ruiz said, that "the harbour will reopen."'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["The mayor is sure", 'that "the harbour will reopen.']]


def test_the_occasion_before_an_attribution_is_not_part_of_the_quote() -> None:
    text = (
        "Bridge Vote\n\n"
        "The council met on Monday. In a statement on Tuesday, Ana Ruiz said, "
        '"The town will be cut off from the coast."'
    )
    assert ["The town will be cut off from the coast."] in contents(suggest_article(text))


def test_a_sentence_of_its_own_before_an_attribution_stays_a_separate_claim() -> None:
    text = (
        "Bridge Vote\n\n"
        "The mayor and the minister will meet next week, Ana Ruiz said, "
        '"They have to meet and settle it."'
    )
    claims = suggest_article(text)
    assert ["They have to meet and settle it."] in contents(claims)
    assert all(len(c.content) == 1 for c in claims)


def test_a_question_in_two_apostrophes_then_its_attribution_then_more_quote() -> None:
    text = "Ferry\n\n''Can the ferry run all winter?'' Mr. Lee asked. ''We are not sure. But we can hope.''"
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["Can the ferry run all winter?", "We are not sure. But we can hope."]
    ]
    assert claim.cue is not None and claim.cue.text == "asked"
    assert claim.speaker is not None and claim.speaker.name == "Lee"


def test_a_show_title_inside_the_attribution_does_not_split_the_quote() -> None:
    for attribution in (
        'Lee said on Channel Nine\'s "Dockside Radio."',
        'Lee told Channel Nine\'s "Dockside Radio" on Monday.',
        'Lee said in an interview with "Dockside Radio."',
    ):
        text = f'Port\n\n"We will win the vote," {attribution} "The plan is dead."'
        claims = suggest_article(text)
        assert ["We will win the vote,", "The plan is dead."] in contents(claims), attribution


def test_a_quote_attributed_by_a_verb_that_is_no_listed_cue() -> None:
    for attribution, cue, mention in (
        ("he mocks", "mocks", "he"),
        ("the senator quipped on Sunday", "quipped", "the senator"),
        ("read the email", "read", "the email"),
    ):
        text = (
            "Port\n\nAna Lee spoke at the harbour. "
            f'"We will win the vote," {attribution}. "The plan is dead."'
        )
        (claim,) = suggest_article(text)
        assert contents([claim]) == [["We will win the vote,", "The plan is dead."]]
        assert claim.cue is not None and claim.cue.text == cue
        assert claim.mention is not None and claim.mention.text == mention
    text = "Tax\n\n''Leave the mooring fee alone until May,'' it recommended. ''Revisit it in spring.''"
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["Leave the mooring fee alone until May,", "Revisit it in spring."]
    ]
    assert claim.cue is not None and claim.cue.text == "recommended"


def test_a_quote_closing_after_a_space_behind_its_inner_quote() -> None:
    text = (
        "Port\n\n\"It is not only Lee shouting, 'Sure, go on, build it,' \" Ruiz told reporters "
        'on Sunday. "There is more to it."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["It is not only Lee shouting, 'Sure, go on, build it,'", "There is more to it."]
    ]
    assert claim.cue is not None and claim.cue.text == "told"


def test_a_clause_before_a_quote_attributed_after_it_is_part_of_the_claim() -> None:
    text = 'Port\n\nIf the bridge closes, "we will all be cut off from the coast," Ana Ruiz said.'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [['If the bridge closes, "we will all be cut off from the coast,"']]
    assert claim.kind == "mixed"
    for lead in ("Yes,", "Neither captain was pleased with the council -"):
        text = f'Port\n\n{lead} "we will all be cut off from the coast," Ana Ruiz said.'
        (claim,) = suggest_article(text)
        assert contents([claim]) == [["we will all be cut off from the coast,"]], lead


def test_a_sentence_a_quote_opens_after_its_cue_goes_on_past_the_closing_mark() -> None:
    text = 'Port\n\nLee admitted on Monday "the ferry could lose money" if the port closes.'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [['"the ferry could lose money" if the port closes']]
    assert claim.kind == "mixed"
    text = 'Port\n\nLee said: "We won the vote." Then he left the hall.'
    assert ["We won the vote."] in contents(suggest_article(text))


def test_a_phrase_and_an_addressee_around_a_parenthetical_attribution() -> None:
    for text, first in (
        (
            'Of the fuss about the ferry, he said, "That seems overdone."',
            "Of the fuss about the ferry",
        ),
        (
            'Sooner or later, the harbour master told reporters, "the dredging will earn its keep."',
            "Sooner or later",
        ),
    ):
        claims = suggest_article(f"Port\n\nThe crowd left. {text}")
        assert len(claims) == 1 and claims[0].content[0].text == first, contents(claims)
        assert len(claims[0].content) == 2


def test_a_long_attribution_after_a_quote_that_ends_its_sentence() -> None:
    text = (
        'Port\n\n"Lee is a marvel!" Moss wrote in a March 3, 2019 email to the '
        'ferry crews. "Keep up the fine effort."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["Lee is a marvel!", "Keep up the fine effort."]]
    assert claim.cue is not None and claim.cue.text == "wrote"


def test_a_quote_with_an_attribution_of_its_own_does_not_continue_the_claim_before() -> None:
    text = (
        'Port\n\n"It was a regatta," Okafor said.\n\n'
        '"Everyone was dancing" before the storm, she said. "And the quay was calm."'
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["It was a regatta,"]


def test_a_second_quote_with_its_own_attribution_after_it_is_its_own_claim() -> None:
    text = (
        'Port\n\n"Her usual manner is stern," she said, but for all the gloom, '
        '"I expect the ferry will sail," said Varga.'
    )
    claims = suggest_article(text)
    assert contents(claims) == [["Her usual manner is stern,"], ["I expect the ferry will sail,"]]
    assert claims[1].speaker is not None and claims[1].speaker.name == "Varga"


def test_a_quoted_term_inside_the_attribution_does_not_continue_the_quote() -> None:
    text = (
        "Port\n\n\"How tall is the new crane?\" asked the girl, who wore a 'Harbour Pride' "
        "scarf, as the hall laughed."
    )
    assert contents(suggest_article(text)) == [["How tall is the new crane?"]]


def test_a_relative_pronoun_before_the_speaker_is_part_of_the_quoted_claim() -> None:
    text = 'Port\n\nHe praised the deal, which he said "will change everything."'
    claims = suggest_article(text)
    assert ["which", "will change everything."] in contents(claims)


def test_a_clause_after_the_cue_that_runs_into_the_quote_is_one_mixed_claim() -> None:
    for text, content in (
        (
            'Moss said the turnout was the plainest hint so far that "the dock crews are restless."',
            'the turnout was the plainest hint so far that "the dock crews are restless."',
        ),
        (
            'Moss said in a statement that the steps were "important."',
            'the steps were "important."',
        ),
        ('Moss said that "the dock crews are restless."', "the dock crews are restless."),
    ):
        (claim,) = suggest_article(f"Port\n\n{text}")
        assert contents([claim]) == [[content]], text


def test_quotes_in_two_apostrophes_inside_mixed_claims() -> None:
    text = (
        "Marina\n\nThe marina's spending on its pontoons, Ms. Okafor said, ''is a neat "
        "case of adjusting'' to the shifting business of sailing."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        [
            "The marina's spending on its pontoons",
            "''is a neat case of adjusting'' to the shifting business of sailing",
        ]
    ]
    text = "Marina\n\nStill, ferry firms are ''barely breaking even,'' Mr. Varga said."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["ferry firms are ''barely breaking even,''"]]


def test_a_quote_running_on_into_the_next_quote_is_one_claim() -> None:
    text = 'Pilots\n\nLee said that "the pilots" "do a steady job. And we owe them."'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["the pilots", "do a steady job. And we owe them."]]
    assert claim.cue is not None and claim.cue.text == "said"


def test_a_sentence_leading_into_a_quote_continues_the_claim_before_it() -> None:
    text = 'Port\n\n"It is fine," Lee said. But that is hardly the same as "well built."'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["It is fine,", 'But that is hardly the same as "well built."']]
    assert claim.speaker is not None and claim.speaker.name == "Lee"


def test_a_paraphrase_runs_on_through_a_second_quoted_fragment_of_its_sentence() -> None:
    text = (
        "Harbour\n\nSpeaking to the fishermen, Okafor said the aim was less to "
        "“save the old pier” than to “build a better one.”"
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["the aim was less to “save the old pier” than to “build a better one.”"]
    ]
    assert claim.cue is not None and claim.cue.text == "said"
    assert claim.kind == "mixed"


def test_a_second_fragment_after_a_relative_cue_stays_in_the_paraphrase() -> None:
    text = (
        "Harbour\n\nVarga says islanders are “sick of the delays,” but also keen on "
        "what she calls “a proper pier.”"
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["islanders are “sick of the delays,” but also keen on what she calls “a proper pier.”"]
    ]
    assert claim.cue is not None and claim.cue.text == "says"


def test_a_quote_after_an_aside_about_the_speaker_goes_on_with_the_claim() -> None:
    text = (
        "Harbour\n\n"
        '"The pier will not last the winter," said Lina Okafor, a diver who has worked '
        'the harbour for twenty years. She owns two boats. "Nobody wants to hear it."'
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == [
        "The pier will not last the winter,",
        "Nobody wants to hear it.",
    ]
    assert claims[0].cue is not None and claims[0].cue.text == "said"


def test_a_quote_after_a_sentence_about_someone_else_is_not_joined() -> None:
    text = (
        "Harbour\n\n"
        '"The pier will not last the winter," said Lina Okafor, pointing at the posts. '
        'Tomas Varga shook his head. "It has lasted fifty."'
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["The pier will not last the winter,"]


def test_a_quote_after_its_cue_runs_on_through_a_second_quote_of_the_sentence() -> None:
    text = (
        "Harbour\n\nOkafor says “the whole harbour has gone quiet” because “the boats "
        "have stopped coming in.” The council met on Monday."
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == [
        "the whole harbour has gone quiet” because “the boats have stopped coming in.”"
    ]
    assert claims[0].cue is not None and claims[0].cue.text == "says"


def test_a_quote_after_a_two_paragraph_quote_and_its_attribution_goes_on_with_it() -> None:
    text = (
        "Harbour\n\n"
        '"The pier is falling apart," she said. "The council has known for years.\n\n'
        '"We asked them twice and nobody came," she said. "Now the boats stay in Leeds."'
    )
    claims = suggest_article(text)
    assert contents(claims)[-1] == [
        "The council has known for years.",
        "We asked them twice and nobody came,",
        "Now the boats stay in Leeds.",
    ]


def test_words_after_a_parenthetical_attribution_lead_into_the_quote() -> None:
    text = (
        "Harbour\n\nThe council met on Monday. For most of the fishermen, Ana Ruiz said, "
        'their "trust in the harbour board is gone for good."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["For most of the fishermen", 'their "trust in the harbour board is gone for good.']
    ]
    assert claim.cue is not None and claim.cue.text == "said"


def test_an_infinitive_after_the_cue_leads_into_the_quote() -> None:
    text = (
        "Harbour\n\nMore recently, Varga pledged to make the council “build their own "
        "boats and pay for them in this town.” The council met on Monday."
    )
    claim = suggest_article(text)[0]
    assert contents([claim]) == [
        ["to make the council “build their own boats and pay for them in this town.”"]
    ]
    assert claim.cue is not None and claim.cue.text == "pledged"
    assert claim.kind == "mixed"


def test_a_colon_before_a_two_apostrophe_quote_keeps_the_quote_alone() -> None:
    text = "Harbour\n\nA short time later, Ms. Varga wrote back: ''The ferry is on our list.''"
    claims = suggest_article(text)
    assert contents(claims) == [["The ferry is on our list."]]
    assert claims[0].cue is not None and claims[0].cue.text == "wrote"


def test_a_two_apostrophe_term_after_the_attribution_does_not_go_on_with_the_quote() -> None:
    text = (
        "Harbour\n\n''You will see more of the real mayor,'' Ms. Ruiz continued, referring "
        "to more town hall visits in ''formal settings.''"
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["You will see more of the real mayor,"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the speaker named after the cue is not a second claim of that cue
        (
            "''It has been a very good season for us,'' said Ann Ferro, the ferry line's"
            " longtime manager. ''We hope it lasts.''",
            ("It has been a very good season for us, … We hope it lasts.", "said", "Ann Ferro"),
        ),
        # nor is the scene set before the speaker and the cue
        (
            "As the crowd booed, the mayor said, “Please let the riders speak.”",
            ("Please let the riders speak.", "said", "the mayor"),
        ),
    ],
)
def test_the_cue_of_a_quote_introduces_no_second_claim(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbour town votes on the ferry\n\nThe late vote does not surprise harbour"
            " pollster Ann Ferro: “Small towns always vote late in the season.”",
            ("Small towns always vote late in the season.", ":", "Ann Ferro"),
        ),
        # a headline: the name, a colon and the quote
        (
            "Ann Ferro: ‘I Am Tired Of Waiting For The Ferry.’\n\nThe vote is on Tuesday.",
            ("I Am Tired Of Waiting For The Ferry.", ":", "Ann Ferro"),
        ),
    ],
)
def test_a_name_right_before_a_colon_speaks_the_quote_after_it(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert [seen(c) for c in suggest_article(text)] == [expected]


def test_a_name_after_a_preposition_before_a_colon_is_not_the_speaker() -> None:
    text = "Ferry\n\nLee spoke on the radio. Later, with Ann Ferro: “The fares will stay.”"
    assert all(c.cue is None or c.cue.text != ":" for c in suggest_article(text))


def test_according_to_after_a_quote_and_its_speaker_is_a_claim_around_both() -> None:
    text = (
        "Harbour\n\n"
        '"The pier is safe for the winter," Lee said, according to the Harbour Post.\n\n'
        "The island riders want a later ferry, according to early results of the winter"
        " survey conducted by the harbour office for the island council and the ferry line."
    )
    assert [seen(c) for c in suggest_article(text)] == [
        ('"The pier is safe for the winter," Lee said', "according to", "the Harbour Post"),
        ("The pier is safe for the winter,", "said", "Lee"),
        # a long source: its head
        ("The island riders want a later ferry", "according to", "early results"),
        ("a later ferry", "want", "The island riders"),
    ]


def test_according_to_a_source_already_attributing_the_clause_adds_no_second_claim() -> None:
    text = (
        "Harbour\n\nThe fare, which rises to 9 dollars in June, will bring in about 2 million"
        " dollars a year, according to council figures."
    )
    assert len(suggest_article(text)) == 1


def test_a_dash_and_a_name_on_the_line_after_a_quote_attribute_it() -> None:
    text = (
        'Harbour\n\n"I will look into it. I do not know the status yet."\n\n- Ferro.\n\n'
        "The vote is on Tuesday."
    )
    assert [seen(c) for c in suggest_article(text)] == [
        ("I will look into it. I do not know the status yet.", "-", "Ferro")
    ]
    # a credit line after a paragraph that quotes a fragment is no attribution
    text = 'Harbour\n\nHe called the pier "a disgrace."\n\n- Reuters.'
    assert all(c.cue is None or c.cue.text != "-" for c in suggest_article(text))


def test_as_reported_by_a_source_is_a_claim_of_that_source() -> None:
    text = (
        "Harbour\n\nAs first reported by the Harbour Post, the ferry will stop in May.\n\n"
        "The pier will close in June, as reported by the island radio.\n\n"
        "The new timetable was first reported by the Harbour Post."
    )
    assert [seen(c) for c in suggest_article(text)] == [
        ("the ferry will stop in May", "reported by", "the Harbour Post"),
        ("The pier will close in June", "reported by", "the island radio"),
        ("The new timetable", "reported by", "the Harbour Post"),
    ]

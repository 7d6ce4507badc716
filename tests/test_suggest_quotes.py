"""Quotations as claims: which quoted parts make one claim, and where its content ends."""

from __future__ import annotations

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
        '"They need to sit down and talk."'
    )
    claims = suggest_article(text)
    assert ["They need to sit down and talk."] in contents(claims)
    assert all(len(c.content) == 1 for c in claims)


def test_a_question_in_two_apostrophes_then_its_attribution_then_more_quote() -> None:
    text = "Ferry\n\n''Can we win the city?'' Mr. Lee asked. ''I don't know. But we can try.''"
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["Can we win the city?", "I don't know. But we can try."]]
    assert claim.cue is not None and claim.cue.text == "asked"
    assert claim.speaker is not None and claim.speaker.name == "Lee"


def test_a_show_title_inside_the_attribution_does_not_split_the_quote() -> None:
    for attribution in (
        'Lee said on Channel Nine\'s "Morning Report."',
        'Lee told Channel Nine\'s "Morning Report" on Monday.',
        'Lee said in an interview with "Morning Report."',
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
    text = "Tax\n\n''Keep the tax in place for now,'' it recommended. ''Review it later.''"
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["Keep the tax in place for now,", "Review it later."]]
    assert claim.cue is not None and claim.cue.text == "recommended"


def test_a_quote_closing_after_a_space_behind_its_inner_quote() -> None:
    text = (
        "Port\n\n\"It is not just Lee saying, 'Oh, yes, just vote,' \" Ruiz told reporters "
        'on Sunday. "It is more than that."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["It is not just Lee saying, 'Oh, yes, just vote,'", "It is more than that."]
    ]
    assert claim.cue is not None and claim.cue.text == "told"


def test_a_clause_before_a_quote_attributed_after_it_is_part_of_the_claim() -> None:
    text = 'Port\n\nIf the bridge closes, "we will all be cut off from the coast," Ana Ruiz said.'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [['If the bridge closes, "we will all be cut off from the coast,"']]
    assert claim.kind == "mixed"
    for lead in ("Yes,", "Neither man was impressed by the mayor -"):
        text = f'Port\n\n{lead} "we will all be cut off from the coast," Ana Ruiz said.'
        (claim,) = suggest_article(text)
        assert contents([claim]) == [["we will all be cut off from the coast,"]], lead


def test_a_sentence_a_quote_opens_after_its_cue_goes_on_past_the_closing_mark() -> None:
    text = 'Port\n\nLee admitted on Monday "it will be very hard to win" if the port closes.'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [['"it will be very hard to win" if the port closes']]
    assert claim.kind == "mixed"
    text = 'Port\n\nLee said: "We won the vote." Then he left the hall.'
    assert ["We won the vote."] in contents(suggest_article(text))


def test_a_phrase_and_an_addressee_around_a_parenthetical_attribution() -> None:
    for text, first in (
        (
            'Of the scrutiny over the mayor, he said, "It is a little much."',
            "Of the scrutiny over the mayor",
        ),
        (
            'Sooner or later, the governor told reporters, "it starts to pay off."',
            "Sooner or later",
        ),
    ):
        claims = suggest_article(f"Port\n\nThe crowd left. {text}")
        assert len(claims) == 1 and claims[0].content[0].text == first, contents(claims)
        assert len(claims[0].content) == 2


def test_a_long_attribution_after_a_quote_that_ends_its_sentence() -> None:
    text = (
        'Port\n\n"Lee is the greatest!" Moss wrote in a September 16, 2012 email to the '
        'harbour officials. "Thanks for the great work."'
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["Lee is the greatest!", "Thanks for the great work."]]
    assert claim.cue is not None and claim.cue.text == "wrote"


def test_a_quote_with_an_attribution_of_its_own_does_not_continue_the_claim_before() -> None:
    text = (
        'Port\n\n"It was a festival," Violet said.\n\n'
        '"People were celebrating" before the crash, she said. "And it was so peaceful."'
    )
    claims = suggest_article(text)
    assert contents(claims)[0] == ["It was a festival,"]


def test_a_second_quote_with_its_own_attribution_after_it_is_its_own_claim() -> None:
    text = (
        'Port\n\n"His normal mood is grumpy," she said, but despite the tone, '
        '"I think he will do it," said Kunin.'
    )
    claims = suggest_article(text)
    assert contents(claims) == [["His normal mood is grumpy,"], ["I think he will do it,"]]
    assert claims[1].speaker is not None and claims[1].speaker.name == "Kunin"


def test_a_quoted_term_inside_the_attribution_does_not_continue_the_quote() -> None:
    text = (
        "Port\n\n\"How big is that wall?\" asked the boy, who was wearing a 'Go Team Go' "
        "hat, as the hall laughed."
    )
    assert contents(suggest_article(text)) == [["How big is that wall?"]]


def test_a_relative_pronoun_before_the_speaker_is_part_of_the_quoted_claim() -> None:
    text = 'Port\n\nHe praised the deal, which he said "will change everything."'
    claims = suggest_article(text)
    assert ["which", "will change everything."] in contents(claims)


def test_a_clause_after_the_cue_that_runs_into_the_quote_is_one_mixed_claim() -> None:
    for text, content in (
        (
            'Moss said the vote was the clearest sign yet that "the anger is real."',
            'the vote was the clearest sign yet that "the anger is real."',
        ),
        (
            'Moss said in a statement that the steps were "important."',
            'the steps were "important."',
        ),
        ('Moss said that "the anger is real."', "the anger is real."),
    ):
        (claim,) = suggest_article(f"Port\n\n{text}")
        assert contents([claim]) == [[content]], text


def test_quotes_in_two_apostrophes_inside_mixed_claims() -> None:
    text = (
        "Golf\n\nThe club's investment in its grounds, Ms. Tanzer said, ''is a perfect "
        "example of adapting'' to the changing economics of golf."
    )
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        [
            "The club's investment in its grounds",
            "''is a perfect example of adapting'' to the changing economics of golf",
        ]
    ]
    text = "Golf\n\nStill, golf clubs are ''just scratching out a profit,'' Mr. Hedge said."
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["golf clubs are ''just scratching out a profit,''"]]


def test_a_quote_running_on_into_the_next_quote_is_one_claim() -> None:
    text = 'Fuel\n\nLee said that "ethanol people" "do a fantastic job. And it matters."'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [["ethanol people", "do a fantastic job. And it matters."]]
    assert claim.cue is not None and claim.cue.text == "said"


def test_a_sentence_leading_into_a_quote_continues_the_claim_before_it() -> None:
    text = 'Port\n\n"It is fine," Lee said. But that is not the same thing as "properly done."'
    (claim,) = suggest_article(text)
    assert contents([claim]) == [
        ["It is fine,", 'But that is not the same thing as "properly done."']
    ]
    assert claim.speaker is not None and claim.speaker.name == "Lee"

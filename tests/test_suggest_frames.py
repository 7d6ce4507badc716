"""Attributions of stance, intent and belief without a verb of saying (frames.py):
what a user sees is the claim's text, its cue and the speaker it is attributed to."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen

from annotator.core.suggest import suggest_article


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a subject with an apposition between commas
        (
            "Dana Whitlock, the former harbour master, endorsed the eastern route on Monday.",
            ("the eastern route", "endorsed", "Dana Whitlock"),
        ),
        # an auxiliary and an adverb between the subject and the verb
        (
            "The council has aggressively supported the ferry subsidies.",
            ("the ferry subsidies", "supported", "The council"),
        ),
        # stance verbs of what a subject sets out, praises or ignores
        (
            "The harbour board has largely ignored the complaints of the island riders.",
            ("the complaints of the island riders", "ignored", "The harbour board"),
        ),
        (
            "In March the mayor outlined a plan to cut the ferry fares.",
            ("to cut the ferry fares", "outlined a plan", "the mayor"),
        ),
        # verbs of what a subject concedes, recalls, posts or makes public
        (
            "The harbour master conceded the mistakes of the winter timetable.",
            ("the mistakes of the winter timetable", "conceded", "The harbour master"),
        ),
        (
            "Dana Whitlock recalled the storm that closed the pier in 1998.",
            ("the storm that closed the pier in 1998", "recalled", "Dana Whitlock"),
        ),
        (
            "The ferry company tweeted a photo of the new boat on Monday.",
            ("a photo of the new boat", "tweeted", "The ferry company"),
        ),
        (
            "The mayor's office released a plan to lower the island fares.",
            ("to lower the island fares", "released a plan", "The mayor's office"),
        ),
        (
            "The island riders cheered the new winter timetable.",
            ("the new winter timetable", "cheered", "The island riders"),
        ),
        (
            "Dana Whitlock laid out her plan for the winter timetable.",
            ("her plan for the winter timetable", "laid out", "Dana Whitlock"),
        ),
        (
            "The riders point to the empty pier as proof.",
            ("the empty pier as proof", "point to", "The riders"),
        ),
        (
            "The harbour master cautioned against a second pier.",
            ("a second pier", "cautioned against", "The harbour master"),
        ),
        # an -ing form and its particle: said by the subject of the sentence
        (
            "Whitlock spent the evening on the island radio talking about the winter timetable.",
            ("the winter timetable", "talking about", "Whitlock"),
        ),
        (
            "The mayor won the vote by railing against the new ferry fares.",
            ("the new ferry fares", "railing against", "The mayor"),
        ),
        (
            "Lee closed the debate by praising the island ferry crews.",
            ("the island ferry crews", "praising", "Lee"),
        ),
        # a stance participle after a comma: fearing, mentioning, portraying ...
        (
            "Whitlock left the pier early, fearing a rise in the island fares.",
            ("a rise in the island fares", "fearing", "Whitlock"),
        ),
        # a verb and its particle: taking a side; a verb of judgement
        (
            "The mayor has sided with the island riders in the fare dispute.",
            ("the island riders in the fare dispute", "sided with", "The mayor"),
        ),
        (
            "Dana Whitlock considers the western route a waste of money.",
            ("the western route a waste of money", "considers", "Dana Whitlock"),
        ),
        (
            "The mayor hinted at a later evening ferry for the island riders.",
            ("a later evening ferry for the island riders", "hinted at", "The mayor"),
        ),
        (
            "The harbour master rebutted the claims of the mayor about the ferry budget.",
            ("the claims of the mayor about the ferry budget", "rebutted", "The harbour master"),
        ),
        # an adjective of feeling and what it is about
        (
            "Most island riders are unhappy with the new ferry timetable.",
            ("the new ferry timetable", "are unhappy with", "Most island riders"),
        ),
        (
            "The mayor shrugged off the complaints of the island riders.",
            ("the complaints of the island riders", "shrugged off", "The mayor"),
        ),
        # a verb with a two-part particle
        (
            "The council took aim at the new ferry timetable on Monday.",
            ("the new ferry timetable", "took aim at", "The council"),
        ),
        (
            "The mayor lashed out at the harbour master over the ferry budget.",
            ("the harbour master over the ferry budget", "lashed out at", "The mayor"),
        ),
        # a question asked: from its question word
        (
            "Island riders are now asking whether the western route was ever safe.",
            ("whether the western route was ever safe", "asking", "Island riders"),
        ),
        (
            "Reporters continue to ask if the harbour master will resign.",
            ("if the harbour master will resign", "ask", "Reporters"),
        ),
        # a reputation: the thing and what it is known as or for (two parts), without a speaker
        (
            "Okafor has joined a rowing crew known as the Ferry Keepers.",
            ("a rowing crew … the Ferry Keepers", "known as", None),
        ),
        # the phrase ends at its comma or at the sentence's own verb
        (
            "The fee, known as the pier toll, pays for two new ferries.",
            ("The fee … the pier toll", "known as", None),
        ),
        (
            "A crew known as the Ferry Keepers rowed across the bay.",
            ("A crew … the Ferry Keepers", "known as", None),
        ),
        (
            "The harbour master is mostly known for pulling two swimmers from the bay in 2019.",
            (
                "The harbour master … pulling two swimmers from the bay in 2019",
                "is mostly known for",
                None,
            ),
        ),
        # a verb that passes its subject on to the "to"-verb
        (
            "The harbour master tried to attack the ferry budget on Monday.",
            ("the ferry budget", "attack", "The harbour master"),
        ),
        # a to-clause of intent
        (
            "Senator Ana Ruiz has repeatedly pledged to cut the harbour tax.",
            ("to cut the harbour tax", "pledged", "Ana Ruiz"),
        ),
        # a verb and its particle
        (
            "Councillor Ben Okafor railed against the new parking fees.",
            ("the new parking fees", "railed against", "Ben Okafor"),
        ),
        (
            "The ferry company did not respond to emails about the delays.",
            ("emails about the delays", "respond to", "The ferry company"),
        ),
        # a view: "see X as Y" (and not "saw the rally")
        (
            "Most voters in the valley see the harbour plan as a waste of money.",
            ("the harbour plan as a waste of money", "see", "Most voters in the valley"),
        ),
        # a wh-clause of knowing
        (
            "They know which candidate the new map helps.",
            ("which candidate the new map helps", "know", "They"),
        ),
        # a relative clause and an adverb between the subject and the verb
        (
            "Ruiz, who chairs the ferry board, has long opposed the new timetable.",
            ("the new timetable", "opposed", "Ruiz"),
        ),
    ],
)
def test_a_stance_verb_attributes_its_object_or_clause_to_the_subject(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The unions are calling for a strike at the ferry terminal.",
            ("a strike at the ferry terminal", "calling for", "The unions"),
        ),
        (
            "Okafor is hoping the ferry vote will go his way.",
            ("the ferry vote will go his way", "hoping", "Okafor"),
        ),
        (
            "Okafor is confident that the ferry vote will go his way.",
            ("the ferry vote will go his way", "is confident", "Okafor"),
        ),
        (
            "The mayor was eager to close the old pier.",
            ("to close the old pier", "was eager", "The mayor"),
        ),
        (
            "Ruiz made it clear that no crew would sail again.",
            ("no crew would sail again", "made it clear", "Ruiz"),
        ),
    ],
)
def test_progressive_verbs_and_adjectives_of_belief_frame_a_claim(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_a_poll_showing_something_is_its_source_and_the_sentence_verb_is_not_content() -> None:
    [c] = claims_of("A new poll showing Whitlock ahead by ten points was released on Friday.")
    assert seen(c) == ("Whitlock ahead by ten points", "showing", "A new poll")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mayor's decision to close the old pier surprised the fishermen.",
            ("to close the old pier", "decision", "The mayor"),
        ),
        (
            "Ruiz's plan to build a toll bridge has stalled.",
            ("to build a toll bridge", "plan", "Ruiz"),
        ),
        (
            "The mayor's assessment of the pier was grim.",
            ("the pier", "assessment of", "The mayor"),
        ),
    ],
)
def test_a_possessors_stance_noun_is_a_claim_of_the_possessor(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_the_speaker_is_resolved_from_the_subject_of_the_frame() -> None:
    [c] = claims_of("Dana Whitlock, the former harbour master, endorsed the eastern route.")
    assert c.speaker is not None and c.speaker.name == "Dana Whitlock"
    assert c.kind == "indirect"


@pytest.mark.parametrize(
    "sentence",
    [
        "The recent storms changed the race in the valley.",  # no verb of stance
        "His support among older voters has slipped since March.",  # a noun, not a verb
        "The Paris attacks changed the debate about the harbour.",  # a noun after a name
        "Okafor tweeted on Monday after the vote was counted.",  # no object to report
        "Here the ferry passengers aren't admitted until their tickets are checked.",  # passive
        "Ruiz now leads Okafor by roughly ninety pledged delegates in the count.",  # adjective
        "I have known the mayor of the harbour town for ten years.",  # knowing someone
        # raising money, and what a subject attends to, are no stance
        "The harbour fund raised about $1 million from island families.",
        "First lady Ann Lee has focused on the island schools.",
    ],
)
def test_nouns_and_verbs_without_a_stance_make_no_claim(sentence: str) -> None:
    assert claims_of(sentence) == []


def test_a_frame_never_takes_words_a_quote_already_claimed() -> None:
    claims = claims_of('Whitlock called the plan "a gift to the ferry company," and left.')
    assert len(claims) == 1
    assert claims[0].content[0].text.startswith("the plan")


def test_a_noun_of_claim_or_fear_frames_its_that_clause() -> None:
    [c] = claims_of("The vote went ahead despite complaints that the ferry ran late every winter.")
    assert seen(c) == ("the ferry ran late every winter", "complaints", None)
    [c] = claims_of("The vote went ahead despite the belief that the ferry would never return.")
    assert seen(c) == ("the ferry would never return", "belief", None)
    # a relative clause after the noun is not what is complained of
    assert claims_of("The complaints that were filed in May went nowhere.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The vote went ahead amid criticism of the new pier and the winter timetable.",
            ("the new pier and the winter timetable", "criticism of", None),
        ),
        (
            "The vote went ahead amid allegations of fraud in the island count.",
            ("fraud in the island count", "allegations of", None),
        ),
        (
            "The plan passed despite doubts about the cost of the new pier.",
            ("the cost of the new pier", "doubts about", None),
        ),
    ],
)
def test_a_noun_of_stance_and_its_preposition_frame_the_object_without_a_source(
    sentence: str, expected: tuple[str, str, None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


def test_a_verb_form_of_a_noun_of_stance_keeps_its_subject() -> None:
    [c] = claims_of("She comments on the timetable every week.")
    assert seen(c) == ("the timetable", "comments on", "She")
    # the noun as the sentence's subject: its object ends at the sentence's verb
    [c] = claims_of("The comments on the timetable angered the riders.")
    assert seen(c) == ("the timetable", "comments on", None)


def test_a_stance_verb_in_a_title_case_headline_frames_its_object() -> None:
    [c] = suggest_article(
        "Harbour Master Just Recalled Old Ferry Timetable\n\nThe vote is on Tuesday."
    )
    assert seen(c) == ("Old Ferry Timetable", "Recalled", "Harbour Master")
    # a passive in a headline frames nothing
    assert suggest_article("New Ferry Timetable Was Released\n\nThe vote is on Tuesday.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lee had strong views on the ferry fares.", ("the ferry fares", "views on", "Lee")),
        (
            "Lee greeted the council with criticism of the new fares.",
            ("the new fares", "criticism of", "Lee"),
        ),
        (
            "The board met amid the pilots’ warnings that the pier would sink.",
            ("the pier would sink", "warnings", "the pilots"),
        ),
        (
            "The vote followed Lee's contention that the pier is safe.",
            ("the pier is safe", "contention", "Lee"),
        ),
        # no one holds the complaints
        (
            "The vote came amid complaints that the ferry ran late.",
            ("the ferry ran late", "complaints", None),
        ),
    ],
)
def test_a_noun_of_stance_is_held_by_its_possessor_or_the_subject_of_had_or_with(
    sentence: str, expected: tuple[str, str, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]

"""Cues of attributions the earlier rules missed: what a user sees is
the claim's text (its parts joined by " … "), its cue and the speaker's mention."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a view of the subject in the passive: the subject and the view are the claim
        (
            "By now the harbour master is widely seen as the favourite for the post.",
            ("the harbour master … the favourite for the post", "is widely seen as", None),
        ),
        (
            "The old ferry was seen by many riders as a relic of the past.",
            ("The old ferry … as a relic of the past", "was seen", "many riders"),
        ),
        (
            "The night crossings were considered unsafe in the winter months.",
            ("The night crossings … unsafe in the winter months", "were considered", None),
        ),
        # a participle between commas: the view ends at its comma
        (
            "The loss of the pilot, regarded as the best on the coast, shook the crew.",
            ("the pilot … as the best on the coast", "regarded", None),
        ),
    ],
)
def test_a_view_held_of_the_subject(sentence: str, expected: tuple) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


def test_an_active_verb_of_considering_is_not_a_view_of_the_subject() -> None:
    got = [seen(c) for c in claims_of("Dana Whitlock considered running for mayor in May.")]
    assert all(cue != "considered" or text.startswith("running") for text, cue, _ in got)
    assert not any("…" in text for text, _, _ in got)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a plural subject that seems: the subject and its infinitive
        (
            "The island riders seem to have lost their patience with the board.",
            ("The island riders … to have lost their patience with the board", "seem", None),
        ),
        # what a subject looks for or looks to do
        (
            "The harbour board is looking for a way around the new fares.",
            ("a way around the new fares", "looking for", "The harbour board"),
        ),
        # a body that passes a measure
        (
            "The council passed a levy on the night crossings.",
            ("a levy on the night crossings", "passed", "The council"),
        ),
    ],
)
def test_verbs_of_stance_added_to_the_lists(sentence: str, expected: tuple) -> None:
    got = [seen(c) for c in claims_of(sentence)]
    assert expected[:2] in [g[:2] for g in got]
    if expected[2] is not None:
        assert expected in got


def test_a_quoted_fragment_ending_a_sentence_is_not_claimed_by_the_next_sentence() -> None:
    got = [
        seen(c) for c in claims_of('Pat Moss called Lee a "liar." Dana Roe said Moss was wrong.')
    ]
    assert ("Moss was wrong", "said", "Dana Roe") in got
    assert all(not (cue == "said" and "liar" in text) for text, cue, _ in got)


def test_a_second_verb_of_the_same_subject_after_and_is_a_claim_of_its_own() -> None:
    got = [
        seen(c)
        for c in claims_of(
            "The mayor has long targeted the ferry board, calling its members lazy and"
            " vowing to cut their pay."
        )
    ]
    assert ("its members lazy", "calling", "The mayor") in got
    assert ("to cut their pay", "vowing", "The mayor") in got


def test_a_verb_of_another_form_after_and_stays_in_the_reported_clause() -> None:
    got = [
        seen(c)
        for c in claims_of(
            "Ms. Lee said the riders were tired of the delays and supports the plan."
        )
    ]
    assert [cue for _, cue, _ in got] == ["said"]
    assert got[0][0].endswith("supports the plan")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ann Lee said the island riders feel the same way about the fares.",
            ("the island riders feel the same way about the fares", "said", "Ann Lee"),
        ),
        (
            "Ann Lee said the harbour planners plan to open the pier in May.",
            ("the harbour planners plan to open the pier in May", "said", "Ann Lee"),
        ),
    ],
)
def test_a_reported_clause_whose_verb_is_in_the_present_plural(
    sentence: str, expected: tuple
) -> None:
    assert expected in [seen(c) for c in claims_of(sentence)]


def test_what_someone_was_asked_about_is_a_claim_without_an_asker() -> None:
    got = [seen(c) for c in claims_of("Pat Lee was asked about the plan during the debate.")]
    assert any(cue == "asked about" and text.startswith("the plan") for text, cue, _ in got)


def test_what_is_reportedly_so_is_the_clause_around_the_adverb() -> None:
    got = [seen(c) for c in claims_of("The harbour board is reportedly planning a new pier.")]
    assert ("The harbour board is … planning a new pier", "reportedly", None) in got


def test_a_document_named_at_length_before_its_verb_is_the_source() -> None:
    got = [
        seen(c)
        for c in claims_of(
            "A poll released Sunday by the Harbour Post and Island Radio shows the mayor"
            " keeping her lead."
        )
    ]
    assert any(cue == "shows" and text.startswith("the mayor") for text, cue, _ in got)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # after a colon the clause starts afresh
        (
            "It has not gone unnoticed: according to recent polls, Lee holds only 14 percent"
            " of the island vote.",
            ("Lee holds only 14 percent of the island vote", "according to", "recent polls"),
        ),
        # no comma before it; the writer's "but ..." after the source is no part of it
        (
            "Lee leads Moss by 27 votes according to a count by the Harbour Post, but Moss"
            " has won more wards.",
            ("Lee leads Moss by 27 votes", "according to", "a count by the Harbour Post"),
        ),
        # a verb inside the source phrase is part of the source, not a cue of its own
        (
            "Lee gave his blessing, according to court papers reported by the Post,"
            " becoming the owner.",
            (
                "Lee gave his blessing … becoming the owner",
                "according to",
                "court papers reported by the Post",
            ),
        ),
    ],
)
def test_according_to(sentence: str, expected: tuple) -> None:
    got = [seen(c) for c in claims_of(sentence)]
    assert expected[:2] in [g[:2] for g in got]
    assert next(g for g in got if g[:2] == expected[:2])[2].endswith(expected[2].split()[-1])


def test_a_noun_of_stance_taken_by_a_verb_has_the_verb_in_its_cue() -> None:
    got = [seen(c) for c in claims_of("Ms. Roe bashed the mayor's proposal to close the pier.")]
    assert ("to close the pier", "bashed the mayor's proposal", "the mayor") in got


def test_a_headline_saying_what_someone_is_to_do() -> None:
    from annotator.core.suggest import suggest_article

    text = "Harbour Board to back new ferry plan.\n\nThe board meets on Monday."
    got = [seen(c) for c in suggest_article(text)]
    assert ("new ferry plan", "to back", "Harbour Board") in got
    text = "Why Does Lee Refuse to Back the Ferry Plan?\n\nThe board meets on Monday."
    assert all(cue != "to Back" for _, cue, _ in (seen(c) for c in suggest_article(text)))


def test_a_title_case_headline_with_a_verb_of_mind() -> None:
    from annotator.core.suggest import suggest_article

    text = "Harbour Master Worries About The Old Pier\n\nThe board meets on Monday."
    got = [seen(c) for c in suggest_article(text)]
    assert ("The Old Pier", "Worries About", "Harbour Master") in got


def test_a_question_inside_a_reported_clause_is_a_claim_of_its_own() -> None:
    got = [
        seen(c)
        for c in claims_of(
            "Lee told the radio station on Monday when asked how the ferry would fare if he won."
        )
    ]
    assert ("the radio station on Monday", "told", "Lee") in got
    assert ("how the ferry would fare if he won", "asked", None) in got


def test_a_share_of_those_polled_saying_something() -> None:
    got = [
        seen(c)
        for c in claims_of(
            "Turnout rose in the spring, with 22 percent saying they would take the night boat."
        )
    ]
    assert ("they would take the night boat", "saying", "22 percent") in got


def test_an_object_ends_before_a_comma_and_with() -> None:
    got = [seen(c) for c in claims_of("The mayor lashed out at the board, with riders cheering.")]
    assert ("the board", "lashed out at", "The mayor") in got


def test_a_named_body_that_found_something_at_the_end_of_the_sentence() -> None:
    got = [
        seen(c)
        for c in claims_of("Most of the gain held up over the winter, the Harbour Institute found.")
    ]
    assert ("Most of the gain held up over the winter", "found", "the Harbour Institute") in got


def test_thats_according_to_attributes_the_sentence_before() -> None:
    got = [
        seen(c)
        for c in claims_of(
            "The ferry line raised more than two million dollars in January."
            " That's according to fundraising reports filed on Saturday."
        )
    ]
    assert any(
        cue == "according to" and text.startswith("The ferry line raised") for text, cue, _ in got
    )


def test_according_to_after_a_quote_that_ends_in_a_comma() -> None:
    got = [
        seen(c)
        for c in claims_of(
            'Lee wrote to the ferry board, warning of "a long delay," according to a note'
            " from the harbour office."
        )
    ]
    assert any(cue == "according to" and text.startswith("Lee wrote") for text, cue, _ in got)


def test_according_to_after_a_dash_attributes_the_clause_before() -> None:
    got = [
        seen(c)
        for c in claims_of(
            "In 2014, Dover had 115 crimes — according to the most recent data from the police."
        )
    ]
    assert any(
        cue == "according to" and text.startswith("In 2014, Dover had 115 crimes")
        for text, cue, _ in got
    )

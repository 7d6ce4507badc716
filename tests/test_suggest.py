"""The rule-based suggestion engine: one test per pattern, plus offset properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.suggest import (
    KnownSpeaker,
    SpanRef,
    SuggestedClaim,
    SuggestedSpeaker,
    suggest_article,
)


def contents(claims: list[SuggestedClaim]) -> list[list[str]]:
    return [[s.text for s in c.content] for c in claims]


def only(text: str, known: tuple[KnownSpeaker, ...] = ()) -> SuggestedClaim:
    claims = suggest_article(text, known)
    assert len(claims) == 1, contents(claims)
    return claims[0]


def check_offsets(text: str, claims: list[SuggestedClaim]) -> None:
    for c in claims:
        for ref in (*c.content, c.cue, c.mention):
            if ref is not None:
                assert isinstance(ref, SpanRef)
                assert 0 <= ref.start < ref.end <= len(text)
                assert text[ref.start : ref.end] == ref.text


# ---------------------------------------------------------------- quote marks


def test_straight_double_quotes_cue_after() -> None:
    text = '"We oppose any bloc politics," Mao Ning said on Tuesday.'
    c = only(text)
    assert contents([c]) == [["We oppose any bloc politics,"]]
    assert c.kind == "direct"
    assert c.cue is not None and c.cue.text == "said"
    assert c.mention is not None and c.mention.text == "Mao Ning"
    assert c.speaker is not None and c.speaker.name == "Mao Ning"
    check_offsets(text, [c])


def test_curly_double_quotes_cue_before_with_colon() -> None:
    text = "Mao Ning told reporters: “No region needs a new bloc.”"
    c = only(text)
    assert c.content[0].text == "No region needs a new bloc."
    assert c.cue is not None and c.cue.text == "told"
    assert c.mention is not None and c.mention.text == "Mao Ning"


def test_guillemets_and_low_high_quotes() -> None:
    c = only("Anne-Laure Favre said: «Nous refusons cette logique.»")
    assert c.content[0].text == "Nous refusons cette logique."
    assert c.speaker is not None and c.speaker.name == "Anne-Laure Favre"
    c = only("« Nous refusons », a dit Favre. Markus Feldhaus said: „Das ist falsch.“")
    assert c.content[0].text == "Das ist falsch."
    c = only("Markus Feldhaus said: »Das ist falsch.«")
    assert c.content[0].text == "Das ist falsch."


def test_single_curly_quotes() -> None:
    c = only("‘We are in a waiting room with no doctor,’ the finance minister said.")
    assert c.content[0].text == "We are in a waiting room with no doctor,"
    assert c.mention is not None and c.mention.text == "the finance minister"


def test_single_straight_quotes() -> None:
    c = only("'We will not back down,' said Claire Whitfield.")
    assert c.content[0].text == "We will not back down,"
    assert c.speaker is not None and c.speaker.name == "Claire Whitfield"


def test_apostrophes_are_not_quotes() -> None:
    text = (
        "The ministry's officials don't like rock 'n' roll from the '90s. "
        "The Smiths' house was quiet, and ’tis the season. Dato' Rahman Iskandar arrived."
    )
    assert suggest_article(text) == []


def test_apostrophes_inside_a_single_quoted_claim() -> None:
    text = "'We don't accept the ministry's view of the '90s,' Whitfield said."
    c = only(text)
    assert c.content[0].text == "We don't accept the ministry's view of the '90s,"
    text = "'The Smiths' house is not for sale,' the lawyer said."
    assert only(text).content[0].text == "The Smiths' house is not for sale,"
    text = "‘The islands’ future is at stake,’ said Mereani Vula."
    assert only(text).content[0].text == "The islands’ future is at stake,"


def test_nested_quote_is_part_of_the_outer_claim() -> None:
    text = (
        "“One customer told me, ‘We would rather know the rules than guess them,’ "
        "and I think that is fair,” she said."
    )
    c = only(text)
    assert c.content[0].text.startswith("One customer told me, ‘We would")
    assert c.content[0].text.endswith("and I think that is fair,")
    text = "\"He called it 'nonsense' and left,\" Mao said."
    assert contents(suggest_article(text)) == [["He called it 'nonsense' and left,"]]


def test_quote_over_two_paragraphs_is_one_claim() -> None:
    text = (
        'Haugland said: "Rich countries made a promise.\n\n'
        '"So today Norway is putting money on the table."\n\nThe meeting ended.'
    )
    c = only(text)
    assert contents([c]) == [
        ["Rich countries made a promise.", "So today Norway is putting money on the table."]
    ]
    assert c.speaker is not None and c.speaker.name == "Haugland"
    check_offsets(text, [c])


def test_quote_interrupted_by_its_attribution_is_one_claim() -> None:
    text = '"Our ocean is big enough," he said. "We want friends."'
    c = only(text)
    assert contents([c]) == [["Our ocean is big enough,", "We want friends."]]
    assert c.cue is not None and c.cue.text == "said"


def test_quote_split_mid_sentence_by_its_attribution_is_one_claim() -> None:
    text = '"I have no comment," he said when asked about the case, "but I will speak soon."'
    c = only(text)
    assert contents([c]) == [["I have no comment,", "but I will speak soon."]]


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    text = (
        "Ministry warns against 'bloc politics' in the Pacific\n\n"
        "[March 02, 2024]  CANBERRA (Newswire) - A foreign ministry spokesperson said on\n"
        'Tuesday that "no region needs a new bloc", warning Australia against\n'
        '"dividing the Pacific". "We hope all parties will act responsibly," the\n'
        "spokesperson added.\n"
    )
    claims = suggest_article(text)
    check_offsets(text, claims)
    assert contents(claims) == [
        ["no region needs a new bloc"],
        ["We hope all parties will act responsibly,"],
    ]
    assert claims[0].mention is not None
    assert claims[0].mention.text == "A foreign ministry spokesperson"
    assert claims[1].mention is not None and claims[1].mention.text == "the\nspokesperson"
    # an unnamed spokesperson speaks for the ministry, both times
    assert [c.speaker.name for c in claims if c.speaker] == ["foreign ministry"] * 2


def test_second_quote_with_its_own_cue_is_a_second_claim() -> None:
    text = 'Mao Ning said: "It is wrong." Later, "We will respond," she added.'
    claims = suggest_article(text)
    assert contents(claims) == [["It is wrong."], ["We will respond,"]]
    assert [c.cue.text for c in claims if c.cue] == ["said", "added"]


def test_scare_quotes_and_titles_are_not_claims() -> None:
    assert suggest_article("Critics talk about a 'global NATO' as if it were a plan.") == []
    assert suggest_article("Ministry warns against 'bloc politics' in the Pacific") == []
    assert suggest_article('Back then the slogan was "out of area or out of business".') == []
    assert suggest_article('"The Art of War" was written two thousand years ago.') == []


def test_partial_quote_inside_reported_speech_is_one_indirect_claim() -> None:
    text = (
        'Kremlin spokesman Dmitry Peskov said that Western weapons "will not change the situation".'
    )
    c = only(text)
    assert c.kind == "indirect"
    assert c.content[0].text == 'Western weapons "will not change the situation"'


# ---------------------------------------------------------------- cues and speakers


def test_title_and_affiliation_are_not_part_of_the_mention() -> None:
    text = "Chinese Foreign Ministry spokesperson Mao Ning said: “We oppose this.”"
    c = only(text)
    assert c.mention is not None and c.mention.text == "Mao Ning"
    assert c.speaker == SuggestedSpeaker(
        "Mao Ning", "person", "spokesperson", "Chinese Foreign Ministry", None
    )


def test_said_x_a_spokesperson_for_y() -> None:
    text = '"We oppose this," said Mao Ning, a spokesperson for the ministry.'
    c = only(text)
    assert c.cue is not None and c.cue.text == "said"
    assert c.mention is not None and c.mention.text == "Mao Ning"
    assert c.speaker is not None
    assert c.speaker.role == "spokesperson"
    assert c.speaker.affiliation == "ministry"


def test_role_then_name_in_apposition() -> None:
    text = "Vanuatu's foreign minister, Daniel Tavoa, told Newswire that his government would wait."
    c = only(text)
    assert c.mention is not None and c.mention.text == "Daniel Tavoa"
    assert c.speaker is not None and c.speaker.role == "foreign minister"
    assert c.content[0].text == "his government would wait"


def test_noun_phrase_mention_keeps_its_determiner() -> None:
    text = '"This is unacceptable," the Chinese foreign ministry said in a statement.'
    c = only(text)
    assert c.mention is not None and c.mention.text == "the Chinese foreign ministry"
    assert c.speaker is not None
    assert (c.speaker.name, c.speaker.kind) == ("Chinese foreign ministry", "organisation")


def test_according_to_before_and_after() -> None:
    c = only("According to the ministry, the talks will resume next week.")
    assert c.kind == "indirect"
    assert c.content[0].text == "the talks will resume next week"
    assert c.cue is not None and c.cue.text == "According to"
    assert c.mention is not None and c.mention.text == "the ministry"
    c = only("The talks will resume next week, according to the ministry.")
    assert c.content[0].text == "The talks will resume next week"
    # data and documents are not speakers
    assert suggest_article("According to customs data, exports tripled in 2023.") == []


def test_reported_speech_with_that() -> None:
    text = "Lin Qiao said on Tuesday that Beijing's agreements did not target any third party."
    c = only(text)
    assert c.kind == "indirect"
    assert c.content[0].text == "Beijing's agreements did not target any third party"
    assert c.cue is not None and c.cue.text == "said"
    assert c.mention is not None and c.mention.text == "Lin Qiao"


def test_reported_speech_without_that() -> None:
    c = only("Élodie Marchand said NATO should stay focused on the North Atlantic.")
    assert c.content[0].text == "NATO should stay focused on the North Atlantic"
    assert c.speaker is not None and c.speaker.name == "Élodie Marchand"


def test_reported_speech_with_addressee_and_participle() -> None:
    text = (
        "Markus Feldhaus told reporters that Berlin would announce its figure in the autumn. "
        "The ministry criticised the plan, saying the levy was about politics."
    )
    claims = suggest_article(text)
    assert contents(claims) == [
        ["Berlin would announce its figure in the autumn"],
        ["the levy was about politics"],
    ]
    assert claims[0].cue is not None and claims[0].cue.text == "told"
    assert claims[1].cue is not None and claims[1].cue.text == "saying"
    assert claims[1].mention is not None and claims[1].mention.text == "The ministry"


def test_age_apposition_and_relative_clause() -> None:
    c = only("Mr Smith, 45, said the company was in trouble.")
    assert c.mention is not None and c.mention.text == "Smith"
    c = only("John Smith, who chairs the committee, said the vote would go ahead.")
    assert c.mention is not None and c.mention.text == "John Smith"
    assert c.content[0].text == "the vote would go ahead"


def test_reporting_verb_with_an_object_is_not_reported_speech() -> None:
    assert suggest_article("She added a new clause. He told the story of his life.") == []
    assert suggest_article("The US is said to be considering new sanctions.") == []
    assert suggest_article("The report said that emissions had risen.") == []


def test_unresolved_pronoun_gives_no_speaker() -> None:
    c = only('"Trust me," she said.')
    assert c.mention is not None and c.mention.text == "she"
    assert c.speaker is None


def test_noun_phrase_with_any_head_noun() -> None:
    c = only('"It was terrible," said a local farmer.')
    assert c.mention is not None and c.mention.text == "a local farmer"
    c = only("His lawyer told reporters that he was innocent.")
    assert c.mention is not None and c.mention.text == "His lawyer"
    # documents are not speakers
    assert suggest_article("The report said that emissions had risen.") == []


def test_vague_groups_are_not_speakers() -> None:
    assert suggest_article("Analysts said the talks would fail.") == []
    assert suggest_article('"It will fail," Western diplomats said.') == []


def test_pronoun_resolves_to_last_person() -> None:
    text = (
        "Australian Foreign Minister Claire Whitfield toured the region.\n\n"
        '"We are not asking anyone to choose sides," she told reporters.'
    )
    c = only(text)
    assert c.mention is not None and c.mention.text == "she"
    assert c.speaker is not None
    assert (c.speaker.name, c.speaker.role) == ("Claire Whitfield", "Foreign Minister")


def test_surname_resolves_to_last_full_name() -> None:
    text = (
        "Jens Stoltenberg arrived in Tokyo on Monday. Later, Wang Yi and Wang Wenbin spoke.\n\n"
        '"We are ready," Stoltenberg said. "We disagree," Wang said.'
    )
    claims = suggest_article(text)
    assert [c.speaker.name for c in claims if c.speaker] == ["Jens Stoltenberg", "Wang Wenbin"]
    # a Chinese family name comes first
    text = "Spokesperson Mao Ning held a briefing. “No,” Mao said."
    assert only(text).speaker == SuggestedSpeaker("Mao Ning", "person", "Spokesperson", None, None)


def test_the_spokesperson_resolves_to_the_spokesperson() -> None:
    text = (
        "Foreign Minister Wang Yi met his counterpart, while spokesperson Lin Qiao held a "
        "briefing.\n\n"
        '"We will see it through," the spokesperson said.'
    )
    c = only(text)
    assert c.mention is not None and c.mention.text == "the spokesperson"
    assert c.speaker is not None and c.speaker.name == "Lin Qiao"


def test_a_ministry_spokesperson_speaks_for_the_ministry() -> None:
    text = (
        "China's commerce ministry said that it opposed the decision.\n\n"
        '"The rules must be respected," a ministry spokesperson said.'
    )
    claims = suggest_article(text)
    assert [c.speaker.name for c in claims if c.speaker] == ["China's commerce ministry"] * 2


def test_quote_without_cue_inherits_the_previous_speaker() -> None:
    text = (
        '"We are following the facts," Jonas Weber said.\n\n'
        '"Wherever they lead, we will publish what we find."'
    )
    claims = suggest_article(text)
    assert len(claims) == 2
    assert claims[1].cue is None and claims[1].mention is None
    assert claims[1].speaker is not None and claims[1].speaker.name == "Jonas Weber"


def test_known_speaker_matched_by_alias() -> None:
    known = (
        KnownSpeaker("spk-1", "Lin Qiao", ("Lin",)),
        KnownSpeaker("spk-2", "Chinese Foreign Ministry", ("China's foreign ministry",)),
    )
    claims = suggest_article(
        'Lin said the plan was wrong. "No," China\'s foreign ministry said.', known
    )
    assert [c.speaker.known_id for c in claims if c.speaker] == ["spk-1", "spk-2"]
    assert [c.speaker.name for c in claims if c.speaker] == ["Lin", "China's foreign ministry"]


def test_known_speaker_match_is_case_insensitive() -> None:
    known = (KnownSpeaker("spk-9", "Chinese Foreign Ministry", ("the chinese foreign ministry",)),)
    c = only('"No," the Chinese foreign ministry said.', known)
    assert c.speaker is not None and c.speaker.known_id == "spk-9"


# ---------------------------------------------------------------- offsets


def test_offsets_after_astral_characters_combining_marks_and_rtl() -> None:
    text = (
        "𝐀 🇺🇦🤝 Cafe\u0301 ‏مرحبا‎ 😀\n\n"
        "“Every ship feeds someone 🌾,” Aryna Kovalenko wrote. "
        "Mohammed al-Harbi (محمد الحربي) said that food was not a bargaining chip."
    )
    claims = suggest_article(text)
    check_offsets(text, claims)
    assert contents(claims) == [
        ["Every ship feeds someone 🌾,"],
        ["food was not a bargaining chip"],
    ]
    assert [c.speaker.name for c in claims if c.speaker] == [
        "Aryna Kovalenko",
        "Mohammed al-Harbi",
    ]
    first = claims[0].content[0]
    assert first.start == text.index("Every")


def test_crlf_bom_and_empty_texts() -> None:
    assert suggest_article("") == []
    assert suggest_article("   \n\n  ") == []
    text = '\ufeffHeadline\r\n\r\n"We oppose it," Lin said.\r\n'
    claims = suggest_article(text)
    check_offsets(text, claims)
    assert contents(claims) == [["We oppose it,"]]


_PIECES = st.sampled_from(
    [
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        " said ",
        " told reporters that ",
        "according to ",
        "he",
        "She",
        "Mao Ning",
        "the ministry",
        " spokesperson ",
        "don't",
        "😀",
        "𝐀",
        "e\u0301",
        "مرحبا",
        " adding that ",
        "Mr. ",
        "al-Harbi",
        "'s",
        "(",
        ")",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40))
def test_every_span_selects_its_text(parts: list[str]) -> None:
    text = "".join(parts)
    known = (KnownSpeaker("k", "Mao Ning", ("Mao", "the ministry")),)
    claims = suggest_article(text, known)
    check_offsets(text, claims)
    for c in claims:
        assert c.kind in ("direct", "indirect")
        assert c.content
        if c.speaker is not None:
            assert c.speaker.kind in ("person", "organisation")


def test_core_suggest_never_imports_qt() -> None:
    pkg = Path(__file__).resolve().parent.parent / "annotator" / "core" / "suggest"
    for f in pkg.glob("*.py"):
        src = f.read_text(encoding="utf-8")
        assert "PySide" not in src and "PyQt" not in src and "qtpy" not in src, f.name


@pytest.mark.parametrize(
    "text",
    [
        '"A," she said. "B," he said.',
        "“Unclosed quote at the end",
        "He said: “",
        "” backwards “",
        "' ' ' '",
        "According to",
        "said said said",
    ],
)
def test_degenerate_inputs_do_not_crash(text: str) -> None:
    check_offsets(text, suggest_article(text))


# Worst cases for the quote scanner; bench/worst_case.py times them against a baseline.
PATHOLOGICAL = {
    "30,000 apostrophes": "'s " * 30_000,
    "30,000 unclosed quotes": "“a " * 30_000,
    "60,000 bare quote marks": '"' * 60_000,
    "3,000 short quotes": " ".join(f'he said "word {i} and more" then' for i in range(3_000)),
}


@pytest.mark.parametrize("name", [n for n in PATHOLOGICAL if n != "3,000 short quotes"])
def test_runs_of_quote_marks_suggest_nothing(name: str) -> None:
    assert suggest_article(PATHOLOGICAL[name]) == []


def test_thousands_of_short_quotes_are_each_suggested() -> None:
    text = PATHOLOGICAL["3,000 short quotes"]
    claims = suggest_article(text)
    check_offsets(text, claims)
    assert [c.content[0].text for c in claims] == [f"word {i} and more" for i in range(3_000)]
    assert {(c.cue and c.cue.text, c.mention and c.mention.text) for c in claims} == {
        ("said", "he")
    }

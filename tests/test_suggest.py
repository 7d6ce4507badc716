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
        "and I find that reasonable,” she said."
    )
    c = only(text)
    assert c.content[0].text.startswith("One customer told me, ‘We would")
    assert c.content[0].text.endswith("and I find that reasonable,")
    text = "\"He called it 'nonsense' and left,\" Ruiz said."
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
    text = '"I have nothing to add," he said when questioned on the ferry, "but I will speak soon."'
    c = only(text)
    assert contents([c]) == [["I have nothing to add,", "but I will speak soon."]]


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
        ["against 'bloc politics' in the Pacific"],  # a headline quote
        ["no region needs a new bloc"],
        ['Australia against\n"dividing the Pacific"'],  # ", warning ...": a stance
        ["We hope all parties will act responsibly,"],
    ]
    assert claims[0].mention is not None and claims[0].mention.text == "Ministry"
    assert claims[1].mention is not None
    assert claims[1].mention.text == "A foreign ministry spokesperson"
    assert claims[3].mention is not None and claims[3].mention.text == "the\nspokesperson"
    # an unnamed spokesperson speaks for the ministry, every time
    assert [c.speaker.name for c in claims[1:] if c.speaker] == ["foreign ministry"] * 3


def test_second_quote_with_its_own_cue_is_a_second_claim() -> None:
    text = 'Mao Ning said: "It is wrong." Later, "We will respond," she added.'
    claims = suggest_article(text)
    assert contents(claims) == [["It is wrong."], ["We will respond,"]]
    assert [c.cue.text for c in claims if c.cue] == ["said", "added"]


def test_scare_quotes_and_titles_are_not_claims() -> None:
    # the quoted words are never a direct claim; PolNeAR counts "talk about X" as the
    # critics' attribution of X, so the phrase is one mixed claim with that cue
    claims = suggest_article("Critics talk about a 'harbour empire' as if it were a plan.")
    assert [(c.kind, c.cue.text if c.cue else None) for c in claims] == [("mixed", "talk about")]
    assert claims[0].content[0].text == "a 'harbour empire'"
    assert suggest_article('Back then the slogan was "out of area or out of business".') == []
    assert suggest_article('"The Art of War" was written two thousand years ago.') == []


def test_partial_quote_inside_reported_speech_is_one_mixed_claim() -> None:
    text = (
        'Kremlin spokesman Dmitry Peskov said that Western weapons "will not change the situation".'
    )
    c = only(text)
    assert c.kind == "mixed"
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
    text = '"This is outrageous," the regional transport ministry said on its website.'
    c = only(text)
    assert c.mention is not None and c.mention.text == "the regional transport ministry"
    assert c.speaker is not None
    assert (c.speaker.name, c.speaker.kind) == ("regional transport ministry", "organisation")


def test_according_to_before_and_after() -> None:
    c = only("According to the ministry, the talks will resume next week.")
    assert c.kind == "indirect"
    assert c.content[0].text == "the talks will resume next week"
    assert c.cue is not None and c.cue.text == "According to"
    assert c.mention is not None and c.mention.text == "the ministry"
    c = only("The talks will resume next week, according to the ministry.")
    assert c.content[0].text == "The talks will resume next week"
    # data and documents are sources too: they speak for whoever made them
    c = only("According to customs data, exports tripled in 2023.")
    assert c.content[0].text == "exports tripled in 2023"
    assert c.speaker is not None and c.speaker.name == "customs data"
    assert c.speaker.kind == "organisation"


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
        ["the plan"],
        ["the levy was about politics"],
    ]
    assert claims[0].cue is not None and claims[0].cue.text == "told"
    # what the ministry criticised is an attribution of its own (a stance)
    assert claims[1].cue is not None and claims[1].cue.text == "criticised"
    assert claims[2].cue is not None and claims[2].cue.text == "saying"
    assert claims[2].mention is not None and claims[2].mention.text == "The ministry"


def test_age_apposition_and_relative_clause() -> None:
    c = only("Mr Smith, 45, said the company was in trouble.")
    assert c.mention is not None and c.mention.text == "Smith"
    c = only("John Smith, who chairs the committee, said the vote would go ahead.")
    assert c.mention is not None and c.mention.text == "John Smith"
    assert c.content[0].text == "the vote would go ahead"


def test_reporting_verb_with_an_object_is_not_reported_speech() -> None:
    assert suggest_article("She added a new clause. He told the tale of the old ferry.") == []
    assert suggest_article("The US is said to be considering new sanctions.") == []


def test_unresolved_pronoun_gives_no_speaker() -> None:
    c = only('"Trust me," she said.')
    assert c.mention is not None and c.mention.text == "she"
    assert c.speaker is None


def test_noun_phrase_with_any_head_noun() -> None:
    c = only('"It was terrible," said a local farmer.')
    assert c.mention is not None and c.mention.text == "a local farmer"
    c = only("His lawyer told reporters that he was innocent.")
    assert c.mention is not None and c.mention.text == "His lawyer"
    # a document speaks for whoever wrote it
    c = only("The report said that emissions had risen.")
    assert c.content[0].text == "emissions had risen"
    assert c.speaker is not None and c.speaker.kind == "organisation"


def test_unnamed_groups_are_speakers_as_written() -> None:
    c = only("Analysts said the talks would fail.")
    assert c.content[0].text == "the talks would fail"
    assert c.speaker is not None and c.speaker.name == "Analysts"
    c = only('"It will fail," Western diplomats said.')
    assert c.speaker is not None and c.speaker.name == "Western diplomats"


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
        'Jonas Weber said: "We are following the facts."\n\n'
        '"Wherever they lead, we will publish what we find."'
    )
    claims = suggest_article(text)
    assert len(claims) == 2
    assert claims[1].cue is None
    # the source is the one written before: the same mention as the first claim's
    assert claims[1].mention == claims[0].mention
    assert claims[1].mention is not None and claims[1].mention.text == "Jonas Weber"
    assert claims[1].speaker is not None and claims[1].speaker.name == "Jonas Weber"


def test_quote_without_cue_after_reported_speech_takes_its_speaker() -> None:
    text = (
        "Mara Okafor said the harbour would reopen in spring.\n\n"
        '"Nobody here has given up on the season, not one boat."'
    )
    claims = suggest_article(text)
    assert len(claims) == 2
    assert claims[1].speaker is not None and claims[1].speaker.name == "Mara Okafor"
    assert claims[1].mention is not None and claims[1].mention.text == "Mara Okafor"


def test_subject_of_a_second_verb_is_the_name_starting_the_sentence() -> None:
    text = (
        "Intro line.\n\nIlse Varga ran the ferry board for nine years and has since "
        "said the vote would be close.\n\nPeter Lund joined it in May. He has since said the "
        "plan is dead."
    )
    claims = suggest_article(text)
    assert [c.content[0].text for c in claims] == ["the vote would be close", "the plan is dead"]
    assert [c.mention.text if c.mention else None for c in claims] == ["Ilse Varga", "He"]
    assert [c.speaker.name if c.speaker else None for c in claims] == ["Ilse Varga", "Peter Lund"]


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
        assert c.kind in ("direct", "indirect", "mixed")
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


# ---------------------------------------------------------------- export of proposals


def _suggested_store(tmp_path: Path):
    from annotator.core.store import Store
    from annotator.core.suggest.runner import suggest_corpus

    store = Store(tmp_path / "a.db")
    aid = store.add_article(
        '"The bridge will open in May," said Harriet Vale, a spokesperson for the Transport Ministry.',
        title="Bridge",
    )
    suggest_corpus(store)
    return store, aid


def test_suggested_claim_exports_its_proposed_speaker(tmp_path: Path) -> None:
    from annotator.core.exporting import ExportFilter, iter_records

    store, _ = _suggested_store(tmp_path)
    (rec,) = iter_records(store, ExportFilter(include_suggestions=True))
    (claim,) = rec["claims"]
    assert claim["speaker"] is None
    assert claim["proposed_speaker"] == {
        "name": "Harriet Vale",
        "kind": "person",
        "role": "spokesperson",
        "affiliation": "Transport Ministry",
    }


def test_accepted_claim_exports_the_speaker_and_no_proposal(tmp_path: Path) -> None:
    from annotator.core.exporting import ExportFilter, iter_records

    store, aid = _suggested_store(tmp_path)
    (claim,) = store.claims(aid, statuses=["suggested"])
    store.decide(claims=[claim["id"]], accept=True)
    (rec,) = iter_records(store, ExportFilter())
    (out,) = rec["claims"]
    assert "proposed_speaker" not in out
    assert [s["name"] for s in rec["speakers"] if s["id"] == out["speaker"]] == ["Harriet Vale"]


def test_proposed_speaker_survives_a_round_trip_and_can_be_accepted(tmp_path: Path) -> None:
    import json

    from annotator.core.exporting import ExportFilter, export, iter_records
    from annotator.core.importing import import_paths
    from annotator.core.store import Store

    store, _ = _suggested_store(tmp_path)
    first = tmp_path / "first.jsonl"
    export(store, first, flt=ExportFilter(include_suggestions=True))
    again = Store(tmp_path / "b.db")
    import_paths(again, [first])
    (rec,) = iter_records(again, ExportFilter(include_suggestions=True))
    assert rec == json.loads(first.read_text(encoding="utf-8"))
    (claim,) = again.claims(rec["id"], statuses=["suggested"])
    again.decide(claims=[claim["id"]], accept=True)
    assert again.find_speaker("Harriet Vale") is not None


def test_csv_export_has_the_proposed_speaker_column(tmp_path: Path) -> None:
    import csv

    from annotator.core.exporting import ExportFilter, export

    store, _ = _suggested_store(tmp_path)
    out = tmp_path / "a.csv"
    export(store, out, fmt="csv", flt=ExportFilter(include_suggestions=True))
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    claim_rows = [r for r in rows if r["label"] == "claim"]
    assert [r["proposed_speaker"] for r in claim_rows] == ["Harriet Vale"]


def test_a_malformed_proposed_speaker_is_one_clear_error(tmp_path: Path) -> None:
    import json

    from annotator.core.exporting import ExportFilter, export
    from annotator.core.importing import import_paths
    from annotator.core.store import Store

    store, _ = _suggested_store(tmp_path)
    first = tmp_path / "first.jsonl"
    export(store, first, flt=ExportFilter(include_suggestions=True))
    rec = json.loads(first.read_text(encoding="utf-8"))
    rec["claims"][0]["proposed_speaker"] = {"name": 5}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    again = Store(tmp_path / "b.db")
    report = import_paths(again, [bad])
    assert len(report.errors) == 1
    assert "bad.jsonl:1:" in report.errors[0] and "proposed_speaker" in report.errors[0]
    assert again.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


# ---------------------------------------------------------------- figures shown to the user

ROOT = Path(__file__).resolve().parent.parent


def _figure_rows() -> list[str]:
    figures = (ROOT / "resources" / "suggest" / "figures.md").read_text(encoding="utf-8")
    return [line for line in figures.splitlines() if line.startswith("|")]


def test_readme_and_window_show_the_same_figures() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = _figure_rows()
    assert len(rows) >= 8
    for row in rows:
        assert row in readme, f"README lacks the figures row {row!r}"


def test_help_about_suggestions_shows_the_figures(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from annotator.gui import main_window as main_window_module
    from annotator.gui.app import build_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(tmp_path / "a.db", annotator="tester", seed=False, settings=settings)
    qtbot.addWidget(win)
    opened = []
    monkeypatch.setattr(
        main_window_module.AboutSuggestionsDialog, "exec", lambda self: opened.append(self) or 0
    )
    (action,) = [a for a in win.actions() if a.text().replace("&", "") == "About suggestions"]
    action.trigger()
    assert len(opened) == 1
    shown = opened[0].view.toPlainText()
    assert "|" not in shown  # plain text columns, not Markdown
    for row in _figure_rows():
        for cell in row.strip("|").split("|"):
            if cell.strip() and set(cell.strip()) > set("-"):
                assert cell.strip() in shown
    win.close()
    win.store.close()


def test_word_lists_ship_in_the_wheel() -> None:
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["annotator.resource_files"]
    for f in (ROOT / "resources" / "suggest").iterdir():
        name = f.relative_to(ROOT / "resources").as_posix()
        assert any(fnmatch.fnmatch(name, g) for g in globs), f"{name} is not in package-data"


# ---------------------------------------------------------------- attributions on real news


def claim_of(text: str, content: str) -> SuggestedClaim:
    """The one suggested claim whose content is ``content`` (spans joined with " | ")."""
    claims = suggest_article(text)
    check_offsets(text, claims)
    found = [c for c in claims if " | ".join(s.text for s in c.content) == content]
    assert len(found) == 1, contents(claims)
    return found[0]


def test_quoted_fragment_inside_paraphrase_is_a_mixed_claim_of_the_subject() -> None:
    c = claim_of(
        'Councillor Mara Quint called the plan "reckless." She left.', 'the plan "reckless."'
    )
    assert c.kind == "mixed"
    assert c.speaker is not None and c.speaker.name == "Mara Quint"
    c = claim_of(
        'The people of Dunmore "deserve a clean harbour," Tomas Lee said.',
        'The people of Dunmore "deserve a clean harbour,"',
    )
    assert c.kind == "mixed" and c.cue is not None and c.cue.text == "said"


def test_show_titles_in_quotes_are_not_claims() -> None:
    text = '"We will win the valley," Tomas Lee said on "Morning Report."'
    assert contents(suggest_article(text)) == [["We will win the valley,"]]


def test_headline_quote_is_a_claim() -> None:
    c = claim_of(
        "Ministry warns against 'bloc politics' in the Pacific\n\nTalks went on.",
        "against 'bloc politics' in the Pacific",
    )
    assert c.kind == "mixed" and c.cue is not None and c.cue.text == "warns"
    c = claim_of(
        "Mayor Calls Budget 'A Disgrace'\n\nThe council met on Friday.", "Budget 'A Disgrace'"
    )
    assert c.speaker is not None and c.speaker.name == "Mayor"


def test_dash_colon_and_transcript_attributions() -> None:
    c = claim_of(
        '"The harbour will reopen by spring." — Ana Ruiz', "The harbour will reopen by spring."
    )
    assert c.speaker is not None and c.speaker.name == "Ana Ruiz"
    c = claim_of(
        'Ana Ruiz, the harbour minister: "The harbour will reopen by spring."',
        '"The harbour will reopen by spring."',
    )
    assert c.kind == "direct" and c.speaker is not None and c.speaker.name == "Ana Ruiz"
    c = claim_of(
        "RUIZ: Well, look, the harbour will reopen by spring.\n\nHOST: Thank you.",
        "Well, look, the harbour will reopen by spring",
    )
    assert c.cue is not None and c.cue.text == ":"


def test_two_claims_in_one_sentence_have_one_speaker() -> None:
    text = '"We cannot afford this," Tomas Lee said, adding later, "the plan is dead."'
    claims = suggest_article(text)
    assert contents(claims) == [["We cannot afford this,"], ["the plan is dead."]]
    assert [c.cue.text for c in claims if c.cue] == ["said", "adding"]
    assert {c.speaker.name for c in claims if c.speaker} == {"Tomas Lee"}


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "According to the harbour authority, the berths will reopen in May.",
            "the berths will reopen in May",
            "According to",
            "harbour authority",
        ),
        (
            "Tomas Lee argued that the tunnel would cost twice as much.",
            "the tunnel would cost twice as much",
            "argued",
            "Tomas Lee",
        ),
        (
            "A new poll shows that most residents oppose the tunnel.",
            "most residents oppose the tunnel",
            "shows",
            "new poll",
        ),
        (
            "Officials hoped the ferry would resume before the holidays.",
            "the ferry would resume before the holidays",
            "hoped",
            "Officials",
        ),
        (
            "Dana Ortiz spoke first. The tunnel, she said, was never properly costed.",
            "The tunnel | was never properly costed",
            "said",
            "Dana Ortiz",
        ),
        (
            "The tunnel will never be finished, a port spokesman said.",
            "The tunnel will never be finished",
            "said",
            "port spokesman",
        ),
        (
            "The ferry operator declined to discuss the new timetable.",
            "to discuss the new timetable",
            "declined",
            "ferry operator",
        ),
    ],
)
def test_attribution_without_quotes(text: str, content: str, cue: str, speaker: str) -> None:
    c = claim_of(text, content)
    assert c.kind == "indirect"
    assert c.cue is not None and c.cue.text == cue
    assert c.speaker is not None and c.speaker.name == speaker


def test_place_name_next_to_the_cue_is_not_the_speaker() -> None:
    text = "Tomas Lee spoke at a rally in Tulsa, Oklahoma, arguing that the tunnel was a waste."
    c = claim_of(text, "the tunnel was a waste")
    assert c.speaker is not None and c.speaker.name == "Tomas Lee"


def test_verb_inside_the_reported_clause_is_not_the_cue() -> None:
    text = "Tomas Lee said that the country would formally declare its neutrality."
    c = only(text)
    assert c.cue is not None and c.cue.text == "said"
    assert c.content[0].text == "the country would formally declare its neutrality"


def test_a_second_verb_of_the_same_subject_is_a_second_claim() -> None:
    text = "Dana Ortiz called the levy unfair, and said the council would repeal it."
    claims = suggest_article(text)
    assert contents(claims) == [["the levy unfair"], ["the council would repeal it"]]
    assert [c.cue.text for c in claims if c.cue] == ["called", "said"]
    assert [c.speaker.name for c in claims if c.speaker] == ["Dana Ortiz"] * 2


def test_stances_and_poll_answers() -> None:
    c = claim_of("A harbour group backing the tunnel spent heavily.", "the tunnel")
    assert c.cue is not None and c.cue.text == "backing"
    c = claim_of("Only 40 percent of residents say the same of the ferry.", "the same of the ferry")
    assert c.speaker is not None and "residents" in c.speaker.name
    c = claim_of(
        "Most voters see the tunnel as a waste of money.", "the tunnel as a waste of money"
    )
    assert c.cue is not None and c.cue.text == "see"


def test_expectations_and_knowledge() -> None:
    c = claim_of(
        "The harbour board is expected to approve the tunnel on Monday.",
        "The harbour board | to approve the tunnel on Monday",
    )
    assert c.cue is not None and c.cue.text == "is expected"
    c = claim_of("Dana Ortiz knew the tunnel would be late.", "the tunnel would be late")
    assert c.speaker is not None and c.speaker.name == "Dana Ortiz"


def test_reported_clause_with_an_irregular_past_or_a_title_with_a_period() -> None:
    text = (
        "Intro line.\n\nTwo retired pilots said quarrels broke out among the crews.\n\n"
        "Sixty percent of voters said Ms. Lund would handle the port better."
    )
    claims = suggest_article(text)
    assert [c.content[0].text for c in claims] == [
        "quarrels broke out among the crews",
        "Ms. Lund would handle the port better",
    ]


def test_said_followed_by_a_circumstance_ends_the_clause_before_it() -> None:
    text = "Intro line.\n\nThe harbour is closed, she said in a voice message to the council."
    claims = suggest_article(text)
    assert [c.content[0].text for c in claims] == ["The harbour is closed"]
    assert claims[0].mention is not None and claims[0].mention.text == "she"


def test_attribution_after_one_word_in_mid_sentence() -> None:
    text = "Intro line.\n\nStill, he said, the council has to decide who pays for the bridge."
    claims = suggest_article(text)
    assert len(claims) == 1
    assert [s.text for s in claims[0].content] == [
        "Still",
        "the council has to decide who pays for the bridge",
    ]


def test_quote_then_reporter_words_then_said_is_one_mixed_claim() -> None:
    text = 'Intro line.\n\n"We never teach that" in the evening classes, he said.'
    claims = suggest_article(text)
    assert len(claims) == 1
    assert claims[0].content[0].text == '"We never teach that" in the evening classes'
    assert claims[0].kind == "mixed"


def test_reported_clause_stops_before_a_second_attribution() -> None:
    text = "Intro line.\n\nAna Ruiz said the port would reopen in May, adding that the fees would fall."
    claims = suggest_article(text)
    assert [(c.content[0].text, c.cue.text if c.cue else None) for c in claims] == [
        ("the port would reopen in May", "said"),
        ("the fees would fall", "adding"),
    ]


def test_object_of_a_stance_verb_stops_before_the_subjects_next_act() -> None:
    text = "Intro line.\n\nThe senator praised the new budget and took the stage with the governor."
    claims = suggest_article(text)
    assert [c.content[0].text for c in claims] == ["the new budget"]


def test_quote_then_a_name_with_a_long_apposition_then_said() -> None:
    text = (
        'Intro line.\n\n"We would have been stuck there for years," Mr. Halvorsen, now 81 '
        "and retired in Bergen, said by telephone."
    )
    claims = suggest_article(text)
    assert len(claims) == 1
    assert claims[0].cue is not None and claims[0].cue.text == "said"
    assert claims[0].speaker is not None and claims[0].speaker.name == "Halvorsen"


def test_who_before_said_is_the_mention_and_refers_back_to_the_name() -> None:
    text = (
        "Intro line.\n\nThe vote went to Mara Okafor, who has long said that the harbour is "
        "too small for the ferries."
    )
    claims = suggest_article(text)
    assert len(claims) == 1
    assert claims[0].mention is not None and claims[0].mention.text == "who"
    assert claims[0].speaker is not None and claims[0].speaker.name == "Mara Okafor"


def test_a_poll_with_a_long_subject_shows_its_object() -> None:
    text = "Intro line.\n\nA weekly average of polls shows Varga leading by 2 points over Lund."
    claims = suggest_article(text)
    assert [c.content[0].text for c in claims] == ["Varga leading by 2 points over Lund"]
    assert claims[0].mention is not None and claims[0].mention.text == "A weekly average of polls"


def test_a_past_verb_outside_the_lists_before_that_and_a_clause_is_a_cue() -> None:
    text = "Intro line.\n\nThe minister hinted that the tax would rise next year."
    claims = suggest_article(text)
    assert [(c.content[0].text, c.cue.text if c.cue else None) for c in claims] == [
        ("the tax would rise next year", "hinted")
    ]
    # "that" as a determiner starts no clause
    assert suggest_article("Intro line.\n\nThe council visited that harbour last week.") == []


def test_quote_opening_the_next_paragraph_continues_the_claim_attributed_after_it() -> None:
    text = (
        '"We are following the facts," Jonas Weber said.\n\n'
        '"Wherever they lead, we will publish what we find."'
    )
    claims = suggest_article(text)
    assert len(claims) == 1
    assert [s.text for s in claims[0].content] == [
        "We are following the facts,",
        "Wherever they lead, we will publish what we find.",
    ]
    assert claims[0].speaker is not None and claims[0].speaker.name == "Jonas Weber"


def test_question_and_answer_of_one_speaker_are_one_claim() -> None:
    text = 'Intro line.\n\n"How long will the pier be?" Lund said in response. "Long enough for two ferries."'
    claims = suggest_article(text)
    assert len(claims) == 1
    assert [s.text for s in claims[0].content] == [
        "How long will the pier be?",
        "Long enough for two ferries.",
    ]


def test_clause_said_then_noting_gives_two_claims() -> None:
    text = (
        "Intro line.\n\nThe mooring fees are a mistake, Moss said Tuesday in Harwick, noting "
        "that fishermen would pay for them."
    )
    claims = suggest_article(text)
    assert [(c.content[0].text, c.cue.text if c.cue else None) for c in claims] == [
        ("The mooring fees are a mistake", "said"),
        ("fishermen would pay for them", "noting"),
    ]


def test_talked_about_pointed_to_and_referred_to_take_their_object() -> None:
    text = (
        "Intro line.\n\nThe governor talked about the new bridge over the river.\n\n"
        "Lund pointed to the rising cost of housing in the capital.\n\n"
        "Varga referred to the plan as a gift to the banks.\n\n"
        "The mayor talked to reporters after the vote."
    )
    claims = suggest_article(text)
    assert [(c.content[0].text, c.cue.text if c.cue else None) for c in claims] == [
        ("the new bridge over the river", "talked about"),
        ("the rising cost of housing in the capital", "pointed to"),
        ("the plan as a gift to the banks", "referred to"),
    ]


def test_possessive_noun_cue_attributes_its_object_to_the_possessor() -> None:
    text = (
        "Intro line.\n\nVarga's criticism of the harbour plan drew a crowd.\n\n"
        "The union leaders signaled their support for a new ferry levy, which passed in May."
    )
    claims = suggest_article(text)
    assert [(c.content[0].text, c.cue.text if c.cue else None) for c in claims] == [
        ("the harbour plan", "criticism of"),
        ("a new ferry levy", "support for"),
    ]
    assert [c.mention.text if c.mention else None for c in claims] == [
        "Varga",
        "The union leaders",
    ]


def test_reported_clause_with_an_adverb_between_pronoun_and_verb() -> None:
    claims = suggest_article(
        "Intro line.\n\nJust 12 percent of islanders say they rarely take the ferry."
    )
    assert [c.content[0].text for c in claims] == ["they rarely take the ferry"]

"""The name a noun phrase speaker gets ends before the verb the phrase runs on into
("a new harbour poll has found ..." is the poll, not "poll has")."""

from __future__ import annotations

from suggest_claims import claim_with

HEAD = "Harbour town votes on the ferry\n\n"


def speaker_name(text: str, content: str) -> str | None:
    c = claim_with(HEAD + text, content)
    return c.speaker.name if c.speaker else None


def test_an_auxiliary_after_the_phrase_is_no_part_of_its_name():
    name = speaker_name(
        "The ferry lost money again, a new harbour poll has found.", "The ferry lost money"
    )
    assert name == "new harbour poll"


def test_a_participle_and_its_day_are_no_part_of_the_name():
    name = speaker_name(
        "A survey of skippers released Tuesday showed that most of them oppose the fares.",
        "most of them oppose the fares",
    )
    assert name == "survey of skippers"


def test_who_a_participle_names_after_by_stays_in_the_name():
    name = speaker_name(
        "The fares will rise next spring, according to a memo written by Port Vale Radio.",
        "The fares will rise next spring",
    )
    assert name is not None and name.endswith("Port Vale Radio")


def test_an_adjective_in_ed_before_its_noun_stays():
    name = speaker_name(
        "Several local elected officials argued that the fares were too high.",
        "the fares were too high",
    )
    assert name is not None and name.endswith("officials")


def test_a_relative_clause_is_no_part_of_the_name():
    name = speaker_name(
        "The ferry will close, according to veteran skippers who want to keep the old timetable.",
        "The ferry will close",
    )
    assert name == "veteran skippers"


def test_a_year_after_the_phrase_is_no_part_of_its_name():
    name = speaker_name(
        "The ferry was sold to the council, and the company and its founder in 2009 "
        "agreed that the fares would rise.",
        "the fares would rise",
    )
    assert name == "founder"

"""The proposed speaker's name a user sees: a pronoun stands for a person, never for a
law, an event or a newspaper; a name carries no stray word written before it."""

from __future__ import annotations

from suggest_claims import HEAD, claim_with


def _speaker(text: str, content: str) -> tuple[str | None, str | None]:
    """The proposed speaker's name and affiliation for the claim holding ``content``."""
    c = claim_with(HEAD + text, content)
    assert c.speaker is not None
    return c.speaker.name, c.speaker.affiliation


def test_she_is_not_the_law_named_before_her_words() -> None:
    text = (
        "Marta Okonjo has spent a decade at the port. The Coastal Ferries Act passed in"
        ' the spring.\n\n"Nobody asked the crews," she said.'
    )
    assert _speaker(text, "Nobody asked")[0] == "Marta Okonjo"


def test_he_is_not_a_law_passed_last_year() -> None:
    text = (
        "Peter Lindqvist runs the yard. The Harbour Renewal Act was passed last year."
        '\n\n"We rebuilt it twice," he said.'
    )
    assert _speaker(text, "We rebuilt")[0] == "Peter Lindqvist"


def test_he_is_not_an_era_or_a_newspaper() -> None:
    text = (
        "Peter Lindqvist has run the ferry for years. The Great Depression closed the yard"
        ' in 1931, and the Harbour Herald reported it.\n\n"We rebuilt it twice," he said.'
    )
    assert _speaker(text, "We rebuilt")[0] == "Peter Lindqvist"


def test_he_skips_a_newspaper_for_the_person_named_before() -> None:
    text = (
        'Karl Mendes spoke last, and the Fox Herald covered it.\n\n"We rebuilt it twice," he said.'
    )
    assert _speaker(text, "We rebuilt")[0] == "Karl Mendes"


def test_a_party_label_is_the_affiliation_not_the_name() -> None:
    assert _speaker("Republican Marta Okonjo said the fares would rise.", "fares") == (
        "Marta Okonjo",
        "Republican",
    )


def test_the_party_label_stays_with_the_person_named_again() -> None:
    text = (
        "Democrat Marta Okonjo opposed the fare rise on Tuesday. "
        '"The crews were never asked," Okonjo said.'
    )
    assert _speaker(text, "never asked") == ("Marta Okonjo", "Democrat")


def test_an_opening_adverb_is_no_part_of_the_name() -> None:
    name = _speaker("Certainly Peter Lindqvist said the ferry would be late.", "late")[0]
    assert name == "Peter Lindqvist"


def test_capitalised_words_before_a_given_name_written_apart_are_dropped() -> None:
    text = (
        "Veteran Skipper Peter Lindqvist said the ferry would be late. Peter Lindqvist"
        " has sailed it since 1990."
    )
    assert _speaker(text, "late")[0] == "Peter Lindqvist"


def test_a_given_name_opening_the_name_is_kept() -> None:
    text = "Marta Ann Okonjo said the ferry would be late."
    assert _speaker(text, "late")[0] == "Marta Ann Okonjo"


def test_she_is_not_a_party_group() -> None:
    text = (
        "Marta Okonjo spoke first. Then the Island Democrats met in the hall."
        '\n\n"It leaks," she said.'
    )
    assert _speaker(text, "It leaks")[0] == "Marta Okonjo"


def test_he_after_a_paragraph_is_the_subject_not_the_object_before() -> None:
    text = (
        "On Monday, Peter Lindqvist thanked John Mendes for the grant."
        '\n\n"We will sail in May," he said.'
    )
    assert _speaker(text, "sail in May")[0] == "Peter Lindqvist"


def test_she_is_the_subject_of_her_sentence_not_a_person_in_an_aside() -> None:
    text = (
        "At the pier, Marta Okonjo praised Anna Ruiz, who chairs the board, and she added"
        " that the ferry would sail in May."
    )
    assert _speaker(text, "sail in May")[0] == "Marta Okonjo"


def test_a_title_tells_which_person_of_a_surname_speaks() -> None:
    text = (
        "John Roe, the harbourmaster, spoke on Monday. John Roe told the council the fares"
        " would rise. Mrs. Roe said the ferry was late. Mr. Roe said it was not."
    )
    assert _speaker(text, "ferry was late")[0] == "Mrs. Roe"
    assert _speaker(text, "it was not")[0] == "John Roe"


def test_a_gerund_opening_the_sentence_is_no_part_of_the_name() -> None:
    text = 'Entrusting Peter Lindqvist with the keys was a risk.\n\n"I lost them twice," he said.'
    assert _speaker(text, "lost them")[0] == "Peter Lindqvist"


def test_they_is_the_organisation_not_a_pair_of_capitalised_words_after_it() -> None:
    text = 'The Ferry Workers Union met Anna Ruiz on Monday.\n\n"We will strike in May," they said.'
    assert _speaker(text, "strike in May")[0] == "Ferry Workers Union"


def test_he_after_a_role_phrase_is_the_person_it_named() -> None:
    text = (
        "The mayor, Peter Lindqvist, opened the meeting. Karl Mendes of the union spoke"
        ' next, and John Berg read the budget.\n\n"We will sail in May," the mayor said.'
        ' "The crews are ready," he added.'
    )
    assert _speaker(text, "crews are ready")[0] == "Peter Lindqvist"


def test_a_poll_is_named_without_the_participle_after_it() -> None:
    text = "A harbour poll released Friday found that most riders want a later ferry."
    assert _speaker(text, "most riders")[0] == "harbour poll"


def test_a_poll_is_named_without_the_participle_taken_for_its_head() -> None:
    c = claim_with(
        HEAD + "A harbour poll released on Friday found that most riders want a later ferry.",
        "most riders",
    )
    assert c.speaker is not None
    assert (c.speaker.name, c.speaker.role) == ("harbour poll", None)


def test_it_is_the_council_not_a_clause_ending_in_an_organisation_word() -> None:
    text = (
        "The Harbour Council opened the new hall on Monday, two days after Karl Mendes took"
        ' office.\n\n"The fares will rise," it said in a statement.'
    )
    assert _speaker(text, "fares will rise")[0] == "Harbour Council"


def test_he_after_a_quotation_is_not_the_person_it_names() -> None:
    text = 'Peter Lindqvist backs the union.\n\n"John Mendes is the best skipper we have," he said.'
    assert _speaker(text, "best skipper")[0] == "Peter Lindqvist"


def test_she_after_curly_quotes_is_not_the_person_they_name() -> None:
    text = "Marta Okonjo backs the union.\n\n“Anna Ruiz is the best skipper we have,” she said."
    assert _speaker(text, "best skipper")[0] == "Marta Okonjo"


def test_he_is_not_a_person_named_only_inside_someone_elses_quotation() -> None:
    text = (
        "Peter Lindqvist runs the yard.\n\n"
        '"We trust John Mendes with the crane," Anna Ruiz said on Monday.\n\n'
        "Later he said the crane was too old."
    )
    assert _speaker(text, "too old")[0] == "Peter Lindqvist"

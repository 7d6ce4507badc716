"""The speaker mention as an annotator marks it, and the name it stands for.

Invented sentences, one pattern a test.
"""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

from annotator.core.suggest import suggest_article


def test_a_possessive_after_a_preposition_is_the_mention_of_a_noun_cue() -> None:
    text = "Headline.\n\nMayor Ana Ruiz has won votes with her promise to keep the night ferry."
    c = claim_with(text, "to keep the night ferry")
    assert c.cue is not None and c.cue.text == "promise"
    assert mention_and_speaker(c) == ("her", "Ana Ruiz")


def test_a_possessive_after_the_verb_leaves_the_subject_as_the_mention() -> None:
    text = "Headline.\n\nTom Lee sharpened his attacks on the ferry plan."
    c = claim_with(text, "the ferry plan")
    assert mention_and_speaker(c) == ("Tom Lee", "Tom Lee")


def test_a_possessive_before_a_said_is_no_mention() -> None:
    text = "Headline.\n\nTom Lee on his weekly podcast said the ferry was dead."
    c = claim_with(text, "the ferry was dead")
    assert mention_and_speaker(c) == ("Tom Lee", "Tom Lee")


def test_a_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker() -> None:
    text = "Headline.\n\nThe harbour board released a survey that shows the ferry is losing money."
    c = claim_with(text, "the ferry is losing money")
    assert c.cue is not None and c.cue.text == "shows"
    assert mention_and_speaker(c) == ("that", "survey")


def test_a_quantifier_opening_the_sentence_is_the_mention() -> None:
    text = 'Headline.\n\nNet menders gathered on the pier. Some chanted "Keep the ferry!"'
    c = claim_with(text, "Keep the ferry!")
    assert mention_and_speaker(c) == ("Some", "Some")


def test_a_quantifier_after_a_name_is_not_the_mention() -> None:
    text = "Headline.\n\nAna Ruiz and Tom Lee both warned that the ferry would stop."
    c = claim_with(text, "the ferry would stop")
    assert c.mention is not None and c.mention.text != "both"


def test_a_description_after_the_cue_of_a_quote_is_the_speaker() -> None:
    text = 'Headline.\n\n"The ferry is finished," said a 1998 harbour veteran. "It never paid."'
    c = claim_with(text, "The ferry is finished")
    assert mention_and_speaker(c) == ("a 1998 harbour veteran", "1998 harbour veteran")


def test_a_description_ends_before_a_clause_about_the_speaker() -> None:
    text = (
        'Headline.\n\n"The ferry is finished," said one seasoned sailor familiar with '
        "the harbour board, who asked not to be named."
    )
    c = claim_with(text, "The ferry is finished")
    assert c.mention is not None and c.mention.text == "one seasoned sailor"


def test_a_name_after_a_role_that_names_no_one_else() -> None:
    text = 'Headline.\n\n"The ferry is finished," said master of ceremonies Tom Lee, a sailor.'
    c = claim_with(text, "The ferry is finished")
    assert mention_and_speaker(c) == ("Tom Lee", "Tom Lee")
    assert c.speaker is not None and c.speaker.role == "master of ceremonies"


def test_another_after_the_cue_of_a_quote_is_the_speaker() -> None:
    text = 'Headline.\n\nSailors wrote in. "The ferry is finished," tweeted another.'
    c = claim_with(text, "The ferry is finished")
    assert c.mention is not None and c.mention.text == "another"


def test_the_object_of_a_participle_after_a_quote_is_no_speaker() -> None:
    text = (
        'Headline.\n\nAna Ruiz said the plan had "more work to do," noting weak fares in '
        "the harbour."
    )
    c = claim_with(text, "more work to do")
    assert c.mention is not None and c.mention.text == "Ana Ruiz"


def test_a_description_between_a_quote_and_its_cue_is_the_speaker() -> None:
    text = (
        'Headline.\n\nAna Ruiz spoke first. "The ferry is late," the tall, 61-year-old '
        "harbour master said."
    )
    c = claim_with(text, "The ferry is late")
    assert c.mention is not None and c.mention.text == "the tall, 61-year-old harbour master"


def test_a_name_before_an_apposition_between_a_quote_and_its_cue() -> None:
    text = (
        'Headline.\n\nTom Lee spoke first. "The ferry is late," Ana Ruiz, the pollster who '
        "founded ferrycount.org posted on Friday."
    )
    c = claim_with(text, "The ferry is late")
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_this_source_is_a_mention() -> None:
    text = 'Headline.\n\nTom Lee spoke first. "The ferry is late," this source told the Gazette.'
    c = claim_with(text, "The ferry is late")
    assert c.mention is not None and c.mention.text == "this source"


def test_a_role_phrase_is_not_a_different_one_with_the_same_head() -> None:
    text = (
        'Headline.\n\n"The ferry is late," the Vale senator and ferry critic said. Later, '
        '"the fares are high," the Camden senator and harbour critic said.'
    )
    c = claim_with(text, "the fares are high")
    assert c.speaker is not None and c.speaker.name == "Camden senator and harbour critic"


def test_a_named_possessor_of_a_noun_cue_is_the_mention() -> None:
    text = "Headline.\n\nTom Lee spoke. Ana Ruiz's false claims that the ferry is free drew fire."
    c = claim_with(text, "the ferry is free")
    assert mention_and_speaker(c) == ("Ana Ruiz's", "Ana Ruiz")


def test_a_possessor_inside_the_subject_leaves_the_subject() -> None:
    text = "Headline.\n\nAn audit of Ana Ruiz's ledgers appears to show that the ferry was late."
    c = claim_with(text, "the ferry was late")
    assert c.mention is not None and c.mention.text != "Ana Ruiz's"


def test_that_evening_between_subject_and_verb_is_skipped() -> None:
    text = "Headline.\n\nTom Lee spoke. A second harbour officer that evening backed the account."
    c = claim_with(text, "the account")
    assert c.mention is not None and c.mention.text == "A second harbour officer"


def test_the_writer_after_a_quote_is_the_mention_with_no_speaker_named() -> None:
    text = 'Headline.\n\nTom Lee spoke. "Not today," I said, "the ferry is late."'
    c = claim_with(text, "the ferry is late")
    assert mention_and_speaker(c) == ("I", None)


def test_a_first_person_word_opening_a_quote_is_no_mention() -> None:
    text = "Headline.\n\nTom Lee spoke. ''I think the ferry is late,'' Ana Ruiz said."
    c = claim_with(text, "the ferry is late")
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_the_subject_speaks_for_a_noun_cue_after_an_article() -> None:
    text = "Headline.\n\nTom Lee spoke. Ana Ruiz made a public promise to keep the ferry."
    c = claim_with(text, "to keep the ferry")
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_a_noun_before_a_verb_cue_stays_the_speaker() -> None:
    text = "Headline.\n\nTom Lee spoke. Ferries are late, the harbour department said."
    c = claim_with(text, "Ferries are late")
    assert c.mention is not None and c.mention.text == "the harbour department"


def test_the_subject_speaks_for_a_noun_cue_after_a_past_verb() -> None:
    text = "Headline.\n\nTom Lee spoke. The board on Monday issued warnings that the ferry is late."
    c = claim_with(text, "the ferry is late")
    assert c.mention is not None and c.mention.text == "The board"


def test_a_pronoun_refers_to_the_name_opening_its_sentence() -> None:
    text = (
        "Headline.\n\nTom Lee chairs the harbour board, and the crews back Okafor. Okafor "
        "has never hidden the fares he plans to cut."
    )
    c = claim_with(text, "to cut")
    assert mention_and_speaker(c) == ("he", "Okafor")


def test_a_sentence_opening_word_is_no_antecedent() -> None:
    text = (
        "Headline.\n\nMayor Ana Ruiz spoke first. Ever since she took office, Ruiz has "
        "backed the ferry. Ever since she endorsed the plan, she has argued that fares "
        "must fall."
    )
    c = claim_with(text, "fares must fall")
    assert c.speaker is not None and c.speaker.name == "Ana Ruiz"


def test_a_pronoun_refers_to_a_person_known_by_the_given_name_alone() -> None:
    text = (
        "Headline.\n\nMayor Tom Lee opened the meeting. The plan drew praise from Jeff "
        'Morton at the dock. "It is good," he said.'
    )
    c = claim_with(text, "It is good")
    assert mention_and_speaker(c) == ("he", "Jeff Morton")


def test_the_object_after_a_participle_is_never_the_speaker() -> None:
    text = (
        "Headline.\n\nTom Lee spoke. Ana Ruiz gave a speech in praise of “harbour pride,” "
        "saying the town had earned it."
    )
    for c in suggest_article(text):
        assert c.mention is None or "town" not in c.mention.text


def test_a_phrase_before_names_joined_by_and_is_the_speaker() -> None:
    text = (
        "Headline.\n\nTom Lee spoke. Two skippers, Ana Ruiz and Tom Reyes, said the ferry was slow."
    )
    c = claim_with(text, "the ferry was slow")
    assert c.mention is not None and c.mention.text == "Two skippers"


def test_an_opening_preposition_is_no_name_and_the_subject_before_a_participle_speaks() -> None:
    text = (
        "Headline.\n\nTom Lee spoke. Throughout the winter, harbour officials, fearing a "
        "storm, refused to say whether the ferry was safe."
    )
    c = claim_with(text, "refused to say")
    assert c.mention is not None and c.mention.text == "harbour officials"

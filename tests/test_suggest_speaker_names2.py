"""The person a pronoun after a quotation stands for: the source named in the claim
before it, not another person that sentence names first."""

from __future__ import annotations

from suggest_claims import HEAD, claim_with


def _speaker(text: str, content: str) -> str | None:
    """The proposed speaker's name for the claim holding ``content``."""
    c = claim_with(HEAD + text, content)
    assert c.speaker is not None
    return c.speaker.name


def test_he_is_the_source_who_just_spoke_not_the_man_he_spoke_of() -> None:
    text = (
        "Peter Lindqvist has lost the trust of the crews, John Marsh said."
        '\n\n"The ferries run late every week," he said.'
    )
    assert _speaker(text, "The ferries run late") == "John Marsh"


def test_she_is_the_source_who_just_spoke() -> None:
    text = (
        "Anna Berg has lost the trust of the crews, Maria Costa said."
        '\n\n"The ferries run late every week," she said.'
    )
    assert _speaker(text, "The ferries run late") == "Maria Costa"


def test_he_still_prefers_the_subject_over_a_man_only_named() -> None:
    text = (
        "Peter Lindqvist wrote to John Marsh about the pier last week."
        '\n\n"We rebuilt it twice," he said.'
    )
    assert _speaker(text, "We rebuilt") == "Peter Lindqvist"


def test_she_after_a_quote_is_the_source_not_the_woman_her_claim_named() -> None:
    text = (
        "Maria Costa spoke at the pier on Monday. She said Anna Berg had misled the"
        ' council about the fares.\n\n"The ferries run late every week," she said.'
    )
    assert _speaker(text, "The ferries run late") == "Maria Costa"


def test_he_is_the_source_not_the_man_his_claim_named() -> None:
    text = (
        "John Marsh spoke at the pier on Monday. He said Peter Lindqvist would close the"
        " yard before the winter. He added that the crews had not been told."
    )
    assert _speaker(text, "the crews had not been told") == "John Marsh"


def test_it_is_the_firm_that_spoke_not_the_one_its_claim_named() -> None:
    text = (
        "Harbour Lines Ltd said Coastal Ferries Inc had missed every deadline. It said"
        " the contract would end in May."
    )
    assert _speaker(text, "the contract would end") == "Harbour Lines Ltd"

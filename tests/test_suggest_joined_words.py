"""Cues, organisations and titles next to words joined by a hyphen or an apostrophe
("pro-ferry", "harbour-master's", "think-tank"): the engine looks for cue words and
organisation heads only where a listed word can begin, so these are the cases it must
not skip."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def _speakers(sentence: str) -> list[tuple[tuple[str, str | None, str | None], str | None]]:
    return [(seen(c), c.speaker.name if c.speaker else None) for c in claims_of(sentence)]


def test_it_refers_to_an_organisation_named_after_a_hyphenated_word() -> None:
    sentence = (
        "A study by the pro-ferry Harbour Alliance came out on Monday. "
        "It warned that fares would double by spring."
    )
    assert _speakers(sentence) == [
        (("fares would double by spring", "warned", "It"), "Harbour Alliance")
    ]


def test_an_organisation_whose_head_holds_a_hyphen_speaks_and_is_referred_to() -> None:
    sentence = (
        "The Coastal Futures think-tank published a study of the ferry on Monday. "
        "It warned that fares would double by spring."
    )
    assert _speakers(sentence)[-1] == (
        ("fares would double by spring", "warned", "It"),
        "Coastal Futures think-tank",
    )


def test_a_cue_after_a_hyphenated_possessive_apposition() -> None:
    sentence = "Ivo Brandt, the harbour-master's deputy, insisted the pier would reopen in June."
    [claim] = claims_of(sentence)
    assert seen(claim) == ("the pier would reopen in June", "insisted", "Ivo Brandt")


def test_a_title_before_a_comma_and_a_name_is_the_later_mentions_role() -> None:
    sentence = (
        "The boats will run on Sunday, said the ferry's spokesperson, Ana Ruiz. "
        "Ruiz added that fares would not change."
    )
    later = claims_of(sentence)[-1]
    assert seen(later) == ("fares would not change", "added", "Ruiz")
    assert later.speaker is not None
    assert (later.speaker.name, later.speaker.role) == ("Ana Ruiz", "spokesperson")

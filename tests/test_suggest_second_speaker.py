"""A content ends where another speaker's attribution starts after a comma, also when
that speaker carries an apposition ("and Ed Lee, the trust's lawyer, said"), a title
with a point ("though Mrs. Roe said"), a modal ("and by spring they could say") or comes
after "after" ("after a third said so")."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def _seen(text: str) -> list[tuple[str, str | None, str | None]]:
    return [seen(c) for c in claims_of(text)]


def test_a_named_speaker_with_an_apposition_ends_the_content():
    text = (
        "The trust maintains that the fee is fair, and Ed Lee, the trust's lawyer, "
        "said the riders had agreed to it."
    )
    assert _seen(text) == [
        ("the fee is fair", "maintains", "The trust"),
        ("the riders had agreed to it", "said", "Ed Lee"),
    ]


def test_a_titled_speaker_ends_the_content():
    text = (
        "The trust argues the fee is a legitimate charge, "
        "though Mrs. Roe said she doubted riders would pay it."
    )
    assert _seen(text) == [
        ("the fee is a legitimate charge", "argues", "The trust"),
        ("she doubted riders would pay it", "said", "Roe"),
    ]


def test_after_and_a_modal_before_the_verb_end_the_content():
    text = "Most skippers call the new timetable workable, after a third said so last winter."
    assert _seen(text) == [("the new timetable workable", "call", "Most skippers")]
    text = "The crews had intended the strike as a warning, and by spring they could say the pier was theirs."
    assert _seen(text) == [
        ("the strike as a warning", "intended", "The crews"),
        ("the pier was theirs", "say", "they"),
    ]

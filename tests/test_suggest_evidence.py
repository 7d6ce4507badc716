"""What a poll, a study or records show (evidence.py): the finding is a claim, the
verb its cue and the document its source, as PolNeAR marks them."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # auxiliaries and an adverb between the document and its verb
        (
            "Polls of island riders have consistently shown the western route well ahead"
            " of the others.",
            ("the western route well ahead of the others", "shown", "Polls of island riders"),
        ),
        # the finding before the document
        (
            "The night ferry ran nearly empty on most winter days, a county survey found.",
            ("The night ferry ran nearly empty on most winter days", "found", "a county survey"),
        ),
        (
            "The night ferry was late on most winter days, emails from the harbour office"
            " revealed.",
            (
                "The night ferry was late on most winter days",
                "revealed",
                "emails from the harbour office",
            ),
        ),
        # footage, memos and letters show things as records do
        (
            "The footage shows the mayor waving at the last ferry of the season.",
            ("the mayor waving at the last ferry of the season", "shows", "The footage"),
        ),
        # the document and its verb inside the finding
        (
            "During the winter months, harbour records show, the night ferry crossed nearly"
            " empty on most days.",
            (
                "During the winter months … the night ferry crossed nearly empty on most days",
                "show",
                "harbour records",
            ),
        ),
    ],
)
def test_a_document_shows_a_finding(sentence: str, expected: tuple[str, str, str]) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The full survey can be found on the county website.",  # a passive: nothing shown
        "Harbour Polls Show Western Route Ahead Among Riders.",  # a headline
        "The captain found the harbour records in a drawer of the old office.",  # a person
    ],
)
def test_no_finding_without_an_active_document(sentence: str) -> None:
    assert claims_of(sentence) == []

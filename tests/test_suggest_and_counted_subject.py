"""A clause or an object after a cue ends before ", and" when a subject that counts
some of a group ("many", "another", "several", "three of ...") and its finite verb
follow: the writer's next clause, not part of what the speaker said or did."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "The rowing club backs a shorter racing season, and several of its "
            "members grumbled about it.",
            "a shorter racing season",
            "backs",
        ),
        (
            "Councillor Ines Duarte opposes a new levy on the night ferries, and three "
            "of her neighbours voted for it.",
            "a new levy on the night ferries",
            "opposes",
        ),
        (
            "Councillor Ines Duarte hopes the pier will reopen in June, and many "
            "fishermen were planning their season around it.",
            "the pier will reopen in June",
            "hopes",
        ),
    ],
)
def test_content_stops_before_a_counted_subject(sentence: str, content: str, cue: str) -> None:
    found = [seen(c)[:2] for c in claims_of(sentence)]
    assert (content, cue) in found, found


def test_a_counted_word_in_a_list_does_not_end_the_content() -> None:
    texts = [
        seen(c)[0]
        for c in claims_of(
            "Councillor Ines Duarte opposes higher tolls, steeper fares, and many other fees."
        )
    ]
    assert any(t.endswith("many other fees") for t in texts), texts

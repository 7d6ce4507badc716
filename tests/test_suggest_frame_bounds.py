"""Where a frame's content starts and ends, and what its cue holds, as a user sees
them in the suggestion panel: the words the frame is about, without its own verb."""

from __future__ import annotations

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a reputation: the thing and what it is known as, the verb between is the cue
        (
            "Our baker is best known for a rye loaf that sells out by nine.",
            ("Our baker … a rye loaf that sells out by nine", "is best known for", None),
        ),
        (
            "She joined a choir once known as the Tuesday Singers.",
            ("a choir … the Tuesday Singers", "once known as", None),
        ),
        # "known to": the to-clause keeps its "to"
        (
            "The skipper is known to be fond of long night crossings.",
            ("The skipper … to be fond of long night crossings", "is known", None),
        ),
        # after a preposition the subject is the word before "is", not the phrase
        (
            "Walkers now flock to what is known as the Long Green.",
            ("what … the Long Green", "is known as", None),
        ),
    ],
)
def test_a_reputation_holds_the_thing_and_what_it_is_known_for(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]

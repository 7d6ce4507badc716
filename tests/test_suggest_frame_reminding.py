"""What someone was reminded of is the claim, not who was reminded: "reminded voters
that ...", "reminded the crowd of ..."."""

import pytest
from suggest_claims import claims_of, seen


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mayor reminded voters that the ferry had never once run late.",
            ("that the ferry had never once run late", "reminded", "The mayor"),
        ),
        (
            "The skipper constantly reminded riders of the storms that shut the pier in winter.",
            ("of the storms that shut the pier in winter", "reminded", "The skipper"),
        ),
        (
            "At every stop she reminded the crowd of the old harbour fees.",
            ("of the old harbour fees", "reminded", "she"),
        ),
    ],
)
def test_the_person_reminded_is_left_out(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert [seen(c) for c in claims_of(sentence)] == [expected]

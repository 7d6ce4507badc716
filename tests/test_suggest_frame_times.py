"""A time after a name that closes a frame's object says when, not what: "voted for
Mayor Ortiz in 2019" is a vote for Mayor Ortiz; after a common noun the time may be
the noun's own ("the crossing vote in July")."""

from suggest_claims import claims_of, seen


def test_a_year_after_a_name_is_left_out():
    assert seen(claims_of("Lee voted for Mayor Lena Ortiz in 2019.")[0]) == (
        "Mayor Lena Ortiz",
        "voted for",
        "Lee",
    )


def test_a_month_after_a_name_is_left_out():
    claims = claims_of("Riders made allegations against the Harbour Board in January.")
    assert [seen(c) for c in claims] == [("the Harbour Board", "allegations against", "Riders")]


def test_a_time_after_the_name_of_a_supporter_noun_is_left_out():
    claims = claims_of("Lee was a vocal supporter of Mayor Lena Ortiz in 2019.")
    assert [seen(c) for c in claims] == [("Mayor Lena Ortiz", "supporter of", "Lee")]


def test_a_time_after_a_common_noun_stays():
    claims = claims_of("Riders were not hopeful about the crossing vote in July.")
    assert [seen(c) for c in claims] == [
        ("the crossing vote in July", "were not hopeful about", "Riders")
    ]

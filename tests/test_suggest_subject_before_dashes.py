"""The speaker before a parenthesis between dashes ("Ana Ruiz — the ferry's last captain
— derided ..."): the one named before the first dash, not a phrase inside."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_an_apposition_between_dashes():
    c = claim_with(
        HEAD + "Ana Ruiz — the ferry's last captain — derided the plan as a disgrace.",
        "the plan as a disgrace",
    )
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_a_relative_clause_between_double_hyphens():
    c = claim_with(
        HEAD + "Ana Ruiz -- whose husband ran the ferry for years -- has publicly derided "
        "the new timetable as a disgrace.",
        "the new timetable as a disgrace",
    )
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_a_hyphenated_name_is_no_dash():
    c = claim_with(HEAD + "Ana Ruiz-Lee warned that the fares would rise.", "the fares would rise")
    assert mention_and_speaker(c) == ("Ana Ruiz-Lee", "Ana Ruiz-Lee")

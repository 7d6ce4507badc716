"""An organisation named by one word ("the EPA", "HP") is that organisation, not a
longer name that holds the word elsewhere ("EPA office", "HP board")."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_an_office_named_before_is_not_the_agency():
    c = claim_with(
        HEAD + "Ana Ruiz met staff at the EPA office in Vale on Monday. On Tuesday the "
        "EPA said the ferry fares would rise.",
        "the ferry fares would rise",
    )
    assert mention_and_speaker(c) == ("EPA", "EPA")


def test_a_board_named_before_is_not_the_company():
    c = claim_with(
        HEAD + "Reporters waited outside the HP board meeting in Vale. In May, HP "
        "announced it would cut the ferry service.",
        "it would cut the ferry service",
    )
    assert mention_and_speaker(c) == ("HP", "HP")


def test_the_campaign_is_no_institute_with_campaign_in_its_name():
    c = claim_with(
        HEAD + "Ana Ruiz spoke at the Campaign Finance Institute in Vale on Monday. Tom "
        "Reyes stayed home, but the campaign said the ferry fares were too high.",
        "the ferry fares were too high",
    )
    assert mention_and_speaker(c) == ("the campaign", "campaign")


def test_a_body_named_short_is_the_one_named_in_full_before():
    c = claim_with(
        HEAD + "The Treasury Department wrote to the port in May. In June the Treasury "
        "said the ferry fares were too high.",
        "the ferry fares were too high",
    )
    assert mention_and_speaker(c) == ("the Treasury", "Treasury Department")

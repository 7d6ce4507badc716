"""A verb inside a relative clause ("the skipper who briefly ran the ferry") is not the
sentence's verb: the subject of the participle or second verb is the one the sentence
opens with."""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

HEAD = "Harbour town votes on the ferry\n\n"


def test_the_name_before_an_apposition_with_a_relative_clause():
    c = claim_with(
        HEAD + "Tom Reyes, the skipper who briefly ran the ferry last year, used his speech "
        "to call the fares a disgrace.",
        "the fares a disgrace",
    )
    assert mention_and_speaker(c) == ("Tom Reyes", "Tom Reyes")

"""Speed-ups that must leave the suggestions as they were: the cases they skip."""

from __future__ import annotations

from suggest_claims import claims_of, seen


def test_apostrophes_inside_words_neither_open_nor_close_a_quote() -> None:
    sentence = (
        "\"We don't think O’Neill's plan can't work,\" said Mara Quist, the ferry board's chair."
    )
    texts = [seen(c) for c in claims_of(sentence)]
    assert ("We don't think O’Neill's plan can't work,", "said", "Mara Quist") in texts


def test_a_single_quote_after_a_word_still_closes_a_quote() -> None:
    sentence = "Mara Quist said the vote was 'a fair test' of the ferry's future."
    claims = claims_of(sentence)
    assert claims and claims[0].kind == "mixed"

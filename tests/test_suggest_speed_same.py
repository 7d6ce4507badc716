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


def _said_on(show: str) -> list[tuple[str, str | None, str | None]]:
    sentence = f'"The timetable is a mess," Lena Ortiz said on "{show}." "Nobody can plan a trip."'
    return [seen(c) for c in claims_of(sentence)]


def test_a_show_of_up_to_eight_capitalised_words_is_a_title_not_a_quote() -> None:
    assert _said_on("Harbour Morning With All The Local News Today") == [
        ("The timetable is a mess, … Nobody can plan a trip.", "said", "Lena Ortiz")
    ]


def test_nine_capitalised_words_in_marks_are_a_quote_not_a_title() -> None:
    texts = _said_on("Harbour Morning With All The Local News Today Again")
    assert ("Nobody can plan a trip.", None, "Lena Ortiz") in texts
    assert len(texts) == 2

"""The tokens of a word set that the tokenizer notes are the ones a pass over the range finds."""

from __future__ import annotations

import pytest

from annotator.core.suggest import suggest_article
from annotator.core.suggest.tokens import note_words, noted_tokens, tokenize, tokenize_noting

ARTICLE = (
    "The ferry board said on Monday that the night crossing would stop. "
    '"It loses money on every trip," the chair told the harbour forum, adding that '
    "fares would rise. Skippers doubt that the plan will last."
)
WORDS = frozenset({"said", "that", "told", '"'})
note_words(WORDS)


def _found_by_a_pass(text: str, start: int, end: int, words: frozenset[str]) -> list[int]:
    return [k for k, t in enumerate(tokenize(text, start, end)) if t.low in words]


@pytest.mark.parametrize(
    "start,end",
    [
        (0, len(ARTICLE)),  # the whole article
        (ARTICLE.index('"It'), ARTICLE.index("Skippers")),  # one sentence
        (ARTICLE.index("board") + 2, ARTICLE.index("Monday") + 3),  # cutting two words
        (ARTICLE.index("Skippers"), ARTICLE.index("Skippers")),  # nothing
    ],
)
def test_the_noted_tokens_of_a_range_are_those_of_the_word_set(start: int, end: int) -> None:
    toks, noted = tokenize_noting(ARTICLE, start, end, WORDS)
    assert [t.text for t in toks] == [t.text for t in tokenize(ARTICLE, start, end)]
    assert noted == _found_by_a_pass(ARTICLE, start, end, WORDS)


def test_the_noted_tokens_name_each_occurrence_in_reading_order() -> None:
    toks, noted = tokenize_noting(ARTICLE, 0, len(ARTICLE), WORDS)
    assert [toks[k].text for k in noted] == ["said", "that", '"', '"', "told", "that", "that"]


def test_a_word_set_noted_after_the_article_was_read_is_found_too() -> None:
    tokenize(ARTICLE, 0, len(ARTICLE))  # the article is read before the set is noted
    later = frozenset({"fares", "skippers"})
    note_words(later)
    toks, noted = tokenize_noting(ARTICLE, 0, len(ARTICLE), later)
    assert [toks[k].text for k in noted] == ["fares", "Skippers"]


def test_a_word_set_never_noted_is_refused() -> None:
    with pytest.raises(ValueError):
        tokenize_noting(ARTICLE, 0, len(ARTICLE), frozenset({"ferry"}))
    with pytest.raises(ValueError):
        noted_tokens(ARTICLE, frozenset({"ferry"}))


def test_the_noted_tokens_of_the_article_are_those_a_pass_finds() -> None:
    found = noted_tokens(ARTICLE, WORDS)
    every = tokenize(ARTICLE, 0, len(ARTICLE))
    assert [(t.start, t.text) for t in found] == [
        (t.start, t.text) for t in every if t.low in WORDS
    ]
    assert [t.text for t in found] == ["said", "that", '"', '"', "told", "that", "that"]


def test_the_tokens_of_an_article_are_the_same_after_it_was_suggested() -> None:
    before = [(t.start, t.text) for t in tokenize(ARTICLE, 0, len(ARTICLE))]
    noted_before = tokenize_noting(ARTICLE, 0, len(ARTICLE), WORDS)[1]
    claims = suggest_article(ARTICLE)
    assert [(t.start, t.text) for t in tokenize(ARTICLE, 0, len(ARTICLE))] == before
    assert tokenize_noting(ARTICLE, 0, len(ARTICLE), WORDS)[1] == noted_before
    assert suggest_article(ARTICLE) == claims

"""Tokens of a range are the same whichever article was read before, and in any thread."""

from __future__ import annotations

import threading

from annotator.core.suggest import suggest_article
from annotator.core.suggest.tokens import tokenize

FIRST = (
    'Mayor Ana Ruiz said on Tuesday that the bridge would close in May. "We have no '
    'other choice," she told reporters. The U.S. Department of Transport declined to comment.'
)
SECOND = (
    "Council member Tom Lee warned that the closure would cut the town in two. "
    '"People will lose an hour a day," Lee said.'
)


def _words(text: str, start: int, end: int) -> list[str]:
    return [t.text for t in tokenize(text, start, end)]


def test_a_range_that_cuts_a_word_keeps_the_word_part():
    start = FIRST.index("Ruiz") + 2  # inside "Ruiz"
    assert _words(FIRST, start, start + 10) == ["iz", "said", "on"]


def test_a_range_that_ends_inside_a_word_keeps_the_word_part():
    start = FIRST.index("Tuesday")
    assert _words(FIRST, start, start + 3) == ["Tue"]
    us = FIRST.index("U.S.")
    assert _words(FIRST, us, us + 3) == ["U", ".", "S"]


def test_tokens_follow_the_article_asked_about():
    whole = _words(FIRST, 0, len(FIRST))
    assert _words(SECOND, 0, len(SECOND))[:4] == ["Council", "member", "Tom", "Lee"]
    assert _words(FIRST, 0, len(FIRST)) == whole
    # an equal text that is another object is read as itself, not as the last one
    copy = "".join(list(FIRST))
    assert _words(copy, 0, len(copy)) == whole
    assert whole[:3] == ["Mayor", "Ana", "Ruiz"]


def test_suggestions_do_not_depend_on_the_article_before():
    alone = suggest_article(FIRST)
    suggest_article(SECOND)
    assert suggest_article(FIRST) == alone
    assert [c.content[0].text for c in alone]


def test_suggestions_in_two_threads_at_once_are_the_same_as_alone():
    expected = {FIRST: suggest_article(FIRST), SECOND: suggest_article(SECOND)}
    results: list[bool] = []

    def run(text: str) -> None:
        for _ in range(20):
            results.append(suggest_article(text) == expected[text])

    threads = [threading.Thread(target=run, args=(t,)) for t in (FIRST, SECOND)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results and all(results)

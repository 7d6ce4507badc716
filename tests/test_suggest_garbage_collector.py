"""Suggesting pauses Python's cyclic garbage collector for speed: the caller always finds
it as it left it, after an error too and when suggestions run in several threads."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from annotator.core.suggest import KnownSpeaker, suggest_article

ARTICLE = 'Harbour town votes on the ferry\n\n"The timetable is a mess," said Lena Ortiz.'


class _WaitingSpeakers:
    """Known speakers that, when the engine reads them, say so and wait to be let go
    (a suggestion held half-way while another thread runs)."""

    def __init__(self) -> None:
        self.inside = threading.Event()
        self.go = threading.Event()

    def __iter__(self) -> Iterator[KnownSpeaker]:
        self.inside.set()
        assert self.go.wait(10)
        return iter([KnownSpeaker("s1", "Lena Ortiz", ())])

    def __len__(self) -> int:
        return 1


class _BrokenSpeakers:
    def __iter__(self) -> Iterator[KnownSpeaker]:
        raise ValueError("speaker list unreadable")


@pytest.fixture(autouse=True)
def _collector_back_on() -> Iterator[None]:
    yield
    gc.enable()


def test_the_collector_is_on_again_after_a_suggestion() -> None:
    gc.enable()
    claims = suggest_article(ARTICLE)
    assert [c.mention.text for c in claims if c.mention] == ["Lena Ortiz"]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    suggest_article(ARTICLE)
    assert not gc.isenabled()


def test_the_collector_is_on_again_after_an_error() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="unreadable"):
        suggest_article(ARTICLE, _BrokenSpeakers())  # type: ignore[arg-type]
    assert gc.isenabled()


def test_two_threads_that_finish_in_the_other_order_leave_the_collector_on() -> None:
    gc.enable()
    first, second = _WaitingSpeakers(), _WaitingSpeakers()
    results: dict[str, list[str]] = {}

    def run(name: str, speakers: _WaitingSpeakers) -> None:
        claims = suggest_article(ARTICLE, speakers)  # type: ignore[arg-type]
        results[name] = [c.speaker.name for c in claims if c.speaker]

    a = threading.Thread(target=run, args=("first", first))
    b = threading.Thread(target=run, args=("second", second))
    try:
        a.start()
        assert first.inside.wait(10)
        b.start()
        assert second.inside.wait(10)
        first.go.set()  # the one that began first ends first
        a.join(10)
        assert not gc.isenabled()  # the second is still at work
    finally:
        first.go.set()
        second.go.set()
        a.join(10)
        b.join(10)
    assert results == {"first": ["Lena Ortiz"], "second": ["Lena Ortiz"]}
    assert gc.isenabled()

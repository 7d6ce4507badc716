"""Store behaviour the mutation runs (``make mutate MODULE=store`` / ``history``) found untested.

Each test checks what a user sees: which highlights are refused, what is stored, what
undo and redo put back. Real SQLite (``Store(memory=True)``) throughout.
"""

from __future__ import annotations

import pytest

from annotator.core.errors import OffsetError
from annotator.core.store import Store

TEXT = "Lin Qiao said the office is a provocation."  # no trailing newline


@pytest.fixture
def store() -> Store:
    s = Store(memory=True, annotator="ana")
    yield s
    s.close()


def test_a_span_may_end_at_the_last_character_of_a_text_without_newline(store: Store) -> None:
    aid = store.add_article(TEXT, title="Office")
    span = store.add_span(aid, len(TEXT) - len("provocation."), len(TEXT), "claim")
    assert span["text"] == "provocation."
    with pytest.raises(OffsetError):
        store.add_span(aid, 0, len(TEXT) + 1, "claim")

"""Store behaviour the mutation runs (``make mutate MODULE=store`` / ``history``) found untested.

Each test checks what a user sees: which highlights are refused, what is stored, what
undo and redo put back. Real SQLite (``Store(memory=True)``) throughout.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from annotator.core.errors import IntegrityError, OffsetError, UndoConflict
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


def test_an_empty_label_is_refused_with_the_reason(store: Store) -> None:
    aid = store.add_article(TEXT)
    with pytest.raises(IntegrityError) as err:
        store.add_span(aid, 0, 3, " ")
    assert str(err.value) == "a span needs a label (a non-empty name such as claim)"
    assert store.spans(aid) == []


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (0.0, 3, "span start must be a whole number of code points, not 0.0"),
        (0, "3", "span end must be a whole number of code points, not '3'"),
    ],
)
def test_a_fractional_offset_is_refused_naming_which_end(
    store: Store, start: object, end: object, message: str
) -> None:
    aid = store.add_article(TEXT)
    with pytest.raises(OffsetError) as err:
        store.add_span(aid, start, end, "speaker")
    assert str(err.value) == message
    span = store.add_span(aid, 0, 3, "speaker")
    with pytest.raises(OffsetError) as err:
        store.update_span(span["id"], start=start, end=end)
    assert str(err.value) == message


def test_moving_only_one_end_of_a_highlight_keeps_the_other(store: Store) -> None:
    aid = store.add_article(TEXT)
    span = store.add_span(aid, 0, 3, "speaker")
    store.update_span(span["id"], end=len("Lin Qiao"))
    assert (store.span(span["id"])["start"], store.span(span["id"])["text"]) == (0, "Lin Qiao")
    store.update_span(span["id"], start=4)
    assert store.span(span["id"])["text"] == "Qiao"


class Offset:
    """A whole number that is not an int (as numpy's integers are)."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def test_offsets_of_any_integer_type_are_stored_as_numbers(store: Store) -> None:
    aid = store.add_article(TEXT)
    span = store.add_span(aid, Offset(0), Offset(3), "speaker")
    assert (span["start"], span["end"], span["text"]) == (0, 3, "Lin")
    store.update_span(span["id"], start=Offset(4), end=Offset(8))
    got = store.span(span["id"])
    assert (got["start"], got["end"], got["text"]) == (4, 8, "Qiao")
    assert store.spans(aid)[0]["text"] == "Qiao"


def _delete_article_elsewhere(path, article_id: str) -> None:
    """Another program (an older copy, a script) deletes the article in the file."""
    with closing(sqlite3.connect(path)) as other, other:
        other.execute("DELETE FROM articles WHERE id = ?", [article_id])


def test_redo_of_a_highlight_whose_article_was_deleted_elsewhere_is_refused(tmp_path) -> None:
    path = tmp_path / "corpus.db"
    with closing(Store(path, annotator="ana")) as store:
        aid = store.add_article(TEXT, title="Office")
        store.tag(aid, 0, 8, "speaker")
        store.undo()
        _delete_article_elsewhere(path, aid)
        with pytest.raises(UndoConflict) as err:
            store.redo()
        assert str(err.value) == (
            "Cannot redo “Tag speaker”: the article it needs was deleted since; "
            "nothing was changed."
        )
        assert store.redo_label() == "Tag speaker"
        assert store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_undo_of_a_deletion_whose_article_was_deleted_elsewhere_is_refused(tmp_path) -> None:
    path = tmp_path / "corpus.db"
    with closing(Store(path, annotator="ana")) as store:
        aid = store.add_article(TEXT, title="Office")
        span = store.tag(aid, 0, 8, "speaker")["span"]
        store.delete_span(span["id"])
        _delete_article_elsewhere(path, aid)
        with pytest.raises(UndoConflict) as err:
            store.undo()
        assert str(err.value) == (
            "Cannot undo “Delete highlight”: the article it needs was deleted since; "
            "nothing was changed."
        )
        assert store.undo_label() == "Delete highlight"
        assert store.span(span["id"]) is None


def test_undo_that_would_break_a_row_another_program_changed_says_so(tmp_path) -> None:
    # Another program (a script, an older version) moved the highlight's start past
    # the end the undo would restore: the undo is refused, saying why, and the
    # highlight stays as the other program left it.
    path = tmp_path / "corpus.db"
    with closing(Store(path, annotator="ana")) as store:
        aid = store.add_article(TEXT, title="Office")
        span = store.tag(aid, 0, 8, "speaker")["span"]
        store.move_span(span["id"], 18, 24)
        with closing(sqlite3.connect(path)) as other, other:
            other.execute("UPDATE spans SET start = 12 WHERE id = ?", [span["id"]])
        with pytest.raises(UndoConflict) as err:
            store.undo()
        assert str(err.value) == (
            "Cannot undo “Adjust highlight”: the database has changed since in a way that "
            'conflicts with it (CHECK constraint failed: start >= 0 AND "end" > start); '
            "nothing was changed."
        )
        assert (store.span(span["id"])["start"], store.span(span["id"])["end"]) == (12, 24)
        assert store.undo_label() == "Adjust highlight"


def test_redoing_a_new_target_joins_the_same_target_someone_added_since(tmp_path) -> None:
    path = tmp_path / "shared.db"
    with (
        closing(Store(path, annotator="alice")) as alice,
        closing(Store(path, annotator="bob")) as bob,
    ):
        aid = alice.add_article(TEXT, title="Office")
        position = alice.positions.add(aid, speaker_id=None, target="NATO", stance="against")
        alice.positions.update(position["id"], target="Tokyo office")
        alice.undo()
        bob.positions.add(aid, speaker_id=None, target="Tokyo office", stance="favor")
        alice.redo()
        assert sorted((p["target"], p["stance"]) for p in alice.positions(aid)) == [
            ("Tokyo office", "against"),
            ("Tokyo office", "favor"),
        ]
        assert alice.positions.targets() == ["NATO", "Tokyo office"]


def test_changing_a_row_that_is_not_there_names_what_is_missing(store: Store) -> None:
    with pytest.raises(IntegrityError) as err:
        store.update_claim("nope", note="x")
    assert str(err.value) == "no claim with id nope"
    with pytest.raises(IntegrityError) as err:
        store.set_article_status("nope", "done")
    assert str(err.value) == "no article with id nope"
    with pytest.raises(IntegrityError) as err:
        store.update_speaker("nope", name="Lin Qiao")
    assert str(err.value) == "no speaker with id nope"

"""Errors a user can cause, each rendered as one clear line."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base for errors that are shown to the user as one line, never a traceback."""


class InputError(AnnotatorError):
    """Bad input in a file: names the file, the line (if known) and the reason."""

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None):
        self.reason = reason
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        # One line, whatever the input put into the reason (ids, keys, values).
        reason = self.reason.replace("\r", "\\r").replace("\n", "\\n")
        return f"{where}: {reason}"


class OffsetError(AnnotatorError):
    """A span whose offsets do not select its text in the article."""


class StoreError(AnnotatorError):
    """The database cannot be opened or written, with the reason."""


class IntegrityError(AnnotatorError):
    """An action that would leave dangling references, refused with the reason."""


class DuplicateSpan(IntegrityError):
    """The same label on the same range by the same annotator exists already.

    ``existing`` is the stored span, so a caller can point at it.
    """

    def __init__(self, existing: dict) -> None:
        self.existing = existing
        super().__init__(
            f"“{existing['text'][:60]}” is already tagged as {existing['label']}: "
            "selected it instead"
        )


class UndoConflict(AnnotatorError):
    """An undo or redo refused because later work depends on it; nothing was changed."""

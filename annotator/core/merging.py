"""Merging another analyst's work (their ``.db`` or an export ``.jsonl``) into ours.

Articles match by text (SHA-256 of the stored text), speakers by ``names.py``'s rule
(one that matches two of ours is kept apart and reported), targets by the store's
normalisation. Every analyst's layer is kept side by side; nothing of ours is
overwritten; merging the same file twice adds nothing. One file is one transaction
and one undo step: a bad file leaves our database as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import AnnotatorError, InputError, IntegrityError, StoreError
from .exporting import ExportFilter, article_record
from .importing import read_records
from .records import prepare_record
from .store import NeedsUpgrade, Store, bulk_writer
from .textio import sha256_text

# Records written per batch inside the one transaction (memory stays flat).
BATCH = 200
# Everything of the other file: rejected annotations and open suggestions too.
_EVERYTHING = ExportFilter(include_rejected=True, include_suggestions=True)


class MergeCancelled(AnnotatorError):
    """The user cancelled a merge; nothing of that file was kept."""


@dataclass
class MergeReport:
    """What merging one file did."""

    name: str
    matched: int = 0
    new: int = 0
    annotations: int = 0
    speakers_to_review: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The report line (also the undo step's name is ``Merge <name>``)."""
        n = len(self.speakers_to_review)
        text = (
            f"Merge {self.name}: {self.matched:,} article{'s' if self.matched != 1 else ''} "
            f"matched, {self.new:,} new, {self.annotations:,} "
            f"annotation{'s' if self.annotations != 1 else ''} added, "
            f"{n} speaker{'s' if n != 1 else ''} to review"
        )
        if self.speakers_to_review:
            text += " (" + ", ".join(self.speakers_to_review[:5])
            text += ", ...)" if n > 5 else ")"
        return text


Progress = Callable[[int], None]


def merge_file(
    store: Store,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MergeReport:
    """Merge one analyst's ``.db`` or export ``.jsonl`` into ``store`` (all or nothing).

    Parameters:
        progress: called with the number of articles read so far.
        cancelled: polled between batches; True rolls the whole file back.

    Raises:
        InputError: the file cannot be merged (newer version, not an Annotator
            database, an article with one of our ids but another text, a bad JSONL
            line): one line naming it and why; our database is unchanged.
        MergeCancelled: ``cancelled`` said so; our database is unchanged.
    """
    path = Path(path)
    report = MergeReport(path.name)
    if not path.is_file():
        raise InputError("no such file", path=str(path))
    with store.history.action(f"Merge {path.name}") as journal:
        writer = bulk_writer(store, journal=journal)
        source = str(path)
        pending: list[dict[str, Any]] = []
        seen = 0

        def flush() -> None:
            for record, outcome in zip(
                pending, writer.write_records(pending, source=source), strict=True
            ):
                if outcome.added:
                    report.new += 1
                    report.annotations += sum(
                        len(record[k]) for k in ("spans", "claims", "positions")
                    )
                else:
                    report.matched += 1
                    report.annotations += outcome.annotations
            pending.clear()
            if cancelled and cancelled():
                raise MergeCancelled(f"merge of {path.name} cancelled; nothing was kept")

        for record in _records(store, path):
            _check_same_id_same_text(store, path, record)
            pending.append(record)
            seen += 1
            if len(pending) >= BATCH:
                flush()
                if progress:
                    progress(seen)
        flush()
        if progress:
            progress(seen)
        if not seen:
            raise InputError("no articles in this file", path=str(path))
        report.speakers_to_review = writer.ambiguous_names(source)
    return report


def _records(store: Store, path: Path) -> Iterator[dict[str, Any]]:
    """The prepared records of the file (raises InputError at the first bad one)."""
    if path.suffix.lower() == ".jsonl":
        for line, raw in read_records(path):
            if isinstance(raw, InputError):
                raw.path, raw.line = str(path), raw.line or line
                raise raw
            try:
                record = prepare_record(raw, default_annotator=path.stem)
            except InputError as exc:
                exc.path, exc.line = str(path), line
                raise
            yield record
        return
    with _open_other(path) as other:
        for article_id in other.articles.ids():
            raw = article_record(other, article_id, _EVERYTHING)
            assert raw is not None
            record = prepare_record(raw, default_annotator=other.annotator)
            yield record


class _open_other:
    """The other analyst's database, read-only; an older one is upgraded in a copy
    (their file is never changed)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp: str | None = None
        self.store: Store | None = None

    def __enter__(self) -> Store:
        try:
            self.store = Store(self.path, readonly=True, annotator=self.path.stem)
        except NeedsUpgrade:
            self.tmp = tempfile.mkdtemp(prefix="annotator-merge-")
            copy = Path(self.tmp) / self.path.name
            shutil.copyfile(self.path, copy)
            try:
                self.store = Store(copy, backup_before_migrate=False, annotator=self.path.stem)
            except StoreError as exc:
                raise InputError(_reason(exc, self.path), path=str(self.path)) from None
        except StoreError as exc:
            raise InputError(_reason(exc, self.path), path=str(self.path)) from None
        return self.store

    def __exit__(self, *exc: object) -> None:
        if self.store is not None:
            self.store.close()
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


def _reason(exc: StoreError, path: Path) -> str:
    text = str(exc)
    prefix = f"{path}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def _check_same_id_same_text(store: Store, path: Path, record: dict[str, Any]) -> None:
    article_id = record["article"]["id"]
    if not article_id:
        return
    try:
        ours = store.article(article_id)
    except IntegrityError:
        return
    if ours["text_sha256"] != sha256_text(record["article"]["text"]):
        raise InputError(
            f"article {article_id} has the same id as ours but a different text; "
            "nothing of this file was merged",
            path=str(path),
        )

"""Reading files and folders into the store: .txt/.md, .jsonl, .csv and the formats of
`formats` (news database exports, web pages, Word, OpenDocument, PDF, zip).

Each bad file or line becomes one line in the report naming the file, the line
and the reason; the good ones go in, and nothing already stored changes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import formats
from .errors import AnnotatorError, InputError
from .records import prepare_record, prodigy_answer
from .schema import ARTICLE_STATUSES
from .store import BulkWriter, Store, bulk_writer
from .textio import MAX_TEXT_BYTES, decode_bytes, iter_lines

TEXT_SUFFIXES = {".txt", ".md"}
SUFFIXES = TEXT_SUFFIXES | {".jsonl", ".csv"} | formats.SUFFIXES
_KINDS = ".txt, .md, .jsonl, .csv, .html, .docx, .odt, .pdf or .zip"
BATCH = 500

_CSV_TEXT_COLUMNS = ("text", "body", "content", "article")
_CSV_FIELDS = {"title", "source", "place", "published", "date", "url", "id", "status"}


@dataclass
class ImportReport:
    """What an import did: counts, one line per input that failed (``errors``), and
    one line per file about what was imported with care (``warnings``: unreadable
    dates, speaker ids used for other people, Prodigy answers)."""

    added: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False
    article_ids: list[str] = field(default_factory=list)
    # Records whose text was already stored and that added annotations to it.
    matched: int = 0
    annotations_added: int = 0
    ignored: int = 0
    # Articles read from each file (before duplicates are matched), in import order.
    per_file: dict[str, int] = field(default_factory=dict)

    def file_lines(self) -> list[str]:
        """One line per file that held more than one article: "name: N articles"."""
        return [f"{name}: {n} articles" for name, n in self.per_file.items() if n > 1]

    def summary(self) -> str:
        text = (
            f"{self.added} article{'s' if self.added != 1 else ''} added, "
            f"{self.duplicates} skipped as duplicates, {self.failed} failed"
        )
        if self.matched:
            text += (
                f"; {self.matched} article{'s' if self.matched != 1 else ''} matched an "
                f"existing one; {self.annotations_added} annotation"
                f"{'s' if self.annotations_added != 1 else ''} added"
            )
        if self.ignored:
            text += f"; {self.ignored} ignored"
        return text + (" (cancelled)" if self.cancelled else "")


Progress = Callable[[int, int], None]


def collect_files(paths: Iterable[str | Path], report: ImportReport) -> list[Path]:
    """The importable files under the given paths, folders walked in name order."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
            if not found:
                report.failed += 1
                report.errors.append(f"{path}: no {_KINDS} files in this folder")
            files.extend(found)
        elif not path.exists():
            report.failed += 1
            report.errors.append(f"{path}: no such file or folder")
        elif path.suffix.lower() not in SUFFIXES:
            report.failed += 1
            report.errors.append(
                f"{path}: cannot import {path.suffix or 'files without an extension'} "
                f"(use {_KINDS})"
            )
        else:
            files.append(path)
    return files


def read_records(path: Path) -> Iterator[tuple[int | None, dict[str, Any] | InputError]]:
    """(line, raw record) or (line, error) for each article in one file.

    A .jsonl file is read a line at a time whatever its size and encoding, so memory
    stays flat; other files are read whole, up to ``MAX_TEXT_BYTES``.
    """
    shown = str(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_stream(path)
        return
    try:
        size = path.stat().st_size
        if suffix in TEXT_SUFFIXES and (export := formats.stream_text_export(path)):
            # A news database export: one document at a time, memory flat in its size.
            yield from export
            return
        if size > MAX_TEXT_BYTES:
            raise InputError(
                f"file too large ({-(-size // (1024 * 1024))} MB; the limit is "
                f"{MAX_TEXT_BYTES // (1024 * 1024)} MB)",
                path=shown,
            )
        data = path.read_bytes()
    except OSError as exc:
        yield None, InputError(f"cannot read the file ({exc.strerror or exc})", path=shown)
        return
    except InputError as exc:
        yield None, exc
        return
    yield from records_from_bytes(data, shown, suffix)


def records_from_bytes(
    data: bytes, shown: str, suffix: str
) -> Iterator[tuple[int | None, dict[str, Any] | InputError]]:
    """(line, raw record) or (line, error) for each article in one file's bytes."""
    if suffix in formats.SUFFIXES:
        yield from formats.read_bytes(
            data, name=shown, suffix=suffix, read_other=records_from_bytes
        )
        return
    try:
        text = decode_bytes(data, path=shown)
    except InputError as exc:
        yield exc.line, exc
        return
    if suffix in TEXT_SUFFIXES:
        yield from formats.read_text(text) or [(None, {"text": text})]
    elif suffix == ".jsonl":
        yield from _jsonl_lines(text.split("\n"), first=1)
    else:
        yield from _csv(text)


def _jsonl_stream(path: Path) -> Iterator[tuple[int | None, dict[str, Any] | InputError]]:
    blank = True
    try:
        with path.open("rb") as handle:
            for number, line in iter_lines(handle, limit=MAX_TEXT_BYTES):
                if isinstance(line, InputError):
                    blank = False
                    yield number, line
                    continue
                if line.strip():
                    blank = False
                    yield from _jsonl_lines([line], first=number)
    except OSError as exc:
        yield None, InputError(f"cannot read the file ({exc.strerror or exc})")
        return
    if blank:
        yield None, InputError("empty file")


def _jsonl_lines(
    lines: Iterable[str], *, first: int
) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, InputError(f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except ValueError as exc:  # a number too long to convert (over 4300 digits)
            yield number, InputError(f"not usable JSON ({str(exc).split(':')[0]})")
            continue
        except RecursionError:
            yield number, InputError("not usable JSON (nested too deeply)")
            continue
        if not isinstance(value, dict):
            yield number, InputError(f"expected a JSON object, got {type(value).__name__}")
            continue
        yield number, value


def _csv_dialect(text: str) -> str:
    """The delimiter of a CSV file, told by its header line.

    Spreadsheets save with commas, semicolons (Excel where the decimal mark is a
    comma) or tabs ("Unicode text"). The header is what must be understood, so the
    delimiter is the one that splits it into a recognised text column, preferring the
    one that gives the most columns; csv.Sniffer guesses from the whole sample and is
    misled by prose full of commas.
    """
    header = text.split("\n", 1)[0]
    best, best_count = ",", 0
    for delimiter in (",", ";", "\t"):
        names = [h.strip().lower() for h in next(csv.reader([header], delimiter=delimiter), [])]
        if any(c in names for c in _CSV_TEXT_COLUMNS) and len(names) > best_count:
            best, best_count = delimiter, len(names)
    return best


def _csv_reader(text: str, delimiter: str) -> csv.DictReader:
    return csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)


def _csv_statuses_are_ours(text: str, delimiter: str) -> bool:
    """True when every value of a ``status`` column is an article status of this tool."""
    try:
        for row in _csv_reader(text, delimiter):
            value = next((v for k, v in row.items() if (k or "").strip().lower() == "status"), "")
            if value and value.strip() not in ARTICLE_STATUSES:
                return False
    except csv.Error:
        pass  # reported by the reading pass, at its line
    return True


def _csv(text: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    csv.field_size_limit(MAX_TEXT_BYTES)
    delimiter = _csv_dialect(text)
    reader = _csv_reader(text, delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    column = next((c for c in _CSV_TEXT_COLUMNS if c in header), None)
    if column is None:
        yield (
            1,
            InputError(f"no text column (the header needs one of: {', '.join(_CSV_TEXT_COLUMNS)})"),
        )
        return
    # A "status" column of another meaning ("published", "draft") is metadata.
    fields_taken = _CSV_FIELDS
    if "status" in header and not _csv_statuses_are_ours(text, delimiter):
        fields_taken = _CSV_FIELDS - {"status"}
    start = reader.line_num + 1
    try:
        for row in reader:
            # Line of the row's start: rows may span lines when quoted text has newlines.
            fields = {(k or "").strip().lower(): v for k, v in row.items()}
            record: dict[str, Any] = {"text": fields.get(column) or ""}
            meta = {}
            for key, value in fields.items():
                if key == column or value in (None, ""):
                    continue
                if key in fields_taken:
                    record[key] = value.strip() if key == "status" else value
                elif key:
                    meta[key] = value
            record["meta"] = meta
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        yield reader.line_num, InputError(f"malformed CSV ({exc})")


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders; returns the report (the store is changed in batches).

    A record whose text is already stored adds its annotations to that article (the
    same highlight, claim or position twice is kept once). Prodigy records answered
    "ignore" are skipped and counted; those answered "reject" are stored rejected.
    """
    report = ImportReport()
    files = collect_files(paths, report)
    writer = bulk_writer(store)
    pending: list[tuple[str, dict[str, Any]]] = []
    total = len(files)

    def flush(source: str) -> None:
        _store_batch(writer, pending, source, report)

    for done, path in enumerate(files):
        if cancelled and cancelled():
            report.cancelled = True
            break
        source = str(path)
        seen = read_ok = 0
        notes = _FileNotes()
        for line, raw in read_records(path):
            seen += 1
            where = f"{path}:{line}" if line else str(path)
            if isinstance(raw, InputError):
                raw.path = raw.path or str(path)
                raw.line = raw.line or line
                report.failed += 1
                report.errors.append(str(raw))
                continue
            answer = prodigy_answer(raw)
            if answer == "ignore":
                notes.ignored += 1
                continue
            try:
                record = prepare_record(raw, default_annotator=store.annotator)
                read_ok += 1
            except InputError as exc:
                exc.path, exc.line = str(path), line
                report.failed += 1
                report.errors.append(str(exc))
            else:
                notes.count(record, answer)
                pending.append((where, record))
            if len(pending) >= BATCH:
                flush(source)
                if cancelled and cancelled():
                    report.cancelled = True
                    break
        if report.cancelled:
            break
        report.per_file[str(path)] = read_ok
        if not seen:
            report.failed += 1
            report.errors.append(f"{path}: no articles in this file")
        flush(source)
        report.ignored += notes.ignored
        report.warnings.extend(f"{path}: {note}" for note in notes.lines())
        report.warnings.extend(f"{path}: {note}" for note in writer.source_notes(source))
        if progress:
            progress(done + 1, total)
    return report


def _store_batch(
    writer: BulkWriter,
    pending: list[tuple[str, dict[str, Any]]],
    source: str,
    report: ImportReport,
) -> None:
    """Write the pending records of one file as one batch and count what they did;
    a batch that cannot be stored is one error naming its first record."""
    if not pending:
        return
    try:
        outcome = writer.write_records([rec for _, rec in pending], source=source)
    except AnnotatorError as exc:
        report.failed += len(pending)
        report.errors.append(f"{pending[0][0]}: could not store this batch ({exc})")
    else:
        for found in outcome:
            if found.added:
                report.added += 1
                report.article_ids.append(found.article_id)
            elif found.annotations:
                report.matched += 1
                report.annotations_added += found.annotations
            else:
                report.duplicates += 1
    pending.clear()


@dataclass
class _FileNotes:
    """What is reported once per file, not once per record."""

    ignored: int = 0
    rejected: int = 0
    dates: list[str] = field(default_factory=list)

    def count(self, record: dict[str, Any], answer: str | None) -> None:
        if answer == "reject":
            self.rejected += 1
        if "date" in record["notes"]:
            meta = record["article"]["meta"]
            self.dates.append(str(meta.get("published", meta.get("date"))))

    def lines(self) -> list[str]:
        lines = []
        if self.ignored:
            lines.append(
                f"{self.ignored} Prodigy record{'s' if self.ignored != 1 else ''} "
                'answered "ignore" skipped'
            )
        if self.rejected:
            lines.append(
                f"{self.rejected} Prodigy record{'s' if self.rejected != 1 else ''} "
                'answered "reject": their spans are stored as rejected'
            )
        if self.dates:
            n = len(self.dates)
            lines.append(
                f"{n} date{'s' if n != 1 else ''} could not be read (e.g. {self.dates[0]!r}): "
                "kept as written in the article's metadata, no publication date set"
            )
        return lines

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
from .records import prepare_record
from .store import Store, bulk_writer
from .textio import MAX_TEXT_BYTES, decode_bytes

TEXT_SUFFIXES = {".txt", ".md"}
SUFFIXES = TEXT_SUFFIXES | {".jsonl", ".csv"} | formats.SUFFIXES
_KINDS = ".txt, .md, .jsonl, .csv, .html, .docx, .odt, .pdf or .zip"
BATCH = 500

_CSV_TEXT_COLUMNS = ("text", "body", "content", "article")
_CSV_FIELDS = {"title", "source", "place", "published", "date", "url", "id", "status"}


@dataclass
class ImportReport:
    """What an import did: counts, and one line per problem."""

    added: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False
    article_ids: list[str] = field(default_factory=list)
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
    """(line, raw record) or (line, error) for each article in one file."""
    shown = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES and suffix == ".jsonl":
            # A large export: read it a line at a time, each record within the limit.
            yield from _jsonl_stream(path)
            return
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
        yield from _jsonl(text)
    else:
        yield from _csv(text)


def _jsonl_stream(path: Path) -> Iterator[tuple[int | None, dict[str, Any] | InputError]]:
    limit_mb = MAX_TEXT_BYTES // (1024 * 1024)
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if len(raw) > MAX_TEXT_BYTES:
                    size_mb = -(-len(raw) // (1024 * 1024))
                    yield (
                        number,
                        InputError(f"record too large ({size_mb} MB; the limit is {limit_mb} MB)"),
                    )
                    continue
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield (
                        number,
                        InputError(
                            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1}); "
                            "save the file as UTF-8"
                        ),
                    )
                    continue
                yield from _jsonl_lines([line], first=number)
    except OSError as exc:
        yield None, InputError(f"cannot read the file ({exc.strerror or exc})")


def _jsonl(text: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    yield from _jsonl_lines(text.split("\n"), first=1)


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


def _csv(text: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    csv.field_size_limit(MAX_TEXT_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    column = next((c for c in _CSV_TEXT_COLUMNS if c in header), None)
    if column is None:
        yield (
            1,
            InputError(f"no text column (the header needs one of: {', '.join(_CSV_TEXT_COLUMNS)})"),
        )
        return
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
                if key in _CSV_FIELDS:
                    record[key] = value
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
    """Import files and folders; returns the report (the store is changed in batches)."""
    report = ImportReport()
    files = collect_files(paths, report)
    writer = bulk_writer(store)
    pending: list[tuple[str, dict[str, Any]]] = []
    total = len(files)

    def flush() -> None:
        if not pending:
            return
        try:
            outcome = writer.write([rec for _, rec in pending])
        except AnnotatorError as exc:
            report.failed += len(pending)
            report.errors.append(f"{pending[0][0]}: could not store this batch ({exc})")
        else:
            for article_id in outcome:
                if article_id is None:
                    report.duplicates += 1
                else:
                    report.added += 1
                    report.article_ids.append(article_id)
        pending.clear()

    for done, path in enumerate(files):
        if cancelled and cancelled():
            report.cancelled = True
            break
        seen = read_ok = 0
        for line, raw in read_records(path):
            seen += 1
            where = f"{path}:{line}" if line else str(path)
            if isinstance(raw, InputError):
                raw.path = raw.path or str(path)
                raw.line = raw.line or line
                report.failed += 1
                report.errors.append(str(raw))
                continue
            try:
                pending.append((where, prepare_record(raw, default_annotator=store.annotator)))
                read_ok += 1
            except InputError as exc:
                exc.path, exc.line = str(path), line
                report.failed += 1
                report.errors.append(str(exc))
            if len(pending) >= BATCH:
                flush()
                if cancelled and cancelled():
                    report.cancelled = True
                    break
        if report.cancelled:
            break
        report.per_file[str(path)] = read_ok
        if not seen:
            report.failed += 1
            report.errors.append(f"{path}: no articles in this file")
        flush()
        if progress:
            progress(done + 1, total)
    flush()
    return report

"""Writing the store out: JSONL records (docs/format.md), a flat CSV per span, W3C JSON-LD.

Records are built one article at a time, so memory does not grow with the corpus,
and the file is written next to its target and renamed into place only when
complete: an interrupted export never replaces a good file with half of one.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import AnnotatorError
from .store import Store

FORMATS = ("jsonl", "csv", "w3c")
# 2: claims and positions carry their annotator, articles their per-analyst statuses.
RECORD_VERSION = 2
CSV_COLUMNS = (
    "article_id",
    "article_title",
    "published",
    "span_id",
    "label",
    "start",
    "end",
    "text",
    "status",
    "annotator",
    "note",
    "speaker_id",
    "speaker",
    "claim_id",
    "claim_kind",
    "proposed_speaker",
    "created",
    "updated",
)


class ExportCancelled(AnnotatorError):
    """The user cancelled; the target file was left as it was."""


@dataclass(frozen=True)
class ExportFilter:
    """Which articles and annotations to export.

    ``statuses``: article statuses to include (None: all), as the analysts of
    ``annotators`` set them (an article one of them has in such a status; None:
    anyone; an analyst who never marked an article has it todo). ``labels``: span
    labels to include (None: all; articles left without spans are then skipped).
    ``annotators``: the layers to include (None: every layer). Rejected annotations
    and suggestions are left out unless asked for.
    """

    statuses: tuple[str, ...] | None = None
    labels: tuple[str, ...] | None = None
    include_rejected: bool = False
    include_suggestions: bool = False
    article_ids: tuple[str, ...] | None = None
    annotators: tuple[str, ...] | None = None

    def span_statuses(self) -> list[str]:
        wanted = ["accepted"]
        if self.include_suggestions:
            wanted.append("suggested")
        if self.include_rejected:
            wanted.append("rejected")
        return wanted


def _article_ids(store: Store, flt: ExportFilter) -> Iterator[str]:
    # Ids first (small), then one article at a time: memory stays flat.
    yield from store.articles.ids(
        statuses=flt.statuses, among=flt.article_ids, analysts=flt.annotators
    )


def article_record(
    store: Store,
    article_id: str,
    flt: ExportFilter = ExportFilter(),
    *,
    speaker_cache: dict[str, dict[str, Any] | None] | None = None,
) -> dict | None:
    """The export record of one article, or None when the filter leaves it out.

    ``speaker_cache`` (speaker id to row) saves a query per speaker when many
    articles are exported at once from one snapshot.

    Raises:
        IntegrityError: no article has that id.
    """
    art = store.article(article_id)
    statuses = flt.span_statuses()
    layers = flt.annotators
    spans = store.spans(article_id, statuses=statuses, annotators=layers)
    if flt.labels is not None:
        spans = [s for s in spans if s["label"] in flt.labels]
        if not spans:
            return None
    claims = _claim_records(store, article_id, statuses, spans, layers)
    claim_ids = {c["id"] for c in claims}
    positions = [
        {
            "id": p["id"],
            "speaker": p["speaker_id"],
            "target": p["target"],
            "stance": p["stance"],
            "evidence": [e for e in p["evidence"] if e in claim_ids],
            "note": p["note"],
            "status": p["status"],
            "annotator": p["annotator"],
        }
        for p in store.positions(article_id, statuses=statuses, annotators=layers)
    ]
    speakers = _speaker_records(store, spans, [*claims, *positions], speaker_cache)
    return {
        **{key: art[key] for key in _ARTICLE_FIELDS},
        "statuses": _statuses(store.articles.statuses(article_id), layers),
        "spans": [{key: s[key] for key in _SPAN_FIELDS} for s in spans],
        "speakers": speakers,
        "claims": claims,
        "positions": positions,
        "meta": art["meta"],
        "schema_version": RECORD_VERSION,
    }


_ARTICLE_FIELDS = (
    "id", "title", "source", "place", "published", "url", "status", "text", "text_sha256"
)  # fmt: skip
_SPAN_FIELDS = (
    "id", "label", "start", "end", "text", "annotator", "status", "note",
    "created", "updated", "reviewer", "reviewed_at",
)  # fmt: skip


def _statuses(found: dict[str, str], layers: tuple[str, ...] | None) -> dict[str, str]:
    return found if layers is None else {k: v for k, v in found.items() if k in layers}


def _claim_records(
    store: Store,
    article_id: str,
    statuses: list[str],
    spans: list[dict[str, Any]],
    layers: tuple[str, ...] | None,
) -> list[dict[str, Any]]:
    """The claims of the record: those with content among the exported ``spans``."""
    span_ids = {s["id"] for s in spans}
    claims = []
    for c in store.claims(article_id, statuses=statuses, annotators=layers):
        content = [sid for sid in c["spans"] if sid in span_ids]
        if not content:
            continue
        claim = {
            "id": c["id"],
            "spans": content,
            "speaker": c["speaker_id"],
            "mention": c["mention_span_id"] if c["mention_span_id"] in span_ids else None,
            "cue": c["cue_span_id"] if c["cue_span_id"] in span_ids else None,
            "kind": c["kind"],
            "status": c["status"],
            "annotator": c["annotator"],
            "note": c["note"],
        }
        if c["speaker_id"] is None and c["proposal"]:
            # a suggestion's speaker lives only here until someone accepts it
            claim["proposed_speaker"] = _proposal(c["proposal"])
        claims.append(claim)
    # In text order of what is exported: a left-out highlight must not decide the order,
    # or the export, imported and exported again, would list the claims differently.
    start_of = {s["id"]: s["start"] for s in spans}
    claims.sort(key=lambda c: min(start_of[sid] for sid in c["spans"]))
    return claims


def _speaker_records(
    store: Store,
    spans: list[dict[str, Any]],
    items: list[dict[str, Any]],
    cache: dict[str, dict[str, Any] | None] | None,
) -> list[dict[str, Any]]:
    """The speakers the spans (mentions), claims and positions of a record name."""
    speaker_ids: dict[str, None] = {}
    for s in spans:
        if s["speaker_id"]:
            speaker_ids[s["speaker_id"]] = None
    for item in items:
        if item["speaker"]:
            speaker_ids[item["speaker"]] = None
    speakers = []
    for sid in speaker_ids:
        if cache is None:
            spk = store.speaker(sid)
        elif sid in cache:
            spk = cache[sid]
        else:
            spk = cache[sid] = store.speaker(sid)
        if spk is None:
            continue
        speakers.append(
            {
                "id": spk["id"],
                "name": spk["name"],
                "kind": spk["kind"],
                "role": spk["role"],
                "affiliation": spk["affiliation"],
                "aliases": spk["aliases"],
                "mentions": [s["id"] for s in spans if s["speaker_id"] == sid],
            }
        )
    return speakers


def iter_records(store: Store, flt: ExportFilter = ExportFilter()) -> Iterator[dict[str, Any]]:
    """Export records of the filtered articles, in corpus order."""
    for article_id in _article_ids(store, flt):
        record = article_record(store, article_id, flt)
        if record is not None:
            yield record


STALE_PART_SECONDS = 3600


def _remove_stale_parts(folder: Path, name: str) -> None:
    """Remove what exports to this name killed long ago left behind (a running one's is young)."""
    cutoff = time.time() - STALE_PART_SECONDS
    for part in folder.glob(f".{glob.escape(name)}.*.part"):
        with suppress(OSError):
            if part.stat().st_mtime < cutoff:
                part.unlink()


# Paths that name this process's standard output rather than a file.
_STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


@contextmanager
def _stdout_utf8() -> Iterator[IO[str]]:
    """Standard output as UTF-8 text whatever the locale (PYTHONIOENCODING, consoles)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # replaced by a text-only stream (tests, embedding): use it
        yield sys.stdout
        sys.stdout.flush()
        return
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=False)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        # Detach, so closing the wrapper later never closes the real stdout.
        with suppress(ValueError):
            wrapper.detach()


@contextmanager
def _straight(target: Path) -> Iterator[IO[str]]:
    """Write into a FIFO, a device or a terminal as it is: renaming a file over it
    would replace the device with a regular file."""
    with open(target, "w", encoding="utf-8", newline="") as handle:
        yield handle


@contextmanager
def atomic_output(target: str | Path) -> Iterator[IO[str]]:
    """A UTF-8 text file that replaces ``target`` only once fully written.

    "-" (or /dev/stdout) is standard output. A FIFO, a device or another special
    file is written straight into; only a regular file (or a new path) goes through
    a temporary file renamed into place. A folder is refused with AnnotatorError.
    """
    if str(target) in _STDOUT_NAMES:
        with _stdout_utf8() as out:
            yield out
        return
    target = Path(target)
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise AnnotatorError(f"{target}: cannot write the export ({exc.strerror or exc})") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise AnnotatorError(f"{target}: is a folder; give a file name to export to")
    if info is not None and not stat.S_ISREG(info.st_mode):
        with _straight(target) as out:
            yield out
        return
    # A symbolic link keeps pointing at the new export: replace the file it names.
    target = Path(os.path.realpath(target)) if target.is_symlink() else target
    folder = target.parent if str(target.parent) else Path(".")
    _remove_stale_parts(folder, target.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    # mkstemp makes the file private; an export should read like any file the user writes.
    with suppress(OSError):
        os.chmod(tmp, info.st_mode & 0o777 if info is not None else 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _snapshot(store: Store) -> AbstractContextManager[None]:
    """One read transaction, so the export is one consistent state of the database even
    while edits go on in another connection (the GUI exports from a worker thread)."""
    return store.database.snapshot()


def _proposal(stored: str) -> dict[str, Any]:
    data = json.loads(stored)
    return {key: data.get(key) for key in ("name", "kind", "role", "affiliation")}


def _jsonl(records: Iterable[dict], out: IO[str]) -> Iterator[None]:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        yield


# What a spreadsheet takes for the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` with an apostrophe in front when a spreadsheet would run it as a
    formula; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(
    records: Iterable[dict], out: IO[str], *, safe_for_spreadsheets: bool = False
) -> Iterator[None]:
    plain = csv.writer(out)
    plain.writerow(CSV_COLUMNS)
    if safe_for_spreadsheets:

        class _SafeWriter:
            def writerow(self, row: list[Any]) -> None:
                plain.writerow([spreadsheet_safe(v) for v in row])

        writer: Any = _SafeWriter()
    else:
        writer = plain
    for rec in records:
        names = {s["id"]: s["name"] for s in rec["speakers"]}
        speaker_of = {m: s["id"] for s in rec["speakers"] for m in s["mentions"]}
        # A span may be content of several claims: their ids and kinds join with ";".
        claims_of: dict[str, list[dict]] = {}
        for claim in rec["claims"]:
            for sid in claim["spans"]:
                claims_of.setdefault(sid, []).append(claim)
        for span in rec["spans"]:
            claims = claims_of.get(span["id"], [])
            claim = claims[0] if claims else None
            speaker = speaker_of.get(span["id"]) or (claim["speaker"] if claim else None)
            writer.writerow(
                [
                    rec["id"],
                    rec["title"],
                    rec["published"],
                    span["id"],
                    span["label"],
                    span["start"],
                    span["end"],
                    span["text"],
                    span["status"],
                    span["annotator"],
                    span["note"],
                    speaker,
                    names.get(speaker) if speaker else None,
                    ";".join(c["id"] for c in claims) or None,
                    ";".join(c["kind"] for c in claims) or None,
                    ";".join(
                        c["proposed_speaker"]["name"] for c in claims if "proposed_speaker" in c
                    )
                    or None,
                    span["created"],
                    span["updated"],
                ]
            )
        yield


def w3c_annotation(record: dict, span: dict, *, context: int = 32) -> dict[str, Any]:
    """One span as a W3C Web Annotation with position and quote selectors."""
    text, start, end = record["text"], span["start"], span["end"]
    body = [{"type": "TextualBody", "purpose": "tagging", "value": span["label"]}]
    if span["note"]:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": span["note"]})
    annotation: dict[str, Any] = {
        "id": f"urn:annotator:span:{span['id']}",
        "type": "Annotation",
        "motivation": "tagging",
    }
    if span["annotator"]:
        # A plain string would be read as an IRI by the Web Annotation context.
        annotation["creator"] = {"type": "Person", "name": span["annotator"]}
    return {
        **annotation,
        "created": span["created"],
        "modified": span["updated"],
        "body": body,
        "target": {
            "source": f"urn:annotator:article:{record['id']}",
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": end},
                {
                    "type": "TextQuoteSelector",
                    "exact": span["text"],
                    "prefix": text[max(0, start - context) : start],
                    "suffix": text[end : end + context],
                },
            ],
        },
    }


def _w3c(records: Iterable[dict], out: IO[str]) -> Iterator[None]:
    out.write(
        '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": ['
    )
    first = True
    for rec in records:
        for span in rec["spans"]:
            out.write("\n" if first else ",\n")
            out.write(json.dumps(w3c_annotation(rec, span), ensure_ascii=False))
            first = False
        yield
    out.write("\n]}\n")


_WRITERS = {"jsonl": _jsonl, "csv": _csv, "w3c": _w3c}


def export(
    store: Store,
    target: str | Path,
    *,
    fmt: str = "jsonl",
    flt: ExportFilter = ExportFilter(),
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    safe_for_spreadsheets: bool = False,
) -> int:
    """Write the filtered articles to ``target`` ("-": stdout); returns how many were written.

    ``safe_for_spreadsheets`` (CSV only): cells beginning with = + - @ tab or CR get
    an apostrophe in front, so a spreadsheet shows them instead of running them.
    Off by default: research scripts need the exact data.
    Raises AnnotatorError when the target cannot be written (a folder, no space).
    """
    if fmt not in _WRITERS:
        raise AnnotatorError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    written = 0
    speakers: dict[str, dict[str, Any] | None] = {}

    def records() -> Iterator[dict]:
        for article_id in ids:
            record = article_record(store, article_id, flt, speaker_cache=speakers)
            if record is not None:
                yield record

    try:
        with _snapshot(store), atomic_output(target) as out:
            ids = list(_article_ids(store, flt))
            writer = (
                _csv(records(), out, safe_for_spreadsheets=True)
                if fmt == "csv" and safe_for_spreadsheets
                else _WRITERS[fmt](records(), out)
            )
            for done, _ in enumerate(writer, start=1):
                written = done
                if progress and done % 100 == 0:
                    progress(done, len(ids))
                if cancelled and cancelled():
                    raise ExportCancelled("export cancelled; the earlier file was left in place")
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = "standard output" if str(target) in _STDOUT_NAMES else target
        raise AnnotatorError(f"{where}: cannot write the export ({exc.strerror or exc})") from None
    if progress:
        progress(len(ids), len(ids))
    return written

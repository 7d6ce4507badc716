"""Zip archives: every importable file inside, each read as if it were given alone.

Members are read in name order; folders, hidden files and macOS resource forks are
skipped. A member's problems are reported under "archive.zip/member/path". Members
larger than the size limit (as the zip says, and as really read) are refused, so a
small archive that unpacks to gigabytes cannot fill the memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from ..errors import InputError
from ..records import prepare_record
from ..textio import MAX_TEXT_BYTES
from .common import Article

# The kinds read from inside a zip: those of `formats` and the plain ones of the
# import module; a zip inside a zip is not opened.
_PLAIN = {".txt", ".md", ".jsonl", ".csv"}
_MB = 1024 * 1024

Records = Iterator[tuple[int | None, Article | InputError]]


def read(data: bytes, *, name: str, read_file: Callable[[bytes, str, str], Records]) -> Records:
    """(line, article or error) for each article of each importable member."""
    from . import SUFFIXES

    readable = (SUFFIXES - {".zip"}) | _PLAIN
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = sorted(archive.infolist(), key=lambda info: info.filename)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield None, InputError(f"not a readable zip file ({exc})", path=name)
        return
    found = 0
    for info in members:
        path = PurePosixPath(info.filename)
        if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in path.parts):
            continue
        suffix = path.suffix.lower()
        if suffix not in readable:
            continue
        found += 1
        shown = f"{name}/{info.filename}"
        try:
            content = _member(archive, info)
        except InputError as exc:
            exc.path = shown
            yield None, exc
            continue
        for line, raw in read_file(content, shown, suffix):
            if isinstance(raw, dict):
                # Checked here too, so that a bad record is reported under the member's
                # name rather than the zip's (the import checks it again to store it).
                try:
                    prepare_record(raw)
                except InputError as exc:
                    exc.path, exc.line = shown, line
                    raw = exc
            yield line, raw
    if not found:
        yield None, InputError("no importable files in this zip", path=name)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = f"the limit is {MAX_TEXT_BYTES // _MB} MB"
    if info.file_size > MAX_TEXT_BYTES:
        raise InputError(f"file too large ({-(-info.file_size // _MB)} MB; {limit})")
    try:
        with archive.open(info) as handle:
            content = handle.read(MAX_TEXT_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise InputError(f"cannot unpack this file ({exc})") from None
    except (RuntimeError, ValueError) as exc:  # an encrypted member, a damaged header
        raise InputError(f"cannot unpack this file ({exc})") from None
    if len(content) > MAX_TEXT_BYTES:
        raise InputError(f"file too large (over {MAX_TEXT_BYTES // _MB} MB; {limit})")
    return content

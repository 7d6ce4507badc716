"""Turning a file's bytes into the exact article text that is stored.

The stored text is the truth every offset refers to, so decoding is strict: UTF-8
(with or without a BOM) or UTF-16 with a BOM, and anything else is refused with a
reason the user can act on. Guessing an encoding would silently change the text.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import math
import re
from collections.abc import Iterator
from typing import BinaryIO

from annotator.core.errors import InputError

MAX_TEXT_BYTES = 50 * 1024 * 1024

_MB = 1024 * 1024
# A text file may hold a few stray control characters (form feeds, escapes from a
# terminal paste); a file where they are common is not text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SHARE_LIMIT = 0.10
# Binary data shows itself early; sampling keeps the check cheap on 50 MB files.
_CONTROL_SAMPLE_CHARS = 64 * 1024
_SAVE_AS_UTF8 = "save the file as UTF-8"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """Drop a leading BOM and turn CRLF and lone CR line endings into LF.

    Nothing else changes: no stripping, no Unicode normalisation, so offsets into
    the result are offsets into what the user sees.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sha256_text(text: str) -> str:
    """Hex SHA-256 of the text's UTF-8 bytes.

    Lone surrogates (possible in text from JSON) are hashed as their UTF-8-style
    bytes instead of raising, so every Python string has a hash.
    """
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def decode_bytes(data: bytes, *, path: str | None = None) -> str:
    """Decode a file's bytes to normalised text, or raise `InputError` saying why not.

    Accepts UTF-8 with or without a BOM, and UTF-16 when the data starts with a
    UTF-16 BOM. Refuses files over `MAX_TEXT_BYTES`, empty or whitespace-only
    files, binary files and invalid UTF-8/UTF-16 (naming the line and byte).
    """
    if len(data) > MAX_TEXT_BYTES:
        size_mb = math.ceil(len(data) / _MB)
        raise InputError(
            f"file too large ({size_mb} MB; the limit is {MAX_TEXT_BYTES // _MB} MB)",
            path=path,
        )
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # UTF-32 LE's BOM starts with UTF-16 LE's, so it must be ruled out first.
        raise InputError(f"UTF-32 text is not supported; {_SAVE_AS_UTF8}", path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data, path)
    else:
        if b"\x00" in data:
            raise InputError(_nul_reason(data), path=path)
        text = _decode_utf8(data, path)
    text = normalise_text(text)
    if not text.strip():
        raise InputError("empty file", path=path)
    if _looks_binary(text):
        raise InputError("binary file, not text", path=path)
    return text


def _decode_utf8(data: bytes, path: str | None) -> str:
    """Strict UTF-8; an error names the line, column and byte.

    A BOM decodes to U+FEFF and is left for `normalise_text` to drop, so exactly
    one is dropped whatever the encoding.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Everything before the bad byte decoded, so it can be decoded again to
        # count lines and columns the way an editor shows them.
        line, column = _line_and_column(data[: exc.start].decode("utf-8"))
        reason = (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column}, "
            f"byte offset {exc.start}); {_SAVE_AS_UTF8}"
        )
        raise InputError(reason, path=path, line=line) from None


def _decode_utf16(data: bytes, path: str | None) -> str:
    """Strict UTF-16 in the byte order its BOM gives; an error names the line and byte offset.

    The BOM decodes to U+FEFF and is left for `normalise_text` to drop.
    """
    codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        good = data[: exc.start - exc.start % 2].decode(codec, errors="replace")
        line, column = _line_and_column(good)
        reason = (
            f"not valid UTF-16 (at column {column}, byte offset {exc.start}: "
            f"{exc.reason}); {_SAVE_AS_UTF8}"
        )
        raise InputError(reason, path=path, line=line) from None
    if "\x00" in text:
        raise InputError("binary file, not text", path=path)
    return text


def _line_and_column(prefix: str) -> tuple[int, int]:
    """1-based line and column just after `prefix`, counting CRLF, CR and LF as line breaks."""
    prefix = normalise_text(prefix)
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, column


def _nul_reason(data: bytes) -> str:
    """Why a file holding NUL bytes is refused, spotting BOM-less UTF-16 on the way."""
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-heavy UTF-16 has a NUL in nearly every other byte and none in between.
    if half >= 2 and max(even_nuls, odd_nuls) >= 0.8 * half and min(even_nuls, odd_nuls) == 0:
        return f"looks like UTF-16 without a byte order mark; {_SAVE_AS_UTF8}"
    return "binary file, not text"


def _looks_binary(text: str) -> bool:
    """True when control characters make up a high share of the text's start."""
    sample = text[:_CONTROL_SAMPLE_CHARS]
    return len(_CONTROL_CHARS.findall(sample)) > _CONTROL_SHARE_LIMIT * len(sample)


_READ_CHUNK = 1024 * 1024


def iter_lines(
    handle: BinaryIO, *, limit: int = MAX_TEXT_BYTES
) -> Iterator[tuple[int, str | InputError]]:
    """(line number, line text) for each line of a file opened in binary mode.

    Reads one line at a time whatever the file's size, so memory stays within about
    one line (at most ``limit`` bytes; a longer line is one error naming its size,
    and reading goes on after it). The encoding is told by the start of the file as
    in ``decode_bytes``: UTF-8 with or without a BOM, or UTF-16 with a BOM. A UTF-8
    line that does not decode is one error; in UTF-16 reading stops at the first
    undecodable line. Line ends (``\\n``, ``\\r\\n``) are removed.
    """
    head = handle.peek(4096)[:4096] if hasattr(handle, "peek") else b""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        yield 1, InputError(f"UTF-32 text is not supported; {_SAVE_AS_UTF8}")
        return
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from _utf16_lines(handle, limit)
        return
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(_READ_CHUNK)
                size += len(raw)
            yield number, _too_large(size, limit)
            continue
        if number == 1 and b"\x00" in head:
            # Not UTF-8 text: one reason for the file, not one per line.
            yield 1, InputError(_nul_reason(head))
            return
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield (
                number,
                InputError(
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1}); "
                    f"{_SAVE_AS_UTF8}"
                ),
            )
            continue
        yield number, line.rstrip("\n").removesuffix("\r")


def _utf16_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, str | InputError]]:
    # The codec reads the BOM and its byte order; a line is split at "\n" only.
    # surrogatepass: a lone surrogate (invalid UTF-16) is let through, so that it
    # fails its own line below instead of the whole chunk the reader decodes at once.
    reader = io.TextIOWrapper(handle, encoding="utf-16", errors="surrogatepass", newline="\n")
    chars = limit // 2
    number = 0
    try:
        while True:
            line = reader.readline(chars + 1)
            if not line:
                return
            number += 1
            if len(line) > chars and not line.endswith("\n"):
                size = len(line)
                while line and not line.endswith("\n"):
                    line = reader.readline(_READ_CHUNK)
                    size += len(line)
                yield number, _too_large(2 * size, limit)
                continue
            bad = _LONE_SURROGATE.search(line)
            if bad:
                yield (
                    number,
                    InputError(
                        f"not valid UTF-16 (a lone surrogate at column {bad.start() + 1}); "
                        f"{_SAVE_AS_UTF8}"
                    ),
                )
                continue
            yield number, line.rstrip("\n").removesuffix("\r")
    except UnicodeDecodeError as exc:
        yield number + 1, InputError(f"not valid UTF-16 ({exc.reason}); {_SAVE_AS_UTF8}")
    finally:
        reader.detach()


def _too_large(size: int, limit: int) -> InputError:
    return InputError(
        f"record too large ({math.ceil(size / _MB)} MB; the limit is {limit // _MB} MB)"
    )


def squash_spaces(text: str) -> str:
    """``text`` with every run of whitespace made one space and the ends trimmed."""
    return " ".join(text.split())

"""Decoding and normalising article text: strict, exact, and clear when refusing."""

from __future__ import annotations

import codecs
import hashlib
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import textio
from annotator.core.errors import InputError
from annotator.core.textio import MAX_TEXT_BYTES, decode_bytes, normalise_text, sha256_text

# --- normalise_text ---------------------------------------------------------------


def test_normalise_drops_leading_bom() -> None:
    assert normalise_text("\ufeffTitle\nBody") == "Title\nBody"


def test_normalise_keeps_bom_that_is_not_leading() -> None:
    assert normalise_text("a\ufeffb") == "a\ufeffb"


def test_normalise_turns_crlf_into_lf() -> None:
    assert normalise_text("one\r\ntwo\r\n") == "one\ntwo\n"


def test_normalise_turns_lone_cr_into_lf() -> None:
    assert normalise_text("one\rtwo\r\rthree") == "one\ntwo\n\nthree"


def test_normalise_handles_mixed_line_endings() -> None:
    assert normalise_text("a\r\nb\rc\nd\n\r") == "a\nb\nc\nd\n\n"


def test_normalise_changes_nothing_else() -> None:
    # Decomposed é, trailing spaces, tabs, astral characters and odd spaces all stay.
    text = "  Cafe\u0301 \t\n\u00a0«quoted» 😀 𝄞  \u2028end  "
    assert normalise_text(text) == text


@given(st.text())
def test_normalise_output_never_contains_cr(text: str) -> None:
    result = normalise_text(text)
    assert "\r" not in result
    assert not result.startswith("\ufeff") or text.startswith("\ufeff\ufeff")


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once or once.startswith("\ufeff")


# --- sha256_text --------------------------------------------------------------------


def test_sha256_is_of_utf8_bytes() -> None:
    text = "Ministry «warns» 😀"
    assert sha256_text(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_sha256_known_value() -> None:
    assert sha256_text("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_sha256_does_not_raise_on_lone_surrogate() -> None:
    assert len(sha256_text("a\ud800b")) == 64


# --- decode_bytes: what is accepted -----------------------------------------------------


def test_decode_plain_utf8() -> None:
    assert decode_bytes("Title\nBody «ok»\n".encode()) == "Title\nBody «ok»\n"


def test_decode_utf8_with_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"Title\nBody") == "Title\nBody"


def test_decode_normalises_crlf_and_lone_cr() -> None:
    assert decode_bytes(b"Title\r\nBody\rMore\r\n") == "Title\nBody\nMore\n"


def test_decode_keeps_astral_characters() -> None:
    text = "Emoji 😀 and 𝄞 before a quote: “no region needs a new bloc”"
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded == text
    assert decoded.index("“") == text.index("“")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    text = "Title\r\nBody with 😀 and «quotes»\r\n"
    assert decode_bytes(bom + text.encode(codec)) == "Title\nBody with 😀 and «quotes»\n"


def test_decode_drops_only_one_bom() -> None:
    # A second U+FEFF is content; the stored text must keep it.
    assert decode_bytes(codecs.BOM_UTF8 + "\ufeffx".encode()) == "\ufeffx"
    assert decode_bytes(codecs.BOM_UTF16_BE + "\ufeffx".encode("utf-16-be")) == "\ufeffx"


def test_decode_python_utf16_codec_output() -> None:
    assert decode_bytes("Hello\nWorld".encode("utf-16")) == "Hello\nWorld"


def test_decode_keeps_a_few_control_characters() -> None:
    text = "Title\n\fPage two\x1b[0m\n" + "body " * 20
    assert decode_bytes(text.encode()) == text


def test_decode_keeps_leading_and_trailing_whitespace() -> None:
    assert decode_bytes(b"\n\n  Title  \n\n") == "\n\n  Title  \n\n"


@given(st.text().filter(lambda t: t.strip() and "\x00" not in t))
def test_decode_round_trips_utf8_text_with_few_controls(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8", errors="surrogatepass"))
    except InputError:
        return  # lone surrogates, control-heavy text or BOM-only text are refused
    assert decoded == normalise_text(text)


# --- decode_bytes: what is refused, and how it is said ----------------------------------


def _refusal(data: bytes, path: str | None = "news/a.txt") -> InputError:
    with pytest.raises(InputError) as info:
        decode_bytes(data, path=path)
    return info.value


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n", codecs.BOM_UTF16_LE],
)
def test_empty_or_whitespace_file_is_refused(data: bytes) -> None:
    error = _refusal(data)
    assert error.reason == "empty file"
    assert error.path == "news/a.txt"
    assert str(error) == "news/a.txt: empty file"


def test_nul_bytes_mean_binary() -> None:
    error = _refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert error.reason == "binary file, not text"
    assert str(error) == "news/a.txt: binary file, not text"


def test_control_heavy_text_is_binary() -> None:
    data = bytes(b % 32 for b in range(1, 200) if b % 32 not in (9, 10, 13, 0))
    assert _refusal(data + b"abc").reason == "binary file, not text"


def test_nul_in_utf16_text_is_binary() -> None:
    data = codecs.BOM_UTF16_LE + "Title\x00\x00body".encode("utf-16-le")
    assert _refusal(data).reason == "binary file, not text"


def test_utf16_without_bom_gets_its_own_reason() -> None:
    error = _refusal("Title\nBody text here".encode("utf-16-le"))
    assert "UTF-16 without a byte order mark" in error.reason
    assert "save the file as UTF-8" in error.reason


def test_utf32_is_refused_with_a_reason() -> None:
    error = _refusal("Title".encode("utf-32"))
    assert "UTF-32" in error.reason


def test_invalid_utf8_names_line_column_byte_and_offset() -> None:
    data = "Title\r\nSecond line\nCafé at the ".encode() + b"caf\xe9 corner\n"
    error = _refusal(data)
    assert error.line == 3
    offset = data.index(b"\xe9")
    assert error.reason == (
        f"not valid UTF-8 (byte 0xe9 at column 16, byte offset {offset}); save the file as UTF-8"
    )
    assert str(error).startswith("news/a.txt:3: not valid UTF-8 (byte 0xe9")


def test_invalid_utf8_on_first_line_after_bom() -> None:
    error = _refusal(codecs.BOM_UTF8 + b"ab\xff")
    assert error.line == 1
    assert "byte 0xff at column 3, byte offset 5" in error.reason


def test_invalid_utf8_line_counts_lone_cr() -> None:
    assert _refusal(b"one\rtwo\rthree \x80").line == 3


def test_truncated_utf8_sequence_at_end() -> None:
    error = _refusal("Title\nend 😀".encode()[:-1])
    assert error.line == 2
    assert "byte 0xf0 at column 5" in error.reason


def test_encoded_surrogate_is_not_valid_utf8() -> None:
    assert "not valid UTF-8" in _refusal(b"Title\n\xed\xa0\x80").reason


def test_invalid_utf16_names_the_line() -> None:
    data = codecs.BOM_UTF16_LE + "Title\nBody ".encode("utf-16-le") + b"\x00\xd8A\x00"
    error = _refusal(data)
    assert error.line == 2
    assert error.reason.startswith("not valid UTF-16 (at column 6")
    assert error.reason.endswith("save the file as UTF-8")


def test_odd_length_utf16_is_refused() -> None:
    data = codecs.BOM_UTF16_BE + "Title".encode("utf-16-be") + b"\x00"
    assert "not valid UTF-16" in _refusal(data).reason


def test_refusal_without_path() -> None:
    assert str(_refusal(b"", path=None)) == "<input>: empty file"


def test_too_large_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Checked on the byte count before anything else, so a small limit proves it.
    monkeypatch.setattr(textio, "MAX_TEXT_BYTES", 3 * 1024 * 1024)
    error = _refusal(b"a" * (3 * 1024 * 1024 + 1))
    assert error.reason == "file too large (4 MB; the limit is 3 MB)"


def test_max_text_bytes_is_fifty_megabytes() -> None:
    assert MAX_TEXT_BYTES == 50 * 1024 * 1024


def test_file_of_exactly_the_limit_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_TEXT_BYTES", 1024)
    assert len(decode_bytes(b"x" * 1024)) == 1024


def test_real_limit_message() -> None:
    error = _refusal(b" " * (MAX_TEXT_BYTES + 1))
    assert error.reason == "file too large (51 MB; the limit is 50 MB)"


# --- what a wrong change to decoding would get past (mutation testing found these) ---------


def test_a_single_nul_in_utf16_text_is_refused() -> None:
    # One NUL among many characters: too few control characters to look binary, but
    # SQLite's text functions stop at a NUL, so it is refused all the same.
    text = "Title\n" + "A long body of ordinary words. " * 20 + "\x00 end"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        assert _refusal(bom + text.encode(codec)).reason == "binary file, not text"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "ab",  # the smallest: two characters
        "Title\nBody text here",
        "abcdő",  # one character in five outside Latin-1: exactly the 80% the check needs
        "x" * 2048 + "Ā and more",  # after the first 4 KB, a character ending in a 0 byte
    ],
)
def test_utf16_without_a_bom_is_recognised_in_both_byte_orders(codec: str, text: str) -> None:
    error = _refusal(text.encode(codec))
    assert error.reason == "looks like UTF-16 without a byte order mark; save the file as UTF-8"
    assert str(error) == f"news/a.txt: {error.reason}"


def test_utf16_without_a_bom_of_odd_length_is_recognised() -> None:
    assert "UTF-16 without" in _refusal("abcdő".encode("utf-16-be") + b"\n").reason


@pytest.mark.parametrize(
    "data",
    [
        "abcőő".encode("utf-16-be"),  # NULs in only three bytes in five: not UTF-16 text
        b"\x00\x00\x00\x00" + b"abc",  # NULs in both byte positions
        b"a\x00",  # a single NUL: too short to tell
    ],
)
def test_other_data_with_nul_bytes_is_binary(data: bytes) -> None:
    assert _refusal(data).reason == "binary file, not text"


def test_invalid_utf16_right_after_a_line_break_names_the_next_line() -> None:
    data = codecs.BOM_UTF16_LE + "ab\n".encode("utf-16-le") + b"\x00\xdc"
    error = _refusal(data)
    assert error.line == 2
    assert error.reason.startswith("not valid UTF-16 (at column 1, byte offset 8")


def test_one_control_character_in_ten_is_kept_two_are_refused() -> None:
    assert decode_bytes(b"Title\x1b1234") == "Title\x1b1234"
    assert _refusal(b"Title\x1b\x1b123").reason == "binary file, not text"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Title".encode("utf-32"), "UTF-32 text is not supported"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xdc", "not valid UTF-16"),
        (codecs.BOM_UTF16_BE + "Title\x00 and more words".encode("utf-16-be"), "binary"),
        (bytes(range(1, 9)) * 4, "binary"),
        (b"\xff\xfe\xff", "not valid UTF-16"),
        (b"caf\xe9", "not valid UTF-8"),
        (b"\x00" * 8, "binary"),
        (b"  \n", "empty file"),
    ],
)
def test_every_refusal_names_the_file(data: bytes, reason: str) -> None:
    error = _refusal(data, path="inbox/story.txt")
    assert error.path == "inbox/story.txt"
    assert error.reason.startswith(reason)
    assert str(error).startswith("inbox/story.txt:")


def test_a_too_large_file_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_TEXT_BYTES", 10)
    error = _refusal(b"x" * 11, path="inbox/big.txt")
    assert (error.path, error.reason) == (
        "inbox/big.txt",
        "file too large (1 MB; the limit is 0 MB)",
    )


# --- iter_lines: the JSONL reader, a line at a time in any encoding ------------------------

_MB = 1024 * 1024


def _lines(data: bytes, limit: int = MAX_TEXT_BYTES) -> list[tuple[int, str]]:
    """What ``iter_lines`` gives for a file of ``data``, an error as its message."""
    with io.BufferedReader(io.BytesIO(data)) as handle:
        return [
            (n, f"error: {line.reason}" if isinstance(line, InputError) else line)
            for n, line in textio.iter_lines(handle, limit=limit)
        ]


# Lines as a user's files hold them: CRLF and LF ends, a blank line, a lone CR inside a
# line, trailing spaces and tabs, astral characters, a last line without its end.
_MIXED = '{"a": 1}\r\n\n  {"b": "x\ry"}  \t\n\r\n{"c": "😀 «d»"}\nends in XX\n{"e": 5}'
_MIXED_LINES = [
    (1, '{"a": 1}'),
    (2, ""),
    (3, '  {"b": "x\ry"}  \t'),
    (4, ""),
    (5, '{"c": "😀 «d»"}'),
    (6, "ends in XX"),
    (7, '{"e": 5}'),
]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16-le", "utf-16-be"],
)
def test_lines_are_the_same_in_every_encoding(encode) -> None:
    # Only "\n" ends a line; "\r\n" loses both, a lone "\r" is kept, nothing else moves.
    assert _lines(encode(_MIXED)) == _MIXED_LINES


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
def test_lines_split_across_read_chunks_come_through_whole(codec: str) -> None:
    # Far more than one read of the file's buffer, with multi-byte and astral characters
    # (surrogate pairs in UTF-16) falling on every boundary.
    lines = [f'{{"n": {k}, "t": "{"é😀x" * (k % 50)}"}}' for k in range(600)]
    bom = {"utf-8": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    data = bom[codec] + "\r\n".join(lines).encode(codec)
    assert len(data) > 10 * io.DEFAULT_BUFFER_SIZE
    assert _lines(data) == list(enumerate(lines, start=1))


def test_a_file_opened_without_buffering_is_read_as_utf8() -> None:
    with io.BytesIO(b'{"a": 1}\r\n{"b": "\xc3\xa9"}') as handle:  # no peek() to look ahead
        assert list(textio.iter_lines(handle)) == [(1, '{"a": 1}'), (2, '{"b": "é"}')]


def test_a_nul_after_the_first_4_kb_fails_only_its_line() -> None:
    # The file-wide check looks at the first 4096 bytes; a NUL after them is left to
    # the line holding it (whose JSON then fails), so the rest of a big file is read.
    first = b'{"pad": "' + b"p" * (4096 - 12) + b'"}\n'
    assert len(first) == 4096
    assert _lines(first + b'\x00{"b": 2}\n{"c": 3}\n')[1:] == [(2, '\x00{"b": 2}'), (3, '{"c": 3}')]
    assert _lines(first[:-2] + b'\x00\n{"c": 3}\n') == [(1, "error: binary file, not text")]


def test_a_record_far_over_the_limit_is_skipped_in_pieces(tmp_path) -> None:
    # Memory stays near the limit however long the line: it is read a piece at a time.
    import tracemalloc

    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"a": 1}\n{"text": "')
        for _ in range(24):
            handle.write(b"w" * _MB)
        handle.write(b'"}\n{"c": 3}\n')
    tracemalloc.start()
    try:
        with path.open("rb") as handle:
            got = list(textio.iter_lines(handle, limit=_MB))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got[0] == (1, '{"a": 1}') and got[2] == (3, '{"c": 3}')
    assert got[1][1].reason == "record too large (25 MB; the limit is 1 MB)"
    assert peak < 8 * _MB, f"peak {peak / _MB:.0f} MB while skipping a 24 MB line"


def test_a_bom_is_dropped_only_at_the_start_of_the_file() -> None:
    data = codecs.BOM_UTF8 + b'{"a": 1}\n' + codecs.BOM_UTF8 + b'{"b": 2}\n'
    assert _lines(data) == [(1, '{"a": 1}'), (2, '\ufeff{"b": 2}')]


def test_an_empty_file_has_no_lines() -> None:
    assert _lines(b"") == []
    assert _lines(codecs.BOM_UTF16_LE) == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_jsonl_file_in_utf16_without_a_bom_is_named_once(codec: str) -> None:
    data = "\n".join(f'{{"text": "Article {k}"}}' for k in range(20)).encode(codec)
    assert _lines(data) == [
        (1, "error: looks like UTF-16 without a byte order mark; save the file as UTF-8")
    ]


def test_a_nul_byte_in_the_first_lines_makes_the_file_binary() -> None:
    data = b'{"a": 1}\n{"b": 2}\n{"c": "\x00"}\n{"d": 4}\n'
    assert _lines(data) == [(1, "error: binary file, not text")]


def test_utf32_is_refused_once_for_the_file() -> None:
    data = '{"a": 1}\n{"b": 2}\n'.encode("utf-32")
    assert _lines(data) == [(1, "error: UTF-32 text is not supported; save the file as UTF-8")]


def test_an_invalid_utf8_line_is_one_error_and_reading_goes_on() -> None:
    data = b'{"a": 1}\n{"b": "caf\xe9"}\r\n{"c": 3}\n'
    assert _lines(data) == [
        (1, '{"a": 1}'),
        (2, "error: not valid UTF-8 (byte 0xe9 at byte 11); save the file as UTF-8"),
        (3, '{"c": 3}'),
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_lone_surrogate_fails_its_line_only(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    lone = "\udc00".encode(codec, errors="surrogatepass")
    data = bom + '{"a": 1}\n{"b": "'.encode(codec) + lone + '"}\n{"c": 3}\n'.encode(codec)
    assert _lines(data) == [
        (1, '{"a": 1}'),
        (
            2,
            "error: not valid UTF-16 (a lone surrogate at column 8); save the file as UTF-8",
        ),
        (3, '{"c": 3}'),
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_truncated_last_utf16_line_is_named(codec: str) -> None:
    # A file cut off in the middle of a character (an odd number of bytes).
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    data = bom + '{"a": 1}\n{"b": 2}\n{"c"'.encode(codec)[:-1]
    assert _lines(data) == [
        (1, '{"a": 1}'),
        (2, '{"b": 2}'),
        (3, "error: not valid UTF-16 (truncated data); save the file as UTF-8"),
    ]


# The record size limit: a line of ``limit`` bytes is read; one byte more is refused with
# its size, and reading goes on with the next line.


def test_a_utf8_line_of_exactly_the_limit_is_read() -> None:
    line = "x" * 100
    assert _lines(f"{line}\n{line}".encode(), limit=100) == [(1, line), (2, line)]
    assert _lines(f"{line}\r\n".encode(), limit=100) == [
        (1, "error: record too large (1 MB; the limit is 0 MB)")
    ]


def test_a_utf8_line_over_the_limit_is_refused_and_reading_goes_on() -> None:
    over = "y" * 101
    data = f"a\n{over}\nb\n{over}".encode()
    assert _lines(data, limit=100) == [
        (1, "a"),
        (2, "error: record too large (1 MB; the limit is 0 MB)"),
        (3, "b"),
        (4, "error: record too large (1 MB; the limit is 0 MB)"),
    ]


def test_a_utf16_line_of_exactly_the_limit_is_read() -> None:
    line = "x" * 50  # 100 bytes in UTF-16
    data = codecs.BOM_UTF16_BE + f"{line}\n{line}".encode("utf-16-be")
    assert _lines(data, limit=100) == [(1, line), (2, line)]


def test_a_utf16_line_over_the_limit_is_refused_and_reading_goes_on() -> None:
    over = "y" * 51
    data = codecs.BOM_UTF16_LE + f"a\n{over}\nb\n{over}".encode("utf-16-le")
    assert _lines(data, limit=100) == [
        (1, "a"),
        (2, "error: record too large (1 MB; the limit is 0 MB)"),
        (3, "b"),
        (4, "error: record too large (1 MB; the limit is 0 MB)"),
    ]


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le"])
def test_a_record_too_large_says_its_whole_size(codec: str) -> None:
    # Read in pieces after the limit, so the size is the sum of them all.
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else b""
    width = 1 if codec == "utf-8" else 2
    big = "z" * (int(2.5 * _MB) // width)
    data = bom + f"{big}\nafter\n".encode(codec)
    assert _lines(data, limit=_MB) == [
        (1, "error: record too large (3 MB; the limit is 1 MB)"),
        (2, "after"),
    ]

"""Title, dateline and date extraction from the head of plain-text news articles."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.metadata import ArticleMeta, extract_metadata, parse_date

DESIGN_EXAMPLE = """\
Ministry warns against 'bloc politics' in the Pacific

Share this article

[March 02, 2024]  CANBERRA (Newswire) - A foreign ministry spokesperson said on
Tuesday that "no region needs a new bloc", warning ...

(Reporting by ...; Editing by ...)
Copyright 2024 Newswire. All rights reserved.
"""


def _article(dateline: str, *, title: str = "Ministry warns against bloc politics") -> str:
    return f"{title}\n\n{dateline}\n\nA second paragraph of the body.\n"


# --- the result type ------------------------------------------------------------------


def test_article_meta_is_frozen() -> None:
    meta = ArticleMeta(title="t", source=None, place=None, published=None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        meta.title = "x"  # type: ignore[misc]


def test_design_example() -> None:
    assert extract_metadata(DESIGN_EXAMPLE) == ArticleMeta(
        title="Ministry warns against 'bloc politics' in the Pacific",
        source="Newswire",
        place="CANBERRA",
        published="2024-03-02",
    )


# --- datelines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "place", "source", "published"),
    [
        (
            "[March 02, 2024]  CANBERRA (Newswire) - A foreign ministry said",
            "CANBERRA",
            "Newswire",
            "2024-03-02",
        ),
        (
            "OSLO (Agency / Partner - 06th June, 2024) Text...",
            "OSLO",
            "Agency / Partner",
            "2024-06-06",
        ),
        ("GENEVA, May 14 (Newswire) - text", "GENEVA", "Newswire", None),
        ("BRUSSELS, May 14, 2024 (Newswire) -- text", "BRUSSELS", "Newswire", "2024-05-14"),
        ("WASHINGTON (Newswire) — text", "WASHINGTON", "Newswire", None),
        ("WASHINGTON (Newswire) – text", "WASHINGTON", "Newswire", None),
        ("NEW YORK/LONDON, Jan 3 (Pacific Wire) - text", "NEW YORK/LONDON", "Pacific Wire", None),
        ("HONG KONG (Newswire) - text", "HONG KONG", "Newswire", None),
        ("BEIJING, March 2 (Xinhua) -- text", "BEIJING", "Xinhua", None),
        ("BERLIN, 2 March 2024 (dpa) - text", "BERLIN", "dpa", "2024-03-02"),
        ("SÃO PAULO, Mar. 2, 2024 (Newswire) - text", "SÃO PAULO", "Newswire", "2024-03-02"),
        ("ST. PETERSBURG (Newswire) - text", "ST. PETERSBURG", "Newswire", None),
        ("PORT-AU-PRINCE (Newswire) - text", "PORT-AU-PRINCE", "Newswire", None),
        ("Geneva, May 14, 2024 (Newswire) - text", "Geneva", "Newswire", "2024-05-14"),
        ("PARIS, May 14, 2024 — text", "PARIS", None, "2024-05-14"),
        ("WASHINGTON — President said", "WASHINGTON", None, None),
        ("(Newswire) - The ministry said", None, "Newswire", None),
        ("[February 30, 2024] CANBERRA (Newswire) - text", "CANBERRA", "Newswire", None),
    ],
)
def test_dateline(
    dateline: str, place: str | None, source: str | None, published: str | None
) -> None:
    meta = extract_metadata(_article(dateline))
    assert (meta.place, meta.source, meta.published) == (place, source, published)
    assert meta.title == "Ministry warns against bloc politics"


def test_dateline_with_crlf_and_leading_spaces() -> None:
    text = "Title\r\n\r\n   HONG KONG (Newswire) - text\r\n"
    assert extract_metadata(text) == ArticleMeta("Title", "Newswire", "HONG KONG", None)


@pytest.mark.parametrize(
    "line",
    [
        "The minister (Newswire) - said nothing",  # prose, not an upper-case place
        "NATO (the alliance) said on Tuesday",  # no dash and no date
        "ANALYSIS - what the summit means",  # a kicker, not a place
        "EXCLUSIVE (Newswire) - something",
        "NOTE: this is not a dateline",
        "US — talks resume",  # too short to be sure without a source
        "EU LEADERS MEET AGAIN — SUMMIT OPENS",  # a subheading
        "(Reporting by Jane Doe; Editing by John Roe)",
        "GENEVA (May 14) text",  # no dash, and "May 14" is not a full date
        "He said (Newswire) - quoting",
    ],
)
def test_lines_that_are_not_datelines(line: str) -> None:
    meta = extract_metadata(_article(line))
    assert (meta.place, meta.source) == (None, None)


def test_dateline_found_after_byline_and_clutter() -> None:
    text = (
        "Title\n\nShare this article\nAdvertisement\nBy Jane Doe\nPhoto: a harbour\n"
        "Listen to this article\n* * *\nTwitter\nEmail\n\n"
        "OSLO (Agency - 06th June, 2024) Text\n"
    )
    assert extract_metadata(text) == ArticleMeta("Title", "Agency", "OSLO", "2024-06-06")


def test_clutter_lines_do_not_count_towards_the_search_window() -> None:
    clutter = "\n".join(["Advertisement", "Share this article"] * 20)
    meta = extract_metadata(f"Title\n{clutter}\nOSLO (Newswire) - text")
    assert meta.place == "OSLO"


def test_dateline_beyond_fifteen_lines_is_ignored() -> None:
    body = "\n".join(f"Body line {i}." for i in range(15))
    meta = extract_metadata(f"Title\n{body}\nOSLO (Newswire) - text")
    assert meta == ArticleMeta("Title", None, None, None)


def test_dateline_within_fifteen_lines_is_found() -> None:
    body = "\n".join(f"Body line {i}." for i in range(14))
    assert extract_metadata(f"Title\n{body}\nOSLO (Newswire) - text").place == "OSLO"


def test_dateline_beyond_the_head_is_ignored() -> None:
    meta = extract_metadata("Title\n" + "x" * 5000 + "\nOSLO (Newswire) - text")
    assert meta.place is None


def test_first_dateline_wins() -> None:
    text = "Title\nOSLO (Newswire) - a\nBERGEN (Other Wire) - b\n"
    assert extract_metadata(text).place == "OSLO"


def test_the_title_line_is_not_a_dateline() -> None:
    meta = extract_metadata("WASHINGTON (Newswire) - One line with everything in it")
    assert meta.title == "WASHINGTON (Newswire) - One line with everything in it"
    assert (meta.place, meta.source) == (None, None)


# --- dates standing alone -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published: 2024-05-14", "2024-05-14"),
        ("May 14, 2024", "2024-05-14"),
        ("Updated on 14 May 2024", "2024-05-14"),
        ("Tuesday, 14 May 2024 10.30 BST", "2024-05-14"),
        ("2024-05-14T10:30:00Z", "2024-05-14"),
        ("[March 02, 2024]", "2024-03-02"),
        ("Posted: Mar. 2, 2024 at 10:30 a.m.", "2024-03-02"),
        ("February 30, 2024", None),
        ("May 14", None),
        ("The vote is on May 14, 2024 in Brussels", None),
    ],
)
def test_date_alone_on_a_line(line: str, published: str | None) -> None:
    meta = extract_metadata(f"Title\n\n{line}\n\nBody text without a dateline.\n")
    assert meta == ArticleMeta("Title", None, None, published)


def test_date_line_fills_a_yearless_dateline() -> None:
    text = "Title\nPublished: 2024-05-14\n\nGENEVA, May 14 (Newswire) - text\n"
    assert extract_metadata(text) == ArticleMeta("Title", "Newswire", "GENEVA", "2024-05-14")


def test_date_line_after_a_yearless_dateline() -> None:
    text = "Title\nGENEVA, May 14 (Newswire) - text\nMay 14, 2024\n"
    assert extract_metadata(text).published == "2024-05-14"


def test_dateline_date_beats_a_later_date_line() -> None:
    text = "Title\nBRUSSELS, May 14, 2024 (Newswire) - text\nUpdated: 2024-06-01\n"
    assert extract_metadata(text).published == "2024-05-14"


# --- parse_date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 02, 2024", "2024-03-02"),
        ("2 March 2024", "2024-03-02"),
        ("06th June, 2024", "2024-06-06"),
        ("Mar. 2, 2024", "2024-03-02"),
        ("2024-03-02", "2024-03-02"),
        ("Sept 3, 2023", "2023-09-03"),
        ("sep 3 2023", "2023-09-03"),
        ("1st of May 2024", "2024-05-01"),
        ("DEC 31, 1999", "1999-12-31"),
        ("Tuesday, March 5, 2024", "2024-03-05"),
        ("February 29, 2024", "2024-02-29"),
        ("February 29, 2023", None),
        ("Feb 30, 2024", None),
        ("2024-13-01", None),
        ("2024-02-00", None),
        ("May 14", None),
        ("14 May", None),
        ("Mayday 14, 2024", None),
        ("", None),
        ("not a date", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


# --- titles and texts without structure ------------------------------------------------


def test_one_line_text() -> None:
    assert extract_metadata("Just one line") == ArticleMeta("Just one line", None, None, None)


def test_title_is_stripped_first_non_empty_line() -> None:
    assert extract_metadata("\n\n   Spaced title \t\nBody").title == "Spaced title"


def test_title_is_capped_at_300_characters() -> None:
    title = extract_metadata("word " * 200).title
    assert title is not None
    assert len(title) <= 300
    assert ("word " * 200).startswith(title)


def test_title_skips_leading_clutter() -> None:
    assert extract_metadata("Advertisement\n\nReal title\nBody").title == "Real title"


def test_title_may_start_with_words_used_in_captions() -> None:
    assert extract_metadata("Watch: the summit in three minutes\nBody").title == (
        "Watch: the summit in three minutes"
    )


def test_markdown_heading_marker_is_dropped() -> None:
    assert extract_metadata("# Ministry warns\n\nBody").title == "Ministry warns"


def test_text_with_no_dateline() -> None:
    text = "Ministry warns\n\nThe ministry said on Tuesday that it was worried.\n"
    assert extract_metadata(text) == ArticleMeta("Ministry warns", None, None, None)


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "\r\n\r\n"])
def test_empty_text(text: str) -> None:
    assert extract_metadata(text) == ArticleMeta(None, None, None, None)


def test_title_keeps_astral_characters() -> None:
    assert extract_metadata("Summit 😀 opens\nbody").title == "Summit 😀 opens"


# --- robustness and speed -----------------------------------------------------------------

_HEAD_PIECES = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\r",
        " ",
        "[",
        "]",
        "(",
        ")",
        " - ",
        " — ",
        ", ",
        "/",
        "OSLO",
        "NEW YORK",
        "Newswire",
        "May",
        "March 02",
        " 2024",
        "06th June",
        "Feb 30, 2024",
        "2024-02-30",
        "Published:",
        "Share this article",
        "😀",
        "\ufeff",
    ]
)


@given(st.text())
def test_extract_metadata_never_raises_on_arbitrary_text(text: str) -> None:
    meta = extract_metadata(text)
    assert meta.title is None or 0 < len(meta.title) <= 300
    assert meta.published is None or parse_date(meta.published) == meta.published


@given(st.lists(st.one_of(_HEAD_PIECES, st.text(max_size=5)), max_size=40).map("".join))
@settings(max_examples=300)
def test_extract_metadata_never_raises_on_dateline_like_text(text: str) -> None:
    meta = extract_metadata(text)
    assert meta.published is None or parse_date(meta.published) == meta.published


def test_long_bodies_do_not_change_what_the_head_gives() -> None:
    # The inputs bench/worst_case.py times; here only what they give is checked.
    body = ('The spokesperson said "no" (again) - and then — more. ' * 50 + "\n\n") * 40
    meta = extract_metadata(DESIGN_EXAMPLE + body)
    assert meta == extract_metadata(DESIGN_EXAMPLE)
    assert (meta.source, meta.place, meta.published) == ("Newswire", "CANBERRA", "2024-03-02")
    assert extract_metadata("Title\n\n" + body).title == "Title"
    brackets = extract_metadata(("ABC (DEF) " * 400) + body)
    assert brackets.title is not None and brackets.title.startswith("ABC (DEF)")
    assert len(brackets.title) <= 300 and brackets.published is None

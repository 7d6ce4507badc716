"""Title, source, place and date pulled from the head of a plain-text news article.

Articles arrive as analysts paste or scrape them: a title line, maybe some clutter
("Share this article"), then a wire-style dateline such as
``[March 02, 2024]  CANBERRA (Newswire) - ...`` or ``OSLO (Agency - 06th June, 2024) ...``.
Extraction is a best effort: a field is filled only when its pattern is clear,
otherwise it is None. It never raises and never touches the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Titles and datelines sit at the top; looking further only costs time when the
# importer runs this over thousands of articles.
HEAD_CHARS = 3000
MAX_TITLE_CHARS = 300
DATELINE_SEARCH_LINES = 15


@dataclass(frozen=True)
class ArticleMeta:
    """What could be read from an article's head; None where the pattern was unclear."""

    title: str | None = None
    source: str | None = None
    place: str | None = None
    published: str | None = None  # ISO "YYYY-MM-DD"


# --- dates -------------------------------------------------------------------

_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH = (
    r"(?i:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?)"
)
_ORDINAL = r"(?i:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9]{2}"
_BEFORE_YEAR = r"(?:\s*,\s*|\s+)"
_WEEKDAY = r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?\s+)"
# Group-free forms, so they can be embedded several times in one pattern.
_DATE_FULL = (
    rf"(?:{_MONTH}\s*[0-3]?[0-9]{_ORDINAL}{_BEFORE_YEAR}{_YEAR}"
    rf"|[0-3]?[0-9]{_ORDINAL}\s+(?i:of\s+)?{_MONTH}{_BEFORE_YEAR}{_YEAR}"
    rf"|{_YEAR}-[01]?[0-9]-[0-3]?[0-9])(?![0-9])"
)
_DATE_ANY = (
    rf"(?:{_DATE_FULL}|{_MONTH}\s*[0-3]?[0-9]{_ORDINAL}|[0-3]?[0-9]{_ORDINAL}\s+{_MONTH})"
    r"(?![0-9])"
)
_DATE_PARTS = re.compile(
    rf"(?:{_WEEKDAY})?"
    rf"(?:(?P<mdy_month>{_MONTH})\s*(?P<mdy_day>[0-9]{{1,2}}){_ORDINAL}"
    rf"(?:{_BEFORE_YEAR}(?P<mdy_year>{_YEAR}))?"
    rf"|(?P<dmy_day>[0-9]{{1,2}}){_ORDINAL}\s+(?i:of\s+)?(?P<dmy_month>{_MONTH})"
    rf"(?:{_BEFORE_YEAR}(?P<dmy_year>{_YEAR}))?"
    rf"|(?P<iso_year>{_YEAR})-(?P<iso_month>[0-9]{{1,2}})-(?P<iso_day>[0-9]{{1,2}}))"
)


# A time after the date, as spreadsheets and feeds write it: "5 March 2024 10:00",
# "2024-03-05T10:00:00Z", "March 5, 2024, 3:30 pm GMT".
_TRAILING_TIME = re.compile(
    r"(?:\s*,?\s*(?:at\s+)?|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"(?:\s*(?i:am|pm))?(?:\s*(?:Z|[+-][0-9]{2}:?[0-9]{2}|[A-Z]{2,4}))?$"
)


def parse_date(text: str) -> str | None:
    """ISO "YYYY-MM-DD" for a date like "March 02, 2024", "06th June, 2024",
    "Mar. 2, 2024" or "2024-03-02", with or without a time after it ("10:00",
    "T10:00:00Z"); None without a year, for impossible dates (Feb 30), for
    day/month orders that cannot be told apart ("03/05/2024") and for anything else.
    """
    text = _TRAILING_TIME.sub("", text.strip())
    match = _DATE_PARTS.fullmatch(text)
    if match is None:
        return None
    parts = match.groupdict()
    if parts["iso_year"]:
        year, month, day = parts["iso_year"], parts["iso_month"], parts["iso_day"]
    elif parts["mdy_month"]:
        year, day = parts["mdy_year"], parts["mdy_day"]
        month = str(_MONTH_NUMBERS[parts["mdy_month"][:3].lower()])
    else:
        year, day = parts["dmy_year"], parts["dmy_day"]
        month = str(_MONTH_NUMBERS[parts["dmy_month"][:3].lower()])
    if year is None:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# --- datelines -----------------------------------------------------------------

# A place word: letters with inner apostrophes, dots or hyphens ("PORT-AU-PRINCE",
# "ST. PETERSBURG"); whether it is upper case is checked afterwards, because
# Python's re has no class for upper-case letters beyond ASCII ("SÃO PAULO").
_PLACE_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_]))*\.?"
_PLACE = rf"{_PLACE_WORD}(?:(?: ?/ ?| ){_PLACE_WORD}){{0,5}}"
_DASH = r"(?:-{1,3}(?=\s|$)|[‐‑‒–—―]|:(?=\s|$))"
_DATELINE = re.compile(
    rf"\s*(?:\[\s*(?P<bracket_date>{_DATE_ANY})\s*\]\s*)?"
    rf"(?:(?P<place>{_PLACE})(?:\s*,\s*(?P<place_date>{_DATE_ANY}))?\s*)?"
    rf"(?:\(\s*(?P<source>[^()]{{1,80}}?)"
    rf"(?:(?:\s*{_DASH}\s*|\s*,\s*)(?P<source_date>{_DATE_ANY}))?\s*\)\s*)?"
    rf"(?P<dash>{_DASH})?"
)
_SOURCE_FORBIDDEN = re.compile(r"[;:\"“”«»]")
# Capitalised words that open a line like a place but are kickers or weekdays.
_NOT_PLACES = frozenset(
    # A word list reads better as one string than as 41 quoted items.
    """
    ADVISORY ALERT ANALYSIS BREAKING BRIEF BRIEFING COLUMN COMMENT CORRECTED CORRECTION
    EDITORIAL EXCLUSIVE EXPLAINER FACTBOX FEATURE FLASH INTERVIEW LIVE NEWS NOTE OPINION
    PHOTO PHOTOS PREVIEW REFILE REVIEW UPDATE UPDATED URGENT VIDEO WATCH WRAPUP
    MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY TODAY YESTERDAY
    """.split()  # noqa: SIM905
)
_DATE_LINE = re.compile(
    r"\[?\s*(?i:(?:(?:first|last)\s+)?(?:published|updated|posted|dated?)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_WEEKDAY})?(?P<date>{_DATE_FULL})\s*\]?"
    # a time may follow: "May 14, 2024 10:30 GMT", "2024-05-14T10:30:00Z"
    r"(?:\s*(?:[,|@-]|at)?\s*T?[0-9]{1,2}[:.][0-9]{2}.{0,40})?\s*"
)

# --- clutter -------------------------------------------------------------------

# Whole lines that are never a title: share buttons, adverts, rules, "* * *".
_CLUTTER_LINE = re.compile(
    r"(?i:"
    r"share(?:\s+(?:this|the)\s+(?:article|story|page|post))?(?:\s+on\s+\w+)?"
    r"|advertisement|advert|ad|ads|sponsored(?:\s+content)?|promoted|supported\s+by"
    r"|tweet|e-?mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|copy\s+link"
    r"|comments?|save|bookmark|subscribe|sign\s+in|log\s+in|menu|home|close"
    r")"
    r"|\W*"
)
# Short lines that sit between title and dateline (bylines, captions, "Read more");
# skipped only there, since "Watch: ..." or "By the numbers" can be a real title.
_CLUTTER_PREFIX = re.compile(
    r"(?i:listen\s+to|read\s+more|continue\s+reading|related|see\s+also|more\s+on|watch"
    r"|skip\s+to|sign\s+up|follow\s+us|click\s+here|by|photo|image|picture|caption"
    r"|credit|file\s+photo|video)\b.{0,80}"
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")


def extract_metadata(text: str) -> ArticleMeta:
    """Read title, source, place and publication date from the head of an article.

    The title is the first non-empty line that is not clutter (a Markdown "#" is
    dropped), capped at 300 characters. The dateline is looked for in the next 15
    non-empty, non-clutter lines; a date standing alone on a line ("Published:
    2024-05-14", "May 14, 2024") fills `published` when the dateline has no full
    date. Fields whose pattern is unclear are None. Never raises.
    """
    lines = _meaningful_lines(text[:HEAD_CHARS])
    if not lines:
        return ArticleMeta()
    title_at = next((i for i, line in enumerate(lines) if not _is_clutter_line(line)), 0)
    title = _MARKDOWN_HEADING.sub("", lines[title_at], count=1)[:MAX_TITLE_CHARS].rstrip()
    place = source = published = None
    dateline_found = False
    candidates = [line for line in lines[title_at + 1 :] if not _is_clutter_near_dateline(line)]
    for line in candidates[:DATELINE_SEARCH_LINES]:
        if not dateline_found:
            dateline = _read_dateline(line)
            if dateline is not None:
                dateline_found = True
                place, source, dateline_date = dateline
                published = published or dateline_date
        if published is None:
            published = _read_date_line(line)
        if dateline_found and published is not None:
            break
    return ArticleMeta(title=title or None, source=source, place=place, published=published)


def _meaningful_lines(head: str) -> list[str]:
    """The stripped non-empty lines of `head`, whatever its line endings."""
    lines = head.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [stripped for line in lines if (stripped := line.strip())]


def _is_clutter_line(line: str) -> bool:
    """True for share buttons, adverts and rules scraped along with an article."""
    return _CLUTTER_LINE.fullmatch(line) is not None


def _is_clutter_near_dateline(line: str) -> bool:
    """True for clutter lines and for bylines, captions and links above a dateline."""
    return _is_clutter_line(line) or _CLUTTER_PREFIX.fullmatch(line) is not None


def _read_dateline(line: str) -> tuple[str | None, str | None, str | None] | None:
    """(place, source, published) when `line` opens with a clear dateline, else None."""
    match = _DATELINE.match(line)
    if match is None:
        return None
    place, source, dash = match["place"], match["source"], match["dash"]
    dates = [match["bracket_date"], match["place_date"], match["source_date"]]
    has_date = any(dates)
    if source is not None:
        source = source.strip()
        if not _plausible_source(source):
            return None
        if dash is None and not has_date:
            # "NATO (the alliance) said" is prose, not a dateline.
            return None
    else:
        if place is None or dash is None:
            return None
        if not has_date and (
            dash == ":" or sum(c.isalpha() for c in place) < 3 or len(place.split()) > 3
        ):
            # Without a source or date only a short "WASHINGTON — ..." is clear
            # enough; "EU LEADERS MEET — SUMMIT OPENS" is a subheading.
            return None
    if place is not None and not _plausible_place(place, has_date=has_date):
        return None
    if place is None and source is None:
        return None
    published = next((iso for d in dates if d and (iso := parse_date(d))), None)
    return place, source, published


def _plausible_place(place: str, *, has_date: bool) -> bool:
    """Upper case ("HONG KONG"), or title case ("Geneva") when a date backs it up."""
    words = re.split(r"[ /]+", place)
    if any(word.upper().rstrip(".") in _NOT_PLACES for word in words):
        return False
    if place.isupper():
        return True
    return has_date and all(word[:1].isupper() for word in words)


def _plausible_source(source: str) -> bool:
    """A short agency name, not a parenthetical remark or a credit line."""
    return (
        any(c.isalpha() for c in source)
        and len(source.split()) <= 6
        and _SOURCE_FORBIDDEN.search(source) is None
    )


def _read_date_line(line: str) -> str | None:
    """ISO date when `line` is just a full date, possibly labelled ("Published: ...")."""
    match = _DATE_LINE.fullmatch(line)
    return parse_date(match["date"]) if match else None

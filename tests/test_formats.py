"""Importing the files analysts actually have: news database exports, saved web pages,
Word, OpenDocument and PDF files, zips and folders of them (all invented for the tests)."""

from __future__ import annotations

import contextlib
import email.mime.multipart
import email.mime.text
import io
import socket
import threading
import zipfile
from pathlib import Path

import pytest
from fixtures.news_exports import (
    CAFE,
    FERRY,
    HARBOUR,
    factiva_html,
    lexisnexis_txt,
    nexis_uni_docx,
    pdf_bytes,
    scanned_pdf,
    two_column_pdf,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reliability_fuzz import check_import

from annotator.core.importing import import_paths
from annotator.core.store import Store


def imported(store: Store, *paths: Path):
    report = import_paths(store, paths)
    return report, [store.article(a) for a in report.article_ids]


def snapshot(store: Store) -> list[tuple]:
    return [(r["id"], r["title"]) for r in store.article_rows(limit=10_000)]


# --- LexisNexis text exports ---------------------------------------------------------------


def test_lexisnexis_export_gives_one_article_per_document(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ledger.TXT"
    # The separators claim 5 documents; the file holds 3.
    path.write_text(lexisnexis_txt([HARBOUR, FERRY, CAFE], total=5), encoding="utf-8")
    report, articles = imported(store, path)
    assert report.errors == []
    assert (report.added, report.failed) == (3, 0)
    assert report.per_file == {str(path): 3}
    assert report.file_lines() == [f"{path}: 3 articles"]
    harbour, ferry, cafe = articles
    assert harbour["title"] == HARBOUR.headline
    assert harbour["source"] == "The Wexmoor Ledger"
    assert harbour["published"] == "2010-01-11"
    assert harbour["text"] == HARBOUR.body  # the body alone: no header or trailer lines
    meta = harbour["meta"]
    assert meta["author"] == "Jane Roe"
    assert meta["section"] == "NEWS; Pg. 4"
    assert meta["length"] == "120 words"
    assert meta["load_date"] == "January 12, 2010"
    assert meta["language"] == "ENGLISH"
    assert meta["publication_type"] == "Newspaper"
    assert meta["edition"] == "Final Edition"
    assert "Ledger Media" in meta["copyright"]
    assert [ferry["text"], cafe["text"]] == [FERRY.body, CAFE.body]


def test_lexisnexis_document_without_byline_and_date_line_with_time(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(lexisnexis_txt([FERRY]), encoding="utf-8")
    _, [ferry] = imported(store, path)
    assert ferry["published"] == "2010-02-17"
    assert ferry["meta"]["date_line"] == "February 17, 2010 Wednesday 9:07 AM GMT"
    assert "author" not in ferry["meta"]
    assert ferry["text"] == FERRY.body


def test_lexisnexis_non_ascii_text_is_kept_exactly(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "adriatic.txt"
    # Windows line endings, as exports saved on Windows have them.
    path.write_bytes(lexisnexis_txt([CAFE], crlf=True).encode("utf-8"))
    _, [cafe] = imported(store, path)
    assert cafe["text"] == CAFE.body
    assert cafe["title"] == CAFE.headline
    assert cafe["meta"]["author"] == "Zoë Ñúñez and Ivo Ćosić"
    # Offsets are code points of the stored text, emoji included.
    start = cafe["text"].index("😟")
    span = store.add_span(cafe["id"], start, start + 1, "claim")
    assert span["text"] == "😟"


def test_lexisnexis_document_without_body_is_one_line_the_rest_go_in(
    store: Store, tmp_path: Path
) -> None:
    text = lexisnexis_txt([HARBOUR, FERRY])
    # Cut the second document's body away.
    for para in FERRY.paragraphs:
        text = text.replace(para + "\n", "")
    path = tmp_path / "cut.txt"
    path.write_text(text, encoding="utf-8")
    report, articles = imported(store, path)
    assert [a["title"] for a in articles] == [HARBOUR.headline]
    second = text.split("\n").index(f"{'':30}2 of 2 DOCUMENTS") + 1
    assert report.errors == [f"{path}:{second}: document without body text"]


def test_lexisnexis_export_with_a_bad_byte_at_the_end_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(lexisnexis_txt([HARBOUR, FERRY]).encode("utf-8") + b"caf\xe9\n")
    report, articles = imported(store, path)
    assert articles == [] and report.failed == 1
    [error] = report.errors
    assert error.startswith(f"{path}:") and "not valid UTF-8" in error


def test_lexisnexis_export_in_utf16_and_inside_a_zip_read_the_same(
    store: Store, tmp_path: Path
) -> None:
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(lexisnexis_txt([HARBOUR, CAFE], crlf=True).encode("utf-16"))
    _, from_file = imported(store, utf16)
    other = Store(memory=True)
    zipped = tmp_path / "export.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("utf16.txt", utf16.read_bytes())
    _, from_zip = imported(other, zipped)
    fields = ("text", "title", "source", "published", "meta")
    assert [[a[f] for f in fields] for a in from_file] == [[a[f] for f in fields] for a in from_zip]
    assert [a["text"] for a in from_file] == [HARBOUR.body, CAFE.body]


def test_lexisnexis_variant_with_headline_and_body_fields(store: Store, tmp_path: Path) -> None:
    # Some exports label the headline and the body instead of placing them.
    path = tmp_path / "variant.txt"
    path.write_text(
        "                    1 of 1 DOCUMENT\n\n"
        "                    Harbour Weekly\n\n"
        "                    Monday, 11 January 2010\n\n"
        "HEADLINE: Dredging to start in March\n\n"
        "BYLINE: Ola Nordmann\n\n"
        "BODY:\n\n"
        "WEXMOOR: Dredging of the harbour will start in March, the council said.\n\n"
        "The work will take six weeks.\n\n"
        "LOAD-DATE: January 12, 2010\n",
        encoding="utf-8",
    )
    report, [art] = imported(store, path)
    assert report.errors == []
    assert art["title"] == "Dredging to start in March"
    assert art["source"] == "Harbour Weekly"
    assert art["published"] == "2010-01-11"
    assert art["meta"]["author"] == "Ola Nordmann"
    assert art["text"] == (
        "WEXMOOR: Dredging of the harbour will start in March, the council said.\n\n"
        "The work will take six weeks."
    )


def test_lexisnexis_again_is_all_duplicates(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ledger.txt"
    path.write_text(lexisnexis_txt([HARBOUR, FERRY]), encoding="utf-8")
    imported(store, path)
    report, _ = imported(store, path)
    assert (report.added, report.duplicates) == (0, 2)


def test_plain_text_mentioning_documents_stays_one_article(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    text = "Filing notes\n\nWe read 1 of 3 documents today.\n\n1 of 3 documents\n\nIt was long.\n"
    path.write_text(text, encoding="utf-8")
    _, [note] = imported(store, path)
    assert note["text"] == text


# --- Nexis Uni Word exports ----------------------------------------------------------------


def test_nexis_uni_docx_skips_the_cover_and_reads_each_document(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "Files (3).DOCX"
    ferry = FERRY.__class__(**{**FERRY.__dict__, "date_line": "July 1, 2019 Monday 9:20 AM GMT"})
    path.write_bytes(nexis_uni_docx([HARBOUR, ferry, CAFE]))
    report, articles = imported(store, path)
    assert report.errors == []
    assert [a["title"] for a in articles] == [HARBOUR.headline, FERRY.headline, CAFE.headline]
    harbour, ferry_article, cafe = articles
    assert harbour["text"] == HARBOUR.body
    assert harbour["source"] == HARBOUR.source
    assert harbour["published"] == "2010-01-11"
    assert harbour["meta"]["author"] == "Jane Roe"
    assert harbour["meta"]["copyright"] == HARBOUR.copyright
    assert harbour["meta"]["language"] == "ENGLISH"
    assert harbour["meta"]["load_date"] == "July 2, 2019"
    assert ferry_article["published"] == "2019-07-01"
    assert "author" not in ferry_article["meta"]
    assert cafe["text"] == CAFE.body


def test_nexis_uni_document_without_body_is_one_line_naming_it(
    store: Store, tmp_path: Path
) -> None:
    import docx

    path = tmp_path / "export.docx"
    path.write_bytes(nexis_uni_docx([HARBOUR, FERRY]))
    document = docx.Document(str(path))
    # The second document loses its "Body" line.
    [*_, second_body] = [p for p in document.paragraphs if p.text == "Body"]
    second_body.text = "Bodyless"
    document.save(str(path))
    report, articles = imported(store, path)
    assert [a["title"] for a in articles] == [HARBOUR.headline]
    assert report.errors == [f'{path}: document 2: no "Body" line before "End of Document"']


# --- Factiva HTML exports ------------------------------------------------------------------


def test_factiva_html_export(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "Factiva.html"
    path.write_text(
        factiva_html(
            [HARBOUR, FERRY, CAFE], ["11 January 2010", "17 February 2010", "3 March 2010"]
        ),
        encoding="utf-8",
    )
    report, articles = imported(store, path)
    assert report.errors == []
    assert report.per_file == {str(path): 3}
    harbour, ferry, cafe = articles
    assert harbour["title"] == HARBOUR.headline
    assert harbour["text"] == HARBOUR.body  # LP then TD, one paragraph each
    assert harbour["source"] == HARBOUR.source
    assert harbour["published"] == "2010-01-11"
    assert harbour["meta"]["author"] == "Jane Roe"
    assert harbour["meta"]["words"] == "120 words"
    assert harbour["meta"]["language"] == "English"
    assert harbour["meta"]["accession_number"].startswith("Document WXLDG")
    assert "author" not in ferry["meta"]
    assert cafe["text"] == CAFE.body


# --- saved web pages -----------------------------------------------------------------------

ARTICLE_PARAGRAPHS = [
    "The town council of Wexmoor approved the new harbour plan shortly after midnight on "
    "Thursday, ending a debate that had lasted more than nine hours.",
    "“We have waited twenty years for this,” said the mayor, Jonas Brekke, who called the "
    "vote a turning point for the fishing fleet.",
    "Opponents said the dredging would harm the eelgrass meadows in the bay and would appeal.",
]


def web_page(*, jsonld: bool = True, port: int | None = None) -> str:
    """A news page whose menus, banners, related links and footer outweigh the article."""
    related = "".join(
        f'<li><a href="/story/{i}">Ferry timetable changes for the {i}th week of spring</a></li>'
        for i in range(40)
    )
    remote = f"http://127.0.0.1:{port}" if port else "https://cdn.example"
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Harbour plan approved after long night", '
        '"datePublished": "2023-05-04T08:30:00+02:00", '
        '"author": {"@type": "Person", "name": "Åsa Lindqvist"}, '
        '"publisher": {"@type": "Organization", "name": "The Coastal Courier"}}</script>'
        if jsonld
        else '<meta property="article:published_time" content="2023-05-04">'
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour plan approved | The Coastal Courier</title>
<meta property="og:title" content="Harbour plan approved after long night">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="og:url" content="https://courier.example/news/harbour-plan">
<link rel="stylesheet" href="{remote}/style.css">{ld}</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
By continuing to browse you accept our cookie policy and our partners' use of your data.</p>
<button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article><h1>Harbour plan approved after long night</h1>
<img src="{remote}/photo.jpg" alt="The harbour">
{"".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)}
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<div class="newsletter"><h3>Sign up for our newsletter</h3><p>Get the best of the Courier in
your inbox every morning. Subscribe now and never miss a story from the coast.</p></div></main>
<footer><p>© 2023 The Coastal Courier. All rights reserved. Contact us. Privacy policy.
Terms of use. Advertise with us.</p></footer>
<script src="{remote}/ads.js"></script></body></html>"""


def test_web_page_main_text_without_boilerplate_and_its_metadata(
    store: Store, tmp_path: Path
) -> None:
    page = web_page()
    assert len("".join(ARTICLE_PARAGRAPHS)) * 2 < len(page)  # boilerplate outweighs the story
    path = tmp_path / "harbour.html"
    path.write_text(page, encoding="utf-8")
    report, [art] = imported(store, path)
    assert report.errors == []
    for para in ARTICLE_PARAGRAPHS:
        assert para in art["text"]
    for boilerplate in ("cookie", "Related stories", "timetable", "newsletter", "Privacy", "Sport"):
        assert boilerplate not in art["text"]
    assert art["title"] == "Harbour plan approved after long night"
    assert art["published"] == "2023-05-04"
    assert art["source"] == "The Coastal Courier"
    assert art["url"] == "https://courier.example/news/harbour-plan"
    assert "Åsa Lindqvist" in art["meta"]["author"]
    assert "\n\n" in art["text"]  # paragraphs kept


def test_one_paragraph_story_among_many_links(store: Store, tmp_path: Path) -> None:
    links = "".join(
        f'<li><a href="/x{i}">Most read: story number {i} about the region and its ferries</a></li>'
        for i in range(60)
    )
    story = "The port of Wexmoor will close for two days next week for dredging."
    path = tmp_path / "port.html"
    path.write_text(
        f'<html><head><title>Port closes</title><meta property="og:title" content="Port closes">'
        f'<meta property="article:published_time" content="2024-03-01T10:00:00Z"></head>'
        f"<body><nav><ul>{links}</ul></nav><article><h1>Port closes for dredging</h1>"
        f"<p>{story}</p></article><div class='ad'>Advertisement: Buy the best boats at "
        f"Boatland, open every day until eight.</div></body></html>",
        encoding="utf-8",
    )
    _, [art] = imported(store, path)
    assert story in art["text"]
    assert "Most read" not in art["text"] and "Boatland" not in art["text"]
    assert (art["title"], art["published"]) == ("Port closes", "2024-03-01")


def test_web_page_with_open_graph_only(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "og.htm"
    path.write_text(web_page(jsonld=False), encoding="utf-8")
    _, [art] = imported(store, path)
    assert art["title"] == "Harbour plan approved after long night"
    assert art["published"] == "2023-05-04"
    assert ARTICLE_PARAGRAPHS[1] in art["text"]


def test_page_saved_in_a_legacy_encoding(store: Store, tmp_path: Path) -> None:
    story = "The café owners of Zürich said the “tax” was naïve and would cost them dearly."
    path = tmp_path / "cp1252.html"
    path.write_bytes(
        (
            '<html><head><meta charset="windows-1252"><title>Café</title></head><body>'
            f"<article><h1>Café owners protest</h1><p>{story}</p>"
            "<p>A second paragraph, so that the page reads as an article.</p></article>"
            "</body></html>"
        ).encode("cp1252")
    )
    _, [art] = imported(store, path)
    assert story in art["text"]
    assert art["title"] == "Café owners protest"


def test_mhtml_page(store: Store, tmp_path: Path) -> None:
    message = email.mime.multipart.MIMEMultipart("related")
    message.attach(email.mime.text.MIMEText(web_page(), "html", "utf-8"))
    path = tmp_path / "saved.mhtml"
    path.write_bytes(message.as_bytes())
    _, [art] = imported(store, path)
    assert ARTICLE_PARAGRAPHS[0] in art["text"]
    assert art["title"] == "Harbour plan approved after long night"


def test_a_page_is_read_without_touching_the_network(store: Store, tmp_path: Path) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.05)
    connections: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(OSError):
                connections.append(server.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        path = tmp_path / "local.html"
        path.write_text(web_page(port=server.getsockname()[1]), encoding="utf-8")
        report, _ = imported(store, path)
        assert report.added == 1
    finally:
        stop.set()
        thread.join()
        server.close()
    assert connections == []


def test_page_without_article_text_is_one_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Sign in</title></head><body><form><input name='user'></form>"
        "<img src='logo.png'></body></html>",
        encoding="utf-8",
    )
    report, articles = imported(store, path)
    assert articles == []
    assert report.errors == [f"{path}: no article text found in this page"]


# --- Word and OpenDocument -----------------------------------------------------------------


def test_docx_headings_and_paragraphs(store: Store, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Property title"
    document.add_heading("Ferry strike ends after three days", level=1)
    document.add_paragraph("Crews returned on Wednesday.")
    document.add_heading("What comes next", level=2)
    document.add_paragraph("Talks resume next week in Åndalsnes.")
    path = tmp_path / "from-a-colleague.docx"
    document.save(path)
    _, [art] = imported(store, path)
    assert art["title"] == "Ferry strike ends after three days"
    assert art["text"] == (
        "Ferry strike ends after three days\n\nCrews returned on Wednesday.\n\n"
        "What comes next\n\nTalks resume next week in Åndalsnes."
    )


def test_docx_without_heading_takes_the_title_property(store: Store, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Harbour notes"
    document.add_paragraph("Just one paragraph of notes, with no heading at all.")
    path = tmp_path / "notes.docx"
    document.save(path)
    _, [art] = imported(store, path)
    assert art["title"] == "Harbour notes"


def test_odt_headings_and_paragraphs(store: Store, tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P, Span

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Ferry strike ends"))
    para = P(text="Crews returned on Monday. ")
    para.addElement(Span(text="Naïve café talks go on."))
    document.text.addElement(para)
    path = tmp_path / "strike.odt"
    document.save(str(path))
    _, [art] = imported(store, path)
    assert art["title"] == "Ferry strike ends"
    assert art["text"] == "Ferry strike ends\n\nCrews returned on Monday. Naïve café talks go on."


# --- PDF -----------------------------------------------------------------------------------

PDF_PAGES = [
    [
        [
            "The harbour authority said on Monday that the new",
            "breakwater would be finished before the autumn gov-",
            "ernment review of coastal spending.",
        ],
        ["Fishermen welcomed the news but asked for a", "clear timetable."],
    ],
    [["Work on the northern pier will start in May, the", "authority said, while the southern"]],
    [["pier waits for funding from the regional council."], ["Nobody objected at the hearing."]],
]


def test_pdf_reading_order_hyphens_headers_and_page_numbers(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "review.pdf"
    path.write_bytes(
        pdf_bytes(PDF_PAGES, header="The Harbour Review - Spring issue", title="Breakwater news")
    )
    report, [art] = imported(store, path)
    assert report.errors == []
    assert art["title"] == "Breakwater news"
    assert art["text"] == (
        "The harbour authority said on Monday that the new breakwater would be finished "
        "before the autumn government review of coastal spending.\n\n"
        "Fishermen welcomed the news but asked for a clear timetable.\n\n"
        "Work on the northern pier will start in May, the authority said, while the southern "
        "pier waits for funding from the regional council.\n\n"
        "Nobody objected at the hearing."
    )


def test_pdf_two_columns_are_read_one_after_the_other(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "columns.pdf"
    path.write_bytes(
        two_column_pdf(
            "Quota deal reached in Tromsø",
            left=[
                ["Ministers from five coastal states met on", "Friday to agree on quotas."],
                ["The café owners of the port, « größer » than", "ever, welcomed it."],
            ],
            right=[
                ["Environmental groups said the cuts were", "too small."],
                ["They announced a campaign for the spring."],
            ],
            last="The next meeting is in Ålesund in December, the ministers said in a statement.",
        )
    )
    _, [art] = imported(store, path)
    assert art["text"].split("\n\n") == [
        "Quota deal reached in Tromsø",
        "Ministers from five coastal states met on Friday to agree on quotas.",
        "The café owners of the port, « größer » than ever, welcomed it.",
        "Environmental groups said the cuts were too small.",
        "They announced a campaign for the spring.",
        "The next meeting is in Ålesund in December, the ministers said in a statement.",
    ]


def test_scanned_pdf_asks_for_ocr_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.add_article("Already here.\n\nA story.", title="Already here.")
    before = snapshot(store)
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    report, _ = imported(store, path)
    assert report.errors == [f"{path}: no text layer: OCR it first"]
    assert (report.added, report.failed) == (0, 1)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.pdf", b"%PDF-1.4\nnot really"),
        ("broken.docx", b"PK\x03\x04 not a zip"),
        ("broken.odt", b"plain words"),
        ("broken.zip", b"PK\x05\x06 nothing"),
    ],
)
def test_a_damaged_file_is_one_line_and_changes_nothing(
    store: Store, tmp_path: Path, name: str, data: bytes
) -> None:
    store.add_article("Already here.\n\nA story.", title="Already here.")
    before = snapshot(store)
    path = tmp_path / name
    path.write_bytes(data)
    report, _ = imported(store, path)
    assert report.failed == 1 and len(report.errors) == 1
    assert report.errors[0].startswith(f"{path}: not a readable ")
    assert "\n" not in report.errors[0] and "Traceback" not in report.errors[0]
    assert snapshot(store) == before


# --- zips and folders ----------------------------------------------------------------------


def test_zip_of_mixed_files_with_a_bad_member(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("exports/ledger.txt", lexisnexis_txt([HARBOUR, FERRY]))
        archive.writestr("pages/harbour.html", web_page())
        archive.writestr("pdf/review.pdf", pdf_bytes(PDF_PAGES, header="Running head"))
        archive.writestr("pdf/scan.pdf", scanned_pdf())
        archive.writestr("notes/plain.md", "Plain note\n\nA plain Markdown note.\n")
        archive.writestr("notes/lines.jsonl", '{"text": "Zipped line."}\n{"title": "no text"}\n')
        archive.writestr("__MACOSX/._ledger.txt", b"\x00\x05\x16\x07")
        archive.writestr("image.png", b"\x89PNG")
    report, articles = imported(store, path)
    assert report.errors == [
        f'{path}/notes/lines.jsonl:2: missing "text" field',
        f"{path}/pdf/scan.pdf: no text layer: OCR it first",
    ]
    assert report.added == 6
    assert report.per_file == {str(path): 6}
    assert [a["title"] for a in articles][:2] == [HARBOUR.headline, FERRY.headline]


def test_folder_with_every_kind(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(lexisnexis_txt([HARBOUR]), encoding="utf-8")
    (folder / "b.html").write_text(web_page(), encoding="utf-8")
    (folder / "sub" / "c.pdf").write_bytes(pdf_bytes(PDF_PAGES[:1], header=None))
    (folder / "sub" / "d.docx").write_bytes(nexis_uni_docx([FERRY, CAFE]))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("e.txt", "Zipped note\n\nInside a zip in a folder.\n")
    (folder / "sub" / "e.zip").write_bytes(archive.getvalue())
    report, _ = imported(store, folder)
    assert report.errors == []
    assert report.added == 6
    assert report.file_lines() == [f"{folder / 'sub' / 'd.docx'}: 2 articles"]


# --- damaged files of every kind -----------------------------------------------------------


def _valid_files() -> dict[str, bytes]:
    import docx

    document = docx.Document()
    document.add_heading("Fuzzed heading", level=1)
    document.add_paragraph("A paragraph to damage.")
    word = io.BytesIO()
    document.save(word)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", lexisnexis_txt([HARBOUR]))
        z.writestr("b.html", web_page())
    return {
        ".pdf": pdf_bytes(PDF_PAGES[:2], header="Head"),
        ".docx": word.getvalue(),
        ".DOCX": nexis_uni_docx([FERRY]),
        ".zip": archive.getvalue(),
        ".html": web_page().encode("utf-8"),
        ".txt": lexisnexis_txt([HARBOUR, FERRY]).encode("utf-8"),
    }


VALID = _valid_files()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from(sorted(VALID)),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), min_size=1, max_size=4),
    truncate=st.floats(0.05, 1),
)
def test_damaged_files_never_break_an_import(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, cuts: list, truncate: float
) -> None:
    """Valid files with bytes overwritten and cut short: a report line, never a traceback."""
    data = bytearray(VALID[suffix])
    for where, junk in cuts:
        at = int(where * (len(data) - 1))
        data[at : at + len(junk)] = junk
    check_import(
        tmp_path_factory.mktemp("damaged"), suffix, bytes(data[: int(len(data) * truncate)])
    )


# --- command line --------------------------------------------------------------------------


def test_import_help_lists_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli import main

    with pytest.raises(SystemExit):
        main(["import", "--help"])
    shown = capsys.readouterr().out
    for kind in (".docx", ".odt", ".pdf", ".html", ".mhtml", ".zip", "LexisNexis", "Nexis Uni"):
        assert kind in shown
    assert "Factiva" in shown and "running headers" in shown


def test_command_line_counts_articles_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.cli import main

    export = tmp_path / "ledger.txt"
    export.write_text(lexisnexis_txt([HARBOUR, FERRY, CAFE]), encoding="utf-8")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    status = main(["--db", str(tmp_path / "a.db"), "import", str(export), str(scan)])
    out, err = capsys.readouterr()
    assert status == 1
    assert f"{export}: 3 articles" in out
    assert "3 articles added, 0 skipped as duplicates, 1 failed" in out
    assert err.splitlines() == [
        f"annotator: created new database {tmp_path / 'a.db'}",
        f"{scan}: no text layer: OCR it first",
    ]

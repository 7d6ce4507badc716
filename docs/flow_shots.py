"""Renders the README's pictures of the coding flow from the sample corpus:
docs/claim-popup.png (the claim popup proposing the speaker a tagged surname names,
drawn over the text it opened at) and docs/two-part-claim.png (a quote interrupted by
its cue, joined into one claim).

    QT_QPA_PLATFORM=offscreen python docs/flow_shots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from annotator.gui.app import application, build_window
from annotator.gui.qt import QPainter, QPixmap, QPoint, QRect, QSettings

DOCS = Path(__file__).resolve().parent
FIRST = "We are not asking any country to choose sides"
SECOND = "Security is built by neighbours who turn up"


def main() -> None:
    app = application()
    folder = Path(tempfile.mkdtemp())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("welcome/shown", True)
    window = build_window(folder / "news.db", annotator="Ana", seed=True, settings=settings)
    store = window.store
    aid = next(
        row["id"]
        for row in store.article_rows(limit=50)
        if FIRST in store.article_text(row["id"])
        and "Lin said that" in store.article_text(row["id"])
    )
    text = store.article_text(aid)
    window.resize(1480, 900)
    window.show()
    window.corpus.select(aid)
    window.open_article(aid)

    def settle() -> None:
        for _ in range(30):
            app.processEvents()

    def span(words: str, label: str, after: int = 0) -> dict:
        start = text.index(words, after)
        return store.add_span(aid, start, start + len(words), label)

    # A two-part claim: "…choose sides," Whitfield told reporters … "Security is …".
    whitfield = store.add_speaker("Claire Whitfield", role="foreign minister")
    first = span(FIRST, "claim")
    mention = span("Whitfield", "speaker", first["end"])
    cue = span("told", "cue", mention["end"])
    second = span(SECOND, "claim", cue["end"])
    store.update_span(mention["id"], speaker_id=whitfield["id"])
    claim = store.add_claim(
        aid,
        [first["id"]],
        speaker_id=whitfield["id"],
        mention_span_id=mention["id"],
        cue_span_id=cue["id"],
    )
    other = store.add_claim(aid, [second["id"]])
    store.join_claims(claim["id"], other["id"])
    # Lin Qiao named in full, and "Lin" left untold, for the popup below.
    lin = store.add_speaker("Lin Qiao", role="spokesperson", affiliation="Chinese foreign ministry")
    full = span("Lin Qiao", "speaker")
    store.update_span(full["id"], speaker_id=lin["id"])
    span("Lin", "speaker", text.index("Lin said that"))
    window.reload_all()
    window.statusBar().clearMessage()
    # Room for the panel's Claim column beside the article.
    window.resize(1900, 900)
    settle()
    window.splitter.setSizes([160, window.centre_tabs.minimumSizeHint().width(), 560])
    settle()
    window.span_clicked(second["id"])
    window.panel.tabs.setCurrentWidget(window.panel.claims)
    window.text.mark_span(second["id"])
    settle()
    # The article's column and the panel side by side: both parts in the text, one
    # claim in the list.
    column, panel = window.text.parentWidget().grab(), window.panel.grab()
    picture = QPixmap(column.width() + panel.width(), max(column.height(), panel.height()))
    picture.fill(window.palette().window().color())
    painter = QPainter(picture)
    painter.drawPixmap(0, 0, column)
    painter.drawPixmap(column.width(), 0, panel)
    painter.end()
    picture.save(str(DOCS / "two-part-claim.png"))

    # The claim popup: a claim tagged after "Lin said that" proposes Lin Qiao.
    window.text.mark_span(None)
    view = window.text
    quote = "own agreements in the region"
    start = text.index(quote)
    # The paragraphs before the quote's at the top, so the popup has room below it.
    before = view.document().findBlock(view.map.to_qt(text.index('"The so-called')))
    view.verticalScrollBar().setValue(before.blockNumber())
    settle()
    view.select_range(start, start + len(quote))
    view.setFocus()
    window.tagging.tag("claim")
    settle()
    popup = window.tagging.popup
    picture = window.grab()
    painter = QPainter(picture)
    corner = window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0)))
    painter.drawPixmap(corner, popup.grab())
    painter.end()
    # From the paragraph before the quote's down to the popup's foot, the text's width.
    text_box = QRect(view.mapTo(window, QPoint(0, 0)), view.size())
    cursor = view.textCursor()
    cursor.setPosition(view.map.to_qt(text.index('"The so-called')))
    line = view.cursorRect(cursor)
    top = min(view.viewport().mapTo(window, line.topLeft()).y(), corner.y()) - 10
    crop = QRect(text_box.left(), top, text_box.width(), corner.y() + popup.height() + 12 - top)
    picture.copy(crop).save(str(DOCS / "claim-popup.png"))
    popup.close()

    window.close()
    store.close()


if __name__ == "__main__":
    sys.exit(main())

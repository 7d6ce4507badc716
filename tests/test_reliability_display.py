"""Text is never code: HTML, Markdown, control and bidi characters are shown as they are.

An article (and its title, highlights, note, speaker and target) full of markup is
shown in the window: the text view holds exactly the stored text, every label and
tooltip shows it literally, a screenshot is taken, and an ``<img src>`` pointing at
a local listener never makes the program connect. No module of the program
imports a network library.
"""

from __future__ import annotations

import ast
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "annotator"

NETWORK_MODULES = (
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "urllib.request",
    "http.client",
    "socket",
    "requests",
    "httpx",
    "urllib3",
    "aiohttp",
    "ssl",
)


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it gets."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def hostile(port: int) -> tuple[str, str]:
    img = f'<img src="http://127.0.0.1:{port}/x.png">'
    title = f"<b>Bold</b> {img} <script>alert('t')</script> &amp; \u202eevil\u202c # *md*"
    text = (
        f"{title}\n\n"
        f'<html><body>{img}<b>not bold</b> <i>not italic</i> <a href="http://127.0.0.1:{port}/">'
        "link</a></body></html>\n"
        "<script>document.write('x')</script><style>body{display:none}</style>\n"
        "# Not a heading\n\n**not strong** _not em_ [link](http://127.0.0.1/) ![img](x.png)\n"
        "```\ncode fence\n```\n"
        "Controls: \x01 \x07 \x08 \x0b \x0c \x1b[31mred\x1b[0m \x7f \x85 end\n"
        "Bidi: \u202eright-to-left override\u202c \u2066isolate\u2069 \u200f\u200e "
        "\u200b zero width, \ufeff BOM inside\n"
        "Separators: a\u2028b\u2029c and a non\u00a0breaking space &lt; &gt; &#x41;\n"
        'The spokesperson said "no <b>region</b> needs a new bloc" 🙂.\n'
    )
    return title, text


def rendered(text: str) -> str:
    """What Qt shows for a label or tooltip text: rich text if it looks like it."""
    from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
    from PySide6.QtGui import QTextDocument

    if GuiQt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


@pytest.fixture
def window(qtbot, tmp_path: Path, listener: Listener):
    from PySide6.QtCore import QSettings

    from annotator.gui.app import application, build_window

    application()
    db = tmp_path / "hostile.db"
    title, text = hostile(listener.port)
    with Store(db, annotator="tester") as store:
        aid = store.add_article(text, title=title, source="<i>Wire</i>", place="<u>Oslo</u>")
        img = text.index("<img")
        speaker = store.tag(aid, img, text.index(">", img) + 1, "speaker")["span"]
        start = text.index("no <b>region")
        claim = store.tag(aid, start, start + len("no <b>region</b> needs a new bloc"), "claim")
        store.attribute_claim(
            claim["claim"]["id"], speaker_name=title, mention_span_id=speaker["id"]
        )
        store.update_span(
            claim["span"]["id"], note=f"<h1>note</h1> {text[img : text.index('>', img) + 1]}"
        )
        speaker_id = store.claim(claim["claim"]["id"])["speaker_id"]
        store.add_position(
            aid,
            speaker_id=speaker_id,
            target="<b>a new bloc</b>",
            stance="against",
            evidence=[claim["claim"]["id"]],
        )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(db, annotator="tester", seed=False, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.article is not None and win.article["id"] == aid
    yield win
    win.close()
    win.store.close()


def test_hostile_article_is_shown_as_text_and_fetches_nothing(
    window, qtbot, listener: Listener, tmp_path: Path
) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication

    stored = window.store.article_text(window.article["id"])
    assert "<img" in stored and "\x1b" in stored and "\u202e" in stored
    # The text view holds exactly the stored text (Qt maps U+2028/U+2029 to a newline
    # and a no-break space to a space in toPlainText; toRawText keeps them).
    plain = stored.translate({0x2028: "\n", 0x2029: "\n", 0xA0: " "})
    assert window.text.toPlainText() == plain
    assert window.text.document().toRawText() == stored.replace("\n", "\u2029")

    title = window.article["title"]
    header = window.header
    assert header.title.textFormat() == Qt.TextFormat.PlainText
    assert header.title.text() == title
    assert header.meta.textFormat() == Qt.TextFormat.PlainText
    assert "<i>Wire</i>" in header.meta.text()

    # The corpus list: shown and tooltip literally.
    model = window.corpus.model
    title_col = next(
        c
        for c in range(model.columnCount())
        if model.data(model.index(0, c), Qt.ItemDataRole.DisplayRole) == title
    )
    tip = model.data(model.index(0, title_col), Qt.ItemDataRole.ToolTipRole)
    assert rendered(tip) == title, tip

    # The annotation panel: every item's text and tooltip literally.
    lists = window.panel._lists
    # The lists fill right after the text is painted.
    qtbot.waitUntil(lambda: sum(w.topLevelItemCount() for w in lists.values()) >= 4)
    for widget in lists.values():
        for i in range(widget.topLevelItemCount()):
            item = widget.topLevelItem(i)
            assert rendered(item.toolTip(1)) == item.text(1), item.toolTip(1)
    assert any(
        lists["position"].topLevelItem(i).text(1) == "<b>a new bloc</b>"
        for i in range(lists["position"].topLevelItemCount())
    )

    # Hover tooltips over the highlights show names and notes as written.
    for span in window.text.spans:
        shown = rendered(window.text._tooltip([span]))
        assert shown.startswith(span["label"]), shown
        speaker = window.text.speaker_names.get(span.get("speaker_of") or "")
        for part in (speaker, span.get("note")):
            assert not part or part in shown, (part, shown)
    assert any(title in rendered(window.text._tooltip([s])) for s in window.text.spans)

    # Show the tooltips for real, paint everything, take a screenshot, wait a while.
    img_span = next(s for s in window.text.spans if s["label"] == "speaker")
    cursor = window.text.textCursor()
    cursor.setPosition(window.text.map.to_qt(img_span["start"]) + 2)
    pos = window.text.cursorRect(cursor).center()
    viewport = window.text.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    )
    table = window.corpus.table
    cell = table.visualRect(model.index(0, title_col)).center()
    QApplication.sendEvent(
        table.viewport(), QHelpEvent(QEvent.Type.ToolTip, cell, table.viewport().mapToGlobal(cell))
    )
    window.text.setFocus()
    window.text.select_range(0, len(stored))
    shot = window.grab()
    assert not shot.isNull() and shot.width() > 100
    assert shot.save(str(tmp_path / "hostile.png"))
    qtbot.wait(1500)
    assert listener.connections == 0, "the window tried to fetch the <img src> URL"

    # The listener does notice a connection (so the check above can fail).
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2):
        pass
    qtbot.waitUntil(lambda: listener.connections == 1, timeout=3000)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            found.update(a.value for a in node.args if isinstance(a, ast.Constant))
    return found


def test_no_module_imports_a_network_library() -> None:
    offenders = {}
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        bad = sorted(
            name
            for name in _imports(path)
            if any(name == m or name.startswith(m + ".") for m in NETWORK_MODULES)
            or name in ("urllib", "http")
            or "QtNetwork" in name
            or "QtWebEngine" in name
        )
        if bad or "QtNetwork" in path.read_text(encoding="utf-8"):
            offenders[str(path.relative_to(ROOT))] = bad or ["QtNetwork"]
    assert not offenders, offenders


def test_loading_every_module_pulls_in_no_network_library() -> None:
    """Also what the modules import in turn (sqlite_utils, platformdirs, PySide6)."""
    code = (
        "import importlib, pkgutil, sys, annotator\n"
        "for m in pkgutil.walk_packages(annotator.__path__, 'annotator.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        f"bad = [m for m in sys.modules if m.startswith({NETWORK_MODULES!r})]\n"
        "print(' '.join(sorted(bad)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        # Not measured by `make coverage`: coverage itself imports socket in the child.
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")},
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


# -- every widget that shows a name, a note or text ----------------------------------------

NAME = '<b>Big</b> <img src="/tmp/x.png">'
TARGET = "<i>Zebra</i> &lt; &amp;"
NOTE = 'a < b &lt; c <img src="/tmp/x.png">'


def _plain_shown(text: str, fmt) -> str:
    """What a QLabel shows for ``text`` in its text format."""
    from PySide6.QtCore import Qt

    if fmt == Qt.TextFormat.PlainText:
        return text
    if fmt == Qt.TextFormat.RichText:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return rendered(text)


def _count(method) -> int:
    """rowCount/columnCount of any model (list models take no parent, or only one)."""
    from PySide6.QtCore import QModelIndex

    for args in ((), (QModelIndex(),)):
        try:
            return method(*args)
        except TypeError:
            continue
    return 1


def literal_in(root, needles: tuple[str, ...] = (NAME, TARGET, NOTE)) -> int:
    """Check every label and item (text and tooltip) under ``root`` that shows part of a
    hostile string shows it whole, as written; returns how many places were checked."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    markers = {"Big": NAME, "Zebra": TARGET, "&lt; c": NOTE}
    checked = 0

    def check(where: str, shown: str, raw: str) -> None:
        nonlocal checked
        for marker, needle in markers.items():
            if marker in raw and needle in needles:
                checked += 1
                assert needle in shown, f"{where}: {raw!r} shows as {shown!r}"

    labels = [root] if isinstance(root, QLabel) else []
    for label in labels + root.findChildren(QLabel):
        check(
            f"label {label.objectName()}",
            _plain_shown(label.text(), label.textFormat()),
            label.text(),
        )
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for r in range(min(_count(model.rowCount), 100)):
            for c in range(max(1, _count(model.columnCount))):
                index = model.index(r, c)
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                if isinstance(text, str):
                    check(f"{type(view).__name__} cell", text, text)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    check(f"{type(view).__name__} tooltip", rendered(tip), tip)
    return checked


@pytest.fixture
def named_window(qtbot, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from annotator.gui.app import application, build_window

    application()
    db = tmp_path / "names.db"
    text = "Officials met on Monday. The envoy said the plan was fair and final.\n"
    with Store(db, annotator="tester") as store:
        aid = store.add_article(text, title=f"{NAME} report")
        mention = store.tag(aid, text.index("The envoy"), text.index(" said"), "speaker")["span"]
        start = text.index("the plan")
        claim = store.tag(aid, start, start + len("the plan was fair"), "claim")
        store.attribute_claim(
            claim["claim"]["id"], speaker_name=NAME, mention_span_id=mention["id"]
        )
        store.update_span(claim["span"]["id"], note=NOTE)
        speaker_id = store.claim(claim["claim"]["id"])["speaker_id"]
        position = store.add_position(
            aid,
            speaker_id=speaker_id,
            target=TARGET,
            stance="against",
            evidence=[claim["claim"]["id"]],
        )
        ids = {
            "article": aid,
            "claim": claim["claim"]["id"],
            "claim_span": claim["span"]["id"],
            "mention": mention["id"],
            "speaker": speaker_id,
            "position": position["position"]["id"] if "position" in position else None,
        }
        if ids["position"] is None:
            ids["position"] = store.positions(aid)[0]["id"]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = build_window(db, annotator="tester", seed=False, settings=settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win, ids
    if win.tagging.popup is not None:
        win.tagging.popup.close()
    win.close()
    win.store.close()


def test_every_widget_shows_a_hostile_name_as_written(
    named_window, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QInputDialog, QMessageBox, QToolTip

    window, ids = named_window
    lists = window.panel._lists
    qtbot.waitUntil(lambda: sum(w.topLevelItemCount() for w in lists.values()) >= 4)
    assert literal_in(window.panel) >= 3  # speaker, target and note rows

    # The hover tooltip over the claim: speaker and note, literally.
    claim_span = next(s for s in window.text.spans if s["id"] == ids["claim_span"])
    tip = window.text._tooltip([claim_span])
    assert NOTE in rendered(tip), tip

    # The popups: who said it, which speaker a mention is, the position.
    window.tagging.ask_claim_speaker(ids["claim"])
    assert literal_in(window.tagging.popup, (NAME,)) >= 1
    window.tagging.popup.close()
    window.tagging.ask_mention_speaker(ids["mention"])
    assert literal_in(window.tagging.popup, (NAME,)) >= 1
    window.tagging.popup.close()
    window.tagging.add_position(ids["position"])
    assert literal_in(window.tagging.popup, (NAME, TARGET)) >= 1
    window.tagging.popup.close()
    window.tagging.popup = None

    # The review bar describes each stop with its speaker.
    window.reviewing.start_review()
    checked = 0
    for _ in range(4):
        checked += literal_in(window.review_bar)
        window.reviewing.review_step(1)
    assert checked >= 1
    window.reviewing.stop_review()

    # Dialogs: the note editor's label holds the highlighted text, errors hold names.
    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda _p, _t, label, *a, **k: (asked.append(label), ("", False))[1]),
    )
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        staticmethod(lambda _p, _t, label, *a, **k: (asked.append(label), ("", False))[1]),
    )
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: warned.append(text))
    )
    window.show_error(f"{NAME}: cannot do that")
    assert NAME in rendered(warned[-1])

    # The corpus views: every table, the grid's cell title and tooltips, dialogs.
    views = window.views
    window.centre_tabs.setCurrentWidget(views)
    for name in ("speakers", "claims", "positions", "search", "timeline"):
        views.show_view(name)
        tab = views.current_tab()
        if name == "search":
            tab.run_search("plan")
        if name == "timeline":
            tab.choose("speaker", ids["speaker"])
        least = 1 if name != "timeline" else 0
        qtbot.waitUntil(lambda tab=tab, least=least: literal_in(tab) >= least, timeout=20000)

    speakers = views.speakers
    assert speakers.select(ids["speaker"])
    speakers.alias_dialog()
    assert NAME in rendered(asked[-1]), asked[-1]

    views.show_view("positions")
    tab = views.positions
    grid = tab.grid
    r = next(i for i, s in enumerate(grid.grid.speakers) if s.id == ids["speaker"])
    c = next(i for i, t in enumerate(grid.grid.targets) if t.name == TARGET)
    point = grid.cell_rect(r, c).center().toPoint()
    tab.scroll.ensureVisible(point.x(), point.y())
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert NAME in _plain_shown(tab.cell_title.text(), tab.cell_title.textFormat())
    assert TARGET in _plain_shown(tab.cell_title.text(), tab.cell_title.textFormat())
    tips: list[str] = []
    monkeypatch.setattr(
        QToolTip, "showText", staticmethod(lambda _pos, text, *a, **k: tips.append(text))
    )
    QTest.mouseMove(grid, point)
    assert tips and TARGET in rendered(tips[-1]) and NAME in rendered(tips[-1]), tips

    window.centre_tabs.setCurrentIndex(0)
    shot = window.grab()
    assert shot.save(str(tmp_path / "names.png"))

"""The File and Review menus, chosen as a user chooses them: file dialogs answer with a
path (or are cancelled), and every test checks what the database then holds."""

from __future__ import annotations

import csv
import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.store import Store
from annotator.gui.main_window import MainWindow


@pytest.fixture
def messages(message_boxes: list[str]) -> list[str]:
    return message_boxes  # tests/conftest.py


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list:
    """What the next file dialogs answer, in turn (a path, paths, or "" for Cancel).

    A (path, filter) answer picks a filter the dialog offers, as a user can only do.
    """
    queue: list = []

    def answer(*args, **kwargs):
        value = queue.pop(0)
        if isinstance(value, tuple) and value[1]:
            offered = kwargs.get("filter", args[3] if len(args) > 3 else "")
            assert value[1] in offered.split(";;"), offered
        return value if isinstance(value, tuple) else (value, "")

    for name in ("getSaveFileName", "getOpenFileName", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(answer))
    return queue


@pytest.fixture
def make_window(open_window, messages) -> Callable[..., MainWindow]:
    def make(db: Path | None = None, *, seed: bool = True) -> MainWindow:
        return open_window(db, annotator="ana", seed=seed)

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def choose(win: MainWindow, text: str) -> None:
    """Choose a menu entry by its text (without the & of its shortcut letter)."""
    actions = [*win.actions(), *win.text.actions()]  # review keys belong to the text
    found = [a for a in actions if a.text().replace("&", "") == text]
    assert len(found) == 1, [a.text() for a in actions]
    found[0].trigger()


def wait_for_tasks(win: MainWindow, qtbot) -> None:
    qtbot.waitUntil(lambda: not win.tasks, timeout=30000)


# --- databases ------------------------------------------------------------------------------


def test_new_database_opens_an_empty_one_and_remembers_the_last(
    window: MainWindow, answers: list, tmp_path: Path
) -> None:
    first = window.session.path
    answers.append(str(tmp_path / "second.db"))
    choose(window, "New database…")
    assert window.session.path == tmp_path / "second.db"
    assert window.store.article_count() == 0 and window.article is None
    assert window.windowTitle().startswith("second.db")
    assert [a.text() for a in window.recent_menu.actions()] == [
        str(tmp_path / "second.db"),
        str(first),
    ]
    # Open recent › the first one: back to the sample corpus.
    window.recent_menu.actions()[1].trigger()
    assert window.session.path == first and window.store.article_count() == 15


def test_new_database_refuses_an_existing_file(
    window: MainWindow, answers: list, messages: list[str], tmp_path: Path
) -> None:
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"someone's file")
    answers.extend([str(taken), ""])
    choose(window, "New database…")
    assert len(messages) == 1 and "taken.db already exists" in messages[0]
    assert taken.read_bytes() == b"someone's file"
    assert window.store.article_count() == 15
    choose(window, "New database…")  # cancelled: nothing happens
    assert len(messages) == 1 and window.store.article_count() == 15


def test_open_database_switches_and_cancel_keeps_the_current_one(
    window: MainWindow, answers: list, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    with Store(other) as store:
        store.add_article("The only article of the other database.", title="Other")
    answers.extend([str(other), ""])
    choose(window, "Open database…")
    assert window.session.path == other
    assert window.article["title"] == "Other"
    choose(window, "Open database…")
    assert window.session.path == other


# --- import and export ----------------------------------------------------------------------


def test_import_lists_at_most_twenty_problems(
    window: MainWindow, answers: list, messages: list[str], qtbot, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(f'{{"broken line {n}' for n in range(25)) + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("River talks resume\n\nThe envoy said talks go on.\n", encoding="utf-8")
    answers.append(([str(bad), str(good)], ""))
    choose(window, "Import articles…")
    wait_for_tasks(window, qtbot)
    assert window.store.article_count() == 16
    (message,) = messages
    assert message.count("bad.jsonl:") == 20 and message.endswith("… and 5 more")
    assert window.statusBar().currentMessage() == (
        "1 article added, 0 skipped as duplicates, 25 failed"
        " (an import cannot be undone: delete the articles to take it back)"
    )


def test_import_into_an_empty_database_opens_the_first_article(
    make_window, answers: list, qtbot, tmp_path: Path
) -> None:
    win = make_window(tmp_path / "empty.db", seed=False)
    assert win.article is None
    story = tmp_path / "story.md"
    story.write_text("Harbour reopens\n\nThe mayor said ships were back.\n", encoding="utf-8")
    answers.append(([str(story)], ""))
    choose(win, "Import articles…")
    wait_for_tasks(win, qtbot)
    assert win.article is not None and win.article["title"] == "Harbour reopens"


@pytest.mark.parametrize(
    ("name", "chosen", "check"),
    [
        ("out.jsonl", "JSON Lines, one article a line (*.jsonl)", "jsonl"),
        ("spans.csv", "", "csv"),
        ("spans.txt", "CSV, one row per highlight (*.csv)", "csv"),
        ("page.jsonld", "", "w3c"),
        ("page.json", "W3C Web Annotation JSON-LD (*.jsonld)", "w3c"),
    ],
)
def test_export_writes_the_format_chosen_by_filter_or_name(
    window: MainWindow, answers: list, qtbot, tmp_path: Path, name: str, chosen: str, check: str
) -> None:
    window.text.select_range(0, 8)
    window.tagging.tag("target")
    target = tmp_path / name
    answers.append((str(target), chosen))
    choose(window, "Export…")
    wait_for_tasks(window, qtbot)
    text = target.read_text(encoding="utf-8")
    if check == "jsonl":
        assert len([json.loads(line) for line in text.splitlines()]) == 15
    elif check == "csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert [r["label"] for r in rows] == ["target"]
    else:
        assert len(json.loads(text)["items"]) == 1
    assert str(target) in window.statusBar().currentMessage()


def test_a_cancelled_export_writes_nothing(window: MainWindow, answers: list, tmp_path) -> None:
    answers.append(("", ""))
    choose(window, "Export…")
    assert len(window.tasks) == 0 and list(tmp_path.glob("*.jsonl")) == []


# --- review and suggestions -------------------------------------------------------------------


def test_review_of_an_article_without_annotations_says_so(window: MainWindow) -> None:
    choose(window, "Start review of this article")
    assert window.reviewing.review is None and not window.review_bar.isVisible()
    assert window.statusBar().currentMessage() == "Nothing to review in this article yet"
    choose(window, "Accept all suggestions in this article")
    assert window.statusBar().currentMessage() == "No suggestions in this article"


def test_suggest_in_all_articles_to_do_runs_in_the_background(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It first asks how many articles it will touch; the analyst says yes.
    monkeypatch.setattr(
        "annotator.gui.review_controller.QMessageBox.question",
        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes),
    )
    store = window.store
    done = window.corpus.model.rows[0]["id"]
    window.session.run(lambda s: s.set_article_status(done, "done"))
    choose(window, "Suggest quotes in all articles to do…")
    wait_for_tasks(window, qtbot)
    suggested = {
        row["id"]: len(store.claims(row["id"], statuses=["suggested"]))
        for row in store.article_rows(limit=100)
    }
    assert suggested[done] == 0  # done articles are left alone
    assert sum(suggested.values()) > 20
    assert "suggest" in window.statusBar().currentMessage().lower()
    # The open article shows them: accept them all with one key.
    aid = window.article["id"]
    if not store.claims(aid, statuses=["suggested"]):
        window.corpus.select(next(a for a, n in suggested.items() if n))
        aid = window.article["id"]
    choose(window, "Accept all suggestions in this article")
    assert store.claims(aid, statuses=["suggested"]) == []
    assert store.claims(aid, statuses=["accepted"])


def test_review_steps_through_a_rejected_claim_and_edits_it(window: MainWindow, qtbot) -> None:
    store, aid = window.store, window.article["id"]
    text = store.article_text(aid)
    start = text.index("no region needs a new bloc")
    window.text.select_range(start, start + len("no region needs a new bloc"))
    window.tagging.tag("claim")
    if window.tagging.popup is not None:
        window.tagging.popup.close()
    (claim,) = store.claims(aid)
    window.session.run(lambda s: s.decide(claims=[claim["id"]], accept=False))
    choose(window, "Start review of this article")
    assert window.reviewing.review is not None and window.review_bar.isVisible()
    # A rejected highlight is not painted: the stop selects its text instead.
    assert window.text.selected_range() == (start, start + len("no region needs a new bloc"))
    choose(window, "Edit")
    assert window.tagging.popup is not None and window.tagging.popup.isVisible()
    window.tagging.popup.close()
    choose(window, "Accept")
    assert store.claim(claim["id"])["status"] == "accepted"


# --- the Edit, Tag and Article menus ---------------------------------------------------------


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> list:
    """What the next text prompts answer, in turn: a string, or None for Cancel."""
    from PySide6.QtWidgets import QInputDialog

    queue: list = []

    def answer(*_args, **_kwargs):
        value = queue.pop(0)
        return ("", False) if value is None else (value, True)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(answer))
    return queue


def test_my_annotator_name_goes_on_new_highlights(window: MainWindow, typed: list) -> None:
    typed.extend(["  Ben Okafor ", None])
    choose(window, "Set my annotator name…")
    window.text.select_range(0, 8)
    window.tagging.tag("target")
    (span,) = window.store.spans(window.article["id"])
    assert span["annotator"] == "Ben Okafor"
    assert window.settings.value("annotator") == "Ben Okafor"
    choose(window, "Set my annotator name…")  # cancelled: unchanged
    assert window.store.annotator == "Ben Okafor"


def test_deleting_a_speaker_in_the_panel_asks_and_removes_only_its_mentions(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, aid = window.store, window.article["id"]
    speaker = store.add_speaker("Lin Qiao")["id"]
    window.text.select_range(0, 8)
    window.tagging.tag("cue")
    mention = store.add_span(aid, 9, 16, "speaker", speaker_id=speaker)
    window.refresh_annotations()
    replies = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: replies.pop(0)))
    window.tagging.delete_items("speaker", [speaker])
    assert store.span(mention["id"]) is not None
    window.tagging.delete_items("speaker", [speaker])
    assert store.span(mention["id"]) is None
    assert [s["label"] for s in store.spans(aid)] == ["cue"]
    assert store.speaker(speaker) is not None  # the speaker stays in the corpus


def test_renaming_a_speaker_renames_it_everywhere(window: MainWindow, typed: list) -> None:
    speaker = window.store.add_speaker("Lin Qiao")["id"]
    typed.extend(["Lin Qiao (MFA)", "  "])
    window.tagging.edit_item("speaker", speaker)
    assert window.store.speaker(speaker)["name"] == "Lin Qiao (MFA)"
    window.tagging.edit_item("speaker", speaker)  # a blank name is ignored
    assert window.store.speaker(speaker)["name"] == "Lin Qiao (MFA)"
    window.tagging.rename_speaker("no such speaker")  # gone meanwhile: nothing happens


def test_the_article_menu_sets_the_status_and_says_when_nothing_is_left(
    make_window, tmp_path: Path
) -> None:
    with Store(tmp_path / "two.db") as store:
        store.add_article("First story.\n\nBody one.\n", title="First")
        store.add_article("Second story.\n\nBody two.\n", title="Second")
    win = make_window(tmp_path / "two.db", seed=False)
    first = win.article["id"]
    choose(win, "Mark in progress")
    assert win.store.article(first)["status"] == "in_progress"
    choose(win, "Next article to do")
    second = win.article["id"]
    assert second != first
    choose(win, "Mark done and open next to do")
    assert win.store.article(second)["status"] == "done"
    assert win.article["id"] == first  # the one still in progress
    choose(win, "Mark done and open next to do")
    assert win.statusBar().currentMessage() == "Marked done. No article left to do."
    choose(win, "Mark to do")
    assert win.store.article(first)["status"] == "todo"


def test_writes_from_another_program_show_when_the_window_is_active_again(
    window: MainWindow, qtbot
) -> None:
    # Another analyst's work shows only with the layers on (blind coding by default).
    window.layers_action.setChecked(True)
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    aid = window.article["id"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert window.spans == []  # what the window has read (it reads them when first asked)
    with Store(window.session.path, annotator="other") as other:
        other.add_span(aid, 0, 8, "target")
    assert window.spans == []  # not seen yet: no event came in between
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert [s["annotator"] for s in window.spans] == ["other"]


def test_an_article_deleted_meanwhile_is_one_message(
    window: MainWindow, messages: list[str]
) -> None:
    window.open_article("no-such-article")
    assert len(messages) == 1 and "no-such-article" in messages[0]


# --- right-click menus on highlights and on the panel's items ---------------------------------


@pytest.fixture
def menus(monkeypatch: pytest.MonkeyPatch) -> list:
    """Menus the window opens, recorded instead of run (their event loop would block)."""
    from PySide6.QtWidgets import QMenu

    from annotator.gui import tagging as tagging_module

    shown: list[QMenu] = []

    class RecordingMenu(QMenu):
        def exec(self, *args):
            shown.append(self)

    monkeypatch.setattr(tagging_module, "QMenu", RecordingMenu)
    return shown


def entries(menu) -> dict[str, object]:
    return {a.text(): a for a in menu.actions() if a.text()}


def test_a_suggested_claims_menu_accepts_it_and_offers_who_said_it(
    window: MainWindow, menus: list
) -> None:
    store, aid = window.store, window.article["id"]
    text = store.article_text(aid)
    start = text.index("no region needs a new bloc")
    span = store.add_span(aid, start, start + 26, "claim", status="suggested")
    store.add_claim(aid, [span["id"]], status="suggested")
    window.refresh_annotations()
    window.tagging.text_context_menu(QPoint(10, 10), [span["id"]])
    (menu,) = menus
    (sub,) = [a.menu() for a in menu.actions() if a.menu()]
    offered = entries(sub)
    assert {
        "Select",
        "Who said it…",
        "Add position…",
        "Accept suggestion",
        "Note…",
        "Delete",
    } <= set(offered)
    offered["Accept suggestion"].trigger()
    assert store.span(span["id"])["status"] == "accepted"


def test_a_speaker_highlights_menu_asks_which_speaker(window: MainWindow, menus: list) -> None:
    store, aid = window.store, window.article["id"]
    span = store.add_span(aid, 0, 8, "speaker")
    window.refresh_annotations()
    window.tagging.text_context_menu(QPoint(10, 10), [span["id"]])
    (sub,) = [a.menu() for a in menus[0].actions() if a.menu()]
    assert "Which speaker…" in entries(sub) and "Who said it…" not in entries(sub)
    entries(sub)["Delete"].trigger()
    assert store.span(span["id"]) is None


def test_the_panels_menu_edits_and_deletes_claims_and_positions(
    window: MainWindow, menus: list, typed: list
) -> None:
    store, aid = window.store, window.article["id"]
    text = store.article_text(aid)
    start = text.index("no region needs a new bloc")
    span = store.add_span(aid, start, start + 26, "claim")
    claim = store.add_claim(aid, [span["id"]])
    speaker = store.add_speaker("Ana Ruiz")["id"]
    position = store.add_position(aid, speaker_id=speaker, target="Blocs", stance="against")
    window.refresh_annotations()
    window.tagging.item_context_menu("position", position["id"], QPoint(5, 5))
    assert set(entries(menus[-1])) == {"Edit…", "Delete"}
    entries(menus[-1])["Delete"].trigger()
    assert store.positions(aid) == []
    window.tagging.item_context_menu("claim", claim["id"], QPoint(5, 5))
    assert set(entries(menus[-1])) == {"Edit…", "Add position…", "Delete"}
    entries(menus[-1])["Delete"].trigger()
    assert store.claim(claim["id"]) is None
    window.tagging.item_context_menu("speaker", speaker, QPoint(5, 5))
    assert set(entries(menus[-1])) == {"Edit…"}  # a speaker is the corpus', not deleted here
    typed.append("Ana Ruiz Soto")
    entries(menus[-1])["Edit…"].trigger()
    assert store.speaker(speaker)["name"] == "Ana Ruiz Soto"


def test_review_keys_on_an_empty_database_do_nothing(make_window, tmp_path: Path) -> None:
    win = make_window(tmp_path / "empty.db", seed=False)
    for entry in (
        "Start review of this article",
        "Next annotation",
        "Accept",
        "Reject",
        "Edit",
        "Suggest quotes in this article",
        "Mark done and open next to do",
    ):
        choose(win, entry)
    assert win.reviewing.review is None and win.store.stats()["spans"] == 0
    assert win.store.undo_label() is None


def test_outside_review_the_keys_walk_through_suggestions(window: MainWindow) -> None:
    store, aid = window.store, window.article["id"]
    choose(window, "Suggest quotes in this article")
    suggested = store.claims(aid, statuses=["suggested"])
    assert len(suggested) >= 3
    starts = sorted(store.span(c["spans"][0])["start"] for c in suggested)
    choose(window, "Next annotation")
    second = window.current_span()["start"]
    choose(window, "Previous annotation")
    first = window.current_span()["start"]
    assert first < second and {first, second} <= set(starts)
    choose(window, "Reject")
    assert len(store.claims(aid, statuses=["rejected"])) == 1

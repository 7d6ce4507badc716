"""Starting the program: the screen check `make run` does first, where the database and
settings live, the resources folder, and which database the window opens."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator import paths
from annotator.core.store import Store
from annotator.gui import preflight

ROOT = Path(__file__).resolve().parent.parent

# --- the screen check (`make run` runs it before opening the window) ----------------------


@pytest.fixture
def linux_without_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY"):
        monkeypatch.delenv(name, raising=False)


def _libraries(monkeypatch: pytest.MonkeyPatch, *missing: str) -> None:
    def find_library(name: str) -> str | None:
        return None if name in missing else f"lib{name}.so.1"

    monkeypatch.setattr(preflight.ctypes.util, "find_library", find_library)


def test_missing_x11_libraries_are_named_by_their_debian_packages(
    linux_without_screen, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    _libraries(monkeypatch, "xcb-cursor", "EGL")
    assert preflight.missing_packages() == ["libxcb-cursor0", "libegl1"]
    assert preflight.main() == 1
    assert capsys.readouterr().err == (
        "Missing libraries for the Qt window: libxcb-cursor0 libegl1\n"
    )


def test_no_display_is_said_plainly(
    linux_without_screen, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    _libraries(monkeypatch)
    assert preflight.missing_packages() == []
    assert preflight.main() == 2
    err = capsys.readouterr().err
    assert "DISPLAY is not set" in err and "xvfb-run" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "value"),
    [("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0"), ("QT_QPA_PLATFORM", "offscreen")],
)
def test_a_screen_or_a_chosen_platform_passes(
    linux_without_screen, monkeypatch: pytest.MonkeyPatch, capsys, name: str, value: str
) -> None:
    _libraries(monkeypatch)
    monkeypatch.setenv(name, value)
    assert preflight.main() == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("name", "value"), [("WAYLAND_DISPLAY", "w"), ("QT_QPA_PLATFORM", "x")])
def test_x11_libraries_are_not_needed_off_x11(
    linux_without_screen, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    _libraries(monkeypatch, *preflight.X11_LIBRARIES)
    monkeypatch.setenv(name, value)
    assert preflight.missing_packages() == []


def test_other_systems_need_no_x11_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    _libraries(monkeypatch, *preflight.X11_LIBRARIES)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert preflight.missing_packages() == []
    assert preflight.main() == 0


def test_the_check_runs_as_a_module_as_make_run_calls_it(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "annotator.gui.preflight"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")


# --- where things live --------------------------------------------------------------------


def test_annotator_db_names_the_database(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "mine.db"))
    assert paths.default_db_path() == tmp_path / "mine.db"
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ANNOTATOR_DB", "~/corpus/news.db")
    assert paths.default_db_path() == tmp_path / "corpus" / "news.db"


def test_without_annotator_db_the_user_data_folder_holds_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    if sys.platform == "linux":
        assert paths.default_db_path() == tmp_path / "data" / "annotator" / "annotations.db"
        assert paths.config_dir() == tmp_path / "config" / "annotator"
    assert paths.default_db_path().name == "annotations.db"
    assert paths.config_dir().name == "annotator"


# --- the resources folder -----------------------------------------------------------------


def test_the_labels_come_from_the_resources_folder() -> None:
    from annotator.resources import label_schema, resource_dir, resource_path

    assert (resource_dir() / "labels.json").is_file()
    assert resource_path("style.qss").is_file()
    labels = label_schema()
    assert [label["name"] for label in labels] == ["speaker", "claim", "cue", "target"]
    assert [label["key"] for label in labels] == ["1", "2", "3", "4"]


def _copy_without(tmp_path: Path, *, resources: bool) -> Path:
    """The package (and resources, if asked) alone in a folder, as a broken install is."""
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "annotator", copy / "annotator", ignore=shutil.ignore_patterns("*.pyc"))
    if resources:
        shutil.copytree(ROOT / "resources", copy / "resources")
    return copy


def _resource_probe(copy: Path) -> subprocess.CompletedProcess[str]:
    # As a checkout that was never installed: without the editable install's finder,
    # which would point annotator.resource_files at this checkout's resources.
    probe = (
        "import sys\n"
        "sys.meta_path[:] = [f for f in sys.meta_path\n"
        "                    if not getattr(f, '__module__', '').startswith('__editable__')]\n"
        "from annotator.resources import resource_dir\n"
        "print(resource_dir())\n"
    )
    return subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=copy,
        env={**os.environ, "PYTHONPATH": str(copy)},
        timeout=120,
    )


@pytest.mark.slow
def test_a_checkout_finds_its_resources_folder(tmp_path: Path) -> None:
    copy = _copy_without(tmp_path, resources=True)
    result = _resource_probe(copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(copy / "resources")


@pytest.mark.slow
def test_a_missing_resources_folder_says_to_reinstall(tmp_path: Path) -> None:
    result = _resource_probe(_copy_without(tmp_path, resources=False))
    assert result.returncode == 1
    assert "Annotator's resources folder is missing; reinstall the package" in result.stderr


# --- which database the window opens --------------------------------------------------------


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, qapp) -> Iterator[list]:
    """run_gui without its event loop: records the windows it would have shown."""
    from annotator.gui.main_window import MainWindow
    from annotator.gui.qt import QApplication

    shown: list[MainWindow] = []

    def exec_() -> int:
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_))
    yield shown
    _close(shown)


def test_first_start_opens_the_default_database_filled_with_the_sample_corpus(
    started: list, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from annotator.gui.app import run_gui

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "data" / "annotations.db"))
    assert run_gui() == 0
    (window,) = started
    assert window.session.path == tmp_path / "data" / "annotations.db"
    assert window.store.article_count() == 15
    _close(started)
    # The settings, in the user's config folder, remember the database for next time.
    settings = (tmp_path / "config" / "annotator" / "settings.ini").read_text(encoding="utf-8")
    assert str(tmp_path / "data" / "annotations.db") in settings


def test_a_database_given_on_the_command_line_opens_as_it_is(
    started: list, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from annotator.gui.app import run_gui

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    given = tmp_path / "given.db"
    assert run_gui(given, annotator="ana", explicit=True) == 0
    (window,) = started
    assert window.session.path == given
    assert window.store.article_count() == 0  # only the default database gets the samples
    assert window.store.annotator == "ana"


def test_the_last_database_opens_again_unless_one_is_given(
    started: list, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from annotator.gui.app import run_gui

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    earlier = tmp_path / "earlier.db"
    with Store(earlier) as store:
        store.add_article("An article analysed last time.")
    assert run_gui(earlier, explicit=True) == 0
    _close(started)
    assert run_gui() == 0
    assert started[-1].session.path == earlier
    assert started[-1].store.article_count() == 1
    _close(started)
    # A remembered database that was deleted since: the default one opens.
    earlier.unlink()
    assert run_gui() == 0
    assert started[-1].session.path == paths.default_db_path()


def _close(windows: list) -> None:
    """Close as quitting does: the window goes before its database."""
    from annotator.gui.qt import QApplication, QEvent

    while windows:
        window = windows.pop()
        store = window.store
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()


def test_a_database_that_cannot_be_opened_is_one_message(
    started: list, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from annotator.gui.app import run_gui
    from annotator.gui.qt import QMessageBox

    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a: messages.append(text))
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert run_gui(junk, explicit=True) == 1
    assert started == []
    (message,) = messages
    assert message.startswith("Could not open the database.") and "junk.db" in message
    assert junk.read_bytes() == b"not a database at all" * 100


def test_without_the_installed_package_data_the_checkout_resources_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.resources

    from annotator import resources

    def not_installed(_package: str):
        raise ModuleNotFoundError("annotator.resource_files")

    monkeypatch.setattr(importlib.resources, "files", not_installed)
    resources.resource_dir.cache_clear()
    try:
        assert resources.resource_dir() == ROOT / "resources"
    finally:
        resources.resource_dir.cache_clear()

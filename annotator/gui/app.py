"""Starting the GUI: settings, the database (filled from the sample corpus on first
start), the stylesheet and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core.errors import AnnotatorError
from ..core.importing import import_paths
from ..core.store import Store
from ..paths import config_dir, default_db_path
from ..resources import resource_path
from .backups import offer_damaged_restore
from .errors import install_error_reporter
from .fonts import with_fallbacks
from .main_window import MainWindow
from .qt import QApplication, QIcon, QMessageBox, QSettings, QTimer, literal
from .session import Session
from .theme import ThemeController
from .welcome import maybe_show_welcome

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "sample_corpus"


def make_settings() -> QSettings:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Annotator")
    app.setOrganizationName("Annotator")
    icon = resource_path("annotator.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    # Emoji and other characters the main font lacks, from any font that has them.
    app.setFont(with_fallbacks(app.font()))
    # Palette and stylesheet of the chosen theme, kept up with the system's scheme;
    # the window finds it with app.findChild(ThemeController) for View › Theme.
    if app.findChild(ThemeController) is None:
        ThemeController(app, make_settings()).apply()
    return app


def open_store(path: Path, annotator: str | None, *, seed: bool) -> Store:
    """Open (or create) the database; a new, empty default one gets the sample corpus."""
    is_new = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(path, annotator=annotator)
    if seed and is_new and store.article_count() == 0 and SAMPLE_CORPUS.is_dir():
        import_paths(store, [SAMPLE_CORPUS / p.name for p in sorted(SAMPLE_CORPUS.glob("*.txt"))])
    return store


def build_window(
    db_path: Path,
    *,
    annotator: str | None = None,
    seed: bool = True,
    settings: QSettings | None = None,
) -> MainWindow:
    settings = settings or make_settings()
    annotator = annotator or settings.value("annotator") or None
    is_new = not db_path.exists()
    store = open_store(db_path, annotator, seed=seed)
    window = MainWindow(Session(store), settings)
    window.settings.setValue("database", str(db_path))
    if is_new:
        window.statusBar().showMessage(f"Created new database {db_path}", 10000)
    return window


def run_gui(
    db_path: Path | None = None,
    *,
    annotator: str | None = None,
    explicit: bool = False,
    quit_after: int | None = None,
) -> int:
    app = application()
    settings = make_settings()
    if db_path is None or not explicit:
        remembered = settings.value("database")
        default = default_db_path()
        db_path = (
            Path(remembered) if remembered and Path(remembered).exists() else (db_path or default)
        )
    install_error_reporter()
    try:
        window = build_window(
            db_path, annotator=annotator, seed=db_path == default_db_path(), settings=settings
        )
    except AnnotatorError as exc:
        message = f"Could not open the database.\n\n{exc}"
        restored = offer_damaged_restore(None, db_path, message)
        if restored is None:
            QMessageBox.critical(None, "Annotator", literal(message))
            return 1
        window = build_window(restored, annotator=annotator, seed=False, settings=settings)
    window.show()
    maybe_show_welcome(window, settings, window.session.path, window.appearance.theme)
    if quit_after is not None:
        # Every window, the welcome page too, or the application stays open.
        QTimer.singleShot(quit_after, app.closeAllWindows)
    elif (
        not annotator
        and not settings.value("annotator")
        and not os.environ.get("ANNOTATOR_NAME")
        # Without a screen nobody could answer: the login name stays.
        and QApplication.platformName() != "offscreen"
    ):
        # First start: ask who is coding (prefilled with the login name) once. The window
        # as context: a window closed meanwhile cancels the question.
        QTimer.singleShot(0, window, lambda: window.set_annotator_name(first_start=True))
    return app.exec()

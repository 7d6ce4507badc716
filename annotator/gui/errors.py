"""Unexpected errors in the window: a dialog the analyst sees, and a report in the log.

``install_error_reporter()`` replaces ``sys.excepthook`` (an exception in a slot or an
event handler ends there), ``threading.excepthook`` and Qt's message handler (Qt's
critical and fatal messages go to the log). Each error is written with the version,
platform and Qt version to the rotated log under the user log folder
(:mod:`annotator.errorlog`), and a dialog says "Something went wrong; your work up to
the last action is saved" with a button that copies the report. The claim holds:
every action is one committed transaction, and one that failed was rolled back.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType

from ..errorlog import build_report, write_report
from .qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    Qt,
    QtMsgType,
    QVBoxLayout,
    QWidget,
    Signal,
    qInstallMessageHandler,
    qVersion,
)

HEADLINE = "Something went wrong; your work up to the last action is saved."


def qt_version() -> str:
    import PySide6

    return f"{qVersion()} (PySide6 {PySide6.__version__})"


class ErrorDialog(QDialog):
    """The error as the analyst sees it: what happened, where the report is, Copy report."""

    def __init__(self, report: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Annotator: unexpected error")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        words = QVBoxLayout()
        self.headline = QLabel(HEADLINE)
        self.headline.setObjectName("errorHeadline")
        self.headline.setStyleSheet("font-weight: bold;")
        self.headline.setWordWrap(True)
        words.addWidget(self.headline)
        detail = QLabel(
            "You can go on working. If it happens again, send the report to whoever "
            f"looks after Annotator for you. It is also kept in {log_path}."
        )
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(detail)
        top.addLayout(words, 1)
        layout.addLayout(top)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy report")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 400)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText("Copied")


class ErrorReporter(QObject):
    """Catches unexpected exceptions, logs each and shows one dialog at a time."""

    _from_thread = Signal(str, str)

    def __init__(self, log_folder: Path | None = None) -> None:
        super().__init__()
        self.log_folder = log_folder
        self.dialog: ErrorDialog | None = None
        self.reports: list[str] = []
        self._previous_hook = None
        self._previous_thread_hook = None
        self._from_thread.connect(self._show)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            qInstallMessageHandler(None)
            self._previous_hook = None

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Log the exception and show the dialog (the sys.excepthook)."""
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        report = build_report(exc_type, exc, tb, qt_version=qt_version())
        path = write_report(report, self.log_folder)
        sys.stderr.write(report)
        if threading.current_thread() is threading.main_thread():
            self._show(report, str(path))
        else:
            self._from_thread.emit(report, str(path))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def _show(self, report: str, path: str) -> None:
        self.reports.append(report)
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; every report is in the log
        if QApplication.instance() is None:
            return
        self.dialog = ErrorDialog(report, Path(path), QApplication.activeWindow())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog.open()

    def _qt_message(self, mode: QtMsgType, context, message: str) -> None:
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            where = f"{context.file}:{context.line}" if context and context.file else "Qt"
            write_report(
                f"Qt {mode.name} at {where}: {message}\nQt: {qt_version()}\n", self.log_folder
            )
        sys.stderr.write(f"{message}\n")


_reporter: ErrorReporter | None = None


def install_error_reporter(log_folder: Path | None = None) -> ErrorReporter:
    """Install the window's error reporter once (later calls return the same one)."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter(log_folder)
        _reporter.install()
    return _reporter

"""Reports of unexpected errors: the traceback with the version, platform and Qt
version, written to a rotated log under the user log folder. No Qt import here: the
command line writes the same reports; the window passes its Qt version in."""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import platformdirs

APP_NAME = "annotator"
LOG_NAME = "annotator.log"
# Five files of 512 KiB: enough for many reports, never a growing disk hog.
MAX_BYTES = 512 * 1024
BACKUP_COUNT = 5


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    qt_version: str | None = None,
    context: str | None = None,
) -> str:
    """The text of one report: when, versions, platform, what was running, traceback."""
    from . import __version__

    lines = [
        f"Annotator {__version__} error report, {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Platform: {platform.platform()}",
    ]
    if qt_version:
        lines.append(f"Qt: {qt_version}")
    if context:
        lines.append(f"While: {context}")
    lines.append("")
    lines.extend(line.rstrip("\n") for line in traceback.format_exception(exc_type, exc, tb))
    return "\n".join(lines) + "\n"


def write_report(report: str, folder: Path | None = None) -> Path:
    """Append ``report`` to the rotated log in ``folder`` (default: the user log
    folder) and return the log file's path. Never raises: a report that cannot be
    written must not hide the error it describes."""
    folder = folder or log_dir()
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        try:
            record = logging.LogRecord(APP_NAME, logging.ERROR, "", 0, report, None, None)
            handler.setFormatter(logging.Formatter("%(message)s"))
            handler.emit(record)
        finally:
            handler.close()
    except OSError:
        pass
    return path

"""Reports of unexpected errors: the traceback with the version, platform and Qt
version, written to a rotated log under the user log folder. No Qt import here: the
command line writes the same reports; the window passes its Qt version in."""

from __future__ import annotations

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
        # Measured as written (bytes, with its blank line), or a log can pass MAX_BYTES.
        entry = (report.rstrip("\n") + "\n\n").encode("utf-8")
        if path.exists() and path.stat().st_size + len(entry) > MAX_BYTES:
            _rotate(path)
        with path.open("ab") as log:
            log.write(entry)
    except OSError:
        pass
    return path


def _rotate(path: Path) -> None:
    # annotator.log -> .1 -> .2 ... -> .5 (dropped), as logging's RotatingFileHandler
    # does; that module is not used because it imports the socket module.
    for n in range(BACKUP_COUNT - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))

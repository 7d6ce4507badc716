"""Error reports: what a report holds, and a log that rotates instead of growing."""

from __future__ import annotations

import sys
from pathlib import Path

from annotator import errorlog


def _report(n: int) -> str:
    try:
        raise ValueError(f"report number {n}")
    except ValueError:
        return errorlog.build_report(*sys.exc_info(), qt_version="6.x", context="export")


def test_report_names_version_platform_qt_and_traceback() -> None:
    text = _report(1)
    for part in ("Annotator 0.", "Python 3.", "Platform: ", "Qt: 6.x", "While: export"):
        assert part in text
    assert "Traceback (most recent call last)" in text
    assert "ValueError: report number 1" in text


def test_log_rotates_and_keeps_a_bounded_number_of_files(tmp_path: Path) -> None:
    size = len(_report(0))
    count = errorlog.MAX_BYTES // size * (errorlog.BACKUP_COUNT + 3)
    for n in range(count):
        path = errorlog.write_report(_report(n), tmp_path)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["annotator.log"] + [
        f"annotator.log.{n}" for n in range(1, errorlog.BACKUP_COUNT + 1)
    ]
    for name in files:
        assert (tmp_path / name).stat().st_size <= errorlog.MAX_BYTES
    newest = path.read_text(encoding="utf-8")
    assert f"ValueError: report number {count - 1}\n" in newest
    assert "ValueError: report number 0\n" not in "".join(
        (tmp_path / name).read_text(encoding="utf-8") for name in files
    )


def test_a_log_of_non_ascii_reports_stays_within_its_size(tmp_path: Path) -> None:
    # "é" is two bytes: counting characters let this second report overfill the log.
    errorlog.write_report("a" * 200_000, tmp_path)
    errorlog.write_report("é" * 200_000, tmp_path)
    for path in tmp_path.iterdir():
        assert path.stat().st_size <= errorlog.MAX_BYTES, path.name

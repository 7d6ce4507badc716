"""The desktop build, started as a user starts it (runs only when `make dist` built it).

Window offscreen on a temporary database, import of a file, export of it, each with
exit status 0, from the built executable alone (no checkout on its path).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dist" / "annotator"
EXE = APP / ("annotator.exe" if os.name == "nt" else "annotator")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXE.is_file(), reason="no desktop build (make dist)"),
]


def run_app(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV")) and k != "ANNOTATOR_DB"
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(EXE), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,  # away from the checkout: nothing is imported from it
        timeout=180,
    )


def test_built_app_opens_imports_exports_and_quits_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "thesis.db"
    article = tmp_path / "story.txt"
    article.write_text(
        "Ports reopen after the storm\n\nHARBOURTOWN (Wire) - The harbour master said "
        '"every quay is safe again" on Monday.\n',
        encoding="utf-8",
    )

    window = run_app("--db", db, "gui", "--quit-after", "1500", cwd=tmp_path)
    assert window.returncode == 0, window.stderr[-3000:]
    assert db.is_file()

    imported = run_app("--db", db, "import", article, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr[-3000:]

    out = tmp_path / "out.jsonl"
    exported = run_app("--db", db, "export", "-o", out, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr[-3000:]
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"] == article.read_text(encoding="utf-8")
    assert record["title"] == "Ports reopen after the storm"

    backed_up = run_app("--db", db, "backup", "-o", tmp_path / "copy.db", cwd=tmp_path)
    assert backed_up.returncode == 0, backed_up.stderr[-3000:]


def test_linux_build_has_its_desktop_entry_and_icon() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    entry = (APP / "annotator.desktop").read_text(encoding="utf-8")
    assert "Exec=annotator" in entry and "Icon=annotator" in entry
    assert (APP / "annotator.png").is_file()
    assert os.access(APP / "install-desktop-entry.sh", os.X_OK)

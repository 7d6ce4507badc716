#!/usr/bin/env python3
"""Build the wheel, the sdist and the one-folder desktop app for this system.

    python packaging/build.py            # what `make dist` runs; Windows and macOS too

1. ``python -m build`` writes the wheel and the sdist into ``dist/``.
2. A clean venv (``build/app-venv``) gets that wheel with its ``dist`` extra
   (PyInstaller), so the app holds what a user's install holds, not the checkout.
3. PyInstaller runs ``packaging/annotator.spec``: ``dist/annotator/`` (one folder; the
   executable is ``annotator``/``annotator.exe``), on macOS also ``dist/Annotator.app``.
4. On Linux the ``.desktop`` entry, the icon and ``install-desktop-entry.sh`` go next
   to the executable.

Prints the size of the app and its start-up time (``--help`` and the window).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"


def run(*args: str | Path, cwd: Path = ROOT) -> None:
    print("+", " ".join(map(str, args)), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=cwd)


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    for old in DIST.glob("annotator-*"):
        old.unlink()
    shutil.rmtree(DIST / "annotator", ignore_errors=True)
    # --no-isolation: built with this interpreter's setuptools and build (no download).
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", DIST, ".")
    (wheel,) = DIST.glob("annotator-*.whl")

    app_venv = WORK / "app-venv"
    venv.EnvBuilder(clear=True, with_pip=True).create(app_venv)
    python = venv_python(app_venv)
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[dist]")
    run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--distpath",
        DIST,
        "--workpath",
        WORK / "pyinstaller",
        ROOT / "packaging" / "annotator.spec",
        # Outside the checkout, so that the installed wheel is bundled, not the sources.
        cwd=WORK,
    )
    app = DIST / "annotator"
    if sys.platform.startswith("linux"):
        for name in ("annotator.desktop", "install-desktop-entry.sh"):
            shutil.copy2(ROOT / "packaging" / name, app / name)
        shutil.copy2(ROOT / "resources" / "annotator.png", app / "annotator.png")

    exe = app / ("annotator.exe" if os.name == "nt" else "annotator")
    print(f"\nbuilt {exe}  ({folder_size(app) / 1_048_576:.0f} MB in {app})")
    for name in DIST.iterdir():
        if name.is_file():
            print(f"built {name}  ({name.stat().st_size / 1024:.0f} KB)")
    t = time.perf_counter()
    subprocess.run([exe, "--help"], check=True, capture_output=True)
    print(f"start-up, `annotator --help`: {time.perf_counter() - t:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

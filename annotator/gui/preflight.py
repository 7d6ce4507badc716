"""Checks, before the window opens, that Qt can reach a screen; says what is missing."""

from __future__ import annotations

import ctypes.util
import os
import sys

# The X11 platform plugin of Qt 6 loads these; Debian package names in brackets.
X11_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
}


def missing_packages() -> list[str]:
    if (
        sys.platform != "linux"
        or os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        return []
    return [pkg for lib, pkg in X11_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def main() -> int:
    missing = missing_packages()
    if missing:
        print("Missing libraries for the Qt window: " + " ".join(missing), file=sys.stderr)
        return 1
    if sys.platform == "linux" and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "No screen found (DISPLAY is not set). Run it in a desktop session, or under xvfb-run.",
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

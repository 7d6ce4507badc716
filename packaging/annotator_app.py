"""The desktop build's entry point: the same command line as ``annotator``.

Without a command it opens the window; ``import``, ``export``, ``backup`` and the
rest work as with a pip-installed ``annotator``.
"""

import os
import sys

from annotator.cli import main

if __name__ == "__main__":
    # A windowed build (Windows, macOS) starts without a console: give print() somewhere
    # to write instead of failing on a missing stdout.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main())

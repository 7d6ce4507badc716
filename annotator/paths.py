"""Where the database and settings live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "annotator"


def default_db_path() -> Path:
    """``$ANNOTATOR_DB``, or annotations.db in the user data folder."""
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "annotations.db"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))

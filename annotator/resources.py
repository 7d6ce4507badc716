"""Finding files in ``resources/`` from a checkout and from an installed wheel."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as _resources
from pathlib import Path


@cache
def resource_dir() -> Path:
    """The resources folder: inside the installed package, or at the checkout's top."""
    try:
        installed = Path(str(_resources.files("annotator.resource_files")))
        if (installed / "labels.json").is_file():
            return installed
    except (ModuleNotFoundError, TypeError):
        pass
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "labels.json").is_file():
        return checkout
    raise FileNotFoundError("Annotator's resources folder is missing; reinstall the package")


def resource_path(name: str) -> Path:
    return resource_dir() / name


@cache
def label_schema() -> tuple[dict, ...]:
    """The default labels: name, key, colour and description, in key order."""
    data = json.loads(resource_path("labels.json").read_text(encoding="utf-8"))
    return tuple(data["labels"])


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list of ``resources/`` (e.g. ``suggest/clause_verbs.txt``): one entry a
    line, lower-cased; blank lines and lines starting with ``#`` are skipped."""
    lines = resource_path(name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))

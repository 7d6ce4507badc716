"""Annotator: highlight quotes in news articles, tag speakers, claims and positions.

The headless API, usable from scripts and notebooks without Qt::

    from annotator import Store, import_paths, iter_records
    store = Store("annotations.db")
"""

from .core.errors import AnnotatorError, InputError, IntegrityError, OffsetError, StoreError
from .core.exporting import ExportFilter, export, iter_records
from .core.importing import ImportReport, import_paths
from .core.store import Changes, Store

__version__ = "0.1.0"

__all__ = [
    "AnnotatorError",
    "Changes",
    "ExportFilter",
    "ImportReport",
    "InputError",
    "IntegrityError",
    "OffsetError",
    "Store",
    "StoreError",
    "export",
    "import_paths",
    "iter_records",
]

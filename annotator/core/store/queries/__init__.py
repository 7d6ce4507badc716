"""Corpus-wide views: who said what, where speakers stand, and full-text search.

Read-only queries over a :class:`~annotator.core.store.Store` for the corpus views
(speakers, claims, positions, timeline, search) and for exporting "what you see".
Like the store, this is storage code (the GUI calls these functions and runs no SQL);
it only reads, through ``store.db``. One module per view; everything is
importable from here. The full-text indexes (words: ``articles_fts``,
``spans_fts``; trigrams for other scripts: ``articles_tri``, ``spans_tri``) are kept
in sync by triggers in the schema, so every write path (imports, edits, deletes,
undo and redo) updates them.

Conventions:

- One :class:`ViewFilter` describes the filters of every view; each view uses the
  fields that make sense for it (see each function).
- ``status`` filters the status of the annotations shown (claims, positions,
  highlights); when it is None, rejected annotations are left out.
- An article's date is its ``published`` date as ``YYYY-MM-DD``; an undated article
  has none (``date`` is None): date filters leave it out and a date sort puts it
  last in either direction. The import day is never shown as a date (the timeline
  alone places undated points on it, with ``dated`` 0).
- Paged functions take ``limit``/``offset`` and sort in SQLite; the matching
  ``*_count`` gives the number of rows, so a Qt model can fetch pages lazily. Pages
  are found in two steps (row ids in order, then the columns shown for those rows),
  so sorting 300,000 claims never reads 300,000 article rows.
- Search offsets are code points of the stored article text (Python ``str``
  indices), like every offset in Annotator; never the UTF-8 bytes FTS5 counts in.
"""

from __future__ import annotations

from .actors import speaker_mention_contexts, speaker_occurrences
from .agreement import ARTICLE_CHOICES, agreement_input, coded_articles
from .claims import CLAIM_SORT, claims_count, claims_page
from .common import DATE_SQL, NO_SPEAKER, SHOWN_DATE_SQL, STANCE_ORDER, VIEWS, ViewFilter
from .network import (
    NetworkFilter,
    all_layers,
    network_claims,
    network_layers,
    network_positions,
    network_statements,
)
from .positions import (
    POSITION_SORT,
    GridAxis,
    PositionGrid,
    cell_evidence,
    dominant_stance,
    position_first_span,
    position_grid,
    positions_count,
    positions_page,
)
from .search import (
    SEARCH_ORDERS,
    check_search_index,
    rebuild_search_index,
    search,
    search_count,
    span_scope,
)
from .speakers import SPEAKER_SORT, speaker_first_span, speaker_stats, speakers_count, speakers_page
from .text import Phrase, fold, lower, needs_substring_search, snippet
from .timeline import timeline, timeline_subjects
from .views import export_rows, export_view, view_article_ids, view_export_filter

__all__ = [
    "ARTICLE_CHOICES",
    "CLAIM_SORT",
    "DATE_SQL",
    "NO_SPEAKER",
    "POSITION_SORT",
    "SEARCH_ORDERS",
    "SHOWN_DATE_SQL",
    "SPEAKER_SORT",
    "STANCE_ORDER",
    "VIEWS",
    "GridAxis",
    "NetworkFilter",
    "Phrase",
    "PositionGrid",
    "ViewFilter",
    "agreement_input",
    "all_layers",
    "cell_evidence",
    "check_search_index",
    "claims_count",
    "claims_page",
    "coded_articles",
    "dominant_stance",
    "export_rows",
    "export_view",
    "fold",
    "lower",
    "needs_substring_search",
    "network_claims",
    "network_layers",
    "network_positions",
    "network_statements",
    "position_first_span",
    "position_grid",
    "positions_count",
    "positions_page",
    "rebuild_search_index",
    "search",
    "search_count",
    "snippet",
    "span_scope",
    "speaker_first_span",
    "speaker_mention_contexts",
    "speaker_occurrences",
    "speaker_stats",
    "speakers_count",
    "speakers_page",
    "timeline",
    "timeline_subjects",
    "view_article_ids",
    "view_export_filter",
]

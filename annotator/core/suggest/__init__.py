"""Rule-based suggestions of claims, cues and speakers in a news article.

Pure functions over the article text (standard library only, no database, no Qt)::

    from annotator.core.suggest import suggest_article
    claims = suggest_article(text, known_speakers)

Every offset is a Python ``str`` index (Unicode code point) into ``text``.
"""

from __future__ import annotations

from .engine import suggest_article
from .model import KnownSpeaker, SpanRef, SuggestedClaim, SuggestedSpeaker

__all__ = ["KnownSpeaker", "SpanRef", "SuggestedClaim", "SuggestedSpeaker", "suggest_article"]

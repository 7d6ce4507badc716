"""The word forms that begin a reporting cue, read from the lexicon's cue verbs and
phrasal cues: the tokenizer notes where they are (``tokens.SPOT_WORDS``) and the cue
finder (``cues.py``) matches them.
"""

from __future__ import annotations

from .lexicon import CUE_WORDS, PHRASAL_CUES

# the forms of a phrasal cue's first word ("called" of "called for") -> its lemma
PHRASAL_FIRST = {f: lemma for lemma, forms in PHRASAL_CUES.items() for f in forms}
# every form that begins a cue, longest first
CUE_FORMS = sorted(CUE_WORDS | set(PHRASAL_FIRST), key=len, reverse=True)
# the first words of the cues (``tokens.word_spots``)
CUE_FIRST = frozenset(CUE_FORMS) | {"according"}

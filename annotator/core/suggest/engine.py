"""Rule-based claim suggestions: the pipeline over one article.

All on Python ``str`` offsets of the article text, one module a step:

1. paragraphs and sentence ends, quotations (``quotes.py``): pairs of marks, nested
   quotes inside their outer quote, a quote left open at a paragraph end continued by
   the next paragraph's opening mark;
2. tokens (``tokens.py``), reporting cues (``cues.py``, ``cue_forms.py``) and speaker
   mentions (``speaker_mentions.py`` before and after a cue, reading names, roles and
   affiliations with ``noun_phrases.py``, verbs with ``verbs.py`` and phrases next to a
   quotation with ``quote_phrases.py``; ``written_sources.py`` the source a cue's own
   phrase writes), word lists in ``lexicon.py`` and ``resources/suggest/``;
3. direct claims (``direct.py``): each quotation attributed to the cue and mention
   before or after it;
4. reported claims (``reported.py``): "X said (that) <clause>." and "according to X,
   <clause>.";
5. attributions without quotes or a listed cue (``clauses.py``, ``clause_forms.py``),
   then frames of stance, intent and belief in what they left (``frames.py``), what
   documents show (``evidence.py``), and an "according to" or "as reported by" around
   claims found inside its clause (``outer.py``);
6. speakers (``entities.py``, ``speakers.py``): each mention resolved to a full name
   and matched to known speakers.

Steps 3-5 pass ``Candidate`` values (``candidates.py``); step 6 turns them into the
public ``SuggestedClaim``. Conventions follow ``sample_corpus/build_gold.py``;
``bench/suggest_eval.py`` and ``bench/polnear_eval.py`` measure them.
"""

from __future__ import annotations

import gc
import re
import threading
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from . import clauses, evidence, frames
from .candidates import Candidate, n_words
from .cues import Index
from .direct import borrow_cues, cut_dash_asides, direct_claims
from .model import KnownSpeaker, SuggestedClaim
from .outer import according_claims, reported_by_claims
from .prune import prune
from .quotes import MARK_RE, Paragraph, find_quotes, paragraphs, sentence_ends
from .reported import reported_claims
from .speakers import resolve
from .tokens import forget

# a content that ends right before "and"/"but" and a second verb
_AND_NEXT_RE = re.compile(r"[,;]?\s+(?:and|but)\s")


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Cyclic garbage collection paused while the block runs, then back as it was (also
    on an exception).

    An article's many short-lived tuples, lists and records are freed by reference
    counting; the collector's passes over them (~3% of the time) find almost nothing
    (a few hundred objects over 840 articles), and it runs again after. The switch
    is process-wide, so nested or concurrent blocks (suggestions run off the UI thread)
    count: the last one out restores the state the first one found.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()


def suggest_article(text: str, known_speakers: Sequence[KnownSpeaker] = ()) -> list[SuggestedClaim]:
    """Claims found in ``text`` by rules, in reading order.

    Every offset is a Python ``str`` index into ``text`` (``end`` exclusive).
    """
    with _no_cyclic_gc():
        try:
            return _suggest(text, known_speakers)
        finally:
            # the article's tokens freed while the collector is paused (``forget``)
            forget(text)


def _suggest(text: str, known_speakers: Sequence[KnownSpeaker]) -> list[SuggestedClaim]:
    if not text or not text.strip():
        return []
    paras = paragraphs(text)
    if not paras:
        return []
    ends: list[int] = []
    for p in paras:
        for e in sentence_ends(text, p.start, p.end):
            if e < p.end:
                ends.append(e)
        ends.append(p.end)
    quotes = find_quotes(text, paras)
    cues = Index(text, [(p.start, p.end) for p in paras])
    raws = direct_claims(text, paras, ends, quotes, cues)
    raws += reported_claims(text, paras, ends, quotes, raws, cues)
    # a short quote without a cue ("called it 'stupid'") is a term unless a clause
    # claims it: the clause rules may read through it
    terms = {
        id(r) for r in raws if r.cue is None and r.inherit == "quote" and n_words(text, r.spans) < 4
    }
    quoted = sorted((q.open_pos, q.close_pos + 1) for q in quotes)
    shadowed: set[int] = set()
    found = _clause_claims(
        text, paras, ends, [r for r in raws if id(r) not in terms], cues, quoted, shadowed
    )
    if shadowed:
        # a cue inside an "according to" phrase is part of its source
        raws = [r for r in raws if r.cue is None or r.cue.start not in shadowed]
        found = [f for f in found if f.cue is None or f.cue.start not in shadowed]
    if found and terms:
        spans = [sp for f in found for sp in f.spans]
        raws = [r for r in raws if id(r) not in terms or not _overlaps(r.spans, spans)]
    raws += found
    raws.sort(key=lambda r: r.spans[0][0])
    raws = borrow_cues(text, ends, raws, cues)
    cut_dash_asides(text, raws)
    return prune(resolve(text, raws, known_speakers), text)


def _clause_claims(
    text: str,
    paras: list[Paragraph],
    ends: list[int],
    raws: list[Candidate],
    cues: Index,
    quoted: list[tuple[int, int]],
    shadowed: set[int],
) -> list[Candidate]:
    """Attributions without quotes the rules above left (``clauses.py``, ``frames.py``);
    ``quoted`` the sorted ranges of the quotations; the starts of cues that turn out to
    be part of an "according to" source go into ``shadowed``."""
    sentences = []
    k = 0
    for pi, p in enumerate(paras):
        start = p.start
        while k < len(ends) and ends[k] <= p.end:
            if ends[k] > start:
                sentences.append((start, ends[k], pi))
                start = ends[k]
                while start < p.end and text[start].isspace():
                    start += 1
            k += 1
    taken = sorted(sp for r in raws for sp in r.spans)
    out = []
    found = clauses.find(text, sentences, taken)
    # stance, intent and belief frames take only what the clause rules left
    found += frames.find(text, sentences, taken)
    found += evidence.find(text, sentences, taken)
    # a second verb of the same subject after a claim's content ("..., calling it reckless
    # and vowing to stop it"), inside the content or right after it (the boundary rules
    # may have cut the content before the "and" already): the content ends before "and"
    spans = []
    for claim in (*raws, *found):
        if claim.cue is None or getattr(claim, "kind", "") == "direct":
            continue
        for x, (s, e) in enumerate(claim.spans):
            if _AND_NEXT_RE.match(text, e):
                i = bisect_left(ends, e)
                e = ends[i] if i < len(ends) else e
            if (
                text.find(" and ", s, e) >= 0
                or text.find(" but ", s, e) >= 0
                or text.find(" when asked ", s, e) >= 0
            ):
                spans.append((claim, x, e))
    holders = [
        (c.spans[x][0], e, frames.verb_form(text[c.cue.start : c.cue.end].split()[0].lower()))
        for c, x, e in spans
    ]
    for h, cut, second in frames.coordinated(text, sentences, taken, quoted, holders):
        claim, x, _ = spans[h]
        s, end = claim.spans[x][0], cut
        while end > s and (text[end - 1].isspace() or text[end - 1] in ",;"):
            end -= 1
        claim.spans[x:] = [(s, end)]
        if second.cue.word in ("asked", "ask"):
            found.append(second)  # "when asked ...": the asker is unnamed
        else:
            found.append(replace(second, mention=claim.mention))
    # a cue already attributing a quote or a reported clause cannot introduce a second
    # claim: what the clause rules take there is the speaker ("...," said Ann Lee) or
    # the scene before it ("On the radio, she said, "...")
    used = {r.cue.start for r in raws if r.cue is not None}
    found = [f for f in found if f.cue.start not in used]
    # an "according to" around the claims found inside its clause
    used |= {f.cue.start for f in found}
    found += according_claims(text, sentences, cues, used, shadowed)
    found += reported_by_claims(text, sentences, used)
    for f in found:
        # a quoted fragment inside the paraphrase makes it mixed
        marks = [
            m.start()
            for s, e in f.spans
            for m in MARK_RE.finditer(text, s, e)
            if _is_mark(text, m.start())
        ]
        kind = "indirect"
        if marks:
            whole = marks[0] == f.spans[0][0] and marks[-1] == f.spans[-1][1] - 1
            kind = "direct" if whole and len(f.spans) == 1 else "mixed"
        out.append(Candidate(f.spans, f.cue, f.mention, kind, f.para, ""))
    return out


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def _is_mark(text: str, i: int) -> bool:
    """A quotation mark, not an apostrophe inside a word ("don't")."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not (prev.isalnum() and nxt.isalnum()) and not (text[i] in "'’" and prev in "sS")

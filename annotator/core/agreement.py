"""Intercoder agreement on what analysts code: spans, attribution and stance.

The definitions are exact, so that anyone can recompute the figures (docs/format.md):

- **tokens**: the matches of ``\\w+`` in an article's stored text. For label L a
  token's value for a coder is 1 when it shares a character with one of the coder's
  accepted spans of label L, else 0. Nominal alpha over all tokens, per label.
- **spans**: pairwise F1 per label between each two coders, exact (same start and
  end) and overlap (greedy one-to-one matching by largest overlap, any shared
  character), pooled over the articles both coded and averaged over pairs.
- **attribution**: in each article the claims of all coders are grouped into
  clusters of content spans that share a character (transitively). A coder's value
  in a cluster is the speaker of their first claim there (by start offset); a claim
  without a speaker has the value ``""``; a coder with no claim there has none.
- **stance**: units are (article, speaker, normalised target); a coder's value is the
  stance of their position on it, the most frequent if several (ties: favor,
  against, neutral, mixed in that order).

``compute`` also gives each pair of coders alone (``pairs``: each coder against
``curated``, say) and each article alone (``per_article``). What one article
contributes (token masks, pair counts, units) is worked out once and kept in its
``cache``. Nothing here reads the database: the store hands over `CodedArticle`
rows holding each coder's accepted annotations (``store/queries/agreement.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from .alpha import AlphaResult, alpha_from_unit_counts, nominal_alpha
from .errors import AnnotatorError

TOKEN = re.compile(r"\w+")
STANCE_ORDER = ("favor", "against", "neutral", "mixed")


@dataclass(frozen=True)
class CodedClaim:
    """A claim: its content spans as (start, end) and its speaker id (None if unset)."""

    spans: tuple[tuple[int, int], ...]
    speaker: str | None


@dataclass(frozen=True)
class CodedPosition:
    """A position: speaker id, the target as the store normalises it, the stance."""

    speaker: str
    target: str
    stance: str


@dataclass
class Layer:
    """One coder's accepted annotations of one article."""

    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (label, start, end)
    claims: list[CodedClaim] = field(default_factory=list)
    positions: list[CodedPosition] = field(default_factory=list)


@dataclass
class CodedArticle:
    """An article and the layers of the coders who coded it."""

    id: str
    title: str | None
    text: str
    layers: dict[str, Layer]
    # Tokens and coverage masks, worked out once per article (see token_alpha).
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Disagreement:
    """A place where coders differ, for the window to open."""

    article_id: str
    measure: str  # "spans <label>", "attribution" or "stance"
    start: int | None
    end: int | None
    values: dict[str, str | None]


class AgreementCancelled(AnnotatorError):
    """``cancelled()`` said so: the figures were left unfinished."""

    def __init__(self) -> None:
        super().__init__("agreement cancelled: nothing was computed")


def compute(
    articles: Sequence[CodedArticle],
    coders: Sequence[str],
    labels: Sequence[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """All agreement figures, in the JSON shape of ``annotator agreement``.

    Parameters:
        articles: the counted articles; a coder missing from an article's layers
            did not code it (their values there are missing, not zero).
        coders: the coders compared, in the order reported.
        labels: the span labels measured by tokens and spans.
        progress: called with (steps done, steps): one step per article, one per
            pair of coders, one for the pooled figures.
        cancelled: asked between steps; True stops the work.

    Raises:
        AgreementCancelled: ``cancelled()`` returned True.
    """
    pairs = list(combinations(coders, 2))
    steps = len(articles) + len(pairs) + 1
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps)
        if done < steps and cancelled is not None and cancelled():
            raise AgreementCancelled()

    # Article by article first: this fills each article's cache, which the pooled
    # figures then only add up.
    per_article = []
    for article in articles:
        per_article.append(_per_article(article, coders, labels))
        step()
    rows = []
    for pair in pairs:
        rows.append(_pair_row(articles, pair, labels))
        step()
    result: dict[str, Any] = {"annotators": list(coders), "articles": len(articles)}
    result["tokens"] = {
        label: _alpha_dict(token_alpha(articles, coders, label)) for label in labels
    }
    result["spans"] = {label: span_f1(articles, coders, label) for label in labels}
    units, _ = attribution_units(articles, coders)
    result["attribution"] = _alpha_dict(nominal_alpha(units), key="units")
    units, _ = stance_units(articles, coders)
    result["stance"] = _alpha_dict(nominal_alpha(units), key="units")
    result["pairs"] = rows
    result["per_article"] = per_article
    step()
    return result


def _pair_row(
    articles: Sequence[CodedArticle], pair: tuple[str, str], labels: Sequence[str]
) -> dict[str, Any]:
    """Every figure for two coders alone (a coder against `curated`, say):
    ``annotators`` (the two), ``articles`` (how many both coded), ``tokens`` and
    ``spans`` (per label: alpha, overlap F1), ``attribution`` and ``stance`` (alpha)."""
    both = [a for a in articles if pair[0] in a.layers and pair[1] in a.layers]
    return {
        "annotators": list(pair),
        "articles": len(both),
        "tokens": {label: token_alpha(both, pair, label).alpha for label in labels},
        "spans": {label: span_f1(both, pair, label)["f1_overlap"] for label in labels},
        "attribution": nominal_alpha(attribution_units(both, pair)[0]).alpha,
        "stance": nominal_alpha(stance_units(both, pair)[0]).alpha,
    }


def _alpha_dict(result: AlphaResult, key: str = "n") -> dict[str, Any]:
    return {
        "alpha": result.alpha,
        key: result.units,
        "observed_disagreement": result.observed,
        "expected_disagreement": result.expected,
    }


def token_alpha(articles: Iterable[CodedArticle], coders: Sequence[str], label: str) -> AlphaResult:
    """Nominal alpha over the ``\\w+`` tokens of every article, for one label."""
    shapes: Counter[tuple[tuple[int, int], ...]] = Counter()
    for article in articles:
        present = [c for c in coders if c in article.layers]
        m = len(present)
        if m < 2:
            continue
        histogram = _ones_histogram([_mask(article, c, label) for c in present])
        histogram[0] = len(_tokens(article)[0]) - sum(histogram[1:])
        for ones, count in enumerate(histogram):
            if count:
                shape = tuple((v, c) for v, c in ((0, m - ones), (1, ones)) if c)
                shapes[shape] += count
    return alpha_from_unit_counts(shapes)


def _tokens(article: CodedArticle) -> tuple[list[int], list[int]]:
    """The starts and ends of the article's ``\\w+`` tokens (computed once)."""
    cached = article.cache.get("tokens")
    if cached is None:
        found = [m.span() for m in TOKEN.finditer(article.text)]
        cached = ([s for s, _ in found], [e for _, e in found])
        article.cache["tokens"] = cached
    return cached


def _mask(article: CodedArticle, coder: str, label: str) -> int:
    """Bit i set when token i shares a character with one of the coder's ``label`` spans."""
    key = ("mask", coder, label)
    mask = article.cache.get(key)
    if mask is None:
        starts, ends = _tokens(article)
        mask = 0
        for span_label, start, end in article.layers[coder].spans:
            if span_label != label:
                continue
            lo = bisect_right(ends, start)  # first token ending after the span starts
            hi = bisect_left(starts, end)  # first token starting at or after its end
            if hi > lo:
                mask |= ((1 << hi) - 1) ^ ((1 << lo) - 1)
        article.cache[key] = mask
    return mask


def _ones_histogram(masks: Sequence[int]) -> list[int]:
    """How many tokens have k bits set across ``masks``, for k = 1..len(masks); index
    0 is left 0 (the caller counts unmarked tokens from the total)."""
    levels: list[int] = []  # bit-sliced counters: levels[b] holds bit b of each count
    for mask in masks:
        carry = mask
        for b in range(len(levels)):
            levels[b], carry = levels[b] ^ carry, levels[b] & carry
            if not carry:
                break
        if carry:
            levels.append(carry)
    histogram = [0] * (len(masks) + 1)
    everything = 0
    for level in levels:
        everything |= level
    for k in range(1, len(masks) + 1):
        exact = everything
        for b, level in enumerate(levels):
            exact &= level if k >> b & 1 else ~level
        if k >> len(levels):
            exact = 0
        histogram[k] = exact.bit_count()
    return histogram


def span_f1(articles: Sequence[CodedArticle], coders: Sequence[str], label: str) -> dict[str, Any]:
    """Pairwise exact and overlap F1 for one label, each pair and their mean."""
    pairs = []
    for a, b in combinations(coders, 2):
        exact = overlap = total = 0
        for article in articles:
            if a not in article.layers or b not in article.layers:
                continue
            counts = _pair_counts(article, a, b, label)
            exact, overlap, total = exact + counts[0], overlap + counts[1], total + counts[2]
        pairs.append(
            {
                "annotators": [a, b],
                "f1_exact": 2 * exact / total if total else None,
                "f1_overlap": 2 * overlap / total if total else None,
                "spans": total,
            }
        )
    return {
        "f1_exact": _mean(p["f1_exact"] for p in pairs),
        "f1_overlap": _mean(p["f1_overlap"] for p in pairs),
        "pairs": pairs,
    }


def _pair_counts(article: CodedArticle, a: str, b: str, label: str) -> tuple[int, int, int]:
    """Exact matches, overlap matches and spans of two coders in one article (once)."""
    key = ("f1", a, b, label)
    counts = article.cache.get(key)
    if counts is None:
        sa = [(s, e) for lab, s, e in article.layers[a].spans if lab == label]
        sb = [(s, e) for lab, s, e in article.layers[b].spans if lab == label]
        counts = (
            len(set(sa) & set(sb)),
            len(greedy_overlap_matches(sa, sb)),
            len(sa) + len(sb),
        )
        article.cache[key] = counts
    return counts


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def greedy_overlap_matches(
    left: Sequence[tuple[int, int]], right: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-to-one matches of overlapping ranges, largest overlap first.

    Returns pairs of indexes into ``left`` and ``right``. Ties are broken by
    position, so the result does not depend on the input order of equal ranges.
    """
    candidates = []
    ordered = sorted(range(len(right)), key=lambda j: right[j])
    starts = [right[j][0] for j in ordered]
    longest = max((e - s for s, e in right), default=0)
    for i, (s1, e1) in enumerate(left):
        # Only a range starting after s1 - longest can reach past s1.
        first = bisect_right(starts, s1 - longest)
        for k in range(first, bisect_left(starts, e1)):
            j = ordered[k]
            s2, e2 = right[j]
            shared = min(e1, e2) - max(s1, s2)
            if shared > 0:
                candidates.append((-shared, s1, s2, i, j))
    candidates.sort()
    used_left: set[int] = set()
    used_right: set[int] = set()
    matches = []
    for _, _, _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            matches.append((i, j))
    return matches


def attribution_units(
    articles: Iterable[CodedArticle], coders: Sequence[str]
) -> tuple[list[list[str | None]], list[Disagreement]]:
    """The attribution units (one per cluster of overlapping claims) and the
    clusters where coders named different speakers."""
    return _units_per_article(articles, coders, "attribution", _article_attribution)


def _article_attribution(
    article: CodedArticle, present: Sequence[str]
) -> tuple[list[list[str | None]], list[Disagreement]]:
    units: list[list[str | None]] = []
    disagreements: list[Disagreement] = []
    claims = [
        (coder, claim) for coder in present for claim in article.layers[coder].claims if claim.spans
    ]
    first_start = [min(claim.spans)[0] for _, claim in claims]
    for cluster in _clusters(claims):
        # Each coder's first claim in the cluster (by start; the earlier listed on a tie).
        firsts: dict[str, tuple[int, str]] = {}
        for index in cluster:
            coder, claim = claims[index]
            start = first_start[index]
            if coder not in firsts or start < firsts[coder][0]:
                firsts[coder] = (start, claim.speaker or "")
        values = {coder: speaker for coder, (_, speaker) in firsts.items()}
        units.append([values.get(c) for c in present])
        if len(values) >= 2 and len(set(values.values())) > 1:
            spans = [r for index in cluster for r in claims[index][1].spans]
            start = min(s for s, _ in spans)
            end = max(e for _, e in spans)
            values = {c: values[c] for c in present if c in values}
            disagreements.append(Disagreement(article.id, "attribution", start, end, values))
    return units, disagreements


def _clusters(claims: list[tuple[str, CodedClaim]]) -> list[list[int]]:
    """Group claims whose content spans share a character, transitively: the indexes
    of each group's claims, in the order of ``claims``."""
    ranges = sorted(
        (start, end, index) for index, (_, claim) in enumerate(claims) for start, end in claim.spans
    )
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reach_end, reach_index = -1, -1
    for start, end, index in ranges:
        if start < reach_end:
            parent[find(index)] = find(reach_index)
        if end > reach_end:
            reach_end, reach_index = end, index
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(claims)):
        groups[find(index)].append(index)
    return list(groups.values())


def stance_units(
    articles: Iterable[CodedArticle], coders: Sequence[str]
) -> tuple[list[list[str | None]], list[Disagreement]]:
    """The stance units, one per (article, speaker, target), and where coders differ."""
    return _units_per_article(articles, coders, "stance", _article_stance)


_ArticleUnits = tuple[list[list[str | None]], list[Disagreement]]


def _units_per_article(
    articles: Iterable[CodedArticle],
    coders: Sequence[str],
    measure: str,
    of_article: Callable[[CodedArticle, Sequence[str]], _ArticleUnits],
) -> _ArticleUnits:
    """Concatenate ``of_article``'s units and disagreements over the articles that at
    least two of ``coders`` coded, each article's result cached per set of coders
    (the window recomputes for other pairs without reading again)."""
    units: list[list[str | None]] = []
    disagreements: list[Disagreement] = []
    for article in articles:
        present = [c for c in coders if c in article.layers]
        if len(present) < 2:
            continue
        key = (measure, tuple(present))
        if key not in article.cache:
            article.cache[key] = of_article(article, present)
        more_units, more_places = article.cache[key]
        units += more_units
        disagreements += more_places
    return units, disagreements


def _article_stance(
    article: CodedArticle, present: Sequence[str]
) -> tuple[list[list[str | None]], list[Disagreement]]:
    units: list[list[str | None]] = []
    disagreements: list[Disagreement] = []
    held: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(dict)
    for coder in present:
        for p in article.layers[coder].positions:
            held[p.speaker, p.target].setdefault(coder, Counter())[p.stance] += 1
    for key in sorted(held):
        values = {coder: _dominant(counts) for coder, counts in held[key].items()}
        units.append([values.get(c) for c in present])
        if len(values) >= 2 and len(set(values.values())) > 1:
            disagreements.append(Disagreement(article.id, "stance", None, None, dict(values)))
    return units, disagreements


def _dominant(counts: Counter[str]) -> str:
    if len(counts) == 1:  # one stance (most coders, most units): nothing to break
        return next(iter(counts))
    top = max(counts.values())
    return next(s for s in (*STANCE_ORDER, *sorted(counts)) if counts.get(s) == top)


def _per_article(article: CodedArticle, coders: Sequence[str], labels: Sequence[str]) -> dict:
    one = [article]
    return {
        "id": article.id,
        "title": article.title,
        "annotators": [c for c in coders if c in article.layers],
        "tokens": {label: token_alpha(one, coders, label).alpha for label in labels},
        "spans": {label: span_f1(one, coders, label)["f1_overlap"] for label in labels},
        "attribution": nominal_alpha(attribution_units(one, coders)[0]).alpha,
        "stance": nominal_alpha(stance_units(one, coders)[0]).alpha,
    }


def _span_disagreements(
    article: CodedArticle, present: Sequence[str], label: str
) -> list[Disagreement]:
    """Places where spans of ``label`` overlap (transitively) and the coders' ranges
    there differ; a coder's value is their ranges (``"12-30"``, ``;``-joined) or None."""
    rows = sorted(
        (start, end, coder)
        for coder in present
        for span_label, start, end in article.layers[coder].spans
        if span_label == label
    )
    found: list[Disagreement] = []
    group: list[tuple[int, int, str]] = []
    reach = -1
    for row in [*rows, None]:
        if row is None or (group and row[0] >= reach):
            if group:
                ranges: dict[str, list[str]] = defaultdict(list)
                for start, end, coder in group:
                    ranges[coder].append(f"{start}-{end}")
                values = {c: (";".join(ranges[c]) if c in ranges else None) for c in present}
                if len(set(values.values())) > 1:
                    start = group[0][0]
                    end = max(e for _, e, _ in group)
                    found.append(Disagreement(article.id, f"spans {label}", start, end, values))
            group, reach = [], -1
        if row is not None:
            group.append(row)
            reach = max(reach, row[1])
    return found


def disagreements(
    articles: Sequence[CodedArticle], coders: Sequence[str], labels: Sequence[str]
) -> list[Disagreement]:
    """Every place where the coders differ: overlapping spans of a label whose ranges
    differ (or that a coder lacks), attribution clusters, stance units."""
    found: list[Disagreement] = []
    for article in articles:
        present = [c for c in coders if c in article.layers]
        if len(present) < 2:
            continue
        for label in labels:
            found += _span_disagreements(article, present, label)
    found += attribution_units(articles, coders)[1]
    found += stance_units(articles, coders)[1]
    return found

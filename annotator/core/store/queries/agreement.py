"""The agreement view's reads: who coded which articles, and each coder's layer.

``coded_articles`` hands ``core/agreement.py`` plain `CodedArticle` rows; the
figures are computed there, without SQL.

Who is a coder of an article: an annotator who marked it done or reviewed (the
per-analyst status), or who has an accepted highlight, claim or position in it.
A chosen annotator who is neither has no layer there: their values are missing,
not "tagged nothing".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ...agreement import CodedArticle, CodedClaim, CodedPosition, Layer
from ...errors import AnnotatorError
from .. import Store

ARTICLE_CHOICES = ("reliability-sample", "all-double-coded")
# Machine suggestions are never a coder; the curated layer is compared only on request.
NOT_CODERS = ("suggest", "curated")
DONE = ("done", "reviewed")


def layer_annotators(store: Store) -> list[str]:
    """The default coders: everyone with accepted annotations (machine suggestions
    and `curated` aside). Someone who only marked articles done is compared when
    named."""
    rows = store.database.query(
        "SELECT annotator FROM spans WHERE status = 'accepted' "
        "UNION SELECT annotator FROM claims WHERE status = 'accepted' "
        "UNION SELECT annotator FROM positions WHERE status = 'accepted'"
    )
    return sorted({r["annotator"] for r in rows if r["annotator"]} - set(NOT_CODERS))


def reliability_sample(store: Store) -> list[str]:
    """The article ids of the assigned reliability sample (empty when there is none)."""
    rows = store.database.query("SELECT article_id FROM reliability_sample ORDER BY article_id")
    return [r["article_id"] for r in rows]


def coders_by_article(store: Store, coders: Sequence[str]) -> dict[str, set[str]]:
    """For every article, which of ``coders`` coded it (see the module's rule)."""
    marks = ",".join("?" * len(coders))
    found: dict[str, set[str]] = defaultdict(set)
    sqls = [
        f"SELECT DISTINCT article_id, annotator FROM spans WHERE status = 'accepted' "
        f"AND annotator IN ({marks})",
        f"SELECT DISTINCT article_id, annotator FROM claims "
        f"WHERE status = 'accepted' AND annotator IN ({marks})",
        f"SELECT DISTINCT article_id, annotator FROM positions "
        f"WHERE status = 'accepted' AND annotator IN ({marks})",
        f"SELECT article_id, annotator FROM article_status "
        f"WHERE status IN ('done', 'reviewed') AND annotator IN ({marks})",
    ]
    for sql in sqls:
        for article_id, annotator in store.db.execute(sql, list(coders)):
            found[article_id].add(annotator)
    return found


def choose_articles(
    store: Store, coders: Sequence[str], articles: str | None = None
) -> tuple[list[str], str]:
    """The article ids to count, and which rule chose them.

    Parameters:
        articles: ``reliability-sample``, ``all-double-coded`` or None for the
            default: the sample if there is one, else every article at least two
            of ``coders`` coded.

    Raises:
        AnnotatorError: the sample was asked for and there is none.
    """
    sample = reliability_sample(store) if articles != "all-double-coded" else []
    if articles == "reliability-sample" and not sample:
        raise AnnotatorError("no reliability sample in this database (see `annotator assign`)")
    if sample:
        return sample, "reliability-sample"
    who = coders_by_article(store, coders)
    return sorted(a for a, names in who.items() if len(names) >= 2), "all-double-coded"


def coded_articles(
    store: Store, article_ids: Sequence[str], coders: Sequence[str]
) -> list[CodedArticle]:
    """Each counted article with the accepted layers of the coders who coded it."""
    if not article_ids or not coders:
        return []
    who = coders_by_article(store, coders)
    out: list[CodedArticle] = []
    chunk = 500
    for first in range(0, len(article_ids), chunk):
        ids = list(article_ids[first : first + chunk])
        marks = ",".join("?" * len(ids))
        layers: dict[str, dict[str, Layer]] = {
            a: {c: Layer() for c in coders if c in who.get(a, ())} for a in ids
        }
        # Plain tuples: a corpus coded three times over has hundreds of thousands of
        # rows, and a dict per row doubled the reading time.
        for article_id, annotator, label, start, end in store.db.execute(
            f'SELECT article_id, annotator, label, start, "end" FROM spans '
            f"WHERE article_id IN ({marks}) AND status = 'accepted' ORDER BY article_id, start",
            ids,
        ):
            layer = layers[article_id].get(annotator)
            if layer is not None:
                layer.spans.append((label, start, end))
        claim_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for claim_id, start, end in store.db.execute(
            f'SELECT cs.claim_id, s.start, s."end" FROM claims c JOIN claim_spans cs '
            f"ON cs.claim_id = c.id JOIN spans s ON s.id = cs.span_id "
            f"WHERE c.article_id IN ({marks}) AND c.status = 'accepted' ORDER BY cs.ord, s.start",
            ids,
        ):
            claim_spans[claim_id].append((start, end))
        for claim_id, article_id, speaker_id, annotator in store.db.execute(
            f"SELECT c.id, c.article_id, c.speaker_id, c.annotator FROM claims c "
            f"WHERE c.article_id IN ({marks}) AND c.status = 'accepted' ORDER BY c.rowid",
            ids,
        ):
            layer = layers[article_id].get(annotator)
            if layer is not None:
                spans = tuple(sorted(claim_spans.get(claim_id, ())))
                layer.claims.append(CodedClaim(spans, speaker_id))
        for article_id, speaker_id, target_id, stance, annotator in store.db.execute(
            f"SELECT p.article_id, p.speaker_id, p.target_id, p.stance, "
            f"p.annotator FROM positions p "
            f"WHERE p.article_id IN ({marks}) AND p.status = 'accepted' ORDER BY p.rowid",
            ids,
        ):
            layer = layers[article_id].get(annotator)
            if layer is not None:
                layer.positions.append(CodedPosition(speaker_id or "", target_id, stance))
        for article_id, title, text in store.db.execute(
            f"SELECT id, title, text FROM articles WHERE id IN ({marks})", ids
        ):
            out.append(CodedArticle(article_id, title, text, layers[article_id]))
    order = {a: i for i, a in enumerate(article_ids)}
    out.sort(key=lambda a: order[a.id])
    return out


def known_annotators(store: Store) -> set[str]:
    """Every name with a layer: accepted highlights, claims or positions, or an
    article marked done or reviewed (`suggest` and `curated` included)."""
    rows = store.database.query(
        "SELECT annotator FROM spans WHERE status = 'accepted' "
        "UNION SELECT annotator FROM claims WHERE status = 'accepted' "
        "UNION SELECT annotator FROM positions WHERE status = 'accepted' "
        "UNION SELECT annotator FROM article_status WHERE status IN ('done', 'reviewed')"
    )
    return {r["annotator"] for r in rows if r["annotator"] is not None}


def agreement_input(
    store: Store, annotators: Sequence[str] | None = None, articles: str | None = None
) -> tuple[list[CodedArticle], list[str], str]:
    """What ``agreement.compute`` needs: the counted articles with their layers, the
    coders, and the rule that chose the articles.

    Parameters:
        annotators: the coders compared (default: everyone with a layer, machine
            suggestions and `curated` aside).
        articles: see `choose_articles`.

    Raises:
        AnnotatorError: fewer than two coders, or a name with no annotations.
    """
    if annotators:
        known = known_annotators(store)
        missing = [name for name in annotators if name not in known]
        if missing:
            raise AnnotatorError(
                f"no annotations by {', '.join(map(repr, missing))} in this database"
            )
        coders = list(dict.fromkeys(annotators))
    else:
        coders = layer_annotators(store)
    if len(coders) < 2:
        raise AnnotatorError(
            f"agreement needs two annotators or more; this database has "
            f"{', '.join(coders) if coders else 'none'}"
        )
    ids, rule = choose_articles(store, coders, articles)
    return coded_articles(store, ids, coders), coders, rule


def speaker_names(store: Store, speaker_ids: Iterable[str | None]) -> dict[str, str]:
    """The names of these speakers, by id (None and unknown ids are left out)."""
    ids = sorted({s for s in speaker_ids if s})
    names: dict[str, str] = {}
    for first in range(0, len(ids), 500):
        chunk = ids[first : first + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.database.query(
            f"SELECT id, name FROM speakers WHERE id IN ({marks})", chunk
        ):
            names[row["id"]] = row["name"]
    return names

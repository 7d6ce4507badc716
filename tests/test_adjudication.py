"""Adjudication: layers lined up per place, decisions written to the curated layer."""

from __future__ import annotations

import json

from annotator.core.adjudication import build_items, coders_of, disagreements, lay_out, next_index
from annotator.core.exporting import ExportFilter, iter_records
from annotator.core.store import Store
from annotator.core.store.queries import agreement_input
from annotator.core.store.queries.agreement import speaker_names

TEXT = "Ana Ruiz said the tax is unfair. Ben Okafor said it was fine."
#       0   4    9    14  18  22 25     33  37     44   49 52  56


def coded(path) -> str:
    """Alice and Bob agree on the first quote's mention, differ on its extent and on
    who said the second."""
    store = Store(path, annotator="alice")
    article = store.add_article(TEXT, title="Tax")
    ana, ben = store.add_speaker("Ana Ruiz"), store.add_speaker("Ben Okafor")
    for who, first, second_speaker in (("alice", (14, 31), ana), ("bob", (18, 31), ben)):
        store = Store(path, annotator=who)
        mention = store.add_span(article, 0, 8, "speaker")
        one = store.add_span(article, *first, "claim")
        two = store.add_span(article, 49, 60, "claim")
        claim = store.add_claim(
            article, [one["id"]], speaker_id=ana["id"], mention_span_id=mention["id"]
        )
        store.add_claim(article, [two["id"]], speaker_id=second_speaker["id"])
        store.add_position(
            article,
            speaker_id=ana["id"],
            target="the tax",
            stance="against",
            evidence=[claim["id"]],
        )
    return article


def test_items_draw_agreements_once_and_mark_disagreements(tmp_path):
    article = coded(tmp_path / "a.db")
    store = Store(tmp_path / "a.db", annotator="judge")
    spans, claims = store.curation.layers(article)
    coders = coders_of(spans)
    assert coders == ["alice", "bob"]
    items = build_items(spans, claims, coders)
    assert [(i.label, i.start, i.end) for i in items] == [
        ("speaker", 0, 8),
        ("claim", 14, 31),
        ("claim", 49, 60),
    ]
    assert [i.agreed(coders) for i in items] == [True, False, False]
    assert disagreements(items, coders) == [1, 2]
    assert next_index([1, 2], 2, 1) == 1  # wraps round
    assert next_index([1, 2], None, -1) == 2


def test_taking_a_coders_version_fills_the_curated_layer_and_undoes(tmp_path):
    article = coded(tmp_path / "a.db")
    store = Store(tmp_path / "a.db", annotator="judge")
    spans, claims = store.curation.layers(article)
    items = build_items(spans, claims, ["alice", "bob"])
    store.curation.take(article, items[1].takes["alice"].span_ids)
    store.curation.take(article, items[2].takes["bob"].span_ids)
    spans, claims = store.curation.layers(article)
    items = build_items(spans, claims, ["alice", "bob"])
    assert items[1].curated is not None and items[1].curated.ranges == [(14, 31)]
    assert items[2].curated is not None
    assert [i.decided for i in items] == [True, True, True]  # the mention came with its claim
    curated = [s for s in spans if s["annotator"] == "curated"]
    assert {s["reviewer"] for s in curated} == {"judge"}
    assert all(s["reviewed_at"] for s in curated)
    # Deciding again replaces the decision instead of adding to it.
    store.curation.take(
        article, items[2].takes["alice"].span_ids, replacing=items[2].curated.span_ids
    )
    # The gold set: an export of the curated layer only.
    records = list(iter_records(store, ExportFilter(annotators=("curated",))))
    (record,) = records
    gold = record["spans"]
    assert {s["annotator"] for s in gold} == {"curated"}
    assert sorted((s["start"], s["end"]) for s in gold) == [(0, 8), (14, 31), (49, 60)]
    names = {s["id"]: s["name"] for s in record["speakers"]}
    assert {c["annotator"] for c in record["claims"]} == {"curated"}
    assert sorted(names[c["speaker"]] for c in record["claims"]) == ["Ana Ruiz", "Ana Ruiz"]
    (position,) = record["positions"]
    assert position["annotator"] == "curated" and position["stance"] == "against"
    # Each decision is one undo step of the adjudicator.
    store.undo()
    store.undo()
    store.undo()
    spans, _ = store.curation.layers(article)
    assert not [s for s in spans if s["annotator"] == "curated"]
    json.dumps(records)


def test_agreement_compares_each_coder_with_the_curated_layer(tmp_path):
    article = coded(tmp_path / "a.db")
    store = Store(tmp_path / "a.db", annotator="judge")
    spans, claims = store.curation.layers(article)
    items = build_items(spans, claims, ["alice", "bob"])
    store.curation.take(article, items[1].takes["alice"].span_ids)
    store.curation.take(article, items[2].takes["alice"].span_ids)
    articles, coders, _ = agreement_input(store, ["alice", "bob", "curated"])
    assert coders == ["alice", "bob", "curated"]
    assert len(articles) == 1 and set(articles[0].layers) == {"alice", "bob", "curated"}
    # Default coders leave the curated layer out.
    assert agreement_input(store)[1] == ["alice", "bob"]


def test_laying_out_an_article_names_the_coders_places_and_speakers(tmp_path):
    article = coded(tmp_path / "a.db")
    store = Store(tmp_path / "a.db", annotator="judge")
    spans, claims = store.curation.layers(article)
    places = lay_out(spans, claims, lambda ids: speaker_names(store, ids))
    assert places.coders == ["alice", "bob"]
    assert places.differ == [1, 2]
    assert sorted(places.speaker_names.values()) == ["Ana Ruiz", "Ben Okafor"]
    only_alice = lay_out(spans, claims, lambda ids: speaker_names(store, ids), ["alice"])
    assert only_alice.differ == []  # one coder agrees with herself everywhere

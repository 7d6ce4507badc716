"""Nothing an analyst did is lost or changed behind their back (the store's part).

Decisions on suggestions touch only what the suggester made; undo never gets stuck
(suggestion runs are one undo step, imports are not undoable but never block
undo); undo is per annotator; the API refuses input that would later break export
or re-import; text given to the API is normalised as import does.
"""

from __future__ import annotations

import json
import random
from contextlib import suppress
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, IntegrityError, OffsetError, UndoConflict
from annotator.core.exporting import ExportFilter, export, iter_records
from annotator.core.importing import import_paths
from annotator.core.store import Store, normalise_target
from annotator.core.suggest.runner import suggest_corpus
from annotator.core.textio import decode_bytes

TEXT = 'Talks end\n\nThe minister said: "We will not join any bloc." Officials agreed.\n'
QUOTE = "We will not join any bloc."


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def fk_problems(store: Store) -> list:
    return store.db.execute("PRAGMA foreign_key_check").fetchall()


def exported(store: Store, **flt) -> list[dict]:
    return list(iter_records(store, ExportFilter(**flt)))


def import_records(store: Store, tmp_path: Path, name: str, records: list[dict]) -> None:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = import_paths(store, [path])
    assert not report.errors, report.errors


def record_from(tmp_path: Path, build) -> dict:
    """The export record of an article built by ``build(store, article_id)`` elsewhere."""
    with Store(tmp_path / f"source-{len(list(tmp_path.iterdir()))}.db", annotator="src") as src:
        aid = src.add_article(TEXT.replace("Talks end", "Other talks"), title="Other")
        build(src, aid)
        (record,) = exported(src)
    return record


# -- 1. a decision on a suggestion touches only what the suggester made -----------------


@pytest.mark.parametrize("accept", [False, True])
def test_deciding_a_suggestion_leaves_the_analysts_own_cue_alone(accept: bool) -> None:
    store = Store(memory=True, annotator="alice")
    aid = store.add_article(TEXT)
    cue = store.tag(aid, *at(TEXT, "said"), "cue")["span"]
    suggest_corpus(store)
    (claim,) = store.claims(aid)
    assert claim["status"] == "suggested" and claim["cue_span_id"] == cue["id"]

    store.decide(claims=[claim["id"]], accept=accept, reviewer="rita")

    mine = store.span(cue["id"])
    assert (mine["status"], mine["reviewer"], mine["reviewed_at"]) == ("accepted", None, None)
    (record,) = exported(store)
    assert cue["id"] in {s["id"] for s in record["spans"]}
    # The suggester's own content highlight was decided as asked.
    quote = next(s for s in store.spans(aid) if s["text"] == QUOTE)
    assert quote["status"] == ("accepted" if accept else "rejected")
    assert quote["reviewer"] == "rita"


def test_rejecting_a_suggestion_keeps_an_accepted_speaker_mention_and_its_speaker() -> None:
    store = Store(memory=True, annotator="alice")
    aid = store.add_article(TEXT)
    mention = store.tag(aid, *at(TEXT, "The minister"), "speaker")["span"]
    store.link_mention(mention["id"], speaker_name="Claire Whitfield")
    speaker_id = store.span(mention["id"])["speaker_id"]
    suggest_corpus(store)
    (claim,) = store.claims(aid)
    assert claim["mention_span_id"] == mention["id"]

    store.decide(claims=[claim["id"]], accept=False)
    after = store.span(mention["id"])
    assert (after["status"], after["reviewer"], after["speaker_id"]) == (
        "accepted",
        None,
        speaker_id,
    )


# -- 2. undo never gets stuck ------------------------------------------------------------


def test_tag_then_suggest_then_undo_undoes_the_run_then_the_tag(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db", annotator="alice")
    aid = store.add_article(TEXT)
    cue = store.tag(aid, *at(TEXT, "said"), "cue")["span"]
    report = suggest_corpus(store)
    assert report.claims == 1

    assert store.undo_label() == "Suggest quotes"
    changes = store.undo()
    assert changes.action == "Undo Suggest quotes" and aid in changes.articles
    assert store.claims(aid) == []
    assert [s["id"] for s in store.spans(aid)] == [cue["id"]]  # the analyst's cue stays

    assert store.undo_label() == "Tag cue"
    store.undo()
    assert store.spans(aid) == [] and fk_problems(store) == []

    store.redo()
    store.redo()
    assert len(store.claims(aid)) == 1 and store.claims(aid)[0]["cue_span_id"] == cue["id"]
    assert fk_problems(store) == []


def test_a_suggestion_run_over_many_articles_is_one_undo_step(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db", annotator="alice")
    ids = [store.add_article(TEXT.replace("Talks end", f"Talks {n}")) for n in range(3)]
    store.set_article_status(ids[0], "done")
    assert suggest_corpus(store).claims == 3
    store.undo()
    assert all(store.spans(aid) == [] for aid in ids)
    assert store.undo_label() == "Mark article done"  # nothing else was undone


def test_an_action_made_while_a_suggestion_run_goes_on_is_undone_before_the_run(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "a.db", annotator="alice")
    ids = [store.add_article(TEXT.replace("Talks end", f"Talks {n}")) for n in range(2)]
    accepted: list[str] = []

    def meanwhile() -> bool:
        # Between two articles of the run, the analyst accepts what it found so far.
        if not accepted and store.claims(ids[0]):
            accepted.append(store.claims(ids[0])[0]["id"])
            store.decide(claims=accepted, accept=True)
        return False

    assert suggest_corpus(store, cancelled=meanwhile).claims == 2
    assert store.undo_label() == "Accept 1 annotation"
    store.undo()
    assert store.claim(accepted[0])["status"] == "suggested"
    assert store.undo_label() == "Suggest quotes"
    store.undo()
    assert all(store.spans(aid) == [] for aid in ids) and store.undo_label() is None
    store.redo()
    store.redo()
    assert store.claim(accepted[0])["status"] == "accepted"
    assert len(store.claims(ids[1])) == 1 and fk_problems(store) == []


def test_a_target_made_by_an_action_and_reused_by_an_import_does_not_block_undo(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "a.db", annotator="alice")
    aid = store.add_article(TEXT)
    mine = store.add_position(aid, speaker_id=None, target="the plan", stance="against")

    def build(src: Store, other: str) -> None:
        span = src.add_span(other, *at(TEXT, QUOTE), "claim")
        claim = src.add_claim(other, [span["id"]])
        src.add_position(other, speaker_id=None, target="The Plan", stance="favor",
                         evidence=[claim["id"]])  # fmt: skip

    import_records(store, tmp_path, "in.jsonl", [record_from(tmp_path, build)])
    assert store.stats()["targets"] == 1  # the import reused the analyst's target

    assert store.undo().action == "Undo Add position"
    assert store.positions(aid) == []
    imported = [p for r in exported(store) for p in r["positions"]]
    assert [(p["target"], p["stance"]) for p in imported] == [("the plan", "favor")]
    assert fk_problems(store) == []
    store.redo()
    assert [p["id"] for p in store.positions(aid)] == [mine["id"]]
    assert fk_problems(store) == []


def test_a_speaker_made_by_an_action_and_reused_by_an_import_does_not_block_undo(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "a.db", annotator="alice")
    aid = store.add_article(TEXT)
    mention = store.tag(aid, *at(TEXT, "The minister"), "speaker")["span"]
    store.link_mention(mention["id"], speaker_name="Claire Whitfield")

    def build(src: Store, other: str) -> None:
        span = src.tag(other, *at(TEXT, "The minister"), "speaker")["span"]
        src.link_mention(span["id"], speaker_name="Claire Whitfield")

    import_records(store, tmp_path, "in.jsonl", [record_from(tmp_path, build)])
    assert store.stats()["speakers"] == 1

    assert store.undo().action == "Undo Set speaker"
    assert store.span(mention["id"])["speaker_id"] is None
    (other,) = [r for r in exported(store) if r["id"] != aid]
    assert [s["name"] for s in other["speakers"]] == ["Claire Whitfield"]
    assert fk_problems(store) == []
    assert store.undo().action == "Undo Tag speaker"
    store.redo()
    store.redo()
    assert store.span(mention["id"])["speaker_id"] == other["speakers"][0]["id"]


def test_undo_of_a_delete_after_the_same_text_was_imported_again(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db", annotator="alice")
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    import_paths(store, [source])
    (aid,) = [r["id"] for r in store.article_rows()]
    store.tag(aid, *at(TEXT, QUOTE), "claim")
    store.set_article_status(aid, "done")
    store.delete_article(aid)
    import_paths(store, [source])  # the same text again, as a new article
    (again,) = [r["id"] for r in store.article_rows()]
    assert again != aid

    changes = store.undo()
    assert changes.action == "Undo Delete article" and again in changes.articles
    # The annotations come back, on the article that holds that text now.
    assert [s["text"] for s in store.spans(again)] == [QUOTE]
    assert len(store.claims(again)) == 1
    assert store.article_count() == 1 and fk_problems(store) == []
    # The rest of the history stays usable, both ways.
    assert store.undo().action == "Undo Mark article done"
    assert store.undo().action == "Undo Tag claim"
    assert store.spans(again) == []
    for _ in range(3):
        store.redo()
    assert store.article_count() == 0 and fk_problems(store) == []  # deleted again
    store.undo()
    assert [s["text"] for s in store.spans(again)] == [QUOTE]
    assert store.article(again)["status"] == "done" and fk_problems(store) == []


def test_undo_detaches_imported_rows_that_use_a_removed_highlight_and_redo_restores_them(
    tmp_path: Path,
) -> None:
    """Rows outside the history (an import adding to an existing article) that use what
    an undo removes are removed with it, and come back on redo."""
    store = Store(tmp_path / "a.db", annotator="alice")
    aid = store.add_article(TEXT)
    cue = store.tag(aid, *at(TEXT, "said"), "cue")["span"]
    quote = store.tag(aid, *at(TEXT, QUOTE), "claim")
    # What a bulk writer does: rows written straight to the tables, not in the history.
    claim_id = quote["claim"]["id"]
    store.db.execute("UPDATE claims SET cue_span_id = ? WHERE id = ?", [cue["id"], claim_id])
    store.db.execute("DELETE FROM history WHERE action = 'Tag claim'")
    store.undo()  # "Tag cue"
    assert store.span(cue["id"]) is None
    assert store.claim(claim_id)["cue_span_id"] is None
    assert fk_problems(store) == []
    store.redo()
    assert store.claim(claim_id)["cue_span_id"] == cue["id"]


# -- 3. undo is per annotator -------------------------------------------------------------


@pytest.fixture
def alice_and_bob(tmp_path: Path):
    path = tmp_path / "shared.db"
    alice = Store(path, annotator="alice")
    aid = alice.add_article(TEXT)
    bob = Store(path, annotator="bob")
    yield alice, bob, aid
    alice.close()
    bob.close()


def test_each_annotator_undoes_their_own_latest_action(alice_and_bob) -> None:
    alice, bob, aid = alice_and_bob
    mine = alice.tag(aid, *at(TEXT, "said"), "cue")["span"]
    his = bob.tag(aid, *at(TEXT, "Officials"), "speaker")["span"]
    assert alice.undo_label() == "Tag cue" and bob.undo_label() == "Tag speaker"

    assert alice.undo().action == "Undo Tag cue"
    assert alice.span(mine["id"]) is None
    assert alice.span(his["id"]) is not None  # Bob's newer tag is untouched
    assert alice.undo_label() is None and bob.undo_label() == "Tag speaker"

    # Bob's new action does not take Alice's redo away, and her redo is hers.
    bob.tag(aid, *at(TEXT, "minister"), "target")
    assert alice.redo_label() == "Tag cue" and bob.redo_label() is None
    alice.redo()
    assert alice.span(mine["id"]) is not None
    assert bob.undo().action == "Undo Tag target"
    assert bob.undo().action == "Undo Tag speaker"
    assert alice.span(mine["id"]) is not None


def test_undo_refuses_when_someone_elses_later_action_depends_on_it(alice_and_bob) -> None:
    alice, bob, aid = alice_and_bob
    cue = alice.tag(aid, *at(TEXT, "said"), "cue")["span"]
    quote = bob.tag(aid, *at(TEXT, QUOTE), "claim", cue_span_id=cue["id"])
    before = (alice.spans(aid), alice.claims(aid))

    with pytest.raises(UndoConflict) as info:
        alice.undo()
    message = str(info.value)
    assert "Tag cue" in message and "bob" in message and "\n" not in message
    assert (alice.spans(aid), alice.claims(aid)) == before
    assert alice.undo_label() == "Tag cue"  # still there, to undo later

    bob.undo()  # Bob takes back his claim: now Alice's undo goes through
    assert alice.undo().action == "Undo Tag cue"
    assert alice.spans(aid) == [] and alice.claim(quote["claim"]["id"]) is None
    assert fk_problems(alice) == []


def test_redo_refuses_when_someone_elses_action_conflicts(alice_and_bob) -> None:
    alice, bob, aid = alice_and_bob
    cue = alice.tag(aid, *at(TEXT, "said"), "cue")["span"]
    alice.delete_span(cue["id"])
    alice.undo()  # the cue is back
    bob.update_span(cue["id"], note="Bob's note")
    with pytest.raises(UndoConflict, match="bob"):
        alice.redo()
    assert alice.span(cue["id"])["note"] == "Bob's note"


def test_an_undo_leaves_a_column_someone_else_changed_since(alice_and_bob) -> None:
    alice, bob, aid = alice_and_bob
    alice.tag(aid, *at(TEXT, "said"), "cue")  # moves the article to in progress
    bob.set_article_status(aid, "done")
    alice.undo()
    assert alice.article(aid)["status"] == "done"


# -- 6. one target normalisation; the API refuses what would break later ----------------


def test_targets_differing_in_case_are_one_target_everywhere(tmp_path: Path) -> None:
    assert normalise_target("  Énergie   verte ") == normalise_target("énergie verte")
    store = Store(tmp_path / "a.db", annotator="alice")
    aid = store.add_article(TEXT)
    store.add_position(aid, speaker_id=None, target="Énergie", stance="favor")
    store.add_position(aid, speaker_id=None, target="énergie", stance="against")
    assert store.targets() == ["Énergie"]
    assert store.find_target(" ÉNERGIE ") == store.find_target("énergie") is not None

    out = tmp_path / "out.jsonl"
    export(store, out)
    again = Store(tmp_path / "b.db", annotator="alice")
    import_paths(again, [out])
    assert again.targets() == store.targets()
    first = [r["positions"] for r in exported(store)]
    second = [r["positions"] for r in exported(again)]
    assert [[p["target"] for p in ps] for ps in first] == [
        [p["target"] for p in ps] for ps in second
    ]


@pytest.mark.parametrize("start,end", [(1.5, 3), (1, 3.0), (True, 3), ("1", 3)])
def test_offsets_that_are_not_whole_numbers_are_refused(store: Store, start, end) -> None:
    aid = store.add_article(TEXT)
    with pytest.raises(OffsetError, match="whole number"):
        store.add_span(aid, start, end, "claim")
    span = store.add_span(aid, 0, 5, "claim")
    with pytest.raises(OffsetError):
        store.update_span(span["id"], start=start, end=end)
    assert [(s["start"], s["end"]) for s in store.spans(aid)] == [(0, 5)]


@pytest.mark.parametrize("label", ["", "   ", None])
def test_an_empty_label_is_refused(store: Store, label) -> None:
    aid = store.add_article(TEXT)
    with pytest.raises(IntegrityError, match="label"):
        store.add_span(aid, 0, 5, label)
    span = store.add_span(aid, 0, 5, "claim")
    with pytest.raises(IntegrityError, match="label"):
        store.update_span(span["id"], label=label)
    assert store.span(span["id"])["label"] == "claim"


@pytest.mark.parametrize("text", ["", "   \n\t", "\ufeff", "\r\n"])
def test_an_empty_article_is_refused(store: Store, text: str) -> None:
    with pytest.raises(IntegrityError, match="empty"):
        store.add_article(text)
    assert store.article_count() == 0


def test_links_to_another_articles_rows_are_refused(store: Store) -> None:
    one = store.add_article(TEXT)
    two = store.add_article(TEXT.replace("Talks end", "Talks go on"))
    tagged = store.tag(one, *at(TEXT, QUOTE), "claim")
    claim = tagged["claim"]
    cue_elsewhere = store.tag(two, *at(TEXT, "said"), "cue")["span"]
    claim_elsewhere = store.tag(two, *at(TEXT, QUOTE), "claim")["claim"]
    position = store.add_position(one, speaker_id=None, target="blocs", stance="against")

    attempts = [
        lambda: store.add_claim(one, [tagged["span"]["id"]], cue_span_id=cue_elsewhere["id"]),
        lambda: store.update_claim(claim["id"], cue_span_id=cue_elsewhere["id"]),
        lambda: store.update_claim(claim["id"], mention_span_id=cue_elsewhere["id"]),
        lambda: store.attribute_claim(
            claim["id"], speaker_name="Jane Doe", cue_span_id=cue_elsewhere["id"]
        ),
        lambda: store.add_position(
            one, speaker_id=None, target="x", stance="favor", evidence=[claim_elsewhere["id"]]
        ),
        lambda: store.update_position(position["id"], evidence=[claim_elsewhere["id"]]),
    ]
    for attempt in attempts:
        with pytest.raises(IntegrityError, match="of this article"):
            attempt()
    assert store.claim(claim["id"])["cue_span_id"] is None
    assert store.positions(one)[0]["evidence"] == []
    assert store.find_speaker("Jane Doe") is None


# -- 7. text given to the API is normalised like import ----------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.replace("\n", "\r\n"),
        TEXT.replace("\n", "\r"),
        "\ufeff" + TEXT.replace("\n", "\r\n"),
    ],
)
def test_add_article_normalises_line_ends_and_bom_like_import(
    store: Store, tmp_path: Path, raw: str
) -> None:
    aid = store.add_article(raw)
    assert store.article_text(aid) == TEXT
    assert store.article_text(aid) == decode_bytes(raw.encode("utf-8"))
    # Offsets computed on what the window shows select the right text.
    span = store.add_span(aid, *at(TEXT, QUOTE), "claim", text=QUOTE)
    assert span["text"] == QUOTE
    # The same text imported from a file is recognised as the same article.
    path = tmp_path / "same.txt"
    path.write_bytes(raw.encode("utf-8"))
    report = import_paths(store, [path])
    assert store.article_count() == 1, report.summary()


def test_every_refusal_is_one_line_for_the_user(store: Store) -> None:
    aid = store.add_article(TEXT)
    for attempt in (
        lambda: store.add_span(aid, 0.5, 2, "claim"),
        lambda: store.add_article(""),
        lambda: store.add_span(aid, 0, 2, ""),
    ):
        with pytest.raises(AnnotatorError) as info:
            attempt()
        assert "\n" not in str(info.value)


# -- undo never gets stuck, whatever two analysts, suggestions and imports do ------------


def snapshot(store: Store) -> dict[str, list]:
    tables = ("articles", "spans", "claims", "claim_spans", "positions", "speakers", "targets")
    return {t: sorted(map(repr, store.db.execute(f"SELECT * FROM {t}"))) for t in tables}


def _random_action(rng, store: Store, aid: str, text: str) -> None:
    spans = store.spans(aid)
    claims = store.claims(aid)
    words = [(m, m + 4) for m in range(0, len(text) - 4, 7) if text[m : m + 4].strip()]
    choice = rng.choice(
        ["tag", "tag", "claim", "delete", "status", "position", "speaker", "decide", "suggest"]
    )
    if choice == "tag":
        start, end = rng.choice(words)
        store.tag(aid, start, end, rng.choice(["cue", "speaker", "target"]))
    elif choice == "claim":
        cues = [s["id"] for s in spans if s["label"] == "cue"]
        start, end = rng.choice(words)
        store.tag(aid, start, end, "claim", cue_span_id=rng.choice(cues) if cues else None)
    elif choice == "delete" and spans:
        store.delete_span(rng.choice(spans)["id"])
    elif choice == "status":
        store.set_article_status(aid, rng.choice(["todo", "in_progress", "done"]))
    elif choice == "position":
        evidence = [rng.choice(claims)["id"]] if claims else []
        store.add_position(
            aid, speaker_id=None, target=rng.choice(["Énergie", "énergie", "the plan"]),
            stance="favor", evidence=evidence,
        )  # fmt: skip
    elif choice == "speaker":
        mentions = [s["id"] for s in spans if s["label"] == "speaker"]
        if mentions:
            store.link_mention(rng.choice(mentions), speaker_name=rng.choice(["Ann Lee", "Bo"]))
    elif choice == "decide" and claims:
        store.decide(claims=[rng.choice(claims)["id"]], accept=rng.random() < 0.5)
    elif choice == "suggest":
        suggest_corpus(store, article_ids=[aid])


@pytest.mark.parametrize("seed", range(12))
def test_random_work_of_two_analysts_never_breaks_or_blocks_undo(tmp_path: Path, seed) -> None:
    rng = random.Random(seed)
    path = tmp_path / "shared.db"
    text = TEXT + "Jane Doe said the plan was fine. Energy prices rose, officials said.\n"
    stores = [Store(path, annotator="alice"), Store(path, annotator="bob")]
    aid = stores[0].add_article(text)
    source = tmp_path / "again.txt"
    source.write_text(text, encoding="utf-8")
    for _ in range(60):
        store = rng.choice(stores)
        roll = rng.random()
        before = snapshot(store)
        try:
            if roll < 0.2:
                store.undo()
            elif roll < 0.3:
                store.redo()
            elif roll < 0.33 and store.article_count():
                store.delete_article(aid)
            elif roll < 0.36:
                import_paths(store, [source])  # outside the history
            elif store.article_count():
                aid = store.article_rows()[0]["id"]
                _random_action(rng, store, aid, text)
        except UndoConflict as exc:
            assert "\n" not in str(exc)
            assert snapshot(store) == before  # a refusal changes nothing
        except IntegrityError:
            pass  # e.g. a tag over a range already tagged differently is refused
        assert fk_problems(store) == [], seed
        if store.article_count():
            aid = store.article_rows()[0]["id"]
    # Never stuck: taking turns, both analysts can undo everything they did.
    for _ in range(400):
        progress = False
        for store in stores:
            with suppress(UndoConflict):  # someone else's later work: the other turn
                progress |= store.undo() is not None
            assert fk_problems(store) == []
        if not progress:
            break
    assert [s.undo_label() for s in stores] == [None, None]
    for store in stores:
        store.close()

"""Merge suggestions: which speakers are one actor, which sources are not actors,
and applying or rejecting them (one undoable step). Invented people and articles."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest
from actor_corpus import Corpus, mentions, said

from annotator.core.actor_names import as_acronym, name_key, not_actor_reason, token_fingerprint
from annotator.core.actors import sentence_around, suggest_from_store, suggest_merges
from annotator.core.errors import IntegrityError
from annotator.core.store import Store


def by_name(suggestions, name):
    found = [c for c in suggestions.clusters if name in c.names]
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.fixture
def corpus(store: Store) -> Corpus:
    return Corpus(store)


# -- the keys ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Dana Whitlock",
        "DANA WHITLOCK",
        "Dana R. Whitlock",
        "(Dana R. Whitlock)",
        "Mayor Dana Whitlock",
        "Sen. Dana Whitlock (D-Ore.)",
        "Dana Whitlock's",
        "Dana Whitlock\u2019s",
        "Dána Whitlóck",
        "Secretary of State Dana Whitlock",
        "Former President Dana Whitlock",
        "Dana Whitlock Jr.",
    ],
)
def test_key_drops_case_accents_punctuation_brackets_possessives_titles_initials(name) -> None:
    assert name_key(name) == "dana whitlock"


def test_key_keeps_what_changes_the_actor() -> None:
    assert name_key("Whitlock's campaign") == "whitlock campaign"  # the campaign, not her
    assert name_key("Ruth Whitlock") != name_key("Dana Whitlock")
    assert token_fingerprint("Whitlock, Dana") == token_fingerprint("Dana Whitlock")
    assert as_acronym("C.F.A.") == as_acronym("CFA") == as_acronym("the CFA") == "cfa"
    assert as_acronym("Cfa") is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("12 percent", "percentage"),
        ("31 percent of farmers", "percentage"),
        ("40% of voters", "percentage"),
        ("1,200 residents", "number"),
        ("a 2019 audit reply", "document"),
        ("the report", "document"),
        ("a leaked memo from the council", "document"),
        ("the latest harbour poll", "poll"),
        ("A Northfield University survey", "poll"),
        ("he", "pronoun"),
        ("They", "pronoun"),
        ("you", "pronoun"),
    ],
)
def test_not_an_actor(name: str, reason: str) -> None:
    assert not_actor_reason(name) == reason


@pytest.mark.parametrize(
    "name", ["Dana Whitlock", "US", "U.S.", "The Harbour Report", "Channel 4", "Northfield Council"]
)
def test_actors_are_not_taken_for_numbers_documents_or_pronouns(name: str) -> None:
    assert not_actor_reason(name) is None


# -- the rules, on invented corpora ---------------------------------------------------


def test_same_key_rule_joins_titles_brackets_possessives_and_initials(corpus, store) -> None:
    corpus.article(said("Dana Whitlock"), said("Dana Whitlock", "nothing more"))
    corpus.article(said("Mayor Dana Whitlock"), said("(Dana R. Whitlock)"))
    corpus.article(("Dana Whitlock's", "Dana Whitlock's office said it would reply."))
    suggestions = suggest_from_store(store)
    cluster = by_name(suggestions, "Dana Whitlock")
    assert cluster is not None and not cluster.ambiguous
    assert sorted(cluster.names) == sorted(
        ["Dana Whitlock", "Mayor Dana Whitlock", "(Dana R. Whitlock)", "Dana Whitlock's"]
    )
    assert cluster.keep == "Dana Whitlock"  # as complete as the others, and most frequent
    assert cluster.rule == "same name after normalising"
    assert cluster.confidence >= 0.95
    assert cluster.mentions == 5
    assert {m["name"]: m["mentions"] for m in cluster.members}["Dana Whitlock"] == 2
    # Evidence: two example sentences, each the sentence around a mention.
    assert len(cluster.examples) == 2
    assert cluster.examples[0]["sentence"] == "Dana Whitlock said the harbour plan is too costly."


def test_reversed_name_joins_by_token_fingerprint(corpus, store) -> None:
    corpus.article(said("Helen Okafor"), said("Okafor, Helen", "so too"))
    cluster = by_name(suggest_from_store(store), "Okafor, Helen")
    assert cluster is not None and cluster.keep == "Helen Okafor"
    assert cluster.rule == "same words in another order"


def test_surname_next_to_one_full_name_merges_with_high_confidence(corpus, store) -> None:
    corpus.article(said("Dana Whitlock"), said("Whitlock", "again"))
    corpus.article(said("Dana Whitlock"), said("Ms. Whitlock", "later"))
    corpus.article(said("Rafael Mendes"), said("Mendes"))
    cluster = by_name(suggest_from_store(store), "Whitlock")
    assert cluster is not None and not cluster.ambiguous
    assert sorted(cluster.names) == ["Dana Whitlock", "Ms. Whitlock", "Whitlock"]
    assert cluster.keep == "Dana Whitlock"
    assert "surname beside one full name" in cluster.rule
    assert cluster.confidence >= 0.95
    assert by_name(suggest_from_store(store), "Mendes").keep == "Rafael Mendes"


def test_surname_pointing_to_two_people_is_ambiguous_and_never_merged(corpus, store) -> None:
    corpus.article(said("Helen Okafor"), said("Okafor", "first"))
    corpus.article(said("Samuel Okafor"), said("Okafor", "second"))
    suggestions = suggest_from_store(store)
    ambiguous = [c for c in suggestions.clusters if c.ambiguous]
    assert len(ambiguous) == 1
    (cluster,) = ambiguous
    assert cluster.names == ["Okafor"]
    assert cluster.keep is None
    assert sorted(c["name"] for c in cluster.candidates) == ["Helen Okafor", "Samuel Okafor"]
    # "Okafor" is in no cluster that could be accepted.
    assert all("Okafor" not in c.names for c in suggestions.clusters if not c.ambiguous)
    as_json = suggestions.to_json()["clusters"]
    assert [c["ambiguous"] for c in as_json if "Okafor" in c["names"]] == [True]


def test_surname_only_elsewhere_in_the_corpus_is_a_weak_suggestion(corpus, store) -> None:
    corpus.article(said("Rafael Mendes"))
    corpus.article(said("Mendes", "in another story"))
    cluster = by_name(suggest_from_store(store), "Mendes")
    assert cluster is not None and cluster.keep == "Rafael Mendes"
    assert cluster.confidence <= 0.5


def test_different_middle_initials_are_two_people(corpus, store) -> None:
    corpus.article(said("Paul K. Ferris"), said("Paul K. Ferris", "twice"))
    corpus.article(said("Paul T. Ferris"), said("Paul Ferris"))
    suggestions = suggest_from_store(store)
    assert (
        by_name(suggestions, "Paul K. Ferris") is None
        or "Paul T. Ferris" not in by_name(suggestions, "Paul K. Ferris").names
    )
    bare = by_name(suggestions, "Paul Ferris")
    assert bare is not None and bare.ambiguous
    assert sorted(c["name"] for c in bare.candidates) == ["Paul K. Ferris", "Paul T. Ferris"]


def test_middle_name_form_joins_the_short_one(corpus, store) -> None:
    corpus.article(said("Helen Okafor"), said("Helen Adaeze Okafor", "too"))
    cluster = by_name(suggest_from_store(store), "Helen Okafor")
    assert cluster is not None
    assert cluster.keep == "Helen Adaeze Okafor"  # the most complete form


def test_acronym_and_expansion_both_in_the_corpus(corpus, store) -> None:
    corpus.article(said("Coastal Fisheries Authority"))
    corpus.article(said("CFA", "on Monday"), said("the C.F.A.", "again"))
    corpus.article(said("NRB"))  # no expansion anywhere: nothing to suggest
    suggestions = suggest_from_store(store)
    cluster = by_name(suggestions, "CFA")
    assert cluster is not None
    assert sorted(cluster.names) == ["CFA", "Coastal Fisheries Authority", "the C.F.A."]
    assert cluster.keep == "Coastal Fisheries Authority"
    assert "acronym" in cluster.rule
    assert by_name(suggestions, "NRB") is None


def test_recorded_alias_joins(corpus, store) -> None:
    corpus.speaker("Northfield Harbour Board", kind="organisation", aliases=["Harbour Trust"])
    corpus.article(said("Northfield Harbour Board"), said("Harbour Trust", "as well"))
    cluster = by_name(suggest_from_store(store), "Harbour Trust")
    assert cluster is not None and cluster.keep == "Northfield Harbour Board"
    assert cluster.rule == "recorded alias"


def test_not_actors_are_listed_and_kept_out_of_clusters(corpus, store) -> None:
    corpus.article(
        said("12 percent"), said("12 percent", "no"), said("a 2019 audit reply"), said("he")
    )
    corpus.article(said("He", "so"), said("the latest harbour poll", "yes"))
    suggestions = suggest_from_store(store)
    reasons = {(n.name, n.reason) for n in suggestions.not_actors}
    assert reasons == {
        ("12 percent", "percentage"),
        ("a 2019 audit reply", "document"),
        ("he", "pronoun"),
        ("He", "pronoun"),
        ("the latest harbour poll", "poll"),
    }
    assert suggestions.clusters == []  # "he" and "He" are not proposed as one actor
    as_json = suggestions.to_json()["not_actors"]
    assert {k: v for k, v in as_json[0].items() if k in ("name", "mentions")} == {
        "name": "12 percent",
        "mentions": 2,
    }
    # Once marked as kind other, they are settled.
    store.set_speaker_kinds([n.id for n in suggestions.not_actors], "other")
    assert suggest_from_store(store).not_actors == []
    assert {store.speaker(n.id)["kind"] for n in suggestions.not_actors} == {"other"}


def test_min_mentions_leaves_out_small_clusters(corpus, store) -> None:
    corpus.article(said("Dana Whitlock"), said("Dana Whitlock", "1"), said("Whitlock", "2"))
    corpus.article(said("Helen Okafor"), said("Okafor, Helen", "3"))
    assert by_name(suggest_from_store(store, min_mentions=3), "Whitlock") is not None
    assert by_name(suggest_from_store(store, min_mentions=3), "Helen Okafor") is None


def test_clusters_come_largest_first() -> None:
    rows = [
        {"id": f"s{i}", "name": n, "kind": "person", "aliases": [], "mentions": 1, "articles": {}}
        for i, n in enumerate(["Ann Lee", "ann lee", "Bo Dahl", "Mr. Bo Dahl", "Dr. Bo Dahl"])
    ]
    assert [len(c.names) for c in suggest_merges(rows).clusters] == [3, 2]


def test_sentence_around_a_mention() -> None:
    context = 'Rain fell. "No," Dana Whitlock said on Monday. Then she left'
    start = context.index("Dana")
    assert sentence_around(context, start, start + 13) == '"No," Dana Whitlock said on Monday.'


# -- applying: one undoable step, rejections remembered --------------------------------


def test_accepting_many_clusters_is_one_undoable_step(corpus, store) -> None:
    articles = [
        corpus.article(said("Dana Whitlock"), said("Whitlock", "again"), said("Helen Okafor")),
        corpus.article(said("Okafor, Helen", "also"), said("Mayor Dana Whitlock", "too")),
    ]
    before = {sid: store.speaker(sid) for sid in corpus.ids.values()}
    mentions_before = mentions(store, articles)
    clusters = [c for c in suggest_from_store(store).clusters if not c.ambiguous]
    assert len(clusters) == 2
    store.merge_speaker_groups([(c.keep_id, c.others) for c in clusters])
    whitlock = store.speaker(corpus.ids["Dana Whitlock"])
    assert sorted(whitlock["aliases"]) == ["Mayor Dana Whitlock", "Whitlock"]
    assert store.speaker(corpus.ids["Whitlock"]) is None
    assert set(mentions(store, articles).values()) == {
        corpus.ids["Dana Whitlock"],
        corpus.ids["Helen Okafor"],
    }
    assert suggest_from_store(store).clusters == []
    store.undo()  # one step takes both merges back
    assert {sid: store.speaker(sid) for sid in corpus.ids.values()} == before
    assert mentions(store, articles) == mentions_before
    store.redo()
    assert store.speaker(corpus.ids["Okafor, Helen"]) is None


def test_a_bad_group_merges_nothing(corpus, store) -> None:
    corpus.article(said("Dana Whitlock"), said("Whitlock", "again"), said("Helen Okafor"))
    a, b, c = corpus.ids["Dana Whitlock"], corpus.ids["Whitlock"], corpus.ids["Helen Okafor"]
    label = store.undo_label()
    with pytest.raises(IntegrityError):
        store.merge_speaker_groups([(a, [b]), (c, ["no-such-speaker"])])
    with pytest.raises(IntegrityError):
        store.merge_speaker_groups([(a, [b]), (c, [b])])
    assert store.speaker(b) is not None and store.undo_label() == label


def test_a_rejected_cluster_is_not_proposed_again(corpus, store) -> None:
    corpus.article(said("Dana Whitlock"), said("Whitlock", "again"))
    corpus.article(said("Helen Okafor"), said("Okafor, Helen", "also"))
    cluster = by_name(suggest_from_store(store), "Whitlock")
    store.reject_speaker_groups([cluster.ids])
    assert by_name(suggest_from_store(store), "Whitlock") is None
    assert by_name(suggest_from_store(store), "Helen Okafor") is not None
    # A new spelling of the same person is new evidence: proposed with the kept one.
    corpus.article(said("Dana Whitlock"), said("Mayor Dana Whitlock", "later"))
    again = by_name(suggest_from_store(store), "Mayor Dana Whitlock")
    assert again is not None and "Whitlock" not in again.names
    store.undo()  # the new article's last tag
    store.undo()
    store.undo()
    store.undo()  # the rejection
    assert by_name(suggest_from_store(store), "Whitlock") is not None


def test_rejection_survives_a_merge_of_one_of_its_speakers(corpus, store) -> None:
    corpus.article(said("Helen Okafor"), said("Okafor", "first"), said("Helen A. Okafor"))
    helen, short = corpus.ids["Helen Okafor"], corpus.ids["Okafor"]
    store.reject_speaker_groups([[helen, short]])
    store.merge_speakers(corpus.ids["Helen A. Okafor"], helen)
    assert frozenset({corpus.ids["Helen A. Okafor"], short}) in store.distinct_speaker_pairs()


def test_kind_other_is_one_undoable_step(corpus, store) -> None:
    corpus.article(said("12 percent"), said("he"))
    ids = [corpus.ids["12 percent"], corpus.ids["he"]]
    store.set_speaker_kinds(ids, "other")
    assert [store.speaker(i)["kind"] for i in ids] == ["other", "other"]
    store.undo()
    assert [store.speaker(i)["kind"] for i in ids] == ["person", "person"]
    with pytest.raises(IntegrityError):
        store.set_speaker_kinds(ids, "robot")


def _make_v1_db():
    path = Path(__file__).resolve().parent / "fixtures" / "make_v1_db.py"
    spec = importlib.util.spec_from_file_location("make_v1_db_actors", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_upgraded_database_takes_kind_other_and_rejections(tmp_path: Path) -> None:
    db = _make_v1_db().build(tmp_path / "old.db")
    with Store(db) as store:
        (first, second, *_rest) = [row["id"] for row in store.speakers()]
        store.set_speaker_kinds([first], "other")
        store.reject_speaker_groups([[first, second]])
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    with Store(db) as store:
        assert store.speaker(first)["kind"] == "other"
        assert store.distinct_speaker_pairs() == {frozenset({first, second})}
    conn = sqlite3.connect(db)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE speakers SET kind = 'robot' WHERE id = ?", [first])
    finally:
        conn.close()


def test_speakers_kept_apart_never_meet_through_a_third_name() -> None:
    rows = [
        {"id": i, "name": n, "kind": "person", "aliases": [], "mentions": 1, "articles": {"a": 1}}
        for i, n in [("d", "Dana Whitlock"), ("m", "Mayor Dana Whitlock"), ("w", "Whitlock")]
    ]
    for pair in ({"d", "w"}, {"m", "w"}):
        (cluster,) = suggest_merges(rows, distinct=[frozenset(pair)]).clusters
        assert sorted(cluster.ids) == ["d", "m"]


def test_a_rejected_ambiguous_surname_is_not_listed_again(corpus, store) -> None:
    corpus.article(said("Helen Okafor"), said("Okafor", "first"))
    corpus.article(said("Samuel Okafor"), said("Okafor", "second"))
    (cluster,) = [c for c in suggest_from_store(store).clusters if c.ambiguous]
    store.reject_speaker_groups(cluster.rejection())
    assert suggest_from_store(store).clusters == []


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Harbour Board Director Dana Whitlock", "dana whitlock"),
        ("Northfield Mayor Dana Whitlock", "dana whitlock"),
        ("Dana Whitlock, a lawyer for the board,", "dana whitlock"),
        ("the board's lawyer, Dana Whitlock", "dana whitlock"),
        ("former Secretary of Fisheries Dana Whitlock", "dana whitlock"),
        ("a spokesman for Mayor Dana Whitlock", "a spokesman for mayor dana whitlock"),
        ("Dana Whitlock and Mayor Bo Dahl", "dana whitlock and mayor bo dahl"),
    ],
)
def test_key_of_descriptions_around_a_name(name: str, key: str) -> None:
    assert name_key(name) == key


def test_same_description_is_a_weak_suggestion(corpus, store) -> None:
    corpus.article(said("the council"), said("The council", "again"))
    corpus.article(said("Northfield Council"), said("NORTHFIELD COUNCIL", "again"))
    suggestions = suggest_from_store(store)
    description = by_name(suggestions, "the council")
    assert description.confidence <= 0.6 and "description" in description.rule
    assert by_name(suggestions, "Northfield Council").confidence >= 0.95


def test_surname_with_a_namesake_in_one_article_is_not_sure(corpus, store) -> None:
    corpus.article(said("Helen Okafor"), said("Okafor", "first"))
    corpus.article(said("Helen Okafor", "again"), said("Okafor", "second"))
    corpus.article(said("Helen Okafor", "too"), said("Samuel Okafor"), said("Okafor", "third"))
    cluster = by_name(suggest_from_store(store), "Okafor")
    assert cluster is not None and not cluster.ambiguous and cluster.keep == "Helen Okafor"
    assert cluster.confidence < 0.9  # not checked in advance in the dialog
    assert "namesake" in cluster.rule


def test_a_source_naming_several_actors_joins_none_of_them(corpus, store) -> None:
    corpus.article(said("Dana Whitlock"), said("Dana Whitlock and Mayor Bo Dahl", "so"))
    corpus.article(said("Bo Dahl"), said("Dahl", "x"))
    suggestions = suggest_from_store(store)
    assert by_name(suggestions, "Dana Whitlock and Mayor Bo Dahl") is None
    assert by_name(suggestions, "Dahl").keep == "Bo Dahl"


def test_kept_name_is_the_bare_full_name_most_used() -> None:
    def row(i, name, mentions):
        return {
            "id": i,
            "name": name,
            "kind": "person",
            "aliases": [],
            "mentions": mentions,
            "articles": {"a": mentions},
        }

    rows = [
        row("1", "Dana Whitlock", 9),
        row("2", "Whitlock", 30),
        row("3", "Harbour pilot Dana Whitlock", 1),
        row("4", "Dana Ruth Whitlock", 1),
        row("5", "Mayor Dana Whitlock", 12),
    ]
    (cluster,) = suggest_merges(rows).clusters
    assert cluster.keep == "Dana Whitlock"
    rows[3]["mentions"] = 5  # used half as often as the most used: the most complete wins
    (cluster,) = suggest_merges(rows).clusters
    assert cluster.keep == "Dana Ruth Whitlock"

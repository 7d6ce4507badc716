"""Import never merges two different people and never drops annotations without a word.

Speaker ids from outside are trusted only when the names agree; a text already in
the database gets the record's annotations; Prodigy answers and annotators are kept;
claim-labelled spans become claims.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from annotator.core.exporting import ExportFilter, export, iter_records
from annotator.core.importing import import_paths
from annotator.core.names import NameMatcher, normalise_name
from annotator.core.store import Store

EVERYTHING = ExportFilter(include_rejected=True, include_suggestions=True)


def jsonl(path: Path, *records: Any) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "utf-8")
    return path


def said(name: str, n: int) -> dict[str, Any]:
    """A record in export shape where ``name`` (speaker id sp-0) says something."""
    text = f"{name} said the plan number {n} would fail."
    quote = text.index("the plan")
    return {
        "text": text,
        "spans": [
            {"id": "s-0", "label": "speaker", "start": 0, "end": len(name)},
            {"id": "s-1", "label": "claim", "start": quote, "end": len(text) - 1},
        ],
        "speakers": [{"id": "sp-0", "name": name, "mentions": ["s-0"]}],
        "claims": [{"id": "c-0", "spans": ["s-1"], "speaker": "sp-0", "mention": "s-0"}],
        "schema_version": 1,
    }


def who_said(store: Store) -> dict[str, str]:
    """Per article text's first word: the name of the speaker its claim is attributed to."""
    names = {s["id"]: s["name"] for s in store.speakers()}
    found = {}
    for rec in iter_records(store, EVERYTHING):
        (claim,) = rec["claims"]
        mention = next(s for s in rec["spans"] if s["id"] == claim["mention"])
        speaker = next(s for s in rec["speakers"] if mention["id"] in s["mentions"])
        assert speaker["id"] == claim["speaker"]
        found[mention["text"]] = names[claim["speaker"]]
    return found


# --- the matching rule ---------------------------------------------------------------------


def test_names_normalise_case_spacing_and_apostrophes_but_keep_accents() -> None:
    assert normalise_name("  Jean-Luc   O’Brien ") == normalise_name("jean-luc o'brien")
    assert normalise_name("ＡＢＣ News") == normalise_name("abc news")  # full-width forms
    assert normalise_name("Müller") != normalise_name("Muller")


def test_matcher_prefers_names_to_aliases_and_reports_ambiguity() -> None:
    m = NameMatcher()
    m.add("a", "Jane Doe", ["J. Doe"])
    m.add("b", "J. Doe")
    m.add("c", "Wang Wei")
    m.add("d", "Wang Wei")
    assert m.find("j. doe") == ["b"]  # a name beats an alias
    assert m.find("JANE DOE") == ["a"]
    assert sorted(m.find("Wang Wei")) == ["c", "d"]
    assert m.agrees("a", "J.  Doe") and not m.agrees("c", "Jane Doe")


# --- issue 20: ids from outside ------------------------------------------------------------


def test_per_article_speaker_ids_naming_different_people_stay_different(
    store: Store, tmp_path: Path
) -> None:
    path = jsonl(tmp_path / "conv.jsonl", said("Pollak", 1), said("Sanders", 2), said("Maher", 3))
    report = import_paths(store, [path])
    assert report.added == 3 and report.failed == 0
    assert sorted(s["name"] for s in store.speakers()) == ["Maher", "Pollak", "Sanders"]
    assert who_said(store) == {"Pollak": "Pollak", "Sanders": "Sanders", "Maher": "Maher"}
    assert report.warnings == [
        f"{path}: 1 speaker id already used for other people: imported as new speakers "
        "(or matched by name)"
    ]


def test_a_stored_id_of_someone_else_is_not_merged_into_them(store: Store, tmp_path: Path) -> None:
    pollak = store.add_speaker("Joel Pollak", id="sp-0")["id"]
    path = jsonl(tmp_path / "in.jsonl", said("Trump", 1), said("Trump", 2))
    report = import_paths(store, [path])
    trump = [s for s in store.speakers() if s["name"] == "Trump"]
    assert len(trump) == 1 and trump[0]["id"] != pollak  # both records: one new Trump
    assert store.speaker(pollak)["name"] == "Joel Pollak"
    assert set(who_said(store).values()) == {"Trump"}
    assert any("1 speaker id already used for other people" in e for e in report.warnings)


def test_an_id_with_the_same_name_is_that_speaker(store: Store, tmp_path: Path) -> None:
    store.add_speaker("Jane  Doe", id="sp-0", role="minister")
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", said("jane doe", 1))])
    assert [s["id"] for s in store.speakers()] == ["sp-0"]
    assert who_said(store) == {"jane doe": "Jane Doe"}
    assert report.errors == []


def test_an_alias_matches_by_id_and_by_name(store: Store, tmp_path: Path) -> None:
    store.add_speaker("Jane Doe", aliases=["J. Doe"], id="sp-0")
    other = store.add_speaker("Lin Qiao", aliases=["Qiao"])["id"]
    renamed = said("Qiao", 2)
    renamed["speakers"][0]["id"] = renamed["claims"][0]["speaker"] = "spk-new"
    import_paths(store, [jsonl(tmp_path / "in.jsonl", said("J. Doe", 1), renamed)])
    assert len(store.speakers()) == 2
    assert who_said(store) == {"J. Doe": "Jane Doe", "Qiao": "Lin Qiao"}
    assert store.speaker(other)["name"] == "Lin Qiao"


def test_a_name_matching_two_speakers_is_kept_apart_and_reported(
    store: Store, tmp_path: Path
) -> None:
    first = store.add_speaker("Wang Wei", role="diplomat")["id"]
    second = store.add_speaker("Wang Wei", role="economist")["id"]
    path = jsonl(tmp_path / "in.jsonl", said("Wang Wei", 1), said("Wang Wei", 2))
    report = import_paths(store, [path])
    wangs = [s["id"] for s in store.speakers() if s["name"] == "Wang Wei"]
    assert len(wangs) == 3  # one new speaker for both records, not one of the two
    assert {first, second} < set(wangs)
    assert report.warnings == [
        f"{path}: 1 speaker name match several stored speakers, imported as new speakers: "
        "'Wang Wei'"
    ]


def test_a_span_id_reused_in_another_record_is_remapped_and_claims_follow(
    store: Store, tmp_path: Path
) -> None:
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", said("Ana", 1), said("Bo", 2))])
    assert report.errors == [] and report.added == 2
    records = list(iter_records(store, EVERYTHING))
    span_ids = [s["id"] for r in records for s in r["spans"]]
    assert len(set(span_ids)) == 4 and "s-1" in span_ids
    claim_ids = {c["id"] for r in records for c in r["claims"]}
    assert len(claim_ids) == 2
    for rec in records:
        (claim,) = rec["claims"]
        (content,) = claim["spans"]
        quote = next(s for s in rec["spans"] if s["id"] == content)
        assert quote["text"].startswith("the plan") and quote["label"] == "claim"
        assert next(s for s in rec["spans"] if s["id"] == claim["mention"])["label"] == "speaker"


def test_a_claim_or_position_id_taken_by_another_article_is_remapped(
    store: Store, tmp_path: Path
) -> None:
    aid = store.add_article("Stored before: the minister said no.")
    span = store.add_span(aid, 14, 26, "claim")
    store.add_claim(aid, [span["id"]], id="c-0")
    rec = said("Ana", 1)
    rec["positions"] = [
        {"id": "c-0", "target": "the plan", "stance": "against", "evidence": ["c-0"]}
    ]
    store.add_position(aid, speaker_id=None, target="The plan", stance="favor", id="p-x")
    import_paths(store, [jsonl(tmp_path / "in.jsonl", rec)])
    (imported,) = [r for r in iter_records(store, EVERYTHING) if r["id"] != aid]
    (claim,) = imported["claims"]
    (pos,) = imported["positions"]
    assert claim["id"] != "c-0" and pos["evidence"] == [claim["id"]]
    assert store.claim("c-0")["article_id"] == aid
    assert store.targets() == ["The plan"]  # matched as the store matches targets


def test_round_trip_with_speakers_sharing_a_name_keeps_them_apart(
    store: Store, tmp_path: Path
) -> None:
    a = store.add_article("Wang Wei spoke first.")
    b = store.add_article("Wang Wei spoke later.")
    for aid, role in ((a, "diplomat"), (b, "economist")):
        spk = store.add_speaker("Wang Wei", role=role)
        store.add_span(aid, 0, 8, "speaker", speaker_id=spk["id"])
    export(store, tmp_path / "a.jsonl", flt=EVERYTHING)
    with Store(memory=True, annotator="other") as fresh:
        report = import_paths(fresh, [tmp_path / "a.jsonl"])
        assert report.errors == []
        export(fresh, tmp_path / "b.jsonl", flt=EVERYTHING)
    assert (tmp_path / "a.jsonl").read_text("utf-8") == (tmp_path / "b.jsonl").read_text("utf-8")


# --- issue 9 item 4: annotations of a text already stored ------------------------------------

TEXT = "Lin Qiao said the Pacific is not a backyard, and Tom Reyes agreed."


def test_annotations_of_a_stored_text_are_added_to_it(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    import_paths(store, [tmp_path / "a.txt"])
    doccano = {"text": TEXT, "label": [[0, 8, "SPEAKER"], [9, 13, "CUE"], [14, 43, "CLAIM"]]}
    path = jsonl(tmp_path / "doccano.jsonl", doccano)
    report = import_paths(store, [path])
    assert report.summary() == (
        "0 articles added, 0 skipped as duplicates, 0 failed; "
        "1 article matched an existing one; 4 annotations added"
    )
    (rec,) = list(iter_records(store))
    assert [(s["label"], s["text"]) for s in rec["spans"]] == [
        ("speaker", "Lin Qiao"),
        ("cue", "said"),
        ("claim", "the Pacific is not a backyard"),
    ]
    assert len(rec["claims"]) == 1  # the claim span became a claim: 3 spans + 1 claim

    again = import_paths(store, [path])  # the same annotations twice are kept once
    assert (again.matched, again.duplicates) == (0, 1)
    assert store.stats()["spans"] == 3 and store.stats()["claims"] == 1


def test_a_stored_export_gains_only_what_is_new(store: Store, tmp_path: Path) -> None:
    aid = store.add_article(TEXT)
    store.tag(aid, 14, 43, "claim")
    export(store, tmp_path / "a.jsonl", flt=EVERYTHING)
    rec = json.loads((tmp_path / "a.jsonl").read_text("utf-8"))
    rec["spans"].append({"id": "new", "label": "speaker", "start": 49, "end": 58})
    rec["speakers"] = [{"id": "x", "name": "Tom Reyes", "mentions": ["new"]}]
    report = import_paths(store, [jsonl(tmp_path / "b.jsonl", rec)])
    assert (report.matched, report.annotations_added, report.added) == (1, 1, 0)
    spans = store.spans(aid)
    assert len(spans) == 2 and len(store.claims(aid)) == 1
    assert store.speaker(spans[1]["speaker_id"])["name"] == "Tom Reyes"


def test_prodigy_annotators_answers_and_claims(store: Store, tmp_path: Path) -> None:
    def prodigy(annotator_key: str, who: str, answer: str, spans: list) -> dict:
        return {"text": TEXT, "spans": spans, "answer": answer, annotator_key: who}

    ana = [{"start": 0, "end": 8, "label": "SPEAKER"}, {"start": 14, "end": 43, "label": "CLAIM"}]
    bob = [{"start": 49, "end": 58, "label": "SPEAKER"}, {"start": 14, "end": 43, "label": "CLAIM"}]
    path = jsonl(
        tmp_path / "prodigy.jsonl",
        prodigy("_annotator_id", "news-ana", "accept", ana),
        prodigy("_session_id", "news-bob", "accept", bob),
        prodigy("_session_id", "news-cy", "reject", [{"start": 0, "end": 3, "label": "CUE"}]),
        prodigy("_session_id", "news-dee", "ignore", [{"start": 0, "end": 3, "label": "CUE"}]),
    )
    report = import_paths(store, [path])
    assert (report.added, report.matched, report.ignored, report.failed) == (1, 2, 1, 0)
    assert f'{path}: 1 Prodigy record answered "ignore" skipped' in report.warnings
    (rec,) = list(iter_records(store, EVERYTHING))
    got = {(s["annotator"], s["label"], s["text"], s["status"]) for s in rec["spans"]}
    assert got == {
        ("news-ana", "speaker", "Lin Qiao", "accepted"),
        ("news-ana", "claim", "the Pacific is not a backyard", "accepted"),
        ("news-bob", "speaker", "Tom Reyes", "accepted"),
        ("news-bob", "claim", "the Pacific is not a backyard", "accepted"),
        ("news-cy", "cue", "Lin", "rejected"),
    }
    assert len(rec["claims"]) == 2  # one per annotator's claim span
    assert all(c["speaker"] is None for c in rec["claims"])


def test_speakers_without_ids_are_matched_by_name(store: Store, tmp_path: Path) -> None:
    known = store.add_speaker("Lin Qiao")["id"]
    records = []
    for n, name in enumerate(("Lin  Qiao", "Tom Reyes", "tom reyes")):
        rec = said(name, n)
        rec["speakers"][0].pop("id")
        rec["claims"][0]["speaker"] = None
        records.append(rec)
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", *records)])
    assert report.errors == [] and report.added == 3
    mentions = {
        s["text"]: s["speaker_id"] for r in iter_records(store) for s in store.spans(r["id"])
    }
    assert mentions["Lin  Qiao"] == known
    assert mentions["Tom Reyes"] == mentions["tom reyes"] != known
    assert len(store.speakers()) == 2


def test_command_line_prints_warnings_and_exits_0(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    path = jsonl(tmp_path / "conv.jsonl", said("Pollak", 1), said("Sanders", 2))
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(tmp_path / "x.db"), "import", str(path)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{path}: 2 articles",
        "2 articles added, 0 skipped as duplicates, 0 failed",
    ]
    assert result.stderr.splitlines() == [
        f"annotator: created new database {tmp_path / 'x.db'}",
        f"{path}: 1 speaker id already used for other people: imported as new speakers "
        "(or matched by name)",
    ]

"""`annotator agreement`: two analysts' layers in a real database, every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.store import Store

DATA = Path(__file__).parent / "data"
TEXT = "Ana Ruiz said the tax is unfair. Ben Okafor said it was fine. Σήμερα ο Νίκος είπε όχι."
#       0   4    9    14  18  22 25     33  37     44   49 52  56


def code(path: Path, who: str, claim: tuple[int, int], speaker: str, stance: str) -> None:
    """One analyst's layer: a speaker mention, a claim and a position."""
    store = Store(path, annotator=who)
    article = store.articles.ids()[0]
    mention = store.add_span(article, 0, 8, "speaker")
    span = store.add_span(article, *claim, "claim")
    found = store.find_speaker(speaker) or store.add_speaker(speaker)
    made = store.add_claim(
        article, [span["id"]], speaker_id=found["id"], mention_span_id=mention["id"]
    )
    store.add_position(
        article, speaker_id=found["id"], target="the tax", stance=stance, evidence=[made["id"]]
    )
    store.close()


@pytest.fixture
def two_coders(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    Store(path).add_article(TEXT, title="Tax")
    code(path, "alice", (14, 31), "Ana Ruiz", "against")
    code(path, "bob", (14, 31), "Ana Ruiz", "against")
    return path


def agreement(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--db", str(db), "agreement", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_identical_layers_give_alpha_one_in_json(two_coders, capsys):
    status, out, _ = agreement(two_coders, capsys, "--format", "json")
    assert status == 0
    result = json.loads(out)
    assert result["annotators"] == ["alice", "bob"]
    assert result["articles"] == 1
    assert result["tokens"]["claim"]["alpha"] == 1.0
    assert result["spans"]["claim"]["f1_exact"] == 1.0
    assert result["attribution"] == {
        "alpha": None,  # every value is the same speaker: no variation, alpha undefined
        "units": 1,
        "observed_disagreement": 0.0,
        "expected_disagreement": 0.0,
    }
    assert result["stance"]["units"] == 1
    assert [p["annotators"] for p in result["pairs"]] == [["alice", "bob"]]


def test_the_table_reads_with_the_guide_and_the_csv_has_every_figure(two_coders, capsys):
    status, out, _ = agreement(two_coders, capsys)
    assert status == 0
    assert "alpha >= 0.8 reliable, 0.667-0.8 tentative" in out
    claim_line = next(line for line in out.splitlines() if line.startswith("claim"))
    assert "1.000" in claim_line and "reliable" in claim_line
    status, out, _ = agreement(two_coders, capsys, "--format", "csv", "--label", "claim")
    rows = list(csv.DictReader(io.StringIO(out)))
    overall = {(r["measure"], r["label"]): r for r in rows if r["scope"] == "all"}
    assert overall["tokens.alpha", "claim"]["value"] == "1.0"
    assert overall["spans.f1_exact", "claim"]["value"] == "1.0"
    assert overall["attribution.alpha", ""]["value"] == ""  # undefined
    assert {r["scope"] for r in rows} == {"all", "pair", "article"}
    assert ("tokens.alpha", "speaker") not in overall  # --label limits the labels


def test_different_codings_are_measured_and_written_to_a_file(tmp_path, capsys):
    path = tmp_path / "team.db"
    Store(path).add_article(TEXT, title="Tax")
    code(path, "alice", (14, 31), "Ana Ruiz", "against")
    code(path, "bob", (18, 31), "Ben Okafor", "favor")
    target = tmp_path / "agreement.json"
    status, out, err = agreement(path, capsys, "--format", "json", "-o", str(target))
    assert "written to" in err
    assert status == 0 and out == ""
    result = json.loads(target.read_text(encoding="utf-8"))
    assert result["spans"]["claim"]["f1_exact"] == 0.0
    assert result["spans"]["claim"]["f1_overlap"] == 1.0
    assert result["tokens"]["claim"]["alpha"] < 1.0
    assert result["attribution"]["alpha"] is not None and result["attribution"]["alpha"] < 0.5


def test_unicode_tokens_are_counted_in_every_script(two_coders, capsys):
    _, out, _ = agreement(two_coders, capsys, "--format", "json")
    # Latin words, Greek words (Σήμερα ο Νίκος είπε όχι): every \w+ match.
    assert json.loads(out)["tokens"]["speaker"]["n"] == 18


def test_a_missing_database_is_refused_and_not_created(tmp_path, capsys):
    status, out, err = agreement(tmp_path / "nope.db", capsys)
    assert out == ""
    assert status == 1
    assert "no database at" in err and err.count("\n") == 1
    assert not (tmp_path / "nope.db").exists()


def test_one_annotator_or_an_unknown_name_is_one_line(two_coders, capsys):
    status, _, err = agreement(two_coders, capsys, "--annotators", "alice")
    assert status == 1 and "two annotators or more" in err and err.count("\n") == 1
    status, _, err = agreement(two_coders, capsys, "--annotators", "alice,bobb")
    assert status == 1 and "'bobb'" in err and "Traceback" not in err


def test_no_reliability_sample_when_one_is_asked_for(two_coders, capsys):
    status, _, err = agreement(two_coders, capsys, "--articles", "reliability-sample")
    assert status == 1 and "no reliability sample" in err


def test_the_sample_corpus_coded_twice(tmp_path, capsys):
    path = tmp_path / "gold.db"
    assert (
        main(["--db", str(path), "import", str(DATA / "gold.jsonl"), str(DATA / "gold-b.jsonl")])
        == 0
    )
    capsys.readouterr()
    _, out, _ = agreement(path, capsys, "--format", "json")
    result = json.loads(out)
    assert result["annotators"] == ["coder-b", "gold"]
    assert result["articles"] == 15
    assert 0.667 < result["tokens"]["claim"]["alpha"] < 1.0
    assert 0 < result["attribution"]["alpha"] < 1.0
    assert 0 < result["stance"]["alpha"] < 1.0
    # The README's team section shows this table: it must be the one the command prints.
    _, table, _ = agreement(path, capsys)
    readme = (DATA.parent.parent / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ annotator --db team.db agreement\n", 1)[1].split("```", 1)[0]
    measures = [line for line in shown.splitlines() if line.startswith(("measure", "speaker ("))]
    measures += [line for line in shown.splitlines() if line.split()[:1] in (["claim"], ["cue"])]
    measures += [line for line in shown.splitlines() if line.startswith(("attribution", "stance"))]
    assert len(measures) == 6
    for line in measures:
        assert line in table.splitlines(), f"README shows {line!r}, the command does not"


def test_a_coder_who_marked_done_and_tagged_nothing_counts_as_nothing_here(tmp_path, capsys):
    path = tmp_path / "team.db"
    Store(path).add_article(TEXT, title="Tax")
    code(path, "alice", (14, 31), "Ana Ruiz", "against")
    with Store(path, annotator="bob") as bob:
        bob.set_article_status(bob.articles.ids()[0], "done")
    # Without annotations bob is compared only when named.
    assert "two annotators or more" in agreement(path, capsys)[2]
    _, out, _ = agreement(path, capsys, "--format", "json", "--annotators", "alice,bob")
    result = json.loads(out)
    # Documented: every word is 0 for bob, so alpha is at most 0 and F1 is 0; no
    # claim or position of bob's, so attribution and stance have no pairable unit.
    assert result["annotators"] == ["alice", "bob"] and result["articles"] == 1
    assert result["tokens"]["claim"]["alpha"] <= 0
    assert result["spans"]["claim"]["f1_exact"] == 0.0
    assert result["attribution"]["alpha"] is None and result["attribution"]["units"] == 0


def test_the_reliability_sample_is_the_default_and_others_are_left_out(tmp_path, capsys):
    path = tmp_path / "team.db"
    with Store(path) as store:
        store.add_article(TEXT, title="Tax")
        other = store.add_article("Another text, coded by both.", title="Other")
    code(path, "alice", (14, 31), "Ana Ruiz", "against")
    code(path, "bob", (18, 31), "Ana Ruiz", "against")
    with Store(path) as store:
        for who in ("alice", "bob"):
            store.add_span(other, 0, 7, "claim", annotator=who)
        assert json.loads(agreement(path, capsys, "--format", "json")[1])["articles"] == 2
        sample = [a for a in store.articles.ids() if a != other]
        store.database.insert("reliability_sample", {"article_id": sample[0]})
    result = json.loads(agreement(path, capsys, "--format", "json")[1])
    assert [a["id"] for a in result["per_article"]] == sample
    everything = agreement(path, capsys, "--format", "json", "--articles", "all-double-coded")
    assert json.loads(everything[1])["articles"] == 2

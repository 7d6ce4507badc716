"""Agreement on spans, attribution and stance, on layers worked out by hand."""

import random
import re

import krippendorff
import pytest

from annotator.core.agreement import (
    AgreementCancelled,
    CodedArticle,
    CodedClaim,
    CodedPosition,
    Layer,
    compute,
    disagreements,
    greedy_overlap_matches,
    token_alpha,
)

TEXT = "Ana Ruiz said the tax is unfair. Ben Okafor said it was fine."
#       0   4    9    14  18  22 25     33  37     44   49 52  56


def layer(spans=(), claims=(), positions=()):
    return Layer(list(spans), list(claims), list(positions))


def art(layers, text=TEXT, id_="a1"):
    return CodedArticle(id_, "Tax", text, layers)


def test_identical_layers_agree_perfectly_on_every_measure():
    same = layer(
        [("claim", 14, 31), ("speaker", 0, 8)],
        [CodedClaim(((14, 31),), "ana")],
        [CodedPosition("ana", "tax", "against")],
    )
    other = layer(
        [("claim", 49, 60), ("speaker", 33, 43)],
        [CodedClaim(((49, 60),), "ben")],
        [CodedPosition("ben", "tax", "favor")],
    )
    both = [art({"A": same, "B": same}), art({"A": other, "B": other}, id_="a2")]
    result = compute(both, ["A", "B"], ["claim", "speaker"])
    assert result["tokens"]["claim"]["alpha"] == 1.0
    assert result["spans"]["claim"]["f1_exact"] == 1.0
    assert result["attribution"]["alpha"] == 1.0
    assert result["attribution"]["units"] == 2
    assert result["stance"]["alpha"] == 1.0
    assert result["stance"]["units"] == 2
    assert disagreements(both, ["A", "B"], ["claim"]) == []


def test_token_alpha_matches_the_package_on_the_same_token_matrix():
    rng = random.Random(7)
    words = " ".join(rng.choice(["alpha", "beta", "γάμμα", "δέλτα", "北京"]) for _ in range(200))
    layers = {}
    for coder in "ABC":
        spans = []
        for _ in range(15):
            start = rng.randrange(len(words) - 20)
            spans.append(("claim", start, start + rng.randint(1, 20)))
        layers[coder] = layer(spans)
    ours = token_alpha([art(layers, text=words)], ["A", "B", "C"], "claim").alpha
    # The same matrix built independently: one row per coder, one column per token.
    tokens = [m.span() for m in re.finditer(r"\w+", words)]
    rows = [
        [int(any(s < e2 and s2 < e for _, s2, e2 in layers[c].spans)) for s, e in tokens]
        for c in "ABC"
    ]
    theirs = krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal")
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_tokens_in_scripts_without_spaces_and_non_latin_words_are_counted():
    text = "Αθήνα λέει όχι. 北京说不"
    a = art({"A": layer([("claim", 0, 5)]), "B": layer([("claim", 0, 5)])}, text=text)
    result = token_alpha([a], ["A", "B"], "claim")
    # Three Greek words and one run of Chinese characters.
    assert result.units == 4


def test_a_coder_who_tagged_nothing_gives_zero_f1_and_undefined_or_low_alpha():
    a = art({"A": layer([("claim", 14, 31)]), "B": layer()})
    result = compute([a], ["A", "B"], ["claim"])
    assert result["spans"]["claim"]["f1_exact"] == 0.0
    alpha = result["tokens"]["claim"]["alpha"]
    assert alpha is not None and alpha <= 0


def test_a_coder_missing_from_an_article_is_missing_not_zero():
    a = art({"A": layer([("claim", 14, 31)]), "B": layer([("claim", 14, 31)])})
    # C did not code this article: A and B still agree perfectly.
    assert token_alpha([a], ["A", "B", "C"], "claim").alpha == 1.0


def test_overlap_matching_is_greedy_one_to_one_by_largest_overlap():
    left = [(0, 10), (12, 20)]
    right = [(5, 15), (8, 30)]
    # (12,20)~(8,30) share 8, (0,10)~(5,15) share 5: both matched.
    assert sorted(greedy_overlap_matches(left, right)) == [(0, 0), (1, 1)]
    assert greedy_overlap_matches([(0, 5)], [(5, 9)]) == []


def test_attribution_compares_the_speaker_of_each_coders_first_claim_in_a_cluster():
    a = art(
        {
            "A": layer(claims=[CodedClaim(((14, 31),), "ana"), CodedClaim(((49, 60),), "ben")]),
            "B": layer(claims=[CodedClaim(((18, 25),), "ana"), CodedClaim(((52, 60),), "ana")]),
        }
    )
    result = compute([a], ["A", "B"], ["claim"])
    assert result["attribution"]["units"] == 2
    found = [d for d in disagreements([a], ["A", "B"], []) if d.measure == "attribution"]
    assert [(d.start, d.end, d.values) for d in found] == [(49, 60, {"A": "ben", "B": "ana"})]


def test_claims_chain_into_one_cluster_through_a_third_coders_claim():
    a = art(
        {
            "A": layer(claims=[CodedClaim(((0, 10),), "x")]),
            "B": layer(claims=[CodedClaim(((20, 30),), "x")]),
            "C": layer(claims=[CodedClaim(((5, 25),), "x")]),
        }
    )
    assert compute([a], ["A", "B", "C"], [])["attribution"]["units"] == 1


def test_stance_takes_the_most_frequent_and_breaks_ties_in_the_documented_order():
    a = art(
        {
            "A": layer(
                positions=[
                    CodedPosition("ana", "tax", "against"),
                    CodedPosition("ana", "tax", "favor"),
                ]
            ),
            "B": layer(positions=[CodedPosition("ana", "tax", "favor")]),
        }
    )
    # A's tie favor/against resolves to favor: agreement with B.
    assert not [d for d in disagreements([a], ["A", "B"], []) if d.measure == "stance"]


def test_one_article_only_reports_per_article_figures():
    a = art({"A": layer([("claim", 14, 31)]), "B": layer([("claim", 14, 30)])})
    result = compute([a], ["A", "B"], ["claim"])
    assert result["articles"] == 1
    assert result["per_article"][0]["id"] == "a1"
    assert result["per_article"][0]["spans"]["claim"] == 1.0
    assert result["spans"]["claim"]["f1_exact"] == 0.0


def test_a_boundary_difference_is_one_disagreement_with_both_ranges():
    a = art({"A": layer([("claim", 14, 31)]), "B": layer([("claim", 18, 31), ("claim", 49, 60)])})
    found = [d for d in disagreements([a], ["A", "B"], ["claim"]) if d.measure == "spans claim"]
    assert [(d.start, d.end, d.values) for d in found] == [
        (14, 31, {"A": "14-31", "B": "18-31"}),
        (49, 60, {"A": None, "B": "49-60"}),
    ]


@pytest.mark.parametrize("coders", ["AB", "ABCDEF", "ABCDEFGHI"])
def test_token_alpha_matches_the_package_for_many_coders(coders):
    rng = random.Random(len(coders))
    words = " ".join(rng.choice(["un", "deux", "Ωμέγα", "東京", "x1"]) for _ in range(300))
    layers = {}
    for coder in coders:
        spans = []
        for _ in range(rng.randint(0, 25)):
            start = rng.randrange(len(words) - 30)
            spans.append(("claim", start, start + rng.randint(1, 30)))
        layers[coder] = layer(spans)
    ours = token_alpha([art(layers, text=words)], list(coders), "claim").alpha
    tokens = [m.span() for m in re.finditer(r"\w+", words)]
    rows = [
        [int(any(s < e2 and s2 < e for _, s2, e2 in layers[c].spans)) for s, e in tokens]
        for c in coders
    ]
    theirs = krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal")
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_progress_counts_every_article_and_pair_and_cancel_stops_the_work():
    mine = layer([("claim", 14, 31)], [CodedClaim(((14, 31),), "ana")])
    theirs = layer([("claim", 18, 31)], [CodedClaim(((18, 31),), "ben")])
    articles = [art({"A": mine, "B": theirs, "C": mine}, id_=f"a{n}") for n in range(4)]
    seen = []
    result = compute(articles, ["A", "B", "C"], ["claim"], progress=lambda *p: seen.append(p))
    # Four articles, three pairs, then the pooled figures: the last step says all done.
    assert seen == [(n, 8) for n in range(1, 9)]
    assert result == compute(articles, ["A", "B", "C"], ["claim"])
    steps = []
    with pytest.raises(AgreementCancelled):
        compute(
            articles,
            ["A", "B", "C"],
            ["claim"],
            progress=lambda *p: steps.append(p),
            cancelled=lambda: len(steps) >= 2,
        )
    assert len(steps) == 2  # it stopped at the first question after the second article

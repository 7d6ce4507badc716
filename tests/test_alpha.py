"""Krippendorff's alpha: the 2011 paper's worked example and an independent implementation."""

import math
import random

import krippendorff
import pytest

from annotator.core.alpha import nominal_alpha

_ = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
# four observers, twelve units, missing values. Rows are observers.
PAPER = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]


def by_unit(rows):
    return list(zip(*rows, strict=True))


def test_the_papers_worked_example_gives_0_743():
    result = nominal_alpha(by_unit(PAPER))
    assert round(result.alpha, 3) == 0.743
    # Unit 12 has one value only and is left out; 40 values remain.
    assert result.units == 11
    assert result.values == 40


def test_identical_coders_agree_perfectly():
    rows = [[1, 2, 2, 1, 3], [1, 2, 2, 1, 3]]
    assert nominal_alpha(by_unit(rows)).alpha == 1.0


def test_no_variation_leaves_alpha_undefined():
    result = nominal_alpha(by_unit([[0, 0, 0], [0, 0, 0]]))
    assert result.alpha is None
    assert result.values == 6


def test_no_pairable_unit_leaves_alpha_undefined():
    result = nominal_alpha([(1, None), (None, 2)])
    assert result.alpha is None
    assert result.units == 0


def test_systematic_disagreement_is_below_zero():
    assert nominal_alpha(by_unit([[0, 1, 0, 1], [1, 0, 1, 0]])).alpha < 0


@pytest.mark.parametrize("seed", range(25))
def test_matches_the_krippendorff_package_on_random_data(seed):
    rng = random.Random(seed)
    coders = rng.randint(2, 6)
    units = rng.randint(2, 60)
    categories = rng.randint(2, 5)
    rows = [
        [rng.randrange(categories) if rng.random() > 0.25 else None for _ in range(units)]
        for _ in range(coders)
    ]
    ours = nominal_alpha(by_unit(rows)).alpha
    nan_rows = [[math.nan if v is None else v for v in row] for row in rows]
    try:
        theirs = krippendorff.alpha(reliability_data=nan_rows, level_of_measurement="nominal")
    except ValueError:  # the package refuses data with a single category or no pairs
        assert ours is None
        return
    if ours is None:
        assert math.isnan(theirs)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)

"""Krippendorff's alpha for nominal data, with missing values.

The computation follows Krippendorff (2011), "Computing Krippendorff's
Alpha-Reliability", section C: values are pooled into a coincidence matrix, units
with fewer than two values are left out, and

    alpha = 1 - D_o / D_e

with the observed disagreement ``D_o`` taken inside units and the expected
disagreement ``D_e`` over all pairable values. For nominal data the matrix never has
to be built: a unit with ``m`` values, ``n_c`` of them equal to ``c``, adds
``(m**2 - sum(n_c**2)) / (m - 1)`` to the mismatching cells, so one pass over the
units is enough (token-level agreement has millions of units).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class AlphaResult:
    """Nominal alpha and the figures it is made of.

    ``alpha`` is None when it is undefined: no unit has two values, or every value
    is the same category (no variation, ``D_e == 0``). ``units`` counts the pairable
    units (two values or more) and ``values`` the values in them (Krippendorff's n).
    """

    alpha: float | None
    observed: float
    expected: float
    units: int
    values: int


def nominal_alpha(units: Iterable[Sequence[Hashable | None]]) -> AlphaResult:
    """Krippendorff's alpha for nominal values.

    Parameters:
        units: one sequence per unit, holding each coder's value or None where the
            coder gave none. Coders need not be in the same order in every unit;
            only the values of a unit matter.

    Returns:
        An `AlphaResult`; ``alpha`` is None where alpha is undefined.
    """
    totals: Counter[Hashable] = Counter()
    mismatch = 0.0
    pairable = 0
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        pairable += 1
        totals.update(values)
        if m == 2:  # most units: two coders, who agree (0) or not (2)
            mismatch += 0.0 if values[0] == values[1] else 2.0
        else:
            counts = Counter(values).values()
            mismatch += (m * m - sum(c * c for c in counts)) / (m - 1)
    return _result(totals, mismatch, pairable)


def alpha_from_unit_counts(
    shapes: Mapping[tuple[tuple[Hashable, int], ...], int],
) -> AlphaResult:
    """Nominal alpha from units grouped by their value counts.

    Token-level agreement has millions of units but only a handful of distinct
    ones (two coders, values 0 and 1): grouping them first makes alpha one short
    loop.

    Parameters:
        shapes: maps a unit's ``((value, how many coders gave it), ...)`` to the
            number of units that look like that. Units with fewer than two values
            are ignored.
    """
    totals: Counter[Hashable] = Counter()
    mismatch = 0.0
    pairable = 0
    for shape, times in shapes.items():
        m = sum(c for _, c in shape)
        if m < 2 or times <= 0:
            continue
        pairable += times
        for value, c in shape:
            totals[value] += c * times
        mismatch += times * (m * m - sum(c * c for _, c in shape)) / (m - 1)
    return _result(totals, mismatch, pairable)


def _result(totals: Counter[Hashable], mismatch: float, pairable: int) -> AlphaResult:
    """Alpha from the pooled value counts and the units' summed mismatches."""
    n = sum(totals.values())
    if n < 2:
        return AlphaResult(None, 0.0, 0.0, pairable, n)
    observed = mismatch / n
    expected = (n * n - sum(c * c for c in totals.values())) / (n * (n - 1))
    if expected == 0:
        return AlphaResult(None, observed, expected, pairable, n)
    return AlphaResult(1 - observed / expected, observed, expected, pairable, n)

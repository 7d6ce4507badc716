"""Congruence and conflict weights by sparse matrix products (numpy and scipy).

Each (speaker, target) on which a speaker holds favor or against has a code: 1
favor only, 2 against only, 3 both. With T targets:

- congruence: M·Mᵀ, M having a column per (target, side) (favor t, against T+t)
  and 1 where the speaker holds that side: per pair, the (target, side) pairs both
  hold.
- conflict: L·Rᵀ, where L marks per target which of the three codes a speaker has
  (column t, T+t or 2T+t) and R the sides that clash with each: favor only clashes
  with holding against (R's column t), against only with holding favor (T+t), both
  with holding either (2T+t). Per pair, the targets on which one holds favor and the
  other against, each target counted once.

A large corpus has millions of pairs: counting them one by one in Python took
tens of seconds; the products run in scipy's compiled code. Only the upper
triangle (a < b) is kept, so that each undirected edge appears once.

numpy and scipy are imported when weights are first computed, not with this
module: scipy.sparse loads numpy.testing, and with it the email and socket
modules, which no part of Annotator needs until a one-mode network is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

FAVOR, AGAINST = 1, 2


def one_mode_weights(
    speakers: Sequence[int],
    targets: Sequence[int],
    sides: Sequence[int],
    speaker_count: int,
    *,
    conflict: bool,
    min_weight: int = 1,
) -> tuple[Any, Any, Any]:
    """The weighted pairs of speakers, as three numpy arrays (a, b, weight), a < b.

    Parameters:
        speakers, targets, sides: one entry per distinct (speaker index, target
            index, side) held, the side `FAVOR` or `AGAINST`.
        speaker_count: how many speakers there are (indexes run below it).
        conflict: conflict weights; otherwise congruence.
        min_weight: pairs lighter than this (and at least 1) are left out.

    The pairs come sorted by a, then b.
    """
    import numpy as np
    from scipy import sparse

    speaker = np.asarray(speakers, dtype=np.int64)
    target = np.asarray(targets, dtype=np.int64)
    side = np.asarray(sides, dtype=np.int32)
    t_count = int(target.max()) + 1 if len(target) else 1
    # Summing the sides gives each (speaker, target) its code: 1, 2 or 3 (both).
    codes = sparse.coo_matrix((side, (speaker, target)), shape=(speaker_count, t_count)).tocsr()
    rows = np.repeat(np.arange(speaker_count), np.diff(codes.indptr))
    cols, code = codes.indices.astype(np.int64), codes.data
    if conflict:
        left = _matrix(rows, (code - 1) * t_count + cols, speaker_count, 3 * t_count)
        clash_rows = [rows[code >= AGAINST], rows[code % 2 == 1], rows]
        clash_cols = [cols[code >= AGAINST], cols[code % 2 == 1] + t_count, cols + 2 * t_count]
        right = _matrix(
            np.concatenate(clash_rows), np.concatenate(clash_cols), speaker_count, 3 * t_count
        )
    else:
        m_rows = np.concatenate([rows[code != AGAINST], rows[code >= AGAINST]])
        m_cols = np.concatenate([cols[code != AGAINST], cols[code >= AGAINST] + t_count])
        left = right = _matrix(m_rows, m_cols, speaker_count, 2 * t_count)
    product = (left @ right.T).tocsr()
    product.sort_indices()
    a = np.repeat(np.arange(speaker_count, dtype=np.int32), np.diff(product.indptr))
    b, weight = product.indices, product.data
    keep = (b > a) & (weight >= max(1, min_weight))
    return a[keep], b[keep], weight[keep]


def _matrix(rows: Any, cols: Any, height: int, width: int) -> Any:
    import numpy as np
    from scipy import sparse

    ones = np.ones(len(rows), dtype=np.int32)
    return sparse.csr_matrix((ones, (rows, cols)), shape=(height, width))

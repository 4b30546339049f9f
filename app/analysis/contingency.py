"""Tests of homogeneity over stratified teachers x outcomes tables: Pearson's X² and its permutation p.

The permutation test shuffles outcomes among teachers within each stratum (margins fixed). Shuffling
the incidents themselves costs time in proportion to their number: a cell of 10 million incidents took
more than 17 minutes. Shuffling with fixed margins gives a random table from the multivariate
hypergeometric distribution, so above ``SHUFFLE_MAX`` incidents per table the tables are drawn
directly, one hypergeometric count per cell, in time that does not grow with the counts. Above
``HYPERGEOMETRIC_MAX`` (numpy's limit) the asymptotic chi-square p is used: with a billion incidents
the permutation and the asymptotic distribution agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: tables with at most this many incidents are shuffled incident by incident (the original, exact method)
SHUFFLE_MAX = 20_000
#: numpy's hypergeometric sampler takes counts below 10**9
HYPERGEOMETRIC_MAX = 10**9 - 1


def chi_square(tables: Sequence[np.ndarray]) -> tuple[float, int, float]:
    """Summed Pearson X², summed df and the smallest expected count over the strata's tables."""
    total, df, smallest = 0.0, 0, float("inf")
    for tab in tables:
        expected = tab.sum(1, keepdims=True) * tab.sum(0, keepdims=True) / tab.sum()
        total += float(((tab - expected) ** 2 / expected).sum())
        df += (tab.shape[0] - 1) * (tab.shape[1] - 1)
        smallest = min(smallest, float(expected.min()))
    return total, df, smallest


def permutable(tables: Sequence[np.ndarray]) -> bool:
    """Whether ``permutation_p`` can take these tables (every total below numpy's sampler limit)."""
    return all(int(tab.sum()) <= HYPERGEOMETRIC_MAX for tab in tables)


def random_tables(tab: np.ndarray, draws: int, rng: np.random.Generator) -> np.ndarray:
    """``draws`` random tables with the margins of ``tab`` (shape draws x rows x cols), as a shuffle
    of the outcomes among the rows would give: each row takes its count from what is left, column by
    column, by the hypergeometric distribution."""
    import numpy as np

    rows, cols = tab.shape
    left = np.tile(tab.sum(0).astype(np.int64), (draws, 1))  # per draw: what each column still holds
    out = np.zeros((draws, rows, cols), dtype=np.int64)
    for i, row_total in enumerate(tab.sum(1).astype(np.int64)):
        if i == rows - 1:
            out[:, i, :] = left
            break
        need = np.full(draws, row_total, dtype=np.int64)
        for j in range(cols - 1):
            rest = left[:, j + 1 :].sum(axis=1)
            take = rng.hypergeometric(left[:, j], rest, need) if row_total else np.zeros(draws, np.int64)
            out[:, i, j] = take
            need -= take
        out[:, i, cols - 1] = need
        left -= out[:, i, :]
    return out


def _shuffled_tables(tab: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    import numpy as np

    rows, cols = tab.shape
    teacher = np.repeat(np.arange(rows), tab.sum(1))
    outcome = np.concatenate([np.repeat(np.arange(cols), row) for row in tab])
    shuffled = rng.permuted(np.tile(outcome, (size, 1)), axis=1)
    flat = (np.arange(size)[:, None] * rows * cols + teacher[None, :] * cols + shuffled).ravel()
    return np.bincount(flat, minlength=size * rows * cols).reshape(size, rows, cols)


def permutation_p(tables: Sequence[np.ndarray], observed: float, draws: int, seed: int) -> float:
    """P(X² >= observed) when outcomes are shuffled among teachers within each stratum (margins fixed).

    Seeded, so the same tables always give the same p. Tables of at most ``SHUFFLE_MAX`` incidents are
    shuffled; larger ones drawn from the same distribution directly (see the module's text).
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    sims = np.zeros(draws)
    for tab in tables:
        expected = tab.sum(1, keepdims=True) * tab.sum(0, keepdims=True) / tab.sum()
        total = int(tab.sum())
        drawn = total > SHUFFLE_MAX  # draw whole tables: time independent of the counts
        batch = draws if drawn else max(1, 2_000_000 // max(1, total))
        for start in range(0, draws, batch):
            size = min(batch, draws - start)
            counts = random_tables(tab, size, rng) if drawn else _shuffled_tables(tab, size, rng)
            sims[start : start + size] += ((counts - expected) ** 2 / expected).sum(axis=(1, 2))
    return float((1 + np.count_nonzero(sims >= observed - 1e-9)) / (draws + 1))

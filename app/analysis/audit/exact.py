"""Exact conditional test of a subject's deviations from the ladder, stratified (rule x strike).

Within each stratum the subject's incidents are, under the null of fair treatment, a random draw
without replacement from the stratum's outcomes (milder -1, agreed 0, stricter +1). The statistic is
the subject's sum of deviations; its null distribution is the convolution over strata of the
(multivariate hypergeometric) distributions of ``#stricter - #milder`` in each draw. With two
outcomes only this is exactly the conditional test behind R's ``mantelhaen.test(exact=TRUE)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln

#: R's relative tolerance for "no more probable than the observed" in two-sided exact p-values
RELATIVE_ERROR = 1 + 1e-7


@dataclass(frozen=True)
class ExactDeviation:
    """The observed sum of deviations, its null expectation and exact p-values."""

    statistic: int
    expected: float
    p: float  #: two-sided (sum of outcomes no more probable than the observed)
    p_greater: float
    p_less: float


def _log_choose(n: np.ndarray | int, k: np.ndarray | int) -> np.ndarray:
    return np.asarray(
        gammaln(np.asarray(n) + 1) - gammaln(np.asarray(k) + 1) - gammaln(np.asarray(n) - np.asarray(k) + 1)
    )


def stratum_distribution(
    subject: tuple[int, int, int], total: tuple[int, int, int]
) -> tuple[int, np.ndarray]:
    """Null distribution of ``#stricter - #milder`` among the subject's draws in one stratum.

    ``subject`` and ``total`` are (milder, agreed, stricter) counts; the total includes the subject.
    Returns the lowest possible value and the probabilities from there up in steps of 1.
    """
    m = int(sum(subject))
    t_down, t_mid, t_up = (int(x) for x in total)
    n = t_down + t_mid + t_up
    a = np.arange(0, min(m, t_up) + 1)[:, None]  # stricter drawn
    c = np.arange(0, min(m, t_down) + 1)[None, :]  # milder drawn
    mid = m - a - c
    ok = (mid >= 0) & (mid <= t_mid)
    logp = _log_choose(t_up, a) + _log_choose(t_down, c) + _log_choose(t_mid, np.clip(mid, 0, None))
    logp = logp - _log_choose(n, m)
    prob = np.where(ok, np.exp(logp), 0.0)
    diff = (a - c) + min(m, t_down)
    out = np.bincount(diff.ravel(), weights=prob.ravel(), minlength=min(m, t_down) + min(m, t_up) + 1)
    return -min(m, t_down), out / out.sum()


def exact_deviation_test(subject: np.ndarray, total: np.ndarray) -> ExactDeviation:
    """Exact stratified test; ``subject`` and ``total`` are (strata x 3) counts (milder, agreed, stricter)."""
    subject = np.asarray(subject, dtype=int).reshape(-1, 3)
    total = np.asarray(total, dtype=int).reshape(-1, 3)
    low, dist = 0, np.ones(1)
    for sub, tot in zip(subject, total, strict=True):
        if sub.sum() == 0:
            continue
        lo, d = stratum_distribution(tuple(sub), tuple(tot))
        low += lo
        dist = np.convolve(dist, d)
    observed = int(subject[:, 2].sum() - subject[:, 0].sum())
    idx = observed - low
    support = np.arange(low, low + len(dist))
    p_obs = dist[idx]
    return ExactDeviation(
        statistic=observed,
        expected=float((support * dist).sum()),
        p=float(min(1.0, dist[dist <= p_obs * RELATIVE_ERROR].sum())),
        p_greater=float(min(1.0, dist[idx:].sum())),
        p_less=float(min(1.0, dist[: idx + 1].sum())),
    )

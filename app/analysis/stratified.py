"""Stratified 2x2 tables: Cochran–Mantel–Haenszel, the Mantel–Haenszel odds ratio, Breslow–Day, and the
exact conditional test of a common odds ratio (R ``mantelhaen.test(exact=TRUE)``).

Checked against published values with the rest of the helpers (test_stats_reference.py); same table
convention as ``app.analysis.stats``. numpy and scipy at module level: not on the start-up path.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special
from scipy import stats as sps

from app.analysis.stats import RELATIVE_ERROR, Interval, Table2x2, TestResult


@dataclass(frozen=True)
class ExactStratified:
    """Exact conditional test of a common odds ratio of 1 (R ``mantelhaen.test(exact=TRUE)``)."""

    statistic: int  #: S, the sum of the strata's top-left cells
    expected: float  #: E[S] under the null
    p: float  #: two-sided
    p_greater: float
    p_less: float
    odds_ratio: float  #: conditional MLE of the common odds ratio (0 or inf at the support's ends)
    low: float
    high: float


def informative_strata(tables: Sequence[Table2x2]) -> list[tuple[int, int, int, int]]:
    """The strata with all four margins positive (the others carry no information on the odds ratio)."""
    out = []
    for t in tables:
        a, b, c, d = int(t[0][0]), int(t[0][1]), int(t[1][0]), int(t[1][1])
        if min(a + b, c + d, a + c, b + d) > 0:
            out.append((a, b, c, d))
    return out


def _stacked(strata: list[tuple[int, int, int, int]]) -> np.ndarray:
    arr = np.array(strata, dtype=float).T  # 4 x K
    return arr.reshape(2, 2, len(strata))


def cmh_test(tables: Sequence[Table2x2], *, correction: bool) -> TestResult | None:
    """Cochran–Mantel–Haenszel test of a common odds ratio of 1; ``None`` without informative strata."""
    from statsmodels.stats.contingency_tables import StratifiedTable

    strata = [s for s in informative_strata(tables) if sum(s) > 1]
    if not strata:
        return None
    res = StratifiedTable(_stacked(strata)).test_null_odds(correction=correction)
    return TestResult(float(res.statistic), 1, float(res.pvalue))


def mantel_haenszel_or(tables: Sequence[Table2x2], alpha: float = 0.05) -> Interval | None:
    """The Mantel–Haenszel common odds ratio with its Robins–Breslow–Greenland interval (as R)."""
    from statsmodels.stats.contingency_tables import StratifiedTable

    strata = informative_strata(tables)
    if not strata:
        return None
    st = StratifiedTable(_stacked(strata))
    with np.errstate(divide="ignore", invalid="ignore"):
        estimate = float(st.oddsratio_pooled)
        low, high = st.oddsratio_pooled_confint(alpha=alpha)
    if not (math.isfinite(estimate) and estimate > 0 and math.isfinite(low) and math.isfinite(high)):
        return None
    return Interval(estimate, float(low), float(high))


def _fitted_top_left(a: int, b: int, c: int, d: int, odds: float) -> float:
    """The top-left cell that gives a stratum the odds ratio ``odds`` with its margins kept."""
    n1, n2, m1 = a + b, c + d, a + c
    qa, qb, qc = 1 - odds, n2 - m1 + odds * (n1 + m1), -odds * n1 * m1
    if abs(qa) < 1e-12:
        return -qc / qb
    lo, hi = max(0, m1 - n2), min(n1, m1)
    disc = math.sqrt(max(0.0, qb * qb - 4 * qa * qc))
    roots = ((-qb + disc) / (2 * qa), (-qb - disc) / (2 * qa))
    return min(roots, key=lambda r: 0.0 if lo <= r <= hi else min(abs(r - lo), abs(r - hi)))


def breslow_day(tables: Sequence[Table2x2]) -> TestResult | None:
    """Breslow–Day test of equal odds ratios across strata (no Tarone adjustment); ``None`` if undefined.

    Undefined: fewer than two strata, any stratum with a zero margin, or a Mantel–Haenszel odds ratio
    of 0 or infinity. Callers that want the test on the informative strata pass
    ``informative_strata(tables)``. (statsmodels' ``test_equal_odds`` also returns NaN when the
    pooled odds ratio is exactly 1; this closed form does not.)
    """
    strata = [(int(t[0][0]), int(t[0][1]), int(t[1][0]), int(t[1][1])) for t in tables]
    if len(strata) < 2 or len(informative_strata(tables)) != len(strata):
        return None
    num = sum(a * d / (a + b + c + d) for a, b, c, d in strata)
    den = sum(b * c / (a + b + c + d) for a, b, c, d in strata)
    if num <= 0 or den <= 0:
        return None
    odds = num / den
    stat = 0.0
    for a, b, c, d in strata:
        e = _fitted_top_left(a, b, c, d, odds)
        n1, m1, total = a + b, a + c, a + b + c + d
        cells = (e, n1 - e, m1 - e, total - n1 - m1 + e)
        if min(cells) <= 0:
            return None
        stat += (a - e) ** 2 * sum(1 / x for x in cells)
    p = float(sps.chi2.sf(stat, len(strata) - 1))
    if not (math.isfinite(stat) and math.isfinite(p)):
        return None
    return TestResult(float(stat), len(strata) - 1, p)


def _hypergeom_log_pmf(a: int, b: int, c: int, d: int) -> tuple[int, np.ndarray]:
    """Support start and log probabilities of the top-left cell given the margins of one stratum."""
    n1, n2, m1 = a + b, c + d, a + c
    lo, hi = max(0, m1 - n2), min(n1, m1)
    x = np.arange(lo, hi + 1, dtype=float)
    logp = (
        special.gammaln(n1 + 1)
        - special.gammaln(x + 1)
        - special.gammaln(n1 - x + 1)
        + special.gammaln(n2 + 1)
        - special.gammaln(m1 - x + 1)
        - special.gammaln(n2 - m1 + x + 1)
        - special.gammaln(n1 + n2 + 1)
        + special.gammaln(m1 + 1)
        + special.gammaln(n1 + n2 - m1 + 1)
    )
    return lo, logp


def _null_distribution(strata: list[tuple[int, int, int, int]]) -> tuple[int, np.ndarray]:
    """The null distribution of S as the convolution of the strata's hypergeometric distributions."""
    lo_total, dist = 0, np.ones(1)
    for a, b, c, d in strata:
        lo, logp = _hypergeom_log_pmf(a, b, c, d)
        dist = np.convolve(dist, np.exp(logp - logp.max()))
        dist /= dist.sum()
        lo_total += lo
    return lo_total, dist


def _shifted(logd: np.ndarray, support: np.ndarray, theta: float) -> np.ndarray:
    w = logd + support * theta
    w = np.exp(w - w.max())
    return np.asarray(w / w.sum())


def _solve_theta(func: Callable[[float], float], target: float, lo: float = -60.0, hi: float = 60.0) -> float:
    """Root of the monotone ``func(theta) - target`` on [lo, hi] (log odds), clamped to its ends."""
    f_lo, f_hi = func(lo) - target, func(hi) - target
    if f_lo * f_hi > 0:
        return lo if abs(f_lo) < abs(f_hi) else hi
    return float(optimize.brentq(lambda t: func(t) - target, lo, hi, xtol=1e-9))


def _conditional_mle(logd: np.ndarray, sup: np.ndarray, s_obs: float) -> float:
    """The log common odds ratio whose conditional mean of S is ``s_obs`` (safeguarded Newton)."""
    lo, hi, theta = -60.0, 60.0, 0.0
    for _ in range(100):
        w = _shifted(logd, sup, theta)
        mean = float((sup * w).sum())
        var = float(((sup - mean) ** 2 * w).sum())
        if abs(mean - s_obs) < 1e-10 * max(1.0, s_obs):
            return theta
        if mean < s_obs:
            lo = theta
        else:
            hi = theta
        step = theta + (s_obs - mean) / var if var > 0 else math.nan
        theta = step if lo < step < hi else (lo + hi) / 2
    return theta


def exact_stratified(
    tables: Sequence[Table2x2], alpha: float = 0.05, *, estimate: bool = True
) -> ExactStratified | None:
    """Exact conditional test of a common odds ratio of 1 (R ``mantelhaen.test(exact=TRUE)``).

    The two-sided p sums the probabilities of every S no more probable than the observed one
    (with R's relative tolerance); ``None`` without informative strata. With ``estimate=False``
    only the p-values are computed (odds ratio and interval are NaN), about three times faster.
    """
    strata = informative_strata(tables)
    if not strata:
        return None
    lo, dist = _null_distribution(strata)
    fixed = sum(int(t[0][0]) for t in tables) - sum(s[0] for s in strata)  # cells fixed by their margins
    lo += fixed
    s_obs = sum(s[0] for s in strata) + fixed
    idx = s_obs - lo
    support = np.arange(lo, lo + len(dist), dtype=float)
    p_two = float(min(1.0, dist[dist <= dist[idx] * RELATIVE_ERROR].sum()))
    p_greater = float(min(1.0, dist[idx:].sum()))
    p_less = float(min(1.0, dist[: idx + 1].sum()))
    expected = float((support * dist).sum())
    if not estimate:
        return ExactStratified(s_obs, expected, p_two, p_greater, p_less, math.nan, math.nan, math.nan)

    with np.errstate(divide="ignore"):
        logd = np.log(dist)
    keep = np.isfinite(logd)
    logd, sup = logd[keep], support[keep]
    first, last = sup[0], sup[-1]
    upper, lower = sup >= s_obs, sup <= s_obs

    def upper_tail(theta: float) -> float:
        return float(_shifted(logd, sup, theta)[upper].sum())

    def lower_tail(theta: float) -> float:
        return float(_shifted(logd, sup, theta)[lower].sum())

    if s_obs <= first:
        theta_hat, odds = -60.0, 0.0
    elif s_obs >= last:
        theta_hat, odds = 60.0, math.inf
    else:
        theta_hat = _conditional_mle(logd, sup, s_obs)
        odds = math.exp(theta_hat)
    low = 0.0 if s_obs <= first else math.exp(_solve_theta(upper_tail, alpha / 2, hi=theta_hat))
    high = math.inf if s_obs >= last else math.exp(_solve_theta(lower_tail, alpha / 2, lo=theta_hat))
    return ExactStratified(s_obs, expected, p_two, p_greater, p_less, odds, low, high)

"""Small statistical helpers, each checked against published values (test_stats_reference.py).

Library defaults that give the wrong answer for us are pinned here explicitly: Wilson (not Wald)
intervals, Benjamini–Hochberg (not Holm–Šidák), Cochran–Mantel–Haenszel with an explicit continuity
correction, and a Breslow–Day that says "undefined" (``None``) instead of NaN. Tables are 2x2 as
``[[a, b], [c, d]]``: rows the compared groups (subject, rest), columns the outcomes (event, no event).
numpy and scipy are imported at module level: nothing on the start-up path imports this module.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special
from scipy import stats as sps

from app.analysis.results import Proportion

Table2x2 = Sequence[Sequence[int]]

#: R's relative tolerance for "as probable as the observed table" in exact two-sided p-values.
RELATIVE_ERROR = 1 + 1e-7


@dataclass(frozen=True)
class TestResult:
    """A test statistic with its degrees of freedom (``None`` for exact tests) and p-value."""

    __test__ = False  #: not a pytest test class

    statistic: float
    df: int | None
    p: float


@dataclass(frozen=True)
class Interval:
    """A point estimate with a confidence interval."""

    estimate: float
    low: float
    high: float


@dataclass(frozen=True)
class FisherResult:
    """Fisher's exact test on one 2x2 table, with the conditional maximum-likelihood odds ratio."""

    p: float
    odds_ratio: float
    low: float
    high: float


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


@dataclass(frozen=True)
class BetaPrior:
    """A Beta(alpha, beta) prior for rates, estimated by the method of moments."""

    alpha: float
    beta: float

    @property
    def mean(self) -> float:
        """The prior mean alpha / (alpha + beta)."""
        return self.alpha / (self.alpha + self.beta)

    def posterior(self, k: int, n: int) -> BetaPrior:
        """The posterior Beta(alpha + k, beta + n - k) after k events in n."""
        return BetaPrior(self.alpha + k, self.beta + n - k)


@functools.lru_cache(maxsize=16)
def _z(alpha: float) -> float:
    return float(sps.norm.isf(alpha / 2))


# --- one and two proportions -------------------------------------------------------------------


def wilson(k: int, n: int, alpha: float = 0.05) -> Proportion:
    """k of n with the Wilson score interval (no continuity correction); never zero width for n > 0.

    For n == 0 the share is 0 and the interval the whole [0, 1] (nothing is known).
    """
    k, n = int(k), int(n)
    if n < 0 or k < 0 or k > n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
    if n == 0:
        return Proportion(k=0, n=0, share=0.0, low=0.0, high=1.0)
    z = _z(alpha)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return Proportion(k=k, n=n, share=p, low=low, high=high)


def clopper_pearson(k: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """The exact (Clopper–Pearson) interval for k of n."""
    ci = sps.binomtest(int(k), int(n)).proportion_ci(confidence_level=1 - alpha, method="exact")
    return float(ci.low), float(ci.high)


def binomial_test(k: int, n: int, p: float, alternative: str = "two-sided") -> float:
    """The exact binomial test's p-value for k of n against probability p (R ``binom.test``)."""
    return float(sps.binomtest(int(k), int(n), p, alternative=alternative).pvalue)


def newcombe_difference(k1: int, n1: int, k2: int, n2: int, alpha: float = 0.05) -> Interval:
    """p1 - p2 with Newcombe's hybrid score interval (1998, method 10) built from Wilson intervals."""
    a, b = wilson(k1, n1, alpha), wilson(k2, n2, alpha)
    diff = a.share - b.share
    low = diff - math.sqrt((a.share - a.low) ** 2 + (b.high - b.share) ** 2)
    high = diff + math.sqrt((a.high - a.share) ** 2 + (b.share - b.low) ** 2)
    return Interval(diff, max(-1.0, low), min(1.0, high))


def katz_risk_ratio(k1: int, n1: int, k2: int, n2: int, alpha: float = 0.05) -> Interval:
    """(k1/n1) / (k2/n2) with Katz's log interval; 0.5 is added to every cell when a count is zero."""
    if min(n1, n2) <= 0:
        raise ValueError("both groups need at least one observation")
    a, b, c, d = float(k1), float(n1 - k1), float(k2), float(n2 - k2)
    if a == 0 or c == 0:
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    r1, r2 = a / (a + b), c / (c + d)
    ratio = r1 / r2
    se = math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
    z = _z(alpha)
    return Interval(ratio, ratio * math.exp(-z * se), ratio * math.exp(z * se))


# --- many tests --------------------------------------------------------------------------------


def bh_adjust(pvalues: Sequence[float]) -> tuple[float, ...]:
    """Benjamini–Hochberg adjusted p-values, in the input order."""
    ps = np.asarray(pvalues, dtype=float)
    if ps.size == 0:
        return ()
    if not np.all(np.isfinite(ps)) or ps.min() < 0 or ps.max() > 1:
        raise ValueError("p-values must be finite and within [0, 1]")
    return tuple(float(x) for x in sps.false_discovery_control(ps, method="bh"))


def bh_reject(pvalues: Sequence[float], q: float = 0.05) -> tuple[bool, ...]:
    """Which hypotheses Benjamini–Hochberg rejects at false discovery rate q."""
    return tuple(p <= q for p in bh_adjust(pvalues))


# --- one 2x2 table and r x c tables -------------------------------------------------------------


def fisher_2x2(table: Table2x2, alternative: str = "two-sided", alpha: float = 0.05) -> FisherResult:
    """Fisher's exact test with the conditional MLE odds ratio and its exact interval (R ``fisher.test``)."""
    from scipy.stats.contingency import odds_ratio

    arr = np.asarray(table, dtype=np.int64)
    p = float(sps.fisher_exact(arr, alternative=alternative).pvalue)
    res = odds_ratio(arr, kind="conditional")
    ci = res.confidence_interval(confidence_level=1 - alpha, alternative=alternative)
    return FisherResult(p, float(res.statistic), float(ci.low), float(ci.high))


def chi_square(table: Sequence[Sequence[int]], *, correction: bool) -> TestResult:
    """Pearson's chi-square test of independence (Yates' correction only applies to 2x2 tables)."""
    res = sps.chi2_contingency(np.asarray(table, dtype=float), correction=correction)
    return TestResult(float(res.statistic), int(res.dof), float(res.pvalue))


def trend_test(
    events: Sequence[int], totals: Sequence[int], scores: Sequence[float] | None = None
) -> TestResult:
    """Chi-square test for a linear trend in proportions (Cochran–Armitage as R ``prop.trend.test``)."""
    x = np.asarray(events, dtype=float)
    n = np.asarray(totals, dtype=float)
    s = np.arange(1, len(x) + 1, dtype=float) if scores is None else np.asarray(scores, dtype=float)
    p = x.sum() / n.sum()
    s_bar = (n * s).sum() / n.sum()
    denom = p * (1 - p) * (n * (s - s_bar) ** 2).sum()
    if denom <= 0:
        return TestResult(0.0, 1, 1.0)
    stat = float(((x * (s - s_bar)).sum()) ** 2 / denom)
    return TestResult(stat, 1, float(sps.chi2.sf(stat, 1)))


# --- stratified 2x2 tables ---------------------------------------------------------------------


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
    return w / w.sum()


def _solve_theta(func, target: float, lo: float = -60.0, hi: float = 60.0) -> float:  # type: ignore[no-untyped-def]
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


# --- rates: shrinkage and funnel limits --------------------------------------------------------


def beta_prior_moments(
    events: Sequence[int], totals: Sequence[int], *, correct_binomial: bool = False
) -> BetaPrior | None:
    """A Beta prior for rates by the method of moments on the units' raw rates (Gelman et al., BDA3 §5.1).

    With ``correct_binomial`` the expected binomial part of the rates' variance is removed first
    (better for small units). ``None`` when it cannot be estimated (fewer than two units, a mean of 0
    or 1); when the rates spread no more than chance, the prior is capped at a concentration of 1e6.
    """
    k = np.asarray(events, dtype=float)
    n = np.asarray(totals, dtype=float)
    keep = n > 0
    k, n = k[keep], n[keep]
    if len(n) < 2:
        return None
    rates = k / n
    m = float(rates.mean())
    if m <= 0 or m >= 1:
        return None
    v = float(rates.var(ddof=1))
    if correct_binomial:
        v -= float((m * (1 - m) / n).mean())
    concentration = 1e6 if v <= 0 else min(1e6, m * (1 - m) / v - 1)
    if concentration <= 0:  # more spread than any Beta allows: a flat-ish prior with the right mean
        concentration = 1.0
    return BetaPrior(m * concentration, (1 - m) * concentration)


def exact_poisson_interval(count: int, alpha: float = 0.05) -> tuple[float, float]:
    """The exact (Garwood) interval for a Poisson mean after observing ``count``."""
    low = 0.0 if count == 0 else float(sps.chi2.ppf(alpha / 2, 2 * count) / 2)
    high = float(sps.chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2)
    return low, high


def poisson_control_limits(expected: float, level: float) -> tuple[float, float]:
    """Funnel-plot control limits on a count whose expectation is ``expected`` (exact Poisson).

    The quantiles are interpolated between integers as in Spiegelhalter (2005, Stat Med 24:1185):
    a count below the lower or above the upper limit is unusual at ``level`` (e.g. 0.95, 0.998).
    """
    low, high = poisson_control_limits_many([expected], level)
    return float(low[0]), float(high[0])


def poisson_control_limits_many(expected: Sequence[float], level: float) -> tuple[np.ndarray, np.ndarray]:
    """``poisson_control_limits`` for many expected counts at once (arrays of lower and upper limits)."""
    mu = np.asarray(expected, dtype=float)
    tail = (1 - level) / 2
    out = []
    positive = mu > 0
    safe = np.where(positive, mu, 1.0)
    for prob in (tail, 1 - tail):
        r = sps.poisson.ppf(prob, safe)
        pmf = sps.poisson.pmf(r, safe)
        with np.errstate(divide="ignore", invalid="ignore"):
            frac = np.where(pmf > 0, (sps.poisson.cdf(r, safe) - prob) / pmf, 0.0)
        out.append(np.where(positive, np.maximum(0.0, r - frac), 0.0))
    return out[0], out[1]

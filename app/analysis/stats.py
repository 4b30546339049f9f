"""Small statistical helpers, each checked against published values (test_stats_reference.py).

Library defaults that give the wrong answer for us are pinned here explicitly: Wilson (not Wald)
intervals, Benjamini–Hochberg (not Holm–Šidák), Cochran–Mantel–Haenszel with an explicit continuity
correction, and a Breslow–Day that says "undefined" (``None``) instead of NaN. Tables are 2x2 as
``[[a, b], [c, d]]``: rows the compared groups (subject, rest), columns the outcomes (event, no event).
numpy and scipy are imported at module level: nothing on the start-up path imports this module. The
stratified tests (CMH, Mantel–Haenszel, Breslow–Day, exact conditional) are in ``stratified.py``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
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


def weighted_bh_adjust(pvalues: Sequence[float], weights: Sequence[float]) -> tuple[float, ...]:
    """Weighted Benjamini–Hochberg adjusted p-values (Genovese, Roeder & Wasserman 2006), input order.

    Benjamini–Hochberg on ``p / w`` with the weights rescaled to mean 1, capped at 1: a test with
    twice the weight needs half the evidence. With equal weights it is ``bh_adjust``. The false
    discovery rate stays at most q under the same conditions as for BH (independent or positively
    dependent tests), whatever the weights, as long as they are fixed before looking at the data.
    """
    ps, ws = np.asarray(pvalues, dtype=float), np.asarray(weights, dtype=float)
    if ps.shape != ws.shape:
        raise ValueError("one weight per p-value")
    if ps.size == 0:
        return ()
    if not np.all(np.isfinite(ws)) or ws.min() <= 0:
        raise ValueError("weights must be finite and positive")
    if not np.all(np.isfinite(ps)) or ps.min() < 0 or ps.max() > 1:
        raise ValueError("p-values must be finite and within [0, 1]")
    scaled = np.minimum(1.0, ps / (ws / ws.mean()))
    return tuple(float(x) for x in sps.false_discovery_control(scaled, method="bh"))


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


def poisson_control_limits_many(
    expected: Sequence[float] | np.ndarray, level: float
) -> tuple[np.ndarray, np.ndarray]:
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

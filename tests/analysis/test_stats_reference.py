"""app.analysis.stats against every value in shared/reference/published_statistics.md, and the pitfalls."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.analysis import stats, stratified

REL = 1e-4
PENICILLIN = [[[0, 6], [0, 5]], [[3, 3], [0, 6]], [[6, 0], [2, 4]], [[5, 1], [6, 0]], [[2, 0], [5, 0]]]
TEA = [[3, 1], [1, 3]]
TWINS = [[2, 15], [10, 3]]
BH_P = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719]
BH_P += [0.6528, 0.7590, 1.0000]
BH_ADJ = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182]
BH_ADJ += [0.714875, 0.753231, 0.813214, 1.0]
RAT_Y = [0] * 14 + [1] * 8 + [2] * 9 + [1, 5, 2, 5, 3, 2, 7, 7, 3, 3, 2, 9, 10, 4, 4, 4, 4, 4, 4, 4, 10, 4]
RAT_Y += [4, 4, 5, 11, 12, 5, 5, 6, 5, 6, 6, 6, 6, 16, 15, 15, 9, 4]
RAT_N = [20] * 7 + [19] * 4 + [18] * 2 + [17] + [20] * 4 + [19] * 2 + [18] * 2 + [25, 24, 23] + [20] * 6
RAT_N += (
    [10, 49, 19, 46, 27, 17, 49, 47, 20, 20, 13, 48, 50] + [20] * 7 + [48, 19, 19, 19, 22, 46, 49, 20, 20]
)
RAT_N += [23, 19, 22, 20, 20, 20, 52, 46, 47, 24, 14]
SMOKERS, PATIENTS = [83, 90, 129, 70], [86, 93, 136, 82]


def approx(value: float, rel: float = REL, *, sig: int | None = None) -> object:
    """Equal within ``rel``; with ``sig``, also within half a unit of the last of ``sig`` published digits."""
    if sig is None:
        return pytest.approx(value, rel=rel)
    return pytest.approx(value, rel=rel, abs=0.5 * 10.0 ** (math.floor(math.log10(abs(value))) - sig + 1))


# --- 1. Cochran–Mantel–Haenszel and the exact conditional test ----------------------------------


def test_cmh_with_and_without_continuity_correction() -> None:
    corrected = stratified.cmh_test(PENICILLIN, correction=True)
    plain = stratified.cmh_test(PENICILLIN, correction=False)
    assert corrected is not None and plain is not None
    assert corrected.statistic == approx(3.9286, sig=5) and corrected.df == 1
    assert corrected.p == approx(0.04747, sig=4)
    assert plain.statistic == approx(5.657143) and plain.p == approx(0.017384)


def test_mantel_haenszel_common_odds_ratio() -> None:
    res = stratified.mantel_haenszel_or(PENICILLIN)
    assert res is not None
    assert res.estimate == approx(7.0)
    assert (res.low, res.high) == (approx(1.026713), approx(47.725133))


def test_exact_conditional_stratified_test() -> None:
    res = stratified.exact_stratified(PENICILLIN)
    assert res is not None
    assert res.statistic == 16
    assert res.p == approx(0.03994, sig=4)
    assert res.p_greater == approx(0.01997, sig=4)
    assert res.low < res.odds_ratio < res.high
    quick = stratified.exact_stratified(PENICILLIN, estimate=False)
    assert quick is not None
    assert (quick.statistic, quick.p, quick.p_greater) == (16, res.p, res.p_greater)
    assert math.isnan(quick.odds_ratio)


def test_exact_stratified_with_one_stratum_is_fisher() -> None:
    for table in (TEA, TWINS):
        one = stratified.exact_stratified([table])
        fisher = stats.fisher_2x2(table)
        assert one is not None
        assert one.p == approx(fisher.p, 1e-9)
        assert one.odds_ratio == approx(fisher.odds_ratio, 1e-6)
        assert (one.low, one.high) == (approx(fisher.low, 1e-6), approx(fisher.high, 1e-6))


def test_exact_stratified_edges() -> None:
    assert stratified.exact_stratified([[[0, 3], [0, 2]]]) is None  # no informative stratum
    top = stratified.exact_stratified([[[3, 0], [0, 3]], [[2, 0], [0, 2]]])
    assert top is not None
    assert top.odds_ratio == math.inf and top.high == math.inf and top.low > 1
    assert top.p_greater == approx(1 / 20 * 1 / 6)


def test_breslow_day_undefined_is_none_not_nan() -> None:
    assert stratified.breslow_day(PENICILLIN) is None
    assert stratified.breslow_day([[[3, 3], [1, 6]]]) is None  # one stratum: nothing to compare
    same = stratified.breslow_day([[[10, 10], [5, 20]], [[20, 20], [10, 40]], [[6, 6], [3, 12]]])
    assert same is not None
    assert same.statistic == approx(0.0, 1e-6) or same.statistic < 1e-8
    assert same.p == approx(1.0, 1e-6) and same.df == 2
    differ = stratified.breslow_day([[[20, 5], [5, 20]], [[5, 20], [20, 5]]])
    assert differ is not None
    assert differ.statistic == approx(36.0, 1e-9)  # fitted 12.5 per stratum, variance 3.125


def test_breslow_day_agrees_with_statsmodels_where_both_are_defined() -> None:
    from statsmodels.stats.contingency_tables import StratifiedTable

    tables = [[[12, 5], [3, 20]], [[5, 9], [4, 5]], [[7, 2], [3, 9]]]
    ours = stratified.breslow_day(tables)
    theirs = StratifiedTable(np.stack([np.array(t, dtype=float) for t in tables], axis=2)).test_equal_odds()
    assert ours is not None
    assert ours.statistic == approx(float(theirs.statistic), 1e-9)
    assert ours.p == approx(float(theirs.pvalue), 1e-9)


# --- 2. Fisher -----------------------------------------------------------------------------------


def test_fisher_tea_tasting() -> None:
    res = stats.fisher_2x2(TEA, alternative="greater")
    assert res.p == approx(0.2429, sig=4)
    assert res.odds_ratio == approx(6.408309)


def test_fisher_convictions_of_twins() -> None:
    assert stats.fisher_2x2(TWINS).p == approx(0.0005367, sig=4)
    less = stats.fisher_2x2(TWINS, alternative="less")
    assert less.p == approx(0.0004652, sig=4)
    assert less.odds_ratio == approx(0.04693661)


# --- 3. Proportions ------------------------------------------------------------------------------


def test_wilson_prop_test() -> None:
    res = stats.wilson(52, 100)
    assert (res.low, res.high) == (approx(0.4231658), approx(0.6153545))
    assert res.share == 0.52 and res.k == 52 and res.n == 100


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718)],
)
def test_wilson_newcombe_examples(k: int, n: int, low: float, high: float) -> None:
    res = stats.wilson(k, n)
    assert round(res.low, 4) == low and round(res.high, 4) == high


def test_wilson_never_zero_width() -> None:
    for k, n in [(0, 1), (1, 1), (2, 2), (0, 2), (30, 30), (0, 500)]:
        res = stats.wilson(k, n)
        assert res.high - res.low > 0.005
        assert 0.0 <= res.low <= res.share <= res.high <= 1.0
    assert stats.wilson(2, 2).low == approx(0.3423802)  # not a bootstrap's [1, 1]
    assert stats.wilson(2, 2).high == 1.0 and stats.wilson(0, 5).low == 0.0
    empty = stats.wilson(0, 0)
    assert (empty.low, empty.high, empty.share) == (0.0, 1.0, 0.0)
    with pytest.raises(ValueError, match="0 <= k <= n"):
        stats.wilson(3, 2)


def test_clopper_pearson_and_binomial_test() -> None:
    low, high = stats.clopper_pearson(682, 925)
    assert (low, high) == (approx(0.7076683), approx(0.7654066))
    assert stats.binomial_test(682, 925, 0.75) == approx(0.3825, sig=4)


def test_newcombe_hybrid_score_difference() -> None:
    a = stats.newcombe_difference(56, 70, 48, 80)
    assert (round(a.low, 4), round(a.high, 4)) == (0.0524, 0.3339)
    b = stats.newcombe_difference(9, 10, 3, 10)
    assert (round(b.low, 4), round(b.high, 4)) == (0.1705, 0.8090)
    assert b.estimate == approx(0.6)


def test_katz_risk_ratio() -> None:
    res = stats.katz_risk_ratio(27, 122, 44, 487)
    assert res.estimate == approx(2.4495156)
    assert (res.low, res.high) == (approx(1.5836991), approx(3.7886786))
    zero = stats.katz_risk_ratio(0, 10, 5, 10)
    assert 0 < zero.low < zero.estimate < zero.high


# --- 4. Benjamini–Hochberg -----------------------------------------------------------------------


def test_benjamini_hochberg_example() -> None:
    adjusted = stats.bh_adjust(BH_P)
    assert list(adjusted) == [approx(v, 1e-5) for v in BH_ADJ]
    assert sum(stats.bh_reject(BH_P, 0.05)) == 4
    assert sum(p <= 0.05 / len(BH_P) for p in BH_P) == 3  # Bonferroni
    shuffled = list(reversed(BH_P))
    assert stats.bh_adjust(shuffled) == tuple(reversed(adjusted))
    assert stats.bh_adjust([]) == ()
    with pytest.raises(ValueError, match="finite"):
        stats.bh_adjust([0.1, float("nan")])


def test_weighted_benjamini_hochberg_is_bh_on_p_over_weight() -> None:
    # equal weights (any scale): plain Benjamini-Hochberg
    assert stats.weighted_bh_adjust(BH_P, [3.0] * len(BH_P)) == approx(stats.bh_adjust(BH_P))
    # by hand: weights 2, 1, 1, 0.5, 0.5 have mean 1; p / w = 0.005, 0.02, 0.03, 0.04, 0.1;
    # BH on those: 0.025, 0.05, 0.05, 0.05, 0.1
    adjusted = stats.weighted_bh_adjust([0.01, 0.02, 0.03, 0.02, 0.05], [2, 1, 1, 0.5, 0.5])
    assert adjusted == approx((0.025, 0.05, 0.05, 0.05, 0.1))
    # more weight, less evidence needed; a tiny weight is capped at 1, never above
    assert stats.weighted_bh_adjust([0.01, 0.5], [1.0, 1e-9]) == approx((0.01, 1.0))
    assert stats.weighted_bh_adjust([], []) == ()
    with pytest.raises(ValueError, match="positive"):
        stats.weighted_bh_adjust([0.1, 0.2], [1.0, 0.0])
    with pytest.raises(ValueError, match="one weight"):
        stats.weighted_bh_adjust([0.1, 0.2], [1.0])


# --- 5. Beta-binomial shrinkage ------------------------------------------------------------------


def test_rat_tumour_shrinkage() -> None:
    prior = stats.beta_prior_moments(RAT_Y[:70], RAT_N[:70])
    assert prior is not None
    assert (round(prior.alpha, 1), round(prior.beta, 1)) == (1.4, 8.6)
    a, b = prior.alpha, prior.beta  # the moments of the 70 historical rates: mean 0.136, SD 0.103
    assert round(prior.mean, 3) == 0.136
    assert round(math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1))), 3) == 0.103
    post = prior.posterior(RAT_Y[70], RAT_N[70])
    assert (round(post.alpha, 1), round(post.beta, 1)) == (5.4, 18.6)
    assert round(post.mean, 3) == 0.223


def test_shrinkage_edges() -> None:
    assert stats.beta_prior_moments([1], [5]) is None
    assert stats.beta_prior_moments([0, 0, 0], [5, 5, 5]) is None
    flat = stats.beta_prior_moments([5, 5, 5], [10, 10, 10])
    assert flat is not None and flat.mean == approx(0.5) and flat.alpha + flat.beta == approx(1e6)
    corrected = stats.beta_prior_moments(RAT_Y[:70], RAT_N[:70], correct_binomial=True)
    raw = stats.beta_prior_moments(RAT_Y[:70], RAT_N[:70])
    assert corrected is not None and raw is not None
    assert corrected.alpha + corrected.beta > raw.alpha + raw.beta  # less spread left: stronger pooling


# --- 6. Chi-square and trend ---------------------------------------------------------------------


def test_chi_square_party_by_gender() -> None:
    res = stats.chi_square([[762, 327, 468], [484, 239, 477]], correction=False)
    assert round(res.statistic, 2) == 30.07 and res.df == 2
    assert res.p == approx(2.954e-07, sig=4)


def test_smokers_chi_square_and_trend() -> None:
    table = [SMOKERS, [n - x for n, x in zip(PATIENTS, SMOKERS, strict=True)]]
    res = stats.chi_square(table, correction=False)
    assert round(res.statistic, 1) == 12.6 and res.df == 3
    assert res.p == approx(0.005585, sig=4)
    trend = stats.trend_test(SMOKERS, PATIENTS)
    assert trend.statistic == approx(8.2249, sig=5) and trend.df == 1
    assert trend.p == approx(0.004132, sig=4)
    assert stats.trend_test([0, 0], [5, 5]).p == 1.0


# --- exact Poisson limits for funnel plots -------------------------------------------------------


def test_exact_poisson_interval_matches_r_poisson_test() -> None:
    assert stats.exact_poisson_interval(10) == (approx(4.795389), approx(18.390356))
    assert stats.exact_poisson_interval(0)[0] == 0.0


@pytest.mark.parametrize("expected", [0.7, 4.0, 10.0, 37.5])
@pytest.mark.parametrize("level", [0.95, 0.998])
def test_poisson_control_limits_interpolate_the_cdf(expected: float, level: float) -> None:
    from scipy.stats import poisson

    low, high = stats.poisson_control_limits(expected, level)
    tail = (1 - level) / 2

    def interpolated_cdf(y: float) -> float:
        r = math.ceil(y)
        return float(poisson.cdf(r - 1, expected) + (y - (r - 1)) * poisson.pmf(r, expected))

    if low > 0:
        assert interpolated_cdf(low) == approx(tail, 1e-9)
    else:
        assert poisson.pmf(0, expected) >= tail
    assert interpolated_cdf(high) == approx(1 - tail, 1e-9)
    assert low < expected < high


def test_poisson_control_limits_approach_normal_for_large_counts() -> None:
    low, high = stats.poisson_control_limits(400.0, 0.95)
    assert abs(low - (400 - 1.96 * 20)) < 1.0 and abs(high - (400 + 1.96 * 20)) < 1.5
    wide = stats.poisson_control_limits(400.0, 0.998)
    assert wide[0] < low and wide[1] > high
    assert stats.poisson_control_limits(0.0, 0.95) == (0.0, 0.0)


# --- pitfalls of the libraries, pinned -----------------------------------------------------------


def test_pitfall_proportion_confint_defaults_to_wald() -> None:
    from statsmodels.stats.proportion import proportion_confint

    wald = proportion_confint(2, 2)
    assert wald == (approx(1.0), approx(1.0))  # a zero-width interval from 2 of 2
    wilson = proportion_confint(52, 100, method="wilson")
    ours = stats.wilson(52, 100)
    assert wilson == (approx(ours.low, 1e-9), approx(ours.high, 1e-9))


def test_pitfall_multipletests_defaults_to_holm_sidak() -> None:
    from statsmodels.stats.multitest import multipletests

    with np.errstate(divide="ignore"):  # Holm-Sidak takes log1p(-p) of p = 1
        default = multipletests(BH_P)[1]
    bh = multipletests(BH_P, method="fdr_bh")[1]
    assert not np.allclose(default, BH_ADJ, rtol=1e-3)
    assert np.allclose(bh, stats.bh_adjust(BH_P), rtol=1e-12)


def test_pitfall_test_null_odds_defaults_to_no_correction() -> None:
    from statsmodels.stats.contingency_tables import StratifiedTable

    arr = np.stack([np.array(t, dtype=float) for t in PENICILLIN], axis=2)
    default = StratifiedTable(arr).test_null_odds()
    assert default.statistic == approx(5.657143)  # R's default would be the corrected 3.9286


def test_pitfall_breslow_day_nan_in_statsmodels() -> None:
    from statsmodels.stats.contingency_tables import StratifiedTable

    arr = np.stack([np.array(t, dtype=float) for t in PENICILLIN], axis=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        res = StratifiedTable(arr).test_equal_odds()
    assert math.isnan(res.pvalue)
    assert stratified.breslow_day(PENICILLIN) is None
    pooled_one = np.stack(
        [np.array(t, dtype=float) for t in ([[20, 5], [5, 20]], [[5, 20], [20, 5]])], axis=2
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        assert math.isnan(StratifiedTable(pooled_one).test_equal_odds().pvalue)  # pooled OR exactly 1


def test_pitfall_fisher_larger_than_2x2_is_monte_carlo() -> None:
    from scipy.stats import MonteCarloMethod, fisher_exact

    table = [[3, 1, 2], [1, 3, 4]]

    def run(seed: int) -> float:
        method = MonteCarloMethod(n_resamples=999, rng=np.random.default_rng(seed))
        return float(fisher_exact(table, method=method).pvalue)

    assert run(1) == run(1)
    assert len({run(seed) for seed in range(5)}) > 1  # random: approximate, seed it
    assert stats.fisher_2x2(TEA).p == approx(0.4857143)  # our 2x2 Fisher stays exact


def test_pitfall_glm_on_perfect_separation_gives_huge_coefficients() -> None:
    # statsmodels only warns and returns a huge slope; the audit fits its own model with weak priors
    # instead (test_audit.py::test_separation_everyone_in_a_group_stricter_stays_finite).
    import warnings

    import statsmodels.api as sm

    x = np.r_[np.zeros(10), np.ones(10)]
    y = np.r_[np.zeros(10), np.ones(10)]  # the group with x = 1 is always "stricter"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sm.GLM(y, sm.add_constant(x), family=sm.families.Binomial()).fit()
    assert abs(res.params[1]) > 15 or not np.isfinite(res.bse[1])


def test_pitfall_fisher_statistic_is_the_sample_odds_ratio() -> None:
    from scipy.stats import fisher_exact

    assert fisher_exact(TEA).statistic == approx(9.0)
    assert stats.fisher_2x2(TEA).odds_ratio == approx(6.408309)


def test_exact_stratified_against_brute_force_enumeration() -> None:
    from scipy.stats import hypergeom

    rng = np.random.default_rng(7)
    for _ in range(20):
        tables = [rng.integers(0, 6, size=(2, 2)).tolist() for _ in range(3)]
        strata = stratified.informative_strata(tables)
        res = stratified.exact_stratified(tables)
        if not strata:
            assert res is None
            continue
        assert res is not None
        supports = []
        for a, b, c, d in strata:
            lo, hi = max(0, (a + c) - (c + d)), min(a + b, a + c)
            xs = np.arange(lo, hi + 1)
            supports.append(list(zip(xs, hypergeom.pmf(xs, a + b + c + d, a + b, a + c), strict=True)))
        dist: dict[int, float] = {}
        for combo in itertools.product(*supports):
            s = int(sum(x for x, _ in combo))
            dist[s] = dist.get(s, 0.0) + float(np.prod([p for _, p in combo]))
        fixed = sum(t[0][0] for t in tables) - sum(s[0] for s in strata)
        s_obs = res.statistic - fixed
        p_obs = dist[s_obs]
        assert res.p == pytest.approx(min(1.0, sum(p for p in dist.values() if p <= p_obs * (1 + 1e-7))))
        assert res.p_greater == pytest.approx(sum(p for s, p in dist.items() if s >= s_obs))
        assert res.p_less == pytest.approx(sum(p for s, p in dist.items() if s <= s_obs))
        if 0 < res.odds_ratio < math.inf:
            w = {s: p * res.odds_ratio**s for s, p in dist.items()}
            mean = sum(s * v for s, v in w.items()) / sum(w.values())
            assert mean == pytest.approx(s_obs, rel=1e-6)


# --- properties over many inputs ------------------------------------------------------------------


@st.composite
def _k_of_n(draw: st.DrawFn) -> tuple[int, int]:
    n = draw(st.integers(1, 400))
    return draw(st.integers(0, n)), n


@settings(max_examples=200, deadline=None)
@given(_k_of_n())
def test_wilson_properties(kn: tuple[int, int]) -> None:
    from statsmodels.stats.proportion import proportion_confint

    k, n = kn
    res = stats.wilson(k, n)
    assert 0.0 <= res.low <= res.share <= res.high <= 1.0
    assert res.high - res.low > 0
    low, high = proportion_confint(k, n, method="wilson")
    assert res.low == pytest.approx(max(0.0, low), abs=1e-12)
    assert res.high == pytest.approx(min(1.0, high), abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(_k_of_n(), _k_of_n())
def test_newcombe_properties(a: tuple[int, int], b: tuple[int, int]) -> None:
    res = stats.newcombe_difference(*a, *b)
    assert -1.0 <= res.low <= res.estimate <= res.high <= 1.0
    assert res.high > res.low


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=40))
def test_bh_properties(ps: list[float]) -> None:
    adjusted = stats.bh_adjust(ps)
    assert all(p <= q + 1e-15 and q <= 1.0 for p, q in zip(ps, adjusted, strict=True))
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    assert all(adjusted[i] <= adjusted[j] + 1e-15 for i, j in itertools.pairwise(order))

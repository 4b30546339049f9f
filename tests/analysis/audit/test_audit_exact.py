"""The exact conditional stratified test of deviations, against R's published values."""

from __future__ import annotations

import numpy as np
import pytest

from app.analysis.audit.exact import exact_deviation_test, stratum_distribution
from app.analysis.stratified import exact_stratified

#: Penicillin and rabbits (Agresti 1990; R ?mantelhaen.test): rows delay none / 1.5 h, cured / died
PENICILLIN = [[[0, 6], [0, 5]], [[3, 3], [0, 6]], [[6, 0], [2, 4]], [[5, 1], [6, 0]], [[2, 0], [5, 0]]]


def _as_deviations(tables: list[list[list[int]]]) -> tuple[np.ndarray, np.ndarray]:
    """2x2 tables as (milder, agreed, stricter) counts: an event is 'stricter', no event 'agreed'."""
    sub = np.array([[0, t[0][1], t[0][0]] for t in tables])
    tot = np.array([[0, t[0][1] + t[1][1], t[0][0] + t[1][0]] for t in tables])
    return sub, tot


def test_two_outcomes_reproduce_r_exact_mantel_haenszel() -> None:
    result = exact_deviation_test(*_as_deviations(PENICILLIN))
    assert result.statistic == 16
    assert result.p == pytest.approx(0.03994, rel=1e-3)
    assert result.p_greater == pytest.approx(0.01997, rel=1e-3)
    assert result.expected == pytest.approx(13.0)


def test_agrees_with_the_stats_helper_on_random_two_outcome_strata() -> None:
    rng = np.random.default_rng(4)
    for _ in range(20):
        tables = [
            [[int(x) for x in rng.integers(0, 6, 2)], [int(x) for x in rng.integers(0, 6, 2)]]
            for _ in range(3)
        ]
        ours = exact_deviation_test(*_as_deviations(tables))
        theirs = exact_stratified(tables)
        if theirs is None:
            continue
        assert ours.p == pytest.approx(theirs.p, rel=1e-9, abs=1e-12)


def test_three_outcomes_distribution_is_a_distribution_with_the_right_mean() -> None:
    low, dist = stratum_distribution((1, 2, 3), (4, 10, 6))
    assert dist.sum() == pytest.approx(1.0)
    support = np.arange(low, low + len(dist))
    # six draws from 20 with 6 stricter (+1) and 4 milder (-1): mean 6 * (6 - 4) / 20
    assert (support * dist).sum() == pytest.approx(6 * 2 / 20)
    assert low == -4 and support[-1] == 6


def test_a_subject_alone_in_its_stratum_carries_no_evidence() -> None:
    result = exact_deviation_test(np.array([[0, 1, 4]]), np.array([[0, 1, 4]]))
    assert result.p == pytest.approx(1.0)


def test_a_handful_of_incidents_cannot_reach_a_tiny_p() -> None:
    # 3 of 3 stricter where the rest is stricter 10 % of the time: unusual, but not 1e-4
    result = exact_deviation_test(np.array([[0, 0, 3]]), np.array([[5, 80, 13]]))
    assert 1e-4 < result.p < 0.05

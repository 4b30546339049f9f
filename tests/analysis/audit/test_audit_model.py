"""The joint model's fit and curvature, checked against direct numerical optimisation."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from scipy import optimize
from scipy import sparse as sp

from app.analysis.audit import newton
from app.analysis.audit import subjects as subj
from app.analysis.audit.model import ModelData, cluster_scores, fit
from app.analysis.audit.newton import Problem, State, one_hot


def _data(seed: int, *, students: int = 24, classes: int = 3, n: int = 600) -> ModelData:
    """A small random problem with strata, a two-level factor, classes and students."""
    rng = np.random.default_rng(seed)
    unit = rng.integers(0, students, n)
    group = unit % classes
    stratum = rng.integers(0, 4, n)
    can_down = stratum >= 2  # strata 0-1: at step 1, nothing milder possible
    can_up = stratum != 3  # stratum 3: at the top
    level = rng.integers(0, 2, n)
    y = rng.choice([-1, 0, 1], size=n, p=[0.15, 0.65, 0.2])
    y = np.where((y < 0) & ~can_down, 0, np.where((y > 0) & ~can_up, 0, y))
    return ModelData(
        y=y, stratum=stratum, n_strata=4, can_up=can_up, can_down=can_down, fixed=one_hot(level, 2),
        groups=group, n_groups=classes, units=unit, n_units=students,
    )  # fmt: skip


def _split(problem: Problem, x: np.ndarray) -> State:
    d, c = problem.n_dense, problem.n_groups
    return State(x[:d], x[d : d + c], x[d + c :])


def _objective(problem: Problem, sigma: float):  # type: ignore[no-untyped-def]
    return lambda x: -problem.log_posterior(_split(problem, x), sigma)[0]


@pytest.mark.parametrize("sides", [(1.0, 1.0), (1.0, 0.5), (0.5, 1.0)])
def test_the_mode_matches_direct_optimisation(sides: tuple[float, float]) -> None:
    data = replace(_data(1), sides=sides)
    result = fit(data, sigmas=(0.5,))
    problem = Problem(data)
    x0 = np.zeros(problem.n_dense + data.n_groups + data.n_units)
    direct = optimize.minimize(_objective(problem, 0.5), x0, method="BFGS", options={"gtol": 1e-8})
    ours = np.concatenate(
        [result.alpha, result.gamma, result.beta, result.group_effects, result.unit_effects]
    )
    assert ours == pytest.approx(direct.x, abs=2e-4)
    assert result.converged


@pytest.mark.parametrize("sides", [(1.0, 1.0), (1.0, 0.5), (0.5, 1.0)])
def test_variances_are_the_inverse_curvature(sides: tuple[float, float]) -> None:
    data = replace(_data(2, students=12, classes=2, n=300), sides=sides)
    result = fit(data, sigmas=(0.7,))
    problem = Problem(data)
    x = np.concatenate([result.alpha, result.gamma, result.beta, result.group_effects, result.unit_effects])
    f = _objective(problem, 0.7)
    h = 1e-4
    k = len(x)
    hess = np.zeros((k, k))
    for i in range(k):
        for j in range(i, k):
            e_i, e_j = np.eye(k)[i] * h, np.eye(k)[j] * h
            hess[i, j] = hess[j, i] = (
                f(x + e_i + e_j) - f(x + e_i - e_j) - f(x - e_i + e_j) + f(x - e_i - e_j)
            ) / (4 * h * h)
    cov = np.linalg.inv(hess)
    d, c = problem.n_dense, data.n_groups
    assert result.cov_dense == pytest.approx(cov[:d, :d], rel=2e-3, abs=2e-4)
    assert result.group_var == pytest.approx(np.diag(cov)[d : d + c], rel=2e-3)
    assert result.unit_var == pytest.approx(np.diag(cov)[d + c :], rel=2e-3)


def test_two_outcomes_reduce_to_logistic_regression() -> None:
    """With only 'agreed' or 'stricter' possible and a lot of data, the fit is a logistic regression."""
    rng = np.random.default_rng(3)
    n = 20000
    level = rng.integers(0, 2, n)
    y = (rng.random(n) < np.where(level == 1, 0.3, 0.1)).astype(int)
    data = ModelData(
        y=y, stratum=np.zeros(n, dtype=np.int64), n_strata=1, can_up=np.ones(n, bool),
        can_down=np.zeros(n, bool), fixed=sp.csr_matrix(level.reshape(-1, 1).astype(float)),
    )  # fmt: skip
    result = fit(data)
    odds = lambda p: p / (1 - p)  # noqa: E731
    observed = odds(y[level == 1].mean()) / odds(y[level == 0].mean())
    assert np.exp(result.beta[0]) == pytest.approx(observed, rel=5e-3)  # the weak prior moves it a hair
    assert np.exp(result.alpha[0]) == pytest.approx(odds(y[level == 0].mean()), rel=2e-3)


@pytest.mark.parametrize("classes", [0, 3])
def test_student_variances_do_not_depend_on_how_many_students_are_taken_at_once(
    monkeypatch: pytest.MonkeyPatch, classes: int
) -> None:
    # variances() forms the parameters x students block a few students at a time (bounded memory)
    data = _data(3, students=24, classes=max(classes, 1), n=600)
    if not classes:
        data = ModelData(**{**data.__dict__, "groups": None, "n_groups": 0})
    whole = fit(data, sigmas=(0.6,))
    monkeypatch.setattr(newton, "UNIT_CHUNK_CELLS", 1)  # one student at a time
    chunked = fit(data, sigmas=(0.6,))
    assert chunked.unit_var == pytest.approx(whole.unit_var, rel=1e-12)
    assert chunked.group_var == pytest.approx(whole.group_var, rel=1e-12)


@pytest.mark.parametrize("limit", [newton.PAIR_LIMIT, 0])
def test_the_information_blocks_by_sums_equal_the_sparse_products(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    # FixedCross sums weights over the fixed effects' non-zero pattern; above PAIR_LIMIT the fixed x
    # fixed block falls back to the sparse product
    monkeypatch.setattr(newton, "PAIR_LIMIT", limit)
    rng = np.random.default_rng(8)
    n, s, f = 300, 7, 9
    x = sp.random(n, f, density=0.3, random_state=9, format="csr")  # rows with 0 to several non-zeros
    stratum = rng.integers(0, s, size=n)
    w = rng.random(n)
    cross = newton.FixedCross(stratum, s, x, x.T.tocsr())
    strata = newton.one_hot(stratum, s)
    assert cross.strata_x(w) == pytest.approx((strata.T @ sp.diags(w) @ x).toarray(), rel=1e-12)
    assert cross.x_x(w) == pytest.approx((x.T @ sp.diags(w) @ x).toarray(), rel=1e-12)
    assert (cross.pair_code is None) == (limit == 0)


def test_a_fit_without_student_variances_is_the_same_fit() -> None:
    # the dimension and attribution fits leave out the students' variances (costly at team scale)
    data = _data(5, students=24, classes=3, n=600)
    full = fit(data)
    lean = fit(data, student_variances=False)
    assert len(full.unit_var) == 24 and np.all(full.unit_var > 0) and len(lean.unit_var) == 0
    assert lean.sigma == full.sigma and lean.log_evidence == pytest.approx(full.log_evidence, rel=1e-12)
    assert lean.beta == pytest.approx(full.beta, rel=1e-12)
    assert lean.cov_dense == pytest.approx(full.cov_dense, rel=1e-12)
    assert lean.group_var == pytest.approx(full.group_var, rel=1e-12)


def test_the_lever_gives_the_largest_pull_per_contrast(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _data(4, students=30, classes=3, n=900)
    data = ModelData(**{**data.__dict__, "groups": None, "n_groups": 0})  # a dimension fit: no classes
    result = fit(data, sigmas=(0.6,))
    scores = cluster_scores(data, result, data.units, data.n_units)
    assert sp.issparse(scores)  # students x parameters stays sparse
    start = 2 * data.n_strata
    lever = subj.Lever(scores, result.cov_dense[:, start : start + 2])
    dense = scores.toarray() @ lever.block
    c = np.array([[1.0, -1.0], [-1.0, 1.0], [0.5, -0.5]])
    sign = np.array([1.0, -1.0, 1.0])
    expected = (dense @ c.T * sign[None, :]).max(axis=0)
    assert lever.max_pull(c, sign) == pytest.approx(expected, rel=1e-12)
    monkeypatch.setattr(subj, "CHUNK_CELLS", 1)  # one contrast at a time
    assert lever.max_pull(c, sign) == pytest.approx(expected, rel=1e-12)
    assert lever.columns(np.array([1])).block.shape == (result.cov_dense.shape[0], 1)


def _shift_z(sides: tuple[float, float], up: float, down: float, seed: int = 5) -> float:
    """z of a two-level factor whose level 1 has stricter odds x e^up and milder odds x e^down."""
    rng = np.random.default_rng(seed)
    n = 6000
    level = rng.integers(0, 2, n)
    e_up = 0.11 * np.exp(up * level)
    e_down = 0.07 * np.exp(down * level)
    u = rng.random(n) * (1 + e_up + e_down)
    y = np.where(u < e_up, 1, np.where(u < e_up + e_down, -1, 0))
    data = ModelData(
        y=y, stratum=np.zeros(n, dtype=np.int64), n_strata=1, can_up=np.ones(n, bool),
        can_down=np.ones(n, bool), fixed=sp.csr_matrix(level.reshape(-1, 1).astype(float)),
        sides=sides,
    )  # fmt: skip
    result = fit(data)
    return float(result.beta[0] / np.sqrt(result.beta_cov[0, 0]))


def test_a_fit_leaning_to_one_side_hears_a_change_on_that_side_better() -> None:
    even, stricter, milder = (1.0, 1.0), (1.0, 0.5), (0.5, 1.0)
    # only the stricter answers move: to a shift weighing both sides fully the milder ones are noise
    assert _shift_z(stricter, 0.5, 0.0) > 1.1 * _shift_z(even, 0.5, 0.0)
    # only the milder answers move: the mirror image
    assert _shift_z(milder, 0.0, 0.8) < 1.1 * _shift_z(even, 0.0, 0.8) < -3.0
    # both move alike: leaning to the side that moves loses little
    both = _shift_z(even, 0.5, -0.5)
    assert 0.85 * both < _shift_z(stricter, 0.5, -0.5) <= both


@pytest.mark.parametrize("sides", [(1.0, 1.0), (1.0, 0.5), (0.5, 1.0)])
def test_the_student_scores_predict_the_fit_without_that_student(sides: tuple[float, float]) -> None:
    data = _data(4, students=30, classes=3, n=900)
    data = replace(data, groups=None, n_groups=0, sides=sides)  # a dimension fit
    result = fit(data, sigmas=(0.6,))
    scores = cluster_scores(data, result, data.units, data.n_units).toarray()
    start = 2 * data.n_strata
    predicted = -(scores @ result.cov_dense)[:, start:]
    for student in (0, 5, 11):
        keep = data.units != student
        _, units = np.unique(data.units[keep], return_inverse=True)
        without = replace(
            data, y=data.y[keep], stratum=data.stratum[keep], can_up=data.can_up[keep],
            can_down=data.can_down[keep], fixed=data.fixed[keep], units=units, n_units=data.n_units - 1,
        )  # fmt: skip
        change = fit(without, sigmas=(0.6,)).beta - result.beta
        # on the scale of stricter rather than agreed (u * b), the same closeness for every fit
        assert sides[0] * predicted[student] == pytest.approx(sides[0] * change, abs=0.006)

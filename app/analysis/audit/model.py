"""The audit's joint model: a penalized adjacent-category logit for milder / as agreed / stricter.

For incident ``i`` in stratum ``s`` (rule x strike) with linear predictor ``eta_i`` (attributes,
moments, class and student effects together)::

    log P(stricter) / P(agreed) = alpha_s + eta_i
    log P(milder)   / P(agreed) = gamma_s - eta_i

so one parameter per subject moves the three outcomes together: ``exp(b)`` is the odds ratio of an
answer one category stricter (agreed rather than milder, stricter rather than agreed). With
``sides`` (u, v) other than (1, 1) every subject effect moves the two log-odds by ``u b`` and ``-v b``
(fixed scores: a stereotype-type model), students' own treatments included, so a group and its
students are measured along the same line. The groups' and moments' own fits lean to one side:
(1, 1/2) hears a pattern in the stricter answers best, (1/2, 1) one in the milder answers. Outcomes the
ladder does not allow (milder than step 1, stricter than the top) are left out of that incident's
softmax, which this multinomial family permits exactly. The fit is the posterior mode (MAP) of the
random-effects model: class and student effects get normal priors (ridge penalties) whose spread is
chosen from a small grid by the Laplace approximation of the marginal likelihood; fixed effects and
the strata get weak priors, so separation never gives infinite estimates. Newton steps eliminate the
student block (diagonal) and then the class block (diagonal too, as every student is in one class):
only a small dense matrix over strata and fixed effects is factorised.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse as sp

from app.analysis.audit.newton import Curvature, Problem, State, one_hot

#: candidate prior standard deviations of class and student effects
SIGMA_GRID = (0.1, 0.3, 0.6, 1.0)


@dataclass(frozen=True)
class ModelData:
    """The outcome and the sparse design of one fit."""

    y: np.ndarray  #: -1 milder, 0 agreed, +1 stricter
    stratum: np.ndarray  #: stratum code per incident
    n_strata: int
    can_up: np.ndarray  #: stricter is possible (agreed step below the top)
    can_down: np.ndarray  #: milder is possible (agreed step above 1)
    fixed: sp.csr_matrix  #: one-hot columns of the fixed effects (n x F)
    groups: np.ndarray | None = None  #: class code per incident (random effect)
    n_groups: int = 0
    units: np.ndarray | None = None  #: student code per incident (random effect)
    n_units: int = 0
    offset: np.ndarray | None = None  #: a known part of the linear predictor (held fixed)
    #: how far every subject effect b (fixed, class, student, offset) moves the log-odds of "stricter
    #: rather than agreed" (first) and of "agreed rather than milder" (second): (1, 1) is the
    #: adjacent-category model; the groups' and moments' own fits lean to one side
    #: (``dimensions.SIDES``)
    sides: tuple[float, float] = (1.0, 1.0)


@dataclass(frozen=True)
class ModelFit:
    """Posterior mode, its curvature, and the fitted probabilities."""

    alpha: np.ndarray
    gamma: np.ndarray
    beta: np.ndarray
    group_effects: np.ndarray
    unit_effects: np.ndarray
    cov_dense: np.ndarray  #: posterior covariance of (alpha, gamma, beta)
    group_var: np.ndarray  #: posterior variance of each class effect
    unit_var: np.ndarray  #: posterior variance of each student effect
    eta: np.ndarray
    p_up: np.ndarray
    p_down: np.ndarray
    sigma: float
    log_evidence: float
    converged: bool

    @property
    def beta_cov(self) -> np.ndarray:
        """Covariance block of the fixed effects."""
        s, f = len(self.alpha), len(self.beta)
        return self.cov_dense[2 * s : 2 * s + f, 2 * s : 2 * s + f]


def _fit_one(problem: Problem, sigma: float, state: State, max_iter: int = 50) -> tuple[ModelFit, Curvature]:
    """Newton iterations with step halving at one prior spread; the fit (without the students'
    posterior variances, ``unit_var`` empty) and its curvature."""
    obj, p_up, p_down = problem.log_posterior(state, sigma)
    converged = False
    for _ in range(max_iter):
        step = Curvature(problem, sigma, p_up, p_down).solve(problem.gradient(state, sigma, p_up, p_down))
        size = 1.0
        while True:
            new = state.moved(step, size)
            new_obj, new_up, new_down = problem.log_posterior(new, sigma)
            if new_obj >= obj - 1e-10 or size < 1e-4:
                break
            size /= 2
        gain = new_obj - obj
        state, obj, p_up, p_down = new, new_obj, new_up, new_down
        biggest = size * max(np.abs(step.dense).max(initial=0), np.abs(step.groups).max(initial=0))
        biggest = max(biggest, size * np.abs(step.units).max(initial=0))
        if gain < 1e-6 and biggest < 1e-4:
            converged = True
            break
    curv = Curvature(problem, sigma, p_up, p_down)
    cov, var_c = curv.dense_variances()
    n_random = problem.n_units + problem.n_groups
    log_evidence = obj - 0.5 * curv.log_det() + 0.5 * n_random * math.log(1 / sigma**2)
    s, f = problem.sizes
    return ModelFit(
        alpha=state.dense[:s],
        gamma=state.dense[s : 2 * s],
        beta=state.dense[2 * s : 2 * s + f],
        group_effects=state.groups,
        unit_effects=state.units,
        cov_dense=cov,
        group_var=var_c,
        unit_var=np.zeros(0),
        eta=problem.eta(state),
        p_up=p_up,
        p_down=p_down,
        sigma=sigma,
        log_evidence=float(log_evidence),
        converged=converged,
    ), curv


def fit(
    data: ModelData,
    sigmas: tuple[float, ...] = SIGMA_GRID,
    warm: ModelFit | None = None,
    *,
    student_variances: bool = True,
) -> ModelFit:
    """The posterior mode at the prior spread with the highest Laplace marginal likelihood.

    ``warm``: a fit of the same incidents, strata and students (other fixed effects) to start from.
    ``student_variances``: also the posterior variance of every student effect (``unit_var``; for
    the funnel plot). Fits that only test fixed effects leave it out (``unit_var`` empty): at team
    scale it is a quadratic form over every dense parameter per student.
    """
    problem = Problem(data)
    state = problem.start()
    if warm is not None and len(warm.alpha) == data.n_strata and len(warm.unit_effects) == data.n_units:
        s = data.n_strata
        state.dense[:s], state.dense[s : 2 * s] = warm.alpha, warm.gamma
        state.units = warm.unit_effects.copy()
    has_random = bool(data.n_groups or data.n_units)
    best: tuple[ModelFit, Curvature] | None = None
    for sigma in sigmas if has_random else sigmas[:1]:
        result, curv = _fit_one(problem, sigma, state)
        state = State(
            np.concatenate([result.alpha, result.gamma, result.beta]),
            result.group_effects,
            result.unit_effects,
        )
        if best is not None and result.log_evidence < best[0].log_evidence:
            break  # the evidence is unimodal in practice: past the peak
        best = result, curv
    assert best is not None
    chosen, curv = best
    if not student_variances or not data.n_units:
        return chosen
    return replace(chosen, unit_var=curv.student_variances(chosen.cov_dense))


def cluster_scores(
    data: ModelData, result: ModelFit, clusters: np.ndarray, n_clusters: int
) -> sp.csr_matrix | np.ndarray:
    """How far each cluster's (student's) incidents pull the dense estimates: (clusters x dense).

    ``score @ cov_dense`` is the one-step change of (alpha, gamma, beta) if that student's incidents
    were left out. When the clusters are the model's students, the part their own student effect
    (and their class effect) absorbs is taken off first. Sparse (a student touches a few strata and
    one value per factor) unless class effects are in the model; at team scale a dense students x
    (strata + classes) matrix would take gigabytes.
    """
    problem = Problem(data)
    r_up, r_down = problem.y_up - result.p_up, problem.y_down - result.p_down
    per_incident = sp.hstack(
        [
            sp.diags(r_up) @ problem.strata,
            sp.diags(r_down) @ problem.strata,
            sp.diags(problem.up * r_up - problem.down * r_down) @ problem.x,
        ],
        format="csr",
    )
    g = sp.csr_matrix(one_hot(clusters, n_clusters).T @ per_incident)
    if data.n_units and data.units is not None and np.array_equal(clusters, data.units):
        curv = Curvature(problem, result.sigma, result.p_up, result.p_down)
        r_eta = problem.up * r_up - problem.down * r_down
        own = np.bincount(data.units, weights=r_eta, minlength=data.n_units)
        g = sp.csr_matrix(g - (curv.b_z @ sp.diags(own / curv.d_z)).T)
        if data.n_groups:
            cls = problem.class_of_unit[: data.n_units]
            through_class = own - curv.h_z * own / curv.d_z
            return np.asarray(g.todense()) - (curv.b_c1[:, cls] * (through_class / curv.d_c1[cls])).T
    return g

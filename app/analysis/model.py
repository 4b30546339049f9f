"""The audit's joint model: a penalized adjacent-category logit for milder / as agreed / stricter.

For incident ``i`` in stratum ``s`` (rule x strike) with linear predictor ``eta_i`` (attributes,
moments, class and student effects together)::

    log P(stricter) / P(agreed) = alpha_s + eta_i
    log P(milder)   / P(agreed) = gamma_s - eta_i

so one parameter per subject moves the three outcomes together: ``exp(b)`` is the odds ratio of an
answer one category stricter (agreed rather than milder, stricter rather than agreed). Outcomes the
ladder does not allow (milder than step 1, stricter than the top) are left out of that incident's
softmax, which this multinomial family permits exactly. The fit is the posterior mode (MAP) of the
random-effects model: class and student effects get normal priors (ridge penalties) whose spread is
chosen from a small grid by the Laplace approximation of the marginal likelihood; fixed effects and
the strata get weak priors, so separation never gives infinite estimates. Newton steps use the
diagonal student block: only a small dense Schur complement is factorised.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import linalg
from scipy import sparse as sp

#: prior of the strata intercepts (log-odds of stricter / milder against agreed)
STRATUM_MEAN, STRATUM_PRECISION = -2.0, 1 / 9
#: prior precision of fixed effects (attribute values, moments): sd 1 on the log-odds scale
FIXED_PRECISION = 1.0
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


@dataclass(frozen=True)
class ModelFit:
    """Posterior mode, its curvature, and the fitted probabilities."""

    alpha: np.ndarray
    gamma: np.ndarray
    beta: np.ndarray
    group_effects: np.ndarray
    unit_effects: np.ndarray
    cov_dense: np.ndarray  #: inverse curvature of (alpha, gamma, beta, group effects)
    unit_var: np.ndarray  #: posterior variance of each unit effect
    eta: np.ndarray
    p_up: np.ndarray
    p_down: np.ndarray
    sigma: float
    log_evidence: float
    converged: bool

    @property
    def beta_cov(self) -> np.ndarray:
        """Covariance block of the fixed effects."""
        s = len(self.alpha)
        f = len(self.beta)
        return self.cov_dense[2 * s : 2 * s + f, 2 * s : 2 * s + f]

    @property
    def group_var(self) -> np.ndarray:
        """Posterior variance of each class effect."""
        start = 2 * len(self.alpha) + len(self.beta)
        return np.diag(self.cov_dense)[start:].copy()


def one_hot(codes: np.ndarray, width: int) -> sp.csr_matrix:
    """A sparse n x width indicator matrix of integer codes."""
    n = len(codes)
    return sp.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, width))


def outcome_probabilities(
    score_up: np.ndarray, score_down: np.ndarray, can_up: np.ndarray, can_down: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """P(stricter), P(milder) from the two log-odds against agreed, over the allowed outcomes only."""
    top = np.maximum(np.maximum(score_up, score_down), 0.0)
    e_up = np.where(can_up, np.exp(np.where(can_up, score_up, 0.0) - top), 0.0)
    e_down = np.where(can_down, np.exp(np.where(can_down, score_down, 0.0) - top), 0.0)
    e_mid = np.exp(-top)
    total = e_up + e_down + e_mid
    return e_up / total, e_down / total


class _Problem:
    """Matrices that stay fixed while the parameters move.

    The dense parameters are (alpha, gamma, covariate effects) where the covariates are the fixed
    effects followed by the class effects; student effects form the diagonal block.
    """

    def __init__(self, data: ModelData) -> None:
        self.data = data
        s, f, c = data.n_strata, data.fixed.shape[1], data.n_groups
        blocks = [data.fixed]
        if c:
            blocks.append(one_hot(data.groups, c))  # type: ignore[arg-type]
        self.cov = sp.hstack(blocks, format="csr") if len(blocks) > 1 else data.fixed.tocsr()
        self.cov_t = self.cov.T.tocsr()
        self.strata = one_hot(data.stratum, s)
        self.strata_t = self.strata.T.tocsr()
        self.zs = one_hot(data.units, data.n_units) if data.n_units else None  # type: ignore[arg-type]
        self.y_up = ((data.y > 0) & data.can_up).astype(float)
        self.y_down = ((data.y < 0) & data.can_down).astype(float)
        self.sizes = (s, f, c)
        self.n_dense = 2 * s + f + c
        self.prior_mean = np.concatenate([np.full(2 * s, STRATUM_MEAN), np.zeros(f + c)])

    def prior_precision(self, sigma: float) -> np.ndarray:
        """Diagonal prior precision of the dense block for a given random-effect spread."""
        s, f, c = self.sizes
        return np.concatenate(
            [np.full(2 * s, STRATUM_PRECISION), np.full(f, FIXED_PRECISION), np.full(c, 1 / sigma**2)]
        )

    def eta(self, dense: np.ndarray, units: np.ndarray) -> np.ndarray:
        """The subject part of the linear predictor (covariates and student effect)."""
        s = self.sizes[0]
        eta = self.cov @ dense[2 * s :]
        if self.data.offset is not None:
            eta = eta + self.data.offset
        if self.zs is not None:
            eta = eta + units[self.data.units]
        return np.asarray(eta, dtype=float)

    def log_posterior(
        self, dense: np.ndarray, units: np.ndarray, sigma: float
    ) -> tuple[float, np.ndarray, np.ndarray]:
        """Log-likelihood minus penalties, and the fitted probabilities."""
        s = self.sizes[0]
        eta = self.eta(dense, units)
        up = dense[:s][self.data.stratum] + eta
        down = dense[s : 2 * s][self.data.stratum] - eta
        p_up, p_down = outcome_probabilities(up, down, self.data.can_up, self.data.can_down)
        p_mid = 1.0 - p_up - p_down
        p_obs = np.where(self.y_up > 0, p_up, np.where(self.y_down > 0, p_down, p_mid))
        loglik = float(np.log(np.maximum(p_obs, 1e-300)).sum())
        prec = self.prior_precision(sigma)
        penalty = 0.5 * float((prec * (dense - self.prior_mean) ** 2).sum())
        penalty += 0.5 * float((units**2).sum()) / sigma**2
        return loglik - penalty, p_up, p_down

    def gradient(self, p_up: np.ndarray, p_down: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Score of the log-likelihood for the dense block and the student effects."""
        d = self.data
        r_up, r_down = self.y_up - p_up, self.y_down - p_down
        s = self.sizes[0]
        g = np.concatenate(
            [
                np.bincount(d.stratum, weights=r_up, minlength=s),
                np.bincount(d.stratum, weights=r_down, minlength=s),
                self.cov_t @ (r_up - r_down),
            ]
        )
        g_z = np.bincount(d.units, weights=r_up - r_down, minlength=d.n_units) if d.n_units else np.zeros(0)
        return g, g_z

    def curvature(self, p_up: np.ndarray, p_down: np.ndarray):  # type: ignore[no-untyped-def]
        """Information blocks: dense-dense (array), dense-student (sparse), student diagonal."""
        d = self.data
        s = self.sizes[0]
        w11 = p_up * (1 - p_up)
        w22 = p_down * (1 - p_down)
        w12 = -p_up * p_down
        w_eta = w11 - 2 * w12 + w22
        w_a, w_g = w11 - w12, w12 - w22  # alpha-eta and gamma-eta cross terms
        h = np.zeros((self.n_dense, self.n_dense))
        idx = np.arange(s)
        h[idx, idx] = np.bincount(d.stratum, weights=w11, minlength=s)
        h[s + idx, s + idx] = np.bincount(d.stratum, weights=w22, minlength=s)
        h[idx, s + idx] = h[s + idx, idx] = np.bincount(d.stratum, weights=w12, minlength=s)
        a_c = np.asarray((self.strata_t @ sp.diags(w_a) @ self.cov).todense())
        g_c = np.asarray((self.strata_t @ sp.diags(w_g) @ self.cov).todense())
        h[:s, 2 * s :] = a_c
        h[2 * s :, :s] = a_c.T
        h[s : 2 * s, 2 * s :] = g_c
        h[2 * s :, s : 2 * s] = g_c.T
        h[2 * s :, 2 * s :] = np.asarray((self.cov_t @ sp.diags(w_eta) @ self.cov).todense())
        if self.zs is None:
            return h, None, np.zeros(0)
        h_dz = sp.vstack(
            [
                self.strata_t @ sp.diags(w_a) @ self.zs,
                self.strata_t @ sp.diags(w_g) @ self.zs,
                self.cov_t @ sp.diags(w_eta) @ self.zs,
            ],
            format="csr",
        )
        h_zz = np.bincount(d.units, weights=w_eta, minlength=d.n_units)
        return h, h_dz, h_zz


def _schur(problem: _Problem, prec: np.ndarray, lam: float, p_up: np.ndarray, p_down: np.ndarray):  # type: ignore[no-untyped-def]
    """The penalized curvature reduced to the dense block: (M, H_dz / H_zz, H_zz + lambda, H_dz)."""
    h_dd, h_dz, h_zz = problem.curvature(p_up, p_down)
    m = h_dd + np.diag(prec)
    if h_dz is None:
        return m, None, np.zeros(0), None
    hz = h_zz + lam
    b = h_dz @ sp.diags(1 / hz)
    m = m - np.asarray((b @ h_dz.T).todense())
    return m, b, hz, h_dz


def _fit_one(
    problem: _Problem, sigma: float, dense: np.ndarray, units: np.ndarray, max_iter: int = 50
) -> ModelFit:
    """Newton iterations with step halving at one prior spread."""
    data = problem.data
    prec = problem.prior_precision(sigma)
    lam = 1 / sigma**2
    obj, p_up, p_down = problem.log_posterior(dense, units, sigma)
    converged = False
    for _ in range(max_iter):
        g_d, g_z = problem.gradient(p_up, p_down)
        g_d = g_d - prec * (dense - problem.prior_mean)
        g_z = g_z - lam * units
        m, b, hz, h_dz = _schur(problem, prec, lam, p_up, p_down)
        rhs = g_d - b @ g_z if b is not None else g_d
        step_d = linalg.solve(m, rhs, assume_a="pos", check_finite=False)
        step_z = (g_z - h_dz.T @ step_d) / hz if h_dz is not None else np.zeros(0)
        size = 1.0
        while True:
            new_d, new_z = dense + size * step_d, units + size * step_z
            new_obj, new_up, new_down = problem.log_posterior(new_d, new_z, sigma)
            if new_obj >= obj - 1e-10 or size < 1e-4:
                break
            size /= 2
        gain = new_obj - obj
        dense, units, obj, p_up, p_down = new_d, new_z, new_obj, new_up, new_down
        biggest = max(float(np.abs(step_d).max(initial=0)), float(np.abs(step_z).max(initial=0))) * size
        if gain < 1e-6 and biggest < 1e-4:
            converged = True
            break
    m, b, hz, _ = _schur(problem, prec, lam, p_up, p_down)
    chol = linalg.cho_factor(m, check_finite=False)
    logdet = 2 * float(np.log(np.diag(chol[0])).sum())
    cov = linalg.cho_solve(chol, np.eye(len(m)), check_finite=False)
    if b is not None:
        bd = b.toarray()
        unit_var = 1 / hz + np.einsum("ij,ij->j", cov @ bd, bd)
    else:
        unit_var = np.zeros(0)
    log_evidence = obj - 0.5 * logdet - 0.5 * float(np.log(hz).sum())
    log_evidence += 0.5 * (data.n_units + data.n_groups) * math.log(lam)
    s, f, _ = problem.sizes
    return ModelFit(
        alpha=dense[:s],
        gamma=dense[s : 2 * s],
        beta=dense[2 * s : 2 * s + f],
        group_effects=dense[2 * s + f :],
        unit_effects=units,
        cov_dense=cov,
        unit_var=unit_var,
        eta=problem.eta(dense, units),
        p_up=p_up,
        p_down=p_down,
        sigma=sigma,
        log_evidence=float(log_evidence),
        converged=converged,
    )


def fit(data: ModelData, sigmas: tuple[float, ...] = SIGMA_GRID) -> ModelFit:
    """The posterior mode at the prior spread with the highest Laplace marginal likelihood."""
    problem = _Problem(data)
    dense = problem.prior_mean.copy()
    units = np.zeros(data.n_units)
    has_random = bool(data.n_groups or data.n_units)
    best: ModelFit | None = None
    for sigma in sigmas if has_random else sigmas[:1]:
        result = _fit_one(problem, sigma, dense, units)
        dense = np.concatenate([result.alpha, result.gamma, result.beta, result.group_effects])
        units = result.unit_effects
        if best is not None and result.log_evidence < best.log_evidence:
            break  # the evidence is unimodal in practice: past the peak
        best = result
    assert best is not None
    return best


def cluster_scores(data: ModelData, result: ModelFit, clusters: np.ndarray, n_clusters: int) -> sp.csr_matrix:
    """Each cluster's (student's) score for the dense parameters at the mode (clusters x dense).

    When the clusters are the model's students, the part their own student effect absorbs is taken
    off (the efficient score), so ``cov_dense @ score`` is the one-step change of the dense estimates
    if that student's incidents were left out.
    """
    problem = _Problem(data)
    r_up, r_down = problem.y_up - result.p_up, problem.y_down - result.p_down
    per_incident = sp.hstack(
        [
            sp.diags(r_up) @ problem.strata,
            sp.diags(r_down) @ problem.strata,
            sp.diags(r_up - r_down) @ problem.cov,
        ],
        format="csr",
    )
    g = (one_hot(clusters, n_clusters).T @ per_incident).tocsr()
    if data.n_units and np.array_equal(clusters, data.units):
        lam = 1 / result.sigma**2
        prec = problem.prior_precision(result.sigma)
        _, b, _, _ = _schur(problem, prec, lam, result.p_up, result.p_down)
        g_z = np.bincount(data.units, weights=r_up - r_down, minlength=data.n_units)
        g = (g - (b @ sp.diags(g_z)).T).tocsr()
    return g

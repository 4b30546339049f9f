"""The joint model's numerics: the penalized problem, its gradient and its curvature for Newton steps.

``Problem`` holds one ``ModelData`` as sparse designs with the priors; ``State`` is a point (strata and
fixed effects dense, class and student effects as two vectors); ``Curvature`` is the penalized
information with the student block and then the class block eliminated, so only a small dense matrix
over strata and fixed effects is factorised. ``app.analysis.audit.model`` fits with these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import linalg
from scipy import sparse as sp

if TYPE_CHECKING:
    from app.analysis.audit.model import ModelData

#: prior of the strata intercepts (log-odds of stricter / milder against agreed)
STRATUM_MEAN, STRATUM_PRECISION = -2.0, 1 / 9
#: prior precision of fixed effects (attribute values, moments): sd 1 on the log-odds scale
FIXED_PRECISION = 1.0


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


@dataclass
class State:
    """Parameters during the fit: dense (alpha, gamma, beta), classes, students."""

    dense: np.ndarray
    groups: np.ndarray
    units: np.ndarray

    def moved(self, step: State, size: float) -> State:
        """The state after a (scaled) Newton step."""
        return State(
            self.dense + size * step.dense, self.groups + size * step.groups, self.units + size * step.units
        )


class Pattern:
    """The sparsity of (strata, strata, fixed effects) x one-hot block, found once per fit.

    Only the weights change between Newton steps; each step sums them into the fixed pattern
    (``matrix``) instead of multiplying sparse matrices again.
    """

    def __init__(self, data: ModelData, x: sp.csr_matrix, codes: np.ndarray, n: int) -> None:
        s = data.n_strata
        per_row = np.diff(x.indptr)
        rows = np.concatenate([data.stratum, s + data.stratum, 2 * s + x.indices]).astype(np.int64)
        cols = np.concatenate([codes, codes, np.repeat(codes, per_row)]).astype(np.int64)
        unique, self.inverse = np.unique(rows * n + cols, return_inverse=True)
        r, self.indices = np.divmod(unique, n)
        self.indptr = np.searchsorted(r, np.arange(2 * s + x.shape[1] + 1))
        self.shape = (2 * s + x.shape[1], n)

    def matrix(self, values: np.ndarray) -> sp.csr_matrix:
        """The cross-product matrix for these per-entry values (duplicates summed)."""
        data = np.bincount(self.inverse, weights=values, minlength=len(self.indices))
        return sp.csr_matrix((data, self.indices, self.indptr), shape=self.shape)


#: at most this many products of two non-zeros of one row: above it, the fixed effects' own block
#: of the information is formed by a sparse product instead (bounded memory)
PAIR_LIMIT = 4_000_000


class FixedCross:
    """The information's strata x fixed and fixed x fixed blocks as weighted sums over the fixed
    non-zero pattern of the fixed effects, found once per fit (a sparse product per Newton step costs
    more than the sums on a one-teacher log)."""

    def __init__(self, stratum: np.ndarray, n_strata: int, x: sp.csr_matrix, x_t: sp.csr_matrix) -> None:
        n, f = x.shape
        per_row = np.diff(x.indptr).astype(np.int64)
        cols = x.indices.astype(np.int64)
        self.shape = (n_strata, f)
        self.row = np.repeat(np.arange(n, dtype=np.int64), per_row)
        self.value = np.asarray(x.data, dtype=float)
        self.strata_code = stratum.astype(np.int64)[self.row] * f + cols
        self.x, self.x_t = x, x_t
        self.pair_code: np.ndarray | None = None
        if int((per_row**2).sum()) <= PAIR_LIMIT:
            partners = np.repeat(per_row, per_row)  # per non-zero: the non-zeros of its row
            left = np.repeat(np.arange(len(self.row), dtype=np.int64), partners)
            first = np.repeat(np.cumsum(partners) - partners, partners)
            right = x.indptr[:-1].astype(np.int64)[self.row[left]] + np.arange(len(left)) - first
            self.pair_row = self.row[left]
            self.pair_code = cols[left] * f + cols[right]
            self.pair_value = self.value[left] * self.value[right]

    def strata_x(self, w: np.ndarray) -> np.ndarray:
        """sum_i w_i [stratum_i = s] x_ij as a dense strata x fixed matrix."""
        s, f = self.shape
        sums = np.bincount(self.strata_code, weights=w[self.row] * self.value, minlength=s * f)
        return sums.reshape(s, f)

    def x_x(self, w: np.ndarray) -> np.ndarray:
        """sum_i w_i x_ij x_ik as a dense fixed x fixed matrix."""
        f = self.shape[1]
        if self.pair_code is None:
            return np.asarray((self.x_t @ sp.diags(w) @ self.x).todense())
        sums = np.bincount(self.pair_code, weights=w[self.pair_row] * self.pair_value, minlength=f * f)
        return sums.reshape(f, f)


class Problem:
    """Matrices that stay fixed while the parameters move."""

    def __init__(self, data: ModelData) -> None:
        self.data = data
        s, f = data.n_strata, data.fixed.shape[1]
        self.x = data.fixed.tocsr()
        self.x_t = self.x.T.tocsr()
        self.strata = one_hot(data.stratum, s)
        self.n_groups, self.n_units = data.n_groups, data.n_units
        zeros = np.zeros(len(data.y), dtype=np.int64)
        self.groups: np.ndarray = data.groups if data.n_groups and data.groups is not None else zeros
        self.units: np.ndarray = data.units if data.n_units and data.units is not None else zeros
        #: the class of each student (students are nested in classes)
        self.class_of_unit = np.zeros(max(self.n_units, 1), dtype=np.int64)
        self.class_of_unit[self.units] = self.groups
        self.y_up = ((data.y > 0) & data.can_up).astype(float)
        self.y_down = ((data.y < 0) & data.can_down).astype(float)
        #: a subject effect b moves "stricter rather than agreed" by up * b and "milder rather than
        #: agreed" by -down * b (``ModelData.sides``)
        self.up, self.down = (float(v) for v in data.sides)
        self.sizes = (s, f)
        self.n_dense = 2 * s + f
        self.prior_mean = np.concatenate([np.full(2 * s, STRATUM_MEAN), np.zeros(f)])
        # the fixed effects' prior is sd 1 on the log-odds of stricter rather than agreed, u * b
        fixed_prec = FIXED_PRECISION * float(data.sides[0]) ** 2
        self.prior_prec = np.concatenate([np.full(2 * s, STRATUM_PRECISION), np.full(f, fixed_prec)])
        self.cross = FixedCross(data.stratum, s, self.x, self.x_t)
        #: None without students (classes); every use checks the count first
        self.unit_pattern = Pattern(data, self.x, self.units, self.n_units) if self.n_units else None
        self.group_pattern = Pattern(data, self.x, self.groups, self.n_groups) if self.n_groups else None

    def start(self) -> State:
        """Starting values: the strata's own smoothed log-odds, no subject effects."""
        d = self.data
        s = self.sizes[0]
        n_up = np.bincount(d.stratum, weights=self.y_up, minlength=s)
        n_down = np.bincount(d.stratum, weights=self.y_down, minlength=s)
        n_mid = np.bincount(d.stratum, weights=(d.y == 0).astype(float), minlength=s)
        dense = self.prior_mean.copy()
        dense[:s] = np.log((n_up + 0.5) / (n_mid + 1.0))
        dense[s : 2 * s] = np.log((n_down + 0.5) / (n_mid + 1.0))
        return State(dense, np.zeros(self.n_groups), np.zeros(self.n_units))

    def eta(self, state: State) -> np.ndarray:
        """The subject part of the linear predictor (fixed, class and student effects, offset)."""
        s = self.sizes[0]
        eta = np.asarray(self.x @ state.dense[2 * s :], dtype=float)
        if self.data.offset is not None:
            eta = eta + self.data.offset
        if self.n_groups:
            eta = eta + state.groups[self.groups]
        if self.n_units:
            eta = eta + state.units[self.units]
        return eta

    def log_posterior(self, state: State, sigma: float) -> tuple[float, np.ndarray, np.ndarray]:
        """Log-likelihood minus penalties, and the fitted probabilities."""
        s = self.sizes[0]
        eta = self.eta(state)
        up = state.dense[:s][self.data.stratum] + self.up * eta
        down = state.dense[s : 2 * s][self.data.stratum] - self.down * eta
        p_up, p_down = outcome_probabilities(up, down, self.data.can_up, self.data.can_down)
        p_mid = 1.0 - p_up - p_down
        p_obs = np.where(self.y_up > 0, p_up, np.where(self.y_down > 0, p_down, p_mid))
        loglik = float(np.log(np.maximum(p_obs, 1e-300)).sum())
        penalty = 0.5 * float((self.prior_prec * (state.dense - self.prior_mean) ** 2).sum())
        penalty += 0.5 * float((state.groups**2).sum() + (state.units**2).sum()) / sigma**2
        return loglik - penalty, p_up, p_down

    def gradient(self, state: State, sigma: float, p_up: np.ndarray, p_down: np.ndarray) -> State:
        """Score of the log posterior."""
        d = self.data
        s = self.sizes[0]
        r_up, r_down = self.y_up - p_up, self.y_down - p_down
        r_eta = self.up * r_up - self.down * r_down
        dense = np.concatenate(
            [
                np.bincount(d.stratum, weights=r_up, minlength=s),
                np.bincount(d.stratum, weights=r_down, minlength=s),
                self.x_t @ r_eta,
            ]
        ) - self.prior_prec * (state.dense - self.prior_mean)
        lam = 1 / sigma**2
        groups = np.bincount(self.groups, weights=r_eta, minlength=self.n_groups)[: self.n_groups]
        units = np.bincount(self.units, weights=r_eta, minlength=self.n_units)[: self.n_units]
        return State(dense, groups - lam * state.groups, units - lam * state.units)


#: cells of the dense-parameters x students block formed at a time (32 MB of float64)
UNIT_CHUNK_CELLS = 4_000_000


class Curvature:
    """The penalized information, with the student and then the class block eliminated."""

    def __init__(self, problem: Problem, sigma: float, p_up: np.ndarray, p_down: np.ndarray) -> None:
        d = problem.data
        s = problem.sizes[0]
        lam = 1 / sigma**2
        w11 = p_up * (1 - p_up)
        w22 = p_down * (1 - p_down)
        w12 = -p_up * p_down
        u, v = problem.up, problem.down  # every subject effect moves (stricter, milder) by (u, -v)
        w_eta = u * u * w11 - 2 * u * v * w12 + v * v * w22
        w_a, w_g = u * w11 - v * w12, u * w12 - v * w22  # alpha-eta and gamma-eta cross terms

        x = problem.x
        per_row = np.diff(x.indptr)
        values = np.concatenate([w_a, w_g, x.data * np.repeat(w_eta, per_row)])

        def cross(pattern: Pattern) -> sp.csr_matrix:
            """Dense-parameter rows against the columns of a one-hot block (classes, students)."""
            return pattern.matrix(values)

        a = np.zeros((problem.n_dense, problem.n_dense))
        idx = np.arange(s)
        a[idx, idx] = np.bincount(d.stratum, weights=w11, minlength=s)
        a[s + idx, s + idx] = np.bincount(d.stratum, weights=w22, minlength=s)
        a[idx, s + idx] = a[s + idx, idx] = np.bincount(d.stratum, weights=w12, minlength=s)
        a_x = problem.cross.strata_x(w_a)
        g_x = problem.cross.strata_x(w_g)
        a[:s, 2 * s :], a[2 * s :, :s] = a_x, a_x.T
        a[s : 2 * s, 2 * s :], a[2 * s :, s : 2 * s] = g_x, g_x.T
        a[2 * s :, 2 * s :] = problem.cross.x_x(w_eta)
        a += np.diag(problem.prior_prec)
        self.problem = problem
        n_u, n_c = problem.n_units, problem.n_groups
        # students: diagonal h_z, coupling to dense b_z (P x N) and to their class (h_z itself)
        self.h_z = np.bincount(problem.units, weights=w_eta, minlength=n_u)[:n_u]
        self.d_z = self.h_z + lam
        self.b_z = (
            cross(problem.unit_pattern) if problem.unit_pattern else sp.csr_matrix((problem.n_dense, 0))
        )
        bz_scaled = self.b_z @ sp.diags(1 / self.d_z) if n_u else self.b_z
        a1 = a - np.asarray((bz_scaled @ self.b_z.T).todense()) if n_u else a
        if n_c and problem.group_pattern is not None:
            b_c = cross(problem.group_pattern).toarray()
            d_c = np.bincount(problem.groups, weights=w_eta, minlength=n_c)[:n_c] + lam
            if n_u:
                owner = one_hot(problem.class_of_unit[:n_u], n_c)
                b_c = b_c - np.asarray((bz_scaled @ sp.diags(self.h_z) @ owner).todense())
                d_c = d_c - np.bincount(
                    problem.class_of_unit[:n_u], weights=self.h_z**2 / self.d_z, minlength=n_c
                )
            self.b_c1, self.d_c1 = b_c, d_c
            a2 = a1 - (b_c / d_c) @ b_c.T
        else:
            self.b_c1, self.d_c1 = np.zeros((problem.n_dense, 0)), np.zeros(0)
            a2 = a1
        self.chol = linalg.cho_factor(a2, check_finite=False)

    def solve(self, g: State) -> State:
        """Newton step: the penalized information's inverse times the score."""
        p = self.problem
        n_u, n_c = p.n_units, p.n_groups
        cls = p.class_of_unit[:n_u]
        gz = g.units / self.d_z if n_u else np.zeros(0)
        gc1 = g.groups - (np.bincount(cls, weights=self.h_z * gz, minlength=n_c) if n_u and n_c else 0.0)
        gp = g.dense - (self.b_z @ gz if n_u else 0.0)
        if n_c:
            gp = gp - self.b_c1 @ (gc1 / self.d_c1)
        dp = linalg.cho_solve(self.chol, gp, check_finite=False)
        dc = (gc1 - self.b_c1.T @ dp) / self.d_c1 if n_c else np.zeros(0)
        if n_u:
            dz = (g.units - self.b_z.T @ dp - (self.h_z * dc[cls] if n_c else 0.0)) / self.d_z
        else:
            dz = np.zeros(0)
        return State(dp, dc, dz)

    def log_det(self) -> float:
        """log |penalized information| (for the Laplace approximation)."""
        return float(
            2 * np.log(np.diag(self.chol[0])).sum() + np.log(self.d_z).sum() + np.log(self.d_c1).sum()
        )

    def variances(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Covariance of the dense block; posterior variances of class and student effects."""
        cov, var_c = self.dense_variances()
        return cov, var_c, self.student_variances(cov)

    def dense_variances(self) -> tuple[np.ndarray, np.ndarray]:
        """Covariance of the dense block; posterior variances of the class effects."""
        p = self.problem
        cov = linalg.cho_solve(self.chol, np.eye(p.n_dense), check_finite=False)
        cov = (cov + cov.T) / 2
        n_c = p.n_groups
        var_c = (
            1 / self.d_c1 + np.einsum("ij,ij->j", cov @ self.b_c1, self.b_c1) / self.d_c1**2
            if n_c
            else np.zeros(0)
        )
        return cov, var_c

    def student_variances(self, cov: np.ndarray) -> np.ndarray:
        """Posterior variance of every student effect (``cov``: the dense block's covariance). A
        quadratic form over the dense parameters per student: the costly part at team scale."""
        p = self.problem
        n_u, n_c = p.n_units, p.n_groups
        if not n_u:
            return np.zeros(0)
        cls = p.class_of_unit[:n_u] if n_c else np.zeros(n_u, dtype=np.int64)
        ratio = self.h_z / self.d_c1[cls] if n_c else np.zeros(n_u)
        quad = np.empty(n_u)
        b_z = self.b_z.tocsc()
        step = max(1, UNIT_CHUNK_CELLS // max(1, p.n_dense))  # students at a time: bounded memory
        for start in range(0, n_u, step):
            part = slice(start, min(n_u, start + step))
            v = b_z[:, part].toarray()
            if n_c:
                v = v - self.b_c1[:, cls[part]] * ratio[part]
            quad[part] = np.einsum("ij,ij->j", cov @ v, v)
        extra = self.h_z * ratio if n_c else np.zeros(n_u)
        return np.asarray(1 / self.d_z + (quad + extra) / self.d_z**2, dtype=float)

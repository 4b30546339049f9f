"""Tests of single subjects against the rest, like with like: counts, model-based tests, exact checks.

Three kinds of test feed the audit, all two-sided on the log odds ratio of a one-category stricter
answer (``app.analysis.audit.model``):

- random-effect subjects (students, classes): a score test of "no own effect" with everything else
  of the joint fit held at its mode, and a weakly penalized one-parameter estimate for the interval;
- fixed-effect subjects (attribute values, moments): a Wald test of the level against the weighted
  mean of the other levels of the same factor, from the joint fit's curvature;
- for subjects with few incidents, also the exact conditional stratified test (``app.analysis.audit.exact``):
  the p-value used is the larger of the two, so a handful of incidents never yields a flag on an
  asymptotic approximation alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from scipy import sparse as sp
from scipy import stats as sps

from app.analysis.audit.exact import exact_deviation_test
from app.analysis.audit.model import ModelFit
from app.analysis.audit.newton import outcome_probabilities
from app.analysis.results import Counts

#: subjects with fewer testable incidents are not tested (nothing could be concluded)
MIN_INCIDENTS = 5
#: below this many incidents the exact conditional test must agree before a subject can be flagged
EXACT_BELOW = 50
#: prior precision of a single subject's own effect in its interval estimate (sd 2.5 on log odds)
OWN_PRECISION = 0.16
#: a level this clearly different is left out of the reference of the other levels
OUTLIER_P = 0.001
#: a group or moment is flagged only if it also holds at this level without its most influential student
GUARD_P = 0.01
#: a stepped-down reference must keep this share of the other values' incidents (else: all others)
REFERENCE_SHARE = 0.25
#: groups (classes, attribute values) with fewer students are not tested: that would test individuals
MIN_GROUP_STUDENTS = 3
Z95 = float(sps.norm.isf(0.025))


@dataclass(frozen=True)
class Tested:
    """One subject's test before the correction for many comparisons."""

    kind: str
    dimension: str
    subject: str
    label: str
    log_effect: float
    log_low: float
    log_high: float
    p: float
    counts: Counts
    method: str
    code: int  #: the subject's code in its dimension (for the exact test and incident lists)
    p_guard: float = 0.0  #: p without the most influential student; a flag needs it below ``GUARD_P``


@dataclass(frozen=True)
class Tables:
    """Outcome counts per subject and stratum, and per stratum overall: (milder, agreed, stricter)."""

    subject: np.ndarray  #: (subjects x strata x 3)
    total: np.ndarray  #: (strata x 3)

    def counts(self) -> list[Counts]:
        """Like-with-like counts per subject: the rest only in the strata where the subject appears."""
        if "_counts" not in self.__dict__:
            object.__setattr__(self, "_counts", self._compute_counts())
        return cast("list[Counts]", self.__dict__["_counts"])

    def _compute_counts(self) -> list[Counts]:
        """Counts for every subject at once (see ``counts``)."""
        sub = self.subject.astype(float)
        present = sub.sum(axis=2) > 0
        rest = (self.total[None, :, :] - sub) * present[:, :, None]
        rest_n = rest.sum(axis=2)
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(rest_n[:, :, None] > 0, rest / rest_n[:, :, None], 0.0)
        expected = (sub.sum(axis=2)[:, :, None] * rate).sum(axis=1)
        n = sub.sum(axis=(1, 2))
        rs = rest.sum(axis=1)
        own = sub.sum(axis=1)
        rest_total = rest_n.sum(axis=1)
        columns = zip(
            n.astype(int).tolist(),
            own[:, 2].astype(int).tolist(),
            own[:, 0].astype(int).tolist(),
            rest_total.astype(int).tolist(),
            rs[:, 2].astype(int).tolist(),
            rs[:, 0].astype(int).tolist(),
            np.round(expected[:, 2], 3).tolist(),
            np.round(expected[:, 0], 3).tolist(),
            strict=True,
        )
        return [Counts(*row) for row in columns]


def cross_tables(
    codes: np.ndarray, n_subjects: int, stratum: np.ndarray, n_strata: int, y: np.ndarray
) -> Tables:
    """Count outcomes (y = -1, 0, +1) per subject code (-1 = none) and stratum."""
    keep = codes >= 0
    flat = (codes[keep] * n_strata + stratum[keep]) * 3 + (y[keep] + 1)
    sub = np.bincount(flat, minlength=n_subjects * n_strata * 3).reshape(n_subjects, n_strata, 3)
    total = np.bincount(stratum * 3 + (y + 1), minlength=n_strata * 3).reshape(n_strata, 3)
    return Tables(sub, total)


def own_effect_tests(
    fit: ModelFit,
    stratum: np.ndarray,
    y: np.ndarray,
    can_up: np.ndarray,
    can_down: np.ndarray,
    codes: np.ndarray,
    n_subjects: int,
    own: np.ndarray,
    clusters: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Score-test p, estimate and 95 % limits of each subject's own shift, the rest of the fit held fixed.

    ``own`` is the subject's fitted effect per incident (removed from the linear predictor first).
    With ``clusters`` (student codes, for a class) the test must also hold without the class's most
    influential student (the larger p-value is used), so one student cannot make a class finding.
    Returns (p, log effect, low, high); p is NaN where the subject's incidents carry no information.
    """
    offset = fit.eta - own
    a, g = fit.alpha[stratum], fit.gamma[stratum]
    y_up, y_down = ((y > 0) & can_up).astype(float), ((y < 0) & can_down).astype(float)

    def score(b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        shift = offset + b[codes]
        p_up, p_down = outcome_probabilities(a + shift, g - shift, can_up, can_down)
        w = p_up * (1 - p_up) + p_down * (1 - p_down) + 2 * p_up * p_down
        grad = np.bincount(codes, weights=(y_up - p_up) - (y_down - p_down), minlength=n_subjects)
        return grad, np.bincount(codes, weights=w, minlength=n_subjects)

    g0, h0 = score(np.zeros(n_subjects))
    drop_one = None
    if clusters is not None:  # the score without the subject's most influential student
        p_up, p_down = outcome_probabilities(a + offset, g - offset, can_up, can_down)
        resid = (y_up - p_up) - (y_down - p_down)
        w = p_up * (1 - p_up) + p_down * (1 - p_down) + 2 * p_up * p_down
        per_g = np.bincount(clusters, weights=resid)
        per_h = np.bincount(clusters, weights=w)
        owner = np.zeros(len(per_g), dtype=np.int64)
        owner[clusters] = codes
        sign = np.where(g0 >= 0, 1.0, -1.0)
        pull = per_g * sign[owner]
        order = np.lexsort((-pull, owner))
        first = order[np.r_[True, owner[order][1:] != owner[order][:-1]]]
        g_loo, h_loo = g0.copy(), h0.copy()
        g_loo[owner[first]] -= np.maximum(pull[first], 0) * sign[owner[first]]
        h_loo[owner[first]] -= np.where(pull[first] > 0, per_h[first], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            drop_one = np.minimum(1.0, 2 * sps.norm.sf(sign * g_loo / np.sqrt(np.maximum(h_loo, 1e-9))))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(h0 > 1e-9, g0 / np.sqrt(h0), np.nan)
    p = np.where(np.isnan(z), np.nan, 2 * sps.norm.sf(np.abs(z)))
    if drop_one is not None:
        p = np.where(np.isnan(p), p, np.maximum(p, drop_one))
    b = np.zeros(n_subjects)
    for _ in range(30):
        grad, hess = score(b)
        grad, hess = grad - OWN_PRECISION * b, hess + OWN_PRECISION
        step = np.clip(grad / hess, -2.0, 2.0)
        b = b + step
        if np.abs(step).max(initial=0) < 1e-7:
            break
    _, hess = score(b)
    se = 1 / np.sqrt(hess + OWN_PRECISION)
    return p, b, b - Z95 * se, b + Z95 * se


#: cells of one students x contrasts block computed at a time (32 MB of float64)
CHUNK_CELLS = 4_000_000


@dataclass(frozen=True)
class Lever:
    """How far each student's incidents move each estimate of a factor: ``scores @ block``.

    ``scores`` (students x dense parameters, sparse where possible) and ``block`` (dense parameters x
    the factor's columns, from the posterior covariance) are kept apart: students x classes can be
    gigabytes at team scale, and only the largest pull per contrast is ever needed.
    """

    scores: sp.csr_matrix | np.ndarray
    block: np.ndarray

    def __len__(self) -> int:
        return int(self.scores.shape[0])

    def columns(self, cols: np.ndarray) -> Lever:
        """The same students, for some of the factor's columns."""
        return Lever(self.scores, self.block[:, cols])

    def max_pull(self, c: np.ndarray, sign: np.ndarray) -> np.ndarray:
        """Per contrast (a row of ``c``): the largest pull of one student in the direction ``sign``."""
        out = np.empty(len(c))
        step = max(1, CHUNK_CELLS // max(1, len(self)))
        for start in range(0, len(c), step):
            rows = slice(start, start + step)
            part = np.asarray(self.scores @ (self.block @ c[rows].T))
            out[rows] = (part * sign[None, rows]).max(axis=0)
        return out


#: one fit's view of a factor: (beta, covariance, lever)
View = tuple[np.ndarray, np.ndarray, Lever | None]


def level_contrasts(
    beta: np.ndarray,
    cov: np.ndarray,
    columns: np.ndarray,
    weights: np.ndarray,
    groups: list[np.ndarray],
    lever: Lever | None = None,
    *,
    fold: bool = True,
    also: Sequence[View] = (),
    combine: Callable[..., np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Wald tests of level sets of one factor against the weighted mean of its other levels.

    ``columns`` are the factor's columns in ``beta``; ``weights`` their incident counts; each entry of
    ``groups`` is a boolean mask over the columns (one level, or the months of a term). A level that
    clearly differs itself (p < ``OUTLIER_P``) is left out of the others' reference, one at a time,
    the clearest first, so that one milder Friday does not make every other weekday look stricter.
    With ``lever`` (students x the factor's columns: how each student's incidents move the estimates)
    a finding must also hold without its most influential student: with ``fold`` the p-value is the
    larger of the two; without it the Wald p is returned as it is, and the p-value without that student
    comes separately, as a guard for the caller.
    ``also``: more fits of the same factor (beta, cov, lever), each tested the same way; ``combine``
    turns their results (this fit's first) into one, and the step-down follows the combined p-values,
    so every fit compares with the same reference.
    Returns (p, log effect, low, high, p without the most influential student).
    """
    masks = np.asarray(groups, dtype=bool).reshape(len(groups), len(columns))
    views: list[View] = [(beta, cov, lever), *also]

    def one(view: View, reference: np.ndarray) -> np.ndarray:
        b = view[0][columns]
        c_full = view[1][np.ix_(columns, columns)]
        out = np.full((5, len(groups)), np.nan)
        w_in = weights[None, :] * masks
        w_out = weights[None, :] * (~masks & reference[None, :])
        w_all_out = (weights[None, :] * ~masks).sum(axis=1)
        n_in, n_out = w_in.sum(axis=1), w_out.sum(axis=1)
        # a reference stepped down to a sliver keeps the comparison with all others (NaN -> first)
        ok = (n_in > 0) & (n_out > 0) & (n_out >= REFERENCE_SHARE * w_all_out)
        if not ok.any():
            return out
        c = w_in[ok] / n_in[ok, None] - w_out[ok] / n_out[ok, None]
        est = c @ b
        se = np.sqrt(np.maximum(np.einsum("ij,jk,ik->i", c, c_full, c), 1e-12))
        p = p_drop = 2 * sps.norm.sf(np.abs(est / se))
        lv = view[2]
        if lv is not None and len(lv):
            sign = np.where(est >= 0, 1.0, -1.0)
            pull = np.maximum(lv.max_pull(c, sign), 0.0)
            p_drop = np.maximum(p, np.minimum(1.0, 2 * sps.norm.sf((np.abs(est) - pull) / se)))
        out[:, ok] = np.vstack([p_drop if fold else p, est, est - Z95 * se, est + Z95 * se, p_drop])
        return out

    def contrasts(reference: np.ndarray) -> np.ndarray:
        parts = [one(view, reference) for view in views]
        return parts[0] if combine is None else combine(*parts)

    first = contrasts(np.ones(len(columns), dtype=bool))
    reference = np.ones(len(columns), dtype=bool)
    singles = [i for i, mask in enumerate(groups) if mask.sum() == 1]
    result = first
    while True:  # step down: leave the clearest outlier out of the reference, then look again
        candidates = [i for i in singles if reference[groups[i]].all() and np.isfinite(result[0, i])]
        if not candidates or reference.sum() <= 2:
            break
        worst = min(candidates, key=lambda i: result[0, i])
        if result[0, worst] >= OUTLIER_P:
            break
        reference &= ~groups[worst]
        result = contrasts(reference)
    # a level whose reference became empty keeps its comparison with all other levels
    result = np.where(np.isnan(result), first, result)
    return result[0], result[1], result[2], result[3], result[4]


def exact_p(tables: Tables, code: int) -> float:
    """Two-sided exact conditional p-value of one subject (see ``app.analysis.audit.exact``)."""
    return exact_deviation_test(tables.subject[code], tables.total).p


def guard_small(p_model: float, n: int, tables: Tables, code: int, screen: float) -> tuple[float, str]:
    """The p-value to use: for few incidents the larger of model and exact p (when it could matter)."""
    if n >= EXACT_BELOW or p_model >= screen:
        return p_model, ""
    return max(p_model, exact_p(tables, code)), "exact"

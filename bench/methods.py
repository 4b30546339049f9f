"""The alternatives measured side by side on the same simulated years (docs/audit.md, "Choosing").

Each function takes an ``AuditFrame`` and returns the set of flags ``(kind, dimension, subject,
direction)`` at a false discovery rate of 0.05:

- ``joint``: the previous audit: one model with every moment, attribute and class at once;
- ``stratified``: a plain stratified comparison within rule x strike (the score statistic of
  Cochran-Mantel-Haenszel with scores -1/0/+1 per incident), no student effects, Benjamini-Hochberg;
- ``per_dimension``: each dimension in its own fit with student effects, no attribution;
- ``audit``: the audit as shipped (``per_dimension`` followed by the attribution, one weighted
  Benjamini-Hochberg over all tests: ``app.analysis.audit.budget``);
- ``audit_equal``: the same with every test weighted equally (the audit before 5 December 2026);
- ``audit_merged``: students 70 %, groups 20 %, all rules and moments 10 % together (5 December);
- ``audit_60_20_20``, ``audit_70_15_15``: other such shares for students / groups / rules and moments;
- ``audit_65_20_10_5``, ``audit_60_20_10_10``: other shares for students / groups / weekday and
  period / the rest;
- ``stricter_or_not``: the audit with milder answers counted as agreed;
- ``stricter_leaning_half`` (as shipped), ``stricter_leaning_quarter``, ``leaning_full``: each group
  or moment tested in a fit leaning to the stricter side, the milder side weighed by half, a quarter,
  or fully (``app.analysis.audit.dimensions.LEANING``; fully: the audit until 6 December 2026);
- ``leaning_half``: also a fit leaning to the milder side, each value judged in the fit leaning its
  way (``dimensions.one_sided``; measured and not kept);
- ``week_together``: weekday and period one part of 5 %, the rest 5 % (the audit until 6 December
  2026, later; the audit now gives the weekday 4 %, the period 2 % and the rest 4 %);
- ``sigma_fine``: the spread of the students' own treatments chosen from a finer grid (0.1 to 1.0 in
  steps of 0.1, and 1.2; measured and not kept);
- ``week_halves``, ``weekday_5_period_2``: the week split another way (2.5 / 2.5 / 5 and 5 / 2 / 3;
  measured and not kept).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd
from scipy import stats as sps

from app.analysis.audit import budget
from app.analysis.audit import dimensions as dims
from app.analysis.audit import run as audit_run
from app.analysis.audit import subjects as subj
from app.analysis.audit.comparisons import Work, design, fixed_subjects, random_subjects, work_set
from app.analysis.audit.dimensions import dimension_subjects, dimensions_of
from app.analysis.audit.model import fit
from app.analysis.audit.rules import rule_subjects
from app.analysis.audit.run import audit as shipped
from app.analysis.frame import UNKNOWN, AuditFrame
from app.analysis.stats import bh_adjust

Flag = tuple[str, str, str, str]
Q = 0.05


def _flags(items: list[subj.Tested]) -> set[Flag]:
    """Flags of tested items after Benjamini-Hochberg over all of them."""
    if not items:
        return set()
    adjusted = bh_adjust([min(1.0, max(0.0, x.p)) for x in items])
    return {
        (x.kind, x.dimension, x.subject, "stricter" if x.log_effect > 0 else "milder")
        for x, p in zip(items, adjusted, strict=True)
        if p < Q
    }


def joint(frame: AuditFrame) -> set[Flag]:
    """The previous audit: students, classes and every fixed factor in one joint model."""
    w = work_set(frame)
    data, factors, group_levels, unit_levels = design(frame, w)
    model = fit(data)
    dominant: set[str] = set()
    found, _ = random_subjects(
        frame, w, data, model, (group_levels, unit_levels), lambda d: True, Q, dominant
    )
    more, _ = fixed_subjects(w, data, model, factors, lambda d: True, Q, dominant)
    rules, _ = rule_subjects(w, model, lambda d: True, Q)
    return _flags(found + more + rules)


def per_dimension(frame: AuditFrame) -> set[Flag]:
    """Students in the joint model, groups and moments each in their own fit; no attribution."""
    w = work_set(frame)
    data, _, group_levels, unit_levels = design(frame, w)
    model = fit(data)
    dominant: set[str] = set()
    more, _ = dimension_subjects(frame, w, model, lambda d: True, Q, dominant)
    found, _ = random_subjects(
        frame, w, data, model, (group_levels, unit_levels), lambda d: d == "student", Q, dominant
    )
    rules, _ = rule_subjects(w, model, lambda d: True, Q)
    return _flags(found + more + rules)


def stratified(frame: AuditFrame) -> set[Flag]:
    """Every student, group and moment value against the rest within rule x strike, no model."""
    w = work_set(frame)
    columns = [("student", "student", "student_id")]
    columns += [(d.kind, d.dimension, d.column) for d in dimensions_of(frame) if d.column in w.inc]
    tests: list[tuple[Flag, float]] = []
    # per stratum: mean and variance of the deviation, for the hypergeometric moments of a subset sum
    dev = pd.DataFrame({"s": w.stratum, "y": w.y})
    stats = dev.groupby("s")["y"].agg(["mean", "var", "size"]).fillna(0.0)
    mean, var, size = (stats[c].to_numpy() for c in ("mean", "var", "size"))
    for kind, dim, col in columns:
        codes, levels = pd.factorize(w.inc[col].astype(str))
        if len(levels) < 2:
            continue
        key = codes.astype(np.int64) * w.n_strata + w.stratum
        k = np.bincount(key, minlength=len(levels) * w.n_strata).reshape(len(levels), w.n_strata)
        s = np.bincount(codes, weights=w.y.astype(float), minlength=len(levels))
        n_s = size[None, :]
        expected = (k * mean[None, :]).sum(axis=1)
        variance = (k * (n_s - k) / np.maximum(n_s, 1) * var[None, :]).sum(axis=1)
        n = k.sum(axis=1)
        for j, value in enumerate(levels):
            if str(value) == UNKNOWN or n[j] < subj.MIN_INCIDENTS or variance[j] <= 0:
                continue
            z = (s[j] - expected[j]) / np.sqrt(variance[j])
            way = "stricter" if z > 0 else "milder"
            tests.append(((kind, dim, str(value), way), float(2 * sps.norm.sf(abs(z)))))
    if not tests:
        return set()
    adjusted = bh_adjust([p for _, p in tests])
    return {flag for (flag, _), p in zip(tests, adjusted, strict=True) if p < Q}


def audit(frame: AuditFrame) -> set[Flag]:
    """The audit as shipped (weighted Benjamini-Hochberg, ``app.analysis.audit.budget.SHARES``)."""
    return {(e.kind, e.dimension, e.subject, e.direction) for e in shipped(frame).findings}


def with_shares(
    shares: dict[str, float] | None, merge_week: bool = False
) -> Callable[[AuditFrame], set[Flag]]:
    """The shipped audit with other shares of the false discovery budget (None: every test equal).
    A share named ``week`` is the weekday's and the period's tests together, spread evenly (the audit
    until 6 December 2026, later); ``merge_week``: weekday and period share the ``context`` part with
    the other moments and rules, evenly per test (the audit until 6 December 2026)."""
    chosen = budget.weights

    def part(p: str) -> str:
        if p not in budget.WEEK_DIMENSIONS or shares is None:
            return p
        return "context" if merge_week else "week" if "week" in shares else p

    def weights(parts: Sequence[str], _: object = None) -> np.ndarray:
        if shares is None:
            return np.ones(len(parts))
        return chosen([part(p) for p in parts], shares)

    def run(frame: AuditFrame) -> set[Flag]:
        budget.weights = weights  # type: ignore[assignment]
        try:
            return audit(frame)
        finally:
            budget.weights = chosen  # type: ignore[assignment]

    return run


def stricter_or_not(frame: AuditFrame) -> set[Flag]:
    """The shipped audit on "stricter or not": milder answers counted as agreed, in every test
    (measured and not kept: docs/audit.md, "Answers drawn another way")."""

    def binary(source: AuditFrame) -> Work:
        w = work_set(source)
        return replace(w, y=(w.y == 1).astype(np.int64), can_down=np.zeros_like(w.can_down))

    audit_run.work_set = binary
    try:
        return audit(frame)
    finally:
        audit_run.work_set = work_set


def leaning(share: float, both_sides: bool = False) -> Callable[[AuditFrame], set[Flag]]:
    """The shipped audit with another ``LEANING`` for the groups' and moments' own fits (1: both sides
    weighed alike, as shipped until 6 December 2026). ``both_sides``: also a fit leaning to the milder
    side, each value judged in the fit leaning its way (measured and not kept)."""

    def run(frame: AuditFrame) -> set[Flag]:
        chosen = dims.LEANING, dims.SIDES
        dims.LEANING = share
        if both_sides:
            dims.SIDES = ("stricter", "milder")
        try:
            return audit(frame)
        finally:
            dims.LEANING, dims.SIDES = chosen

    return run


def sigma_grid(grid: tuple[float, ...]) -> Callable[[AuditFrame], set[Flag]]:
    """The shipped audit with another grid for the spread of the students' own treatments in the joint
    fit (``app.analysis.audit.model.SIGMA_GRID``); every group and moment fit uses the spread chosen
    there."""

    def run(frame: AuditFrame) -> set[Flag]:
        defaults = fit.__defaults__
        fit.__defaults__ = (grid, None)
        try:
            return audit(frame)
        finally:
            fit.__defaults__ = defaults

    return run


METHODS: dict[str, Callable[[AuditFrame], set[Flag]]] = {
    "joint": joint,
    "stratified": stratified,
    "per_dimension": per_dimension,
    "audit": audit,
    "audit_equal": with_shares(None),
    "audit_merged": with_shares({"student": 0.7, "group": 0.2, "context": 0.1}, merge_week=True),
    "audit_60_20_20": with_shares({"student": 0.6, "group": 0.2, "context": 0.2}, merge_week=True),
    "audit_70_15_15": with_shares({"student": 0.7, "group": 0.15, "context": 0.15}, merge_week=True),
    "audit_65_20_10_5": with_shares({"student": 0.65, "group": 0.2, "week": 0.1, "context": 0.05}),
    "audit_60_20_10_10": with_shares({"student": 0.6, "group": 0.2, "week": 0.1, "context": 0.1}),
    "stricter_or_not": stricter_or_not,
    "leaning_full": leaning(1.0),
    "stricter_leaning_half": leaning(0.5),
    "stricter_leaning_quarter": leaning(0.25),
    "leaning_half": leaning(0.5, both_sides=True),
    "sigma_fine": sigma_grid((0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2)),
    "week_together": with_shares({"student": 0.7, "group": 0.2, "week": 0.05, "context": 0.05}),
    "week_halves": with_shares(
        {"student": 0.7, "group": 0.2, "weekday": 0.025, "period": 0.025, "context": 0.05}
    ),
    "weekday_5_period_2": with_shares(
        {"student": 0.7, "group": 0.2, "weekday": 0.05, "period": 0.02, "context": 0.03}
    ),
}

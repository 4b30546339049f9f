"""The audit's follow-up question (issue #16): at the same rule and step, are some parents informed more
often, or sooner, than others?

Like with like, as the rest of the audit: every settled consequence belongs to a stratum *rule × step*
(consequence steps only), and a class or roster-attribute group is only ever compared with the other
groups of its dimension *within* those strata. Two questions per group:

- **informed**: were the parents informed (yes/no)? The exact conditional test of a common odds
  ratio over the strata (``mantelhaen.test(exact=TRUE)``);
- **sooner**: among the consequences whose parents were informed, how many days it took; a stratified
  rank test (van Elteren: within-stratum ranks, weights 1/(n+1)).

A teacher may inform the parents of one family always and of another never (an arrangement with that
family): incidents of one student are not independent. So each test also gets a cluster-robust
(per student) variance of its score, and the larger of the two p-values counts. All tests of the
question are corrected together (Benjamini–Hochberg). A group with fewer than ``MIN_CONSEQUENCES``
consequences or ``MIN_STUDENTS`` students (or a rest that small) is listed with its counts but not
tested: 'te weinig', never a flag. A consequence counts once it is ``SETTLE_DAYS`` old (as of the end of
the period), with the parents informed only when that happened by then.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np

from app.analysis.frame import ATTR_PREFIX, UNKNOWN, AuditFrame
from app.analysis.results import FollowUpComparison, FollowUpEvenness
from app.analysis.stats import bh_adjust
from app.analysis.stratified import exact_stratified
from app.core.i18n import nt, t

if TYPE_CHECKING:
    import pandas as pd

SETTLE_DAYS = 7  #: a consequence is judged once it is a week old (the parents may not be informed yet)
QUICK_DAYS = 2  #: 'soon': the parents informed within this many days (the counts of the sooner question)
MIN_CONSEQUENCES = 8  #: per side (the group and the rest) before 'informed' is compared
MIN_INFORMED = 6  #: informed consequences per side before 'sooner' is compared
MIN_STUDENTS = 3  #: different students in the group: one family is never a group pattern


@dataclass(frozen=True)
class _Score:
    """A stratified score statistic with its permutation and cluster-robust variances."""

    u: float
    var_perm: float
    var_robust: float

    def p(self) -> float:
        """Two-sided normal p-value with the larger of the two variances."""
        var = max(self.var_perm, self.var_robust)
        if var <= 0:
            return 1.0
        from scipy import stats as sps

        return float(2 * sps.norm.sf(abs(self.u) / math.sqrt(var)))


def _score(
    x: np.ndarray, y: np.ndarray, strata: np.ndarray, clusters: np.ndarray, weights: np.ndarray
) -> _Score:
    """U = Σ_k w_k Σ_i (x_i − x̄_k)(y_i − ȳ_k), its permutation variance and its per-student variance.

    The per-student (cluster-robust) variance sums the squared per-student totals of the incidents'
    contributions, each centred on the mean contribution of its side (the group or the rest): so one
    family answered alike counts as one, while a real group difference does not inflate the variance
    that judges it. A small-sample factor G/(G−1) over the G students.
    """
    contrib = np.zeros(len(x))
    var_perm = 0.0
    for k in np.unique(strata):
        idx = np.flatnonzero(strata == k)
        if len(idx) < 2:
            continue
        dx = x[idx] - x[idx].mean()
        dy = y[idx] - y[idx].mean()
        w = float(weights[idx[0]])
        contrib[idx] = w * dx * dy
        var_perm += w * w * float((dx * dx).sum()) * float((dy * dy).sum()) / (len(idx) - 1)
    side = x > 0.5
    centred = contrib - np.where(side, contrib[side].mean() if side.any() else 0.0, 0.0)
    centred -= np.where(~side, contrib[~side].mean() if (~side).any() else 0.0, 0.0)
    _, inverse = np.unique(clusters, return_inverse=True)
    per_cluster = np.bincount(inverse, weights=centred)
    n_clusters = len(per_cluster)
    factor = n_clusters / (n_clusters - 1) if n_clusters > 1 else 1.0
    return _Score(float(contrib.sum()), var_perm, factor * float((per_cluster**2).sum()))


def _as_of(frame: AuditFrame, inc: pd.DataFrame) -> datetime | None:
    """The end of the period: its last day, or else the latest moment in the log."""
    import pandas as pd

    if frame.date_to is not None:
        return datetime.combine(frame.date_to, datetime.max.time())
    times = [inc["occurred_at"].max()]
    for col in ("student_told_at", "parents_at"):
        if col in inc:
            times.append(inc[col].max())
    known = [ts for ts in times if not pd.isna(ts)]
    return max(known).to_pydatetime() if known else None


def settled_follow_ups(frame: AuditFrame, settle_days: int = SETTLE_DAYS) -> pd.DataFrame:
    """The consequences with a follow-up that are old enough to judge, one row each.

    Columns: incident_id, student_id, stratum ('rule|step'), group, the ``attr:`` columns, informed
    (the parents informed by the end of the period), days (to the parents informed; NaN if not), and
    expected (the informed share of the consequence's own rule and step).
    """
    import pandas as pd

    inc = frame.incidents
    cols = ["incident_id", "student_id", "group", *frame.attribute_columns]
    empty = pd.DataFrame(columns=[*cols, "stratum", "informed", "days", "expected"])
    if inc.empty or "follow_up" not in inc:
        return empty
    as_of = _as_of(frame, inc)
    fu = inc[inc["consequence"].astype(bool) & inc["follow_up"].astype(bool)]
    if as_of is None or fu.empty:
        return empty
    fu = fu[fu["occurred_at"] <= pd.Timestamp(as_of - timedelta(days=settle_days))]
    parents = fu["parents_at"].where(fu["parents_at"] <= pd.Timestamp(as_of))
    out = fu[cols].copy()
    out["stratum"] = fu["rule"].astype(str) + "|" + fu["step"].astype(str)
    out["informed"] = parents.notna().to_numpy(dtype=bool)
    days = (parents - fu["occurred_at"]).dt.total_seconds() / 86400.0
    out["days"] = days.clip(lower=0.0)
    out["expected"] = out.groupby("stratum")["informed"].transform("mean").astype(float)
    return out.reset_index(drop=True)


def _median(values: pd.Series) -> float | None:
    return float(values.median()) if len(values) else None


def _compare(
    rows: pd.DataFrame, mask: np.ndarray, question: str, dimension: str, subject: str
) -> FollowUpComparison:
    """Counts and the test of one group (``mask``) against the rest of its dimension (not yet adjusted)."""
    import pandas as pd

    if question == "sooner":
        rows = rows[rows["informed"]]
        mask = mask[rows.index.to_numpy()]
        rows = rows.reset_index(drop=True)
        hit = (rows["days"] <= QUICK_DAYS).to_numpy()
        minimum = MIN_INFORMED
    else:
        hit = rows["informed"].to_numpy(dtype=bool)
        minimum = MIN_CONSEQUENCES
    strata = rows["stratum"].to_numpy()
    quick_share = pd.Series(hit.astype(float)).groupby(strata).transform("mean").to_numpy()
    mine, rest = rows[mask], rows[~mask]
    counts = FollowUpComparison(
        question=question,
        dimension=dimension,
        subject=subject,
        n=int(mask.sum()),
        k=int(hit[mask].sum()),
        rest_n=int((~mask).sum()),
        rest_k=int(hit[~mask].sum()),
        expected=float(quick_share[mask].sum()),
        days=_median(mine["days"].dropna()),
        rest_days=_median(rest["days"].dropna()),
        n_students=int(mine["student_id"].nunique()),
        p=None,
        p_adjusted=None,
        flagged=False,
        direction="",
    )
    few = (
        int(mask.sum()) < minimum
        or int((~mask).sum()) < minimum
        or mine["student_id"].nunique() < MIN_STUDENTS
        or rest["student_id"].nunique() < MIN_STUDENTS
    )
    if few:
        return counts
    x = mask.astype(float)
    clusters = rows["student_id"].astype(str).to_numpy()
    if question == "informed":
        y = hit.astype(float)
        score = _score(x, y, strata, clusters, np.ones(len(x)))
        tables = []
        for k in np.unique(strata):
            s = strata == k
            a, b = int((s & mask & hit).sum()), int((s & mask & ~hit).sum())
            c, d = int((s & ~mask & hit).sum()), int((s & ~mask & ~hit).sum())
            tables.append(((a, b), (c, d)))
        exact = exact_stratified(tables, estimate=False)
        p = max(exact.p if exact is not None else 1.0, score.p())
        direction = "more" if score.u > 0 else ("less" if score.u < 0 else "")
    else:
        days = rows["days"].to_numpy(dtype=float)
        ranks = pd.Series(days).groupby(strata).rank(method="average").to_numpy()
        sizes = pd.Series(days).groupby(strata).transform("size").to_numpy(dtype=float)
        score = _score(x, ranks, strata, clusters, 1.0 / (sizes + 1.0))
        p = score.p()
        direction = "later" if score.u > 0 else ("sooner" if score.u < 0 else "")
    return replace(counts, p=min(1.0, p), direction=direction)


def _dimensions(frame: AuditFrame) -> list[tuple[str, str]]:
    """(column, dimension name): the class, then every roster attribute."""
    return [("group", "group"), *((ATTR_PREFIX + a, a) for a in frame.attributes)]


def follow_up_evenness(
    frame: AuditFrame, *, fdr: float = 0.05, settle_days: int = SETTLE_DAYS
) -> FollowUpEvenness:
    """The follow-up question of the audit for this frame (its period): counts, tests, BH, flags."""
    inc = frame.incidents
    n_cons = int(inc["consequence"].sum()) if not inc.empty else 0
    n_tracked = int((inc["consequence"] & inc["follow_up"]).sum()) if "follow_up" in inc and n_cons else 0
    rows = settled_follow_ups(frame, settle_days)
    raw: list[FollowUpComparison] = []
    for col, dim in _dimensions(frame):
        if rows.empty:
            break
        part = rows[rows[col].astype(str) != UNKNOWN].reset_index(drop=True)
        values = sorted(part[col].astype(str).unique())
        if len(values) < 2:
            continue
        if len(values) == 2:  # one test says it all: the smaller side, its direction tells the other
            sizes = part[col].astype(str).value_counts()
            values = [min(values, key=lambda v: (int(sizes[v]), v))]
        for value in values:
            mask = (part[col].astype(str) == value).to_numpy()
            for question in ("informed", "sooner"):
                raw.append(_compare(part, mask, question, dim, value))
    pvalues = [c.p for c in raw if c.p is not None]
    adjusted = iter(bh_adjust(pvalues))
    comparisons = tuple(c if c.p is None else _adjusted(c, float(next(adjusted)), fdr) for c in raw)
    return FollowUpEvenness(
        n_consequences=n_cons,
        n_tracked=n_tracked,
        n_settled=len(rows),
        n_informed=int(rows["informed"].sum()) if not rows.empty else 0,
        settle_days=settle_days,
        fdr=fdr,
        comparisons=comparisons,
        notes=tuple(_notes(n_cons, n_tracked, len(rows), raw, settle_days)),
    )


def _adjusted(c: FollowUpComparison, q: float, fdr: float) -> FollowUpComparison:
    return replace(c, p_adjusted=q, flagged=q < fdr and bool(c.direction))


def _notes(
    n_cons: int, n_tracked: int, n_settled: int, raw: list[FollowUpComparison], settle_days: int
) -> list[str]:
    notes = []
    if n_cons and n_tracked < n_cons:
        notes.append(
            t(
                "{k} van de {n} consequenties hebben geen nazorg (gelogd voordat de app die bijhield): die "
                "tellen niet mee.",
                k=n_cons - n_tracked,
                n=n_cons,
            )
        )
    if n_tracked > n_settled:
        notes.append(
            nt(
                "{n} consequentie is jonger dan {d} dagen: nog niet meegeteld.",
                "{n} consequenties zijn jonger dan {d} dagen: nog niet meegeteld.",
                n_tracked - n_settled,
                d=settle_days,
            )
        )
    if raw and all(c.p is None for c in raw):
        notes.append(
            t(
                "Te weinig consequenties om groepen te vergelijken: een groep wordt pas vergeleken vanaf {n} "
                "consequenties van {s} verschillende leerlingen (en evenveel in de rest).",
                n=MIN_CONSEQUENCES,
                s=MIN_STUDENTS,
            )
        )
    return notes

"""Which flagged group or moment explains the others, and what the log cannot tell apart.

Groups and moments are tested one dimension at a time (``app.analysis.audit.dimensions``), so one real
pattern can surface in several dimensions: a stricter Friday also makes the classes and periods
taught on Friday look a little stricter. ``attribute`` takes the flagged groups and moments from the
clearest (smallest p) down; each next one is fitted *together with* those already kept (strata,
student effects, one column per kept pattern). If it no longer stands on its own there (its p-value
there, with the same Benjamini-Hochberg factor its own p got, is no longer below the false discovery
rate), it is the same pattern seen from another side: it is not flagged, and its estimate names the
kept finding most tied to it as what explains it. When, fitted together, it is the clearer of the
two, it takes the other's place; and at the end every kept finding must still stand beside all the
others.

``aliases`` names, for a kept finding, what the log cannot separate from it at all: other values
that are (nearly) the very same incidents (class 3A = support plan yes), and, in a fixed weekly
timetable, the lessons that make up a weekday or a period (Friday = 1A in the 3rd period and 2A in
the 7th), or the few weekly lessons of a class.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy import sparse as sp
from scipy import stats as sps

from app.analysis.audit import dimensions as dims
from app.analysis.audit import subjects as subj
from app.analysis.audit.comparisons import MOMENT_FACTORS, Members, Work
from app.analysis.audit.model import ModelData, fit
from app.analysis.frame import ATTR_PREFIX, UNKNOWN

#: dimensions whose flags can explain each other (rules and rule categories are compared otherwise)
ATTRIBUTABLE = frozenset({"group", "context"})
#: share of incidents two subjects must have in common (both ways) to be "the same incidents"
SAME_SHARE = 0.8
#: share of a finding's incidents its few timetable lessons must cover to be named
SLOT_COVER = 0.9
#: at most this many weekly lessons are named as what a weekday or period also is
MAX_SLOTS = 4
#: a class is named as its weekly lessons only when it has at most this many
MAX_CLASS_SLOTS = 2
SLOT = "slot"


@dataclass(frozen=True)
class Verdict:
    """The attribution of one flagged group or moment."""

    flagged: bool
    explained_by: tuple[tuple[str, str], ...] = ()  #: (dimension, subject) of the kept findings
    p_joint: float = float("nan")  #: its p-value fitted together with the kept findings
    leans_on_one: bool = False  #: significant, but not without its most influential student


def _rows(members: Members, item: subj.Tested) -> np.ndarray:
    """The incident rows of a tested group or moment."""
    return members[item.dimension][item.code]


def _joint_p(w: Work, sigma: float, columns: list[np.ndarray], side: str = "stricter") -> np.ndarray:
    """Wald p of every indicator column, fitted together with strata and student effects, every shift
    leaning to ``side`` (``dimensions.sides``)."""
    n = len(w.inc)
    levels, units = np.unique(w.inc["student_id"].to_numpy(dtype=str), return_inverse=True)
    x = np.zeros((n, len(columns)))
    for j, rows in enumerate(columns):
        x[rows, j] = 1.0
    data = ModelData(
        y=w.y,
        stratum=w.stratum,
        n_strata=w.n_strata,
        can_up=w.can_up,
        can_down=w.can_down,
        fixed=sp.csr_matrix(x),
        units=units.astype(np.int64) if len(levels) > 1 else None,
        n_units=len(levels) if len(levels) > 1 else 0,
        sides=dims.sides(side),
    )
    model = fit(data, (sigma,), student_variances=False)
    b = np.asarray(model.beta[-len(columns) :], dtype=float)
    var = np.maximum(np.diag(model.beta_cov)[-len(columns) :], 1e-12)
    return np.asarray(2 * sps.norm.sf(np.abs(b) / np.sqrt(var)), dtype=float)


class _Attribution:
    """The state of one attribution: which flagged items are kept, and why the others are not."""

    def __init__(
        self,
        w: Work,
        members: Members,
        tested: list[subj.Tested],
        adjusted: np.ndarray,
        fdr: float,
        sigma: float,
    ) -> None:
        self.w, self.members, self.tested, self.fdr, self.sigma = w, members, tested, fdr, sigma
        #: the Benjamini-Hochberg factor each test's own p got (a joint p must pass the same)
        self.factor = [a / max(x.p, 1e-300) for x, a in zip(tested, adjusted, strict=True)]

    def rows(self, i: int) -> np.ndarray:
        return _rows(self.members, self.tested[i])

    def joint(self, items: list[int]) -> np.ndarray:
        """Each item's p fitted together with the others, in a fit leaning to its side
        (``dims.side_of``; one fit per side among the items)."""
        side = [dims.side_of(self.tested[k].log_effect) for k in items]
        out = np.full(len(items), np.nan)
        for lean in dict.fromkeys(side):
            ps = _joint_p(self.w, self.sigma, [self.rows(k) for k in items], lean)
            mine = np.array([s == lean for s in side])
            out[mine] = ps[mine]
        return out

    def stands(self, i: int, p_joint: float) -> bool:
        return bool(p_joint * self.factor[i] < self.fdr)

    def closest(self, i: int, among: list[int]) -> int:
        """The item of ``among`` that shares most incidents with item ``i``."""
        inside = np.zeros(len(self.w.inc), dtype=bool)
        inside[self.rows(i)] = True
        return among[int(np.argmax([int(inside[self.rows(k)].sum()) for k in among]))]

    def explainer(self, i: int, among: list[int]) -> int:
        """The item of ``among`` most tied to item ``i``, either way: the largest absolute correlation
        (phi) of their incidents. Girls answered milder are explained by boys answered stricter (no
        incident in common, phi near -1), not by a Friday that shares a fifth of their incidents."""
        n = len(self.w.inc)
        mine = np.zeros(n, dtype=bool)
        mine[self.rows(i)] = True
        a = mine.mean()

        def tie(k: int) -> float:
            other = np.zeros(n, dtype=bool)
            other[self.rows(k)] = True
            b = other.mean()
            spread = a * (1 - a) * b * (1 - b)
            return abs(float((mine & other).mean() - a * b)) / np.sqrt(spread) if spread > 0 else 0.0

        return among[int(np.argmax([tie(k) for k in among]))]


def attribute(
    w: Work, members: Members, tested: list[subj.Tested], adjusted: np.ndarray, fdr: float, sigma: float
) -> list[Verdict]:
    """Per tested item: still flagged, or explained by a flagged group or moment that fits the log better.

    Forward, from the clearest (smallest p) down: each next item is fitted together with those kept.
    If it does not stand there, but in that same fit it is clearer than the kept item it shares most
    incidents with, and it stands in that item's place, the two change places. (A class whose weekly
    lesson is most of some period: the period's own test can be the clearer, while fitted together
    the class explains the period and not the other way round.) Backward, at the end: every kept
    item must still stand fitted together with all the others kept; the least clear one that does
    not is explained by them, until all stand. An item that does not stand is said to be explained by
    the kept finding most tied to it (``_Attribution.explainer``).
    """
    state = _Attribution(w, members, tested, adjusted, fdr, sigma)
    verdicts = [
        Verdict(bool(p < fdr and item.p_guard < subj.GUARD_P))
        for item, p in zip(tested, adjusted, strict=True)
    ]
    order = sorted(
        (i for i, item in enumerate(tested) if verdicts[i].flagged and item.kind in ATTRIBUTABLE),
        key=lambda i: (tested[i].p, -tested[i].counts.n),
    )
    kept: list[int] = []
    joint_p: dict[int, float] = {}
    explained: dict[int, int] = {}
    for i in order:
        if not kept:
            kept.append(i)
            continue
        ps = state.joint([*kept, i])
        if state.stands(i, ps[-1]):
            kept.append(i)
            joint_p[i] = float(ps[-1])
            continue
        best = state.closest(i, kept)
        place = kept.index(best)
        if ps[-1] < ps[place]:
            swapped = [*kept[:place], *kept[place + 1 :], i]
            instead = state.joint(swapped)  # i in best's place
            if state.stands(i, instead[-1]):
                kept = swapped
                explained[best] = i
                joint_p[best] = float(ps[place])
                joint_p[i] = float(instead[-1])
                continue
        explained[i] = -1  # by the kept finding most tied to it (after the backward pass)
        joint_p[i] = float(ps[-1])
    while len(kept) > 1:
        ps = state.joint(kept)
        weak = [j for j in range(len(kept)) if not state.stands(kept[j], ps[j])]
        if not weak:
            joint_p.update({k: float(ps[j]) for j, k in enumerate(kept) if k in joint_p})
            break
        worst = max(weak, key=lambda j: ps[j] * state.factor[kept[j]])
        gone = kept.pop(worst)
        explained[gone] = -1
        joint_p[gone] = float(ps[worst])
    for i, k in explained.items():
        by = k if k in kept else state.explainer(i, kept)
        item = tested[by]
        verdicts[i] = Verdict(False, ((item.dimension, item.subject),), joint_p[i])
    for k in kept:
        if k in joint_p:
            verdicts[k] = Verdict(True, p_joint=joint_p[k])
    return verdicts


def _timetable_slots(lessons: pd.DataFrame | None, item: subj.Tested) -> pd.Series | None:
    """Lessons taught per weekly slot in the finding, from the stored timetable (None without one)."""
    if lessons is None or lessons.empty or "scheduled" not in lessons or not lessons["scheduled"].any():
        return None
    taught = lessons[lessons["scheduled"].astype(bool)]
    mine = taught[taught[item.dimension].astype(str) == item.subject]
    if mine.empty:
        return None
    return mine.groupby(["group", "weekday", "period"], sort=False).size().sort_values(ascending=False)


def _slot_aliases(
    w: Work, item: subj.Tested, rows: np.ndarray, lessons: pd.DataFrame | None = None
) -> list[tuple[str, str]]:
    """The weekly lessons (class|weekday|period) a weekday, period or small class consists of.

    With a stored timetable they are counted in lessons taught (calm lessons too, and lessons whose
    incidents were logged without a period); without one, in the finding's incidents.
    """
    if item.dimension not in ("weekday", "period", "group") or item.kind == "student":
        return []
    slots = _timetable_slots(lessons, item)
    if slots is None:
        inc = w.inc.iloc[rows]
        if inc.empty or not {"group", "weekday", "period"} <= set(inc.columns):
            return []
        slots = inc.groupby(["group", "weekday", "period"], sort=False).size().sort_values(ascending=False)
    share = slots.cumsum() / slots.sum()
    needed = int(np.searchsorted(share.to_numpy(), SLOT_COVER - 1e-9) + 1)
    limit = MAX_CLASS_SLOTS if item.dimension == "group" else MAX_SLOTS
    if needed > limit:
        return []
    chosen = slots.index[:needed]
    if any(UNKNOWN in (str(p), str(d)) for _, d, p in chosen):
        return []
    return [(SLOT, f"{g}|{d}|{p}") for g, d, p in chosen]


def _alias_columns(w: Work) -> list[tuple[str, str]]:
    """(dimension, incident column) of the classes, roster attributes and moments."""
    out = [("group", "group")]
    out += [(c[len(ATTR_PREFIX) :], c) for c in w.inc.columns if str(c).startswith(ATTR_PREFIX)]
    return out + [(m, m) for m in MOMENT_FACTORS if m in w.inc.columns]


def aliases(
    w: Work, members: Members, tested: list[subj.Tested], index: int, lessons: pd.DataFrame | None = None
) -> tuple[tuple[str, str], ...]:
    """What the log cannot separate from one flagged group or moment (see the module's text).

    ``lessons``: the frame's lessons; with a stored timetable the weekly slots come from them.
    """
    item = tested[index]
    if item.kind not in ATTRIBUTABLE:
        return ()
    mine = _rows(members, item)
    inside = np.zeros(len(w.inc), dtype=bool)
    inside[mine] = True
    out: list[tuple[str, str]] = []
    for dim, column in _alias_columns(w):
        if dim == item.dimension:
            continue
        codes, values = pd.factorize(w.inc[column].astype(str))
        sizes = np.bincount(codes, minlength=len(values))
        common = np.bincount(codes[inside], minlength=len(values))
        for j, value in enumerate(values):
            if value == UNKNOWN or sizes[j] < subj.MIN_INCIDENTS:
                continue
            if common[j] >= SAME_SHARE * len(mine) and common[j] >= SAME_SHARE * sizes[j]:
                out.append((dim, str(value)))
    out += _slot_aliases(w, item, mine, lessons)
    return tuple(dict.fromkeys(out))


def with_verdict(item: subj.Tested, verdict: Verdict) -> subj.Tested:
    """The tested item with its method saying how the attribution went."""
    if verdict.explained_by:
        dim, subject = verdict.explained_by[0]
        return replace(item, method=f"{item.method}; explained by {dim} = {subject} when fitted together")
    if verdict.leans_on_one and not verdict.flagged:
        return replace(
            item, method=f"{item.method}; not flagged: it does not hold without its most influential student"
        )
    if np.isfinite(verdict.p_joint):
        return replace(item, method=f"{item.method}; stands beside the clearer findings when fitted together")
    return item

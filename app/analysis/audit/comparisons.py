"""The comparisons of one audit: the joint model's design and every subject tested against the rest.

Students and classes (score tests of their own effect), attribute values and moments (Wald contrasts
with a step-down reference), terms (sets of months), rules and rule categories (at the same agreed
step). Each returns ``subjects.Tested`` items and a catalog of the codes and like-with-like tables
behind them; ``app.analysis.audit.run`` corrects them together and turns them into estimates.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse as sp

from app.analysis.audit import subjects as subj
from app.analysis.audit.exact import exact_deviation_test
from app.analysis.audit.explain import value_label
from app.analysis.audit.model import ModelData, ModelFit, cluster_scores, fit
from app.analysis.audit.newton import one_hot
from app.analysis.frame import ATTR_PREFIX, UNKNOWN, AuditFrame

#: moments entered in the joint model as fixed effects (the term is tested as a set of months)
MOMENT_FACTORS = ("weekday", "period", "month", "lesson_mood", "teacher_energy")
CONTEXT_DIMENSIONS = ("weekday", "period", "month", "term", "rule_category", "lesson_mood", "teacher_energy")
LOG_CAP = math.log(1e6)


@dataclass(frozen=True)
class _Factor:
    """One fixed-effect factor in the design: its name, levels and columns."""

    kind: str
    dimension: str
    column: str
    levels: tuple[str, ...]
    start: int


@dataclass(frozen=True)
class Work:
    """The testable incidents and their codes."""

    inc: pd.DataFrame
    y: np.ndarray
    stratum: np.ndarray
    n_strata: int
    can_up: np.ndarray
    can_down: np.ndarray


def work_set(frame: AuditFrame) -> Work:
    """Incidents where the ladder allows a deviation (not both at step 1 and at the top)."""
    inc = frame.incidents
    possible = (inc["agreed_step"] < inc["top_step"]) | (inc["agreed_step"] > 1)
    inc = inc[possible.to_numpy()].reset_index(drop=True)
    stratum, levels = pd.factorize(inc["stratum"])
    return Work(
        inc=inc,
        y=inc["deviation"].to_numpy(dtype=np.int64),
        stratum=stratum.astype(np.int64),
        n_strata=len(levels),
        can_up=(inc["agreed_step"] < inc["top_step"]).to_numpy(),
        can_down=(inc["agreed_step"] > 1).to_numpy(),
    )


def design(frame: AuditFrame, w: Work) -> tuple[ModelData, list[_Factor], np.ndarray, np.ndarray]:
    """The joint model's data: fixed factors with at least two levels, classes and students."""
    blocks, factors, start = [], [], 0
    specs = [("context", f, f) for f in MOMENT_FACTORS]
    specs += [("group", a, ATTR_PREFIX + a) for a in frame.attributes]
    for kind, dim, col in specs:
        codes, levels = pd.factorize(w.inc[col].astype(str))
        if len(levels) < 2:
            continue
        blocks.append(one_hot(codes, len(levels)))
        factors.append(_Factor(kind, dim, col, tuple(levels), start))
        start += len(levels)
    n = len(w.inc)
    fixed = sp.hstack(blocks, format="csr") if blocks else sp.csr_matrix((n, 0))
    # Students are nested in one class each (the class of most of their lessons; a student who moved
    # class mid-year keeps one), which the model's elimination of the class block relies on.
    pairs = w.inc.groupby(["student_id", "group"], sort=False).size().reset_index(name="n")
    main_class = pairs.sort_values("n", ascending=False, kind="stable").drop_duplicates("student_id")
    own_class = w.inc["student_id"].map(main_class.set_index("student_id")["group"])
    groups, group_levels = pd.factorize(own_class)
    units, unit_levels = pd.factorize(w.inc["student_id"])
    data = ModelData(
        y=w.y,
        stratum=w.stratum,
        n_strata=w.n_strata,
        can_up=w.can_up,
        can_down=w.can_down,
        fixed=fixed,
        groups=groups if len(group_levels) > 1 else None,
        n_groups=len(group_levels) if len(group_levels) > 1 else 0,
        units=units if len(unit_levels) > 1 else None,
        n_units=len(unit_levels) if len(unit_levels) > 1 else 0,
    )
    return data, factors, np.asarray(group_levels, dtype=object), np.asarray(unit_levels, dtype=object)


def students_per(w: Work, codes: np.ndarray, n: int) -> np.ndarray:
    """How many different students each code has among the incidents."""
    pairs = pd.DataFrame({"code": codes, "student": w.inc["student_id"].to_numpy()}).drop_duplicates()
    return np.bincount(pairs["code"].to_numpy(dtype=np.int64), minlength=n)


def collect_tested(
    kind: str,
    dim: str,
    names: Iterable[str],
    labels: Iterable[str],
    result: tuple[np.ndarray, ...],
    tables: subj.Tables,
    method: str,
    screen: float,
    students: np.ndarray | None = None,
    *,
    folded: bool = True,
) -> list[subj.Tested]:
    """Tested subjects of one dimension (enough incidents, information, and students for a group)."""
    p, b, lo, hi = result[:4]
    guard = result[4] if len(result) > 4 and not folded else None
    all_counts = tables.counts()
    names, labels = list(names), list(labels)
    eligible = [
        code
        for code, (name, counts) in enumerate(zip(names, all_counts, strict=True))
        if name != UNKNOWN
        and counts.n >= subj.MIN_INCIDENTS
        and np.isfinite(p[code])
        and (students is None or students[code] >= subj.MIN_GROUP_STUDENTS)
    ]
    if len(eligible) == 2:  # two values: one comparison (the smaller against the other), not two
        eligible = [min(eligible, key=lambda c: (all_counts[c].n, c))]
    out = []
    for code in eligible:
        name, label, counts = names[code], labels[code], all_counts[code]
        p_used, extra = subj.guard_small(float(p[code]), counts.n, tables, code, screen)
        how = method + ("; exact conditional test (few incidents)" if extra else "")
        clip: Callable[[float], float] = lambda v: float(np.clip(v, -LOG_CAP, LOG_CAP))  # noqa: E731
        out.append(
            subj.Tested(
                kind,
                dim,
                str(name),
                str(label),
                clip(b[code]),
                clip(lo[code]),
                clip(hi[code]),
                p_used,
                counts,
                how,
                code,
                float(guard[code]) if guard is not None else 0.0,
            )
        )
    return out


Catalog = dict[str, tuple[np.ndarray, subj.Tables]]
Members = dict[str, list[np.ndarray]]


def catalog_members(catalog: Catalog) -> Members:
    """Per catalog key, the incident rows of each subject code (grouped once, not per subject)."""
    out: Members = {}
    for key, (codes, tab) in catalog.items():
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(tab.subject.shape[0] + 1))
        out[key] = [order[bounds[j] : bounds[j + 1]] for j in range(tab.subject.shape[0])]
    return out


#: a group where one student holds at least half of the incidents is also tested without them
DOMINANT_SHARE = 0.5


def without_dominant_student(
    w: Work, codes: np.ndarray, items: list[subj.Tested], dominant: set[str], screen: float
) -> list[subj.Tested]:
    """A group finding must also hold, in exact like-with-like counts, without its dominant student.

    The joint model's one-step influence check underestimates how much one student who holds a large
    share of a small group's incidents moves the group's estimate (that student's own random effect
    stays small when the group effect explains them). So for such a group the student who contributes
    most deviations in the finding's direction is left out, with their incidents removed from the
    strata as well, and the exact conditional test must agree: the larger p-value is used. Students
    whose group finding fell this way (from below ``screen``) are added to ``dominant``: their own
    test then also looks at their exact counts (``own_or_exact``).
    """
    students = pd.factorize(w.inc["student_id"])[0].astype(np.int64)
    out = []
    for item in items:
        rows = np.flatnonzero(codes == item.code)
        sign = 1 if item.log_effect >= 0 else -1
        who, per_student = np.unique(students[rows], return_counts=True)
        if len(who) < 2:
            out.append(item)
            continue
        pushed = np.bincount(
            students[rows], weights=(w.y[rows] * sign).astype(float), minlength=who.max() + 1
        )
        top = int(who[np.argmax(pushed[who])])
        if pushed[top] <= 0 or per_student[who == top][0] < DOMINANT_SHARE * len(rows):
            out.append(item)
            continue
        mine = rows[students[rows] == top]
        theirs = subj.cross_tables(
            np.zeros(len(mine), dtype=np.int64), 1, w.stratum[mine], w.n_strata, w.y[mine]
        )
        group = subj.cross_tables((codes == item.code).astype(np.int64) - 1, 1, w.stratum, w.n_strata, w.y)
        p_without = exact_deviation_test(group.subject[0] - theirs.subject[0], group.total - theirs.total).p
        if p_without <= item.p:
            out.append(item)
            continue
        if item.p < screen:
            dominant.add(str(w.inc["student_id"].iloc[mine[0]]))
        how = item.method + "; exact conditional test without its dominant student"
        out.append(subj.Tested(**{**item.__dict__, "p": float(p_without), "method": how}))
    return out


def random_subjects(
    frame: AuditFrame,
    w: Work,
    data: ModelData,
    model: ModelFit,
    levels: tuple[np.ndarray, np.ndarray],
    want: Callable[[str], bool],
    screen: float,
    dominant: set[str],
) -> tuple[list[subj.Tested], Catalog]:
    """Students and classes: score tests of their own effect in the joint fit."""
    out: list[subj.Tested] = []
    tables: Catalog = {}
    group_levels, unit_levels = levels
    names = frame.students.set_index("student_id")["name"]
    for kind, dim, codes, n_sub, effects, subjects, labels in (
        (
            "student",
            "student",
            data.units,
            data.n_units,
            model.unit_effects,
            unit_levels,
            [names.get(s, s) for s in unit_levels],
        ),
        ("group", "group", data.groups, data.n_groups, model.group_effects, group_levels, group_levels),
    ):
        if codes is None or not want(dim):
            continue
        tab = subj.cross_tables(codes, n_sub, w.stratum, w.n_strata, w.y)
        tables[dim] = (codes, tab)
        clusters = data.units if kind == "group" else None
        res = subj.own_effect_tests(
            model, w.stratum, w.y, w.can_up, w.can_down, codes, n_sub, effects[codes], clusters
        )
        method = "joint model; score test of own effect"
        per = students_per(w, codes, n_sub) if kind == "group" else None
        items = collect_tested(kind, dim, subjects, labels, res, tab, method, screen, per)
        out += without_dominant_student(w, codes, items, dominant, screen) if kind == "group" else items
    return out, tables


def lever_of(data: ModelData, model: ModelFit, students: np.ndarray, n_students: int) -> subj.Lever:
    """Students x fixed effects: how far each student's incidents move each fixed-effect estimate."""
    start = 2 * len(model.alpha)
    scores = cluster_scores(data, model, students, n_students)
    return subj.Lever(scores, model.cov_dense[:, start : start + len(model.beta)])


def fixed_subjects(
    w: Work,
    data: ModelData,
    model: ModelFit,
    factors: list[_Factor],
    want: Callable[[str], bool],
    screen: float,
    dominant: set[str],
) -> tuple[list[subj.Tested], Catalog]:
    """Attribute values and moments (and terms as sets of months): Wald contrasts in the joint fit."""
    out: list[subj.Tested] = []
    tables: Catalog = {}
    beta, cov = model.beta, model.beta_cov
    lever = lever_of(data, model, data.units, data.n_units) if data.units is not None else None
    for f in factors:
        cols = np.arange(f.start, f.start + len(f.levels))
        codes = pd.Categorical(w.inc[f.column].astype(str), categories=list(f.levels)).codes.astype(np.int64)
        weights = np.bincount(codes, minlength=len(f.levels)).astype(float)
        sets = [(f.dimension, f.levels, [np.arange(len(f.levels)) == i for i in range(len(f.levels))], codes)]
        if f.dimension == "month":
            term_of = w.inc.groupby(f.column)["term"].first()
            terms = tuple(sorted(set(term_of)))
            masks = [np.array([term_of[m] == tm for m in f.levels]) for tm in terms]
            term_codes = pd.Categorical(w.inc["term"], categories=list(terms)).codes.astype(np.int64)
            sets.append(("term", terms, masks, term_codes))
        for dim, names, masks, sub_codes in sets:
            if not want(dim) or len(names) < 2:
                continue
            tab = subj.cross_tables(sub_codes, len(names), w.stratum, w.n_strata, w.y)
            tables[dim] = (sub_codes, tab)
            res = subj.level_contrasts(
                beta, cov, cols, weights, masks, lever.columns(cols) if lever is not None else None
            )
            per = students_per(w, sub_codes, len(names)) if f.kind == "group" else None
            method = "joint model; Wald contrast against the other values"
            labels = [value_label(dim, str(name)) for name in names]
            items = collect_tested(f.kind, dim, names, labels, res, tab, method, screen, per)
            out += (
                without_dominant_student(w, sub_codes, items, dominant, screen)
                if f.kind == "group"
                else items
            )
    return out, tables


def own_or_exact(
    w: Work, items: list[subj.Tested], catalog: Catalog, dominant: set[str]
) -> list[subj.Tested]:
    """A student on whom a group's effect rested is tested on their own exact counts too (smaller p).

    The joint model then gave the group effect to the group and left the student's own effect small;
    with the group finding withdrawn (``without_dominant_student``), the pattern belongs to the
    student, and the exact conditional test of their like-with-like counts is the fair test of it.
    The effect and interval then come from the same comparison: the student's shift against everyone
    at the same rule and strike (rule x strike baselines, weak prior), so they agree with the p-value.
    """
    if not dominant or "student" not in catalog:
        return items
    _, tab = catalog["student"]
    out = []
    for item in items:
        if item.kind != "student" or item.subject not in dominant:
            out.append(item)
            continue
        exact = subj.exact_p(tab, item.code)
        if exact >= item.p:
            out.append(item)
            continue
        mine = (catalog["student"][0] == item.code).astype(float)
        alone = fit(
            ModelData(
                y=w.y,
                stratum=w.stratum,
                n_strata=w.n_strata,
                can_up=w.can_up,
                can_down=w.can_down,
                fixed=sp.csr_matrix(mine[:, None]),
            )
        )
        b, se = float(alone.beta[0]), math.sqrt(max(float(alone.beta_cov[0, 0]), 1e-12))
        clip: Callable[[float], float] = lambda v: float(np.clip(v, -LOG_CAP, LOG_CAP))  # noqa: E731
        how = "exact conditional test (the effect of its group rests on this student)"
        changes = {"p": float(exact), "method": how, "log_effect": clip(b)}
        changes |= {"log_low": clip(b - subj.Z95 * se), "log_high": clip(b + subj.Z95 * se)}
        out.append(subj.Tested(**{**item.__dict__, **changes}))
    return out

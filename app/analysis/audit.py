"""The audit: is the same rule, at the same strike, answered more strictly or mildly for some?

``audit(tables)`` fits one joint model (``app.analysis.model``) with rule x strike strata, student and
class effects with shrinkage, and attribute values and moments as fixed effects; tests every student,
class, attribute value and moment against the rest (``app.analysis.subjects``), and every rule and rule
category against the others at the same agreed step; corrects all tests of the audit together
(Benjamini-Hochberg); and adds the descriptive estimates beside the flags (adherence, escalation,
noticing, praise, moments, weekly trend). Method and measured error rates: docs/audit.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse as sp

from app.analysis import subjects as subj
from app.analysis.explain import explain, value_label
from app.analysis.frame import ATTR_PREFIX, UNKNOWN, AuditFrame, build_frame
from app.analysis.model import ModelData, ModelFit, cluster_scores, fit, one_hot
from app.analysis.results import AuditReport, Estimate, StudentStrictness
from app.analysis.stats import bh_adjust
from app.errors import UserError
from app.i18n import t

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
class _Work:
    """The testable incidents and their codes."""

    inc: pd.DataFrame
    y: np.ndarray
    stratum: np.ndarray
    n_strata: int
    can_up: np.ndarray
    can_down: np.ndarray


def _check_fdr(fdr: float) -> float:
    """The false discovery rate must lie strictly between 0 and 1."""
    try:
        q = float(fdr)
    except (TypeError, ValueError):
        q = math.nan
    if not 0 < q < 1:
        raise UserError(
            t("--fdr moet tussen 0 en 1 liggen, niet {q}.", "--fdr must be between 0 and 1, not {q}.", q=fdr)
        )
    return q


def _work(frame: AuditFrame) -> _Work:
    """Incidents where the ladder allows a deviation (not both at step 1 and at the top)."""
    inc = frame.incidents
    possible = (inc["agreed_step"] < inc["top_step"]) | (inc["agreed_step"] > 1)
    inc = inc[possible.to_numpy()].reset_index(drop=True)
    stratum, levels = pd.factorize(inc["stratum"])
    return _Work(
        inc=inc,
        y=inc["deviation"].to_numpy(dtype=np.int64),
        stratum=stratum.astype(np.int64),
        n_strata=len(levels),
        can_up=(inc["agreed_step"] < inc["top_step"]).to_numpy(),
        can_down=(inc["agreed_step"] > 1).to_numpy(),
    )


def _design(frame: AuditFrame, w: _Work) -> tuple[ModelData, list[_Factor], np.ndarray, np.ndarray]:
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


def _students_per(w: _Work, codes: np.ndarray, n: int) -> np.ndarray:
    """How many different students each code has among the incidents."""
    pairs = pd.DataFrame({"code": codes, "student": w.inc["student_id"].to_numpy()}).drop_duplicates()
    return np.bincount(pairs["code"].to_numpy(dtype=np.int64), minlength=n)


def _tested(
    kind: str,
    dim: str,
    names: Iterable[str],
    labels: Iterable[str],
    result: tuple[np.ndarray, ...],
    tables: subj.Tables,
    method: str,
    screen: float,
    students: np.ndarray | None = None,
) -> list[subj.Tested]:
    """Tested subjects of one dimension (enough incidents, information, and students for a group)."""
    p, b, lo, hi = result
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
        clip = lambda v: float(np.clip(v, -LOG_CAP, LOG_CAP))  # noqa: E731
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
            )
        )
    return out


Catalog = dict[str, tuple[np.ndarray, subj.Tables]]


def _random_subjects(  # type: ignore[no-untyped-def]
    frame: AuditFrame,
    w: _Work,
    data: ModelData,
    model: ModelFit,
    levels: tuple[np.ndarray, np.ndarray],
    want,
    screen: float,
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
        per = _students_per(w, codes, n_sub) if kind == "group" else None
        out += _tested(kind, dim, subjects, labels, res, tab, method, screen, per)
    return out, tables


def _lever(data: ModelData, model: ModelFit, students: np.ndarray, n_students: int) -> np.ndarray:
    """Students x fixed effects: how far each student's incidents move each fixed-effect estimate."""
    start = 2 * len(model.alpha)
    scores = cluster_scores(data, model, students, n_students)
    return scores @ model.cov_dense[:, start : start + len(model.beta)]


def _fixed_subjects(  # type: ignore[no-untyped-def]
    w: _Work, data: ModelData, model: ModelFit, factors: list[_Factor], want, screen: float
) -> tuple[list[subj.Tested], Catalog]:
    """Attribute values and moments (and terms as sets of months): Wald contrasts in the joint fit."""
    out: list[subj.Tested] = []
    tables: Catalog = {}
    beta, cov = model.beta, model.beta_cov
    lever = _lever(data, model, data.units, data.n_units) if data.units is not None else None
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
                beta, cov, cols, weights, masks, lever[:, cols] if lever is not None else None
            )
            per = _students_per(w, sub_codes, len(names)) if f.kind == "group" else None
            method = "joint model; Wald contrast against the other values"
            labels = [value_label(dim, str(name)) for name in names]
            out += _tested(f.kind, dim, names, labels, res, tab, method, screen, per)
    return out, tables


def _rule_subjects(w: _Work, model: ModelFit, want, screen: float) -> tuple[list[subj.Tested], Catalog]:  # type: ignore[no-untyped-def]
    """Rules and rule categories against the others at the same agreed step, subject effects as offset."""
    out: list[subj.Tested] = []
    tables: Catalog = {}
    stratum, strata = pd.factorize(w.inc["agreed_step"])
    stratum = stratum.astype(np.int64)
    for kind, dim, col in (("rule", "rule", "rule"), ("context", "rule_category", "category")):
        codes, levels = pd.factorize(w.inc[col].astype(str))
        codes = codes.astype(np.int64)
        if len(levels) < 2 or not want(dim):
            continue
        data = ModelData(
            y=w.y,
            stratum=stratum,
            n_strata=len(strata),
            can_up=w.can_up,
            can_down=w.can_down,
            fixed=one_hot(codes, len(levels)),
            offset=model.eta,
        )
        rule_fit = fit(data)
        weights = np.bincount(codes, minlength=len(levels)).astype(float)
        masks = [np.arange(len(levels)) == i for i in range(len(levels))]
        students, n_students = pd.factorize(w.inc["student_id"])
        lever = _lever(data, rule_fit, students.astype(np.int64), len(n_students))
        res = subj.level_contrasts(
            rule_fit.beta, rule_fit.beta_cov, np.arange(len(levels)), weights, masks, lever
        )
        tab = subj.cross_tables(codes, len(levels), stratum, len(strata), w.y)
        tables[dim] = (codes, tab)
        labels = [value_label(dim, str(name)) for name in levels]
        for item in _tested(
            kind, dim, levels, labels, res, tab, "rule model at the same agreed step; Wald contrast", screen
        ):
            out.append(
                item if kind != "rule" else subj.Tested(**{**item.__dict__, "dimension": item.subject})
            )
    return out, tables


def _urgent(on_safety: np.ndarray) -> bool:
    """Safety matters: at least two of the deviating incidents, and a fifth of them, on safety rules."""
    return bool(on_safety.sum() >= 2 and on_safety.mean() >= 0.2)


def _key(item: subj.Tested) -> str:
    """The catalog key of a tested subject's dimension."""
    return "rule" if item.kind == "rule" else item.dimension


def _estimates(w: _Work, tested: list[subj.Tested], catalog: Catalog, fdr: float) -> tuple[Estimate, ...]:
    """Estimates after the Benjamini-Hochberg correction over every test of this audit."""
    if not tested:
        return ()
    adjusted = bh_adjust([min(1.0, max(0.0, x.p)) for x in tested])
    ids = w.inc["incident_id"].to_numpy()
    safety = (w.inc["category"] == "safety").to_numpy()
    members: dict[str, list[np.ndarray]] = {}
    for key, (codes, tab) in catalog.items():
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(tab.subject.shape[0] + 1))
        members[key] = [order[bounds[j] : bounds[j + 1]] for j in range(tab.subject.shape[0])]
    out = []
    for item, p_adj in zip(tested, adjusted, strict=True):
        direction = "stricter" if item.log_effect > 0 else "milder"
        rows = members[_key(item)][item.code]
        dev = w.y[rows]
        mine = rows[dev == (1 if direction == "stricter" else -1)]
        flagged = bool(p_adj <= fdr)
        effect, low, high = math.exp(item.log_effect), math.exp(item.log_low), math.exp(item.log_high)
        text = explain(
            item.kind,
            item.dimension,
            item.subject,
            direction,
            item.counts,
            effect=effect,
            ci_low=low,
            ci_high=high,
            p_adjusted=p_adj,
            flagged=flagged,
        )
        out.append(
            Estimate(
                kind=item.kind,
                dimension=item.dimension,
                subject=item.subject,
                label=item.label,
                direction=direction,
                effect=effect,
                ci_low=low,
                ci_high=high,
                n=item.counts.n,
                p=float(item.p),
                p_adjusted=float(p_adj),
                flagged=flagged,
                explanation=text,
                counts=item.counts,
                urgent=_urgent(safety[mine]),
                incident_ids=tuple(int(i) for i in ids[mine]),
                method=item.method,
            )
        )
    return tuple(out)


def _student_funnel(
    frame: AuditFrame, model: ModelFit, units: np.ndarray, catalog: Catalog
) -> tuple[StudentStrictness, ...]:
    """Every student's shrunken strictness (joint model) and like-with-like counts, for the funnel."""
    if "student" not in catalog or not len(model.unit_effects):
        return ()
    _, tab = catalog["student"]
    names = dict(zip(frame.students["student_id"], frame.students["name"], strict=True))
    groups = dict(zip(frame.students["student_id"], frame.students["group"], strict=True))
    sds = np.sqrt(np.maximum(model.unit_var, 1e-12))
    out = []
    for j, counts in enumerate(tab.counts()):
        sid = str(units[j])
        score, sd = float(model.unit_effects[j]), float(sds[j])
        out.append(
            StudentStrictness(
                subject=sid,
                label=str(names.get(sid, sid)),
                group=str(groups.get(sid, "")),
                n=counts.n,
                stricter=counts.stricter,
                milder=counts.milder,
                expected_stricter=counts.expected_stricter,
                expected_milder=counts.expected_milder,
                score=score,
                ci_low=score - subj.Z95 * sd,
                ci_high=score + subj.Z95 * sd,
            )
        )
    return tuple(out)


def _beside(frame: AuditFrame) -> tuple[dict[str, Any], list[str]]:
    """The descriptive estimates beside the flags, from their own modules."""
    from app.analysis.adherence import rule_adherence
    from app.analysis.escalation import escalation
    from app.analysis.moments import moment_cells
    from app.analysis.noticing import noticing
    from app.analysis.praise import praise_balance
    from app.analysis.trends import weekly

    parts = {
        "adherence": rule_adherence,
        "escalation": escalation,
        "noticing": noticing,
        "praise": praise_balance,
        "moments": moment_cells,
        "weekly": weekly,
    }
    return {name: func(frame) for name, func in parts.items()}, []


def audit(
    source: Mapping[str, pd.DataFrame] | AuditFrame,
    *,
    fdr: float = 0.05,
    date_from: Any = None,
    date_to: Any = None,
    dimensions: Iterable[str] | None = None,
) -> AuditReport:
    """Audit a log (``Store.read_tables()`` or an ``AuditFrame``): estimates, flags and descriptions.

    ``dimensions`` limits the tests to these dimension names ('student', 'group', an attribute name,
    'weekday', 'period', 'month', 'term', 'rule_category', 'lesson_mood', 'teacher_energy', 'rule');
    the model always adjusts for all of them.
    """
    q = _check_fdr(fdr)
    frame = (
        source
        if isinstance(source, AuditFrame)
        else build_frame(source, date_from=date_from, date_to=date_to)
    )
    chosen = None if dimensions is None else set(dimensions)
    unknown = (chosen or set()) - {"student", "group", "rule", *CONTEXT_DIMENSIONS, *frame.attributes}
    if unknown:
        raise UserError(
            t("Onbekende dimensie: {d}.", "Unknown dimension: {d}.", d=", ".join(sorted(unknown)))
        )

    def want(dim: str) -> bool:
        return chosen is None or dim in chosen

    notes: list[str] = []
    estimates: tuple[Estimate, ...] = ()
    funnel: tuple[StudentStrictness, ...] = ()
    w = _work(frame)
    if frame.empty:
        notes.append(
            t("Er zijn nog geen incidenten in deze periode.", "There are no incidents in this period yet.")
        )
    elif w.inc.empty:
        notes.append(
            t(
                "De ladder laat geen afwijking toe (één stap): er valt niets te vergelijken.",
                "The ladder allows no deviation (one step): there is nothing to compare.",
            )
        )
    else:
        screen = q  # a p-value at or above q can never be flagged: the exact test cannot matter there
        data, factors, group_levels, unit_levels = _design(frame, w)
        model = fit(data)
        found, catalog = _random_subjects(frame, w, data, model, (group_levels, unit_levels), want, screen)
        more, cat2 = _fixed_subjects(w, data, model, factors, want, screen)
        rules, cat3 = _rule_subjects(w, model, want, screen)
        catalog.update(cat2)
        catalog.update(cat3)
        estimates = _estimates(w, found + more + rules, catalog, q)
        funnel = _student_funnel(frame, model, unit_levels, catalog)
        if not model.converged:
            notes.append(
                t(
                    "Het model kwam niet helemaal tot rust; lees de uitkomsten voorzichtig.",
                    "The model did not fully converge; read the results with care.",
                )
            )
    beside, more_notes = _beside(frame)
    notes += more_notes
    return AuditReport(
        date_from=frame.date_from,
        date_to=frame.date_to,
        n_incidents=len(frame.incidents),
        n_students=int(frame.incidents["student_id"].nunique()),
        n_lessons=len(frame.lessons),
        n_praise=len(frame.praise),
        fdr=q,
        estimates=estimates,
        students=funnel,
        notes=tuple(notes),
        **beside,
    )

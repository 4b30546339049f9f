"""Groups and moments, one dimension at a time, with every student's own treatment modelled.

In a real timetable a class meets its teacher in fixed weekly slots, so weekday, period and class are
nearly the same incidents. A model that adjusts every moment for all the others then widens every
moment's interval until nothing can be flagged (docs/audit.md, "Groups and moments"). So each
dimension (the class, every roster attribute, weekday, period, month and term, lesson mood, teacher
energy) is tested in its own fit: the rule x strike strata, a random effect for every student (a
human teacher treats students unevenly; that variation must not become a group finding), and the one
dimension as fixed effects. Each value is compared with the incident-weighted mean of the other
values (Wald contrast with a step-down reference, ``subjects.level_contrasts``), must hold without
its most influential student, and small groups must also pass the exact conditional test.

Which of several overlapping flagged patterns explains the others is decided afterwards
(``app.analysis.audit.attribution``), not by silencing all of them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from app.analysis.audit import subjects as subj
from app.analysis.audit.comparisons import (
    MOMENT_FACTORS,
    Catalog,
    Work,
    collect_tested,
    students_per,
    without_dominant_student,
)
from app.analysis.audit.explain import value_label
from app.analysis.audit.model import ModelData, ModelFit, cluster_scores, fit
from app.analysis.audit.newton import one_hot
from app.analysis.frame import ATTR_PREFIX, AuditFrame


@dataclass(frozen=True)
class Dimension:
    """One dimension tested on its own: what it is and which incident column holds its values."""

    kind: str  #: 'group' (class, attribute) or 'context' (moment)
    dimension: str
    column: str


def dimensions_of(frame: AuditFrame) -> list[Dimension]:
    """The class, the roster attributes and the moments, in the order they are reported."""
    out = [Dimension("group", "group", "group")]
    out += [Dimension("group", name, ATTR_PREFIX + name) for name in frame.attributes]
    out += [Dimension("context", name, name) for name in MOMENT_FACTORS]
    return out


def student_codes(w: Work) -> tuple[np.ndarray, int]:
    """Student codes of the testable incidents and how many students there are."""
    codes, levels = pd.factorize(w.inc["student_id"])
    return codes.astype(np.int64), len(levels)


def dimension_fit(
    w: Work, codes: np.ndarray, n_levels: int, base: ModelFit, students: tuple[np.ndarray, int]
) -> tuple[ModelData, ModelFit]:
    """Strata, student effects (the joint fit's prior spread) and one factor's levels as fixed effects."""
    units, n_units = students
    data = ModelData(
        y=w.y,
        stratum=w.stratum,
        n_strata=w.n_strata,
        can_up=w.can_up,
        can_down=w.can_down,
        fixed=one_hot(codes, n_levels),
        units=units if n_units > 1 else None,
        n_units=n_units if n_units > 1 else 0,
    )
    return data, fit(data, (base.sigma,), warm=base, student_variances=False)


def dimension_subjects(
    frame: AuditFrame,
    w: Work,
    base: ModelFit,
    want: Callable[[str], bool],
    screen: float,
    dominant: set[str],
) -> tuple[list[subj.Tested], Catalog]:
    """Every value of every group or moment dimension, tested in its dimension's own fit."""
    out: list[subj.Tested] = []
    tables: Catalog = {}
    students = student_codes(w)
    for dim in dimensions_of(frame):
        if dim.column not in w.inc.columns:
            continue
        values = w.inc[dim.column].astype(str)
        codes, found = pd.factorize(values)
        codes = codes.astype(np.int64)
        levels = tuple(str(v) for v in found)
        sets: list[tuple[str, tuple[Any, ...], list[np.ndarray], np.ndarray]] = [
            (dim.dimension, levels, [np.arange(len(levels)) == i for i in range(len(levels))], codes)
        ]
        if dim.dimension == "month":
            term_of = w.inc.groupby(values.to_numpy())["term"].first()
            terms = tuple(sorted(set(term_of)))
            masks = [np.array([term_of[m] == tm for m in levels]) for tm in terms]
            term_codes = pd.Categorical(w.inc["term"], categories=list(terms)).codes.astype(np.int64)
            sets.append(("term", terms, masks, term_codes))
        sets = [s for s in sets if want(s[0]) and len(s[1]) >= 2]
        if len(levels) < 2 or not sets:
            continue
        data, model = dimension_fit(w, codes, len(levels), base, students)
        weights = np.bincount(codes, minlength=len(levels)).astype(float)
        columns = np.arange(len(levels))
        lever: subj.Lever | None = None
        if data.units is not None:
            lever = subj.Lever(
                cluster_scores(data, model, data.units, data.n_units),
                model.cov_dense[:, 2 * len(model.alpha) : 2 * len(model.alpha) + len(levels)],
            )
        for name, names, masks, sub_codes in sets:
            tab = subj.cross_tables(sub_codes, len(names), w.stratum, w.n_strata, w.y)
            tables[name] = (sub_codes, tab)
            res = subj.level_contrasts(model.beta, model.beta_cov, columns, weights, masks, lever, fold=False)
            per = students_per(w, sub_codes, len(names)) if dim.kind == "group" else None
            method = "own fit per dimension with student effects; Wald contrast against the other values"
            labels = [value_label(name, str(v)) for v in names]
            items = collect_tested(dim.kind, name, names, labels, res, tab, method, screen, per, folded=False)
            if dim.kind == "group":
                items = without_dominant_student(w, sub_codes, items, dominant, screen)
            out += items
    return out, tables

"""Groups and moments, one dimension at a time, with every student's own treatment modelled.

In a real timetable a class meets its teacher in fixed weekly slots, so weekday, period and class are
nearly the same incidents. A model that adjusts every moment for all the others then widens every
moment's interval until nothing can be flagged (docs/audit.md, "Groups and moments"). So each
dimension (the class, every roster attribute, weekday, period, month and term, lesson mood, teacher
energy) is tested in its own fit: the rule x strike strata, a random effect for every student (a
human teacher treats students unevenly; that variation must not become a group finding), and the one
dimension as fixed effects, every shift leaning to the stricter side (``LEANING``; a second fit
leaning to the milder side, ``one_sided``, was measured and not kept). Each value is compared with
the incident-weighted mean of the other values (Wald contrast with a step-down reference,
``subjects.level_contrasts``), must hold without its most influential student, and small groups must
also pass the exact conditional test.

Which of several overlapping flagged patterns explains the others is decided afterwards
(``app.analysis.audit.attribution``), not by silencing all of them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
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


#: a group's or moment's own fit leans to one side: its shift moves the other side's log-odds by this
#: share. A teacher harder on boys or on Fridays need not also let them off less often (and one who
#: lets a group off need not also be less often harder on it); a shift that weighs both sides fully
#: hears that side as noise (docs/audit.md, point 2 and "Answers drawn another way").
LEANING = 0.5
#: the sides a group's or moment's fits lean to. Only the stricter side ships: a second fit leaning to
#: the milder side (``one_sided`` combines the two) found milder patterns more often, but also made
#: the class of one strongly milder student a milder finding (docs/audit.md, "Answers drawn another
#: way"); ``bench/methods.py`` ``leaning_half`` measures it.
SIDES: tuple[str, ...] = ("stricter",)


def sides(side: str) -> tuple[float, float]:
    """``ModelData.sides`` of a fit leaning to ``side`` ('stricter' or 'milder')."""
    return (1.0, LEANING) if side == "stricter" else (LEANING, 1.0)


def side_of(log_effect: float) -> str:
    """The side of the fit a tested shift was judged in: its own side, if a fit leans that way."""
    side = "stricter" if log_effect > 0 else "milder"
    return side if side in SIDES else SIDES[0]


def one_sided(stricter: np.ndarray, milder: np.ndarray) -> np.ndarray:
    """Per value, the (p, log effect, low, high, p without the most influential student) of the side
    whose own fit hears it best: the stricter-leaning fit's test if it finds the value stricter, the
    milder-leaning fit's if it finds it milder, whichever has the smaller p. Each p is two-sided, so
    the smaller of the two is twice the smaller one-sided p: a Bonferroni correction over the two
    sides, exact when both fits weigh the sides alike. A value neither fit finds on its own side
    gets p = 1. Effects and limits are always the log odds ratio of a stricter rather than the agreed
    answer (the milder-leaning fit's shift times ``LEANING``), so they mean the same whichever fit
    gave them, also where the ladder allows nothing milder.
    """
    milder = milder.copy()
    milder[1:4] *= LEANING  # its shift of "stricter rather than agreed": one scale for every estimate
    p_up = np.where(np.isnan(stricter[0]), np.nan, np.where(stricter[1] > 0, stricter[0], 1.0))
    p_down = np.where(np.isnan(milder[0]), np.nan, np.where(milder[1] < 0, milder[0], 1.0))
    take = np.nan_to_num(p_down, nan=2.0) < np.nan_to_num(p_up, nan=2.0)
    out = np.where(take[None, :], milder, stricter).astype(float)
    out[0] = np.where(take, p_down, p_up)
    out[4] = np.fmax(out[4], out[0])
    return out


def student_codes(w: Work) -> tuple[np.ndarray, int]:
    """Student codes of the testable incidents and how many students there are."""
    codes, levels = pd.factorize(w.inc["student_id"])
    return codes.astype(np.int64), len(levels)


def dimension_fit(
    w: Work,
    codes: np.ndarray,
    n_levels: int,
    base: ModelFit,
    students: tuple[np.ndarray, int],
    side: str = "stricter",
) -> tuple[ModelData, ModelFit]:
    """Strata, student effects (the joint fit's prior spread) and one factor's levels as fixed effects,
    every shift leaning to ``side``."""
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
        sides=sides(side),
    )
    return data, fit(data, (base.sigma,), warm=base, student_variances=False)


def _side_fit(
    w: Work, codes: np.ndarray, n_levels: int, base: ModelFit, students: tuple[np.ndarray, int], side: str
) -> tuple[ModelFit, subj.Lever | None]:
    """One dimension's fit leaning to ``side``, with how each student moves its estimates."""
    data, model = dimension_fit(w, codes, n_levels, base, students, side)
    if data.units is None:
        return model, None
    start = 2 * len(model.alpha)
    lever = subj.Lever(
        cluster_scores(data, model, data.units, data.n_units),
        model.cov_dense[:, start : start + n_levels],
    )
    return model, lever


def _leaning(item: subj.Tested) -> subj.Tested:
    """The tested value with its method naming the side its fit leaned to."""
    return replace(item, method=f"{item.method}, fitted leaning to the {side_of(item.log_effect)} side")


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
        weights = np.bincount(codes, minlength=len(levels)).astype(float)
        columns = np.arange(len(levels))
        fits = [_side_fit(w, codes, len(levels), base, students, side) for side in SIDES]
        for name, names, masks, sub_codes in sets:
            tab = subj.cross_tables(sub_codes, len(names), w.stratum, w.n_strata, w.y)
            tables[name] = (sub_codes, tab)
            (first, lv_first), *more = fits
            res = subj.level_contrasts(
                first.beta, first.beta_cov, columns, weights, masks, lv_first, fold=False,
                also=[(m.beta, m.beta_cov, lv) for m, lv in more], combine=one_sided if more else None,
            )  # fmt: skip
            per = students_per(w, sub_codes, len(names)) if dim.kind == "group" else None
            method = "own fit per dimension with student effects; Wald contrast against the other values"
            labels = [value_label(name, str(v)) for v in names]
            items = collect_tested(dim.kind, name, names, labels, res, tab, method, screen, per, folded=False)
            items = [_leaning(x) for x in items]
            if dim.kind == "group":
                items = without_dominant_student(w, sub_codes, items, dominant, screen)
            out += items
    return out, tables

"""Rules and rule categories against the others at the same agreed step (the audit's last comparisons).

Subject effects of the joint model enter as an offset, so a rule is not flagged for the students who
happen to break it; ``app.analysis.audit.run`` corrects these tests together with the others.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from app.analysis.audit import subjects as subj
from app.analysis.audit.comparisons import Catalog, Work, collect_tested, lever_of
from app.analysis.audit.explain import value_label
from app.analysis.audit.model import ModelData, ModelFit, fit
from app.analysis.audit.newton import one_hot


def rule_subjects(
    w: Work, model: ModelFit, want: Callable[[str], bool], screen: float
) -> tuple[list[subj.Tested], Catalog]:
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
        lever = lever_of(data, rule_fit, students.astype(np.int64), len(n_students))
        res = subj.level_contrasts(
            rule_fit.beta, rule_fit.beta_cov, np.arange(len(levels)), weights, masks, lever
        )
        tab = subj.cross_tables(codes, len(levels), stratum, len(strata), w.y)
        tables[dim] = (codes, tab)
        labels = [value_label(dim, str(name)) for name in levels]
        for item in collect_tested(
            kind, dim, levels, labels, res, tab, "rule model at the same agreed step; Wald contrast", screen
        ):
            out.append(
                item if kind != "rule" else subj.Tested(**{**item.__dict__, "dimension": item.subject})
            )
    return out, tables

"""Simulated follow-up after the consequences of a simulated year (issue #16), for the evenness question.

``with_follow_ups(tables, seed, ...)`` adds a ``follow_ups`` table of the shape ``Store.read_tables()``
returns: every consequence (a ladder step of kind 'consequence') gets a follow-up; the student is spoken
with within a day; the parents are informed with a probability that depends on the step (heavier
steps: more often), on the student (a human teacher knows some families better: a normal shift of
the log-odds with sd ``heterogeneity``), and on what is planted: a class (``klass``, log-odds, default
the second class) or the roster attribute ``gender = m`` (``attribute``) informed more or less often;
``sooner`` makes that class's parents informed faster (the delay divided by ``exp(sooner)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: log-odds of 'parents informed' per consequence step, counted from the first consequence step
STEP_BASE = (-0.2, 0.7, 1.8)
MEAN_DELAY_DAYS = 2.0
#: the columns of the store's ``follow_ups`` table (``Store.read_tables()``)
COLUMNS = ("incident_id", "student_told_at", "parents_at")


def no_follow_ups() -> pd.DataFrame:
    """An empty ``follow_ups`` table: a simulated year before any follow-up is simulated."""
    import pandas as pd

    return pd.DataFrame(
        {c: pd.Series([], dtype="int64" if c == "incident_id" else "datetime64[ns]") for c in COLUMNS}
    )


def with_follow_ups(
    tables: Mapping[str, pd.DataFrame],
    seed: int = 0,
    *,
    klass: float = 0.0,
    klass_name: str = "",
    attribute: float = 0.0,
    sooner: float = 0.0,
    heterogeneity: float = 0.5,
) -> dict[str, pd.DataFrame]:
    """The tables with a simulated ``follow_ups`` table for every consequence."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    out = dict(tables)
    ladder = tables["ladder"]
    consequence_levels = sorted(int(lv) for lv in ladder.loc[ladder["kind"] == "consequence", "level"])
    inc = tables["incidents"]
    cons = inc[inc["step"].isin(consequence_levels)].reset_index(drop=True)
    students = tables["students"].set_index("student_id")
    groups = list(dict.fromkeys(students["group"]))
    planted_class = klass_name or (groups[1] if len(groups) > 1 else groups[0])
    attrs = tables["attributes"]
    boys = set(attrs.loc[(attrs["attribute"] == "gender") & (attrs["value"] == "m"), "student_id"])
    shift = {sid: rng.normal(0.0, heterogeneity) for sid in students.index}

    step_index = {lv: i for i, lv in enumerate(consequence_levels)}
    base = np.array([STEP_BASE[min(step_index[int(s)], len(STEP_BASE) - 1)] for s in cons["step"]])
    sid = cons["student_id"].astype(str)
    in_class = sid.map(students["group"]).eq(planted_class).to_numpy()
    logit = base + sid.map(shift).to_numpy(dtype=float) + klass * in_class
    logit = logit + attribute * sid.isin(boys).to_numpy()
    informed = rng.random(len(cons)) < 1.0 / (1.0 + np.exp(-logit))
    delay = rng.exponential(MEAN_DELAY_DAYS, len(cons)) / np.where(in_class, np.exp(sooner), 1.0)
    told = rng.uniform(0.05, 1.0, len(cons))
    occurred = pd.to_datetime(cons["occurred_at"])
    rows = []
    for i in range(len(cons)):
        at = occurred.iloc[i].to_pydatetime()
        told_at = at + timedelta(days=float(told[i]))
        parents_at = told_at + timedelta(days=float(delay[i])) if informed[i] else None
        rows.append(
            {
                "incident_id": int(cons["incident_id"].iloc[i]),
                "student_told_at": told_at,
                "parents_at": parents_at,
            }
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("student_told_at", "parents_at"):
        frame[col] = pd.to_datetime(frame[col])
    out["follow_ups"] = frame
    return out

"""Who gets noticed: incidents per lesson per student and per group, with exact Poisson funnel limits.

This is about how often incidents are logged, not how they were answered: a student who is noticed
often is not treated more strictly by that fact (the audit compares like with like for that). The
exposure of a student is the number of lessons of their class in the period; a group's exposure is
the sum over its students. The funnel is centred on the overall rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from app.analysis.estimates.escalation import UNKNOWN, dimension_columns
from app.analysis.results import NoticingPoint
from app.analysis.stats import poisson_control_limits_many

if TYPE_CHECKING:
    import pandas as pd

    from app.analysis.frame import AuditFrame

LEVELS = (0.95, 0.998)


def _points(
    kind: str,
    dimension: str,
    keys: Sequence[tuple[str, str]],
    lessons: np.ndarray,
    incidents: np.ndarray,
    rate: float,
) -> list[NoticingPoint]:
    """Points for (subject, label) keys with their exposures and counts, limits computed at once."""
    expected = rate * lessons
    low95, high95 = poisson_control_limits_many(expected, LEVELS[0])
    low998, high998 = poisson_control_limits_many(expected, LEVELS[1])
    position = np.where(incidents > high998, "above", np.where(incidents < low998, "below", "within"))
    out = []
    for i, (subject, label) in enumerate(keys):
        n_lessons = int(lessons[i])
        out.append(
            NoticingPoint(
                kind=kind,
                dimension=dimension,
                subject=subject,
                label=label,
                lessons=n_lessons,
                incidents=int(incidents[i]),
                rate=float(incidents[i]) / n_lessons,
                expected=rate,
                low95=float(low95[i]) / n_lessons,
                high95=float(high95[i]) / n_lessons,
                low998=float(low998[i]) / n_lessons,
                high998=float(high998[i]) / n_lessons,
                position=str(position[i]),
            )
        )
    return out


def _per_student(frame: AuditFrame) -> pd.DataFrame:
    """student_id, name, group, attributes, lessons (exposure) and incidents, for students with exposure."""
    import pandas as pd

    students = frame.students.copy()
    students["student_id"] = students["student_id"].astype(str)
    inc = frame.incidents.dropna(subset=["student_id"])
    ids = inc["student_id"].astype(str)
    counts = ids.value_counts()
    # A student logged in more lessons than their (current) class had still counts those lessons.
    seen = inc.assign(student_id=ids).groupby("student_id")["lesson_id"].nunique()
    exposure = pd.to_numeric(frame.lessons_per_student, errors="coerce").fillna(0)
    exposure.index = exposure.index.astype(str)
    students["incidents"] = students["student_id"].map(counts).fillna(0).astype("int64")
    lessons = students["student_id"].map(exposure).fillna(0)
    seen_lessons = students["student_id"].map(seen).fillna(0)
    students["lessons"] = np.maximum(lessons.to_numpy(), seen_lessons.to_numpy()).astype("int64")
    keep = (students["lessons"] > 0) & (~students["archived"].astype(bool) | (students["incidents"] > 0))
    return students[keep]


def noticing(frame: AuditFrame, dimensions: Sequence[str] | None = None) -> tuple[NoticingPoint, ...]:
    """Incidents per lesson for every student (kind 'student') and every group value (kind 'group').

    Group dimensions are 'group' (the class) and attribute names (``None``: the class and all).
    Students without lessons in the period are left out; archived students only if they have incidents.
    """
    per = _per_student(frame)
    total_lessons = int(per["lessons"].sum())
    if total_lessons == 0:
        return ()
    rate = float(per["incidents"].sum()) / total_lessons
    per = per.sort_values(["group", "name", "student_id"])
    keys = list(zip(per["student_id"].astype(str), per["name"].astype(str), strict=True))
    out = _points("student", "student", keys, per["lessons"].to_numpy(), per["incidents"].to_numpy(), rate)
    for name, column in dimension_columns(frame, dimensions):
        if column not in per.columns:
            continue
        values = per[column].fillna(UNKNOWN).astype(str)
        sums = per.groupby(values)[["lessons", "incidents"]].sum().sort_index()
        sums = sums[sums["lessons"] > 0]
        labels = [(str(v), str(v)) for v in sums.index]
        out += _points("group", name, labels, sums["lessons"].to_numpy(), sums["incidents"].to_numpy(), rate)
    return tuple(out)

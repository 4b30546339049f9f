"""Praise against correction: per student and per group, the share of praise among all the teacher logged."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from app.analysis.estimates.escalation import UNKNOWN, dimension_columns
from app.analysis.results import PraisePoint
from app.analysis.stats import wilson

if TYPE_CHECKING:
    from app.analysis.frame import AuditFrame


def praise_balance(frame: AuditFrame, dimensions: Sequence[str] | None = None) -> tuple[PraisePoint, ...]:
    """Praise and corrections (incidents) per student, then per group value, with a Wilson interval.

    ``share_praise`` is praise / (praise + corrections). Students are listed when they are active or
    have anything logged; group dimensions are 'group' (the class) and attribute names.
    """
    students = frame.students.copy()
    if students.empty:
        return ()
    students["student_id"] = students["student_id"].astype(str)
    corrections = frame.incidents["student_id"].dropna().astype(str).value_counts()
    praise = frame.praise["student_id"].dropna().astype(str).value_counts()
    students["corrections"] = students["student_id"].map(corrections).fillna(0).astype("int64")
    students["praise"] = students["student_id"].map(praise).fillna(0).astype("int64")
    logged = students["corrections"] + students["praise"] > 0
    students = students[logged | ~students["archived"].astype(bool)]
    out = [
        PraisePoint(
            kind="student",
            dimension="student",
            subject=str(r.student_id),
            label=str(r.name),
            praise=int(cast(int, r.praise)),
            corrections=int(cast(int, r.corrections)),
            share_praise=wilson(
                int(cast(int, r.praise)), int(cast(int, r.praise)) + int(cast(int, r.corrections))
            ),
        )
        for r in students.sort_values(["group", "name", "student_id"]).itertuples(index=False)
    ]
    for name, column in dimension_columns(frame, dimensions):
        if column not in students.columns:
            continue
        values = students[column].fillna(UNKNOWN).astype(str)
        sums = students.groupby(values)[["praise", "corrections"]].sum()
        for value, row in sums.sort_index().iterrows():
            k, n = int(row["praise"]), int(row["praise"]) + int(row["corrections"])
            out.append(PraisePoint("group", name, str(value), str(value), k, n - k, wilson(k, n)))
    return tuple(out)

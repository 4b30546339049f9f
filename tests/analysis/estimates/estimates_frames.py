"""Hand-built AuditFrames for the estimate tests: exactly the contracted columns, numbers chosen by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from app.analysis.frame import INCIDENT_COLUMNS, WEEKDAYS, AuditFrame

LADDER = pd.DataFrame(
    {
        "level": [1, 2, 3, 4, 5],
        "name": ["Waarschuwing", "Naam op bord", "Time-out", "Gesprek na de les", "Ouders bellen"],
        "kind": ["warning", "warning", "consequence", "consequence", "consequence"],
    }
)
RULES = pd.DataFrame(
    {
        "rule_id": [1, 2, 3],
        "rule": ["Telefoon weg", "Respectvol taalgebruik", "Niemand in gevaar brengen"],
        "category": ["routine", "respect", "safety"],
        "start_step": [1, 2, 4],
        "position": [1, 2, 3],
        "active": [True, True, True],
    }
)
TOP = 5


def incident(
    student: str,
    rule: str,
    strike: int,
    step: int,
    day: str = "2026-11-23",
    *,
    group: str = "2A",
    period: str = "1",
    start_step: int | None = None,
    **attrs: str,
) -> dict[str, Any]:
    """One incident row with everything derived as the frame would (agreed step, outcome, ...)."""
    rules = RULES.set_index("rule")
    start = int(rules.loc[rule, "start_step"]) if start_step is None else start_step
    agreed = min(start + strike - 1, TOP)
    deviation = (step > agreed) - (step < agreed)
    when = pd.Timestamp(day) + pd.Timedelta(hours=9, minutes=strike)
    row = {
        "student_id": student,
        "student_name": student.capitalize(),
        "group": group,
        "rule_id": int(rules.loc[rule, "rule_id"]),
        "rule": rule,
        "category": str(rules.loc[rule, "category"]),
        "step": step,
        "start_step": start,
        "strike": strike,
        "agreed_step": agreed,
        "top_step": TOP,
        "deviation": deviation,
        "outcome": ("milder", "agreed", "stricter")[deviation + 1],
        "consequence": LADDER.set_index("level").loc[step, "kind"] == "consequence",
        "occurred_at": when,
        "date": when.normalize(),
        "week_start": when.normalize() - pd.Timedelta(days=when.day_of_week),
        "weekday": WEEKDAYS[when.day_of_week],
        "period": period,
        "hour": 9,
        "month": when.strftime("%Y-%m"),
        "term": "T1",
        "lesson_mood": "unknown",
        "teacher_energy": "unknown",
        "stratum": f"{rule}|{strike}",
    }
    row.update({f"attr:{k}": v for k, v in attrs.items()})
    return row


def make_frame(
    rows: Sequence[dict[str, Any]],
    *,
    students: Sequence[dict[str, Any]] = (),
    attributes: Sequence[str] = (),
    lessons: dict[str, int] | None = None,
    praise: Sequence[tuple[str, str]] = (),
    phase_downs: Sequence[tuple[str, str, int]] = (),
    date_from: date | None = None,
    date_to: date | None = None,
) -> AuditFrame:
    """An AuditFrame from incident rows; students default to those in the rows; lessons per class."""
    attr_cols = [f"attr:{a}" for a in attributes]
    inc = pd.DataFrame(list(rows), columns=[*INCIDENT_COLUMNS, *attr_cols])
    if not inc.empty:
        inc["incident_id"] = range(1, len(inc) + 1)
        keys = inc["group"].astype(str) + "|" + inc["date"].astype(str) + "|" + inc["period"].astype(str)
        inc["lesson_id"] = pd.factorize(keys)[0] + 1
        for c in attr_cols:
            inc[c] = inc[c].astype(object).fillna("unknown")
    if students:
        roster = pd.DataFrame(list(students))
    else:
        first = inc.drop_duplicates("student_id")
        roster = pd.DataFrame(
            {
                "student_id": first["student_id"],
                "name": first["student_name"],
                "group": first["group"],
                **{c: first[c] for c in attr_cols},
            }
        )
    roster["archived"] = roster["archived"].fillna(False).astype(bool) if "archived" in roster else False
    for c in attr_cols:
        roster[c] = roster[c].astype(object).fillna("unknown") if c in roster else "unknown"
    roster = roster.reset_index(drop=True)
    lesson_days = sorted(set(inc["date"])) if not inc.empty else []
    per_group = lessons if lessons is not None else {}
    lessons_frame = pd.DataFrame(
        {
            "lesson_id": range(1, len(lesson_days) + 1),
            "group": "2A",
            "date": pd.to_datetime(lesson_days),
            "week_start": [d - pd.Timedelta(days=d.day_of_week) for d in lesson_days],
            "weekday": [WEEKDAYS[d.day_of_week] for d in lesson_days],
            "period": "1",
        }
    )
    exposure = roster.set_index("student_id")["group"].map(per_group).fillna(0).astype("int64")
    praise_frame = pd.DataFrame(
        {
            "praise_id": range(1, len(praise) + 1),
            "student_id": [s for s, _ in praise],
            "group": [roster.set_index("student_id").loc[s, "group"] for s, _ in praise],
            "occurred_at": [pd.Timestamp(d) for _, d in praise],
            "date": [pd.Timestamp(d) for _, d in praise],
            "week_start": [
                pd.Timestamp(d) - pd.Timedelta(days=pd.Timestamp(d).day_of_week) for _, d in praise
            ],
        }
    )
    rules = RULES.set_index("rule")
    downs = pd.DataFrame(
        {
            "rule_id": [int(rules.loc[r, "rule_id"]) for r, _, _ in phase_downs],
            "rule": [r for r, _, _ in phase_downs],
            "effective_from": [date.fromisoformat(d) for _, d, _ in phase_downs],
            "start_step": [s for _, _, s in phase_downs],
        }
    )
    return AuditFrame(
        incidents=inc,
        students=roster,
        praise=praise_frame,
        lessons=lessons_frame,
        lessons_per_student=exposure.rename("lessons"),
        ladder=LADDER.copy(),
        rules=RULES.copy(),
        phase_downs=downs,
        attributes=tuple(attributes),
        date_from=date_from,
        date_to=date_to,
    )

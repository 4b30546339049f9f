"""A published stratified table recast as a log: the audit's group estimate must match it.

Smoking and lung cancer in eight Chinese cities (Liu 1992; Agresti, *Categorical Data Analysis*;
statsmodels' ``china_smoking`` data): Mantel-Haenszel common odds ratio 2.174, 95 % 1.984-2.383.
Recast: every person is a student with one incident; the city is the rule (so like is compared with
like within a city, as in the stratified table); lung cancer is a step above the agreed one; smoking
is a roster attribute. The audit's attribute estimate is then the common odds ratio of the table.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
import pytest

from app.analysis.audit.run import audit

#: city: (smokers with cancer, smokers without, non-smokers with cancer, non-smokers without)
CHINA = {
    "Beijing": (126, 100, 35, 61),
    "Shanghai": (908, 688, 497, 807),
    "Shenyang": (913, 747, 336, 598),
    "Nanjing": (235, 172, 58, 121),
    "Harbin": (402, 308, 121, 215),
    "Zhengzhou": (182, 156, 72, 98),
    "Taiyuan": (60, 99, 11, 43),
    "Nanchang": (104, 89, 21, 36),
}


def _tables() -> dict[str, pd.DataFrame]:
    students, attributes, incidents = [], [], []
    for rule_id, counts in enumerate(CHINA.values(), start=1):
        for smokes, cancer, n in zip(
            ("ja", "ja", "nee", "nee"), (True, False, True, False), counts, strict=True
        ):
            for _ in range(n):
                sid = f"p{len(students) + 1:05d}"
                students.append(sid)
                attributes.append({"student_id": sid, "attribute": "rookt", "value": smokes})
                incidents.append(
                    {
                        "incident_id": len(incidents) + 1,
                        "lesson_id": 1,
                        "student_id": sid,
                        "rule_id": rule_id,
                        "step": 2 if cancer else 1,
                        "occurred_at": datetime(2025, 9, 1, 9, 0),
                        "note": "",
                    }
                )
    return {
        "incidents": pd.DataFrame(incidents),
        "lessons": pd.DataFrame(
            {
                "lesson_id": [1],
                "group": ["K"],
                "date": [date(2025, 9, 1)],
                "period": [1],
                "start_time": [time(9, 0)],
                "mood": [None],
                "energy": [None],
            }
        ),
        "students": pd.DataFrame({"student_id": students, "name": students, "group": "K", "archived": False}),
        "attributes": pd.DataFrame(attributes),
        "rules": pd.DataFrame(
            {
                "rule_id": range(1, 9),
                "rule": list(CHINA),
                "category": "routine",
                "start_step": 1,
                "position": range(1, 9),
                "active": True,
            }
        ),
        "phase_downs": pd.DataFrame(
            {
                "rule_id": pd.Series([], dtype="int64"),
                "effective_from": [],
                "start_step": pd.Series([], dtype="int64"),
            }
        ),
        "ladder": pd.DataFrame(
            {"level": [1, 2], "name": ["Waarschuwing", "Gevolg"], "kind": ["warning", "consequence"]}
        ),
        "praise": pd.DataFrame(
            {
                "praise_id": pd.Series([], dtype="int64"),
                "lesson_id": pd.Series([], dtype="int64"),
                "student_id": pd.Series([], dtype=object),
                "occurred_at": pd.Series([], dtype="datetime64[ns]"),
            }
        ),
    }


def test_the_smoking_table_gives_the_published_common_odds_ratio() -> None:
    report = audit(_tables())
    smoking = next(e for e in report.estimates if e.dimension == "rookt")
    # one comparison for two values: the smaller group (non-smokers) against the other
    effect, low, high = smoking.effect, smoking.ci_low, smoking.ci_high
    if smoking.subject == "nee":
        effect, low, high = 1 / effect, 1 / high, 1 / low
    assert effect == pytest.approx(2.174, abs=0.005)
    assert low == pytest.approx(1.984, abs=0.005) and high == pytest.approx(2.383, abs=0.005)
    assert smoking.flagged

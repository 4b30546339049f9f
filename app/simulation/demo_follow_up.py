"""The demo year's follow-up after consequences (issue #16): mostly done, a few still open, one pattern.

Every consequence gets a follow-up. Those older than a few days: the student spoken with within a day,
the parents informed a day or two later — except in class 2A, where the demo teacher informs the
parents clearly less often (the planted pattern of the follow-up question); a few in the other classes
were simply forgotten. The consequences of the last school days are still open, so the Log page's
'nog te doen' list has something to show.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from app.schema.entities import ClassGroup, FollowUp, Incident, LadderStep, Lesson

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

LESS_INFORMED_CLASS = "2A"
#: log-odds of the parents informed: per consequence step from the first, and the planted shift
STEP_LOGIT = (2.2, 2.8, 3.5)
PLANTED_SHIFT = -2.4
OPEN_DAYS = 3
WAYS = ("phone", "email", "app", "in_person")


def add_follow_ups(session: Session, rng: random.Random, today: date) -> int:
    """Follow-up rows for every consequence in the store (written in the caller's transaction)."""
    levels = sorted(session.scalars(select(LadderStep.level).where(LadderStep.kind == "consequence")))
    if not levels:
        return 0
    rows = session.execute(
        select(Incident.id, Incident.step, Incident.occurred_at, ClassGroup.name)
        .join(Lesson, Lesson.id == Incident.lesson_id)
        .join(ClassGroup, ClassGroup.id == Lesson.class_id)
        .where(Incident.step.in_(levels), Incident.deleted_at.is_(None))
    ).all()
    recent = datetime.combine(today - timedelta(days=OPEN_DAYS), datetime.min.time())
    out = []
    for incident_id, step, occurred, class_name in rows:
        row: dict[str, object] = {
            "incident_id": incident_id,
            "student_told_at": None,
            "student_note": "",
            "parents_at": None,
            "parents_how": None,
            "parents_first_reason": "",
        }
        if occurred < recent:
            told = occurred + timedelta(hours=rng.uniform(1, 24))
            row["student_told_at"] = told.replace(microsecond=0)
            logit = STEP_LOGIT[min(levels.index(step), len(STEP_LOGIT) - 1)]
            logit += PLANTED_SHIFT if class_name == LESS_INFORMED_CLASS else 0.0
            if rng.random() < 1 / (1 + math.exp(-logit)):
                row["parents_at"] = (told + timedelta(hours=rng.uniform(2, 60))).replace(microsecond=0)
                row["parents_how"] = rng.choice(WAYS)
        out.append(row)
    if out:
        session.execute(insert(FollowUp.__table__), out)
    return len(out)

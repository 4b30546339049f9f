"""Lessons taught: how many, how many calm (without a single correction), per class.

The frame's lessons are the lessons taught (``Store.read_tables``): with a timetable every scheduled
lesson, calm or not; without one only the lessons something was logged in. The same lessons are the
denominator of noticing (incidents per student per lesson of their class) and of the moments charts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.analysis.results import GroupLessons, LessonsTaught

if TYPE_CHECKING:
    from app.analysis.frame import AuditFrame


def lessons_taught(frame: AuditFrame) -> LessonsTaught:
    """The lessons of the period, the calm ones, and those from the timetable, in all and per class."""
    lessons = frame.lessons
    if lessons.empty:
        return LessonsTaught(0, 0, 0)
    corrected = set(frame.incidents["lesson_id"]) if not frame.incidents.empty else set()
    calm = ~lessons["lesson_id"].isin(corrected)
    scheduled = lessons["scheduled"] if "scheduled" in lessons else calm & False
    per = (
        lessons.assign(calm=calm)
        .groupby("group", sort=True)
        .agg(taught=("lesson_id", "size"), calm=("calm", "sum"))
    )
    return LessonsTaught(
        taught=len(lessons),
        calm=int(calm.sum()),
        scheduled=int(scheduled.astype(bool).sum()),
        per_group=tuple(GroupLessons(str(g), int(r.taught), int(r.calm)) for g, r in per.iterrows()),
    )

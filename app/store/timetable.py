"""The timetable in the store: bell times, scheduled lessons, the remembered title mapping, lesson status.

A scheduled lesson is an ordinary ``Lesson`` with ``source='timetable'``: incidents logged in it count
strikes as before, and a lesson without incidents is a calm lesson that still counts. Storing a new
timetable replaces the scheduled lessons from its first date on and keeps the past; a lesson that holds
anything of the teacher's (incidents, praise, mood, energy, a note) is never deleted by it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, joinedload

from app.core.bells import DEFAULT_BELL_TIMES, BellTimes, bell_times_from_json
from app.core.errors import UserError
from app.core.i18n import t
from app.schema.entities import ClassGroup, Incident, Lesson, Meta, Praise, TimetableTitle
from app.store.lessons import lesson_info
from app.store.records import LessonInfo, ScheduledLesson, TimetableResult

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

#: the meta key of the bell times
BELLS_KEY = "bell_times"
#: lesson statuses
STATUSES = ("taught", "cancelled")


def _used_lessons(session: Session, since: date) -> set[int]:
    """Ids of the lessons from ``since`` on that hold incidents (also undone ones) or praise."""
    used = set(
        session.scalars(
            select(Incident.lesson_id)
            .join(Lesson, Lesson.id == Incident.lesson_id)
            .where(Lesson.date >= since)
        )
    )
    used |= set(
        session.scalars(
            select(Praise.lesson_id).join(Lesson, Lesson.id == Praise.lesson_id).where(Lesson.date >= since)
        )
    )
    return used


def _has_content(lesson: Lesson, used: set[int]) -> bool:
    """True when the lesson holds something of the teacher's: incidents, praise, mood, energy, a note."""
    if lesson.mood or lesson.energy or (lesson.note or "").strip():
        return True
    return lesson.id is not None and lesson.id in used


class TimetableMixin:
    """Store methods for bell times, the timetable and lesson status."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    # -- bell times ----------------------------------------------------------------------------
    def bell_times(self) -> BellTimes:
        """The school's bell times (the usual Dutch day until the teacher sets them)."""
        with self.reading() as session:
            row = session.get(Meta, BELLS_KEY)
            if row is None or not row.value:
                return DEFAULT_BELL_TIMES
            try:
                return bell_times_from_json(json.loads(row.value))
            except ValueError:
                return DEFAULT_BELL_TIMES

    def set_bell_times(self, bells: BellTimes) -> None:
        """Store the school's bell times (already checked: ``app.core.bells.make_bell_times``)."""
        value = json.dumps(bells.to_json())
        with self.transaction() as session:
            row = session.get(Meta, BELLS_KEY)
            if row is None:
                session.add(Meta(key=BELLS_KEY, value=value))
            else:
                row.value = value

    # -- the remembered mapping ----------------------------------------------------------------
    def title_mapping(self) -> dict[str, int | None]:
        """Event title -> class id, or None for 'not a lesson of mine'."""
        with self.reading() as session:
            return {row.title: row.class_id for row in session.scalars(select(TimetableTitle))}

    # -- storing a timetable -------------------------------------------------------------------
    def store_timetable(
        self,
        lessons: list[ScheduledLesson],
        date_from: date,
        date_to: date,
        mapping: dict[str, int | None] | None = None,
    ) -> TimetableResult:
        """Replace the scheduled lessons from ``date_from`` on by ``lessons`` and remember ``mapping``.

        One transaction: a class that disappeared meanwhile refuses the whole timetable. Scheduled
        lessons before ``date_from`` stay; later ones that hold nothing of the teacher's are removed;
        ones that do are kept (as a lesson of the new timetable when it has the same class, date and
        period, else as a logged lesson).
        """
        with self.transaction() as session:
            class_ids = set(session.scalars(select(ClassGroup.id)))
            missing = {lesson.class_id for lesson in lessons} - class_ids
            if mapping:
                missing |= {c for c in mapping.values() if c is not None} - class_ids
            if missing:
                raise UserError(
                    t(
                        "Een klas uit het rooster bestaat niet meer; er is niets veranderd.",
                    )
                )
            old = session.scalars(
                select(Lesson).where(Lesson.source == "timetable", Lesson.date >= date_from)
            ).all()
            existing: dict[tuple[int, date, int | None], Lesson] = {}
            for lesson in session.scalars(select(Lesson).where(Lesson.date >= date_from)):
                existing.setdefault((lesson.class_id, lesson.date, lesson.period), lesson)
            used = _used_lessons(session, date_from)
            wanted = {(item.class_id, item.date, item.period) for item in lessons}
            removed = 0
            for lesson in old:
                key = (lesson.class_id, lesson.date, lesson.period)
                if key in wanted:
                    continue
                if _has_content(lesson, used):
                    lesson.source = None  # it happened: it stays as a logged lesson
                else:
                    session.delete(lesson)
                    existing.pop(key, None)
                    removed += 1
            added = kept = cancelled = 0
            for item in lessons:
                key = (item.class_id, item.date, item.period)
                found = existing.get(key)
                if found is None:
                    found = Lesson(class_id=item.class_id, date=item.date, period=item.period)
                    session.add(found)
                    existing[key] = found
                    added += 1
                else:
                    kept += 1
                lesson = found
                lesson.source = "timetable"
                lesson.start_time = item.start_time
                lesson.end_time = item.end_time
                lesson.n_periods = item.n_periods
                # a cancelled event cancels the lesson unless the teacher already logged in it; the
                # teacher's own 'not taught' mark stays when the new file lists the lesson as usual
                if item.cancelled and not _has_content(lesson, used):
                    lesson.status = "cancelled"
                if lesson.status == "cancelled":
                    cancelled += 1
            for title, class_id in (mapping or {}).items():
                row = session.scalar(select(TimetableTitle).where(TimetableTitle.title == title))
                if row is None:
                    session.add(TimetableTitle(title=title, class_id=class_id))
                else:
                    row.class_id = class_id
            session.flush()
            return TimetableResult(added, kept, removed, cancelled, date_from, date_to)

    # -- reading lessons -----------------------------------------------------------------------
    def lessons_between(
        self, date_from: date | None = None, date_to: date | None = None, *, scheduled_only: bool = False
    ) -> list[LessonInfo]:
        """Lessons in [date_from, date_to] in time order, each with its number of live incidents."""
        with self.reading() as session:
            counts = (
                select(Incident.lesson_id, func.count().label("n"))
                .where(Incident.deleted_at.is_(None))
                .group_by(Incident.lesson_id)
                .subquery()
            )
            query = (
                select(Lesson, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.lesson_id == Lesson.id)
                .options(joinedload(Lesson.class_group))
            )
            if date_from is not None:
                query = query.where(Lesson.date >= date_from)
            if date_to is not None:
                query = query.where(Lesson.date <= date_to)
            if scheduled_only:
                query = query.where(Lesson.source == "timetable")
            query = query.order_by(Lesson.date, Lesson.start_time, Lesson.period, Lesson.id)
            out = []
            for lesson, n in session.execute(query):
                info = lesson_info(lesson)
                out.append(_with_count(info, int(n)))
            return out

    def has_timetable(self) -> bool:
        """True when any scheduled lesson is stored."""
        with self.reading() as session:
            return bool(session.scalar(select(exists().where(Lesson.source == "timetable"))))

    def timetable_span(self) -> tuple[date, date] | None:
        """The first and last date of the scheduled lessons, if any."""
        with self.reading() as session:
            low, high = session.execute(
                select(func.min(Lesson.date), func.max(Lesson.date)).where(Lesson.source == "timetable")
            ).one()
            return (low, high) if low is not None else None

    def lesson_now(self, now: datetime) -> NowAndNext:
        """The scheduled lesson on or just ended at ``now``, and the next one (within two weeks)."""
        lessons = self.lessons_between(now.date(), now.date() + timedelta(days=14), scheduled_only=True)
        return now_and_next(lessons, self.bell_times(), now)

    def set_lesson_status(self, lesson_id: int, status: str) -> LessonInfo:
        """Mark a lesson 'taught' or 'cancelled' (not taught). A lesson with incidents was taught."""
        if status not in STATUSES:
            raise UserError(t("Onbekende status: {s}", s=status))
        with self.transaction() as session:
            lesson = session.get(Lesson, lesson_id)
            if lesson is None:
                raise UserError(t("Die les bestaat niet meer."))
            if status == "cancelled" and session.scalar(
                select(exists().where(Incident.lesson_id == lesson_id, Incident.deleted_at.is_(None)))
            ):
                raise UserError(
                    t(
                        "In deze les zijn incidenten genoteerd; ze is dus gegeven.",
                    )
                )
            lesson.status = status
            session.flush()
            return lesson_info(lesson)


def _with_count(info: LessonInfo, n: int) -> LessonInfo:
    from dataclasses import replace

    return replace(info, incidents=n)


def lesson_times(info: LessonInfo, bells: BellTimes) -> tuple[time | None, time | None]:
    """A lesson's start and end: its own, else from the bell times of its period(s)."""
    start, end = info.start_time, info.end_time
    if info.period is not None:
        first = bells.times_of(info.period)
        last = bells.times_of(info.period + max(1, info.n_periods) - 1)
        if start is None and first is not None:
            start = first.start
        if end is None and last is not None:
            end = last.end
    return start, end


@dataclass(frozen=True)
class NowAndNext:
    """The lesson on or just ended (None before the first lesson of the day), and the one after it."""

    current: LessonInfo | None
    next: LessonInfo | None
    #: the current lesson is still running (not yet ended)
    running: bool = False


def now_and_next(
    lessons: list[LessonInfo], bells: BellTimes, now: datetime, *, grace_minutes: int = 10
) -> NowAndNext:
    """Which lesson a teacher logs at ``now``: the one running, or the last one that ended today.

    In the first ``grace_minutes`` of a lesson the one that just ended is still meant (the teacher is
    writing it down); before the first lesson of the day — at night, early in the morning — nothing.
    Cancelled lessons are skipped.
    """
    timed = []
    for info in lessons:
        start, end = lesson_times(info, bells)
        if info.status != "taught" or start is None:
            continue
        timed.append((datetime.combine(info.date, start), datetime.combine(info.date, end or start), info))
    timed.sort(key=lambda item: (item[0], item[2].id))
    today = [item for item in timed if item[0].date() == now.date() and item[0] <= now]
    current = None
    if today:
        current = today[-1]
        settled = now - current[0] >= timedelta(minutes=grace_minutes)
        if not settled and len(today) > 1:
            current = today[-2]
    if current is None:
        upcoming = next((item for item in timed if item[0] > now), None)
        return NowAndNext(None, upcoming[2] if upcoming else None)
    index = timed.index(current)
    following = timed[index + 1][2] if index + 1 < len(timed) else None
    return NowAndNext(current[2], following, running=now < current[1])

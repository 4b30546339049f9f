"""Lessons: the lesson of a class on a date (created on first use), its period, mood, energy and note."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.errors import UserError
from app.core.i18n import t
from app.core.vocabulary import ENERGIES, MOODS
from app.schema.entities import ClassGroup, Lesson
from app.store.records import LessonInfo

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


def lesson_info(lesson: Lesson) -> LessonInfo:
    """The plain record of a lesson."""
    return LessonInfo(
        id=lesson.id,
        class_id=lesson.class_id,
        class_name=lesson.class_group.name,
        date=lesson.date,
        period=lesson.period,
        start_time=lesson.start_time,
        mood=lesson.mood,
        energy=lesson.energy,
        note=lesson.note,
        label=lesson.label,
        status=lesson.status or "taught",
        end_time=lesson.end_time,
        n_periods=lesson.n_periods or 1,
        source=lesson.source,
    )


def check_lesson_fields(mood: str | None, energy: str | None) -> None:
    """Raise a UserError for an unknown mood or energy."""
    if mood is not None and mood not in MOODS:
        raise UserError(t("Onbekende sfeer: {m}", m=mood))
    if energy is not None and energy not in ENERGIES:
        raise UserError(t("Onbekende energie: {e}", e=energy))


class LessonsMixin:
    """Store methods for lessons."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    # -- lessons -------------------------------------------------------------------------------
    def lesson_for(
        self,
        class_id: int,
        on: date,
        *,
        period: int | None = None,
        start_time: time | None = None,
        new: bool = False,
    ) -> LessonInfo:
        """The lesson of a class on a date (and period, when given); created when none exists or ``new``."""
        with self.transaction() as session:
            lesson = None
            if not new:
                query = select(Lesson).where(Lesson.class_id == class_id, Lesson.date == on)
                if period is not None:
                    query = query.where(Lesson.period == period)
                lesson = session.scalars(query.order_by(Lesson.id.desc())).first()
            if lesson is None:
                if session.get(ClassGroup, class_id) is None:
                    raise UserError(t("Die klas bestaat niet meer."))
                lesson = Lesson(class_id=class_id, date=on, period=period, start_time=start_time)
                session.add(lesson)
                session.flush()
            return lesson_info(lesson)

    def lessons(self, *, class_id: int | None = None, on: date | None = None) -> list[LessonInfo]:
        """Lessons, newest first."""
        with self.reading() as session:
            query = select(Lesson).options(joinedload(Lesson.class_group))
            if class_id is not None:
                query = query.where(Lesson.class_id == class_id)
            if on is not None:
                query = query.where(Lesson.date == on)
            query = query.order_by(Lesson.date.desc(), Lesson.id.desc())
            return [lesson_info(lesson) for lesson in session.scalars(query)]

    def update_lesson(
        self,
        lesson_id: int,
        *,
        period: int | None = None,
        start_time: time | None = None,
        mood: str | None = None,
        energy: str | None = None,
        note: str | None = None,
        clear: tuple[str, ...] = (),
    ) -> LessonInfo:
        """Set a lesson's period, start time, mood, energy or note; ``clear`` names fields to empty."""
        check_lesson_fields(mood, energy)
        with self.transaction() as session:
            lesson = session.get(Lesson, lesson_id)
            if lesson is None:
                raise UserError(t("Die les bestaat niet meer."))
            for field, value in (
                ("period", period),
                ("start_time", start_time),
                ("mood", mood),
                ("energy", energy),
                ("note", note),
            ):
                if value is not None:
                    setattr(lesson, field, value)
            for field in clear:
                setattr(lesson, field, "" if field == "note" else None)
            session.flush()
            return lesson_info(lesson)

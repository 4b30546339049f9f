"""The weekly reflection: the teacher's answers and journal, one per week (keyed by its Monday)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.calendar import monday_of
from app.schema.entities import Reflection
from app.store.incidents import now
from app.store.records import ReflectionInfo

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class ReflectionsMixin:
    """Store methods for the weekly reflection."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    # -- reflections ---------------------------------------------------------------------------
    def reflection(self, week_start: date) -> ReflectionInfo:
        """The reflection of the week starting on Monday ``week_start`` (empty if none yet)."""
        monday = monday_of(week_start)
        with self.reading() as session:
            row = session.scalar(select(Reflection).where(Reflection.week_start == monday))
            if row is None:
                return ReflectionInfo(monday, "", {}, None)
            return ReflectionInfo(row.week_start, row.journal, dict(row.answers or {}), row.updated_at)

    def save_reflection(self, week_start: date, journal: str, answers: dict[str, str]) -> ReflectionInfo:
        """Save the journal and answers of a week."""
        monday = monday_of(week_start)
        with self.transaction() as session:
            row = session.scalar(select(Reflection).where(Reflection.week_start == monday))
            if row is None:
                row = Reflection(week_start=monday, journal="", answers={}, updated_at=now())
                session.add(row)
            row.journal = journal
            row.answers = dict(answers)
            row.updated_at = now()
            session.flush()
            return ReflectionInfo(row.week_start, row.journal, dict(row.answers), row.updated_at)

    def reflection_weeks(self) -> list[date]:
        """Weeks with a saved reflection, newest first."""
        with self.reading() as session:
            return list(session.scalars(select(Reflection.week_start).order_by(Reflection.week_start.desc())))

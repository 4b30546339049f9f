"""Praise: logged like an incident (for a student, optionally in a lesson), edited, deleted, listed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.errors import UserError
from app.core.i18n import t
from app.schema.entities import Lesson, Praise, Student
from app.store.incidents import now
from app.store.records import PraiseInfo

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class PraiseMixin:
    """Store methods for praise."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    # -- praise --------------------------------------------------------------------------------
    def log_praise(
        self,
        student_id: int,
        *,
        lesson_id: int | None = None,
        occurred_at: datetime | None = None,
        note: str = "",
    ) -> PraiseInfo:
        """Store one praise (positive recognition)."""
        with self.transaction() as session:
            student = session.get(Student, student_id)
            if student is None:
                raise UserError(t("Die leerling bestaat niet meer."))
            if lesson_id is not None and session.get(Lesson, lesson_id) is None:
                raise UserError(t("Die les bestaat niet meer."))
            praise = Praise(
                student=student,
                lesson_id=lesson_id,
                occurred_at=occurred_at or now(),
                note=note.strip(),
                created_at=datetime.now(),
            )
            session.add(praise)
            session.flush()
            return PraiseInfo(
                praise.id, student.id, student.display_name, lesson_id, praise.occurred_at, praise.note
            )

    def update_praise(
        self,
        praise_id: int,
        *,
        student_id: int | None = None,
        occurred_at: datetime | None = None,
        note: str | None = None,
    ) -> PraiseInfo:
        """Edit a praise's student, time or note; the edit time is stored."""
        with self.transaction() as session:
            praise = session.get(Praise, praise_id)
            if praise is None:
                raise UserError(t("Dat compliment bestaat niet meer."))
            if student_id is not None:
                if session.get(Student, student_id) is None:
                    raise UserError(t("Die leerling bestaat niet meer."))
                praise.student_id = student_id
            if occurred_at is not None:
                praise.occurred_at = occurred_at
            if note is not None:
                praise.note = note.strip()
            praise.edited_at = now()
            session.flush()
            session.expire(praise)
            return PraiseInfo(
                praise.id,
                praise.student_id,
                praise.student.display_name,
                praise.lesson_id,
                praise.occurred_at,
                praise.note,
                praise.edited_at,
            )

    def delete_praise(self, praise_id: int) -> None:
        """Delete a praise (soft)."""
        with self.transaction() as session:
            praise = session.get(Praise, praise_id)
            if praise is not None and praise.deleted_at is None:
                praise.deleted_at = now()

    def restore_praise(self, praise_id: int) -> None:
        """Bring back a deleted praise."""
        with self.transaction() as session:
            praise = session.get(Praise, praise_id)
            if praise is not None:
                praise.deleted_at = None

    def praise_list(self, *, student_id: int | None = None) -> list[PraiseInfo]:
        """Live praise, newest first."""
        with self.reading() as session:
            query = (
                select(Praise)
                .options(joinedload(Praise.student))
                .where(Praise.deleted_at.is_(None))
                .order_by(Praise.occurred_at.desc(), Praise.id.desc())
            )
            if student_id is not None:
                query = query.where(Praise.student_id == student_id)
            return [
                PraiseInfo(
                    p.id,
                    p.student_id,
                    p.student.display_name,
                    p.lesson_id,
                    p.occurred_at,
                    p.note,
                    p.edited_at,
                )
                for p in session.scalars(query)
            ]

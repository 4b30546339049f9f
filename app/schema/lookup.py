"""Finding a student by number, the one way the store and the erasure both use."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import identity
from app.schema.entities import Student


def find_student_id(session: Session, external_id: str) -> int | None:
    """The student with this number: exactly as stored, else compared by ``identity.key``.

    Numbers stored earlier keep their spelling ('ABC1', or with a zero-width space in it); a lookup as
    'abc1' or '3005' finds them all the same.
    """
    wanted = identity.clean(external_id)
    exact = session.scalar(select(Student.id).where(Student.external_id == wanted))
    if exact is not None or not wanted:
        return exact
    folded = identity.key(wanted)
    for sid, stored in session.execute(select(Student.id, Student.external_id).order_by(Student.id)):
        if identity.key(stored) == folded:
            return int(sid)
    return None

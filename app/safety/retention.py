"""Retention: end a school year by archiving it to an encrypted file, or by purging it.

An archive is an SQLCipher copy of the store that holds only the chosen period (plus the rules, ladder
and the students it mentions); it opens like any store with ``--db ARCHIVE`` and its passphrase. The
copy is built in memory, so no readable copy ever reaches the disk. Purging deletes the period's
lessons, incidents, praise and reflections in one transaction and compacts the file like an erasure.
"""

from __future__ import annotations

import os
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, func, select

from app.core.errors import UserError
from app.core.i18n import t
from app.safety.backup import fsync_dir, write_error
from app.safety.erasure import secure_compact
from app.safety.integrity import check_store, file_salt, quote_literal, raw_key, read_only_uri
from app.schema.entities import (
    Incident,
    Lesson,
    Praise,
    PreparedChoice,
    Reflection,
    Student,
    StudentAttribute,
)

if TYPE_CHECKING:
    from app.store.store import Store


@dataclass(frozen=True)
class PeriodCounts:
    """How many records a period holds."""

    start: date
    end: date
    lessons: int
    incidents: int
    praise: int
    reflections: int
    students: int


def check_period(start: date, end: date) -> None:
    """Refuse a period whose end lies before its start."""
    if end < start:
        raise UserError(t("De einddatum ligt voor de begindatum."))


def period_counts(store: Store, start: date, end: date) -> PeriodCounts:
    """What a period holds (shown before archiving or purging)."""
    check_period(start, end)
    with store.reading() as session:
        lesson_ids = select(Lesson.id).where(Lesson.date.between(start, end))
        students = session.scalar(
            select(func.count(func.distinct(Incident.student_id))).where(Incident.lesson_id.in_(lesson_ids))
        )
        return PeriodCounts(
            start,
            end,
            lessons=session.scalar(
                select(func.count()).select_from(Lesson).where(Lesson.date.between(start, end))
            )
            or 0,
            incidents=session.scalar(select(func.count()).where(Incident.lesson_id.in_(lesson_ids))) or 0,
            praise=session.scalar(select(func.count()).where(_praise_in(start, end))) or 0,
            reflections=session.scalar(
                select(func.count()).select_from(Reflection).where(Reflection.week_start.between(start, end))
            )
            or 0,
            students=students or 0,
        )


def _praise_in(start: date, end: date) -> Any:
    """Praise in a lesson of the period, or (without a lesson) given on a day of the period."""
    in_lesson = Praise.lesson_id.in_(select(Lesson.id).where(Lesson.date.between(start, end)))
    loose = Praise.lesson_id.is_(None) & func.date(Praise.occurred_at).between(
        start.isoformat(), end.isoformat()
    )
    return in_lesson | loose


_KEEP_ONLY_PERIOD = (
    "DELETE FROM incident WHERE lesson_id IN (SELECT id FROM lesson WHERE date < :start OR date > :end)",
    "DELETE FROM praise WHERE (lesson_id IS NOT NULL AND lesson_id IN "
    "(SELECT id FROM lesson WHERE date < :start OR date > :end)) "
    "OR (lesson_id IS NULL AND (date(occurred_at) < :start OR date(occurred_at) > :end))",
    "DELETE FROM lesson WHERE date < :start OR date > :end",
    "DELETE FROM reflection WHERE week_start < :start OR week_start > :end",
    "DELETE FROM prepared_choice WHERE starts_on > :end OR (closed_on IS NOT NULL AND closed_on < :start) "
    "OR (student_id IS NOT NULL AND student_id NOT IN "
    "(SELECT student_id FROM incident UNION SELECT student_id FROM praise))",
    "DELETE FROM student_attribute WHERE student_id NOT IN "
    "(SELECT student_id FROM incident UNION SELECT student_id FROM praise)",
    "DELETE FROM student WHERE id NOT IN "
    "(SELECT student_id FROM incident UNION SELECT student_id FROM praise)",
)


def archive_period(store: Store, start: date, end: date, dest: Path, passphrase: str) -> PeriodCounts:
    """Write the period to a new encrypted store file ``dest`` (0600); the store itself is not changed."""
    from app.safety.crypto import check_new_passphrase, open_cipher

    check_period(start, end)
    check_new_passphrase(passphrase)
    dest = Path(dest).expanduser()
    if dest.exists():
        raise UserError(t("{path} bestaat al.", path=dest))
    counts = period_counts(store, start, end)
    store.checkpoint()
    store.engine.dispose()  # sqlcipher3 reads the file next; the stdlib connections must be closed
    try:
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(dest, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise write_error(dest, exc) from exc
    try:
        with closing(open_cipher(":memory:", None)) as mem:
            _copy_into_memory(mem, store)
            params = {"start": start.isoformat(), "end": end.isoformat()}
            for statement in _KEEP_ONLY_PERIOD:
                mem.execute(statement, params)
            mem.commit()
            mem.execute(f"ATTACH DATABASE ? AS archive KEY {quote_literal(passphrase)}", (str(dest),))
            mem.execute("SELECT sqlcipher_export('archive')")
            mem.execute("DETACH DATABASE archive")
        with open(dest, "rb+") as handle:
            os.fsync(handle.fileno())
        fsync_dir(dest.parent)
        check_store(dest, passphrase)
    except BaseException:
        with suppress(FileNotFoundError):
            dest.unlink()
        raise
    return counts


def _copy_into_memory(mem: Any, store: Store) -> None:
    """Copy the (released) store file into the in-memory sqlcipher3 database ``mem``."""
    salt = file_salt(store.path) if store.passphrase else None
    key = quote_literal(
        raw_key(store.passphrase, salt) if store.passphrase and salt else store.passphrase or ""
    )
    source = read_only_uri(store.path)
    mem.execute(f"ATTACH DATABASE ? AS source KEY {key}", (source,))
    mem.execute("SELECT sqlcipher_export('main', 'source')")
    mem.execute("DETACH DATABASE source")


def purge_period(store: Store, start: date, end: date, *, remove_students: bool = False) -> PeriodCounts:
    """Delete the period's lessons, incidents, praise and reflections, then compact the file securely.

    With ``remove_students``, students who had records in the period and have none left are removed
    too (a student without any record, e.g. newly enrolled, stays).
    """
    counts = period_counts(store, start, end)
    with store.transaction() as session:
        lesson_ids = select(Lesson.id).where(Lesson.date.between(start, end))
        in_period = set(
            session.scalars(select(Incident.student_id).where(Incident.lesson_id.in_(lesson_ids)))
        )
        in_period |= set(session.scalars(select(Praise.student_id).where(_praise_in(start, end))))
        session.execute(delete(Incident).where(Incident.lesson_id.in_(lesson_ids)))
        session.execute(delete(Praise).where(_praise_in(start, end)))
        session.execute(delete(Lesson).where(Lesson.date.between(start, end)))
        session.execute(delete(Reflection).where(Reflection.week_start.between(start, end)))
        # prepared choices that ended within the period go with it; open ones are still the teacher's plan
        session.execute(delete(PreparedChoice).where(PreparedChoice.closed_on.between(start, end)))
        if remove_students and in_period:
            unused = ~exists().where(Incident.student_id == Student.id) & ~exists().where(
                Praise.student_id == Student.id
            )
            ids = list(session.scalars(select(Student.id).where(unused, Student.id.in_(in_period))))
            session.execute(delete(StudentAttribute).where(StudentAttribute.student_id.in_(ids)))
            session.execute(delete(PreparedChoice).where(PreparedChoice.student_id.in_(ids)))
            session.execute(delete(Student).where(Student.id.in_(ids)))
    secure_compact(store)
    return counts

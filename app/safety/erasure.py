"""Right to erasure: forget a student completely, and find the backups that still hold them.

The rows go in one transaction (with ``secure_delete`` on, freed space is overwritten with zeros);
the student's full name and student number are also blanked out of free text (notes, journal). Then the WAL is
checkpointed and truncated and the file vacuumed, so no page of the store's files still holds the name.
"""

from __future__ import annotations

import re
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, or_, select

from app.core.errors import StoreError, UserError
from app.core.i18n import t
from app.safety.backup import list_backups, remove_stale_copies
from app.safety.integrity import check_store, connect_read_only
from app.schema.entities import Incident, Lesson, Praise, Reflection, Student, StudentAttribute

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.store.store import Store

REDACTED = "[verwijderd]"


@dataclass(frozen=True)
class ErasureResult:
    """What forgetting a student removed, and which backups still hold them."""

    external_id: str
    name: str
    incidents: int
    praise: int
    attributes: int
    texts_redacted: int
    backups_holding: tuple[Path, ...]


def secure_compact(store: Store, attempts: int = 20) -> None:
    """Checkpoint the WAL into the file and truncate it, VACUUM, and checkpoint again."""
    with store.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("VACUUM")
        for _ in range(attempts):
            busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
            if busy is not None and busy[0] == 0:
                return
            time.sleep(0.05)
    raise StoreError(
        t(
            "Het logbestand is nog in gebruik; probeer het opnieuw.",
            "The store is still in use; try again.",
        )
    )


#: an external id this short (e.g. '7') is too likely to be an ordinary number in a note
MIN_ID_TO_REDACT = 3


def redaction_pattern(name: str, external_id: str) -> re.Pattern[str]:
    """The full name (any case), and the student number as a whole token when it is long enough."""
    parts = [re.escape(name.strip())] if name.strip() else []
    if len(external_id) >= MIN_ID_TO_REDACT:
        parts.append(rf"(?<![0-9A-Za-z]){re.escape(external_id)}(?![0-9A-Za-z])")
    return re.compile("|".join(parts), re.IGNORECASE)


def _redact(session: Session, name: str, external_id: str = "") -> int:
    """Blank the full name and the student number out of notes and the journal; returns texts changed."""
    pattern = redaction_pattern(name, external_id)
    if not pattern.pattern:
        return 0
    likes = [f"%{text}%" for text in (name.strip(), external_id) if text]
    changed = 0
    for model in (Incident, Praise, Lesson):
        matching = or_(*(model.note.ilike(like) for like in likes))
        for row in session.scalars(select(model).where(matching)):
            new = pattern.sub(REDACTED, row.note)
            if new != row.note:
                row.note = new
                changed += 1
    for reflection in session.scalars(select(Reflection)):
        journal = pattern.sub(REDACTED, reflection.journal or "")
        answers = {
            k: pattern.sub(REDACTED, v) if isinstance(v, str) else v for k, v in reflection.answers.items()
        }
        if journal != reflection.journal or answers != reflection.answers:
            reflection.journal, reflection.answers = journal, answers
            changed += 1
    return changed


def forget_student(store: Store, external_id: str) -> ErasureResult:
    """Remove a student with every incident, praise and attribute value, and leave no trace of the name."""
    external_id = external_id.strip()
    with store.transaction() as session:
        student = session.scalar(select(Student).where(Student.external_id == external_id))
        if student is None:
            raise UserError(
                t(
                    "Er is geen leerling met nummer {id}.",
                    "There is no student with id {id}.",
                    id=external_id,
                )
            )
        name, sid = student.display_name, student.id
        incidents = session.execute(delete(Incident).where(Incident.student_id == sid)).rowcount
        praise = session.execute(delete(Praise).where(Praise.student_id == sid)).rowcount
        attributes = session.execute(
            delete(StudentAttribute).where(StudentAttribute.student_id == sid)
        ).rowcount
        session.expunge(student)
        session.execute(delete(Student).where(Student.id == sid))
        redacted = _redact(session, name, external_id)
    secure_compact(store)
    remove_stale_copies(store.path)  # a copy half-written by a crash would hold the student too
    holding = backups_holding(store.path, store.passphrase, external_id, name)
    return ErasureResult(external_id, name, incidents, praise, attributes, redacted, tuple(holding))


def backups_holding(db_path: Path, passphrase: str | None, external_id: str, name: str) -> list[Path]:
    """Backups of the store that still hold this student (by id or name); unreadable ones are listed too."""
    found: list[Path] = []
    for info in list_backups(db_path):
        try:
            check = check_store(info.path, passphrase)
            if check.revision is None:
                continue
            with closing(connect_read_only(info.path, check.key)) as conn:
                row = conn.execute(
                    "SELECT 1 FROM student WHERE external_id = ? OR display_name = ? LIMIT 1",
                    (external_id, name),
                ).fetchone()
        except StoreError:
            found.append(info.path)  # cannot be checked: the teacher should decide
            continue
        if row is not None:
            found.append(info.path)
    return found


def delete_backups(paths: list[Path] | tuple[Path, ...]) -> list[Path]:
    """Delete these backup files (and any -wal beside them); returns the ones removed."""
    removed: list[Path] = []
    for path in paths:
        for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if candidate.exists():
                candidate.unlink()
                if candidate == path:
                    removed.append(path)
    return removed

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
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from app.core import identity
from app.core.errors import StoreError, UserError
from app.core.i18n import t
from app.safety.backup import list_backups, remove_stale_copies
from app.safety.integrity import check_store, connect_read_only
from app.schema.entities import (
    Incident,
    Lesson,
    Praise,
    PreparedChoice,
    Reflection,
    Student,
    StudentAttribute,
)
from app.schema.lookup import find_student_id

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
        )
    )


#: an external id this short (e.g. '7') is too likely to be an ordinary number in a note
MIN_ID_TO_REDACT = 3


def redaction_pattern(name: str, external_id: str) -> re.Pattern[str]:
    """The full name and the student number (a whole token, when long enough), in any capitals.

    Matched against text in the form ``identity.clean`` gives (NFC, no invisible characters), so a
    name typed in capitals, with decomposed accents or with a zero-width space in it is found too;
    Python's case-insensitive matching folds every letter (SQLite's lower() and LIKE fold ASCII only).
    """
    parts = []
    words = identity.clean(name).split()
    if words:
        parts.append(r"\s+".join(re.escape(word) for word in words))
    external_id = identity.clean(external_id)
    if len(external_id) >= MIN_ID_TO_REDACT:
        parts.append(rf"(?<![^\W_]){re.escape(external_id)}(?![^\W_])")
    return re.compile("|".join(parts), re.IGNORECASE)


def redact_text(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with every match blanked out; unchanged (same spelling) when nothing matches."""
    cleaned = identity.tidy(text)
    return pattern.sub(REDACTED, cleaned) if pattern.search(cleaned) else text


def _redact(session: Session, name: str, external_ids: tuple[str, ...]) -> int:
    """Blank the name and the student number out of notes, lesson labels and the journal (in Python).

    Every text is read: a prefilter in SQL would miss the spellings SQLite does not fold.
    """
    pattern = redaction_pattern(name, external_ids[0])
    extra = [redaction_pattern("", other) for other in external_ids[1:]]
    if not pattern.pattern:
        return 0

    def scrub(text: str) -> str:
        for candidate in (pattern, *extra):
            if candidate.pattern:
                text = redact_text(candidate, text)
        return text

    changed = 0
    fields: tuple[tuple[type[Any], tuple[str, ...]], ...] = (
        (Incident, ("note",)),
        (Praise, ("note",)),
        (Lesson, ("note", "label")),
        (PreparedChoice, ("response",)),  # a class's plan may name a student too
    )
    for model, names in fields:
        for row in session.scalars(select(model)):
            before = [getattr(row, field) or "" for field in names]
            after = [scrub(text) for text in before]
            if after != before:
                for field, text in zip(names, after, strict=True):
                    setattr(row, field, text)
                changed += 1
    for reflection in session.scalars(select(Reflection)):
        journal = scrub(reflection.journal or "")
        answers = {k: scrub(v) if isinstance(v, str) else v for k, v in reflection.answers.items()}
        if journal != (reflection.journal or "") or answers != reflection.answers:
            reflection.journal, reflection.answers = journal, answers
            changed += 1
    return changed


def forget_student(store: Store, external_id: str) -> ErasureResult:
    """Remove a student with every incident, praise and attribute value, and leave no trace of the name."""
    external_id = identity.clean(external_id)
    with store.transaction() as session:
        found = find_student_id(session, external_id)  # any capitals, invisible characters ignored
        student = session.get(Student, found) if found is not None else None
        if student is None:
            raise UserError(
                t(
                    "Er is geen leerling met nummer {id}.",
                    id=external_id,
                )
            )
        name, sid, typed = student.display_name, student.id, external_id
        external_id = student.external_id
        incidents = session.execute(delete(Incident).where(Incident.student_id == sid)).rowcount
        praise = session.execute(delete(Praise).where(Praise.student_id == sid)).rowcount
        attributes = session.execute(
            delete(StudentAttribute).where(StudentAttribute.student_id == sid)
        ).rowcount
        session.execute(delete(PreparedChoice).where(PreparedChoice.student_id == sid))  # plans about them
        session.expunge(student)
        session.execute(delete(Student).where(Student.id == sid))
        redacted = _redact(session, name, tuple(dict.fromkeys((external_id, typed))))
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

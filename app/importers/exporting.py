"""Incident export: the import's CSV columns plus ``name`` and ``group``, so export -> import round-trips.

Columns: ``timestamp,student_id,rule,severity,lesson,period,note,name,group``. ``lesson`` is the
lesson's label; when two lessons of one class on one date would share label and period, the later ones
get a numbered label so the import keeps them apart. Written UTF-8 with BOM (Excel reads the accents);
text that a spreadsheet would run as a formula gets a leading quote (``app.core.csv_cells``), which the
import removes again.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.core.csv_cells import safe_writer
from app.core.errors import UserError
from app.core.i18n import t
from app.schema.entities import ClassGroup, Incident, Lesson, Rule, Student

if TYPE_CHECKING:
    from app.store.store import Store

COLUMNS = ("timestamp", "student_id", "rule", "severity", "lesson", "period", "note", "name", "group")


def incident_rows(store: Store) -> list[tuple[str, ...]]:
    """Every live incident as export cells, oldest first (ties in the order they were stored)."""
    query = (
        select(
            Incident.occurred_at,
            Student.external_id,
            Rule.name,
            Incident.step,
            Lesson.id,
            Lesson.class_id,
            Lesson.date,
            Lesson.label,
            Lesson.period,
            Incident.note,
            Student.display_name,
            ClassGroup.name,
        )
        .join(Student, Student.id == Incident.student_id)
        .join(Rule, Rule.id == Incident.rule_id)
        .join(Lesson, Lesson.id == Incident.lesson_id)
        .join(ClassGroup, ClassGroup.id == Lesson.class_id)
        .where(Incident.deleted_at.is_(None))
        .order_by(Incident.occurred_at, Incident.id)
    )
    with store.reading() as session:
        records = session.execute(query).all()
    labels = _lesson_labels({(r[4], r[5], r[6], r[7], r[8]) for r in records})
    return [
        (
            when.isoformat(sep=" "),
            external_id,
            rule,
            str(step),
            labels[lesson_id],
            "" if period is None else str(period),
            note,
            name,
            group,
        )
        for when, external_id, rule, step, lesson_id, _, _, _, period, note, name, group in records
    ]


def _lesson_labels(lessons: set[tuple[int, int, object, str, int | None]]) -> dict[int, str]:
    """Lesson id -> the label to export, numbered where class, date, label and period coincide."""
    seen: Counter[tuple[int, object, str, int | None]] = Counter()
    out: dict[int, str] = {}
    for lesson_id, class_id, day, label, period in sorted(lessons):
        key = (class_id, day, label, period)
        seen[key] += 1
        n = seen[key]
        out[lesson_id] = label if n == 1 else f"{label} ({n})".strip()
    return out


def export_incidents(store: Store, path: Path | str, *, delimiter: str = ",") -> int:
    """Write every live incident to a CSV file (atomically); returns the number of rows."""
    path = Path(path)
    _refuse_a_store(store, path)
    rows = incident_rows(store)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                writer = safe_writer(handle, delimiter=delimiter, lineterminator="\r\n")
                writer.writerow(COLUMNS)
                writer.writerows(rows)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(
            t(
                "Kan {path} niet schrijven: {why}",
                path=path,
                why=_why(exc, path),
            )
        ) from exc
    return len(rows)


def _refuse_a_store(store: Store, path: Path) -> None:
    """Never write the CSV over the store itself, its -wal/-shm files, or any other SQLite file."""
    target = path.expanduser().resolve()
    own = Path(store.path).expanduser().resolve()
    own_files = {own, own.with_name(own.name + "-wal"), own.with_name(own.name + "-shm")}
    is_database = False
    if target.is_file():
        try:
            with target.open("rb") as handle:
                is_database = handle.read(16) == b"SQLite format 3\x00"
        except OSError:
            is_database = False
    if target in own_files or is_database:
        raise UserError(
            t(
                "{path} is een logbestand (database), geen CSV: kies een andere naam, bijvoorbeeld "
                "incidenten.csv. Er is niets geschreven.",
                path=path,
            )
        )


def _why(exc: OSError, path: Path) -> str:
    """Why a file cannot be written, in the user's language (not the system's English)."""
    if path.is_dir():
        return t("dat is een map; geef een bestandsnaam.")
    if exc.errno == errno.ENOENT:
        return t("de map {d} bestaat niet.", d=path.parent)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("je hebt daar geen schrijfrechten.")
    if exc.errno == errno.ENOSPC:
        return t("de schijf is vol.")
    return t("fout {code}.", code=errno.errorcode.get(exc.errno or 0, exc.errno))

"""Roster import: students with their class and audit attributes, from CSV/XLSX or a school export.

Accepts ``student_id,name,group`` plus any further columns (audit attributes), and the exports of
Dutch student administrations (Magister, SOMtoday, ParnasSys): ``Stamnr``/``Leerlingnummer``,
``Roepnaam``/``Tussenvoegsel``/``Achternaam``, ``Klas``/``Stamgroep``/``Groep``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core import identity
from app.core.errors import ImportProblem
from app.core.i18n import t
from app.importers.columns import Columns, map_columns, too_long
from app.importers.common import normalise, read_table
from app.importers.problems import ImportSummary, RowProblem, problem_exit
from app.schema.entities import AttributeDefinition, ClassGroup, Student, StudentAttribute
from app.store.roster import class_by_name, set_student_attributes

if TYPE_CHECKING:
    from app.store.store import Store

ALIASES: dict[str, tuple[str, ...]] = {
    "student_id": (
        "id",
        "leerling_id",
        "stamnr",
        "stamnummer",
        "leerlingnummer",
        "leerlingnr",
        "llnr",
        "leerlingid",
        "studentnummer",
    ),
    "name": ("naam", "volledige naam", "leerling", "leerlingnaam", "full name", "student"),
    "first_name": ("roepnaam", "voornaam", "first name", "firstname", "given name"),
    "infix": ("tussenvoegsel", "tussenvoegsels", "tussenv", "voorvoegsel", "voorvoegsels", "infix"),
    "last_name": ("achternaam", "familienaam", "last name", "lastname", "surname"),
    "group": ("klas", "stamgroep", "groep", "klasgroep", "class", "basisgroep", "klas/groep"),
}
#: every header name the roster importer knows (for choosing the CSV separator)
KNOWN = tuple(a for field, names in ALIASES.items() for a in (field, *names))


@dataclass(frozen=True)
class RosterRow:
    """One student as the file gives it."""

    line: int
    student_id: str
    name: str
    group: str
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FieldChange:
    """One field an import changes: 'name', 'group' or an attribute's name."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class RosterUpdate:
    """A student already in the store whose name, class or attributes the file changes."""

    row: RosterRow
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RosterPreview:
    """What importing a roster file would do; ``problems`` non-empty means it would be refused."""

    path: Path
    new: tuple[RosterRow, ...]
    updated: tuple[RosterUpdate, ...]
    unchanged: int
    problems: tuple[RowProblem, ...]
    attributes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when the file can be imported."""
        return not self.problems


def parse_roster(
    path: Path | str, attributes: Iterable[str] | None = None
) -> tuple[list[RosterRow], list[RowProblem], tuple[str, ...]]:
    """Read and check a roster file whole: rows, problems and attribute names (no store needed).

    Every further column becomes an audit attribute, or, with ``attributes``, only the columns named
    there (matched like headers); the others are ignored (addresses, birth dates, ...).
    """
    table = read_table(path, KNOWN)
    columns, problems = map_columns(
        table,
        ALIASES,
        required=("student_id", ("name", "first_name", "last_name"), "group"),
        allow_extra=True,
    )
    problems = list(table.problems) + problems
    extra = columns.extra
    if attributes is not None:
        wanted = {normalise(a): a for a in attributes if a.strip()}
        extra = tuple((i, name) for i, name in extra if normalise(name) in wanted)
        present = {normalise(name) for _, name in extra}
        for key, asked in wanted.items():
            if key not in present:
                problems.append(
                    RowProblem(
                        table.header_line,
                        t(
                            "kenmerk '{c}' staat niet als kolom in het bestand.",
                            c=asked,
                        ),
                    )
                )
        columns = Columns(columns.index, extra)
    attribute_names = tuple(name for _, name in extra)
    for _, name in extra:
        if message := too_long(name, 64, t("de kolomnaam '{c}'", c=name[:20])):
            problems.append(RowProblem(table.header_line, message + "."))
    if problems and any(p.line == table.header_line for p in problems):
        return [], problems, attribute_names
    rows: list[RosterRow] = []
    first_seen: dict[str, int] = {}
    for line, cells in table.rows:
        student_id = identity.clean(columns.get(cells, "student_id"))
        name = columns.get(cells, "name")
        if not name:
            parts = (columns.get(cells, f) for f in ("first_name", "infix", "last_name"))
            name = " ".join(" ".join(p.split()) for p in parts if p)
        name = identity.clean(name)
        group = columns.get(cells, "group")
        reasons = []
        if not student_id:
            reasons.append(t("het leerlingnummer is leeg"))
        elif identity.key(student_id) in first_seen:
            reasons.append(
                t(
                    "leerlingnummer {id} staat ook op regel {first}",
                    id=student_id,
                    first=first_seen[identity.key(student_id)],
                )
            )
        else:
            first_seen[identity.key(student_id)] = line
        if not name:
            reasons.append(t("de naam is leeg"))
        if not group:
            reasons.append(t("de klas is leeg"))
        values = tuple((attr, cells[i].strip()) for i, attr in columns.extra)
        for limit, value, what in (
            (64, student_id, t("het leerlingnummer")),
            (200, name, t("de naam")),
            (100, group, t("de klas")),
            *((200, v, a) for a, v in values),
        ):
            if message := too_long(value, limit, what):
                reasons.append(message)
        if reasons:
            problems.append(RowProblem(line, "; ".join(reasons) + "."))
        else:
            rows.append(RosterRow(line, student_id, name, group, values))
    return rows, problems, attribute_names


def _current(session: Session) -> dict[str, tuple[str, str, dict[str, str]]]:
    """external id (as ``identity.key``) -> (name, class, attributes) of every student in the store."""
    students = session.scalars(
        select(Student).options(
            selectinload(Student.class_group),
            selectinload(Student.attributes).selectinload(StudentAttribute.definition),
        )
    )
    return {
        identity.key(s.external_id): (
            s.display_name,
            s.class_group.name,
            {a.definition.name: a.value for a in s.attributes},
        )
        for s in students
    }


def _changes(row: RosterRow, name: str, group: str, attrs: dict[str, str]) -> tuple[FieldChange, ...]:
    changes = []
    if row.name != name:
        changes.append(FieldChange("name", name, row.name))
    if row.group != group:
        changes.append(FieldChange("group", group, row.group))
    for attr, value in row.attributes:
        if attrs.get(attr, "") != value:
            changes.append(FieldChange(attr, attrs.get(attr, ""), value))
    return tuple(changes)


def preview_roster(
    store: Store, path: Path | str, *, attributes: Iterable[str] | None = None
) -> RosterPreview:
    """Read a roster file and compare it with the store; writes nothing (``attributes``: see parse)."""
    rows, problems, names = parse_roster(path, attributes)
    with store.reading() as session:
        current = _current(session)
        stored_names = session.scalars(select(AttributeDefinition.name)).all()
        stored_classes = session.scalars(select(ClassGroup.name)).all()
    # 'geslacht' in this file is the 'Geslacht' already stored, not a second attribute
    canonical = {normalise(n): n for n in stored_names}
    rename = {n: canonical.get(normalise(n), n) for n in names}
    if any(old != new for old, new in rename.items()):
        names = tuple(rename[n] for n in names)
        rows = [replace(r, attributes=tuple((rename[a], v) for a, v in r.attributes)) for r in rows]
    # '2a' is the stored '2A' (as on the Set-up page); within the file the first spelling counts
    spelling: dict[str, str] = {}
    for group in [*sorted(stored_classes), *(r.group for r in rows)]:
        spelling.setdefault(group.casefold(), group)
    rows = [replace(r, group=spelling[r.group.casefold()]) for r in rows]
    new, updated, unchanged = [], [], 0
    for row in rows:
        if identity.key(row.student_id) not in current:
            new.append(row)
            continue
        changes = _changes(row, *current[identity.key(row.student_id)])
        if changes:
            updated.append(RosterUpdate(row, changes))
        else:
            unchanged += 1
    return RosterPreview(Path(path), tuple(new), tuple(updated), unchanged, tuple(problems), names)


def apply_roster(store: Store, preview: RosterPreview) -> ImportSummary:
    """Write a previewed roster in one transaction; refused (ImportProblem) when it has problems."""
    if preview.problems:
        raise problem_exit(preview.path, preview.problems)
    rows = list(preview.new) + [u.row for u in preview.updated]
    if not rows:  # nothing to write: leave the store (and its revision) alone
        return ImportSummary("roster", added=0, unchanged=preview.unchanged, attributes=preview.attributes)
    added = updated = 0
    with store.transaction() as session:
        # everything looked up once: a whole school's export is thousands of rows
        by_id = {
            identity.key(s.external_id): s
            for s in session.scalars(
                select(Student).options(
                    selectinload(Student.attributes).selectinload(StudentAttribute.definition)
                )
            )
        }
        groups = {g.name: g for g in session.scalars(select(ClassGroup))}
        definitions = {d.name: d for d in session.scalars(select(AttributeDefinition))}
        for row in rows:
            group = groups.get(row.group)
            if group is None:
                made = class_by_name(session, row.group, create=True)
                if made is None:  # only an empty name gives no class, and the rows were checked for that
                    raise ImportProblem(t("Een leerling zonder klas kan niet worden ingelezen."))
                group = groups[row.group] = made
            student = by_id.get(identity.key(row.student_id))
            if student is None:
                student = Student(
                    external_id=row.student_id, display_name=row.name, class_group=group, attributes=[]
                )
                session.add(student)
                added += 1
            else:
                student.display_name = row.name
                student.class_group = group
                updated += 1
            set_student_attributes(session, student, dict(row.attributes), definitions)
        session.flush()
    return ImportSummary(
        "roster", added=added, updated=updated, unchanged=preview.unchanged, attributes=preview.attributes
    )


def import_roster(
    store: Store, path: Path | str, *, attributes: Iterable[str] | None = None
) -> ImportSummary:
    """Preview and apply a roster file: all or nothing."""
    return apply_roster(store, preview_roster(store, path, attributes=attributes))

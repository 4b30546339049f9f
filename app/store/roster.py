"""Classes, students and their audit attributes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.core import identity
from app.core.errors import UserError
from app.core.i18n import t
from app.schema.entities import AttributeDefinition, ClassGroup, Student, StudentAttribute
from app.schema.lookup import find_student_id
from app.store.records import ClassInfo, StudentInfo

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


def student_info(student: Student) -> StudentInfo:
    """The plain record of a student (attributes loaded)."""
    return StudentInfo(
        id=student.id,
        external_id=student.external_id,
        name=student.display_name,
        class_id=student.class_id,
        class_name=student.class_group.name,
        archived=student.archived,
        attributes={a.definition.name: a.value for a in student.attributes},
        seat_row=student.seat_row,
        seat_col=student.seat_col,
    )


def class_by_name(session: Session, name: str, *, create: bool = False) -> ClassGroup | None:
    """The class with this name, created when asked."""
    name = name.strip()
    group = session.scalar(select(ClassGroup).where(ClassGroup.name == name))
    if group is None and create:
        if not name:
            raise UserError(t("Een klas heeft een naam nodig."))
        group = ClassGroup(name=name)
        session.add(group)
        session.flush()
    return group


def attribute_by_name(session: Session, name: str, *, create: bool = False) -> AttributeDefinition | None:
    """The attribute definition with this name, created when asked."""
    name = name.strip()
    definition = session.scalar(select(AttributeDefinition).where(AttributeDefinition.name == name))
    if definition is None and create:
        definition = AttributeDefinition(name=name)
        session.add(definition)
        session.flush()
    return definition


def set_student_attributes(
    session: Session,
    student: Student,
    values: dict[str, str],
    definitions: dict[str, AttributeDefinition] | None = None,
) -> None:
    """Set (or clear, with an empty value) audit attributes of a student.

    ``definitions`` (name -> definition) is a cache for bulk imports; new definitions are added to it.
    """
    current = {a.definition.name: a for a in student.attributes}
    for name, value in values.items():
        value = (value or "").strip()
        if name in current:
            if value:
                current[name].value = value
            else:
                student.attributes.remove(current[name])
        elif value:
            definition = definitions.get(name) if definitions is not None else None
            if definition is None:
                definition = attribute_by_name(session, name, create=True)
                if definitions is not None and definition is not None:
                    definitions[name] = definition
            assert definition is not None
            student.attributes.append(StudentAttribute(definition=definition, value=value))


class RosterMixin:
    """Store methods for classes and students."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    def classes(self, *, include_archived: bool = False) -> list[ClassInfo]:
        """All classes, by name, with their number of active students."""
        with self.reading() as session:
            counts = dict(
                session.execute(
                    select(Student.class_id, func.count())
                    .where(Student.archived.is_(False))
                    .group_by(Student.class_id)
                ).all()
            )
            query = select(ClassGroup).order_by(ClassGroup.name)
            if not include_archived:
                query = query.where(ClassGroup.archived.is_(False))
            return [
                ClassInfo(g.id, g.name, g.archived, int(counts.get(g.id, 0))) for g in session.scalars(query)
            ]

    def add_class(self, name: str) -> ClassInfo:
        """Create a class (or return the existing one of that name)."""
        with self.transaction() as session:
            group = class_by_name(session, name, create=True)
            assert group is not None
            return ClassInfo(group.id, group.name, group.archived, 0)

    def rename_class(self, class_id: int, name: str) -> None:
        """Give a class another name."""
        name = name.strip()
        if not name:
            raise UserError(t("Een klas heeft een naam nodig."))
        with self.transaction() as session:
            if session.scalar(
                select(ClassGroup.id).where(ClassGroup.name == name, ClassGroup.id != class_id)
            ):
                raise UserError(t("Er is al een klas {name}.", name=name))
            group = session.get(ClassGroup, class_id)
            if group is None:
                raise UserError(t("Die klas bestaat niet meer."))
            group.name = name

    def archive_class(self, class_id: int, archived: bool = True) -> None:
        """Archive (hide) or restore a class."""
        with self.transaction() as session:
            group = session.get(ClassGroup, class_id)
            if group is not None:
                group.archived = archived

    def students(self, *, class_id: int | None = None, include_archived: bool = False) -> list[StudentInfo]:
        """Students (of one class, or all), sorted by class and name."""
        with self.reading() as session:
            query = (
                select(Student)
                .join(ClassGroup)
                .options(selectinload(Student.attributes).selectinload(StudentAttribute.definition))
                .order_by(ClassGroup.name, Student.display_name)
            )
            if class_id is not None:
                query = query.where(Student.class_id == class_id)
            if not include_archived:
                query = query.where(Student.archived.is_(False))
            return [student_info(s) for s in session.scalars(query)]

    def student(self, student_id: int) -> StudentInfo | None:
        """One student by internal id."""
        with self.reading() as session:
            student = session.get(Student, student_id)
            return student_info(student) if student is not None else None

    def student_by_external_id(self, external_id: str) -> StudentInfo | None:
        """One student by the id of the school's administration (any case, invisible characters ignored)."""
        with self.reading() as session:
            found = find_student_id(session, external_id)
            student = session.get(Student, found) if found is not None else None
            return student_info(student) if student is not None else None

    def add_student(
        self, external_id: str, name: str, class_name: str, attributes: dict[str, str] | None = None
    ) -> StudentInfo:
        """Add a student; the external id must be new."""
        external_id, name = identity.clean(external_id), identity.clean(name)
        if not external_id or not name:
            raise UserError(t("Een leerling heeft een nummer en een naam nodig."))
        with self.transaction() as session:
            if find_student_id(session, external_id) is not None:
                raise UserError(
                    t(
                        "Er is al een leerling met nummer {id}.",
                        id=external_id,
                    )
                )
            group = class_by_name(session, class_name, create=True)
            student = Student(external_id=external_id, display_name=name, class_group=group)
            session.add(student)
            session.flush()
            set_student_attributes(session, student, attributes or {})
            session.flush()
            return student_info(student)

    def update_student(
        self,
        student_id: int,
        *,
        name: str | None = None,
        class_name: str | None = None,
        attributes: dict[str, str] | None = None,
        archived: bool | None = None,
        seat: tuple[int | None, int | None] | None = None,
    ) -> StudentInfo:
        """Change a student's name, class, attributes, archived flag or seat."""
        with self.transaction() as session:
            student = session.get(Student, student_id)
            if student is None:
                raise UserError(t("Die leerling bestaat niet meer."))
            if name is not None:
                if not identity.clean(name):
                    raise UserError(t("De naam mag niet leeg zijn."))
                student.display_name = identity.clean(name)
            if class_name is not None:
                group = class_by_name(session, class_name, create=True)
                if group is None:  # only an empty name gives no class
                    raise UserError(t("Geef de naam van een klas."))
                student.class_group = group
            if attributes is not None:
                set_student_attributes(session, student, attributes)
            if archived is not None:
                student.archived = archived
            if seat is not None:
                student.seat_row, student.seat_col = seat
            session.flush()
            return student_info(student)

    def set_seats(self, seats: dict[int, tuple[int, int]]) -> None:
        """Store a seating plan: student id -> (row, column)."""
        with self.transaction() as session:
            for student_id, (row, col) in seats.items():
                student = session.get(Student, student_id)
                if student is not None:
                    student.seat_row, student.seat_col = row, col

    def attribute_names(self) -> list[str]:
        """The audit attributes the teacher defined, by name."""
        with self.reading() as session:
            return list(session.scalars(select(AttributeDefinition.name).order_by(AttributeDefinition.name)))

    def define_attribute(self, name: str) -> None:
        """Define an audit attribute (e.g. 'gender', 'support plan')."""
        if not name.strip():
            raise UserError(t("Een kenmerk heeft een naam nodig."))
        with self.transaction() as session:
            attribute_by_name(session, name, create=True)

    def remove_attribute(self, name: str) -> None:
        """Remove an audit attribute and every student's value of it."""
        with self.transaction() as session:
            definition = attribute_by_name(session, name)
            if definition is not None:
                for value in session.scalars(
                    select(StudentAttribute).where(StudentAttribute.attribute_id == definition.id)
                ):
                    session.delete(value)
                session.delete(definition)

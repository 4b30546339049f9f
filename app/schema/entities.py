"""Typed ORM classes, one per domain noun (SQLAlchemy 2, ``Mapped[...]``)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Meta(Base):
    """Key/value facts about the store itself (e.g. the revision counter)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ClassGroup(Base):
    """A class (klas / stamgroep)."""

    __tablename__ = "class_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    archived: Mapped[bool] = mapped_column(default=False)
    students: Mapped[list[Student]] = relationship(back_populates="class_group")


class Student(Base):
    """A student, identified by the external id of the school's administration."""

    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    class_id: Mapped[int] = mapped_column(ForeignKey("class_group.id", ondelete="RESTRICT"), index=True)
    archived: Mapped[bool] = mapped_column(default=False)
    seat_row: Mapped[int | None] = mapped_column(Integer, default=None)
    seat_col: Mapped[int | None] = mapped_column(Integer, default=None)
    class_group: Mapped[ClassGroup] = relationship(back_populates="students")
    attributes: Mapped[list[StudentAttribute]] = relationship(
        back_populates="student", cascade="all, delete-orphan"
    )
    __table_args__ = (CheckConstraint("length(trim(display_name)) > 0", name="student_name_not_empty"),)


class AttributeDefinition(Base):
    """An audit attribute the teacher defined (e.g. gender, support plan)."""

    __tablename__ = "attribute_definition"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)


class StudentAttribute(Base):
    """The value of one audit attribute for one student."""

    __tablename__ = "student_attribute"
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"))
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute_definition.id", ondelete="CASCADE"))
    value: Mapped[str] = mapped_column(String(200), default="")
    student: Mapped[Student] = relationship(back_populates="attributes")
    definition: Mapped[AttributeDefinition] = relationship()
    __table_args__ = (UniqueConstraint("student_id", "attribute_id"),)


class LadderStep(Base):
    """One step of the agreed ladder: level 1 is the lightest response."""

    __tablename__ = "ladder_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[int] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    __table_args__ = (
        CheckConstraint("level >= 1", name="ladder_level_positive"),
        CheckConstraint("kind IN ('warning', 'consequence')", name="ladder_kind_valid"),
    )


class Rule(Base):
    """A rule the team agreed, with its category and the step it starts at."""

    __tablename__ = "rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str] = mapped_column(String(16), default="routine")
    start_step: Mapped[int] = mapped_column(default=1)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    description: Mapped[str] = mapped_column(Text, default="")
    phase_downs: Mapped[list[PhaseDown]] = relationship(
        back_populates="rule", cascade="all, delete-orphan", order_by="PhaseDown.effective_from"
    )
    __table_args__ = (
        CheckConstraint("category IN ('routine', 'respect', 'safety')", name="rule_category_valid"),
        CheckConstraint("start_step >= 1", name="rule_start_positive"),
    )


class LadderChange(Base):
    """From a date on, the ladder had this many steps (so a changed ladder never rewrites the past)."""

    __tablename__ = "ladder_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    top: Mapped[int] = mapped_column()
    __table_args__ = (CheckConstraint("top >= 1", name="ladder_change_top_positive"),)


class PhaseDown(Base):
    """Afbouw: from a date on, a rule starts at another step of the ladder."""

    __tablename__ = "phase_down"
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("rule.id", ondelete="CASCADE"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    start_step: Mapped[int] = mapped_column()
    rule: Mapped[Rule] = relationship(back_populates="phase_downs")
    __table_args__ = (
        UniqueConstraint("rule_id", "effective_from"),
        CheckConstraint("start_step >= 1", name="phase_down_start_positive"),
    )


class Lesson(Base):
    """One class on one date in one period: where strikes are counted."""

    __tablename__ = "lesson"
    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("class_group.id", ondelete="RESTRICT"))
    date: Mapped[date] = mapped_column(Date)
    period: Mapped[int | None] = mapped_column(Integer, default=None)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    label: Mapped[str] = mapped_column(String(100), default="")
    mood: Mapped[str | None] = mapped_column(String(16), default=None)
    energy: Mapped[str | None] = mapped_column(String(16), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    #: 'taught', or 'cancelled' (cancelled in the timetable, or marked as not taught); checked by the
    #: store (migration 0003 adds columns in place, so no CHECK constraint: see its docstring)
    status: Mapped[str] = mapped_column(String(16), default="taught", server_default="taught")
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    #: a double period is one lesson over two periods
    n_periods: Mapped[int] = mapped_column(default=1, server_default="1")
    #: 'timetable' for a scheduled lesson; None for a lesson made by logging
    source: Mapped[str | None] = mapped_column(String(16), default=None)
    class_group: Mapped[ClassGroup] = relationship()
    __table_args__ = (
        Index("ix_lesson_class_date", "class_id", "date"),
        Index("ix_lesson_date", "date"),
        CheckConstraint("mood IS NULL OR mood IN ('calm', 'restless', 'tense')", name="lesson_mood_valid"),
        CheckConstraint("energy IS NULL OR energy IN ('low', 'ok', 'high')", name="lesson_energy_valid"),
    )


class TimetableTitle(Base):
    """What an event title of the timetable means: a class, or (class_id NULL) not a lesson of mine."""

    __tablename__ = "timetable_title"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), unique=True)
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("class_group.id", ondelete="CASCADE"), default=None
    )


class Incident(Base):
    """One response (a ladder step) to one student for one rule in one lesson."""

    __tablename__ = "incident"
    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lesson.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("rule.id", ondelete="RESTRICT"), index=True)
    step: Mapped[int] = mapped_column()
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    #: minutes the local clock was ahead of UTC at ``occurred_at`` (tells the twice-lived hour apart)
    utc_offset: Mapped[int | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, index=True)
    lesson: Mapped[Lesson] = relationship()
    student: Mapped[Student] = relationship()
    rule: Mapped[Rule] = relationship()
    __table_args__ = (CheckConstraint("step >= 1", name="incident_step_positive"),)


class FollowUp(Base):
    """After a consequence: the student spoken with first, then the parents informed (private notes)."""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), unique=True)
    student_told_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    student_note: Mapped[str] = mapped_column(Text, default="")
    parents_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    parents_how: Mapped[str | None] = mapped_column(String(16), default=None)
    #: why the parents were informed before the student was spoken with (e.g. urgent safety)
    parents_first_reason: Mapped[str] = mapped_column(Text, default="")
    incident: Mapped[Incident] = relationship()
    __table_args__ = (
        CheckConstraint(
            "parents_how IS NULL OR parents_how IN ('phone', 'email', 'app', 'in_person')",
            name="follow_up_how_valid",
        ),
    )


class Praise(Base):
    """Positive recognition, logged like an incident."""

    __tablename__ = "praise"
    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int | None] = mapped_column(ForeignKey("lesson.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    student: Mapped[Student] = relationship()
    lesson: Mapped[Lesson | None] = relationship()


class Reflection(Base):
    """The teacher's weekly reflection: answers to prompts and a free journal."""

    __tablename__ = "reflection"
    id: Mapped[int] = mapped_column(primary_key=True)
    week_start: Mapped[date] = mapped_column(Date, unique=True)
    journal: Mapped[str] = mapped_column(Text, default="")
    answers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class PreparedChoice(Base):
    """An if-then plan the teacher made in advance: in this situation, I will respond like this.

    The situation is any combination of the columns below (None: not restricted). ``origin_*`` names the
    finding it was made from, so its follow-up is measured the same way. Private like incident notes:
    a choice about a student goes when the student is forgotten (ON DELETE CASCADE).
    """

    __tablename__ = "prepared_choice"
    id: Mapped[int] = mapped_column(primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    #: Monday of the last week the teacher said the choice is still needed
    kept_week: Mapped[date | None] = mapped_column(Date, default=None)
    student_id: Mapped[int | None] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), default=None, index=True
    )
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("class_group.id", ondelete="CASCADE"), default=None
    )
    attribute: Mapped[str | None] = mapped_column(String(100), default=None)
    attribute_value: Mapped[str | None] = mapped_column(String(200), default=None)
    weekday: Mapped[str | None] = mapped_column(String(12), default=None)
    period: Mapped[int | None] = mapped_column(default=None)
    lesson_mood: Mapped[str | None] = mapped_column(String(16), default=None)
    teacher_energy: Mapped[str | None] = mapped_column(String(16), default=None)
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("rule.id", ondelete="CASCADE"), default=None)
    response: Mapped[str] = mapped_column(Text, default="")
    #: 'stricter' or 'milder' when made from a finding: which deviation the follow-up counts first
    direction: Mapped[str | None] = mapped_column(String(16), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    student: Mapped[Student | None] = relationship()
    class_group: Mapped[ClassGroup | None] = relationship()
    rule: Mapped[Rule | None] = relationship()
    __table_args__ = (
        CheckConstraint(
            "direction IS NULL OR direction IN ('stricter', 'milder')", name="prepared_choice_direction_valid"
        ),
        CheckConstraint("closed_on IS NULL OR closed_on >= starts_on", name="prepared_choice_closed_after"),
    )

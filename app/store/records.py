"""Plain records the store hands out: no ORM objects leave a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from app.core.situation import Situation


@dataclass(frozen=True)
class ClassInfo:
    """A class with its number of active students."""

    id: int
    name: str
    archived: bool
    n_students: int


@dataclass(frozen=True)
class StudentInfo:
    """A student with class and audit attributes."""

    id: int
    external_id: str
    name: str
    class_id: int
    class_name: str
    archived: bool
    attributes: dict[str, str] = field(default_factory=dict)
    seat_row: int | None = None
    seat_col: int | None = None


@dataclass(frozen=True)
class RuleInfo:
    """A rule of the team's agreements."""

    id: int
    name: str
    category: str
    start_step: int
    position: int
    active: bool
    description: str = ""
    phase_downs: tuple[tuple[date, int], ...] = ()

    def start_on(self, day: date) -> int:
        """The start step in force on a day (a changed start or the phase-down plan included)."""
        from app.core.protocol import effective_start

        return effective_start(self.start_step, self.phase_downs, day)

    @property
    def current_start(self) -> int:
        """The start step in force today."""
        return self.start_on(date.today())


@dataclass(frozen=True)
class StepInfo:
    """A ladder step."""

    level: int
    name: str
    kind: str


@dataclass(frozen=True)
class LessonInfo:
    """A lesson: one class, one date, one period."""

    id: int
    class_id: int
    class_name: str
    date: date
    period: int | None
    start_time: time | None
    mood: str | None
    energy: str | None
    note: str
    label: str = ""
    #: 'taught' or 'cancelled'
    status: str = "taught"
    end_time: time | None = None
    #: 2 for a double period
    n_periods: int = 1
    #: 'timetable' for a scheduled lesson, None for one made by logging
    source: str | None = None
    #: live incidents in the lesson (filled where a listing needs it)
    incidents: int = 0

    @property
    def scheduled(self) -> bool:
        """True when the lesson comes from the timetable."""
        return self.source == "timetable"


@dataclass(frozen=True)
class ScheduledLesson:
    """A lesson of the timetable, as an import hands it to the store."""

    class_id: int
    date: date
    period: int
    start_time: time
    end_time: time
    n_periods: int = 1
    cancelled: bool = False


@dataclass(frozen=True)
class TimetableResult:
    """What storing a timetable changed."""

    added: int
    kept: int
    removed: int
    cancelled: int
    date_from: date
    date_to: date


@dataclass(frozen=True)
class LoggedIncident:
    """An incident as stored, with its strike and what the protocol said."""

    id: int
    lesson_id: int
    student_id: int
    student_external_id: str
    student_name: str
    class_name: str
    rule_id: int
    rule_name: str
    step: int
    step_name: str
    agreed_step: int
    agreed_step_name: str
    strike: int
    occurred_at: datetime
    note: str
    lesson_date: date
    period: int | None
    edited_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def deviation(self) -> str:
        """'stricter', 'agreed' or 'milder'."""
        from app.core.protocol import deviation

        return deviation(self.step, self.agreed_step)


@dataclass(frozen=True)
class PraiseInfo:
    """A logged praise."""

    id: int
    student_id: int
    student_name: str
    lesson_id: int | None
    occurred_at: datetime
    note: str
    edited_at: datetime | None = None


@dataclass(frozen=True)
class ReflectionInfo:
    """A week's reflection."""

    week_start: date
    journal: str
    answers: dict[str, str]
    updated_at: datetime | None


@dataclass(frozen=True)
class FollowUpInfo:
    """What is done and still to do after one consequence (private: never exported)."""

    incident_id: int
    student_id: int
    student_name: str
    class_name: str
    rule_name: str
    step_name: str
    occurred_at: datetime
    student_told_at: datetime | None
    student_note: str
    parents_at: datetime | None
    parents_how: str | None
    parents_first_reason: str

    @property
    def done(self) -> bool:
        """Both steps taken."""
        return self.student_told_at is not None and self.parents_at is not None


@dataclass(frozen=True)
class ChoiceInfo:
    """A prepared choice: the situation, the teacher's own response, and when it holds."""

    id: int
    situation: Situation
    response: str
    starts_on: date
    closed_on: date | None
    kept_week: date | None
    direction: str | None  #: 'stricter' | 'milder' when made from a finding
    student_id: int | None  #: the store's ids behind the situation (for editing)
    class_id: int | None
    rule_id: int | None
    student_name: str = ""  #: private: shown on the teacher's own screen only

    @property
    def active(self) -> bool:
        """Still open (the teacher has not closed it)."""
        return self.closed_on is None

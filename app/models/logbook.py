"""Lessons, incidents and praise: logging, strikes, undo, edits, and the weekly reflection."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, joinedload

from app.errors import UserError
from app.i18n import t
from app.models.entities import (
    ENERGIES,
    MOODS,
    ClassGroup,
    Incident,
    LadderStep,
    Lesson,
    Praise,
    Reflection,
    Rule,
    Student,
)
from app.models.local_time import moment_of
from app.models.records import LessonInfo, LoggedIncident, PraiseInfo, ReflectionInfo, UndoResult
from app.models.rulebook import top_level
from app.protocol import agreed_step, effective_start

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


def now() -> datetime:
    """The current local time, to the second."""
    return datetime.now().replace(microsecond=0)


def lesson_info(lesson: Lesson) -> LessonInfo:
    """The plain record of a lesson."""
    return LessonInfo(
        id=lesson.id,
        class_id=lesson.class_id,
        class_name=lesson.class_group.name,
        date=lesson.date,
        period=lesson.period,
        start_time=lesson.start_time,
        mood=lesson.mood,
        energy=lesson.energy,
        note=lesson.note,
        label=lesson.label,
    )


def strike_of(session: Session, incident: Incident) -> int:
    """The incident's strike: its rank among the student's live incidents in the lesson."""
    earlier = session.scalars(
        select(Incident.id).where(
            Incident.lesson_id == incident.lesson_id,
            Incident.student_id == incident.student_id,
            Incident.deleted_at.is_(None),
            or_(
                Incident.occurred_at < incident.occurred_at,
                and_(Incident.occurred_at == incident.occurred_at, Incident.id < incident.id),
            ),
        )
    ).all()
    return len(earlier) + 1


def agreed_for(session: Session, rule: Rule, strike: int, on: date) -> int:
    """The agreed step for a strike of a rule on a date (phase-down included)."""
    start = effective_start(rule.start_step, [(p.effective_from, p.start_step) for p in rule.phase_downs], on)
    return int(agreed_step(start, strike, top_level(session)))


def step_names(session: Session) -> dict[int, str]:
    """Ladder level -> name."""
    return {s.level: s.name for s in session.scalars(select(LadderStep))}


def logged_incident(
    session: Session, incident: Incident, names: dict[int, str] | None = None
) -> LoggedIncident:
    """The plain record of an incident, with strike and agreed step computed now."""
    names = names if names is not None else step_names(session)
    strike = strike_of(session, incident)
    agreed = agreed_for(session, incident.rule, strike, incident.lesson.date)
    return LoggedIncident(
        id=incident.id,
        lesson_id=incident.lesson_id,
        student_id=incident.student_id,
        student_external_id=incident.student.external_id,
        student_name=incident.student.display_name,
        class_name=incident.lesson.class_group.name,
        rule_id=incident.rule_id,
        rule_name=incident.rule.name,
        step=incident.step,
        step_name=names.get(incident.step, str(incident.step)),
        agreed_step=agreed,
        agreed_step_name=names.get(agreed, str(agreed)),
        strike=strike,
        occurred_at=incident.occurred_at,
        note=incident.note,
        lesson_date=incident.lesson.date,
        period=incident.lesson.period,
        edited_at=incident.edited_at,
        deleted_at=incident.deleted_at,
    )


def check_step(session: Session, step: int) -> None:
    """Raise a UserError when ``step`` is not a level of the ladder."""
    top = top_level(session)
    if not 1 <= step <= top:
        raise UserError(
            t(
                "Stap {s} staat niet op de ladder (1 tot {top}).",
                "Step {s} is not on the ladder (1 to {top}).",
                s=step,
                top=top,
            )
        )


def check_lesson_fields(mood: str | None, energy: str | None) -> None:
    """Raise a UserError for an unknown mood or energy."""
    if mood is not None and mood not in MOODS:
        raise UserError(t("Onbekende sfeer: {m}", "Unknown mood: {m}", m=mood))
    if energy is not None and energy not in ENERGIES:
        raise UserError(t("Onbekende energie: {e}", "Unknown energy: {e}", e=energy))


class LogbookMixin:
    """Store methods for logging and reading back."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    # -- lessons -------------------------------------------------------------------------------
    def lesson_for(
        self,
        class_id: int,
        on: date,
        *,
        period: int | None = None,
        start_time: time | None = None,
        new: bool = False,
    ) -> LessonInfo:
        """The lesson of a class on a date (and period, when given); created when none exists or ``new``."""
        with self.transaction() as session:
            lesson = None
            if not new:
                query = select(Lesson).where(Lesson.class_id == class_id, Lesson.date == on)
                if period is not None:
                    query = query.where(Lesson.period == period)
                lesson = session.scalars(query.order_by(Lesson.id.desc())).first()
            if lesson is None:
                if session.get(ClassGroup, class_id) is None:
                    raise UserError(t("Die klas bestaat niet meer.", "That class no longer exists."))
                lesson = Lesson(class_id=class_id, date=on, period=period, start_time=start_time)
                session.add(lesson)
                session.flush()
            return lesson_info(lesson)

    def lessons(self, *, class_id: int | None = None, on: date | None = None) -> list[LessonInfo]:
        """Lessons, newest first."""
        with self.reading() as session:
            query = select(Lesson).options(joinedload(Lesson.class_group))
            if class_id is not None:
                query = query.where(Lesson.class_id == class_id)
            if on is not None:
                query = query.where(Lesson.date == on)
            query = query.order_by(Lesson.date.desc(), Lesson.id.desc())
            return [lesson_info(lesson) for lesson in session.scalars(query)]

    def update_lesson(
        self,
        lesson_id: int,
        *,
        period: int | None = None,
        start_time: time | None = None,
        mood: str | None = None,
        energy: str | None = None,
        note: str | None = None,
        clear: tuple[str, ...] = (),
    ) -> LessonInfo:
        """Set a lesson's period, start time, mood, energy or note; ``clear`` names fields to empty."""
        check_lesson_fields(mood, energy)
        with self.transaction() as session:
            lesson = session.get(Lesson, lesson_id)
            if lesson is None:
                raise UserError(t("Die les bestaat niet meer.", "That lesson no longer exists."))
            for field, value in (
                ("period", period),
                ("start_time", start_time),
                ("mood", mood),
                ("energy", energy),
                ("note", note),
            ):
                if value is not None:
                    setattr(lesson, field, value)
            for field in clear:
                setattr(lesson, field, "" if field == "note" else None)
            session.flush()
            return lesson_info(lesson)

    # -- incidents -----------------------------------------------------------------------------
    def next_strike(self, lesson_id: int, student_id: int) -> int:
        """The strike the student's next incident in this lesson would be."""
        with self.reading() as session:
            return (
                len(
                    session.scalars(
                        select(Incident.id).where(
                            Incident.lesson_id == lesson_id,
                            Incident.student_id == student_id,
                            Incident.deleted_at.is_(None),
                        )
                    ).all()
                )
                + 1
            )

    def agreed_step_for(self, lesson_id: int, student_id: int, rule_id: int) -> tuple[int, int]:
        """``(strike, agreed step)`` for the student's next incident of this rule in this lesson."""
        strike = self.next_strike(lesson_id, student_id)
        with self.reading() as session:
            lesson = session.get(Lesson, lesson_id)
            rule = session.get(Rule, rule_id)
            if lesson is None or rule is None:
                raise UserError(t("Les of afspraak bestaat niet meer.", "Lesson or rule no longer exists."))
            return strike, agreed_for(session, rule, strike, lesson.date)

    def log_incident(
        self,
        student_id: int,
        rule_id: int,
        step: int | None = None,
        *,
        lesson_id: int | None = None,
        occurred_at: datetime | None = None,
        note: str = "",
    ) -> LoggedIncident:
        """Store one incident; without ``step`` the agreed step is used. Returns it with its strike.

        ``occurred_at`` is local time (naive, ``fold=1`` for the second pass of the hour the clocks go
        back) or aware; its UTC offset is stored with it, so two moments an hour apart stay apart.
        """
        when, offset = moment_of(occurred_at)
        with self.transaction() as session:
            student = session.get(Student, student_id)
            rule = session.get(Rule, rule_id)
            if student is None:
                raise UserError(t("Die leerling bestaat niet meer.", "That student no longer exists."))
            if rule is None:
                raise UserError(t("Die afspraak bestaat niet meer.", "That rule no longer exists."))
            if lesson_id is None:
                lesson = session.scalars(
                    select(Lesson)
                    .where(Lesson.class_id == student.class_id, Lesson.date == when.date())
                    .order_by(Lesson.id.desc())
                ).first()
                if lesson is None:
                    lesson = Lesson(class_id=student.class_id, date=when.date())
                    session.add(lesson)
                    session.flush()
            else:
                lesson = session.get(Lesson, lesson_id)  # type: ignore[assignment]
                if lesson is None:
                    raise UserError(t("Die les bestaat niet meer.", "That lesson no longer exists."))
            if step is not None:
                check_step(session, step)
            incident = Incident(
                lesson=lesson,
                student=student,
                rule=rule,
                step=step or 1,
                occurred_at=when,
                utc_offset=offset,
                note=note.strip(),
                created_at=datetime.now(),
            )
            session.add(incident)
            session.flush()
            if step is None:
                incident.step = agreed_for(session, rule, strike_of(session, incident), lesson.date)
                session.flush()
            return logged_incident(session, incident)

    def incident(self, incident_id: int) -> LoggedIncident | None:
        """One incident (also a deleted one)."""
        with self.reading() as session:
            incident = session.get(Incident, incident_id)
            return logged_incident(session, incident) if incident is not None else None

    def update_incident(
        self,
        incident_id: int,
        *,
        student_id: int | None = None,
        rule_id: int | None = None,
        step: int | None = None,
        occurred_at: datetime | None = None,
        note: str | None = None,
        lesson_id: int | None = None,
    ) -> LoggedIncident:
        """Edit an incident; the edit time is stored."""
        with self.transaction() as session:
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise UserError(t("Dat incident bestaat niet meer.", "That incident no longer exists."))
            if step is not None:
                check_step(session, step)
                incident.step = step
            if student_id is not None:
                if session.get(Student, student_id) is None:
                    raise UserError(t("Die leerling bestaat niet meer.", "That student no longer exists."))
                incident.student_id = student_id
            if rule_id is not None:
                if session.get(Rule, rule_id) is None:
                    raise UserError(t("Die afspraak bestaat niet meer.", "That rule no longer exists."))
                incident.rule_id = rule_id
            if lesson_id is not None:
                if session.get(Lesson, lesson_id) is None:
                    raise UserError(t("Die les bestaat niet meer.", "That lesson no longer exists."))
                incident.lesson_id = lesson_id
            if occurred_at is not None:
                incident.occurred_at, incident.utc_offset = moment_of(occurred_at)
            if note is not None:
                incident.note = note.strip()
            incident.edited_at = now()
            session.flush()
            session.expire(incident)
            return logged_incident(session, incident)

    def delete_incident(self, incident_id: int) -> None:
        """Delete an incident (soft: it can be restored)."""
        with self.transaction() as session:
            incident = session.get(Incident, incident_id)
            if incident is not None and incident.deleted_at is None:
                incident.deleted_at = now()

    def restore_incident(self, incident_id: int) -> None:
        """Bring back a deleted incident."""
        with self.transaction() as session:
            incident = session.get(Incident, incident_id)
            if incident is not None:
                incident.deleted_at = None

    def incidents(
        self,
        *,
        class_id: int | None = None,
        student_id: int | None = None,
        rule_id: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        lesson_id: int | None = None,
        include_deleted: bool = False,
        limit: int | None = None,
    ) -> list[LoggedIncident]:
        """Incidents with strike and agreed step, newest first, filtered as asked."""
        with self.reading() as session:
            query = (
                select(Incident)
                .join(Lesson)
                .options(
                    joinedload(Incident.lesson).joinedload(Lesson.class_group),
                    joinedload(Incident.student),
                    joinedload(Incident.rule).selectinload(Rule.phase_downs),
                )
            )
            if class_id is not None:
                query = query.where(Lesson.class_id == class_id)
            if student_id is not None:
                query = query.where(Incident.student_id == student_id)
            if rule_id is not None:
                query = query.where(Incident.rule_id == rule_id)
            if lesson_id is not None:
                query = query.where(Incident.lesson_id == lesson_id)
            if date_from is not None:
                query = query.where(Lesson.date >= date_from)
            if date_to is not None:
                query = query.where(Lesson.date <= date_to)
            if not include_deleted:
                query = query.where(Incident.deleted_at.is_(None))
            query = query.order_by(Incident.occurred_at.desc(), Incident.id.desc())
            if limit is not None:
                query = query.limit(limit)
            rows = list(session.scalars(query).unique())
            return self._with_strikes(session, rows)

    @staticmethod
    def _with_strikes(session: Session, rows: list[Incident]) -> list[LoggedIncident]:
        """Records for many incidents, strikes counted per lesson and student in one pass."""
        if not rows:
            return []
        names = step_names(session)
        top = top_level(session)
        keys = {(r.lesson_id, r.student_id) for r in rows}
        lesson_ids = {k[0] for k in keys}
        live = session.execute(
            select(Incident.id, Incident.lesson_id, Incident.student_id, Incident.occurred_at)
            .where(Incident.lesson_id.in_(lesson_ids), Incident.deleted_at.is_(None))
            .order_by(Incident.occurred_at, Incident.id)
        ).all()
        rank: dict[int, int] = {}
        counters: dict[tuple[int, int], int] = {}
        for inc_id, lesson_id, student_id, _ in live:
            key = (lesson_id, student_id)
            counters[key] = counters.get(key, 0) + 1
            rank[inc_id] = counters[key]
        out = []
        for r in rows:
            strike = rank.get(r.id) or strike_of(session, r)
            start = effective_start(
                r.rule.start_step,
                [(p.effective_from, p.start_step) for p in r.rule.phase_downs],
                r.lesson.date,
            )
            agreed = int(agreed_step(start, strike, top))
            out.append(
                LoggedIncident(
                    id=r.id,
                    lesson_id=r.lesson_id,
                    student_id=r.student_id,
                    student_external_id=r.student.external_id,
                    student_name=r.student.display_name,
                    class_name=r.lesson.class_group.name,
                    rule_id=r.rule_id,
                    rule_name=r.rule.name,
                    step=r.step,
                    step_name=names.get(r.step, str(r.step)),
                    agreed_step=agreed,
                    agreed_step_name=names.get(agreed, str(agreed)),
                    strike=strike,
                    occurred_at=r.occurred_at,
                    note=r.note,
                    lesson_date=r.lesson.date,
                    period=r.lesson.period,
                    edited_at=r.edited_at,
                    deleted_at=r.deleted_at,
                )
            )
        return out

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
                raise UserError(t("Die leerling bestaat niet meer.", "That student no longer exists."))
            if lesson_id is not None and session.get(Lesson, lesson_id) is None:
                raise UserError(t("Die les bestaat niet meer.", "That lesson no longer exists."))
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
                raise UserError(t("Dat compliment bestaat niet meer.", "That praise no longer exists."))
            if student_id is not None:
                if session.get(Student, student_id) is None:
                    raise UserError(t("Die leerling bestaat niet meer.", "That student no longer exists."))
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

    # -- undo ----------------------------------------------------------------------------------
    def undo_last(self) -> UndoResult | None:
        """Undo the most recent save (incident or praise), also after a restart; None if nothing left."""
        with self.transaction() as session:
            incident = session.scalars(
                select(Incident)
                .where(Incident.deleted_at.is_(None))
                .order_by(Incident.created_at.desc(), Incident.id.desc())
            ).first()
            praise = session.scalars(
                select(Praise)
                .where(Praise.deleted_at.is_(None))
                .order_by(Praise.created_at.desc(), Praise.id.desc())
            ).first()
            if incident is None and praise is None:
                return None
            if praise is not None and (incident is None or praise.created_at > incident.created_at):
                praise.deleted_at = now()
                return UndoResult(
                    "praise",
                    praise.id,
                    t(
                        "Compliment voor {name} ongedaan gemaakt.",
                        "Praise for {name} undone.",
                        name=praise.student.display_name,
                    ),
                )
            assert incident is not None
            incident.deleted_at = now()
            return UndoResult(
                "incident",
                incident.id,
                t(
                    "Incident van {name} ({rule}) ongedaan gemaakt.",
                    "Incident of {name} ({rule}) undone.",
                    name=incident.student.display_name,
                    rule=incident.rule.name,
                ),
            )

    # -- reflections ---------------------------------------------------------------------------
    def reflection(self, week_start: date) -> ReflectionInfo:
        """The reflection of the week starting on Monday ``week_start`` (empty if none yet)."""
        monday = week_start - timedelta(days=week_start.weekday())
        with self.reading() as session:
            row = session.scalar(select(Reflection).where(Reflection.week_start == monday))
            if row is None:
                return ReflectionInfo(monday, "", {}, None)
            return ReflectionInfo(row.week_start, row.journal, dict(row.answers or {}), row.updated_at)

    def save_reflection(self, week_start: date, journal: str, answers: dict[str, str]) -> ReflectionInfo:
        """Save the journal and answers of a week."""
        monday = week_start - timedelta(days=week_start.weekday())
        with self.transaction() as session:
            row = session.scalar(select(Reflection).where(Reflection.week_start == monday))
            if row is None:
                row = Reflection(week_start=monday, journal="", answers={}, updated_at=now())
                session.add(row)
            row.journal = journal
            row.answers = dict(answers)
            row.updated_at = now()
            session.flush()
            return ReflectionInfo(row.week_start, row.journal, dict(row.answers), row.updated_at)

    def reflection_weeks(self) -> list[date]:
        """Weeks with a saved reflection, newest first."""
        with self.reading() as session:
            return list(session.scalars(select(Reflection.week_start).order_by(Reflection.week_start.desc())))

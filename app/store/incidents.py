"""Incidents: logging (strike and agreed step), edits, deletes, the history with strikes, and undo."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, joinedload

from app.core.errors import UserError
from app.core.i18n import t
from app.core.local_time import moment_of
from app.core.protocol import agreed_step, effective_start, top_on
from app.schema.entities import (
    Incident,
    LadderStep,
    Lesson,
    Rule,
    Student,
)
from app.store.followups import open_follow_up
from app.store.records import LoggedIncident
from app.store.rulebook import ladder_changes, retired_step_names, top_for, top_level

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


def now() -> datetime:
    """The current local time, to the second."""
    return datetime.now().replace(microsecond=0)


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
    return int(agreed_step(start, strike, top_for(session, on)))


def step_names(session: Session) -> dict[int, str]:
    """Ladder level -> name (a step taken off the ladder keeps the name it had)."""
    names = retired_step_names(session)
    names.update({s.level: s.name for s in session.scalars(select(LadderStep))})
    return names


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
                s=step,
                top=top,
            )
        )


class IncidentsMixin:
    """Store methods for logging incidents and reading them back."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

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
                raise UserError(t("Les of afspraak bestaat niet meer."))
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
                raise UserError(t("Die leerling bestaat niet meer."))
            if rule is None:
                raise UserError(t("Die afspraak bestaat niet meer."))
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
                lesson = session.get(Lesson, lesson_id)
                if lesson is None:
                    raise UserError(t("Die les bestaat niet meer."))
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
            open_follow_up(session, incident)  # a consequence: the student first, then the parents
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
                raise UserError(t("Dat incident bestaat niet meer."))
            if step is not None:
                check_step(session, step)
                incident.step = step
            if student_id is not None:
                if session.get(Student, student_id) is None:
                    raise UserError(t("Die leerling bestaat niet meer."))
                incident.student_id = student_id
            if rule_id is not None:
                if session.get(Rule, rule_id) is None:
                    raise UserError(t("Die afspraak bestaat niet meer."))
                incident.rule_id = rule_id
            if lesson_id is not None:
                if session.get(Lesson, lesson_id) is None:
                    raise UserError(t("Die les bestaat niet meer."))
                incident.lesson_id = lesson_id
            if occurred_at is not None:
                incident.occurred_at, incident.utc_offset = moment_of(occurred_at)
            if note is not None:
                incident.note = note.strip()
            incident.edited_at = now()
            session.flush()
            open_follow_up(session, incident)  # a step edited to (or from) a consequence
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
        top, changes = top_level(session), ladder_changes(session)
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
            agreed = int(agreed_step(start, strike, top_on(changes, top, r.lesson.date)))
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

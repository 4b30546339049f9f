"""Incident import: ``timestamp,student_id,rule,severity[,lesson][,period][,note]`` (+ ``name,group``).

Without ``lesson`` (and ``period``) the incidents of one class on one date form one lesson; with them,
their values key the lesson within class and date (``lesson`` is stored as the lesson's label).
Written in bulk with SQLAlchemy Core ``insert()`` executemany: no ORM object per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select

from app.core import identity
from app.core.i18n import t
from app.core.local_time import StoredMoments
from app.importers.incident_rows import IncidentRow, parse_incidents
from app.importers.problems import ImportSummary, RowProblem, problem_exit
from app.schema.entities import ClassGroup, Incident, LadderStep, Lesson, Meta, Rule, Student
from app.store.rulebook import rule_key

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.store.store import Store


@dataclass(frozen=True)
class IncidentsPreview:
    """What importing an incidents file would do; ``problems`` non-empty means it would be refused."""

    path: Path
    new: tuple[IncidentRow, ...]
    unchanged: int  #: rows already in the store (same student, rule and time)
    new_rules: tuple[str, ...]  #: rules the file names that do not exist yet (created at start step 1)
    new_lessons: int
    problems: tuple[RowProblem, ...]
    loose_lessons: bool = True  #: no lesson/period columns: one lesson per class and date
    revision: int = -1  #: the store's revision the preview was made against
    _resolved: _Plan | None = field(default=None, repr=False, compare=False)

    @property
    def updated(self) -> tuple[IncidentRow, ...]:
        """Always empty: an import adds incidents, it never changes stored ones."""
        return ()

    @property
    def ok(self) -> bool:
        """True when the file can be imported."""
        return not self.problems


#: a lesson as the import keys it: class id, date, label, period
LessonKey = tuple[int, date, str, int | None]


@dataclass
class _Plan:
    """Rows resolved against the store: ids, the lessons to create, what to skip."""

    rows: list[tuple[IncidentRow, int, int, LessonKey]]  #: row, student pk, rule id (0: new rule), lesson
    new_rules: list[str]
    new_lessons: set[LessonKey]
    lesson_ids: dict[LessonKey, int]
    unchanged: int
    problems: list[RowProblem]


def _plan(session: Session, rows: list[IncidentRow], loose: bool) -> _Plan:
    """Resolve students, classes, rules, lessons and steps; find rows already stored."""
    students = {  # by identity.key: 'abc1' and '3005\u200b' find 'ABC1' and '3005'
        identity.key(ext): (sid, cid)
        for sid, ext, cid in session.execute(select(Student.id, Student.external_id, Student.class_id))
    }
    classes: dict[str, int] = {}  # by casefold: '2a' is the class '2A' (as on the Set-up page)
    for name, cid in session.execute(select(ClassGroup.name, ClassGroup.id).order_by(ClassGroup.name)):
        classes.setdefault(name.casefold(), cid)
    rules = {rule_key(name): rid for rid, name in session.execute(select(Rule.id, Rule.name))}
    top = int(session.scalar(select(func.max(LadderStep.level))) or 1)
    problems: list[RowProblem] = []
    new_rules: dict[str, str] = {}
    resolved: list[tuple[IncidentRow, int, int | None, LessonKey]] = []
    for row in rows:
        reasons = []
        student = students.get(identity.key(row.student_id))
        if student is None:
            reasons.append(t("onbekende leerling '{s}'", s=row.student_id[:40]))
        class_id = student[1] if student else 0
        if row.group:
            class_id = classes.get(row.group.casefold(), 0)
            if not class_id:
                reasons.append(t("onbekende klas '{g}'", g=row.group[:40]))
        if not 1 <= row.step <= top:
            reasons.append(
                t(
                    "stap {s} staat niet op de ladder (1 tot {top})",
                    s=row.step,
                    top=top,
                )
            )
        if reasons:
            problems.append(RowProblem(row.line, "; ".join(reasons) + "."))
            continue
        assert student is not None
        key_of_rule = rule_key(row.rule)
        rule_id = rules.get(key_of_rule)
        if rule_id is None:
            new_rules.setdefault(key_of_rule, row.rule)
        key = (class_id, row.occurred_at.date(), row.lesson, row.period)
        resolved.append((row, student[0], rule_id, key))
    plan = _Plan([], list(new_rules.values()), set(), {}, 0, problems)
    if problems or not resolved:
        return plan
    first = min(r[3][1] for r in resolved)
    last = max(r[3][1] for r in resolved)
    lessons = session.execute(
        select(Lesson.id, Lesson.class_id, Lesson.date, Lesson.label, Lesson.period)
        .where(Lesson.date >= first, Lesson.date <= last)
        .order_by(Lesson.id)
    ).all()
    for lesson_id, class_id, day, label, period in lessons:
        plan.lesson_ids[(class_id, day, "", None) if loose else (class_id, day, label, period)] = lesson_id
    query = select(Incident.student_id, Incident.rule_id, Incident.occurred_at, Incident.utc_offset).where(
        Incident.deleted_at.is_(None),
        Incident.occurred_at >= datetime.combine(first, datetime.min.time()),
        Incident.occurred_at < datetime.combine(last + timedelta(days=1), datetime.min.time()),
    )
    stored = StoredMoments([(s, r, when, offset) for s, r, when, offset in session.execute(query)])
    for row, student_pk, rule_id, key in resolved:
        if rule_id is not None and stored.take(student_pk, rule_id, row.occurred_at, row.utc_offset):
            plan.unchanged += 1
            continue
        if key not in plan.lesson_ids:
            plan.new_lessons.add(key)
        plan.rows.append((row, student_pk, rule_id or 0, key))
    return plan


def preview_incidents(store: Store, path: Path | str) -> IncidentsPreview:
    """Read an incidents file and compare it with the store; writes nothing."""
    rows, problems, loose = parse_incidents(path)
    with store.reading() as session:
        revision = _revision(session)
        plan = _plan(session, rows, loose)  # the readable rows too: every bad row in one report
    problems = sorted([*problems, *plan.problems], key=lambda p: p.line)
    if problems:
        return IncidentsPreview(Path(path), (), 0, (), 0, tuple(problems), loose)
    return IncidentsPreview(
        Path(path),
        tuple(r[0] for r in plan.rows),
        plan.unchanged,
        tuple(plan.new_rules),
        len(plan.new_lessons),
        (),
        loose,
        revision,
        plan,
    )


def _revision(session: Session) -> int:
    """The store's revision as this session sees it."""
    row = session.get(Meta, "revision")
    return int(row.value or 0) if row is not None else 0


def apply_incidents(store: Store, preview: IncidentsPreview) -> ImportSummary:
    """Write previewed incidents in one transaction (Core executemany); refused when it has problems."""
    if preview.problems:
        raise problem_exit(preview.path, preview.problems)
    if not preview.new and not preview.new_rules:  # all stored already: leave the store alone
        return ImportSummary("incidents", added=0, unchanged=preview.unchanged)
    with store.transaction() as session:
        if preview._resolved is not None and _revision(session) == preview.revision:
            cached = preview._resolved
            plan = _Plan(cached.rows, cached.new_rules, cached.new_lessons, dict(cached.lesson_ids), 0, [])
        else:  # the store changed since the preview: resolve again, inside this transaction
            plan = _plan(session, list(preview.new), preview.loose_lessons)
        if plan.problems:
            raise problem_exit(preview.path, plan.problems)
        if plan.new_rules:
            position = int(session.scalar(select(func.max(Rule.position))) or 0)
            session.execute(
                insert(Rule.__table__),
                [
                    {
                        "name": name,
                        "category": "routine",
                        "start_step": 1,
                        "position": position + i,
                        "active": True,
                        "description": "",
                    }
                    for i, name in enumerate(plan.new_rules, start=1)
                ],
            )
        rules = {rule_key(name): rid for rid, name in session.execute(select(Rule.id, Rule.name))}
        before = int(session.scalar(select(func.max(Lesson.id))) or 0)
        if plan.new_lessons:
            session.execute(
                insert(Lesson.__table__),
                [
                    {"class_id": c, "date": d, "label": label, "period": p, "note": ""}
                    for c, d, label, p in sorted(
                        plan.new_lessons, key=lambda k: (k[1], k[0], k[3] or 0, k[2])
                    )
                ],
            )
            for lesson_id, c, d, label, p in session.execute(
                select(Lesson.id, Lesson.class_id, Lesson.date, Lesson.label, Lesson.period).where(
                    Lesson.id > before
                )
            ):
                plan.lesson_ids[(c, d, "", None) if preview.loose_lessons else (c, d, label, p)] = lesson_id
        created = datetime.now()
        if plan.rows:
            session.execute(
                insert(Incident.__table__),
                [
                    {
                        "lesson_id": plan.lesson_ids[key],
                        "student_id": student_pk,
                        "rule_id": rule_id or rules[rule_key(row.rule)],
                        "step": row.step,
                        "occurred_at": row.occurred_at,
                        "utc_offset": row.utc_offset,
                        "note": row.note,
                        "created_at": created,
                    }
                    for row, student_pk, rule_id, key in plan.rows
                ],
            )
    return ImportSummary(
        "incidents",
        added=len(plan.rows),
        unchanged=preview.unchanged + plan.unchanged,
        lessons_added=len(plan.new_lessons),
        rules_created=tuple(plan.new_rules),
    )


def import_incidents(store: Store, path: Path | str) -> ImportSummary:
    """Preview and apply an incidents file: all or nothing."""
    return apply_incidents(store, preview_incidents(store, path))

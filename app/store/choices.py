"""Prepared choices (issue #15): if-then plans the teacher makes in advance, and closes when done.

A choice is a situation (``app.core.situation``: a student, class, attribute value, moment, rule, or a
combination) and the teacher's own response. It holds from its start date until the teacher closes it;
closed choices stay readable. The weekly reflection asks whether a choice is still needed; the answer
"keep" is remembered per week (``kept_week``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.calendar import monday_of
from app.core.errors import UserError
from app.core.i18n import t
from app.core.situation import Situation
from app.core.vocabulary import ENERGIES, MOODS, WEEKDAYS
from app.schema.entities import AttributeDefinition, ClassGroup, PreparedChoice, Rule, Student
from app.store.records import ChoiceInfo

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

RESPONSE_LIMIT = 500
DIRECTIONS = ("stricter", "milder")


@dataclass(frozen=True)
class ChoiceDraft:
    """What the teacher fills in: the store's ids for student, class and rule; None leaves it open."""

    response: str
    starts_on: date
    student_id: int | None = None
    class_id: int | None = None
    attribute: str | None = None
    attribute_value: str | None = None
    weekday: str | None = None
    period: int | None = None
    lesson_mood: str | None = None
    teacher_energy: str | None = None
    rule_id: int | None = None
    direction: str | None = None


def _info(row: PreparedChoice) -> ChoiceInfo:
    situation = Situation(
        student=row.student.external_id if row.student is not None else None,
        group=row.class_group.name if row.class_group is not None else None,
        attribute=row.attribute,
        value=row.attribute_value,
        weekday=row.weekday,
        period=row.period,
        lesson_mood=row.lesson_mood,
        teacher_energy=row.teacher_energy,
        rule=row.rule.name if row.rule is not None else None,
    )
    return ChoiceInfo(
        id=row.id,
        situation=situation,
        response=row.response,
        starts_on=row.starts_on,
        closed_on=row.closed_on,
        kept_week=row.kept_week,
        direction=row.direction,
        student_id=row.student_id,
        class_id=row.class_id,
        rule_id=row.rule_id,
        student_name=row.student.display_name if row.student is not None else "",
    )


def _check(session: Session, draft: ChoiceDraft) -> None:
    """A clear Dutch message for every way a draft can be wrong; nothing is stored then."""
    response = draft.response.strip()
    if not response:
        raise UserError(t("Schrijf op wat je dan doet: de keuze is nog leeg."))
    if len(response) > RESPONSE_LIMIT:
        raise UserError(t("De keuze is te lang (meer dan {n} tekens); houd het kort.", n=RESPONSE_LIMIT))
    if draft.student_id is not None and session.get(Student, draft.student_id) is None:
        raise UserError(t("Die leerling bestaat niet (meer)."))
    if draft.class_id is not None and session.get(ClassGroup, draft.class_id) is None:
        raise UserError(t("Die klas bestaat niet (meer)."))
    if draft.rule_id is not None and session.get(Rule, draft.rule_id) is None:
        raise UserError(t("Die afspraak bestaat niet (meer)."))
    if (draft.attribute is None) != (draft.attribute_value is None):
        raise UserError(t("Kies bij een kenmerk ook de waarde."))
    if (
        draft.attribute is not None
        and session.scalar(select(AttributeDefinition.id).where(AttributeDefinition.name == draft.attribute))
        is None
    ):
        raise UserError(t("Onbekend kenmerk '{a}'.", a=draft.attribute))
    if draft.weekday is not None and draft.weekday not in WEEKDAYS:
        raise UserError(t("Onbekende dag '{d}'.", d=draft.weekday))
    if draft.period is not None and not 1 <= draft.period <= 15:
        raise UserError(t("Een lesuur ligt tussen 1 en 15."))
    if draft.lesson_mood is not None and draft.lesson_mood not in MOODS:
        raise UserError(t("Onbekende sfeer '{m}'.", m=draft.lesson_mood))
    if draft.teacher_energy is not None and draft.teacher_energy not in ENERGIES:
        raise UserError(t("Onbekende energie '{e}'.", e=draft.teacher_energy))
    if draft.direction is not None and draft.direction not in DIRECTIONS:
        raise UserError(t("Onbekende richting '{d}'.", d=draft.direction))
    fields = (
        draft.student_id,
        draft.class_id,
        draft.attribute,
        draft.weekday,
        draft.period,
        draft.lesson_mood,
        draft.teacher_energy,
        draft.rule_id,
    )
    if all(f is None for f in fields):
        raise UserError(
            t(
                "Kies minstens één ding waarin de situatie zit: een leerling, klas, kenmerk, moment "
                "of afspraak."
            )
        )


def _fill(row: PreparedChoice, draft: ChoiceDraft) -> None:
    row.response = draft.response.strip()
    row.starts_on = draft.starts_on
    row.student_id = draft.student_id
    row.class_id = draft.class_id
    row.attribute = draft.attribute
    row.attribute_value = draft.attribute_value
    row.weekday = draft.weekday
    row.period = draft.period
    row.lesson_mood = draft.lesson_mood
    row.teacher_energy = draft.teacher_energy
    row.rule_id = draft.rule_id
    row.direction = draft.direction


class ChoicesMixin:
    """Store methods for prepared choices."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    def choices(self, *, active_only: bool = False) -> list[ChoiceInfo]:
        """Prepared choices, the open ones first, each group newest first."""
        with self.reading() as session:
            query = select(PreparedChoice).options(
                joinedload(PreparedChoice.student),
                joinedload(PreparedChoice.class_group),
                joinedload(PreparedChoice.rule),
            )
            if active_only:
                query = query.where(PreparedChoice.closed_on.is_(None))
            rows = [_info(r) for r in session.scalars(query)]
        return sorted(rows, key=lambda c: (not c.active, -c.starts_on.toordinal(), -c.id))

    def choice(self, choice_id: int) -> ChoiceInfo | None:
        """One prepared choice, or None."""
        return next((c for c in self.choices() if c.id == choice_id), None)

    def add_choice(self, draft: ChoiceDraft) -> ChoiceInfo:
        """Store a new prepared choice (UserError, nothing stored, when the draft is not complete)."""
        with self.transaction() as session:
            _check(session, draft)
            row = PreparedChoice(created_at=datetime.now().replace(microsecond=0))
            _fill(row, draft)
            session.add(row)
            session.flush()
            choice_id = row.id
        found = self.choice(choice_id)
        assert found is not None
        return found

    def update_choice(self, choice_id: int, draft: ChoiceDraft) -> ChoiceInfo:
        """Change a choice's situation, response or start date."""
        with self.transaction() as session:
            row = self._choice_row(session, choice_id)
            _check(session, draft)
            if row.closed_on is not None and row.closed_on < draft.starts_on:
                raise UserError(t("De keuze is afgesloten vóór die begindatum."))
            _fill(row, draft)
        found = self.choice(choice_id)
        assert found is not None
        return found

    def close_choice(self, choice_id: int, on: date | None = None) -> ChoiceInfo:
        """Close a choice: it is no longer recalled, and stays in the list of earlier choices."""
        day = on or date.today()
        with self.transaction() as session:
            row = self._choice_row(session, choice_id)
            if row.closed_on is not None:
                raise UserError(t("Deze keuze is al afgesloten."))
            row.closed_on = max(day, row.starts_on)
        found = self.choice(choice_id)
        assert found is not None
        return found

    def reopen_choice(self, choice_id: int) -> ChoiceInfo:
        """Make a closed choice active again (an undo of closing)."""
        with self.transaction() as session:
            row = self._choice_row(session, choice_id)
            row.closed_on = None
        found = self.choice(choice_id)
        assert found is not None
        return found

    def keep_choice(self, choice_id: int, week: date) -> ChoiceInfo:
        """The teacher answered the week's question: this choice is still needed."""
        with self.transaction() as session:
            row = self._choice_row(session, choice_id)
            row.kept_week = monday_of(week)
        found = self.choice(choice_id)
        assert found is not None
        return found

    @staticmethod
    def _choice_row(session: Session, choice_id: int) -> PreparedChoice:
        row = session.get(PreparedChoice, choice_id)
        if row is None:
            raise UserError(t("Keuze {id} bestaat niet.", id=choice_id))
        return row

"""Rules, the ladder and phase-down plans: the team's agreements."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import UserError
from app.core.i18n import t
from app.core.protocol import effective_start, top_on
from app.core.vocabulary import CATEGORIES, STEP_KINDS
from app.schema.entities import Incident, LadderChange, LadderStep, Lesson, Meta, PhaseDown, Rule
from app.store.records import RuleInfo, StepInfo

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


def rule_key(name: str) -> str:
    """A rule name for matching: case and extra spaces ignored, also for É, Ö, ... (SQLite's
    ``lower()`` only folds ASCII, so matching happens here rather than in SQL)."""
    return " ".join(name.split()).lower()


def find_rule_id(session: Session, name: str, *, besides: int | None = None) -> int | None:
    """The id of the rule called ``name`` (see ``rule_key``), other than ``besides``; None if none."""
    key = rule_key(name)
    for rule_id, stored in session.execute(select(Rule.id, Rule.name)):
        if rule_id != besides and rule_key(stored) == key:
            return int(rule_id)
    return None


def rule_info(rule: Rule) -> RuleInfo:
    """The plain record of a rule."""
    return RuleInfo(
        id=rule.id,
        name=rule.name,
        category=rule.category,
        start_step=rule.start_step,
        position=rule.position,
        active=rule.active,
        description=rule.description,
        phase_downs=tuple((p.effective_from, p.start_step) for p in rule.phase_downs),
    )


def validate_rule_fields(name: str | None, category: str | None, start_step: int | None, top: int) -> None:
    """Raise a UserError for an empty name, an unknown category or a start step off the ladder."""
    if name is not None and not name.strip():
        raise UserError(t("Een afspraak heeft een naam nodig."))
    if category is not None and category not in CATEGORIES:
        raise UserError(
            t(
                "Onbekende categorie '{c}': kies routine, respect of safety.",
                c=category,
            )
        )
    if start_step is not None and not 1 <= start_step <= max(top, 1):
        raise UserError(
            t(
                "De startstap moet tussen 1 en {top} liggen.",
                top=top,
            )
        )


#: meta key of the names of ladder steps that were taken off (level -> name, JSON)
RETIRED_KEY = "retired_steps"


def retired_step_names(session: Session) -> dict[int, str]:
    """Names of ladder steps that were taken off, by level (the agreed step of earlier incidents)."""
    row = session.get(Meta, RETIRED_KEY)
    if row is None or not row.value:
        return {}
    try:
        return {int(k): str(v) for k, v in json.loads(row.value).items()}
    except (ValueError, AttributeError):
        return {}


def top_level(session: Session) -> int:
    """The highest level of the ladder."""
    return int(session.scalar(select(func.max(LadderStep.level))) or 1)


def ladder_changes(session: Session) -> list[tuple[date, int]]:
    """(from date, number of steps) of the dated ladder changes, oldest first."""
    rows = session.execute(
        select(LadderChange.effective_from, LadderChange.top).order_by(LadderChange.effective_from)
    )
    return [(d, int(n)) for d, n in rows]


def top_for(session: Session, on: date) -> int:
    """The number of ladder steps in force on a date (``app.core.protocol.top_on``)."""
    return top_on(ladder_changes(session), top_level(session), on)


def record_ladder_length(session: Session, old_top: int, new_top: int, effective: date) -> None:
    """Remember that the ladder has ``new_top`` steps from ``effective`` on (and ``old_top`` before)."""
    if old_top == new_top:
        return
    changes = ladder_changes(session)
    if not changes:
        session.add(LadderChange(effective_from=date.min, top=old_top))
    for row in session.scalars(select(LadderChange).where(LadderChange.effective_from >= effective)):
        if row.effective_from != date.min:
            session.delete(row)
    session.flush()
    session.add(LadderChange(effective_from=effective, top=new_top))


def set_start_from(session: Session, rule: Rule, step: int, effective: date) -> None:
    """The rule starts at ``step`` from ``effective`` on; incidents before keep the start they had.

    A rule nobody used before that date (and without a plan in force by then) simply gets the new
    start; otherwise the change is an entry in its phase-down plan from that date.
    """
    plan = [(p.effective_from, p.start_step) for p in rule.phase_downs]
    if effective_start(rule.start_step, plan, effective) == step:
        return
    used_before = session.scalar(
        select(func.count())
        .select_from(Incident)
        .join(Lesson, Lesson.id == Incident.lesson_id)
        .where(Incident.rule_id == rule.id, Lesson.date < effective)
    )
    if not used_before and all(d > effective for d, _ in plan):
        rule.start_step = step
        return
    for entry in list(rule.phase_downs):
        if entry.effective_from == effective:
            rule.phase_downs.remove(entry)
    session.flush()
    rule.phase_downs.append(PhaseDown(effective_from=effective, start_step=step))


def replace_ladder(session: Session, steps: list[tuple[str, str]], effective: date) -> None:
    """``set_ladder`` inside a transaction (the agreements import uses it too)."""
    if not steps:
        raise UserError(t("De ladder heeft minstens één stap nodig."))
    for name, kind in steps:
        if not name.strip():
            raise UserError(t("Elke stap heeft een naam nodig."))
        if kind not in STEP_KINDS:
            raise UserError(t("Onbekende soort stap: {k}", k=kind))
    used = session.scalar(select(func.max(Incident.step))) or 0
    if used > len(steps):
        raise UserError(
            t(
                "Er zijn incidenten met stap {n}; de ladder moet minstens {n} stappen houden.",
                n=used,
            )
        )
    record_ladder_length(session, top_level(session), len(steps), effective)
    session.flush()
    existing = {s.level: s for s in session.scalars(select(LadderStep))}
    for level, (name, kind) in enumerate(steps, start=1):
        if level in existing:
            existing[level].name, existing[level].kind = name.strip(), kind
        else:
            session.add(LadderStep(level=level, name=name.strip(), kind=kind))
    retired = retired_step_names(session)
    for level, step in existing.items():
        if level > len(steps):
            retired[level] = step.name  # an earlier incident's agreed step keeps its name in History
            session.delete(step)
    row = session.get(Meta, RETIRED_KEY) or Meta(key=RETIRED_KEY)
    row.value = json.dumps({str(k): v for k, v in sorted(retired.items())}, ensure_ascii=False)
    session.add(row)
    session.flush()
    for rule in session.scalars(select(Rule)):
        plan = [(p.effective_from, p.start_step) for p in rule.phase_downs]
        if effective_start(rule.start_step, plan, effective) > len(steps):
            set_start_from(session, rule, len(steps), effective)


class RulebookMixin:
    """Store methods for rules, ladder and phase-down."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    def ladder(self) -> list[StepInfo]:
        """The ladder, lightest step first."""
        with self.reading() as session:
            return [
                StepInfo(s.level, s.name, s.kind)
                for s in session.scalars(select(LadderStep).order_by(LadderStep.level))
            ]

    def set_ladder(self, steps: list[tuple[str, str]], *, from_date: date | None = None) -> None:
        """Replace the ladder by ``(name, kind)`` steps, level 1 first, from ``from_date`` (today) on.

        Refused when incidents already use a level that would disappear. A longer or shorter ladder
        holds from that date: incidents before keep the agreed step they had.
        """
        with self.transaction() as session:
            replace_ladder(session, steps, from_date or date.today())

    def rules(self, *, active_only: bool = False) -> list[RuleInfo]:
        """Rules in their agreed order."""
        with self.reading() as session:
            query = select(Rule).options(selectinload(Rule.phase_downs)).order_by(Rule.position, Rule.name)
            if active_only:
                query = query.where(Rule.active.is_(True))
            return [rule_info(r) for r in session.scalars(query)]

    def rule_by_name(self, name: str) -> RuleInfo | None:
        """A rule by its name, ignoring case and extra spaces."""
        with self.reading() as session:
            rule_id = find_rule_id(session, name)
            if rule_id is None:
                return None
            rule = session.scalar(
                select(Rule).options(selectinload(Rule.phase_downs)).where(Rule.id == rule_id)
            )
            return rule_info(rule) if rule is not None else None

    def add_rule(
        self, name: str, category: str = "routine", start_step: int = 1, description: str = ""
    ) -> RuleInfo:
        """Add a rule at the end of the order."""
        with self.transaction() as session:
            validate_rule_fields(name, category, start_step, top_level(session))
            if find_rule_id(session, name) is not None:
                raise UserError(t("Er is al een afspraak '{n}'.", n=name.strip()))
            position = int(session.scalar(select(func.max(Rule.position))) or 0) + 1
            rule = Rule(
                name=name.strip(),
                category=category,
                start_step=start_step,
                position=position,
                description=description,
            )
            session.add(rule)
            session.flush()
            return rule_info(rule)

    def update_rule(
        self,
        rule_id: int,
        *,
        name: str | None = None,
        category: str | None = None,
        start_step: int | None = None,
        active: bool | None = None,
        description: str | None = None,
        from_date: date | None = None,
    ) -> RuleInfo:
        """Change a rule's fields; a new start step holds from ``from_date`` (today) on."""
        with self.transaction() as session:
            validate_rule_fields(name, category, start_step, top_level(session))
            rule = session.get(Rule, rule_id)
            if rule is None:
                raise UserError(t("Die afspraak bestaat niet meer."))
            if name is not None:
                if find_rule_id(session, name, besides=rule_id) is not None:
                    raise UserError(t("Er is al een afspraak '{n}'.", n=name.strip()))
                rule.name = name.strip()
            if category is not None:
                rule.category = category
            if start_step is not None:
                set_start_from(session, rule, start_step, from_date or date.today())
            if active is not None:
                rule.active = active
            if description is not None:
                rule.description = description
            session.flush()
            return rule_info(rule)

    def reorder_rules(self, rule_ids: list[int]) -> None:
        """Put rules in this order (the digits 1-9 on the log page follow it)."""
        with self.transaction() as session:
            for position, rule_id in enumerate(rule_ids, start=1):
                rule = session.get(Rule, rule_id)
                if rule is not None:
                    rule.position = position

    def set_phase_down(self, rule_id: int, plan: list[tuple[date, int]]) -> RuleInfo:
        """Replace a rule's phase-down plan: from each date on, the rule starts at that step."""
        with self.transaction() as session:
            rule = session.get(Rule, rule_id)
            if rule is None:
                raise UserError(t("Die afspraak bestaat niet meer."))
            top = top_level(session)
            dates = [d for d, _ in plan]
            if len(set(dates)) != len(dates):
                raise UserError(t("Elke datum mag maar één keer in het afbouwplan staan."))
            for _, step in plan:
                validate_rule_fields(None, None, step, top)
            rule.phase_downs.clear()
            session.flush()
            for effective_from, step in sorted(plan):
                rule.phase_downs.append(PhaseDown(effective_from=effective_from, start_step=step))
            session.flush()
            return rule_info(rule)

"""Importing a colleague's agreements: a preview per item, then the chosen items from a date on.

Rules are matched by name (case and spaces ignored). A rule of one's own that the file does not have
stays. A new start step or ladder holds from the chosen date, so the agreed step of earlier incidents
never changes; the file's later phase-down steps (after that date) replace one's own later steps.
Everything chosen is applied in one transaction: a refusal (e.g. the ladder would lose a step that
incidents use) changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.core.errors import UserError
from app.core.i18n import t, translate
from app.core.vocabulary import CATEGORY_NL
from app.schema.entities import PhaseDown, Rule
from app.store.agreements import Agreements, Change, ImportPlan, RuleAgreement
from app.store.rulebook import find_rule_id, replace_ladder, rule_key, set_start_from, top_level

if TYPE_CHECKING:
    from app.store.records import RuleInfo
    from app.store.store import Store

LADDER = "ladder"


def _category(code: str) -> str:
    return translate(CATEGORY_NL.get(code, code))


def _ladder_change(store: Store, wanted: tuple[tuple[str, str], ...]) -> str | None:
    current = [(s.name, s.kind) for s in store.ladder()]
    if current == list(wanted):
        return None
    parts = []
    if len(current) != len(wanted):
        parts.append(t("{a} → {b} stappen", a=len(current), b=len(wanted)))
    kinds = {"warning": t("waarschuwing"), "consequence": t("consequentie")}
    for level, (name, kind) in enumerate(wanted, start=1):
        if level > len(current):
            parts.append(t("nieuw: stap {l} '{n}' ({k})", l=level, n=name, k=kinds.get(kind, kind)))
            continue
        old_name, old_kind = current[level - 1]
        if old_name != name:
            parts.append(t("stap {l} '{a}' heet '{b}'", l=level, a=old_name, b=name))
        if old_kind != kind:
            parts.append(t("stap {l} wordt {k}", l=level, k=kinds.get(kind, kind)))
    return t("De ladder: {parts}", parts="; ".join(parts))


def _rule_change(mine: RuleInfo | None, theirs: RuleAgreement, on: date) -> str | None:
    if mine is None:
        return t(
            "Nieuwe afspraak '{n}' ({c}, startstap {s})",
            n=theirs.name,
            c=_category(theirs.category),
            s=theirs.start_step,
        )
    parts = []
    if mine.category != theirs.category:
        parts.append(t("categorie {a} → {b}", a=_category(mine.category), b=_category(theirs.category)))
    if mine.start_on(on) != theirs.start_step:
        parts.append(t("startstap {a} → {b}", a=mine.start_on(on), b=theirs.start_step))
    if mine.description.strip() != theirs.description:
        parts.append(t("nieuwe omschrijving"))
    later = tuple((d, s) for d, s in mine.phase_downs if d > on)
    if later != tuple((d, s) for d, s in theirs.phase_down if d > on):
        parts.append(t("ander afbouwplan"))
    if not parts:
        return None
    return t("'{n}': {parts}", n=mine.name, parts="; ".join(parts))


def plan_import(store: Store, agreements: Agreements, from_date: date) -> ImportPlan:
    """What importing would change from ``from_date`` on, one item per rule and one for the ladder."""
    changes: list[Change] = []
    ladder = _ladder_change(store, agreements.ladder)
    if ladder is not None:
        changes.append(Change(LADDER, ladder))
    own = {rule_key(r.name): r for r in store.rules()}
    same = 0
    for theirs in agreements.rules:
        text = _rule_change(own.get(rule_key(theirs.name)), theirs, from_date)
        if text is None:
            same += 1
        else:
            changes.append(Change(f"rule:{rule_key(theirs.name)}", text))
    named = {rule_key(r.name) for r in agreements.rules}
    kept = tuple(r.name for r in store.rules(active_only=True) if rule_key(r.name) not in named)
    return ImportPlan(agreements, from_date, tuple(changes), same, kept)


def apply_import(store: Store, plan: ImportPlan, keys: set[str] | None = None) -> list[str]:
    """Apply the chosen items (all when ``keys`` is None) in one transaction; what changed, in words."""
    chosen = [c for c in plan.changes if keys is None or c.key in keys]
    if not chosen:
        return []
    wanted = {c.key for c in chosen}
    on = plan.from_date
    with store.transaction() as session:
        if LADDER in wanted:
            replace_ladder(session, list(plan.agreements.ladder), on)
        top = top_level(session)
        for theirs in plan.agreements.rules:
            if f"rule:{rule_key(theirs.name)}" not in wanted:
                continue
            if theirs.start_step > top:
                raise UserError(
                    t(
                        "'{n}' begint op stap {s}, maar je ladder heeft {top} stappen: neem de ladder mee.",
                        n=theirs.name,
                        s=theirs.start_step,
                        top=top,
                    )
                )
            rule_id = find_rule_id(session, theirs.name)
            if rule_id is None:
                position = int(session.scalar(select(func.max(Rule.position))) or 0) + 1
                rule = Rule(name=theirs.name, category=theirs.category, start_step=theirs.start_step)
                rule.position, rule.description = position, theirs.description
                session.add(rule)
                session.flush()
            else:
                found = session.get(Rule, rule_id)
                assert found is not None
                rule = found
                rule.category, rule.description = theirs.category, theirs.description
                set_start_from(session, rule, theirs.start_step, on)
            for entry in [p for p in rule.phase_downs if p.effective_from > on]:
                rule.phase_downs.remove(entry)
            session.flush()
            for day, step in theirs.phase_down:
                if day > on:
                    rule.phase_downs.append(PhaseDown(effective_from=day, start_step=min(step, top)))
    return [c.text for c in chosen]

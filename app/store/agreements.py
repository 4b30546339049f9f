"""The team's agreements as a small file: rules, categories, start steps, the ladder, the phase-down plan.

``export-agreements`` writes it (JSON, schema ``fair-strictness/agreements/v1``, docs/agreements.md);
a colleague's app reads it, shows per item what would change, and applies the chosen items from a date
on. No student data is ever in it. A changed start step or ladder holds from that date: incidents before
keep the agreed step they had (``rulebook.set_start_from``, ``rulebook.record_ladder_length``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import UserError
from app.core.i18n import t
from app.core.vocabulary import CATEGORIES, STEP_KINDS
from app.store.rulebook import rule_key

if TYPE_CHECKING:
    from app.store.store import Store

SCHEMA = "fair-strictness/agreements/v1"
MAX_BYTES = 1_000_000
MAX_RULES = 200
MAX_STEPS = 15


@dataclass(frozen=True)
class RuleAgreement:
    """One rule as the file says it."""

    name: str
    category: str
    start_step: int
    description: str = ""
    phase_down: tuple[tuple[date, int], ...] = ()


@dataclass(frozen=True)
class Agreements:
    """The content of an agreements file (checked)."""

    ladder: tuple[tuple[str, str], ...]  #: (name, kind), level 1 first
    rules: tuple[RuleAgreement, ...]
    exported_on: date | None = None


@dataclass(frozen=True)
class Change:
    """One item of the preview: what changes, in words; ``key`` selects it for applying."""

    key: str
    text: str


@dataclass(frozen=True)
class ImportPlan:
    """What importing the file would change from ``from_date`` on, item by item."""

    agreements: Agreements
    from_date: date
    changes: tuple[Change, ...]
    unchanged: int  #: rules that are already the same
    kept: tuple[str, ...] = field(default_factory=tuple)  #: own rules the file does not have (they stay)


def _refuse(why: str) -> UserError:
    return UserError(t("Dit is geen bruikbaar afsprakenbestand: {why} Er is niets veranderd.", why=why))


def _text(value: Any, what: str, limit: int = 200) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise _refuse(t("{what} ontbreekt of is te lang.", what=what))
    return " ".join(value.split())


def _int(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _refuse(t("{what} moet een getal van {a} tot {b} zijn.", what=what, a=low, b=high))
    return value


def parse_agreements(data: Any) -> Agreements:
    """Check a decoded file completely; UserError naming the first problem."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise _refuse(t("het schema is niet '{s}'.", s=SCHEMA))
    ladder_raw, rules_raw = data.get("ladder"), data.get("rules")
    if not isinstance(ladder_raw, list) or not 1 <= len(ladder_raw) <= MAX_STEPS:
        raise _refuse(t("de ladder ontbreekt of heeft meer dan {n} stappen.", n=MAX_STEPS))
    ladder = []
    for i, step in enumerate(ladder_raw, start=1):
        if not isinstance(step, dict) or step.get("kind") not in STEP_KINDS:
            raise _refuse(t("stap {i} van de ladder heeft geen geldige soort.", i=i))
        ladder.append((_text(step.get("name"), t("De naam van stap {i}", i=i), 100), str(step["kind"])))
    if not isinstance(rules_raw, list) or len(rules_raw) > MAX_RULES:
        raise _refuse(t("de lijst met afspraken ontbreekt of is te lang."))
    rules, seen = [], set()
    for i, raw in enumerate(rules_raw, start=1):
        if not isinstance(raw, dict):
            raise _refuse(t("afspraak {i} is geen afspraak.", i=i))
        name = _text(raw.get("name"), t("De naam van afspraak {i}", i=i))
        if rule_key(name) in seen:
            raise _refuse(t("de afspraak '{n}' staat er twee keer in.", n=name))
        seen.add(rule_key(name))
        if raw.get("category") not in CATEGORIES:
            raise _refuse(t("'{n}' heeft geen geldige categorie.", n=name))
        start = _int(raw.get("start_step"), t("De startstap van '{n}'", n=name), 1, len(ladder))
        plan = []
        for entry in raw.get("phase_down") or []:
            try:
                day = date.fromisoformat(str(entry["from"]))
            except (KeyError, TypeError, ValueError):
                raise _refuse(t("het afbouwplan van '{n}' heeft een ongeldige datum.", n=name)) from None
            plan.append(
                (day, _int(entry.get("start_step"), t("Een afbouwstap van '{n}'", n=name), 1, len(ladder)))
            )
        description = raw.get("description") or ""
        if not isinstance(description, str) or len(description) > 2000:
            raise _refuse(t("de omschrijving van '{n}' is te lang.", n=name))
        rules.append(
            RuleAgreement(name, str(raw["category"]), start, description.strip(), tuple(sorted(plan)))
        )
    exported = data.get("exported_on")
    stamp: date | None = None
    if isinstance(exported, str):
        try:
            stamp = date.fromisoformat(exported)
        except ValueError:
            stamp = None
    return Agreements(tuple(ladder), tuple(rules), stamp)


def read_agreements(path: Path) -> Agreements:
    """Read and check an agreements file (at most 1 MB of JSON)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _refuse(t("het bestand is groter dan 1 MB."))
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UserError(t("Bestand niet gevonden: {p}", p=path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _refuse(t("het is geen JSON.")) from None
    except OSError as exc:
        raise UserError(t("Het bestand kon niet gelezen worden: {e}", e=exc.strerror or exc)) from None
    return parse_agreements(data)


def agreements_of(store: Store, on: date) -> dict[str, Any]:
    """This store's agreements as the file's JSON object: start steps in force ``on``, later plans."""
    ladder = [{"level": s.level, "name": s.name, "kind": s.kind} for s in store.ladder()]
    rules = []
    for rule in store.rules(active_only=True):
        later = [{"from": d.isoformat(), "start_step": s} for d, s in rule.phase_downs if d > on]
        rules.append(
            {
                "name": rule.name,
                "category": rule.category,
                "start_step": rule.start_on(on),
                "description": rule.description,
                "phase_down": later,
            }
        )
    return {"schema": SCHEMA, "exported_on": on.isoformat(), "ladder": ladder, "rules": rules}


def write_agreements(store: Store, path: Path, on: date | None = None) -> int:
    """Write the agreements file; returns the number of rules in it."""
    content = agreements_of(store, on or date.today())
    try:
        path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UserError(t("Het bestand kon niet geschreven worden: {e}", e=exc.strerror or exc)) from None
    return len(content["rules"])

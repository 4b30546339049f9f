"""Rules import: ``name,category,start_step``; existing rules (same name, any case) are updated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.core.i18n import t
from app.core.protocol import effective_start
from app.importers.columns import map_columns, too_long
from app.importers.common import read_table
from app.importers.problems import ImportSummary, RowProblem, problem_exit
from app.schema.entities import Rule
from app.store.rulebook import find_rule_id, rule_key, set_start_from, top_level

if TYPE_CHECKING:
    from app.store.store import Store

ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("naam", "afspraak", "regel", "rule"),
    "category": ("categorie", "soort", "type"),
    "start_step": ("startstap", "start", "beginstap", "start step", "stap"),
}
KNOWN = tuple(a for field, names in ALIASES.items() for a in (field, *names))

#: words accepted for a category (Dutch and English, any case)
CATEGORY_WORDS: dict[str, str] = {
    "routine": "routine",
    "routines": "routine",
    "respect": "respect",
    "safety": "safety",
    "veiligheid": "safety",
    "veilig": "safety",
}


@dataclass(frozen=True)
class RuleRow:
    """One rule as the file gives it; ``None`` fields keep an existing rule's value."""

    line: int
    name: str
    category: str | None
    start_step: int | None


@dataclass(frozen=True)
class RuleUpdate:
    """A rule already in the store that the file changes: ``(field, old, new)`` per change."""

    row: RuleRow
    changes: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class RulesPreview:
    """What importing a rules file would do; ``problems`` non-empty means it would be refused."""

    path: Path
    new: tuple[RuleRow, ...]
    updated: tuple[RuleUpdate, ...]
    unchanged: int
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        """True when the file can be imported."""
        return not self.problems


def parse_rules(path: Path | str, top: int) -> tuple[list[RuleRow], list[RowProblem]]:
    """Read and check a rules file whole against a ladder of ``top`` steps."""
    table = read_table(path, KNOWN)
    columns, problems = map_columns(table, ALIASES, required=("name",))
    problems = list(table.problems) + problems
    if problems:
        return [], problems
    rows: list[RuleRow] = []
    first_seen: dict[str, int] = {}
    for line, cells in table.rows:
        name = " ".join(columns.get(cells, "name").split())
        word = columns.get(cells, "category")
        step_text = columns.get(cells, "start_step")
        reasons = []
        if not name:
            reasons.append(t("de naam is leeg"))
        elif name.lower() in first_seen:
            reasons.append(
                t(
                    "afspraak '{n}' staat ook op regel {first}",
                    n=name,
                    first=first_seen[name.lower()],
                )
            )
        else:
            first_seen[name.lower()] = line
        if message := too_long(name, 200, t("de naam")):
            reasons.append(message)
        category = CATEGORY_WORDS.get(word.lower()) if word else None
        if word and category is None:
            reasons.append(
                t(
                    "onbekende categorie '{c}' (kies routine, respect of veiligheid)",
                    c=word,
                )
            )
        start_step = None
        if step_text:
            try:
                start_step = int(step_text)
            except ValueError:
                start_step = None
                reasons.append(
                    t(
                        "startstap '{s}' is geen getal (gebruik het nummer van de stap, 1 tot {top})",
                        s=step_text[:40],
                        top=top,
                    )
                )
            if start_step is not None and not 1 <= start_step <= top:
                reasons.append(
                    t(
                        "startstap '{s}' staat niet op de ladder (1 tot {top})",
                        s=step_text,
                        top=top,
                    )
                )
        if reasons:
            problems.append(RowProblem(line, "; ".join(reasons) + "."))
        else:
            rows.append(RuleRow(line, name, category, start_step))
    return rows, problems


def preview_rules(store: Store, path: Path | str) -> RulesPreview:
    """Read a rules file and compare it with the store; writes nothing."""
    with store.reading() as session:
        top = top_level(session)
        current = {rule_key(r.name): r for r in session.scalars(select(Rule))}
        today = date.today()
        existing = {
            k: (
                r.name,
                r.category,
                effective_start(
                    r.start_step, [(p.effective_from, p.start_step) for p in r.phase_downs], today
                ),
            )
            for k, r in current.items()
        }
    rows, problems = parse_rules(path, top)
    new, updated, unchanged = [], [], 0
    for row in rows:
        if rule_key(row.name) not in existing:
            new.append(row)
            continue
        name, category, start = existing[rule_key(row.name)]
        changes = []
        if row.name != name:
            changes.append(("name", name, row.name))
        if row.category is not None and row.category != category:
            changes.append(("category", category, row.category))
        if row.start_step is not None and row.start_step != start:
            changes.append(("start_step", str(start), str(row.start_step)))
        if changes:
            updated.append(RuleUpdate(row, tuple(changes)))
        else:
            unchanged += 1
    return RulesPreview(Path(path), tuple(new), tuple(updated), unchanged, tuple(problems))


def apply_rules(store: Store, preview: RulesPreview) -> ImportSummary:
    """Write previewed rules in one transaction; refused (ImportProblem) when it has problems."""
    if preview.problems:
        raise problem_exit(preview.path, preview.problems)
    if not preview.new and not preview.updated:  # nothing to write: leave the store alone
        return ImportSummary("rules", added=0, unchanged=preview.unchanged)
    added = updated = 0
    with store.transaction() as session:
        position = int(session.scalar(select(func.max(Rule.position))) or 0)
        for row in [*preview.new, *(u.row for u in preview.updated)]:
            rule_id = find_rule_id(session, row.name)
            rule = session.get(Rule, rule_id) if rule_id is not None else None
            if rule is None:
                position += 1
                session.add(
                    Rule(
                        name=row.name,
                        category=row.category or "routine",
                        start_step=row.start_step or 1,
                        position=position,
                    )
                )
                added += 1
                continue
            rule.name = row.name
            if row.category is not None:
                rule.category = row.category
            if row.start_step is not None:  # from today on: earlier incidents keep their agreed step
                set_start_from(session, rule, row.start_step, date.today())
            updated += 1
        session.flush()
    return ImportSummary("rules", added=added, updated=updated, unchanged=preview.unchanged)


def import_rules(store: Store, path: Path | str) -> ImportSummary:
    """Preview and apply a rules file: all or nothing."""
    return apply_rules(store, preview_rules(store, path))

"""Raw tables for the analysis: the store's rows as pandas DataFrames (pandas imported lazily).

Columns (the contract with ``app.analysis.frame``):

- ``incidents``: incident_id, lesson_id, student_id (external id, str), rule_id, step, occurred_at, note
  (live incidents only)
- ``lessons``: lesson_id, group (class name), date, period, start_time, mood, energy, scheduled (from the
  timetable). Only lessons *taught*: not cancelled, not in the future, unless something was logged in
  them (so a calm lesson of the timetable counts, a cancelled or coming one does not)
- ``students``: student_id (external id), name, group, archived
- ``attributes``: student_id, attribute, value (long form)
- ``rules``: rule_id, rule, category, start_step, position, active
- ``phase_downs``: rule_id, effective_from, start_step
- ``ladder``: level, name, kind
- ``ladder_changes``: effective_from, top (the ladder's length from a date on; empty: never changed)
- ``praise``: praise_id, lesson_id, student_id, occurred_at (live praise only)
- ``follow_ups``: incident_id, student_told_at, parents_at (the follow-up after a consequence, of
  live incidents; only the times: never the private note, the way or the reason)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy import Engine

QUERIES: dict[str, str] = {
    "incidents": """
        SELECT i.id AS incident_id, i.lesson_id, s.external_id AS student_id, i.rule_id, i.step,
               i.occurred_at, i.note
        FROM incident i JOIN student s ON s.id = i.student_id
        WHERE i.deleted_at IS NULL
        ORDER BY i.occurred_at, i.id""",
    "lessons": """
        SELECT l.id AS lesson_id, c.name AS "group", l.date, l.period, l.start_time, l.mood, l.energy,
               COALESCE(l.source = 'timetable', 0) AS scheduled
        FROM lesson l JOIN class_group c ON c.id = l.class_id
        WHERE (l.status = 'taught' AND l.date <= :today)
           OR EXISTS (SELECT 1 FROM incident i WHERE i.lesson_id = l.id AND i.deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM praise p WHERE p.lesson_id = l.id AND p.deleted_at IS NULL)""",
    "students": """
        SELECT s.external_id AS student_id, s.display_name AS name, c.name AS "group", s.archived
        FROM student s JOIN class_group c ON c.id = s.class_id""",
    "attributes": """
        SELECT s.external_id AS student_id, d.name AS attribute, a.value
        FROM student_attribute a JOIN student s ON s.id = a.student_id
        JOIN attribute_definition d ON d.id = a.attribute_id""",
    "rules": """
        SELECT id AS rule_id, name AS rule, category, start_step, position, active FROM rule""",
    "phase_downs": "SELECT rule_id, effective_from, start_step FROM phase_down",
    "ladder": "SELECT level, name, kind FROM ladder_step ORDER BY level",
    "ladder_changes": "SELECT effective_from, top FROM ladder_change ORDER BY effective_from",
    "praise": """
        SELECT p.id AS praise_id, p.lesson_id, s.external_id AS student_id, p.occurred_at
        FROM praise p JOIN student s ON s.id = p.student_id
        WHERE p.deleted_at IS NULL""",
    "follow_ups": """
        SELECT f.incident_id, f.student_told_at, f.parents_at
        FROM follow_up f JOIN incident i ON i.id = f.incident_id
        WHERE i.deleted_at IS NULL""",
}


def read_tables_from(engine: Engine, today: date | None = None) -> dict[str, pd.DataFrame]:
    """Every raw table, read in one snapshot (one read transaction); lessons taught up to ``today``."""
    import pandas as pd

    params = {"today": (today or date.today()).isoformat()}
    out: dict[str, Any] = {}
    with engine.connect() as conn, conn.begin():
        for name, sql in QUERIES.items():
            out[name] = pd.read_sql_query(
                sql, cast(Any, conn.connection.driver_connection), params=params if ":today" in sql else None
            )
    for name, cols in (
        ("incidents", ["occurred_at"]),
        ("praise", ["occurred_at"]),
        ("follow_ups", ["student_told_at", "parents_at"]),
    ):
        for col in cols:
            out[name][col] = pd.to_datetime(out[name][col])
    out["lessons"]["date"] = pd.to_datetime(out["lessons"]["date"]).dt.date
    out["lessons"]["scheduled"] = out["lessons"]["scheduled"].astype(bool)
    out["phase_downs"]["effective_from"] = pd.to_datetime(out["phase_downs"]["effective_from"]).dt.date
    out["ladder_changes"]["effective_from"] = [
        date.fromisoformat(str(d)[:10]) for d in out["ladder_changes"]["effective_from"]
    ]
    out["students"]["archived"] = out["students"]["archived"].astype(bool)
    out["rules"]["active"] = out["rules"]["active"].astype(bool)
    for name in ("incidents", "students", "attributes", "praise"):
        out[name]["student_id"] = out[name]["student_id"].astype(str)
    return out


class TablesMixin:
    """Store method handing the analysis its raw tables."""

    if TYPE_CHECKING:
        engine: Engine

    def read_tables(self, today: date | None = None) -> dict[str, pd.DataFrame]:
        """The store's content as raw DataFrames for ``app.analysis.frame`` (lessons taught to ``today``)."""
        return read_tables_from(self.engine, today)

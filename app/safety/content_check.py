"""Check the contents of a store file before the app reads it: columns, types, constraints, dates.

SQLite does not enforce column types, and a file from elsewhere may have the right table names with
other columns, no constraints, or text where a date belongs; reading such a row would crash deep in
the app. Every check is a read-only query (or parsing the text of a date or JSON column in Python);
the expressions come from the app's own schema, never from the file.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, DateTime, Integer, String, Text, Time


def _json_object(text: str) -> dict[str, Any]:
    """A JSON object (the app's JSON columns hold objects); anything else is a ValueError."""
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


#: how a column's text is parsed, by SQLAlchemy type (the same parsing SQLAlchemy does on reading)
_PARSERS: tuple[tuple[type, Any], ...] = (
    (DateTime, datetime.fromisoformat),
    (Date, date.fromisoformat),
    (Time, time.fromisoformat),
    (JSON, _json_object),
)


def _storage(column: Any) -> tuple[str, ...]:
    """The SQLite storage classes a column may hold."""
    kind = column.type
    if isinstance(kind, Integer | Boolean):
        allowed: tuple[str, ...] = ("integer",)
    elif isinstance(kind, String | Text | DateTime | Date | Time | JSON):
        allowed = ("text",)
    else:
        allowed = ("integer", "real", "text", "blob")
    return (*allowed, "null") if column.nullable else allowed


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def content_problem(conn: Any) -> str | None:
    """The first problem in the file's contents ('table.column'), or None when every row is readable.

    ``conn`` is a read-only DB-API connection (sqlite3 or sqlcipher3).
    """
    from app.schema.entities import Base

    for table in Base.metadata.sorted_tables:
        name = _quote(table.name)
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
        if not present:
            continue  # a table of a newer migration; the revision check decides about those
        missing = [c.name for c in table.columns if c.name not in present]
        if missing:
            return f"{table.name}.{missing[0]}"
        for column in table.columns:
            col = _quote(column.name)
            kinds = ", ".join(f"'{k}'" for k in _storage(column))
            query = f"SELECT 1 FROM {name} WHERE typeof({col}) NOT IN ({kinds}) LIMIT 1"
            if conn.execute(query).fetchone():
                return f"{table.name}.{column.name}"
            not_boolean = f"SELECT 1 FROM {name} WHERE {col} NOT IN (0, 1) LIMIT 1"
            if isinstance(column.type, Boolean) and conn.execute(not_boolean).fetchone():
                return f"{table.name}.{column.name}"
            parse = next((p for t, p in _PARSERS if isinstance(column.type, t)), None)
            if parse is not None:
                for (value,) in conn.execute(f"SELECT {col} FROM {name} WHERE {col} IS NOT NULL"):
                    try:
                        parse(value)
                    except ValueError:  # json.JSONDecodeError is a ValueError
                        return f"{table.name}.{column.name}"
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                check = f"SELECT 1 FROM {name} WHERE NOT ({constraint.sqltext}) LIMIT 1"
                if conn.execute(check).fetchone():
                    return f"{table.name}: {constraint.name}"
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken:
        return f"{broken[0]} -> {broken[2]}"
    return None

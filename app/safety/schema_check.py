"""Which schema objects a store file holds, read from the SQL text SQLite builds them from.

SQLite does not trust the ``type`` and ``name`` columns of ``sqlite_master``: it builds every object
from the ``CREATE`` statement in the ``sql`` column. A file from elsewhere can spell a trigger's type
``Trigger`` (or lie about its name) and still have it run on every write. So the kind and name of
every object are parsed from the statement itself, case-insensitively, and the whole set must be the
set the app's own migrations create; anything else (a trigger, a view, a side table, an index we never
made, a statement we cannot parse) refuses the file.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

#: objects SQLite may add by itself to any database (AUTOINCREMENT bookkeeping, ANALYZE statistics)
OPTIONAL_OBJECTS = frozenset(
    {("table", "sqlite_sequence"), ("table", "sqlite_stat1"), ("table", "sqlite_stat4")}
)
#: an automatic index (UNIQUE/PRIMARY KEY constraint) has no SQL; its name tells its table
_AUTOINDEX = re.compile(r"^sqlite_autoindex_(?P<table>.+)_\d+$")
_SPACE_OR_COMMENT = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.DOTALL)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_KINDS = ("table", "index", "view", "trigger")

SchemaObject = tuple[str, str]


class _Tokens:
    """Just enough of SQLite's tokenizer for the head of a CREATE statement."""

    def __init__(self, sql: str) -> None:
        self.sql = sql
        self.at = 0

    def _skip(self) -> None:
        match = _SPACE_OR_COMMENT.match(self.sql, self.at)
        self.at = match.end() if match else self.at

    def word(self) -> str | None:
        """The next bare keyword, lower case (None when the next token is not a bare word)."""
        self._skip()
        match = _WORD.match(self.sql, self.at)
        if match is None:
            return None
        self.at = match.end()
        return match.group(0).lower()

    def peek_word(self) -> str | None:
        at = self.at
        word = self.word()
        self.at = at
        return word

    def name(self) -> str | None:
        """An identifier: bare, "double", [bracketed], `backticked` or 'single' quoted."""
        self._skip()
        if self.at >= len(self.sql):
            return None
        opening = self.sql[self.at]
        closing = {'"': '"', "`": "`", "'": "'", "[": "]"}.get(opening)
        if closing is None:
            match = _WORD.match(self.sql, self.at)
            if match is None:
                return None
            self.at = match.end()
            return match.group(0)
        out: list[str] = []
        i = self.at + 1
        while i < len(self.sql):
            char = self.sql[i]
            if char == closing:
                if closing != "]" and self.sql[i + 1 : i + 2] == closing:  # a doubled quote
                    out.append(char)
                    i += 2
                    continue
                self.at = i + 1
                return "".join(out)
            out.append(char)
            i += 1
        return None

    def next_char(self) -> str:
        self._skip()
        return self.sql[self.at : self.at + 1]


def parse_object(sql: str) -> SchemaObject | None:
    """(kind, name) of a CREATE statement, both as SQLite reads them; None when it cannot be parsed.

    ``kind`` is 'table', 'index', 'view', 'trigger' or 'virtual table' whatever the spelling; ``name``
    is lower-cased (SQLite's names are case-insensitive). A schema-qualified name is not parsed.
    """
    tokens = _Tokens(sql)
    if tokens.word() != "create":
        return None
    word = tokens.word()
    if word in ("temp", "temporary"):
        word = tokens.word()
    if word == "unique":
        word = tokens.word()
        if word != "index":
            return None
    if word == "virtual":
        if tokens.word() != "table":
            return None
        word = "virtual table"
    elif word not in _KINDS:
        return None
    guarded = tokens.peek_word() == "if"
    if guarded and (tokens.word(), tokens.word(), tokens.word()) != ("if", "not", "exists"):
        return None
    name = tokens.name()
    if name is None or tokens.next_char() == ".":
        return None
    return word, name.lower()


def schema_objects(conn: Any) -> set[SchemaObject] | None:
    """The objects of an open read-only connection, from their SQL (None: one cannot be parsed)."""
    found: set[SchemaObject] = set()
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"):
        if sql is None or not str(sql).strip():  # only an automatic index has no SQL
            if str(kind).lower() != "index" or _AUTOINDEX.match(str(name)) is None:
                return None
            found.add(("autoindex", str(name).lower()))
            continue
        parsed = parse_object(str(sql))
        if parsed is None:
            return None
        found.add(parsed)
    return found


def tables_of(objects: set[SchemaObject]) -> set[str]:
    """The names of the tables among the parsed objects."""
    return {name for kind, name in objects if kind == "table"}


@cache
def expected_objects() -> frozenset[SchemaObject]:
    """The objects the app's current schema (alembic head) creates, from the ORM metadata.

    A test compares this with a store that alembic's migrations actually build. Automatic indexes
    are matched by the table they belong to (see ``unexpected_objects``).
    """
    from app.schema.entities import Base

    objects: set[SchemaObject] = set()
    for table in Base.metadata.sorted_tables:
        objects.add(("table", table.name.lower()))
        objects.update(("index", str(index.name).lower()) for index in table.indexes)
    objects.add(("table", "alembic_version"))
    return frozenset(objects)


def unexpected_objects(objects: set[SchemaObject]) -> set[SchemaObject]:
    """Objects beyond the expected set (and the automatic indexes of the expected tables)."""
    expected = expected_objects()
    tables = {name for kind, name in expected if kind == "table"}
    extra: set[SchemaObject] = set()
    for kind, name in objects:
        if (kind, name) in expected or (kind, name) in OPTIONAL_OBJECTS:
            continue
        match = _AUTOINDEX.match(name)
        if kind == "autoindex" and match is not None and match.group("table") in tables:
            continue
        extra.add((kind, name))
    return extra


def missing_objects(objects: set[SchemaObject]) -> set[SchemaObject]:
    """Expected objects the file lacks."""
    return set(expected_objects()) - objects

"""Issue #18.1: schema objects are judged by the SQL SQLite builds them from, not by sqlite_master.type.

A trigger whose ``type`` column says ``Trigger`` or ``TRIGGER`` still runs on every write; so does a
side table filled by one. Every store and backup opened must hold exactly the objects the app's own
migrations create.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.safety.integrity import DamagedStoreError, check_store
from app.safety.schema_check import expected_objects, parse_object, schema_objects
from app.store.store import Store

WIPE = "CREATE TRIGGER wipe AFTER INSERT ON incident BEGIN DELETE FROM incident WHERE id < new.id; END"
COPY = (
    "CREATE TRIGGER keep BEFORE DELETE ON student BEGIN "
    "INSERT INTO loot (name) VALUES (old.display_name); END"
)


def _store(path: Path) -> None:
    with Store.open(path) as store:
        store.auto_backup = False
        ann = store.add_student("3005", "Zoë Jansen", "1A")
        for day in range(1, 4):
            store.log_incident(ann.id, store.rules()[0].id, occurred_at=datetime(2026, 10, day, 9))


def _disguise(path: Path, *sql: str, spelling: str = "Trigger") -> None:
    """Add SQL objects, then respell their sqlite_master.type (SQLite builds them from the SQL)."""
    with closing(sqlite3.connect(path)) as conn:
        for statement in sql:
            conn.execute(statement)
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET type = ? WHERE type = 'trigger'", (spelling,))
        conn.commit()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("spelling", ["Trigger", "TRIGGER", "tRiGgEr", "table", "index"])
def test_a_trigger_with_a_respelled_type_is_refused(tmp_path: Path, spelling: str) -> None:
    path = tmp_path / "crafted.db"
    _store(path)
    _disguise(path, WIPE, spelling=spelling)
    before = _files(tmp_path)
    with pytest.raises(DamagedStoreError, match="niet gewijzigd"):
        Store.open(path)
    assert _files(tmp_path) == before


def test_a_crafted_backup_is_refused_by_restore_and_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "log.db"
    _store(db)
    crafted = tmp_path / "crafted.db"
    _store(crafted)
    _disguise(crafted, WIPE, spelling="TRIGGER")
    before = db.read_bytes()
    assert main(["--db", str(db), "restore", str(crafted), "--force"]) == 2
    assert "niet gewijzigd" in capsys.readouterr().err
    assert db.read_bytes() == before
    assert main(["--db", str(crafted), "verify"]) == 2
    err = capsys.readouterr().err
    assert "onderdelen die het programma zelf nooit maakt" in err and "Traceback" not in err


def test_a_side_table_filled_by_a_trigger_on_student_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "crafted.db"
    _store(path)
    _disguise(path, "CREATE TABLE loot (name TEXT)", COPY, spelling="Trigger")
    with pytest.raises(DamagedStoreError):
        check_store(path)


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE loot (name TEXT)",
        "CREATE INDEX ix_extra ON student (display_name)",
        "CREATE VIEW names AS SELECT display_name FROM student",
    ],
)
def test_any_object_the_migrations_do_not_make_is_refused(tmp_path: Path, sql: str) -> None:
    path = tmp_path / "extra.db"
    _store(path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(sql)
        conn.commit()
    with pytest.raises(DamagedStoreError):
        Store.open(path)


def test_the_expected_set_is_what_alembic_creates(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    Store.open(path, seed_defaults=False).engine.dispose()  # built by the alembic migrations
    with closing(sqlite3.connect(path)) as conn:
        found = schema_objects(conn)
    assert found is not None
    assert {o for o in found if o[0] != "autoindex"} == set(expected_objects())
    assert check_store(path).revision is not None


@pytest.mark.parametrize(
    ("sql", "parsed"),
    [
        ('CREATE TABLE "student" (id)', ("table", "student")),
        ("create  unique index IF NOT EXISTS [Ix_A] ON t (a)", ("index", "ix_a")),
        ("/* x */ CREATE TEMP TRIGGER `w` AFTER INSERT ON t BEGIN SELECT 1; END", ("trigger", "w")),
        ("CREATE VIRTUAL TABLE v USING fts5(a)", ("virtual table", "v")),
        ("CREATE TRIGGER main.w AFTER INSERT ON t BEGIN SELECT 1; END", None),
        ("INSERT INTO t VALUES (1)", None),
    ],
)
def test_the_kind_and_name_come_from_the_statement(sql: str, parsed: tuple[str, str] | None) -> None:
    assert parse_object(sql) == parsed

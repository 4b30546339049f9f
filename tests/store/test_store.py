"""The store: migrations, defaults, constraints, logging, strikes, undo, round trips."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.core.errors import StoreError, UserError
from app.schema.migrate import known_revisions
from app.store.store import Store


def test_open_creates_schema_defaults_and_private_file(db_path: Path) -> None:
    store = Store.open(db_path)
    try:
        ladder = store.ladder()
        assert [s.level for s in ladder] == [1, 2, 3, 4, 5]
        assert ladder[0].name == "1e waarschuwing"
        assert {r.category for r in store.rules()} == {"routine", "respect", "safety"}
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            assert version == known_revisions()[1]
    finally:
        store.close()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_reopen_keeps_data_and_does_not_duplicate_defaults(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
    with Store.open(db_path) as store:
        assert [s.name for s in store.students()] == ["Ann"]
        assert len(store.ladder()) == 5
        assert len(store.rules()) == 7


def test_foreign_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError):
        Store.open(path)
    assert path.read_bytes() == before


def test_strikes_and_agreed_steps_follow_the_ladder(store: Store) -> None:
    ann = store.add_student("1", "Ann", "1A")
    bob = store.add_student("2", "Bob", "1A")
    routine = store.rule_by_name("Telefoon weg")
    safety = store.rule_by_name("Niemand in gevaar brengen")
    assert routine and safety
    lesson = store.lesson_for(ann.class_id, date(2026, 11, 2), period=3)
    t0 = datetime(2026, 11, 2, 10, 0)
    a1 = store.log_incident(ann.id, routine.id, lesson_id=lesson.id, occurred_at=t0)
    b1 = store.log_incident(bob.id, routine.id, lesson_id=lesson.id, occurred_at=t0 + timedelta(minutes=1))
    a2 = store.log_incident(ann.id, safety.id, lesson_id=lesson.id, occurred_at=t0 + timedelta(minutes=2))
    a3 = store.log_incident(ann.id, routine.id, 1, lesson_id=lesson.id, occurred_at=t0 + timedelta(minutes=3))
    assert (a1.strike, a1.step, a1.agreed_step) == (1, 1, 1)
    assert (b1.strike, b1.step) == (1, 1)
    assert (a2.strike, a2.agreed_step, a2.step) == (2, 4, 4)  # safety starts at 3, second strike
    assert (a3.strike, a3.agreed_step, a3.step, a3.deviation) == (3, 3, 1, "milder")
    assert store.agreed_step_for(lesson.id, ann.id, safety.id) == (4, 5)  # capped at the top


def test_phase_down_changes_the_agreed_step_from_its_date(store: Store) -> None:
    ann = store.add_student("1", "Ann", "1A")
    rule = store.rule_by_name("Respectvol taalgebruik")
    assert rule and rule.start_step == 2
    store.set_phase_down(rule.id, [(date(2026, 10, 1), 1)])
    before = store.log_incident(ann.id, rule.id, occurred_at=datetime(2026, 9, 15, 9))
    after = store.log_incident(ann.id, rule.id, occurred_at=datetime(2026, 10, 15, 9))
    assert before.agreed_step == 2
    assert after.agreed_step == 1


def test_edit_stores_its_time_and_validates_the_step(store: Store) -> None:
    ann = store.add_student("1", "Ann", "1A")
    rule = store.rules()[0]
    logged = store.log_incident(ann.id, rule.id)
    edited = store.update_incident(logged.id, step=3, note="  na de pauze ")
    assert edited.step == 3 and edited.note == "na de pauze" and edited.edited_at is not None
    with pytest.raises(UserError):
        store.update_incident(logged.id, step=9)
    assert store.incident(logged.id).step == 3  # type: ignore[union-attr]


def test_constraints_hold_at_the_database_level(store: Store) -> None:
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.execute(
            text(
                "INSERT INTO rule (name, category, start_step, position, active, description) "
                "VALUES ('x', 'chaos', 1, 1, 1, '')"
            )
        )
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.execute(
            text(
                "INSERT INTO student (external_id, display_name, class_id, archived) "
                "VALUES ('9', 'Nobody', 999, 0)"
            )
        )
    assert store.students() == []


def test_duplicate_student_id_and_empty_names_are_user_errors(store: Store) -> None:
    store.add_student("1", "Ann", "1A")
    with pytest.raises(UserError):
        store.add_student("1", "Other", "1B")
    with pytest.raises(UserError):
        store.add_student("2", "  ", "1B")
    assert len(store.students()) == 1


def test_read_tables_gives_the_analysis_its_columns(store: Store) -> None:
    ann = store.add_student("S1", "Ann", "1A", {"gender": "v"})
    store.log_incident(ann.id, store.rules()[0].id)
    tables = store.read_tables()
    assert list(tables["incidents"].columns) == [
        "incident_id",
        "lesson_id",
        "student_id",
        "rule_id",
        "step",
        "occurred_at",
        "note",
    ]
    assert tables["incidents"].loc[0, "student_id"] == "S1"
    assert tables["attributes"].to_dict("records") == [
        {"student_id": "S1", "attribute": "gender", "value": "v"}
    ]


def test_revision_grows_with_writes(store: Store) -> None:
    before = store.revision
    store.add_class("2B")
    assert store.revision > before


def test_reflection_round_trip_per_week(store: Store) -> None:
    wednesday = date(2026, 11, 25)
    store.save_reflection(wednesday, "Rustige week", {"keep": "de start van de les"})
    again = store.reflection(date(2026, 11, 23))
    assert again.journal == "Rustige week" and again.answers == {"keep": "de start van de les"}
    assert store.reflection_weeks() == [date(2026, 11, 23)]


def test_known_head_matches_alembic() -> None:
    from alembic.script import ScriptDirectory

    from app.schema.migrate import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    revisions, head = known_revisions()
    assert head == script.get_current_head()
    assert revisions == {r.revision for r in script.walk_revisions()}


def test_a_mangled_revision_counter_does_not_crash(db_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    Store.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("UPDATE meta SET value = 'abc' WHERE key = 'revision'")
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('backup_last_revision', 'zz')")
        conn.commit()
    with Store.open(db_path) as store:  # closing makes the automatic backup: reads the counter
        assert store.revision == 0
        store.add_student("1", "Ann", "1A")
        assert store.revision == 1


def test_a_store_made_in_english_gets_english_rules_and_ladder(tmp_path: Path) -> None:
    from app.core.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    try:
        with Store.open(tmp_path / "en.db") as store:
            rules = [r.name for r in store.rules()]
            ladder = [s.name for s in store.ladder()]
    finally:
        set_language(before)
    assert "Phone away" in rules and "Telefoon weg" not in rules
    assert ladder[0] == "1st warning"
    with Store.open(tmp_path / "nl.db") as store:  # the default stays Dutch
        assert "Telefoon weg" in [r.name for r in store.rules()]

"""The store's timetable: bell times, lesson status, lessons with counts, and migration 0003 on a store."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from app.core.bells import DEFAULT_BELL_TIMES, parse_bell_times
from app.core.errors import UserError
from app.store.records import ScheduledLesson
from app.store.store import Store


def test_bell_times_default_then_stored(store: Store) -> None:
    assert store.bell_times() == DEFAULT_BELL_TIMES
    revision = store.revision
    bells = parse_bell_times("08:15-09:00\n09:00-09:45")
    store.set_bell_times(bells)
    assert store.bell_times() == bells
    assert store.revision == revision + 1


def test_damaged_bell_times_in_the_store_fall_back_to_the_default(store: Store) -> None:
    store.set_meta("bell_times", "{not json")
    assert store.bell_times() == DEFAULT_BELL_TIMES


def _schedule(store: Store) -> int:
    cid = store.add_class("2B").id
    store.store_timetable(
        [
            ScheduledLesson(cid, date(2026, 10, 19), 1, time(8, 30), time(9, 20)),
            ScheduledLesson(cid, date(2026, 10, 20), 3, time(10, 25), time(12, 5), n_periods=2),
        ],
        date(2026, 10, 19),
        date(2026, 10, 20),
    )
    return cid


def test_lessons_between_with_counts_and_status(store: Store) -> None:
    _schedule(store)
    first, second = store.lessons_between()
    student = store.add_student("s1", "Sam", "2B")
    store.log_incident(
        student.id, store.rules()[0].id, 1, lesson_id=first.id, occurred_at=datetime(2026, 10, 19, 9)
    )
    first, second = store.lessons_between(date(2026, 10, 1), date(2026, 10, 31))
    assert (first.incidents, second.incidents, second.n_periods, second.scheduled) == (1, 0, 2, True)
    with pytest.raises(UserError, match="incidenten genoteerd"):
        store.set_lesson_status(first.id, "cancelled")
    assert store.set_lesson_status(second.id, "cancelled").status == "cancelled"
    with pytest.raises(UserError):
        store.set_lesson_status(second.id, "maybe")
    assert store.timetable_span() == (date(2026, 10, 19), date(2026, 10, 20))


def test_a_class_removed_meanwhile_refuses_the_whole_timetable(store: Store) -> None:
    cid = store.add_class("2B").id
    revision = store.revision
    with pytest.raises(UserError, match="niets veranderd"):
        store.store_timetable(
            [ScheduledLesson(cid + 99, date(2026, 10, 19), 1, time(8, 30), time(9, 20))],
            date(2026, 10, 19),
            date(2026, 10, 19),
        )
    assert store.revision == revision and not store.has_timetable()


def test_migration_0003_on_an_existing_store(db_path: Path) -> None:
    from alembic import command

    from app.schema.migrate import alembic_config

    store = Store.open(db_path)
    student = store.add_student("s1", "Sam", "2B")
    store.log_incident(student.id, store.rules()[0].id, 1, occurred_at=datetime(2026, 10, 19, 9))
    cfg = alembic_config()
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0002")
    store.close()
    backups_before = set(db_path.parent.rglob("*voor-update*"))
    reopened = Store.open(db_path)
    try:
        (lesson,) = reopened.lessons_between()
        assert (lesson.status, lesson.n_periods, lesson.source, lesson.incidents) == ("taught", 1, None, 1)
        assert set(db_path.parent.rglob("*voor-update*")) - backups_before  # a backup before migrating
        assert reopened.title_mapping() == {}
    finally:
        reopened.close()

"""Prepared choices in the store: complete or refused, closed and kept, migrated, and forgotten."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.safety.erasure import forget_student
from app.store.choices import ChoiceDraft
from app.store.store import Store


@pytest.fixture
def roster(store: Store) -> Store:
    store.add_student("1001", "Sam Peeters", "2B", {"zorgplan": "ja"})
    store.add_student("1002", "Ann Claes", "2B")
    return store


def test_a_choice_is_stored_with_its_situation_in_names(roster: Store) -> None:
    sam = roster.student_by_external_id("1001")
    assert sam is not None
    rule = roster.rules()[0]
    made = roster.add_choice(
        ChoiceDraft(
            "  Dan noem ik eerst de afspraak. ",
            date(2026, 3, 2),
            student_id=sam.id,
            rule_id=rule.id,
            weekday="friday",
            direction="milder",
        )
    )
    assert made.active and made.response == "Dan noem ik eerst de afspraak."
    assert made.situation.conditions() == {"student_id": "1001", "rule": rule.name, "weekday": "friday"}
    assert made.student_name == "Sam Peeters"
    assert roster.choices(active_only=True) == [made]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"response": "  "}, "leeg"),
        ({"response": "x" * 501}, "te lang"),
        ({"weekday": None}, "minstens één"),
        ({"student_id": 999}, "bestaat niet"),
        ({"attribute": "zorgplan"}, "waarde"),
        ({"attribute": "bril", "attribute_value": "ja"}, "Onbekend kenmerk"),
        ({"period": 0}, "lesuur"),
        ({"lesson_mood": "boos"}, "sfeer"),
        ({"direction": "anders"}, "richting"),
    ],
)
def test_an_incomplete_choice_is_refused_and_nothing_is_stored(
    roster: Store, changes: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {
        "response": "Dan adem ik.",
        "starts_on": date(2026, 3, 2),
        "weekday": "friday",
    }
    values.update(changes)
    with pytest.raises(UserError, match=message):
        roster.add_choice(ChoiceDraft(**values))  # type: ignore[arg-type]  # the test passes wrong types on purpose
    assert roster.choices() == []


def test_close_keep_reopen(roster: Store) -> None:
    made = roster.add_choice(ChoiceDraft("Dan adem ik.", date(2026, 3, 2), period=7))
    kept = roster.keep_choice(made.id, date(2026, 3, 11))
    assert kept.kept_week == date(2026, 3, 9)
    closed = roster.close_choice(made.id, date(2026, 4, 1))
    assert closed.closed_on == date(2026, 4, 1) and not closed.active
    assert roster.choices(active_only=True) == []
    assert roster.choices()[0].id == made.id  # closed choices stay readable
    with pytest.raises(UserError):
        roster.close_choice(made.id)
    assert roster.reopen_choice(made.id).active


def test_a_choice_closed_before_its_start_closes_on_its_start(roster: Store) -> None:
    made = roster.add_choice(ChoiceDraft("Dan adem ik.", date(2030, 3, 2), period=7))
    assert roster.close_choice(made.id, date(2026, 1, 1)).closed_on == date(2030, 3, 2)


def test_forgetting_a_student_removes_their_choices_and_their_name_from_other_plans(
    roster: Store, db_path: Path
) -> None:
    sam = roster.student_by_external_id("1001")
    assert sam is not None
    roster.add_choice(ChoiceDraft("Dan adem ik.", date(2026, 3, 2), student_id=sam.id))
    klass = roster.classes()[0]
    other = roster.add_choice(
        ChoiceDraft("Dan let ik vooral op Sam Peeters.", date(2026, 3, 2), class_id=klass.id)
    )
    forget_student(roster, "1001")
    left = roster.choices()
    assert [c.id for c in left] == [other.id]
    assert "Sam" not in left[0].response
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(
            "SELECT count(*) FROM prepared_choice WHERE student_id IS NOT NULL"
        ).fetchone() == (0,)


def test_migration_0005_brings_an_existing_store_along(db_path: Path) -> None:
    from alembic import command

    from app.schema.migrate import alembic_config

    store = Store.open(db_path)
    cfg = alembic_config()
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0004")
    store.close()
    with sqlite3.connect(db_path) as conn:
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name = 'prepared_choice'").fetchone() is None
        )
    backups_before = set(db_path.parent.rglob("*voor-update*"))
    reopened = Store.open(db_path)
    try:
        assert set(db_path.parent.rglob("*voor-update*")) - backups_before
        assert reopened.choices() == []
        made = reopened.add_choice(ChoiceDraft("Dan adem ik.", date(2026, 3, 2), weekday="monday"))
        assert reopened.choices() == [made]
    finally:
        reopened.close()

"""Issue 16: a consequence opens a follow-up — the student first, then the parents — and a warning not."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.safety.erasure import forget_student
from app.store.store import Store


@pytest.fixture
def logged(store: Store) -> dict[str, int]:
    ann = store.add_student("1001", "Ann Claes", "2B")
    rule = store.rules()[0]
    warning = store.log_incident(ann.id, rule.id, 1)
    consequence = store.log_incident(ann.id, rule.id, 3)
    return {"ann": ann.id, "rule": rule.id, "warning": warning.id, "consequence": consequence.id}


def test_only_a_consequence_opens_a_follow_up(store: Store, logged: dict[str, int]) -> None:
    open_ = store.follow_ups()
    assert [f.incident_id for f in open_] == [logged["consequence"]]
    item = open_[0]
    assert (item.student_name, item.class_name, item.step_name) == ("Ann Claes", "2B", "Time-out in de klas")
    assert store.follow_up(logged["warning"]) is None


def test_the_student_first_then_the_parents(store: Store, logged: dict[str, int]) -> None:
    cid = logged["consequence"]
    with pytest.raises(UserError, match="Eerst de leerling"):
        store.mark_parents_informed(cid, "telefoon")
    assert store.follow_up(cid).parents_at is None  # type: ignore[union-attr]
    store.mark_student_told(cid, when=datetime(2026, 12, 1, 15, 0), note="rustig gesprek")
    store.mark_parents_informed(cid, "e-mail", when=datetime(2026, 12, 2, 9, 0))
    item = store.follow_up(cid)
    assert item is not None and item.done
    assert (item.parents_how, item.student_note, item.parents_first_reason) == ("email", "rustig gesprek", "")
    assert store.follow_ups() == []
    assert len(store.follow_ups(open_only=False)) == 1


def test_parents_before_the_student_only_with_a_reason(store: Store, logged: dict[str, int]) -> None:
    cid = logged["consequence"]
    store.mark_parents_informed(cid, "persoonlijk", reason="veiligheid: vechtpartij")
    item = store.follow_up(cid)
    assert item is not None and item.parents_how == "in_person"
    assert item.parents_first_reason == "veiligheid: vechtpartij" and not item.done
    with pytest.raises(UserError, match="Onbekende manier"):
        store.mark_parents_informed(cid, "postduif", reason="x")


def test_editing_the_step_opens_or_drops_an_untouched_follow_up(store: Store, logged: dict[str, int]) -> None:
    store.update_incident(logged["warning"], step=4)
    assert store.follow_up(logged["warning"]) is not None
    store.update_incident(logged["warning"], step=1)
    assert store.follow_up(logged["warning"]) is None
    store.mark_student_told(logged["consequence"])
    store.update_incident(logged["consequence"], step=2)  # something was done: the record stays
    assert store.follow_up(logged["consequence"]) is not None


def test_forgetting_the_student_removes_the_follow_up_and_its_notes(db_path: Path) -> None:
    import sqlite3

    with Store.open(db_path) as store:
        store.auto_backup = False
        ann = store.add_student("1001", "Ann Claes", "2B")
        incident = store.log_incident(ann.id, store.rules()[0].id, 3)
        store.mark_student_told(incident.id, note="Ann huilde, thuis speelt iets")
        forget_student(store, "1001")
        assert store.follow_ups(open_only=False) == []
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM follow_up").fetchone() == (0,)
    assert b"thuis speelt iets" not in db_path.read_bytes()


def test_migration_0004_brings_an_existing_store_along(db_path: Path) -> None:
    from alembic import command

    from app.schema.migrate import alembic_config

    store = Store.open(db_path)
    ann = store.add_student("1001", "Ann Claes", "2B")
    old = store.log_incident(ann.id, store.rules()[0].id, 3)
    cfg = alembic_config()
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0003")
    store.close()
    backups_before = set(db_path.parent.rglob("*voor-update*"))
    reopened = Store.open(db_path)
    try:
        assert set(db_path.parent.rglob("*voor-update*")) - backups_before  # a backup before migrating
        assert reopened.follow_ups() == []  # consequences from before the feature are not reopened
        assert [i.id for i in reopened.incidents()] == [old.id]
        new = reopened.log_incident(ann.id, reopened.rules()[0].id, 3)
        assert [f.incident_id for f in reopened.follow_ups()] == [new.id]
    finally:
        reopened.close()


def test_the_analysis_reads_only_the_times_of_a_follow_up(store: Store, logged: dict[str, int]) -> None:
    """read_tables hands the audit when the student was told and the parents informed, nothing private."""
    cid = logged["consequence"]
    store.mark_student_told(cid, when=datetime(2026, 12, 1, 15, 0), note="privé gesprek")
    store.mark_parents_informed(cid, "telefoon", when=datetime(2026, 12, 2, 9, 0))
    table = store.read_tables()["follow_ups"]
    assert list(table.columns) == ["incident_id", "student_told_at", "parents_at"]
    assert table.to_dict("records") == [
        {
            "incident_id": cid,
            "student_told_at": datetime(2026, 12, 1, 15, 0),
            "parents_at": datetime(2026, 12, 2, 9, 0),
        }
    ]
    store.delete_incident(cid)
    assert store.read_tables()["follow_ups"].empty  # a deleted incident's follow-up is not audited

"""Undo as command objects: only what this window did, newest first, each saying what it undid."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.store.store import Store
from app.store.undo import (
    IncidentDeleted,
    IncidentEdited,
    IncidentLogged,
    PraiseDeleted,
    PraiseEdited,
    PraiseLogged,
    UndoStack,
)


def _student_and_rule(store: Store) -> tuple[int, int]:
    store.add_class("2A")
    student = store.add_student("1001", "Anouk Visser", "2A")
    rule = store.rules()[0]
    return student.id, rule.id


def _live(store: Store) -> set[int]:
    return {i.id for i in store.incidents()}


def test_undo_takes_back_what_the_window_did_newest_first(store: Store) -> None:
    sid, rid = _student_and_rule(store)
    stack = UndoStack()
    first = store.log_incident(sid, rid)
    stack.push(IncidentLogged(first.id, first.student_name, first.rule_name))
    praise = store.log_praise(sid)
    stack.push(PraiseLogged(praise.id, praise.student_name))
    assert stack.undo(store) == "Compliment voor Anouk Visser ongedaan gemaakt."
    assert store.praise_list() == []
    assert stack.undo(store) == f"Incident van Anouk Visser ({first.rule_name}) ongedaan gemaakt."
    assert _live(store) == set()
    assert stack.undo(store) is None


def test_an_edit_and_a_delete_are_undone(store: Store) -> None:
    sid, rid = _student_and_rule(store)
    stack = UndoStack()
    logged = store.log_incident(sid, rid, note="eerst")
    stack.push(IncidentEdited.before_edit(store, logged.id))
    store.update_incident(logged.id, step=3, note="later", occurred_at=datetime(2026, 1, 5, 10, 0))
    stack.push(IncidentDeleted(logged.id, logged.student_name))
    store.delete_incident(logged.id)
    assert "teruggezet" in (stack.undo(store) or "")
    assert logged.id in _live(store)
    assert "Wijziging" in (stack.undo(store) or "")
    back = store.incident(logged.id)
    assert back is not None
    assert (back.step, back.note, back.occurred_at, back.lesson_id) == (
        logged.step,
        "eerst",
        logged.occurred_at,
        logged.lesson_id,
    )


def test_praise_edit_and_delete_are_undone(store: Store) -> None:
    sid, _ = _student_and_rule(store)
    stack = UndoStack()
    praise = store.log_praise(sid, note="goed")
    stack.push(PraiseEdited.before_edit(praise))
    store.update_praise(praise.id, note="heel goed")
    stack.push(PraiseDeleted(praise.id, praise.student_name))
    store.delete_praise(praise.id)
    stack.undo(store)
    stack.undo(store)
    assert [p.note for p in store.praise_list()] == ["goed"]


def test_an_import_is_never_undone_one_row_at_a_time(store: Store, tmp_path: Path) -> None:
    # Reproduced before: Store.undo_last() right after import-incidents removed an imported incident.
    sid, rid = _student_and_rule(store)
    stack = UndoStack()
    mine = store.log_incident(sid, rid)
    stack.push(IncidentLogged(mine.id, mine.student_name, mine.rule_name))
    imported = {store.log_incident(sid, rid).id for _ in range(3)}  # written by someone else
    stack.undo(store)
    assert _live(store) == imported
    assert stack.undo(store) is None
    assert _live(store) == imported

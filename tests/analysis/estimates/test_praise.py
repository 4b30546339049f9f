"""Praise against correction per student and per group."""

from __future__ import annotations

from app.analysis.estimates.praise import praise_balance
from app.analysis.frame import AuditFrame
from app.analysis.stats import wilson
from tests.analysis.estimates.estimates_frames import incident, make_frame

PHONE = "Telefoon weg"
ROSTER = [
    {"student_id": "ann", "name": "Ann", "group": "2A", "attr:sen": "yes"},
    {"student_id": "bob", "name": "Bob", "group": "2A"},
    {"student_id": "cas", "name": "Cas", "group": "2B", "archived": True},
    {"student_id": "dan", "name": "Dan", "group": "2B"},
]


def _frame() -> AuditFrame:
    rows = [incident("ann", PHONE, 1, 1), incident("bob", PHONE, 1, 1), incident("bob", PHONE, 2, 2)]
    praise = [("ann", "2026-11-23")] * 3
    return make_frame(rows, students=ROSTER, attributes=["sen"], praise=praise)


def test_per_student() -> None:
    students = {p.subject: p for p in praise_balance(_frame()) if p.kind == "student"}
    assert list(students) == ["ann", "bob", "dan"]  # archived Cas has nothing logged
    ann, bob, dan = students["ann"], students["bob"], students["dan"]
    assert (ann.praise, ann.corrections, ann.share_praise) == (3, 1, wilson(3, 4))
    assert ann.label == "Ann" and ann.share_praise.share == 0.75
    assert (bob.praise, bob.corrections, bob.share_praise.share) == (0, 2, 0.0)
    assert bob.share_praise.high > 0.5  # 0 of 2: wide, never zero width
    assert (dan.praise, dan.corrections) == (0, 0)
    assert (dan.share_praise.low, dan.share_praise.high) == (0.0, 1.0)


def test_per_group_and_attribute() -> None:
    groups = {(p.dimension, p.subject): p for p in praise_balance(_frame()) if p.kind == "group"}
    assert (groups[("group", "2A")].praise, groups[("group", "2A")].corrections) == (3, 3)
    assert groups[("group", "2A")].share_praise == wilson(3, 6)
    assert (groups[("group", "2B")].praise, groups[("group", "2B")].corrections) == (0, 0)
    assert (groups[("sen", "yes")].praise, groups[("sen", "yes")].corrections) == (3, 1)
    assert (groups[("sen", "unknown")].praise, groups[("sen", "unknown")].corrections) == (0, 2)


def test_empty() -> None:
    assert praise_balance(make_frame([])) == ()
    only_roster = praise_balance(make_frame([], students=ROSTER[:1]), ["group"])
    assert [(p.kind, p.praise, p.corrections) for p in only_roster] == [("student", 0, 0), ("group", 0, 0)]


def test_missing_student_ids_are_left_out() -> None:
    frame = _frame()
    frame.praise.loc[0, "student_id"] = None
    frame.incidents.loc[0, "student_id"] = None
    students = {p.subject: p for p in praise_balance(frame, ["group"]) if p.kind == "student"}
    assert (students["ann"].praise, students["ann"].corrections) == (2, 0)

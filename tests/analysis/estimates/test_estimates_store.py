"""The estimates on a frame built from a real store (dtypes as ``build_frame`` makes them)."""

from __future__ import annotations

from datetime import date, datetime, time

from app.analysis.estimates.adherence import rule_adherence
from app.analysis.estimates.escalation import escalation, escalation_tests
from app.analysis.estimates.moments import moment_cells
from app.analysis.estimates.noticing import noticing
from app.analysis.estimates.praise import praise_balance
from app.analysis.estimates.trends import weekly
from app.analysis.frame import build_frame
from app.store.store import Store


def _rule(store: Store, name: str) -> int:
    rule = store.rule_by_name(name)
    assert rule is not None
    return rule.id


def test_all_estimates_on_a_store_frame(store: Store) -> None:
    ann = store.add_student("1001", "Ann", "2A", {"gender": "f"})
    bob = store.add_student("1002", "Bob", "2A")
    phone, safety = _rule(store, "Telefoon weg"), _rule(store, "Niemand in gevaar brengen")
    fri = store.lesson_for(ann.class_id, date(2026, 11, 20), period=6)
    mon = store.lesson_for(ann.class_id, date(2026, 11, 23), start_time=time(10, 15))
    at = datetime(2026, 11, 20, 14, 0)
    store.log_incident(ann.id, phone, 1, lesson_id=fri.id, occurred_at=at)  # strike 1, as agreed
    store.log_incident(ann.id, safety, 3, lesson_id=fri.id, occurred_at=at.replace(minute=5))  # milder
    store.log_incident(bob.id, phone, 1, lesson_id=fri.id, occurred_at=at.replace(minute=6))
    store.log_incident(ann.id, phone, 5, lesson_id=fri.id, occurred_at=at.replace(minute=9))  # stricter
    store.set_phase_down(phone, [(date(2026, 11, 23), 2)])
    store.log_incident(bob.id, phone, 2, lesson_id=mon.id, occurred_at=datetime(2026, 11, 23, 10, 20))
    store.log_praise(bob.id, lesson_id=mon.id, occurred_at=datetime(2026, 11, 23, 10, 30))
    frame = build_frame(store.read_tables())

    adherence = {
        (a.rule, a.strike): (a.n, a.agreed.k, a.stricter.k, a.milder.k) for a in rule_adherence(frame)
    }
    assert adherence == {
        ("Telefoon weg", 1): (3, 3, 0, 0),
        ("Telefoon weg", 3): (1, 0, 1, 0),
        ("Niemand in gevaar brengen", 2): (1, 0, 0, 1),
    }
    overall = {
        p.strike: (p.consequence.k, p.consequence.n) for p in escalation(frame) if p.dimension == "all"
    }
    assert overall == {1: (0, 3), 2: (1, 1), 3: (1, 1)}
    assert {p.dimension for p in escalation(frame)} == {"all", "group", "gender"}
    assert escalation_tests(frame) == ()  # one class; Ann is the only 'f' and has no rest at her strata

    students = {p.subject: p for p in noticing(frame) if p.kind == "student"}
    assert (students["1001"].lessons, students["1001"].incidents) == (2, 3)
    assert students["1002"].rate == 1.0 and students["1001"].expected == 5 / 4

    praise = {p.subject: (p.praise, p.corrections) for p in praise_balance(frame) if p.kind == "student"}
    assert praise == {"1001": (0, 3), "1002": (1, 2)}

    weeks = weekly(frame)
    assert [(w.week_start, w.n) for w in weeks] == [(date(2026, 11, 16), 4), (date(2026, 11, 23), 1)]
    assert weeks[1].planned_changes == ("Telefoon weg: start bij stap 2",)

    cells = {(c.weekday, c.period): (c.n, c.score) for c in moment_cells(frame)}
    assert cells == {("friday", "6"): (4, 0.0), ("monday", "10-11"): (1, 0.0)}

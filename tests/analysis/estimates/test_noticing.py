"""Who gets noticed: incidents per lesson with exact Poisson funnel limits, apart from the answers."""

from __future__ import annotations

import pytest

from app.analysis.estimates.noticing import noticing
from app.analysis.frame import AuditFrame
from app.analysis.stats import poisson_control_limits
from tests.analysis.estimates.estimates_frames import incident, make_frame

PHONE = "Telefoon weg"
ROSTER = [
    {"student_id": "ann", "name": "Ann", "group": "2A", "attr:gender": "f"},
    {"student_id": "bob", "name": "Bob", "group": "2A", "attr:gender": "m"},
    {"student_id": "cas", "name": "Cas", "group": "2B", "attr:gender": "f"},
    {"student_id": "old", "name": "Old", "group": "2B", "archived": True},
]


def _frame() -> AuditFrame:
    rows = [incident("ann", PHONE, 1, 1, day=f"2026-11-{d:02d}", group="2A") for d in range(1, 21)]
    rows += [incident("bob", PHONE, 1, 2, group="2A"), incident("cas", PHONE, 1, 1, group="2B")]
    return make_frame(rows, students=ROSTER, attributes=["gender"], lessons={"2A": 20, "2B": 20})


def test_rates_limits_and_positions() -> None:
    points = noticing(_frame())
    students = {p.subject: p for p in points if p.kind == "student"}
    assert list(students) == ["ann", "bob", "cas"]  # the archived student without incidents is left out
    rate = 22 / 60
    ann = students["ann"]
    assert (ann.lessons, ann.incidents, ann.rate, ann.label) == (20, 20, 1.0, "Ann")
    assert ann.expected == pytest.approx(rate)
    low, high = poisson_control_limits(rate * 20, 0.998)
    assert (ann.low998, ann.high998) == (pytest.approx(low / 20), pytest.approx(high / 20))
    low95, high95 = poisson_control_limits(rate * 20, 0.95)
    assert (ann.low95, ann.high95) == (pytest.approx(low95 / 20), pytest.approx(high95 / 20))
    assert ann.low998 < ann.low95 < rate < ann.high95 < ann.high998
    assert ann.position == "above"
    assert students["bob"].position == "within" and students["bob"].rate == 0.05


def test_groups_sum_exposure_over_their_students() -> None:
    groups = {(p.dimension, p.subject): p for p in noticing(_frame()) if p.kind == "group"}
    assert set(groups) == {("group", "2A"), ("group", "2B"), ("gender", "f"), ("gender", "m")}
    assert (groups[("group", "2A")].lessons, groups[("group", "2A")].incidents) == (40, 21)
    assert (groups[("group", "2B")].lessons, groups[("group", "2B")].incidents) == (20, 1)
    assert (groups[("gender", "f")].lessons, groups[("gender", "f")].incidents) == (40, 21)
    assert groups[("group", "2B")].position == "within"
    assert {p.dimension for p in noticing(_frame(), ["group"]) if p.kind == "group"} == {"group"}


def test_how_incidents_were_answered_does_not_matter() -> None:
    milder = make_frame([incident("ann", PHONE, 1, 1), incident("bob", PHONE, 1, 1)], lessons={"2A": 4})
    stricter = make_frame([incident("ann", PHONE, 1, 5), incident("bob", PHONE, 1, 3)], lessons={"2A": 4})
    assert noticing(milder) == noticing(stricter)


def test_empty_and_missing_exposure() -> None:
    assert noticing(make_frame([])) == ()
    assert noticing(make_frame([incident("ann", PHONE, 1, 1)], lessons={})) != ()  # seen in one lesson
    (ann, _group) = noticing(make_frame([incident("ann", PHONE, 1, 1)], lessons={}), ["group"])
    assert (ann.lessons, ann.incidents, ann.position) == (1, 1, "within")
    quiet = make_frame([], students=ROSTER[:1], lessons={"2A": 5})
    (only, group) = noticing(quiet, ["group"])
    assert (only.incidents, only.rate, only.low998, only.high998) == (0, 0.0, 0.0, 0.0)
    assert only.position == "within" and group.lessons == 5

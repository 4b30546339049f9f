"""When a prepared choice's situation applies: one decision for the follow-up and the Log page."""

from __future__ import annotations

from app.core.situation import Situation


def test_conditions_use_the_frame_columns() -> None:
    s = Situation(student="1001", attribute="zorgplan", value="ja", period=3, rule="Te laat")
    assert s.conditions() == {"student_id": "1001", "attr_zorgplan": "ja", "period": "3", "rule": "Te laat"}
    assert Situation().empty and not s.empty


def test_a_student_plan_waits_for_the_student_and_goes_with_another_rule() -> None:
    plan = Situation(student="1001", rule="Te laat", weekday="friday")
    friday = {"weekday": "friday", "group": "2B", "rule": None, "student_id": None}
    assert not plan.applies_now(friday)  # on Friday, but Sam is not picked yet
    assert plan.applies_now({**friday, "student_id": "1001"})  # Sam picked, rule not yet chosen
    assert plan.applies_now({**friday, "student_id": "1001", "rule": "Te laat"})
    assert not plan.applies_now({**friday, "student_id": "1001", "rule": "Telefoon"})
    assert not plan.applies_now({**friday, "student_id": "1002"})
    assert not plan.applies_now({**friday, "weekday": "monday", "student_id": "1001"})


def test_a_moment_plan_shows_in_its_lessons_without_a_student() -> None:
    plan = Situation(group="2B", period=7)
    assert plan.applies_now({"group": "2B", "period": "7"})
    assert plan.applies_now({"group": "2B", "period": None})
    assert not plan.applies_now({"group": "3A", "period": "7"})
    assert not plan.applies_now({"group": None, "period": None})  # nothing known: nothing met


def test_an_attribute_plan_needs_a_student_with_it() -> None:
    plan = Situation(attribute="zorgplan", value="ja")
    assert not plan.applies_now({"group": "2B"})
    assert plan.applies_now({"attr_zorgplan": "ja"})
    assert not plan.applies_now({"attr_zorgplan": "nee"})

"""The tidy frame: strikes, agreed steps, phase-down, moments and attributes from the store's tables."""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
import pytest

from app.analysis.frame import INCIDENT_COLUMNS, build_frame, parse_day, term_of
from app.core.errors import UserError
from app.store.store import Store


def _rule(store: Store, name: str) -> int:
    rule = store.rule_by_name(name)
    assert rule is not None
    return rule.id


@pytest.fixture
def filled(store: Store) -> Store:
    """Two students in 2A, one lesson on a Friday (period 6) and one on a Monday with only a start time."""
    ann = store.add_student("1001", "Ann", "2A", {"gender": "f"})
    bob = store.add_student("1002", "Bob", "2A")
    phone, safety = _rule(store, "Telefoon weg"), _rule(store, "Niemand in gevaar brengen")
    fri = store.lesson_for(ann.class_id, date(2026, 11, 20), period=6)
    store.update_lesson(fri.id, mood="restless", energy="low")
    mon = store.lesson_for(ann.class_id, date(2026, 11, 23), start_time=time(10, 15))
    at = datetime(2026, 11, 20, 14, 0)
    # Ann: phone (strike 1, agreed 1, given 1), safety (strike 2, agreed 4, given 3 -> milder),
    # phone again (strike 3, agreed 3, given 5 -> stricter). Bob: phone once, as agreed.
    store.log_incident(ann.id, phone, 1, lesson_id=fri.id, occurred_at=at)
    store.log_incident(ann.id, safety, 3, lesson_id=fri.id, occurred_at=at.replace(minute=5))
    store.log_incident(bob.id, phone, 1, lesson_id=fri.id, occurred_at=at.replace(minute=6))
    store.log_incident(ann.id, phone, 5, lesson_id=fri.id, occurred_at=at.replace(minute=9))
    # Monday: phase-down of the phone rule to start at 2 from 23 Nov; Bob's strike 1 is agreed at 2.
    store.set_phase_down(phone, [(date(2026, 11, 23), 2)])
    store.log_incident(bob.id, phone, 2, lesson_id=mon.id, occurred_at=datetime(2026, 11, 23, 10, 20))
    store.log_praise(bob.id, lesson_id=mon.id, occurred_at=datetime(2026, 11, 23, 10, 30))
    return store


def test_strikes_agreed_steps_and_outcomes(filled: Store) -> None:
    frame = build_frame(filled.read_tables())
    inc = frame.incidents
    assert list(inc.columns[: len(INCIDENT_COLUMNS)]) == list(INCIDENT_COLUMNS)
    ann = inc[inc["student_id"] == "1001"].sort_values("occurred_at")
    assert ann["strike"].tolist() == [1, 2, 3]
    assert ann["agreed_step"].tolist() == [1, 4, 3]
    assert ann["outcome"].tolist() == ["agreed", "milder", "stricter"]
    assert ann["deviation"].tolist() == [0, -1, 1]
    assert ann["consequence"].tolist() == [False, True, True]
    assert ann["stratum"].tolist() == ["Telefoon weg|1", "Niemand in gevaar brengen|2", "Telefoon weg|3"]
    assert set(inc["top_step"]) == {5}


def test_phase_down_applies_from_its_date_only(filled: Store) -> None:
    inc = build_frame(filled.read_tables()).incidents
    bob = inc[inc["student_id"] == "1002"].sort_values("occurred_at")
    assert bob["start_step"].tolist() == [1, 2]
    assert bob["agreed_step"].tolist() == [1, 2]
    assert bob["outcome"].tolist() == ["agreed", "agreed"]


def test_moments_period_weekday_term_and_mood(filled: Store) -> None:
    inc = build_frame(filled.read_tables()).incidents.sort_values("occurred_at")
    first, last = inc.iloc[0], inc.iloc[-1]
    assert (first["weekday"], first["period"], first["hour"]) == ("friday", "6", 14)
    assert (first["lesson_mood"], first["teacher_energy"]) == ("restless", "low")
    assert (last["weekday"], last["period"], last["hour"]) == ("monday", "10-11", 10)
    assert (last["lesson_mood"], last["teacher_energy"]) == ("unknown", "unknown")
    assert first["month"] == "2026-11" and first["term"] == "T1"
    assert last["week_start"] == pd.Timestamp("2026-11-23")
    assert first["week_start"] == pd.Timestamp("2026-11-16")


def test_attributes_are_columns_with_unknown_for_missing(filled: Store) -> None:
    frame = build_frame(filled.read_tables())
    assert frame.attributes == ("gender",)
    students = frame.students.set_index("student_id")
    assert students.loc["1001", "attr:gender"] == "f"
    assert students.loc["1002", "attr:gender"] == "unknown"
    by_student = frame.incidents.groupby("student_id")["attr:gender"].first().to_dict()
    assert by_student == {"1001": "f", "1002": "unknown"}


def test_lessons_praise_and_exposure(filled: Store) -> None:
    frame = build_frame(filled.read_tables())
    assert len(frame.lessons) == 2
    assert frame.lessons_per_student.to_dict() == {"1001": 2, "1002": 2}
    assert frame.praise["student_id"].tolist() == ["1002"]
    assert frame.praise["group"].tolist() == ["2A"]


def test_date_range_limits_lessons_but_keeps_strikes(filled: Store) -> None:
    frame = build_frame(filled.read_tables(), date_from="2026-11-21", date_to=date(2026, 11, 30))
    assert frame.incidents["student_id"].tolist() == ["1002"]
    assert frame.lessons_per_student.to_dict() == {"1001": 1, "1002": 1}
    assert len(frame.praise) == 1
    only_friday = build_frame(filled.read_tables(), date_to="2026-11-20")
    assert only_friday.incidents["strike"].max() == 3
    assert only_friday.praise.empty


def test_deleted_incidents_do_not_count_as_strikes(filled: Store) -> None:
    inc = build_frame(filled.read_tables()).incidents
    first = int(inc.sort_values("occurred_at").iloc[0]["incident_id"])
    filled.delete_incident(first)
    ann = build_frame(filled.read_tables()).incidents.query("student_id == '1001'")
    assert ann.sort_values("occurred_at")["strike"].tolist() == [1, 2]


def test_empty_store_gives_empty_frame_with_all_columns(store: Store) -> None:
    frame = build_frame(store.read_tables())
    assert frame.empty
    assert set(INCIDENT_COLUMNS) <= set(frame.incidents.columns)
    assert frame.lessons_per_student.empty
    assert frame.attributes == ()


def test_bad_dates_are_user_errors() -> None:
    with pytest.raises(UserError, match="Ongeldige"):
        parse_day("20-11-2026")
    assert parse_day(None) is None
    assert parse_day(datetime(2026, 1, 2, 3, 4)) == date(2026, 1, 2)


def test_reversed_range_is_a_user_error(store: Store) -> None:
    with pytest.raises(UserError, match="na de einddatum"):
        build_frame(store.read_tables(), date_from="2026-12-01", date_to="2026-11-01")


def test_terms_follow_the_dutch_school_year() -> None:
    days = pd.Series(pd.to_datetime(["2026-08-01", "2026-12-31", "2027-01-04", "2027-03-31", "2027-04-01"]))
    assert term_of(days).tolist() == ["T1", "T1", "T2", "T2", "T3"]


def test_praise_without_lessons_or_incidents_builds_a_frame(store) -> None:  # type: ignore[no-untyped-def]
    """A store with only praise, logged outside any lesson, must not crash the frame (regression)."""
    from datetime import datetime

    from app.analysis.audit.run import audit
    from app.analysis.frame import build_frame

    ann = store.add_student("1", "Ann", "1A")
    store.log_praise(ann.id, occurred_at=datetime(2026, 10, 6, 10, 0))
    frame = build_frame(store.read_tables())
    assert len(frame.praise) == 1 and frame.incidents.empty
    report = audit(store.read_tables())
    assert report.n_incidents == 0 and report.findings == ()

"""Lessons taught as exposure: calm lessons of the timetable count, cancelled and coming ones do not."""

from __future__ import annotations

from datetime import date, datetime, time

from app.analysis.estimates.lessons import lessons_taught
from app.analysis.estimates.noticing import noticing
from app.analysis.frame import build_frame
from app.store.records import ScheduledLesson
from app.store.store import Store


def _week(store: Store) -> dict[str, int]:
    ids = {n: store.add_class(n).id for n in ("2B", "3A")}
    lessons = [
        ScheduledLesson(ids["2B"], date(2026, 10, d), 1, time(8, 30), time(9, 20)) for d in (19, 20, 21, 22)
    ] + [
        ScheduledLesson(ids["3A"], date(2026, 10, 19), 2, time(9, 20), time(10, 10)),
        ScheduledLesson(ids["3A"], date(2026, 10, 20), 2, time(9, 20), time(10, 10), cancelled=True),
        ScheduledLesson(ids["3A"], date(2026, 10, 26), 2, time(9, 20), time(10, 10)),  # after 'today'
    ]
    store.store_timetable(lessons, date(2026, 10, 19), date(2026, 10, 26))
    return ids


def test_calm_lessons_count_and_cancelled_or_coming_ones_do_not(store: Store) -> None:
    _week(store)
    sam = store.add_student("s1", "Sam", "2B")
    store.add_student("s2", "Noor", "2B")
    first = store.lessons_between(date(2026, 10, 19), date(2026, 10, 19))[0]
    store.log_incident(
        sam.id, store.rules()[0].id, 1, lesson_id=first.id, occurred_at=datetime(2026, 10, 19, 9)
    )
    tables = store.read_tables(today=date(2026, 10, 23))
    frame = build_frame(tables)
    summary = lessons_taught(frame)
    assert (summary.taught, summary.calm, summary.scheduled, summary.complete) == (5, 4, 5, True)
    assert [(g.group, g.taught, g.calm) for g in summary.per_group] == [("2B", 4, 3), ("3A", 1, 1)]
    # noticing: one incident in four lessons of 2B, so 0.25 per lesson for Sam and 0 for Noor
    points = {p.label: p for p in noticing(frame) if p.kind == "student"}
    assert points["Sam"].lessons == 4 and points["Sam"].rate == 0.25
    assert points["Noor"].lessons == 4 and points["Noor"].incidents == 0


def test_without_a_timetable_only_logged_lessons_are_known(store: Store) -> None:
    sam = store.add_student("s1", "Sam", "2B")
    store.log_incident(sam.id, store.rules()[0].id, 1, occurred_at=datetime(2026, 10, 19, 9))
    summary = lessons_taught(build_frame(store.read_tables(today=date(2026, 10, 23))))
    assert (summary.taught, summary.calm, summary.scheduled, summary.complete) == (1, 0, 0, False)


def test_a_cancelled_lesson_with_an_incident_still_counts(store: Store) -> None:
    ids = _week(store)
    sam = store.add_student("s1", "Sam", "3A")
    cancelled = next(x for x in store.lessons_between() if x.status == "cancelled")
    store.log_incident(
        sam.id, store.rules()[0].id, 1, lesson_id=cancelled.id, occurred_at=datetime(2026, 10, 20, 9, 30)
    )
    frame = build_frame(store.read_tables(today=date(2026, 10, 23)))
    assert cancelled.id in set(frame.lessons["lesson_id"]) and ids

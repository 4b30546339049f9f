"""The reflection page counts lessons taught: calm lessons of the timetable, or a hint without one."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from app.store.records import ScheduledLesson
from app.store.store import Store
from tests.ui.pages.reflection.test_reflection_page import make_page


def test_calm_lessons_of_the_timetable_in_the_summary(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cid = store.add_class("2B").id
    days = (date(2026, 10, 19), date(2026, 10, 20), date(2026, 10, 21))
    store.store_timetable(
        [ScheduledLesson(cid, d, 1, time(8, 30), time(9, 20)) for d in days], days[0], days[-1]
    )
    page = make_page(qtbot, store, tmp_path)
    page.show_week(date(2026, 10, 19))
    assert "3 van de 3 gegeven lessen zonder één correctie" in page.summary.text()


def test_without_timetable_the_summary_says_how_to_count_calm_lessons(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sam = store.add_student("s1", "Sam", "2B")
    store.log_incident(sam.id, store.rules()[0].id, 1, occurred_at=datetime(2026, 10, 19, 9))
    page = make_page(qtbot, store, tmp_path)
    page.show_week(date(2026, 10, 19))
    assert "importeer je rooster" in page.summary.text()

"""The app's own timetable as iCalendar (.ics), in a shape its importer reads back unchanged.

Each scheduled lesson is one VEVENT: SUMMARY is the class name (so the class is found as a whole word),
DTSTART/DTEND on the school's clock (TZID Europe/Amsterdam with its VTIMEZONE), a cancelled lesson has
STATUS:CANCELLED. Nothing about students or incidents is written.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.importers.ical import DEFAULT_ZONE
from app.store.timetable import lesson_times

if TYPE_CHECKING:
    from app.store.store import Store


def timetable_ics(store: Store, date_from: date | None = None, date_to: date | None = None) -> bytes:
    """The scheduled lessons in [date_from, date_to] as iCalendar bytes."""
    import icalendar

    zone = ZoneInfo(DEFAULT_ZONE)
    bells = store.bell_times()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//fair-strictness//timetable//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", DEFAULT_ZONE)
    lessons = store.lessons_between(date_from, date_to, scheduled_only=True)
    if lessons:
        first = min(lesson.date for lesson in lessons)
        last = max(lesson.date for lesson in lessons)
        calendar.add_component(
            icalendar.Timezone.from_tzid(
                DEFAULT_ZONE,
                first_date=first - timedelta(days=366),
                last_date=last + timedelta(days=366),
            )
        )
    stamp = datetime.now(ZoneInfo("UTC")).replace(microsecond=0)
    for lesson in lessons:
        start, end = lesson_times(lesson, bells)
        if start is None or end is None:
            continue
        event = icalendar.Event()
        event.add("uid", f"lesson-{lesson.id}-{lesson.date:%Y%m%d}@fair-strictness")
        event.add("dtstamp", stamp)
        event.add("summary", lesson.class_name)
        event.add("dtstart", datetime.combine(lesson.date, start, zone))
        event.add("dtend", datetime.combine(lesson.date, end, zone))
        event.add("categories", ["les"])
        if lesson.status == "cancelled":
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar.to_ical()


def write_timetable_ics(
    store: Store, path: Path | str, date_from: date | None = None, date_to: date | None = None
) -> int:
    """Write the timetable to ``path``; the number of lessons written."""
    data = timetable_ics(store, date_from, date_to)
    Path(path).write_bytes(data)
    return data.count(b"BEGIN:VEVENT")

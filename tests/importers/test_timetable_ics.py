"""Timetable import from iCalendar: recurrence, cancellations, time zones, classes found, doubles."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from app.core.errors import ImportProblem
from app.importers import apply_timetable, preview_timetable
from app.store.store import Store
from tests.importers.ics_text import calendar, event, write_ics
from tests.importers.test_import_common import snapshot

WEEKLY_2B = event(
    "wi-2b",
    "wi - 2B - BRE",
    "20261019T083000",
    "20261019T092000",
    more="RRULE:FREQ=WEEKLY;UNTIL=20261116T235959Z\n"
    "EXDATE;TZID=Europe/Amsterdam:20261102T083000\nLOCATION:lokaal 12",
)
MOVED_2B = event(  # the lesson of 26 October moved to the 3rd period
    "wi-2b",
    "wi - 2B - BRE",
    "20261026T102500",
    "20261026T111500",
    more="RECURRENCE-ID;TZID=Europe/Amsterdam:20261026T083000",
)
CANCELLED_2B = event(
    "wi-2b",
    "wi - 2B - BRE",
    "20261109T083000",
    "20261109T092000",
    more="RECURRENCE-ID;TZID=Europe/Amsterdam:20261109T083000\nSTATUS:CANCELLED",
)


@pytest.fixture
def classes(store: Store) -> dict[str, int]:
    return {name: store.add_class(name).id for name in ("2B", "3A", "H4a")}


def _stored(store: Store) -> list[tuple[str, date, int | None, int, str, time | None]]:
    return [
        (x.class_name, x.date, x.period, x.n_periods, x.status, x.start_time)
        for x in store.lessons_between(scheduled_only=True)
    ]


def test_weekly_series_with_exdate_moved_and_cancelled_occurrence(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    path = write_ics(tmp_path, calendar(WEEKLY_2B, MOVED_2B, CANCELLED_2B))
    preview = preview_timetable(store, path)
    assert not preview.problems
    assert (preview.date_from, preview.date_to) == (date(2026, 10, 19), date(2026, 11, 16))
    assert [(c.title, c.count, c.proposed, c.how) for c in preview.titles] == [
        ("wi - 2B - BRE", 4, classes["2B"], "found")
    ]
    summary = apply_timetable(store, preview)
    assert _stored(store) == [
        ("2B", date(2026, 10, 19), 1, 1, "taught", time(8, 30)),
        ("2B", date(2026, 10, 26), 3, 1, "taught", time(10, 25)),  # RECURRENCE-ID moved it
        # 2 November: EXDATE
        ("2B", date(2026, 11, 9), 1, 1, "cancelled", time(8, 30)),  # STATUS:CANCELLED
        ("2B", date(2026, 11, 16), 1, 1, "taught", time(8, 30)),  # after the clocks went back
    ]
    assert (summary.result.added, summary.result.cancelled) == (4, 1)


@pytest.mark.parametrize("tz", ["Europe/Amsterdam", "Europe/Brussels"])
def test_summer_and_winter_time_keep_the_wall_clock(
    store: Store, classes: dict[str, int], tmp_path: Path, tz: str
) -> None:
    weekly = event(
        "ne", "ne 3A", "20261021T121500", "20261021T132500", tz=tz, more="RRULE:FREQ=WEEKLY;COUNT=2"
    )
    path = write_ics(tmp_path, calendar(weekly, tz=tz))
    apply_timetable(store, preview_timetable(store, path))
    # 12:15-13:25 covers period 5 (12:35-13:25) for more than half; both sides of 25 October
    assert [(d, p, s) for _c, d, p, _n, _st, s in _stored(store)] == [
        (date(2026, 10, 21), 5, time(12, 15)),
        (date(2026, 10, 28), 5, time(12, 15)),
    ]


def test_utc_times_are_shown_on_the_school_clock(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    summer = event("a", "3A wiskunde", "20261020T063000Z", "20261020T072000Z")  # 08:30 CEST
    winter = event("b", "3A wiskunde", "20261110T073000Z", "20261110T082000Z")  # 08:30 CET
    apply_timetable(store, preview_timetable(store, write_ics(tmp_path, calendar(summer, winter))))
    assert [(p, s) for _c, _d, p, _n, _st, s in _stored(store)] == [(1, time(8, 30)), (1, time(8, 30))]


def test_double_period_is_one_lesson_over_two_periods(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    one_event = event("d1", "gs - h4a - BRE", "20261020T102500", "20261020T120500")
    two_events = [
        event("d2", "gs - h4a - BRE", "20261021T082500", "20261021T092000"),
        event("d3", "gs - h4a - BRE", "20261021T092000", "20261021T101000"),
    ]
    apply_timetable(store, preview_timetable(store, write_ics(tmp_path, calendar(one_event, *two_events))))
    assert [(d, p, n) for _c, d, p, n, _st, _s in _stored(store)] == [
        (date(2026, 10, 20), 3, 2),
        (date(2026, 10, 21), 1, 2),
    ]


def test_all_day_events_meetings_and_whole_words(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    text = calendar(
        "UID:s\nDTSTAMP:20260801T000000Z\nSUMMARY:Studiedag 2B\nDTSTART;VALUE=DATE:20261022\n"
        "DTEND;VALUE=DATE:20261023",
        event("m", "Sectievergadering", "20261022T154500", "20261022T170000"),
        event("x", "wi - 12B - BRE", "20261022T083000", "20261022T092000"),  # 12B is not 2B
        event("y", "wi 2B", "20261022T092000", "20261022T101000"),
        event("z", "ouderavond", "20261022T190000", "20261022T210000"),
    )
    preview = preview_timetable(store, write_ics(tmp_path, text))
    assert preview.all_day == 1
    assert {c.title: c.proposed for c in preview.titles} == {
        "Sectievergadering": None,
        "wi - 12B - BRE": None,
        "wi 2B": classes["2B"],
        "ouderavond": None,
    }
    summary = apply_timetable(store, preview)
    assert [(c, p) for c, _d, p, *_ in _stored(store)] == [("2B", 2)]
    assert dict(summary.not_imported) == {"Sectievergadering": 1, "wi - 12B - BRE": 1, "ouderavond": 1}


def test_class_in_description_keeps_subjects_of_two_classes_apart(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    text = calendar(
        event("u1", "wi", "20261020T083000", "20261020T092000", more="DESCRIPTION:Klasse: 2B\\nLehrer: BRE"),
        event("u2", "wi", "20261020T092000", "20261020T101000", more="DESCRIPTION:Klasse: 3A\\nLehrer: BRE"),
        event("u3", "wi", "20261021T083000", "20261021T092000", more="CATEGORIES:Unterricht,3A"),
    )
    preview = preview_timetable(store, write_ics(tmp_path, text))
    assert {c.title: (c.count, c.proposed) for c in preview.titles} == {
        "wi · 2B": (1, classes["2B"]),
        "wi · 3A": (2, classes["3A"]),
    }


def test_remembered_choice_applies_to_the_next_import(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    text = calendar(
        event("a", "Mentoruur", "20261020T083000", "20261020T092000"),
        event("b", "Pauzedienst", "20261020T101000", "20261020T102500"),
    )
    path = write_ics(tmp_path, text)
    first = preview_timetable(store, path)
    assert first.proposals() == {"Mentoruur": None, "Pauzedienst": None}
    apply_timetable(store, first, {"Mentoruur": classes["H4a"], "Pauzedienst": None}, remember=True)
    again = preview_timetable(store, path)
    assert {c.title: (c.proposed, c.how) for c in again.titles} == {
        "Mentoruur": (classes["H4a"], "remembered"),
        "Pauzedienst": (None, "remembered"),
    }


def test_later_import_replaces_from_its_date_and_keeps_the_past_and_logged_lessons(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    autumn = event("a", "wi 2B", "20261005T083000", "20261005T092000", more="RRULE:FREQ=WEEKLY;COUNT=6")
    apply_timetable(store, preview_timetable(store, write_ics(tmp_path, calendar(autumn), "t1.ics")))
    assert len(_stored(store)) == 6
    # an incident in the lesson of 2 November (after the change): that lesson is kept
    lesson = next(x for x in store.lessons_between(scheduled_only=True) if x.date == date(2026, 11, 2))
    student = store.add_student("s1", "Sam", "2B")
    rule = store.rules()[0]
    from datetime import datetime

    store.log_incident(student.id, rule.id, 1, lesson_id=lesson.id, occurred_at=datetime(2026, 11, 2, 8, 40))
    change = event("b", "wi 3A", "20261027T083000", "20261027T092000", more="RRULE:FREQ=WEEKLY;COUNT=3")
    preview = preview_timetable(store, write_ics(tmp_path, calendar(change), "t2.ics"))
    summary = apply_timetable(store, preview)
    scheduled = [(c, d) for c, d, *_ in _stored(store)]
    assert scheduled == [
        ("2B", date(2026, 10, 5)),
        ("2B", date(2026, 10, 12)),
        ("2B", date(2026, 10, 19)),
        ("2B", date(2026, 10, 26)),  # the past stays
        ("3A", date(2026, 10, 27)),
        ("3A", date(2026, 11, 3)),
        ("3A", date(2026, 11, 10)),
    ]
    assert summary.result.removed == 1  # 9 November; 2 November holds an incident
    kept = [x for x in store.lessons_between(date(2026, 11, 2), date(2026, 11, 2))]
    assert [(x.class_name, x.incidents, x.scheduled) for x in kept] == [("2B", 1, False)]


BAD_FILES = {
    "not_ical.ics": (b"Dit is geen agenda\n", "geen iCalendar-bestand"),
    "html.ics": (b"<html><body>login</body></html>", "geen iCalendar-bestand"),
    "empty.ics": (calendar().encode(), "geen afspraken"),
    "damaged.ics": (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\n", "beschadigd"),
    "ten_years.ics": (
        calendar(
            event(
                "a",
                "wi 2B",
                "20200907T083000",
                "20200907T092000",
                more="RRULE:FREQ=WEEKLY;UNTIL=20300701T000000Z",
            )
        ).encode(),
        "één schooljaar tegelijk",
    ),
    "only_all_day.ics": (
        calendar("UID:s\nDTSTAMP:20260801T000000Z\nSUMMARY:2B kamp\nDTSTART;VALUE=DATE:20261022").encode(),
        "geen lessen met een tijd",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_get_a_clear_message_and_change_nothing(
    store: Store, classes: dict[str, int], tmp_path: Path, name: str
) -> None:
    data, fragment = BAD_FILES[name]
    path = write_ics(tmp_path, data.decode(), name)
    before = snapshot(store)
    preview = preview_timetable(store, path)
    assert preview.problems and fragment in str(preview.problems[0])
    with pytest.raises(ImportProblem, match="niets veranderd"):
        apply_timetable(store, preview)
    assert snapshot(store) == before


def test_events_without_any_class_are_refused_and_change_nothing(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    path = write_ics(tmp_path, calendar(event("m", "Vergadering", "20261020T083000", "20261020T092000")))
    before = snapshot(store)
    preview = preview_timetable(store, path)
    with pytest.raises(ImportProblem) as info:
        apply_timetable(store, preview)
    assert "geen enkele afspraak is een les" in str(info.value)
    assert snapshot(store) == before


def test_explicit_range_limits_an_open_series(store: Store, classes: dict[str, int], tmp_path: Path) -> None:
    open_series = event("o", "wi 2B", "20260831T083000", "20260831T092000", more="RRULE:FREQ=WEEKLY")
    path = write_ics(tmp_path, calendar(open_series))
    preview = preview_timetable(store, path)
    assert preview.date_to == date(2027, 7, 31)  # to the end of the school year, not forever
    assert len(preview.occurrences) == 48
    short = preview_timetable(store, path, date_from=date(2026, 9, 1), date_to=date(2026, 9, 30))
    assert [o.day for _k, o in short.occurrences] == [date(2026, 9, d) for d in (7, 14, 21, 28)]

"""The week view without a window: the same week from the same tables, as the reflection page shows it."""

from __future__ import annotations

from datetime import date, timedelta

from app.analysis.week import data_weeks, headline_findings, week_view
from app.simulation.demo import fill_demo
from app.store.store import Store


def test_a_week_is_the_school_year_up_to_its_sunday_and_reproducible(store: Store) -> None:
    fill_demo(store, today=date(2026, 6, 19))
    tables = store.read_tables()
    weeks = sorted(data_weeks(tables))
    assert weeks and all(w.weekday() == 0 for w in weeks)
    week = weeks[len(weeks) // 2]
    first = week_view(tables, week, revision=1, today=date(2030, 1, 1))
    again = week_view(tables, week + timedelta(days=2), revision=1, today=date(2030, 1, 1))
    assert first.week == again.week == week  # any day of the week selects its Monday
    assert first.date_to == date.fromordinal(week.toordinal() + 6)
    assert first.date_from.month == 8 and first.date_from.day == 1
    assert first.report.to_json() == again.report.to_json()
    latest = week_view(tables, None, revision=1, today=date(2030, 1, 1))
    assert latest.week == max(weeks)
    assert date(2030, 1, 1).isoweekday() == 2 and latest.weeks[0] == date(2029, 12, 31)


def test_a_week_without_incidents_has_an_empty_report_with_the_counts(store: Store) -> None:
    week = date(2026, 10, 5)
    view = week_view(store.read_tables(), week, revision=0, reflection_weeks=[date(2026, 9, 28)], today=week)
    assert view.report.n_incidents == 0 and view.report.estimates == ()
    assert date(2026, 9, 28) in view.weeks


def test_a_group_or_moment_is_never_hidden_behind_single_students() -> None:
    from tests.analysis.test_figures import make_estimate

    students = tuple(make_estimate(f"s{i}", p_adjusted=0.001 * (i + 1)) for i in range(4))
    group = make_estimate("ja", kind="group", dimension="ondersteuningsplan", p_adjusted=0.02)
    shown = headline_findings((*students, group), 3)
    assert [e.subject for e in shown] == ["s0", "s1", "ja"]
    moment = make_estimate("friday", kind="context", dimension="weekday", p_adjusted=0.001)
    assert [e.subject for e in headline_findings((moment, *students), 3)] == ["friday", "s0", "s1"]
    assert [e.subject for e in headline_findings(students, 3)] == ["s0", "s1", "s2"]
    assert headline_findings((), 3) == []

"""Timetable files as systems export them, the CSV alternative, the app's own .ics round trip, speed."""

from __future__ import annotations

import time as clock
from datetime import date, time
from pathlib import Path

import pytest

from app.core.errors import ImportProblem
from app.importers import apply_timetable, preview_timetable
from app.importers.ical_export import timetable_ics, write_timetable_ics
from app.store.store import Store
from tests.importers.ics_text import calendar, event, write_ics
from tests.importers.test_import_common import snapshot, write

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def classes(store: Store) -> dict[str, int]:
    return {name: store.add_class(name).id for name in ("2B", "3A", "H4a")}


def _rows(store: Store) -> list[tuple[str, str, int | None, int, str]]:
    return [
        (x.class_name, x.date.isoformat(), x.period, x.n_periods, x.status)
        for x in store.lessons_between(scheduled_only=True)
    ]


@pytest.mark.parametrize(
    ("name", "not_imported", "cancelled"),
    [
        ("zermelo_like.ics", {"Sectieoverleg wiskunde": 2}, ("3A", "2026-10-27")),
        ("untis_like.ics", {"Pausenaufsicht": 2}, ("H4a", "2026-10-22")),
        ("magister_like.ics", {"Teamoverleg onderbouw": 2}, ("3A", "2026-10-27")),
        ("somtoday_like.ics", {"Vergadering sectie wiskunde": 2}, ("H4a", "2026-10-22")),
        ("smartschool_like.ics", {"Personeelsvergadering": 2}, ("2B", "2026-10-23")),
    ],
)
def test_export_like_files_give_the_weekly_lessons(
    store: Store, classes: dict[str, int], name: str, not_imported: dict[str, int], cancelled: tuple[str, str]
) -> None:
    preview = preview_timetable(store, DATA / name)
    assert not preview.problems
    summary = apply_timetable(store, preview)
    assert dict(summary.not_imported) == not_imported
    rows = _rows(store)
    assert len(rows) == 14  # 7 lessons a week, two weeks across the clock change of 25 October
    assert [r for r in rows if r[3] == 2] == [
        ("H4a", "2026-10-19", 3, 2, "taught"),
        ("H4a", "2026-10-26", 3, 2, "taught"),
    ]
    assert [(c, d) for c, d, _p, _n, s in rows if s == "cancelled"] == [cancelled]
    # the same periods before and after the clocks went back
    assert {(d, p) for c, d, p, _n, _s in rows if c == "2B"} == {
        ("2026-10-19", 1), ("2026-10-21", 5), ("2026-10-23", 4),
        ("2026-10-26", 1), ("2026-10-28", 5), ("2026-10-30", 4),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        # Zermelo: the summary names subject, group and teacher; Magister: subject and class
        ("zermelo_like.ics", {"wi - 2B - BRE": "2B", "wi - 3A - BRE": "3A", "wi - h4a - BRE": "H4a"}),
        ("magister_like.ics", {"wi 2b": "2B", "wi 3a": "3A", "wi h4a": "H4a"}),
        # SOMtoday: the class first; Untis: the class only in DESCRIPTION; Smartschool: only in CATEGORIES
        ("somtoday_like.ics", {"2B - wiskunde": "2B", "3A - wiskunde": "3A", "H4a - wiskunde": "H4a"}),
        ("untis_like.ics", {"WI · 2B": "2B", "WI · 3A": "3A", "WI · H4a": "H4a"}),
        ("smartschool_like.ics", {"Wiskunde · 2B": "2B", "Wiskunde · 3A": "3A", "Wiskunde · H4a": "H4a"}),
    ],
)
def test_each_shape_proposes_the_class_from_the_field_that_names_it(
    store: Store, classes: dict[str, int], name: str, titles: dict[str, str]
) -> None:
    preview = preview_timetable(store, DATA / name)
    proposed = {c.title: c.proposed for c in preview.titles if c.proposed is not None}
    assert proposed == {title: classes[klas] for title, klas in titles.items()}
    assert all(c.how == "found" for c in preview.titles if c.proposed is not None)


def test_app_ics_round_trips(store: Store, classes: dict[str, int], tmp_path: Path) -> None:
    apply_timetable(store, preview_timetable(store, DATA / "zermelo_like.ics"))
    before = _rows(store)
    out = tmp_path / "mijn-rooster.ics"
    assert write_timetable_ics(store, out) == 14
    assert b"Europe/Amsterdam" in out.read_bytes() and b"STATUS:CANCELLED" in out.read_bytes()
    other = Store.open(tmp_path / "other.db")
    try:
        for name in ("2B", "3A", "H4a"):
            other.add_class(name)
        preview = preview_timetable(other, out)
        assert all(c.how == "found" for c in preview.titles)
        apply_timetable(other, preview)
        assert _rows(other) == before
        assert [(x.start_time, x.end_time) for x in other.lessons_between()] == [
            (x.start_time, x.end_time) for x in store.lessons_between()
        ]
        # and the same file again into the first store changes no lesson
        result = apply_timetable(store, preview_timetable(store, out)).result
        assert (result.added, result.removed, result.kept) == (0, 0, 14)
        assert timetable_ics(other).count(b"BEGIN:VEVENT") == 14
    finally:
        other.close()


def test_csv_weekly_rows_with_double_period(store: Store, classes: dict[str, int], tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "weekday,period,class,from,to\n"
        "ma,1,2B,2026-10-19,2026-11-01\n"
        "dinsdag,3-4,h4a,2026-10-19,2026-11-01\n",
    )
    apply_timetable(store, preview_timetable(store, path))
    assert _rows(store) == [
        ("2B", "2026-10-19", 1, 1, "taught"),
        ("H4a", "2026-10-20", 3, 2, "taught"),
        ("2B", "2026-10-26", 1, 1, "taught"),
        ("H4a", "2026-10-27", 3, 2, "taught"),
    ]
    lesson = store.lessons_between(scheduled_only=True)[1]
    assert (lesson.start_time, lesson.end_time) == (time(10, 25), time(12, 5))


def test_csv_dated_rows_with_status(store: Store, classes: dict[str, int], tmp_path: Path) -> None:
    path = write(tmp_path, "datum;uur;klas;status\n2026-10-20;2;3A;\n21-10-2026;5;3A;vervallen\n")
    apply_timetable(store, preview_timetable(store, path))
    assert _rows(store) == [("3A", "2026-10-20", 2, 1, "taught"), ("3A", "2026-10-21", 5, 1, "cancelled")]


def test_csv_problems_are_listed_by_line_and_change_nothing(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path, "date,period,class\n2026-10-20,2,5Z\n2026-10-21,14,3A\n2026-13-01,1,3A\n2026-10-22,1,\n"
    )
    before = snapshot(store)
    preview = preview_timetable(store, path)
    assert [(p.line, p.message.split(" ")[0]) for p in preview.problems] == [
        (2, "klas"), (3, "lesuur"), (4, "schrijf"), (5, "de"),
    ]  # fmt: skip
    with pytest.raises(ImportProblem):
        apply_timetable(store, preview)
    assert snapshot(store) == before


def test_a_year_feed_imports_within_two_seconds(
    store: Store, classes: dict[str, int], tmp_path: Path
) -> None:
    # 24 lessons a week as single events (how Zermelo exports), 50 weeks: 1,200 lesson events
    events = []
    day = date(2026, 8, 24)
    from datetime import timedelta

    names = ("2B", "3A", "h4a")
    for week in range(50):
        for i in range(24):
            d = day + timedelta(days=7 * week + i % 5)
            p = i // 5 + 1 + (i % 2) * 4
            starts = (
                "083000",
                "092000",
                "102500",
                "111500",
                "123500",
                "132500",
                "141500",
                "150500",
                "155500",
            )
            ends = ("092000", "101000", "111500", "120500", "132500", "141500", "150500", "155500", "164500")
            events.append(
                event(f"e{week}-{i}", f"wi - {names[i % 3]} - BRE", f"{d:%Y%m%d}T{starts[p - 1]}",
                      f"{d:%Y%m%d}T{ends[p - 1]}")
            )  # fmt: skip
    path = write_ics(tmp_path, calendar(*events))
    began = clock.perf_counter()
    preview = preview_timetable(store, path)
    summary = apply_timetable(store, preview)
    elapsed = clock.perf_counter() - began
    assert len(preview.occurrences) == 1200
    assert summary.result.added == 1000  # adjacent periods of one class on a day are one double lesson
    assert elapsed < 2.0, f"{elapsed:.2f} s"


def test_too_large_file_is_refused_unread(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.importers import ical

    monkeypatch.setattr(ical, "MAX_BYTES", 1000)
    path = write_ics(
        tmp_path,
        calendar(*[event(f"e{i}", "wi 2B", "20261020T083000", "20261020T092000") for i in range(20)]),
    )
    preview = preview_timetable(store, path)
    assert "groter dan" in preview.problems[0].message

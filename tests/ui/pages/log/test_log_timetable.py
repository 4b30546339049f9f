"""The Log page opens on the lesson that is on or just ended, from the timetable, with a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.core.bells import DEFAULT_BELL_TIMES
from app.store.records import ScheduledLesson
from app.store.store import Store
from app.store.timetable import now_and_next
from app.ui.context import AppContext
from app.ui.pages.log import lesson_bar
from app.ui.pages.log.page import LogPage
from app.ui.workers import SyncTaskRunner

MONDAY = date(2026, 10, 19)


@pytest.fixture
def classes(store: Store) -> dict[str, int]:
    store.add_student("1", "Zoë de Vries", "2B")
    store.add_student("2", "Sem Yilmaz", "3A")
    return {c.name: c.id for c in store.classes()}


def _timetable(store: Store, classes: dict[str, int]) -> None:
    b, a = classes["2B"], classes["3A"]
    store.store_timetable(
        [
            ScheduledLesson(b, MONDAY, 1, time(8, 30), time(9, 20)),
            ScheduledLesson(a, MONDAY, 3, time(10, 25), time(12, 5), n_periods=2),
            ScheduledLesson(b, MONDAY, 6, time(13, 25), time(14, 15), cancelled=True),
            ScheduledLesson(a, MONDAY, 7, time(14, 15), time(15, 5)),
            ScheduledLesson(b, date(2026, 10, 20), 2, time(9, 20), time(10, 10)),
        ],
        MONDAY,
        date(2026, 10, 20),
    )


def _page(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at: datetime) -> LogPage:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lesson_bar, "now", lambda: at)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = LogPage(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def _context(page: LogPage) -> tuple[str, date, int | None]:
    bar = page.lesson_bar
    return bar.class_combo.currentText(), bar.lesson_date(), bar.period()


@pytest.mark.parametrize(
    ("at", "expected", "plan"),
    [
        (
            datetime(2026, 10, 19, 9, 25),
            ("2B", MONDAY, 1),
            "net afgelopen: 2B, 1e uur (08:30)   ·   volgende: 3A, 3-4e uur (10:25)",
        ),
        (datetime(2026, 10, 19, 10, 30), ("2B", MONDAY, 1), "net afgelopen: 2B"),  # 3A began 5 minutes ago
        (datetime(2026, 10, 19, 11, 0), ("3A", MONDAY, 3), "nu: 3A, 3-4e uur (10:25)"),
        (datetime(2026, 10, 19, 13, 50), ("3A", MONDAY, 3), "volgende: 3A, 7e uur"),  # the 6th is cancelled
        (datetime(2026, 10, 19, 22, 0), ("3A", MONDAY, 7), "net afgelopen: 3A, 7e uur"),
    ],
)
def test_lesson_on_or_just_ended_is_preselected(
    qtbot,
    store: Store,
    classes: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    at: datetime,
    expected: tuple[str, date, int],
    plan: str,
) -> None:  # type: ignore[no-untyped-def]
    _timetable(store, classes)
    page = _page(qtbot, store, tmp_path, monkeypatch, at)
    assert _context(page) == expected
    assert plan in page.lesson_bar.plan.text()


def test_at_night_nothing_is_offered_and_the_next_lesson_is_shown(
    qtbot, store: Store, classes: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _timetable(store, classes)
    page = _page(qtbot, store, tmp_path, monkeypatch, datetime(2026, 10, 20, 2, 0))
    assert _context(page)[1:] == (date(2026, 10, 20), None)
    assert page.lesson_bar.period_combo.currentText() == "geen lesuur"
    assert "volgende: 2B, 2e uur (09:20)" in page.lesson_bar.plan.text()


def test_without_timetable_never_a_period_outside_school_hours(
    qtbot, store: Store, classes: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, store, tmp_path, monkeypatch, datetime(2026, 10, 20, 2, 0))
    assert page.lesson_bar.period() is None and not page.lesson_bar.plan.isVisible()
    page.lesson_bar.follow_clock(datetime(2026, 10, 20, 9, 40))
    assert page.lesson_bar.period() == 2


def test_logging_after_class_goes_into_the_scheduled_lesson_with_zero_choices(
    qtbot, store: Store, classes: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _timetable(store, classes)
    page = _page(qtbot, store, tmp_path, monkeypatch, datetime(2026, 10, 19, 9, 25))
    before = len(store.lessons_between())
    student = store.student_by_external_id("1")
    assert student is not None
    page.pick_student(student.id)
    page.choose_rule(store.rules(active_only=True)[0].id)
    page.save()
    lessons = store.lessons_between(MONDAY, MONDAY)
    assert len(store.lessons_between()) == before
    assert next((x.class_name, x.period, x.incidents) for x in lessons) == ("2B", 1, 1)


def test_the_teachers_choice_is_kept_when_the_clock_moves(
    qtbot, store: Store, classes: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _timetable(store, classes)
    page = _page(qtbot, store, tmp_path, monkeypatch, datetime(2026, 10, 19, 9, 25))
    bar = page.lesson_bar
    bar.set_class(classes["3A"])
    bar.follow_clock(datetime(2026, 10, 19, 11, 0))
    assert _context(page) == ("3A", MONDAY, 1)  # class chosen by hand; the period stays as it was


def test_now_and_next_grace_and_double_periods() -> None:
    from app.store.records import LessonInfo

    def info(i: int, period: int, start: time, end: time, n: int = 1) -> LessonInfo:
        return LessonInfo(
            i, 1, "2B", MONDAY, period, start, None, None, "", end_time=end, n_periods=n, source="timetable"
        )

    lessons = [info(1, 1, time(8, 30), time(9, 20)), info(2, 2, time(9, 20), time(11, 15), 2)]
    at = now_and_next(lessons, DEFAULT_BELL_TIMES, datetime(2026, 10, 19, 9, 25))
    assert (at.current.id, at.next.id, at.running) == (1, 2, False)  # type: ignore[union-attr]
    at = now_and_next(lessons, DEFAULT_BELL_TIMES, datetime(2026, 10, 19, 10, 50))
    assert (at.current.id, at.next, at.running) == (2, None, True)  # type: ignore[union-attr]
    at = now_and_next(lessons, DEFAULT_BELL_TIMES, datetime(2026, 10, 19, 8, 0))
    assert (at.current, at.next.id) == (None, 1)  # type: ignore[union-attr]


def test_a_scheduled_lesson_can_be_marked_as_not_taught(
    qtbot, store: Store, classes: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    _timetable(store, classes)
    page = _page(qtbot, store, tmp_path, monkeypatch, datetime(2026, 10, 19, 9, 25))
    button = page.lesson_bar.not_taught
    assert button.isVisible() and not button.isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    first = store.lessons_between(MONDAY, MONDAY)[0]
    assert (first.period, first.status) == (1, "cancelled")
    assert page.lesson_bar.not_taught.isChecked()
    qtbot.mouseClick(page.lesson_bar.not_taught, Qt.MouseButton.LeftButton)
    assert store.lessons_between(MONDAY, MONDAY)[0].status == "taught"
    # a lesson with an incident was taught: the mark is refused and nothing changes
    student = store.student_by_external_id("1")
    assert student is not None
    store.log_incident(
        student.id, store.rules()[0].id, 1, lesson_id=first.id, occurred_at=datetime(2026, 10, 19, 9)
    )
    page.reload()
    qtbot.mouseClick(page.lesson_bar.not_taught, Qt.MouseButton.LeftButton)
    assert store.lessons_between(MONDAY, MONDAY)[0].status == "taught"
    assert not page.lesson_bar.not_taught.isChecked()


def test_a_lesson_logged_outside_the_timetable_has_no_mark(
    qtbot, store: Store, classes: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, store, tmp_path, monkeypatch, datetime(2026, 10, 19, 9, 25))
    student = store.student_by_external_id("1")
    assert student is not None
    page.pick_student(student.id)
    page.choose_rule(store.rules(active_only=True)[0].id)
    page.save()
    (lesson,) = store.lessons_between()
    assert (lesson.period, lesson.scheduled, lesson.incidents) == (1, False, 1)
    assert not page.lesson_bar.not_taught.isVisible()


def test_a_failing_timetable_lookup_never_crashes_the_clock(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.pages.log.lesson_bar import LessonBar

    bar = LessonBar()
    qtbot.addWidget(bar)

    def broken(_moment: datetime) -> None:
        raise RuntimeError("store closed")

    bar.use_timetable(DEFAULT_BELL_TIMES, broken)  # type: ignore[arg-type]
    bar.follow_clock(datetime(2026, 10, 19, 9, 40))
    assert bar.period() == 2 and not bar.plan.isVisible()

"""Issue 14.2 in History: every lesson is listed, calm ones counted; a lesson can be marked not taught."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSettings

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.history.page import HistoryPage
from app.ui.workers import SyncTaskRunner


def test_lessons_with_and_without_incidents_and_marking_one_not_taught(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    ann = store.add_student("1", "Ann Claes", "2B")
    store.add_student("2", "Bo Peeters", "3A")
    today = date.today()
    two_b = next(c.id for c in store.classes() if c.name == "2B")
    three_a = next(c.id for c in store.classes() if c.name == "3A")
    busy = store.lesson_for(two_b, today - timedelta(days=2), period=3)
    calm = store.lesson_for(two_b, today - timedelta(days=1), period=4)
    other = store.lesson_for(three_a, today - timedelta(days=1), period=1)
    store.log_incident(ann.id, store.rules()[0].id, lesson_id=busy.id)
    ctx = AppContext(
        store=store,
        tasks=SyncTaskRunner(),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    page = HistoryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.lessons)
    view = page.lessons
    assert view.table.rowCount() == 3
    assert view.summary.text() == "2 van de 3 gegeven lessen zonder één correctie; 0 niet gegeven."
    view.klass.setCurrentIndex(view.klass.findData("2B"))
    assert view.table.rowCount() == 2

    view.select_lesson(calm.id)
    assert view.toggle.text() == "Les niet gegeven"
    view.toggle.click()
    assert [x.status for x in store.lessons_between(calm.date, calm.date) if x.id == calm.id] == ["cancelled"]
    assert view.selected() is not None and view.selected().id == calm.id  # type: ignore[union-attr]
    assert view.toggle.text() == "Toch gegeven"
    assert view.summary.text() == "0 van de 1 gegeven lessen zonder één correctie; 1 niet gegeven."
    assert ctx.undo() is not None
    assert [x.status for x in store.lessons_between(calm.date, calm.date) if x.id == calm.id] == ["taught"]

    view.select_lesson(busy.id)
    view.toggle.click()  # a lesson with incidents was taught: refused, nothing changes
    assert "incidenten genoteerd" in view.message.text()
    assert [x.status for x in store.lessons_between(busy.date, busy.date)] == ["taught"]
    assert other.id in {lesson.id for lesson in view.lessons}


def test_a_period_the_wrong_way_round_gets_a_message(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(
        store=store,
        tasks=SyncTaskRunner(),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    page = HistoryPage(ctx)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.lessons)
    page.lessons.date_from.setDate(QDate.currentDate().addDays(5))
    assert "begindatum ligt na de einddatum" in page.lessons.message.text()

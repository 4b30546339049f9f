"""Issue #18, item 8: editing an incident's date in History keeps its lesson period; the period shows
in its own column and the editor can change it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.history.page import HistoryPage
from app.ui.widgets.table_models import HistoryTableModel, RowRole
from app.ui.workers import SyncTaskRunner

M = HistoryTableModel


@pytest.fixture
def page(qtbot, store: Store, tmp_path: Path) -> HistoryPage:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    history = HistoryPage(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(history)
    history.resize(1200, 700)
    history.show()
    return history


def _period_cell(page: HistoryPage, incident_id: int) -> str:
    proxy = page.proxy
    for r in range(proxy.rowCount()):
        if proxy.data(proxy.index(r, 0), RowRole).id == incident_id:
            return str(proxy.data(proxy.index(r, M.PERIOD)))
    raise AssertionError("line not shown")


def test_a_new_date_keeps_the_period_and_joins_that_lesson(qtbot, page: HistoryPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    zoe = store.add_student("1", "Zoë de Vries", "2A")
    rule = store.rules()[2]
    group = zoe.class_id
    third_mon = store.lesson_for(group, date(2026, 9, 7), period=3)
    first_tue = store.lesson_for(group, date(2026, 9, 8), period=1)
    third_tue = store.lesson_for(group, date(2026, 9, 8), period=3)
    moved = store.log_incident(
        zoe.id, rule.id, 1, lesson_id=third_mon.id, occurred_at=datetime(2026, 9, 7, 10, 30)
    )
    there = store.log_incident(
        zoe.id, rule.id, 1, lesson_id=third_tue.id, occurred_at=datetime(2026, 9, 8, 10, 0)
    )
    page.ctx.changed()
    page.reload()
    assert M.HEADERS[M.PERIOD] == "Lesuur"
    assert _period_cell(page, moved.id) == "3e uur"

    page.select_line("incident", moved.id)
    assert page.panel.period.currentData() == 3
    page.panel.day.setDate(date(2026, 9, 8))
    page.panel.save_button.click()
    stored = store.incident(moved.id)
    assert stored is not None
    assert (stored.lesson_date, stored.period) == (date(2026, 9, 8), 3)
    assert stored.lesson_id == third_tue.id != first_tue.id  # the same period, not the day's first lesson
    assert stored.strike == 2 and store.incident(there.id).strike == 1  # type: ignore[union-attr]
    assert _period_cell(page, moved.id) == "3e uur"

    # a date without a lesson of that period: the lesson is made, with the period
    page.select_line("incident", moved.id)
    page.panel.day.setDate(date(2026, 9, 9))
    page.panel.save_button.click()
    stored = store.incident(moved.id)
    assert stored is not None
    assert (stored.lesson_date, stored.period) == (date(2026, 9, 9), 3)


def test_the_editor_changes_the_period(qtbot, page: HistoryPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    daan = store.add_student("2", "Daan Bakker", "2B")
    rule = store.rules()[1]
    lesson = store.lesson_for(daan.class_id, date(2026, 9, 8), period=2)
    logged = store.log_incident(
        daan.id, rule.id, 1, lesson_id=lesson.id, occurred_at=datetime(2026, 9, 8, 9, 30)
    )
    page.reload()
    page.select_line("incident", logged.id)
    panel = page.panel
    panel.period.setCurrentIndex(panel.period.findData(5))
    panel.save_button.click()
    stored = store.incident(logged.id)
    assert stored is not None
    assert (stored.lesson_date, stored.period, stored.occurred_at) == (
        date(2026, 9, 8),
        5,
        datetime(2026, 9, 8, 9, 30),
    )
    assert stored.lesson_id != lesson.id
    assert _period_cell(page, logged.id) == "5e uur"
    # a praise has no period to change
    praise = store.log_praise(daan.id, occurred_at=datetime(2026, 9, 8, 9, 40))
    page.reload()
    page.select_line("praise", praise.id)
    assert not panel.period.isEnabled()

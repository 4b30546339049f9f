"""Issue 15 end to end: a finding -> a prepared choice -> the reminder at the moment -> the follow-up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from app.analysis import week as week_module
from app.analysis.audit.situation_words import responses
from app.analysis.results import AuditReport
from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.log.page import LogPage
from app.ui.pages.reflection.page import ReflectionPage
from app.ui.workers import SyncTaskRunner
from tests.analysis.test_choice_follow_up import _log
from tests.analysis.test_figures import make_estimate, make_report
from tests.ui.pages.log.test_log_page import press

TODAY = date.today()
# a Monday two to three weeks back: the week of the last incidents before it ends before it, on any
# day the tests run (a Sunday start fell inside that week, and the follow-up had already begun)
START = TODAY - timedelta(days=14 + TODAY.weekday())


@pytest.fixture
def school(store: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Sam was answered a step heavier in 10 of 20 incidents, Ann and Bo in 4 of 40, before START."""
    sam = store.add_student("1001", "Sam Peeters", "2B")
    ann = store.add_student("1002", "Ann Claes", "2B")
    bo = store.add_student("1003", "Bo Jansen", "2B")
    rule = store.rules()[0]
    store.update_rule(rule.id, start_step=1)
    first = START - timedelta(days=25)
    for i in range(20):
        _log(store, sam.id, rule.id, first + timedelta(days=i), 2 if i < 10 else 1)
    for i in range(40):
        _log(store, (ann if i % 2 else bo).id, rule.id, first + timedelta(days=i // 2), 2 if i < 4 else 1)

    def audit(tables: Any, date_from: date, date_to: date, fdr: float) -> AuditReport:
        finding = replace(make_estimate("1001"), label="Sam Peeters")
        return replace(make_report(estimates=(finding,)), date_from=date_from, date_to=date_to)

    monkeypatch.setattr(week_module, "run_audit", audit)
    return {"sam": sam, "ann": ann, "bo": bo, "rule": rule}


def _pages(qtbot: Any, store: Store, tmp_path: Path) -> tuple[AppContext, ReflectionPage, LogPage]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store=store, tasks=SyncTaskRunner(), settings=settings)
    reflection = ReflectionPage(ctx)
    log = LogPage(ctx)
    for page in (reflection, log):
        qtbot.addWidget(page)
        page.resize(1280, 760)
    return ctx, reflection, log


def test_from_finding_to_follow_up(qtbot, store: Store, school: dict[str, Any], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, reflection, log = _pages(qtbot, store, tmp_path)
    reflection.show()
    reflection.activated()
    (card,) = reflection.blind_spots.cards
    assert reflection.choices.empty.isVisible()

    # 1. the finding proposes a situation and a response; the teacher sets the start and saves
    card.choice_button.click()
    dialog = reflection.choice_actions.dialog
    assert dialog is not None
    assert dialog.student.currentData() == school["sam"].id
    assert dialog.response.toPlainText() == responses()[1]  # answered stricter: three seconds, the rule first
    assert "Als het gaat om Sam Peeters (2B)" in dialog.preview.text()
    dialog.starts.setDate(QDate(START.year, START.month, START.day))
    dialog.save()
    (choice,) = store.choices()
    assert choice.situation.student == "1001" and choice.direction == "stricter" and choice.starts_on == START
    (shown,) = reflection.choices.cards
    assert (
        shown.follow_up.text() == "Begint na deze week; de opvolging volgt dan."
    )  # the week shown ends before

    # 2. on the Log page the plan appears for Sam only, and never while presenting
    reflection.hide()
    log.show()
    qtbot.waitExposed(log)
    log.activateWindow()
    log.activated()
    qtbot.waitUntil(log.picker.search.hasFocus)
    assert not log.reminder.isVisible()  # nobody picked yet
    log.pick_student(school["ann"].id)
    assert not log.reminder.isVisible()
    log.back()
    log.pick_student(school["sam"].id)
    assert log.reminder.isVisible() and choice.response in log.reminder.text()
    assert log.reminder.focusPolicy() == Qt.FocusPolicy.NoFocus
    press(qtbot, Qt.Key.Key_1)  # the keyboard flow goes on: the first rule is chosen
    assert log.rule_id == store.rules(active_only=True)[0].id
    ctx.set_presenting(True)
    assert not log.reminder.isVisible()
    log.back()
    log.pick_student(school["sam"].id)
    assert not log.reminder.isVisible()
    ctx.set_presenting(False)
    assert log.reminder.isVisible()

    # 3. incidents since the start: Sam 1 of 10 a step heavier (all first strikes); Ann and Bo twice a
    # day, so 20 first strikes (2 heavier) and 20 second strikes, which are not compared with Sam's
    sam, ann, bo, rule = school["sam"], school["ann"], school["bo"], school["rule"]
    for i in range(10):
        _log(store, sam.id, rule.id, START + timedelta(days=i), 2 if i == 0 else 1)
    for i in range(40):
        _log(store, (ann if i % 2 else bo).id, rule.id, START + timedelta(days=i // 4), 2 if i < 4 else 1)
    ctx.changed()
    reflection.show()
    reflection.show_week(None)  # the latest week with data
    (shown,) = reflection.choices.cards
    text = shown.follow_up.text()
    assert (
        "in 1 van de 10 gevallen (10 %) een zwaardere stap dan afgesproken, tegen 2 van de 20 (10 %)" in text
    )
    assert "Daarvoor: in 10 van de 20 gevallen (50 %)" in text
    assert reflection.view is not None and (START, "keuze 1") in reflection.view.choice_marks

    # 4. the week's question: keep it, then close it; it stays readable among the earlier choices
    shown.keep.click()
    (shown,) = reflection.choices.cards
    assert not shown.keep.isEnabled() and "nog nodig" in shown.question.text()
    shown.close_button.click()
    assert reflection.choices.cards == [] and store.choices(active_only=True) == []
    assert reflection.choices.earlier_toggle.isVisible()
    reflection.choices.earlier_toggle.click()
    assert choice.response in reflection.choices.earlier.text()
    assert ctx.undo() == "Keuze 1 weer geopend."


def test_an_incomplete_choice_gets_a_message_and_nothing_is_stored(  # type: ignore[no-untyped-def]
    qtbot, store: Store, school: dict[str, Any], tmp_path: Path
) -> None:
    _ctx, reflection, _log_page = _pages(qtbot, store, tmp_path)
    reflection.show()
    reflection.activated()
    reflection.choices.new_button.click()
    dialog = reflection.choice_actions.dialog
    assert dialog is not None
    dialog.response.setPlainText("Dan adem ik eerst.")
    dialog.save()
    assert "minstens één" in dialog.message.message() and store.choices() == []
    dialog.period.setCurrentIndex(dialog.period.findData(7))
    dialog.save()
    (choice,) = store.choices()
    assert choice.situation.period == 7 and choice.direction is None

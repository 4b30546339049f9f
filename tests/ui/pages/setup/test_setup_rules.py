"""Set-up tab 'Afspraken en ladder': rules, their order, the ladder and phase-down plans."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.setup.page import SetupPage
from app.ui.pages.setup.phase_down_dialog import PhaseDownDialog
from tests.ui.pages.setup.setup_helpers import make_ctx, make_page


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    return make_ctx(store, tmp_path)


@pytest.fixture
def page(qtbot, ctx: AppContext) -> SetupPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, ctx)


def _names(store: Store) -> list[str]:
    return [r.name for r in store.rules()]


def test_add_a_rule_and_refusals(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    tab = page.rules_tab
    n = len(store.rules())
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.rule is None and tab.name.text() == ""
    tab.save_button.click()  # empty name
    assert tab.message.kind == "error"
    assert len(store.rules()) == n
    qtbot.keyClicks(tab.name, "Jas uit in de klas")
    tab.category.setCurrentIndex(tab.category.findData("respect"))
    tab.start_step.setCurrentIndex(tab.start_step.findData(2))
    tab.active.setChecked(False)
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    rule = store.rule_by_name("Jas uit in de klas")
    assert rule is not None
    assert (rule.category, rule.start_step, rule.active, rule.position) == ("respect", 2, False, n + 1)
    assert tab.list.count() == n + 1
    assert "niet actief" in tab.list.item(n).text()
    assert f"nummer {n + 1}" in tab.message.message()
    # a duplicate name is refused calmly
    tab.start_new()
    qtbot.keyClicks(tab.name, "telefoon weg")
    tab.save_button.click()
    assert tab.message.kind == "error" and "al een afspraak" in tab.message.message()
    assert len(store.rules()) == n + 1


def test_edit_a_rule(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    tab = page.rules_tab
    tab.list.setCurrentRow(2)
    rule = store.rules()[2]
    assert tab.name.text() == rule.name
    tab.name.setText("Telefoon in de tas")
    tab.category.setCurrentIndex(tab.category.findData("safety"))
    tab.start_step.setCurrentIndex(tab.start_step.findData(3))
    tab.save_button.click()
    stored = store.rules()[2]
    assert (stored.id, stored.name, stored.category, stored.start_step) == (
        rule.id,
        "Telefoon in de tas",
        "safety",
        3,
    )
    assert "veiligheid" in tab.list.item(2).text()
    assert tab.message.kind == "ok"
    # typing over the name renames the rule, and the message says so (a new rule has its own button)
    assert tab.message.message().startswith(f"'{rule.name}' heet nu 'Telefoon in de tas'.")
    tab.start_step.setCurrentIndex(tab.start_step.findData(2))
    tab.save_button.click()
    assert tab.message.message() == "Afspraak 'Telefoon in de tas' opgeslagen."
    tab.name.clear()
    tab.save_button.click()
    assert tab.message.kind == "error"
    assert store.rules()[2].name == "Telefoon in de tas"


def test_reorder_with_buttons_and_by_drag(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    tab = page.rules_tab
    before = _names(store)
    tab.list.setCurrentRow(1)
    assert tab.up_button.isEnabled()
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert _names(store) == [before[1], before[0], *before[2:]]
    assert tab.list.currentRow() == 0
    assert tab.list.item(0).text().startswith(f"1. {before[1]}")
    assert not tab.up_button.isEnabled()
    tab.down_button.click()
    tab.down_button.click()
    assert _names(store) == [before[0], before[2], before[1], *before[3:]]
    # a drop inside the list widget is a row move of its model; the store follows
    assert tab.list.model().moveRows(QModelIndex(), 0, 1, QModelIndex(), 4)
    qtbot.waitUntil(lambda: _names(store)[3] == before[0])


def test_ladder_edit_and_refusal(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    box = page.rules_tab.ladder
    assert len(box.rows) == 5
    box.rows[0][1].setText("Waarschuwing met naam")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    box.rows[-1][1].setText("Ouders bellen")
    box.save_button.click()
    ladder = store.ladder()
    assert ladder[0].name == "Waarschuwing met naam"
    assert (len(ladder), ladder[-1].name, ladder[-1].kind) == (6, "Ouders bellen", "consequence")
    assert box.message.kind == "ok"
    # an empty step name is refused
    box.rows[1][1].clear()
    box.save_button.click()
    assert box.message.kind == "error"
    assert store.ladder()[1].name == "2e waarschuwing"
    box.revert()
    assert box.rows[1][1].text() == "2e waarschuwing"
    # shortening below a step incidents use is refused, nothing changes
    student = store.add_student("1", "Zoë", "2A")
    store.log_incident(student.id, store.rules()[0].id, 5, occurred_at=datetime(2026, 9, 1, 9, 0))
    box.remove_button.click()
    box.remove_button.click()
    assert len(box.rows) == 4
    box.save_button.click()
    assert box.message.kind == "error" and "stap 5" in box.message.message()
    assert len(store.ladder()) == 6


def test_unsaved_ladder_edits_survive_other_saves(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    tab = page.rules_tab
    tab.ladder.rows[0][1].setText("nog niet opgeslagen")
    tab.list.setCurrentRow(0)
    tab.name.setText("Op tijd")
    tab.save_button.click()
    assert tab.ladder.rows[0][1].text() == "nog niet opgeslagen"


def test_phase_down_plan_is_stored(qtbot, page: SetupPage, store: Store, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    tab = page.rules_tab
    safety = next(r for r in store.rules() if r.category == "safety")
    tab.list.setCurrentRow([r.id for r in store.rules()].index(safety.id))
    assert tab.phase_button.isEnabled()
    tab.open_phase_down()
    dialog: PhaseDownDialog = tab.phase_dialog
    qtbot.addWidget(dialog)
    assert dialog.rows == []
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.rows[0][0].setDate(QDate(2027, 1, 11))
    assert dialog.rows[0][1].text() == "week 2"
    assert dialog.rows[0][2].currentData() == safety.start_step - 1
    dialog.add_row()
    assert dialog.rows[1][0].date().toPython() == date(2027, 1, 18)
    dialog.rows[1][2].setCurrentIndex(dialog.rows[1][2].findData(1))
    with qtbot.waitSignal(ctx.events.store_changed):
        dialog.save_button.click()
    stored = store.rule_by_name(safety.name)
    assert stored is not None
    assert stored.phase_downs == ((date(2027, 1, 11), 2), (date(2027, 1, 18), 1))
    assert "2027" in tab.phase_label.text() and "stap 1" in tab.phase_label.text()
    assert "(afbouw)" in tab.list.currentItem().text()


def test_phase_down_refusal_keeps_the_plan(qtbot, ctx: AppContext, store: Store) -> None:  # type: ignore[no-untyped-def]
    rule = store.rules()[0]
    store.set_phase_down(rule.id, [(date(2027, 2, 1), 1)])
    dialog = PhaseDownDialog(ctx, store.rules()[0])
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == 1
    dialog.add_row(date(2027, 2, 1), 1)  # the same date twice
    dialog.save_button.click()
    assert dialog.message.kind == "error"
    assert store.rules()[0].phase_downs == ((date(2027, 2, 1), 1),)
    dialog.rows[0][3].click()  # remove both moments: an empty plan clears the afbouw
    dialog.rows[0][3].click()
    dialog.save_button.click()
    assert store.rules()[0].phase_downs == ()


def test_tab_visits_ladder_rows_before_its_buttons(qtbot, page: SetupPage) -> None:  # type: ignore[no-untyped-def]
    box = page.rules_tab.ladder
    box.add_button.click()
    order, widget = [], box.rows[0][1]
    while len(order) < 2 * len(box.rows):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or widget.parent() in [
            c for *_, c in box.rows
        ]:
            widget = widget.nextInFocusChain()
    assert order == [w for _, e, c in box.rows for w in (e, c)]
    assert widget is box.add_button


def test_two_ladder_steps_with_one_name_are_refused(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    box = page.rules_tab.ladder
    before = store.ladder()
    box.rows[1][1].setText(" 1E Waarschuwing ")
    box.save()
    assert box.message.kind == "error"
    assert "Twee stappen heten '1e waarschuwing'" in box.message.message()
    assert store.ladder() == before


def test_removing_a_step_a_rule_starts_on_is_refused(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    box = page.rules_tab.ladder
    first = store.rules()[0]
    store.set_phase_down(first.id, [(date(2026, 12, 1), 4)])
    before = (store.ladder(), store.rules())
    for _ in range(3):
        box._remove_row()  # the ladder would keep 2 steps; 'Niemand in gevaar brengen' starts on 3
    box.save()
    assert box.message.kind == "error"
    assert "hoger dan stap 2" in box.message.message()
    assert "'Niemand in gevaar brengen'" in box.message.message()
    assert f"'{first.name}'" in box.message.message()  # its phase-down plan goes to step 4
    assert (store.ladder(), store.rules()) == before
    box.revert()
    box._remove_row()  # 4 steps: still the plan's step 4, so it can go
    box.save()
    assert box.message.kind == "ok"
    assert len(store.ladder()) == 4

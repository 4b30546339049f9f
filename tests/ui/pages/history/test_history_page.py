"""The history page: filter, sort, edit, delete and undo against a temporary store."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, QSettings, Qt

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.history.page import HistoryPage
from app.ui.widgets.table_models import HistoryTableModel, RowRole
from app.ui.workers import SyncTaskRunner, TaskRunner

M = HistoryTableModel


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return AppContext(store=store, tasks=SyncTaskRunner(), settings=settings)


@pytest.fixture
def logged(store: Store) -> dict[str, int]:
    zoe = store.add_student("1", "Zoë de Vries", "2A")
    daan = store.add_student("2", "Daan Bakker", "2B")
    phone, talk = store.rules()[2], store.rules()[1]
    a = store.log_incident(zoe.id, phone.id, 1, occurred_at=datetime(2026, 9, 1, 9, 0))
    b = store.log_incident(daan.id, talk.id, 3, occurred_at=datetime(2026, 9, 8, 10, 0))
    c = store.log_incident(zoe.id, talk.id, 1, occurred_at=datetime(2026, 9, 15, 11, 0))
    p = store.log_praise(daan.id, occurred_at=datetime(2026, 9, 8, 10, 30), note="hielp een ander")
    return {
        "zoe": zoe.id,
        "daan": daan.id,
        "phone": phone.id,
        "talk": talk.id,
        "a": a.id,
        "b": b.id,
        "c": c.id,
        "praise": p.id,
    }


def _page(qtbot, ctx: AppContext) -> HistoryPage:  # type: ignore[no-untyped-def]
    page = HistoryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _shown(page: HistoryPage) -> list[tuple[str, int]]:
    proxy = page.proxy
    return [(r.kind, r.id) for r in (proxy.data(proxy.index(i, 0), RowRole) for i in range(proxy.rowCount()))]


def test_lists_incidents_and_praise_newest_first(qtbot, ctx: AppContext, logged: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    assert _shown(page) == [
        ("incident", logged["c"]),
        ("praise", logged["praise"]),
        ("incident", logged["b"]),
        ("incident", logged["a"]),
    ]
    assert "3 incidenten en 1 compliment getoond, van 4" in page.count_label.text()
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("incident"))
    assert page.count_label.text().startswith("3 incidenten en 0 complimenten getoond")
    page.filters.rule.setCurrentIndex(page.filters.rule.findData(logged["phone"]))
    assert page.count_label.text().startswith("1 incident en 0 complimenten getoond")


def test_filters_by_class_student_rule_kind_and_period(
    qtbot, ctx: AppContext, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    bar = page.filters
    bar.class_combo.setCurrentIndex(bar.class_combo.findData("2B"))
    assert set(_shown(page)) == {("incident", logged["b"]), ("praise", logged["praise"])}
    bar.kind.setCurrentIndex(bar.kind.findData("incident"))
    assert _shown(page) == [("incident", logged["b"])]
    bar.clear()
    bar.student.setCurrentIndex(bar.student.findData(logged["zoe"]))
    assert {k for _, k in _shown(page)} == {logged["a"], logged["c"]}
    bar.rule.setCurrentIndex(bar.rule.findData(logged["phone"]))
    assert _shown(page) == [("incident", logged["a"])]
    bar.clear()
    bar.period.setCurrentIndex(bar.period.findData("custom"))
    assert bar.date_from.isEnabled()
    bar.date_from.setDate(date(2026, 9, 7))
    bar.date_to.setDate(date(2026, 9, 9))
    assert set(_shown(page)) == {("incident", logged["b"]), ("praise", logged["praise"])}
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert len(_shown(page)) == 4


def test_sorts_by_clicking_a_column(qtbot, ctx: AppContext, logged: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.table.sortByColumn(M.STUDENT, Qt.SortOrder.AscendingOrder)
    names = [page.proxy.data(page.proxy.index(i, M.STUDENT)) for i in range(page.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)
    page.table.sortByColumn(M.DEVIATION, Qt.SortOrder.DescendingOrder)
    assert _shown(page)[0] == ("incident", logged["b"])  # step 3 where 1 was agreed: the strictest


def test_edit_step_and_note_stores_the_edit_time(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["a"])
    panel = page.panel
    assert panel.save_button.isEnabled()
    assert "Volgens afspraak bij de 1e keer" in panel.agreed.text()
    panel.step.setCurrentIndex(panel.step.findData(2))
    panel.note.setText("  telefoon op tafel ")
    with qtbot.waitSignal(ctx.events.store_changed):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    stored = store.incident(logged["a"])
    assert stored is not None
    assert (stored.step, stored.note) == (2, "telefoon op tafel")
    assert stored.edited_at is not None
    # the row stays selected after the reload, and shows when it was edited
    assert page.panel.row is not None and page.panel.row.id == logged["a"]
    assert "Bewerkt op" in page.panel.edited.text()
    row = page.selected_rows()[0]
    assert page.proxy.data(page.table.selectionModel().selectedRows(M.EDITED)[0]) != ""
    assert row.step == 2


def test_edit_student_rule_and_time_moves_the_incident(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["c"])
    panel = page.panel
    panel.student.setCurrentIndex(panel.student.findData(logged["daan"]))
    panel.rule.setCurrentIndex(panel.rule.findData(logged["phone"]))
    panel.day.setDate(date(2026, 9, 16))
    from PySide6.QtCore import QTime

    panel.time.setTime(QTime(13, 45))
    panel.save_button.click()
    stored = store.incident(logged["c"])
    assert stored is not None
    assert (stored.student_id, stored.rule_id) == (logged["daan"], logged["phone"])
    assert stored.occurred_at == datetime(2026, 9, 16, 13, 45)
    assert stored.lesson_date == date(2026, 9, 16)


def test_refused_edit_changes_nothing(qtbot, ctx: AppContext, store: Store, logged: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["a"])
    before = store.incident(logged["a"])
    page.panel.student.setEditText("Iemand die niet bestaat")
    page.panel.save_button.click()
    assert page.panel.message.kind == "error"
    assert "Kies een leerling" in page.panel.message.message()
    assert store.incident(logged["a"]) == before
    page.select_line("incident", logged["a"])
    page.panel.save_button.click()
    assert "niets veranderd" in page.panel.message.message()
    assert store.incident(logged["a"]) == before


def test_delete_with_the_key_and_undo_from_the_bar(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["b"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert ("incident", logged["b"]) not in _shown(page)
    assert store.incident(logged["b"]).deleted_at is not None  # type: ignore[union-attr]
    assert page.undo_bar.isVisible()
    assert "Daan Bakker" in page.undo_bar.label.text()
    with qtbot.waitSignal(ctx.events.store_changed):
        qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert store.incident(logged["b"]).deleted_at is None  # type: ignore[union-attr]
    assert ("incident", logged["b"]) in _shown(page)
    assert not page.undo_bar.isVisible()
    assert page.selected_rows()[0].id == logged["b"]


def test_a_time_in_the_future_is_refused_calmly(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    before = store.incident(logged["a"])
    page.select_line("incident", logged["a"])
    page.panel.day.setDate(QDate.currentDate().addDays(7))
    page.panel.note.setText("verplaatst")
    page.panel.save_button.click()
    assert page.panel.message.kind == "error"
    assert "toekomst" in page.panel.message.message()
    assert store.incident(logged["a"]) == before


def test_ctrl_z_in_the_table_undoes_the_last_delete(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["b"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert store.incident(logged["b"]).deleted_at is not None  # type: ignore[union-attr]
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.incident(logged["b"]).deleted_at is None  # type: ignore[union-attr]
    assert ("incident", logged["b"]) in _shown(page)
    assert not page.undo_bar.isVisible()
    before = store.incidents()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left to undo
    assert store.incidents() == before


def test_delete_several_lines_including_praise_and_undo_in_turn(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("praise", logged["praise"])
    page.panel.delete_button.click()
    page.table.selectAll()
    qtbot.mouseClick(page.panel.delete_button, Qt.MouseButton.LeftButton)
    assert _shown(page) == []
    assert store.incidents() == [] and store.praise_list() == []
    assert "3 regels verwijderd" in page.undo_bar.label.text()
    page.undo_bar.undo_button.click()
    assert len(store.incidents()) == 3 and store.praise_list() == []
    assert "Compliment voor Daan Bakker" in page.undo_bar.label.text()
    page.undo_bar.undo_button.click()
    assert len(store.praise_list()) == 1
    assert not page.undo_bar.isVisible()


def test_praise_student_time_and_note_can_be_edited(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("praise", logged["praise"])
    panel = page.panel
    assert panel.save_button.isEnabled() and panel.delete_button.isEnabled()
    assert not panel.rule.isEnabled() and not panel.step.isEnabled()
    assert "Compliment" in panel.agreed.text()
    panel.student.setCurrentIndex(panel.student.findData(logged["zoe"]))
    panel.note.setText("hielp met opruimen")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    praise = store.praise_list()[0]
    assert (praise.student_id, praise.note) == (logged["zoe"], "hielp met opruimen")
    assert praise.edited_at is not None
    assert page.selected_rows()[0].edited_at is not None
    assert "Bewerkt op" in panel.edited.text()


def test_refreshes_when_another_page_writes(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    new = store.log_incident(logged["zoe"], logged["phone"], 1, occurred_at=datetime(2026, 9, 20, 9, 0))
    ctx.changed()
    assert _shown(page)[0] == ("incident", new.id)


def test_loads_in_the_background(qtbot, store: Store, tmp_path: Path, logged: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store=store, tasks=TaskRunner(), settings=settings)
    page = _page(qtbot, ctx)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert len(_shown(page)) == 4
    ctx.tasks.wait()


def test_every_control_has_an_accessible_name(qtbot, ctx: AppContext, logged: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QTableView, QTimeEdit

    page = _page(qtbot, ctx)
    controls = [
        w
        for kind in (QAbstractButton, QComboBox, QDateEdit, QTimeEdit, QTableView)
        for w in page.findChildren(kind)
    ]
    controls += [
        w
        for w in page.findChildren(QLineEdit)
        if not isinstance(w.parent(), QComboBox | QDateEdit | QTimeEdit)
    ]
    unnamed = [w for w in controls if not w.accessibleName() and w.isVisibleTo(page)]
    assert unnamed == []
    assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in controls if w.isVisibleTo(page))


def test_empty_log_and_empty_filter_results_say_so(qtbot, ctx: AppContext, store: Store) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    assert "Nog niets gelogd" in page.count_label.text()
    student = store.add_student("1", "Zoë", "2A")
    store.log_incident(student.id, store.rules()[0].id, occurred_at=datetime(2026, 9, 1, 9, 0))
    ctx.changed()
    bar = page.filters
    bar.kind.setCurrentIndex(bar.kind.findData("praise"))
    assert "Geen regels bij deze filters (1 in totaal)" in page.count_label.text()


def test_fits_a_full_hd_screen_at_150_percent(qtbot, ctx: AppContext, logged: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """1920×1080 at 150 % leaves 1280×720 logical pixels; the navigation takes 170 of the width."""
    page = _page(qtbot, ctx)
    hint = page.minimumSizeHint()
    assert hint.width() <= 1280 - 170 - 20
    assert hint.height() <= 720 - 60


def test_student_filter_finds_names_without_accents(qtbot, ctx: AppContext, logged: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    combo = page.filters.student
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "zoe")
    matches = [combo.matches.index(r, 0).data() for r in range(combo.matches.rowCount())]
    assert matches == ["Zoë de Vries (2A)"]
    completer = combo.completer()
    completer.activated[QModelIndex].emit(completer.completionModel().index(0, 0))
    assert combo.currentData() == logged["zoe"]
    assert {k for _, k in _shown(page)} == {logged["a"], logged["c"]}


def test_typed_student_text_always_matches_the_filter_shown(
    qtbot, ctx: AppContext, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    combo = page.filters.student
    combo.setCurrentIndex(combo.findData(logged["zoe"]))
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "daan")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)  # Enter without choosing from the pop-up
    assert combo.currentData() == logged["daan"]
    assert combo.currentText() == "Daan Bakker (2B)"
    assert {k for _, k in _shown(page)} == {logged["b"], logged["praise"]}
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "niemand")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentText() == "Daan Bakker (2B)"  # the field says again what the table shows
    assert combo.currentData() == logged["daan"]
    combo.lineEdit().clear()
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentData() is None  # emptied: everyone
    assert len(_shown(page)) == 4


def test_a_typed_student_in_the_edit_panel_is_taken_when_it_fits_one(
    qtbot, ctx: AppContext, store: Store, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["b"])
    student = page.panel.student
    student.lineEdit().selectAll()
    qtbot.keyClicks(student.lineEdit(), "zoe")
    student.lineEdit().editingFinished.emit()
    page.panel.save_button.click()
    assert store.incident(logged["b"]).student_id == logged["zoe"]  # type: ignore[union-attr]
    page.select_line("incident", logged["b"])
    student.lineEdit().selectAll()
    qtbot.keyClicks(student.lineEdit(), "niemand")
    student.lineEdit().editingFinished.emit()
    page.panel.save_button.click()
    assert "Kies een leerling uit de lijst" in page.panel.message.message()
    assert store.incident(logged["b"]).student_id == logged["zoe"]  # type: ignore[union-attr]


def test_sorting_without_the_mouse_from_the_context_menu(
    qtbot, ctx: AppContext, logged: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx)
    actions = {a.text(): a for a in page.table.actions()}
    assert len(actions) == page.model.columnCount()
    actions["Sorteren op 'Leerling'"].trigger()
    names = [r.student_name for r in (page.proxy.data(page.proxy.index(i, 0), RowRole) for i in range(4))]
    assert names == sorted(names)
    actions["Sorteren op 'Leerling'"].trigger()  # again: the other way round
    names = [r.student_name for r in (page.proxy.data(page.proxy.index(i, 0), RowRole) for i in range(4))]
    assert names == sorted(names, reverse=True)
    assert page.table.horizontalHeader().sortIndicatorSection() == M.STUDENT

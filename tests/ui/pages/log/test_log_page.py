"""The Log page end to end: the keyboard contract, the mouse flow, the lesson context, empty store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.log.page import LogPage
from app.ui.workers import SyncTaskRunner


def fill(store: Store) -> dict[str, int]:
    """Two classes; 2B is shown first. Returns name -> student id."""
    ids = {}
    for ext, name, group in [
        ("1", "Zoë de Vries", "2B"),
        ("2", "Daan Bakker", "2B"),
        ("3", "Sem van den Berg", "2B"),
        ("4", "Zoe Jansen", "3A"),
        ("5", "Émile Peeters", "3A"),
    ]:
        ids[name] = store.add_student(ext, name, group).id
    return ids


def make_page(qtbot, store: Store, tmp_path: Path, class_name: str | None = "2B") -> LogPage:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if class_name is not None:
        group = next(c for c in store.classes() if c.name == class_name)
        settings.setValue("log/last_class", group.id)
    page = LogPage(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.activated()
    first = page.picker.search if page.stack.currentIndex() == 0 else page.empty.setup_button
    qtbot.waitUntil(first.hasFocus)
    return page


def press(qtbot, key: Qt.Key, text_target: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
    """Send a key to whatever has the keyboard focus, as a user would."""
    target = text_target or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key)


@pytest.fixture
def students(store: Store) -> dict[str, int]:
    return fill(store)


@pytest.fixture
def page(qtbot, store: Store, students: dict[str, int], tmp_path: Path) -> LogPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, store, tmp_path)


def rule_number(store: Store, name: str) -> int:
    return [r.name for r in store.rules(active_only=True)].index(name) + 1


# -- keyboard contract ---------------------------------------------------------------------------
def test_keyboard_contract_end_to_end(qtbot, page: LogPage, store: Store, students: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "zoe")
    assert page.picker.shown_ids()[:2] == [students["Zoë de Vries"], students["Zoe Jansen"]]
    press(qtbot, Qt.Key.Key_Return)
    assert page.student_id == students["Zoë de Vries"]
    assert page.stage == "rule"
    assert not page.picker.search.hasFocus()

    phone = rule_number(store, "Telefoon weg")
    press(qtbot, getattr(Qt.Key, f"Key_{phone}"))
    assert page.stage == "step"
    assert page.composer.ladder.chosen() == 1
    assert page.composer.ladder.agreed_label.text() == "volgens afspraak: 1e waarschuwing (1e keer deze les)"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.picker.search.hasFocus())
    assert (
        "Opgeslagen: Zoë de Vries · Telefoon weg · 1e waarschuwing — 1e keer deze les" in page.feedback.text()
    )
    assert "volgens afspraak" in page.feedback.text()
    assert page.picker.search.text() == ""

    # strike 2 in the same lesson: the agreed step moves up and is preselected
    qtbot.keyClicks(page.picker.search, "vries")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, getattr(Qt.Key, f"Key_{phone}"))
    assert page.composer.ladder.chosen() == 2
    assert page.composer.ladder.agreed_label.text() == "volgens afspraak: 2e waarschuwing (2e keer deze les)"
    agreed_button = page.composer.ladder.buttons[1]
    assert "afspraak" in agreed_button.text() and agreed_button.property("agreed") is True
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.picker.search.hasFocus())

    logged = store.incidents()
    assert [(i.strike, i.step, i.agreed_step) for i in logged] == [(2, 2, 2), (1, 1, 1)]
    assert len({i.lesson_id for i in logged}) == 1
    assert logged[0].period == page.lesson_bar.period()


def test_safety_rule_and_override_digit(qtbot, page: LogPage, store: Store, students: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    safety = rule_number(store, "Niemand in gevaar brengen")
    press(qtbot, getattr(Qt.Key, f"Key_{safety}"))
    assert page.composer.ladder.chosen() == 3  # a safety rule starts high
    assert "Time-out in de klas" in page.composer.ladder.agreed_label.text()
    press(qtbot, Qt.Key.Key_4)  # the teacher goes one step further
    assert page.composer.ladder.chosen() == 4
    qtbot.keyClicks(page.composer.note, "gooide een schaar")
    press(qtbot, Qt.Key.Key_Return, page.composer.note)
    qtbot.waitUntil(lambda: page.picker.search.hasFocus())
    [incident] = store.incidents()
    assert (incident.step, incident.agreed_step, incident.note) == (4, 3, "gooide een schaar")
    assert "strenger dan afgesproken (afspraak: Time-out in de klas)" in page.feedback.text()
    assert page.feedback.mark.text() == "▲"


def test_milder_override_is_reported(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "sem")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, getattr(Qt.Key, f"Key_{rule_number(store, 'Respectvol taalgebruik')}"))
    assert page.composer.ladder.chosen() == 2
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    assert "milder dan afgesproken (afspraak: 2e waarschuwing)" in page.feedback.text()
    assert page.feedback.mark.text() == "▼"


def test_escape_steps_back_one_stage(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_2)
    assert page.stage == "step"
    press(qtbot, Qt.Key.Key_Escape)
    assert page.stage == "rule"
    assert page.composer.rules.chosen_id() is None
    assert page.composer.ladder.chosen() is None
    press(qtbot, Qt.Key.Key_Escape)
    assert page.stage == "student"
    assert page.picker.search.hasFocus()
    assert page.picker.search.text() == "daan"
    press(qtbot, Qt.Key.Key_Escape)
    assert page.picker.search.text() == ""
    assert store.incidents() == []


def test_ctrl_z_undoes_this_windows_saves_newest_first_and_nothing_of_an_earlier_session(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    page = make_page(qtbot, store, tmp_path)
    for name in ("daan", "sem"):
        qtbot.keyClicks(page.picker.search, name)
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_1)
        press(qtbot, Qt.Key.Key_Return)
    assert len(store.incidents()) == 2
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [i.student_name for i in store.incidents()] == ["Daan Bakker"]
    assert "Sem van den Berg" in page.feedback.text() and "ongedaan" in page.feedback.text()
    page.close()
    store.close()

    reopened = Store.open(db_path)
    try:  # a new window did nothing yet: Daan's incident of the earlier session stays
        page2 = make_page(qtbot, reopened, tmp_path)
        qtbot.keyClick(page2.picker.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert [i.student_name for i in reopened.incidents()] == ["Daan Bakker"]
        assert page2.feedback.text() == "Er is niets om ongedaan te maken."
    finally:
        reopened.close()


def test_ctrl_z_after_an_import_leaves_the_imported_incidents_alone(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path
) -> None:
    rule = store.rules()[0]
    for sid in students.values():  # written by an import or another program, not by this window
        store.log_incident(sid, rule.id)
    before = len(store.incidents())
    page = make_page(qtbot, store, tmp_path)
    qtbot.mouseClick(page.feedback.undo_button, Qt.MouseButton.LeftButton)
    assert len(store.incidents()) == before
    assert page.feedback.text() == "Er is niets om ongedaan te maken."


def test_praise_with_p(qtbot, page: LogPage, store: Store, students: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "emile")
    press(qtbot, Qt.Key.Key_Return)
    assert page.student_id == students["Émile Peeters"]
    press(qtbot, Qt.Key.Key_P)
    [praise] = store.praise_list()
    assert praise.student_id == students["Émile Peeters"]
    assert praise.lesson_id is not None
    assert page.feedback.text() == "Compliment opgeslagen voor Émile Peeters."
    assert page.picker.search.hasFocus()
    assert store.incidents() == []
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.praise_list() == []


def test_save_is_fast(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    # budget 50 ms; the assertion leaves room for a busy shared test machine
    assert 0 < page.last_save_ms < 250


# -- mouse ---------------------------------------------------------------------------------------
def test_mouse_flow(qtbot, page: LogPage, store: Store, students: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    seat = page.grid.buttons[students["Sem van den Berg"]]
    assert students["Zoe Jansen"] not in page.grid.buttons  # another class is not in the plan
    qtbot.mouseClick(seat, Qt.MouseButton.LeftButton)
    assert page.student_id == students["Sem van den Berg"]
    assert seat.isChecked()
    rule_button = page.composer.rules.buttons[rule_number(store, "Aan het werk blijven") - 1]
    assert rule_button.text().startswith(f"{rule_number(store, 'Aan het werk blijven')}  ")
    qtbot.mouseClick(rule_button, Qt.MouseButton.LeftButton)
    assert page.composer.ladder.chosen() == 1
    qtbot.mouseClick(page.composer.ladder.buttons[2], Qt.MouseButton.LeftButton)
    assert page.composer.ladder.chosen() == 3
    qtbot.mouseClick(page.composer.save_button, Qt.MouseButton.LeftButton)
    [incident] = store.incidents()
    assert (incident.student_name, incident.rule_name, incident.step) == (
        "Sem van den Berg",
        "Aan het werk blijven",
        3,
    )
    assert page.stage == "student" and page.picker.search.hasFocus()
    assert not any(b.isChecked() for b in page.grid.buttons.values())


def test_praise_button_and_rule_before_student(
    qtbot, page: LogPage, store: Store, students: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    assert not page.composer.praise_button.isEnabled()
    qtbot.mouseClick(page.composer.rules.buttons[0], Qt.MouseButton.LeftButton)
    assert page.stage == "student"
    qtbot.mouseClick(page.grid.buttons[students["Daan Bakker"]], Qt.MouseButton.LeftButton)
    assert page.stage == "step" and page.composer.ladder.chosen() == 1
    qtbot.mouseClick(page.composer.praise_button, Qt.MouseButton.LeftButton)
    assert [p.student_name for p in store.praise_list()] == ["Daan Bakker"]


def test_seats_are_stored_and_kept(
    qtbot, page: LogPage, store: Store, students: dict[str, int], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    daan, zoe = students["Daan Bakker"], students["Zoë de Vries"]
    before = dict(page.grid.seats)
    page.grid.move_student(daan, *before[zoe])  # what a drop on Zoë's seat does
    assert store.student(daan).seat_row == before[zoe][0] and store.student(daan).seat_col == before[zoe][1]
    assert (store.student(zoe).seat_row, store.student(zoe).seat_col) == before[daan]
    back = page.grid.rows - 1
    page.grid.move_student(daan, back, 5)  # the back row is always free
    assert (store.student(daan).seat_row, store.student(daan).seat_col) == (back, 5)
    assert page.grid.rows == back + 2
    again = make_page(qtbot, store, tmp_path)
    assert again.grid.seats[daan] == (back, 5)
    button = again.grid.buttons[daan]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert (store.student(daan).seat_row, store.student(daan).seat_col) == (back, 4)
    assert again.grid.buttons[daan].hasFocus()


# -- lesson context ------------------------------------------------------------------------------
def test_mood_and_energy_are_stored_on_the_lesson(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.lesson_bar.mood.buttons["restless"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.lesson_bar.energy.buttons["low"], Qt.MouseButton.LeftButton)
    [lesson] = store.lessons()
    assert (lesson.class_name, lesson.mood, lesson.energy, lesson.period) == (
        "2B",
        "restless",
        "low",
        page.lesson_bar.period(),
    )
    assert lesson.date == date.today()
    qtbot.mouseClick(page.picker.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(page.picker.search, "de vr")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_Return)
    assert {i.lesson_id for i in store.incidents()} == {lesson.id}
    assert len(store.lessons()) == 1
    qtbot.mouseClick(
        page.lesson_bar.mood.buttons["restless"], Qt.MouseButton.LeftButton
    )  # tap again: cleared
    assert store.lessons()[0].mood is None


def test_another_period_is_another_lesson(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    page.lesson_bar.set_period(2)
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    page.lesson_bar.set_period(3)
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    assert "1e keer deze les" in page.composer.ladder.agreed_label.text()
    press(qtbot, Qt.Key.Key_Return)
    assert sorted(lesson.period for lesson in store.lessons()) == [2, 3]
    assert [i.strike for i in store.incidents()] == [1, 1]


def test_other_pages_writes_refresh_the_page(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    new = store.add_student("9", "Yara El Amrani", "2B")
    page.ctx.changed()
    assert new.id in page.grid.buttons
    qtbot.keyClicks(page.picker.search, "amrani")
    assert page.picker.shown_ids() == [new.id]


# -- empty store and accessibility ---------------------------------------------------------------
def test_empty_store_shows_a_calm_message(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, store, tmp_path, class_name=None)
    assert page.stack.currentIndex() == 1
    assert "Instellingen" in page.empty.message.text() and "klaslijst" in page.empty.message.text()
    assert "Help › Welkom" in page.empty.message.text() and "demo" in page.empty.message.text()
    assert page.empty.setup_button.hasFocus()
    assert not page.lesson_bar.isVisible()  # nothing to choose yet
    qtbot.keyClicks(page.picker.search, "x")
    press(qtbot, Qt.Key.Key_Return, page.picker.search)
    press(qtbot, Qt.Key.Key_P, page)
    page.save()
    assert store.incidents() == [] and store.lessons() == []
    store.add_student("1", "Ada", "1A")
    page.ctx.changed()
    assert page.stack.currentIndex() == 0
    assert page.lesson_bar.isVisible() and page.lesson_bar.class_combo.currentText() == "1A"


def test_every_control_is_reachable_by_tab_and_named(qtbot, page: LogPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)  # enables the ladder and save buttons
    seen: list[QWidget] = []
    widget = page.lesson_bar.class_combo
    widget.setFocus()
    for _ in range(200):  # the date field also tabs through its day, month and year first
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused is widget and seen:
            break
        if focused not in seen:
            seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    expected = [
        page.lesson_bar.class_combo,
        page.lesson_bar.period_combo,
        *page.lesson_bar.mood.buttons.values(),
        *page.lesson_bar.energy.buttons.values(),
        page.picker.search,
        page.picker.results,
        *page.grid.buttons.values(),
        *page.composer.rules.buttons,
        *page.composer.ladder.buttons,
        page.composer.note,
        page.composer.praise_button,
        page.composer.save_button,
        page.feedback.undo_button,
    ]
    missing = [w for w in expected if w not in seen]
    assert not missing, [w.objectName() or w.accessibleName() for w in missing]
    assert any(w is page.lesson_bar.date_edit or w.parent() is page.lesson_bar.date_edit for w in seen)
    for w in expected:
        assert w.accessibleName(), w
    assert page.composer.ladder.buttons[0].accessibleName().endswith("volgens afspraak")


def test_window_opens_on_the_log_page_with_the_search_focused(
    qtbot, store: Store, students, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import PAGES, MainWindow

    assert PAGES[0][0] == "log"
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    page = window.page("log")
    assert window.current_page_key() == "log"
    qtbot.waitUntil(page.picker.search.hasFocus)
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    assert [i.student_name for i in store.incidents()] == ["Daan Bakker"]


def test_narrow_window_wraps_instead_of_cutting(qtbot, page: LogPage) -> None:  # type: ignore[no-untyped-def]
    """What 150 % scaling on a 1366x768 screen leaves: about 740x500 for the page."""
    page.resize(740, 500)
    qtbot.waitUntil(lambda: page.lesson_bar._wide is False)
    scroll = page.composer.parentWidget().parentWidget()
    assert scroll.viewport().width() >= page.composer.sizeHint().width()
    for button in page.composer.rules.buttons + page.composer.ladder.buttons:
        assert button.width() >= button.sizeHint().width()
    page.resize(1366, 700)
    qtbot.waitUntil(lambda: page.lesson_bar._wide is True)


def test_a_very_long_rule_name_is_elided_and_save_stays_in_view(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path
) -> None:
    """A long rule name used to widen the right panel past the window, hiding the save button."""
    long_name = "Niet storen tijdens de instructie van de leerkracht en ook niet tijdens het stille werk"
    store.add_rule(long_name)
    page = make_page(qtbot, store, tmp_path)
    button = page.composer.rules.buttons[-1]
    assert button.text().endswith(long_name)
    assert button.shown_text().endswith("…")
    assert long_name in button.toolTip()
    save = page.composer.save_button
    right_edge = save.mapTo(page, save.rect().topRight()).x()
    assert right_edge <= page.width()
    assert button.mapTo(page, button.rect().topRight()).x() <= page.width()
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, getattr(Qt.Key, f"Key_{len(page.composer.rules.buttons)}"))
    press(qtbot, Qt.Key.Key_Return)
    assert store.incidents()[0].rule_name == long_name


def test_nothing_found_and_ctrl_z_in_the_note(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "xyz")
    press(qtbot, Qt.Key.Key_Return)
    assert page.feedback.text().startswith("Niemand gevonden met 'xyz'")
    assert page.stage == "student"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(page.picker.search, "sem")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    page.composer.note.setFocus()
    qtbot.keyClicks(page.composer.note, "ab")
    qtbot.keyClick(page.composer.note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.composer.note.text() == ""  # first the typing
    assert len(store.incidents()) == 1
    qtbot.keyClick(page.composer.note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.incidents() == []  # then the last save
    assert page.stage == "step"  # the incident being composed is kept


def test_azerty_top_row_works_without_shift(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_QuoteDbl)  # the 3 key on AZERTY: rule 3
    assert page.composer.rules.chosen_id() == store.rules(active_only=True)[2].id
    press(qtbot, Qt.Key.Key_Eacute)  # the 2 key: step 2
    assert page.composer.ladder.chosen() == 2
    press(qtbot, Qt.Key.Key_Enter)  # the keypad Enter saves too
    assert [(i.rule_name, i.step) for i in store.incidents()] == [("Telefoon weg", 2)]


def test_preselection_follows_the_agreed_step_after_an_undo(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        qtbot.keyClicks(page.picker.search, "daan")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_1)
        press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    assert page.composer.ladder.chosen() == 3  # third strike
    qtbot.mouseClick(page.feedback.undo_button, Qt.MouseButton.LeftButton)
    assert page.composer.ladder.chosen() == 2  # now the second strike again
    assert "2e keer deze les" in page.composer.ladder.agreed_label.text()
    press(qtbot, Qt.Key.Key_4, page.composer.ladder.buttons[0])
    qtbot.mouseClick(page.feedback.undo_button, Qt.MouseButton.LeftButton)
    assert page.composer.ladder.chosen() == 4  # a step the teacher chose stays chosen
    assert page.composer.ladder.agreed == 1


def test_empty_state_button_asks_the_window_for_set_up(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow

    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[str] = []

        def show_page(self, key: str) -> None:
            self.shown.append(key)

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = Window()
    qtbot.addWidget(window)
    page = LogPage(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    window.setCentralWidget(page)
    window.show()
    qtbot.mouseClick(page.empty.setup_button, Qt.MouseButton.LeftButton)
    assert window.shown == ["setup"]


def test_a_hidden_page_catches_up_when_shown(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    page.hide()
    new = store.add_student("9", "Yara El Amrani", "2B")
    page.ctx.changed()
    assert new.id not in page.grid.buttons  # no work while another page is in front
    page.show()
    page.activated()
    assert new.id in page.grid.buttons


def test_dropping_a_student_on_a_seat_moves_them(qtbot, page: LogPage, store: Store, students) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QByteArray, QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    from app.ui.pages.log.seating_grid import STUDENT_MIME, EmptySeat

    daan = students["Daan Bakker"]
    target = next(w for w in page.grid.cells.findChildren(EmptySeat) if w.isVisible())
    mime = QMimeData()
    mime.setData(STUDENT_MIME, QByteArray(str(daan).encode()))
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)
    assert (store.student(daan).seat_row, store.student(daan).seat_col) == (target.row, target.col)
    assert page.grid.buttons[daan].row == target.row


def test_ctrl_q_quits_from_the_log_page(qtbot, store: Store, students, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """StandardKey.Quit has no key on Windows (nor offscreen): Ctrl+Q did nothing there."""
    from app.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    page = window.page("log")
    qtbot.waitUntil(page.picker.search.hasFocus)
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())

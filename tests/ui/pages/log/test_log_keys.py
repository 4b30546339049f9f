"""Issue #18, item 7: a second Enter after a save picks nobody, and letters always reach the search."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store.store import Store
from app.ui.pages.log.page import LogPage
from tests.ui.pages.log.test_log_page import fill, make_page, press


@pytest.fixture
def page(qtbot, store: Store, tmp_path: Path) -> LogPage:  # type: ignore[no-untyped-def]
    fill(store)
    return make_page(qtbot, store, tmp_path)


def log_one(qtbot, page: LogPage, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, name)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(page.picker.search.hasFocus)


def test_double_enter_after_a_save_picks_nobody(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    log_one(qtbot, page, "daan")
    assert len(store.incidents()) == 1
    press(qtbot, Qt.Key.Key_Return)  # the second Enter of a double press, on the empty search
    assert page.stage == "student"
    assert page.student_id is None
    assert page.picker.search.hasFocus()
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    assert len(store.incidents()) == 1  # no incident on the first student of the list


def test_enter_on_an_empty_search_does_nothing_but_arrows_still_choose(qtbot, page: LogPage) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_Return)
    assert page.student_id is None
    press(qtbot, Qt.Key.Key_Down)
    chosen = page.picker.current_id()
    press(qtbot, Qt.Key.Key_Return)
    assert page.student_id == chosen is not None
    # spaces only count as empty
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.keyClicks(page.picker.search, "  ")
    press(qtbot, Qt.Key.Key_Return)
    assert page.stage == "student"


def test_letters_typed_outside_the_field_reach_the_search(qtbot, page: LogPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    assert page.stage == "rule" and not page.picker.search.hasFocus()
    for key in (Qt.Key.Key_S, Qt.Key.Key_E, Qt.Key.Key_M):  # a new name, typed on a rule button
        press(qtbot, key)
    assert page.picker.search.hasFocus()
    assert page.picker.search.text() == "sem"
    press(qtbot, Qt.Key.Key_Return)
    assert page.students[page.student_id].name == "Sem van den Berg"  # type: ignore[index]

    # the result list passes letters on too
    press(qtbot, Qt.Key.Key_Escape)
    page.picker.results.setFocus()
    qtbot.waitUntil(page.picker.results.hasFocus)
    page.picker.clear()
    qtbot.keyClicks(page.picker.results, "zo")
    assert page.picker.search.text() == "zo"
    assert page.picker.search.hasFocus()

    # a seat in the seating plan
    button = page.grid.ordered_buttons()[0]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClicks(button, "e")
    assert page.picker.search.text() == "zoe"
    assert store.incidents() == []

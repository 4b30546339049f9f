"""Issue 16 item 1: right after a consequence is logged, one key (Alt+G) or click on the feedback line marks
'leerling gesproken'; the parents follow from the same line, and a warning offers nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from app.store.store import Store
from tests.ui.pages.log.test_log_page import make_page, press


@pytest.fixture
def daan(store: Store) -> int:
    store.add_student("2", "Sem van den Berg", "2B")
    return store.add_student("1", "Daan Bakker", "2B").id


def _log(qtbot, page, step: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, step)
    press(qtbot, Qt.Key.Key_Return)


def test_alt_g_right_after_a_consequence_marks_the_student_told(  # type: ignore[no-untyped-def]
    qtbot, store: Store, daan: int, tmp_path: Path
) -> None:
    page = make_page(qtbot, store, tmp_path)
    _log(qtbot, page, Qt.Key.Key_3)  # a time-out: a consequence
    bar = page.feedback
    assert bar.told_button.isVisible() and bar.parents_button.isVisible()
    assert page.picker.search.hasFocus()  # the search keeps the keyboard
    (open_,) = store.follow_ups()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    # a button's shortcut clicks it visibly (animateClick): the store changes a moment later
    qtbot.waitUntil(lambda: store.follow_up(open_.incident_id).student_told_at is not None, timeout=2000)  # type: ignore[union-attr]
    assert "Leerling gesproken: bewaard" in bar.text()
    assert not bar.told_button.isVisible() and bar.parents_button.isVisible()  # next: the parents
    bar.parents_button.menu().actions()[0].trigger()  # telefoon
    done = store.follow_up(open_.incident_id)
    assert done is not None and done.parents_how == "phone" and done.done
    assert not bar.parents_button.isVisible()
    assert page.picker.search.hasFocus()


def test_one_click_and_the_order_rule_on_the_feedback_line(  # type: ignore[no-untyped-def]
    qtbot, store: Store, daan: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, store, tmp_path)
    _log(qtbot, page, Qt.Key.Key_4)
    bar = page.feedback
    (open_,) = store.follow_ups()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))  # no reason: nothing changes
    bar.parents_button.menu().actions()[1].trigger()
    assert store.follow_up(open_.incident_id).parents_at is None  # type: ignore[union-attr]
    assert "eerst met de leerling" in bar.text()
    _log(qtbot, page, Qt.Key.Key_3)  # another consequence: its own offer
    second = bar.follow_up_id
    assert second is not None and second != open_.incident_id
    qtbot.mouseClick(bar.told_button, Qt.MouseButton.LeftButton)
    assert store.follow_up(second).student_told_at is not None  # type: ignore[union-attr]
    assert store.follow_up(open_.incident_id).student_told_at is None  # type: ignore[union-attr]


def test_a_warning_offers_nothing_and_alt_g_does_nothing(  # type: ignore[no-untyped-def]
    qtbot, store: Store, daan: int, tmp_path: Path
) -> None:
    page = make_page(qtbot, store, tmp_path)
    _log(qtbot, page, Qt.Key.Key_1)
    assert not page.feedback.told_button.isVisible() and not page.feedback.parents_button.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(300)
    assert store.follow_ups(open_only=False) == []

"""Ctrl+Z in the window: what this window did, newest first, whichever page did it or is shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.workers import SyncTaskRunner


def _window(qtbot, store: Store, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_an_edit_in_history_a_delete_and_a_save_are_undone_newest_first_from_any_page(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    ann = store.add_student("1", "Ann Claes", "1A")
    bo = store.add_student("2", "Bo Peeters", "1A")
    rule = store.rules()[0]
    first = store.log_incident(ann.id, rule.id, note="voor het venster")  # not this window's: stays
    window = _window(qtbot, store, tmp_path)
    ctx = window.ctx
    assert ctx is not None

    window.show_page("history")
    history = window._pages["history"]
    history.reload()
    history.select_line("incident", first.id)
    history.panel.note.setText("aangepast")
    history.panel.student.setCurrentIndex(history.panel.student.findData(bo.id))
    history.panel.save_button.click()
    edited = store.incident(first.id)
    assert edited is not None and edited.note == "aangepast" and edited.student_id == bo.id

    history.select_line("incident", first.id)
    history.delete_selected()
    assert store.incidents() == []

    window.show_page("reflection")  # a page without its own undo: the status bar reports
    window.undo()
    assert [i.id for i in store.incidents()] == [first.id]
    assert "teruggezet" in window.statusBar().currentMessage()

    window.show_page("history")
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = store.incident(first.id)
    assert restored is not None
    assert (restored.note, restored.student_id, restored.lesson_id) == (
        "voor het venster",
        ann.id,
        first.lesson_id,
    )

    window.undo()  # nothing of this window is left; the incident from before the window stays
    assert [i.id for i in store.incidents()] == [first.id]
    assert "niets om ongedaan" in history.message.message()


def test_a_praise_edit_is_undone(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ann = store.add_student("1", "Ann Claes", "1A")
    praise = store.log_praise(ann.id, note="goed geholpen")
    window = _window(qtbot, store, tmp_path)
    window.show_page("history")
    history = window._pages["history"]
    history.reload()
    history.select_line("praise", praise.id)
    history.panel.note.setText("heel goed geholpen")
    history.panel.day.setDate(date.today())
    history.panel.save_button.click()
    assert store.praise_list()[0].note == "heel goed geholpen"
    window.undo()
    assert store.praise_list()[0].note == "goed geholpen"

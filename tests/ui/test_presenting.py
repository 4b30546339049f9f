"""Presenting (Ctrl+Shift+P): with the screen on the board, the private lines of the Log page hide."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from app.store.choices import ChoiceDraft
from app.store.store import Store
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.workers import SyncTaskRunner


def test_ctrl_shift_p_hides_the_plan_and_the_follow_ups_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    sam = store.add_student("1001", "Sam Peeters", "2B")
    store.log_incident(sam.id, store.rules()[0].id, 4)  # a consequence: a follow-up is open
    store.add_choice(ChoiceDraft("Dan noem ik eerst de afspraak.", date(2020, 1, 1), student_id=sam.id))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("log")
    log = window._pages["log"]
    log.pick_student(sam.id)  # type: ignore[attr-defined]
    reminder, followups = log.reminder, log.followups  # type: ignore[attr-defined]
    badge = window.findChild(QLabel, "presenting-badge")
    assert reminder.isVisible() and followups.isVisible() and not badge.isVisible()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        log.picker.search,  # type: ignore[attr-defined]
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.ctx.presenting and window.presenting_action.isChecked()
    assert not reminder.isVisible() and not followups.isVisible() and badge.isVisible()

    window.presenting_action.trigger()  # the menu item switches it back
    assert not window.ctx.presenting
    assert reminder.isVisible() and followups.isVisible() and not badge.isVisible()

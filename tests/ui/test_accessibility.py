"""Window-wide accessibility: every control on every page is reached by Tab and named for screen readers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.analysis import week as week_module
from app.simulation.demo import fill_demo
from app.store.store import Store
from app.ui.context import AppContext
from app.ui.main_window import MainWindow, available_pages
from app.ui.workers import SyncTaskRunner
from tests.ui.pages.reflection.test_reflection_page import FakeAudit

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
)

#: pressing Tab this many times is more than any page has controls; a page needing more traps the keyboard
MAX_TABS = 160
#: Tab moves through the sections of a date or time edit (weekday, day, month, year) before leaving it
SECTIONS = 4


def _is_part_of_another_control(widget: QWidget) -> bool:
    """Inner widgets of a combo box, spin box, calendar or tab bar: the outer control is what Tab reaches."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QCalendarWidget, QTabBar)):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent:
            return True  # editors and buttons drawn inside a table or list
        parent = parent.parentWidget()
    return False


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The visible, enabled controls a user can operate under ``root``."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisible() or not widget.isEnabled() or _is_part_of_another_control(widget):
            continue
        if isinstance(widget, QTabBar) and widget.count() < 2:
            continue
        found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    """A widget in a failure message: class, object name, text and accessible name."""
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    name = widget.accessibleName()
    return f"{type(widget).__name__}(objectName={widget.objectName()!r}, text={text!r}, name={name!r})"


def tab_through(window: QWidget, start: QWidget) -> tuple[set[int], list[QWidget]]:
    """Press Tab from ``start`` until the focus comes back.

    Returns the ids of every widget that had the focus, and the widgets that kept the focus for more Tab
    presses than a date edit has sections, or a table or list that kept it at all (they trap the keyboard;
    the walk steps past them).
    """
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: set[int] = set()
    traps: list[QWidget] = []
    first = QApplication.focusWidget()
    stayed = 0
    for _ in range(MAX_TABS):
        current = QApplication.focusWidget()
        assert current is not None, "the keyboard focus left the window"
        seen.add(id(current))
        proxy = current
        while proxy.parentWidget() is not None and proxy.parentWidget().focusProxy() is proxy:
            proxy = proxy.parentWidget()
            seen.add(id(proxy))
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        stayed = stayed + 1 if QApplication.focusWidget() is current else 0
        # a table or list that keeps Tab walks it cell by cell: 30 backups are 90 presses
        if stayed > (0 if isinstance(current, QAbstractItemView) else SECTIONS):
            traps.append(current)
            stayed = 0
            window.focusNextPrevChild(True)
            QApplication.processEvents()
        if QApplication.focusWidget() is first:
            return seen, traps
    raise AssertionError(f"Tab did not come back to the start within {MAX_TABS} presses")


def _reached(widget: QWidget, seen: set[int]) -> bool:
    """Reached by Tab; in a group of radio buttons Tab reaches the chosen one and the arrow keys the rest."""
    if id(widget) in seen:
        return True
    if isinstance(widget, QRadioButton) and widget.autoExclusive():
        siblings = widget.parentWidget().findChildren(QRadioButton) if widget.parentWidget() else []
        return any(
            id(s) in seen for s in siblings if s.autoExclusive() and s.parentWidget() is widget.parentWidget()
        )
    return False


def screen_reader_name(widget: QWidget) -> str:
    """The name Qt hands to a screen reader: accessibleName, else the text or the label that is the buddy."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(week_module, "run_audit", FakeAudit())
    fill_demo(store, today=date(2026, 2, 1))
    from app.safety.backup import backup_name, backup_store

    for day in (1, 2):  # tables with rows: an empty table cannot show whether it keeps the Tab key
        backup_store(store, backup_name(store.path, "auto", datetime(2026, 1, day, 9, 0)))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    QApplication.processEvents()
    return win


def _views(window: MainWindow, key: str) -> Iterator[tuple[str, QWidget]]:
    """Show one page, and each tab of it in turn when it has tabs: (label, page) while it is shown."""
    window.show_page(key)
    page = window.page(key)
    tabs = getattr(page, "tabs", None)
    for index in range(tabs.count() if tabs is not None and hasattr(tabs, "count") else 1):
        if tabs is not None and hasattr(tabs, "count"):
            tabs.setCurrentIndex(index)
            label = f"{key}/{tabs.tabText(index)}"
        else:
            label = key
        QApplication.processEvents()
        yield label, page
    cards = getattr(getattr(page, "blind_spots", None), "cards", [])
    if key == "reflection" and cards:
        cards[0].button.click()  # the incidents behind a pattern, in a table
        QApplication.processEvents()
        yield f"{key} (incidents shown)", page
    preview = getattr(page, "preview", None)
    if key == "team" and preview is not None:
        page.tabs.setCurrentIndex(0)
        page.make_preview()  # the files that would leave the computer, a CSV shown as a table
        preview.files.setCurrentRow(1)
        QApplication.processEvents()
        yield f"{key} (preview of a CSV)", page
    table = getattr(page, "table", None)
    if key == "history" and table is not None:
        table.selectRow(0)  # the edit panel and the delete button come alive
        QApplication.processEvents()
        yield f"{key} (row chosen)", page


def _tab_problems(window: MainWindow, key: str) -> tuple[list[str], set[str]]:
    """Problems on one page, and the accessible names of the controls that kept the Tab key."""
    problems, trapped = [], set()
    for label, page in _views(window, key):
        seen, traps = tab_through(window, window.nav)
        trapped |= {t.accessibleName() for t in traps}
        problems += [f"{label}: Tab stays in {describe(t)}" for t in traps]
        problems += [
            f"{label}: not reached: {describe(w)}" for w in interactive_widgets(page) if not _reached(w, seen)
        ]
    return problems, trapped


@pytest.mark.parametrize("key", [key for key, *_ in available_pages()])
def test_every_control_is_reached_by_tab(window: MainWindow, key: str) -> None:
    problems, _trapped = _tab_problems(window, key)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", [key for key, *_ in available_pages()])
def test_every_control_has_a_screen_reader_name(window: MainWindow, key: str) -> None:
    unnamed = []
    for label, page in _views(window, key):
        for widget in [window.nav, *interactive_widgets(page)]:
            name = screen_reader_name(widget)
            if not re.search(r"\w", name):
                unnamed.append(f"{label}: {describe(widget)} reads as {name!r}")
    assert not unnamed, "no name for a screen reader:\n" + "\n".join(sorted(set(unnamed)))


def _check_dialog(qtbot, dialog: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    controls = interactive_widgets(dialog)
    seen, traps = tab_through(dialog, controls[0])
    problems = [f"Tab stays in {describe(t)}" for t in traps]
    problems += [f"not reached: {describe(w)}" for w in controls if not _reached(w, seen)]
    problems += [f"no name: {describe(w)}" for w in controls if not re.search(r"\w", screen_reader_name(w))]
    return problems


def test_set_up_dialogs_are_reached_by_tab_and_named(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.pages.setup.phase_down_dialog import PhaseDownDialog
    from app.ui.pages.setup.roster_import_dialog import RosterImportDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store=store, tasks=SyncTaskRunner(), settings=settings)
    roster = tmp_path / "klas.csv"
    roster.write_text("student_id,name,group\n1,Zoë,2A\n1,Daan,2A\n", encoding="utf-8")
    rule = store.rules()[0]
    store.set_phase_down(rule.id, [(date(2026, 12, 1), 1)])
    phase = PhaseDownDialog(ctx, store.rules()[0])
    phase.add_row()
    problems = _check_dialog(qtbot, RosterImportDialog(ctx, roster)) + _check_dialog(qtbot, phase)
    assert not problems, "\n".join(problems)

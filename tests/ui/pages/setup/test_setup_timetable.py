"""Set-up › Rooster en beltijden: bell times edited and checked, timetable import preview, the .ics saved."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.bells import DEFAULT_BELL_TIMES
from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.setup.page import SetupPage
from app.ui.pages.setup.timetable_dialog import NOT_A_LESSON, TimetableImportDialog
from tests.importers.ics_text import calendar, event, write_ics
from tests.ui.pages.setup.setup_helpers import make_ctx, make_page

DATA = Path(__file__).resolve().parents[3] / "data"


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    return make_ctx(store, tmp_path)


@pytest.fixture
def page(qtbot, ctx: AppContext) -> SetupPage:  # type: ignore[no-untyped-def]
    widget = make_page(qtbot, ctx)
    widget.tabs.setCurrentWidget(widget.timetable_tab)
    return widget


def _cell(page: SetupPage, row: int, col: int) -> str:
    return page.timetable_tab.bells.table.item(row, col).text()


def test_bell_times_shown_edited_and_stored(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    bells = page.timetable_tab.bells
    assert bells.table.rowCount() == 9
    assert _cell(page, 0, 0) == "08:30"
    bells.set_time(0, 0, "8.15")
    bells.set_time(0, 1, "09:05")
    qtbot.mouseClick(bells.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bells.save_button, Qt.MouseButton.LeftButton)
    stored = store.bell_times()
    assert len(stored.periods) == 8 and stored.periods[0].start == time(8, 15)
    assert bells.message.kind == "ok"


def test_wrong_bell_times_are_refused_and_nothing_stored(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    bells = page.timetable_tab.bells
    bells.set_time(1, 0, "09:00")  # the 2nd starts before the 1st ends
    qtbot.mouseClick(bells.save_button, Qt.MouseButton.LeftButton)
    assert bells.message.kind == "error" and "voordat het 1e uur eindigt" in bells.message.text()
    bells.set_time(1, 0, "half tien")
    qtbot.mouseClick(bells.save_button, Qt.MouseButton.LeftButton)
    assert "2e uur: 'half tien' is geen tijd" in bells.message.text()
    assert store.bell_times() == DEFAULT_BELL_TIMES
    qtbot.mouseClick(bells.default_button, Qt.MouseButton.LeftButton)
    assert _cell(page, 1, 0) == "09:20"
    qtbot.mouseClick(bells.add_button, Qt.MouseButton.LeftButton)
    assert (_cell(page, 9, 0), _cell(page, 9, 1)) == ("16:45", "17:35")


def test_import_preview_with_corrections_is_remembered(
    qtbot, page: SetupPage, store: Store, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ids = {name: store.add_class(name).id for name in ("2B", "3A", "H4a")}
    page.refresh()
    page.timetable_tab.open_timetable(str(DATA / "zermelo_like.ics"))
    dialog = page.timetable_tab._dialog
    assert isinstance(dialog, TimetableImportDialog)
    qtbot.addWidget(dialog)
    assert "16 afspraken van 2026-10-19 tot 2026-10-30" in dialog.summary.text()
    assert dialog.choices() == {
        "wi - 2B - BRE": ids["2B"],
        "wi - 3A - BRE": ids["3A"],
        "wi - h4a - BRE": ids["H4a"],
        "Sectieoverleg wiskunde": None,
    }
    assert not store.has_timetable()  # the preview writes nothing
    combo = dialog.combos["Sectieoverleg wiskunde"]
    assert combo.currentData() == NOT_A_LESSON and combo.currentText() == "geen les van mij"
    dialog.combos["wi - 3A - BRE"].setCurrentIndex(dialog.combos["wi - 3A - BRE"].findData(NOT_A_LESSON))
    with qtbot.waitSignal(ctx.events.store_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert {x.class_name for x in store.lessons_between()} == {"2B", "H4a"}
    assert "nieuwe lessen" in page.timetable_tab.import_message.text()
    assert "Rooster: 10 lessen van 2026-10-19 tot 2026-10-30" in page.timetable_tab.status.text()
    assert store.title_mapping()["wi - 3A - BRE"] is None  # remembered for the next import
    page.timetable_tab.open_timetable(str(DATA / "zermelo_like.ics"))
    again = page.timetable_tab._dialog
    qtbot.addWidget(again)
    assert again.combos["wi - 3A - BRE"].currentData() == NOT_A_LESSON
    assert again.combos["wi - 3A - BRE"].toolTip() == "Zo gekozen bij een vorige import."


def test_bad_file_shows_a_message_and_cannot_be_imported(
    qtbot, page: SetupPage, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write_ics(tmp_path, "geen agenda")
    page.timetable_tab.open_timetable(str(path))
    dialog = page.timetable_tab._dialog
    qtbot.addWidget(dialog)
    assert dialog.message.kind == "error" and "geen iCalendar-bestand" in dialog.message.text()
    assert not dialog.import_button.isEnabled()


def test_from_date_limits_the_preview_and_save_as_ics(
    qtbot, page: SetupPage, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store.add_class("2B")
    path = write_ics(
        tmp_path,
        calendar(event("a", "wi 2B", "20261005T083000", "20261005T092000", more="RRULE:FREQ=WEEKLY;COUNT=4")),
    )
    page.timetable_tab.open_timetable(str(path))
    dialog = page.timetable_tab._dialog
    qtbot.addWidget(dialog)
    from PySide6.QtCore import QDate

    dialog.from_edit.setDate(QDate(2026, 10, 19))
    dialog.use_from.setChecked(True)
    assert "2 afspraken van 2026-10-19" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "uit.ics"
    page.timetable_tab.save_ics(str(out))
    assert out.read_bytes().count(b"BEGIN:VEVENT") == 2
    assert "2 lessen opgeslagen" in page.timetable_tab.import_message.text()

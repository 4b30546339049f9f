"""Roster import from the set-up page: a preview of what changes, errors row by row, then confirm."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.setup.page import SetupPage
from app.ui.pages.setup.roster_import_dialog import RosterImportDialog
from tests.ui.pages.setup.setup_helpers import make_ctx, make_page


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    return make_ctx(store, tmp_path)


@pytest.fixture
def page(qtbot, ctx: AppContext) -> SetupPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, ctx)


def _cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_preview_of_a_good_file_then_import(
    qtbot, page: SetupPage, store: Store, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store.add_student("1001", "Zoë de Vries", "2A", {"geslacht": "v"})
    store.add_student("1002", "Daan Bakker", "2A", {"geslacht": "m"})
    path = tmp_path / "klas.csv"
    path.write_text(
        "student_id,name,group,geslacht\n"
        "1001,Zoë de Vries,2A,v\n"
        "1002,Daan Bakker,2B,m\n"
        "1003,Sem Yilmaz,2B,m\n",
        encoding="utf-8",
    )
    page.classes_tab.open_roster(str(path))
    dialog: RosterImportDialog = page.classes_tab._dialog
    qtbot.addWidget(dialog)
    assert "1 nieuwe leerling, 1 bijgewerkt, 1 ongewijzigd" in dialog.summary.text()
    assert "geslacht" in dialog.summary.text()
    assert _cells(dialog.new_table) == [["1003", "Sem Yilmaz", "2B"]]
    assert _cells(dialog.updated_table) == [["1002", "Daan Bakker", "klas: 2A → 2B"]]
    assert dialog.import_button.isEnabled()
    assert store.student_by_external_id("1003") is None  # the preview writes nothing
    with qtbot.waitSignal(ctx.events.store_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert store.student_by_external_id("1003") is not None
    assert store.student_by_external_id("1002").class_name == "2B"  # type: ignore[union-attr]
    assert "1 toegevoegd, 1 bijgewerkt" in page.classes_tab.import_message.message()
    assert not dialog.isVisible()


def test_a_broken_file_shows_every_problem_by_line_and_changes_nothing(
    qtbot, ctx: AppContext, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store.add_student("1001", "Zoë de Vries", "2A")
    path = tmp_path / "kapot.csv"
    path.write_text(
        "student_id,name,group\n1001,Zoë de Vries,3C\n1004,,2A\n1001,Dubbel,2A\n,Geen Nummer,2A\n",
        encoding="utf-8",
    )
    before = store.students()
    dialog = RosterImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    rows = _cells(dialog.problems_table)
    assert [r[0] for r in rows] == ["3", "4", "5"]
    assert "naam" in rows[0][1]
    assert "regel 2" in rows[1][1]
    assert "nummer" in rows[2][1]
    assert dialog.message.kind == "error"
    assert not dialog.import_button.isEnabled()
    dialog.confirm()  # even when forced, nothing is written
    assert store.students() == before


def test_an_unreadable_file_is_explained(qtbot, ctx: AppContext, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    dialog = RosterImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    assert dialog.message.kind == "error"
    assert dialog.message.message()
    assert not dialog.import_button.isEnabled()
    assert store.students() == []


def test_cancel_writes_nothing(qtbot, ctx: AppContext, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "klas.csv"
    path.write_text("student_id,name,group\n1,Ayoub,2A\n", encoding="utf-8")
    dialog = RosterImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert store.students() == []


def test_counts_of_one_are_singular(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "een.csv"
    path.write_text("student_id,name,group\n1,Ayoub,2A\n2,,2A\n", encoding="utf-8")
    dialog = RosterImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith("1 nieuwe leerling, 0 bijgewerkt")
    assert dialog.message.message().startswith("Er is 1 probleem.")
    two = tmp_path / "twee.csv"
    two.write_text("student_id,name,group\n1,Ayoub,2A\n2,Bo,2A\n3,,2A\n,Sem,2A\n", encoding="utf-8")
    dialog = RosterImportDialog(ctx, two)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith("2 nieuwe leerlingen, 0 bijgewerkt")
    assert dialog.message.message().startswith("Er zijn 2 problemen.")

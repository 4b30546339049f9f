"""The Team page: the preview shows the exact files Save writes; stale previews cannot be saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from app.store.store import Store
from app.team.files import JSON_NAME
from app.ui.context import AppContext
from app.ui.pages.team.page import TeamPage
from app.ui.pages.team.preview_panel import csv_rows
from app.ui.workers import SyncTaskRunner
from tests.team.team_logs import fill_log


@pytest.fixture
def page(qtbot, store: Store, tmp_path: Path) -> TeamPage:  # type: ignore[no-untyped-def]
    fill_log(store, seed=5)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    widget = TeamPage(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(widget)
    widget.activated()
    return widget


def test_preview_is_what_gets_saved(page: TeamPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert page.package is not None and page.save_button.isEnabled()
    assert page.preview.file_names() == list(page.package.files)
    # The CSV shown is parsed from the very bytes that will be written.
    names = page.preview.file_names()
    page.preview.files.setCurrentRow(names.index("teamoverzicht-rules.csv"))
    shown = [
        page.preview.table.horizontalHeaderItem(c).text() for c in range(page.preview.table.columnCount())
    ]
    assert shown == csv_rows(page.package.files["teamoverzicht-rules.csv"])[0]
    page.preview.files.setCurrentRow(names.index(JSON_NAME))
    assert page.preview.text.toPlainText() == page.package.files[JSON_NAME].decode("utf-8")
    assert "samengevoegd" in page.preview.suppressions.text()
    written = page.save_to(tmp_path / "uit")
    assert {p.name for p in written} == set(page.package.files)
    assert all(p.read_bytes() == page.package.files[p.name] for p in written)
    assert page.message.kind == "ok"


def test_changed_choices_need_a_new_preview_with_cases(page: TeamPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = page.package
    picker = page.options.cases.pickers[0]
    assert picker.count() > 1  # the case list came from the log
    picker.setCurrentIndex(1)
    assert not page.save_button.isEnabled()
    assert page.save_to(tmp_path / "oud") == []  # a stale preview is never written
    page.options.cases.descriptions[0].setText("Ik gaf meteen een time-out bij de tweede keer.")
    page.options.students.setChecked(True)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.package is not first and page.save_button.isEnabled()
    assert page.package.summary.cases[0].description.startswith("Ik gaf meteen")
    assert page.package.summary.table("students") is not None
    assert "Ik gaf meteen" in page.preview.handout_html(page.package.summary)


def test_a_case_naming_a_student_is_refused_in_the_page(page: TeamPage, store: Store) -> None:
    name = store.students()[0].name
    page.options.cases.pickers[0].setCurrentIndex(1)
    page.options.cases.descriptions[0].setText(f"{name.split()[0]} liep weg")
    page.make_preview()
    assert page.package is None and not page.save_button.isEnabled()
    assert page.message.kind == "error" and "noemt een leerling" in page.message.message()


def test_team_comparison_in_the_page(page: TeamPage, tmp_path: Path) -> None:
    from app.team.anonymise import ExportOptions
    from app.team.exchange import exchange_bytes
    from app.team.report import build_summary

    paths = []
    for seed in (11, 12):
        with Store.open(tmp_path / f"c{seed}.db") as other:
            fill_log(other, seed=seed, weeks=6, small_class=False)
            tables = other.read_tables()
        path = tmp_path / f"u{seed}.json"
        path.write_bytes(exchange_bytes(build_summary(tables, None, ExportOptions())))
        paths.append(str(path))
    panel = page.compare
    panel.add_files([*paths, paths[0]])  # a file added twice is listed once
    assert len(panel.file_paths()) == 2
    panel.run_compare()
    assert panel.result is not None and panel.rules.rowCount() == len(panel.result.comparison.rules) > 0
    written = panel.save_to(tmp_path / "team")
    assert {p.name for p in written} == set(panel.result.files)
    bad = tmp_path / "kapot.json"
    bad.write_text("[]", encoding="utf-8")
    panel.add_files([str(bad)])
    panel.run_compare()
    assert panel.message.kind == "error" and "kapot.json" in panel.message.message()
    assert not panel.save_button.isEnabled()

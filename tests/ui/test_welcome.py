"""First start: the welcome and its choices, the demo in a window of its own, Help › About."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from app import __version__
from app.core import config
from app.core.i18n import set_language
from app.store.store import Store
from app.ui import demo, help_menu
from app.ui.about_dialog import AboutDialog
from app.ui.app import _welcome_if_new
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.pages.setup.roster_import_dialog import RosterImportDialog
from app.ui.welcome import WelcomeChoice, WelcomeDialog, welcome_choices
from app.ui.widgets.inline_message import InlineMessage
from app.ui.workers import SyncTaskRunner


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_an_empty_log_is_welcomed_with_roster_and_demo(window: MainWindow) -> None:
    _welcome_if_new(window)
    dialog = window.welcome_dialog
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    assert list(dialog.buttons) == ["roster", "timetable", "demo"]
    assert dialog.windowTitle() == "Welkom"
    assert dialog.buttons["roster"].text() == "Leerlingen importeren"
    where = dialog.findChild(QLabel, "where")
    assert where is not None and str(window.ctx.store.path) in where.text()
    assert "Taal: Nederlands" in where.text()


def test_a_log_with_students_is_not_welcomed(window: MainWindow) -> None:
    window.ctx.store.add_student("1", "Zoë de Vries", "2A")
    _welcome_if_new(window)
    assert window.welcome_dialog is None


def test_the_welcome_speaks_english(window: MainWindow) -> None:
    set_language("en")
    dialog = help_menu.show_welcome(window)
    assert dialog is not None
    assert dialog.windowTitle() == "Welcome"
    assert [b.text() for b in dialog.buttons.values()] == [
        "Import your students",
        "Import your timetable",
        "Look around in a demo year",
    ]
    assert dialog.later.text() == "Later"


def test_another_choice_can_be_added_through_the_hook(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog(welcome_choices(), tmp_path / "log.db")
    qtbot.addWidget(dialog)
    chosen: list[str] = []
    dialog.chosen.connect(chosen.append)
    button = dialog.add_choice(WelcomeChoice("later-plan", "Iets anders", "Een volgende keuze."))
    button.click()
    assert chosen == ["later-plan"]
    assert set(help_menu.WELCOME_ACTIONS) == {c.key for c in welcome_choices()}


def test_roster_choice_opens_set_up_and_the_import_preview(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "klas.csv"
    roster.write_text("student_id,name,group\n1001,Zoë de Vries,2A\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    dialog = help_menu.show_welcome(window)
    assert dialog is not None
    dialog.buttons["roster"].click()
    assert not dialog.isVisible()
    assert window.current_page_key() == "setup"
    page = window.page("setup")
    assert page.tabs.currentWidget() is page.classes_tab  # type: ignore[attr-defined]
    preview = page.classes_tab._dialog  # type: ignore[attr-defined]
    assert isinstance(preview, RosterImportDialog)
    qtbot.waitUntil(preview.isVisible)
    preview.close()


def test_demo_choice_starts_the_demo_window_and_says_so(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(demo, "launch_demo", lambda lang: started.append(lang) or True)
    dialog = help_menu.show_welcome(window)
    assert dialog is not None
    dialog.buttons["demo"].click()
    assert started == ["nl"]
    note = window.findChild(InlineMessage, "demo-note")
    assert note is not None and "eigen venster" in note.text()
    assert window.ctx.store.students() == []  # the teacher's own log stays empty


def test_demo_that_cannot_start_says_how_to_start_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(demo, "launch_demo", lambda lang: False)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text: shown.append(text))
    help_menu.open_demo(window)
    assert shown and "--demo --lang nl" in shown[0]


def test_demo_command_is_this_python_or_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    assert demo.demo_command("en") == (sys.executable, ["-m", "app", "--demo", "--lang", "en"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert demo.demo_command("nl") == (sys.executable, ["--demo", "--lang", "nl"])


def test_the_demo_year_gets_a_file_of_its_own_filled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", "not for the demo")
    path = demo.demo_db_path()
    assert path == config.data_dir() / "demo" / "demo.db"
    assert demo.prepare_demo(path) is True
    assert demo.prepare_demo(path) is False
    with Store.open(path, passphrase="") as store:
        assert len(store.students()) == 100
        assert not store.encrypted


def test_the_demo_window_says_what_it_is(window: MainWindow) -> None:
    demo.mark_demo_window(window)
    assert window.windowTitle() == "Rechtvaardige strengheid — demo"
    banner = window.findChild(InlineMessage, "demo-banner")
    assert banner is not None and "verzonnen" in banner.text()


def test_demo_option_opens_the_window_on_the_demo_year(tmp_path: Path) -> None:
    """``--demo`` as the welcome starts it (here rendered offscreen): the demo file is made and shown."""
    out = tmp_path / "demo.png"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--demo", "--page", "history", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert demo.demo_db_path().is_file()
    refused = subprocess.run(
        [sys.executable, "-m", "app", "--demo", "audit"], capture_output=True, text=True, timeout=60
    )
    assert refused.returncode == 2 and "--demo" in refused.stderr


def test_help_menu_offers_welcome_and_about(window: MainWindow) -> None:
    actions = {a.objectName(): a for a in window.help_menu.actions() if a.objectName()}
    assert set(actions) == {"welcome-action", "about-action"}
    assert window.help_menu.title() == "H&elp"
    actions["about-action"].trigger()
    assert isinstance(window.about_dialog, AboutDialog) and window.about_dialog.isVisible()


def test_about_names_version_licence_data_and_privacy(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    about = help_menu.show_about(window)
    assert about.version.text() == f"fair-strictness {__version__}"
    assert about.licence.text().startswith("MIT")
    assert about.store_label.text() == str(window.ctx.store.path)
    assert about.backups_label.text() == str(window.ctx.store.path.parent / "backups")
    assert "geen telemetrie" in about.privacy_text.text()
    assert about.full_privacy is not None
    statement = about.show_privacy()
    assert statement.isVisible()
    assert about.privacy_browser.toPlainText().startswith("Privacy en gegevensbeveiliging")


def test_about_in_english_shows_the_english_summary_first(window: MainWindow) -> None:
    set_language("en")
    about = help_menu.show_about(window)
    assert about.windowTitle() == "About Fair strictness"
    assert "no telemetry" in about.privacy_text.text()
    about.show_privacy()
    assert about.privacy_browser.toPlainText().startswith("English summary")


def test_timetable_choice_opens_set_up_at_the_timetable_and_its_file_dialog(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def cancel(*_a: object, **_k: object) -> tuple[str, str]:
        asked.append("file")
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", cancel)
    dialog = help_menu.show_welcome(window)
    assert dialog is not None
    dialog.buttons["timetable"].click()
    assert window.current_page_key() == "setup"
    page = window.page("setup")
    assert page.tabs.currentWidget() is page.timetable_tab  # type: ignore[attr-defined]
    assert asked == ["file"]  # cancelled: nothing imported, nothing changed
    assert window.ctx.store.students() == []

"""The window's Help menu: the welcome (and carrying out what the teacher chose there) and About."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from app.core import config
from app.core.i18n import t

if TYPE_CHECKING:
    from app.ui.about_dialog import AboutDialog
    from app.ui.main_window import MainWindow
    from app.ui.pages.setup.page import SetupPage
    from app.ui.welcome import WelcomeDialog

#: how long the note "the demo opens in its own window" stays above the pages
DEMO_NOTE_MS = 12_000


def install_help_menu(window: MainWindow) -> QMenu:
    """Add *Help* with *Welkom…* and *Over…* to the window's menu bar."""
    # Alt+E in Dutch: Alt+H is 'Arc&hiveren' on the data panel (in English only 'Arc&hive' shares it)
    menu = window.menuBar().addMenu(t("H&elp"))
    menu.setObjectName("help-menu")
    welcome = QAction(t("&Welkom…"), window)
    welcome.setObjectName("welcome-action")
    welcome.setStatusTip(
        t(
            "Hoe je begint: leerlingen importeren of rondkijken in een demojaar.",
        )
    )
    welcome.triggered.connect(lambda: show_welcome(window))
    about = QAction(t("&Over Rechtvaardige strengheid…"), window)
    about.setObjectName("about-action")
    about.setMenuRole(QAction.MenuRole.AboutRole)  # macOS puts it in the application menu
    about.triggered.connect(lambda: show_about(window))
    menu.addAction(welcome)
    menu.addSeparator()
    menu.addAction(about)
    return menu


def show_welcome(window: MainWindow) -> WelcomeDialog | None:
    """Open the welcome over the window (not before its store is open)."""
    from app.ui.welcome import WelcomeDialog, welcome_choices

    if window.ctx is None:
        return None
    dialog = WelcomeDialog(welcome_choices(), window.ctx.store.path, window)
    dialog.chosen.connect(lambda key: start_with(window, key))
    window.welcome_dialog = dialog
    dialog.open()
    return dialog


def show_about(window: MainWindow) -> AboutDialog:
    """Open the About box for the store the window shows."""
    from app.ui.about_dialog import AboutDialog

    path = window.ctx.store.path if window.ctx is not None else config.default_db_path()
    dialog = AboutDialog(path, window)
    window.about_dialog = dialog
    dialog.open()
    return dialog


def import_roster(window: MainWindow) -> None:
    """Set-up › Klassen en leerlingen, and the file dialog for a class list (then its preview)."""
    window.show_page("setup")
    page = cast("SetupPage", window.page("setup"))
    page.tabs.setCurrentWidget(page.classes_tab)
    page.classes_tab.choose_roster()


def import_timetable(window: MainWindow) -> None:
    """Set-up › Rooster en beltijden, and the file dialog for a timetable (then its preview)."""
    window.show_page("setup")
    page = cast("SetupPage", window.page("setup"))
    page.tabs.setCurrentWidget(page.timetable_tab)
    page.timetable_tab.open_timetable()


def open_demo(window: MainWindow) -> None:
    """Start the demo year in a window of its own; say so above the pages for a moment."""
    from app.ui.demo import demo_command, launch_demo
    from app.ui.widgets.inline_message import InlineMessage

    lang = window.ctx.language if window.ctx is not None else "nl"
    if not launch_demo(lang):
        program, args = demo_command(lang)
        QMessageBox.warning(
            window,
            t("Demo"),
            t(
                "Het demovenster kon niet starten. Probeer: {cmd}",
                cmd=" ".join([program, *args]),
            ),
        )
        return
    note = InlineMessage()
    note.setObjectName("demo-note")
    note.show_message(
        t(
            "Het demojaar opent zo in een eigen venster. Je eigen logboek blijft leeg.",
        ),
        "info",
    )
    window.add_banner(note)
    QTimer.singleShot(DEMO_NOTE_MS, note.deleteLater)


#: what each welcome choice does, by its key (the choices are in app.ui.welcome.welcome_choices)
WELCOME_ACTIONS: dict[str, Callable[[MainWindow], None]] = {
    "roster": import_roster,
    "timetable": import_timetable,
    "demo": open_demo,
}


def start_with(window: MainWindow, key: str) -> None:
    """Carry out the welcome choice ``key``."""
    WELCOME_ACTIONS[key](window)

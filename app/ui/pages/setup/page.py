"""The set-up page: classes and students, rules and ladder, timetable and bell times, language, data."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.ui.pages.setup.classes_tab import ClassesTab
from app.ui.pages.setup.language_tab import LanguageTab
from app.ui.pages.setup.rules_tab import RulesTab
from app.ui.pages.setup.timetable_tab import TimetableTab

if TYPE_CHECKING:
    from app.ui.context import AppContext

#: the optional data and privacy panel, built elsewhere; offered as a tab when its module exists
DATA_PANEL = ("app.ui.pages.setup.data_panel", "DataPanel")


class SetupPage(QWidget):
    """A QTabWidget with one tab per subject; each tab re-reads the store when it changes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Instellingen"))
        self.classes_tab = ClassesTab(ctx)
        self.rules_tab = RulesTab(ctx)
        self.language_tab = LanguageTab(ctx)
        self.timetable_tab = TimetableTab(ctx)
        self.tabs.addTab(self.classes_tab, self.tr("&Klassen en leerlingen"))
        self.tabs.addTab(self.rules_tab, self.tr("&Afspraken en ladder"))
        self.tabs.addTab(self.timetable_tab, self.tr("&Rooster en beltijden"))
        self.tabs.addTab(self.language_tab, self.tr("&Taal"))
        module, cls = DATA_PANEL
        self.data_panel: QWidget = getattr(importlib.import_module(module), cls)(ctx)
        self.tabs.addTab(self.data_panel, self.tr("&Gegevens en privacy"))
        title = QLabel(self.tr("Instellingen"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        ctx.events.store_changed.connect(self._store_changed)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def activated(self) -> None:
        """Shown: re-read the store when it changed while hidden."""
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the store for the tabs that show it."""
        self._stale = False
        self.classes_tab.refresh()
        self.rules_tab.refresh()
        self.timetable_tab.refresh()
        self.language_tab.refresh()

    def _store_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

"""The main window: navigation on the left, pages in a QStackedWidget, created when first shown."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.help_menu import install_help_menu
from app.ui.presenting import install_presenting
from app.ui.workers import SyncTaskRunner

if TYPE_CHECKING:
    from app.ui.about_dialog import AboutDialog
    from app.ui.context import AppContext
    from app.ui.welcome import WelcomeDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


#: page key -> (module, class, title); a page whose module is not there is not offered
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("log", "app.ui.pages.log.page", "LogPage", "Loggen"),
    ("history", "app.ui.pages.history.page", "HistoryPage", "Geschiedenis"),
    ("reflection", "app.ui.pages.reflection.page", "ReflectionPage", "Reflectie"),
    ("team", "app.ui.pages.team.page", "TeamPage", "Team"),
    ("setup", "app.ui.pages.setup.page", "SetupPage", "Instellingen"),
)
# Titles are marked for translation here so lupdate sees them.
_TITLES = (
    QCoreApplication.translate("MainWindow", "Loggen"),
    QCoreApplication.translate("MainWindow", "Geschiedenis"),
    QCoreApplication.translate("MainWindow", "Reflectie"),
    QCoreApplication.translate("MainWindow", "Team"),
    QCoreApplication.translate("MainWindow", "Instellingen"),
)


#: wait this long after the window appears before importing pandas/scipy/matplotlib in the background
PREWARM_DELAY_MS = 2500


def prewarm_imports() -> None:
    """Import the heavy analysis libraries, so the first audit does not wait for them."""
    import matplotlib.figure  # noqa: F401
    import pandas  # noqa: F401
    import scipy.stats  # noqa: F401

    import app.analysis.audit.run  # noqa: F401


def _ignore(_result: object, _error: BaseException | None) -> None:
    """Prewarming is best effort: a failure shows up later where the module is really used."""


def available_pages() -> list[tuple[str, str, str, str]]:
    """Every page (imported the first time it is shown; a broken import is an error, not a hidden page)."""
    return list(PAGES)


class MainWindow(QMainWindow):
    """Navigation and pages; pages are imported and built the first time they are shown."""

    def __init__(self, ctx: AppContext | None, page: str | None = None) -> None:
        """Build the window; without ``ctx`` it shows an 'opening' state until ``attach`` is called."""
        super().__init__()
        self.ctx: AppContext = ctx  # type: ignore[assignment]  # set by attach() when started empty
        self.setWindowTitle(_tr("Rechtvaardige strengheid"))
        self.resize(1366, 768)
        self._pages: dict[str, QWidget] = {}
        self._prewarm_started = False
        self._keys = [p[0] for p in available_pages()]
        self._specs = {p[0]: p for p in available_pages()}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(_tr("Navigatie"))
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(220)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 9px 12px; }")
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        for key in self._keys:
            item = QListWidgetItem(_tr(self._specs[key][3]))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        #: banners (e.g. the offer to encrypt) appear here, above the pages, without taking focus
        self.banners = QVBoxLayout()
        outer.addLayout(self.banners)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._on_row)

        #: the dialogs of the Help menu, kept while open (app.ui.help_menu)
        self.welcome_dialog: WelcomeDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.presenting_action = install_presenting(self)
        self.help_menu = install_help_menu(self)

        quit_action = QAction(_tr("Afsluiten"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on Windows
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        undo_action = QAction(_tr("Ongedaan maken"), self)
        undo_action.setObjectName("undo_action")
        undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # a text field keeps its own
        undo_action.triggered.connect(self.undo)
        self.addAction(undo_action)
        for index, key in enumerate(self._keys):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.addAction(action)

        self._first_page = page if page in self._keys else (self._keys[0] if self._keys else None)
        if ctx is None:
            self._opening = QLabel(_tr("Logboek openen…"))
            self._opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(self._opening)
            self.nav.setEnabled(False)
        else:
            self.show_page(self._first_page)

    def attach(self, ctx: AppContext) -> None:
        """Give a window that was shown before the store was open its context, and show the first page."""
        self.ctx = ctx
        opening = getattr(self, "_opening", None)
        if opening is not None:
            self.stack.removeWidget(opening)
            opening.deleteLater()
            self._opening = None
        self.nav.setEnabled(True)
        self.show_page(self._first_page)
        self._start_prewarm()

    def showEvent(self, event: QShowEvent) -> None:
        """Once the window is up, load the analysis libraries in the background."""
        super().showEvent(event)
        self._start_prewarm()

    def _start_prewarm(self) -> None:
        if self.ctx is None or not self.isVisible():
            return
        if not self._prewarm_started and not isinstance(self.ctx.tasks, SyncTaskRunner):
            self._prewarm_started = True
            QTimer.singleShot(PREWARM_DELAY_MS, lambda: self.ctx.tasks.run_task(prewarm_imports, _ignore))

    def add_banner(self, banner: QWidget) -> None:
        """Show a calm banner above the pages (it does not take the keyboard focus)."""
        self.banners.addWidget(banner)

    def page(self, key: str) -> QWidget:
        """The page widget for a key, built when first asked."""
        if key not in self._pages:
            _, module, cls, _title = self._specs[key]
            widget = getattr(importlib.import_module(module), cls)(self.ctx)
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def show_page(self, key: str | None) -> None:
        """Switch to a page."""
        if key is None:
            return
        row = self._keys.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # comes back here through _on_row
            return
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        activated = getattr(widget, "activated", None)
        if callable(activated):
            activated()

    def current_page_key(self) -> str | None:
        """The key of the page shown."""
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.show_page(self._keys[row])

    def undo(self) -> None:
        """Ctrl+Z: undo this window's newest action; the page on screen reports it, else the status bar."""
        if self.ctx is None:
            return
        page = self._pages.get(self.current_page_key() or "")
        handler = getattr(page, "undo", None)
        if callable(handler):
            handler()
            return
        try:
            text = self.ctx.undo()
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        if text is None:
            self.statusBar().showMessage(_tr("Er is niets om ongedaan te maken."), 5000)
            return
        self.statusBar().showMessage(text, 8000)
        self.ctx.changed()

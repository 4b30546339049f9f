"""Helpers for the set-up page tests: a context with its own settings file, and the page shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.setup.page import SetupPage
from app.ui.workers import SyncTaskRunner


def make_ctx(store: Store, tmp_path: Path) -> AppContext:
    """A context on the test store with its own settings file."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(store=store, tasks=SyncTaskRunner(), settings=settings)


def make_page(qtbot: Any, ctx: AppContext) -> SetupPage:
    """The set-up page, shown."""
    widget = SetupPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    widget.show()
    return widget

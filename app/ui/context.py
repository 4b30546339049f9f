"""AppContext: the one object handed to the main window and every page (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from app.store.store import Store
    from app.ui.workers import TaskRunner


class StoreEvents(QObject):
    """Signals about the store, so pages refresh when another page wrote."""

    #: emitted after any write through the UI (incident, praise, roster, rules, ...)
    store_changed = Signal()
    #: emitted when the language was changed in the settings
    language_changed = Signal(str)


@dataclass
class AppContext:
    """The store, settings, background task runner and language, for every widget that needs them."""

    store: Store
    tasks: TaskRunner
    settings: QSettings
    language: str = "nl"
    events: StoreEvents = field(default_factory=StoreEvents)

    def changed(self) -> None:
        """Tell every page that the store changed."""
        self.events.store_changed.emit()

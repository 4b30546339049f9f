"""AppContext: the one object handed to the main window and every page (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from app.store.undo import Command, UndoStack

if TYPE_CHECKING:
    from app.store.store import Store
    from app.ui.workers import TaskRunner


class StoreEvents(QObject):
    """Signals about the store, so pages refresh when another page wrote."""

    #: emitted after any write through the UI (incident, praise, roster, rules, ...)
    store_changed = Signal()
    #: emitted when the language was changed in the settings
    language_changed = Signal(str)
    #: the window is (or is no longer) shown to the class: private lines hide (app.ui.presenting)
    presenting_changed = Signal(bool)


@dataclass
class AppContext:
    """The store, settings, background task runner and language, for every widget that needs them."""

    store: Store
    tasks: TaskRunner
    settings: QSettings
    language: str = "nl"
    events: StoreEvents = field(default_factory=StoreEvents)
    #: what this window did, newest last: Ctrl+Z takes it back (never a row it did not write)
    undo_stack: UndoStack = field(default_factory=UndoStack)
    #: the screen may be on the board: prepared choices and follow-ups are not shown
    presenting: bool = False

    def set_presenting(self, presenting: bool) -> None:
        """Switch presenting on or off and tell the pages."""
        if presenting != self.presenting:
            self.presenting = presenting
            self.events.presenting_changed.emit(presenting)

    def changed(self) -> None:
        """Tell every page that the store changed."""
        self.events.store_changed.emit()

    def did(self, command: Command) -> None:
        """Remember an action of this window so that Ctrl+Z can take it back."""
        self.undo_stack.push(command)

    def undo(self) -> str | None:
        """Undo this window's newest action; what was undone, or None when nothing is left.

        Raises the store's UserError when the action can no longer be undone (it is dropped). The
        caller tells the pages (``changed``), so that it can keep its own state while they reload.
        """
        return self.undo_stack.undo(self.store)

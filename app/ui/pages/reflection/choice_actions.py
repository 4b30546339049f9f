"""What the reflection page does with prepared choices: make one (from a finding or from scratch),
change it, keep it for the week, close it (Ctrl+Z opens it again)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.errors import UserError
from app.store.undo import ChoiceClosed
from app.ui.pages.reflection.choice_dialog import ChoiceDialog, proposal_for

if TYPE_CHECKING:
    from app.analysis.results import Estimate
    from app.ui.pages.reflection.page import ReflectionPage


class ChoiceActions(QObject):
    """The page's handlers for the choices view and the blind-spot cards' 'Voorbereide keuze…'."""

    def __init__(self, page: ReflectionPage) -> None:
        super().__init__(page)
        self.page = page
        #: the open dialog (kept so it is not collected, and so tests can fill it in)
        self.dialog: ChoiceDialog | None = None

    def _today(self) -> date:
        return date.today()

    def _open(self, dialog: ChoiceDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: ChoiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def from_finding(self, estimate: Estimate) -> None:
        """A dialog with the situation and a response proposed from the finding."""
        ctx = self.page.ctx
        self._open(ChoiceDialog(ctx, proposal_for(ctx, estimate, self._today()), parent=self.page))

    def new(self) -> None:
        """An empty dialog: a choice from scratch."""
        self._open(ChoiceDialog(self.page.ctx, parent=self.page))

    def edit(self, choice_id: int) -> None:
        """Change an open choice."""
        choice = self.page.ctx.store.choice(choice_id)
        if choice is not None:
            self._open(ChoiceDialog(self.page.ctx, choice=choice, parent=self.page))

    def keep(self, choice_id: int) -> None:
        """The week's answer: still needed."""
        view = self.page.view
        if view is None:
            return
        self._write(lambda: self.page.ctx.store.keep_choice(choice_id, view.week))

    def close(self, choice_id: int) -> None:
        """No longer needed: closed on the last day of the week shown (or today, if earlier)."""
        view = self.page.view
        day = min(self._today(), view.date_to) if view is not None else self._today()
        if self._write(lambda: self.page.ctx.store.close_choice(choice_id, day)):
            self.page.ctx.did(ChoiceClosed(choice_id))

    def _write(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserError as exc:
            self.page.error.show_error(str(exc))
            return False
        self.page.ctx.changed()
        return True

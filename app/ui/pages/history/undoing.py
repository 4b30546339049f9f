"""Deleting lines in History and taking back what this window did (the undo bar and Ctrl+Z).

Every delete, edit and save of the window is a command on the window's undo stack (app/store/undo.py);
the bar under the table offers the newest one while it is a delete made here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.errors import UserError
from app.store.undo import Batch, Command, IncidentDeleted, PraiseDeleted

if TYPE_CHECKING:
    from app.ui.context import AppContext
    from app.ui.pages.history.row import HistoryRow
    from app.ui.widgets.inline_message import InlineMessage, UndoBar


class HistoryUndo:
    """Delete and undo for the History page (a mixin: the page has the context, bar and message)."""

    ctx: AppContext
    undo_bar: UndoBar
    message: InlineMessage
    _pending_select: list[tuple[str, int]]

    if TYPE_CHECKING:  # provided by the page and by QWidget

        def selected_rows(self) -> list[HistoryRow]: ...

    def delete_selected(self) -> None:
        """Delete the selected lines (soft), and offer to undo it."""
        rows = self.selected_rows()
        if not rows:
            return
        store = self.ctx.store
        done: list[Command] = []
        try:
            for row in rows:
                if row.is_praise:
                    store.delete_praise(row.id)
                    done.append(PraiseDeleted(row.id, row.student_name))
                else:
                    store.delete_incident(row.id)
                    done.append(IncidentDeleted(row.id, row.student_name))
        except UserError as exc:
            self.message.show_error(str(exc))  # the lines before it are deleted, and can be undone
        else:
            self.message.clear_message()
        if not done:
            return
        text = self._undo_text(rows[: len(done)])
        self.ctx.did(Batch(tuple(done), text))
        self.undo_bar.show_text(text)
        self.ctx.changed()

    @staticmethod
    def _undo_text(rows: list[HistoryRow]) -> str:
        if len(rows) == 1:
            row = rows[0]
            what = (
                QCoreApplication.translate("HistoryPage", "Compliment voor {name} verwijderd.")
                if row.is_praise
                else QCoreApplication.translate(
                    "HistoryPage", "Incident van {name} ({rule}) verwijderd."
                ).replace("{rule}", row.rule_name)
            )
            text = what.replace("{name}", row.student_name)
        else:
            text = QCoreApplication.translate("HistoryPage", "{n} regels verwijderd.").replace(
                "{n}", str(len(rows))
            )
        return text

    def undo(self) -> None:
        """Undo this window's newest action: lines deleted here, an edit, or a save on the Log page."""
        top = self.ctx.undo_stack.peek()
        try:
            text = self.ctx.undo()
        except UserError as exc:
            self.message.show_error(str(exc))
            self._show_undo_bar()
            return
        if text is None:
            self.message.show_message(
                QCoreApplication.translate("HistoryPage", "Er is niets om ongedaan te maken.")
            )
            self.undo_bar.hide()
            return
        if isinstance(top, Batch):
            self._pending_select = [_line_of(c) for c in top.commands]
        self._show_undo_bar()
        self.message.show_message(text, "ok")
        self.ctx.changed()

    def _show_undo_bar(self) -> None:
        """The undo bar shows while the newest action of the window is a delete made here."""
        top = self.ctx.undo_stack.peek()
        if isinstance(top, Batch) and top.description:
            self.undo_bar.show_text(top.description)
        else:
            self.undo_bar.hide()


def _line_of(command: Command) -> tuple[str, int]:
    """The (kind, id) of the line a delete command brings back."""
    if isinstance(command, PraiseDeleted):
        return ("praise", command.praise_id)
    if isinstance(command, IncidentDeleted):
        return ("incident", command.incident_id)
    raise TypeError(command)

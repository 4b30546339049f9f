"""Marking the follow-up after a consequence: one place for the order rule and its reason dialog.

The student is spoken with first; 'ouders geïnformeerd' before that only with a reason (urgent safety),
asked in a dialog. Used by the Log page's 'nog te doen' list, its feedback line and the History page, so
all three ask the same question and store through the same store functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QMenu, QPushButton, QToolButton, QWidget

from app.core.errors import UserError
from app.core.i18n import translate
from app.store.followups import PARENT_CHANNELS

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.store.records import FollowUpInfo
    from app.ui.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpActions", text)


def ask_reason(parent: QWidget) -> str | None:
    """Why the parents before the student (None: cancelled or left empty)."""
    reason, ok = QInputDialog.getText(
        parent,
        _tr("Ouders vóór de leerling"),
        _tr("Eerst de leerling, dan de ouders. Waarom nu eerst de ouders (bijvoorbeeld veiligheid)?"),
    )
    return reason.strip() if ok and reason.strip() else None


def student_told(ctx: AppContext, incident_id: int) -> str | None:
    """Mark the talk with the student done (now); the error to show, or None."""
    try:
        ctx.store.mark_student_told(incident_id)
    except UserError as exc:
        return str(exc)
    ctx.changed()
    return None


def parents_informed(
    ctx: AppContext, parent: QWidget, incident_id: int, how: str, *, reason: str | None = None
) -> tuple[bool, str]:
    """Mark the parents informed; before the student only with a reason, asked first.

    Returns (stored, message): the message is an error, or why nothing changed.
    """
    info = ctx.store.follow_up(incident_id)
    if info is not None and info.student_told_at is None and reason is None:
        reason = ask_reason(parent)
        if reason is None:
            return False, _tr("Niets veranderd: eerst met de leerling praten.")
    try:
        ctx.store.mark_parents_informed(incident_id, how, reason=reason or "")
    except UserError as exc:
        return False, str(exc)
    ctx.changed()
    return True, ""


def channel_menu(button: QToolButton, chosen: Callable[[str], None]) -> QMenu:
    """The ways to inform the parents as the button's menu; ``chosen(code)`` when one is picked."""
    menu = QMenu(button)
    for code, name in PARENT_CHANNELS.items():
        action = menu.addAction(translate(name))
        action.setData(code)
        action.triggered.connect(lambda _=False, c=code: chosen(c))
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMinimumWidth(button.sizeHint().width() + 14)  # the menu arrow never covers the text
    return menu


def status_text(info: FollowUpInfo) -> str:
    """What is done and still to do, in a few words."""
    told = _tr("leerling gesproken") if info.student_told_at else _tr("leerling nog niet gesproken")
    if info.parents_at is not None:
        parents = _tr("ouders geïnformeerd (%1)").replace(
            "%1", translate(PARENT_CHANNELS.get(info.parents_how or "", info.parents_how or ""))
        )
    else:
        parents = _tr("ouders nog niet geïnformeerd")
    return _tr("Nazorg: %1, %2.").replace("%1", told).replace("%2", parents)


class FollowUpActions(QWidget):
    """The follow-up of one consequence: its state and the two buttons (History's selected line)."""

    #: a message for the page: (text, is_error)
    message = Signal(str, bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("follow_up_actions")
        self.info: FollowUpInfo | None = None
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setObjectName("follow_up_status")
        self.status.setWordWrap(True)
        line.addWidget(self.status, 1)
        self.told = QPushButton(_tr("Leerling gesproken"))
        self.told.setObjectName("student_told")
        self.told.clicked.connect(self._told)
        line.addWidget(self.told)
        self.parents = QToolButton()
        self.parents.setObjectName("parents_informed")
        self.parents.setText(_tr("Ouders geïnformeerd"))
        self.parents.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        channel_menu(self.parents, self._parents)
        line.addWidget(self.parents)
        self.hide()

    def show_follow_up(self, info: FollowUpInfo | None) -> None:
        """Show one consequence's follow-up (hidden for a warning, praise or several lines)."""
        self.info = info
        if info is None:
            self.hide()
            return
        self.status.setText(status_text(info))
        self.told.setEnabled(info.student_told_at is None)
        self.parents.setEnabled(info.parents_at is None)
        self.show()

    def _told(self) -> None:
        if self.info is None:
            return
        error = student_told(self.ctx, self.info.incident_id)
        self.message.emit(error or _tr("Leerling gesproken: bewaard."), error is not None)
        self._reread()

    def _parents(self, how: str) -> None:
        if self.info is None:
            return
        stored, text = parents_informed(self.ctx, self, self.info.incident_id, how)
        self.message.emit(_tr("Ouders geïnformeerd: bewaard.") if stored else text, not stored)
        self._reread()

    def _reread(self) -> None:
        if self.info is not None:
            self.show_follow_up(self.ctx.store.follow_up(self.info.incident_id))

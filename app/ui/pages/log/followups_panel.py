"""The Log page's 'nog te doen' list: follow-up after consequences, oldest first, marked in one click.

Each open follow-up shows the student, class, rule, step and how many school days it has been open; one
older than the set number of school days (default 2, QSettings ``followup/days``) is highlighted. The
student is spoken with first: 'Ouders geïnformeerd' is offered after that, or earlier only with a
reason (urgent safety). The panel hides when nothing is open and never takes the keyboard focus.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.calendar import school_days_between
from app.store.parent_message import parent_message
from app.ui.widgets import follow_up_actions as actions
from app.ui.widgets.follow_up_actions import channel_menu
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.store.records import FollowUpInfo
    from app.ui.context import AppContext
    from app.ui.pages.log.feedback_bar import FeedbackBar

#: at most this many rows; the rest is counted
SHOWN = 5
DEFAULT_DAYS = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpPanel", text)


class FollowUpPanel(QWidget):
    """Open follow-ups after consequences, with a button per step."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("followups")
        self.items: list[FollowUpInfo] = []
        self._shown: tuple[object, ...] = ()
        self.draft_dialog: QDialog | None = None
        #: the Log page's feedback line, once attached
        self.feedback: FeedbackBar | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.heading = QLabel(_tr("Nog te doen na een consequentie"))
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(2)
        layout.addLayout(self.rows)
        self.more = QLabel("")
        self.more.setStyleSheet("color: #444444;")
        layout.addWidget(self.more)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        ctx.events.store_changed.connect(self.refresh)
        self.refresh()

    def days(self) -> int:
        """After how many school days an open follow-up is highlighted."""
        try:
            return max(0, int(str(self.ctx.settings.value("followup/days", DEFAULT_DAYS))))
        except (TypeError, ValueError):
            return DEFAULT_DAYS

    def refresh(self) -> None:
        """Re-read the open follow-ups and rebuild the rows (only when they, or the day, changed: most
        saves are warnings, and rebuilding the rows costs a layout and a paint on every one)."""
        items = self.ctx.store.follow_ups()
        shown = (items, date.today(), self.days(), self.ctx.presenting)
        if shown == self._shown:
            return
        self._shown = shown
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from the page at once, deleted when Qt is ready
                widget.deleteLater()
        self.items = items
        today = shown[1]
        for info in self.items[:SHOWN]:
            self.rows.addWidget(self._row(info, school_days_between(info.occurred_at.date(), today)))
        hidden = len(self.items) - SHOWN
        self.more.setText(_tr("en nog %1 open").replace("%1", str(hidden)) if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        self.setVisible(bool(self.items) and not self.ctx.presenting)  # private: not on the board

    def _row(self, info: FollowUpInfo, age: int) -> QWidget:
        row = QWidget()
        row.setObjectName("followup_row")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        late = age > self.days()
        text = (
            _tr("%1 (%2) · %3 · %4 · %5 schooldagen")
            .replace("%1", info.student_name)
            .replace("%2", info.class_name)
            .replace("%3", info.rule_name)
            .replace("%4", info.step_name)
            .replace("%5", str(age))
        )
        label = QLabel(text)
        label.setObjectName("followup_late" if late else "followup_label")
        label.setStyleSheet("color: #a14400; font-weight: bold;" if late else "")
        label.setToolTip(_tr("Al langer open dan afgesproken.") if late else "")
        line.addWidget(label, 1)
        told = QPushButton(_tr("Leerling gesproken"))
        told.setObjectName("student_told")
        told.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click never pulls the focus from the search
        told.setEnabled(info.student_told_at is None)
        told.clicked.connect(lambda _=False, i=info.incident_id: self.student_told(i))
        line.addWidget(told)
        parents = QToolButton()
        parents.setObjectName("parents_informed")
        parents.setText(_tr("Ouders geïnformeerd"))
        parents.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        channel_menu(parents, lambda code, i=info.incident_id: self.parents_informed(i, code))
        parents.setEnabled(info.parents_at is None)
        line.addWidget(parents)
        draft = QPushButton(_tr("Tekst voor ouders"))
        draft.setObjectName("parent_text")
        draft.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        draft.setToolTip(_tr("Een feitelijk conceptbericht om te kopiëren; de app verstuurt niets."))
        draft.clicked.connect(lambda _=False, i=info: self.show_draft(i))
        line.addWidget(draft)
        return row

    def show_draft(self, info: FollowUpInfo) -> QDialog:
        """A dialog with the drafted text (editable) and a button that copies it."""
        dialog = QDialog(self)
        dialog.setWindowTitle(_tr("Tekst voor ouders"))
        layout = QVBoxLayout(dialog)
        hint = QLabel(
            _tr("Pas de tekst aan en kopieer hem naar het kanaal van je school. De app verstuurt niets.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        text = QPlainTextEdit(parent_message(info))
        text.setObjectName("draft_text")
        text.setMinimumSize(520, 260)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(_tr("Kopiëren"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text.toPlainText()))
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        self.draft_dialog = dialog
        dialog.show()
        return dialog

    def attach(self, feedback: FeedbackBar) -> None:
        """Offer the steps on the feedback line right after a consequence is logged (one key or click)."""
        self.feedback = feedback
        feedback.incident_shown.connect(self._offer)
        feedback.student_told_requested.connect(self._told_from_feedback)
        feedback.parents_requested.connect(self._parents_from_feedback)

    def _offer(self, incident_id: int) -> None:
        info = self.ctx.store.follow_up(incident_id)
        if info is not None and not info.done and self.feedback is not None:
            told, parents = info.student_told_at is None, info.parents_at is None
            self.feedback.offer_follow_up(incident_id, told=told, parents=parents)

    def _told_from_feedback(self, incident_id: int) -> None:
        if self.feedback is None:
            return
        if self.student_told(incident_id):
            info = self.ctx.store.follow_up(incident_id)
            self.feedback.show_follow_up_step(
                _tr("Leerling gesproken: bewaard. Daarna de ouders?"),
                incident_id,
                parents_open=info is not None and info.parents_at is None,
            )
        else:
            self.feedback.show_error(self.message.message())

    def _parents_from_feedback(self, incident_id: int, how: str) -> None:
        if self.feedback is None:
            return
        if self.parents_informed(incident_id, how):
            self.feedback.show_follow_up_step(
                _tr("Ouders geïnformeerd: bewaard."), incident_id, parents_open=False
            )
        else:
            self.feedback.show_info(self.message.message())

    def student_told(self, incident_id: int) -> bool:
        """Mark the talk with the student done (now); False with the reason shown when it was refused."""
        error = actions.student_told(self.ctx, incident_id)
        if error is not None:
            self.message.show_error(error)
            return False
        self.message.clear_message()
        return True

    def parents_informed(self, incident_id: int, how: str, reason: str | None = None) -> bool:
        """Mark the parents informed; before the student, ask why (urgent safety) first."""
        stored, text = actions.parents_informed(self.ctx, self, incident_id, how, reason=reason)
        if not stored:
            self.message.show_error(text)
            return False
        self.message.clear_message()
        return True

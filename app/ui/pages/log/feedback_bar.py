"""Inline feedback after every save: what was stored, the strike, as agreed or not, and an undo button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.ui.widgets.follow_up_actions import channel_menu

if TYPE_CHECKING:
    from app.store.records import LoggedIncident, PraiseInfo

#: deviation -> (symbol, Okabe-Ito colour): a symbol and a word always go with the colour
MARKS: dict[str, tuple[str, str]] = {
    "agreed": ("✓", "#009E73"),
    "stricter": ("▲", "#D55E00"),
    "milder": ("▼", "#0072B2"),
    "praise": ("★", "#009E73"),
    "undone": ("↶", "#555555"),
    "error": ("!", "#D55E00"),
    "info": ("i", "#555555"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeedbackBar", text)


def incident_message(logged: LoggedIncident) -> str:
    """'Opgeslagen: Zoë de Vries · Telefoon weg · 2e waarschuwing — 2e keer deze les, volgens afspraak.'"""
    head = (
        _tr("Opgeslagen: {name} · {rule} · {step} — {n}e keer deze les")
        .replace("{name}", logged.student_name)
        .replace("{rule}", logged.rule_name)
        .replace("{step}", logged.step_name)
        .replace("{n}", str(logged.strike))
    )
    if logged.deviation == "agreed":
        verdict = _tr("volgens afspraak")
    elif logged.deviation == "stricter":
        verdict = _tr("strenger dan afgesproken (afspraak: {agreed})").replace(
            "{agreed}", logged.agreed_step_name
        )
    else:
        verdict = _tr("milder dan afgesproken (afspraak: {agreed})").replace(
            "{agreed}", logged.agreed_step_name
        )
    note = " " + _tr("(met notitie)") if logged.note else ""
    return f"{head}, {verdict}.{note}"


class FeedbackBar(QFrame):
    """A calm line under the page: the last thing stored and a button to undo it."""

    #: the undo button was pressed
    undo_requested = Signal()
    #: an incident was reported (its id): the follow-up list may offer its first step here
    incident_shown = Signal(int)
    #: 'Leerling gesproken' (Alt+G) for the consequence just logged
    student_told_requested = Signal(int)
    #: 'Ouders geïnformeerd' with the way chosen (Alt+O opens the ways)
    parents_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedback_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = "info"
        self.mark = QLabel()
        self.mark.setObjectName("feedback_mark")
        self.mark.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(
            _tr("Typ een naam om te beginnen. Esc gaat een stap terug, Ctrl+Z maakt ongedaan.")
        )
        self.message.setObjectName("feedback_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(_tr("Laatste melding"))
        self.undo_button = QPushButton(_tr("Ongedaan maken"))
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setAccessibleName(_tr("Laatste opslag ongedaan maken"))
        self.undo_button.setToolTip(
            _tr("Maakt de laatst opgeslagen regel ongedaan (Ctrl+Z), ook na herstarten.")
        )
        self.undo_button.setAutoDefault(False)
        #: the consequence whose follow-up the two buttons mark (None: nothing offered)
        self.follow_up_id: int | None = None
        self.told_button = QPushButton(_tr("✓ Leerling &gesproken"))
        self.told_button.setObjectName("feedback_student_told")
        self.told_button.setShortcut(QKeySequence("Alt+G"))  # also where Qt has no mnemonics (macOS)
        self.told_button.setToolTip(_tr("De consequentie is met de leerling besproken (Alt+G)."))
        self.told_button.setAutoDefault(False)
        self.told_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # the search field keeps the focus
        self.told_button.clicked.connect(self._told)
        self.parents_button = QToolButton()
        self.parents_button.setObjectName("feedback_parents_informed")
        self.parents_button.setText(_tr("&Ouders geïnformeerd"))
        self.parents_button.setShortcut(QKeySequence("Alt+O"))
        self.parents_button.setToolTip(_tr("Kies hoe de ouders zijn geïnformeerd (Alt+O)."))
        self.parents_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        channel_menu(self.parents_button, self._parents)
        layout = QHBoxLayout(self)
        layout.addWidget(self.mark)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.told_button)
        layout.addWidget(self.parents_button)
        layout.addWidget(self.undo_button)
        self.undo_button.clicked.connect(self.undo_requested.emit)
        self._show("info", self.message.text())

    def _show(self, kind: str, text: str) -> None:
        self.offer_follow_up(None)
        self.kind = kind
        symbol, colour = MARKS[kind]
        self.mark.setText(symbol)
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 14pt;")
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        if QAccessible.isActive():  # a screen reader reads the new message without moving the focus
            QAccessible.updateAccessibility(QAccessibleEvent(self.message, QAccessible.Event.Alert))

    def text(self) -> str:
        """The message shown."""
        return self.message.text()

    def show_incident(self, logged: LoggedIncident) -> None:
        """Report a stored incident (a consequence's follow-up is then offered through ``incident_shown``)."""
        self._show(logged.deviation, incident_message(logged))
        self.incident_shown.emit(logged.id)

    def offer_follow_up(self, incident_id: int | None, *, told: bool = True, parents: bool = True) -> None:
        """Offer the follow-up steps still open for this consequence (None: offer nothing)."""
        self.follow_up_id = incident_id
        self.told_button.setVisible(incident_id is not None and told)
        self.parents_button.setVisible(incident_id is not None and parents)

    def show_follow_up_step(self, text: str, incident_id: int, *, parents_open: bool) -> None:
        """A follow-up step was stored: say so, and keep offering the parents while that is open."""
        self._show("agreed", text)
        self.offer_follow_up(incident_id if parents_open else None, told=False)

    def _told(self) -> None:
        if self.follow_up_id is not None and self.told_button.isVisible():
            self.student_told_requested.emit(self.follow_up_id)

    def _parents(self, how: str) -> None:
        if self.follow_up_id is not None:
            self.parents_requested.emit(self.follow_up_id, how)

    def show_praise(self, praise: PraiseInfo) -> None:
        """Report a stored praise."""
        self._show("praise", _tr("Compliment opgeslagen voor {name}.").replace("{name}", praise.student_name))

    def show_undone(self, text: str) -> None:
        """Report an undo."""
        self._show("undone", text)

    def show_error(self, text: str) -> None:
        """Report a problem the user can fix (never a traceback)."""
        self._show("error", text)

    def show_info(self, text: str) -> None:
        """A neutral hint."""
        self._show("info", text)

"""The reflection page's prepared choices: each plan with its follow-up, the week's question, and history.

For every open choice: the plan in the teacher's words, the follow-up measured like the audit
(``WeekView.follow_ups``), and the week's question "still needed?" (keep it, or close it). Closed
choices stay readable under "Eerdere keuzes".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from app.analysis.audit.situation_words import situation_text
from app.ui.pages.reflection import wording
from app.ui.widgets.labels import text_label

if TYPE_CHECKING:
    from app.analysis.audit.choice_follow_up import ChoiceFollowUp
    from app.store.records import ChoiceInfo


class ChoiceCard(QFrame):
    """One open choice: plan, since when, follow-up, and the week's question."""

    keep_requested = Signal(int)
    close_requested = Signal(int)
    edit_requested = Signal(int)

    def __init__(
        self,
        choice: ChoiceInfo,
        follow_up: ChoiceFollowUp | None,
        week: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice = choice
        self.setObjectName("choiceCard")
        self.setStyleSheet(
            "#choiceCard { border: 1px solid #2f6fa8; border-left: 5px solid #2f6fa8; border-radius: 4px;"
            " background: #ffffff; } #choiceCard QLabel { color: #1a1a1a; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        self.title = text_label(
            self.tr("Keuze %1, sinds %2")
            .replace("%1", str(choice.id))
            .replace("%2", wording.day(choice.starts_on)),
            "font-weight: bold;",
        )
        self.plan = text_label(f"{situation_text(choice.situation, choice.student_name)}:\n{choice.response}")
        if follow_up is None:
            text = self.tr("Begint na deze week; de opvolging volgt dan.")
        else:
            text = follow_up.sentence
        self.follow_up = text_label(text, "color: #333333;")
        layout.addWidget(self.title)
        layout.addWidget(self.plan)
        layout.addWidget(self.follow_up)
        kept = week is not None and choice.kept_week is not None and choice.kept_week >= week
        self.question = text_label(
            self.tr("Je zei deze week: nog nodig.") if kept else self.tr("Nog nodig, deze week?"),
            "font-style: italic;",
        )
        layout.addWidget(self.question)
        row = QHBoxLayout()
        self.keep = QPushButton(self.tr("Ja, houden"))
        self.keep.setEnabled(not kept and week is not None)
        self.close_button = QPushButton(self.tr("Nee, afsluiten"))
        self.edit = QPushButton(self.tr("Aanpassen…"))
        self.keep.clicked.connect(lambda: self.keep_requested.emit(choice.id))
        self.close_button.clicked.connect(lambda: self.close_requested.emit(choice.id))
        self.edit.clicked.connect(lambda: self.edit_requested.emit(choice.id))
        for button in (self.keep, self.close_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignLeft)  # its own line: the column is narrow
        self.setAccessibleName(self.tr("Voorbereide keuze %1").replace("%1", str(choice.id)))


class ChoicesView(QWidget):
    """Heading, 'Nieuwe keuze…', the open choices as cards, and the earlier ones (folded)."""

    new_requested = Signal()
    keep_requested = Signal(int)
    close_requested = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[ChoiceCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        head = QHBoxLayout()
        self.heading = text_label(self.tr("Voorbereide keuzes"), "font-size: 13pt; font-weight: bold;")
        self.new_button = QPushButton(self.tr("Nieuwe keuze…"))
        self.new_button.clicked.connect(self.new_requested)
        head.addWidget(self.heading, 1)
        head.addWidget(self.new_button)
        self.empty = text_label(
            self.tr(
                "Nog geen voorbereide keuze. Maak er een vanuit een blinde vlek hierboven, of met "
                "'Nieuwe keuze…': als deze situatie zich voordoet, dan doe ik dit."
            ),
            "color: #333333;",
        )
        self._cards_box = QVBoxLayout()
        self._cards_box.setSpacing(8)
        self.earlier_toggle = QToolButton()
        self.earlier_toggle.setCheckable(True)
        self.earlier_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.earlier_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.earlier_toggle.setStyleSheet("QToolButton { border: none; }")
        self.earlier_toggle.toggled.connect(self._toggle_earlier)
        self.earlier = text_label("", "color: #333333;")
        self.earlier.hide()
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addLayout(self._cards_box)
        layout.addWidget(self.earlier_toggle)
        layout.addWidget(self.earlier)

    def set_choices(
        self, choices: list[ChoiceInfo], follow_ups: Mapping[int, ChoiceFollowUp], week: date | None
    ) -> None:
        """Show the open choices with their follow-up for ``week``, and the closed ones folded."""
        for card in self.cards:
            self._cards_box.removeWidget(card)
            card.hide()  # gone at once, not only when the event loop deletes it
            card.deleteLater()
        self.cards = []
        open_ones = [c for c in choices if c.active]
        closed = [c for c in choices if not c.active]
        for choice in open_ones:
            card = ChoiceCard(choice, follow_ups.get(choice.id), week)
            card.keep_requested.connect(self.keep_requested)
            card.close_requested.connect(self.close_requested)
            card.edit_requested.connect(self.edit_requested)
            self._cards_box.addWidget(card)
            self.cards.append(card)
        self.empty.setVisible(not open_ones)
        self.earlier_toggle.setVisible(bool(closed))
        self.earlier_toggle.setText(self.tr("Eerdere keuzes (%n)", "", len(closed)))
        lines = []
        for c in closed:
            period = (
                self.tr("%1 – %2")
                .replace("%1", wording.day(c.starts_on))
                .replace("%2", wording.day(c.closed_on) if c.closed_on else "")
            )
            lines.append(f"{period}\n{situation_text(c.situation, c.student_name)}:\n{c.response}")
        self.earlier.setText("\n\n".join(lines))
        self.earlier.setVisible(bool(closed) and self.earlier_toggle.isChecked())

    def _toggle_earlier(self, shown: bool) -> None:
        self.earlier_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.earlier.setVisible(shown)

"""Team › which prepared choices go along, as anonymous cases ("situation → prepared choice").

Each choice is listed as the teacher knows it (with the student's name, on this screen only); the
tooltip and the preview show what leaves the computer: the situation without the student, and the
response, both checked for names and dates like the case texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.analysis.audit.situation_words import situation_text

if TYPE_CHECKING:
    from app.store.records import ChoiceInfo
    from app.team.anonymise import PlanCard


class PlansPicker(QGroupBox):
    """Check boxes, one per prepared choice; none ticked by default."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Voorbereide keuzes als casus (zonder namen)"))
        self.boxes: list[tuple[QCheckBox, PlanCard]] = []
        self._layout = QVBoxLayout(self)
        self.empty = QLabel(self.tr("Nog geen voorbereide keuzes (maak ze op de pagina Reflectie)."))
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)

    def set_choices(self, choices: list[ChoiceInfo]) -> None:
        """List the choices, keeping the ticks of those still there."""
        from app.team.anonymise import PlanCard

        ticked = {card for box, card in self.boxes if box.isChecked()}
        for box, _card in self.boxes:
            self._layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.boxes = []
        for choice in choices:
            card = PlanCard(situation_text(choice.situation), choice.response)
            mine = situation_text(choice.situation, choice.student_name)
            box = QCheckBox(f"{mine}: {choice.response}")
            box.setToolTip(
                self.tr("Gaat mee als: %1 → %2").replace("%1", card.situation).replace("%2", card.response)
            )
            box.setChecked(card in ticked)
            box.toggled.connect(lambda _on: self.changed.emit())
            self._layout.addWidget(box)
            self.boxes.append((box, card))
        self.empty.setVisible(not choices)

    def plans(self) -> tuple[PlanCard, ...]:
        """The ticked choices, anonymous."""
        return tuple(card for box, card in self.boxes if box.isChecked())

"""The right-hand panel: who is picked, the rule buttons, the ladder, a private note, praise and save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.ui.pages.log.ladder_buttons import LadderButtons
from app.ui.pages.log.rule_buttons import RuleButtons

if TYPE_CHECKING:
    from app.store.records import StudentInfo


class Composer(QWidget):
    """What is about to be saved: student, rule, step and note; the page drives it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picked = QLabel()
        self.picked.setObjectName("picked_student")
        self.picked.setWordWrap(True)
        self.picked.setTextFormat(Qt.TextFormat.PlainText)
        font = self.picked.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.picked.setFont(font)
        self.rules = RuleButtons()
        self.ladder = LadderButtons()
        note_label = QLabel(self.tr("&Notitie (optioneel, privé)"))
        self.note = QLineEdit()
        self.note.setObjectName("incident_note")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Kort, privé: blijft op deze computer"))
        self.note.setToolTip(
            self.tr("Deze notitie is privé: ze blijft op deze computer en gaat nooit mee in een teamexport.")
        )
        self.note.setAccessibleName(self.tr("Notitie bij het incident, privé"))
        note_label.setBuddy(self.note)
        self.praise_button = QPushButton(self.tr("★ Compliment (P)"))
        self.praise_button.setObjectName("praise_button")
        self.praise_button.setAccessibleName(self.tr("Compliment geven aan de gekozen leerling"))
        self.praise_button.setToolTip(self.tr("Slaat een compliment op voor de gekozen leerling (toets P)."))
        self.save_button = QPushButton(self.tr("Opslaan (Enter)"))
        self.save_button.setObjectName("save_button")
        self.save_button.setAccessibleName(self.tr("Incident opslaan"))
        for button in (self.praise_button, self.save_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        buttons = QHBoxLayout()
        buttons.addWidget(self.praise_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picked)
        layout.addWidget(self.rules)
        layout.addSpacing(8)
        layout.addWidget(self.ladder)
        layout.addSpacing(8)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_student(None)

    def show_student(self, student: StudentInfo | None, other_class: bool = False) -> None:
        """Name the picked student (and their class when it is not the lesson's class)."""
        if student is None:
            self.picked.setText(self.tr("Nog geen leerling gekozen"))
        elif other_class:
            self.picked.setText(f"{student.name} ({student.class_name})")
        else:
            self.picked.setText(student.name)
        self.picked.setAccessibleName(
            self.tr("Gekozen leerling: {name}").replace("{name}", self.picked.text())
        )
        self.praise_button.setEnabled(student is not None)

    def set_ready(self, ready: bool) -> None:
        """Enable saving once student, rule and step are chosen."""
        self.save_button.setEnabled(ready)

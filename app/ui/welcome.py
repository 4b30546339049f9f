"""The welcome at first start: what the app is for, and three ways to begin (two until the timetable lands).

Shown when the teacher's log has no students yet (``should_welcome``), and always from *Help › Welkom*.
The dialog only says which choice was made (``chosen``); the window carries it out (``app.ui.help_menu``).
Text through ``t(nl, en)``: the language is known before the window is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core import config
from app.core.i18n import current_language, t

if TYPE_CHECKING:
    from app.store.store import Store


#: the dialog's width; its height follows from the wrapped text
WIDTH = 600


@dataclass(frozen=True)
class WelcomeChoice:
    """One way to begin: a key the window acts on, a title and one sentence."""

    key: str
    title: str
    text: str


def welcome_choices() -> list[WelcomeChoice]:
    """The ways to begin, in the user's language (each key has its action in help_menu.WELCOME_ACTIONS)."""
    return [
        WelcomeChoice(
            "roster",
            t("Leerlingen importeren"),
            t(
                "Een leerlinglijst uit Magister, SOMtoday of een eigen CSV- of Excel-bestand. "
                "Je ziet eerst wat er verandert.",
            ),
        ),
        WelcomeChoice(
            "timetable",
            t("Je rooster importeren"),
            t(
                "Je lesrooster als agenda (.ics) uit Zermelo, Untis, Magister, SOMtoday of Smartschool, of "
                "een CSV: dan weet de app welke les net voorbij is en telt ook een rustige les mee.",
            ),
        ),
        WelcomeChoice(
            "demo",
            t("Rondkijken in een demojaar"),
            t(
                "Een verzonnen schooljaar (4 klassen, 100 leerlingen) in een eigen venster en bestand; "
                "je eigen logboek blijft leeg.",
            ),
        ),
    ]


def should_welcome(store: Store) -> bool:
    """At start: welcome the teacher while the log has no students (also archived ones count)."""
    return not store.students(include_archived=True)


class WelcomeDialog(QDialog):
    """What the app is for, where the log is, and one button per way to begin."""

    #: the key of the choice made (the dialog has closed by then)
    chosen = Signal(str)

    def __init__(
        self, choices: Sequence[WelcomeChoice], store_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setWindowTitle(t("Welkom"))
        self.setMinimumWidth(WIDTH)
        self.buttons: dict[str, QCommandLinkButton] = {}

        icon = QLabel()
        icon.setPixmap(
            QPixmap(str(config.RESOURCES / "icons" / "fair-strictness.png")).scaled(
                64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        icon.setAccessibleName(t("Logo"))
        title = QLabel(t("Welkom bij Rechtvaardige strengheid"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        title.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addWidget(title, 1)

        intro = QLabel(
            t(
                "Noteer na de les in een paar seconden hoe je op afspraken reageerde. Elke week laat het "
                "programma zien of je dezelfde afspraak bij iedere leerling, groep en moment even streng "
                "toepast. Alles blijft op deze computer.",
            )
        )
        intro.setWordWrap(True)
        question = QLabel(t("Hoe wil je beginnen?"))
        question.setStyleSheet("font-weight: 600;")

        self.choices_layout = QVBoxLayout()
        self.choices_layout.setSpacing(4)
        for choice in choices:
            self.add_choice(choice)

        language = "Nederlands" if current_language() == "nl" else "English"
        where = QLabel(
            t(
                "Je logboek: {path}\nTaal: {lang} (wijzigen onder Instellingen › Taal).",
                path=store_path,
                lang=language,
            )
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setObjectName("where")

        box = QDialogButtonBox()
        self.later = box.addButton(t("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.later.setToolTip(t("Dit venster staat ook onder Help › Welkom."))
        box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(question)
        layout.addLayout(self.choices_layout)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addWidget(where)
        layout.addWidget(box)
        self.resize(WIDTH, layout.totalHeightForWidth(WIDTH))

    def _fit(self) -> None:
        """Height for the width, once more choices were added (wrapped text needs it)."""
        layout = self.layout()
        self.resize(max(self.width(), WIDTH), layout.totalHeightForWidth(max(self.width(), WIDTH)))

    def add_choice(self, choice: WelcomeChoice) -> QCommandLinkButton:
        """Offer one more way to begin; its button emits ``chosen(choice.key)`` and closes the dialog."""
        button = QCommandLinkButton(choice.title, choice.text)
        button.setObjectName(f"choice-{choice.key}")
        button.setAccessibleName(choice.title)
        button.setAccessibleDescription(choice.text)
        button.clicked.connect(lambda _=False, key=choice.key: self._choose(key))
        self.choices_layout.addWidget(button)
        self.buttons[choice.key] = button
        if self.layout() is not None:
            self._fit()
        return button

    def _choose(self, key: str) -> None:
        self.accept()
        self.chosen.emit(key)

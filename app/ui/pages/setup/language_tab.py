"""Tab 'Taal': Nederlands (default) or English, stored in QSettings; dates follow the user's locale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext

#: the QSettings key the window reads at start
LANGUAGE_KEY = "language"
#: language code -> name shown (each in its own language, so anyone can find theirs)
LANGUAGES = (("nl", "Nederlands"), ("en", "English"))


def stored_language(ctx: AppContext) -> str:
    """The language chosen in the settings, else the one the window runs in."""
    value = str(ctx.settings.value(LANGUAGE_KEY, "") or "")
    return value if value in dict(LANGUAGES) else ctx.language


class LanguageTab(QWidget):
    """Radio buttons for the interface language; the choice is stored at once and applies after a restart."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        box = QGroupBox(self.tr("Taal van het programma"))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        inner = QVBoxLayout(box)
        for code, name in LANGUAGES:
            radio = QRadioButton(name)
            radio.setAccessibleName(name)
            self.group.addButton(radio)
            self.buttons[code] = radio
            inner.addWidget(radio)
        note = QLabel(self.tr("De nieuwe taal geldt na het opnieuw starten van het programma."))
        note.setWordWrap(True)
        inner.addWidget(note)
        self.message = InlineMessage()
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        for widget in (box, self.message, self.dates):
            widget.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(self.dates)
        layout.addStretch(1)
        self.refresh()
        for code, radio in self.buttons.items():
            radio.toggled.connect(lambda on, c=code: on and self.choose(c))

    def refresh(self) -> None:
        """Show the stored choice and how dates look."""
        current = stored_language(self.ctx)
        for code, radio in self.buttons.items():
            radio.blockSignals(True)
            radio.setChecked(code == current)
            radio.blockSignals(False)
        example = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        self.dates.setText(
            self.tr("Datums volgen de landinstelling: vandaag is {date}.").replace("{date}", example)
        )

    def choose(self, code: str) -> None:
        """Store the language; the window reads it at its next start."""
        self.ctx.settings.setValue(LANGUAGE_KEY, code)
        self.ctx.settings.sync()
        self.ctx.events.language_changed.emit(code)
        if code == self.ctx.language:
            self.message.show_message(self.tr("Dit is de taal waarin het programma nu draait."), "ok")
        else:
            self.message.show_message(
                self.tr("Opgeslagen. Start het programma opnieuw om de nieuwe taal te zien.")
                + "  "
                + "(Saved. Restart the program to see the new language.)",
                "ok",
            )

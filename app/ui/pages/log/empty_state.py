"""What the Log page shows when there is nobody to log yet: a calm pointer to Set-up and the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """No classes or students yet: where to add them, and how to try the app with made-up data."""

    #: the user wants the Set-up page
    setup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(
            self.tr(
                "<p><b>Er zijn nog geen klassen of leerlingen.</b></p>"
                "<p>Voeg ze toe of lees een klaslijst in bij Instellingen.</p>"
                "<p>Eerst rondkijken met verzonnen gegevens? Kies <i>Help › Welkom</i> "
                "en dan het demojaar.</p>"
            )
        )
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setObjectName("empty_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setup_button = QPushButton(self.tr("Naar Instellingen"))
        self.setup_button.setAccessibleName(self.tr("Naar de pagina Instellingen"))
        self.setup_button.setAutoDefault(False)
        self.setup_button.clicked.connect(self.setup_requested.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

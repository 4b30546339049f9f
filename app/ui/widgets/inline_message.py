"""Calm inline messages and an undo bar: feedback inside the page, never a modal dialog or a traceback."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

#: kind -> (symbol, background, border): a symbol and words carry the meaning, the tint only helps
_STYLES = {
    "error": ("⚠", "#fbe9d7", "#b3661a"),
    "info": ("ℹ", "#e3eef8", "#2f6fa8"),
    "ok": ("✓", "#e2f2ea", "#2e7d5b"),
}

#: a run of this many characters without a space gets an invisible break chance after it
_LONGEST_UNBROKEN = 30


def breakable(text: str) -> str:
    """``text`` with invisible break chances in long unbroken runs, so word wrap never widens the window."""
    return re.sub(rf"(\S{{{_LONGEST_UNBROKEN}}})(?=\S)", "\\1\u200b", text)


class InlineMessage(QLabel):
    """A word-wrapped message in the form: a symbol plus text, hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Melding"))
        self.kind = ""
        self._text = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show ``text`` as 'error', 'info' or 'ok'."""
        symbol, background, border = _STYLES.get(kind, _STYLES["info"])
        self.kind, self._text = kind, text
        self.setText(f"{symbol}  {breakable(text)}")
        self.setAccessibleDescription(text)
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: #1a1a1a; border-left: 4px solid {border};"
            " padding: 6px 8px; }"
        )
        self.show()

    def show_error(self, text: str) -> None:
        """Show a refusal or a problem the user can fix."""
        self.show_message(text, "error")

    def clear_message(self) -> None:
        """Hide the message."""
        self.kind, self._text = "", ""
        self.clear()
        self.hide()

    def message(self) -> str:
        """The text shown without its symbol ('' when hidden)."""
        return self._text


class UndoBar(QFrame):
    """A bar saying what was just done, with an 'Ongedaan maken' button and a close button."""

    #: the user asked to undo
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setStyleSheet(
            "#undoBar { background: #fff4d6; border: 1px solid #c9a227; border-radius: 4px; }"
            " #undoBar QLabel { color: #1a1a1a; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Ongedaan maken"))
        self.undo_button.setAccessibleName(self.tr("Ongedaan maken"))
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.setAccessibleName(self.tr("Melding sluiten"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self.undo_button.clicked.connect(self.undo_requested)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        """Show the bar with this text."""
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()

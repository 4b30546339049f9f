"""Checkable choice buttons shared by the rule, ladder and mood rows: one look, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

#: Okabe-Ito blue for "chosen" and orange for "as agreed": told apart by colour-blind users, and each also
#: carries a non-colour signal (a filled background; a dashed border, bold text and the word "afspraak").
#: Every state has the same 2px border, so a button never changes size (and never cuts its text);
#: the keyboard focus is a dotted border.
CHOICE_STYLE = """
QPushButton[choice="true"] {
    text-align: left;
    padding: 0.3em 0.6em;
    border: 2px solid palette(mid);
    border-radius: 4px;
    background: palette(button);
    color: palette(button-text);
}
QPushButton[choice="true"]:hover { border-color: palette(dark); }
QPushButton[choice="true"]:disabled { color: palette(mid); border-color: palette(midlight); }
QPushButton[choice="true"][agreed="true"] { border: 2px dashed #E69F00; font-weight: bold; }
QPushButton[choice="true"]:checked { background: #0072B2; color: white; border: 2px solid #00446B; }
QPushButton[choice="true"]:focus { border: 2px dotted palette(text); }
"""


#: a choice button never asks for less room than this many average characters (then its text is elided)
MIN_CHARS = 14


class ChoiceButton(QPushButton):
    """A button that shortens its text with '…' when the panel is too narrow, instead of pushing the panel
    (and the save button) out of the window; ``text()`` is always the full text."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:  # type: ignore[override]  # PySide6 stubs: text() is not meant to be overridden
        """The full text, also when the button shows it shortened."""
        return self._full

    def shown_text(self) -> str:
        """The text as drawn (shortened with '…' when it does not fit)."""
        return QPushButton.text(self)

    def setText(self, text: str) -> None:  # type: ignore[override]  # as text(): the full text is kept
        """Set the full text; it is shortened to the button's width."""
        self._full = text
        self._fit()

    def _overhead(self) -> int:
        """Padding and border around the text, in pixels."""
        shown = QPushButton.text(self)
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(shown)

    def sizeHint(self) -> QSize:
        """Room for the full text."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        extra = metrics.horizontalAdvance(self._full) - metrics.horizontalAdvance(QPushButton.text(self))
        return QSize(hint.width() + max(0, extra), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Room for a short start of the text; a longer text is elided."""
        hint = self.sizeHint()
        least = self._overhead() + self.fontMetrics().averageCharWidth() * MIN_CHARS
        return QSize(min(hint.width(), least), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Shorten or restore the text for the new width."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        QPushButton.setText(self, self._full)
        metrics = self.fontMetrics()
        room = self.width() - self._overhead()
        # elide only when the full text really does not fit (elidedText rounds differently)
        if metrics.horizontalAdvance(self._full) > room + 1:
            elided = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 0))
            QPushButton.setText(self, elided)


def choice_button(text: str, accessible_name: str, parent: QWidget | None = None) -> QPushButton:
    """A checkable, keyboard-reachable button styled as a choice (its text elided when space is short)."""
    button = ChoiceButton(text, parent)
    button.setCheckable(True)
    button.setProperty("choice", True)
    button.setAccessibleName(accessible_name)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(False)
    return button


def set_agreed_look(button: QPushButton, agreed: bool) -> None:
    """Mark a button as the agreed one (dashed orange border, bold) and re-polish its style."""
    if bool(button.property("agreed")) == agreed:
        return
    button.setProperty("agreed", agreed)
    style = button.style()
    style.unpolish(button)
    style.polish(button)


class ChoiceGroup(QObject):
    """At most one checked button, each one reachable by Tab (a QButtonGroup tabs to one of them only)."""

    #: a button was clicked (its id); the owner decides what is checked
    chosen = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buttons: dict[int, QPushButton] = {}

    def add(self, button: QPushButton, ident: int) -> None:
        """Add a button under an id."""
        self._buttons[ident] = button
        button.clicked.connect(lambda _checked=False, i=ident: self._on_clicked(i))

    def clear(self) -> None:
        """Forget every button (the owner deletes them)."""
        self._buttons = {}

    def checked_id(self) -> int | None:
        """The id of the checked button."""
        return next((i for i, b in self._buttons.items() if b.isChecked()), None)

    def checked_button(self) -> QPushButton | None:
        """The checked button."""
        return next((b for b in self._buttons.values() if b.isChecked()), None)

    def set_checked(self, ident: int | None) -> None:
        """Check the button with this id (None: none), without emitting."""
        for i, button in self._buttons.items():
            button.setChecked(i == ident)

    def _on_clicked(self, ident: int) -> None:
        self.set_checked(ident)
        self.chosen.emit(ident)

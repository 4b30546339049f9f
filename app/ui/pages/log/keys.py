"""The Log page's keys that no control used: digits choose, Enter saves, letters go to the search.

Kept apart from the page so the keyboard contract can be read in one place:
digit 1-9 picks the rule, then overrides the step; Enter saves; Escape steps back; P praises the picked
student; Ctrl+Z undoes the last save; any other letter typed outside a text field starts a new search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

if TYPE_CHECKING:
    from app.ui.pages.log.page import LogPage

#: digit keys -> number; also the unshifted top row of Belgian and French AZERTY keyboards
#: (& é " ' ( § è ! ç), so a Flemish teacher need not hold Shift
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)} | {
    Qt.Key.Key_Ampersand: 1,
    Qt.Key.Key_Eacute: 2,
    Qt.Key.Key_QuoteDbl: 3,
    Qt.Key.Key_Apostrophe: 4,
    Qt.Key.Key_ParenLeft: 5,
    Qt.Key.Key_section: 6,
    Qt.Key.Key_Minus: 6,
    Qt.Key.Key_Egrave: 7,
    Qt.Key.Key_Exclam: 8,
    Qt.Key.Key_Underscore: 8,
    Qt.Key.Key_Ccedilla: 9,
}

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_plain(event: QKeyEvent) -> bool:
    """No modifier other than Shift (and the keypad flag)."""
    return not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)


def typed_letter(event: QKeyEvent) -> str:
    """The letter a plain key press types ('' for digits, spaces, punctuation and control keys)."""
    text = event.text()
    if not is_plain(event) or len(text) != 1 or not text.isalpha():
        return ""
    return text


def handle_page_key(page: LogPage, event: QKeyEvent) -> bool:
    """Act on a key the focused control left to the page; True when it was used."""
    key = Qt.Key(event.key())
    plain = is_plain(event)
    stage = page.stage
    if event.matches(QKeySequence.StandardKey.Undo):
        page.undo()
    elif key == Qt.Key.Key_Escape:
        page.back()
    elif plain and key in DIGITS and stage == "rule":
        rule = page.composer.rules.rule_at(DIGITS[key])
        if rule is not None:
            page.choose_rule(rule.id)
    elif plain and key in DIGITS and stage == "step":
        page.choose_step(DIGITS[key])
    elif plain and key in ENTER_KEYS and stage == "step":
        page.save()
    elif plain and key == Qt.Key.Key_P and stage != "student":
        page.praise()
    elif letter := typed_letter(event):
        # a letter typed on a button or the seating plan: the teacher is looking for a student
        page.picker.type_text(letter, replace=stage != "student")
    else:
        return False
    return True


def note_undo(page: LogPage, watched: QObject, event: QEvent) -> bool:
    """Ctrl+Z in the note field with nothing typed left to undo: undo the window's last action."""
    if (
        watched is page.composer.note
        and event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.matches(QKeySequence.StandardKey.Undo)
        and not page.composer.note.isUndoAvailable()
    ):
        page.undo()
        return True
    return False

"""Small helpers shared by the set-up tabs: labels in the user's words, accessible buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Setup", text)


#: category in code -> Dutch source label
CATEGORY_LABELS = {"routine": "routine", "respect": "respect", "safety": "veiligheid"}
#: step kind in code -> Dutch source label
KIND_LABELS = {"warning": "waarschuwing", "consequence": "consequentie"}


def category_label(category: str) -> str:
    """A rule category in the user's language."""
    return _tr(CATEGORY_LABELS.get(category, category))


def kind_label(kind: str) -> str:
    """A ladder step kind in the user's language."""
    return _tr(KIND_LABELS.get(kind, kind))


def button(text: str, accessible: str | None = None, parent: QWidget | None = None) -> QPushButton:
    """A push button with an accessible name (the text without its '&' mnemonic when none is given)."""
    widget = QPushButton(text, parent)
    widget.setAccessibleName(accessible or text.replace("&", ""))
    widget.setAutoDefault(False)
    return widget

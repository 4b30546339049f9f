"""Small helpers shared by the set-up tabs: labels in the user's words, accessible buttons."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from app.schema.entities import AttributeDefinition, ClassGroup, LadderStep, Rule, Student, StudentAttribute

#: what a field holds -> the longest text the store keeps for it (the column's declared length)
MAX_LENGTHS = {
    "class": ClassGroup.__table__.c.name.type.length,
    "student_id": Student.__table__.c.external_id.type.length,
    "student_name": Student.__table__.c.display_name.type.length,
    "attribute": AttributeDefinition.__table__.c.name.type.length,
    "attribute_value": StudentAttribute.__table__.c.value.type.length,
    "step": LadderStep.__table__.c.name.type.length,
    "rule": Rule.__table__.c.name.type.length,
}

#: category in code -> Dutch source label
CATEGORY_LABELS = {
    "routine": QT_TRANSLATE_NOOP("Setup", "routine"),
    "respect": QT_TRANSLATE_NOOP("Setup", "respect"),
    "safety": QT_TRANSLATE_NOOP("Setup", "veiligheid"),
}
#: step kind in code -> Dutch source label
KIND_LABELS = {
    "warning": QT_TRANSLATE_NOOP("Setup", "waarschuwing"),
    "consequence": QT_TRANSLATE_NOOP("Setup", "consequentie"),
}


def category_label(category: str) -> str:
    """A rule category in the user's language."""
    return QCoreApplication.translate("Setup", CATEGORY_LABELS.get(category, category))


def kind_label(kind: str) -> str:
    """A ladder step kind in the user's language."""
    return QCoreApplication.translate("Setup", KIND_LABELS.get(kind, kind))


def button(text: str, accessible: str | None = None, parent: QWidget | None = None) -> QPushButton:
    """A push button with an accessible name (the text without its '&' mnemonic when none is given)."""
    widget = QPushButton(text, parent)
    widget.setAccessibleName(accessible or text.replace("&", ""))
    widget.setAutoDefault(False)
    return widget


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (rows added later would otherwise come last)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def limit(edit: QLineEdit, field: str) -> QLineEdit:
    """Let ``edit`` take no more characters than the store keeps for ``field`` (a key of MAX_LENGTHS)."""
    edit.setMaxLength(MAX_LENGTHS[field])
    return edit


def short(name: str, longest: int = 40) -> str:
    """A name cut to ``longest`` characters with '…', for titles that cannot wrap."""
    return name if len(name) <= longest else name[: longest - 1] + "…"

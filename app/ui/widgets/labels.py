"""A word-wrapped plain-text label: the building block of the reflection page's cards and sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def text_label(text: str = "", style: str = "", name: str = "") -> QLabel:
    """A label that wraps, never reads its text as rich text, with an optional style and object name."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    if name:
        label.setObjectName(name)
    return label

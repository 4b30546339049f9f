"""Presenting: the window may be on the board, so the teacher's private lines are hidden.

*Beeld › Presenteren* (Ctrl+Shift+P) switches it; while on, the Log page shows no prepared choice and
no follow-up list, and the status bar says that presenting is on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from app.core.i18n import t

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SHORTCUT = "Ctrl+Shift+P"


def install_presenting(window: MainWindow) -> QAction:
    """Add *Beeld › Presenteren* to the window's menu bar; the action is checkable."""
    menu = window.menuBar().addMenu(t("&Beeld"))
    menu.setObjectName("view-menu")
    action = QAction(t("&Presenteren (privé verbergen)"), window)
    action.setObjectName("presenting-action")
    action.setCheckable(True)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setStatusTip(
        t("Voor als je scherm op het bord staat: je voorbereide keuzes en de nazorg worden niet getoond.")
    )
    badge = QLabel(t("Presenteren: privé verborgen"))
    badge.setObjectName("presenting-badge")
    badge.setStyleSheet("background: #2f6fa8; color: #ffffff; padding: 1px 8px;")
    badge.hide()
    window.statusBar().addPermanentWidget(badge)

    def switched(on: bool) -> None:
        badge.setVisible(on)
        if window.ctx is not None:
            window.ctx.set_presenting(on)

    action.toggled.connect(switched)
    menu.addAction(action)
    window.addAction(action)
    return action

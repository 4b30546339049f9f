"""How the Log page's parts are laid out: picker, seating plan and composer side by side; the tab order."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QWidget

from app.ui.pages.log.composer import Composer
from app.ui.pages.log.feedback_bar import FeedbackBar
from app.ui.pages.log.lesson_bar import LessonBar
from app.ui.pages.log.seating_grid import SeatingGrid
from app.ui.pages.log.student_picker import StudentPicker


def scrolling(widget: QWidget) -> QScrollArea:
    """The widget in a frameless scroll area, so large fonts scroll instead of cutting text."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(widget)
    return scroll


def build_content(picker: StudentPicker, grid: SeatingGrid, composer: Composer) -> QWidget:
    """The three columns; the composer keeps its width and the seating plan scrolls instead."""
    content = QWidget()
    row = QHBoxLayout(content)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(picker, 2)
    row.addWidget(scrolling(grid), 5)
    panel = scrolling(composer)
    # the buttons' text is never cut: this panel keeps its width, the seating plan scrolls instead
    panel.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    panel.setMinimumWidth(composer.sizeHint().width() + panel.verticalScrollBar().sizeHint().width())
    row.addWidget(panel, 3)
    return content


def set_tab_order(
    bar: LessonBar, picker: StudentPicker, grid: SeatingGrid, composer: Composer, feedback: FeedbackBar
) -> None:
    """Tab walks the page in reading order: lesson, search, seats, rules, steps, note, buttons."""
    chain: list[QWidget] = [
        bar.class_combo,
        bar.date_edit,
        bar.period_combo,
        *bar.mood.buttons.values(),
        *bar.energy.buttons.values(),
        picker.search,
        picker.results,
        *grid.ordered_buttons(),
        *composer.rules.buttons,
        *composer.ladder.buttons,
        composer.note,
        composer.praise_button,
        composer.save_button,
        feedback.undo_button,
    ]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)

"""The week selector: a list of weeks (newest first) with 'earlier' and 'later' buttons."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from app.ui.pages.reflection.wording import day


class WeekSelector(QWidget):
    """Choose a week (a Monday); weeks without data are marked as such."""

    #: the teacher chose a week (a ``date``, its Monday)
    week_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: list[date] = []
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Week"))
        self.combo.setMinimumContentsLength(34)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.activated.connect(self._chosen)
        self.earlier = QToolButton()
        self.earlier.setText("◀")
        self.earlier.setToolTip(self.tr("Vorige week"))
        self.earlier.setAccessibleName(self.tr("Vorige week"))
        self.earlier.clicked.connect(lambda: self.step(-1))
        self.later = QToolButton()
        self.later.setText("▶")
        self.later.setToolTip(self.tr("Volgende week"))
        self.later.setAccessibleName(self.tr("Volgende week"))
        self.later.clicked.connect(lambda: self.step(1))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Week:")))
        layout.addWidget(self.earlier)
        layout.addWidget(self.combo)
        layout.addWidget(self.later)

    def label(self, monday: date, has_data: bool) -> str:
        """'week 47 · 17 nov – 23 nov 2025' (and 'geen gegevens' when empty)."""
        number = monday.isocalendar()[1]
        text = self.tr("week %1 · %2 – %3").replace("%1", str(number))
        text = text.replace("%2", day(monday, "d MMM")).replace("%3", day(monday + timedelta(days=6)))
        return text if has_data else text + self.tr(" (geen gegevens)")

    def set_weeks(self, weeks: tuple[date, ...], with_data: frozenset[date], current: date) -> None:
        """Fill the list (newest first) and select ``current`` without emitting ``week_chosen``."""
        self.combo.blockSignals(True)
        if list(weeks) != self.weeks:
            self.combo.clear()
            self.weeks = list(weeks)
            for monday in self.weeks:
                self.combo.addItem(self.label(monday, monday in with_data), monday)
        if current in self.weeks:
            self.combo.setCurrentIndex(self.weeks.index(current))
        self.combo.blockSignals(False)
        self._update_buttons()

    def current(self) -> date | None:
        """The selected Monday."""
        value = self.combo.currentData()
        return value if isinstance(value, date) else None

    def step(self, direction: int) -> None:
        """Go one week earlier (-1) or later (+1) in the list."""
        index = self.combo.currentIndex() - direction  # newest first
        if 0 <= index < self.combo.count():
            self.combo.setCurrentIndex(index)
            self._chosen(index)

    def _chosen(self, index: int) -> None:
        self._update_buttons()
        value = self.combo.itemData(index)
        if isinstance(value, date):
            self.week_chosen.emit(value)

    def _update_buttons(self) -> None:
        index = self.combo.currentIndex()
        self.earlier.setEnabled(0 <= index < self.combo.count() - 1)
        self.later.setEnabled(index > 0)

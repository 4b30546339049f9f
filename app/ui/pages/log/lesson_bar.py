"""The lesson context: class, date, period, and an optional one-tap mood and own energy."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.store.records import ClassInfo
from app.ui.pages.log.choice import choice_button

#: the usual start of each period (1-9) in a Dutch or Flemish secondary school; only used for the default
PERIOD_STARTS: tuple[time, ...] = (
    time(8, 30),
    time(9, 20),
    time(10, 25),
    time(11, 15),
    time(12, 35),
    time(13, 25),
    time(14, 15),
    time(15, 5),
    time(15, 55),
)


def default_period(now: time) -> int:
    """The period a teacher most likely logs now: the last one that started at least 15 minutes ago."""
    minutes = now.hour * 60 + now.minute - 15
    period = 1
    for number, start in enumerate(PERIOD_STARTS, start=1):
        if start.hour * 60 + start.minute <= minutes:
            period = number
    return period


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonBar", text)


def mood_choices() -> tuple[tuple[str, str], ...]:
    """(stored value, Dutch label) of the lesson moods."""
    return (("calm", _tr("rustig")), ("restless", _tr("onrustig")), ("tense", _tr("gespannen")))


def energy_choices() -> tuple[tuple[str, str], ...]:
    """(stored value, Dutch label) of the teacher's own energy."""
    return (("low", _tr("laag")), ("ok", _tr("gemiddeld")), ("high", _tr("hoog")))


class ToggleRow(QWidget):
    """A row of checkable buttons where at most one is on; tapping the checked one turns it off."""

    #: the chosen value, or '' when none
    value_changed = Signal(str)

    def __init__(
        self, label: str, choices: tuple[tuple[str, str], ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(label)
        layout.addWidget(self.label)
        self.buttons: dict[str, QPushButton] = {}
        for value, text in choices:
            button = choice_button(text, f"{label} {text}", self)
            button.setToolTip(_tr("Nog eens tikken haalt de keuze weg."))
            button.clicked.connect(lambda checked=False, v=value: self._on_clicked(v, checked))
            layout.addWidget(button)
            self.buttons[value] = button

    def value(self) -> str | None:
        """The checked value, if any."""
        return next((v for v, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: str | None) -> None:
        """Check this value (None: none), without emitting."""
        for v, button in self.buttons.items():
            button.setChecked(v == value)

    def _on_clicked(self, value: str, checked: bool) -> None:
        self.set_value(value if checked else None)
        self.value_changed.emit(value if checked else "")


class LessonBar(QWidget):
    """Class, date and period of the lesson being logged, with the optional mood and energy taps."""

    #: class, date or period changed: another lesson is meant
    context_changed = Signal()
    #: the mood was tapped ('' when cleared)
    mood_changed = Signal(str)
    #: the own energy was tapped ('' when cleared)
    energy_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("class_combo")
        self.class_combo.setAccessibleName(_tr("Klas"))
        self.class_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        class_label = QLabel(_tr("&Klas"))
        class_label.setBuddy(self.class_combo)

        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("lesson_date")
        self.date_edit.setAccessibleName(_tr("Datum van de les"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd " + QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.date_edit.setDate(QDate.currentDate())
        date_label = QLabel(_tr("&Datum"))
        date_label.setBuddy(self.date_edit)

        self.period_combo = QComboBox()
        self.period_combo.setObjectName("lesson_period")
        self.period_combo.setAccessibleName(_tr("Lesuur"))
        self.period_combo.setToolTip(
            _tr("Incidenten van hetzelfde lesuur horen bij dezelfde les; een ander uur is een andere les.")
        )
        for number in range(1, len(PERIOD_STARTS) + 1):
            self.period_combo.addItem(_tr("{n}e uur").replace("{n}", str(number)), number)
        self.period_combo.setCurrentIndex(default_period(datetime.now().time()) - 1)
        period_label = QLabel(_tr("&Lesuur"))
        period_label.setBuddy(self.period_combo)

        self.mood = ToggleRow(_tr("Hoe voelde de les?"), mood_choices())
        self.energy = ToggleRow(_tr("Mijn energie:"), energy_choices())

        # two groups that sit side by side, or on two rows when the window is narrow (large fonts, 150 %)
        self.when = QWidget()
        when = QHBoxLayout(self.when)
        when.setContentsMargins(0, 0, 0, 0)
        for widget in (
            class_label,
            self.class_combo,
            date_label,
            self.date_edit,
            period_label,
            self.period_combo,
        ):
            when.addWidget(widget)
        self.feel = QWidget()
        feel = QHBoxLayout(self.feel)
        feel.setContentsMargins(0, 0, 0, 0)
        feel.addWidget(self.mood)
        feel.addSpacing(16)
        feel.addWidget(self.energy)
        # its width must not hold the window wide: resizeEvent moves it to a second row instead
        self.feel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(24)
        self._wide: bool | None = None
        self._place(wide=True)

        self.class_combo.currentIndexChanged.connect(lambda _i: self.context_changed.emit())
        self.date_edit.dateChanged.connect(lambda _d: self._when_changed())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._when_changed())
        # Date and period follow the clock (the window may stay open all day) until the teacher picks them.
        self._following_clock = True
        self._setting_clock = False
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(lambda: self.follow_clock(datetime.now()))
        self.clock.start()
        self.mood.value_changed.connect(self.mood_changed.emit)
        self.energy.value_changed.connect(self.energy_changed.emit)

    def _when_changed(self) -> None:
        if not self._setting_clock:
            self._following_clock = False  # the teacher chose another date or period: keep it
        self.context_changed.emit()

    def follow_clock(self, now: datetime) -> None:
        """Move date and period to ``now`` unless the teacher chose them by hand."""
        if not self._following_clock:
            return
        self._setting_clock = True
        try:
            self.date_edit.setDate(QDate(now.year, now.month, now.day))
            self.period_combo.setCurrentIndex(default_period(now.time()) - 1)
        finally:
            self._setting_clock = False

    def following_clock(self) -> bool:
        """Whether date and period still follow the clock."""
        return self._following_clock

    def _place(self, *, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        self._grid.removeWidget(self.when)
        self._grid.removeWidget(self.feel)
        self._grid.addWidget(self.when, 0, 0, Qt.AlignmentFlag.AlignLeft)
        self._grid.addWidget(self.feel, 0 if wide else 1, 1 if wide else 0, Qt.AlignmentFlag.AlignLeft)
        self._grid.setColumnStretch(0, 0 if wide else 1)
        self._grid.setColumnStretch(1, 1 if wide else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the mood and energy on a second row when one row does not fit."""
        needed = self.when.sizeHint().width() + self._grid.horizontalSpacing() + self.feel.sizeHint().width()
        self._place(wide=event.size().width() >= needed)
        super().resizeEvent(event)

    def set_classes(self, classes: list[ClassInfo], preferred: int | None = None) -> None:
        """Fill the class combo, keeping the current class (or the preferred one) when still there."""
        keep = self.class_id() if self.class_combo.count() else preferred
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        for info in classes:
            self.class_combo.addItem(info.name, info.id)
        index = self.class_combo.findData(keep) if keep is not None else -1
        self.class_combo.setCurrentIndex(index if index >= 0 else (0 if classes else -1))
        self.class_combo.blockSignals(False)

    def class_id(self) -> int | None:
        """The id of the chosen class."""
        data = self.class_combo.currentData()
        return int(data) if data is not None else None

    def set_class(self, class_id: int) -> None:
        """Choose a class (emits context_changed when it differs)."""
        index = self.class_combo.findData(class_id)
        if index >= 0:
            self.class_combo.setCurrentIndex(index)

    def lesson_date(self) -> date:
        """The chosen date."""
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]

    def period(self) -> int:
        """The chosen period (1-9)."""
        return int(self.period_combo.currentData())

    def set_period(self, period: int) -> None:
        """Choose a period (emits context_changed when it differs)."""
        index = self.period_combo.findData(period)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def show_lesson_feel(self, mood: str | None, energy: str | None) -> None:
        """Show the stored mood and energy of the lesson (or none)."""
        self.mood.set_value(mood)
        self.energy.set_value(energy)

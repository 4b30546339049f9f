"""The lesson context: class, date, period, and an optional one-tap mood and own energy.

With a timetable the bar opens on the lesson that is on or just ended (class, date and period) and
shows the next one beside it; without one the period follows the bell times, and outside school hours
no period is offered ('geen lesuur'). Either way the teacher's own choice of date or period is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from app.core.bells import DEFAULT_BELL_TIMES, BellTimes
from app.store.records import ClassInfo, LessonInfo
from app.ui.pages.log.choice import choice_button

if TYPE_CHECKING:
    from app.store.timetable import NowAndNext
    from app.ui.context import AppContext


log = logging.getLogger(__name__)


def now() -> datetime:
    """The clock the bar follows (a test sets another)."""
    return datetime.now()


def default_period(moment: datetime, bells: BellTimes = DEFAULT_BELL_TIMES) -> int | None:
    """Without a timetable: the period that started at least 15 minutes ago; None outside school hours."""
    return bells.latest_started(moment.time())


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

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: the stored lesson of the chosen class, date and period (None: not stored yet)
        self.lesson: LessonInfo | None = None
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
        self.bells = DEFAULT_BELL_TIMES
        #: the timetable's lesson at a moment (None: no timetable), and how to mark a lesson not taught
        self._lookup: Callable[[datetime], NowAndNext] | None = None
        self._fill_periods()
        self.period_combo.setCurrentIndex(self.period_combo.findData(default_period(now())))
        period_label = QLabel(_tr("&Lesuur"))
        period_label.setBuddy(self.period_combo)

        self.plan = QLabel()
        self.plan.setObjectName("timetable_plan")
        self.plan.setAccessibleName(_tr("Rooster"))
        self.plan.setStyleSheet("color: #444;")
        self.plan.hide()
        self.not_taught = QPushButton(_tr("Les niet gegeven"))
        self.not_taught.setObjectName("lesson_not_taught")
        self.not_taught.setCheckable(True)
        self.not_taught.setAutoDefault(False)
        self.not_taught.setToolTip(
            _tr("Deze les uit het rooster ging niet door (uitval, toets, excursie): ze telt dan niet mee.")
        )
        self.not_taught.hide()
        self.not_taught.clicked.connect(self._mark_not_taught)
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
            self.plan,
            self.not_taught,
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

        self.class_combo.currentIndexChanged.connect(lambda _i: self._class_changed())
        self.date_edit.dateChanged.connect(lambda _d: self._when_changed())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._when_changed())
        # Date and period follow the clock (the window may stay open all day) until the teacher picks them.
        self._following_clock = True
        self._setting_clock = False
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(lambda: self.follow_clock(now()))
        # the clock runs while the bar is shown (showEvent), not behind another page
        self.mood.value_changed.connect(self.mood_changed.emit)
        self.energy.value_changed.connect(self.energy_changed.emit)

    def _class_changed(self) -> None:
        if not self._setting_clock and self._lookup is not None:
            self._following_clock = False  # with a timetable the class follows it until the teacher picks
        self.context_changed.emit()

    def _when_changed(self) -> None:
        if not self._setting_clock:
            self._following_clock = False  # the teacher chose another date or period: keep it
        self.context_changed.emit()

    def _fill_periods(self) -> None:
        """'geen lesuur' and the periods of the bell times, keeping the chosen one."""
        keep = self.period_combo.currentData()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem(_tr("geen lesuur"), None)
        for p in self.bells.periods:
            self.period_combo.addItem(_tr("{n}e uur").replace("{n}", str(p.number)), p.number)
            self.period_combo.setItemData(
                self.period_combo.count() - 1, f"{p.start:%H:%M}–{p.end:%H:%M}", Qt.ItemDataRole.ToolTipRole
            )
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(keep)))
        self.period_combo.blockSignals(False)

    def use_timetable(self, bells: BellTimes, lookup: Callable[[datetime], NowAndNext] | None) -> None:
        """Use these bell times, and the timetable's lesson at a moment (None: there is no timetable)."""
        if bells != self.bells:
            self.bells = bells
            self._fill_periods()
        self._lookup = lookup
        self.follow_clock(now())

    def follow_clock(self, moment: datetime) -> None:
        """Move class, date and period to the lesson at ``moment`` unless the teacher chose them by hand."""
        found = None
        if self._lookup is not None:
            try:
                found = self._lookup(moment)
            except Exception as exc:  # a timer must not crash the window: the store may be busy or gone
                log.warning("timetable lookup failed: %s", type(exc).__name__)
        self._show_plan(found)
        if not self._following_clock:
            return
        self._setting_clock = True
        try:
            self.date_edit.setDate(QDate(moment.year, moment.month, moment.day))
            if found is None:
                period = default_period(moment, self.bells)
            elif found.current is None:
                period = None  # no lesson of the timetable started yet today
            else:
                lesson = found.current
                period = lesson.period
                self.date_edit.setDate(QDate(lesson.date.year, lesson.date.month, lesson.date.day))
                self.set_class(lesson.class_id)
            self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(period)))
        finally:
            self._setting_clock = False

    def _show_plan(self, found: NowAndNext | None) -> None:
        """'Rooster: 2B, 1e uur · volgende: 3A, 3e uur om 10:25' beside the period."""
        if found is None:
            self.plan.hide()
            return
        parts = []
        if found.current is not None:
            when = _tr("nu") if found.running else _tr("net afgelopen")
            parts.append(when + ": " + _lesson_text(found.current))
        if found.next is not None:
            parts.append(_tr("volgende") + ": " + _lesson_text(found.next, with_day=True))
        self.plan.setText("   ·   ".join(parts) if parts else _tr("geen lessen meer in het rooster"))
        self.plan.show()

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

    def showEvent(self, event: QShowEvent) -> None:
        """Shown: follow the clock again (the page may have been hidden for hours)."""
        super().showEvent(event)
        if not self.clock.isActive():
            self.clock.start()
            self.follow_clock(now())

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden: the clock stops (no store reads behind another page)."""
        self.clock.stop()
        super().hideEvent(event)

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
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]  # QDate.toPython() is typed as object

    def period(self) -> int | None:
        """The chosen period (None: 'geen lesuur')."""
        data = self.period_combo.currentData()
        return None if data is None else int(data)

    def set_period(self, period: int | None) -> None:
        """Choose a period (emits context_changed when it differs)."""
        index = self.period_combo.findData(period)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def show_lesson(self, lesson: LessonInfo | None) -> None:
        """Show the stored mood and energy of the lesson (or none), and whether it was taught."""
        self.lesson = lesson
        self.mood.set_value(lesson.mood if lesson else None)
        self.energy.set_value(lesson.energy if lesson else None)
        scheduled = lesson is not None and lesson.scheduled and self.ctx is not None
        self.not_taught.setVisible(scheduled)
        self.not_taught.setChecked(scheduled and lesson is not None and lesson.status == "cancelled")

    def _mark_not_taught(self, checked: bool) -> None:
        """Mark the shown lesson of the timetable as not taught (or taught again)."""
        if self.ctx is None or self.lesson is None:
            return
        from app.core.errors import UserError

        self._following_clock = False  # stay on this lesson: the timetable would now skip it
        try:
            self.lesson = self.ctx.store.set_lesson_status(
                self.lesson.id, "cancelled" if checked else "taught"
            )
        except UserError as exc:  # incidents were logged in it: it was taught
            self.not_taught.setChecked(False)
            QToolTip.showText(self.not_taught.mapToGlobal(QPoint(0, self.not_taught.height())), str(exc))
            return
        self.ctx.changed()


def _lesson_text(lesson: LessonInfo, *, with_day: bool = False) -> str:
    """'2B, 1e uur (08:30)', with the weekday when the lesson is not today."""
    text = lesson.class_name
    if lesson.period is not None:
        last = lesson.period + max(1, lesson.n_periods) - 1
        hours = str(lesson.period) if last == lesson.period else f"{lesson.period}-{last}"
        text += ", " + _tr("{n}e uur").replace("{n}", hours)
    if lesson.start_time is not None:
        text += f" ({lesson.start_time:%H:%M})"
    if with_day and lesson.date != now().date():
        text = (
            QLocale().toString(QDate(lesson.date.year, lesson.date.month, lesson.date.day), "ddd")
            + " "
            + text
        )
    return text

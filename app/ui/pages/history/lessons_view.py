"""History › Lessen: every lesson in a period, with or without incidents; mark one as not taught.

Lessons come from the timetable (every scheduled lesson) and from logging (a lesson outside the
timetable). Calm lessons are visible as lessons with 0 incidents, and the line above the table counts
them. A lesson with incidents was taught: the store refuses to mark it cancelled, with a message.
Marking is undone with Ctrl+Z (``LessonStatusChanged``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.store.undo import LessonStatusChanged
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.table_models import locale_date

if TYPE_CHECKING:
    from app.store.records import LessonInfo
    from app.ui.context import AppContext

#: how far back the list starts when the page opens
DEFAULT_WEEKS = 6


class _SortItem(QTableWidgetItem):
    """A cell that sorts on a hidden key (dates, times and counts sort as values, not as text)."""

    def __init__(self, text: str, key: Any) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _SortItem):
            return bool(self.key < other.key)  # the keys of one column share a type
        return super().__lt__(other)


class LessonsView(QWidget):
    """Period and class filters, the lessons table, the calm-lessons count and the status button."""

    COLUMNS = ("date", "time", "period", "class", "status", "incidents")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lessons: list[LessonInfo] = []
        self._generation = 0
        self._reselect: int | None = None  #: the lesson to select again after a reload
        today = date.today()
        start = today - timedelta(weeks=DEFAULT_WEEKS)
        self.date_from = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_from.setAccessibleName(self.tr("Lessen vanaf"))
        self.date_to.setAccessibleName(self.tr("Lessen tot en met"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(lambda _d: self.reload())
        self.klass = QComboBox()
        self.klass.setAccessibleName(self.tr("Klas"))
        self.klass.currentIndexChanged.connect(lambda _i: self._fill())
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("lessonsTable")
        self.table.setAccessibleName(self.tr("Gegeven en vervallen lessen"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Datum"),
                self.tr("Tijd"),
                self.tr("Lesuur"),
                self.tr("Klas"),
                self.tr("Status"),
                self.tr("Incidenten"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = InlineMessage()
        self.toggle = QPushButton(self.tr("Les niet gegeven"))
        self.toggle.setEnabled(False)
        self.toggle.clicked.connect(self.toggle_selected)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Van")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("tot en met")))
        filters.addWidget(self.date_to)
        filters.addWidget(QLabel(self.tr("Klas")))
        filters.addWidget(self.klass)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _period(self) -> tuple[date, date]:
        a, b = self.date_from.date(), self.date_to.date()
        return date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())

    def reload(self) -> None:
        """Read the lessons of the period in the background (a newer request wins)."""
        self._generation += 1
        generation = self._generation
        store, (first, last) = self.ctx.store, self._period()
        if first > last:
            self.message.show_error(self.tr("De begindatum ligt na de einddatum."))
            return
        self.message.clear_message()

        def done(rows: list[LessonInfo] | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if error is not None or rows is None:
                self.message.show_error(
                    str(error)
                    if isinstance(error, UserError)
                    else self.tr("De lessen konden niet geladen worden.")
                )
                return
            self.lessons = rows
            self._fill_classes()
            self._fill()

        self.ctx.tasks.run_task(lambda: store.lessons_between(first, last), done)

    def _fill_classes(self) -> None:
        keep = self.klass.currentData()
        names = sorted({lesson.class_name for lesson in self.lessons})
        self.klass.blockSignals(True)
        self.klass.clear()
        self.klass.addItem(self.tr("alle klassen"), None)
        for name in names:
            self.klass.addItem(name, name)
        self.klass.setCurrentIndex(max(0, self.klass.findData(keep)))
        self.klass.blockSignals(False)

    def shown(self) -> list[LessonInfo]:
        """The lessons of the chosen class (all classes when none is chosen)."""
        wanted = self.klass.currentData()
        return [lesson for lesson in self.lessons if wanted is None or lesson.class_name == wanted]

    def _fill(self) -> None:
        rows = self.shown()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        taught, cancelled = self.tr("gegeven"), self.tr("niet gegeven")
        for r, lesson in enumerate(rows):
            start = lesson.start_time.strftime("%H:%M") if lesson.start_time else ""
            end = lesson.end_time.strftime("%H:%M") if lesson.end_time else ""
            period = "" if lesson.period is None else self.tr("%1e uur").replace("%1", str(lesson.period))
            cells = (
                _SortItem(locale_date(lesson.date), (lesson.date, start)),
                _SortItem(f"{start}–{end}" if start and end else start, start),
                _SortItem(period, lesson.period or 0),
                _SortItem(lesson.class_name, lesson.class_name),
                _SortItem(taught if lesson.status == "taught" else cancelled, lesson.status),
                _SortItem(str(lesson.incidents), lesson.incidents),
            )
            for c, item in enumerate(cells):
                item.setData(Qt.ItemDataRole.UserRole, lesson.id)
                if c == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        if self._reselect is not None:
            self.select_lesson(self._reselect)
            self._reselect = None
        given = [lesson for lesson in rows if lesson.status == "taught"]
        calm = sum(1 for lesson in given if lesson.incidents == 0)
        self.summary.setText(
            self.tr("%1 van de %2 gegeven lessen zonder één correctie; %3 niet gegeven.")
            .replace("%1", str(calm))
            .replace("%2", str(len(given)))
            .replace("%3", str(len(rows) - len(given)))
        )
        self._selection_changed()

    def selected(self) -> LessonInfo | None:
        """The lesson on the selected row."""
        items = self.table.selectedItems()
        if not items:
            return None
        lesson_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def select_lesson(self, lesson_id: int) -> None:
        """Select the row of a lesson (tests and keyboard users)."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == lesson_id:
                self.table.selectRow(r)
                return

    def _selection_changed(self) -> None:
        lesson = self.selected()
        self.toggle.setEnabled(lesson is not None)
        if lesson is not None and lesson.status == "cancelled":
            self.toggle.setText(self.tr("Toch gegeven"))
        else:
            self.toggle.setText(self.tr("Les niet gegeven"))

    def toggle_selected(self) -> None:
        """Mark the selected lesson not taught, or taught again; Ctrl+Z takes it back."""
        lesson = self.selected()
        if lesson is None:
            return
        status = "taught" if lesson.status == "cancelled" else "cancelled"
        try:
            self.ctx.store.set_lesson_status(lesson.id, status)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.ctx.did(LessonStatusChanged(lesson.id, lesson.status, lesson.class_name, lesson.date))
        self.message.show_message(
            self.tr("Les van %1 op %2: %3. Ctrl+Z maakt het ongedaan.")
            .replace("%1", lesson.class_name)
            .replace("%2", locale_date(lesson.date))
            .replace("%3", self.tr("niet gegeven") if status == "cancelled" else self.tr("gegeven"))
        )
        self._reselect = lesson.id
        self.ctx.changed()

"""The class as a seating plan: click a student to pick them; drag (or Ctrl+arrow) to rearrange the seats."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.store.records import StudentInfo

#: mime type of a dragged student (the student id as text)
STUDENT_MIME = "application/x-fair-strictness-student"
#: columns of the plan unless seats further right are stored
DEFAULT_COLUMNS = 6


def arrange(
    students: list[StudentInfo], columns: int = DEFAULT_COLUMNS
) -> tuple[dict[int, tuple[int, int]], int, int]:
    """Seats for every student: stored seats kept (first come on a clash), the rest fill free seats in order.

    Returns ``(seats, rows, columns)``; the last row is always free, so a student can move to the back.
    """
    columns = max(
        [columns] + [s.seat_col + 1 for s in students if s.seat_col is not None and s.seat_col >= 0]
    )
    seats: dict[int, tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    waiting: list[StudentInfo] = []
    for student in students:
        seat = (student.seat_row, student.seat_col)
        if (
            seat[0] is not None
            and seat[1] is not None
            and seat[0] >= 0
            and seat[1] >= 0
            and seat not in taken
        ):
            seats[student.id] = (seat[0], seat[1])
            taken.add((seat[0], seat[1]))
        else:
            waiting.append(student)
    cell = 0
    for student in waiting:
        while divmod(cell, columns) in taken:
            cell += 1
        seats[student.id] = divmod(cell, columns)
        taken.add(divmod(cell, columns))
    rows = max([math.ceil(len(students) / columns)] + [r + 1 for r, _ in taken])
    return seats, rows + 1, columns


#: a line on a seat is cut after this many characters (the tooltip and screen reader get the full name)
SEAT_LINE_CHARS = 16


def _short(line: str) -> str:
    return line if len(line) <= SEAT_LINE_CHARS else line[: SEAT_LINE_CHARS - 1].rstrip() + "…"


def seat_label(name: str) -> str:
    """The name on two lines: first name, then the rest, each line cut short (so seats stay narrow)."""
    first, _, rest = name.partition(" ")
    return f"{_short(first)}\n{_short(rest)}" if rest else _short(name)


class _DropTarget:
    """Mixin for a seat that accepts a dragged student."""

    grid: SeatingGrid
    row: int
    col: int

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged student."""
        if event.mimeData().hasFormat(STUDENT_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Move the dropped student to this seat."""
        data = event.mimeData().data(STUDENT_MIME)
        if data:
            self.grid.move_student(int(bytes(data.data()).decode()), self.row, self.col)
            event.acceptProposedAction()


class SeatButton(_DropTarget, QPushButton):
    """A seat with a student: click picks, drag moves, Ctrl+arrow moves by keyboard."""

    def __init__(self, grid: SeatingGrid, student: StudentInfo, row: int, col: int) -> None:
        QPushButton.__init__(self, seat_label(student.name), grid)
        self.grid, self.student_id, self.row, self.col = grid, student.id, row, col
        self.setCheckable(True)
        self.setAcceptDrops(True)
        self.setAutoDefault(False)
        self.setProperty("choice", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(
            QCoreApplication.translate("SeatingGrid", "{name}, rij {r}, plek {c}")
            .replace("{name}", student.name)
            .replace("{r}", str(row + 1))
            .replace("{c}", str(col + 1))
        )
        self.setToolTip(student.name)
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a drag may start."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Start dragging the student once the mouse moved far enough."""
        if (
            self._press is not None
            and event.buttons() & Qt.MouseButton.LeftButton
            and (event.position().toPoint() - self._press).manhattanLength()
            >= QApplication.startDragDistance()
        ):
            self._press = None
            self.setDown(False)
            mime = QMimeData()
            mime.setData(STUDENT_MIME, QByteArray(str(self.student_id).encode()))
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.setPixmap(self.grab())
            drag.exec(Qt.DropAction.MoveAction)
            return
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter picks the student; Ctrl+arrow moves them one seat."""
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and key in moves:
            dr, dc = moves[key]
            self.grid.move_student(self.student_id, self.row + dr, self.col + dc, keep_focus=True)
            return
        super().keyPressEvent(event)


class EmptySeat(_DropTarget, QFrame):
    """A free seat: a dashed outline that accepts a dragged student."""

    def __init__(self, grid: SeatingGrid, row: int, col: int) -> None:
        QFrame.__init__(self, grid)
        self.grid, self.row, self.col = grid, row, col
        self.setAcceptDrops(True)
        self.setObjectName("empty_seat")
        self.setStyleSheet("#empty_seat { border: 1px dashed palette(mid); border-radius: 4px; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(int(self.fontMetrics().lineSpacing() * 2.8))  # as tall as a seat, at any scale


class SeatingGrid(QWidget):
    """The students of one class in their seats; the front of the room (the board) is at the top."""

    #: a student was clicked (their id)
    student_clicked = Signal(int)
    #: the plan changed: student id -> (row, column) for every student of the class
    seats_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.students: list[StudentInfo] = []
        self.seats: dict[int, tuple[int, int]] = {}
        self.rows = 0
        self.columns = DEFAULT_COLUMNS
        self.buttons: dict[int, SeatButton] = {}
        self.picked: int | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Klasplattegrond — voorkant (bord)"))
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint = QLabel(
            self.tr("Klik op een leerling om te kiezen. Sleep (of Ctrl+pijltje) om de plaatsen te schikken.")
        )
        self.hint.setWordWrap(True)
        self.cells = QWidget()
        self.cells.setObjectName("seat_cells")
        self._grid = QGridLayout(self.cells)
        self._grid.setSpacing(6)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.no_students = QLabel(
            self.tr("In deze klas zitten nog geen leerlingen. Voeg ze toe bij Instellingen.")
        )
        self.no_students.setWordWrap(True)
        self.no_students.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_students.hide()
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        outer.addWidget(self.no_students)
        outer.addWidget(self.cells, 1)

    def set_students(self, students: list[StudentInfo]) -> None:
        """Show the class: stored seats kept, unplaced students in the free seats."""
        self.students = list(students)
        self.seats, self.rows, self.columns = arrange(self.students, DEFAULT_COLUMNS)
        self.no_students.setVisible(not self.students)
        self.hint.setVisible(bool(self.students))
        if not self.students:
            self.rows = 0
        self._rebuild()

    def _rebuild(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons = {}
        by_seat = {seat: sid for sid, seat in self.seats.items()}
        names = {s.id: s for s in self.students}
        for row in range(self.rows):
            for col in range(self.columns):
                sid = by_seat.get((row, col))
                if sid is None:
                    empty = EmptySeat(self, row, col)
                    self._grid.addWidget(empty, row, col)
                    if self.isVisible():
                        empty.show()
                    continue
                button = SeatButton(self, names[sid], row, col)
                button.setChecked(sid == self.picked)
                button.clicked.connect(lambda _c=False, s=sid: self._on_clicked(s))
                self._grid.addWidget(button, row, col)
                if self.isVisible():
                    button.show()  # now, so it can take the focus at once
                self.buttons[sid] = button
        for row in range(self.rows + 1):
            self._grid.setRowStretch(row, 1 if row == self.rows else 0)
        for col in range(self.columns):
            self._grid.setColumnStretch(col, 1)

    def ordered_buttons(self) -> list[SeatButton]:
        """Seat buttons in reading order (the Tab order)."""
        return sorted(self.buttons.values(), key=lambda b: (b.row, b.col))

    def set_picked(self, student_id: int | None) -> None:
        """Show which student is picked (checked seat)."""
        self.picked = student_id
        for sid, button in self.buttons.items():
            button.setChecked(sid == student_id)

    def move_student(self, student_id: int, row: int, col: int, *, keep_focus: bool = False) -> None:
        """Move a student to a seat (swapping with whoever sits there) and report the new plan."""
        if student_id not in self.seats or row < 0 or col < 0 or self.seats[student_id] == (row, col):
            return
        if col >= self.columns or row >= self.rows:
            return
        occupant = next((sid for sid, seat in self.seats.items() if seat == (row, col)), None)
        if occupant is not None:
            self.seats[occupant] = self.seats[student_id]
        self.seats[student_id] = (row, col)
        self.rows = max(r for r, _ in self.seats.values()) + 2  # keep a free back row
        self._rebuild()
        if keep_focus and student_id in self.buttons:
            self.buttons[student_id].setFocus()
        self.seats_changed.emit(dict(self.seats))

    def _on_clicked(self, student_id: int) -> None:
        self.set_picked(self.picked)  # the page decides; keep the check on the picked one until then
        self.student_clicked.emit(student_id)

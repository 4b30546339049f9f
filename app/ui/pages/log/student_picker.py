"""The student search: a field and a result list, accents and case ignored, the current class first."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.store.records import StudentInfo

#: role of a result item holding the student id
StudentIdRole = Qt.ItemDataRole.UserRole + 1


#: apostrophes are left out when matching: "dhondt", "d'hondt" and "d’hondt" all find D'Hondt
APOSTROPHES = "'’‘`´ʼ"


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: 'Zoë' -> 'zoe', "D'Hondt" -> 'dhondt'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in APOSTROPHES)


def match_rank(query: str, folded_name: str) -> int | None:
    """How well a folded query matches a folded name: 0 name starts with it, 1 a word does, 2 inside; None.

    Every word of the query must occur, so "zoe vries" finds "Zoë de Vries" and "berg" finds "van den Berg".
    """
    words = query.split()
    if not words:
        return 0
    name_words = folded_name.replace("-", " ").split()
    worst = 0
    for word in words:
        if folded_name.startswith(word):
            rank = 0
        elif any(w.startswith(word) for w in name_words):
            rank = 1
        elif word in folded_name:
            rank = 2
        else:
            return None
        worst = max(worst, rank)
    return worst


def filter_students(
    students: Iterable[StudentInfo], query: str, current_class_id: int | None, folded: dict[int, str]
) -> list[StudentInfo]:
    """Students matching ``query``: the current class first, then better matches, then by name."""
    q = fold(query).strip()
    hits: list[tuple[int, int, str, StudentInfo]] = []
    for student in students:
        name = folded.get(student.id) or fold(student.name)
        rank = match_rank(q, name)
        if rank is None:
            continue
        hits.append((0 if student.class_id == current_class_id else 1, rank, name, student))
    hits.sort(key=lambda h: (h[0], h[1], h[2], h[3].class_name))
    return [h[3] for h in hits]


class StudentPicker(QWidget):
    """A search field over all students with a filtered list; Enter picks the top (or selected) match."""

    #: a student was picked (by Enter in the field or a click in the list)
    student_picked = Signal(int)
    #: Escape in the field (the page steps back one stage; at the first stage it clears the field)
    escape_pressed = Signal()
    #: Enter with no student matching the text (the text)
    nothing_found = Signal(str)
    #: Ctrl+Z in the field: undo the last save rather than the typed text
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._students: list[StudentInfo] = []
        self._folded: dict[int, str] = {}
        self._class_id: int | None = None
        #: the arrows moved the selection since the search text was last emptied
        self._browsed = False

        self.label = QLabel(self.tr("&Leerling zoeken"))
        self.search = QLineEdit()
        self.search.setObjectName("student_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Naam typen, Enter kiest"))
        self.search.setAccessibleName(self.tr("Leerling zoeken"))
        self.search.setAccessibleDescription(
            self.tr("Typ een deel van de voor- of achternaam; hoofdletters en accenten tellen niet mee.")
        )
        self.label.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setObjectName("student_results")
        self.results.setAccessibleName(self.tr("Gevonden leerlingen"))
        self.results.setUniformItemSizes(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)

        self.search.textChanged.connect(self.refilter)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemClicked.connect(self._on_item_clicked)
        self.results.itemActivated.connect(self._on_item_clicked)

    def set_students(self, students: list[StudentInfo], current_class_id: int | None) -> None:
        """Replace the list of students and the class shown first."""
        self._students = students
        self._folded = {s.id: fold(s.name) for s in students}
        self._class_id = current_class_id
        self.refilter()

    def set_current_class(self, class_id: int | None) -> None:
        """Show this class's students first."""
        self._class_id = class_id
        self.refilter()

    def refilter(self) -> None:
        """Fill the list with the students matching the search text."""
        if not self.search.text().strip():
            self._browsed = False
        shown = filter_students(self._students, self.search.text(), self._class_id, self._folded)
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        for student in shown:
            text = (
                student.name
                if student.class_id == self._class_id
                else f"{student.name}  ({student.class_name})"
            )
            item = QListWidgetItem(text)
            item.setData(StudentIdRole, student.id)
            self.results.addItem(item)
        if shown:
            self.results.setCurrentRow(0)
        self.results.setUpdatesEnabled(True)

    def shown_ids(self) -> list[int]:
        """Ids of the students in the list, top first."""
        return [int(self.results.item(i).data(StudentIdRole)) for i in range(self.results.count())]

    def current_id(self) -> int | None:
        """The id of the selected result (the top one unless the arrows moved it)."""
        item = self.results.currentItem()
        return int(item.data(StudentIdRole)) if item is not None else None

    def clear(self) -> None:
        """Empty the search text (the list shows everybody again)."""
        self.search.clear()

    def type_text(self, text: str, *, replace: bool = False) -> None:
        """Letters typed elsewhere on the page: into the search field, which gets the focus."""
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        if replace:
            self.search.selectAll()
        else:
            self.search.deselect()
            self.search.end(False)
        self.search.insert(text)

    def focus_search(self) -> None:
        """Put the keyboard focus in the search field, its text selected."""
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.student_picked.emit(int(item.data(StudentIdRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter picks, arrows move in the list, Escape clears, Ctrl+Z goes to the page.

        Enter on an empty field picks nobody (unless the arrows chose someone): after a save the field
        is empty, and a second Enter must not pick the first student for the next digits to log on.
        Letters typed in the result list go to the field.
        """
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.results:
            text = event.text()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if plain and len(text) == 1 and text.isalpha():
                self.type_text(text)
                return True
            return super().eventFilter(watched, event)
        if watched is self.search:
            return self._search_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.search.text().strip() and not self._browsed:
                return True  # nothing typed, nothing chosen: nothing to pick
            student_id = self.current_id()
            if student_id is not None:
                self.student_picked.emit(student_id)
            else:
                self.nothing_found.emit(self.search.text())
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            row = self.results.currentRow()
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[
                Qt.Key(key)
            ]
            if self.results.count():
                self.results.setCurrentRow(max(0, min(self.results.count() - 1, row + step)))
                self._browsed = True
            return True
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return True
        return False

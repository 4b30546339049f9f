"""The Log page: after class, log a lesson's incidents and praise in seconds, by keyboard or mouse.

Keyboard contract: type a name -> Enter picks the top match -> digit 1-9 picks the rule -> the agreed
step is preselected (a digit overrides it) -> Enter saves -> focus back in the search field.
Escape steps back one stage; Ctrl+Z undoes the last save; P gives the picked student a compliment.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.core.errors import UserError
from app.core.protocol import agreed_step, effective_start
from app.store.undo import IncidentLogged, PraiseLogged
from app.ui.pages.log.choice import CHOICE_STYLE
from app.ui.pages.log.composer import Composer
from app.ui.pages.log.empty_state import EmptyState
from app.ui.pages.log.feedback_bar import FeedbackBar
from app.ui.pages.log.followups_panel import FollowUpPanel
from app.ui.pages.log.keys import handle_page_key, note_undo
from app.ui.pages.log.layout import build_content, set_tab_order
from app.ui.pages.log.lesson_bar import LessonBar
from app.ui.pages.log.lessons import LessonCache
from app.ui.pages.log.reminder import attach_reminder, known_now
from app.ui.pages.log.seating_grid import SeatingGrid
from app.ui.pages.log.student_picker import StudentPicker

if TYPE_CHECKING:
    from app.store.records import LessonInfo, RuleInfo, StepInfo, StudentInfo
    from app.ui.context import AppContext

#: QSettings key of the class shown last
LAST_CLASS_KEY = "log/last_class"


class LogPage(QWidget):
    """Pick a student, a rule and a step (preselected as agreed), save; with inline feedback and undo."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("log_page")
        self.setStyleSheet(CHOICE_STYLE)
        self.students: dict[int, StudentInfo] = {}
        self.rules: list[RuleInfo] = []
        self.steps: list[StepInfo] = []
        self.student_id: int | None = None
        self.rule_id: int | None = None
        self.step: int | None = None
        #: the step was chosen by the teacher (else it follows the agreed step, e.g. after an undo)
        self.step_overridden = False
        self.strike = 0
        self.lessons = LessonCache(ctx.store)
        self._writing = False
        #: the store changed while the page was hidden: reload when shown again
        self._stale = False
        #: milliseconds from the save key to the feedback shown, for the last save
        self.last_save_ms = 0.0

        self.lesson_bar = LessonBar(ctx)
        self.picker = StudentPicker()
        self.grid = SeatingGrid()
        self.composer = Composer()
        self.feedback = FeedbackBar()
        self.stack = QStackedWidget()
        self.stack.addWidget(build_content(self.picker, self.grid, self.composer))
        self.empty = EmptyState()
        self.empty.setup_requested.connect(self._go_to_setup)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addWidget(self.lesson_bar)
        self.followups = FollowUpPanel(ctx)  # after a consequence: the student, then the parents
        self.reminder = attach_reminder(self)  # the teacher's own prepared choice, when the moment matches
        layout.addWidget(self.reminder)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.followups)
        layout.addWidget(self.feedback)

        self.picker.student_picked.connect(self.pick_student)
        self.picker.escape_pressed.connect(self.back)
        self.picker.undo_requested.connect(self.undo)
        self.picker.nothing_found.connect(self._on_nothing_found)
        self.composer.note.installEventFilter(self)
        self.grid.student_clicked.connect(self.pick_student)
        self.grid.seats_changed.connect(self._on_seats_changed)
        self.composer.rules.rule_chosen.connect(self.choose_rule)
        self.composer.ladder.step_chosen.connect(self.choose_step)
        self.composer.save_button.clicked.connect(self.save)
        self.composer.praise_button.clicked.connect(self.praise)
        self.feedback.undo_requested.connect(self.undo)
        self.followups.attach(self.feedback)  # 'Leerling gesproken' (Alt+G) on the line after a consequence
        self.lesson_bar.context_changed.connect(self._on_context_changed)
        self.lesson_bar.mood_changed.connect(lambda v: self._store_feel("mood", v))
        self.lesson_bar.energy_changed.connect(lambda v: self._store_feel("energy", v))
        ctx.events.store_changed.connect(self._on_store_changed)

        self.reload()

    # -- building --------------------------------------------------------------------------------
    def _go_to_setup(self) -> None:
        show_page = getattr(self.window(), "show_page", None)
        if callable(show_page):
            show_page("setup")

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read classes, students, rules and the ladder from the store and show them."""
        self._stale = False
        store = self.ctx.store
        classes = store.classes()
        self.students = {s.id: s for s in store.students()}
        self.rules = store.rules(active_only=True)
        self.steps = store.ladder()
        self.lessons.clear()
        stored = self.ctx.settings.value(LAST_CLASS_KEY, None)
        preferred = int(stored) if stored not in (None, "") else None
        if preferred is None:  # first start: the first class that has students
            preferred = next((c.id for c in classes if c.n_students), None)
        self.lesson_bar.set_classes(classes, preferred)
        self.lesson_bar.use_timetable(store.bell_times(), store.lesson_now if store.has_timetable() else None)
        self.composer.rules.set_rules(self.rules)
        self.composer.ladder.set_steps(self.steps)
        self.reminder.set_choices(store.choices(active_only=True))
        if self.student_id not in self.students:
            self.student_id = None
        if self.rule_id is not None and all(r.id != self.rule_id for r in self.rules):
            self.rule_id = self.step = None
            self.step_overridden = False
        can_log = bool(classes and self.students)
        self.stack.setCurrentIndex(0 if can_log else 1)
        self.lesson_bar.setVisible(can_log)
        self.feedback.setVisible(can_log)
        self.picker.set_students(list(self.students.values()), self.lesson_bar.class_id())
        self._show_class()
        self._refresh_composition()

    def _show_class(self) -> None:
        class_id = self.lesson_bar.class_id()
        self.grid.set_students([s for s in self.students.values() if s.class_id == class_id])
        self.grid.set_picked(self.student_id)
        lesson = self._find_lesson(class_id) if class_id is not None else None
        self.lesson_bar.show_lesson(lesson)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        set_tab_order(self.lesson_bar, self.picker, self.grid, self.composer, self.feedback)

    def activated(self) -> None:
        """Shown: the search field gets the focus (or the way to Set-up when there is nobody to log)."""
        if self._stale:
            self.reload()
        if self.stack.currentIndex() == 0:
            self.picker.focus_search()
        else:
            self.empty.setup_button.setFocus()

    def _on_store_changed(self) -> None:
        if self._writing:
            return
        if self.isVisible():
            self.reload()
        else:  # another page is busy: do not slow its writes down, catch up when shown
            self._stale = True

    def _emit_changed(self) -> None:
        self._writing = True
        try:
            self.ctx.changed()
        finally:
            self._writing = False
        #: the store changed while the page was hidden: reload when shown again
        self._stale = False

    def _on_context_changed(self) -> None:
        class_id = self.lesson_bar.class_id()
        if class_id is not None:
            self.ctx.settings.setValue(LAST_CLASS_KEY, class_id)
        self.picker.set_current_class(class_id)
        self._show_class()
        self._refresh_composition()

    # -- lessons ---------------------------------------------------------------------------------
    def _find_lesson(self, class_id: int) -> LessonInfo | None:
        bar = self.lesson_bar
        return self.lessons.find(class_id, bar.lesson_date(), bar.period())

    def _ensure_lesson(self, class_id: int) -> LessonInfo:
        bar = self.lesson_bar
        return self.lessons.ensure(class_id, bar.lesson_date(), bar.period())

    def _store_feel(self, field: str, value: str) -> None:
        class_id = self.lesson_bar.class_id()
        if class_id is None:
            return
        try:
            lesson = self._ensure_lesson(class_id)
            if value:
                lesson = self.ctx.store.update_lesson(lesson.id, **{field: value})
            else:
                lesson = self.ctx.store.update_lesson(lesson.id, clear=(field,))
        except UserError as exc:
            self.feedback.show_error(str(exc))
            return
        self.lessons.remember(lesson)
        self.feedback.show_info(self.tr("Bij de les bewaard: hoe de les voelde en je eigen energie."))
        self._emit_changed()

    # -- the flow --------------------------------------------------------------------------------
    @property
    def stage(self) -> str:
        """'student', 'rule' or 'step': what the next key chooses."""
        if self.student_id is None:
            return "student"
        return "rule" if self.rule_id is None else "step"

    def pick_student(self, student_id: int) -> None:
        """Pick a student; the rule comes next (or the step, when a rule was clicked first)."""
        if student_id not in self.students:
            return
        self.student_id = student_id
        self.grid.set_picked(student_id)
        self._refresh_composition()
        if self.rule_id is None:
            self.composer.rules.focus_chosen()
        else:
            self.composer.ladder.focus_chosen()

    def choose_rule(self, rule_id: int) -> None:
        """Choose a rule; the agreed step for this strike is preselected."""
        self.rule_id = rule_id
        self.step = None
        self.step_overridden = False
        self._refresh_composition()
        if self.student_id is not None:
            self.composer.ladder.focus_chosen()

    def choose_step(self, level: int) -> None:
        """Override the preselected step."""
        if self.student_id is None or self.rule_id is None:
            return
        if any(s.level == level for s in self.steps):
            self.step = level
            self.step_overridden = True
            self.composer.ladder.set_chosen(level)
            self.composer.set_ready(True)

    def _refresh_composition(self) -> None:
        """Show the picked student, rule and the agreed step for this student's next strike."""
        student = self.students.get(self.student_id) if self.student_id is not None else None
        self.composer.show_student(
            student, other_class=student is not None and student.class_id != self.lesson_bar.class_id()
        )
        self.composer.rules.set_chosen(self.rule_id)
        self.reminder.update_for(known_now(self))
        rule = self.composer.rules.rule(self.rule_id) if self.rule_id is not None else None
        if student is None or rule is None:
            self.composer.ladder.show_agreed(None, 0)
            self.composer.ladder.set_chosen(None)
            self.composer.set_ready(False)
            return
        self.strike, agreed = self._agreed(student, rule)
        self.composer.ladder.show_agreed(agreed, self.strike)
        if self.step is None or not self.step_overridden:
            self.step = agreed
        self.composer.ladder.set_chosen(self.step)
        self.composer.set_ready(True)

    def _agreed(self, student: StudentInfo, rule: RuleInfo) -> tuple[int, int]:
        """(strike, agreed step) of the student's next incident of this rule in the chosen lesson."""
        lesson = self._find_lesson(student.class_id)
        if lesson is not None:
            return self.ctx.store.agreed_step_for(lesson.id, student.id, rule.id)
        start = effective_start(rule.start_step, rule.phase_downs, self.lesson_bar.lesson_date())
        return 1, int(agreed_step(start, 1, max((s.level for s in self.steps), default=1)))

    def save(self) -> None:
        """Store the incident as composed, show what was stored, and go back to the search field."""
        if self.student_id is None or self.rule_id is None or self.step is None:
            self.feedback.show_info(self.tr("Kies eerst een leerling en een afspraak."))
            return
        started = time.perf_counter()
        student = self.students[self.student_id]
        try:
            lesson = self._ensure_lesson(student.class_id)
            logged = self.ctx.store.log_incident(
                student.id, self.rule_id, self.step, lesson_id=lesson.id, note=self.composer.note.text()
            )
        except UserError as exc:
            self.feedback.show_error(str(exc))
            return
        self.ctx.did(IncidentLogged(logged.id, logged.student_name, logged.rule_name))
        self.feedback.show_incident(logged)
        self._reset()
        self.last_save_ms = (time.perf_counter() - started) * 1000
        self._emit_changed()

    def praise(self) -> None:
        """Store a compliment for the picked student."""
        if self.student_id is None:
            self.feedback.show_info(self.tr("Kies eerst een leerling voor een compliment."))
            return
        student = self.students[self.student_id]
        try:
            lesson = self._ensure_lesson(student.class_id)
            praise = self.ctx.store.log_praise(
                student.id, lesson_id=lesson.id, note=self.composer.note.text()
            )
        except UserError as exc:
            self.feedback.show_error(str(exc))
            return
        self.ctx.did(PraiseLogged(praise.id, praise.student_name))
        self.feedback.show_praise(praise)
        self._reset()
        self._emit_changed()

    def undo(self) -> None:
        """Undo this window's newest action (a save here, or an edit or delete in History)."""
        try:
            text = self.ctx.undo()
        except UserError as exc:
            self.feedback.show_error(str(exc))
            return
        if text is None:
            self.feedback.show_info(self.tr("Er is niets om ongedaan te maken."))
            return
        self.feedback.show_undone(text)
        self._refresh_composition()
        self._emit_changed()

    def back(self) -> None:
        """Escape: step -> rule -> student -> clear the search."""
        stage = self.stage
        if stage == "step":
            self.rule_id = self.step = None
            self.step_overridden = False
            self._refresh_composition()
            self.composer.rules.focus_chosen()
        elif stage == "rule":
            self.student_id = None
            self.rule_id = self.step = None
            self.step_overridden = False
            self.grid.set_picked(None)
            self._refresh_composition()
            self.picker.focus_search()
        else:
            self.rule_id = self.step = None
            self.step_overridden = False
            self.picker.clear()
            self._refresh_composition()
            self.picker.focus_search()

    def _reset(self) -> None:
        self.student_id = self.rule_id = self.step = None
        self.step_overridden = False
        self.composer.note.clear()
        self.grid.set_picked(None)
        self.picker.clear()
        self._refresh_composition()
        self.picker.focus_search()

    def _on_seats_changed(self, seats: dict[int, tuple[int, int]]) -> None:
        try:
            self.ctx.store.set_seats(seats)
        except UserError as exc:
            self.feedback.show_error(str(exc))
            return
        for sid, (row, col) in seats.items():
            if sid in self.students:
                self.students[sid] = dataclasses.replace(self.students[sid], seat_row=row, seat_col=col)
        self._fix_tab_order()
        self._emit_changed()

    # -- keys ------------------------------------------------------------------------------------
    def _on_nothing_found(self, text: str) -> None:
        self.feedback.show_info(
            self.tr(
                "Niemand gevonden met '{text}'. Typ minder letters, of voeg de leerling toe bij Instellingen."
            ).replace("{text}", text.strip())
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in the note field undoes its typing first, then the last save (keys.py)."""
        return note_undo(self, watched, event) or super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the focused control did not use: see app/ui/pages/log/keys.py."""
        if handle_page_key(self, event):
            event.accept()
        else:
            super().keyPressEvent(event)

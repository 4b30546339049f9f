"""One calm line on the Log page: the teacher's own prepared choice, when the moment matches it.

Never a dialog and never focusable, so the keyboard flow goes on as before. Whether a choice applies
is decided in one place (``Situation.applies_now``) from what is selected: the student (and their
class and attributes), the rule, the lesson's class, weekday, period, mood and the teacher's energy.
Hidden while presenting (the screen may be on the board).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.analysis.audit.situation_words import situation_text
from app.core.situation import ATTR_PREFIX
from app.core.vocabulary import WEEKDAYS

if TYPE_CHECKING:
    from app.store.records import ChoiceInfo
    from app.ui.pages.log.page import LogPage


def known_now(page: LogPage) -> dict[str, str | None]:
    """What the Log page has selected, in the audit frame's column names (None: not chosen yet)."""
    bar = page.lesson_bar
    known: dict[str, str | None] = {}
    class_id = bar.class_id()
    lesson_class = bar.class_combo.currentText() if class_id is not None else None
    student = page.students.get(page.student_id) if page.student_id is not None else None
    if student is not None:
        known["student_id"] = student.external_id
        known["group"] = student.class_name
        for name, value in student.attributes.items():
            known[ATTR_PREFIX + name] = value
    else:
        known["group"] = lesson_class
    rule = next((r for r in page.rules if r.id == page.rule_id), None)
    known["rule"] = rule.name if rule is not None else None
    known["weekday"] = WEEKDAYS[bar.lesson_date().weekday()]
    period = bar.period()
    known["period"] = str(period) if period is not None else None
    known["lesson_mood"] = bar.mood.value()
    known["teacher_energy"] = bar.energy.value()
    return known


def attach_reminder(page: LogPage) -> ChoiceReminder:
    """The page's reminder, following the lesson's mood and energy and the presenting switch."""
    reminder = ChoiceReminder()
    reminder.presenting = page.ctx.presenting
    bar = page.lesson_bar
    for feel in (bar.mood_changed, bar.energy_changed):
        feel.connect(lambda _value: reminder.update_for(known_now(page)))

    def presenting(on: bool) -> None:
        reminder.set_presenting(on)
        reminder.update_for(known_now(page))
        page.followups.refresh()

    page.ctx.events.presenting_changed.connect(presenting)
    return reminder


class ChoiceReminder(QLabel):
    """The plan(s) that apply now, in the teacher's own words; empty and hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceReminder")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "#choiceReminder { background: #eef4fb; color: #1a1a1a; border-left: 4px solid #2f6fa8;"
            " padding: 4px 8px; }"
        )
        self.choices: list[ChoiceInfo] = []
        self.presenting = False
        self.hide()

    def set_choices(self, choices: list[ChoiceInfo]) -> None:
        """The open choices (the store's ``choices(active_only=True)``)."""
        self.choices = choices

    def set_presenting(self, presenting: bool) -> None:
        """While presenting, never shown."""
        self.presenting = presenting
        if presenting:
            self.hide()

    def matching(self, known: dict[str, str | None]) -> list[ChoiceInfo]:
        """The open choices whose situation applies to what is selected."""
        return [c for c in self.choices if c.situation.applies_now(known)]

    def update_for(self, known: dict[str, str | None]) -> None:
        """Show the matching plans (at most two, newest first), or hide."""
        found = self.matching(known)
        if not found or self.presenting:
            self.setText("")
            self.hide()
            return
        lines = [
            self.tr("Jouw voorbereide keuze — %1: %2")
            .replace("%1", situation_text(c.situation, c.student_name))
            .replace("%2", c.response)
            for c in found[:2]
        ]
        self.setText("\n".join(lines))
        self.show()

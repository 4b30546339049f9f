"""The situation of a prepared choice, and the one decision of when a situation applies (issue #15).

A situation is any combination of a student, a class, a roster attribute value, a moment (weekday,
period, the lesson's mood, the teacher's energy) and a rule. The same conditions decide which logged
incidents the follow-up measures (``app.analysis.estimates.choices``) and when the Log page recalls the
plan: both use ``Situation.conditions`` with the audit frame's column names and values.

Pure Python without dependencies, like ``app.core.protocol``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: prefix of a roster attribute's column in the audit frame (as ``app.analysis.frame.ATTR_PREFIX``)
ATTR_PREFIX = "attr_"


@dataclass(frozen=True)
class Situation:
    """When a prepared choice applies; a field left None does not restrict it."""

    student: str | None = None  #: the student's external id (the frame's ``student_id``)
    group: str | None = None  #: class name
    attribute: str | None = None  #: roster attribute name, with ``value``
    value: str | None = None
    weekday: str | None = None  #: lowercase English weekday ('friday')
    period: int | None = None
    lesson_mood: str | None = None  #: 'calm' | 'restless' | 'tense'
    teacher_energy: str | None = None  #: 'low' | 'ok' | 'high'
    rule: str | None = None  #: the rule's name

    def conditions(self) -> dict[str, str]:
        """Column -> required value, in the audit frame's terms (the period as text, like the frame)."""
        out: dict[str, str] = {}
        if self.student is not None:
            out["student_id"] = self.student
        if self.group is not None:
            out["group"] = self.group
        if self.attribute is not None and self.value is not None:
            out[ATTR_PREFIX + self.attribute] = self.value
        if self.weekday is not None:
            out["weekday"] = self.weekday
        if self.period is not None:
            out["period"] = str(self.period)
        if self.lesson_mood is not None:
            out["lesson_mood"] = self.lesson_mood
        if self.teacher_energy is not None:
            out["teacher_energy"] = self.teacher_energy
        if self.rule is not None:
            out["rule"] = self.rule
        return out

    @property
    def empty(self) -> bool:
        """True when nothing restricts it (not a situation a plan can be made for)."""
        return not self.conditions()

    def applies_now(self, known: Mapping[str, str | None]) -> bool:
        """Whether to recall the plan for what is selected now (``known``: column -> value or None).

        Nothing selected contradicts the situation, and at least one of its conditions is met by what
        is selected: a plan for Sam shows once Sam is picked (before the rule and step are chosen), a
        plan for Fridays in any Friday lesson, and a plan for Sam and one rule disappears when another
        rule is chosen for Sam. A plan about a student (or students with an attribute) waits until such
        a student is picked, also on its weekday or in its period.
        """
        met = False
        for column, wanted in self.conditions().items():
            value = known.get(column)
            if value is None:
                if column == "student_id" or column.startswith(ATTR_PREFIX):
                    return False
                continue
            if str(value) != wanted:
                return False
            met = True
        return met

"""One line of the history (an incident or a praise), its deviation in words, and the page's snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from app.store.records import ClassInfo, LoggedIncident, PraiseInfo, RuleInfo, StepInfo, StudentInfo
    from app.store.store import Store


@dataclass(frozen=True)
class HistoryRow:
    """One line of the history: an incident or a praise, with what the table needs."""

    kind: str  #: 'incident' or 'praise'
    id: int
    occurred_at: datetime
    day: date  #: the lesson's date (the praise's own date when it has no lesson)
    class_name: str
    student_id: int
    student_name: str
    note: str
    edited_at: datetime | None = None
    rule_id: int | None = None
    rule_name: str = ""
    step: int = 0
    step_name: str = ""
    agreed_step: int = 0
    agreed_step_name: str = ""
    strike: int = 0
    period: int | None = None  #: the lesson's period (lesuur), None when not known or for a praise

    @property
    def is_praise(self) -> bool:
        """True for a praise line."""
        return self.kind == "praise"

    @property
    def deviation(self) -> str:
        """'stricter', 'agreed' or 'milder' ('' for praise)."""
        if self.is_praise:
            return ""
        from app.core.protocol import deviation

        return deviation(self.step, self.agreed_step)

    @classmethod
    def from_incident(cls, inc: LoggedIncident) -> HistoryRow:
        """The row of a stored incident."""
        return cls(
            kind="incident",
            id=inc.id,
            occurred_at=inc.occurred_at,
            day=inc.lesson_date,
            class_name=inc.class_name,
            student_id=inc.student_id,
            student_name=inc.student_name,
            note=inc.note,
            edited_at=inc.edited_at,
            rule_id=inc.rule_id,
            rule_name=inc.rule_name,
            step=inc.step,
            step_name=inc.step_name,
            agreed_step=inc.agreed_step,
            agreed_step_name=inc.agreed_step_name,
            strike=inc.strike,
            period=inc.period,
        )

    @classmethod
    def from_praise(cls, praise: PraiseInfo, class_name: str) -> HistoryRow:
        """The row of a stored praise (its class is the student's)."""
        return cls(
            kind="praise",
            id=praise.id,
            occurred_at=praise.occurred_at,
            day=praise.occurred_at.date(),
            class_name=class_name,
            student_id=praise.student_id,
            student_name=praise.student_name,
            note=praise.note,
            edited_at=praise.edited_at,
        )


def deviation_text(row: HistoryRow) -> str:
    """The deviation in words with a symbol, so colour is never the only signal."""
    if row.is_praise:
        return ""
    diff = row.step - row.agreed_step
    if diff > 0:
        return QCoreApplication.translate("TableModels", "▲ strenger (+{n})").replace("{n}", str(diff))
    if diff < 0:
        return QCoreApplication.translate("TableModels", "▼ milder (−{n})").replace("{n}", str(-diff))
    return QCoreApplication.translate("TableModels", "= volgens afspraak")


@dataclass(frozen=True)
class HistorySnapshot:
    """Everything the page shows, read in one go (off the GUI thread)."""

    rows: list[HistoryRow]
    classes: list[ClassInfo]
    students: list[StudentInfo]
    rules: list[RuleInfo]
    ladder: list[StepInfo]


def load_history(store: Store) -> HistorySnapshot:
    """Read incidents, praise and the lists the filters and the edit panel offer."""
    students = store.students(include_archived=True)
    class_of = {s.id: s.class_name for s in students}
    rows = [HistoryRow.from_incident(i) for i in store.incidents()]
    rows += [HistoryRow.from_praise(p, class_of.get(p.student_id, "")) for p in store.praise_list()]
    return HistorySnapshot(
        rows=rows,
        classes=store.classes(include_archived=True),
        students=students,
        rules=store.rules(),
        ladder=store.ladder(),
    )

"""Which lesson the incidents of this sitting belong to: one per class, date and period, looked up once."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.store.records import LessonInfo
    from app.store.store import Store

LessonKey = tuple[int, date, int | None]


class LessonCache:
    """Finds a lesson without writing, and creates it only when something is stored in it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lessons: dict[LessonKey, LessonInfo | None] = {}

    def clear(self) -> None:
        """Forget what was looked up (another page may have changed lessons)."""
        self._lessons.clear()

    def find(self, class_id: int, on: date, period: int | None) -> LessonInfo | None:
        """The lesson of this class, date and period, if it exists."""
        key = (class_id, on, period)
        if key not in self._lessons:
            found = [
                lesson for lesson in self.store.lessons(class_id=class_id, on=on) if lesson.period == period
            ]
            self._lessons[key] = found[0] if found else None
        return self._lessons[key]

    def ensure(self, class_id: int, on: date, period: int | None) -> LessonInfo:
        """The lesson of this class, date and period, created when there is none yet."""
        lesson = self.find(class_id, on, period)
        if lesson is None:
            lesson = self.store.lesson_for(class_id, on, period=period)
            self._lessons[(class_id, on, period)] = lesson
        return lesson

    def remember(self, lesson: LessonInfo) -> None:
        """Keep a lesson as changed (e.g. after its mood was stored)."""
        self._lessons[(lesson.class_id, lesson.date, lesson.period)] = lesson

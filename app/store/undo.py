"""Undo as command objects: what *this window* did, undone newest first, each saying what it undid.

Every save the window makes (a logged incident, a praise, an edit, a delete) pushes a small command
that knows how to take itself back through the store's public functions. Ctrl+Z pops the newest one.
Nothing else is ever undone: not a row another program or an import wrote (an import is never one
row to undo), and not what an earlier session did. Commands hold ids and plain values, no ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from app.core.errors import UserError
from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.records import PraiseInfo
    from app.store.store import Store


class Command(Protocol):
    """One undoable action of the window."""

    def undo(self, store: Store) -> str:
        """Take the action back; return what was undone, in words."""
        ...


@dataclass(frozen=True)
class IncidentLogged:
    """An incident the window logged."""

    incident_id: int
    name: str
    rule: str

    def undo(self, store: Store) -> str:
        """Delete it again (soft)."""
        store.delete_incident(self.incident_id)
        return t(
            "Incident van {name} ({rule}) ongedaan gemaakt.",
            name=self.name,
            rule=self.rule,
        )


@dataclass(frozen=True)
class PraiseLogged:
    """A praise the window logged."""

    praise_id: int
    name: str

    def undo(self, store: Store) -> str:
        """Delete it again (soft)."""
        store.delete_praise(self.praise_id)
        return t("Compliment voor {name} ongedaan gemaakt.", name=self.name)


@dataclass(frozen=True)
class IncidentEdited:
    """An edit of an incident: its values before the edit."""

    incident_id: int
    name: str
    before: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def before_edit(cls, store: Store, incident_id: int) -> IncidentEdited:
        """Remember an incident's editable values before it is changed."""
        old = store.incident(incident_id)
        if old is None:
            raise UserError(t("Dat incident bestaat niet meer."))
        values = {
            "student_id": old.student_id,
            "rule_id": old.rule_id,
            "step": old.step,
            "occurred_at": old.occurred_at,
            "note": old.note,
            "lesson_id": old.lesson_id,
        }
        return cls(incident_id, old.student_name, values)

    def undo(self, store: Store) -> str:
        """Put the old values back."""
        store.update_incident(self.incident_id, **self.before)
        return t(
            "Wijziging van het incident van {name} ongedaan gemaakt.",
            name=self.name,
        )


@dataclass(frozen=True)
class IncidentDeleted:
    """An incident the window deleted."""

    incident_id: int
    name: str

    def undo(self, store: Store) -> str:
        """Bring it back."""
        store.restore_incident(self.incident_id)
        return t(
            "Verwijderd incident van {name} teruggezet.",
            name=self.name,
        )


@dataclass(frozen=True)
class PraiseEdited:
    """An edit of a praise: its values before the edit."""

    praise_id: int
    name: str
    student_id: int
    occurred_at: datetime
    note: str

    @classmethod
    def before_edit(cls, old: PraiseInfo) -> PraiseEdited:
        """Remember a praise's editable values before it is changed."""
        return cls(old.id, old.student_name, old.student_id, old.occurred_at, old.note)

    def undo(self, store: Store) -> str:
        """Put the old values back."""
        store.update_praise(
            self.praise_id, student_id=self.student_id, occurred_at=self.occurred_at, note=self.note
        )
        return t(
            "Wijziging van het compliment voor {name} ongedaan gemaakt.",
            name=self.name,
        )


@dataclass(frozen=True)
class PraiseDeleted:
    """A praise the window deleted."""

    praise_id: int
    name: str

    def undo(self, store: Store) -> str:
        """Bring it back."""
        store.restore_praise(self.praise_id)
        return t(
            "Verwijderd compliment voor {name} teruggezet.",
            name=self.name,
        )


@dataclass(frozen=True)
class Batch:
    """Several actions done as one (lines deleted together), undone together, newest first."""

    commands: tuple[Command, ...]
    #: what was done, in words ("3 regels verwijderd."), for an undo bar
    description: str = ""

    def undo(self, store: Store) -> str:
        """Undo every part; one part says what it undid, more say how many."""
        texts = [command.undo(store) for command in reversed(self.commands)]
        if len(texts) == 1:
            return texts[0]
        return t("{n} regels teruggezet.", n=len(texts))


class UndoStack:
    """The window's commands, newest last."""

    def __init__(self) -> None:
        self._done: list[Command] = []

    def push(self, command: Command) -> None:
        """Remember an action the window just did."""
        self._done.append(command)

    def __len__(self) -> int:
        return len(self._done)

    def peek(self) -> Command | None:
        """The action Ctrl+Z would undo next, if any."""
        return self._done[-1] if self._done else None

    def undo(self, store: Store) -> str | None:
        """Undo the newest action; its description, or None when there is nothing left to undo.

        A command that can no longer be undone (its row is gone) is dropped with the store's message.
        """
        if not self._done:
            return None
        command = self._done.pop()
        return command.undo(store)

    def clear(self) -> None:
        """Forget everything (another store was opened)."""
        self._done.clear()


@dataclass(frozen=True)
class ChoiceClosed:
    """A prepared choice the window closed."""

    choice_id: int

    def undo(self, store: Store) -> str:
        """Open it again."""
        store.reopen_choice(self.choice_id)
        return t("Keuze {id} weer geopend.", id=self.choice_id)


@dataclass(frozen=True)
class LessonStatusChanged:
    """A lesson the window marked not taught (or taught again): its status before."""

    lesson_id: int
    before: str
    class_name: str
    day: date

    def undo(self, store: Store) -> str:
        """Put the status back."""
        store.set_lesson_status(self.lesson_id, self.before)
        return t("Les van {c} op {d} weer zoals ervoor.", c=self.class_name, d=self.day.isoformat())

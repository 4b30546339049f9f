"""Follow-up after a consequence (issue #16): the student spoken with first, then the parents informed.

A follow-up is opened when an incident is logged at a ladder step of kind 'consequence' (Set-up ›
Afspraken en ladder decides which steps are); a warning opens none. The parents can only be marked
informed after the student was spoken with, unless the teacher records why not (urgent safety). The
notes are private like incident notes: never exported, gone with the incident (forget-student), and
encrypted with the store.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.errors import UserError
from app.core.i18n import N_, t, translate
from app.schema.entities import ClassGroup, FollowUp, Incident, LadderStep
from app.store.records import FollowUpInfo

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

#: how parents can be informed: code -> Dutch name (the command line also takes the Dutch name)
PARENT_CHANNELS: dict[str, str] = {
    "phone": N_("telefoon"),
    "email": N_("e-mail"),
    "app": N_("app van school"),
    "in_person": N_("persoonlijk"),
}
_ALIASES = {
    "telefoon": "phone",
    "mail": "email",
    "e-mail": "email",
    "schoolapp": "app",
    "persoonlijk": "in_person",
}
NOTE_LIMIT = 1000


def channel_code(text: str) -> str:
    """A channel as its code ('telefoon' -> 'phone'); UserError naming the choices otherwise."""
    key = text.strip().lower().replace(" ", "_")
    code = _ALIASES.get(key, key)
    if code not in PARENT_CHANNELS:
        raise UserError(
            t(
                "Onbekende manier '{v}'; kies uit: {ok}.",
                v=text,
                ok=", ".join(f"{c} ({translate(n)})" for c, n in PARENT_CHANNELS.items()),
            )
        )
    return code


def open_follow_up(session: Session, incident: Incident) -> None:
    """Open a follow-up when the incident's step is a consequence (called when it is logged or edited)."""
    kind = session.scalar(select(LadderStep.kind).where(LadderStep.level == incident.step))
    existing = session.scalar(select(FollowUp).where(FollowUp.incident_id == incident.id))
    if kind == "consequence" and existing is None:
        session.add(FollowUp(incident_id=incident.id))
    elif kind != "consequence" and existing is not None and not _started(existing):
        session.delete(existing)  # edited down to a warning before anything was done: nothing to follow


def _started(row: FollowUp) -> bool:
    return row.student_told_at is not None or row.parents_at is not None


def _info(row: FollowUp, names: dict[int, str], classes: dict[int, str]) -> FollowUpInfo:
    inc = row.incident
    return FollowUpInfo(
        incident_id=inc.id,
        student_id=inc.student_id,
        student_name=inc.student.display_name,
        class_name=classes.get(inc.lesson.class_id, ""),
        rule_name=inc.rule.name,
        step_name=names.get(inc.step, str(inc.step)),
        occurred_at=inc.occurred_at,
        student_told_at=row.student_told_at,
        student_note=row.student_note,
        parents_at=row.parents_at,
        parents_how=row.parents_how,
        parents_first_reason=row.parents_first_reason,
    )


class FollowUpsMixin:
    """Store methods for follow-ups."""

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Session]: ...
        def reading(self) -> AbstractContextManager[Session]: ...

    def follow_ups(self, *, open_only: bool = True, incident_id: int | None = None) -> list[FollowUpInfo]:
        """Follow-ups of live incidents, oldest first (only those with something left to do by default)."""
        with self.reading() as session:
            names = {lv: name for lv, name in session.execute(select(LadderStep.level, LadderStep.name))}
            only = () if incident_id is None else (FollowUp.incident_id == incident_id,)
            rows = session.scalars(
                select(FollowUp)
                .join(Incident, FollowUp.incident_id == Incident.id)
                .where(Incident.deleted_at.is_(None), *only)
                .options(
                    joinedload(FollowUp.incident).joinedload(Incident.student),
                    joinedload(FollowUp.incident).joinedload(Incident.rule),
                    joinedload(FollowUp.incident).joinedload(Incident.lesson),
                )
                .order_by(Incident.occurred_at, Incident.id)
            ).all()
            classes = {cid: name for cid, name in session.execute(select(ClassGroup.id, ClassGroup.name))}
            out = [_info(r, names, classes) for r in rows]
        return [f for f in out if not f.done] if open_only else out

    def follow_up(self, incident_id: int) -> FollowUpInfo | None:
        """The follow-up of one incident, if it has one."""
        return next(iter(self.follow_ups(open_only=False, incident_id=incident_id)), None)

    def mark_student_told(self, incident_id: int, *, when: datetime | None = None, note: str = "") -> None:
        """The consequence was spoken through with the student (when, a short private note)."""
        if len(note) > NOTE_LIMIT:
            raise UserError(t("De notitie is te lang (hoogstens {n} tekens).", n=NOTE_LIMIT))
        with self.transaction() as session:
            row = self._row(session, incident_id)
            row.student_told_at = when or datetime.now().replace(microsecond=0)
            row.student_note = note.strip()

    def mark_parents_informed(
        self, incident_id: int, how: str, *, when: datetime | None = None, reason: str = ""
    ) -> None:
        """The parents were informed (how, when); before the student only with a reason (urgent safety)."""
        code = channel_code(how)
        with self.transaction() as session:
            row = self._row(session, incident_id)
            if row.student_told_at is None and not reason.strip():
                raise UserError(
                    t(
                        "Eerst de leerling: ouders worden pas geïnformeerd nadat de leerling het gehoord "
                        "heeft. Is het dringend (veiligheid)? Geef dan de reden op."
                    )
                )
            row.parents_at = when or datetime.now().replace(microsecond=0)
            row.parents_how = code
            row.parents_first_reason = reason.strip() if row.student_told_at is None else ""

    @staticmethod
    def _row(session: Session, incident_id: int) -> FollowUp:
        row = session.scalar(
            select(FollowUp)
            .join(Incident, FollowUp.incident_id == Incident.id)
            .where(FollowUp.incident_id == incident_id, Incident.deleted_at.is_(None))
        )
        if row is None:
            raise UserError(
                t(
                    "Incident {n} heeft geen nazorg: alleen een consequentie (geen waarschuwing) krijgt die.",
                    n=incident_id,
                )
            )
        return row

"""A prepared choice's situation in words, and the responses the app proposes (one wording for all).

The private screens and the command line name the student; the team handout passes no name and gets
"een leerling". The parts are said as the audit's explanations say them (``explain.subject_phrase``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.analysis.audit.explain import subject_phrase
from app.core.i18n import N_, t, translate

if TYPE_CHECKING:
    from app.core.situation import Situation

#: responses the app offers (the teacher may write their own)
RESPONSES: tuple[str, ...] = (
    N_("Dan geef ik de stap die we afspraken, zoals ik bij ieder ander zou doen."),
    N_("Dan neem ik drie tellen en noem ik eerst de afspraak."),
    N_("Dan kijk ik eerst op de ladder welke keer dit is, en pas daarna reageer ik."),
    N_("Dan benoem ik rustig wat ik zie, zonder de stap over te slaan."),
)


def responses() -> list[str]:
    """The proposed responses in the language in force."""
    return [translate(r) for r in RESPONSES]


def situation_parts(situation: Situation, student: str | None = None) -> list[str]:
    """Each restriction of the situation as a phrase; ``student`` is the name to show (None: anonymous)."""
    parts: list[str] = []
    if situation.student is not None:
        parts.append(student if student else t("een leerling"))
    if situation.group is not None:
        parts.append(subject_phrase("group", "group", situation.group))
    if situation.attribute is not None and situation.value is not None:
        parts.append(subject_phrase("group", situation.attribute, situation.value))
    if situation.rule is not None:
        parts.append(subject_phrase("rule", situation.rule, situation.rule))
    if situation.weekday is not None:
        parts.append(subject_phrase("context", "weekday", situation.weekday))
    if situation.period is not None:
        parts.append(subject_phrase("context", "period", str(situation.period)))
    if situation.lesson_mood is not None:
        parts.append(subject_phrase("context", "lesson_mood", situation.lesson_mood))
    if situation.teacher_energy is not None:
        parts.append(subject_phrase("context", "teacher_energy", situation.teacher_energy))
    return parts


def situation_text(situation: Situation, student: str | None = None) -> str:
    """'Als het gaat om Sam, de afspraak 'Te laat', op vrijdag' (the 'if' of the plan)."""
    return t("Als het gaat om {parts}", parts=", ".join(situation_parts(situation, student)))


def plan_text(situation: Situation, response: str, student: str | None = None) -> str:
    """The whole plan in one line: the situation, then the teacher's own response."""
    return t("{situation}: {response}", situation=situation_text(situation, student), response=response)

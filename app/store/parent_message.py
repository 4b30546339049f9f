"""A short, factual, non-accusing text for the parents after a consequence (issue #16 item 3).

The app drafts, the teacher edits and sends it through the school's own channel: nothing is sent from
here. The draft names the rule, what happened (the step given), what was agreed in the ladder and what
happens next; never the teacher's private notes.
"""

from __future__ import annotations

from app.core.i18n import N_, translate
from app.store.records import FollowUpInfo

_GREETING = N_("Beste ouder(s)/verzorger(s) van {name},")
_WHAT = N_(
    "Op {day} heeft {name} in de les ({group}) de afspraak '{rule}' niet gehouden. Volgens de afspraken "
    "van onze school was de stap: {step}."
)
_TOLD = N_("Ik heb het daarna met {name} besproken.")
_NEXT = N_(
    "Ik laat het u weten zodat u op de hoogte bent; het is voor ons met deze stap afgehandeld. Als het "
    "opnieuw gebeurt, volgt de volgende stap die we met de klas hebben afgesproken."
)
_QUESTIONS = N_("Heeft u vragen, dan hoor ik het graag.")
_CLOSING = N_("Met vriendelijke groet,")


def parent_message(item: FollowUpInfo, *, teacher: str = "", lang: str | None = None) -> str:
    """The draft in ``lang`` (default: the language in force)."""
    first = item.student_name.split()[0] if item.student_name.strip() else item.student_name
    values = {
        "name": first,
        "day": item.occurred_at.strftime("%d-%m-%Y"),
        "group": item.class_name,
        "rule": item.rule_name,
        "step": item.step_name,
    }
    parts = [_GREETING, "", _WHAT]
    if item.student_told_at is not None:
        parts.append(_TOLD)
    parts += [_NEXT, _QUESTIONS, "", _CLOSING]
    lines = [translate(p, lang).format(**values) if p else "" for p in parts]
    return "\n".join([*lines, teacher]).rstrip() + "\n"

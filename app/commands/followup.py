"""``followups`` and ``followup``: what is still to do after a consequence, and marking it done (#16)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app.core.calendar import school_days_between
from app.core.errors import UserError
from app.core.i18n import t, translate

if TYPE_CHECKING:
    from app.store.records import FollowUpInfo
    from app.store.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``followups`` and ``followup`` sub-commands."""
    p = sub.add_parser("followups", help=t("nazorg na consequenties die nog open staat"))
    p.add_argument("--all", action="store_true", help=t("ook de afgeronde"))
    p.set_defaults(handler=run_list)

    f = sub.add_parser("followup", help=t("nazorg na een consequentie afvinken"))
    f.add_argument("incident", type=int, metavar="ID", help=t("het nummer van het incident"))
    what = f.add_mutually_exclusive_group(required=True)
    what.add_argument("--student-told", action="store_true", help=t("met de leerling besproken"))
    what.add_argument(
        "--parents-informed",
        metavar="HOW",
        help=t(
            "ouders geïnformeerd: phone, email, app of in_person "
            "(of telefoon, e-mail, schoolapp, persoonlijk)"
        ),
    )
    f.add_argument("--note", default="", help=t("korte privénotitie bij het gesprek met de leerling"))
    f.add_argument(
        "--reason",
        default="",
        help=t("waarom de ouders vóór de leerling (alleen als het dringend is, bijvoorbeeld veiligheid)"),
    )
    f.set_defaults(handler=run_mark)


def still_to_do(item: FollowUpInfo) -> str:
    """What is left, in words."""
    if item.student_told_at is None and item.parents_at is None:
        return t("met de leerling praten, dan de ouders informeren")
    if item.student_told_at is None:
        return t("met de leerling praten")
    if item.parents_at is None:
        return t("de ouders informeren")
    return t("afgerond")


def run_list(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Print the open follow-ups, oldest first, with their age in school days."""
    with open_store() as store:
        items = store.follow_ups(open_only=not args.all)
    if not items:
        print(t("Geen nazorg open."))
        return 0
    today = date.today()
    for item in items:
        print(
            t(
                "{id}  {day}  {name} ({group})  {rule}  {step}  —  {todo} ({age} schooldagen)",
                id=item.incident_id,
                day=item.occurred_at.strftime("%Y-%m-%d"),
                name=item.student_name,
                group=item.class_name,
                rule=item.rule_name,
                step=item.step_name,
                todo=still_to_do(item),
                age=school_days_between(item.occurred_at.date(), today),
            )
        )
    return 0


def run_mark(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Mark the student told, or the parents informed (after the student, unless a reason is given)."""
    from app.store.followups import PARENT_CHANNELS, channel_code

    with open_store() as store:
        if args.student_told:
            store.mark_student_told(args.incident, note=args.note)
            print(t("Incident {id}: met de leerling besproken.", id=args.incident))
        else:
            code = channel_code(args.parents_informed)
            store.mark_parents_informed(args.incident, code, reason=args.reason)
            print(
                t(
                    "Incident {id}: ouders geïnformeerd ({how}).",
                    id=args.incident,
                    how=translate(PARENT_CHANNELS[code]),
                )
            )
        item = store.follow_up(args.incident)
    if item is None:
        raise UserError(t("Incident {id} heeft geen nazorg.", id=args.incident))
    print(t("Nog te doen: {todo}.", todo=still_to_do(item)))
    return 0

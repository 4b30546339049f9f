"""``log``: log one incident now, from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.errors import UserError
from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``log`` sub-command."""
    p = sub.add_parser("log", help=t("log één incident, nu"))
    p.add_argument("--student", required=True, help=t("leerlingnummer"))
    p.add_argument("--rule", required=True, help=t("naam van de afspraak"))
    p.add_argument("--severity", type=_step, help=t("stap op de ladder"))
    p.add_argument("--note", default="", help=t("korte notitie (privé)"))
    p.set_defaults(handler=run)


def _step(text: str) -> int:
    """A ladder step given on the command line: a whole number, else a message in the user's language."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            t(
                "'{v}' is geen getal; geef het nummer van de stap op de ladder (1 = de lichtste)",
                v=text,
            )
        ) from None


def run(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Log the incident and print what was stored."""
    with open_store() as store:
        student = store.student_by_external_id(args.student)
        if student is None:
            raise UserError(t("Onbekende leerling: {s}", s=args.student))
        rule = store.rule_by_name(args.rule)
        if rule is None:
            names = ", ".join(r.name for r in store.rules(active_only=True))
            raise UserError(
                t(
                    "Onbekende afspraak: {r}. Bekend zijn: {names}",
                    r=args.rule,
                    names=names,
                )
            )
        logged = store.log_incident(student.id, rule.id, args.severity, note=args.note)
        opened = store.follow_up(logged.id) is not None
    print(
        t(
            "Opgeslagen: {name} ({group}), {rule}, {n}e keer deze les: {step} (volgens afspraak: {agreed}).",
            name=logged.student_name,
            group=logged.class_name,
            rule=logged.rule_name,
            n=logged.strike,
            step=logged.step_name,
            agreed=logged.agreed_step_name,
        )
    )
    if opened:
        print(
            t(
                "Nazorg geopend (incident {id}): eerst met de leerling praten, dan de ouders informeren "
                "(fair-strictness followup {id} --student-told, daarna --parents-informed HOE).",
                id=logged.id,
            )
        )
    return 0

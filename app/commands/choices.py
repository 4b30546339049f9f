"""``choices``: the prepared choices, open ones first, each with its follow-up figures (issue #15)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app.core.calendar import school_year_start
from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``choices`` sub-command."""
    p = sub.add_parser("choices", help=t("je voorbereide keuzes, met hoe het sindsdien ging"))
    p.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Print every prepared choice: the plan, since when, and its follow-up measured like the audit."""
    from app.analysis.audit.situation_words import plan_text
    from app.analysis.week import choice_follow_ups

    today = date.today()
    with open_store() as store:
        choices = store.choices()
        tables = store.read_tables() if choices else None
    if not choices or tables is None:
        print(t("Nog geen voorbereide keuzes. Maak er een op de pagina Reflectie."))
        return 0
    for choice in choices:
        if choice.active:
            head = t("Keuze {id} (sinds {d}, open)", id=choice.id, d=choice.starts_on.isoformat())
        else:
            head = t(
                "Keuze {id} ({a} – {b}, afgesloten)",
                id=choice.id,
                a=choice.starts_on.isoformat(),
                b=choice.closed_on.isoformat() if choice.closed_on else "",
            )
        print(head)
        print("  " + plan_text(choice.situation, choice.response, choice.student_name))
        if choice.starts_on > today:
            print("  " + t("Begint later; nog niets te meten."))
        else:
            end = min(today, choice.closed_on) if choice.closed_on else today
            found = choice_follow_ups(tables, [choice], school_year_start(choice.starts_on), end)
            print("  " + found[choice.id].sentence)
        print()
    return 0

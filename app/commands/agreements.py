"""``export-agreements`` and ``import-agreements``: the team's agreements as a small file (issue #15)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export-agreements`` and ``import-agreements`` sub-commands."""
    e = sub.add_parser(
        "export-agreements",
        help=t("de afspraken, ladder en afbouwplannen als bestand voor collega's (zonder leerlingen)"),
    )
    e.add_argument("file", type=Path, metavar="FILE")
    e.set_defaults(handler=run_export)
    i = sub.add_parser("import-agreements", help=t("afspraken van een collega overnemen, vanaf een datum"))
    i.add_argument("file", type=Path, metavar="FILE")
    i.add_argument(
        "--from", dest="date_from", metavar="DATE", help=t("vanaf deze datum (JJJJ-MM-DD; standaard vandaag)")
    )
    i.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Write the agreements file."""
    from app.store.agreements import write_agreements

    with open_store() as store:
        n = write_agreements(store, args.file)
    print(t("{n} afspraken, de ladder en de afbouwplannen geschreven naar {p}.", n=n, p=args.file))
    return 0


def run_import(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Apply every change in the file from the date on, and say per item what changed."""
    from app.analysis.frame import parse_day
    from app.store.agreements import read_agreements
    from app.store.agreements_import import apply_import, plan_import

    agreements = read_agreements(args.file)  # refused before the store is opened when it is no such file
    on = parse_day(args.date_from, t("begindatum")) or date.today()
    with open_store() as store:
        plan = plan_import(store, agreements, on)
        done = apply_import(store, plan)
    if not done:
        print(t("Niets veranderd: je afspraken zijn al dezelfde als in {p}.", p=args.file))
    else:
        print(t("Overgenomen vanaf {d}:", d=on.isoformat()))
        for line in done:
            print(f"  - {line}")
    if plan.unchanged:
        print(t("{n} afspraken waren al gelijk.", n=plan.unchanged))
    if plan.kept:
        print(t("Eigen afspraken die niet in het bestand staan, blijven: {r}.", r=", ".join(plan.kept)))
    return 0

"""Data in and out: ``import-roster``, ``-rules``, ``-incidents``, ``export-incidents`` and ``demo``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store

#: import sub-commands and the kind of file each reads
IMPORTS = {"import-roster": "roster", "import-rules": "rules", "import-incidents": "incidents"}


def _import_help(kind: str) -> str:
    """The help line of an import command, in the language in force."""
    if kind == "roster":
        return t(
            "importeer leerlingen (CSV/XLSX: student_id,name,group + kenmerken; ook Magister/SOMtoday)",
        )
    if kind == "rules":
        return t(
            "importeer afspraken (CSV: name,category,start_step)",
        )
    return t(
        "importeer incidenten (CSV: timestamp,student_id,rule,severity[,lesson][,note])",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the import, export and demo sub-commands."""
    for command, kind in IMPORTS.items():
        help_text = _import_help(kind)
        p = sub.add_parser(command, help=help_text, description=help_text)
        p.add_argument("file", type=Path, metavar="FILE")
        p.add_argument(
            "--dry-run",
            action="store_true",
            help=t("alleen controleren en tonen wat er zou veranderen"),
        )
        if kind == "roster":
            p.add_argument(
                "--attributes",
                metavar="NAMES",
                help=t(
                    "alleen deze kolommen worden kenmerken (komma's ertussen; '' voor geen); "
                    "standaard worden alle overige kolommen kenmerken",
                ),
            )
        p.set_defaults(handler=run_import, kind=kind)
    p = sub.add_parser(
        "export-incidents",
        help=t("exporteer alle incidenten als CSV"),
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--separator",
        choices=(",", ";", "tab"),
        default=",",
        help=t("scheidingsteken (standaard ,)"),
    )
    p.set_defaults(handler=run_export)
    p = sub.add_parser(
        "demo",
        help=t(
            "vul een leeg logboek met een verzonnen schooljaar om de app te leren kennen",
        ),
    )
    p.add_argument("--seed", type=int, default=2026, help=t("startgetal van het toeval"))
    p.set_defaults(handler=run_demo)


def run_import(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Check the whole file; print every problem (exit 2) or what was (or would be) imported."""
    from app import importers as importing

    preview_fn = getattr(importing, f"preview_{args.kind}")
    apply_fn = getattr(importing, f"apply_{args.kind}")
    options = {}
    if getattr(args, "attributes", None) is not None:
        options["attributes"] = [a.strip() for a in args.attributes.split(",") if a.strip()]
    with open_store() as store:
        preview = preview_fn(store, args.file, **options)
        if preview.problems:
            from app.importers.problems import problem_exit

            raise problem_exit(args.file, preview.problems)
        if args.dry_run:
            print(_describe_preview(args.kind, preview))
            return 0
        summary = apply_fn(store, preview)
        # committed: say so now, before closing (a backup or checkpoint that fails then changes nothing)
        print(summary.describe(), flush=True)
    return 0


def _describe_preview(kind: str, preview: object) -> str:
    """What an import would do, in one sentence."""
    new = len(getattr(preview, "new", ()))
    updated = len(getattr(preview, "updated", ()))
    unchanged = getattr(preview, "unchanged", 0)
    text = t(
        "Proefronde, niets opgeslagen: {n} nieuw, {u} gewijzigd, {s} ongewijzigd.",
        n=new,
        u=updated,
        s=unchanged,
    )
    new_rules = getattr(preview, "new_rules", ())
    if kind == "incidents" and new_rules:
        text += " " + t(
            "Nieuwe afspraken (startstap 1): {names}.",
            names=", ".join(new_rules),
        )
    return text


def run_export(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Write every live incident to FILE."""
    from app.importers.exporting import export_incidents

    delimiter = "\t" if args.separator == "tab" else args.separator
    with open_store() as store:
        n = export_incidents(store, args.file, delimiter=delimiter)
    print(t("{n} incidenten geschreven naar {file}.", n=n, file=args.file))
    return 0


def run_demo(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Fill the store with the synthetic school year and say what it holds."""
    from app.simulation.demo import fill_demo

    with open_store() as store:
        summary = fill_demo(store, seed=args.seed)
    print(summary.describe())
    return 0

"""``export-team`` and ``team-compare``: the anonymised team handout, and several teachers compared."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import UserError
from app.core.i18n import t, translate
from app.team.anonymise import SECTIONS

if TYPE_CHECKING:
    from app.store.store import Store
    from app.team.anonymise import CaseChoice, PlanCard


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export-team`` and ``team-compare`` sub-commands."""
    p = sub.add_parser(
        "export-team",
        help=t(
            "anoniem teamoverzicht (PDF, CSV, JSON) voor de casuïstiekbespreking",
        ),
    )
    p.add_argument("--out", type=Path, required=True, help=t("map om in op te slaan"))
    p.add_argument("--from", dest="date_from", help=t("vanaf datum (JJJJ-MM-DD)"))
    p.add_argument("--to", dest="date_to", help=t("tot en met datum (JJJJ-MM-DD)"))
    p.add_argument(
        "--students",
        action="store_true",
        help=t("ook rijen per leerling, onder schuilnamen"),
    )
    p.add_argument(
        "--case",
        action="append",
        default=[],
        metavar="INCIDENT_ID=BESCHRIJVING",
        help=t("een casus voor de bespreking (hoogstens drie)"),
    )
    p.add_argument("--point", action="append", default=[], help=t("een bespreekpunt"))
    p.add_argument(
        "--plan",
        action="append",
        default=[],
        type=int,
        metavar="KEUZE_ID",
        help=t("een voorbereide keuze als anonieme casus (nummer uit 'choices'; hoogstens vijf)"),
    )
    p.add_argument(
        "--sections",
        metavar="NAMEN",
        help=t(
            "alleen deze onderdelen, met komma's ertussen (standaard alle): {s}",
            s=",".join(SECTIONS),
        ),
    )
    p.add_argument("--fdr", type=float, default=0.05, help=t("FDR van de audit"))
    p.set_defaults(handler=run_export)

    c = sub.add_parser(
        "team-compare",
        help=t("vergelijk de uitwisselingsbestanden van collega's"),
    )
    c.add_argument("files", nargs="+", type=Path, metavar="FILE.json")
    c.add_argument("--out", type=Path, required=True, help=t("map om in op te slaan"))
    c.add_argument("--fdr", type=float, default=0.05, help=t("FDR over de afspraken"))
    c.set_defaults(handler=run_compare)


def parse_sections(text: str | None) -> frozenset[str] | None:
    """``rules,patterns`` as a set of section keys (None: all); UserError naming the valid ones."""
    if text is None:
        return None
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [c for c in chosen if c not in SECTIONS]
    if unknown or not chosen:
        raise UserError(
            t(
                "--sections kent {bad} niet; kies uit: {ok}.",
                bad=", ".join(unknown) or "''",
                ok=", ".join(SECTIONS),
            )
        )
    return frozenset(chosen)


def parse_case(text: str) -> CaseChoice:
    """``INCIDENT_ID=description`` as a ``CaseChoice``; UserError when it is not of that form."""
    from app.team.anonymise import CaseChoice

    number, sep, description = text.partition("=")
    if not sep or not number.strip().isdigit() or not description.strip():
        raise UserError(
            t(
                "--case verwacht INCIDENTNUMMER=beschrijving, niet: {v}",
                v=text,
            )
        )
    return CaseChoice(int(number), description.strip())


def plan_cards(store: Store, ids: list[int]) -> tuple[PlanCard, ...]:
    """The prepared choices with these numbers as anonymous cards; UserError for an unknown number."""
    from app.analysis.audit.situation_words import situation_text
    from app.team.anonymise import PlanCard

    out = []
    for choice_id in ids:
        choice = store.choice(choice_id)
        if choice is None:
            raise UserError(t("Keuze {id} bestaat niet.", id=choice_id))
        out.append(PlanCard(situation_text(choice.situation), choice.response))
    return tuple(out)


def run_export(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Build, check and write the team export; print what was written and what was left out."""
    from app.analysis.audit.run import audit
    from app.analysis.frame import parse_day
    from app.team.anonymise import ExportOptions
    from app.team.files import export_package, write_package
    from app.team.report import build_summary

    start = time.perf_counter()
    options = ExportOptions(
        date_from=parse_day(args.date_from, t("begindatum")),
        date_to=parse_day(args.date_to, t("einddatum")),
        students=args.students,
        cases=tuple(parse_case(c) for c in args.case),
        points=tuple(args.point),
        sections=parse_sections(args.sections),
    )
    if not 0 < args.fdr < 1:
        raise UserError(t("--fdr moet tussen 0 en 1 liggen."))
    with open_store() as store:
        tables = store.read_tables()
        options = replace(options, plans=plan_cards(store, args.plan))
    # without incidents there is nothing to audit; the summary then says so in plain words
    report = (
        audit(tables, fdr=args.fdr, date_from=options.date_from, date_to=options.date_to)
        if not tables["incidents"].empty
        else None
    )
    package = export_package(build_summary(tables, report, options))
    written = write_package(package, args.out)
    summary = package.summary
    print(
        t(
            "Teamoverzicht van week {a} t/m {b}: {n} incidenten.",
            a=summary.week_from,
            b=summary.week_to,
            n=summary.n_incidents,
        )
    )
    for note in summary.suppressions:
        print(f"  - {note}")
    for path in written:
        print(t("Opgeslagen: {p}", p=path))
    print(t("Klaar in {s:.1f} s.", s=time.perf_counter() - start))
    return 0


def run_compare(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Compare the exchange files and write the team comparison (PDF and CSVs)."""
    from app.team.compare import compare
    from app.team.compare_tables import VERDICT_NL, comparison_tables
    from app.team.exchange import read_exchange
    from app.team.files import comparison_files, write_files
    from app.team.handout_pdf import comparison_pdf

    files = [read_exchange(path) for path in args.files]
    comp = compare(files, fdr=args.fdr)
    tables = comparison_tables(comp)
    written = write_files(comparison_files(tables, comparison_pdf(comp, tables)), args.out)
    for (label, *_), path in zip(comp.teachers, args.files, strict=True):
        print(f"{label}: {path.name}")
    for rule in comp.rules:
        print(f"{rule.rule}: {translate(VERDICT_NL[rule.verdict])}. {rule.explanation}")
    for path in written:
        print(t("Opgeslagen: {p}", p=path))
    return 0
